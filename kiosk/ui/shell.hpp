#pragma once
// The kiosk as drawn: lays out the app's current screen, records its widgets for hit
// testing and for speech, and keeps the keyboard focus. It only reads the app; what a
// tap or a key does is the runtime's business (runtime/runtime.hpp).
#include <memory>
#include <optional>
#include <string>

#include "app/kiosk_app.hpp"
#include "input/touch_filter.hpp"
#include "speech/voice.hpp"
#include "ui/screens/screens.hpp"
#include "ui/typography.hpp"
#include "ui/widgets.hpp"

struct ImDrawList;

namespace ui {

// What a frame shows beyond the app's state: the devices, the finger on the glass, the
// word being spoken.
struct Frame {
  DeviceState devices;
  std::optional<input::Point> pressed;
  std::optional<speech::Spoken> spoken;
  bool settling = false;  // a self-check screen's own buttons do not act yet
};

class Shell {
 public:
  Shell(const app::KioskApp& app, const DisplayMetrics& display);
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // Lays out the current screen into `draw` and records its widgets.
  void draw(ImDrawList& draw, DrawBackend& backend, app::Millis now, const Frame& frame);
  [[nodiscard]] const WidgetList& widgets() const { return widgets_; }

  // The keyboard focus: the target the keys are on, on this screen. A new screen starts without.
  [[nodiscard]] const Widget* focused() const;
  [[nodiscard]] std::string focus_id() const {
    const Widget* w = focused();
    return w ? w->id : std::string{};
  }
  // To the next (or previous) target in reading order, round at the end; false when there is none.
  bool move_focus(bool forward);
  void clear_focus() { focus_id_.clear(); }
  // The focus onto a target of this screen (the one a finger explores in listening mode).
  void focus_on(const std::string& id) {
    focus_id_ = id;
    focus_screen_ = screen_key();
  }
  // Which screen is shown, in which language: speech and focus belong to it.
  [[nodiscard]] std::string screen_key() const;

  [[nodiscard]] const app::KioskApp& app() const { return app_; }
  // The session's colours: standard or high contrast.
  [[nodiscard]] const Palette& colors() const { return palette(app_.session().high_contrast); }
  [[nodiscard]] const DisplayMetrics& display() const { return display_; }
  [[nodiscard]] Typography& typography() { return *type_; }
  // A long text on this screen is still being laid out (a slice a frame): draw another frame.
  [[nodiscard]] bool laying_out() const { return type_->engine().laying_out(); }
  [[nodiscard]] bool right_to_left() const;

 private:
  const app::KioskApp& app_;
  DisplayMetrics display_;
  std::unique_ptr<Typography> type_;
  WidgetList widgets_;
  std::deque<SolidRect> solids_;
  std::string focus_id_;      // the target the keys are on; empty: none yet on this screen
  std::string focus_screen_;  // the screen (screen_key) the focus belongs to
  int field_first_line_ = 0;  // the editor's text: the line at its top, kept while the cursor shows
  void draw_focus(ImDrawList& draw) const;
};

}  // namespace ui
