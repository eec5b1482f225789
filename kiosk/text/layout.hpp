#pragma once
// Paragraph layout: UTF-8 spans in, positioned glyphs and word boxes out.
// Bidi (FriBidi), shaping per run of one face and direction (HarfBuzz, with
// kerning and ligatures), greedy line breaking at spaces, Dutch hyphenation of a
// word that does not fit, a word wider than the line cut between grapheme clusters
// (ICU), start or centre alignment, bullets. Pure: no drawing.
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/font_set.hpp"
#include "text/hyphenator.hpp"

namespace text {

struct Span {
  std::string text;
  bool bold = false;
};

enum class Align { Start, Centre };

struct Style {
  float size_px = 36;
  float line_spacing = 1.3f;  // line height as a multiple of the size
  Align align = Align::Start;
  bool right_to_left = false;  // the paragraph's base direction (Arabic: true)
  bool bullet = false;         // a list item: "•" and a hanging indent
  bool hyphenate = true;       // Dutch hyphenation of words that do not fit
  bool carets = false;         // also list where a text cursor stands at each character (an editor's field)
};

struct Glyph {
  std::uint16_t face = 0;
  std::uint32_t id = 0;
  float x = 0;  // pen position on the baseline, from the layout's top left
  float y = 0;
};

struct WordBox {
  float x = 0, y = 0, w = 0, h = 0;
  std::size_t begin = 0, end = 0;  // byte range in the joined span text
};

// A place a text cursor can stand: before the character at `byte` (the text's end: after the
// last). In a right-to-left run that is the character's right edge.
struct Caret {
  std::size_t byte = 0;
  float x = 0;
  int line = 0;
};

struct Layout {
  std::vector<Glyph> glyphs;
  std::vector<WordBox> words;
  std::vector<Caret> carets;  // only with Style::carets; in visual order along each line
  float size_px = 0;
  float width = 0;   // of the widest line
  float height = 0;  // of all lines
  float line_height = 0;
  int lines = 0;
  std::vector<std::uint32_t> line_starts;  // the first glyph of each line: a line is drawn without the rest
  std::string text;  // the joined span text, after UTF-8 repair
  // False while a long text is still being laid out a slice a frame (TextEngine::begin_frame):
  // the lines so far are final, more follow.
  bool complete = true;
};

// Joins spans; "**bold**" marks bold, as in the content's Markdown subset.
[[nodiscard]] std::vector<Span> parse_inline(const std::string& marked);

// Decodes UTF-8; every invalid or truncated sequence becomes U+FFFD.
[[nodiscard]] std::u32string decode_utf8(const std::string& text,
                                         std::vector<std::size_t>* byte_offsets = nullptr);
[[nodiscard]] std::string encode_utf8(const std::u32string& text);

class LayoutJob;

class TextEngine {
 public:
  // Layouts are cached up to `cache_bytes` (counted, not guessed from entries: one long page
  // weighs as much as a hundred buttons), so a kiosk that runs for months has a known ceiling.
  static constexpr std::size_t kCacheBytes = 1024 * 1024;
  explicit TextEngine(const FontSet& fonts, const Hyphenator& hyphenator,
                      std::size_t cache_bytes = kCacheBytes);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Work counted in characters: handed to HarfBuzz, and read (decoded, given bidi levels).
  struct Work {
    std::size_t shaped = 0, read = 0;
  };
  static constexpr Work kNoLimit{SIZE_MAX, SIZE_MAX};
  // Frames. Without a budget (paper, the command line) every layout is made whole when asked.
  // With one (the screen), a text longer than kWholeBytes is laid out a slice at a time: each
  // frame its steps stop once the budget is used (shared by all such texts of the frame; the
  // step under way is finished: a word, or one line of a word wider than the line), and
  // layout() returns the lines made so far (Layout::complete false) until it is done. So no
  // frame waits for a long text, whatever reaches the screen. Texts up to kWholeBytes
  // (check-content allows paragraphs of 2,500) are always made whole, as before.
  static constexpr std::size_t kWholeBytes = 4096;
  static constexpr Work kFrameBudget{8192, 65536};
  void set_frame_budget(Work budget) { frame_budget_ = budget; }
  // A new frame: its budget, and a long text that was not asked for in the frame before is
  // dropped (its page has gone).
  void begin_frame();
  // A long text asked for in this frame is not laid out completely yet: another frame is wanted.
  [[nodiscard]] bool laying_out() const;

  // Lays out the spans into lines no wider than `width` px. Cached by input.
  [[nodiscard]] std::shared_ptr<const Layout> layout(const std::vector<Span>& spans, const Style& style,
                                                     float width);
  [[nodiscard]] std::shared_ptr<const Layout> layout(const std::string& text, const Style& style,
                                                     float width) {
    return layout(std::vector<Span>{{text, false}}, style, width);
  }
  // A pictogram by its Material icon name ("home", "euro"); nullptr when the font has no such icon.
  [[nodiscard]] std::shared_ptr<const Layout> pictogram(const std::string& name, float size_px);
  [[nodiscard]] bool has_pictogram(const std::string& name);

  [[nodiscard]] const FontSet& fonts() const { return fonts_; }
  [[nodiscard]] std::size_t cache_size() const { return cache_.size(); }
  [[nodiscard]] std::size_t cache_bytes() const { return cache_bytes_; }
  // Characters handed to HarfBuzz so far: the work layout did, counted rather than timed.
  [[nodiscard]] std::size_t shaped_chars() const { return shaped_chars_; }
  void clear_cache();

 private:
  std::shared_ptr<const Layout> remember(std::string key, std::shared_ptr<const Layout> layout);

  const FontSet& fonts_;
  const Hyphenator& hyphenator_;
  std::size_t capacity_;         // bytes
  std::size_t cache_bytes_ = 0;  // what the cached entries hold now
  mutable std::size_t shaped_chars_ = 0;
  std::list<std::pair<std::string, std::shared_ptr<const Layout>>> lru_;
  std::unordered_map<std::string, decltype(lru_)::iterator> cache_;
  // Long texts being laid out, or done but too large for the cache, by the same key.
  std::unordered_map<std::string, std::unique_ptr<LayoutJob>> jobs_;
  std::optional<Work> frame_budget_;
  Work budget_left_ = kNoLimit;
  std::uint64_t frame_ = 0;
};

}  // namespace text
