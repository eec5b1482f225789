// The anonymous day counts: added up per day, exported per ISO week, small numbers hidden.
#include "stats/stats.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/kiosk_app.hpp"
#include "selfcheck/selfcheck.hpp"
#include "support/effects.hpp"
#include "support/fixtures.hpp"

TEST_CASE("ISO weeks, also across the turn of the year", "[stats]") {
  CHECK(stats::iso_week("2026-11-25") == "2026-W48");
  CHECK(stats::iso_week("2026-01-01") == "2026-W01");  // a Thursday
  CHECK(stats::iso_week("2027-01-01") == "2026-W53");  // a Friday: the last week of 2026
  CHECK(stats::iso_week("2024-12-30") == "2025-W01");  // a Monday: the first week of 2025
  CHECK(stats::add_days("2026-12-31", 1) == "2027-01-01");
}

TEST_CASE("counts add up per day and event, and survive reopening", "[stats]") {
  const std::string path = test_support::temp_dir("stats-add") + "/stats.sqlite";
  {
    stats::StatsStore store(path);
    for (int i = 0; i < 7; ++i) store.add_session("2026-11-25", {{"session", 1}});
    store.add_session("2026-11-26", {{"session", 1}, {"selfcheck_finished", 3}});
  }
  stats::StatsStore store(path);
  CHECK(store.counts() == std::vector<stats::Count>{{"2026-11-25", "session", 7},
                                                    {"2026-11-26", "selfcheck_finished", 3},
                                                    {"2026-11-26", "session", 1}});
  CHECK(store.counts("2026-11-26", "2026-11-26").size() == 2);
  CHECK(store.rows() == 3);
}

TEST_CASE("exports per week hide counts under 5, in CSV and the Prometheus text format", "[stats]") {
  const auto weeks = stats::by_week({{"2026-11-23", "session", 4},
                                     {"2026-11-25", "session", 3},
                                     {"2026-11-25", "language:tr", 2},
                                     {"2026-11-30", "session", 1}});
  CHECK(stats::csv(weeks) ==
        "week,event,count\n"
        "2026-W48,language:tr,<5\n"
        "2026-W48,session,7\n"
        "2026-W49,session,<5\n");
  const std::string prom = stats::prometheus(weeks);
  CHECK(prom.find("wegwijzer_events_week{event=\"session\",week=\"2026-W48\"} 7\n") != std::string::npos);
  CHECK(prom.find("wegwijzer_events_week_under_five{event=\"language:tr\",week=\"2026-W48\"} 1\n") !=
        std::string::npos);
  CHECK(prom.find("# TYPE wegwijzer_events_week gauge\n") != std::string::npos);
  CHECK(prom.find(" 2\n") == std::string::npos);  // no small number appears anywhere
}

TEST_CASE("the app reports what happened as event names, never as answers", "[stats][app][privacy]") {
  app::KioskApp kiosk(std::make_shared<const content::ContentPack>(test_support::fixture_pack()));
  app::Millis now = 0;
  auto act = [&](app::Action action, std::string arg = {}) {
    kiosk.apply({action, std::move(arg)}, now += 1000);
  };
  act(app::Action::SetLanguage, "en");
  act(app::Action::OpenPage, "huurtoeslag");
  CHECK(test_support::ended_sessions(kiosk).empty());  // nothing before the session ends
  act(app::Action::Home);
  const std::vector<app::KioskApp::Tally> first = {
      {{"language:en", 1}, {"page:huurtoeslag", 1}, {"session", 1}}};
  CHECK(test_support::ended_sessions(kiosk) == first);
  act(app::Action::StartCheck);
  act(app::Action::BeginQuestions);
  // Any answer offered on each screen (a ladder of money has bands, no "Ja").
  while (kiosk.visible_screen().kind == app::ScreenKind::Question) {
    const auto& question =
        kiosk.content().questions.at(static_cast<std::size_t>(kiosk.visible_screen().about<app::about::Question>().index));
    act(app::Action::Answer,
        question.together.empty()
            ? selfcheck::options(kiosk.content(), question, kiosk.session().answers, kiosk.date())
                  .front()
                  .value
            : "done");
  }
  act(app::Action::ChooseNextStep);
  act(app::Action::TakeStep, "desk");
  const auto slip = kiosk.slip_suggestions();
  CHECK(test_support::ended_sessions(kiosk).empty());
  act(app::Action::ClearAll);
  // After Home the language stayed, so the same visit goes on: no second "session".
  app::KioskApp::Tally expected = {{"selfcheck_started", 1}, {"selfcheck_finished", 1}, {"slip_shown", 1}};
  for (const auto& id : slip) expected["slip_topic:" + id] = 1;
  const auto ended = test_support::ended_sessions(kiosk);
  REQUIRE(ended.size() == 1);
  CHECK(ended[0] == expected);
  CHECK(test_support::ended_sessions(kiosk).empty());
  for (const auto& [event, n] : ended[0]) CHECK(event.find("yes") == std::string::npos);
}

TEST_CASE("a wall clock set a year back or ahead: the counts go to those days and export in order",
          "[stats][clock]") {
  const std::string path = test_support::temp_dir("stats-clock") + "/stats.sqlite";
  stats::StatsStore store(path);
  for (const char* day : {"2026-11-25", "2027-11-25", "2025-11-25", "2026-11-25"})
    for (int i = 0; i < 5; ++i) store.add_session(day, {{"session", 1}});
  // Each day older than a week (from the day last counted) is a weekly sum now.
  CHECK(store.counts() ==
        std::vector<stats::Count>{{"2026-11-25", "session", 5}, {"2027-11-25", "session", 5}});
  CHECK(stats::csv(store.weeks()) ==
        "week,event,count\n2025-W48,session,5\n2026-W48,session,10\n2027-W47,session,5\n");
}

namespace {

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A visitor with distinctive choices: a language, a page and a topic no one else had.
app::KioskApp::Tally visitor(int i) {
  const std::string n = std::to_string(i);
  return {{"session", 1},
          {"speech", 1},
          {"language:zz" + n, 1},
          {"page:zzpage" + n, 1},
          {"slip_topic:zztopic" + n, 1}};
}

}  // namespace

TEST_CASE("what a session was about reaches the file only with four other sessions of that day",
          "[stats][privacy]") {
  const std::string path = test_support::temp_dir("stats-five") + "/stats.sqlite";
  stats::StatsStore store(path);
  for (int i = 1; i <= 4; ++i) {
    store.add_session("2026-11-25", visitor(i));
    INFO("after session " << i);
    // What it did is counted at once, all of it in one go, and the log is empty again.
    CHECK(store.counts() ==
          std::vector<stats::Count>{{"2026-11-25", "session", i}, {"2026-11-25", "speech", i}});
    CHECK(std::filesystem::file_size(path + "-wal") == 0);
    // What it was about is in none of the files.
    for (const char* file : {"", "-wal", "-shm"})
      CHECK(bytes_of(path + file).find("zz") == std::string::npos);
  }
  store.add_session("2026-11-25", visitor(5));
  CHECK(store.counts().size() == 2 + 3 * 5);
  CHECK(std::filesystem::file_size(path + "-wal") == 0);
  // Four visitors on the next day, then a visitor the day after: the four were too few.
  for (int i = 6; i <= 9; ++i) store.add_session("2026-11-26", visitor(i));
  store.add_session("2026-11-27", visitor(10));
  for (const auto& c : store.counts("2026-11-26", "2026-11-27"))
    CHECK(c.event.find(':') == std::string::npos);
  CHECK(bytes_of(path).find("zzpage7") == std::string::npos);
}

TEST_CASE("the files hold the counts only: sessions in another order leave the same bytes",
          "[stats][privacy]") {
  const std::string a = test_support::temp_dir("stats-order-a") + "/stats.sqlite";
  const std::string b = test_support::temp_dir("stats-order-b") + "/stats.sqlite";
  stats::StatsStore forward(a), backward(b);
  for (int i = 1; i <= 10; ++i) {
    forward.add_session("2026-11-25", visitor(i));
    backward.add_session("2026-11-25", visitor(11 - i));
  }
  // A session that ended with Home and one that went on after it (no new "session").
  forward.add_session("2026-11-25", {{"session", 1}, {"page:zzpage1", 1}});
  forward.add_session("2026-11-25", {{"speech", 1}});
  backward.add_session("2026-11-25", {{"session", 1}, {"speech", 1}});
  backward.add_session("2026-11-25", {{"page:zzpage1", 1}});
  CHECK(forward.counts() == backward.counts());
  CHECK(std::filesystem::file_size(a + "-wal") == 0);
  CHECK(std::filesystem::file_size(b + "-wal") == 0);
  // The database file is rebuilt after each write: the same counts, the same bytes, so
  // nothing in it (the place of a row, free space, an old value) tells what came first.
  // Only the header's schema cookie (bytes 40-43) may differ: it counts the rebuilds, one per
  // write (12 and 11 here: a session with only a page waits for four others).
  auto without_cookie = [](std::string bytes) { return bytes.replace(40, 4, 4, '\0'); };
  CHECK(without_cookie(bytes_of(a)) == without_cookie(bytes_of(b)));
}

TEST_CASE("days older than a week are kept only as weekly sums", "[stats][privacy]") {
  const std::string path = test_support::temp_dir("stats-weeks") + "/stats.sqlite";
  stats::StatsStore store(path);
  for (int i = 1; i <= 5; ++i) store.add_session("2026-11-16", visitor(i));
  store.add_session("2026-11-23", {{"session", 1}});
  CHECK(store.counts("2026-11-16", "2026-11-16").size() == 17);  // a week old: still a day
  store.add_session("2026-11-24", {{"session", 1}});
  CHECK(store.counts("2026-11-16", "2026-11-16").empty());
  CHECK(bytes_of(path).find("2026-11-16") == std::string::npos);
  CHECK(stats::csv(store.weeks()).find("2026-W47,session,5\n") != std::string::npos);
  CHECK(stats::csv(store.weeks()).find("2026-W48,session,<5\n") != std::string::npos);
}

TEST_CASE("a file from before keeps no topic of a day with fewer than five sessions", "[stats][privacy]") {
  const std::string path = test_support::temp_dir("stats-old-file") + "/stats.sqlite";
  {
    stats::StatsStore store(path);
    for (int i = 1; i <= 5; ++i) store.add_session("2026-11-25", visitor(i));
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(
              db,
              "INSERT INTO daily VALUES ('2026-11-26', 'session', 1), ('2026-11-26', 'language:zzold', 1),"
              " ('2026-11-26', 'slip_topic:zzold', 1)",
              nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  stats::StatsStore store(path);
  CHECK(store.counts("2026-11-26", "2026-11-26") == std::vector<stats::Count>{{"2026-11-26", "session", 1}});
  CHECK(store.counts("2026-11-25", "2026-11-25").size() == 17);
}
