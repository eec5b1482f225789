// The on-screen slip in parts (issue 22, item 6): a slip too long for one screen is shown on
// sheets that each stand alone in a photo: the place's name, "1 van 2" and the step (what to
// do) on every sheet, and the part for the counter whole on one of them.
#include <catch2/catch.hpp>
#include <regex>

#include "support/layout.hpp"

using test_support::find_widget;
using test_support::run_script;

namespace {

// To the slip of the desk step in the largest text, then `turns` times "Lees verder".
std::string to_sheet(const std::string& lang, int turns) {
  std::string script = "lang " + lang + "\ntap nav.bigger\nwait 1\ntap nav.bigger\nwait 6\n" +
                       "tap home.selfcheck\nwait 1\ntap intro.start\nwait 1\n";
  for (const char* answer : {"yes", "yes", "yes", "no", "band.1"})
    script += "tap answer." + std::string(answer) + "\nwait 1\n";
  script += "tap result.slip\nwait 1\ntap next.desk\nwait 1\nexpect-screen slip\nshot sheet-1\n";
  for (int turn = 1; turn <= turns; ++turn)
    script += "tap slip.next\nwait 1\nshot sheet-" + std::to_string(turn + 1) + "\n";
  return script;
}

}  // namespace

TEST_CASE(
    "a slip in parts shows the place, '1 van 2' and the step on every sheet, and the counter part whole on "
    "one",
    "[slip][ui][sheets]") {
  const auto& pack = test_support::fixture_pack();
  for (const std::string lang : {"nl", "ar"}) {
    INFO(lang);
    const auto first = run_script(to_sheet(lang, 0), "slip-sheets-first-" + lang);
    for (const auto& e : first.result.errors) UNSCOPED_INFO(e);
    REQUIRE(first.result.ok);
    const auto* header = find_widget(first.shots.at(0), "slip.sheet");
    REQUIRE(header);
    // "Bibliotheek Voorbeeldstad — 1 van 3": how many sheets there are, in the visitor's words.
    const std::string pattern = pack.text("slip.sheet", lang);
    std::smatch found;
    const std::string label = (*header)["label"];
    REQUIRE(std::regex_search(
        label, found,
        std::regex(std::regex_replace(std::regex_replace(pattern, std::regex("\\{n\\}"), "1"),
                                      std::regex("\\{total\\}"), "([0-9]+)"))));
    const int sheets = std::stoi(found[1]);
    REQUIRE(sheets >= 2);  // the largest text needs more than one sheet, else this tests nothing

    const auto all = run_script(to_sheet(lang, sheets - 1), "slip-sheets-" + lang);
    for (const auto& e : all.result.errors) UNSCOPED_INFO(e);
    REQUIRE(all.result.ok);
    REQUIRE(all.shots.size() == static_cast<std::size_t>(sheets));
    int with_counter = 0;
    for (int i = 0; i < sheets; ++i) {
      const auto& shot = all.shots[static_cast<std::size_t>(i)];
      INFO("sheet " << i + 1);
      const auto* top = find_widget(shot, "slip.sheet");
      const auto* place = find_widget(shot, "slip.sheet.place");
      REQUIRE(top);
      REQUIRE(place);
      CHECK((*place)["label"] == "Bibliotheek Voorbeeldstad");
      CHECK((*top)["label"] ==
            content::fill_in(pattern, {{"n", std::to_string(i + 1)}, {"total", std::to_string(sheets)}}));
      CHECK((*top)["rect"][1] == (*place)["rect"][1]);  // on one line
      CHECK((find_widget(shot, "slip.next") != nullptr) == (i + 1 < sheets));
      // What to do, whole, below the header: a photo of sheet 2 alone still says it.
      int steps = 0;
      for (const auto& w : shot["widgets"]) {
        const std::string id = w["id"];
        if (id.size() > 5 && id.compare(id.size() - 5, 5, ".step") == 0) {
          CHECK(w["label"] == pack.text("slip.step.desk", lang));
          CHECK(w["rect"][1].get<float>() >= (*top)["rect"][1].get<float>() + (*top)["rect"][3].get<float>());
          ++steps;
        }
      }
      CHECK(steps == 1);
      // A list of boxes has its heading on every sheet it is on, "Neem mee:" again where it goes on.
      bool boxes = false, bring = false;
      for (const auto& w : shot["widgets"]) {
        const std::string id = w["id"];
        boxes = boxes || id.find(".check") != std::string::npos;
        bring = bring || w["label"] == pack.text("slip.bring", lang);
      }
      CHECK(bring == boxes);
      // The counter part: its heading and the line for a name; for a visitor of another language
      // also the Dutch heading for the staff (a Dutch visitor's frame is their own sentence).
      const std::vector<std::string> counter =
          lang == "nl" ? std::vector<std::string>{pack.text("slip.say", "nl"), pack.text("slip.staff", "nl")}
                       : std::vector<std::string>{pack.text("slip.counter", lang),
                                                  pack.text("slip.counter_staff", "nl"),
                                                  pack.text("slip.staff", "nl")};
      std::size_t parts = 0;
      for (const auto& w : shot["widgets"])
        for (const auto& part : counter)
          if (w["label"] == part) ++parts;
      if (parts > 0) {
        CHECK(parts == counter.size());
        ++with_counter;
      }
    }
    CHECK(with_counter == 1);
  }
}
