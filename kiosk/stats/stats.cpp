#include "stats/stats.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace stats {

namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string("stats: ") + what + ": " + sqlite3_errmsg(db));
}

std::chrono::sys_days parse_day(const std::string& day) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(day.c_str(), "%d-%d-%d", &y, &m, &d) != 3) throw std::invalid_argument("not a day: " + day);
  return std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
         std::chrono::day{static_cast<unsigned>(d)};
}

std::string format_day(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

// One prepared statement with its text parameters bound (?1, ?2, ...); finalized on scope exit.
struct Query {
  Query(sqlite3* db, const char* sql, std::initializer_list<std::string> texts) {
    check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db, "prepare");
    int i = 0;
    for (const auto& text : texts) sqlite3_bind_text(stmt, ++i, text.c_str(), -1, SQLITE_TRANSIENT);
  }
  ~Query() { sqlite3_finalize(stmt); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  sqlite3_stmt* stmt = nullptr;
};

std::string shown(std::int64_t count) {
  return count < kSmallest ? "<" + std::to_string(kSmallest) : std::to_string(count);
}

}  // namespace

StatsStore::StatsStore(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::path(path).has_parent_path())
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("stats: cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 2000);
  const int rc =
      sqlite3_exec(db_,
                   // A few rows change all day: the log is folded back every 32 pages and
                   // cut to 128 KiB, so the file on an SD card stays small (the soak shows it).
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=32;"
                   "PRAGMA journal_size_limit=131072;"
                   "CREATE TABLE IF NOT EXISTS daily (day TEXT NOT NULL, event TEXT NOT NULL,"
                   " count INTEGER NOT NULL, PRIMARY KEY (day, event)) WITHOUT ROWID;",
                   nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw std::runtime_error("stats: cannot open " + path + ": " + message);
  }
}

StatsStore::~StatsStore() {
  sqlite3_close(db_);
}

void StatsStore::add(const std::string& day, const std::string& event, std::int64_t n) {
  Query q(db_,
          "INSERT INTO daily (day, event, count) VALUES (?1, ?2, ?3)"
          " ON CONFLICT (day, event) DO UPDATE SET count = count + ?3",
          {day, event});
  sqlite3_bind_int64(q.stmt, 3, n);
  check(sqlite3_step(q.stmt), db_, "add");
}

std::vector<Count> StatsStore::counts(const std::string& first, const std::string& last) const {
  Query q(db_, "SELECT day, event, count FROM daily WHERE day BETWEEN ?1 AND ?2 ORDER BY day, event",
          {first, last});
  std::vector<Count> out;
  while (sqlite3_step(q.stmt) == SQLITE_ROW)
    out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(q.stmt, 0)),
                   reinterpret_cast<const char*>(sqlite3_column_text(q.stmt, 1)),
                   sqlite3_column_int64(q.stmt, 2)});
  return out;
}

std::int64_t StatsStore::rows() const {
  Query q(db_, "SELECT count(*) FROM daily", {});
  return sqlite3_step(q.stmt) == SQLITE_ROW ? sqlite3_column_int64(q.stmt, 0) : 0;
}

std::string add_days(const std::string& day, int days) {
  return format_day(parse_day(day) + std::chrono::days{days});
}

std::string iso_week(const std::string& day) {
  using namespace std::chrono;
  const sys_days d = parse_day(day);
  const weekday wd{d};
  // The Thursday of this week decides the year (ISO 8601).
  const sys_days thursday = d - days{(wd.iso_encoding() - 1)} + days{3};
  const year y = year_month_day{thursday}.year();
  const sys_days first_thursday_week = sys_days{y / January / 4};
  const weekday jan4{first_thursday_week};
  const sys_days week1_monday = first_thursday_week - days{jan4.iso_encoding() - 1};
  const int week = static_cast<int>((thursday - days{3} - week1_monday).count() / 7) + 1;
  char out[32];
  std::snprintf(out, sizeof out, "%04d-W%02d", static_cast<int>(y), week);
  return out;
}

std::vector<WeekCount> by_week(const std::vector<Count>& counts) {
  std::map<std::pair<std::string, std::string>, std::int64_t> sums;
  for (const auto& c : counts) sums[{iso_week(c.day), c.event}] += c.count;
  std::vector<WeekCount> out;
  for (const auto& [key, count] : sums) out.push_back({key.first, key.second, count});
  return out;
}

std::string csv(const std::vector<WeekCount>& weeks) {
  std::ostringstream out;
  out << "week,event,count\n";
  for (const auto& w : weeks) out << w.week << ',' << w.event << ',' << shown(w.count) << '\n';
  return out.str();
}

std::string prometheus(const std::vector<WeekCount>& weeks) {
  // Exact samples only from 5 up; a smaller count is a sample of its own that says so.
  std::ostringstream out;
  out << "# HELP wegwijzer_events_week Anonymous events per ISO week (counts under " << kSmallest
      << " are not exported).\n"
      << "# TYPE wegwijzer_events_week gauge\n";
  for (const auto& w : weeks)
    if (w.count >= kSmallest)
      out << "wegwijzer_events_week{event=\"" << w.event << "\",week=\"" << w.week << "\"} " << w.count
          << '\n';
  out << "# HELP wegwijzer_events_week_under_five 1 when a week had between 1 and " << kSmallest - 1
      << " of an event.\n"
      << "# TYPE wegwijzer_events_week_under_five gauge\n";
  for (const auto& w : weeks)
    if (w.count < kSmallest)
      out << "wegwijzer_events_week_under_five{event=\"" << w.event << "\",week=\"" << w.week << "\"} 1\n";
  return out.str();
}

std::unique_ptr<StatsStore> open_if_possible(const std::string& path) {
  try {
    return std::make_unique<StatsStore>(path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wegwijzer: %s; no counts are kept\n", e.what());
    return nullptr;
  }
}

std::string stats_path(const std::string& data_dir) {
  return data_dir + "/stats.sqlite";
}

}  // namespace stats
