#pragma once
// The content store on the device: one SQLite file (WAL mode) holding the
// pack's files, every change to them as a revision, an editor's drafts,
// conflicts between local edits and a newer shipped pack, and the last set of
// files that was good.
// Each change is one transaction: a power cut leaves the old state or the new.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/pack_reader.hpp"

struct sqlite3;

namespace content {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Revision {
  std::int64_t number = 0;
  std::string path;
  std::string before;  // empty: the file did not exist
  std::string after;   // empty: the file was removed
  std::string editor;  // initials, or "pakket" for an imported pack
  std::string at;      // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string what;
};

struct Conflict {
  std::string path;
  std::string pack_text;   // what the newer pack has
  std::string local_text;  // what the device keeps (local edits win)
  std::string pack_version;
};

struct ImportReport {
  bool imported = false;  // false: the store already held exactly this pack
  int added = 0, updated = 0, removed = 0, unchanged = 0;
  std::vector<std::string> conflicts;  // paths where a local edit was kept
};

class ContentStore {
 public:
  static constexpr int kSchemaVersion = 4;

  // Opens or creates the store and brings its schema up to date. On a read-only file
  // system an existing, current store is opened for reading: the kiosk serves from it,
  // and every change fails with a StoreError.
  explicit ContentStore(const std::string& path);
  ~ContentStore();
  ContentStore(const ContentStore&) = delete;
  ContentStore& operator=(const ContentStore&) = delete;

  [[nodiscard]] int schema_version() const;
  [[nodiscard]] std::string pack_version() const;

  // Imports a shipped pack, file by file. Files not edited on the device take the
  // pack's text; edited files keep theirs and the difference is listed as a
  // conflict for the editor. An unchanged pack writes nothing.
  ImportReport import_pack(const PackFiles& files, const std::string& version);

  [[nodiscard]] PackFiles files() const;
  // Changes (or adds) one file; returns the revision number.
  std::int64_t edit(const std::string& path, const std::string& text, const std::string& editor,
                    const std::string& what);
  std::int64_t remove(const std::string& path, const std::string& editor, const std::string& what);
  // Puts back what revision `number` replaced, as a new revision.
  std::int64_t roll_back(std::int64_t number, const std::string& editor);
  // Newest first; all files, or one.
  [[nodiscard]] std::vector<Revision> history(const std::string& path = {}) const;
  [[nodiscard]] std::optional<Revision> revision(std::int64_t number) const;
  [[nodiscard]] std::vector<Conflict> conflicts() const;
  void resolve(const std::string& path);

  // Drafts: an editor's unpublished changes, kept in the store so a power cut loses nothing.
  void save_draft(const std::string& path, const std::string& text, const std::string& editor);
  void discard_draft(const std::string& path);
  [[nodiscard]] PackFiles drafts() const;
  // The live files with the drafts laid over them (what "Voorbeeld" shows and what publish makes live).
  [[nodiscard]] PackFiles files_with_drafts() const;
  // Makes every draft live in one transaction (a revision per changed file), then clears them.
  // Returns the number of files changed. A kill at any moment leaves all old or all new.
  int publish(const std::string& editor, const std::string& what);
  // Replaces the live files by `files` in one transaction: changed and added files become
  // revisions, files not in `files` are removed (as revisions). Applies an imported signed
  // pack. Drafts go in the same transaction: they were made on the files being replaced,
  // and publishing them later would undo part of the pack. Returns the number of files changed.
  int replace_files(const PackFiles& files, const std::string& editor, const std::string& what);

  // The last files that were read and validated without errors, to start from
  // when the live files are broken.
  void mark_good(const PackFiles& files);
  [[nodiscard]] PackFiles good_files() const;

  // Nothing can be saved now: the store was opened for reading, or its file system is
  // read-only at this moment (say the kernel remounted it after a disk error).
  [[nodiscard]] bool read_only() const;

  // PRAGMA integrity_check said "ok".
  [[nodiscard]] bool intact() const;

  // Writes the live files to a pack directory; returns an error message or empty.
  [[nodiscard]] std::string export_to(const std::string& directory) const;

 private:
  void migrate();
  std::int64_t change(const std::string& path, const std::string* text, const std::string& editor,
                      const std::string& what, bool from_pack);
  // Writes each of `wanted` whose text differs from the live file; returns how many did.
  int write_changed(const PackFiles& wanted, const std::string& editor, const std::string& what);

  sqlite3* db_ = nullptr;
  std::string path_;
  bool opened_read_only_ = false;
};

// The store's file under a data directory.
[[nodiscard]] std::string store_path(const std::string& data_dir);
// $WEGWIJZER_DATA, else $XDG_DATA_HOME/wegwijzer, else ~/.local/share/wegwijzer.
[[nodiscard]] std::string default_data_dir();

}  // namespace content
