#pragma once
// Writes a content pack directory in the format pack_reader reads, laid out for
// people: one page per file, multi-line bodies, languages side by side.
#include <string>

#include "content/content_pack.hpp"
#include "content/pack_reader.hpp"

namespace content {

// The pack's files (path -> text), made in memory: what write_pack writes, and what the
// editor's drafts are, with no disk in between.
[[nodiscard]] PackFiles pack_files(const ContentPack& pack);

// Returns an error message, or empty on success. Existing files are replaced.
[[nodiscard]] std::string write_pack(const ContentPack& pack, const std::string& directory);

}  // namespace content
