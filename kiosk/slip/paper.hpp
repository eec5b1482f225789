#pragma once
// The slip on paper: one layout through the text engine, drawn into a grey
// bitmap at the paper's resolution. A receipt printer gets it as 1 bit per
// pixel (ESC/POS), a PNG shows it, and an A4 printer gets it the same way.
#include <memory>
#include <string>
#include <vector>

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

// The slip laid out once, for every output: texts (shaped layouts at their
// place, with their words for a PDF's text layer) and filled rectangles (boxes,
// lines, the QR code's modules). In the paper's pixels, top left is 0, 0.
struct PaperLayout {
  struct Text {
    std::shared_ptr<const text::Layout> layout;
    float x = 0, y = 0;
    std::string words;  // as written (with **marks**); empty for a pictogram
  };
  struct Box {
    float x = 0, y = 0, w = 0, h = 0;
  };
  float width = 0, height = 0;
  std::vector<Text> texts;
  std::vector<Box> rects;
};
// The smallest QR module on a printer: 0.5 mm, 4 dots at 203 dpi. A vCard needs more modules
// than a web address did; squeezed into 28 mm its modules would shrink to 3 dots (0.375 mm).
inline constexpr float kMinModuleMm = 0.5f;
[[nodiscard]] PaperLayout lay_out(const Slip& slip, text::TextEngine& engine, const Paper& paper);

// The slip as a grey image (0 = paper, 255 = ink), as tall as it needs to be.
[[nodiscard]] image::Image render(const Slip& slip, text::TextEngine& engine, const Paper& paper);
// Ink as black on white paper, for a PNG people look at.
[[nodiscard]] image::Image as_picture(image::Image ink);

}  // namespace slip
