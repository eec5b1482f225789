// Issue 23, item 11: a page whose body is one 3 MB word, or a 3 MB paragraph, reaches the screen
// without check-content (a store from before the limits, a draft). The kiosk keeps drawing
// frames while it is laid out, each frame does bounded work, and the text never covers the
// bottom buttons.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "platform/layout_dump.hpp"
#include "platform/service.hpp"
#include "support/layout.hpp"
#include "text/layout.hpp"

namespace {

using nlohmann::json;
using test_support::repeated;

// The budget and the step under way when it runs out, as in text_slices_test.cpp; the other
// texts of the page (title, buttons) are laid out whole in the first frame.
constexpr std::size_t kMostShapedInAFrame = text::TextEngine::kFrameBudget.shaped + 2048 + 4096;

struct LongPage {
  const char* id;
  std::string body;
};

const std::vector<LongPage>& long_pages() {
  static const std::vector<LongPage> pages = {
      {"lang-woord", repeated("huurtoeslag", 3'000'000)},
      {"lange-alinea", repeated("Een vrijwilliger in de bibliotheek helpt u graag met het formulier. ", 3'000'000)},
  };
  return pages;
}

content::ContentPack pack_with_long_pages() {
  content::ContentPack pack = test_support::fixture_pack();
  for (const auto& long_page : long_pages()) {
    content::Page page;
    page.id = long_page.id;
    page.pictogram = "menu_book";
    page.title = {{"nl", "Een lange tekst"}};
    page.body = {{"nl", long_page.body}};
    pack.pages.push_back(page);
  }
  return pack;
}

struct Rect {
  float x, y, w, h;
};
Rect rect_of(const json& widget) {
  const auto& r = widget["rect"];
  return {r[0].get<float>(), r[1].get<float>(), r[2].get<float>(), r[3].get<float>()};
}

// The page's text stays above every button at the bottom (the nav bar, "Lees verder"), and a
// text cut off says so.
void check_text_above_buttons(runtime::Runtime& kiosk, const std::string& shot) {
  const json dump = platform::layout_json(kiosk, shot);
  const json* body = test_support::find_widget(dump, "page.body.0");
  REQUIRE(body);
  CHECK((*body)["overflows"].get<bool>());
  const Rect text = rect_of(*body);
  CHECK(text.h > 0);
  int buttons = 0;
  for (const auto& w : dump["widgets"]) {
    const std::string id = w["id"];
    if (id.rfind("nav.", 0) != 0 && id != "page.next") continue;
    const Rect button = rect_of(w);
    if (button.y < text.y) continue;  // the top bar
    INFO(shot << ": " << id);
    CHECK(text.y + text.h <= button.y);
    ++buttons;
  }
  CHECK(buttons >= 5);
  // What is read aloud is what shows: the lines drawn, not 3 MB.
  CHECK((*body)["label"].get<std::string>().size() < 10'000);
}

}  // namespace

TEST_CASE("a 3 MB word or paragraph on a page: bounded work each frame, the watchdog fed, until all is laid out",
          "[ui][longtext][watchdog]") {
  // The window loop pings the watchdog at most once an iteration, between frames: a frame that
  // takes long is a ping that comes late. Here a watchdog of 1 s (systemd's is 30 s) on the
  // real clock, on a loaded test machine; the work each frame is counted, not timed.
  using Clock = std::chrono::steady_clock;
  const auto ms = [start = Clock::now()] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  };
  const content::ContentPack pack = pack_with_long_pages();
  for (const auto& page : long_pages()) {
    INFO(page.id);
    platform::HeadlessDriver driver(pack, {});
    const auto& engine = driver.shell().typography().engine();
    platform::service::Watchdog watchdog(1000);
    std::int64_t last_ping = ms(), longest_gap = 0;
    watchdog.pinged(last_ping);
    int frames = 0;
    auto frame = [&](auto&& draw) {
      if (watchdog.due(ms())) {
        longest_gap = std::max(longest_gap, ms() - last_ping);
        last_ping = ms();
        watchdog.pinged(last_ping);
      }
      const std::size_t shaped = engine.shaped_chars();
      draw();
      CHECK(engine.shaped_chars() - shaped <= kMostShapedInAFrame);
      ++frames;
    };
    frame([&] { driver.apply({app::Action::OpenPage, page.id}); });  // the tap, and the frame it draws
    REQUIRE(driver.app().visible_screen().kind == app::ScreenKind::Page);
    check_text_above_buttons(driver.runtime(), "first frame");
    // To look at: the screen a frame after the tap, and once all is laid out.
    const std::string shots = test_support::temp_dir(std::string("long-text-") + page.id);
    frame([&] { REQUIRE(driver.screenshot(shots + "/" + page.id + "-frame-2.png")); });
    while (driver.runtime().needs_redraw(driver.now()) && frames < 10'000) frame([&] { driver.layout(); });
    longest_gap = std::max(longest_gap, ms() - last_ping);
    INFO(frames << " frames in " << ms() << " ms");
    CHECK(longest_gap < 2000);  // a ping was never more than a frame late
    // All of it was laid out, over many frames: nothing is left to do and no frame is wanted.
    CHECK(frames > 100);
    CHECK_FALSE(driver.shell().laying_out());
    check_text_above_buttons(driver.runtime(), "laid out");
    REQUIRE(driver.screenshot(shots + "/" + page.id + "-laid-out.png"));
  }
}

TEST_CASE("a script's wait draws the frames a long text needs, and leaving the page lets it go", "[ui][longtext]") {
  platform::HeadlessDriver driver(pack_with_long_pages(), {});
  const auto& engine = driver.shell().typography().engine();
  driver.apply({app::Action::OpenPage, "lange-alinea"});
  CHECK(driver.shell().laying_out());
  // The virtual clock draws a frame every 16 ms while text is being laid out: 62 in a second.
  const std::size_t before = engine.shaped_chars();
  driver.advance(1000);
  CHECK(engine.shaped_chars() - before > 50 * text::TextEngine::kFrameBudget.shaped);
  CHECK(driver.shell().laying_out());
  check_text_above_buttons(driver.runtime(), "a second on");
  // On Home the long text is let go: no more frames are wanted.
  driver.apply({app::Action::Home});
  driver.advance(100);
  CHECK_FALSE(driver.shell().laying_out());
  CHECK_FALSE(driver.runtime().needs_redraw(driver.now()));
}
