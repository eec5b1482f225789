#pragma once
// The kiosk as the UI sees it: draws the app's state, and turns filtered taps
// into intents by hit-testing what was drawn last. The real window and the
// headless runner both drive this one class, so tests see what visitors see.
#include <memory>
#include <optional>
#include <set>

#include "app/kiosk_app.hpp"
#include "input/key_policy.hpp"
#include "input/nav_keys.hpp"
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
  // The id of the target the keys are on; "" when none (a new screen starts without one).
  [[nodiscard]] std::string focus_id() const {
    const Widget* w = focused();
    return w ? w->id : std::string{};
  }
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

  // A tap or a key on a target: the same checks (double tap, a screen just shown), then the app acts.
  // Returns false when it was ignored.
  bool act(const Widget& target, app::Millis now);
  // Keyboard and keypad: the focus and what it says (input/nav_keys.hpp).
  void navigate(input::NavKey key, app::Millis now);
  void speak_focus(app::Millis now);
  void say_where(app::Millis now);
  void draw_focus(ImDrawList& draw) const;
  [[nodiscard]] const Widget* focused() const;
  std::string focus_id_;      // the target the keys are on; empty: none yet on this screen
  std::string focus_screen_;  // the screen (screen_key) the focus belongs to
  // After a key (or, in "Voorlezen aan" mode, a tap) acted: what to say once the next frame shows
  // the result. A new screen is read after `first` (the answer chosen); on the same screen the
  // target says its new state (a tick), or for a key, its spoken form again.
  struct Acted {
    std::string id;
    std::string first;
    bool new_screen = false;
    bool by_key = false;
  };
  std::optional<Acted> acted_;
  void say_acted(app::Millis now);
  void speak_widget(const Widget& widget, app::Millis now);
  // What the focus says is short and not "reading": "Lees voor" keeps its label and reads on a tap.
  bool focus_speech_ = false;
  [[nodiscard]] bool reading(app::Millis now) const {
    return voice_ && voice_->speaking(now) && !focus_speech_;
  }
  std::string drawn_focus_;

  // Speech.
  // "Lees voor" and "Voorlezen aan": the screen, with where the frame's buttons are the first time.
  void read_screen_aloud(app::Millis now, const std::string& first = {});
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
