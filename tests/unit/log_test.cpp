// The log point: lines kept by a capture, and the journal's priority only when stderr is its stream.
#include "logging/log.hpp"

#include <catch2/catch.hpp>

TEST_CASE("a capture keeps the log's lines with their priority, and gives them back at its end", "[log]") {
  const logging::Capture outer;
  {
    const logging::Capture inner;
    logging::error("printer: %s (%d)", "offline", 7);
    logging::info("version %s starting", "0.1.0");
    const auto lines = inner.lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].priority == logging::Priority::Error);
    CHECK(lines[0].text == "printer: offline (7)");
    CHECK(lines[1].priority == logging::Priority::Info);
  }
  logging::warning("%s", std::string(3000, 'x').c_str());  // longer than any buffer a line might get
  const auto lines = outer.lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text.size() == 3000);
}

TEST_CASE("the priority prefix is written only when stderr is the journal's stream", "[log]") {
  CHECK(logging::is_journal_stream("8:12345", 8, 12345));
  CHECK_FALSE(logging::is_journal_stream("8:12345", 8, 12346));
  CHECK_FALSE(logging::is_journal_stream("9:12345", 8, 12345));
  CHECK_FALSE(logging::is_journal_stream(nullptr, 8, 12345));
  CHECK_FALSE(logging::is_journal_stream("", 8, 12345));
  CHECK_FALSE(logging::is_journal_stream("8:12345x", 8, 12345));
  CHECK_FALSE(logging::is_journal_stream("8", 8, 12345));
}
