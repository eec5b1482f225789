#include "hours/handover.hpp"

#include <algorithm>

#include "text/numbers.hpp"

namespace hours {
namespace {

using content::fill_in;

// A weekday's name: "day.0" (Maandag) starts a line, "day.0.in" (maandag) stands inside one.
std::string day_name(const content::ContentPack& pack, int day, bool first, const std::string& lang) {
  return pack.text("day." + std::to_string(day) + (first ? "" : ".in"), lang);
}

std::string spans_words(const content::ContentPack& pack, const std::vector<Span>& spans,
                        const std::string& lang) {
  if (spans.empty()) return pack.text("hours.off", lang);
  std::vector<std::string> parts;
  for (const auto& span : spans)
    parts.push_back(
        fill_in(pack.text("hours.span", lang), {{"from", clock_text(span.from)}, {"to", clock_text(span.to)}}));
  return text::list_of(parts, lang);
}

}  // namespace

std::string clock_text(int minute) {
  const int h = minute / 60, m = minute % 60;
  return std::to_string(h) + "." + (m < 10 ? "0" : "") + std::to_string(m);
}

std::optional<Schedule> schedule_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse(text).schedule;
}

std::string status_words(const content::ContentPack& pack, const Schedule& schedule, const LocalTime& now,
                         const std::string& lang) {
  const Status status = status_at(schedule, now);
  if (status.open)
    return fill_in(pack.text("hours.open_until", lang), {{"time", clock_text(status.closes->minute)}});
  if (!status.opens) return pack.text("hours.closed_long", lang);
  const std::string time = clock_text(status.opens->minute);
  const long long days = minutes_between({now.date, 0}, {status.opens->date, 0}) / 1440;
  if (days == 0) return fill_in(pack.text("hours.today_from", lang), {{"time", time}});
  if (days == 1) return fill_in(pack.text("hours.tomorrow_from", lang), {{"time", time}});
  if (days < 7)
    return fill_in(pack.text("hours.day_from", lang),
                   {{"day", day_name(pack, weekday(status.opens->date), true, lang)}, {"time", time}});
  const Date& d = status.opens->date;
  return fill_in(pack.text("hours.date_from", lang),
                 {{"date", std::to_string(d.day) + "-" + std::to_string(d.month) + "-" + std::to_string(d.year)},
                  {"time", time}});
}

std::vector<std::string> week_words(const content::ContentPack& pack, const Schedule& schedule,
                                    const std::string& lang, const std::optional<Date>& today) {
  std::vector<std::string> lines;
  // Days with the same hours share a line; three or more days in a row are a range.
  for (const auto& group : week_groups(schedule)) {
    std::vector<std::string> items;
    for (const auto& [first, last] : group.runs) {
      if (last - first >= 2) {
        items.push_back(fill_in(pack.text("hours.day_range", lang), {{"from", day_name(pack, first, items.empty(), lang)},
                                                                     {"to", day_name(pack, last, false, lang)}}));
      } else {
        for (int day = first; day <= last; ++day) items.push_back(day_name(pack, day, items.empty(), lang));
      }
    }
    lines.push_back(fill_in(pack.text("hours.line", lang), {{"days", text::list_of(items, lang)},
                                                             {"times", spans_words(pack, group.spans, lang)}}));
  }
  for (auto it = schedule.rules.rbegin(); it != schedule.rules.rend(); ++it)
    if (it->selects == Rule::Selects::Holidays) {
      lines.push_back(it->spans.empty() ? pack.text("hours.holidays_off", lang)
                                        : fill_in(pack.text("hours.holidays", lang),
                                                  {{"times", spans_words(pack, it->spans, lang)}}));
      break;
    }
  // A dated exception is named when it falls in the next two weeks.
  if (today)
    for (int ahead = 0; ahead < kLookAheadDays; ++ahead) {
      const Date day = add_days(*today, ahead);
      const bool dated = std::any_of(schedule.rules.begin(), schedule.rules.end(), [&](const Rule& rule) {
        return rule.selects == Rule::Selects::Dates &&
               std::any_of(rule.dates.begin(), rule.dates.end(),
                           [&](const Rule::MonthDay& md) { return md.month == day.month && md.day == day.day; });
      });
      if (!dated) continue;
      const std::string when = day_name(pack, weekday(day), true, lang) + " " + std::to_string(day.day) + "-" +
                               std::to_string(day.month);
      lines.push_back(fill_in(pack.text("hours.line", lang),
                              {{"days", when}, {"times", spans_words(pack, spans_on(schedule, day), lang)}}));
    }
  return lines;
}

bool desk_staffed(const content::ContentPack& pack, const std::optional<LocalTime>& now) {
  if (!now) return true;
  const auto schedule = schedule_of(pack.location.info_point_hours);
  if (!schedule) return false;
  const Status status = status_at(*schedule, *now);
  return status.open || (status.opens && minutes_between(*now, *status.opens) <= kSoonMinutes);
}

bool desk_open(const content::ContentPack& pack, const LocalTime& now) {
  const auto schedule = schedule_of(pack.location.info_point_hours);
  return schedule && status_at(*schedule, now).open;
}

std::string desk_soon_words(const content::ContentPack& pack, const LocalTime& now, const std::string& lang) {
  const auto schedule = schedule_of(pack.location.info_point_hours);
  if (!schedule) return {};
  const Status status = status_at(*schedule, now);
  if (status.open || !status.opens || minutes_between(now, *status.opens) > kSoonMinutes) return {};
  return fill_in(pack.text("hours.someone_at", lang), {{"time", clock_text(status.opens->minute)}});
}

std::vector<std::string> workable_steps(const content::ContentPack& pack, const std::vector<std::string>& on_slip,
                                        const std::optional<LocalTime>& now) {
  std::vector<std::string> out;
  if (desk_staffed(pack, now)) out.push_back("desk");
  for (const char* step : {"go", "call"})
    if (content::slip_contact(pack, on_slip, step)) out.push_back(step);
  out.push_back("think");
  return out;
}

}  // namespace hours
