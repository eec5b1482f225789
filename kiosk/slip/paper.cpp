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

PaperLayout lay_out(const Slip& slip, text::TextEngine& engine, const Paper& paper) {
  PaperLayout out;
  out.width = static_cast<float>(paper.width_px);
  const float margin = paper.px(paper.margin_mm);
  const float full_width = out.width - 2 * margin;
  float y = paper.px(3);
  // Lines as thin as a printer can make them clearly: whole dots on a receipt.
  const float thin = std::max(paper.dpi > 72 ? 2.0f : 0.6f, paper.px(0.3f));

  auto text_at = [&](std::shared_ptr<const text::Layout> layout, float x, float top,
                     const std::string& words) {
    out.texts.push_back({std::move(layout), x, top, words});
  };
  auto outline = [&](float x, float top, float w, float h, float line) {
    out.rects.push_back({x, top, w, line});
    out.rects.push_back({x, top + h - line, w, line});
    out.rects.push_back({x, top, line, h});
    out.rects.push_back({x + w - line, top, line, h});
  };

  // The part to show at the counter stands in a thick frame, inset from the margins.
  const float frame_line = std::max(thin, std::round(paper.px(0.6f)));
  const float frame_pad = paper.px(2.5f);
  bool in_frame = false;
  float frame_top = 0;
  auto close_frame = [&] {
    if (!in_frame) return;
    y += paper.px(1);
    outline(margin, frame_top, full_width, y - frame_top, frame_line);
    y += paper.px(1.5f);
    in_frame = false;
  };

  for (const auto& block : slip.blocks) {
    if (block.counter && !in_frame) {
      in_frame = true;
      y += paper.px(1.5f);
      frame_top = y;
      if (block.kind != Kind::Heading) y += frame_pad;  // a heading brings its own room
    } else if (!block.counter) {
      close_frame();
    }
    // Dutch text for the counter stays left to right in a right-to-left slip.
    const bool rtl = slip.right_to_left && !block.in_default_language;
    const float inset = block.counter ? frame_pad : 0;
    const float width = full_width - 2 * inset;
    // A box of `w` at logical x (from the start edge), mirrored for right-to-left.
    auto place = [&](float x, float w) {
      return rtl ? out.width - margin - inset - x - w : margin + inset + x;
    };

    text::Style style;
    style.size_px = paper.px(size_mm(block.kind));
    style.right_to_left = rtl;
    style.line_spacing = 1.25f;
    auto spans = text::parse_inline(block.text);
    if (bold(block.kind))
      for (auto& span : spans) span.bold = true;
    if (block.kind == Kind::Heading || block.kind == Kind::Field) y += paper.px(2.5f);

    if (block.kind == Kind::Qr) {
      const auto qr = make_qr(slip.qr);
      if (qr.size == 0) continue;
      // Whole device pixels per module on a printer, at least kMinModuleMm so a phone reads it
      // from a receipt; exact on a vector page. Four modules of quiet zone on each side.
      float module = paper.px(28) / static_cast<float>(qr.size);
      if (paper.dpi > 72) module = std::max(std::round(paper.px(kMinModuleMm)), std::floor(module));
      const float side = module * static_cast<float>(qr.size);
      const float left = place(0, side);
      y += paper.px(2) + 4 * module;
      for (int row = 0; row < qr.size; ++row)
        for (int col = 0; col < qr.size; ++col)
          if (qr.dark(col, row))
            out.rects.push_back({left + static_cast<float>(col) * module,
                                 y + static_cast<float>(row) * module, module, module});
      y += side + 4 * module;
      auto caption = engine.layout(spans, style, width);
      const float h = caption->height;
      text_at(std::move(caption), place(0, width), y, block.text);
      y += h + paper.px(1.5f);
      continue;
    }

    // Items and checklist lines hang behind a pictogram or a box.
    const bool hanging = block.kind == Kind::Item || block.kind == Kind::Check;
    const float indent = hanging ? style.size_px * 1.4f : 0;
    auto layout = engine.layout(spans, style, width - indent);
    if (block.kind == Kind::Item) {
      if (auto icon = engine.pictogram(block.pictogram, style.size_px * 1.15f))
        text_at(std::move(icon), place(0, style.size_px * 1.15f), y + layout->line_height * 0.05f, "");
    } else if (block.kind == Kind::Check) {
      const float box = std::round(style.size_px * 0.8f);
      const float line = std::max(paper.dpi > 72 ? 2.0f : 0.6f, std::round(box / 10));
      outline(place(0, box), std::round(y + (layout->line_height - box) / 2), box, box, line);
    }
    const float h = layout->height;
    text_at(std::move(layout), place(indent, width - indent), y, block.text);
    y += h;
    if (block.kind == Kind::Field) {
      y += paper.px(7);  // room to write a name
      out.rects.push_back({place(0, width * 0.85f), y, width * 0.85f, thin});
      y += paper.px(2);
    }
    y += paper.px(block.kind == Kind::Item || block.kind == Kind::Check ? 0.6f : 1.5f);
  }
  close_frame();
  out.height = std::ceil(y + paper.px(6));
  return out;
}

image::Image render(const Slip& slip, text::TextEngine& engine, const Paper& paper) {
  const PaperLayout layout = lay_out(slip, engine, paper);
  image::Image out;
  out.width = paper.width_px;
  out.height = static_cast<int>(layout.height);
  out.channels = 1;
  out.pixels.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height), 0);
  for (const auto& r : layout.rects)
    fill(out, static_cast<int>(std::lround(r.x)), static_cast<int>(std::lround(r.y)),
         static_cast<int>(std::lround(r.w)), static_cast<int>(std::lround(r.h)));
  for (const auto& t : layout.texts) text::render(*t.layout, engine.fonts(), out, t.x, t.y);
  return out;
}

}  // namespace slip
