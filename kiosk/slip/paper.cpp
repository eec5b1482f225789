#include "slip/paper.hpp"

#include <algorithm>
#include <cmath>

#include "slip/qr.hpp"
#include "text/raster.hpp"

namespace slip {

image::Image as_picture(image::Image ink) {
  for (auto& pixel : ink.pixels) pixel = static_cast<std::uint8_t>(255 - pixel);
  return ink;
}

Paper paper_named(const std::string& name) {
  if (name == "80mm") return {"80mm", 576, 203, 2};
  if (name == "58mm") return {"58mm", 384, 203, 1.5f};
  if (name == "a4") return {"a4", 1240, 150, 20};
  if (name == "a5") return {"a5", 874, 150, 12};
  return {};
}

namespace {

// Type sizes in millimetres: large, for older eyes, on any paper.
float size_mm(Kind kind) {
  switch (kind) {
    case Kind::Title: return 7.0f;
    case Kind::Heading:
    case Kind::Step:
    case Kind::Closing: return 4.6f;
    default: return 4.2f;
  }
}

bool bold(Kind kind) {
  return kind == Kind::Title || kind == Kind::Heading || kind == Kind::Step || kind == Kind::Closing;
}

void fill(image::Image& image, int x, int y, int w, int h) {
  for (int row = std::max(0, y); row < std::min(image.height, y + h); ++row)
    for (int col = std::max(0, x); col < std::min(image.width, x + w); ++col)
      image.pixels[static_cast<std::size_t>(row) * static_cast<std::size_t>(image.width) +
                   static_cast<std::size_t>(col)] = 255;
}

}  // namespace

image::Image render(const Slip& slip, text::TextEngine& engine, const Paper& paper) {
  image::Image out;
  out.width = paper.width_px;
  out.height = static_cast<int>(paper.px(1000));  // cropped at the end
  out.channels = 1;
  out.pixels.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height), 0);
  const auto& fonts = engine.fonts();
  const float margin = paper.px(paper.margin_mm);
  const float width = static_cast<float>(paper.width_px) - 2 * margin;
  const bool rtl = slip.right_to_left;
  float y = paper.px(3);

  // A box of `w` at logical x (from the start edge), mirrored for right-to-left.
  auto place = [&](float x, float w) {
    return rtl ? static_cast<float>(paper.width_px) - margin - x - w : margin + x;
  };

  for (const auto& block : slip.blocks) {
    text::Style style;
    style.size_px = paper.px(size_mm(block.kind));
    style.right_to_left = rtl && !block.in_default_language;
    style.line_spacing = 1.25f;
    auto spans = text::parse_inline(block.text);
    if (bold(block.kind))
      for (auto& span : spans) span.bold = true;
    if (block.kind == Kind::Heading || block.kind == Kind::Field) y += paper.px(2.5f);

    if (block.kind == Kind::Qr) {
      const auto qr = make_qr(slip.qr);
      if (qr.size == 0) continue;
      const int module = std::max(2, static_cast<int>(paper.px(28) / static_cast<float>(qr.size)));
      const int side = module * qr.size;
      const int left = static_cast<int>(place(0, static_cast<float>(side)));
      y += paper.px(2);
      for (int row = 0; row < qr.size; ++row)
        for (int col = 0; col < qr.size; ++col)
          if (qr.dark(col, row))
            fill(out, left + col * module, static_cast<int>(y) + row * module, module, module);
      y += static_cast<float>(side) + paper.px(1);
      const auto caption = engine.layout(spans, style, width);
      text::render(*caption, fonts, out, place(0, width), y);
      y += caption->height + paper.px(1.5f);
      continue;
    }

    // Items and checklist lines hang behind a pictogram or a box.
    const bool hanging = block.kind == Kind::Item || block.kind == Kind::Check;
    const float indent = hanging ? style.size_px * 1.4f : 0;
    const auto layout = engine.layout(spans, style, width - indent);
    if (block.kind == Kind::Item) {
      if (auto icon = engine.pictogram(block.pictogram, style.size_px * 1.15f))
        text::render(*icon, fonts, out, place(0, style.size_px * 1.15f), y + layout->line_height * 0.05f);
    } else if (block.kind == Kind::Check) {
      const int box = static_cast<int>(style.size_px * 0.8f);
      const int line = std::max(2, box / 10);
      const int left = static_cast<int>(place(0, static_cast<float>(box)));
      const int top = static_cast<int>(y + (layout->line_height - static_cast<float>(box)) / 2);
      fill(out, left, top, box, line);
      fill(out, left, top + box - line, box, line);
      fill(out, left, top, line, box);
      fill(out, left + box - line, top, line, box);
    }
    text::render(*layout, fonts, out, place(indent, width - indent), y);
    y += layout->height;
    if (block.kind == Kind::Field) {
      y += paper.px(7);  // room to write a name
      fill(out, static_cast<int>(place(0, width * 0.85f)), static_cast<int>(y),
           static_cast<int>(width * 0.85f), std::max(2, static_cast<int>(paper.px(0.3f))));
      y += paper.px(2);
    }
    y += paper.px(block.kind == Kind::Item || block.kind == Kind::Check ? 0.6f : 1.5f);
    if (y > static_cast<float>(out.height) - paper.px(100)) break;  // never past the canvas
  }
  out.height = std::min(out.height, static_cast<int>(std::ceil(y + paper.px(6))));
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  return out;
}

}  // namespace slip
