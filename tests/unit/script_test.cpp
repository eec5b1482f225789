#include "script/script.hpp"

#include <catch2/catch.hpp>

TEST_CASE("every script verb is read with its arguments and line number", "[script]") {
  const auto s = script::parse(
      "# a walk\n"
      "tap home.selfcheck\n"
      "tap-text \"Doe de korte check\"\n"
      "\n"
      "wait 1.5\n"
      "shot home\n"
      "expect-text \"Vraag 1 van 3\"  # trailing comment\n"
      "expect-screen question\n"
      "lang en\n"
      "key Alt+F4\n"
      "swipe 10 20 300 20\n"
      "hold nav.home 3\n"
      "touch2 400 500\n"
      "read-on page.link.aow\n");
  REQUIRE(s.errors.empty());
  REQUIRE(s.commands.size() == 12);
  CHECK(s.commands[0].line == 2);
  CHECK(std::get<script::Tap>(s.commands[0].verb).id == "home.selfcheck");
  CHECK(std::get<script::TapText>(s.commands[1].verb).label == "Doe de korte check");
  CHECK(s.commands[2].line == 5);
  CHECK(std::get<script::Wait>(s.commands[2].verb).seconds == 1.5);
  CHECK(std::get<script::ExpectText>(s.commands[4].verb).text == "Vraag 1 van 3");
  CHECK(std::get<script::Key>(s.commands[7].verb).chord == "Alt+F4");
  const auto swipe = std::get<script::Swipe>(s.commands[8].verb);
  CHECK(swipe.x2 == 300);
  CHECK(std::get<script::Hold>(s.commands[9].verb).seconds == 3);
  CHECK(std::get<script::Touch2>(s.commands[10].verb).y == 500);
  CHECK(std::get<script::ReadOn>(s.commands[11].verb).id == "page.link.aow");
}

TEST_CASE("script mistakes are reported with their line", "[script]") {
  const auto s = script::parse("tap\nwait soon\nfly away\nexpect-text \"open\nswipe 1 2 3\nwait -1\n");
  REQUIRE(s.errors.size() == 6);
  CHECK(s.errors[0].line == 1);
  CHECK(s.errors[1].line == 2);
  CHECK(s.errors[2].message == "unknown command 'fly'");
  CHECK(s.errors[3].message == "missing closing quote");
  CHECK(s.errors[5].line == 6);
}

TEST_CASE("quoted words keep their spaces and escaped quotes", "[script]") {
  const auto s = script::parse("expect-text \"Zeg: \\\"hallo\\\" tegen mij\"\r\n");
  REQUIRE(s.errors.empty());
  CHECK(std::get<script::ExpectText>(s.commands[0].verb).text == "Zeg: \"hallo\" tegen mij");
}

TEST_CASE("a wait or hold past 30 days, nan or inf, a shot name with a folder: each refused at its line",
          "[script][numbers]") {
  const auto s = script::parse(
      "wait 9.3e15\nhold nav.home 9.3e15\nwait nan\nwait inf\nswipe 1 nan 3 4\ntouch2 inf 2\n"
      "shot ../X\nshot /etc/x\nshot .hidden\nshot a/b\n"
      "wait 2592000\nhold nav.home 0.5\nshot home-2.v1_b\n");
  REQUIRE(s.errors.size() == 10);
  for (int i = 0; i < 10; ++i) CHECK(s.errors[static_cast<std::size_t>(i)].line == i + 1);
  CHECK(s.errors[0].message == "usage: wait SECONDS (0 to 2592000, 30 days)");
  CHECK(s.errors[6].message == "usage: shot NAME (letters, digits, '-', '_' and '.'; no folders)");
  CHECK(s.commands.size() == 3);
}

TEST_CASE("clock takes a local time that exists, and nothing else", "[script][hours]") {
  const auto s = script::parse("clock 2026-12-05T19:30\nclock 2026-02-30T10:00\nclock 2026-12-05T24:00\n"
                               "clock 2026-12-05\nclock\nclock 2026-12-05 19:30\n");
  REQUIRE(s.commands.size() == 1);
  CHECK(std::get<script::Clock>(s.commands[0].verb).at == "2026-12-05T19:30");
  REQUIRE(s.errors.size() == 5);
  CHECK(s.errors[0].line == 2);
  CHECK(s.errors[0].message == "usage: clock YYYY-MM-DDTHH:MM (a local time)");
}
