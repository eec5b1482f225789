#pragma once
// Moving content between kiosks on a USB stick, from the editor's screen: the
// whole content out as one signed pack (with the kiosk's own key, made on first
// use), and a pack in after a look at what it changes. Messages are strings.toml
// keys, so the screen says them in the editor's words.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/validate.hpp"
#include "editor/pack_file.hpp"

namespace editor {

// Where to look for a stick. Debian mounts them at /media/USER/LABEL (udisks2) or
// /media/LABEL, some systems at /run/media/USER/LABEL: a mount point one or two levels down.
// `fixed` is a folder taken as the stick whether or not it is mounted (tests, a chosen folder).
struct StickPlaces {
  std::vector<std::string> mount_roots = {"/media", "/run/media"};
  std::string fixed;
};
[[nodiscard]] std::optional<std::string> find_stick(const StickPlaces& places);

// The pack files at the top of a stick (*.wwpack), newest first; names that are links, FIFOs
// or devices too (last), so that a tap on one says why it is refused.
inline constexpr const char* kPackExtension = ".wwpack";
[[nodiscard]] std::vector<std::string> packs_on(const std::string& stick);

// The kiosk's own signing key under `key_dir` (kiosk-key.toml): made on first use,
// named "kiosk-HOSTNAME-XXXXXXXX" (the start of its public key: kiosks installed from
// one image share a host name, and trusted-keys.toml holds one key per name). Other kiosks take its packs
// once its public line is in their trusted-keys.toml; the export puts that line on the stick beside the pack.
struct KioskKey {
  std::string signer;
  std::string secret_key;  // base64
  std::string public_key;  // base64
};
[[nodiscard]] std::optional<KioskKey> kiosk_key(const std::string& key_dir);

// Writes STICK/wegwijzer-inhoud-DATE-SIGNER.wwpack (whole, then renamed; never over another
// file: -2, -3 ... follow) and STICK/SIGNER.pub. A link, FIFO or device in the way (a stick
// made to reach the kiosk's own files) is never followed: the export is refused.
struct ExportResult {
  std::string problem;  // a strings.toml key, "" when written
  std::string file;     // the pack's file name on the stick
  std::string detail;   // the reason in English, for the log
};
[[nodiscard]] ExportResult export_to_stick(const content::PackFiles& files, const std::string& version,
                                           const std::string& stick, const KioskKey& key,
                                           const std::string& today);

// Versions as numbers, part by part: "0.10" is newer than "0.9", "1.0" equals "1". A part
// that is no number is compared as text. Below 0: `a` is older than `b`.
[[nodiscard]] int compare_versions(const std::string& a, const std::string& b);
// The version in pack.toml of `files`; "" when there is none.
[[nodiscard]] std::string pack_version_of(const content::PackFiles& files);

// What taking a pack would do, checked as far as it can be before anything changes:
// the signature against the trusted keys, then the content as a kiosk would read it.
// A pack older than the live content (issue 23, item 6: v0.1 after v0.2 put files back)
// can be taken only when the editor chooses to put older content back.
struct ImportPlan {
  std::string file;       // the pack's path
  std::string problem;    // a strings.toml key ("staff.usb.refused.untrusted"), "" when it can be taken
  std::string detail;     // the reason in English, for the log and the command line
  bool verified = false;  // the signature was checked and is good: `pack` says who signed it
  PackFile pack;
  std::vector<Change> changes;
  // Versions from pack.toml, the pack's own and the live one: the header's version is what the
  // exporting kiosk was shipped with, which an import from a stick does not change.
  std::string version;       // the pack's (the header's when its pack.toml has none)
  std::string live_version;  // the kiosk's now
  std::string live_date;     // YYYY-MM-DD: when that content came (given by the caller), or ""
  std::string pack_date;     // YYYY-MM-DD: when the pack was written to the stick, or ""
  bool older = false;        // the pack's version is below the live one
  [[nodiscard]] bool ok() const { return problem.empty(); }
};
// A file on a stick larger than this is not read at all (a pack is a few hundred KB).
inline constexpr std::uintmax_t kMaxPackBytes = 64 * 1024 * 1024;
[[nodiscard]] ImportPlan plan_import(const std::string& file, const std::string& trust_file,
                                     const content::PackFiles& live, const content::ValidateOptions& checks,
                                     const std::string& live_date = {});

}  // namespace editor
