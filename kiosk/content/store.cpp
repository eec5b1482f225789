#include "content/store.hpp"

#include <sqlite3.h>
#include <sys/statvfs.h>

#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "content/small_file.hpp"

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

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("store: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  Statement& bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("store: ") + sqlite3_errmsg(db_));
  }
  [[nodiscard]] std::string text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string{};
  }
  [[nodiscard]] bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw StoreError("store: " + text);
  }
}

// One transaction; rolled back unless commit() is reached.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    exec(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
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

}  // namespace

std::string store_path(const std::string& data_dir) {
  return (fs::path(data_dir) / "content.sqlite").string();
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
  const int flags =
      opened_read_only_ ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  std::string message;
  for (const auto& name : names_to_open(path, opened_read_only_)) {
    if (sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) == SQLITE_OK &&
        (!opened_read_only_ ||
         sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) == SQLITE_OK))
      break;
    message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
  }
  if (!db_)
    throw StoreError("cannot open the content store " + path + ": " + message +
                     (on_read_only_file_system(path) ? " (its folder is on a read-only disk)" : ""));
  sqlite3_busy_timeout(db_, 2000);
  try {
    if (opened_read_only_) {
      // Served as it is; a store that needs a newer schema cannot get it here.
      if (schema_version() != kSchemaVersion)
        throw StoreError("the content store " + path + " is on a read-only disk and has schema " +
                         std::to_string(schema_version()) + ", not " + std::to_string(kSchemaVersion));
    } else {
      // WAL: readers never wait for a writer; FULL: a commit survives a power cut.
      exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      migrate();
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

bool ContentStore::read_only() const {
  return opened_read_only_ || on_read_only_file_system(path_);
}

ContentStore::~ContentStore() {
  if (db_) sqlite3_close(db_);
}

// The schema version is recorded in the meta table (none yet: a new, empty store).
int ContentStore::schema_version() const {
  Statement exists(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!exists.step()) return 0;
  Statement version(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
  return version.step() ? std::stoi(version.text(0)) : 0;
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

int ContentStore::publish(const std::string& editor, const std::string& what) {
  Transaction transaction(db_);
  const int changed = write_changed(drafts(), editor, what);
  exec(db_, "DELETE FROM draft");
  transaction.commit();
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

void ContentStore::mark_good(const PackFiles& files) {
  Transaction transaction(db_);
  exec(db_, "DELETE FROM good_file");
  for (const auto& [path, text] : files) {
    Statement row(db_, "INSERT INTO good_file (path, text) VALUES (?, ?)");
    row.bind(1, path).bind(2, text);
    row.step();
  }
  transaction.commit();
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

}  // namespace content
