#pragma once
// A QR code (libqrencode) as a square of modules, for the slip's link to the
// contact's web page or phone number.
#include <cstdint>
#include <string>
#include <vector>

namespace slip {

struct QrCode {
  int size = 0;                       // modules per side; 0 when the text could not be encoded
  std::vector<std::uint8_t> modules;  // size × size, 1 = dark
  [[nodiscard]] bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
};

// Error correction level M: a crumpled or creased slip still scans.
[[nodiscard]] QrCode make_qr(const std::string& text);

}  // namespace slip
