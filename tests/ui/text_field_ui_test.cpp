// The editor's text field through the very code an editor's finger reaches: the headless
// runner's taps, the touch filter, the runtime's guards, the drawn text's caret places and the
// on-screen keyboards of the shipped pack's languages (issue 20).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "content/pack_reader.hpp"
#include "content/store.hpp"
#include "platform/word_swap.hpp"
#include "staff/access.hpp"
#include "support/fixtures.hpp"

namespace {

// An editor on the field of the shipped pack's AOW page in `lang`, with the store and PINs
// of a fresh kiosk.
struct EditingKiosk {
  std::string data;
  std::unique_ptr<content::ContentStore> store;
  std::unique_ptr<platform::HeadlessDriver> driver;
  explicit EditingKiosk(const std::string& lang, const std::string& name) {
    data = test_support::temp_dir(name);
    store = std::make_unique<content::ContentStore>(content::store_path(data));
    const auto files = content::read_files(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
    store->import_pack(files, "test");
    platform::HeadlessOptions options;
    options.store = store.get();
    options.staff_pins = data + "/pins.toml";
    staff::Access access(options.staff_pins);
    REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
    REQUIRE(access.set_pin(staff::Role::Editor, "83560").empty());
    auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
    REQUIRE(read.pack);
    driver = std::make_unique<platform::HeadlessDriver>(*read.pack, options);
    const auto problem = platform::open_field_as_editor(*driver, "83560", "page:aow:body:" + lang);
    INFO(problem);
    REQUIRE(problem.empty());
  }
  [[nodiscard]] const editor::TextField& field() const { return driver->app().session().edit.text; }
  [[nodiscard]] const ui::Widget& widget(const std::string& id) {
    const ui::Widget* w = driver->shell().widgets().find(id);
    REQUIRE(w);
    return *w;
  }
  void tap(const std::string& id) {
    const auto& r = widget(id).rect;
    driver->tap_at({r.x + r.w / 2, r.y + r.h / 2});
  }
};

}  // namespace

TEST_CASE("one word in the middle of a page is replaced in at most 12 taps, on each keyboard",
          "[ui][editor][textfield][bench]") {
  for (const auto& c : platform::aow_swap_cases()) {
    SECTION(c.lang) {
      EditingKiosk kiosk(c.lang, "textfield-bench-" + c.lang);
      CHECK(kiosk.driver->app().session().edit.keyboard == c.lang);
      const std::string before = kiosk.field().text();
      const std::size_t at = c.offset_in(before);
      REQUIRE(at != std::string::npos);
      REQUIRE(before.compare(at, c.word.size(), c.word) == 0);
      const auto swap = platform::swap_word_by_taps(*kiosk.driver, at, c.replacement);
      INFO(swap.problem);
      REQUIRE(swap.problem.empty());
      std::string expected = before;
      expected.replace(at, c.word.size(), c.replacement);
      CHECK(swap.text == expected);
      CHECK(kiosk.field().text() == expected);
      UNSCOPED_INFO(c.lang << ": " << swap.taps << " taps");
      CHECK(swap.taps <= 12);
      // The word was in the middle, not near an end the cursor starts at.
      CHECK(at > before.size() / 4);
      CHECK(at < before.size() * 3 / 4);
    }
  }
}

TEST_CASE("ten quick taps on Wis erase ten letters", "[ui][editor][textfield]") {
  EditingKiosk kiosk("nl", "textfield-wis-quick");
  const std::string before = kiosk.field().text();
  const auto& r = kiosk.widget("key.erase").rect;
  for (int i = 0; i < 10; ++i) {
    kiosk.driver->tap_at({r.x + r.w / 2, r.y + r.h / 2});  // 100 ms down
    kiosk.driver->advance(150);                            // a tap every quarter second
  }
  // The text ends in "... staat vrij.\n" or so: ten whole characters (all ASCII here) went.
  CHECK(kiosk.field().text() == before.substr(0, before.size() - 10));
}

TEST_CASE("holding Wis repeats it, and lifting stops it", "[ui][editor][textfield]") {
  EditingKiosk kiosk("nl", "textfield-wis-hold");
  const std::string before = kiosk.field().text();
  const auto& r = kiosk.widget("key.erase").rect;
  const input::Point on{r.x + r.w / 2, r.y + r.h / 2};
  kiosk.driver->pointer(input::PointerEvent::Kind::Down, 0, on);
  kiosk.driver->advance(400);
  CHECK(kiosk.field().text() == before);  // not yet: a slow tap is still a tap
  kiosk.driver->advance(600);             // 1 s held: at 0.5, 0.625, 0.75, 0.875 and 1.0 s
  CHECK(kiosk.field().text() == before.substr(0, before.size() - 5));
  kiosk.driver->advance(1000);  // 2 s: eight more
  CHECK(kiosk.field().text() == before.substr(0, before.size() - 13));
  kiosk.driver->pointer(input::PointerEvent::Kind::Up, 0, on);  // the release adds none
  kiosk.driver->advance(1000);
  CHECK(kiosk.field().text() == before.substr(0, before.size() - 13));
  // A press that slides off the key stops the repeating.
  kiosk.driver->pointer(input::PointerEvent::Kind::Down, 0, on);
  kiosk.driver->advance(600);
  kiosk.driver->pointer(input::PointerEvent::Kind::Move, 0, {on.x, on.y - r.h * 3});
  kiosk.driver->advance(1000);
  kiosk.driver->pointer(input::PointerEvent::Kind::Up, 0, {on.x, on.y - r.h * 3});
  CHECK(kiosk.field().text() == before.substr(0, before.size() - 14));
}

TEST_CASE("a plugged-in keyboard types and moves the cursor, visually in Arabic", "[ui][editor][textfield]") {
  EditingKiosk kiosk("ar", "textfield-keys");
  auto& runtime = kiosk.driver->runtime();
  const std::string before = kiosk.field().text();
  auto key = [&](const std::string& name, bool ctrl = false) {
    input::KeyChord chord;
    chord.key = name;
    chord.ctrl = ctrl;
    kiosk.driver->key(chord);
  };
  key("Home");
  CHECK(kiosk.field().cursor() == 0);
  key("Left");  // in a right-to-left text the arrow to the left goes on in the text
  CHECK(kiosk.field().cursor() > 0);
  key("Right");
  CHECK(kiosk.field().cursor() == 0);
  key("Left", true);  // a word on: "**AOW**" are marks, then the word
  const std::size_t after_word = kiosk.field().cursor();
  CHECK(before.substr(0, after_word) == "**AOW");
  runtime.text_input("\u0623", kiosk.driver->now());  // SDL text input: أ
  CHECK(kiosk.field().text() == "**AOW\u0623" + before.substr(after_word));
  key("Backspace");
  key("Delete");
  CHECK(kiosk.field().text() == "**AOW" + before.substr(after_word + 1));
  key("End");
  CHECK(kiosk.field().cursor() == kiosk.field().text().size());
}

TEST_CASE("the field and its keyboards render with the cursor, a selection and Arabic in the middle",
          "[ui][editor][textfield][shots]") {
  for (const std::string lang : {"nl", "tr", "uk", "ar"}) {
    EditingKiosk kiosk(lang, "textfield-shots-" + lang);
    const std::string out = test_support::temp_dir("textfield-png-" + lang);
    // The cursor in the middle of the text, and (but for Arabic) a word selected.
    const auto& text = kiosk.field().text();
    std::size_t middle = text.find(' ', text.size() / 2) + 1;
    // A word's start: not "€" or "-".
    while (kiosk.field().word_at(middle) == std::pair{middle, middle}) middle = text.find(' ', middle) + 1;
    kiosk.driver->apply({app::Action::MoveCursor, "at:" + std::to_string(middle)});
    if (lang != "ar") {
      kiosk.driver->apply({app::Action::PlaceCursor, std::to_string(middle + 1)});
      kiosk.driver->apply({app::Action::PlaceCursor, std::to_string(middle + 1)});
      INFO(lang);
      CHECK(kiosk.field().has_selection());
    }
    REQUIRE(kiosk.driver->screenshot(out + "/field.png"));
    // To look at them: WEGWIJZER_KEEP_SHOTS=DIR keeps a copy after the test's folder is gone.
    if (const char* keep = std::getenv("WEGWIJZER_KEEP_SHOTS"))
      std::filesystem::copy_file(out + "/field.png", std::string(keep) + "/field-" + lang + ".png",
                                 std::filesystem::copy_options::overwrite_existing);
    const ui::Widget& box = kiosk.widget("staff.edit.text");
    // The cursor's place is drawn inside the box: the text scrolled to it.
    bool shown = false;
    for (const auto& stop : box.carets)
      shown = shown || (stop.offset == kiosk.field().selection().first && stop.y >= box.rect.y &&
                        stop.y + stop.h <= box.rect.bottom());
    CHECK(shown);
    // Every key is at least 16 mm: shaky hands.
    const float min_px = ui::DisplayMetrics{}.px(16);
    for (const auto& w : kiosk.driver->shell().widgets().all())
      if (w.intent && w.id.rfind("key.", 0) == 0) {
        INFO(w.id);
        CHECK(w.rect.w >= min_px - 0.5f);
        CHECK(w.rect.h >= min_px - 0.5f);
        CHECK_FALSE(w.overflows);
      }
    UNSCOPED_INFO(out + "/field.png");
  }
}

TEST_CASE("the page keys move the cursor a box of lines, and the text scrolls with it",
          "[ui][editor][textfield]") {
  EditingKiosk kiosk("nl", "textfield-page");
  const std::size_t end = kiosk.field().text().size();
  REQUIRE(kiosk.field().cursor() == end);
  auto cursor_shows = [&] {
    const ui::Widget& box = kiosk.widget("staff.edit.text");
    for (const auto& stop : box.carets)
      if (stop.offset == kiosk.field().cursor())
        return stop.y >= box.rect.y && stop.y + stop.h <= box.rect.bottom();
    return false;
  };
  kiosk.tap("key.page_up");
  kiosk.driver->advance(300);
  const std::size_t one_up = kiosk.field().cursor();
  CHECK(one_up < end);
  CHECK(one_up > 0);  // the AOW page is taller than the box: a box up is not yet the start
  CHECK(cursor_shows());
  for (int i = 0; i < 10 && kiosk.field().cursor() > 0; ++i) {
    kiosk.tap("key.page_up");
    kiosk.driver->advance(300);
  }
  CHECK(kiosk.field().cursor() == 0);
  CHECK(cursor_shows());
  for (int i = 0; i < 10 && kiosk.field().cursor() < end; ++i) {
    kiosk.tap("key.page_down");
    kiosk.driver->advance(300);
  }
  CHECK(kiosk.field().cursor() == end);
  CHECK(cursor_shows());
}
