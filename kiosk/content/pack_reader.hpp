#pragma once
// Reads a content pack directory (content/README.md describes the files).
// Every problem becomes a Diagnostic with file and line; reading never throws
// and never stops at the first problem, so an editor sees them all at once.
#include <optional>
#include <string>

#include "content/content_pack.hpp"
#include "content/diagnostic.hpp"

namespace content {

struct ReadResult {
  std::optional<ContentPack> pack;  // absent when the pack cannot be used at all
  Diagnostics diagnostics;
};

[[nodiscard]] ReadResult read_pack(const std::string& directory);

// The bundled pack: $WEGWIJZER_CONTENT, the source tree's content/, or the installed one.
[[nodiscard]] std::string default_content_dir();

// The UI strings the kiosk cannot do without (checked in the default language).
[[nodiscard]] const std::vector<std::string>& required_strings();

}  // namespace content
