// libFuzzer target: the text layout entry point with arbitrary bytes.
// The first bytes choose the style and width; the rest is the text (any bytes,
// valid UTF-8 or not). Build with `make fuzz` (clang), run: build-fuzz/fuzz_layout.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static text::FontSet fonts(text::default_font_config());
  static text::Hyphenator hyphenator;
  static text::TextEngine engine(fonts, hyphenator, 64);
  if (size < 4) return 0;
  text::Style style;
  style.size_px = 6.0f + static_cast<float>(data[0] % 120);
  style.right_to_left = data[1] & 1;
  style.bullet = data[1] & 2;
  style.align = (data[1] & 4) ? text::Align::Centre : text::Align::Start;
  style.hyphenate = !(data[1] & 8);
  const float width = 1.0f + static_cast<float>((data[2] << 8 | data[3]) % 2400);
  const std::string input(reinterpret_cast<const char*>(data + 4), size - 4);
  const auto spans = text::parse_inline(input);
  const auto layout = engine.layout(spans, style, width);
  for (const auto& box : layout->words)
    if (box.end > layout->text.size() || box.begin > box.end) __builtin_trap();
  // The screen's way (issue 23, item 11): a text over 4 KiB a slice a frame, each frame's
  // shaping bounded, and in the end the same glyphs as in one go.
  static text::TextEngine screen(fonts, hyphenator, 64);
  // At least 256 characters a frame: a 64 KiB input then takes a few hundred frames, not 64,000.
  const std::size_t shaped_budget = 256 + data[0] * 64u;
  screen.set_frame_budget({shaped_budget, 1024 + data[2] * 256u});
  std::shared_ptr<const text::Layout> sliced;
  for (int frame = 0; !sliced || !sliced->complete; ++frame) {
    if (frame > 1'000'000) __builtin_trap();
    screen.begin_frame();
    const std::size_t before = screen.shaped_chars();
    sliced = screen.layout(spans, style, width);
    // The budget, and the step under way: a word, or a line of a word wider than the line.
    if (screen.shaped_chars() - before > shaped_budget + 16384) __builtin_trap();
  }
  if (sliced->lines != layout->lines || sliced->glyphs.size() != layout->glyphs.size() ||
      sliced->words.size() != layout->words.size() || sliced->height != layout->height)
    __builtin_trap();
  for (std::size_t i = 0; i < layout->glyphs.size(); ++i)
    if (sliced->glyphs[i].id != layout->glyphs[i].id || sliced->glyphs[i].x != layout->glyphs[i].x ||
        sliced->glyphs[i].y != layout->glyphs[i].y)
      __builtin_trap();
  (void)engine.pictogram(input.substr(0, 40), style.size_px);
  return 0;
}
