#pragma once
// Writing and reading PNG files with libpng: screenshots, slips, golden images.
#include <cstdint>
#include <string>
#include <vector>

namespace image {

struct Image {
  int width = 0;
  int height = 0;
  int channels = 1;  // 1 = grey, 3 = RGB
  std::vector<std::uint8_t> pixels;
};

// Fast compression: these pictures are for tests and people, not for archives.
[[nodiscard]] bool write_png(const std::string& path, const Image& image);
// Reads grey, grey+alpha, RGB or RGBA files as grey (1) or RGB (3) channels.
[[nodiscard]] bool read_png(const std::string& path, Image& image);

}  // namespace image
