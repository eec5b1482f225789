// libFuzzer target: the text layout entry point with arbitrary bytes.
// The first bytes choose the style and width; the rest is the text (any bytes,
// valid UTF-8 or not). Build with `make fuzz` (clang), run: build-fuzz/fuzz_layout.
#include <cstddef>
#include <cstdint>
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
  const auto layout = engine.layout(text::parse_inline(input), style, width);
  for (const auto& box : layout->words)
    if (box.end > layout->text.size() || box.begin > box.end) __builtin_trap();
  (void)engine.pictogram(input.substr(0, 40), style.size_px);
  return 0;
}
