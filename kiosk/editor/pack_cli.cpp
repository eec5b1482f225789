#include "editor/pack_cli.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "content/pack_reader.hpp"
#include "content/small_file.hpp"
#include "content/store.hpp"
#include "editor/pack_file.hpp"
#include "editor/pack_transfer.hpp"

namespace editor {
namespace fs = std::filesystem;

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "wegwijzer: %s\n", message.c_str());
  return 1;
}

int usage(const char* line) {
  std::fprintf(stderr, "wegwijzer: usage: %s\n", line);
  return 2;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Reads the files as a pack, printing its errors; nothing when it has any, as every kiosk would refuse it.
std::optional<content::ContentPack> checked_pack(const content::PackFiles& files, const std::string& root) {
  auto read = content::read_pack(files, root);
  for (const auto& problem : read.diagnostics)
    if (problem.severity == content::Severity::Error) std::fprintf(stderr, "%s\n", problem.format().c_str());
  if (!read.pack || content::has_errors(read.diagnostics)) return std::nullopt;
  return std::move(read.pack);
}

std::map<std::string, std::string> read_trusted_keys_quietly(const std::string& path) {
  try {
    return read_trusted_keys(path);
  } catch (const PackFileError&) {
    return {};
  }
}

const char* change_word(Change::Kind kind) {
  switch (kind) {
    case Change::Kind::Added: return "added";
    case Change::Kind::Changed: return "changed";
    case Change::Kind::Removed: return "removed";
  }
  return "?";
}

}  // namespace

int command_keygen(const std::string& out) {
  if (out.empty()) return usage("wegwijzer keygen --out NAME");
  const std::string name = fs::path(out).filename().string();
  if (!valid_signer_name(name))
    return usage("wegwijzer keygen --out NAME, where NAME (the signer) is letters, digits, '-' and '_'");
  const std::string key_file = out + ".key", public_file = out + ".pub";
  std::error_code ec;
  // A new key in place of an old one would lock out every kiosk that trusts the old one.
  for (const auto& file : {key_file, public_file})
    if (fs::exists(file, ec)) return fail(file + " already exists; remove it first to make a new key");
  const KeyPair keys = make_keys();
  if (auto made = content::create_file(key_file, keys.secret_key + "\n", 0600); !made)
    return fail(made.error);
  const std::string trusted_line = "# Add this line to a kiosk's trusted-keys.toml to take packs signed by " +
                                   name + ".\n" + name + " = \"" + keys.public_key + "\"\n";
  if (auto made = content::create_file(public_file, trusted_line, 0644); !made) {
    fs::remove(key_file, ec);
    return fail(made.error);
  }
  std::printf("%s: the secret key; keep it private (sign with --key %s --signer %s)\n", key_file.c_str(),
              key_file.c_str(), name.c_str());
  std::printf("%s: the line for each kiosk's trusted-keys.toml\n", public_file.c_str());
  return 0;
}

int command_export_pack(const std::string& key_file, const std::string& signer, const std::string& out_file,
                        const std::string& data_dir, const std::string& content_dir) {
  if (key_file.empty() || signer.empty() || out_file.empty())
    return usage(
        "wegwijzer export-pack --key NAME.key --signer NAME --out FILE [--data DIR | --content DIR]");
  const auto secret_key = content::read_file(key_file);
  if (!secret_key) return fail("cannot read the key: " + secret_key.error);

  content::PackFiles files;
  std::string root, stored_version;
  if (!data_dir.empty()) {
    const std::string store_file = content::store_path(data_dir);
    if (!fs::exists(store_file)) return fail("there is no content store in " + data_dir);
    const content::ContentStore store(store_file);
    files = store.files();
    stored_version = store.pack_version();
    root = store_file;
  } else {
    files = content::read_files(content_dir);
    root = content_dir;
  }
  if (files.empty()) return fail("there is no content in " + root);
  const auto pack = checked_pack(files, root);
  if (!pack) return fail("the content in " + root + " has errors; no pack was written");
  const std::string version = pack->version.empty() ? stored_version : pack->version;

  std::string bytes;
  try {
    bytes = write_pack_file(files, version, signer, trimmed(secret_key.bytes));
  } catch (const PackFileError& e) {
    return fail(std::string("no pack was written: ") + e.what() + " (key " + key_file + ")");
  }
  if (auto written = content::write_file_atomically(out_file, bytes); !written) return fail(written.error);
  std::printf("%s: %zu files, version %s, signed by %s\n", out_file.c_str(), files.size(), version.c_str(),
              signer.c_str());
  return 0;
}

int command_import_pack(const std::string& pack_file, const std::string& data_dir,
                        const std::string& trust_file, bool apply, const content::ValidateOptions& checks,
                        bool older) {
  if (pack_file.empty())
    return usage("wegwijzer import-pack FILE --data DIR [--trust FILE] [--yes] [--older]");
  const std::string trust =
      trust_file.empty() ? (fs::path(data_dir) / "trusted-keys.toml").string() : trust_file;
  // A look never creates a store: a fresh data directory stays as it was.
  const std::string store_file = content::store_path(data_dir);
  content::PackFiles live;
  std::string live_date;
  if (fs::exists(store_file)) {
    const content::ContentStore store(store_file);
    live = store.files();
    if (const auto since = store.history("pack.toml"); !since.empty())
      live_date = since.front().at.substr(0, 10);
  }
  const ImportPlan plan = plan_import(pack_file, trust, live, checks, live_date);
  if (!plan.verified) {
    if (plan.pack.refusal == Refusal::Untrusted && read_trusted_keys_quietly(trust).empty())
      std::fprintf(stderr, "wegwijzer: %s names no trusted keys\n", trust.c_str());
    return fail(pack_file + " refused: " + plan.detail);
  }
  std::printf("%s: version %s, signed by %s, %zu files, written %s\n", pack_file.c_str(),
              plan.version.c_str(), plan.pack.signer.c_str(), plan.pack.files.size(),
              plan.pack_date.empty() ? "on an unknown day" : plan.pack_date.c_str());
  if (!plan.live_version.empty())
    std::printf("The kiosk has version %s, since %s.\n", plan.live_version.c_str(),
                plan.live_date.empty() ? "an unknown day" : plan.live_date.c_str());
  for (const auto& change : plan.changes)
    std::printf("%s %s\n", change_word(change.kind), change.path.c_str());
  if (plan.changes.empty()) {
    std::printf("Nothing to change: the kiosk already has these files.\n");
    return 0;
  }
  if (!plan.ok()) {  // errors in the content: every kiosk would refuse it
    checked_pack(plan.pack.files, pack_file);
    return fail(pack_file + " has errors; nothing changed: " + plan.detail);
  }
  if (plan.older && !older)  // issue 23, item 6: v0.1 after v0.2 put files back
    return fail(pack_file + " is older (version " + plan.version + ") than the kiosk's content (version " +
                plan.live_version + "); nothing changed. To put older content back, add --older.");
  if (!apply) {
    std::printf("Nothing changed yet: run again with --yes to apply.\n");
    return 0;
  }
  const int changed =
      content::ContentStore(store_file).replace_files(plan.pack.files, "pakket", "import " + pack_file);
  std::printf("%d %s changed.\n", changed, changed == 1 ? "file" : "files");
  return 0;
}

}  // namespace editor
