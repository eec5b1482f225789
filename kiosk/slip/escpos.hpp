#pragma once
// ESC/POS for receipt printers: a 1-bit raster image sent in bands with
// `GS v 0`, then feed and cut. Also the way back (decode), used by the tests and
// the fake printer, and the status bytes of `DLE EOT`.
#include <optional>
#include <string>

#include "image/png.hpp"

namespace slip {

// The image thresholded to 1 bit (ink ≥ 128), in bands of `band_rows` rows.
[[nodiscard]] std::string encode_escpos(const image::Image& grey, int band_rows = 128);

// Back to a grey image (255 = ink); nullopt (with `error`) for bytes that are not ours.
[[nodiscard]] std::optional<image::Image> decode_escpos(const std::string& bytes,
                                                        std::string* error = nullptr);

enum class Fault { None, PaperOut, CoverOpen, Offline, NoAnswer, NotFound, Failed };
[[nodiscard]] const char* fault_name(Fault fault);

// The three status queries: DLE EOT 1 (printer), 2 (offline cause), 4 (paper).
inline constexpr unsigned char kStatusQueries[3] = {1, 2, 4};
// What a status reply byte to query `n` says.
[[nodiscard]] Fault parse_status(int n, unsigned char reply);
// The paper sensor's reply (query 4) says the roll is nearly used up: print on, but warn.
[[nodiscard]] bool paper_near_end(unsigned char reply);

}  // namespace slip
