// "Roep iemand": help that brings a person. A ticket on the desk's printer while someone is
// there, where the info point is, or when someone will be and a number to call; the ticket
// holds the time and one sentence, never anything of the visitor.
#include <catch2/catch.hpp>
#include <filesystem>

#include "content/small_file.hpp"
#include "runtime/runtime.hpp"
#include "slip/escpos.hpp"
#include "slip/paper.hpp"
#include "support/layout.hpp"
#include "support/listener.hpp"
#include "support/text_engine.hpp"
#include "text/raster.hpp"

using test_support::find_widget;
using test_support::run_script;

namespace {

std::string read_file(const std::string& path) {
  return content::read_file(path).bytes;
}

// Every label the shot shows, one after another, for "is this said anywhere".
std::string shown(const nlohmann::json& shot) {
  std::string all;
  for (const auto& w : shot["widgets"]) all += w["label"].get<std::string>() + "\n";
  return all;
}

// "Roep iemand" on the result of a self-check, on a Monday afternoon, and someone comes.
const std::string kCallFromResult =
    "clock 2026-12-07T14:32\ntap home.selfcheck\nwait 1\ntap intro.start\nwait 1\n"
    "tap answer.yes\nwait 1\ntap answer.yes\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\n"
    "tap answer.band.1\nwait 1\nexpect-screen result\ntap call.button\nwait 1\n"
    "expect-text \"Er komt zo iemand naar u toe. Blijf gerust bij de computer.\"\n";

}  // namespace

TEST_CASE("Roep iemand while the info point is staffed prints a ticket at the desk, and someone comes",
          "[call][ui]") {
  const std::string ticket = test_support::temp_dir("call-ticket") + "/ticket.escpos";
  platform::HeadlessOptions options;
  options.call_printer = "file:" + ticket;
  const auto run = run_script(
      "clock 2026-12-07T14:32\ntap nav.help\ntap call.button\nwait 1\nexpect-screen call_help\n"
      "expect-text \"Er komt zo iemand naar u toe. Blijf gerust bij de computer.\"\nshot coming\n",
      "call-coming", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK(find_widget(run.shots[0], "call.where"));
  CHECK_FALSE(find_widget(run.shots[0], "call.phone"));  // someone comes: no number needed

  // The printed bytes are exactly the ticket: its sentence and the time, in Dutch for the desk.
  const auto& pack = test_support::fixture_pack();
  const auto expected = slip::call_ticket(pack, 14 * 60 + 32);
  CHECK(slip::plain_text(expected) == "Iemand bij de kiosk wil graag hulp.\n14.32 uur\n");
  const auto printed = slip::decode_escpos(read_file(ticket));
  REQUIRE(printed);
  const auto drawn = text::to_one_bit(
      slip::render(expected, test_support::shared_engine().engine, slip::paper_named("80mm")));
  CHECK(printed->width == drawn.width);
  CHECK(printed->height == drawn.height);
  CHECK(printed->pixels == drawn.pixels);

  // From the result, after a self-check with other answers: the same ticket, byte for byte.
  const std::string other = test_support::temp_dir("call-ticket-result") + "/ticket.escpos";
  options.call_printer = "file:" + other;
  const auto from_result = run_script(kCallFromResult, "call-from-result", options);
  for (const auto& e : from_result.result.errors) UNSCOPED_INFO(e);
  REQUIRE(from_result.result.ok);
  CHECK(read_file(other) == read_file(ticket));
}

TEST_CASE("Roep iemand without a desk printer, or with one that fails, sends the visitor to the info point",
          "[call][ui]") {
  const std::string script =
      "clock 2026-12-07T11:00\ntap nav.help\ntap call.button\nwait 1\n"
      "expect-text \"Er is nu iemand bij het informatiepunt. Loop er gerust heen.\"\n"
      "expect-text \"Het informatiepunt is bij de ingang.\"\nshot there\n";
  const auto none = run_script(script, "call-none");
  for (const auto& e : none.result.errors) UNSCOPED_INFO(e);
  REQUIRE(none.result.ok);
  CHECK(shown(none.shots[0]).find("Er komt zo iemand") == std::string::npos);

  platform::HeadlessOptions options;
  options.call_printer = "escpos:tcp://127.0.0.1:1";  // nothing listens there
  const auto failed = run_script(script, "call-failed", options);
  for (const auto& e : failed.result.errors) UNSCOPED_INFO(e);
  REQUIRE(failed.result.ok);
  CHECK(shown(failed.shots[0]).find("Er komt zo iemand") == std::string::npos);
}

TEST_CASE(
    "Roep iemand while nobody is there says when someone will be and a number to call, and prints no ticket",
    "[call][ui]") {
  const std::string dir = test_support::temp_dir("call-closed");
  platform::HeadlessOptions options;
  options.call_printer = "file:" + dir + "/ticket.escpos";
  // Saturday evening (Mo-Fr 10:00-16:00), then Sunday evening.
  const auto run = run_script(
      "clock 2026-12-05T19:30\ntap nav.help\ntap call.button\nwait 1\n"
      "expect-text \"Nu is er niemand bij het informatiepunt.\"\n"
      "expect-text \"Er is weer iemand: Maandag vanaf 10.00 uur.\"\n"
      "expect-text \"U kunt ook bellen: 0123 456 789\"\nshot saturday\n"
      "tap nav.home\nclock 2026-12-06T20:00\ntap nav.help\ntap call.button\nwait 1\n"
      "expect-text \"Er is weer iemand: Morgen vanaf 10.00 uur.\"\nshot sunday\n",
      "call-closed", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK_FALSE(std::filesystem::exists(dir + "/ticket.escpos"));
  for (const auto& shot : run.shots) CHECK(shown(shot).find("Er komt zo iemand") == std::string::npos);
}

// Issue 22, item 4: "or a signal to a local address given in the settings".
TEST_CASE("Roep iemand sends a signal to the local address, and someone comes, also when the ticket fails",
          "[call][signal][ui]") {
  test_support::Listener receiver("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  platform::HeadlessOptions options;
  options.call_signal = receiver.url("/hulp");
  options.call_name = "Kiosk bij de ingang";
  options.call_printer =
      "escpos:tcp://127.0.0.1:1";  // the desk's printer is off: the signal still reaches someone
  // From the result, after a self-check: the signal holds none of it.
  const auto run = run_script(kCallFromResult + "shot coming\n", "call-signal", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK(receiver.request().rfind("POST /hulp HTTP/1.1\r\n", 0) == 0);
  CHECK(receiver.body() ==
        "Iemand bij de kiosk wil graag hulp. 14.32 uur\nKiosk bij de ingang, Bibliotheek Voorbeeldstad\n");
}

TEST_CASE(
    "Roep iemand with a signal to a closed port or a refused address sends the visitor to the info point",
    "[call][signal][ui]") {
  const std::string script =
      "clock 2026-12-07T11:00\ntap nav.help\ntap call.button\nwait 1\n"
      "expect-text \"Er is nu iemand bij het informatiepunt. Loop er gerust heen.\"\n"
      "expect-text \"Het informatiepunt is bij de ingang.\"\nshot there\n";
  for (const std::string& uri : {"http://127.0.0.1:" + std::to_string(test_support::closed_port()) + "/hulp",
                                 std::string("http://8.8.8.8/hulp")}) {
    INFO(uri);
    platform::HeadlessOptions options;
    options.call_signal = uri;
    const auto run = run_script(script, "call-signal-failed", options);
    for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
    REQUIRE(run.result.ok);
    CHECK(shown(run.shots[0]).find("Er komt zo iemand") == std::string::npos);
  }
}

TEST_CASE("a call signal to a receiver that never answers keeps the screen going and gives up after 2 s",
          "[call][signal][ui]") {
  using Clock = std::chrono::steady_clock;
  test_support::Listener silent("");
  runtime::Options options;
  options.date = "2026-12-07";
  options.call_signal = silent.url("/hulp");
  runtime::Runtime kiosk(std::make_shared<const content::ContentPack>(test_support::fixture_pack()), options,
                         ui::DisplayMetrics{}, input::WindowMode::Kiosk);
  CHECK(kiosk.problems().empty());
  kiosk.set_time_of_day(14 * 60 + 32);
  const auto start = Clock::now();
  kiosk.apply({app::Action::CallHelp}, 0);
  CHECK(Clock::now() - start < std::chrono::milliseconds(200));  // the tap returns at once
  CHECK(kiosk.app().session().call == app::Session::Call::Asking);
  CHECK(kiosk.next_deadline(0).value_or(1'000'000) <= 100);  // the loop keeps looking meanwhile
  while (kiosk.app().session().call == app::Session::Call::Asking &&
         Clock::now() - start < std::chrono::seconds(5)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kiosk.tick(100);
  }
  const auto took = Clock::now() - start;
  CHECK(kiosk.app().session().call == app::Session::Call::NotSent);
  CHECK(took >= std::chrono::milliseconds(1900));
  CHECK(took < std::chrono::milliseconds(3000));

  // An address outside the building is left out when the kiosk starts, and said.
  options.call_signal = "http://8.8.8.8/hulp";
  runtime::Runtime outside(std::make_shared<const content::ContentPack>(test_support::fixture_pack()),
                           options, ui::DisplayMetrics{}, input::WindowMode::Kiosk);
  REQUIRE(outside.problems().size() == 1);
  CHECK(outside.problems()[0].rfind("call signal: 8.8.8.8 is not on the library's own network", 0) == 0);
}
