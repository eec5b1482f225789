// No visitor answer reaches the log (docs/ARCHITECTURE.md, "The log"): sessions with
// marker answers run through the headless kiosk while everything the log point gets, and
// everything written to stderr, is kept; no marker may be in either.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/pack_reader.hpp"
#include "logging/log.hpp"
#include "support/layout.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Everything written to file descriptor 2 while it lives goes to `path`.
class StderrToFile {
 public:
  explicit StderrToFile(const std::string& path) {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    FILE* file = std::fopen(path.c_str(), "w");
    REQUIRE(file);
    ::dup2(::fileno(file), STDERR_FILENO);
    std::fclose(file);
  }
  ~StderrToFile() {
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
  }
  StderrToFile(const StderrToFile&) = delete;
  StderrToFile& operator=(const StderrToFile&) = delete;

 private:
  int saved_ = -1;
};

// The test pack with a first question whose answers are markers; nothing else in it has them.
content::ContentPack pack_with_markers(const std::string& dir) {
  std::filesystem::copy(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content", dir,
                        std::filesystem::copy_options::recursive);
  const std::string questions = dir + "/selfcheck/questions.toml";
  const std::string rest = read_file(questions);
  std::ofstream(questions) << "[[question]]\nid = \"kleur\"\ntext = { nl = \"Welke kleur kiest u?\" }\n"
                              "answers = [\"zzmarkeralfa\", \"zzmarkerbeta\"]\n\n"
                           << rest;
  std::ofstream(dir + "/strings.toml", std::ios::app)
      << "\"answer.zzmarkeralfa\" = { nl = \"Kleur Alfa4711\" }\n"
         "\"answer.zzmarkerbeta\" = { nl = \"Kleur Beta0815\" }\n";
  auto read = content::read_pack(dir);
  for (const auto& problem : read.diagnostics) UNSCOPED_INFO(problem.format());
  REQUIRE(read.pack);
  return std::move(*read.pack);
}

// A finished check to a slip that the printer cannot print, one stopped with Wis alles,
// and one walked away from (the idle timer wipes it).
constexpr const char* kSessions =
    "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\ntap answer.zzmarkeralfa\n"
    "wait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\n"
    "wait 1\ntap answer.unknown\nexpect-screen result\nwait 1\ntap result.slip\nwait 1\ntap next.call\n"
    "wait 1\ntap slip.print\nwait 2\ntap slip.done\n"
    "wait 1\ntap home.selfcheck\nwait 1\ntap intro.start\nwait 1\ntap answer.zzmarkerbeta\ntap nav.clear\n"
    "expect-screen home\n"
    "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\ntap answer.zzmarkeralfa\nwait 130\n"
    "expect-screen home\n";

}  // namespace

TEST_CASE("no visitor answer reaches the log, also when the printer and the counts fail",
          "[privacy][log][ui]") {
  const std::string dir = test_support::temp_dir("log-privacy");
  const content::ContentPack pack = pack_with_markers(dir + "/pack");
  // Faults the kiosk writes about while the answers are there: a printer file and a counts
  // file that cannot be made, as a file stands where their folder should be.
  std::ofstream(dir + "/not-a-folder") << "x";
  platform::HeadlessOptions options;
  options.date = "2026-11-25";
  options.printer = "file:" + dir + "/not-a-folder/slip.escpos";
  options.stats = dir + "/not-a-folder/stats.sqlite";

  std::vector<logging::Line> logged;
  platform::RunResult result;
  {
    const StderrToFile stderr_kept(dir + "/stderr.txt");
    const logging::Capture capture;
    platform::HeadlessDriver driver(pack, options);
    result = driver.run(script::parse(kSessions), dir + "/out", "sessions.script");
    logged = capture.lines();
  }
  for (const auto& e : result.errors) UNSCOPED_INFO(e);
  REQUIRE(result.ok);
  // The log point was reached: the counts could not be kept.
  REQUIRE_FALSE(logged.empty());
  const std::string written = read_file(dir + "/stderr.txt");
  INFO("stderr: " << written);
  // The slip did not print: the runtime said so, through the log point.
  CHECK(std::any_of(logged.begin(), logged.end(),
                    [](const logging::Line& line) { return line.text.find("printer") != std::string::npos; }));
  for (const char* marker : {"zzmarkeralfa", "zzmarkerbeta", "Alfa4711", "Beta0815"}) {
    INFO(marker);
    for (const auto& line : logged) CHECK(line.text.find(marker) == std::string::npos);
    CHECK(written.find(marker) == std::string::npos);
  }
}
