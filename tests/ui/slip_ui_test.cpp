// The slip in the kiosk: printed through the print button, faults shown calmly,
// read aloud word for word, and never carrying an answer.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "slip/escpos.hpp"
#include "support/layout.hpp"

using test_support::run_script;

namespace {

// Home → check with these five answers → result → next step "desk" (always offered) → slip.
std::string to_slip(const std::vector<std::string>& answers) {
  // A second between taps: each new screen of the check lets its buttons act after app::kSettleMs.
  std::string script = "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\n";
  for (const auto& answer : answers) script += "tap answer." + answer + "\nwait 1\n";
  return script +
         "expect-screen result\ntap result.slip\nwait 1\ntap next.desk\nwait 1\nexpect-screen slip\n";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the print button prints the slip: a fault leaves it on screen with a calm word", "[slip][ui]") {
  const std::string job = test_support::temp_dir("slip-print") + "/job.escpos";
  platform::HeadlessOptions options;
  options.printer = "file:" + job;
  const auto printed =
      run_script(to_slip({"yes", "yes", "yes", "no", "band.1"}) +
                     "tap slip.print\nwait 1\nexpect-text \"Het briefje komt nu uit de printer.\"\n",
                 "slip-print", options);
  for (const auto& e : printed.result.errors) UNSCOPED_INFO(e);
  REQUIRE(printed.result.ok);
  const auto picture = slip::decode_escpos(read_file(job));
  REQUIRE(picture);
  CHECK(picture->width == 576);
  CHECK(picture->height > 1000);

  options.printer = "escpos:tcp://127.0.0.1:1";  // nothing listens there
  const auto failed = run_script(to_slip({"yes", "yes", "yes", "no", "band.1"}) +
                                     "tap slip.print\nwait 1\nexpect-text \"De printer werkt nu niet.\"\n"
                                     "expect-screen slip\nshot fault\n",
                                 "slip-fault", options);
  for (const auto& e : failed.result.errors) UNSCOPED_INFO(e);
  REQUIRE(failed.result.ok);
  CHECK(test_support::find_widget(failed.shots[0], "slip.done"));  // still there, on screen
}

TEST_CASE("the slip read aloud is the printed text", "[slip][ui][speech]") {
  const auto run =
      run_script(to_slip({"yes", "no", "yes", "no", "band.1"}) +
                     // First the question whether the visitor's own may be said aloud; the yes reads on.
                     "tap nav.speak\nwait 1\nexpect-screen listening\ntap listen.aloud\nwait 1\n"
                     "expect-screen slip\nshot slip\n",
                 "slip-speech");
  REQUIRE(run.result.ok);
  const auto trace = test_support::read_jsonl(run.out_dir + "/speech.jsonl");
  REQUIRE(trace.size() == 2);
  const std::string said = trace[1]["text"];
  // Every text block of the slip on screen is said, in order.
  std::size_t at = 0;
  for (const auto& widget : run.shots[0]["widgets"]) {
    const std::string id = widget["id"];
    if (id.rfind("slip.", 0) != 0 || widget["role"] == "pictogram" || id == "slip.done") continue;
    const std::string label = widget["label"];
    INFO(id << ": " << label);
    const auto found = said.find(label, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  CHECK(said.find("Wij hebben niets van u bewaard.") != std::string::npos);
}

TEST_CASE("a slip carries no answer: other answers, same choices, same bytes", "[slip][privacy]") {
  const std::string dir = test_support::temp_dir("slip-privacy");
  platform::HeadlessOptions options;
  // Two visitors who both rent with a low income and take only huurtoeslag along;
  // one is 67 and lives alone, the other is younger, with a partner.
  std::string jobs[2];
  const std::vector<std::vector<std::string>> answers = {{"yes", "yes", "yes", "yes", "band.1"},
                                                         {"no", "no", "yes", "band.1"}};
  const std::string take_off[2] = {"", "tap result.jonger.on_slip\nwait 1\n"};
  for (int i = 0; i < 2; ++i) {
    options.printer = "file:" + dir + "/job" + std::to_string(i);
    std::string script = to_slip(answers[static_cast<std::size_t>(i)]);
    script.replace(script.find("tap result.slip"), 15, take_off[i] + "tap result.slip");
    const auto run =
        run_script(script + "tap slip.print\nwait 1\n", "slip-privacy-" + std::to_string(i), options);
    for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
    REQUIRE(run.result.ok);
    jobs[i] = read_file(dir + "/job" + std::to_string(i));
  }
  CHECK_FALSE(jobs[0].empty());
  CHECK(jobs[0] == jobs[1]);
}

TEST_CASE("at a time the script sets, the desk step follows the info point's hours and the slip says them",
          "[slip][ui][hours]") {
  // Saturday evening: no desk step; the visitor can still call or think it over.
  std::string to_steps = to_slip({"yes", "yes", "yes", "no", "band.1"});
  to_steps = to_steps.substr(0, to_steps.find("tap next.desk"));
  const auto closed = run_script("clock 2026-12-05T19:30\n" + to_steps + "expect-screen next_step\nshot steps\n",
                                 "hours-closed");
  for (const auto& e : closed.result.errors) UNSCOPED_INFO(e);
  REQUIRE(closed.result.ok);
  CHECK_FALSE(test_support::find_widget(closed.shots[0], "next.desk"));
  CHECK(test_support::find_widget(closed.shots[0], "next.think"));
  // Monday just before 10.00: someone comes at 10.00. The clock runs on with `wait`: a minute
  // later it is open, and the slip on the screen says so.
  const auto soon = run_script("clock 2026-12-07T09:59\n" + to_steps +
                                   "tap next.desk\nwait 1\nexpect-screen slip\n"
                                   "expect-text \"Om 10.00 uur is er iemand.\"\nwait 60\n"
                                   "expect-text \"Nu open tot 16.00 uur.\"\nshot slip\n",
                               "hours-soon");
  for (const auto& e : soon.result.errors) UNSCOPED_INFO(e);
  REQUIRE(soon.result.ok);
}
