// Listening mode (issue 21): switched on by headphones, the keypad's * or holding "Lees voor"
// 3 s; a finger over the screen hears what is under it and a double tap acts on what was said
// last; amounts and answers go on the loudspeaker only after the visitor agrees; it ends with
// the session. Outside listening mode touch is what it was.
#include <catch2/catch.hpp>

#include "platform/trace_voice.hpp"
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

TEST_CASE("private listening: no amounts and no answers on the loudspeaker before the visitor agrees",
          "[listening][speech][ui]") {
  // By keys, so where the amounts are heard is certain: the income question's first band.
  const std::string quiet =
      "key KP_Multiply\nexpect-screen listening\n"
      "key Down\nkey Down\nkey Down\nkey Down\nexpect-spoken \"Nee, liever niet, knop\"\nkey Return\nwait 1\n";
  const std::string to_income =
      "expect-screen home\nkey Down\nkey Down\nkey Down\nkey Return\nwait 1\n"
      "key Down\nkey Down\nkey Down\nkey Return\nwait 1\n"
      "key Down\nkey Down\nkey Down\nkey Return\nwait 1\n"
      "key Down\nkey Down\nkey Down\nkey Down\nkey Return\nwait 1\n"
      "key Down\nkey Down\nkey Down\nkey Return\nwait 1\n"
      "key Down\nkey Down\nkey Down\nkey Down\nkey Return\nwait 1\n"
      "expect-spoken \"Hoeveel geld komt er per maand\"\nkey Down\nkey Down\nkey Down\n"
      "expect-spoken \"Minder dan\"\n";
  SECTION("on the loudspeaker, before agreeing") {
    const auto trace = said_in(quiet + to_income, "listening-private");
    REQUIRE(trace.size() > 5);
    bool heard_band = false;
    for (const auto& entry : trace) {
      const std::string said = spoken_of(entry);
      INFO(said);
      CHECK(said.find("euro") == std::string::npos);
      CHECK(said.find("€") == std::string::npos);
      // The chosen answer is not said before the next question.
      CHECK_FALSE(starts_with(said, "Ja. Vraag"));
      CHECK_FALSE(starts_with(said, "Ja Vraag"));
      if (starts_with(said, "Minder dan een bedrag")) heard_band = true;
    }
    CHECK(heard_band);
    // What is shown is not changed: the band's words are on screen with their amount.
    CHECK(trace.back()["text"].get<std::string>().find("€") != std::string::npos);
  }
  SECTION("with headphones every amount is said") {
    const auto trace = said_in("headphones in\n" + to_income, "listening-headphones");
    CHECK(spoken_of(trace.back()).find("euro") != std::string::npos);
  }
}

TEST_CASE("in listening mode the idle time counts from the end of what is read", "[listening][ui]") {
  platform::HeadlessOptions options;
  options.idle.idle_after_ms = 3000;
  // The announcement takes about 12 s: no warning while it plays, one 3 s after it ended.
  const auto run = run_script("headphones in\nwait 6\nexpect-screen home\nwait 30\nexpect-screen idle\n",
                              "listening-idle", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  CHECK(run.result.ok);
}
