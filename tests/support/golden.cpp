#include "support/golden.hpp"

#include <cstdlib>
#include <filesystem>

#include "image/png.hpp"

namespace test_support {

GoldenResult compare_with_golden(const std::string& actual_png, const std::string& golden_name) {
  const std::string golden = std::string(WEGWIJZER_TESTS_DIR) + "/golden/" + golden_name;
  if (std::getenv("WEGWIJZER_UPDATE_GOLDEN"))
    std::filesystem::copy_file(actual_png, golden, std::filesystem::copy_options::overwrite_existing);
  image::Image expected, actual;
  if (!image::read_png(golden, expected))
    return {false, golden + " is missing or unreadable (create it with WEGWIJZER_UPDATE_GOLDEN=1)"};
  if (!image::read_png(actual_png, actual)) return {false, actual_png + " is unreadable"};
  if (expected.width != actual.width || expected.height != actual.height ||
      expected.channels != actual.channels)
    return {false, "size differs from " + golden};
  std::size_t differing = 0;
  double total = 0;
  for (std::size_t i = 0; i < expected.pixels.size(); ++i) {
    const int d = std::abs(int{expected.pixels[i]} - int{actual.pixels[i]});
    total += d;
    if (d > 48) ++differing;
  }
  const double share = static_cast<double>(differing) / static_cast<double>(expected.pixels.size());
  const double mean = total / static_cast<double>(expected.pixels.size());
  const bool ok = share < 0.005 && mean < 1.5;
  return {ok, golden_name + ": " + std::to_string(share * 100) + " % of channels differ, mean difference " +
                  std::to_string(mean)};
}

}  // namespace test_support
