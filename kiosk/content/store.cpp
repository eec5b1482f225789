#include "content/store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "content/small_file.hpp"
#include "database/sqlite.hpp"
#include "content/write_ahead_log.hpp"

namespace content {
namespace fs = std::filesystem;

namespace {

// Numbered migrations: entry i brings the schema from version i to i + 1.
// Never edit one that has shipped; add a new one.
const char* const kMigrations[] = {
    // 0 → 1: the files and their history.
    R"sql(
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE file (
        path TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        pack_text TEXT,                -- the text of the last imported pack, if it has this file
        edited INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE revision (
        number INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        what TEXT NOT NULL
      );
      CREATE INDEX revision_path ON revision(path);
    )sql",
    // 1 → 2: conflicts with newer packs, and the last good files.
    R"sql(
      CREATE TABLE conflict (
        path TEXT PRIMARY KEY,
        pack_text TEXT NOT NULL,
        local_text TEXT NOT NULL,
        pack_version TEXT NOT NULL
      );
      CREATE TABLE good_file (path TEXT PRIMARY KEY, text TEXT NOT NULL);
    )sql",
    // 2 → 3: drafts, an editor's changes that are not live yet.
    R"sql(
      CREATE TABLE draft (
        path TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL
      );
    )sql",
    // 3 → 4: files removed on the device, so a later import of a pack that still
    // has them does not bring them back (a removal is a local edit like any other).
    R"sql(
      CREATE TABLE removed_file (
        path TEXT PRIMARY KEY,
        pack_text TEXT                 -- the pack's text when it was removed, if the pack had it
      );
    )sql",
};
static_assert(std::size(kMigrations) == ContentStore::kSchemaVersion);

std::string now_utc() {
  return now_text("%Y-%m-%dT%H:%M:%SZ", true);
}

// SQLite's error on `db` as the store's exception: damage to the file, or anything else
// (a full or read-only disk).
[[noreturn]] void fail(sqlite3* db, const std::string& message) {
  const int code = sqlite3_errcode(db) & 0xff;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) throw StoreDamaged("store: " + message);
  throw StoreError("store: " + message);
}

// The shared wrapper (database/sqlite.hpp), with the store's errors.
struct Statement : database::Statement {
  Statement(sqlite3* db, const char* sql) : database::Statement(db, sql, fail) {}
};
void exec(sqlite3* db, const char* sql) {
  database::exec(db, sql, fail);
}
struct Transaction : database::Transaction {
  explicit Transaction(sqlite3* db) : database::Transaction(db, fail) {}
};

// The folder that holds `path` is on a file system mounted read-only.
bool on_read_only_file_system(const std::string& path) {
  const fs::path dir = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  struct statvfs info {};
  return ::statvfs(dir.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

// A path as an SQLite file: URI (RFC 3986 percent-encoding of what a URI path may not hold).
std::string file_uri(const std::string& path) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out = "file:";
  for (const unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// What to open the store as, in order. On a read-only disk: a write-ahead log left by a power
// cut may hold the newest commits, and SQLite reads it read-only when its shared-memory file is
// there too. Without a log (a clean stop) it cannot make that file, so it is told nothing
// changes the database: true, nothing can write there. Immutable would ignore a log, so it is last.
std::vector<std::string> names_to_open(const std::string& path, bool read_only) {
  if (!read_only) return {path};
  std::error_code ec;
  std::vector<std::string> names;
  if (fs::exists(path + "-wal", ec)) names.push_back(file_uri(path) + "?mode=ro");
  names.push_back(file_uri(path) + "?mode=ro&immutable=1");
  return names;
}

// Where a damaged file goes: `base`, or base-2, base-3, ... when that name is taken.
std::string free_name(const std::string& base) {
  std::error_code ec;
  std::string name = base;
  for (int n = 2; fs::exists(name, ec) || fs::exists(name + "-wal", ec); ++n)
    name = base + "-" + std::to_string(n);
  return name;
}

// Local time, as a technician reading the folder thinks of it.
std::string stamp() {
  return now_text("%Y%m%d-%H%M%S", false);
}

// fsync of a file or a folder; false when it could not be done.
bool sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string folder_of(const std::string& path) {
  return fs::path(path).has_parent_path() ? fs::path(path).parent_path().string() : ".";
}

// A second connection, to the copy kept aside or to a damaged file being read for what it
// still holds. Closed without a checkpoint: it never changes what it reads.
class OtherFile {
 public:
  OtherFile(const std::string& name, int flags) {
    if (sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
    }
    if (db_) sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  }
  ~OtherFile() {
    if (db_) sqlite3_close(db_);
  }
  OtherFile(const OtherFile&) = delete;
  OtherFile& operator=(const OtherFile&) = delete;
  [[nodiscard]] sqlite3* db() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// The copy kept aside is never changed in place (a new one replaces it whole), so SQLite may
// read it as immutable: no lock, no -shm beside it.
std::string copy_name(const std::string& store_file) {
  return file_uri(copy_path(store_file)) + "?immutable=1";
}

// One file's share of the files' checksum (FNV-1a, 64 bits). The checksum is the XOR of the
// shares, so a change updates it from the old and new text alone. It guards against damage,
// not against an attacker: a zeroed stretch of text is what SQLite's page checks cannot see.
std::uint64_t file_share(const std::string& path, const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  auto add = [&](unsigned char c) { hash = (hash ^ c) * 1099511628211ull; };
  for (const unsigned char c : path) add(c);
  add(0);
  for (const unsigned char c : text) add(c);
  return hash;
}

std::string files_digest(const PackFiles& files) {
  std::uint64_t digest = 0;
  for (const auto& [path, text] : files) digest ^= file_share(path, text);
  return std::to_string(digest);
}

// The quick check's first problem, for one line in the log: it may list hundreds, after a
// heading ("*** in database main ***").
std::string first_problem(const std::string& report) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= report.size()) {
    const auto end = std::min(report.find('\n', start), report.size());
    if (const auto line = report.substr(start, end - start); !line.empty() && line.rfind("***", 0) != 0)
      lines.push_back(line);
    start = end + 1;
  }
  if (lines.empty()) return report;
  return lines.size() == 1 ? lines.front()
                           : lines.front() + " (and " + std::to_string(lines.size() - 1) + " more problems)";
}

std::int64_t last_revision(sqlite3* db) {
  Statement select(db, "SELECT coalesce(max(number), 0) FROM revision");
  return select.step() ? select.integer(0) : 0;
}

std::string read_pack_version(sqlite3* db) {
  Statement select(db, "SELECT value FROM meta WHERE key = 'pack_version'");
  return select.step() ? select.text(0) : std::string{};
}

}  // namespace

std::string store_path(const std::string& data_dir) {
  return (fs::path(data_dir) / "content.sqlite").string();
}

std::string copy_path(const std::string& store_file) {
  return store_file + ".copy";
}

std::string default_data_dir() {
  if (const char* dir = std::getenv("WEGWIJZER_DATA"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/wegwijzer";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.local/share/wegwijzer";
  return "/var/lib/wegwijzer";
}

ContentStore::ContentStore(const std::string& path) : path_(path) {
  std::error_code ec;
  if (fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path(), ec);
  opened_read_only_ = on_read_only_file_system(path) && fs::exists(path, ec);
  // Before SQLite reads the log: it would silently stop at the first broken frame.
  const bool log_damaged = !opened_read_only_ && inspect_write_ahead_log();
  bool recovered = false;
  try {
    open_file();
    {
      Statement check(db_, "PRAGMA quick_check");
      if (check.step() && check.text(0) != "ok") throw StoreDamaged("store: " + first_problem(check.text(0)));
    }
    check_files_digest();
  } catch (const StoreDamaged& e) {
    close_file(false);
    // On a read-only disk nothing can be moved aside: the kiosk serves its shipped pack.
    if (opened_read_only_) throw StoreDamaged(std::string(e.what()) + " (on a read-only disk)");
    recover(e.what());
    recovered = true;
  }
  if (log_damaged && !recovered) {  // recover() took what the log still had from the damaged file
    const int taken = take_newer_changes(file_uri(copy_path(path_)) + "?immutable=1", SQLITE_OPEN_READONLY);
    recovery_notes_.push_back(
        taken > 0
            ? std::to_string(taken) + " changes the damaged log lost were taken back from the copy kept aside"
            : "the copy kept aside has no change the damaged log lost; the newest changes may be gone");
  }
  look_for_kept_damage();
}

void ContentStore::open_file() {
  const int flags =
      opened_read_only_ ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  std::string message;
  for (const auto& name : names_to_open(path_, opened_read_only_)) {
    if (sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) == SQLITE_OK &&
        (!opened_read_only_ ||
         sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) == SQLITE_OK))
      break;
    message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    const int code = db_ ? sqlite3_errcode(db_) & 0xff : SQLITE_NOMEM;
    close_file(false);
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) throw StoreDamaged("store: " + message);
  }
  if (!db_)
    throw StoreError("cannot open the content store " + path_ + ": " + message +
                     (on_read_only_file_system(path_) ? " (its folder is on a read-only disk)" : ""));
  sqlite3_busy_timeout(db_, 2000);
  try {
    if (opened_read_only_) {
      // Served as it is; a store that needs a newer schema cannot get it here.
      if (schema_version() != kSchemaVersion)
        throw StoreError("the content store " + path_ + " is on a read-only disk and has schema " +
                         std::to_string(schema_version()) + ", not " + std::to_string(kSchemaVersion));
    } else {
      // WAL: readers never wait for a writer; FULL: a commit survives a power cut.
      exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      migrate();
    }
  } catch (const StoreDamaged&) {
    throw;  // the caller closes without touching the file further
  } catch (...) {
    close_file(true);
    throw;
  }
}

// A damaged file is closed without a checkpoint: SQLite would write the log into it,
// and the log is part of what is kept aside.
void ContentStore::close_file(bool checkpoint) {
  if (!db_) return;
  if (!checkpoint) sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  sqlite3_close(db_);
  db_ = nullptr;
}

bool ContentStore::read_only() const {
  return opened_read_only_ || on_read_only_file_system(path_);
}

ContentStore::~ContentStore() {
  close_file(true);
}

// The schema version is recorded in the meta table (none yet: a new, empty store).
int ContentStore::schema_version() const {
  Statement exists(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!exists.step()) return 0;
  // A store with its tables but no readable version was damaged (a new store has no meta table):
  // migrating it from 0 would fail on tables that exist, and stop the kiosk at every start.
  Statement version(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
  const std::string text = version.step() ? version.text(0) : std::string{};
  int number = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || problem != std::errc{} || end != text.data() + text.size() || number < 1)
    throw StoreDamaged("store: its schema version is unreadable (\"" + text.substr(0, 20) + "\")");
  return number;
}

void ContentStore::migrate() {
  const int current = schema_version();
  if (current > kSchemaVersion)
    throw StoreError("the content store " + path_ + " was made by a newer Wegwijzer (schema " +
                     std::to_string(current) + "); install that version again");
  for (int version = current; version < kSchemaVersion; ++version) {
    Transaction transaction(db_);
    exec(db_, kMigrations[version]);
    Statement record(db_,
                     "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    record.bind(1, std::to_string(version + 1));
    record.step();
    transaction.commit();
  }
}

std::string ContentStore::pack_version() const {
  Statement select(db_, "SELECT value FROM meta WHERE key = 'pack_version'");
  return select.step() ? select.text(0) : std::string{};
}

std::int64_t ContentStore::change(const std::string& path, const std::string* text, const std::string& editor,
                                  const std::string& what, bool from_pack) {
  Statement current(db_, "SELECT text FROM file WHERE path = ?");
  current.bind(1, path);
  const bool exists = current.step();
  const std::string before = exists ? current.text(0) : std::string{};
  if (text) {
    // A file put back after a removal on the device keeps the pack's text it had then,
    // so later packs treat it as the edited shipped file it is, not as one made here.
    Statement revive(db_,
                     "INSERT INTO file (path, text, pack_text, edited) "
                     "SELECT path, '', pack_text, 1 FROM removed_file WHERE path = ?1 "
                     "AND NOT EXISTS (SELECT 1 FROM file WHERE path = ?1)");
    revive.bind(1, path);
    revive.step();
    Statement upsert(
        db_,
        "INSERT INTO file (path, text, pack_text, edited) VALUES (?1, ?2, CASE WHEN ?3 THEN ?2 END, ?4) "
        "ON CONFLICT(path) DO UPDATE SET text = ?2, "
        "pack_text = CASE WHEN ?3 THEN ?2 ELSE pack_text END, edited = ?4");
    upsert.bind(1, path).bind(2, *text).bind(3, std::int64_t{from_pack}).bind(4, std::int64_t{!from_pack});
    upsert.step();
    Statement back(db_, "DELETE FROM removed_file WHERE path = ?");
    back.bind(1, path);
    back.step();
  } else {
    if (!from_pack) {  // removed on the device: remembered, so the next import keeps it removed
      Statement remember(db_,
                         "INSERT OR REPLACE INTO removed_file (path, pack_text) "
                         "SELECT path, pack_text FROM file WHERE path = ?");
      remember.bind(1, path);
      remember.step();
    }
    Statement erase(db_, "DELETE FROM file WHERE path = ?");
    erase.bind(1, path);
    erase.step();
  }
  std::uint64_t share = exists ? file_share(path, before) : 0;
  if (text) share ^= file_share(path, *text);
  update_files_digest(share);
  Statement record(db_,
                   "INSERT INTO revision (path, before, after, editor, at, what) VALUES (?, ?, ?, ?, ?, ?)");
  record.bind(1, path)
      .bind(2, before)
      .bind(3, text ? *text : std::string{})
      .bind(4, editor)
      .bind(5, now_utc());
  record.bind(6, what);
  record.step();
  return sqlite3_last_insert_rowid(db_);
}

ImportReport ContentStore::import_pack(const PackFiles& files, const std::string& version) {
  ImportReport report;
  // Every import compares file by file: an unchanged pack changes nothing, and a
  // changed pack is taken in even when its author forgot to raise the version.
  Transaction transaction(db_);
  struct Row {
    std::string text;
    std::optional<std::string> pack_text;
    bool edited;
  };
  std::map<std::string, Row> rows;
  {
    Statement select(db_, "SELECT path, text, pack_text, edited FROM file");
    while (select.step())
      rows[select.text(0)] = {select.text(1),
                              select.is_null(2) ? std::nullopt : std::optional(select.text(2)),
                              select.integer(3) != 0};
  }
  const std::string what = "pakket " + version;
  auto conflict = [&](const std::string& path, const std::string& pack_text, const std::string& local_text) {
    Statement insert(db_,
                     "INSERT INTO conflict (path, pack_text, local_text, pack_version) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT(path) DO UPDATE SET pack_text = excluded.pack_text, "
                     "local_text = excluded.local_text, pack_version = excluded.pack_version");
    insert.bind(1, path).bind(2, pack_text).bind(3, local_text).bind(4, version);
    insert.step();
    report.conflicts.push_back(path);
  };
  std::map<std::string, std::optional<std::string>> removed;  // on the device: path -> the pack's text then
  {
    Statement select(db_, "SELECT path, pack_text FROM removed_file");
    while (select.step())
      removed[select.text(0)] = select.is_null(1) ? std::nullopt : std::optional(select.text(1));
  }
  for (const auto& [path, text] : files) {
    const auto row = rows.find(path);
    if (const auto gone = removed.find(path); row == rows.end() && gone != removed.end()) {
      // Removed on the device: it stays removed. A real change in the pack is a conflict.
      if (gone->second != text) conflict(path, text, "");
      Statement remember(db_, "UPDATE removed_file SET pack_text = ? WHERE path = ?");
      remember.bind(1, text).bind(2, path);
      remember.step();
      ++report.unchanged;
    } else if (row == rows.end()) {
      change(path, &text, "pakket", what, true);
      ++report.added;
    } else if (!row->second.edited) {
      if (row->second.text == text) {
        ++report.unchanged;
      } else {
        change(path, &text, "pakket", what, true);
        ++report.updated;
      }
    } else {
      // Edited on the device: the local text wins. Only a real change in the pack is a conflict.
      if (row->second.pack_text != text && row->second.text != text) conflict(path, text, row->second.text);
      Statement remember(db_, "UPDATE file SET pack_text = ? WHERE path = ?");
      remember.bind(1, text).bind(2, path);
      remember.step();
      ++report.unchanged;
    }
  }
  for (const auto& [path, row] : rows) {
    if (files.count(path) || !row.pack_text) continue;  // still shipped, or a file made on the device
    if (row.edited) {
      conflict(path, "", row.text);
    } else {
      change(path, nullptr, "pakket", what, true);
      ++report.removed;
    }
  }
  report.imported = report.added + report.updated + report.removed > 0 || !report.conflicts.empty() ||
                    version != pack_version();
  if (!report.imported) return report;  // the transaction rolls back: nothing was written
  Statement version_row(db_,
                        "INSERT INTO meta (key, value) VALUES ('pack_version', ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  version_row.bind(1, version);
  version_row.step();
  transaction.commit();
  return report;
}

PackFiles ContentStore::files() const {
  PackFiles out;
  Statement select(db_, "SELECT path, text FROM file");
  while (select.step()) out[select.text(0)] = select.text(1);
  return out;
}

std::int64_t ContentStore::edit(const std::string& path, const std::string& text, const std::string& editor,
                                const std::string& what) {
  Transaction transaction(db_);
  const auto number = change(path, &text, editor, what, false);
  transaction.commit();
  return number;
}

std::int64_t ContentStore::remove(const std::string& path, const std::string& editor,
                                  const std::string& what) {
  Transaction transaction(db_);
  const auto number = change(path, nullptr, editor, what, false);
  transaction.commit();
  return number;
}

std::int64_t ContentStore::roll_back(std::int64_t number, const std::string& editor) {
  Transaction transaction(db_);
  Statement select(db_, "SELECT path, before FROM revision WHERE number = ?");
  select.bind(1, number);
  if (!select.step()) throw StoreError("there is no change number " + std::to_string(number));
  const std::string path = select.text(0), before = select.text(1);
  const std::string what = "terugzetten van wijziging " + std::to_string(number);
  const auto result = change(path, before.empty() ? nullptr : &before, editor, what, false);
  transaction.commit();
  return result;
}

std::vector<Revision> ContentStore::history(const std::string& path) const {
  std::vector<Revision> out;
  Statement select(db_, path.empty() ? "SELECT number, path, before, after, editor, at, what FROM revision "
                                       "ORDER BY number DESC"
                                     : "SELECT number, path, before, after, editor, at, what FROM revision "
                                       "WHERE path = ? ORDER BY number DESC");
  if (!path.empty()) select.bind(1, path);
  while (select.step())
    out.push_back({select.integer(0), select.text(1), select.text(2), select.text(3), select.text(4),
                   select.text(5), select.text(6)});
  return out;
}

std::optional<Revision> ContentStore::revision(std::int64_t number) const {
  Statement select(db_,
                   "SELECT number, path, before, after, editor, at, what FROM revision WHERE number = ?");
  select.bind(1, number);
  if (!select.step()) return std::nullopt;
  return Revision{select.integer(0), select.text(1), select.text(2), select.text(3),
                  select.text(4),    select.text(5), select.text(6)};
}

std::vector<Conflict> ContentStore::conflicts() const {
  std::vector<Conflict> out;
  Statement select(db_, "SELECT path, pack_text, local_text, pack_version FROM conflict ORDER BY path");
  while (select.step()) out.push_back({select.text(0), select.text(1), select.text(2), select.text(3)});
  return out;
}

void ContentStore::resolve(const std::string& path) {
  Statement erase(db_, "DELETE FROM conflict WHERE path = ?");
  erase.bind(1, path);
  erase.step();
}

void ContentStore::save_draft(const std::string& path, const std::string& text, const std::string& editor) {
  Statement upsert(db_,
                   "INSERT INTO draft (path, text, editor, at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(path) DO UPDATE SET text = excluded.text, editor = excluded.editor, "
                   "at = excluded.at");
  upsert.bind(1, path).bind(2, text).bind(3, editor).bind(4, now_utc());
  upsert.step();
}

void ContentStore::discard_draft(const std::string& path) {
  Statement erase(db_, "DELETE FROM draft WHERE path = ?");
  erase.bind(1, path);
  erase.step();
}

PackFiles ContentStore::drafts() const {
  PackFiles out;
  Statement select(db_, "SELECT path, text FROM draft");
  while (select.step()) out[select.text(0)] = select.text(1);
  return out;
}

PackFiles ContentStore::files_with_drafts() const {
  PackFiles out = files();
  for (auto& [path, text] : drafts()) out[path] = std::move(text);
  return out;
}

int ContentStore::write_changed(const PackFiles& wanted, const std::string& editor, const std::string& what) {
  const PackFiles live = files();
  int changed = 0;
  for (const auto& [path, text] : wanted) {
    const auto current = live.find(path);
    if (current != live.end() && current->second == text) continue;
    change(path, &text, editor, what, false);
    ++changed;
  }
  return changed;
}

// Issue 23, item 5: publish and mark_good were two transactions, so on a nearly full disk
// the edit was committed, the good files were not, and the editor heard nothing changed.
int ContentStore::publish(const std::string& editor, const std::string& what, Checked checked) {
  Transaction transaction(db_);
  const int changed = write_changed(drafts(), editor, what);
  exec(db_, "DELETE FROM draft");
  if (checked == Checked::Yes) write_good_files(files());
  transaction.commit();
  // Outside the transaction: the copy is best-effort, a failed one leaves the older copy.
  if (checked == Checked::Yes) (void)keep_copy();
  return changed;
}

// The files count as edited on the device, not as the shipped pack's: the next
// start's import of the bundled pack then keeps them and lists differences as conflicts.
int ContentStore::replace_files(const PackFiles& files, const std::string& editor, const std::string& what) {
  Transaction transaction(db_);
  const PackFiles live = this->files();
  int changed = write_changed(files, editor, what);
  for (const auto& [path, text] : live) {
    if (files.count(path)) continue;
    change(path, nullptr, editor, what, false);
    ++changed;
  }
  exec(db_, "DELETE FROM draft");
  transaction.commit();
  return changed;
}

void ContentStore::write_good_files(const PackFiles& files) {
  exec(db_, "DELETE FROM good_file");
  for (const auto& [path, text] : files) {
    Statement row(db_, "INSERT INTO good_file (path, text) VALUES (?, ?)");
    row.bind(1, path).bind(2, text);
    row.step();
  }
}

void ContentStore::mark_good(const PackFiles& files) {
  Transaction transaction(db_);
  write_good_files(files);
  transaction.commit();
  // The good files are in the store now; a copy that cannot be made leaves the older one.
  (void)keep_copy();
}

PackFiles ContentStore::good_files() const {
  PackFiles out;
  Statement select(db_, "SELECT path, text FROM good_file");
  while (select.step()) out[select.text(0)] = select.text(1);
  return out;
}

bool ContentStore::intact() const {
  Statement check(db_, "PRAGMA integrity_check");
  return check.step() && check.text(0) == "ok";
}

std::string ContentStore::export_to(const std::string& directory) const {
  return write_files_below(directory, files()).error;
}

// The files' checksum, kept in meta with every change (see file_share).
void ContentStore::record_files_digest() {
  Statement record(db_,
                   "INSERT INTO meta (key, value) VALUES ('files_digest', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  record.bind(1, files_digest(files()));
  record.step();
}

void ContentStore::update_files_digest(std::uint64_t share) {
  Statement select(db_, "SELECT value FROM meta WHERE key = 'files_digest'");
  if (!select.step()) return record_files_digest();  // the file table already holds the change
  Statement record(db_, "UPDATE meta SET value = ? WHERE key = 'files_digest'");
  record.bind(1, std::to_string(std::stoull(select.text(0)) ^ share));
  record.step();
}

// Text damaged inside a page passes SQLite's checks; the files' checksum does not. A store from
// before the checksum gets one now.
void ContentStore::check_files_digest() {
  std::string recorded;
  {
    Statement select(db_, "SELECT value FROM meta WHERE key = 'files_digest'");
    if (select.step()) recorded = select.text(0);
  }
  if (recorded.empty()) {
    if (opened_read_only_) return;
    Transaction transaction(db_);
    record_files_digest();
    transaction.commit();
  } else if (recorded != files_digest(files())) {
    throw StoreDamaged("store: the files do not match their checksum");
  }
}

void ContentStore::recover(const std::string& problem) {
  close_file(false);
  std::error_code ec;
  const std::string kept = free_name(path_ + ".damaged-" + stamp());
  fs::rename(path_, kept, ec);
  if (ec) throw StoreError("store: cannot move the damaged " + path_ + " aside: " + ec.message());
  // The log and its index go with it: beside a new file they would be read as its own.
  for (const char* suffix : {"-wal", "-shm"}) {
    if (!fs::exists(path_ + suffix, ec)) continue;
    fs::rename(path_ + suffix, kept + suffix, ec);
    if (ec) throw StoreError("store: cannot move the damaged " + path_ + suffix + " aside: " + ec.message());
  }

  std::string from = "a new, empty store";
  const std::string copy = copy_path(path_);
  bool copy_sound = false;
  if (fs::exists(copy, ec)) {
    const OtherFile other(copy_name(path_), SQLITE_OPEN_READONLY);
    try {
      if (other.db()) {
        Statement check(other.db(), "PRAGMA quick_check");
        copy_sound = check.step() && check.text(0) == "ok";
      }
    } catch (const StoreError&) {
    }
  }
  if (copy_sound) {
    const std::string temporary = path_ + ".restore-tmp";
    fs::copy_file(copy, temporary, fs::copy_options::overwrite_existing, ec);
    if (!ec && sync_path(temporary)) fs::rename(temporary, path_, ec);
    if (ec) {
      fs::remove(temporary, ec);
    } else {
      from = "the copy kept aside";
    }
  }
  sync_path(folder_of(path_));
  open_file();

  // What the damaged file still shows beyond the copy: read from a scratch copy of it (with
  // its log), so that the file kept aside stays exactly as it was found.
  const std::string scratch = path_ + ".salvage-tmp";
  int taken = 0;
  fs::copy_file(kept, scratch, fs::copy_options::overwrite_existing, ec);
  if (!ec && fs::exists(kept + "-wal", ec))
    fs::copy_file(kept + "-wal", scratch + "-wal", fs::copy_options::overwrite_existing, ec);
  if (!ec) taken = take_newer_changes(file_uri(scratch), SQLITE_OPEN_READWRITE);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(scratch + suffix, ec);

  recovery_notes_.push_back("the store was damaged (" + problem + "); it is kept as " +
                            fs::path(kept).filename().string() + " and the kiosk now uses " + from +
                            (taken > 0
                                 ? ", with " + std::to_string(taken) + " newer changes from the damaged file"
                                 : std::string{}));
  look_for_kept_damage();
}

int ContentStore::take_newer_changes(const std::string& source, int flags) {
  const OtherFile other(source, flags);
  if (!other.db()) return 0;
  const std::int64_t last = last_revision(db_);
  std::vector<Revision> newer;
  try {
    Statement select(other.db(),
                     "SELECT number, path, before, after, editor, at, what FROM revision "
                     "WHERE number > ? ORDER BY number");
    select.bind(1, last);
    while (select.step())
      newer.push_back({select.integer(0), select.text(1), select.text(2), select.text(3), select.text(4),
                       select.text(5), select.text(6)});
  } catch (const StoreError&) {
    // Read up to the damage: what came before it is still worth having.
  }
  if (newer.empty()) return 0;
  std::string version;
  try {
    version = read_pack_version(other.db());
  } catch (const StoreError&) {
  }

  Transaction transaction(db_);
  std::map<std::string, std::string> texts;  // path -> its text after the last of these revisions
  for (const auto& revision : newer) {
    Statement record(db_,
                     "INSERT INTO revision (number, path, before, after, editor, at, what) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
    record.bind(1, revision.number).bind(2, revision.path).bind(3, revision.before).bind(4, revision.after);
    record.bind(5, revision.editor).bind(6, revision.at).bind(7, revision.what);
    record.step();
    texts[revision.path] = revision.after;
  }
  for (const auto& [path, text] : texts) {
    if (text.empty()) {
      try {  // removed on the device: remembered, so the next import keeps it removed
        Statement removed(other.db(), "SELECT pack_text FROM removed_file WHERE path = ?");
        removed.bind(1, path);
        if (removed.step()) {
          Statement remember(db_, "INSERT OR REPLACE INTO removed_file (path, pack_text) VALUES (?, ?)");
          remember.bind(1, path);
          if (removed.is_null(0))
            remember.bind_null(2);
          else
            remember.bind(2, removed.text(0));
          remember.step();
        }
      } catch (const StoreError&) {
      }
      Statement erase(db_, "DELETE FROM file WHERE path = ?");
      erase.bind(1, path);
      erase.step();
      continue;
    }
    // The text comes from the revisions; whether it is a local edit from the damaged file's row.
    // Unreadable, it counts as one: a local edit wins over the next pack and is never lost.
    std::optional<std::string> pack_text;
    bool known = false, edited = true;
    try {
      Statement row(other.db(), "SELECT pack_text, edited FROM file WHERE path = ?");
      row.bind(1, path);
      if (row.step()) {
        known = true;
        if (!row.is_null(0)) pack_text = row.text(0);
        edited = row.integer(1) != 0;
      }
    } catch (const StoreError&) {
    }
    Statement upsert(db_,
                     "INSERT INTO file (path, text, pack_text, edited) VALUES (?1, ?2, ?3, ?4) "
                     "ON CONFLICT(path) DO UPDATE SET text = ?2, "
                     "pack_text = CASE WHEN ?5 THEN ?3 ELSE pack_text END, edited = ?4");
    upsert.bind(1, path).bind(2, text);
    if (pack_text)
      upsert.bind(3, *pack_text);
    else
      upsert.bind_null(3);
    upsert.bind(4, std::int64_t{edited}).bind(5, std::int64_t{known});
    upsert.step();
    Statement back(db_, "DELETE FROM removed_file WHERE path = ?");
    back.bind(1, path);
    back.step();
  }
  if (!version.empty()) {
    Statement version_row(db_,
                          "INSERT INTO meta (key, value) VALUES ('pack_version', ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    version_row.bind(1, version);
    version_row.step();
  }
  record_files_digest();
  transaction.commit();
  return static_cast<int>(newer.size());
}

bool ContentStore::inspect_write_ahead_log() {
  const std::string log = path_ + "-wal";
  const auto damage = check_write_ahead_log(log);
  if (!damage) return false;
  std::error_code ec;
  const std::string kept = free_name(log + ".damaged-" + stamp());
  fs::copy_file(log, kept, ec);
  if (!ec) sync_path(kept);
  recovery_notes_.push_back(
      "the store's write-ahead log is damaged: " +
      (damage->header ? std::string("its header fails its checksum")
                      : "frame " + std::to_string(damage->first_bad_frame) + " fails its checksum") +
      ", so SQLite ignores " + std::to_string(damage->frames_ignored) + " frames with " +
      std::to_string(damage->commits_lost) + " confirmed commits; " +
      (ec ? "no copy of the log could be kept: " + ec.message()
          : "a copy of the log is kept as " + fs::path(kept).filename().string()));
  return true;
}

void ContentStore::look_for_kept_damage() {
  damage_kept_ = DamageKept::None;
  const std::string name = fs::path(path_).filename().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_of(path_), ec)) {
    const std::string other = entry.path().filename().string();
    if (other.rfind(name + ".damaged-", 0) == 0) damage_kept_ = DamageKept::Store;
    if (other.rfind(name + "-wal.damaged-", 0) == 0 && damage_kept_ == DamageKept::None)
      damage_kept_ = DamageKept::WriteAheadLog;
  }
}

std::string ContentStore::keep_copy() {
  if (read_only()) return "the data folder is read-only";
  const std::string copy = copy_path(path_), temporary = copy + ".tmp";
  std::error_code ec;
  fs::remove(temporary, ec);
  try {
    Statement vacuum(db_, "VACUUM INTO ?");
    vacuum.bind(1, temporary);
    vacuum.step();
  } catch (const StoreError& e) {
    fs::remove(temporary, ec);
    return e.what();
  }
  // VACUUM INTO does not sync what it wrote; the copy must survive the power cut that may
  // damage the store.
  if (!sync_path(temporary)) {
    fs::remove(temporary, ec);
    return "cannot sync " + temporary;
  }
  fs::rename(temporary, copy, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return "cannot rename " + temporary + ": " + ec.message();
  }
  sync_path(folder_of(path_));
  return {};
}

bool ContentStore::copy_is_current() const {
  std::error_code ec;
  if (!fs::exists(copy_path(path_), ec)) return false;
  const OtherFile other(copy_name(path_), SQLITE_OPEN_READONLY);
  if (!other.db()) return false;
  try {
    return last_revision(other.db()) == last_revision(db_) && read_pack_version(other.db()) == pack_version();
  } catch (const StoreError&) {
    return false;
  }
}

PackFiles ContentStore::copy_files() const {
  std::error_code ec;
  if (!fs::exists(copy_path(path_), ec)) return {};
  const OtherFile other(copy_name(path_), SQLITE_OPEN_READONLY);
  if (!other.db()) return {};
  PackFiles out;
  try {
    Statement select(other.db(), "SELECT path, text FROM file");
    while (select.step()) out[select.text(0)] = select.text(1);
  } catch (const StoreError&) {
    return {};  // part of a pack is no pack
  }
  return out;
}

}  // namespace content
