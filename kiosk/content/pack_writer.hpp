#pragma once
// Writes a content pack directory in the format pack_reader reads, laid out for
// people: one page per file, multi-line bodies, languages side by side.
#include <string>

#include "content/content_pack.hpp"

namespace content {

// Returns an error message, or empty on success. Existing files are replaced.
[[nodiscard]] std::string write_pack(const ContentPack& pack, const std::string& directory);

}  // namespace content
