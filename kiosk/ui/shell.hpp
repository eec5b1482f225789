#pragma once
// The kiosk as the UI sees it: draws the app's state, and turns filtered taps
// into intents by hit-testing what was drawn last. The real window and the
// headless runner both drive this one class, so tests see what visitors see.
#include <memory>
#include <optional>
#include <set>

#include "app/kiosk_app.hpp"
#include "input/key_policy.hpp"
#include "input/touch_filter.hpp"
#include "slip/printer.hpp"
#include "speech/voice.hpp"
#include "stats/stats.hpp"
#include "ui/typography.hpp"
#include "ui/widgets.hpp"

struct ImDrawList;

namespace ui {

// What the volunteer screen says of the printer after an outcome: a strings.toml key part
// ("ready", "paper_low", "printer_not_found", "printer_not_found_network", ...).
[[nodiscard]] std::string printer_state(const slip::PrintOutcome& outcome, const slip::PrintTarget& target);

class Shell {
 public:
  Shell(app::KioskApp& app, const DisplayMetrics& display, input::WindowMode mode);
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // Returns true when the event changed what must be drawn.
  bool pointer(const input::PointerEvent& event);
  // Text typed on a plugged-in keyboard (SDL text input): into the field being edited.
  void text_input(const std::string& text, app::Millis now);
  // Returns true when the key should close the program (never in kiosk mode).
  [[nodiscard]] bool key(const input::KeyChord& chord, app::Millis now);
  // Runs the app's timers, and says what they announce (the idle warning).
  void tick(app::Millis now);

  // Lays out the current screen into `draw` and records its widgets.
  void draw(ImDrawList& draw, DrawBackend& backend, app::Millis now);
  [[nodiscard]] const WidgetList& widgets() const { return widgets_; }
  [[nodiscard]] std::optional<app::Millis> next_deadline(app::Millis now) const;
  // True when the picture on screen is out of date.
  [[nodiscard]] bool needs_redraw(app::Millis now) const;

  [[nodiscard]] const app::KioskApp& app() const { return app_; }
  [[nodiscard]] app::KioskApp& app() { return app_; }
  [[nodiscard]] const DisplayMetrics& display() const { return display_; }
  [[nodiscard]] Typography& typography() { return *type_; }
  [[nodiscard]] bool right_to_left() const;

  // Speech: the real voice or the headless trace; without one, "Lees voor" says
  // in text that sound is not available. Not owned.
  void set_voice(speech::Voice* voice) { voice_ = voice; }
  // The receipt printer, when there is one. Not owned.
  void set_printer(slip::PrintQueue* printer) { printer_ = printer; }
  // Where the anonymous day counts go, when the kiosk keeps them. Not owned.
  void set_stats(stats::StatsStore* stats) { stats_ = stats; }
  // Soft sounds on a tap and on a new screen (a library may switch them off).
  void set_interface_sounds(bool on) { interface_sounds_ = on; }
  [[nodiscard]] speech::Voice* voice() const { return voice_; }
  // The word highlighted in the last frame drawn, if any.
  [[nodiscard]] const std::optional<speech::Spoken>& drawn_spoken() const { return drawn_spoken_; }

 private:
  app::KioskApp& app_;
  DisplayMetrics display_;
  input::WindowMode mode_;
  std::unique_ptr<Typography> type_;
  input::TouchFilter touch_;
  input::TapDebounce debounce_;
  WidgetList widgets_;
  std::deque<SolidRect> solids_;
  std::uint64_t drawn_revision_ = ~std::uint64_t{0};
  std::optional<input::Point> drawn_pressed_;
  int drawn_seconds_left_ = -1;
  bool drawn_settling_ = false;

  // Speech.
  void after_intent(const app::Intent& intent, app::Millis now);
  void speak(speech::Utterance utterance, app::Millis now);
  void speak_announcements(app::Millis now);
  [[nodiscard]] bool sound() const { return voice_ && voice_->problem().empty(); }
  speech::Voice* voice_ = nullptr;
  slip::PrintQueue* printer_ = nullptr;
  bool drawn_printing_ = false;
  void print_outcome(app::Millis now);
  void count_events();
  stats::StatsStore* stats_ = nullptr;
  std::string stats_problem_;  // the last failure to count, logged once
  // The staff hold's progress is shown once the name has been held this long.
  static constexpr app::Millis kHoldShownAfterMs = 1000;
  [[nodiscard]] float staff_hold(app::Millis now) const;
  float drawn_hold_ = -1;
  std::string printer_state_ = "untried";  // for the volunteer: what the printer last said
  bool test_print_ = false;
  bool interface_sounds_ = true;
  std::optional<speech::Spoken> drawn_spoken_;
  bool drawn_speaking_ = false;
  std::string read_key_;    // the screen last read aloud in "Voorlezen aan" mode
  std::string spoken_key_;  // the screen the current speech belongs to
};

}  // namespace ui
