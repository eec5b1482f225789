#include "image/png.hpp"

#include <png.h>

#include <cstdio>
#include <cstring>

namespace image {

bool write_png(const std::string& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3)) return false;
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return false;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  volatile bool ok = false;  // set after setjmp: must survive a longjmp
  if (png && info && setjmp(png_jmpbuf(png)) == 0) {
    png_init_io(png, file);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 image.channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    const auto stride = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.channels);
    for (int y = 0; y < image.height; ++y)
      png_write_row(png, image.pixels.data() + stride * static_cast<std::size_t>(y));
    png_write_end(png, nullptr);
    ok = true;
  }
  png_destroy_write_struct(&png, &info);
  return std::fclose(file) == 0 && ok;
}

bool read_png(const std::string& path, Image& out) {
  png_image reader;
  std::memset(&reader, 0, sizeof reader);
  reader.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&reader, path.c_str())) return false;
  const bool grey = (reader.format & PNG_FORMAT_FLAG_COLOR) == 0;
  reader.format = grey ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  out.width = static_cast<int>(reader.width);
  out.height = static_cast<int>(reader.height);
  out.channels = grey ? 1 : 3;
  out.pixels.assign(PNG_IMAGE_SIZE(reader), 0);
  if (!png_image_finish_read(&reader, nullptr, out.pixels.data(), 0, nullptr)) {
    png_image_free(&reader);
    return false;
  }
  return true;
}

}  // namespace image
