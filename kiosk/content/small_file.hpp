#pragma once
// Small files read whole, and written so that a power cut, or a USB stick pulled
// out, leaves the old file or the new one, never half of one: a temp file beside
// it, synced, then renamed over it. Used for PINs, the kiosk's settings and key,
// and packs on sticks.
#include <sys/types.h>

#include <optional>
#include <string>

namespace content {

// The whole file; nullopt when it cannot be read.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path);

[[nodiscard]] bool write_file_atomically(const std::string& path, const std::string& bytes,
                                         mode_t mode = 0644);

}  // namespace content
