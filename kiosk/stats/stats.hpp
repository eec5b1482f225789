#pragma once
// Anonymous use counts: how many sessions, finished self-checks, slips, pages,
// languages and spoken screens there were per day. A row is a day and an event
// name, never a visitor: nothing links two counts to the same person. Kept in
// its own SQLite file, apart from the content.
#include <cstdint>
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

class StatsStore {
 public:
  explicit StatsStore(const std::string& path);
  ~StatsStore();
  StatsStore(const StatsStore&) = delete;
  StatsStore& operator=(const StatsStore&) = delete;

  void add(const std::string& day, const std::string& event, std::int64_t n = 1);
  // Every count from `first` to `last` (days, inclusive), by day then event.
  [[nodiscard]] std::vector<Count> counts(const std::string& first = "0000-00-00",
                                          const std::string& last = "9999-99-99") const;
  [[nodiscard]] std::int64_t rows() const;

 private:
  sqlite3* db_ = nullptr;
};

// The counts are a nicety: when they cannot be opened (a read-only or full disk) the kiosk
// serves without them. Returns null and logs why.
[[nodiscard]] std::unique_ptr<StatsStore> open_if_possible(const std::string& path);

// The ISO week of a day: "2026-W48".
[[nodiscard]] std::string iso_week(const std::string& day);
// The Monday that starts the ISO week of `day`, and `days` before/after a day.
[[nodiscard]] std::string add_days(const std::string& day, int days);

struct WeekCount {
  std::string week;
  std::string event;
  std::int64_t count = 0;
};
[[nodiscard]] std::vector<WeekCount> by_week(const std::vector<Count>& counts);

// Exports for a library's own reports and monitoring. Counts under 5 are not
// shown exactly ("<5"), so a quiet week cannot point at one visitor.
inline constexpr std::int64_t kSmallest = 5;
[[nodiscard]] std::string csv(const std::vector<WeekCount>& weeks);
[[nodiscard]] std::string prometheus(const std::vector<WeekCount>& weeks);

// The stats file under a data directory.
[[nodiscard]] std::string stats_path(const std::string& data_dir);

}  // namespace stats
