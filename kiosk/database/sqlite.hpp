#pragma once
// The one thin wrapper over SQLite's C API, for the content store and the counts: a
// prepared statement, a statement run for its effect, and a transaction that rolls back
// unless committed. Each owner says how SQLite's error becomes its own exception (the
// store tells a damaged file from a full disk; the counts only log), so the wrapper
// never decides that for them.
#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace database {

// Turns SQLite's error on `db` (its message given) into the owner's exception. Must throw.
using Fail = void (*)(sqlite3* db, const std::string& message);

class Statement {
 public:
  Statement(sqlite3* db, const char* sql, Fail fail);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& text);
  Statement& bind(int i, std::int64_t value);
  Statement& bind_null(int i);
  // True while there is a row; false when done; the owner's exception on an error.
  bool step();
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  Fail fail_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs SQL for its effect (several statements allowed).
void exec(sqlite3* db, const char* sql, Fail fail);

// BEGIN IMMEDIATE; rolled back on scope exit unless commit() was reached.
class Transaction {
 public:
  Transaction(sqlite3* db, Fail fail);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  sqlite3* db_;
  Fail fail_;
  bool done_ = false;
};

}  // namespace database
