#pragma once
// The command line for signed content packs (editor/pack_file.hpp): a key pair for
// an editor, a pack out of a device or a content directory, and a pack into a
// kiosk's store after a look at what it changes. Each returns the exit code:
// 0 done, 1 refused or failed (the reason on stderr), 2 wrong use.
#include <string>

#include "content/validate.hpp"

namespace editor {

// Writes OUT.key (the secret key, readable by its owner only) and OUT.pub (a line for
// a kiosk's trusted-keys.toml). The key's name is OUT's file name. Never overwrites a key.
int command_keygen(const std::string& out);

// Signs the live files of the store under `data_dir`, or, when `data_dir` is empty,
// the pack in `content_dir`, into `out_file`. A pack with errors is not exported.
int command_export_pack(const std::string& key_file, const std::string& signer, const std::string& out_file,
                        const std::string& data_dir, const std::string& content_dir);

// Verifies `pack_file` against the trusted keys (`trust_file`, or DATA/trusted-keys.toml
// when empty) and lists what it changes in the store under `data_dir`. With `apply`, a
// pack without errors replaces the live files. A pack older than the live content is
// refused (exit 1) unless `older` says to put older content back.
int command_import_pack(const std::string& pack_file, const std::string& data_dir,
                        const std::string& trust_file, bool apply, const content::ValidateOptions& checks,
                        bool older = false);

}  // namespace editor
