#pragma once
// Turning glyphs into pixels, for the screen (through a glyph atlas that the
// renderer uploads as textures) and for paper (straight into a bitmap at any dpi).
// The same layouts feed both, so the slip shows exactly the text of the screen.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "image/png.hpp"
#include "text/layout.hpp"

namespace text {

struct GlyphBitmap {
  int width = 0, height = 0;
  int left = 0, top = 0;  // offset of the bitmap's top left from the pen on the baseline
  std::vector<std::uint8_t> coverage;
};

// Rasterises one glyph with FreeType (light hinting: crisp horizontals, true shapes).
[[nodiscard]] GlyphBitmap rasterize(const FontSet& fonts, std::uint16_t face, std::uint32_t glyph,
                                    float size_px);

// Draws a layout into a grey image (0 = paper, 255 = ink) with its top left at (x, y).
void render(const Layout& layout, const FontSet& fonts, image::Image& target, float x, float y);
// A grey image thresholded to black and white (for thermal printers); 0 or 255.
[[nodiscard]] image::Image to_one_bit(const image::Image& grey, std::uint8_t threshold = 128);

struct AtlasEntry {
  int page = -1;
  int x = 0, y = 0, width = 0, height = 0;
  int left = 0, top = 0;
};

// Glyph bitmaps packed into square pages of coverage, rasterised on first use.
// When every page is full, the least recently used page is emptied between frames.
class GlyphAtlas {
 public:
  struct Page {
    std::vector<std::uint8_t> pixels;
    int shelf_y = 0, shelf_height = 0, cursor_x = 0;
    std::uint64_t last_used = 0;
    std::uint64_t version = 0;  // changes whenever pixels change: the renderer re-uploads
  };

  GlyphAtlas(const FontSet& fonts, int page_size = 1024, int max_pages = 4);

  // Call once per frame before drawing.
  void begin_frame();
  [[nodiscard]] const AtlasEntry& glyph(std::uint16_t face, std::uint32_t glyph, float size_px);
  [[nodiscard]] const std::vector<Page>& pages() const { return pages_; }
  [[nodiscard]] int page_size() const { return page_size_; }
  [[nodiscard]] std::size_t memory_bytes() const;
  [[nodiscard]] std::size_t glyph_count() const { return entries_.size(); }
  [[nodiscard]] std::uint64_t evictions() const { return evictions_; }

 private:
  bool place(const GlyphBitmap& bitmap, AtlasEntry& entry);
  void add_page();

  const FontSet& fonts_;
  int page_size_;
  int max_pages_;
  std::vector<Page> pages_;
  std::unordered_map<std::uint64_t, AtlasEntry> entries_;
  std::uint64_t frame_ = 1;
  std::uint64_t evictions_ = 0;
  bool full_ = false;
};

}  // namespace text
