// The anonymous day counts: added up per day, exported per ISO week, small numbers hidden.
#include "stats/stats.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "app/kiosk_app.hpp"
#include "selfcheck/selfcheck.hpp"
#include "support/layout.hpp"

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
    for (int i = 0; i < 7; ++i) store.add("2026-11-25", "session");
    store.add("2026-11-26", "session");
    store.add("2026-11-26", "selfcheck_finished", 3);
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
  act(app::Action::Home);
  act(app::Action::StartCheck);
  act(app::Action::BeginQuestions);
  // Any answer offered on each screen (a ladder of money has bands, no "Ja").
  while (kiosk.visible_screen().kind == app::ScreenKind::Question) {
    const auto& question =
        kiosk.content().questions.at(static_cast<std::size_t>(kiosk.visible_screen().question));
    act(app::Action::Answer,
        question.together.empty()
            ? selfcheck::options(kiosk.content(), question, kiosk.session().answers, kiosk.date())
                  .front()
                  .value
            : "done");
  }
  act(app::Action::ChooseNextStep);
  act(app::Action::TakeStep, "desk");
  const auto events = kiosk.take_events();
  const auto slip = kiosk.slip_suggestions();
  std::vector<std::string> expected = {
      "language:en", "session", "page:huurtoeslag", "selfcheck_started", "selfcheck_finished", "slip_shown"};
  for (const auto& id : slip) expected.push_back("slip_topic:" + id);
  CHECK(events == expected);
  CHECK(kiosk.take_events().empty());
  for (const auto& event : events) CHECK(event.find("yes") == std::string::npos);
}

TEST_CASE("a wall clock set a year back or ahead: the counts go to those days and export in order",
          "[stats][clock]") {
  const std::string path = test_support::temp_dir("stats-clock") + "/stats.sqlite";
  stats::StatsStore store(path);
  for (const char* day : {"2026-11-25", "2027-11-25", "2025-11-25", "2026-11-25"})
    for (int i = 0; i < 5; ++i) store.add(day, "session");
  CHECK(store.counts() == std::vector<stats::Count>{{"2025-11-25", "session", 5},
                                                    {"2026-11-25", "session", 10},
                                                    {"2027-11-25", "session", 5}});
  CHECK(stats::csv(stats::by_week(store.counts())) ==
        "week,event,count\n2025-W48,session,5\n2026-W48,session,10\n2027-W47,session,5\n");
}
