#pragma once
// The kiosk's settings file, /etc/wegwijzer/wegwijzer.toml (deploy/wegwijzer.toml is the
// shipped one): screen size, idle time, languages, printer, sound. Pure: text in, settings
// and problems out. A setting the file does not give (or gives wrongly) keeps the built-in
// default, and options on the command line win over the file.
#include <optional>
#include <string>
#include <vector>

namespace platform {

inline constexpr const char* kDefaultConfigPath = "/etc/wegwijzer/wegwijzer.toml";

struct KioskConfig {
  std::optional<float> screen_width_mm;
  std::optional<float> screen_height_mm;
  std::optional<bool> software_renderer;
  std::optional<int> idle_seconds;
  std::optional<std::vector<std::string>> languages;  // offered on the language screen
  std::optional<std::string> printer;                 // a printer URI (slip/printer.hpp); "" for none
  // [printer] call_uri: the desk's printer for "Roep iemand" tickets (off by default); "" for none.
  std::optional<std::string> call_printer;
  // [call] signal_uri: "Roep iemand" as an HTTP POST to an address on the library's own network
  // (net/signal.hpp; off by default), and [call] name: the kiosk's name in it.
  std::optional<std::string> call_signal;
  std::optional<std::string> call_name;
  std::optional<bool> speech;
  std::optional<bool> interface_sounds;
};

struct ConfigRead {
  KioskConfig config;
  std::vector<std::string> problems;  // "FILE:LINE: error|warning: message"
  bool errors = false;
};

// A file with a syntax error gives no settings at all; a wrong value loses only itself.
[[nodiscard]] ConfigRead parse_config(const std::string& text, const std::string& path);
// The same for a file; one that cannot be read is an error.
[[nodiscard]] ConfigRead read_config_file(const std::string& path);

// Only the languages of `offered` that the content has, in the content's order; the
// content's default language is always kept (every session starts in it). Unknown
// codes are told in `problems`. An empty `offered` keeps every language.
[[nodiscard]] std::vector<std::string> languages_to_offer(const std::vector<std::string>& offered,
                                                          const std::vector<std::string>& in_content,
                                                          const std::string& default_language,
                                                          std::vector<std::string>* problems = nullptr);

}  // namespace platform
