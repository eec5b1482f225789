#pragma once
// Runs the kiosk without a screen: SDL's software renderer on a memory surface,
// a virtual clock (a 90 s idle test takes milliseconds), and a script of taps,
// waits and screenshots. The drawing code is the very code of the real window.
#include <memory>
#include <string>
#include <vector>

#include "app/kiosk_app.hpp"
#include "hours/opening_hours.hpp"
#include "runtime/runtime.hpp"
#include "script/script.hpp"

struct SDL_Surface;
struct SDL_Renderer;

namespace platform {

class RenderContext;
class TraceVoice;

// The kiosk's options (runtime::Options), and the screen it pretends to have.
struct HeadlessOptions : runtime::Options {
  ui::DisplayMetrics display;
  input::WindowMode mode = input::WindowMode::Kiosk;
};

struct RunResult {
  bool ok = true;
  std::vector<std::string> errors;  // "FILE:LINE: message"
  int shots = 0;
};

class HeadlessDriver {
 public:
  HeadlessDriver(content::Snapshot content, HeadlessOptions options);
  // Keeps its own copy of `content`.
  HeadlessDriver(const content::ContentPack& content, HeadlessOptions options)
      : HeadlessDriver(std::make_shared<const content::ContentPack>(content), options) {}
  ~HeadlessDriver();
  HeadlessDriver(const HeadlessDriver&) = delete;
  HeadlessDriver& operator=(const HeadlessDriver&) = delete;

  // Runs commands; screenshots and dumps go to out_dir. Stops at the first failure.
  RunResult run(const script::Script& script, const std::string& out_dir, const std::string& source_name);

  // Building blocks, also used by tests and the bench.
  void advance(app::Millis ms);
  void tap_at(input::Point at);
  // Taps (or holds for `hold_ms`) the widget with this id, as a finger on its centre;
  // false when it is not on the screen (a tap also needs something that acts).
  bool tap(const std::string& id);
  bool hold(const std::string& id, app::Millis hold_ms);
  // Listening mode: a finger put down at a point, or slid there when it is already down; and a
  // double tap (the exploring finger lifted first).
  void explore(input::Point at);
  void double_tap(input::Point at);
  // One raw touch event, or a key chord ("Alt+F4"); as the real window would pass them on.
  void pointer(input::PointerEvent::Kind kind, int finger, input::Point at);
  void key(const input::KeyChord& chord);
  // True once a key closed the kiosk (never in kiosk mode).
  [[nodiscard]] bool closed() const { return closed_; }
  void layout();
  void rasterize();
  [[nodiscard]] bool screenshot(const std::string& path);
  // As if the intent's button were pressed.
  void apply(const app::Intent& intent);
  [[nodiscard]] runtime::Runtime& runtime() { return *runtime_; }
  [[nodiscard]] const app::KioskApp& app() const { return runtime_->app(); }
  [[nodiscard]] ui::Shell& shell() { return runtime_->view(); }
  [[nodiscard]] app::Millis now() const { return now_; }
  [[nodiscard]] TraceVoice& voice() { return *voice_; }

 private:
  // Returns an error message, or empty when the command succeeded.
  std::string execute(const script::Command& command, const std::string& out_dir, RunResult& result);
  void press_for(input::Point at, app::Millis hold_ms);

  HeadlessOptions options_;
  std::unique_ptr<TraceVoice> voice_;
  std::unique_ptr<runtime::Runtime> runtime_;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<RenderContext> render_;
  app::Millis now_ = 0;
  bool closed_ = false;
  FILE* layout_file_ = nullptr;
  FILE* speech_file_ = nullptr;
  std::optional<input::Point> pressed_at_;  // a finger left down by `press`
  // The local clock a script set (`clock`), and the virtual time it was set at: it runs on.
  std::optional<hours::LocalTime> clock_;
  app::Millis clock_set_at_ = 0;
  void follow_clock();
};

// The script of a tour: every screen, every language, both text sizes.
[[nodiscard]] std::string tour_script(const content::ContentPack& content, const std::string& date);
// The staff's screens in staff's two text sizes (normal, large): the PIN pad with `pin` typed and
// the volunteer's screen it opens. `pin` must be a PIN of the runner's PIN file (an editor's
// shows the most).
[[nodiscard]] std::string staff_tour_script(const std::string& pin);

}  // namespace platform
