// Listening mode (issue 21): switched on by headphones, the keypad's * or holding "Lees voor"
// 3 s; a finger over the screen hears what is under it and a double tap acts on what was said
// last; amounts and answers go on the loudspeaker only after the visitor agrees; it ends with
// the session. Outside listening mode touch is what it was.
#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>

#include "content/pack_reader.hpp"
#include "platform/trace_voice.hpp"
#include "selfcheck/selfcheck.hpp"
#include "support/layout.hpp"

using test_support::run_script;
using test_support::said_in;

namespace {

void run(platform::HeadlessDriver& driver, const std::string& script) {
  const auto result = driver.run(script::parse(script), test_support::temp_dir("listening-steps"), "steps");
  for (const auto& e : result.errors) UNSCOPED_INFO(e);
  REQUIRE(result.ok);
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// A blind visitor's search: the finger slides over the screen, row by row, until what is said
// begins with `wanted`, and rests there. Only the speech is used, never where things are drawn.
bool find_by_ear(platform::HeadlessDriver& driver, const std::string& wanted) {
  const auto& d = driver.shell().display();
  const float step = d.px(8);
  bool forward = true;
  for (float y = step / 2; y < static_cast<float>(d.height_px); y += step, forward = !forward)
    for (int i = 0; i * step < static_cast<float>(d.width_px); ++i) {
      const float x = forward ? step / 2 + static_cast<float>(i) * step
                              : static_cast<float>(d.width_px) - step / 2 - static_cast<float>(i) * step;
      driver.explore({x, y});
      if (starts_with(driver.voice().last_text(), wanted)) return true;
    }
  return false;
}

// Finds `wanted` by ear, double taps, and lets the new screen settle as a listener would; then
// what was said last holds `heard`.
void choose_by_ear(platform::HeadlessDriver& driver, const std::string& wanted, const std::string& heard = {}) {
  INFO("looking for \"" << wanted << "\"");
  REQUIRE(find_by_ear(driver, wanted));
  run(driver, "double-tap\nwait 1.2\n" + (heard.empty() ? "" : "expect-spoken \"" + heard + "\"\n"));
}

std::string spoken_of(const nlohmann::json& entry) {
  return entry["spoken"].get<std::string>();
}

}  // namespace

// The touch blindfold test: the keypad's * starts listening mode, then only a finger and the speech.
TEST_CASE("touch alone: in listening mode a blind visitor finishes the self-check and reaches the slip",
          "[listening][ui]") {
  platform::HeadlessDriver driver(test_support::fixture_pack(), {});
  run(driver, "key KP_Multiply\nexpect-spoken \"Luistermodus staat aan\"\n"
              "expect-spoken \"Bij de balie kunt u een koptelefoon lenen.\"\n"
              "expect-spoken \"Mag de kiosk bedragen en uw antwoorden hardop zeggen?\"\n");
  choose_by_ear(driver, "Ja, zeg alles hardop, knop");
  choose_by_ear(driver, "Doe de korte check, knop", "5 korte vragen");
  choose_by_ear(driver, "Begin de vragen, knop", "Heeft u de AOW-leeftijd?");
  // Each answer is said before the next question: the visitor agreed to hear it aloud.
  choose_by_ear(driver, "Ja, knop", "Ja Vraag 2 van 5");
  choose_by_ear(driver, "Nee, knop", "Huurt u uw huis?");
  choose_by_ear(driver, "Ja, knop");
  choose_by_ear(driver, "Nee, knop", "Hoeveel geld komt er per maand");
  choose_by_ear(driver, "Minder dan", "Misschien kunt u hulp krijgen");
  // A tick on the result: a double tap turns it off, another on again, and each says its state.
  REQUIRE(find_by_ear(driver, "Huurtoeslag, Op briefje, aangevinkt"));
  run(driver, "double-tap\nexpect-spoken \"Huurtoeslag, Op briefje, niet aangevinkt\"\nwait 1\n"
              "double-tap\nexpect-spoken \"Huurtoeslag, Op briefje, aangevinkt\"\nwait 1\n");
  choose_by_ear(driver, "Maak een briefje, knop", "Wat wilt u nu doen?");
  REQUIRE(find_by_ear(driver, "Ik loop nu naar de balie, knop"));
  const auto& d = driver.shell().display();
  driver.double_tap({static_cast<float>(d.width_px) / 4, static_cast<float>(d.height_px) / 2});
  driver.advance(1200);
  CHECK(driver.app().visible_screen().kind == app::ScreenKind::Slip);
  // The slip is read as soon as it shows.
  const std::string slip = driver.voice().last_text();
  for (const char* part : {"Loop naar de balie van het informatiepunt.", "Vraag naar: Huurtoeslag",
                           "Waar: Bibliotheek Voorbeeldstad", "Wij hebben niets van u bewaard."})
    CHECK(slip.find(part) != std::string::npos);
}

TEST_CASE("in listening mode a touch says what is under it, lifting does nothing, and a double tap acts",
          "[listening][ui]") {
  platform::HeadlessDriver driver(test_support::fixture_pack(), {});
  run(driver, "headphones in\nexpect-spoken \"U hoort alles via de koptelefoon.\"\n");
  CHECK(driver.app().session().listening);
  CHECK(driver.app().visible_screen().kind == app::ScreenKind::Home);  // no question: headphones are private
  const ui::Widget* check = driver.shell().widgets().find("home.selfcheck");
  REQUIRE(check);
  const input::Point on_check{check->rect.x + check->rect.w / 2, check->rect.y + check->rect.h / 2};
  // A plain tap: it is said, nothing else happens.
  driver.tap_at(on_check);
  driver.advance(1000);
  CHECK(starts_with(driver.voice().last_text(), "Doe de korte check, knop"));
  CHECK(driver.app().visible_screen().kind == app::ScreenKind::Home);
  // The focus ring follows the finger.
  CHECK(driver.shell().focus_id() == "home.selfcheck");
  // A double tap far from it acts on it.
  run(driver, "double-tap 200 900\nexpect-screen intro\nexpect-spoken \"5 korte vragen\"\n");
  // On a new screen nothing was said yet: a double tap acts on nothing and says how it works.
  run(driver, "wait 2\ndouble-tap\nexpect-screen intro\nexpect-spoken \"Tik dan twee keer snel\"\n");
}

TEST_CASE("outside listening mode touch is unchanged: a tap acts, a touch on words says nothing",
          "[listening][ui]") {
  platform::HeadlessDriver driver(test_support::fixture_pack(), {});
  const ui::Widget* title = nullptr;
  for (const auto& w : driver.shell().widgets().all())
    if (w.role == ui::Role::Heading) title = &w;
  REQUIRE(title);
  const input::Point on_title{title->rect.x + 5, title->rect.y + 5};
  run(driver, "explore " + std::to_string(on_title.x) + " " + std::to_string(on_title.y) + "\nrelease\n");
  CHECK(driver.voice().last_text().empty());
  run(driver, "tap home.selfcheck\nexpect-screen intro\n");
  CHECK_FALSE(driver.app().session().listening);
}

TEST_CASE("holding 'Lees voor' for 3 seconds switches listening mode on and says so", "[listening][ui]") {
  platform::HeadlessDriver driver(test_support::fixture_pack(), {});
  // Two seconds is not enough; it is still the speak button, and lifting reads nothing.
  run(driver, "press nav.speak\nwait 2\nrelease\n");
  CHECK_FALSE(driver.app().session().listening);
  run(driver, "wait 1\npress nav.speak\nwait 3.2\nexpect-screen listening\n"
              "expect-spoken \"Luistermodus staat aan\"\nrelease\nwait 1\nexpect-screen listening\n");
  CHECK(driver.app().session().listening);
  CHECK(driver.shell().widgets().shows_text("Luistermodus aan"));  // in the bar
}

TEST_CASE("listening mode ends with the session: Wis alles and the idle timeout", "[listening][ui]") {
  platform::HeadlessDriver driver(test_support::fixture_pack(), {});
  const auto centre_of = [&](const std::string& id) {
    const ui::Widget* w = driver.shell().widgets().find(id);
    REQUIRE(w);
    return std::to_string(w->rect.x + w->rect.w / 2) + " " + std::to_string(w->rect.y + w->rect.h / 2);
  };
  run(driver, "key KP_Multiply\n");
  run(driver, "explore " + centre_of("listen.quiet") + "\ndouble-tap\nwait 1\n");
  CHECK(driver.app().session().listening);
  run(driver, "explore " + centre_of("nav.clear") + "\ndouble-tap\nwait 1\n");
  CHECK_FALSE(driver.app().session().listening);
  CHECK_FALSE(driver.shell().widgets().shows_text("Luistermodus aan"));
  run(driver, "tap home.selfcheck\nexpect-screen intro\n");  // a tap is a tap again
  // The idle timeout ends it too.
  run(driver, "key KP_Multiply\nwait 200\n");
  CHECK_FALSE(driver.app().session().listening);
  run(driver, "tap home.selfcheck\nexpect-screen intro\n");
}

namespace {

// `n` presses of a key.
std::string keys(const std::string& key, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "key " + key + "\n";
  return out;
}

// The whole check by keys in listening mode, the same presses whatever is said: the answers
// (yes, no, yes, no, the lowest band), the first card's "Op briefje" off and on again, its
// "Waarom?" (with F1 there), back, then the slip for the desk. Only the screens are checked on
// the way: what is said is what the test is about.
const std::string kWholeCheck =
    "expect-screen home\n" + keys("KP_2", 3) + "key KP_Enter\nwait 1\nexpect-screen intro\n" + keys("Down", 3) +
    "key Return\nwait 1\nexpect-screen question\n" + keys("Down", 3) + "key Return\nwait 1\n" +
    keys("Down", 4) + "key Return\nwait 1\n" + keys("Down", 3) + "key Return\nwait 1\n" + keys("Down", 4) +
    "key Return\nwait 1\n" + keys("Down", 3) + "key Return\nwait 1\nexpect-screen result\n" + keys("Down", 4) +
    "key Return\nwait 1\nkey Return\nwait 1\nkey Up\nkey Return\nwait 1\nexpect-screen why\nkey F1\n"
    "key BackSpace\nwait 1\nexpect-screen result\n" +
    keys("Down", 10) + "key Return\nwait 1\nexpect-screen next_step\n" + keys("Down", 3) +
    "key Return\nwait 1\nexpect-screen slip\nwait 5\n";

// What a bystander must not hear before the visitor agrees: the answers picked, the ticks'
// states, amounts, and (from the result on) the suggestions, their reasons and the slip.
struct Heard {
  std::vector<std::string> answers, states, amounts, results;
};
Heard private_words_in(const std::vector<nlohmann::json>& trace) {
  Heard heard;
  bool result_shown = false;
  for (const auto& entry : trace) {
    const std::string said = spoken_of(entry);
    // An answer named alone: by the focus ("Ja, knop", "Minder dan 1565 euro, knop"), or said
    // again before the next question ("Ja. Vraag 2 van 5"). The question's list is not alone.
    static const std::regex alone(
        "(^|\\. )(Ja|Nee|Weet ik niet|Zeg ik liever niet|(Minder|Meer) dan [^.,]*), knop|"
        "^(Ja|Nee|Weet ik niet|Zeg ik liever niet|(Minder|Meer) dan [^.]*)\\. ");
    if (std::regex_search(said, alone)) heard.answers.push_back(said);
    if (said.find("aangevinkt") != std::string::npos) heard.states.push_back(said);
    if (said.find("euro") != std::string::npos || said.find("\u20AC") != std::string::npos)
      heard.amounts.push_back(said);
    if (said.find("Misschien kunt u hulp krijgen") != std::string::npos) result_shown = true;
    if (!result_shown) continue;
    for (const char* result : {"Huurtoeslag", "Vraag de SVB", "AIO", "U huurt en u heeft een laag inkomen",
                               "U woonde niet altijd", "Vraag naar:", "Bibliotheek Voorbeeldstad"})
      if (said.find(result) != std::string::npos) heard.results.push_back(said);
  }
  return heard;
}

bool any_said(const std::vector<nlohmann::json>& trace, const std::string& text) {
  return std::any_of(trace.begin(), trace.end(),
                     [&](const nlohmann::json& entry) { return spoken_of(entry).find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("private listening: on the loudspeaker nothing of the visitor's own is said before they agree",
          "[listening][speech][ui]") {
  SECTION("on the loudspeaker, before agreeing") {
    const auto trace = said_in("key KP_Multiply\nexpect-screen listening\n" + keys("Down", 4) +
                                   "expect-spoken \"Nee, liever niet, knop\"\nkey Return\nwait 1\n" + kWholeCheck,
                               "listening-private");
    const Heard heard = private_words_in(trace);
    for (const auto& said : heard.answers) FAIL_CHECK("an answer was said: " << said);
    for (const auto& said : heard.states) FAIL_CHECK("a tick's state was said: " << said);
    for (const auto& said : heard.amounts) FAIL_CHECK("an amount was said: " << said);
    for (const auto& said : heard.results) FAIL_CHECK("a suggestion, reason or the slip was said: " << said);
    // Still usable: the answers are named by their place, a tick as a tick box, the income
    // question's answers as a list, the suggestions as schemes, and what is kept is said to be.
    CHECK(any_said(trace, "Antwoord 1 van 4, knop"));
    CHECK(any_said(trace, "Minder dan een bedrag."));
    CHECK(any_said(trace, "een regeling, Op briefje, vinkje."));
    CHECK(any_said(trace, "Dit zegt de kiosk niet hardop. Onder Hulp kunt u dat wel kiezen."));
    // The slip's step is the same for everyone who took it: said, so the visit ends with a step.
    CHECK(any_said(trace,
                   "Uw volgende stap. 25 november 2026. Loop naar de balie van het informatiepunt. Laat "
                   "dit briefje zien. Dit zegt de kiosk niet hardop. Onder Hulp kunt u dat wel kiezen. "
                   "Wij hebben niets van u bewaard."));
    // What is shown is not changed: the band's words are on screen with their amount.
    CHECK(std::any_of(trace.begin(), trace.end(), [](const nlohmann::json& entry) {
      return entry["text"].get<std::string>().find("\u20AC") != std::string::npos;
    }));
  }
  const auto everything_said = [](const std::vector<nlohmann::json>& trace) {
    const Heard heard = private_words_in(trace);
    CHECK_FALSE(heard.answers.empty());
    CHECK_FALSE(heard.states.empty());
    CHECK_FALSE(heard.amounts.empty());
    for (const char* part : {"Ja, knop", "Huurtoeslag, Op briefje, aangevinkt", "U huurt en u heeft een laag inkomen",
                             "Vraag naar: Huurtoeslag", "euro"})
      CHECK(any_said(trace, part));
    CHECK_FALSE(any_said(trace, "Dit zegt de kiosk niet hardop"));
  };
  SECTION("with headphones everything is said") {
    everything_said(said_in("headphones in\nwait 12\n" + kWholeCheck, "listening-headphones"));
  }
  SECTION("after the visitor agreed everything is said") {
    everything_said(said_in("key KP_Multiply\nexpect-screen listening\n" + keys("Down", 3) +
                                "expect-spoken \"Ja, zeg alles hardop, knop\"\nkey Return\nwait 1\n" + kWholeCheck,
                            "listening-agreed"));
  }
}

TEST_CASE("private listening: a finger on the result hears a scheme, not its name, and Hulp asks again",
          "[listening][speech][ui]") {
  platform::HeadlessDriver driver(test_support::fixture_pack(), {});
  run(driver, "key KP_Multiply\nexpect-screen listening\n" + keys("Down", 4) + "key Return\nwait 1\n" + kWholeCheck);
  run(driver, "key BackSpace\nwait 1\nkey BackSpace\nwait 1\nexpect-screen result\n");
  const auto* title = driver.shell().widgets().find("result.huurtoeslag.title");
  REQUIRE(title);
  driver.explore({title->rect.x + 4, title->rect.y + 4});
  CHECK(driver.voice().last_spoken() == "een regeling.");
  // Hulp offers the question again; a yes there lets the name be said.
  const auto* help = driver.shell().widgets().find("nav.help");
  REQUIRE(help);
  driver.explore({help->rect.x + 4, help->rect.y + 4});
  run(driver, "double-tap\nwait 1\nexpect-screen help\n");
  const auto* choose = driver.shell().widgets().find("listen.choose");
  REQUIRE(choose);
  CHECK_FALSE(choose->selected);
  driver.explore({choose->rect.x + 4, choose->rect.y + 4});
  run(driver, "double-tap\nwait 1\nexpect-screen listening\n");
  const auto* aloud = driver.shell().widgets().find("listen.aloud");
  REQUIRE(aloud);
  driver.explore({aloud->rect.x + 4, aloud->rect.y + 4});
  run(driver, "double-tap\nwait 1\nexpect-screen help\nkey BackSpace\nwait 1\nexpect-screen result\n");
  title = driver.shell().widgets().find("result.huurtoeslag.title");
  REQUIRE(title);
  driver.explore({1, 1});
  driver.explore({title->rect.x + 4, title->rect.y + 4});
  CHECK(driver.voice().last_spoken().find("Huurtoeslag") != std::string::npos);
}

// Outside listening mode the same rule: on the loudspeaker "Lees voor" says nothing of the
// visitor's own until they agree. The first time it would, the kiosk asks instead, once a visit.
namespace {

// The check by taps to its result: yes, no, yes, no and the lowest band.
const std::string kToResult =
    "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\n"
    "tap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.band.1\nwait 1\nexpect-screen result\n";

}  // namespace

TEST_CASE("outside listening mode 'Lees voor' asks once before it says the visitor's own aloud",
          "[listening][speech][ui]") {
  SECTION("a screen without amounts or answers is read without asking") {
    const auto trace = said_in("tap nav.speak\nwait 1\nexpect-screen home\n", "aloud-home");
    REQUIRE(trace.size() == 1);
    CHECK(spoken_of(trace[0]).rfind("Mag de kiosk", 0) == std::string::npos);
    CHECK(spoken_of(trace[0]).find("Doe de korte check") != std::string::npos);
  }
  SECTION("no: the result is read without its schemes, and the kiosk does not ask again") {
    const auto trace =
        said_in(kToResult +
                    "tap nav.speak\nwait 1\nexpect-screen listening\n"
                    "expect-spoken \"Mag de kiosk bedragen en uw antwoorden hardop zeggen?\"\n"
                    // What is shown stays: the names are on screen, not in the speech.
                    "tap listen.quiet\nwait 1\nexpect-screen result\nexpect-text \"Huurtoeslag\"\n"
                    "wait 30\n"
                    "tap nav.speak\nwait 1\nexpect-screen result\n",
                "aloud-no");
    REQUIRE(trace.size() == 3);
    CHECK(trace[0]["text"].get<std::string>().rfind("Hardop voorlezen", 0) == 0);
    for (const std::size_t i : {1, 2}) {
      INFO(spoken_of(trace[i]));
      CHECK(spoken_of(trace[i]).rfind("Misschien kunt u hulp krijgen. een regeling.", 0) == 0);
      for (const char* scheme : {"Huurtoeslag", "AIO", "Kwijtschelding", "euro"})
        CHECK(spoken_of(trace[i]).find(scheme) == std::string::npos);
    }
  }
  SECTION("yes: the result is read whole, at once") {
    const auto trace = said_in(kToResult +
                                   "tap nav.speak\nwait 1\nexpect-screen listening\n"
                                   "tap listen.aloud\nwait 1\nexpect-screen result\n",
                               "aloud-yes");
    REQUIRE(trace.size() == 2);
    CHECK(spoken_of(trace[1]).find("Huurtoeslag") != std::string::npos);
    CHECK_FALSE(any_said(trace, "een regeling"));
  }
  SECTION("after a no, Hulp asks again; its yes lets the schemes be said") {
    const auto trace =
        said_in(kToResult +
                    "tap nav.speak\nwait 1\ntap listen.quiet\nwait 1\ntap nav.help\nwait 1\n"
                    "tap listen.choose\nwait 1\nexpect-screen listening\ntap listen.aloud\nwait 1\n"
                    "expect-screen help\ntap nav.back\nwait 1\nexpect-screen result\n"
                    "tap nav.speak\nwait 1\n",
                "aloud-help");
    // The question, the result without the schemes, and (Hulp not read in between) the result whole.
    REQUIRE(trace.size() == 3);
    CHECK(spoken_of(trace[1]).find("Huurtoeslag") == std::string::npos);
    CHECK(spoken_of(trace[2]).find("Huurtoeslag") != std::string::npos);
  }
}

TEST_CASE("with 'Lees elk scherm voor' the question comes before the first answer is said aloud",
          "[listening][speech][ui]") {
  const auto trace = said_in(
      "tap nav.help\nwait 1\ntap speech.read_aloud\nwait 1\ntap nav.home\nwait 1\ntap home.selfcheck\nwait "
      "1\n"
      "tap intro.start\nwait 1\nexpect-screen question\ntap answer.yes\nwait 1\nexpect-screen listening\n"
      "expect-spoken \"Mag de kiosk bedragen en uw antwoorden hardop zeggen?\"\n"
      "tap listen.quiet\nwait 1\nexpect-screen question\nexpect-spoken \"Vraag 2 van 5\"\n",
      "aloud-each-screen");
  // The chosen "Ja" was not said on its own, before or after the question; and the next
  // question was not begun before the question took its place (cut off after a frame).
  for (const auto& entry : trace) {
    INFO(spoken_of(entry));
    CHECK(spoken_of(entry).rfind("Ja.", 0) == std::string::npos);
    CHECK(entry.value("cancelled_ms", 1000) >= 500);
  }
}

TEST_CASE("in listening mode the idle time counts from the end of what is read", "[listening][ui]") {
  platform::HeadlessOptions options;
  options.idle.idle_after_ms = 3000;
  // The announcement and the Home screen take about 47 s: no warning while they play, one 3 s
  // after they ended.
  const auto run = run_script("headphones in\nwait 45\nexpect-screen home\nwait 8\nexpect-screen idle\n",
                              "listening-idle", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  CHECK(run.result.ok);
}

TEST_CASE("in listening mode each new screen is read after the page sound, in the same audio",
          "[listening][speech][ui]") {
  const auto listening = said_in("headphones in\nwait 12\nkey Down\nkey Down\nkey Down\nkey Return\nwait 1\n",
                                 "listening-cue");
  REQUIRE(listening.size() >= 2);
  // The announcement goes on with the screen it started on, so the visitor hears where they are.
  const std::string started = listening.front()["text"];
  CHECK(started.rfind("Luistermodus staat aan.", 0) == 0);
  CHECK(started.find("Doe de korte check") != std::string::npos);
  const auto& intro = listening.back();
  CHECK(intro["text"].get<std::string>().find("5 korte vragen") != std::string::npos);
  REQUIRE(intro.contains("cue"));
  CHECK(intro["cue"] == "page");
  // The words start after the sound (230 ms), so the highlight waits for it too.
  CHECK(intro["words"][0]["ms"].get<int>() >= 200);
  // Outside listening mode ("Lees elk scherm voor") a new screen is read without it.
  const auto read_aloud =
      said_in("tap nav.help\nwait 1\ntap speech.read_aloud\nwait 1\ntap nav.home\nwait 1\n", "read-aloud-cue");
  REQUIRE_FALSE(read_aloud.empty());
  for (const auto& entry : read_aloud) CHECK_FALSE(entry.contains("cue"));
}

// The needs asked together on one screen ("Rekeningen betalen vind ik moeilijk"): on the
// loudspeaker a tick said alone is its place in the list, before and after it is set.
TEST_CASE("private listening: a tick is named by its place, not its words, before the visitor agrees",
          "[listening][speech][ui]") {
  auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(read.pack);
  const content::ContentPack& pack = *read.pack;
  platform::HeadlessDriver driver(pack, {});
  // The visitor was asked, and said no.
  driver.apply({app::Action::AskAloud});
  REQUIRE(driver.app().visible_screen().kind == app::ScreenKind::Listening);
  driver.apply({app::Action::AllowAloud, "no"});
  driver.apply({app::Action::StartCheck});
  driver.advance(1500);  // a new screen of the check lets its buttons act after a second
  driver.apply({app::Action::BeginQuestions});
  // "Nee" to each question (the lowest band on a ladder) until the ticks' screen.
  for (int guard = 0; guard < 30 && driver.app().visible_screen().kind == app::ScreenKind::Question;
       ++guard) {
    const auto& question = pack.questions[static_cast<std::size_t>(
        driver.app().visible_screen().about<app::about::Question>().index)];
    if (!question.together.empty()) break;
    driver.advance(1500);
    driver.apply(
        {app::Action::Answer,
         question.measure.empty()
             ? "no"
             : selfcheck::options(pack, question, driver.app().session().answers, driver.app().date())
                   .front()
                   .value});
  }
  const auto at = driver.app().visible_screen();
  REQUIRE(at.kind == app::ScreenKind::Question);
  const auto& first = pack.questions[static_cast<std::size_t>(at.about<app::about::Question>().index)];
  REQUIRE_FALSE(first.together.empty());
  run(driver, "wait 1\n");
  const std::string words = pack.pick(first.text, "nl");
  // The focus to the first tick, and Enter sets it.
  for (int i = 0; i < 10 && driver.shell().focus_id() != "tick." + first.id; ++i)
    driver.key(input::parse_chord("Down"));
  REQUIRE(driver.shell().focus_id() == "tick." + first.id);
  CHECK(driver.voice().last_spoken().rfind("Antwoord 1 van ", 0) == 0);
  CHECK(driver.voice().last_spoken().find(words) == std::string::npos);
  driver.key(input::parse_chord("Return"));
  run(driver, "wait 0.5\n");
  CHECK(driver.app().answer(first.id) == std::optional<std::string>("yes"));
  CHECK(driver.voice().last_spoken().find(words) == std::string::npos);
  CHECK(driver.voice().last_spoken().find("aangevinkt") == std::string::npos);
}
