// The text engine: shaping, bidi, line breaking, hyphenation, pictograms, rasters.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <tuple>

#include "image/png.hpp"
#include "support/fixtures.hpp"
#include "support/text_engine.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"
#include "text/raster.hpp"

namespace {

using test_support::shared_engine;

test_support::Engine& shared() {
  return shared_engine();
}

text::Style style(float size = 40, bool rtl = false) {
  text::Style s;
  s.size_px = size;
  s.right_to_left = rtl;
  return s;
}

std::string word_at(const text::Layout& layout, const text::WordBox& box) {
  return layout.text.substr(box.begin, box.end - box.begin);
}

const text::WordBox& box_of(const text::Layout& layout, const std::string& word) {
  for (const auto& box : layout.words)
    if (word_at(layout, box) == word) return box;
  FAIL("no word box for " << word);
  return layout.words.front();
}

}  // namespace

TEST_CASE("kerning brings A and V, T and o closer than their separate widths", "[text]") {
  auto& e = shared().engine;
  for (const auto& [pair, a, b] : {std::tuple{"AV", "A", "V"}, std::tuple{"To", "T", "o"}}) {
    INFO(pair);
    const float together = e.layout(pair, style(), 1000)->width;
    const float apart = e.layout(a, style(), 1000)->width + e.layout(b, style(), 1000)->width;
    CHECK(together < apart - 1.0f);
  }
}

TEST_CASE("an Arabic word shapes to joined forms and runs right to left", "[text][bidi]") {
  auto& e = shared().engine;
  const auto joined = e.layout("سلام", style(40, true), 1000);
  const auto isolated = e.layout("س ل ا م", style(40, true), 1000);
  REQUIRE(joined->glyphs.size() == 4);
  REQUIRE(isolated->glyphs.size() == 4);
  // The seen initial and medial forms are other glyphs than the isolated letters.
  std::set<std::uint32_t> joined_ids, isolated_ids;
  for (const auto& g : joined->glyphs) joined_ids.insert(g.id);
  for (const auto& g : isolated->glyphs) isolated_ids.insert(g.id);
  CHECK(joined_ids != isolated_ids);
  // Two words: the first one read stands to the right.
  const auto sentence = e.layout("سلام عليكم", style(40, true), 1000);
  CHECK(box_of(*sentence, "سلام").x > box_of(*sentence, "عليكم").x);
  // Start alignment of a right-to-left paragraph is the right edge.
  CHECK(box_of(*sentence, "سلام").x + box_of(*sentence, "سلام").w == Approx(1000).margin(1));
}

TEST_CASE("a phone number inside Arabic text keeps its order", "[text][bidi]") {
  auto& e = shared().engine;
  const auto layout = e.layout("اتصل بالرقم 0800 8115 اليوم.", style(40, true), 1500);
  const auto& first = box_of(*layout, "0800");
  const auto& second = box_of(*layout, "8115");
  CHECK(first.x < second.x);                      // read left to right
  CHECK(box_of(*layout, "بالرقم").x > second.x);  // the words around it right to left
  CHECK(box_of(*layout, "اليوم.").x < first.x);
  // Latin abbreviations keep their letters in order too.
  const auto aow = e.layout("هذه AOW كاملة", style(40, true), 1500);
  CHECK(box_of(*aow, "AOW").x < box_of(*aow, "هذه").x);
}

TEST_CASE("a phone number in groups never breaks over two lines, in Dutch or in Arabic", "[text][bidi]") {
  auto& e = shared().engine;
  // Every width from a line that ends just inside "14" to one that holds it all: the two groups
  // are always on one line (a slip said "14" at the end of one line and "0123" on the next).
  for (const bool arabic : {false, true}) {
    const std::string text = arabic ? "أيضاً: Gemeente Voorbeeldstad, belastingen (kwijtschelding), 14 0123"
                                    : "Ook: Gemeente Voorbeeldstad, belastingen (kwijtschelding), 14 0123";
    const float full = e.layout(text, style(40, arabic), 10000)->width;
    int split = 0;
    for (float width = full * 0.5f; width <= full; width += 4) {
      const auto layout = e.layout(text, style(40, arabic), width);
      const auto& groups = box_of(*layout, "14");
      const auto& rest = box_of(*layout, "0123");
      CHECK(groups.y == rest.y);
      CHECK(groups.x < rest.x);  // and in their order, also in Arabic
      split += layout->lines > 1;
    }
    CHECK(split > 0);  // the text did go over two lines
  }
  // The rule is about digits only: words still break where they must.
  const auto words = e.layout("Bel 0800 8115 of kom langs", style(40), e.layout("Bel 0800 8115", style(40), 10000)->width + 2);
  CHECK(words->lines == 2);
}

TEST_CASE("a web address too wide for its line breaks after a '/'", "[text]") {
  auto& e = shared().engine;
  const std::string url = "www.voorbeeldstad.nl/kwijtschelding";
  const float full = e.layout(url, style(40), 10000)->width;
  const float head = e.layout("www.voorbeeldstad.nl/", style(40), 10000)->width;
  // Every width from just wider than "www.voorbeeldstad.nl/" to just short of the whole address.
  for (float width = head + 2; width < full - 1; width += 5) {
    const auto layout = e.layout(url, style(40), width);
    REQUIRE(layout->lines == 2);
    REQUIRE(layout->words.size() == 2);
    CHECK(word_at(*layout, layout->words[0]) == "www.voorbeeldstad.nl/");
    CHECK(word_at(*layout, layout->words[1]) == "kwijtschelding");
  }
}

TEST_CASE("Dutch hyphenation splits inkomensondersteuning only at a legal point", "[text][hyphen]") {
  const auto& hyphenator = shared().hyphenator;
  REQUIRE(hyphenator.available());
  const std::u32string word = U"inkomensondersteuning";
  // in-ko-mens-on-der-steu-ning
  const std::set<std::size_t> legal = {2, 4, 8, 10, 13, 17};
  const auto points = hyphenator.break_points(word);
  REQUIRE_FALSE(points.empty());
  for (auto point : points) CHECK(legal.count(point) == 1);

  // In a line too narrow for the whole word, the layout breaks it there, with a hyphen.
  auto& e = shared().engine;
  const float full = e.layout("inkomensondersteuning", style(), 5000)->width;
  const auto layout = e.layout("inkomensondersteuning", style(), full * 0.7f);
  REQUIRE(layout->lines == 2);
  REQUIRE(layout->words.size() == 2);
  CHECK(legal.count(layout->words[0].end) == 1);
  CHECK(layout->words[0].w <= full * 0.7f + 0.5f);
}

TEST_CASE("a word that fits on the next line is moved whole, not hyphenated", "[text][hyphen]") {
  auto& e = shared().engine;
  const float width = e.layout("Geld voor uw zorg", style(), 5000)->width;
  const auto layout = e.layout("Geld voor uw zorgverzekering", style(), width);
  REQUIRE(layout->lines == 2);
  CHECK(word_at(*layout, layout->words.back()) == "zorgverzekering");
}

TEST_CASE("a pictogram name becomes one icon glyph", "[text][pictogram]") {
  auto& e = shared().engine;
  for (const char* name : {"home", "euro", "elderly", "volunteer_activism", "volume_up"}) {
    INFO(name);
    const auto icon = e.pictogram(name, 48);
    REQUIRE(icon);
    CHECK(icon->glyphs.size() == 1);
    CHECK(icon->glyphs[0].face == shared().fonts.icons());
  }
  CHECK_FALSE(e.pictogram("no_such_pictogram", 48));
  CHECK_FALSE(e.pictogram("", 48));
  CHECK_FALSE(e.has_pictogram("hom"));
}

TEST_CASE("word boxes cover exactly the words, in reading order, inside the width", "[text]") {
  auto& e = shared().engine;
  const std::string sentence = "Veel mensen weten niet wat ze kunnen krijgen. Vragen staat vrij.";
  const auto layout = e.layout(sentence, style(), 600);
  REQUIRE(layout->lines >= 2);
  std::vector<std::string> words;
  for (const auto& box : layout->words) {
    words.push_back(word_at(*layout, box));
    CHECK(box.x >= 0);
    CHECK(box.x + box.w <= 600.5f);
  }
  CHECK(words == std::vector<std::string>{"Veel", "mensen", "weten", "niet", "wat", "ze", "kunnen",
                                          "krijgen.", "Vragen", "staat", "vrij."});
  for (std::size_t i = 1; i < layout->words.size(); ++i) {
    const auto& a = layout->words[i - 1];
    const auto& b = layout->words[i];
    if (a.y == b.y)
      CHECK(a.x + a.w < b.x);  // same line: left to right, apart
    else
      CHECK(b.y > a.y);
  }
}

TEST_CASE("layout is deterministic and cached", "[text]") {
  auto& e = shared().engine;
  const auto first = e.layout("Hulp bij brieven, formulieren en DigiD", style(), 500);
  CHECK(e.layout("Hulp bij brieven, formulieren en DigiD", style(), 500) == first);  // from the cache
  e.clear_cache();
  const auto again = e.layout("Hulp bij brieven, formulieren en DigiD", style(), 500);
  REQUIRE(again != first);
  REQUIRE(again->glyphs.size() == first->glyphs.size());
  for (std::size_t i = 0; i < first->glyphs.size(); ++i) {
    CHECK(again->glyphs[i].id == first->glyphs[i].id);
    CHECK(again->glyphs[i].x == first->glyphs[i].x);
    CHECK(again->glyphs[i].y == first->glyphs[i].y);
  }
}

TEST_CASE("the layout cache stays under its byte budget, however many texts pass", "[text][memory]") {
  // Months of slips, each with its own date and choice of schemes: texts that rarely repeat.
  constexpr std::size_t kBudget = 64 * 1024;
  text::TextEngine e(shared().fonts, shared().hyphenator, kBudget);
  std::shared_ptr<const text::Layout> newest;
  std::size_t most = 0;
  for (int day = 0; day < 2000; ++day) {
    newest =
        e.layout("Op dag " + std::to_string(day) + " vraagt u naar huurtoeslag en zorgtoeslag bij de balie.",
                 style(), 600);
    most = std::max(most, e.cache_bytes());
  }
  CHECK(most <= kBudget);
  CHECK(e.cache_size() > 20);  // the budget holds many, not just one
  CHECK(e.cache_size() < 2000);
  CHECK(e.layout("Op dag 1999 vraagt u naar huurtoeslag en zorgtoeslag bij de balie.", style(), 600) ==
        newest);
  // A text too large for the whole budget is laid out and returned, not kept.
  const std::string long_page =
      "Een bladzijde met meer tekst dan de hele cache kan houden, zelfs voor een regel.";
  text::TextEngine small(shared().fonts, shared().hyphenator, 1024);
  CHECK_FALSE(small.layout(long_page, style(), 600)->glyphs.empty());
  CHECK(small.cache_size() == 0);
  CHECK(small.cache_bytes() == 0);
  e.clear_cache();
  CHECK(e.cache_bytes() == 0);
}

TEST_CASE("a long unbroken string (a pasted link) is cut into lines in linear work", "[text]") {
  // It used to be shaped again, whole, for every line: 200,000 characters took minutes.
  const std::string link = "https://www.voorbeeld.nl/" + std::string(20'000, 'x');
  text::TextEngine e(shared().fonts, shared().hyphenator);
  const auto layout = e.layout(link, style(), 600);
  CHECK(layout->lines > 100);
  CHECK(layout->width <= 600.5f);
  CHECK(layout->glyphs.size() == link.size());  // nothing lost at the cuts
  CHECK(e.shaped_chars() < 4 * link.size());    // three passes: the try, the cuts, the lines
}

TEST_CASE("bold spans, bullets and centring", "[text]") {
  auto& e = shared().engine;
  const auto plain = e.layout("Neem mee", style(), 1000);
  const auto bold = e.layout(text::parse_inline("**Neem mee**"), style(), 1000);
  CHECK(bold->width > plain->width);
  CHECK(bold->glyphs[0].face != plain->glyphs[0].face);

  text::Style bullet = style();
  bullet.bullet = true;
  const auto item = e.layout("Neem mee", bullet, 1000);
  CHECK(item->glyphs.size() == plain->glyphs.size() + 1);  // the "•"
  CHECK(item->words.front().x > 20);                       // the hanging indent

  text::Style centred = style();
  centred.align = text::Align::Centre;
  const auto middle = e.layout("Ja", centred, 1000);
  const auto& box = middle->words.front();
  CHECK(box.x + box.w / 2 == Approx(500).margin(2));
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and never crashes", "[text][utf8]") {
  std::vector<std::size_t> offsets;
  const auto decoded = text::decode_utf8(std::string("\xff\xfe"
                                                     "ab\xc3"
                                                     "c\xe2\x82",
                                                     8),
                                         &offsets);
  CHECK(decoded == std::u32string{0xFFFD, 0xFFFD, U'a', U'b', 0xFFFD, U'c', 0xFFFD});
  CHECK(text::decode_utf8("\xed\xa0\x80") == std::u32string{0xFFFD});      // a surrogate
  CHECK(text::decode_utf8("\xc0\xaf") == std::u32string{0xFFFD, 0xFFFD});  // overlong
  CHECK(text::decode_utf8("€ë") == U"€ë");
  const auto layout = shared().engine.layout(std::string("kap\xff"
                                                         "ot",
                                                         6),
                                             style(), 1000);
  CHECK(layout->text == "kap\xEF\xBF\xBDot");
}

TEST_CASE("random bytes, sizes and widths lay out without crashing", "[text][fuzz]") {
  auto& e = shared().engine;
  std::mt19937 random(20261125);
  const std::string pieces[] = {"a",    " ",        "\n",       "é",  "ل",    "م",   "0",      "-",     "**",
                                "\xff", "\xe2\x82", "inkomens", "\t", "\xd8", "AOW", "\u200d", "\u064b"};
  for (int round = 0; round < 1500; ++round) {
    std::string input;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      if (random() % 3 == 0)
        input += static_cast<char>(random() % 256);
      else
        input += pieces[random() % std::size(pieces)];
    }
    text::Style s = style(static_cast<float>(8 + random() % 80), random() % 2 == 0);
    s.bullet = random() % 5 == 0;
    s.align = random() % 2 ? text::Align::Centre : text::Align::Start;
    const float width = static_cast<float>(1 + random() % 1200);
    const auto layout = e.layout(text::parse_inline(input), s, width);
    REQUIRE(layout);
    CHECK(layout->height >= 0);
    for (const auto& box : layout->words) CHECK(box.end <= layout->text.size());
  }
  // One very long word and a long text of short words.
  CHECK(e.layout(std::string(20'000, 'x'), style(), 300)->lines > 10);
  std::string many;
  for (int i = 0; i < 5'000; ++i) many += "woord ";
  CHECK(e.layout(many, style(), 1900)->words.size() == 5'000);
}

TEST_CASE("a missing font file names the file and its Debian package", "[text][fonts]") {
  const auto dir = std::filesystem::temp_directory_path() / "wegwijzer-test-fonts";
  std::filesystem::create_directories(dir);
  const auto config = (dir / "fonts.toml").string();
  std::ofstream(config) << "# test\n[regular]\nfiles = [\n  { file = \"/nope/Missing.ttf\", package = "
                           "\"fonts-noto-core\" },\n]\n";
  try {
    text::FontSet fonts(config);
    FAIL("a missing font must be refused");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(message.find(config + ":4:") == 0);
    CHECK(message.find("/nope/Missing.ttf") != std::string::npos);
    CHECK(message.find("fonts-noto-core") != std::string::npos);
  }
  std::ofstream(config) << "[regular\nfiles = 3\n";
  CHECK_THROWS_WITH(text::FontSet(config), Catch::Contains(config + ":1:"));
}

TEST_CASE("a missing font for one script is logged, and the kiosk draws everything else",
          "[text][fonts][faults]") {
  // The shipped configuration with its Arabic fonts gone (the package half removed).
  const std::string dir = test_support::temp_dir("fonts-no-arabic");
  std::ifstream shipped(text::default_font_config());
  std::string config((std::istreambuf_iterator<char>(shipped)), {});
  for (std::size_t at;
       (at = config.find("/usr/share/fonts/truetype/noto/NotoNaskhArabic")) != std::string::npos;)
    config.replace(at, 15, "/nowhere/fonts/");
  std::ofstream(dir + "/fonts.toml") << config;
  text::FontSet fonts(dir + "/fonts.toml");
  REQUIRE_FALSE(fonts.problems().empty());
  CHECK(fonts.problems().front().find("NotoNaskhArabic") != std::string::npos);
  CHECK(fonts.problems().front().find(dir + "/fonts.toml:") == 0);
  text::Hyphenator hyphenator("");
  text::TextEngine engine(fonts, hyphenator);
  const auto dutch = engine.layout("Geld voor uw huur", text::Style{}, 800);
  CHECK(dutch->lines == 1);
  CHECK_FALSE(dutch->glyphs.empty());
  CHECK(engine.layout("\u0645\u0627\u0644 \u0644\u0625\u064a\u062c\u0627\u0631\u0643", text::Style{}, 800)
            ->lines >= 1);
}

TEST_CASE("the glyph atlas grows on demand and evicts the least recently used page", "[text][atlas]") {
  auto& fonts = shared().fonts;
  text::GlyphAtlas atlas(fonts, 128, 2);
  const text::AtlasEntry a = atlas.glyph(fonts.primary(text::Weight::Regular), 36, 40);
  REQUIRE(a.page == 0);
  CHECK(atlas.memory_bytes() == 128 * 128);
  // Fill far more than two pages.
  for (std::uint32_t id = 40; id < 400; ++id) (void)atlas.glyph(fonts.primary(text::Weight::Regular), id, 60);
  atlas.begin_frame();
  CHECK(atlas.evictions() >= 1);
  CHECK(atlas.pages().size() <= 2);
  const auto& again = atlas.glyph(fonts.primary(text::Weight::Regular), 36, 40);
  CHECK(again.page >= 0);
  CHECK(again.width == a.width);
}
