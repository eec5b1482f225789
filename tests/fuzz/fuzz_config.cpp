// libFuzzer target: the kiosk's settings file (/etc/wegwijzer/wegwijzer.toml), as
// `check-config` and the kiosk read it. Every problem names the file and a line, and a
// printer that passes has a host fit for the unit file (deploy/wegwijzer-apply-config).
#include <cstddef>
#include <cstdint>
#include <string>

#include "platform/kiosk_config.hpp"
#include "slip/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto read = platform::parse_config(text, "k.toml");
  for (const auto& problem : read.problems)
    if (problem.rfind("k.toml:", 0) != 0) __builtin_trap();
  if (read.config.printer && !read.config.printer->empty()) {
    const auto target = slip::parse_printer(*read.config.printer);
    if (!target) __builtin_trap();
    if (target->kind == slip::PrintTarget::Kind::EscposTcp &&
        target->host.find_first_of(" \t\r\n/*%=") != std::string::npos)
      __builtin_trap();
  }
  return 0;
}
