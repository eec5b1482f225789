#include "editor/pack_transfer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/small_file.hpp"
#include "editor/editor.hpp"

namespace editor {
namespace fs = std::filesystem;

namespace {

bool is_mount_point(const fs::path& dir) {
  struct stat self {
  }, parent{};
  if (::stat(dir.c_str(), &self) != 0 || ::stat(dir.parent_path().c_str(), &parent) != 0) return false;
  return S_ISDIR(self.st_mode) && self.st_dev != parent.st_dev;
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "kiosk";
  std::string out;
  for (const char* c = name; *c; ++c)
    out += std::isalnum(static_cast<unsigned char>(*c)) || *c == '-' || *c == '_' ? *c : '-';
  return out.empty() ? "kiosk" : out;
}

}  // namespace

std::optional<std::string> find_stick(const StickPlaces& places) {
  std::error_code ec;
  if (!places.fixed.empty()) {
    if (fs::is_directory(places.fixed, ec)) return places.fixed;
    return std::nullopt;
  }
  for (const auto& root : places.mount_roots) {
    if (!fs::is_directory(root, ec)) continue;
    // /media/LABEL or /media/USER/LABEL, in name order so the choice is stable.
    std::vector<fs::path> candidates;
    for (const auto& level1 : fs::directory_iterator(root, ec)) {
      if (!level1.is_directory(ec)) continue;
      candidates.push_back(level1.path());
      for (const auto& level2 : fs::directory_iterator(level1.path(), ec))
        if (level2.is_directory(ec)) candidates.push_back(level2.path());
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto& dir : candidates)
      if (is_mount_point(dir) && ::access(dir.c_str(), W_OK) == 0) return dir.string();
  }
  return std::nullopt;
}

std::vector<std::string> packs_on(const std::string& stick) {
  std::vector<std::pair<fs::file_time_type, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(stick, ec))
    if (entry.is_regular_file(ec) && entry.path().extension() == kPackExtension)
      found.emplace_back(entry.last_write_time(ec), entry.path().filename().string());
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (auto& [time, name] : found) out.push_back(std::move(name));
  return out;
}

std::optional<KioskKey> kiosk_key(const std::string& key_dir) {
  const fs::path file = fs::path(key_dir) / "kiosk-key.toml";
  std::error_code ec;
  if (fs::exists(file, ec)) {
    try {
      const auto table = toml::parse_file(file.string());
      KioskKey key{table["signer"].value_or(std::string{}), table["secret_key"].value_or(std::string{}),
                   table["public_key"].value_or(std::string{})};
      if (valid_signer_name(key.signer) && !key.secret_key.empty() && !key.public_key.empty()) return key;
    } catch (const toml::parse_error&) {
    }
    return std::nullopt;  // a damaged key is never replaced silently: other kiosks trust the old one
  }
  const KeyPair pair = make_keys();
  std::string tag;
  for (char c : pair.public_key)
    if (tag.size() < 8 && std::isalnum(static_cast<unsigned char>(c)))
      tag += static_cast<char>(std::tolower(c));
  KioskKey key{"kiosk-" + host_name() + "-" + tag, pair.secret_key, pair.public_key};
  fs::create_directories(key_dir, ec);
  const std::string text = "# This kiosk's key for signing content packs. Keep it private.\nsigner = \"" +
                           key.signer + "\"\nsecret_key = \"" + key.secret_key + "\"\npublic_key = \"" +
                           key.public_key + "\"\n";
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return std::nullopt;
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    fs::remove(file, ec);
    return std::nullopt;
  }
  return key;
}

ExportResult export_to_stick(const content::PackFiles& files, const std::string& version,
                             const std::string& stick, const KioskKey& key, const std::string& today) {
  std::string bytes;
  try {
    bytes = write_pack_file(files, version, key.signer, key.secret_key);
  } catch (const PackFileError&) {
    return {"staff.usb.export_failed", {}};
  }
  // A stick goes from kiosk to kiosk: never write over a pack another kiosk (or an earlier export) left.
  std::string name = "wegwijzer-inhoud-" + today + "-" + key.signer + kPackExtension;
  std::error_code ec;
  for (int n = 2; fs::exists(fs::symlink_status(fs::path(stick) / name, ec)); ++n)
    name = "wegwijzer-inhoud-" + today + "-" + key.signer + "-" + std::to_string(n) + kPackExtension;
  const std::string trusted_line = "# Add this line to a kiosk's trusted-keys.toml to take packs signed by " +
                                   key.signer + ".\n" + key.signer + " = \"" + key.public_key + "\"\n";
  if (!content::write_file_atomically((fs::path(stick) / name).string(), bytes) ||
      !content::write_file_atomically((fs::path(stick) / (key.signer + ".pub")).string(), trusted_line))
    return {"staff.usb.write_failed", {}};
  return {{}, name};
}

ImportPlan plan_import(const std::string& file, const std::string& trust_file, const content::PackFiles& live,
                       const content::ValidateOptions& checks) {
  ImportPlan plan;
  plan.file = file;
  std::map<std::string, std::string> trusted;
  try {
    trusted = read_trusted_keys(trust_file);
  } catch (const PackFileError& e) {
    plan.problem = "staff.usb.trust_broken";
    plan.detail = e.what();
    return plan;
  }
  // Only a plain file of a sensible size is read: a link or a huge file on a stick is refused first.
  std::error_code ec;
  const auto status = fs::symlink_status(file, ec);
  const auto size = fs::is_regular_file(status) ? fs::file_size(file, ec) : 0;
  if (!ec && fs::is_regular_file(status) && size > kMaxPackBytes) {
    plan.problem = "staff.usb.refused.too_large";
    plan.detail = file + " is larger than 64 MiB";
    return plan;
  }
  const auto bytes = fs::is_regular_file(status) && !ec ? content::read_file(file) : std::nullopt;
  if (!bytes) {
    plan.problem = "staff.usb.unreadable";
    plan.detail = "cannot read " + file;
    return plan;
  }
  plan.pack = read_pack_file(*bytes, trusted);
  if (!plan.pack.ok()) {
    plan.problem = std::string("staff.usb.refused.") + refusal_name(plan.pack.refusal);
    plan.detail = plan.pack.error;
    return plan;
  }
  plan.verified = true;
  plan.changes = compare(live, plan.pack.files);
  std::vector<std::string> errors;
  if (!usable(plan.pack.files, checks, errors)) {
    plan.problem = "staff.usb.has_errors";
    plan.detail = errors.empty() ? "the pack has errors" : errors.front();
  } else if (plan.changes.empty()) {
    plan.problem = "staff.usb.same";
    plan.detail = "nothing to change: the kiosk already has these files";
  }
  return plan;
}

}  // namespace editor
