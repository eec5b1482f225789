#pragma once
// Reads a content pack directory (content/README.md describes the files).
// Every problem becomes a Diagnostic with file and line; reading never throws
// and never stops at the first problem, so an editor sees them all at once.
#include <map>
#include <optional>
#include <string>

#include "content/content_pack.hpp"
#include "content/diagnostic.hpp"

namespace content {

// A pack's files by path relative to the pack ("pages/huis.toml") → their text.
// The same pack may come from a directory or from the device's store.
using PackFiles = std::map<std::string, std::string>;

// Reads every .toml file below `directory`.
[[nodiscard]] PackFiles read_files(const std::string& directory);

struct ReadResult {
  std::optional<ContentPack> pack;  // absent when the pack cannot be used at all
  Diagnostics diagnostics;
};

[[nodiscard]] ReadResult read_pack(const std::string& directory);
// `root` names where the files came from, in messages ("content", "/var/lib/wegwijzer/store").
[[nodiscard]] ReadResult read_pack(const PackFiles& files, const std::string& root);

// The bundled pack: $WEGWIJZER_CONTENT, the source tree's content/, or the installed one.
[[nodiscard]] std::string default_content_dir();

// The UI strings the kiosk cannot do without (checked in the default language).
[[nodiscard]] const std::vector<std::string>& required_strings();

}  // namespace content
