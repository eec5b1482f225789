#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

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

void Painter::highlight(const std::string& id, const text::Layout& layout, float x, float y, float height) {
  if (!spoken_ || spoken_->widget != id) return;
  const float pad = px(0.4f);
  for (const text::WordBox& word : layout.words)
    if (word.y < height && word.begin < spoken_->end && spoken_->begin < word.end)
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

void Painter::draw_layout(const text::Layout& layout, float x, float y, Color color, float clip_top,
                          float clip_bottom) {
  auto& atlas = type_.atlas();
  const float page = static_cast<float>(atlas.page_size());
  std::size_t from = 0, to = layout.glyphs.size();
  const auto& starts = layout.line_starts;
  if (layout.line_height > 0 && !starts.empty()) {
    const auto line_start = [&](double line) {
      if (line <= 0) return std::size_t{0};
      if (line >= static_cast<double>(starts.size())) return layout.glyphs.size();
      return static_cast<std::size_t>(starts[static_cast<std::size_t>(line)]);
    };
    from = line_start(std::floor((clip_top - y) / layout.line_height));
    to = std::max(from, line_start(std::ceil((clip_bottom - y) / layout.line_height)));
  }
  for (std::size_t i = from; i < to; ++i) {
    const text::Glyph& g = layout.glyphs[i];
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
  panel_edge(mirror(logical), rounding_mm);
}

// In high contrast a panel on black keeps a visible edge (a result card, the slip's paper).
void Painter::panel_edge(const Rect& r, float rounding_mm) {
  if (colors_.panel_edge.a == 0) return;
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
  // Lines below the text's bottom are cut off, whole.
  int shown = layout->lines;
  if (y + layout->height > text_bottom_ + 0.5f && layout->line_height > 0)
    shown = std::clamp(static_cast<int>(std::floor((text_bottom_ - y + 0.5f) / layout->line_height)), 0,
                       layout->lines);
  const bool cut = shown < layout->lines;
  const float height = cut ? static_cast<float>(shown) * layout->line_height : layout->height;
  const Rect box = mirror({x, y, width, height});
  highlight(id, *layout, box.x, box.y, height);
  draw_layout(*layout, box.x, box.y, color, -kNoBottom, cut ? box.y + height : kNoBottom);
  // Record the ink's extent: the widest line, placed as the alignment placed it.
  float left = box.x;
  if (centre)
    left = box.x + (width - layout->width) / 2;
  else if (rtl_ && !ltr_text_)
    left = box.right() - layout->width;
  // The label is what shows: the lines drawn of a text cut off, or laid out so far.
  std::string label;
  if (cut || !layout->complete) {
    std::size_t end = 0;
    for (const auto& word : layout->words) {
      if (word.y >= height) break;
      end = std::max(end, word.end);
    }
    label = layout->text.substr(0, end);
  } else {
    label = plain(text);
  }
  const TextFace& face = type_.face(text_role, text_size_);
  record({id,
                role,
                std::move(label),
                {left, y, layout->width, height},
                face.size_px,
                face.cap_px,
                color,
                background,
                std::nullopt,
                false,
                cut});
  return height;
}

void Painter::pictogram(const std::string& id, const std::string& name, float x, float y, float size_mm,
                        Color color, Color background) {
  const float size = type_.icon_px(size_mm);
  const auto layout = type_.engine().pictogram(pictogram_name(name), size);
  if (!layout) return;
  const Rect box = mirror({x, y, size, size});
  draw_layout(*layout, box.x, box.y, color);
  record({id, Role::Pictogram, name, box, size, 0, color, background, std::nullopt, false});
}

namespace {

// Where the cursor stands for `offset`: its own place when the layout has one; else (spaces
// the layout does not draw, a new line it collapses) after the nearest place before it,
// moved on by the spaces or to the next line's start.
struct CursorPlace {
  float x = 0;
  int line = 0;
};
CursorPlace cursor_place(const text::Layout& layout, std::size_t offset, float space, float width,
                         bool right_to_left) {
  const float line_start = right_to_left ? width : 0;
  const text::Caret* before = nullptr;
  for (const auto& c : layout.carets) {
    if (c.byte == offset) return {c.x, c.line};
    if (c.byte < offset && (!before || c.byte > before->byte)) before = &c;
  }
  if (!before) return {line_start, 0};
  const std::string between = layout.text.substr(before->byte, offset - before->byte);
  if (const auto newline = between.rfind('\n'); newline != std::string::npos) {
    const auto spaces = static_cast<float>(between.size() - newline - 1);
    return {line_start + (right_to_left ? -spaces : spaces) * space, before->line + 1};
  }
  const auto spaces = static_cast<float>(std::count(between.begin(), between.end(), ' '));
  return {std::clamp(before->x + (right_to_left ? -spaces : spaces) * space, 0.0f, width), before->line};
}

}  // namespace

std::size_t caret_offset_at(const Widget& field, input::Point at) {
  const CaretStop* best = nullptr;
  auto distance = [&](const CaretStop& c) {
    // Lines first: a stop on the line under the finger beats a nearer one on the next line.
    const float dy = at.y < c.y ? c.y - at.y : at.y >= c.y + c.h ? at.y - (c.y + c.h) + 1 : 0;
    return std::pair{dy, std::abs(at.x - c.x)};
  };
  for (const auto& c : field.carets)
    if (!best || distance(c) < distance(*best)) best = &c;
  return best ? best->offset : 0;
}

Painter::Paging Painter::text_field(const std::string& id, const std::string& text, const Editing& editing,
                                    const Rect& logical, app::Intent intent) {
  const Rect box = mirror(logical);
  const float pad = px(4);
  text::Style style = style_for(TextRole::Body, false);
  style.right_to_left = editing.right_to_left;
  style.hyphenate = false;  // a hyphen that is not in the text would confuse the cursor
  style.carets = true;
  const float inner_w = box.w - 2 * pad;
  const auto layout = type_.engine().layout({{text, false}}, style, inner_w);
  const float line_h = layout->line_height;
  const float space = text_width(TextRole::Body, "a a") - text_width(TextRole::Body, "aa");
  const CursorPlace cursor = cursor_place(*layout, editing.cursor, space, inner_w, editing.right_to_left);
  // The lines stay where they were, unless the cursor would leave the box: a tap in the text
  // must not move the word under the finger before the second tap of a double tap.
  // The text's end may stand on a line of its own (after a new line): counted whatever the cursor.
  const CursorPlace end = cursor_place(*layout, text.size(), space, inner_w, editing.right_to_left);
  const int lines = std::max(layout->lines, end.line + 1);
  const int visible = std::max(1, static_cast<int>((box.h - 2 * pad) / line_h));
  int first = field_scroll_ ? *field_scroll_ : 0;
  if (cursor.line < first) first = cursor.line;
  if (cursor.line >= first + visible) first = cursor.line - visible + 1;
  first = std::clamp(first, 0, std::max(0, lines - visible));
  if (field_scroll_) *field_scroll_ = first;
  const float x0 = box.x + pad, y0 = box.y + pad - static_cast<float>(first) * line_h;
  auto shows = [&](int line) { return line >= first && line < first + visible; };

  solid(box, colors_.button, px(1.5f));
  panel_edge(box, 1.5f);
  // The selection: behind its letters, line by line, from its places on that line.
  if (editing.selection_begin < editing.selection_end) {
    std::map<int, std::pair<float, float>> spans;
    for (const auto& c : layout->carets) {
      if (c.byte < editing.selection_begin || c.byte > editing.selection_end || !shows(c.line)) continue;
      auto [it, added] = spans.try_emplace(c.line, c.x, c.x);
      it->second = {std::min(it->second.first, c.x), std::max(it->second.second, c.x)};
    }
    for (const auto& [line, span] : spans) {
      const float top = y0 + static_cast<float>(line) * line_h;
      solid({x0 + span.first, top, span.second - span.first, line_h}, colors_.spoken_word, 0);
      // Not by colour alone: a line under the selected letters too.
      solid({x0 + span.first, top + line_h - px(0.8f), span.second - span.first, px(0.8f)}, colors_.text, 0);
    }
  }
  draw_.PushClipRect({box.x, box.y + pad}, {box.right(), box.bottom() - pad}, true);
  draw_layout(*layout, x0, y0, colors_.text, box.y + pad, box.bottom() - pad);
  draw_.PopClipRect();
  // The cursor: a bar thick enough to find, the height of the line.
  const float bar = px(0.8f);
  solid({x0 + cursor.x - bar / 2, y0 + static_cast<float>(cursor.line) * line_h, bar, line_h}, colors_.text,
        0);

  Widget w{id,
           Role::Text,
           text,
           box,
           type_.face(TextRole::Body, text_size_).size_px,
           type_.face(TextRole::Body, text_size_).cap_px,
           colors_.text,
           colors_.button,
           std::move(intent)};
  for (const auto& c : layout->carets)
    if (shows(c.line))
      w.carets.push_back({c.byte, x0 + c.x, y0 + static_cast<float>(c.line) * line_h, line_h});
  // The text's end is a place too, also where the layout has none (after a space, on a new line).
  if (shows(end.line) && std::none_of(w.carets.begin(), w.carets.end(),
                                      [&](const CaretStop& c) { return c.offset == text.size(); }))
    w.carets.push_back({text.size(), x0 + end.x, y0 + static_cast<float>(end.line) * line_h, line_h});
  record(std::move(w));

  const auto on_line = [&](int line) {
    if (line < 0) return std::size_t{0};
    const text::Caret* best = nullptr;
    for (const auto& c : layout->carets)
      if (c.line == line && (!best || std::abs(c.x - cursor.x) < std::abs(best->x - cursor.x))) best = &c;
    return best ? best->byte : text.size();
  };
  const int page = std::max(1, visible - 1);
  return {on_line(cursor.line - page), on_line(cursor.line + page)};
}

void Painter::record(Widget widget) {
  widget.privacy = privacy_;
  widget.neutral = neutral_;
  widget.languages = std::exchange(next_languages_, {});
  widgets_.add(std::move(widget));
}

void Painter::hold_area(const std::string& id, const Rect& rect, app::Intent intent) {
  Widget w;
  w.id = id;
  w.role = Role::Hold;
  w.rect = mirror(rect);
  w.hold = std::move(intent);
  record(std::move(w));
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
  // A label too long for its button stays inside it (the widget says it overflows).
  draw_.PushClipRect({r.x, r.y}, {r.right(), r.bottom()}, true);
  if (style.icon_above) {
    const float block = icon_w + (icon ? pad / 2 : 0) + layout->height;
    const float top = logical.y + (logical.h - block) / 2;
    if (icon) draw_layout(*icon, place(logical.x + (logical.w - icon_w) / 2, top, icon_w), top, text_color);
    highlight(id, *layout, place(logical.x + pad, 0, room), top + icon_w + (icon ? pad / 2 : 0));
    draw_layout(*layout, place(logical.x + pad, 0, room), top + icon_w + (icon ? pad / 2 : 0), text_color, r.y,
                r.bottom());
  } else {
    const float block = icon_w + (icon ? pad : 0) + layout->width;
    const float left = logical.x + std::max(pad, (logical.w - block) / 2);
    const float text_x = left + icon_w + (icon ? pad : 0);
    if (icon) draw_layout(*icon, place(left, 0, icon_w), logical.y + (logical.h - icon_w) / 2, text_color);
    // The label box is as wide as its text, so centring inside it puts the text right after the icon.
    highlight(id, *layout, place(text_x - (room - layout->width) / 2, 0, room),
              logical.y + (logical.h - layout->height) / 2);
    draw_layout(*layout, place(text_x - (room - layout->width) / 2, 0, room),
                logical.y + (logical.h - layout->height) / 2, text_color, r.y, r.bottom());
  }
  draw_.PopClipRect();
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
  record(std::move(w));
}

}  // namespace ui
