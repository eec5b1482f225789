#include "hours/opening_hours.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace hours {
namespace {

std::chrono::sys_days to_days(const Date& date) {
  using namespace std::chrono;
  return sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                  day{static_cast<unsigned>(date.day)}};
}

Date from_days(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool exists(int y, int m, int d) {
  using namespace std::chrono;
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         (year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}).ok();
}

// Exactly `count` digits at `at`.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

constexpr std::array<std::string_view, 7> kDays = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A small reader over one rule's text.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  void skip_spaces() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
  }
  [[nodiscard]] bool done() {
    skip_spaces();
    return at_ >= text_.size();
  }
  [[nodiscard]] char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  // A word of letters ("Mo", "PH", "off", "Dec").
  std::string_view word() {
    const std::size_t start = at_;
    while (at_ < text_.size() && ((text_[at_] >= 'A' && text_[at_] <= 'Z') || (text_[at_] >= 'a' && text_[at_] <= 'z')))
      ++at_;
    return text_.substr(start, at_ - start);
  }
  bool number(int& out) {
    const std::size_t start = at_;
    out = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9' && at_ - start < 4)
      out = out * 10 + (text_[at_++] - '0');
    return at_ > start;
  }
  // "10:00" (or "9:00"); 24:00 only as a closing time.
  bool time(int& minutes, bool closing) {
    int h = 0, m = 0;
    const std::size_t start = at_;
    if (!number(h) || at_ - start > 2 || !take(':')) return false;
    const std::size_t minute_at = at_;
    if (!number(m) || at_ - minute_at != 2 || m > 59) return false;
    if (h > 24 || (h == 24 && (m != 0 || !closing))) return false;
    minutes = h * 60 + m;
    return true;
  }
  [[nodiscard]] std::string near() const {
    const auto rest = text_.substr(at_ < text_.size() ? at_ : text_.size());
    return std::string(rest.substr(0, 12));
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

int index_of(std::string_view word, const auto& names) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == word) return static_cast<int>(i);
  return -1;
}

struct RuleResult {
  std::optional<Rule> rule;
  ParseProblem problem;
};

RuleResult parse_rule(std::string_view text) {
  Reader in(text);
  Rule rule;
  auto fail = [&](const char* code) { return RuleResult{std::nullopt, {code, in.near()}}; };
  in.skip_spaces();
  if (in.done()) return fail("empty");
  const char first = in.peek();
  if (first >= '0' && first <= '9') {
    // No selector: every day.
    for (bool& day : rule.days) day = true;
  } else {
    const std::string rule_text = in.near();
    const std::string_view head = in.word();
    if (head == "PH") {
      rule.selects = Rule::Selects::Holidays;
    } else if (const int month = index_of(head, kMonths); month >= 0) {
      rule.selects = Rule::Selects::Dates;
      in.skip_spaces();
      do {
        in.skip_spaces();
        int from = 0, to = 0;
        if (!in.number(from)) return fail("date");
        to = from;
        if (in.take('-') && !in.number(to)) return fail("date");
        if (from < 1 || to < from || !exists(2024, month + 1, to)) return fail("date");
        for (int d = from; d <= to; ++d) rule.dates.push_back({month + 1, d});
      } while (in.take(','));
    } else if (int day = index_of(head, kDays); day >= 0) {
      while (true) {
        int last = day;
        if (in.take('-')) {
          last = index_of(in.word(), kDays);
          if (last < 0) return fail("day");
        }
        // A range may wrap past Sunday: "Sa-Mo".
        for (int d = day;; d = (d + 1) % 7) {
          rule.days[d] = true;
          if (d == last) break;
        }
        if (!in.take(',')) break;
        day = index_of(in.word(), kDays);
        if (day < 0) return fail("day");
      }
    } else if (head == "off" || head == "closed") {
      // "off" on its own: closed every day (until a later rule says otherwise).
      for (bool& d : rule.days) d = true;
      return in.done() ? RuleResult{rule, {}} : fail("selector");
    } else {
      return RuleResult{std::nullopt, {head.size() == 2 ? "day" : "selector", rule_text}};
    }
    in.skip_spaces();
  }
  if (in.done()) return fail("time");
  const char next = in.peek();
  if (next >= '0' && next <= '9') {
    do {
      in.skip_spaces();
      const std::string span_text = in.near();
      Span span;
      if (!in.time(span.from, false) || !in.take('-') || !in.time(span.to, true))
        return RuleResult{std::nullopt, {"time", span_text}};
      if (span.to <= span.from) return RuleResult{std::nullopt, {"order", span_text.substr(0, 11)}};
      rule.spans.push_back(span);
      in.skip_spaces();
    } while (in.take(','));
    std::sort(rule.spans.begin(), rule.spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
  } else {
    const auto word = in.word();
    if (word != "off" && word != "closed") return fail("time");
  }
  if (!in.done()) return fail("time");
  return {rule, {}};
}

bool selects(const Rule& rule, const Date& date, bool holiday) {
  switch (rule.selects) {
    case Rule::Selects::Weekdays: return rule.days[weekday(date)];
    case Rule::Selects::Holidays: return holiday;
    case Rule::Selects::Dates:
      for (const auto& d : rule.dates)
        if (d.month == date.month && d.day == date.day) return true;
      return false;
  }
  return false;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, y) || !digits(text, 5, 2, m) ||
      !digits(text, 8, 2, d) || !exists(y, m, d))
    return std::nullopt;
  return Date{y, m, d};
}

std::optional<LocalTime> parse_local_time(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
  const auto date = parse_date(text.substr(0, 10));
  if (!date || !digits(text, 11, 2, h) || !digits(text, 14, 2, m) || h > 23 || m > 59) return std::nullopt;
  return LocalTime{*date, h * 60 + m};
}

std::string iso(const Date& date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

int weekday(const Date& date) {
  return static_cast<int>(std::chrono::weekday{to_days(date)}.iso_encoding()) - 1;
}

Date add_days(const Date& date, int days) {
  return from_days(to_days(date) + std::chrono::days{days});
}

LocalTime add_minutes(const LocalTime& time, long long minutes) {
  const long long total = time.minute + minutes;
  const long long days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
  return {add_days(time.date, static_cast<int>(days)), static_cast<int>(total - days * 1440)};
}

long long minutes_between(const LocalTime& from, const LocalTime& to) {
  return static_cast<long long>((to_days(to.date) - to_days(from.date)).count()) * 1440 + (to.minute - from.minute);
}

Date easter(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

std::string public_holiday(const Date& date) {
  const auto md = [&](int m, int d) { return date.month == m && date.day == d; };
  if (md(1, 1)) return "nieuwjaarsdag";
  if (md(5, 5)) return "bevrijdingsdag";
  if (md(12, 25) || md(12, 26)) return "kerstmis";
  // Koningsdag: 27 April, or the 26th when the 27th is a Sunday.
  const Date april27{date.year, 4, 27};
  const Date koningsdag = weekday(april27) == 6 ? Date{date.year, 4, 26} : april27;
  if (date == koningsdag) return "koningsdag";
  const Date sunday = easter(date.year);
  const auto after_easter = (to_days(date) - to_days(sunday)).count();
  if (after_easter == -2) return "goede_vrijdag";
  if (after_easter == 0 || after_easter == 1) return "pasen";
  if (after_easter == 39) return "hemelvaartsdag";
  if (after_easter == 49 || after_easter == 50) return "pinksteren";
  return {};
}

bool Schedule::closed_on_holidays() const {
  for (auto it = rules.rbegin(); it != rules.rend(); ++it)
    if (it->selects == Rule::Selects::Holidays) return it->spans.empty();
  return false;
}

Parsed parse(std::string_view text) {
  Schedule schedule;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(';', start);
    const auto piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    auto rule = parse_rule(piece);
    if (!rule.rule) return {std::nullopt, rule.problem};
    schedule.rules.push_back(std::move(*rule.rule));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return {std::move(schedule), {}};
}

std::vector<Span> spans_on(const Schedule& schedule, const Date& date) {
  const bool holiday = !public_holiday(date).empty();
  for (auto it = schedule.rules.rbegin(); it != schedule.rules.rend(); ++it)
    if (selects(*it, date, holiday)) return it->spans;
  return {};
}

std::vector<Span> weekday_spans(const Schedule& schedule, int day) {
  for (auto it = schedule.rules.rbegin(); it != schedule.rules.rend(); ++it)
    if (it->selects == Rule::Selects::Weekdays && it->days[day]) return it->spans;
  return {};
}

std::vector<DayGroup> week_groups(const Schedule& schedule) {
  std::vector<DayGroup> groups;
  std::vector<bool> done(7, false);
  for (int day = 0; day < 7; ++day) {
    DayGroup group{{}, weekday_spans(schedule, day)};
    if (done[day] || group.spans.empty()) continue;
    for (int other = day; other < 7; ++other) {
      if (done[other] || weekday_spans(schedule, other) != group.spans) continue;
      done[other] = true;
      if (!group.runs.empty() && group.runs.back().second == other - 1)
        group.runs.back().second = other;
      else
        group.runs.emplace_back(other, other);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

std::string spans_text(const std::vector<Span>& spans) {
  if (spans.empty()) return "off";
  auto clock = [](int minute) {
    char out[24];
    std::snprintf(out, sizeof out, "%02d:%02d", minute / 60, minute % 60);
    return std::string(out);
  };
  std::string out;
  for (const auto& span : spans) out += (out.empty() ? "" : ",") + clock(span.from) + "-" + clock(span.to);
  return out;
}

std::string to_text(const Schedule& schedule) {
  std::vector<std::string> rules;
  // Days with the same hours in one rule: runs of three or more as a range ("Mo-Fr").
  for (const auto& group : week_groups(schedule)) {
    std::vector<std::string> days;
    auto name = [](int day) { return std::string(kDays[static_cast<std::size_t>(day)]); };
    for (const auto& [first, last] : group.runs)
      if (last - first >= 2)
        days.push_back(name(first) + "-" + name(last));
      else
        for (int day = first; day <= last; ++day) days.push_back(name(day));
    std::string selector;
    for (const auto& day : days) selector += (selector.empty() ? "" : ",") + day;
    rules.push_back(selector + " " + spans_text(group.spans));
  }
  for (auto it = schedule.rules.rbegin(); it != schedule.rules.rend(); ++it)
    if (it->selects == Rule::Selects::Holidays) {
      rules.push_back("PH " + spans_text(it->spans));
      break;
    }
  for (const auto& rule : schedule.rules) {
    if (rule.selects != Rule::Selects::Dates || rule.dates.empty()) continue;
    std::string dates = std::string(kMonths[static_cast<std::size_t>(rule.dates.front().month - 1)]) + " ";
    for (std::size_t i = 0; i < rule.dates.size(); ++i)
      dates += (i ? "," : "") + std::to_string(rule.dates[i].day);
    rules.push_back(dates + " " + spans_text(rule.spans));
  }
  if (rules.empty()) return "off";
  std::string out;
  for (const auto& rule : rules) out += (out.empty() ? "" : "; ") + rule;
  return out;
}

Status status_at(const Schedule& schedule, const LocalTime& now) {
  Status status;
  for (const auto& span : spans_on(schedule, now.date))
    if (span.from <= now.minute && now.minute < span.to) {
      status.open = true;
      // An opening that runs to midnight and on from 00:00 the next day is one opening.
      LocalTime closes{now.date, span.to};
      for (int ahead = 1; closes.minute == 1440 && ahead <= kLookAheadDays; ++ahead) {
        const Date next = add_days(now.date, ahead);
        const auto spans = spans_on(schedule, next);
        if (spans.empty() || spans.front().from != 0) break;
        closes = {next, spans.front().to};
      }
      status.closes = closes;
      return status;
    }
  for (int ahead = 0; ahead <= kLookAheadDays; ++ahead) {
    const Date day = add_days(now.date, ahead);
    for (const auto& span : spans_on(schedule, day))
      if (ahead > 0 || span.from > now.minute) {
        status.opens = LocalTime{day, span.from};
        return status;
      }
  }
  return status;
}

}  // namespace hours
