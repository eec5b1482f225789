// The headless runner: wegwijzer script FILE --out DIR, and wegwijzer tour --out DIR.
#include <cstdio>
#include <filesystem>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "content/small_file.hpp"
#include "platform/headless_driver.hpp"
#include "staff/access.hpp"
#include "staff/device_settings.hpp"
#include "stats/stats.hpp"

namespace commands {
namespace {

// The longest script: the privacy audit's 100 sessions are about 70 KiB.
constexpr std::uintmax_t kLargestScript = 4 * 1024 * 1024;

void display_options(Options& options, ui::DisplayMetrics& display) {
  options.value("--size", "WxH", "the screen in pixels (default 1920x1080)",
                pixels(display.width_px, display.height_px));
  options.value("--screen-mm", "WxH", "the screen in millimetres (default 527x296.5)",
                millimetres(display.width_mm, display.height_mm));
}

}  // namespace

int command_script(Options& options) {
  std::string file, out;
  bool no_sound = false;
  std::optional<std::string> printer, call_printer, call_signal, usb_dir;
  std::optional<app::Millis> idle_after_ms;
  Places places;
  platform::HeadlessOptions run;
  options.describe(
      "Run a test script without a screen; writes DIR/NAME.png per shot,\n"
      "DIR/layout.jsonl and DIR/speech.jsonl. Exit 1 on the first failing line.");
  options.word("FILE", file, "the script: tap ID, wait S, shot NAME, ... (docs/TESTING.md)");
  options.required("--out", out, "DIR", "the folder for screenshots and dumps");
  display_options(options, run.display);
  idle_option(options, idle_after_ms);
  options.flag("--no-sound", no_sound, "as if the kiosk had no audio device");
  options.text("--printer", printer, "URI", "print slips there (escpos:tcp://HOST:9100, file:PATH, ...)");
  options.text("--call-printer", call_printer, "URI",
               "print \"Roep iemand\" tickets there (the desk's printer)");
  options.text("--call-signal", call_signal, "URI",
               "send \"Roep iemand\" there as an HTTP POST (http://ADDRESS:PORT/PATH, a local address)");
  places.content_option(options);
  places.data_option(options, "use the store, counts and PINs in DIR (default: none, the content pack only)");
  options.text("--usb-dir", usb_dir, "DIR", "the folder the editor's USB-stick screen uses (with --data)");
  if (const auto done = options.parse()) return *done;

  // A plain file of a sensible size: not a folder, not /dev/zero.
  const auto text = content::read_file(file, kLargestScript);
  if (!text) {
    std::fprintf(
        stderr, "wegwijzer: cannot read script %s: %s\n", file.c_str(),
        text.problem == content::FileProblem::TooLarge ? "it is larger than 4 MiB" : text.error.c_str());
    return 2;
  }
  const auto parsed = script::parse(text.bytes);
  for (const auto& error : parsed.errors)
    std::fprintf(stderr, "%s:%d: %s\n", file.c_str(), error.line, error.message.c_str());
  if (!parsed.errors.empty()) return 2;

  // Tests read the pack directory unless a data directory is named.
  const auto kiosk = open_kiosk_content(places, places.data.has_value());
  if (kiosk.started.source == content::ContentSource::Unavailable && !places.data) return 1;
  if (idle_after_ms) run.idle.idle_after_ms = *idle_after_ms;
  run.sound = !no_sound;
  if (printer) run.printer = *printer;
  if (call_printer) run.call_printer = *call_printer;
  if (call_signal) run.call_signal = *call_signal;
  if (places.data) {
    run.stats = stats::stats_path(*places.data);
    run.staff_pins = staff::pin_path(*places.data);
    run.store = kiosk.store.get();
    run.settings = staff::settings_path(*places.data);
    run.stick = stick_settings(usb_dir, *places.data);
  }
  platform::HeadlessDriver driver(kiosk.started.pack, run);
  const auto result = driver.run(parsed, out, file);
  if (result.ok) std::printf("%s: ok, %d screenshots in %s\n", file.c_str(), result.shots, out.c_str());
  return report(result);
}

int command_tour(Options& options) {
  std::string out;
  Places places;
  platform::HeadlessOptions run;
  options.describe("Render every screen in every language and text size to DIR/*.png.");
  options.required("--out", out, "DIR", "the folder for the PNG files");
  display_options(options, run.display);
  places.content_option(options);
  places.data_option(options, "show the content of the store in DIR (default: the content pack)");
  if (const auto done = options.parse()) return *done;

  const auto kiosk = open_kiosk_content(places, places.data.has_value());
  if (kiosk.started.source == content::ContentSource::Unavailable && !places.data) return 1;
  // The staff's screens need PINs (the editor's is typed: it shows the most), in a PIN file of
  // the tour's own, removed after.
  const auto pins = make_temp_folder("tour");
  if (!pins) return 1;
  const std::string pin = "83560";
  run.staff_pins = *pins + "/pins.toml";
  staff::Access access(run.staff_pins);
  if (!access.set_pin(staff::Role::Volunteer, "40719").empty() || !access.set_pin(staff::Role::Editor, pin).empty())
    run.staff_pins.clear();
  platform::HeadlessDriver driver(kiosk.started.pack, run);
  const std::string tour = platform::tour_script(kiosk.started.pack, run.date) +
                           (run.staff_pins.empty() ? "" : platform::staff_tour_script(pin));
  const auto result = driver.run(script::parse(tour), out, "tour");
  std::error_code ec;
  std::filesystem::remove_all(*pins, ec);
  if (result.ok) std::printf("tour: %d screens written to %s\n", result.shots, out.c_str());
  return report(result);
}

}  // namespace commands
