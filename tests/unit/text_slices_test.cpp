// Issue 23, item 11: a long text is laid out a slice a frame, so no frame waits for it, and in
// the end it is the layout made in one go.
#include <catch2/catch.hpp>
#include <string>

#include "support/fixtures.hpp"
#include "support/text_engine.hpp"
#include "text/layout.hpp"

namespace {

using test_support::repeated;
using test_support::shared_engine;

// A step under way is finished when the budget runs out: a word (hyphenation tries a few
// heads), or one line of a word wider than the line with the window measured for it.
constexpr std::size_t kStepChars = 2048;

text::Style style(bool rtl = false) {
  text::Style s;
  s.size_px = 38;
  s.right_to_left = rtl;
  return s;
}

struct Frames {
  std::shared_ptr<const text::Layout> first, last;
  int frames = 0;
  std::size_t most_shaped = 0;  // in one frame
};

// Asks for the text once a frame, as a screen does, until it is laid out.
Frames in_frames(text::TextEngine& engine, const std::string& text, const text::Style& s, float width) {
  Frames out;
  while (!out.last || !out.last->complete) {
    engine.begin_frame();
    const std::size_t before = engine.shaped_chars();
    out.last = engine.layout(text, s, width);
    // A second ask in the same frame (a measure, then the drawing) does no more work.
    REQUIRE(engine.layout(text, s, width)->glyphs.size() == out.last->glyphs.size());
    out.most_shaped = std::max(out.most_shaped, engine.shaped_chars() - before);
    if (!out.first) out.first = out.last;
    if (++out.frames > 100'000) FAIL("still not laid out after 100,000 frames");
  }
  return out;
}

void require_same(const text::Layout& sliced, const text::Layout& whole) {
  REQUIRE(sliced.text == whole.text);
  REQUIRE(sliced.lines == whole.lines);
  REQUIRE(sliced.height == whole.height);
  REQUIRE(sliced.width == whole.width);
  REQUIRE(sliced.line_starts == whole.line_starts);
  REQUIRE(sliced.glyphs.size() == whole.glyphs.size());
  for (std::size_t i = 0; i < whole.glyphs.size(); ++i) {
    const auto& a = sliced.glyphs[i];
    const auto& b = whole.glyphs[i];
    if (a.face != b.face || a.id != b.id || a.x != b.x || a.y != b.y) FAIL("glyph " << i << " differs");
  }
  REQUIRE(sliced.words.size() == whole.words.size());
  for (std::size_t i = 0; i < whole.words.size(); ++i) {
    const auto& a = sliced.words[i];
    const auto& b = whole.words[i];
    if (a.x != b.x || a.y != b.y || a.w != b.w || a.begin != b.begin || a.end != b.end)
      FAIL("word box " << i << " differs");
  }
}

void check_sliced(const std::string& text, const text::Style& s, float width) {
  auto& shared = shared_engine();
  text::TextEngine screen(shared.fonts, shared.hyphenator);
  screen.set_frame_budget(text::TextEngine::kFrameBudget);
  const Frames frames = in_frames(screen, text, s, width);
  INFO(text.size() << " bytes in " << frames.frames << " frames; at most " << frames.most_shaped
                   << " characters shaped in one");
  // Bounded work a frame: the budget and the one step under way, nowhere near the whole text.
  CHECK(frames.most_shaped <= text::TextEngine::kFrameBudget.shaped + kStepChars);
  // The first frame already shows a screenful of lines.
  CHECK(frames.first->lines >= 30);
  CHECK(frames.frames > 1);
  CHECK_FALSE(screen.laying_out());
  // In the end: the same layout as in one go (paper has no frames, so it lays out whole).
  text::TextEngine paper(shared.fonts, shared.hyphenator);
  require_same(*frames.last, *paper.layout(text, s, width));
}

}  // namespace

TEST_CASE("a 3 MB word is laid out a slice a frame, and in the end as in one go", "[text][slices][longtext]") {
  check_sliced(repeated("huurtoeslag", 3'000'000), style(), 1165);
}

TEST_CASE("a 3 MB paragraph of ordinary words is laid out a slice a frame, and in the end as in one go",
          "[text][slices][longtext]") {
  check_sliced(repeated("Een vrijwilliger in de bibliotheek helpt u graag met het formulier. ", 3'000'000),
               style(), 1165);
}

TEST_CASE("a long right-to-left paragraph with numbers is sliced over its bidi chunks as in one go",
          "[text][slices][longtext]") {
  // Arabic with Western digits and a Latin word: levels are resolved a chunk at a time.
  check_sliced(repeated("اتصل بالرقم 0800 8115 أو زر AOW مكتب البلدية. ", 300'000), style(true), 900);
}

TEST_CASE("a long text that leaves the screen is dropped, and one frame's budget is shared",
          "[text][slices][longtext]") {
  auto& shared = shared_engine();
  text::TextEngine screen(shared.fonts, shared.hyphenator);
  screen.set_frame_budget(text::TextEngine::kFrameBudget);
  const std::string a = repeated("woord ", 200'000), b = repeated("ander ", 200'000);
  screen.begin_frame();
  const std::size_t before = screen.shaped_chars();
  const auto first = screen.layout(a, style(), 1165);
  const auto second = screen.layout(b, style(), 1165);
  // Two long texts in one frame share one budget.
  CHECK(screen.shaped_chars() - before <= text::TextEngine::kFrameBudget.shaped + kStepChars);
  CHECK_FALSE(first->complete);
  CHECK(screen.laying_out());
  // The screen changed: nobody asks for them any more, so no more frames are wanted.
  screen.begin_frame();
  CHECK_FALSE(screen.laying_out());
  screen.begin_frame();
  const auto again = screen.layout(a, style(), 1165);
  CHECK(again != first);  // started afresh
  // Short texts are laid out whole at once, budget or not.
  const auto label = screen.layout("Lees verder", style(), 400);
  CHECK(label->complete);
  CHECK(label->lines == 1);
}

TEST_CASE("a word wider than the line is cut between grapheme clusters, never inside one", "[text][longtext]") {
  auto& e = shared_engine().engine;
  // Flags are pairs of regional indicators, and a letter with two accents (decomposed) is one
  // character to a reader: a cut between them would show half a flag, or a bare accent.
  const std::string flag = "\U0001F1F3\U0001F1F1";  // 🇳🇱
  const std::string accented = "e\u0301\u0323";
  for (const std::string& cluster : {flag, accented}) {
    const std::string word = repeated(cluster, cluster.size() * 301);
    for (float width : {97.0f, 160.0f, 233.0f, 400.0f}) {
      const auto layout = e.layout(word, style(), width);
      CHECK(layout->lines > 1);
      for (const auto& box : layout->words) {
        INFO("width " << width << ", a line starting at byte " << box.begin);
        CHECK(box.begin % cluster.size() == 0);
      }
    }
  }
}
