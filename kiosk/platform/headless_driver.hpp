#pragma once
// Runs the kiosk without a screen: SDL's software renderer on a memory surface,
// a virtual clock (a 90 s idle test takes milliseconds), and a script of taps,
// waits and screenshots. The drawing code is the very code of the real window.
#include <memory>
#include <string>
#include <vector>

#include "app/kiosk_app.hpp"
#include "hours/opening_hours.hpp"
#include "script/script.hpp"
#include "slip/printer.hpp"
#include "ui/shell.hpp"

struct SDL_Surface;
struct SDL_Renderer;

namespace platform {

class RenderContext;
class TraceVoice;

struct HeadlessOptions {
  ui::DisplayMetrics display;
  app::IdleSettings idle;
  input::WindowMode mode = input::WindowMode::Kiosk;
  std::string date = app::today_iso();     // the day amounts are taken from
  bool sound = true;                       // false: as if the kiosk had no audio device
  std::string printer;                     // a printer URI (slip/printer.hpp), or empty for none
  std::string stats;                       // the anonymous day counts' file, or empty to keep none
  std::string staff_pins;                  // the staff PIN file, or empty: no staff mode
  content::ContentStore* store = nullptr;  // for the editor; not owned
  std::string settings;                    // the kiosk's settings file (volume), or empty: in memory
  app::KioskApp::StickSettings stick;      // USB sticks, the kiosk's key, the trusted keys
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
  // One raw touch event, or a key chord ("Alt+F4"); as the real window would pass them on.
  void pointer(input::PointerEvent::Kind kind, int finger, input::Point at);
  void key(const input::KeyChord& chord);
  // True once a key closed the kiosk (never in kiosk mode).
  [[nodiscard]] bool closed() const { return closed_; }
  void layout();
  void rasterize();
  [[nodiscard]] bool screenshot(const std::string& path);
  [[nodiscard]] ui::Shell& shell() { return *shell_; }
  [[nodiscard]] app::Millis now() const { return now_; }
  [[nodiscard]] TraceVoice& voice() { return *voice_; }

 private:
  // Returns an error message, or empty when the command succeeded.
  std::string execute(const script::Command& command, const std::string& out_dir, RunResult& result);
  void press_for(input::Point at, app::Millis hold_ms);

  HeadlessOptions options_;
  std::unique_ptr<app::KioskApp> app_;
  std::unique_ptr<TraceVoice> voice_;
  std::unique_ptr<slip::PrintQueue> printer_;
  std::unique_ptr<stats::StatsStore> stats_;
  std::unique_ptr<staff::Access> access_;
  std::unique_ptr<staff::DeviceSettings> settings_;
  std::unique_ptr<ui::Shell> shell_;
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

}  // namespace platform
