#include "text/raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>

namespace text {
namespace {

// Sizes are kept to quarter pixels so near-equal sizes share atlas entries.
float quantize(float size_px) {
  return std::round(size_px * 4.0f) / 4.0f;
}

std::uint64_t key(std::uint16_t face, std::uint32_t glyph, float size_px) {
  return (std::uint64_t{face} << 48) | (std::uint64_t{glyph & 0xFFFFFFu} << 24) |
         static_cast<std::uint64_t>(quantize(size_px) * 4.0f);
}

constexpr int kPadding = 1;  // keeps neighbours from bleeding in when sampled

}  // namespace

GlyphBitmap rasterize(const FontSet& fonts, std::uint16_t face_index, std::uint32_t glyph, float size_px) {
  GlyphBitmap out;
  FT_Face face = fonts.face(face_index).ft;
  const float size = quantize(size_px * fonts.face(face_index).scale);
  if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(size * 64.0f), 72, 72) != 0) return out;
  if (FT_Load_Glyph(face, glyph, FT_LOAD_TARGET_LIGHT) != 0) return out;
  if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_LIGHT) != 0) return out;
  const FT_Bitmap& bitmap = face->glyph->bitmap;
  out.width = static_cast<int>(bitmap.width);
  out.height = static_cast<int>(bitmap.rows);
  out.left = face->glyph->bitmap_left;
  out.top = face->glyph->bitmap_top;
  out.coverage.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  for (int y = 0; y < out.height; ++y)
    std::copy_n(bitmap.buffer + static_cast<std::ptrdiff_t>(y) * bitmap.pitch, out.width,
                out.coverage.begin() + static_cast<std::ptrdiff_t>(y) * out.width);
  return out;
}

void render(const Layout& layout, const FontSet& fonts, image::Image& target, float x, float y) {
  for (const Glyph& g : layout.glyphs) {
    const GlyphBitmap bitmap = rasterize(fonts, g.face, g.id, layout.size_px);
    const int ox = static_cast<int>(std::lround(x + g.x)) + bitmap.left;
    const int oy = static_cast<int>(std::lround(y + g.y)) - bitmap.top;
    for (int row = 0; row < bitmap.height; ++row) {
      const int ty = oy + row;
      if (ty < 0 || ty >= target.height) continue;
      for (int col = 0; col < bitmap.width; ++col) {
        const int tx = ox + col;
        if (tx < 0 || tx >= target.width) continue;
        auto& pixel = target.pixels[static_cast<std::size_t>(ty) * static_cast<std::size_t>(target.width) +
                                    static_cast<std::size_t>(tx)];
        pixel = std::max(pixel, bitmap.coverage[static_cast<std::size_t>(row * bitmap.width + col)]);
      }
    }
  }
}

image::Image to_one_bit(const image::Image& grey, std::uint8_t threshold) {
  image::Image out = grey;
  for (auto& pixel : out.pixels) pixel = pixel >= threshold ? 255 : 0;
  return out;
}

GlyphAtlas::GlyphAtlas(const FontSet& fonts, int page_size, int max_pages)
    : fonts_(fonts), page_size_(page_size), max_pages_(std::max(max_pages, 1)) {}

void GlyphAtlas::add_page() {
  Page page;
  page.pixels.assign(static_cast<std::size_t>(page_size_) * static_cast<std::size_t>(page_size_), 0);
  page.last_used = frame_;
  pages_.push_back(std::move(page));
}

void GlyphAtlas::begin_frame() {
  ++frame_;
  if (!full_) return;
  full_ = false;
  // Empty the page used least recently; its glyphs are rasterised again when next needed.
  auto oldest = std::min_element(pages_.begin(), pages_.end(),
                                 [](const Page& a, const Page& b) { return a.last_used < b.last_used; });
  const int index = static_cast<int>(oldest - pages_.begin());
  std::erase_if(entries_, [&](const auto& entry) { return entry.second.page == index; });
  std::fill(oldest->pixels.begin(), oldest->pixels.end(), 0);
  oldest->shelf_y = oldest->shelf_height = oldest->cursor_x = 0;
  ++oldest->version;
  ++evictions_;
  // Pages added beyond the budget during a busy frame are dropped again.
  while (static_cast<int>(pages_.size()) > max_pages_) {
    const int last = static_cast<int>(pages_.size()) - 1;
    std::erase_if(entries_, [&](const auto& entry) { return entry.second.page == last; });
    pages_.pop_back();
  }
}

bool GlyphAtlas::place(const GlyphBitmap& bitmap, AtlasEntry& entry) {
  const int w = bitmap.width + kPadding, h = bitmap.height + kPadding;
  if (w > page_size_ || h > page_size_) return false;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    Page& page = pages_[i];
    if (page.cursor_x + w > page_size_) {  // next shelf
      page.shelf_y += page.shelf_height;
      page.shelf_height = 0;
      page.cursor_x = 0;
    }
    if (page.shelf_y + h > page_size_) continue;
    entry.page = static_cast<int>(i);
    entry.x = page.cursor_x;
    entry.y = page.shelf_y;
    page.cursor_x += w;
    page.shelf_height = std::max(page.shelf_height, h);
    for (int row = 0; row < bitmap.height; ++row)
      std::copy_n(bitmap.coverage.begin() + static_cast<std::ptrdiff_t>(row) * bitmap.width, bitmap.width,
                  page.pixels.begin() + static_cast<std::ptrdiff_t>(entry.y + row) * page_size_ + entry.x);
    ++page.version;
    return true;
  }
  return false;
}

const AtlasEntry& GlyphAtlas::glyph(std::uint16_t face, std::uint32_t glyph, float size_px) {
  const auto k = key(face, glyph, size_px);
  if (auto it = entries_.find(k); it != entries_.end()) {
    if (it->second.page >= 0) pages_[static_cast<std::size_t>(it->second.page)].last_used = frame_;
    return it->second;
  }
  const GlyphBitmap bitmap = rasterize(fonts_, face, glyph, size_px);
  AtlasEntry entry;
  entry.width = bitmap.width;
  entry.height = bitmap.height;
  entry.left = bitmap.left;
  entry.top = bitmap.top;
  if (bitmap.width > 0 && bitmap.height > 0) {
    if (pages_.empty()) add_page();
    if (!place(bitmap, entry)) {
      // Full: borrow a page for this frame; the least recently used one goes at the next frame.
      if (static_cast<int>(pages_.size()) >= max_pages_) full_ = true;
      add_page();
      if (!place(bitmap, entry)) entry.page = -1;  // larger than a page: not drawn
    }
    if (entry.page >= 0) pages_[static_cast<std::size_t>(entry.page)].last_used = frame_;
  }
  return entries_.emplace(k, entry).first->second;
}

std::size_t GlyphAtlas::memory_bytes() const {
  std::size_t total = 0;
  for (const auto& page : pages_) total += page.pixels.size();
  return total;
}

}  // namespace text
