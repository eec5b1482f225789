// Amounts in each language's own way, through ICU.
#include "text/numbers.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

namespace {

// ICU's no-break space, and the right-to-left mark it puts before an Arabic amount.
#define NBSP "\u00A0"
#define RLM "\u200F"

}  // namespace

TEST_CASE("each language writes whole euros its own way", "[numbers]") {
  CHECK(text::euros(1564.69, "nl") == "\u20AC" NBSP "1.565");
  CHECK(text::euros(146011, "nl") == "\u20AC" NBSP "146.011");
  CHECK(text::euros(1564.69, "en") == "\u20AC1,565");
  CHECK(text::euros(146011, "en") == "\u20AC146,011");
  CHECK(text::euros(1564.69, "tr") == "\u20AC1.565");
  CHECK(text::euros(146011, "tr") == "\u20AC146.011");
  // Ukrainian: a space between the thousands, the sign after; "€", not ICU's default "EUR".
  CHECK(text::euros(1564.69, "uk") == "1" NBSP "565" NBSP "\u20AC");
  CHECK(text::euros(146011, "uk") == "146" NBSP "011" NBSP "\u20AC");
  // Arabic with Western digits and the Arabic comma rule: "1,565 €", kept right to left.
  CHECK(text::euros(1564.69, "ar") == RLM "1,565" NBSP "\u20AC");
  CHECK(text::euros(146011, "ar") == RLM "146,011" NBSP "\u20AC");
  CHECK(text::euros(932.93, "nl") == "\u20AC" NBSP "933");
  CHECK(text::euros(0, "en") == "\u20AC0");
}

TEST_CASE("half a euro rounds up, as a person rounds", "[numbers]") {
  // ICU's default is half-even, which would write € 1.564 here.
  CHECK(text::euros(1564.5, "nl") == "\u20AC" NBSP "1.565");
  CHECK(text::euros(1563.5, "en") == "\u20AC1,564");
  CHECK(text::euros(1564.49, "en") == "\u20AC1,564");
}

TEST_CASE("an amount written in a language's way reads back as its digits", "[numbers]") {
  for (const char* lang : {"nl", "en", "tr", "uk", "ar"})
    for (const double amount : {1564.69, 146011.0, 22.0}) {
      INFO(lang << " " << amount);
      const auto read = text::read_euros(text::euros(amount, lang), lang);
      REQUIRE(read);
      CHECK(read->whole == std::to_string(std::lround(amount)));
      CHECK(read->cents.empty());
    }
  // As a person types it: a plain space, cents, no grouping.
  const auto cents = text::read_euros("\u20AC 932,93", "nl");
  REQUIRE(cents);
  CHECK(cents->whole == "932");
  CHECK(cents->cents == "93");
  CHECK(text::read_euros("\u20AC 1565", "nl")->whole == "1565");
  CHECK(text::read_euros("\u20AC 40,900", "en")->whole == "40900");
  CHECK(text::read_euros("1 565 \u20AC", "uk")->whole == "1565");
  CHECK(text::read_euros("\u20AC1,565.50", "en")->cents == "50");
}

TEST_CASE("a number in another language's way is no amount here", "[numbers]") {
  CHECK_FALSE(text::read_euros("\u20AC1.565", "en"));  // one euro and a bit, not 1565
  CHECK_FALSE(text::read_euros("\u20AC 1,565", "nl"));
  CHECK_FALSE(text::read_euros("1.565", "nl"));  // no currency sign
  CHECK_FALSE(text::read_euros("\u20AC", "nl"));
  CHECK_FALSE(text::read_euros("\u20AC 1.56", "nl"));    // groups are three digits
  CHECK_FALSE(text::read_euros("\u20AC 1565,5", "nl"));  // cents are two digits
  CHECK_FALSE(text::read_euros("\u20AC 12.345.6789", "nl"));
}

TEST_CASE("the amounts in a text are found as written, sign before or after", "[numbers]") {
  const std::string text =
      "Tot \u20AC 1.500 per maand, of 1\u00A0565\u00A0\u20AC. In 2026 \u20AC22, \u20AC geen.";
  const auto found = text::find_euros(text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].written == "\u20AC 1.500");
  CHECK(text.substr(found[0].at, found[0].written.size()) == found[0].written);
  CHECK(found[1].written == "1\u00A0565\u00A0\u20AC");
  CHECK(text.substr(found[1].at, found[1].written.size()) == found[1].written);
  CHECK(found[2].written == "\u20AC22");
  // A year before a sign with a plain space between is not part of the amount.
  const auto after = text::find_euros("in 2026 22 \u20AC");
  REQUIRE(after.size() == 1);
  CHECK(after[0].written == "22 \u20AC");
}

// The slip's "U kunt zeggen" and the opening hours list topics and days: each language's own
// list grammar (issue 22: the Arabic slip had a Latin comma and a separate "و ").
TEST_CASE("a list is written in each language's own way", "[numbers][lists]") {
  const std::vector<std::string> three{"A", "B", "C"};
  CHECK(text::list_of(three, "nl") == "A, B en C");
  CHECK(text::list_of({"A", "B"}, "nl") == "A en B");
  CHECK(text::list_of(three, "tr") == "A, B ve C");
  CHECK(text::list_of(three, "uk") == "A, B і C");
  CHECK(text::list_of(three, "ar") == "A وB وC");  // CLDR: "and" before each, joined to the word
  CHECK(text::list_of({"A"}, "ar") == "A");
  CHECK(text::list_of({}, "nl").empty());
}
