#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ui {

const char* role_name(Role role) {
  switch (role) {
    case Role::Primary: return "primary";
    case Role::Button: return "button";
    case Role::Nav: return "nav";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Pictogram: return "pictogram";
    case Role::Hold: return "hold";
  }
  return "unknown";
}

const Widget* WidgetList::target_at(input::Point p) const {
  for (auto it = widgets_.rbegin(); it != widgets_.rend(); ++it)
    if (it->intent && it->rect.contains(p)) return &*it;
  return nullptr;
}

const Widget* WidgetList::hold_target_at(input::Point p) const {
  for (auto it = widgets_.rbegin(); it != widgets_.rend(); ++it)
    if (it->hold && it->rect.contains(p)) return &*it;
  return nullptr;
}

const Widget* WidgetList::find(const std::string& id) const {
  auto it = std::find_if(widgets_.begin(), widgets_.end(), [&](const Widget& w) { return w.id == id; });
  return it == widgets_.end() ? nullptr : &*it;
}

const Widget* WidgetList::find_label(const std::string& label) const {
  auto it = std::find_if(widgets_.begin(), widgets_.end(),
                         [&](const Widget& w) { return w.intent && w.label == label; });
  return it == widgets_.end() ? nullptr : &*it;
}

bool WidgetList::shows_text(const std::string& text) const {
  return std::any_of(widgets_.begin(), widgets_.end(), [&](const Widget& w) {
    return w.role != Role::Pictogram && w.label.find(text) != std::string::npos;
  });
}

namespace {

// Extra space between lines: older eyes find their place more easily.
constexpr float kLineSpacing = 1.3f;

// Labels show "**bold**" marks as bold, but the recorded label is plain text.
std::string plain(const std::string& marked) {
  std::string out;
  for (const auto& span : text::parse_inline(marked)) out += span.text;
  return out;
}

}  // namespace

// The role's weight applies to the whole text; "**...**" adds bold inside regular text.
std::vector<text::Span> Painter::spans(TextRole role, const std::string& marked) const {
  auto spans = text::parse_inline(marked);
  if (type_.face(role, text_size_).weight == text::Weight::Bold)
    for (auto& span : spans) span.bold = true;
  return spans;
}

Painter::Painter(ImDrawList& draw, const DisplayMetrics& display, Typography& type, DrawBackend& backend,
                 std::deque<SolidRect>& solids, app::TextSize text_size, const Palette& colors,
                 bool right_to_left, WidgetList& widgets, std::optional<input::Point> pressed,
                 std::optional<speech::Spoken> spoken)
    : draw_(draw),
      display_(display),
      type_(type),
      backend_(backend),
      solids_(solids),
      text_size_(text_size),
      colors_(colors),
      rtl_(right_to_left),
      widgets_(widgets),
      pressed_(pressed),
      spoken_(std::move(spoken)) {}

void Painter::highlight(const std::string& id, const text::Layout& layout, float x, float y) {
  if (!spoken_ || spoken_->widget != id) return;
  const float pad = px(0.4f);
  for (const text::WordBox& word : layout.words)
    if (word.begin < spoken_->end && spoken_->begin < word.end)
      solid({x + word.x - pad, y + word.y, word.w + 2 * pad, word.h}, colors_.spoken_word, pad);
}

Painter::Look Painter::looks(ButtonLook look) const {
  switch (look) {
    case ButtonLook::Plain: break;
    case ButtonLook::Primary: return {colors_.primary, colors_.primary_text, colors_.primary};
    case ButtonLook::Nav: return {colors_.nav_button, colors_.nav_text, colors_.button_edge};
    case ButtonLook::Warning: return {colors_.warning_panel, colors_.text, colors_.button_edge};
  }
  return {colors_.button, colors_.button_text, colors_.button_edge};
}

Rect Painter::mirror(const Rect& r) const {
  if (!rtl_) return r;
  return {static_cast<float>(display_.width_px) - r.x - r.w, r.y, r.w, r.h};
}

text::Style Painter::style_for(TextRole role, bool centre) const {
  text::Style style;
  style.size_px = type_.face(role, text_size_).size_px;
  style.line_spacing = kLineSpacing;
  style.align = centre ? text::Align::Centre : text::Align::Start;
  style.right_to_left = rtl_ && !ltr_text_;
  return style;
}

// Icons that point along the reading direction turn round in right-to-left languages.
std::string Painter::pictogram_name(const std::string& name) const {
  if (!rtl_) return name;
  if (name == "arrow_back") return "arrow_forward";
  if (name == "arrow_forward") return "arrow_back";
  if (name == "chevron_right") return "chevron_left";
  if (name == "chevron_left") return "chevron_right";
  return name;
}

bool Painter::has_pictogram(const std::string& name) {
  return type_.engine().has_pictogram(name);
}

void Painter::draw_layout(const text::Layout& layout, float x, float y, Color color) {
  auto& atlas = type_.atlas();
  const float page = static_cast<float>(atlas.page_size());
  for (const text::Glyph& g : layout.glyphs) {
    const text::AtlasEntry& e = atlas.glyph(g.face, g.id, layout.size_px);
    if (e.page < 0 || e.width == 0) continue;
    // Whole pixels: glyph bitmaps stay sharp.
    const float gx = std::round(x + g.x) + static_cast<float>(e.left);
    const float gy = std::round(y + g.y) - static_cast<float>(e.top);
    draw_.AddImage(backend_.page_texture(e.page), {gx, gy},
                   {gx + static_cast<float>(e.width), gy + static_cast<float>(e.height)},
                   {static_cast<float>(e.x) / page, static_cast<float>(e.y) / page},
                   {static_cast<float>(e.x + e.width) / page, static_cast<float>(e.y + e.height) / page},
                   color.imgui());
  }
}

void Painter::solid(const Rect& r, Color color, float rounding) {
  if (color.a != 255) {
    draw_.AddRectFilled({r.x, r.y}, {r.right(), r.bottom()}, color.imgui(), rounding);
    return;
  }
  rounding = std::min({std::round(rounding), std::floor(r.w / 2), std::floor(r.h / 2)});
  auto fast = [&](float x, float y, float w, float h) {
    if (w <= 0 || h <= 0) return;
    const int left = static_cast<int>(std::lround(x)), top = static_cast<int>(std::lround(y));
    solids_.push_back({left, top, static_cast<int>(std::lround(x + w)) - left,
                       static_cast<int>(std::lround(y + h)) - top, color});
    draw_.AddCallback(backend_.solid_fill(), &solids_.back());
  };
  if (rounding < 1) {
    fast(r.x, r.y, r.w, r.h);
    return;
  }
  // The large inside as fast fills, only the four corners as triangles.
  fast(r.x, r.y + rounding, r.w, r.h - 2 * rounding);
  fast(r.x + rounding, r.y, r.w - 2 * rounding, rounding);
  fast(r.x + rounding, r.bottom() - rounding, r.w - 2 * rounding, rounding);
  const float d = 2 * rounding;
  const auto c = color.imgui();
  draw_.AddRectFilled({r.x, r.y}, {r.x + d, r.y + d}, c, rounding, ImDrawFlags_RoundCornersTopLeft);
  draw_.AddRectFilled({r.right() - d, r.y}, {r.right(), r.y + d}, c, rounding,
                      ImDrawFlags_RoundCornersTopRight);
  draw_.AddRectFilled({r.x, r.bottom() - d}, {r.x + d, r.bottom()}, c, rounding,
                      ImDrawFlags_RoundCornersBottomLeft);
  draw_.AddRectFilled({r.right() - d, r.bottom() - d}, {r.right(), r.bottom()}, c, rounding,
                      ImDrawFlags_RoundCornersBottomRight);
}

void Painter::fill(const Rect& logical, Color color, float rounding_mm) {
  solid(mirror(logical), color, px(rounding_mm));
}

void Painter::panel(const Rect& logical, Color color, float rounding_mm) {
  fill(logical, color, rounding_mm);
  if (colors_.panel_edge.a == 0) return;
  const Rect r = mirror(logical);
  const float edge = px(0.8f);
  draw_.AddRect({r.x + edge / 2, r.y + edge / 2}, {r.right() - edge / 2, r.bottom() - edge / 2},
                colors_.panel_edge.imgui(), px(rounding_mm), 0, edge);
}

float Painter::text_width(TextRole role, const std::string& text) {
  return type_.engine().layout(spans(role, text), style_for(role, false), 1e6f)->width;
}

float Painter::measure(TextRole role, const std::string& text, float width, bool bullet) {
  text::Style style = style_for(role, false);
  style.bullet = bullet;
  return type_.engine().layout(spans(role, text), style, width)->height;
}

float Painter::text(const std::string& id, Role role, TextRole text_role, const std::string& text, float x,
                    float y, float width, Color color, Color background, bool centre, bool bullet) {
  text::Style style = style_for(text_role, centre);
  style.bullet = bullet;
  const auto layout = type_.engine().layout(spans(text_role, text), style, width);
  const Rect box = mirror({x, y, width, layout->height});
  highlight(id, *layout, box.x, box.y);
  draw_layout(*layout, box.x, box.y, color);
  // Record the ink's extent: the widest line, placed as the alignment placed it.
  float left = box.x;
  if (centre)
    left = box.x + (width - layout->width) / 2;
  else if (rtl_ && !ltr_text_)
    left = box.right() - layout->width;
  const TextFace& face = type_.face(text_role, text_size_);
  widgets_.add({id,
                role,
                plain(text),
                {left, y, layout->width, layout->height},
                face.size_px,
                face.cap_px,
                color,
                background,
                std::nullopt,
                false});
  return layout->height;
}

void Painter::pictogram(const std::string& id, const std::string& name, float x, float y, float size_mm,
                        Color color, Color background) {
  const float size = type_.icon_px(size_mm);
  const auto layout = type_.engine().pictogram(pictogram_name(name), size);
  if (!layout) return;
  const Rect box = mirror({x, y, size, size});
  draw_layout(*layout, box.x, box.y, color);
  widgets_.add({id, Role::Pictogram, name, box, size, 0, color, background, std::nullopt, false});
}

void Painter::hold_area(const std::string& id, const Rect& rect, app::Intent intent) {
  Widget w;
  w.id = id;
  w.role = Role::Hold;
  w.rect = mirror(rect);
  w.hold = std::move(intent);
  widgets_.add(std::move(w));
}

float Painter::button_width(const std::string& label, bool pictogram, float min, const ButtonStyle& style) {
  const float pad = px(4);
  const float icon_w = pictogram ? type_.icon_px(style.icon_mm) + pad : 0;
  const auto layout =
      type_.engine().layout(spans(style.text_role, label), style_for(style.text_role, true), 1e6f);
  return std::max(min, layout->width + icon_w + 2 * pad + px(1));
}

void Painter::button(const std::string& id, Role role, const std::string& label,
                     const std::string& pictogram_name_logical, const Rect& logical, app::Intent intent,
                     const ButtonStyle& style, bool selected, const std::string& context) {
  const Rect r = mirror(logical);
  // Grey until it acts: a tap meant for the screen before does nothing here, and shows no press.
  const bool waiting = settling_ && app::waits_for_new_screen(intent.action);
  const bool pressed = !waiting && pressed_ && r.contains(*pressed_);
  const auto [fill, text, edge_normal] = looks(style.look);
  const Color fill_color = waiting ? colors_.waiting_button : pressed ? colors_.pressed : fill;
  const Color text_color = waiting ? colors_.waiting_text : pressed ? colors_.pressed_text : text;
  solid(r, fill_color, px(3));
  const float edge = px(pressed || selected ? 1.2f : 0.6f);
  const Color edge_color = selected ? colors_.selected_edge : waiting ? colors_.waiting_edge : edge_normal;
  draw_.AddRect({r.x + edge / 2, r.y + edge / 2}, {r.right() - edge / 2, r.bottom() - edge / 2},
                edge_color.imgui(), px(3), 0, edge);

  // Laid out in logical coordinates inside the button, then mirrored as a whole.
  const float pad = px(4);
  const float icon_size = type_.icon_px(style.icon_mm);
  const auto icon = pictogram_name_logical.empty()
                        ? nullptr
                        : type_.engine().pictogram(pictogram_name(pictogram_name_logical), icon_size);
  const float icon_w = icon ? icon_size : 0;
  const float room = style.icon_above ? logical.w - 2 * pad : logical.w - 2 * pad - icon_w - (icon ? pad : 0);
  const auto layout = type_.engine().layout(spans(style.text_role, label), style_for(style.text_role, true),
                                            std::max(room, 1.0f));
  auto place = [&](float x, float y, float w) { return mirror({x, y, w, 0}).x; };
  if (style.icon_above) {
    const float block = icon_w + (icon ? pad / 2 : 0) + layout->height;
    const float top = logical.y + (logical.h - block) / 2;
    if (icon) draw_layout(*icon, place(logical.x + (logical.w - icon_w) / 2, top, icon_w), top, text_color);
    highlight(id, *layout, place(logical.x + pad, 0, room), top + icon_w + (icon ? pad / 2 : 0));
    draw_layout(*layout, place(logical.x + pad, 0, room), top + icon_w + (icon ? pad / 2 : 0), text_color);
  } else {
    const float block = icon_w + (icon ? pad : 0) + layout->width;
    const float left = logical.x + std::max(pad, (logical.w - block) / 2);
    const float text_x = left + icon_w + (icon ? pad : 0);
    if (icon) draw_layout(*icon, place(left, 0, icon_w), logical.y + (logical.h - icon_w) / 2, text_color);
    // The label box is as wide as its text, so centring inside it puts the text right after the icon.
    highlight(id, *layout, place(text_x - (room - layout->width) / 2, 0, room),
              logical.y + (logical.h - layout->height) / 2);
    draw_layout(*layout, place(text_x - (room - layout->width) / 2, 0, room),
                logical.y + (logical.h - layout->height) / 2, text_color);
  }
  const TextFace& face = type_.face(style.text_role, text_size_);
  const float needed = style.icon_above ? icon_w + (icon ? pad / 2 : 0) + layout->height : layout->height;
  const bool overflows = !label.empty() && (needed > logical.h + 0.5f || layout->width > room + 0.5f);
  Widget w{id,
           role,
           plain(label),
           r,
           face.size_px,
           face.cap_px,
           waiting ? colors_.waiting_text : text,
           waiting ? colors_.waiting_button : fill,
           std::move(intent),
           selected,
           overflows};
  w.waiting = waiting;
  w.context = context;
  widgets_.add(std::move(w));
}

}  // namespace ui
