#include "slip/escpos.hpp"

namespace slip {

std::string encode_escpos(const image::Image& grey, int band_rows) {
  std::string out = "\x1b@";  // ESC @: initialise
  const int bytes_per_row = (grey.width + 7) / 8;
  for (int top = 0; top < grey.height; top += band_rows) {
    const int rows = std::min(band_rows, grey.height - top);
    // GS v 0 m xL xH yL yH: a raster band, m = 0 (normal size).
    out += "\x1dv0";
    out += '\0';
    out += static_cast<char>(bytes_per_row & 0xff);
    out += static_cast<char>(bytes_per_row >> 8);
    out += static_cast<char>(rows & 0xff);
    out += static_cast<char>(rows >> 8);
    for (int y = top; y < top + rows; ++y) {
      for (int b = 0; b < bytes_per_row; ++b) {
        unsigned char byte = 0;
        for (int bit = 0; bit < 8; ++bit) {
          const int x = b * 8 + bit;
          if (x < grey.width &&
              grey.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(grey.width) +
                          static_cast<std::size_t>(x)] >= 128)
            byte = static_cast<unsigned char>(byte | (0x80 >> bit));
        }
        out += static_cast<char>(byte);
      }
    }
  }
  out +=
      "\x1b"
      "d";  // ESC d n: feed n lines, past the cutter
  out += static_cast<char>(4);
  out += "\x1dV";  // GS V 66 0: feed and partial cut
  out += static_cast<char>(66);
  out += '\0';
  return out;
}

std::optional<image::Image> decode_escpos(const std::string& bytes, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<image::Image> {
    if (error) *error = why;
    return std::nullopt;
  };
  image::Image out;
  out.channels = 1;
  std::size_t i = 0;
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(bytes[at]); };
  while (i < bytes.size()) {
    if (bytes.compare(i, 2, "\x1b@") == 0) {
      i += 2;
    } else if (bytes.compare(i, 2,
                             "\x1b"
                             "d") == 0 &&
               i + 2 < bytes.size()) {
      i += 3;
    } else if (bytes.compare(i, 2, "\x1dV") == 0 && i + 3 < bytes.size()) {
      i += 4;
    } else if (bytes.compare(i, 3, "\x1dv0") == 0 && i + 8 <= bytes.size()) {
      const int row_bytes = byte(i + 4) | byte(i + 5) << 8;
      const int rows = byte(i + 6) | byte(i + 7) << 8;
      i += 8;
      const std::size_t size = static_cast<std::size_t>(row_bytes) * static_cast<std::size_t>(rows);
      if (i + size > bytes.size()) return fail("a raster band is cut short");
      if (out.width == 0) out.width = row_bytes * 8;
      if (out.width != row_bytes * 8) return fail("raster bands differ in width");
      for (int y = 0; y < rows; ++y)
        for (int x = 0; x < out.width; ++x)
          out.pixels.push_back(
              (byte(i + static_cast<std::size_t>(y * row_bytes + x / 8)) & (0x80 >> (x % 8))) ? 255 : 0);
      out.height += rows;
      i += size;
    } else {
      return fail("unknown command at byte " + std::to_string(i));
    }
  }
  return out;
}

const char* fault_name(Fault fault) {
  switch (fault) {
    case Fault::None: return "ready";
    case Fault::PaperOut: return "paper out";
    case Fault::CoverOpen: return "cover open";
    case Fault::Offline: return "offline";
    case Fault::NoAnswer: return "no answer";
    case Fault::NotFound: return "printer not found";
    case Fault::Failed: return "printing failed";
  }
  return "unknown";
}

// Epson's ESC/POS: every status byte has bits 1 and 4 set and bits 0 and 7 clear.
Fault parse_status(int n, unsigned char reply) {
  if ((reply & 0x93) != 0x12) return Fault::Failed;  // not a status byte
  switch (n) {
    case 1: return reply & 0x08 ? Fault::Offline : Fault::None;
    case 2:
      if (reply & 0x04) return Fault::CoverOpen;
      if (reply & 0x20) return Fault::PaperOut;
      return reply & 0x40 ? Fault::Failed : Fault::None;
    case 4: return (reply & 0x60) == 0x60 ? Fault::PaperOut : Fault::None;
    default: return Fault::None;
  }
}

bool paper_near_end(unsigned char reply) {
  return (reply & 0x93) == 0x12 && (reply & 0x0C) == 0x0C;
}

}  // namespace slip
