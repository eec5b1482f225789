// A golden screenshot of Home. Fonts come from pinned Debian packages, so the
// picture is stable; a small tolerance absorbs rasteriser rounding. After an
// intended change, refresh it: WEGWIJZER_UPDATE_GOLDEN=1 ctest -R golden
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "support/layout.hpp"

TEST_CASE("Home looks like the golden screenshot", "[ui][golden]") {
  const auto run = test_support::run_script("shot home\n", "golden");
  REQUIRE(run.result.ok);
  const std::string golden = std::string(WEGWIJZER_TESTS_DIR) + "/golden/home.png";
  const std::string actual = run.out_dir + "/home.png";
  if (std::getenv("WEGWIJZER_UPDATE_GOLDEN")) {
    std::filesystem::copy_file(actual, golden, std::filesystem::copy_options::overwrite_existing);
    WARN("golden screenshot updated: " << golden);
  }
  int gw = 0, gh = 0, aw = 0, ah = 0, channels = 0;
  unsigned char* expected = stbi_load(golden.c_str(), &gw, &gh, &channels, 4);
  unsigned char* got = stbi_load(actual.c_str(), &aw, &ah, &channels, 4);
  INFO("golden: " << golden << " (missing? run with WEGWIJZER_UPDATE_GOLDEN=1)");
  REQUIRE(expected);
  REQUIRE(got);
  REQUIRE(gw == aw);
  REQUIRE(gh == ah);
  long differing = 0;
  double total = 0;
  const long pixels = static_cast<long>(gw) * gh;
  for (long i = 0; i < pixels * 4; ++i) {
    const int d = std::abs(int{expected[i]} - int{got[i]});
    total += d;
    if (d > 48) ++differing;
  }
  stbi_image_free(expected);
  stbi_image_free(got);
  INFO("differing channels: " << differing << ", mean difference " << total / (pixels * 4));
  CHECK(differing < pixels * 4 / 200);  // under 0.5 %
  CHECK(total / (pixels * 4) < 1.5);
}
