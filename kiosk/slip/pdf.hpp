#pragma once
// The slip as a PDF page (A4 or A5) for an ordinary printer: the same layout as
// every other output, drawn by cairo as vector text with the shaped glyphs of
// the text engine (so the words can be found and copied in the PDF).
#include <string>

#include "slip/paper.hpp"

namespace slip {

// "a4" or "a5"; empty with `error` set when cairo fails.
[[nodiscard]] std::string render_pdf(const Slip& slip, text::TextEngine& engine, const std::string& paper,
                                     std::string* error = nullptr);

}  // namespace slip
