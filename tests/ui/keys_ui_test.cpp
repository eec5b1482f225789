// Keypad and keyboard (issue 21): the focus goes through every target of a screen in
// reading order, says each with its role and state, and a blind visitor can finish the
// self-check and hear the slip with keys alone.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "image/png.hpp"
#include "platform/trace_voice.hpp"
#include "support/layout.hpp"
#include "ui/focus.hpp"

using test_support::run_script;
using test_support::said_in;

namespace {

ui::Widget target(const std::string& id, float x, float y, float w = 100, float h = 60) {
  ui::Widget widget;
  widget.id = id;
  widget.role = ui::Role::Button;
  widget.label = id;
  widget.rect = {x, y, w, h};
  widget.intent = app::Intent{app::Action::Home};
  return widget;
}

std::vector<std::string> ids(const std::vector<const ui::Widget*>& order) {
  std::vector<std::string> out;
  for (const auto* w : order) out.push_back(w->id);
  return out;
}

}  // namespace

TEST_CASE("the focus order is rows from top to bottom, each row in the reading direction", "[keys][ui]") {
  ui::WidgetList list;
  list.add(target("bottom.left", 0, 900));
  list.add(target("bottom.right", 500, 902));  // a little lower, still the same row
  list.add(target("top.right", 500, 0));
  list.add(target("top.left", 0, 10));
  ui::Widget text = target("text", 0, 400);
  text.role = ui::Role::Text;  // not a target
  list.add(text);
  ui::Widget shown_only = target("shown.only", 0, 450);
  shown_only.intent.reset();  // does nothing: not visited
  list.add(shown_only);
  list.add(target("middle", 200, 500));
  CHECK(ids(ui::focus_order(list, false)) ==
        std::vector<std::string>{"top.left", "top.right", "middle", "bottom.left", "bottom.right"});
  CHECK(ids(ui::focus_order(list, true)) ==
        std::vector<std::string>{"top.right", "top.left", "middle", "bottom.right", "bottom.left"});
}

TEST_CASE("on every screen of the tour the focus visits each target once and says its label and state",
          "[keys][ui]") {
  const auto& content = test_support::fixture_pack();
  platform::HeadlessDriver driver(content, {});
  const std::string out = test_support::temp_dir("keys-tour");
  // The tour, cut at its screenshots: at each, Down as often as there are targets.
  std::istringstream tour(platform::tour_script(content, app::today_iso()));
  std::string chunk, line;
  int screens = 0;
  std::set<std::string> kinds;
  while (std::getline(tour, line)) {
    if (line.rfind("shot ", 0) != 0) {
      chunk += line + "\n";
      continue;
    }
    const auto result = driver.run(script::parse(chunk), out, "tour");
    for (const auto& e : result.errors) UNSCOPED_INFO(e);
    REQUIRE(result.ok);
    chunk.clear();
    const std::string lang = driver.shell().app().language();
    const auto order = ui::focus_order(driver.shell().widgets(), driver.shell().right_to_left());
    INFO(line);
    REQUIRE(order.size() >= 2);
    std::vector<std::pair<std::string, std::string>> expected;  // id, label
    for (const auto* w : order) expected.emplace_back(w->id, w->label);
    // A shot of the screen the last one showed (Hulp's last part when it has one part): the focus
    // is still on its first target, so the round starts at the next.
    if (const std::string at = driver.shell().focus_id(); !at.empty()) {
      const auto it =
          std::find_if(expected.begin(), expected.end(), [&](const auto& e) { return e.first == at; });
      REQUIRE(it != expected.end());
      std::rotate(expected.begin(), std::next(it) == expected.end() ? expected.begin() : std::next(it),
                  expected.end());
    }
    std::vector<const ui::Widget*> targets = order;
    std::set<std::string> visited;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      driver.key(input::parse_chord("Down"));
      const std::string id = driver.shell().focus_id();
      INFO("target " << i << ": " << id);
      CHECK(id == expected[i].first);
      visited.insert(id);
      const std::string said = driver.voice().last_text();
      CHECK(said.find(expected[i].second) != std::string::npos);
      const ui::Widget* w = driver.shell().widgets().find(id);
      REQUIRE(w);
      const std::string role_or_state = content.text(
          ui::is_checkable(*w) ? (w->selected ? "focus.checked" : "focus.unchecked") : "focus.button", lang);
      CHECK(said.find(", " + role_or_state) != std::string::npos);
    }
    CHECK(visited.size() == expected.size());
    // One more goes round to the first again.
    driver.key(input::parse_chord("Down"));
    CHECK(driver.shell().focus_id() == expected.front().first);
    kinds.insert(app::screen_name(driver.shell().app().visible_screen().kind));
    ++screens;
  }
  CHECK(screens > 30);
  CHECK(kinds == std::set<std::string>{"home", "page", "help", "call_help", "language", "idle", "intro",
                                       "question", "result", "why", "next_step", "slip", "listening"});
}

namespace {

// `n` presses of a key.
std::string keys(const std::string& key, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "key " + key + "\n";
  return out;
}

}  // namespace

// The blindfold test: only keys, and only what was said is checked (speech.jsonl), never the screen.
TEST_CASE("keys alone: a blind visitor finishes the self-check and hears the slip", "[keys][ui]") {
  const std::string script =
      // Home: where am I? Then to the check (keypad 2 and Enter, as on the recommended keypad).
      "key KP_Add\nexpect-spoken \"Met Enter kiest u.\"\n" + keys("KP_2", 3) +
      "expect-spoken \"Doe de korte check, knop\"\nkey KP_Enter\nwait 1\nexpect-spoken \"5 korte vragen\"\n" +
      keys("Down", 3) + "expect-spoken \"Begin de vragen, knop\"\nkey Return\nwait 1\n" +
      "expect-spoken \"Heeft u de AOW-leeftijd?\"\n" +
      // The first answer would be said on the loudspeaker: first the question whether it may.
      keys("Down", 3) + "expect-spoken \"Mag de kiosk bedragen en uw antwoorden hardop zeggen?\"\n" +
      keys("Down", 3) + "expect-spoken \"Ja, zeg alles hardop, knop\"\nkey Return\nwait 1\n" +
      "expect-spoken \"Heeft u de AOW-leeftijd?\"\n" +
      // Each answer: the focus names it, Enter chooses it, and the choice is said before the next question.
      keys("Down", 3) +
      "expect-spoken \"Ja, knop\"\nkey Return\nwait 1\nexpect-spoken \"Ja Vraag 2 van 5\"\n" +
      keys("Down", 4) +
      "expect-spoken \"Nee, knop\"\nkey Return\nwait 1\nexpect-spoken \"Huurt u uw huis?\"\n" +
      keys("Down", 3) + "expect-spoken \"Ja, knop\"\nkey Return\nwait 1\n" + keys("Down", 4) +
      "expect-spoken \"Nee, knop\"\nkey Return\nwait 1\n" + keys("Down", 3) +
      "key Return\nwait 1\nexpect-spoken \"Misschien kunt u hulp krijgen\"\n" +
      // Result: the first card's "Op briefje" says its state, and Enter turns it off and on.
      keys("Down", 4) + "expect-spoken \", Op briefje, aangevinkt\"\nkey Return\n" +
      "expect-spoken \", Op briefje, niet aangevinkt\"\n" +
      // The same key again at once counts once (as a double tap does).
      "key KP_Enter\nexpect-spoken \"niet aangevinkt\"\nwait 1\nkey KP_Enter\n" +
      "expect-spoken \", Op briefje, aangevinkt\"\n" +
      // To "Maak een briefje": it is right before the nav bar, so go round the other way.
      "key F1\nexpect-spoken \"Misschien kunt u hulp krijgen. Huurtoeslag, Op briefje, aangevinkt.\"\n" +
      keys("Down", 6) + "expect-spoken \"Maak een briefje, knop\"\nkey Return\nwait 1\n" +
      "expect-spoken \"Wat wilt u nu doen?\"\n" + keys("Down", 3) +
      "expect-spoken \"Ik loop nu naar de balie, knop\"\nkey Return\nwait 1\n" +
      // The slip is read aloud as soon as it shows.
      "expect-spoken \"Ik loop nu naar de balie\"\n";
  const auto trace = said_in(script, "keys-blindfold");
  REQUIRE(!trace.empty());
  const std::string slip = trace.back()["text"].get<std::string>();
  for (const char* part : {"Loop naar de balie van het informatiepunt.", "Vraag naar: Huurtoeslag",
                           "Waar: Bibliotheek Voorbeeldstad", "Wij hebben niets van u bewaard."})
    CHECK(slip.find(part) != std::string::npos);
  // Where the frame's buttons are: said once in the whole session, not on each of its ten screens.
  int frame_sentences = 0;
  for (const auto& t : trace) {
    CHECK(t["lang"] == "nl");
    if (t["text"].get<std::string>().find("Onderaan staan deze knoppen:") != std::string::npos)
      ++frame_sentences;
  }
  CHECK(frame_sentences == 1);
}

TEST_CASE("the focus is drawn as a thick dark and yellow ring once a key moves it", "[keys][ui]") {
  const auto run = run_script("shot before\nkey Down\nkey Down\nkey Down\nshot focus\n", "keys-focus");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  const auto* check = test_support::find_widget(run.shots[1], "home.selfcheck");
  REQUIRE(check);
  const float mm = run.shots[1]["px_per_mm"].get<float>();
  const auto& r = (*check)["rect"];
  image::Image before, focus;
  REQUIRE(image::read_png(run.out_dir + "/before.png", before));
  REQUIRE(image::read_png(run.out_dir + "/focus.png", focus));
  REQUIRE(focus.channels == 3);
  auto pixel = [](const image::Image& image, float x, float y) {
    const auto i =
        (static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)) *
        3;
    return std::array<int, 3>{image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]};
  };
  // Half-way down the left edge: yellow just outside the button, dark outside the yellow.
  const float y = r[1].get<float>() + r[3].get<float>() / 2;
  const float outside = r[0].get<float>() - 1.8f * mm;
  const auto dark = pixel(focus, outside, y);
  CHECK(dark[0] < 60);
  CHECK(dark[1] < 60);
  CHECK(dark[2] < 60);
  const auto yellow = pixel(focus, r[0].get<float>() - 0.5f * mm, y);
  CHECK(yellow[0] > 200);
  CHECK(yellow[1] > 180);
  CHECK(yellow[2] < 160);
  // Before any key there is no ring: the screen's own background there.
  CHECK(pixel(before, outside, y)[0] > 200);
}

TEST_CASE("where the frame's buttons are is said once a session, and again after Wis alles",
          "[keys][speech][ui]") {
  const auto trace = said_in(
      // The second tap stops the first reading; Hulp is then read without the frame's sentence.
      "tap nav.speak\nwait 1\ntap nav.speak\nwait 1\ntap nav.help\nwait 1\ntap nav.speak\nwait 1\n"
      "tap nav.clear\nwait 1\ntap nav.speak\n",
      "keys-frame-once");
  REQUIRE(trace.size() == 3);
  const std::string frame = "Onderaan staan deze knoppen: Terug Begin Lees voor";
  CHECK(trace[0]["text"].get<std::string>().find(frame) != std::string::npos);
  CHECK(trace[1]["text"].get<std::string>().find(frame) == std::string::npos);
  CHECK(trace[2]["text"].get<std::string>().find(frame) != std::string::npos);
}

TEST_CASE("with 'Voorlezen aan' a tapped tick says its new state and a chosen answer is said first",
          "[keys][speech][ui]") {
  const auto trace = said_in(
      // On Hulp: every screen read, and the visitor's own words may be said aloud.
      "tap nav.help\nwait 1\ntap speech.read_aloud\nwait 1\ntap listen.choose\nwait 1\ntap "
      "listen.aloud\nwait 1\n"
      "tap nav.home\nwait 1\ntap home.selfcheck\nwait 1\n"
      "tap intro.start\nwait 1\ntap answer.yes\nwait 1\nexpect-spoken \"Ja Vraag 2 van 5\"\n"
      "tap answer.no\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.band.1\nwait 1\n"
      "expect-spoken \"Misschien kunt u hulp krijgen\"\n"
      "tap result.huurtoeslag.on_slip\nexpect-spoken \"Huurtoeslag, Op briefje, niet aangevinkt\"\n"
      // Not an answer: the next screen is read as it was, without the button's label first.
      "wait 1\ntap result.slip\nwait 1\nexpect-spoken \"Wat wilt u nu doen?\"\n",
      "keys-read-aloud-taps");
  REQUIRE(!trace.empty());
  CHECK(trace.back()["text"].get<std::string>().rfind("Maak een briefje", 0) != 0);
}
