// libFuzzer target: the content pack reader and validator with arbitrary files.
// The input is split at NUL bytes into the texts of the pack's main files, so
// the fuzzer mutates real TOML structure. Run with `make fuzz`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/pack_reader.hpp"
#include "content/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const names[] = {"pack.toml",
                                      "location.toml",
                                      "home.toml",
                                      "strings.toml",
                                      "pages/a.toml",
                                      "pages/b.toml",
                                      "contacts.toml",
                                      "selfcheck/questions.toml",
                                      "selfcheck/parameters.toml",
                                      "language/avoid.toml"};
  content::PackFiles files;
  std::size_t part = 0;
  std::string current;
  for (std::size_t i = 0; i < size && part < std::size(names); ++i) {
    if (data[i] == 0) {
      files[names[part++]] = current;
      current.clear();
    } else {
      current += static_cast<char>(data[i]);
    }
  }
  if (part < std::size(names)) files[names[part]] = current;
  const auto read = content::read_pack(files, "fuzz");
  if (read.pack) (void)content::validate(*read.pack, {"2026-11-25", {}});
  return 0;
}
