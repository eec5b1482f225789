#include "editor/pack_transfer.hpp"

#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <sstream>

#include "content/small_file.hpp"
#include "content/toml_text.hpp"
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
  // Links, FIFOs and devices are listed too (never opened or followed here): a tap on one says
  // why the kiosk will not take it, where a silent gap would leave the editor guessing.
  for (const auto& entry : fs::directory_iterator(stick, ec)) {
    const auto status = entry.symlink_status(ec);
    if (ec || fs::is_directory(status) || entry.path().extension() != kPackExtension) continue;
    const auto time = fs::is_regular_file(status) ? entry.last_write_time(ec) : fs::file_time_type::min();
    found.emplace_back(time, entry.path().filename().string());
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (auto& [time, name] : found) out.push_back(std::move(name));
  return out;
}

std::optional<KioskKey> kiosk_key(const std::string& key_dir) {
  const auto folder = content::Folder::open(key_dir, true);
  if (!folder) return std::nullopt;
  const std::string name = "kiosk-key.toml";
  if (folder->has(name)) {
    // A link or anything but a plain file is not read, and never replaced silently either.
    const auto text = folder->read(name);
    if (!text) return std::nullopt;
    try {
      const auto table = content::parse_toml(text.bytes, key_dir + "/" + name);
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
  const std::string text = "# This kiosk's key for signing content packs. Keep it private.\nsigner = \"" +
                           key.signer + "\"\nsecret_key = \"" + key.secret_key + "\"\npublic_key = \"" +
                           key.public_key + "\"\n";
  if (!folder->create(name, text, 0600)) return std::nullopt;
  return key;
}

ExportResult export_to_stick(const content::PackFiles& files, const std::string& version,
                             const std::string& stick, const KioskKey& key, const std::string& today) {
  std::string bytes;
  try {
    bytes = write_pack_file(files, version, key.signer, key.secret_key);
  } catch (const PackFileError&) {
    return {"staff.usb.export_failed", {}, {}};
  }
  // One descriptor of the stick's folder for every step: whatever is put on the stick meanwhile,
  // the files go where the kiosk looked.
  content::FileResult opened;
  const auto folder = content::Folder::open(stick, false, &opened);
  if (!folder) return {"staff.usb.write_failed", {}, opened.error};
  // A stick goes from kiosk to kiosk: never write over a pack another kiosk (or an earlier export) left.
  std::string name = "wegwijzer-inhoud-" + today + "-" + key.signer + kPackExtension;
  for (int n = 2; folder->has(name); ++n)
    name = "wegwijzer-inhoud-" + today + "-" + key.signer + "-" + std::to_string(n) + kPackExtension;
  const std::string trusted_line = "# Add this line to a kiosk's trusted-keys.toml to take packs signed by " +
                                   key.signer + ".\n" + key.signer + " = \"" + key.public_key + "\"\n";
  auto written = folder->write(name, bytes);
  if (written) written = folder->write(key.signer + ".pub", trusted_line);
  if (!written)
    return {written.problem == content::FileProblem::NotPlain ? "staff.usb.write_refused"
                                                              : "staff.usb.write_failed",
            {},
            written.error};
  return {{}, name, {}};
}

int compare_versions(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    const std::size_t a_end = std::min(a.find('.', i), a.size()), b_end = std::min(b.find('.', j), b.size());
    const std::string x = i < a.size() ? a.substr(i, a_end - i) : "0";
    const std::string y = j < b.size() ? b.substr(j, b_end - j) : "0";
    auto number = [](const std::string& part) {
      return !part.empty() && part.size() < 10 &&
             std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (number(x) && number(y)) {
      if (std::stol(x) != std::stol(y)) return std::stol(x) < std::stol(y) ? -1 : 1;
    } else if (x != y) {
      return x < y ? -1 : 1;
    }
    i = a_end + 1;
    j = b_end + 1;
  }
  return 0;
}

std::string pack_version_of(const content::PackFiles& files) {
  const auto pack = files.find("pack.toml");
  if (pack == files.end()) return {};
  try {
    return content::parse_toml(pack->second, "pack.toml")["version"].value_or(std::string{});
  } catch (const toml::parse_error&) {
    return {};
  }
}

ImportPlan plan_import(const std::string& file, const std::string& trust_file, const content::PackFiles& live,
                       const content::ValidateOptions& checks, const std::string& live_date) {
  ImportPlan plan;
  plan.file = file;
  plan.live_version = pack_version_of(live);
  plan.live_date = live_date;
  std::map<std::string, std::string> trusted;
  try {
    trusted = read_trusted_keys(trust_file);
  } catch (const PackFileError& e) {
    plan.problem = "staff.usb.trust_broken";
    plan.detail = e.what();
    return plan;
  }
  // Only a plain file of a sensible size is read: a link, a FIFO, a device or a huge file on a
  // stick is refused without being followed or opened.
  const auto read = content::read_file(file, kMaxPackBytes);
  if (!read) {
    plan.problem = read.problem == content::FileProblem::TooLarge   ? "staff.usb.refused.too_large"
                   : read.problem == content::FileProblem::NotPlain ? "staff.usb.refused.not_plain"
                                                                    : "staff.usb.unreadable";
    plan.detail = read.error;
    return plan;
  }
  plan.pack = read_pack_file(read.bytes, trusted);
  if (!plan.pack.ok()) {
    plan.problem = std::string("staff.usb.refused.") + refusal_name(plan.pack.refusal);
    plan.detail = plan.pack.error;
    return plan;
  }
  plan.verified = true;
  plan.changes = compare(live, plan.pack.files);
  // Read as a plain file just now; its time is when it was written to the stick.
  if (struct stat info{}; ::lstat(file.c_str(), &info) == 0) {
    char day[11];
    tm utc{};
    if (gmtime_r(&info.st_mtime, &utc) && std::strftime(day, sizeof day, "%Y-%m-%d", &utc))
      plan.pack_date = day;
  }
  plan.version = pack_version_of(plan.pack.files);
  if (plan.version.empty()) plan.version = plan.pack.version;
  plan.older = !plan.live_version.empty() && compare_versions(plan.version, plan.live_version) < 0;
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
