#pragma once
// The kiosk, assembled once: the app, its view, the voice, the printer, the day counts,
// the staff PINs and the device settings, built from one options struct. Input goes in
// here; the app's transitions come out as effects (app/effect.hpp), which the runtime
// carries out, telling the app what came of them as intents. The real window and the
// headless runner are thin backends of this one class, so tests exercise the wiring
// visitors get.
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/kiosk_app.hpp"
#include "input/key_policy.hpp"
#include "input/key_repeat.hpp"
#include "input/nav_keys.hpp"
#include "input/touch_filter.hpp"
#include "net/signal.hpp"
#include "slip/printer.hpp"
#include "speech/voice.hpp"
#include "staff/access.hpp"
#include "staff/device_settings.hpp"
#include "stats/stats.hpp"
#include "ui/shell.hpp"

struct ImDrawList;

namespace runtime {

// A frame at 60 Hz: a script's clock moves on by this between frames, and a long text's next
// slice of layout is due this soon.
inline constexpr app::Millis kFrameMs = 16;

struct Options {
  app::IdleSettings idle;
  std::string date = app::today_iso();     // the day amounts are taken from
  bool sound = true;                       // false: as if there were no audio device (speech says so in text)
  bool interface_sounds = true;            // the soft tap and page sounds
  std::string printer;                     // a printer URI (slip/printer.hpp), or empty for none
  std::string call_printer;                // the desk's printer for "Roep iemand" tickets, or empty for none
  std::string call_signal;                 // "Roep iemand" as an HTTP POST there (net/signal.hpp), or empty
  std::string call_name;                   // the kiosk's name in that signal ("Kiosk bij de ingang")
  std::string stats;                       // the anonymous day counts' file, or empty to keep none
  std::string staff_pins;                  // the staff PIN file, or empty: no staff mode
  std::vector<std::string> languages;      // the languages offered; empty: all the content has
  content::ContentStore* store = nullptr;  // for the editor; not owned
  std::string settings;                    // the kiosk's settings file (volume), or empty: in memory
  app::KioskApp::StickSettings stick;      // USB sticks, the kiosk's key, the trusted keys
};

// What the volunteer screen says of the printer after an outcome: a strings.toml key part
// ("ready", "paper_low", "printer_not_found", "printer_not_found_network", ...).
[[nodiscard]] std::string printer_state(const slip::PrintOutcome& outcome, const slip::PrintTarget& target);

class Runtime {
 public:
  // `wake` is called from the printer's thread when a print ends, so a sleeping loop looks.
  // A part that cannot be set up (a bad printer address, an unreadable PIN file) is left
  // out, and said in problems(): the visitor is served without it.
  Runtime(content::Snapshot content, const Options& options, const ui::DisplayMetrics& display,
          input::WindowMode mode, std::function<void()> wake = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // What could not be set up, one sentence each, for the log.
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }

  // Speech: the real voice or the headless trace; without one, "Lees voor" says in text
  // that sound is not available. Not owned.
  void set_voice(speech::Voice* voice) { voice_ = voice; }
  [[nodiscard]] speech::Voice* voice() const { return voice_; }
  // The soft tap and page sounds (a library may switch them off).
  void set_interface_sounds(bool on) { interface_sounds_ = on; }
  // The window changed size: the view is laid out anew for it.
  void resize(const ui::DisplayMetrics& display);

  // Input. pointer() returns true when the event changed what must be drawn; key()
  // returns true when the key should close the program (never in kiosk mode).
  bool pointer(const input::PointerEvent& event);
  [[nodiscard]] bool key(const input::KeyChord& chord, app::Millis now);
  // An intent as if its button were pressed (a script's "lang", the bench): the app acts, the
  // effects follow.
  void apply(const app::Intent& intent, app::Millis now);
  // Text typed on a plugged-in keyboard (SDL text input): into the field being edited.
  void text_input(const std::string& text, app::Millis now);
  // Runs the timers and looks at the printer.
  void tick(app::Millis now);
  // A new day (the window's loop follows the wall clock; nothing here reads one).
  void set_date(std::string date) { app_->set_date(std::move(date)); }
  // The local time of day in minutes: the desk step and "Nu open tot 16.00 uur" follow it.
  void set_time_of_day(int minute) { app_->set_time_of_day(minute); }

  // Lays out the current screen into `draw`; then says what the frame shows, where needed.
  void draw(ImDrawList& draw, ui::DrawBackend& backend, app::Millis now);
  [[nodiscard]] std::optional<app::Millis> next_deadline(app::Millis now) const;
  // True when the picture on screen is out of date.
  [[nodiscard]] bool needs_redraw(app::Millis now) const;
  // The word highlighted in the last frame drawn, if any.
  [[nodiscard]] const std::optional<speech::Spoken>& drawn_spoken() const { return drawn_.spoken; }

  // A volunteer asked for a restart: the loop ends, the service manager starts the kiosk again.
  [[nodiscard]] bool restart_requested() const { return restart_requested_; }

  [[nodiscard]] const app::KioskApp& app() const { return *app_; }
  [[nodiscard]] ui::Shell& view() { return *view_; }
  [[nodiscard]] const ui::Shell& view() const { return *view_; }
  [[nodiscard]] slip::PrintQueue* printer() const { return printer_.get(); }
  [[nodiscard]] slip::PrintQueue* call_printer() const { return call_printer_.get(); }
  // Blocks until a call signal on its way has ended (the headless runner's virtual clock).
  void wait_for_call_signal() const;

 private:
  input::WindowMode mode_;
  bool interface_sounds_;
  std::vector<std::string> problems_;
  std::unique_ptr<app::KioskApp> app_;
  std::unique_ptr<staff::DeviceSettings> settings_;
  std::unique_ptr<staff::Access> access_;
  std::unique_ptr<slip::PrintQueue> printer_;
  std::unique_ptr<slip::PrintQueue> call_printer_;
  std::optional<net::SignalTarget> call_signal_;
  std::string call_name_;
  std::future<net::SignalOutcome> signal_sent_;  // valid while a signal is on its way
  std::function<void()> wake_;
  // One "Roep iemand": the ticket and the signal that went out, and whether one of them arrived.
  struct CallRound {
    int pending = 0;
    bool sent = false;
  };
  CallRound call_;
  std::unique_ptr<stats::StatsStore> stats_;
  std::string stats_problem_;  // the last failure to count, logged once
  std::unique_ptr<ui::Shell> view_;
  speech::Voice* voice_ = nullptr;
  input::TouchFilter touch_;
  input::TapDebounce debounce_;
  bool restart_requested_ = false;
  // "Wis" held down repeats until the finger lifts or slides off it (input/key_repeat).
  struct Repeating {
    std::string id;
    app::Intent intent;
    input::KeyRepeat timing;
  };
  std::optional<Repeating> repeat_;
  void repeat_held(app::Millis now);

  // Input: a tap or a key on a target: the same checks (double tap, a screen just shown),
  // then the app acts. Returns false when it was ignored.
  bool act(const ui::Widget& target, app::Millis now);
  void navigate(input::NavKey key, app::Millis now);
  // After a key or a double tap acted on `acted`: what it did is said once the next frame shows.
  void after_act(const ui::Widget& acted, const app::Screen& before, bool echo, app::Millis now);

  // Listening mode: a finger explores instead of tapping; a double tap anywhere acts on the item
  // said last (as TalkBack and VoiceOver do). Lifting the finger does nothing.
  struct Explore {
    int fingers = 0;
    std::string under;         // the item under the finger now; "" over nothing
    std::string said;          // the item said last, on `said_screen`
    std::string said_screen;
    std::string before;        // `said` when this touch began: the item a double tap acts on
    std::string before_screen;
    input::Point down_at;
    app::Millis down_time = 0;
    bool moved = false;
    bool second = false;       // this touch may be the second of a double tap
    std::optional<app::Millis> last_up;  // the last touch, when it was short and still
    input::Point up_at;
  };
  Explore explore_;
  bool explore(const input::PointerEvent& event);
  // Says the item under the finger when it is another than before; true when it said something.
  bool explore_at(input::Point at, app::Millis now);
  void double_tap(app::Millis now);
  // Holding "Lees voor" this long switches listening mode on (once a press).
  static constexpr app::Millis kListenHoldMs = 3000;
  bool hold_fired_ = false;
  void hold_to_listen(app::Millis now);
  void make_view(const ui::DisplayMetrics& display);

  // Effects: carried out in the order the app asked for them; what came of them goes back
  // to the app as an intent, which may ask for more.
  void carry_out(app::Millis now);
  void carry_out(const app::Effect& effect, app::Millis now);
  void print(bool test);
  void count(const app::Tally& tally);
  void call_staff(int minute, app::Millis now);
  void call_answered(bool ok, const std::string& state, app::Millis now);
  void look_at_printer(app::Millis now);

  // Speech.
  [[nodiscard]] bool sound() const { return voice_ && voice_->problem().empty(); }
  // What the focus says is short and not "reading": "Lees voor" keeps its label and reads on a tap.
  bool focus_speech_ = false;
  [[nodiscard]] bool reading(app::Millis now) const {
    return voice_ && voice_->speaking(now) && !focus_speech_;
  }
  void speak(speech::Utterance utterance, app::Millis now);
  // "Lees voor" and "Voorlezen aan": the screen, with where the frame's buttons are the first time.
  // `new_screen`: in listening mode the reading starts with the page sound, heard as a sign
  // that the screen changed.
  void read_screen_aloud(app::Millis now, const speech::Source& first = {}, bool new_screen = false);
  void speak_focus(app::Millis now);
  void speak_widget(const ui::Widget& widget, app::Millis now);
  // A text under the finger, said alone as its widget's privacy allows.
  void speak_words(const ui::Widget& widget, app::Millis now);
  void say_where(app::Millis now);
  // After a key (or, in "Voorlezen aan" mode, a tap) acted: what to say once the next frame shows
  // the result. A new screen is read after `first` (the answer chosen); on the same screen the
  // target says its new state (a tick), or for a key, its spoken form again.
  struct Acted {
    std::string id;
    speech::Source first;
    bool new_screen = false;
    bool by_key = false;
  };
  std::optional<Acted> acted_;
  void say_acted(app::Millis now);
  std::string read_key_;    // the screen last read aloud in "Voorlezen aan" mode
  std::string spoken_key_;  // the screen the current speech belongs to

  // The staff hold's progress is shown once the name has been held this long.
  static constexpr app::Millis kHoldShownAfterMs = 1000;
  [[nodiscard]] float staff_hold(app::Millis now) const;

  // What the last frame showed: when any of it changes, the screen is out of date.
  struct Drawn {
    std::uint64_t revision = ~std::uint64_t{0};
    std::optional<input::Point> pressed;
    float hold = -1;
    int seconds_left = -1;
    std::optional<speech::Spoken> spoken;
    bool speaking = false;
    bool settling = false;
    std::string focus;
    bool printing = false;
  };
  Drawn drawn_;
  [[nodiscard]] Drawn showing(app::Millis now) const;
};

}  // namespace runtime
