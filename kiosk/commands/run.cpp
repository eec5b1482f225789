// wegwijzer [run]: the kiosk itself. Everything it says goes to the log (logging/log.hpp).
#include <algorithm>
#include <filesystem>
#include <tuple>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "logging/log.hpp"
#include "platform/kiosk_config.hpp"
#include "platform/kiosk_window.hpp"
#include "script/script.hpp"
#include "staff/access.hpp"
#include "staff/device_settings.hpp"
#include "stats/stats.hpp"

namespace commands {
namespace {

// The settings file: --config FILE, else the system's file when there is one. Problems go
// to the log; a setting with a problem keeps its default, and the kiosk starts anyway.
struct LoadedConfig {
  std::string path;  // empty: no file
  platform::ConfigRead read;
};

LoadedConfig load_config(const std::optional<std::string>& file) {
  LoadedConfig loaded;
  if (file)
    loaded.path = *file;
  else if (std::filesystem::exists(platform::kDefaultConfigPath))
    loaded.path = platform::kDefaultConfigPath;
  if (!loaded.path.empty()) loaded.read = platform::read_config_file(loaded.path);
  return loaded;
}

// The settings file's values; the command line wins over them.
void apply_config(const LoadedConfig& config, const content::ContentPack& content,
                  platform::WindowOptions& options) {
  for (const auto& problem : config.read.problems) logging::warning("%s", problem.c_str());
  const platform::KioskConfig& c = config.read.config;
  if (c.screen_width_mm) options.screen_width_mm = *c.screen_width_mm;
  if (c.screen_height_mm) options.screen_height_mm = *c.screen_height_mm;
  if (c.software_renderer) options.software_renderer = *c.software_renderer;
  if (c.idle_seconds) options.idle.idle_after_ms = *c.idle_seconds * 1000LL;
  if (c.printer) options.printer = *c.printer;
  if (c.call_printer) options.call_printer = *c.call_printer;
  if (c.call_signal) options.call_signal = *c.call_signal;
  if (c.call_name) options.call_name = *c.call_name;
  if (c.speech) options.sound = *c.speech;
  if (c.interface_sounds) options.interface_sounds = *c.interface_sounds;
  if (c.languages) {
    std::vector<std::string> in_content, problems;
    for (const auto& language : content.languages) in_content.push_back(language.code);
    options.languages =
        platform::languages_to_offer(*c.languages, in_content, content.default_language, &problems);
    for (const auto& problem : problems) logging::warning("%s: %s", config.path.c_str(), problem.c_str());
  }
}

const char* source_name(content::ContentSource source) {
  switch (source) {
    case content::ContentSource::Live: return "live";
    case content::ContentSource::LastGood: return "last good, the live content has errors";
    case content::ContentSource::KeptCopy: return "the copy kept aside, the store's content has errors";
    case content::ContentSource::Shipped: return "shipped, the live and last good content have errors";
    case content::ContentSource::Unavailable: return "none usable: the kiosk shows 'niet beschikbaar'";
  }
  return "?";
}

// One line that tells a technician reading the journal what started, with what.
void log_start(const KioskContent& kiosk, const LoadedConfig& config, const std::string& data_dir,
               const platform::WindowOptions& options) {
  const content::ContentPack& content = kiosk.started.pack;
  std::string languages;
  for (const auto& language : content.languages)
    if (options.languages.empty() || std::find(options.languages.begin(), options.languages.end(),
                                               language.code) != options.languages.end())
      languages += " " + language.code;
  logging::info(
      "version %s starting: content %s (%s), data %s, settings %s, printer %s, screen %gx%g mm, idle %lld s, "
      "languages%s, sound %s",
      WEGWIJZER_VERSION, content.version.empty() ? "-" : content.version.c_str(),
      source_name(kiosk.started.source), data_dir.c_str(),
      config.path.empty() ? "built-in" : config.path.c_str(),
      options.printer.empty() ? "none" : options.printer.c_str(), options.screen_width_mm,
      options.screen_height_mm, static_cast<long long>(options.idle.idle_after_ms / 1000), languages.c_str(),
      options.sound ? "on" : "off");
}

}  // namespace

int command_run(Options& options) {
  // What the command line says: it wins over the settings file, which is read after it.
  std::optional<std::string> config_file, printer, usb_dir;
  std::string renderer;
  bool windowed = false, no_sound = false, no_interface_sounds = false;
  std::optional<std::pair<float, float>> screen_mm;
  std::optional<app::Millis> idle_after_ms;
  platform::WindowOptions window;
  Places places;
  options.describe(
      "Start the kiosk (fullscreen and locked down unless --windowed). Settings come from\n"
      "--config FILE, else /etc/wegwijzer/wegwijzer.toml when it exists; options here win.");
  options.text("--config", config_file, "FILE", "the settings file");
  options.flag("--windowed", windowed, "in a window, not locked down (for developers)");
  options.value("--screen-mm", "WxH", "the screen's size in millimetres (default 527x296.5)",
                [&screen_mm](const std::string& text) {
                  float width = 0, height = 0;
                  auto wrong = millimetres(width, height)(text);
                  if (wrong.empty()) screen_mm = {width, height};
                  return wrong;
                });
  idle_option(options, idle_after_ms);
  options.choice("--renderer", renderer, {"accelerated", "software"},
                 "software needs no GPU driver and far less memory (default accelerated)");
  options.flag("--no-sound", no_sound, "no speech and no sounds");
  options.flag("--no-interface-sounds", no_interface_sounds, "no tap and page sounds");
  options.text("--printer", printer, "URI",
               "the slip printer: escpos:tcp://HOST:9100, escpos:/dev/usb/lp0, ...");
  options.text("--usb-dir", usb_dir, "DIR",
               "the folder the editor's USB-stick screen uses (default: a stick under /media or /run/media)");
  places.content_option(options);
  places.data_option(options);
  // For `wegwijzer bench`: leave after the first frame, or after this many seconds of idling.
  options.flag("--exit-after-first-frame", window.exit_after_first_frame, "for wegwijzer bench");
  options.hide_last();
  options.value("--bench-idle", "S", "for wegwijzer bench", [&window](const std::string& text) {
    if (!script::to_number(text, window.bench_idle_seconds) || window.bench_idle_seconds < 0)
      return std::string("wants a number of seconds");
    return std::string{};
  });
  options.hide_last();
  if (const auto done = options.parse()) return *done;

  if (auto problem = platform::display_problem()) {
    logging::error("%s", problem->c_str());
    return 2;
  }
  const KioskContent kiosk = open_kiosk_content(places, true);
  const LoadedConfig config = load_config(config_file);
  apply_config(config, kiosk.started.pack, window);
  window.windowed = windowed;
  if (!renderer.empty()) window.software_renderer = renderer == "software";
  if (screen_mm) std::tie(window.screen_width_mm, window.screen_height_mm) = *screen_mm;
  if (idle_after_ms) window.idle.idle_after_ms = *idle_after_ms;
  if (no_sound) window.sound = false;
  if (no_interface_sounds) window.interface_sounds = false;
  if (printer) window.printer = *printer;
  const std::string data_dir = places.data_dir();
  window.stats = stats::stats_path(data_dir);
  window.staff_pins = staff::pin_path(data_dir);
  window.store = kiosk.store.get();
  window.settings = staff::settings_path(data_dir);
  window.stick = stick_settings(usb_dir, data_dir);
  log_start(kiosk, config, data_dir, window);
  return platform::run_kiosk(std::make_shared<const content::ContentPack>(kiosk.started.pack), window);
}

}  // namespace commands
