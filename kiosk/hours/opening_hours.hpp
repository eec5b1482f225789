#pragma once
// Opening hours as data: a subset of OpenStreetMap's `opening_hours` syntax
// ("Mo-Fr 10:00-16:00; PH off; Dec 24 10:00-13:00"), the Dutch public holidays,
// and "open now" / "next open" for a local time. Pure: no clock is read here;
// the time comes from outside (the window loop, a script's `clock`, a test).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hours {

struct Date {
  int year = 2026, month = 1, day = 1;
  friend bool operator==(const Date&, const Date&) = default;
};

// A local moment: a day and the minute of that day (0 = 00:00, 1439 = 23:59).
struct LocalTime {
  Date date;
  int minute = 0;
  friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

// "2026-12-05" → the date, when it exists.
[[nodiscard]] std::optional<Date> parse_date(std::string_view iso);
// "2026-12-05T19:30" (or a space for the T) → the moment, when it exists.
[[nodiscard]] std::optional<LocalTime> parse_local_time(std::string_view text);
[[nodiscard]] std::string iso(const Date& date);
// 0 = Monday ... 6 = Sunday, as OpenStreetMap counts (Mo first).
[[nodiscard]] int weekday(const Date& date);
[[nodiscard]] Date add_days(const Date& date, int days);
[[nodiscard]] LocalTime add_minutes(const LocalTime& time, long long minutes);
// Minutes from one moment to a later one (negative when `to` is earlier).
[[nodiscard]] long long minutes_between(const LocalTime& from, const LocalTime& to);

// Easter Sunday of `year` (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
[[nodiscard]] Date easter(int year);
// The Dutch public holiday on `date` ("nieuwjaarsdag", "goede_vrijdag", "pasen", "koningsdag",
// "bevrijdingsdag", "hemelvaartsdag", "pinksteren", "kerstmis"), or empty. Bevrijdingsdag
// (5 May) counts every year: libraries and municipal desks treat it as a holiday, and a
// visitor sent to a closed door is worse off than one told to come a day later.
[[nodiscard]] std::string public_holiday(const Date& date);

// Open from `from` to `to`, in minutes of the day; `to` may be 1440 (24:00).
struct Span {
  int from = 0, to = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// One rule of the text, between semicolons. It selects days (weekdays, public holidays or
// dates) and says what they are: the spans, or closed (`off`). A later rule replaces an
// earlier one on the days it selects, as in OpenStreetMap: "Mo-Fr 10:00-16:00; PH off".
struct Rule {
  enum class Selects { Weekdays, Holidays, Dates };
  Selects selects = Selects::Weekdays;
  bool days[7] = {};  // Weekdays: Mo..Su
  struct MonthDay {
    int month = 1, day = 1;
  };
  std::vector<MonthDay> dates;  // Dates
  std::vector<Span> spans;      // empty: closed
};

struct Schedule {
  std::vector<Rule> rules;
  [[nodiscard]] bool closed_on_holidays() const;  // a PH rule says off (or the last one does)
};

// Why a text could not be read: a code for the pack's strings ("msg.hours.CODE") and where.
struct ParseProblem {
  std::string code;  // "day", "time", "order", "empty", "selector", "month", "date"
  std::string near;  // the piece of text it stopped at
};

struct Parsed {
  std::optional<Schedule> schedule;
  ParseProblem problem;  // when schedule is empty
};

[[nodiscard]] Parsed parse(std::string_view text);

// The spans open on `date` (none: closed that day), after every rule has had its say.
[[nodiscard]] std::vector<Span> spans_on(const Schedule& schedule, const Date& date);

// What the weekday rules alone say of a weekday (0 = Monday): holidays and dates left out.
[[nodiscard]] std::vector<Span> weekday_spans(const Schedule& schedule, int day);
// The weekdays that share their hours, open ones only, in order of their first day, each
// cut into runs of days in a row: Mo-Fr 10:00-16:00 is one group with the run {0, 4}.
struct DayGroup {
  std::vector<std::pair<int, int>> runs;  // first and last day of each run
  std::vector<Span> spans;
};
[[nodiscard]] std::vector<DayGroup> week_groups(const Schedule& schedule);
// "10:00-16:00", "09:00-12:00,13:00-16:00"; "off" for none.
[[nodiscard]] std::string spans_text(const std::vector<Span>& spans);
// The schedule written in the subset, as an editor's choices make it: the weekdays grouped
// ("Mo-Fr 10:00-16:00"), then the public holidays, then the dates. parse() reads it back to
// the same hours on every day.
[[nodiscard]] std::string to_text(const Schedule& schedule);

// What the place is doing at a moment: open until a time, or when it opens next.
struct Status {
  bool open = false;
  std::optional<LocalTime> closes;  // open: when this opening ends
  std::optional<LocalTime> opens;   // closed: the next opening within kLookAheadDays, if any
};
inline constexpr int kLookAheadDays = 14;
[[nodiscard]] Status status_at(const Schedule& schedule, const LocalTime& now);

}  // namespace hours
