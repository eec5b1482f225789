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

// The file itself is damaged (SQLite: "database disk image is malformed", "file is not a
// database"), as opposed to a disk that is full or read-only.
struct StoreDamaged : StoreError {
  using StoreError::StoreError;
};

// Damage the kiosk found and kept beside the store for a technician (it never deletes it):
// a damaged store file, or a copy of a damaged write-ahead log. Store is the worse.
enum class DamageKept { None, WriteAheadLog, Store };

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
  // A store that fails SQLite's quick check is recovered (see recover()). A write-ahead
  // log whose confirmed commits SQLite would ignore is copied aside, and what the copy of
  // the store has that they held is taken back from it.
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
  // Checked::Yes: the caller validated files_with_drafts(), so in the same transaction they
  // become the last good files (mark_good); after it the copy kept aside is refreshed, which
  // may fail without harm. A failing write (a full disk) then changes nothing at all.
  enum class Checked { No, Yes };
  int publish(const std::string& editor, const std::string& what, Checked checked = Checked::No);
  // Replaces the live files by `files` in one transaction: changed and added files become
  // revisions, files not in `files` are removed (as revisions). Applies an imported signed
  // pack. Drafts go in the same transaction: they were made on the files being replaced,
  // and publishing them later would undo part of the pack. Returns the number of files changed.
  int replace_files(const PackFiles& files, const std::string& editor, const std::string& what);

  // The last files that were read and validated without errors, to start from
  // when the live files are broken. Then refreshes the copy kept aside (keep_copy).
  void mark_good(const PackFiles& files);
  [[nodiscard]] PackFiles good_files() const;

  // Nothing can be saved now: the store was opened for reading, or its file system is
  // read-only at this moment (say the kernel remounted it after a disk error).
  [[nodiscard]] bool read_only() const;

  // PRAGMA integrity_check said "ok".
  [[nodiscard]] bool intact() const;

  // Moves the damaged file (and its -wal and -shm) aside as FILE.damaged-YYYYMMDD-HHMMSS,
  // never deleting it, and puts in its place the copy kept aside, or a new store when there
  // is no sound copy. Changes the damaged file still shows that the copy lacks (newer
  // revisions) are applied, so no published edit is lost. Throws StoreError only when the
  // files cannot be moved (then the store is closed).
  void recover(const std::string& problem);
  // What the store found wrong and did about it since it was opened, a line each, for the
  // log. Never visitor data: the store holds none.
  [[nodiscard]] const std::vector<std::string>& recovery_notes() const { return recovery_notes_; }
  [[nodiscard]] DamageKept damage_kept() const { return damage_kept_; }
  // False only after a recover() that could not open the restored file: nothing works then.
  [[nodiscard]] bool is_open() const { return db_ != nullptr; }

  // The copy kept aside (copy_path): a consistent snapshot (VACUUM INTO a temporary name,
  // synced, then renamed), made whenever the kiosk has verified good content. Returns what
  // went wrong, or empty; a failed copy leaves the previous one.
  std::string keep_copy();
  // The copy exists and holds the same revisions and pack as the store.
  [[nodiscard]] bool copy_is_current() const;
  // The copy's live files; empty when there is no readable copy.
  [[nodiscard]] PackFiles copy_files() const;

  // Writes the live files to a pack directory; returns an error message or empty.
  [[nodiscard]] std::string export_to(const std::string& directory) const;

 private:
  void open_file();
  void close_file(bool checkpoint);
  void migrate();
  // True when the write-ahead log has lost confirmed commits; a copy of it is kept aside.
  bool inspect_write_ahead_log();
  // Applies the revisions of another store file (an SQLite name, opened with `flags`) newer
  // than this store's last one, with each touched file's text; returns how many. Reads up
  // to the first row it cannot read.
  int take_newer_changes(const std::string& source, int flags);
  void look_for_kept_damage();
  void record_files_digest();
  void update_files_digest(std::uint64_t share);
  void check_files_digest();
  std::int64_t change(const std::string& path, const std::string* text, const std::string& editor,
                      const std::string& what, bool from_pack);
  // Replaces the last good files, within the caller's transaction.
  void write_good_files(const PackFiles& files);
  // Writes each of `wanted` whose text differs from the live file; returns how many did.
  int write_changed(const PackFiles& wanted, const std::string& editor, const std::string& what);

  sqlite3* db_ = nullptr;
  std::string path_;
  bool opened_read_only_ = false;
  std::vector<std::string> recovery_notes_;
  DamageKept damage_kept_ = DamageKept::None;
};

// The store's file under a data directory.
[[nodiscard]] std::string store_path(const std::string& data_dir);
// The copy of a store kept aside, beside it.
[[nodiscard]] std::string copy_path(const std::string& store_file);
// $WEGWIJZER_DATA, else $XDG_DATA_HOME/wegwijzer, else ~/.local/share/wegwijzer.
[[nodiscard]] std::string default_data_dir();

}  // namespace content
