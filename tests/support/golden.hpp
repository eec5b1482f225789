#pragma once
// Compares a picture with a golden one in tests/golden/, with a small tolerance
// for rasteriser rounding. WEGWIJZER_UPDATE_GOLDEN=1 replaces the golden file
// after an intended change (look at it before you commit it).
#include <string>

namespace test_support {

struct GoldenResult {
  bool ok = false;
  std::string message;
};

GoldenResult compare_with_golden(const std::string& actual_png, const std::string& golden_name);

}  // namespace test_support
