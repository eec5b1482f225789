// Opening hours: the OpenStreetMap subset, the Dutch public holidays, "open now" and
// "next open", the words a visitor reads, and which next steps can work at a time.
#include "hours/opening_hours.hpp"

#include <catch2/catch.hpp>

#include "hours/handover.hpp"
#include "support/layout.hpp"

namespace {

hours::Schedule read(const std::string& text) {
  const auto parsed = hours::parse(text);
  INFO(text << " → " << parsed.problem.code << " near \"" << parsed.problem.near << "\"");
  REQUIRE(parsed.schedule);
  return *parsed.schedule;
}

hours::LocalTime at(const std::string& text) {
  const auto time = hours::parse_local_time(text);
  REQUIRE(time);
  return *time;
}

std::vector<hours::Span> on(const hours::Schedule& schedule, const std::string& day) {
  return hours::spans_on(schedule, *hours::parse_date(day));
}

}  // namespace

TEST_CASE("Easter by the anonymous Gregorian algorithm, for years with known dates", "[hours]") {
  const std::vector<std::pair<int, std::string>> known = {
      {1818, "1818-03-22"}, {1943, "1943-04-25"}, {2000, "2000-04-23"}, {2019, "2019-04-21"},
      {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
      {2028, "2028-04-16"}, {2038, "2038-04-25"}};
  for (const auto& [year, date] : known) CHECK(hours::iso(hours::easter(year)) == date);
}

TEST_CASE("the Dutch public holidays of 2026 and 2027, and no others", "[hours]") {
  const std::map<std::string, std::string> holidays = {
      {"2026-01-01", "nieuwjaarsdag"},  {"2026-04-03", "goede_vrijdag"}, {"2026-04-05", "pasen"},
      {"2026-04-06", "pasen"},          {"2026-04-27", "koningsdag"},    {"2026-05-05", "bevrijdingsdag"},
      {"2026-05-14", "hemelvaartsdag"}, {"2026-05-24", "pinksteren"},    {"2026-05-25", "pinksteren"},
      {"2026-12-25", "kerstmis"},       {"2026-12-26", "kerstmis"},      {"2027-03-26", "goede_vrijdag"},
      {"2027-03-29", "pasen"},          {"2027-05-06", "hemelvaartsdag"}, {"2027-05-17", "pinksteren"}};
  int found = 0;
  for (hours::Date day{2026, 1, 1}; day.year == 2026; day = hours::add_days(day, 1)) {
    const auto name = hours::public_holiday(day);
    INFO(hours::iso(day));
    if (holidays.count(hours::iso(day))) {
      CHECK(name == holidays.at(hours::iso(day)));
      ++found;
    } else {
      CHECK(name.empty());
    }
  }
  CHECK(found == 11);
  for (const auto& [day, name] : holidays)
    if (day.rfind("2027", 0) == 0) CHECK(hours::public_holiday(*hours::parse_date(day)) == name);
}

TEST_CASE("Koningsdag moves to the 26th when 27 April is a Sunday", "[hours]") {
  for (const int year : {2014, 2025, 2031, 2036}) {
    INFO(year);
    CHECK(hours::weekday({year, 4, 27}) == 6);
    CHECK(hours::public_holiday({year, 4, 26}) == "koningsdag");
    CHECK(hours::public_holiday({year, 4, 27}).empty());
  }
  CHECK(hours::public_holiday({2026, 4, 26}).empty());
  CHECK(hours::public_holiday({2026, 4, 27}) == "koningsdag");
}

TEST_CASE("weekday ranges and lists, several times a day, later rules overriding earlier ones", "[hours]") {
  const auto week = read("Mo-Fr 10:00-16:00; Sa 10:00-12:00,13:00-15:00; We off");
  CHECK(on(week, "2026-12-07") == std::vector<hours::Span>{{600, 960}});  // Monday
  CHECK(on(week, "2026-12-09").empty());                                  // Wednesday: off wins
  CHECK(on(week, "2026-12-12") == std::vector<hours::Span>{{600, 720}, {780, 900}});
  CHECK(on(week, "2026-12-13").empty());  // Sunday: nothing said, so closed

  const auto list = read("Mo,We,Fr 09:00-12:00");
  CHECK(on(list, "2026-12-07").size() == 1);
  CHECK(on(list, "2026-12-08").empty());
  CHECK(on(list, "2026-12-11").size() == 1);

  // A range past Sunday; times without days mean every day; 24:00 closes at midnight.
  const auto weekend = read("Sa-Mo 08:00-24:00");
  CHECK(on(weekend, "2026-12-13") == std::vector<hours::Span>{{480, 1440}});
  CHECK(on(weekend, "2026-12-07").size() == 1);
  CHECK(on(weekend, "2026-12-08").empty());
  CHECK(on(read("10:00-11:00"), "2026-12-09").size() == 1);
}

TEST_CASE("PH off closes on public holidays, PH with times opens then, and dated exceptions win", "[hours]") {
  const auto desk = read("Mo-Fr 10:00-16:00; PH off; Dec 24,31 10:00-13:00; Dec 28 off");
  CHECK(on(desk, "2026-12-25").empty());  // Kerstmis, a Friday
  CHECK(on(desk, "2026-12-24") == std::vector<hours::Span>{{600, 780}});
  CHECK(on(desk, "2026-12-28").empty());
  CHECK(on(desk, "2026-04-27").empty());  // Koningsdag, a Monday
  CHECK(on(desk, "2026-04-28").size() == 1);
  CHECK(desk.closed_on_holidays());

  const auto holiday_hours = read("Mo-Su 09:00-17:00; PH 12:00-14:00");
  CHECK(on(holiday_hours, "2026-12-25") == std::vector<hours::Span>{{720, 840}});
  CHECK_FALSE(holiday_hours.closed_on_holidays());
  // Order matters, as in OpenStreetMap: a weekday rule after PH opens holidays again.
  CHECK(on(read("PH off; Mo-Fr 10:00-16:00"), "2026-12-25").size() == 1);
}

TEST_CASE("hours it cannot read are refused with a code and the place it stopped", "[hours]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> bad = {
      {"Ma-Vr 10:00-16:00", "day", "Ma-Vr"},     {"Mo-Fr 10-16", "time", "10-16"},
      {"Mo-Fr 16:00-10:00", "order", "16:00-10:00"}, {"Mo-Fr 10:00-16:00;;Sa off", "empty", ""},
      {"Mo-Fr 25:00-26:00", "time", "25:00"},   {"Dec 32 off", "date", ""},
      {"Feb 30 off", "date", ""},               {"Mo-Fr", "time", ""},
      {"", "empty", ""},                        {"maandag 10:00-12:00", "selector", ""},
      {"Mo-Fr 10:00-16:00 extra", "time", "extra"}, {"Mo-Fr 24:00-24:00", "time", "24:00"},
      {"Mo-Fr 10:60-11:00", "time", ""}};
  for (const auto& [text, code, near] : bad) {
    INFO(text);
    const auto parsed = hours::parse(text);
    CHECK_FALSE(parsed.schedule);
    CHECK(parsed.problem.code == code);
    if (!near.empty()) CHECK(parsed.problem.near.find(near.substr(0, 5)) != std::string::npos);
  }
}

TEST_CASE("open now until closing, or when it opens next, across nights, weekends and holidays", "[hours]") {
  const auto desk = read("Mo-Fr 10:00-16:00; PH off");
  auto status = hours::status_at(desk, at("2026-12-07T11:00"));
  CHECK(status.open);
  CHECK(*status.closes == at("2026-12-07T16:00"));
  // 16:00 itself is closed: the next opening is the next morning.
  status = hours::status_at(desk, at("2026-12-07T16:00"));
  CHECK_FALSE(status.open);
  CHECK(*status.opens == at("2026-12-08T10:00"));
  // Saturday evening: Monday.
  CHECK(*hours::status_at(desk, at("2026-12-05T19:30")).opens == at("2026-12-07T10:00"));
  // Thursday 24 December evening: Friday is Kerstmis, so Monday 28.
  CHECK(*hours::status_at(desk, at("2026-12-24T17:00")).opens == at("2026-12-28T10:00"));
  // Just before opening.
  CHECK(*hours::status_at(desk, at("2026-12-07T09:59")).opens == at("2026-12-07T10:00"));
  // Never open: no next opening, no crash.
  const auto never = hours::status_at(read("off"), at("2026-12-07T11:00"));
  CHECK_FALSE(never.open);
  CHECK_FALSE(never.opens);
  // Open through midnight: one opening, it closes the next day.
  CHECK(*hours::status_at(read("Mo 20:00-24:00; Tu 00:00-02:00"), at("2026-12-07T23:00")).closes ==
        at("2026-12-08T02:00"));
}

TEST_CASE("the visitor reads the hours in words, in every language of the pack", "[hours]") {
  const auto& pack = test_support::fixture_pack();
  const auto desk = read("Mo-Fr 10:00-16:00; PH off");
  CHECK(hours::status_words(pack, desk, at("2026-12-07T11:00"), "nl") == "Nu open tot 16.00 uur.");
  CHECK(hours::status_words(pack, desk, at("2026-12-07T19:00"), "nl") == "Morgen vanaf 10.00 uur.");
  CHECK(hours::status_words(pack, desk, at("2026-12-07T08:00"), "nl") == "Vandaag vanaf 10.00 uur.");
  CHECK(hours::status_words(pack, desk, at("2026-12-05T19:30"), "nl") == "Maandag vanaf 10.00 uur.");
  CHECK(hours::status_words(pack, desk, at("2026-12-05T19:30"), "en") == "Monday from 10.00.");
  CHECK(hours::desk_soon_words(pack, at("2026-12-07T09:15"), "nl") == "Om 10.00 uur is er iemand.");
  CHECK(hours::desk_soon_words(pack, at("2026-12-07T08:30"), "nl").empty());  // 90 minutes: not soon
  CHECK(hours::status_words(pack, read("Mo 09:30-12:00"), at("2026-12-07T07:00"), "nl") ==
        "Vandaag vanaf 9.30 uur.");

  CHECK(hours::week_words(pack, desk, "nl", std::nullopt) ==
        std::vector<std::string>{"Maandag tot en met vrijdag: 10.00 tot 16.00 uur", "Op feestdagen dicht."});
  CHECK(hours::week_words(pack, read("Tu,Th 10:00-12:00"), "nl", std::nullopt) ==
        std::vector<std::string>{"Dinsdag en donderdag: 10.00 tot 12.00 uur"});
  CHECK(hours::week_words(pack, read("Mo,Tu,Th 09:00-17:00; We,Fr 09:00-13:00"), "nl", std::nullopt) ==
        std::vector<std::string>{"Maandag, dinsdag en donderdag: 9.00 tot 17.00 uur",
                                 "Woensdag en vrijdag: 9.00 tot 13.00 uur"});
  // A dated exception is named when it is near.
  const auto december = read("Mo-Fr 10:00-16:00; Dec 24 10:00-13:00");
  CHECK(hours::week_words(pack, december, "nl", hours::Date{2026, 12, 20}).back() ==
        "Donderdag 24-12: 10.00 tot 13.00 uur");
  CHECK(hours::week_words(pack, december, "nl", hours::Date{2026, 11, 20}).size() == 1);
  // Every language has its words: none is left as a key or with a {placeholder}.
  for (const auto& language : pack.languages)
    for (const auto& line : hours::week_words(pack, december, language.code, hours::Date{2026, 12, 20})) {
      INFO(language.code << ": " << line);
      CHECK(line.find('{') == std::string::npos);
      CHECK(line.find("day.") == std::string::npos);
    }
}

TEST_CASE("the desk step is offered only while someone is there or within the hour", "[hours][steps]") {
  const auto& pack = test_support::fixture_pack();  // info point Mo-Fr 10:00-16:00; PH off
  auto steps = [&](const std::string& time) { return hours::workable_steps(pack, {"huurtoeslag"}, at(time)); };
  auto has_desk = [&](const std::string& time) {
    const auto s = steps(time);
    return std::find(s.begin(), s.end(), "desk") != s.end();
  };
  CHECK(has_desk("2026-12-07T11:00"));
  CHECK(has_desk("2026-12-07T09:00"));  // exactly 60 minutes before
  CHECK_FALSE(has_desk("2026-12-07T08:59"));
  CHECK_FALSE(has_desk("2026-12-07T16:00"));
  CHECK_FALSE(has_desk("2026-12-05T19:30"));  // Saturday evening
  CHECK_FALSE(has_desk("2026-12-25T11:00"));  // Kerstmis
  // Unknown time (a script without `clock`): not limited.
  const auto any_time = hours::workable_steps(pack, {"huurtoeslag"}, std::nullopt);
  CHECK(any_time.front() == "desk");
  CHECK(steps("2026-12-05T19:30").back() == "think");
}
