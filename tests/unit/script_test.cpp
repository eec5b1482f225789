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
