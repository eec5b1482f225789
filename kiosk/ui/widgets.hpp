#pragma once
// Every thing drawn on screen is also recorded as a Widget: the list is what taps
// are hit-tested against, what the layout dump writes, and (later) what speech
// reads. One record serves all three, so they can never disagree.
#include <optional>
#include <string>
#include <vector>

#include "app/intent.hpp"
#include "input/touch_filter.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

struct ImDrawList;

namespace ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  [[nodiscard]] bool contains(input::Point p) const {
    return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h;
  }
  [[nodiscard]] float right() const { return x + w; }
  [[nodiscard]] float bottom() const { return y + h; }
};

enum class Role { Primary, Button, Nav, Heading, Text, Pictogram };
[[nodiscard]] const char* role_name(Role role);
[[nodiscard]] inline bool is_target(Role role) {
  return role == Role::Primary || role == Role::Button || role == Role::Nav;
}

struct Widget {
  std::string id;
  Role role = Role::Text;
  std::string label;
  Rect rect;
  float font_px = 0;
  float cap_px = 0;
  Color fg;
  Color bg;
  std::optional<app::Intent> intent;  // targets only
  bool selected = false;              // a toggle that is on
};

class WidgetList {
 public:
  void clear() { widgets_.clear(); }
  void add(Widget widget) { widgets_.push_back(std::move(widget)); }
  [[nodiscard]] const std::vector<Widget>& all() const { return widgets_; }
  // The topmost target under a point.
  [[nodiscard]] const Widget* target_at(input::Point p) const;
  [[nodiscard]] const Widget* find(const std::string& id) const;
  // A target whose label is `label` (first match), for scripts written as a person reads.
  [[nodiscard]] const Widget* find_label(const std::string& label) const;
  [[nodiscard]] bool shows_text(const std::string& text) const;

 private:
  std::vector<Widget> widgets_;
};

struct ButtonStyle {
  Color fill = colors::button;
  Color text = colors::text;
  Color edge = colors::button_edge;
  TextRole text_role = TextRole::Label;
  float icon_mm = mm::tile_icon;
  bool icon_above = false;  // tiles: pictogram above the label

  // The one main action of a screen: white on green.
  [[nodiscard]] static ButtonStyle primary() {
    ButtonStyle style;
    style.fill = colors::primary;
    style.text = colors::primary_text;
    style.edge = colors::primary;
    return style;
  }
};

// Draws into an ImGui draw list and records what it drew.
class Painter {
 public:
  Painter(ImDrawList& draw, const DisplayMetrics& display, const Fonts& fonts, bool large_text,
          WidgetList& widgets, std::optional<input::Point> pressed);

  [[nodiscard]] float px(float mm) const { return display_.px(mm); }
  [[nodiscard]] const Fonts& fonts() const { return fonts_; }
  [[nodiscard]] bool large_text() const { return large_text_; }

  void fill(const Rect& rect, Color color, float rounding_mm = 0);
  // Word-wrapped text inside `width`; returns the height used.
  float text(const std::string& id, Role role, TextRole style, const std::string& text, float x, float y,
             float width, Color color, Color background, bool centre = false);
  // Height a wrapped text would take.
  [[nodiscard]] float measure(TextRole style, const std::string& text, float width) const;
  void pictogram(const std::string& id, const std::string& name, float x, float y, float size_mm, Color color,
                 Color background);
  void button(const std::string& id, Role role, const std::string& label, const std::string& pictogram,
              const Rect& rect, app::Intent intent, const ButtonStyle& style = {}, bool selected = false);

 private:
  ImDrawList& draw_;
  const DisplayMetrics& display_;
  const Fonts& fonts_;
  bool large_text_;
  WidgetList& widgets_;
  std::optional<input::Point> pressed_;
};

}  // namespace ui
