// The headless runner: scripted taps through the real drawing code.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "content/store.hpp"
#include "editor/pack_transfer.hpp"
#include "staff/access.hpp"
#include "support/layout.hpp"

using test_support::run_script;

TEST_CASE("a scripted walk reaches the result and writes shots and dumps", "[ui][script]") {
  const auto run = run_script(
      "expect-screen home\n"
      "tap-text \"Doe de korte check\"\n"
      "expect-screen intro\n"
      "expect-text \"5 korte vragen\"\n"
      "wait 1\n"  // a new screen of the check: its buttons act after a second
      "tap intro.start\n"
      "expect-text \"Vraag 1 van 5\"\n"
      "wait 1\ntap answer.yes\n"                        // AOW age
      "wait 1\ntap answer.no\n"                         // not alone
      "wait 1\ntap answer.yes\n"                        // rents
      "wait 1\ntap answer.no\n"                         // years abroad
      "expect-text \"Minder dan \u20AC\u00A02.259\"\n"  // the couple's income ladder, on this date
      "wait 1\ntap answer.unknown\n"
      "expect-screen result\n"
      "shot result\n"
      "wait 1\ntap result.aio.why\n"
      "expect-text \"Dit zei u:\"\n"
      "shot why\n"
      "tap nav.back\n"
      "wait 1\ntap result.slip\n"
      "expect-text \"Wat wilt u nu doen?\"\n"
      "wait 1\ntap next.call\n"
      "expect-screen slip\n"
      "expect-text \"Bel het nummer op dit briefje.\"\n"
      "shot slip\n",
      "walk");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK(std::filesystem::file_size(run.out_dir + "/result.png") > 10'000);
  CHECK(std::filesystem::exists(run.out_dir + "/speech.jsonl"));
  REQUIRE(run.shots.size() == 3);
  CHECK(run.shots[0]["screen"] == "result");
  CHECK(run.shots[0]["size_px"][0] == 1920);
  REQUIRE(test_support::find_widget(run.shots[0], "result.slip"));
  // An open answer makes it "misschien"; a sure one "waarschijnlijk".
  const auto* svb = test_support::find_widget(run.shots[0], "result.svb_aow.title");
  const auto* aio = test_support::find_widget(run.shots[0], "result.aio.title");
  const auto* rent = test_support::find_widget(run.shots[0], "result.huurtoeslag.title");
  REQUIRE(svb);
  REQUIRE(aio);
  REQUIRE(rent);
  CHECK((*svb)["label"].get<std::string>().rfind("Waarschijnlijk", 0) == 0);
  CHECK((*aio)["label"].get<std::string>().rfind("Misschien", 0) == 0);
  CHECK((*rent)["label"].get<std::string>().rfind("Misschien", 0) == 0);
  CHECK_FALSE(test_support::find_widget(run.shots[0], "result.jonger.title"));
  CHECK(run.shots[1]["screen"] == "why");
  // "Vraag daar ook naar" at the SVB: its AOW, not the Dienst Toeslagen's huurtoeslag.
  const auto* related = test_support::find_widget(run.shots[1], "why.related");
  REQUIRE(related);
  CHECK((*related)["label"] == "Vraag daar ook naar: Vraag de SVB naar uw AOW");
  CHECK(run.shots[2]["screen"] == "slip");
}

TEST_CASE("a failing expect-text stops the run with file and line", "[ui][script]") {
  const auto run = run_script("tap nav.help\n\nexpect-text \"Dit staat er niet\"\nshot never\n", "failing");
  CHECK_FALSE(run.result.ok);
  REQUIRE(run.result.errors.size() == 1);
  CHECK(run.result.errors[0].rfind("failing.script:3: expected text", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(run.out_dir + "/never.png"));
}

TEST_CASE("read-on finds a target on the visible part, and fails where no part has it", "[ui][script]") {
  const auto found = run_script("tap home.topic.geldzorgen\nread-on page.link.zorgtoeslag\n", "read-on");
  CHECK(found.result.ok);
  const auto missing =
      run_script("tap home.topic.geldzorgen\nread-on page.link.nergens\n", "read-on-missing");
  CHECK_FALSE(missing.result.ok);
  REQUIRE(missing.result.errors.size() == 1);
  CHECK(missing.result.errors[0] ==
        "read-on-missing.script:2: 'page.link.nergens' is not on any part of screen 'page'");
}

TEST_CASE("script syntax errors are reported before anything runs", "[ui][script]") {
  const auto run = run_script("tap nav.help\nwait a-while\n", "syntax");
  CHECK_FALSE(run.result.ok);
  REQUIRE(run.result.errors.size() == 1);
  CHECK(run.result.errors[0] == "syntax.script:2: usage: wait SECONDS (0 to 2592000, 30 days)");
}

TEST_CASE("idle reset on the virtual clock: warning, countdown, then Home with nothing kept",
          "[ui][script][idle]") {
  const auto run = run_script(
      "tap home.selfcheck\n"
      "wait 1\ntap intro.start\n"
      "wait 1\ntap answer.yes\n"
      "wait 89\n"
      "expect-screen question\n"
      "wait 1\n"
      "expect-screen idle\n"
      "expect-text \"30\"\n"
      "wait 12\n"
      "shot countdown\n"
      "expect-text \"18\"\n"
      "wait 18\n"
      "expect-screen home\n"
      "shot home\n",
      "idle");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  REQUIRE(run.shots.size() == 2);
  CHECK(run.shots[0]["screen"] == "idle");
  CHECK(test_support::find_widget(run.shots[0], "idle.stay"));
  CHECK((*test_support::find_widget(run.shots[0], "idle.countdown"))["label"] == "18");
}

TEST_CASE("Ik ben er nog returns to the same question with the answer kept", "[ui][script][idle]") {
  const auto run = run_script(
      "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\ntap answer.yes\nwait 95\ntap "
      "idle.stay\nexpect-screen question\n"
      "expect-text \"Vraag 2 van 5\"\ntap nav.back\nshot back\n",
      "stay");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK((*test_support::find_widget(run.shots[0], "answer.yes"))["selected"] == true);
}

TEST_CASE("swipes, long presses, two-finger touches and slide-offs do nothing", "[ui][script][input]") {
  // The topic tile for "geldzorgen" lies under the swipe's start and end.
  const auto run = run_script(
      "shot before\n"
      "swipe 300 700 320 760\n"
      "expect-screen home\n"
      "hold home.selfcheck 3\n"
      "expect-screen home\n"
      "touch2 960 480\n"
      "expect-screen home\n"
      "swipe 960 480 960 980\n"
      "expect-screen home\n",
      "gestures");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
}

TEST_CASE("a short hold is still a tap", "[ui][script][input]") {
  const auto run = run_script("hold home.selfcheck 0.8\nexpect-screen intro\n", "short-hold");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  CHECK(run.result.ok);
}

TEST_CASE("a shaky double tap answers one question, not two", "[ui][script][input]") {
  const auto run = run_script(
      "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\ntap answer.yes\ntap answer.yes\nexpect-text "
      "\"Vraag 2 "
      "van 5\"\n"
      "wait 1\ntap answer.yes\nexpect-text \"Vraag 3 van 5\"\n",
      "double");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  CHECK(run.result.ok);
}

TEST_CASE("two taps on Ja 0.6 s apart answer one question, and the new one shows it waits",
          "[ui][script][input][settle]") {
  const auto run = run_script(
      "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\n"
      "tap answer.yes\n"  // question 1
      "shot new\n"
      "wait 0.5\n"
      "tap answer.yes\n"  // 0.6 s later, on question 2 that appeared under the finger
      "expect-text \"Vraag 2 van 5\"\n"
      "wait 1\n"
      "shot settled\n",
      "settle");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  const auto* waiting = test_support::find_widget(run.shots[0], "answer.yes");
  REQUIRE(waiting);
  CHECK((*waiting)["waiting"] == true);
  CHECK((*waiting)["target"] == true);  // same place, same id: only its look and the app hold it back
  CHECK((*test_support::find_widget(run.shots[0], "question.progress"))["bg"] != "#fbf8f2");
  const auto* ready = test_support::find_widget(run.shots[1], "answer.yes");
  REQUIRE(ready);
  CHECK((*ready)["waiting"] == false);
  CHECK((*ready)["selected"] == false);  // question 2 is still open
  CHECK((*test_support::find_widget(run.shots[1], "question.progress"))["bg"] == "#fbf8f2");
  // The frame's buttons never wait.
  for (const auto& widget : run.shots[0]["widgets"])
    if (widget["id"].get<std::string>().rfind("nav.", 0) == 0) CHECK(widget["waiting"] == false);
}

TEST_CASE("a tap 1.2 s after a new question appears answers it", "[ui][script][input][settle]") {
  const auto run = run_script(
      "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\n"
      "tap answer.yes\n"
      "wait 1.1\n"  // with the frame and the finger's 0.1 s on the glass: 1.2 s
      "tap answer.yes\n"
      "expect-text \"Vraag 3 van 5\"\n",
      "settled");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  CHECK(run.result.ok);
}

TEST_CASE("no key combination leaves the kiosk", "[ui][script][lockdown]") {
  const auto run = run_script(
      "tap nav.help\nkey Alt+F4\nkey Escape\nkey Ctrl+Q\nkey Alt+Tab\nexpect-screen help\n", "keys");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  CHECK(run.result.ok);
}

TEST_CASE("in windowed mode Escape closes the program", "[ui][script][lockdown]") {
  platform::HeadlessOptions windowed;
  windowed.mode = input::WindowMode::Windowed;
  const auto run = run_script("key Escape\nexpect-screen home\n", "windowed", windowed);
  CHECK_FALSE(run.result.ok);
  REQUIRE(run.result.errors.size() == 1);
  CHECK(run.result.errors[0].find("closed") != std::string::npos);
}

TEST_CASE("the layout dump describes every widget with size and colours", "[ui][script]") {
  const auto run = run_script("lang en\nshot home\n", "dump");
  REQUIRE(run.result.ok);
  const auto& shot = run.shots.at(0);
  CHECK(shot["lang"] == "en");
  CHECK(shot["px_per_mm"].get<double>() == Approx(1920.0 / 527.0));
  const auto* check = test_support::find_widget(shot, "home.selfcheck");
  REQUIRE(check);
  CHECK((*check)["label"] == "Do the short check");
  CHECK((*check)["role"] == "primary");
  CHECK((*check)["rect"].size() == 4);
  CHECK((*check)["font_px"].get<double>() > 0);
  CHECK((*check)["fg"].get<std::string>().size() == 7);
}

TEST_CASE("the screen size in millimetres changes the pixel sizes", "[ui][script]") {
  platform::HeadlessOptions small;
  small.display = {1920, 1080, 344.0f, 194.0f};  // a 15.6" panel: more pixels per mm
  const auto run = run_script("shot home\n", "small-panel", small);
  REQUIRE(run.result.ok);
  const auto& shot = run.shots.at(0);
  const auto* back = test_support::find_widget(shot, "nav.back");
  REQUIRE(back);
  const float height_mm = (*back)["rect"][3].get<float>() / shot["px_per_mm"].get<float>();
  CHECK(height_mm == Approx(20.0f).margin(0.5f));
}

namespace {
// Staff PINs in `data`: volunteer 40719, editor 83560.
void give_staff_pins(platform::HeadlessOptions& options, const std::string& data) {
  options.staff_pins = data + "/pins.toml";
  staff::Access access(options.staff_pins);
  REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
  REQUIRE(access.set_pin(staff::Role::Editor, "83560").empty());
}
// A staff run's options: counts kept and the PINs above, in a folder of its own.
platform::HeadlessOptions staff_options(const std::string& name) {
  platform::HeadlessOptions options;
  const std::string data = test_support::temp_dir(name);
  options.stats = data + "/stats.sqlite";
  give_staff_pins(options, data);
  return options;
}
// No label runs out of its button on any shot.
void check_labels_fit(const std::vector<nlohmann::json>& shots) {
  for (const auto& shot : shots)
    for (const auto& w : shot["widgets"]) {
      INFO(shot["shot"] << " " << w["id"]);
      CHECK_FALSE(w["overflows"].get<bool>());
    }
}
}  // namespace

TEST_CASE("staff screens keep the normal text size in white on black, so every label fits above the nav bar",
          "[ui][script][staff]") {
  platform::HeadlessOptions options;
  const std::string data = test_support::temp_dir("staff-larger-data");
  give_staff_pins(options, data);
  // The visitor before chose the largest text and white on black (keypad /).
  const auto run = run_script(
      "tap nav.bigger\nwait 1\ntap nav.bigger\nkey KP_Divide\nwait 3\nhold frame.staff 5.5\nwait 1\n"
      "tap pin.8\nwait 0.6\ntap pin.3\nwait 0.6\ntap pin.5\nwait 0.6\ntap pin.6\nwait 0.6\ntap pin.0\n"
      "shot pin\ntap pin.enter\nwait 1\nshot volunteer\n",
      "staff-larger", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  REQUIRE(run.shots.size() == 2);
  check_labels_fit(run.shots);
  for (const auto& shot : run.shots) {
    CHECK(shot["high_contrast"].get<bool>());
    const float bottom = test_support::find_widget(shot, "nav.back")->at("rect")[1].get<float>();
    for (const auto& w : shot["widgets"]) {
      if (w["role"] == "nav" || w["role"] == "hold") continue;
      INFO(shot["shot"] << " " << w["id"]);
      CHECK(w["rect"][1].get<float>() + w["rect"][3].get<float>() <= bottom);
    }
  }
}

TEST_CASE("staff have a text size of their own, normal and large, and at large every label fits",
          "[ui][script][staff]") {
  const auto options = staff_options("staff-large-data");
  // The staff tour: PIN pad and volunteer's screen, normal then large (chosen on the PIN pad).
  const auto run = run_script(platform::staff_tour_script("83560"), "staff-large", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  REQUIRE(run.shots.size() == 4);
  check_labels_fit(run.shots);
  std::map<std::string, float> title_cap;
  for (const auto& shot : run.shots) {
    const std::string name = shot["shot"];
    CHECK(shot["text_size"] == (name.rfind("staff-large", 0) == 0 ? "large" : "normal"));
    const float bottom = test_support::find_widget(shot, "nav.back")->at("rect")[1].get<float>();
    const float top = test_support::find_widget(shot, "nav.clear")->at("rect")[1].get<float>() +
                      test_support::find_widget(shot, "nav.clear")->at("rect")[3].get<float>();
    for (const auto& w : shot["widgets"]) {
      if (w["role"] == "nav" || w["role"] == "hold" || w["id"].get<std::string>().rfind("frame.", 0) == 0) continue;
      INFO(name << " " << w["id"]);
      CHECK(w["rect"][1].get<float>() + w["rect"][3].get<float>() <= bottom);
      CHECK(w["rect"][1].get<float>() >= top);
    }
    // The volunteer's counts do not run into each other.
    std::vector<const nlohmann::json*> counts;
    for (const auto& w : shot["widgets"])
      if (w["id"].get<std::string>().rfind("staff.count.", 0) == 0) counts.push_back(&w);
    for (std::size_t i = 0; i < counts.size(); ++i)
      for (std::size_t j = i + 1; j < counts.size(); ++j) {
        const auto& a = (*counts[i])["rect"];
        const auto& b = (*counts[j])["rect"];
        const bool apart = a[0].get<float>() + a[2].get<float>() <= b[0].get<float>() ||
                           b[0].get<float>() + b[2].get<float>() <= a[0].get<float>() ||
                           a[1].get<float>() + a[3].get<float>() <= b[1].get<float>() ||
                           b[1].get<float>() + b[3].get<float>() <= a[1].get<float>();
        INFO(name << " " << (*counts[i])["id"] << " " << (*counts[j])["id"]);
        CHECK(apart);
      }
    for (const auto& w : shot["widgets"])
      if (w["id"] == "staff.volunteer.title" || w["id"] == "staff.pin.title") title_cap[name] = w["cap_px"].get<float>();
  }
  // Large is really larger.
  CHECK(title_cap["staff-large-pin"] > title_cap["staff-pin"] * 1.2f);
  CHECK(title_cap["staff-large-volunteer"] > title_cap["staff-volunteer"] * 1.2f);
}

TEST_CASE("staff: a tap on the library's name does nothing, a 5 s hold opens the PIN pad",
          "[ui][script][staff]") {
  const auto options = staff_options("staff-walk-data");
  const auto run = run_script(
      "hold frame.staff 0.1\n"
      "expect-screen home\n"
      "hold frame.staff 3\n"
      "expect-screen home\n"
      "hold frame.staff 5\n"
      "expect-screen pin\n"
      "tap pin.4\ntap pin.0\ntap pin.7\ntap pin.1\ntap pin.9\n"
      "shot typed\n"
      "tap pin.enter\n"
      "expect-screen volunteer\n"
      "expect-text \"Er is geen printer.\"\n"
      "shot volunteer\n"
      "tap staff.together\n"
      "expect-screen intro\n"
      "tap nav.home\n"
      "expect-screen home\n"
      "hold frame.staff 5\n"
      "expect-screen pin\n",  // Home ended staff mode: the PIN again
      "staff-walk", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  REQUIRE(run.shots.size() == 2);
  // The typed PIN shows as dots, never as digits.
  CHECK(test_support::find_widget(run.shots[0], "staff.pin.typed")->at("label") ==
        "\u2022 \u2022 \u2022 \u2022 \u2022 ");
  check_labels_fit(run.shots);
  CHECK(test_support::find_widget(run.shots[1], "staff.count.session.0"));
}

TEST_CASE("the 5-second hold shows its progress, then says when to let go", "[ui][script][staff]") {
  platform::HeadlessOptions options;
  const std::string data = test_support::temp_dir("staff-hold-data");
  give_staff_pins(options, data);
  const auto run = run_script(
      "press frame.staff\nwait 0.5\nshot early\nwait 5\nshot full\nexpect-text \"Laat nu los\"\n"
      "release\nexpect-screen pin\n",
      "staff-hold", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  REQUIRE(run.shots.size() == 2);
  CHECK_FALSE(test_support::find_widget(run.shots[0], "staff.hold"));  // a visitor's brief touch shows nothing
  CHECK(test_support::find_widget(run.shots[1], "staff.hold"));
  check_labels_fit(run.shots);
}

TEST_CASE("an editor changes a note on the hours and an amount, confirms a persona change, publishes and rolls back",
          "[ui][script][staff][editor]") {
  const std::string data = test_support::temp_dir("editor-walk-data");
  content::ContentStore store(content::store_path(data));
  store.import_pack(content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content"), "test");
  platform::HeadlessOptions options;
  options.store = &store;
  give_staff_pins(options, data);
  const auto run = run_script(
      "hold frame.staff 5\n"
      "tap pin.8\ntap pin.3\ntap pin.5\ntap pin.6\ntap pin.0\ntap pin.enter\n"
      "tap staff.open_editor\n"
      "expect-screen editor\n"
      "tap staff.section.contacts\n"
      "tap edit.contact:ido\n"
      "expect-screen edit_item\n"
      "shot contact\n"
      "tap field.contact:ido:note:nl\n"
      "type \" Zaterdag ook.\"\n"
      "expect-text \"Leesgemak\"\n"
      "shot hours\n"
      "tap staff.edit.save\n"
      "expect-screen edit_item\n"
      "tap nav.back\n"
      "expect-screen editor\n"
      "tap staff.section.amounts\n"
      "tap edit.parameter:inkomen_110_alleen@2025-01-01\n"
      "tap field.parameter:inkomen_110_alleen@2025-01-01:value\n"
      "tap key.erase\nwait 0.6\ntap key.erase\nwait 0.6\ntap key.erase\nwait 0.6\ntap key.erase\nwait 0.6\n"
      "tap key.erase\nwait 0.6\ntap key.erase\nwait 0.6\ntap key.erase\nwait 0.6\n"  // "1651,18" gone
      "type \"900\"\n"
      "tap staff.edit.save\n"
      "expect-text \"voorbeeldpersonen\"\n"  // the income limit moved: personas get other suggestions
      "shot personas\n"
      "tap staff.edit.confirm\n"
      "expect-screen edit_item\n"
      "tap nav.back\n"
      "expect-screen editor\n"
      "shot list\n"
      "tap staff.edit.publish\n"
      "tap staff.publish.confirm\n"  // after a look at what goes live
      "expect-text \"Gepubliceerd\"\n",
      "editor-walk", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK(store.drafts().empty());
  const auto live = store.files();
  CHECK(live.at("contacts.toml").find("U hoeft geen lid te zijn. Zaterdag ook.") != std::string::npos);
  CHECK(live.at("selfcheck/parameters.toml").find("900") != std::string::npos);
  const auto history = store.history();
  REQUIRE(history.size() >= 2);
  CHECK(history.front().editor == "redacteur");
  check_labels_fit(run.shots);

  // Terugzetten: the hours as they were, live at once.
  std::int64_t hours_revision = 0;
  for (const auto& r : history)
    if (r.path == "contacts.toml" && r.editor == "redacteur") hours_revision = r.number;
  REQUIRE(hours_revision > 0);
  const auto back = run_script(
      "hold frame.staff 5\ntap pin.8\ntap pin.3\ntap pin.5\ntap pin.6\ntap pin.0\n"
      "tap pin.enter\ntap staff.open_editor\ntap staff.section.contacts\ntap edit.contact:ido\n"
      "tap staff.edit.history\n"  // the history of this item's file only
      "expect-screen history\nexpect-text \"Adressen en openingstijden\"\nshot history\n"
      "tap staff.rollback." +
          std::to_string(hours_revision) +
          "\nexpect-screen roll_back_review\nexpect-text \"Zaterdag ook\"\nshot review\n"
          "tap staff.rollback.apply\nexpect-text \"Teruggezet\"\nexpect-screen history\n",
      "editor-rollback", options);
  for (const auto& e : back.result.errors) UNSCOPED_INFO(e);
  REQUIRE(back.result.ok);
  CHECK(store.files().at("contacts.toml").find("Zaterdag ook") == std::string::npos);
  std::size_t listed = 0;
  for (const auto& r : history) {
    const bool shown = test_support::find_widget(back.shots[0], "staff.rollback." + std::to_string(r.number));
    CHECK(shown == (r.path == "contacts.toml"));
    listed += shown;
  }
  CHECK(listed > 0);
  // Each row says what changed, in words, then when, by whom and how.
  const auto* row = test_support::find_widget(back.shots[0], "staff.history." + std::to_string(hours_revision));
  const auto* by = test_support::find_widget(back.shots[0], "staff.history." + std::to_string(hours_revision) + ".by");
  REQUIRE(row);
  REQUIRE(by);
  CHECK((*row)["label"].get<std::string>().find("Meer over de tijden (Nederlands) is veranderd.") != std::string::npos);
  CHECK((*by)["label"].get<std::string>().find(" om ") != std::string::npos);
  CHECK((*by)["label"].get<std::string>().find(", de redacteur: gepubliceerd op de kiosk") != std::string::npos);
  check_labels_fit(back.shots);
}

namespace {

// Logs in as the editor (PIN 83560) and opens the editor.
const char* const kAsEditor =
    "hold frame.staff 5\n"
    "tap pin.8\ntap pin.3\ntap pin.5\ntap pin.6\ntap pin.0\ntap pin.enter\n"
    "tap staff.open_editor\n";

content::ContentStore& fixture_store(const std::string& data, std::unique_ptr<content::ContentStore>& store) {
  store = std::make_unique<content::ContentStore>(content::store_path(data));
  store->import_pack(content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content"), "test");
  return *store;
}

// A walk as the editor on a kiosk with the fixture content in its store; the run must succeed.
struct EditorWalk {
  std::unique_ptr<content::ContentStore> store;
  test_support::ScriptRun run;
};
EditorWalk walk_as_editor(const std::string& steps, const std::string& name) {
  EditorWalk walk;
  const std::string data = test_support::temp_dir(name + "-data");
  platform::HeadlessOptions options;
  options.store = &fixture_store(data, walk.store);
  give_staff_pins(options, data);
  walk.run = run_script(std::string(kAsEditor) + steps, name, options);
  for (const auto& e : walk.run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(walk.run.result.ok);
  return walk;
}

}  // namespace

TEST_CASE("a name the spelling check marks is added with one tap, and its mark goes", "[ui][script][staff][editor][spelling]") {
  const auto walk = walk_as_editor(
      "tap edit.page:huurtoeslag\n"
      "tap field.page:huurtoeslag:title:nl\n"
      "type \" bij Brumvelt\"\n"
      "shot marked\n"
      "tap staff.edit.add_word.0\n"
      "expect-text \"Woord toegevoegd\"\n"
      "shot known\n",
      "editor-word");
  REQUIRE(walk.run.shots.size() == 2);
  const auto* add = test_support::find_widget(walk.run.shots[0], "staff.edit.add_word.0");
  REQUIRE(add);
  CHECK((*add)["label"].get<std::string>() == "Brumvelt toevoegen");
  CHECK_FALSE(test_support::find_widget(walk.run.shots[1], "staff.edit.add_word.0"));
  check_labels_fit(walk.run.shots);
  const auto drafts = walk.store->drafts();
  REQUIRE(drafts.count("language/words.toml"));
  CHECK(drafts.at("language/words.toml").find("\"Brumvelt\"") != std::string::npos);
}

// An editor adds " nu" to the Dutch title of the huurtoeslag page and saves it.
const std::string kSaveTitleEdit =
    "tap edit.page:huurtoeslag\n"
    "tap field.page:huurtoeslag:title:nl\n"
    "type \" nu\"\n"
    "tap staff.edit.save\n"
    "expect-screen edit_item\n";

TEST_CASE("after the Dutch changes, the form marks its translations as out of date", "[ui][script][staff][editor][translations]") {
  const auto walk = walk_as_editor(
      kSaveTitleEdit +
      "shot item\n",
      "editor-out-of-date");
  REQUIRE(walk.run.shots.size() == 1);
  const auto* en = test_support::find_widget(walk.run.shots[0], "field.page:huurtoeslag:title:en");
  const auto* nl = test_support::find_widget(walk.run.shots[0], "field.page:huurtoeslag:title:nl");
  REQUIRE(en);
  REQUIRE(nl);
  CHECK((*en)["label"].get<std::string>().rfind("Verouderd:", 0) == 0);
  CHECK((*nl)["label"].get<std::string>().find("Verouderd") == std::string::npos);
  check_labels_fit(walk.run.shots);
}

TEST_CASE("Publiceren shows the editor what goes live, in words, before it does", "[ui][script][staff][editor][publish]") {
  const auto walk = walk_as_editor(
      kSaveTitleEdit +
      "tap nav.back\n"
      "expect-screen editor\n"
      "tap staff.edit.publish\n"
      "expect-screen publish_review\n"
      "expect-text \"Na publiceren\"\n"
      "shot publish\n"
      "tap staff.publish.confirm\n"
      "expect-screen editor\n",
      "editor-publish");
  REQUIRE(walk.run.shots.size() == 1);
  const auto& shot = walk.run.shots[0];
  // The page's title among the changes (the translations' record is a file of its own).
  std::string line;
  for (const auto& w : shot["widgets"])
    if (w["id"].get<std::string>().find(".change.") != std::string::npos &&
        w["label"].get<std::string>().find("Geld voor uw huur nu") != std::string::npos)
      line = w["label"].get<std::string>();
  REQUIRE_FALSE(line.empty());
  CHECK(line.find("Titel") != std::string::npos);
  CHECK(test_support::find_widget(shot, "staff.publish.confirm"));
  check_labels_fit(walk.run.shots);
  CHECK(walk.store->drafts().empty());
  CHECK(walk.store->files().at("pages/huurtoeslag.toml").find("Geld voor uw huur nu") != std::string::npos);
}

TEST_CASE("an editor translates beside the Dutch, and Voorbeeld shows and reads it as a visitor would",
          "[ui][script][staff][editor]") {
  const auto walk = walk_as_editor(
      "tap edit.page:huurtoeslag\n"
      "expect-screen edit_item\n"
      "expect-text \"English\"\n"
      "shot item\n"
      "tap field.page:huurtoeslag:title:ar\n"
      "expect-text \"In het Nederlands: Geld voor uw huur\"\n"
      "shot field\n"
      "tap nav.back\n"
      "tap field.page:huurtoeslag:title:en\n"
      "type \" today\"\n"
      "tap staff.edit.preview\n"
      "expect-screen preview\n"
      "expect-text \"Money for your rent today\"\n"
      "shot preview\n"
      "tap nav.speak\nwait 2\n"
      "tap nav.help\n"  // nothing on the preview leads away
      "expect-screen preview\n"
      "tap nav.back\n"
      "expect-screen edit_field\n"
      "tap staff.edit.cancel\n"
      "expect-screen edit_item\n",
      "editor-translate");
  const auto& run = walk.run;
  REQUIRE(run.shots.size() == 3);
  // Every language of the page is a cell of the form, Dutch first.
  for (const char* lang : {"nl", "en", "ar"})
    CHECK(test_support::find_widget(run.shots[0], std::string("field.page:huurtoeslag:body:") + lang));
  // The preview is the visitor's page in the field's language, marked as a preview.
  CHECK(run.shots[2]["screen"] == "preview");
  CHECK(test_support::find_widget(run.shots[2], "staff.preview.tag"));
  CHECK(test_support::find_widget(run.shots[2], "nav.speak"));
  const auto trace = test_support::read_jsonl(run.out_dir + "/speech.jsonl");
  REQUIRE_FALSE(trace.empty());
  CHECK(trace.front()["lang"] == "en");
  CHECK(trace.front()["text"].get<std::string>().find("Money for your rent today") != std::string::npos);
  CHECK(trace.front()["text"].get<std::string>().find("Voorbeeld") ==
        std::string::npos);  // the tag is not said
  // Cancelled: nothing was drafted, the live title is as it was.
  CHECK(walk.store->drafts().empty());
  check_labels_fit(run.shots);
}

TEST_CASE("Voorbeeld reads a page as a visitor hears it, with the page's own words for speech",
          "[ui][script][staff][editor][speech]") {
  const auto walk = walk_as_editor(
      "tap edit.page:over\n"
      "tap field.page:over:body:nl\n"
      "type \" Kom gerust langs.\"\n"
      "tap staff.edit.preview\n"
      "expect-screen preview\n"
      "expect-text \"Kom gerust langs.\"\n"
      "tap nav.speak\nwait 2\n",
      "editor-preview-spoken");
  const auto trace = test_support::read_jsonl(walk.run.out_dir + "/speech.jsonl");
  REQUIRE(trace.size() == 1);
  const std::string said = trace.front()["text"];
  // The page has a [spoken] text: that is said instead of the body, on the preview as on the kiosk.
  CHECK(said.find("Dit informatiepunt hoort bij de bibliotheek.") != std::string::npos);
  CHECK(said.find("Wij bewaren niets van wat u hier doet") == std::string::npos);
}

TEST_CASE("content goes from one kiosk to another on a USB stick, signed, after a look at the changes",
          "[ui][script][staff][editor][pack-transfer]") {
  const std::string stick = test_support::temp_dir("walk-stick");
  const std::string data_a = test_support::temp_dir("walk-kiosk-a"),
                    data_b = test_support::temp_dir("walk-kiosk-b");
  std::unique_ptr<content::ContentStore> store_a, store_b;
  auto options_for = [&](const std::string& data, std::unique_ptr<content::ContentStore>& store) {
    platform::HeadlessOptions options;
    options.store = &fixture_store(data, store);
    give_staff_pins(options, data);
    options.stick = {{{}, stick}, data, data + "/trusted-keys.toml"};
    return options;
  };
  // Kiosk A: a new Home topic, published, then the whole content onto the stick.
  const auto a = run_script(std::string(kAsEditor) +
                                "tap staff.section.home\n"
                                "tap edit.home:5\n"
                                "tap field.home:5:page\n"
                                "tap choice.huurtoeslag\n"
                                "tap staff.edit.save\n"
                                "tap nav.back\n"
                                "tap staff.edit.publish\n"
                                "tap staff.publish.confirm\n"  // after a look at what goes live
                                "tap staff.usb\n"
                                "expect-screen stick\n"
                                "tap staff.usb.export\n"
                                "expect-text \"De inhoud staat op de stick.\"\n"
                                "shot exported\n",
                            "stick-export", options_for(data_a, store_a));
  for (const auto& e : a.result.errors) UNSCOPED_INFO(e);
  REQUIRE(a.result.ok);
  const auto packs = editor::packs_on(stick);
  REQUIRE(packs.size() == 1);
  const auto key = editor::kiosk_key(data_a);
  REQUIRE(key);

  // Kiosk B does not trust A yet: it says so, and offers nothing to apply.
  const std::string review = std::string(kAsEditor) + "tap staff.usb\ntap staff.usb.pack." + packs[0] +
                             "\nexpect-screen import_review\nshot review\n";
  auto options_b = options_for(data_b, store_b);
  const auto before = store_b->files();
  const auto refused = run_script(review + "expect-text \"De kiosk kent de maker van dit pakket niet.\"\n",
                                  "stick-refused", options_b);
  for (const auto& e : refused.result.errors) UNSCOPED_INFO(e);
  REQUIRE(refused.result.ok);
  CHECK_FALSE(test_support::find_widget(refused.shots[0], "staff.review.apply"));
  CHECK(store_b->files() == before);

  // With A's line in B's trusted keys: the change list, then Toepassen makes it live.
  std::filesystem::copy_file(stick + "/" + key->signer + ".pub", data_b + "/trusted-keys.toml");
  const auto applied = run_script(review +
                                      "expect-text \"Anders: Startscherm\"\n"
                                      "tap staff.review.apply\n"
                                      "expect-text \"De kiosk gebruikt nu dit pakket.\"\n"
                                      "tap nav.home\n"
                                      "expect-screen home\n"
                                      "shot home\n",
                                  "stick-applied", options_b);
  for (const auto& e : applied.result.errors) UNSCOPED_INFO(e);
  REQUIRE(applied.result.ok);
  CHECK(store_b->files() == store_a->files());
  CHECK(test_support::find_widget(applied.shots[1], "home.topic.huurtoeslag"));  // visitors see it at once
  CHECK(store_b->history().front().editor == "pakket");
}

// Issue 23, item 6: a kiosk at 0.2 took 0.1 from a stick without a word, putting files back.
TEST_CASE("an older pack on a stick shows both versions and is taken only by Oudere inhoud terugzetten",
          "[ui][script][staff][editor][pack-transfer][older]") {
  const std::string stick = test_support::temp_dir("walk-older-stick"),
                    data = test_support::temp_dir("walk-older-kiosk");
  std::unique_ptr<content::ContentStore> store;
  platform::HeadlessOptions options;
  options.store = &fixture_store(data, store);
  give_staff_pins(options, data);
  options.stick = {{{}, stick}, data, data + "/trusted-keys.toml"};
  // The kiosk has 0.2; the stick holds the 0.1 it had before, signed by a kiosk it trusts.
  const auto old_files = store->files();
  std::string newer = old_files.at("pack.toml");
  newer.replace(newer.find("version = \"0.1\""), 15, "version = \"0.2\"");
  store->edit("pack.toml", newer, "pakket", "import 0.2");
  const auto key = editor::kiosk_key(test_support::temp_dir("walk-older-signer"));
  REQUIRE(key);
  REQUIRE(editor::export_to_stick(old_files, "0.1", stick, *key, "2026-11-20").problem.empty());
  std::filesystem::copy_file(stick + "/" + key->signer + ".pub", data + "/trusted-keys.toml");
  const auto pack = editor::packs_on(stick).front();
  const auto live = store->files();
  const std::string review = std::string(kAsEditor) + "tap staff.usb\ntap staff.usb.pack." + pack +
                             "\nexpect-screen import_review\n"
                             "expect-text \"Nu op de kiosk: versie 0.2\"\n"
                             "expect-text \"Op de stick: versie 0.1\"\n"
                             "expect-text \"Deze inhoud is ouder dan de inhoud op de kiosk.\"\n"
                             "shot review\n";
  const auto looked = run_script(review, "older-review", options);
  for (const auto& e : looked.result.errors) UNSCOPED_INFO(e);
  REQUIRE(looked.result.ok);
  CHECK_FALSE(test_support::find_widget(looked.shots[0], "staff.review.apply"));
  CHECK(test_support::find_widget(looked.shots[0], "staff.review.apply_older"));
  CHECK(store->files() == live);
  // Only the button that says so puts the older content back.
  const auto taken = run_script(review +
                                    "tap staff.review.apply_older\n"
                                    "expect-text \"De kiosk gebruikt nu dit pakket.\"\n",
                                "older-taken", options);
  for (const auto& e : taken.result.errors) UNSCOPED_INFO(e);
  REQUIRE(taken.result.ok);
  CHECK(store->files() == old_files);
}

namespace {
// Taps on the PIN pad for `digits`, then OK (a repeated digit waits: two taps on one key within
// 0.5 s act once).
std::string pin_taps(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i)
    out += (i > 0 && digits[i] == digits[i - 1] ? "wait 0.6\n" : "") + std::string("tap pin.") + digits[i] +
           "\n";
  return out + "tap pin.enter\n";
}
}  // namespace

TEST_CASE("staff: the first PINs need the installer's setup code, and each new PIN is typed twice",
          "[ui][script][staff][setup]") {
  const std::string data = test_support::temp_dir("setup-walk-data");
  platform::HeadlessOptions options;
  options.staff_pins = staff::pin_path(data);
  // No PINs and no code: whoever holds the library's name gets one line for staff, and stays on Home.
  const auto refused = run_script(
      "hold frame.staff 5\n"
      "expect-screen home\n"
      "expect-text \"Vraag de beheerder om de code om pincodes te kiezen.\"\n"
      "shot no_code\n",
      "setup-no-code", options);
  for (const auto& e : refused.result.errors) UNSCOPED_INFO(e);
  REQUIRE(refused.result.ok);
  CHECK_FALSE(std::filesystem::exists(options.staff_pins));

  const std::string code = staff::make_setup_code(staff::setup_code_path(data)).code;
  REQUIRE_FALSE(code.empty());
  const std::string wrong = code == "00000000" ? "11111111" : "00000000";
  const auto run = run_script(
      "hold frame.staff 5\n"
      "expect-screen pin_setup\n"
      "expect-text \"Typ de code van de beheerder.\"\n" +
          pin_taps(wrong) +
          "expect-text \"Deze code klopt niet.\"\n"
          "wait 2\n" +
          pin_taps(code) + "expect-text \"Kies een pincode voor vrijwilligers.\"\n" + pin_taps("40719") +
          "expect-text \"Typ de pincode nog een keer.\"\n"
          "shot again\n" +
          pin_taps("40718") + "expect-text \"De twee pincodes zijn niet gelijk.\"\n" + pin_taps("40719") +
          pin_taps("40719") + "expect-text \"Kies nu een andere pincode voor redacteuren.\"\n" +
          pin_taps("83560") + "expect-text \"Typ de pincode nog een keer.\"\n" + pin_taps("83560") +
          "expect-screen pin\n" + pin_taps("83560") + "expect-screen volunteer\n",
      "setup-walk", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  check_labels_fit(run.shots);
  staff::Access access(options.staff_pins);
  CHECK_FALSE(access.needs_setup());
}

TEST_CASE("a booby-trapped stick: the editor is told, and the PINs, the key and the store stay as they were",
          "[ui][script][staff][editor][pack-transfer][links]") {
  const std::string stick = test_support::temp_dir("trap-walk-stick");
  const std::string data = test_support::temp_dir("trap-walk-data");
  std::unique_ptr<content::ContentStore> store;
  platform::HeadlessOptions options;
  options.store = &fixture_store(data, store);
  give_staff_pins(options, data);
  options.stick = {{{}, stick}, data, data + "/trusted-keys.toml"};
  const auto key = editor::kiosk_key(data);
  REQUIRE(key);
  // The reproduction: the export's temp file for SIGNER.pub is a link to the PIN file; and a
  // "pack" that is a link to the kiosk's key.
  std::filesystem::create_symlink(options.staff_pins, stick + "/" + key->signer + ".pub.tmp");
  std::filesystem::create_symlink(data + "/kiosk-key.toml", stick + "/sleutel.wwpack");
  auto bytes = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string pins = bytes(options.staff_pins), key_text = bytes(data + "/kiosk-key.toml");
  const auto files = store->files();
  const auto run = run_script(std::string(kAsEditor) +
                                  "tap staff.usb\n"
                                  "tap staff.usb.export\n"
                                  "expect-text \"Op deze stick staat iets vreemds.\"\n"
                                  "shot refused\n"
                                  "tap staff.usb.pack.sleutel.wwpack\n"
                                  "expect-screen import_review\n"
                                  "expect-text \"Dit is geen gewoon bestand.\"\n"
                                  "shot not_plain\n",
                              "trap-walk", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK_FALSE(test_support::find_widget(run.shots[1], "staff.review.apply"));
  CHECK(bytes(options.staff_pins) == pins);
  CHECK(bytes(data + "/kiosk-key.toml") == key_text);
  CHECK(store->files() == files);
  CHECK(std::filesystem::is_symlink(stick + "/" + key->signer + ".pub.tmp"));
}
