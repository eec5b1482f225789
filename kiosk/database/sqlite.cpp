#include "database/sqlite.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace database {

namespace {

// A Fail that returned broke its contract; stop here rather than go on with a bad statement.
[[noreturn]] void raise(Fail fail, sqlite3* db, const std::string& message) {
  fail(db, message);
  throw std::logic_error("database: the error handler returned: " + message);
}

}  // namespace

Statement::Statement(sqlite3* db, const char* sql, Fail fail) : db_(db), fail_(fail) {
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    raise(fail_, db_, sqlite3_errmsg(db_));
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int i, const std::string& text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int i, std::int64_t value) {
  sqlite3_bind_int64(stmt_, i, value);
  return *this;
}

Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  raise(fail_, db_, sqlite3_errmsg(db_));
}

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string{};
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

void exec(sqlite3* db, const char* sql, Fail fail) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    raise(fail, db, text);
  }
}

Transaction::Transaction(sqlite3* db, Fail fail) : db_(db), fail_(fail) {
  exec(db_, "BEGIN IMMEDIATE", fail_);
}

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  exec(db_, "COMMIT", fail_);
  done_ = true;
}

}  // namespace database
