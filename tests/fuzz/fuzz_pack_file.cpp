// libFuzzer target: signed content pack files, as they may come from a USB stick.
// First byte even: the rest is a pack file as found on a stick; nothing but a pack with
// a good signature from the trusted key may be taken, and a refused one gives no files.
// Odd: the rest is files (path NUL text NUL ...), written and signed as an export would
// and read back, which must give the same files (or the writer refuses them).
#include <cstddef>
#include <cstdint>
#include <string>

#include "editor/pack_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const editor::KeyPair keys = editor::make_keys();
  static const std::map<std::string, std::string> trusted = {{"bieb", keys.public_key}};
  if (size < 1) return 0;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    const auto pack = editor::read_pack_file(rest, trusted);
    if (!pack.ok() && (!pack.files.empty() || pack.refusal == editor::Refusal::None)) __builtin_trap();
    return 0;
  }
  content::PackFiles files;
  std::size_t at = 0;
  while (at < rest.size()) {
    const auto path_end = rest.find('\0', at);
    if (path_end == std::string::npos) break;
    auto text_end = rest.find('\0', path_end + 1);
    if (text_end == std::string::npos) text_end = rest.size();
    files[rest.substr(at, path_end - at)] = rest.substr(path_end + 1, text_end - path_end - 1);
    at = text_end + 1;
  }
  std::string written;
  try {
    written = editor::write_pack_file(files, "1.0", "bieb", keys.secret_key);
  } catch (const editor::PackFileError&) {
    return 0;  // paths a kiosk would refuse are refused when writing too
  }
  const auto back = editor::read_pack_file(written, trusted);
  if (!back.ok() || back.files != files) __builtin_trap();
  return 0;
}
