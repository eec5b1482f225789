// Walks every screen in every language, text size and in high contrast (the tour) and checks
// the display model from the layout dump: target sizes, gaps, cap heights, contrast.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "app/kiosk_app.hpp"
#include "content/pack_reader.hpp"
#include "support/layout.hpp"
#include "ui/theme.hpp"

namespace {

using nlohmann::json;

struct Box {
  float x, y, w, h;
};
Box box(const json& widget) {
  const auto& r = widget["rect"];
  return {r[0].get<float>(), r[1].get<float>(), r[2].get<float>(), r[3].get<float>()};
}

// Distance between two rectangles' edges (0 when they touch or overlap).
float gap_between(const Box& a, const Box& b) {
  const float dx = std::max({0.0f, b.x - (a.x + a.w), a.x - (b.x + b.w)});
  const float dy = std::max({0.0f, b.y - (a.y + a.h), a.y - (b.y + b.h)});
  return std::hypot(dx, dy);
}

ui::Color color(const std::string& hex) {
  auto part = [&](int at) { return static_cast<std::uint8_t>(std::stoi(hex.substr(at, 2), nullptr, 16)); };
  return {part(1), part(3), part(5), 255};
}

const std::vector<json>& tour_shots() {
  static const std::vector<json> shots = [] {
    static const content::ContentPack content = test_support::fixture_pack();
    const std::string out = test_support::temp_dir("tour");
    platform::HeadlessDriver driver(content, {});
    const auto result =
        driver.run(script::parse(platform::tour_script(content, app::today_iso())), out, "tour");
    for (const auto& error : result.errors) UNSCOPED_INFO(error);
    REQUIRE(result.ok);
    return test_support::read_jsonl(out + "/layout.jsonl");
  }();
  return shots;
}

}  // namespace

// One test case, so the tour runs once; each rule is a section of it.
TEST_CASE("every screen of the tour meets the display model", "[ui][layout]") {
  SECTION("the tour reaches every kind of screen in every language, text size and in high contrast") {
    const auto& shots = tour_shots();
    std::set<std::string> seen;
    for (const auto& shot : shots)
      seen.insert(shot["lang"].get<std::string>() + " " + shot["text_size"].get<std::string>() +
                  (shot["high_contrast"].get<bool>() ? " contrast " : " ") +
                  shot["screen"].get<std::string>());
    for (std::string lang : {"nl", "en", "ar"})
      for (std::string mode : {" normal ", " large ", " larger ", " normal contrast "})
        for (std::string screen :
             {"home", "page", "question", "result", "slip", "idle", "help", "call_help", "language", "listening"}) {
          INFO(lang + mode + screen);
          CHECK(seen.count(lang + mode + screen) == 1);
        }
  }
  SECTION("every target is at least 16 mm, primary targets at least 20 mm high") {
    for (const auto& shot : tour_shots()) {
      const float per_mm = shot["px_per_mm"].get<float>();
      for (const auto& w : shot["widgets"]) {
        if (!w["target"].get<bool>()) continue;
        INFO(shot["shot"].get<std::string>() << " " << w["id"].get<std::string>());
        const Box b = box(w);
        CHECK(b.w / per_mm >= 16.0f);
        CHECK(b.h / per_mm >= 16.0f);
        if (w["role"] == "primary") CHECK(b.h / per_mm >= 20.0f);
      }
    }
  }
  SECTION("targets are at least 4 mm apart") {
    for (const auto& shot : tour_shots()) {
      const float per_mm = shot["px_per_mm"].get<float>();
      std::vector<const json*> targets;
      for (const auto& w : shot["widgets"])
        if (w["target"].get<bool>()) targets.push_back(&w);
      for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
          INFO(shot["shot"].get<std::string>() << ": " << (*targets[i])["id"].get<std::string>() << " ~ "
                                               << (*targets[j])["id"].get<std::string>());
          CHECK(gap_between(box(*targets[i]), box(*targets[j])) / per_mm >= 4.0f);
        }
    }
  }
  SECTION("text has a cap height of at least 5 mm, 7.3 mm with large text, 9 mm with larger text") {
    for (const auto& shot : tour_shots()) {
      const float per_mm = shot["px_per_mm"].get<float>();
      const std::string size = shot["text_size"];
      const float least = size == "larger" ? 9.0f : size == "large" ? 7.3f : 5.0f;
      for (const auto& w : shot["widgets"]) {
        if (w["role"] == "pictogram" || w["role"] == "hold") continue;
        INFO(shot["shot"].get<std::string>() << " " << w["id"].get<std::string>());
        const float cap_mm = w["cap_px"].get<float>() / per_mm;
        CHECK(cap_mm >= 5.0f);
        // The frame's bars keep their size so their buttons never move.
        const bool frame = w["role"] == "nav" || w["id"] == "frame.location" || w["id"] == "frame.listening";
        if (!frame) CHECK(cap_mm >= least);
      }
    }
  }
  SECTION("text contrast is at least 7:1") {
    for (const auto& shot : tour_shots())
      for (const auto& w : shot["widgets"]) {
        if (w["role"] == "pictogram" || w["role"] == "hold") continue;  // no text drawn
        INFO(shot["shot"].get<std::string>()
             << " " << w["id"].get<std::string>() << " " << w["fg"] << " on " << w["bg"]);
        CHECK(ui::contrast_ratio(color(w["fg"]), color(w["bg"])) >= 7.0);
      }
  }
  SECTION("in high contrast every text and pictogram reaches 15:1 on its background") {
    int checked = 0;
    for (const auto& shot : tour_shots()) {
      if (!shot["high_contrast"].get<bool>()) continue;
      for (const auto& w : shot["widgets"]) {
        if (w["role"] == "hold") continue;  // nothing drawn
        INFO(shot["shot"].get<std::string>()
             << " " << w["id"].get<std::string>() << " " << w["fg"] << " on " << w["bg"]);
        CHECK(ui::contrast_ratio(color(w["fg"]), color(w["bg"])) >= 15.0);
        ++checked;
      }
    }
    CHECK(checked > 500);
  }
  SECTION("nothing is drawn outside the screen") {
    for (const auto& shot : tour_shots()) {
      const float W = shot["size_px"][0].get<float>(), H = shot["size_px"][1].get<float>();
      for (const auto& w : shot["widgets"]) {
        INFO(shot["shot"].get<std::string>() << " " << w["id"].get<std::string>());
        const Box b = box(w);
        CHECK(b.x >= 0);
        CHECK(b.y >= 0);
        CHECK(b.x + b.w <= W);
        CHECK(b.y + b.h <= H);
      }
    }
  }
  SECTION("the nav buttons sit in the same place on every screen") {
    std::map<std::string, std::vector<float>> first;
    for (const auto& shot : tour_shots()) {
      if (shot["screen"] == "idle") continue;  // the warning covers the whole screen
      for (const char* id :
           {"nav.back", "nav.home", "nav.speak", "nav.bigger", "nav.help", "nav.language", "nav.clear"}) {
        const json* w = test_support::find_widget(shot, id);
        INFO(shot["shot"].get<std::string>() << " " << id);
        REQUIRE(w);
        const auto rect = (*w)["rect"].get<std::vector<float>>();
        // Right-to-left screens are mirrored: the same place, seen from the other side.
        auto [it, inserted] = first.emplace(shot["direction"].get<std::string>() + id, rect);
        for (std::size_t i = 0; i < 4; ++i) CHECK(it->second[i] == Approx(rect[i]).margin(0.5));
      }
    }
  }
}

TEST_CASE("the contrast formula matches WCAG's known values", "[ui]") {
  CHECK(ui::contrast_ratio({0, 0, 0, 255}, {255, 255, 255, 255}) == Approx(21.0));
  CHECK(ui::contrast_ratio({119, 119, 119, 255}, {255, 255, 255, 255}) == Approx(4.48).epsilon(0.01));
}

// The shipped pack, not the test pack: its real pages and slips must fit the
// screen in every language and text size (long ones go on behind "Lees verder").
TEST_CASE("the shipped content never runs under the bars or out of its buttons, in any language or text size",
          "[ui][layout][shipped]") {
  auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(read.pack);
  const std::string out = test_support::temp_dir("tour-shipped");
  platform::HeadlessDriver driver(*read.pack, {});
  const auto result =
      driver.run(script::parse(platform::tour_script(*read.pack, app::today_iso())), out, "tour");
  for (const auto& error : result.errors) UNSCOPED_INFO(error);
  REQUIRE(result.ok);
  int checked = 0;
  for (const auto& shot : test_support::read_jsonl(out + "/layout.jsonl")) {
    if (shot["screen"] == "idle") continue;
    const json* bottom_bar = test_support::find_widget(shot, "nav.back");
    const json* top_bar = test_support::find_widget(shot, "nav.clear");
    REQUIRE(bottom_bar);
    REQUIRE(top_bar);
    const float bar_top = box(*bottom_bar).y, bar_bottom = box(*top_bar).y + box(*top_bar).h;
    for (const auto& w : shot["widgets"]) {
      const std::string id = w["id"];
      INFO(shot["shot"].get<std::string>() << " " << id);
      CHECK_FALSE(w["overflows"].get<bool>());
      if (id.rfind("nav.", 0) == 0 || id.rfind("frame.", 0) == 0) continue;
      const Box b = box(w);
      CHECK(b.y + b.h <= bar_top);
      CHECK(b.y >= bar_bottom);
      ++checked;
    }
  }
  CHECK(checked > 1000);
}
