#pragma once
// Every thing drawn on screen is also recorded as a Widget: the list is what taps
// are hit-tested against, what the layout dump writes, and (later) what speech
// reads. One record serves all three, so they can never disagree.
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "app/intent.hpp"
#include "input/touch_filter.hpp"
#include "speech/voice.hpp"
#include "ui/theme.hpp"
#include "ui/typography.hpp"

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

// Hold: an invisible area that acts only on a deliberate hold (the staff gesture).
enum class Role { Primary, Button, Nav, Heading, Text, Pictogram, Hold };
[[nodiscard]] const char* role_name(Role role);
[[nodiscard]] inline bool is_target(Role role) {
  return role == Role::Primary || role == Role::Button || role == Role::Nav;
}

// Private listening (EN 301 549 5.1.3.9): whose words a widget shows. On the loudspeaker, until
// the visitor agrees, the visitor's own words are said as the widget's `neutral` words (or left
// out); speech::keep_private decides, by the session.
enum class Privacy {
  Shared,    // the same for every visitor: titles, questions, the frame, neutral buttons
  Personal,  // the visitor's own: a suggestion on the result, a reason, the slip
  Choice,    // an answer to pick: shared in the screen's list of answers, personal when said
             // alone (the focus, a finger, the answer said again), since then it tells the pick
};

// A place the cursor of a text field can stand, on screen: before the character at `offset`.
struct CaretStop {
  std::size_t offset = 0;
  float x = 0, y = 0, h = 0;
};

struct Widget {
  std::string id;
  Role role = Role::Text;
  std::string label;
  Rect rect;
  float font_px = 0;
  float cap_px = 0;
  Color fg;
  Color bg;
  std::optional<app::Intent> intent;               // targets only
  bool selected = false;                           // a toggle that is on
  bool overflows = false;  // a button whose label does not fit inside it, a text cut off at its area's bottom
  std::optional<app::Intent> hold = std::nullopt;  // acts only on a deliberate 5 s hold, never on a tap
  bool waiting = false;      // drawn as not yet active: its screen has only just appeared (app::kSettleMs)
  std::string context = {};  // said before the label when focused by key: the card a "Waarom?" belongs to
  std::vector<CaretStop> carets = {};  // a text field: where its cursor can stand, as drawn
  Privacy privacy = Privacy::Shared;
  std::string neutral = {};  // said for a Personal widget (or a Choice said alone); empty: nothing
  std::vector<speech::LangSpan> languages = {};  // parts of the label said by another language's voice
};

// The text offset nearest a point on a text field: the line under it, then the nearest place
// on that line. 0 for a field without text.
[[nodiscard]] std::size_t caret_offset_at(const Widget& field, input::Point at);

class WidgetList {
 public:
  void clear() { widgets_.clear(); }
  void add(Widget widget) { widgets_.push_back(std::move(widget)); }
  [[nodiscard]] const std::vector<Widget>& all() const { return widgets_; }
  // The topmost target under a point.
  [[nodiscard]] const Widget* target_at(input::Point p) const;
  [[nodiscard]] const Widget* hold_target_at(input::Point p) const;
  [[nodiscard]] const Widget* find(const std::string& id) const;
  // A target whose label is `label` (first match), for scripts written as a person reads.
  [[nodiscard]] const Widget* find_label(const std::string& label) const;
  [[nodiscard]] bool shows_text(const std::string& text) const;

 private:
  std::vector<Widget> widgets_;
};

// Which of the palette's colours a button takes.
enum class ButtonLook { Plain, Primary, Nav, Warning };

struct ButtonStyle {
  ButtonLook look = ButtonLook::Plain;
  TextRole text_role = TextRole::Label;
  float icon_mm = mm::tile_icon;
  bool icon_above = false;  // tiles: pictogram above the label

  // The one main action of a screen: white on green (black on yellow in high contrast).
  [[nodiscard]] static ButtonStyle primary() {
    ButtonStyle style;
    style.look = ButtonLook::Primary;
    return style;
  }
};

// Draws into an ImGui draw list and records what it drew. Callers lay out in
// logical coordinates (start = left); for a right-to-left language the painter
// mirrors every rectangle, so one screen file serves both directions.
class Painter {
 public:
  Painter(ImDrawList& draw, const DisplayMetrics& display, Typography& type, DrawBackend& backend,
          std::deque<SolidRect>& solids, app::TextSize text_size, const Palette& colors, bool right_to_left,
          WidgetList& widgets, std::optional<input::Point> pressed,
          std::optional<speech::Spoken> spoken = std::nullopt);

  [[nodiscard]] float px(float mm) const { return display_.px(mm); }
  [[nodiscard]] app::TextSize text_size() const { return text_size_; }
  // The session's colours; screens take every colour from here.
  [[nodiscard]] const Palette& colors() const { return colors_; }
  [[nodiscard]] bool right_to_left() const { return rtl_; }
  [[nodiscard]] bool has_pictogram(const std::string& name);
  // A self-check screen that has only just appeared: its own buttons are drawn as waiting.
  void set_settling(bool settling) { settling_ = settling; }
  [[nodiscard]] bool settling() const { return settling_; }
  // Text in another direction than the screen's, such as the Dutch part of an Arabic slip:
  // set left to right inside its (still mirrored) box until switched back.
  void set_text_left_to_right(bool on) { ltr_text_ = on; }
  // Where a text field's lines start, kept from frame to frame (not owned): the text stays put
  // under a tap, and moves only when the cursor would leave the box.
  void set_field_scroll(int* first_line) { field_scroll_ = first_line; }
  // Where text must stop (logical y): the content area's bottom, or above a screen's own bottom
  // buttons. A text reaching below it is cut after its last whole line that fits, and its widget
  // says it overflows (with the label of the lines shown), so it never covers the buttons.
  void set_text_bottom(float y) { text_bottom_ = y; }
  [[nodiscard]] float text_bottom() const { return text_bottom_; }
  static constexpr float kNoBottom = std::numeric_limits<float>::infinity();
  // Whose words the widgets drawn from here on show (Widget::privacy), until set back.
  void set_privacy(Privacy privacy, std::string neutral = {}) {
    privacy_ = privacy;
    neutral_ = std::move(neutral);
  }
  // The languages of the next widget's label, for speech (Widget::languages); that widget only.
  void set_next_languages(std::vector<speech::LangSpan> spans) { next_languages_ = std::move(spans); }

  void fill(const Rect& rect, Color color, float rounding_mm = 0);
  // A panel that holds text and buttons: filled, with the palette's panel edge (high contrast).
  void panel(const Rect& rect, Color color, float rounding_mm);
  // Word-wrapped text ("**bold**" allowed) inside `width`; returns the height used.
  float text(const std::string& id, Role role, TextRole style, const std::string& text, float x, float y,
             float width, Color color, Color background, bool centre = false, bool bullet = false);
  // Width of a text on one line, as `text` would draw it.
  [[nodiscard]] float text_width(TextRole style, const std::string& text);
  // Height a wrapped text would take.
  [[nodiscard]] float measure(TextRole style, const std::string& text, float width, bool bullet = false);
  void pictogram(const std::string& id, const std::string& name, float x, float y, float size_mm, Color color,
                 Color background);
  void button(const std::string& id, Role role, const std::string& label, const std::string& pictogram,
              const Rect& rect, app::Intent intent, const ButtonStyle& style = {}, bool selected = false,
              const std::string& context = {});
  // An area that acts only when held still for 5 s (nothing shows it: it is for staff).
  void hold_area(const std::string& id, const Rect& rect, app::Intent intent);
  // A text being edited, set as typed (no "**bold**" read) in its own direction, inside `box`,
  // with its cursor and selection ([begin, end) bytes); the lines scroll so the cursor's line
  // shows. A tap on it asks for `intent`, with the offset under the finger (caret_offset_at).
  struct Editing {
    std::size_t cursor = 0;
    std::size_t selection_begin = 0, selection_end = 0;
    bool right_to_left = false;
  };
  // Returns where the cursor goes a box of lines up or down, at about the same place on the line
  // (the text's start or end beyond it): a long text is paged through, not typed through.
  struct Paging {
    std::size_t up = 0, down = 0;
  };
  Paging text_field(const std::string& id, const std::string& text, const Editing& editing, const Rect& box,
                    app::Intent intent);
  // The width a side-by-side button needs for its label on one line, at least `min`:
  // translated labels and large text make some words longer than the Dutch.
  [[nodiscard]] float button_width(const std::string& label, bool pictogram, float min,
                                   const ButtonStyle& style = {});

 private:
  // The light edge high contrast gives a panel (screen coordinates, already mirrored).
  void panel_edge(const Rect& screen_rect, float rounding_mm);
  struct Look {
    Color fill, text, edge;
  };
  [[nodiscard]] Look looks(ButtonLook look) const;
  [[nodiscard]] Rect mirror(const Rect& r) const;
  [[nodiscard]] text::Style style_for(TextRole role, bool centre) const;
  [[nodiscard]] std::vector<text::Span> spans(TextRole role, const std::string& marked) const;
  [[nodiscard]] std::string pictogram_name(const std::string& name) const;
  // Draws the layout's lines that reach into the band [clip_top, clip_bottom) (screen y) and no
  // others: a long text has far more glyphs than a screen shows.
  void draw_layout(const text::Layout& layout, float x, float y, Color color, float clip_top = -kNoBottom,
                   float clip_bottom = kNoBottom);
  // Marks the word being read aloud, behind its letters (layout at x, y on screen), in the
  // first `height` px of the layout.
  void highlight(const std::string& id, const text::Layout& layout, float x, float y,
                 float height = kNoBottom);
  // An opaque rectangle with rounded corners, in screen coordinates.
  void solid(const Rect& r, Color color, float rounding_px);

  ImDrawList& draw_;
  const DisplayMetrics& display_;
  Typography& type_;
  DrawBackend& backend_;
  std::deque<SolidRect>& solids_;  // kept until the frame is drawn: callbacks point into it
  app::TextSize text_size_;
  const Palette& colors_;
  bool rtl_;
  WidgetList& widgets_;
  std::optional<input::Point> pressed_;
  std::optional<speech::Spoken> spoken_;
  bool settling_ = false;
  bool ltr_text_ = false;
  int* field_scroll_ = nullptr;
  float text_bottom_ = kNoBottom;
  Privacy privacy_ = Privacy::Shared;
  std::string neutral_;
  std::vector<speech::LangSpan> next_languages_;
  // Every widget drawn is recorded here, with the privacy set now.
  void record(Widget widget);
};

}  // namespace ui
