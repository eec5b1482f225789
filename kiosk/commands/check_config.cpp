// wegwijzer check-config [FILE] [--get printer-host|call-printer-host|call-signal-host]
#include <cstdio>

#include "commands/commands.hpp"
#include "net/signal.hpp"
#include "platform/kiosk_config.hpp"
#include "platform/kiosk_window.hpp"
#include "slip/printer.hpp"

namespace commands {
namespace {

std::string printer_host(const std::string& uri) {
  const auto target = slip::parse_printer(uri);
  return target && target->kind == slip::PrintTarget::Kind::EscposTcp ? target->host : std::string{};
}

// The signal's address as the kiosk unit's IPAddressAllow= takes it: without a link-local zone.
std::string signal_host(const std::string& uri) {
  const auto target = net::parse_signal(uri);
  return target ? target->address.substr(0, target->address.find('%')) : std::string{};
}

}  // namespace

int command_check_config(Options& options) {
  std::optional<std::string> file;
  std::string get;
  options.describe(
      std::string("Check a settings file (default ") + platform::kDefaultConfigPath +
      "): problems as\n"
      "FILE:LINE: error|warning: message, then the settings the kiosk would use. Exit 1 on errors.\n"
      "[call] signal_uri = \"http://192.168.1.20:8080/hulp\" sends \"Roep iemand\" as an HTTP POST to an\n"
      "address on the library's own network only (10/8, 172.16/12, 192.168/16, loopback, link-local,\n"
      "fc00::/7); off by default. deploy/wegwijzer.toml describes every setting.");
  options.word("FILE", file, "the settings file");
  options.choice("--get", get, {"printer-host", "call-printer-host", "call-signal-host"},
                 "print only this setting (for deploy/wegwijzer-apply-config); problems go to stderr");
  if (const auto done = options.parse()) return *done;

  const std::string path = file ? *file : platform::kDefaultConfigPath;
  const auto read = platform::read_config_file(path);
  const auto& c = read.config;
  if (!get.empty()) {
    for (const auto& problem : read.problems) std::fprintf(stderr, "%s\n", problem.c_str());
    if (get == "call-signal-host") {
      std::printf("%s\n", signal_host(c.call_signal.value_or("")).c_str());
      return read.errors ? 1 : 0;
    }
    const auto& uri = get == "printer-host" ? c.printer : c.call_printer;
    std::printf("%s\n", printer_host(uri.value_or("")).c_str());
    return read.errors ? 1 : 0;
  }
  for (const auto& problem : read.problems) std::printf("%s\n", problem.c_str());
  const platform::WindowOptions defaults;
  std::printf("screen: %gx%g mm, %s renderer\n", c.screen_width_mm.value_or(defaults.screen_width_mm),
              c.screen_height_mm.value_or(defaults.screen_height_mm),
              c.software_renderer.value_or(defaults.software_renderer) ? "software" : "accelerated");
  std::printf("idle warning after: %lld s\n",
              static_cast<long long>(c.idle_seconds.value_or(defaults.idle.idle_after_ms / 1000)));
  std::string languages;
  for (const auto& code : c.languages.value_or(std::vector<std::string>{})) languages += " " + code;
  std::printf("languages:%s\n", languages.empty() ? " all in the content" : languages.c_str());
  const std::string printer = c.printer.value_or("");
  std::printf("printer: %s\n", printer.empty() ? "none (slips on screen only)" : printer.c_str());
  if (!printer_host(printer).empty()) std::printf("printer host: %s\n", printer_host(printer).c_str());
  const std::string call_printer = c.call_printer.value_or("");
  std::printf("call printer: %s\n", call_printer.empty()
                                        ? "none (\"Roep iemand\" says where the info point is)"
                                        : call_printer.c_str());
  const std::string signal = c.call_signal.value_or("");
  if (signal.empty())
    std::printf("call signal: none (off)\n");
  else
    std::printf("call signal: %s (to %s)%s\n", signal.c_str(), signal_host(signal).c_str(),
                c.call_name.value_or("").empty() ? "" : (", as \"" + *c.call_name + "\"").c_str());
  std::printf("speech: %s, interface sounds: %s\n", c.speech.value_or(true) ? "on" : "off",
              c.interface_sounds.value_or(true) ? "on" : "off");
  std::printf("%s: %s\n", path.c_str(), read.errors ? "has errors" : "ok");
  return read.errors ? 1 : 0;
}

}  // namespace commands
