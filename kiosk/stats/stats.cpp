#include "stats/stats.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "database/sqlite.hpp"
#include "logging/log.hpp"

namespace stats {

namespace {

// SQLite's error as the counts' exception: the caller logs it, the visit goes on.
[[noreturn]] void fail(sqlite3*, const std::string& message) {
  throw std::runtime_error("stats: " + message);
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

using Statement = database::Statement;

// "page:aio", "language:tr", "slip_topic:aio" say what a visit was about; "session" or
// "speech" only that something happened.
bool about_what(const std::string& event) {
  return event.find(':') != std::string::npos;
}

// One count per week and event, in order.
std::vector<WeekCount> summed(const std::vector<WeekCount>& parts) {
  std::map<std::pair<std::string, std::string>, std::int64_t> sums;
  for (const auto& w : parts) sums[{w.week, w.event}] += w.count;
  std::vector<WeekCount> out;
  for (const auto& [key, count] : sums) out.push_back({key.first, key.second, count});
  return out;
}

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
                   // secure_delete: a folded day or a changed count leaves no old bytes in free space;
                   // temp_store: VACUUM's copy stays in memory, never in the temp folder.
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
                   "PRAGMA temp_store=MEMORY; PRAGMA journal_size_limit=0;"
                   "CREATE TABLE IF NOT EXISTS daily (day TEXT NOT NULL, event TEXT NOT NULL,"
                   " count INTEGER NOT NULL, PRIMARY KEY (day, event)) WITHOUT ROWID;"
                   "CREATE TABLE IF NOT EXISTS weekly (week TEXT NOT NULL, event TEXT NOT NULL,"
                   " count INTEGER NOT NULL, PRIMARY KEY (week, event)) WITHOUT ROWID;"
                   // Files from before item 4 kept what one visitor was about on a quiet day.
                   "DELETE FROM daily WHERE instr(event, ':') > 0 AND day IN (SELECT day FROM daily"
                   " GROUP BY day HAVING sum(CASE event WHEN 'session' THEN count ELSE 0 END) < 5);",
                   nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw std::runtime_error("stats: cannot open " + path + ": " + message);
  }
  // And their write-ahead log kept one page per event: emptied now.
  sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

StatsStore::~StatsStore() {
  sqlite3_close(db_);
}

void StatsStore::add_session(const std::string& day, const std::map<std::string, std::int64_t>& tally) {
  // What sessions of another day were about stays unwritten: fewer than kSmallest waited.
  if (day != waiting_day_) {
    waiting_.clear();
    waiting_sessions_ = 0;
    waiting_day_ = day;
  }
  std::map<std::string, std::int64_t> now;
  for (const auto& [event, n] : tally) (about_what(event) ? waiting_[event] : now[event]) += n;
  if (const auto it = tally.find("session"); it != tally.end()) waiting_sessions_ += it->second;
  if (waiting_sessions_ >= kSmallest) {
    for (const auto& [event, n] : waiting_) now[event] += n;
    waiting_.clear();
    waiting_sessions_ = 0;
  }
  if (!now.empty()) write(day, now);
}

// One transaction, then the file rebuilt from its rows and the log emptied: what is left on
// disk is the same whatever order the counts came in.
void StatsStore::write(const std::string& day, const std::map<std::string, std::int64_t>& tally) {
  database::Transaction transaction(db_, fail);
  for (const auto& [event, n] : tally)
    Statement(db_,
              "INSERT INTO daily (day, event, count) VALUES (?1, ?2, ?3)"
              " ON CONFLICT (day, event) DO UPDATE SET count = count + ?3",
              fail)
        .bind(1, day)
        .bind(2, event)
        .bind(3, n)
        .step();
  // Days older than a week become weekly sums.
  const std::string oldest = add_days(day, -kDaysKept);
  for (const auto& c : counts("0000-00-00", add_days(oldest, -1)))
    Statement(db_,
              "INSERT INTO weekly (week, event, count) VALUES (?1, ?2, ?3)"
              " ON CONFLICT (week, event) DO UPDATE SET count = count + ?3",
              fail)
        .bind(1, iso_week(c.day))
        .bind(2, c.event)
        .bind(3, c.count)
        .step();
  Statement(db_, "DELETE FROM daily WHERE day < ?1", fail).bind(1, oldest).step();
  transaction.commit();
  database::exec(db_, "VACUUM", fail);
  if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) != SQLITE_OK)
    fail(db_, std::string("checkpoint: ") + sqlite3_errmsg(db_));
}

std::vector<Count> StatsStore::counts(const std::string& first, const std::string& last) const {
  Statement q(db_, "SELECT day, event, count FROM daily WHERE day BETWEEN ?1 AND ?2 ORDER BY day, event", fail);
  q.bind(1, first).bind(2, last);
  std::vector<Count> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.integer(2)});
  return out;
}

std::int64_t StatsStore::rows() const {
  Statement q(db_, "SELECT count(*) FROM daily", fail);
  return q.step() ? q.integer(0) : 0;
}

std::vector<WeekCount> StatsStore::weeks() const {
  std::vector<WeekCount> parts = by_week(counts());
  Statement q(db_, "SELECT week, event, count FROM weekly", fail);
  while (q.step()) parts.push_back({q.text(0), q.text(1), q.integer(2)});
  return summed(parts);
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
  std::vector<WeekCount> parts;
  for (const auto& c : counts) parts.push_back({iso_week(c.day), c.event, c.count});
  return summed(parts);
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
    logging::error("%s; no counts are kept", e.what());
    return nullptr;
  }
}

std::string stats_path(const std::string& data_dir) {
  return data_dir + "/stats.sqlite";
}

}  // namespace stats
