// libFuzzer target: the headless runner's script parser with arbitrary text.
// A parse never throws; every error names a line of the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "script/script.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto script = script::parse(text);
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n';
  for (const auto& error : script.errors)
    if (error.line < 1 || static_cast<std::size_t>(error.line) > lines) __builtin_trap();
  return 0;
}
