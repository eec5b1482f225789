#pragma once
// A content pack in one signed file, to carry content from an editor's desk to
// kiosks. The file is text up to its last line:
//
//   wegwijzer-pack 1
//   version: 0.3
//   signer: bieb-noord
//   files: 2
//   file: home.toml 24
//   (exactly 24 bytes)
//   file: pages/huis.toml 310
//   (exactly 310 bytes)
//   signature: BASE64
//
// The signature is Ed25519 (libsodium, detached) over every byte before its
// line. A kiosk takes a pack only from a signer named in its trusted-keys file,
// with that signer's key.
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/pack_reader.hpp"

namespace editor {

// Far above any real pack; they keep a hostile file from making a kiosk build huge maps.
constexpr std::size_t kMaxPackFiles = 10'000;
constexpr std::size_t kMaxPackFileBytes = 10 * 1024 * 1024;

struct PackFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Both in base64 (libsodium's original variant).
struct KeyPair {
  std::string public_key;
  std::string secret_key;
};
[[nodiscard]] KeyPair make_keys();

// A signer's name is what a trusted-keys line starts with: letters, digits, '-' and '_'.
[[nodiscard]] bool valid_signer_name(const std::string& name);

// The whole signed file. Throws PackFileError for a secret key that is not one, a bad
// signer name, or files a kiosk would refuse (see read_pack_file).
[[nodiscard]] std::string write_pack_file(const content::PackFiles& files, const std::string& version,
                                          const std::string& signer, const std::string& secret_key_b64);

// Signer name -> base64 public key, from lines `NAME = "BASE64"` (# starts a comment).
// A missing file trusts nobody; a broken one throws PackFileError naming file and line.
[[nodiscard]] std::map<std::string, std::string> read_trusted_keys(const std::string& path);

// Why a kiosk refused a pack, for a message in the editor's own words.
enum class Refusal { None, NotAPack, Damaged, TooLarge, Untrusted, BadSignature };
[[nodiscard]] const char* refusal_name(Refusal refusal);  // "untrusted", ... (strings staff.usb.refused.NAME)

struct PackFile {
  content::PackFiles files;
  std::string version, signer;
  std::string error;  // why the file was refused, in plain English (for the log and the command line)
  Refusal refusal = Refusal::None;
  [[nodiscard]] bool ok() const { return error.empty(); }
};

// Verifies and unpacks; never throws. A refused file has `error` set and no files: one
// that is cut short or garbled, signed by someone not trusted or with another key,
// changed after signing, with a path outside the pack, or over the limits above.
[[nodiscard]] PackFile read_pack_file(const std::string& bytes,
                                      const std::map<std::string, std::string>& trusted);

struct Change {
  std::string path;
  enum class Kind { Added, Changed, Removed } kind;
};
// What taking `incoming` in place of `live` does, by path.
[[nodiscard]] std::vector<Change> compare(const content::PackFiles& live, const content::PackFiles& incoming);

}  // namespace editor
