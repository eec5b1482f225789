#include "support/fixtures.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "content/pack_reader.hpp"

namespace test_support {

const content::ContentPack& fixture_pack() {
  static const content::ContentPack pack = [] {
    auto read = content::read_pack(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
    if (!read.pack) {
      for (const auto& d : read.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
      std::abort();
    }
    return std::move(*read.pack);
  }();
  return pack;
}

// One folder per test process: ctest runs test cases side by side, and two of them
// asking for the same name must not share (or wipe) each other's files. Removed at exit,
// unless WEGWIJZER_KEEP_TEST_FILES is set: then the shots stay to be looked at.
std::string temp_dir(const std::string& name) {
  static const auto root = [] {
    auto dir = std::filesystem::temp_directory_path() / ("wegwijzer-test-" + std::to_string(::getpid()));
    if (!std::getenv("WEGWIJZER_KEEP_TEST_FILES")) std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("wegwijzer-test-" + std::to_string(::getpid())), ec);
    });
    return dir;
  }();
  const auto dir = root / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string repeated(const std::string& piece, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

}  // namespace test_support
