#pragma once
// Anonymous use counts: how many sessions, finished self-checks, slips, pages,
// languages and spoken screens there were per day. A row is a day and an event
// name, never a visitor: nothing links two counts to the same person. Kept in
// its own SQLite file, apart from the content.
//
// No single session can be told apart in the file (issue 23, item 4):
// - a session's counts come in once, when it ends, as a tally without order;
// - what a session did ("session", "speech", "slip_printed") is written then; what it was
//   about ("page:…", "language:…", "slip_topic:…") waits in memory until kSmallest sessions
//   of the same day are together, and is dropped when the day or the run ends first;
// - after each write the file is rebuilt (VACUUM) and the write-ahead log emptied, so the
//   bytes on disk depend on the counts only, never on the order things happened in;
// - days older than a week are kept only as weekly sums.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace stats {

struct Count {
  std::string day;  // YYYY-MM-DD, local time
  std::string event;
  std::int64_t count = 0;
  bool operator==(const Count&) const = default;
};

struct WeekCount {
  std::string week;
  std::string event;
  std::int64_t count = 0;
  bool operator==(const WeekCount&) const = default;
};

// The fewest visitors a number may stand for: smaller counts are not exported exactly, and
// what sessions were about is kept only for this many sessions of a day together.
inline constexpr std::int64_t kSmallest = 5;
// Days are kept this long; older days only as weekly sums.
inline constexpr int kDaysKept = 7;

class StatsStore {
 public:
  explicit StatsStore(const std::string& path);
  ~StatsStore();
  StatsStore(const StatsStore&) = delete;
  StatsStore& operator=(const StatsStore&) = delete;

  // One ended session's counts (event name → times), on `day`. See the top of this file.
  void add_session(const std::string& day, const std::map<std::string, std::int64_t>& tally);
  // Every day count from `first` to `last` (days, inclusive), by day then event. Days
  // older than a week are no longer here: they are in weeks().
  [[nodiscard]] std::vector<Count> counts(const std::string& first = "0000-00-00",
                                          const std::string& last = "9999-99-99") const;
  [[nodiscard]] std::int64_t rows() const;
  // Every count by ISO week: the weekly sums and the days not yet folded into them.
  [[nodiscard]] std::vector<WeekCount> weeks() const;

 private:
  void write(const std::string& day, const std::map<std::string, std::int64_t>& tally);
  sqlite3* db_ = nullptr;
  // What sessions were about, waiting for kSmallest sessions of one day.
  std::string waiting_day_;
  std::map<std::string, std::int64_t> waiting_;
  std::int64_t waiting_sessions_ = 0;
};

// The counts are a nicety: when they cannot be opened (a read-only or full disk) the kiosk
// serves without them. Returns null and logs why.
[[nodiscard]] std::unique_ptr<StatsStore> open_if_possible(const std::string& path);

// The ISO week of a day: "2026-W48".
[[nodiscard]] std::string iso_week(const std::string& day);
// The Monday that starts the ISO week of `day`, and `days` before/after a day.
[[nodiscard]] std::string add_days(const std::string& day, int days);

[[nodiscard]] std::vector<WeekCount> by_week(const std::vector<Count>& counts);

// Exports for a library's own reports and monitoring. Counts under kSmallest are not
// shown exactly ("<5"), so a quiet week cannot point at one visitor.
[[nodiscard]] std::string csv(const std::vector<WeekCount>& weeks);
[[nodiscard]] std::string prometheus(const std::vector<WeekCount>& weeks);

// The stats file under a data directory.
[[nodiscard]] std::string stats_path(const std::string& data_dir);

}  // namespace stats
