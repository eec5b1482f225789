#pragma once
// The slip on paper: one layout through the text engine, drawn into a grey
// bitmap at the paper's resolution. A receipt printer gets it as 1 bit per
// pixel (ESC/POS), a PNG shows it, and an A4 printer gets it the same way.
#include <string>

#include "image/png.hpp"
#include "slip/slip.hpp"
#include "text/layout.hpp"

namespace slip {

struct Paper {
  std::string name;
  int width_px = 576;   // printable width
  float dpi = 203;      // dots per inch
  float margin_mm = 2;  // left and right, inside the printable width
  [[nodiscard]] float px(float mm) const { return mm * dpi / 25.4f; }
};

// "80mm" (576 px at 203 dpi), "58mm" (384 px), "a4" and "a5" (150 dpi); nullopt-like empty name when unknown.
[[nodiscard]] Paper paper_named(const std::string& name);

// The slip as a grey image (0 = paper, 255 = ink), as tall as it needs to be.
[[nodiscard]] image::Image render(const Slip& slip, text::TextEngine& engine, const Paper& paper);
// Ink as black on white paper, for a PNG people look at.
[[nodiscard]] image::Image as_picture(image::Image ink);

}  // namespace slip
