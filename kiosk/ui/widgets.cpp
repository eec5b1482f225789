#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace ui {

const char* role_name(Role role) {
  switch (role) {
    case Role::Primary: return "primary";
    case Role::Button: return "button";
    case Role::Nav: return "nav";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Pictogram: return "pictogram";
  }
  return "unknown";
}

const Widget* WidgetList::target_at(input::Point p) const {
  for (auto it = widgets_.rbegin(); it != widgets_.rend(); ++it)
    if (it->intent && it->rect.contains(p)) return &*it;
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

struct Line {
  const char* begin;
  const char* end;
};

std::vector<Line> wrap(const FontFace& face, const std::string& text, float width) {
  std::vector<Line> lines;
  const char* s = text.data();
  const char* end = s + text.size();
  while (s < end) {
    const char* newline = std::find(s, end, '\n');
    const char* stop = face.font->CalcWordWrapPositionA(1.0f, s, newline, width);
    if (stop == s) stop = s + 1;  // a word wider than the line: never loop forever
    const char* trimmed = stop;
    while (trimmed > s && (trimmed[-1] == ' ')) --trimmed;
    lines.push_back({s, trimmed});
    s = stop;
    while (s < end && *s == ' ') ++s;
    if (s < end && *s == '\n' && s == newline) ++s;
  }
  return lines;
}

float line_height(const FontFace& face) {
  return face.size_px * kLineSpacing;
}

}  // namespace

Painter::Painter(ImDrawList& draw, const DisplayMetrics& display, const Fonts& fonts, bool large_text,
                 WidgetList& widgets, std::optional<input::Point> pressed)
    : draw_(draw),
      display_(display),
      fonts_(fonts),
      large_text_(large_text),
      widgets_(widgets),
      pressed_(pressed) {}

void Painter::fill(const Rect& r, Color color, float rounding_mm) {
  draw_.AddRectFilled({r.x, r.y}, {r.right(), r.bottom()}, color.imgui(), px(rounding_mm));
}

float Painter::measure(TextRole style, const std::string& text, float width) const {
  const FontFace& face = fonts_.text(style, large_text_);
  const auto lines = wrap(face, text, width);
  if (lines.empty()) return 0;
  return line_height(face) * static_cast<float>(lines.size() - 1) + face.size_px;
}

float Painter::text(const std::string& id, Role role, TextRole style, const std::string& text, float x,
                    float y, float width, Color color, Color background, bool centre) {
  const FontFace& face = fonts_.text(style, large_text_);
  const auto lines = wrap(face, text, width);
  float widest = 0;
  float line_y = y;
  for (const Line& line : lines) {
    const float w = face.font->CalcTextSizeA(face.size_px, FLT_MAX, 0, line.begin, line.end).x;
    widest = std::max(widest, w);
    const float line_x = centre ? x + (width - w) / 2 : x;
    draw_.AddText(face.font, face.size_px, {line_x, line_y}, color.imgui(), line.begin, line.end);
    line_y += line_height(face);
  }
  const float height = lines.empty() ? 0 : line_y - y - line_height(face) + face.size_px;
  const float left = centre ? x + (width - widest) / 2 : x;
  widgets_.add({id,
                role,
                text,
                {left, y, widest, height},
                face.size_px,
                face.cap_px,
                color,
                background,
                std::nullopt,
                false});
  return height;
}

void Painter::pictogram(const std::string& id, const std::string& name, float x, float y, float size_mm,
                        Color color, Color background) {
  const FontFace& face = fonts_.icons(size_mm);
  const std::string glyph = fonts_.icon(name);
  if (glyph.empty()) return;
  draw_.AddText(face.font, face.size_px, {x, y}, color.imgui(), glyph.c_str());
  widgets_.add({id,
                Role::Pictogram,
                name,
                {x, y, face.size_px, face.size_px},
                face.size_px,
                0,
                color,
                background,
                std::nullopt,
                false});
}

void Painter::button(const std::string& id, Role role, const std::string& label,
                     const std::string& pictogram_name, const Rect& r, app::Intent intent,
                     const ButtonStyle& style, bool selected) {
  const bool pressed = pressed_ && r.contains(*pressed_);
  const Color fill_color = pressed ? colors::pressed : style.fill;
  const Color text_color = pressed ? colors::text : style.text;
  fill(r, fill_color, 3);
  const float edge = px(pressed || selected ? 1.2f : 0.6f);
  draw_.AddRect({r.x + edge / 2, r.y + edge / 2}, {r.right() - edge / 2, r.bottom() - edge / 2},
                (selected ? colors::focus_edge : style.edge).imgui(), px(3), 0, edge);

  // The label is recorded as the button itself, not as a separate text widget.
  const FontFace& face = fonts_.text(style.text_role, large_text_);
  const float pad = px(4);
  const bool has_icon = !fonts_.icon(pictogram_name).empty();
  const FontFace& icon_face = fonts_.icons(style.icon_mm);
  const float icon_size = has_icon ? icon_face.size_px : 0;

  std::vector<Line> lines;
  float text_w = 0, text_h = 0;
  const float label_room =
      style.icon_above ? r.w - 2 * pad : r.w - 2 * pad - icon_size - (has_icon ? pad : 0);
  lines = wrap(face, label, std::max(label_room, face.size_px));
  for (const Line& line : lines)
    text_w = std::max(text_w, face.font->CalcTextSizeA(face.size_px, FLT_MAX, 0, line.begin, line.end).x);
  if (!lines.empty()) text_h = line_height(face) * static_cast<float>(lines.size() - 1) + face.size_px;

  float text_x, text_y;
  if (style.icon_above) {
    const float block = icon_size + (has_icon ? pad / 2 : 0) + text_h;
    const float top = r.y + (r.h - block) / 2;
    if (has_icon)
      draw_.AddText(icon_face.font, icon_face.size_px, {r.x + (r.w - icon_size) / 2, top}, text_color.imgui(),
                    fonts_.icon(pictogram_name).c_str());
    text_y = top + icon_size + (has_icon ? pad / 2 : 0);
    text_x = 0;  // centred per line below
  } else {
    const float block = icon_size + (has_icon ? pad : 0) + text_w;
    const float left = r.x + std::max(pad, (r.w - block) / 2);
    if (has_icon)
      draw_.AddText(icon_face.font, icon_face.size_px, {left, r.y + (r.h - icon_size) / 2},
                    text_color.imgui(), fonts_.icon(pictogram_name).c_str());
    text_x = left + icon_size + (has_icon ? pad : 0);
    text_y = r.y + (r.h - text_h) / 2;
  }
  float y = text_y;
  for (const Line& line : lines) {
    float x = text_x;
    if (style.icon_above) {
      const float w = face.font->CalcTextSizeA(face.size_px, FLT_MAX, 0, line.begin, line.end).x;
      x = r.x + (r.w - w) / 2;
    }
    draw_.AddText(face.font, face.size_px, {x, y}, text_color.imgui(), line.begin, line.end);
    y += line_height(face);
  }
  widgets_.add(
      {id, role, label, r, face.size_px, face.cap_px, style.text, style.fill, std::move(intent), selected});
}

}  // namespace ui
