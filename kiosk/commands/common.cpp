#include "commands/common.hpp"

#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "content/pack_reader.hpp"
#include "content/store.hpp"
#include "logging/log.hpp"
#include "platform/headless_driver.hpp"
#include "script/script.hpp"

namespace commands {

void Places::content_option(Options& options) {
  options.text("--content", content, "DIR", "the content pack to use (default: the bundled one)");
}

void Places::data_option(Options& options, const char* help) {
  options.text(
      "--data", data, "DIR",
      help ? help : "where the kiosk keeps its store (default: $WEGWIJZER_DATA or ~/.local/share/wegwijzer)");
}

std::string Places::content_dir() const {
  return content ? *content : content::default_content_dir();
}

std::string Places::data_dir() const {
  return data ? *data : content::default_data_dir();
}

content::ValidateOptions PictogramCheck::options(const std::string& date) {
  return {date, [this](const std::string& name) { return engine.has_pictogram(name); }};
}

KioskContent open_kiosk_content(const Places& places, bool use_store) {
  PictogramCheck check;
  KioskContent out;
  if (use_store) {
    try {
      out.store = std::make_unique<content::ContentStore>(content::store_path(places.data_dir()));
      if (out.store->read_only())
        logging::warning("the data folder %s is read-only: visitors are served, edits cannot be saved",
                         places.data_dir().c_str());
    } catch (const content::StoreError& e) {
      // Visitors come first: without a store they get the bundled pack, and the editor says why it
      // cannot save.
      logging::error("%s; the kiosk shows the bundled content", e.what());
    }
  }
  out.started = content::open_content(out.store.get(), places.content_dir(), check.options(app::today_iso()));
  for (const auto& note : out.started.notes) logging::warning("%s", note.c_str());
  // A damaged store that could not be set aside and reopened is no store for the editor.
  if (out.store && !out.store->is_open()) out.store.reset();
  return out;
}

app::KioskApp::StickSettings stick_settings(const std::optional<std::string>& usb_dir,
                                            const std::string& data_dir) {
  app::KioskApp::StickSettings out;
  if (usb_dir) out.places.fixed = *usb_dir;
  out.key_dir = data_dir;
  out.trust_file = (std::filesystem::path(data_dir) / "trusted-keys.toml").string();
  return out;
}

Take day(std::string& into) {
  return [&into](const std::string& date) -> std::string {
    long long y = 0, m = 0, d = 0;
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                        script::to_count(date.substr(0, 4), y) && script::to_count(date.substr(5, 2), m) &&
                        script::to_count(date.substr(8, 2), d);
    if (!shaped || !(std::chrono::year{static_cast<int>(y)} / std::chrono::month{static_cast<unsigned>(m)} /
                     std::chrono::day{static_cast<unsigned>(d)})
                        .ok())
      return "wants a day that exists, as YYYY-MM-DD (e.g. 2026-02-28)";
    into = date;
    return "";
  };
}

Take whole_number(long long& into, long long least, long long most, const char* wants) {
  return [&into, least, most, wants](const std::string& text) -> std::string {
    long long value = 0;
    if (!script::to_count(text, value) || value < least || value > most) return wants;
    into = value;
    return "";
  };
}

namespace {

bool parse_pair(const std::string& text, float& a, float& b) {
  return std::sscanf(text.c_str(), "%fx%f", &a, &b) == 2 && a > 0 && b > 0;
}

}  // namespace

Take pixels(int& width, int& height) {
  return [&width, &height](const std::string& text) -> std::string {
    float w = 0, h = 0;
    if (!parse_pair(text, w, h)) return "wants WIDTHxHEIGHT in pixels, e.g. 1920x1080";
    width = static_cast<int>(w);
    height = static_cast<int>(h);
    return "";
  };
}

Take millimetres(float& width, float& height) {
  return [&width, &height](const std::string& text) -> std::string {
    float w = 0, h = 0;
    if (!parse_pair(text, w, h)) return "wants WIDTHxHEIGHT in millimetres, e.g. 527x296";
    width = w;
    height = h;
    return "";
  };
}

void idle_option(Options& options, std::optional<app::Millis>& idle_after_ms) {
  options.value("--idle-seconds", "N", "seconds without a touch before the idle warning (10 to 86400)",
                [&idle_after_ms](const std::string& text) {
                  long long seconds = 0;
                  auto wrong =
                      whole_number(seconds, 10, 24 * 3600, "wants a whole number from 10 to 86400")(text);
                  if (wrong.empty()) idle_after_ms = seconds * 1000LL;
                  return wrong;
                });
}

int report(const platform::RunResult& result) {
  for (const auto& error : result.errors) std::fprintf(stderr, "%s\n", error.c_str());
  return result.ok ? 0 : 1;
}

std::optional<std::string> make_temp_folder(const std::string& name) {
  std::string pattern = (std::filesystem::temp_directory_path() / ("wegwijzer-" + name + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) {
    std::fprintf(stderr, "wegwijzer: cannot make a temp folder\n");
    return std::nullopt;
  }
  return pattern;
}

}  // namespace commands
