// "Lees voor" on the slip (EN 301 549 5.1.3.16: receipts are spoken): the whole slip, also
// the sheets not shown, in its order, and the Dutch part for the counter by the Dutch voice.
#include <catch2/catch.hpp>

#include "support/layout.hpp"

using test_support::find_widget;
using test_support::run_script;

TEST_CASE("Lees voor reads an Arabic slip whole, the part for the counter with the Dutch voice",
          "[slip][ui][speech]") {
  // In the largest text the slip takes more than one sheet ("Lees verder").
  const auto run = run_script(
      "lang ar\ntap nav.bigger\nwait 1\ntap nav.bigger\nwait 6\n"
      "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\n"
      "tap answer.yes\nwait 1\ntap answer.yes\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\n"
      "tap answer.band.1\nwait 1\nexpect-screen result\ntap result.slip\nwait 1\ntap next.desk\nwait 1\n"
      "expect-screen slip\ntap nav.speak\nwait 1\nexpect-screen listening\ntap listen.aloud\nwait 1\n"
      "expect-screen slip\nshot slip\n",
      "slip-speech-ar");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  const auto& shot = run.shots.at(0);
  REQUIRE(find_widget(shot, "slip.next"));  // the slip goes on over another sheet
  const auto trace = test_support::read_jsonl(run.out_dir + "/speech.jsonl");
  REQUIRE_FALSE(trace.empty());
  const auto& reading = trace.back();
  CHECK(reading["lang"] == "ar");
  const auto& pack = test_support::fixture_pack();
  const std::string said = reading["text"];
  // The closing line stands on the last sheet, not on this one, and is read all the same.
  const std::string closing = pack.text("slip.nothing_kept", "ar");
  bool closing_shown = false;
  for (const auto& w : shot["widgets"]) closing_shown = closing_shown || w["label"] == closing;
  CHECK_FALSE(closing_shown);
  CHECK(said.find(closing) != std::string::npos);
  // Dutch words by the Dutch voice: the heading for the staff and the sentence again in Dutch.
  std::string dutch;
  for (const auto& word : reading["words"])
    if (word["lang"] == "nl") dutch += word["shown"].get<std::string>() + " ";
  INFO(dutch);
  CHECK(dutch.find(pack.text("slip.counter_staff", "nl")) != std::string::npos);
  CHECK(dutch.find("Ik wil graag") != std::string::npos);
  // Bold marks are shown, not said.
  CHECK(reading["spoken"].get<std::string>().find("**") == std::string::npos);
  // ... and only those: the visitor's own lines stay Arabic.
  for (const auto& word : reading["words"])
    if (word["lang"] == "nl")
      CHECK(word["shown"].get<std::string>().find_first_of("\xd8\xd9") == std::string::npos);
}
