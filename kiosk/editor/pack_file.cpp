#include "editor/pack_file.hpp"

#include <sodium.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "content/toml_text.hpp"

namespace editor {

namespace {

constexpr std::string_view kMagic = "wegwijzer-pack 1";
constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

void need_sodium() {
  if (sodium_init() < 0) throw PackFileError("libsodium cannot start");
}

// Holds secret bytes and wipes them when done.
struct SecretBytes {
  explicit SecretBytes(std::size_t size) : bytes(size) {}
  ~SecretBytes() { sodium_memzero(bytes.data(), bytes.size()); }
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  std::vector<unsigned char> bytes;
};

std::string to_base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_encoded_len(size, kBase64), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kBase64);
  out.pop_back();  // the terminating NUL
  return out;
}

// Decodes exactly `out.size()` bytes, or fails: a key or signature of another length is no key.
// The text must be the one encoding of those bytes: libsodium's decoder also takes some bytes
// above 0x7f as digits, and a changed byte in a pack file must never pass.
bool from_base64(std::string_view text, std::vector<unsigned char>& out) {
  std::size_t length = 0;
  return sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                           kBase64) == 0 &&
         length == out.size() && to_base64(out.data(), out.size()) == text;
}

// Why `path` may not be in a pack, or "": every file must land inside the pack directory.
std::string path_problem(std::string_view path) {
  const std::string quoted = "'" + std::string(path) + "'";
  if (path.empty()) return "a file has no name";
  if (std::any_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    return "the file name " + quoted + " has control characters";
  if (path.front() == '/') return "the path " + quoted + " is absolute";
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, slash - start);
    if (part == "..") return "the path " + quoted + " leads outside the pack";
    if (part.empty() || part == ".") return "the path " + quoted + " is not a plain relative path";
    start = slash + 1;
  }
  return {};
}

std::string limits_problem(const content::PackFiles& files) {
  if (files.size() > kMaxPackFiles)
    return "a pack holds at most " + std::to_string(kMaxPackFiles) + " files, not " +
           std::to_string(files.size());
  for (const auto& [path, text] : files)
    if (text.size() > kMaxPackFileBytes) return "the file '" + path + "' is larger than 10 MiB";
  return {};
}

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

// Reads the pack file front to back; every step fails softly at the end of the bytes.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : bytes_(bytes) {}

  // The next line without its '\n'; nothing when no '\n' ends it.
  std::optional<std::string_view> line() {
    const std::size_t end = bytes_.find('\n', offset_);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view out = bytes_.substr(offset_, end - offset_);
    offset_ = end + 1;
    return out;
  }
  // The value of a `name: value` line.
  std::optional<std::string_view> field(std::string_view name) {
    const auto text = line();
    if (!text || text->size() < name.size() + 2 || text->substr(0, name.size()) != name ||
        text->substr(name.size(), 2) != ": ")
      return std::nullopt;
    return text->substr(name.size() + 2);
  }
  std::optional<std::string_view> take(std::size_t count) {
    if (bytes_.size() - offset_ < count) return std::nullopt;
    const std::string_view out = bytes_.substr(offset_, count);
    offset_ += count;
    return out;
  }
  [[nodiscard]] std::size_t offset() const { return offset_; }
  [[nodiscard]] bool at_end() const { return offset_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t offset_ = 0;
};

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

PackFile refused(std::string why, Refusal kind = Refusal::Damaged) {
  PackFile out;
  out.error = std::move(why);
  out.refusal = kind;
  return out;
}

PackFile damaged(const Cursor& at, const std::string& what) {
  return refused("the pack file is damaged or cut short near byte " + std::to_string(at.offset()) + ": " +
                 what);
}

}  // namespace

KeyPair make_keys() {
  need_sodium();
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  SecretBytes secret_key(crypto_sign_SECRETKEYBYTES);
  crypto_sign_keypair(public_key, secret_key.bytes.data());
  return {to_base64(public_key, sizeof public_key),
          to_base64(secret_key.bytes.data(), secret_key.bytes.size())};
}

bool valid_signer_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::string write_pack_file(const content::PackFiles& files, const std::string& version,
                            const std::string& signer, const std::string& secret_key_b64) {
  need_sodium();
  SecretBytes secret_key(crypto_sign_SECRETKEYBYTES);
  if (!from_base64(secret_key_b64, secret_key.bytes))
    throw PackFileError("the secret key is not an Ed25519 secret key in base64");
  if (!valid_signer_name(signer))
    throw PackFileError("the signer's name '" + signer + "' may hold only letters, digits, '-' and '_'");
  if (has_line_break(version)) throw PackFileError("the pack's version is more than one line");
  // Refused here, so an editor hears it at once rather than from every kiosk.
  if (const auto problem = limits_problem(files); !problem.empty()) throw PackFileError(problem);
  for (const auto& [path, text] : files)
    if (const auto problem = path_problem(path); !problem.empty()) throw PackFileError(problem);

  // Appended piece by piece: GCC 12 sees a false out-of-bounds copy in `std::string(kMagic) + ...`
  // (-Warray-bounds) when the standard headers come precompiled.
  std::string out(kMagic);
  out += "\nversion: " + version + "\nsigner: " + signer + "\nfiles: " + std::to_string(files.size()) + "\n";
  for (const auto& [path, text] : files) {
    out += "file: " + path + " " + std::to_string(text.size()) + "\n";
    out += text;
    out += "\n";
  }
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(out.data()), out.size(),
                       secret_key.bytes.data());
  out += "signature: " + to_base64(signature, sizeof signature) + "\n";
  return out;
}

std::map<std::string, std::string> read_trusted_keys(const std::string& path) {
  need_sodium();
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out;
  toml::table table;
  try {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    table = content::parse_toml(text.str(), path);
  } catch (const toml::parse_error& e) {
    throw PackFileError(path + ":" + std::to_string(e.source().begin.line) + ": " +
                        std::string(e.description()));
  }
  std::vector<unsigned char> key(crypto_sign_PUBLICKEYBYTES);
  for (const auto& [name, node] : table) {
    const auto value = node.value<std::string>();
    if (!value || !from_base64(*value, key))
      throw PackFileError(path + ":" + std::to_string(node.source().begin.line) + ": " +
                          std::string(name.str()) + " needs a public key in quotes, as keygen wrote it");
    out[std::string(name.str())] = *value;
  }
  return out;
}

PackFile read_pack_file(const std::string& bytes, const std::map<std::string, std::string>& trusted) {
  if (sodium_init() < 0) return refused("libsodium cannot start");
  Cursor in(bytes);
  if (in.line() != kMagic)
    return refused("this is not a Wegwijzer content pack file (version 1)", Refusal::NotAPack);
  const auto version = in.field("version");
  if (!version) return damaged(in, "the line 'version:' is missing");
  const auto signer = in.field("signer");
  if (!signer) return damaged(in, "the line 'signer:' is missing");
  const auto count_text = in.field("files");
  const auto count = count_text ? parse_count(*count_text) : std::nullopt;
  if (!count) return damaged(in, "the line 'files:' with a number is missing");
  if (*count > kMaxPackFiles)
    return refused("the pack has " + std::string(*count_text) + " files; a kiosk takes at most " +
                       std::to_string(kMaxPackFiles),
                   Refusal::TooLarge);

  std::vector<std::pair<std::string_view, std::string_view>> entries;
  for (std::size_t i = 0; i < *count; ++i) {
    const auto entry = in.field("file");
    const std::size_t space = entry ? entry->rfind(' ') : std::string_view::npos;
    const auto length =
        space == std::string_view::npos ? std::nullopt : parse_count(entry->substr(space + 1));
    if (!length) return damaged(in, "expected 'file: PATH LENGTH' for file " + std::to_string(i + 1));
    const std::string_view path = entry->substr(0, space);
    if (*length > kMaxPackFileBytes)
      return refused("the file '" + std::string(path) + "' is larger than 10 MiB; a kiosk does not take it",
                     Refusal::TooLarge);
    const auto text = in.take(*length);
    if (!text || in.take(1) != "\n") return damaged(in, "the file '" + std::string(path) + "' is cut short");
    entries.emplace_back(path, *text);
  }

  const std::size_t signed_bytes = in.offset();
  const auto signature_text = in.field("signature");
  if (!signature_text || !in.at_end()) return damaged(in, "the last line must be the signature");
  std::vector<unsigned char> signature(crypto_sign_BYTES);
  if (!from_base64(*signature_text, signature)) return damaged(in, "the signature is not readable");

  const auto key_text = trusted.find(std::string(*signer));
  if (key_text == trusted.end())
    return refused("signed by " + std::string(*signer) + ", whom this kiosk does not trust",
                   Refusal::Untrusted);
  std::vector<unsigned char> key(crypto_sign_PUBLICKEYBYTES);
  if (!from_base64(key_text->second, key))
    return refused("the trusted key for " + std::string(*signer) + " is not an Ed25519 public key",
                   Refusal::Untrusted);
  if (crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                  signed_bytes, key.data()) != 0)
    return refused("the signature does not match: the file was changed or damaged", Refusal::BadSignature);

  // Judged only now, so a file changed after signing is always reported as such.
  PackFile out;
  for (const auto& [path, text] : entries) {
    if (const auto problem = path_problem(path); !problem.empty()) return refused(problem);
    if (!out.files.emplace(path, text).second)
      return refused("the pack names the file '" + std::string(path) + "' twice");
  }
  out.version = *version;
  out.signer = *signer;
  return out;
}

const char* refusal_name(Refusal refusal) {
  switch (refusal) {
    case Refusal::None: return "none";
    case Refusal::NotAPack: return "not_a_pack";
    case Refusal::Damaged: return "damaged";
    case Refusal::TooLarge: return "too_large";
    case Refusal::Untrusted: return "untrusted";
    case Refusal::BadSignature: return "bad_signature";
  }
  return "damaged";
}

std::vector<Change> compare(const content::PackFiles& live, const content::PackFiles& incoming) {
  std::vector<Change> out;
  for (const auto& [path, text] : incoming) {
    const auto current = live.find(path);
    if (current == live.end())
      out.push_back({path, Change::Kind::Added});
    else if (current->second != text)
      out.push_back({path, Change::Kind::Changed});
  }
  for (const auto& [path, text] : live)
    if (!incoming.count(path)) out.push_back({path, Change::Kind::Removed});
  std::sort(out.begin(), out.end(), [](const Change& a, const Change& b) { return a.path < b.path; });
  return out;
}

}  // namespace editor
