#include "text/layout.hpp"

#include <fribidi.h>
#include <hb.h>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>

namespace text {

// ---------------------------------------------------------------- UTF-8 ----

namespace {

// Reads the character at byte `i`; returns how many bytes it took. Every invalid or truncated
// sequence gives U+FFFD (a truncated one for all its bytes).
std::size_t decode_one(const std::string& s, std::size_t i, char32_t& cp) {
  const auto n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  // How many bytes the lead byte promises; 0 for a byte that cannot start a character.
  const std::size_t need = c < 0x80                 ? 1
                           : c >= 0xC2 && c <= 0xDF ? 2
                           : c >= 0xE0 && c <= 0xEF ? 3
                           : c >= 0xF0 && c <= 0xF4 ? 4
                                                    : 0;
  std::size_t len = 1;
  cp = 0xFFFD;
  if (need == 1) {
    cp = c;
  } else if (need > 1) {
    while (len < need && i + len < n && (byte(i + len) & 0xC0) == 0x80) ++len;
    if (len == need) {
      cp = c & (0xFFu >> (need + 1));
      for (std::size_t k = 1; k < need; ++k) cp = (cp << 6) | (byte(i + k) & 0x3Fu);
      const bool overlong = (need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000);
      if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    }
  }
  return len;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::u32string decode_utf8(const std::string& s, std::vector<std::size_t>* offsets) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_one(s, i, cp);
    if (offsets) offsets->push_back(i);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode_utf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::vector<Span> parse_inline(const std::string& marked) {
  std::vector<Span> spans;
  bool bold = false;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = marked.find("**", start);
    const std::string piece = marked.substr(start, at == std::string::npos ? std::string::npos : at - start);
    if (!piece.empty()) spans.push_back({piece, bold});
    if (at == std::string::npos) break;
    bold = !bold;
    start = at + 2;
  }
  return spans;
}

// --------------------------------------------------------------- Layout ----

namespace {

constexpr char32_t kHyphen = U'-';
// Hyphenating very long "words" (a URL, garbage input) is never worth it.
constexpr std::size_t kMaxHyphenatedWord = 64;
// A word longer than this is measured a window at a time and cut where it must, a line a step:
// shaped whole, a 3 MB word was one step of seconds.
constexpr std::size_t kLongWord = 128;
constexpr std::size_t kMeasureWindow = 256;
// The most characters of one word on a line: a line of zero-width characters (a run of joiners)
// would otherwise hold all of them, in one step.
constexpr std::size_t kLineChars = 1024;
// Characters given bidi levels at a time. A paragraph longer than this (check-content allows
// 2,500 bytes) is resolved in chunks cut after a space: only an embedding or a weak character
// at such a cut can come out differently from one pass.
constexpr std::size_t kBidiChunk = 4096;

struct Paragraph {
  std::u32string chars;
  std::vector<std::size_t> bytes{0};  // byte offset of each char in the layout's text, plus one past the end
  std::vector<bool> bold;
  std::vector<FriBidiLevel> levels;
};

struct ShapedGlyph {
  std::uint16_t face;
  std::uint32_t id;
  float advance, x_offset, y_offset;
  std::uint32_t cluster;  // index into Paragraph::chars
};

// A run of one face, level and weight, shaped; glyphs in visual order.
struct Item {
  bool space = false;  // the gap between two words: it takes part in bidi reordering
  std::vector<ShapedGlyph> glyphs;
  float width = 0;
  FriBidiLevel level = 0;
  std::size_t word = 0;
  std::size_t begin = 0, end = 0;  // char range
};

struct Piece {  // a word or part of one, ready to place
  std::vector<Item> items;
  float width = 0;
};

class Builder {
 public:
  Builder(const FontSet& fonts, const Hyphenator& hyphenator, const Style& style, std::size_t& shaped)
      : fonts_(fonts), hyphenator_(hyphenator), style_(style), shaped_(shaped) {}

  // Shapes chars [begin, end) of word `word`, optionally followed by a hyphen.
  Piece shape(const Paragraph& p, std::size_t begin, std::size_t end, std::size_t word, bool hyphen) const {
    shaped_ += end - begin;
    Piece piece;
    std::size_t i = begin;
    while (i < end) {
      const Weight weight = p.bold[i] ? Weight::Bold : Weight::Regular;
      const std::uint16_t face = fonts_.face_for(p.chars[i], weight);
      std::size_t j = i + 1;
      while (j < end && p.levels[j] == p.levels[i] && p.bold[j] == p.bold[i] &&
             (fonts_.face_for(p.chars[j], weight) == face || is_mark(p.chars[j])))
        ++j;
      const bool last = j == end;
      piece.items.push_back(shape_run(p, i, j, face, p.levels[i], word, hyphen && last));
      piece.width += piece.items.back().width;
      i = j;
    }
    return piece;
  }

  float space_width() const {
    const Face& f = fonts_.face(fonts_.primary(Weight::Regular));
    const hb_codepoint_t space = 0;
    hb_codepoint_t glyph = space;
    hb_font_get_nominal_glyph(f.hb, U' ', &glyph);
    return static_cast<float>(hb_font_get_glyph_h_advance(f.hb, glyph)) * scale(f);
  }

  float scale(const Face& f) const { return style_.size_px * f.scale / f.units_per_em; }

  // Splits word [begin, end) so that its head (with a hyphen) fits in `room`.
  // Returns the split point, or `begin` when no legal point fits.
  std::size_t hyphen_split(const Paragraph& p, std::size_t begin, std::size_t end, std::size_t word,
                           float room) const {
    if (!style_.hyphenate || end - begin > kMaxHyphenatedWord || (p.levels[begin] & 1)) return begin;
    const auto points = hyphenator_.break_points(p.chars.substr(begin, end - begin));
    for (auto it = points.rbegin(); it != points.rend(); ++it)
      if (shape(p, begin, begin + *it, word, true).width <= room) return begin + *it;
    return begin;
  }

 private:
  static bool is_mark(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x200C ||
           c == 0x200D;
  }

  Item shape_run(const Paragraph& p, std::size_t begin, std::size_t end, std::uint16_t face_index,
                 FriBidiLevel level, std::size_t word, bool hyphen) const {
    const Face& face = fonts_.face(face_index);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_codepoints(buffer, reinterpret_cast<const hb_codepoint_t*>(p.chars.data()),
                             static_cast<int>(p.chars.size()), static_cast<unsigned>(begin),
                             static_cast<int>(end - begin));
    if (hyphen) {
      const hb_codepoint_t dash = kHyphen;
      hb_buffer_add_codepoints(buffer, &dash, 1, 0, 1);
    }
    hb_buffer_set_direction(buffer, (level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(face.hb, buffer, nullptr, 0);  // default features: kerning and standard ligatures on
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    Item item;
    item.level = level;
    item.word = word;
    item.begin = begin;
    item.end = end;
    const float k = scale(face);
    for (unsigned g = 0; g < count; ++g) {
      // The added hyphen's cluster lies past `end`: it belongs to the word's last char.
      const std::uint32_t cluster = info[g].cluster < begin || info[g].cluster >= end
                                        ? static_cast<std::uint32_t>(end - 1)
                                        : info[g].cluster;
      item.glyphs.push_back({face_index, info[g].codepoint, static_cast<float>(pos[g].x_advance) * k,
                             static_cast<float>(pos[g].x_offset) * k, static_cast<float>(pos[g].y_offset) * k,
                             cluster});
      item.width += static_cast<float>(pos[g].x_advance) * k;
    }
    hb_buffer_destroy(buffer);
    return item;
  }

  const FontSet& fonts_;
  const Hyphenator& hyphenator_;
  const Style& style_;
  std::size_t& shaped_;  // characters shaped, for the engine's work count
};

bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

bool is_gap(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n';
}

// The bidi level of the gap before the word starting at `begin`. A space between
// two numbers joins them, so a phone number written in groups ("0800 8115") keeps its
// order inside right-to-left text.
FriBidiLevel space_level(const Paragraph& p, std::size_t begin, bool right_to_left) {
  const FriBidiLevel base = right_to_left ? 1 : 0;
  if (begin == 0) return base;
  std::size_t before = begin - 1;
  while (before > 0 && (p.chars[before] == U' ' || p.chars[before] == U'\t')) --before;
  const FriBidiLevel level = p.levels[begin - 1];
  if (is_digit(p.chars[before]) && is_digit(p.chars[begin]))
    return std::min(p.levels[before], p.levels[begin]);
  return level;
}

// Unicode bidi rule L2: reverse every run of items at or above each level,
// from the highest level down to the lowest odd one.
void reorder(std::vector<Item>& line) {
  if (line.empty()) return;
  int highest = 0, lowest_odd = 127;
  for (const auto& item : line) {
    highest = std::max<int>(highest, item.level);
    if (item.level & 1) lowest_odd = std::min<int>(lowest_odd, item.level);
  }
  for (int level = highest; level >= lowest_odd && level > 0; --level) {
    for (std::size_t i = 0; i < line.size();) {
      if (line[i].level < level) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < line.size() && line[j].level >= level) ++j;
      std::reverse(line.begin() + static_cast<std::ptrdiff_t>(i),
                   line.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
}

// Where a cursor stands before each character of a placed run that starts at x: the left
// edge of its glyphs left to right, the right edge right to left, and the run's end on the
// other side. A ligature or a letter with its marks is one cluster: one place.
void add_carets(Layout& out, const Paragraph& p, const Item& item, float x, int line) {
  const bool rtl = item.level & 1;
  if (rtl) out.carets.push_back({p.bytes[item.end], x, line});
  float pen = x;
  for (std::size_t i = 0; i < item.glyphs.size(); ++i) {
    const auto& g = item.glyphs[i];
    if (!rtl && (i == 0 || item.glyphs[i - 1].cluster != g.cluster))
      out.carets.push_back({p.bytes[g.cluster], pen, line});
    pen += g.advance;
    if (rtl && (i + 1 == item.glyphs.size() || item.glyphs[i + 1].cluster != g.cluster))
      out.carets.push_back({p.bytes[g.cluster], pen, line});
  }
  if (!rtl) out.carets.push_back({p.bytes[item.end], pen, line});
}

// Where the grapheme clusters (what a reader sees as one character: a letter with its marks,
// a flag of two regional indicators) start among chars [begin, end), by ICU; `begin` first.
std::vector<std::size_t> grapheme_starts(const Paragraph& p, const std::string& text, std::size_t begin,
                                         std::size_t end) {
  thread_local const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  }();
  std::vector<std::size_t> starts{begin};
  UErrorCode status = U_ZERO_ERROR;
  const std::size_t from = p.bytes[begin];
  UText* ut = utext_openUTF8(nullptr, text.data() + from, static_cast<int64_t>(p.bytes[end] - from), &status);
  std::unique_ptr<icu::BreakIterator> it(prototype && U_SUCCESS(status) ? prototype->clone() : nullptr);
  if (it) it->setText(ut, status);
  if (it && U_SUCCESS(status)) {
    std::size_t at = begin;  // bytes to chars: both only grow
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      const std::size_t byte = from + static_cast<std::size_t>(b);
      while (at < end && p.bytes[at] < byte) ++at;
      if (at < end && p.bytes[at] == byte) starts.push_back(at);
    }
  } else {  // no ICU data: every character stands alone
    for (std::size_t at = begin + 1; at < end; ++at) starts.push_back(at);
  }
  it.reset();
  if (ut) utext_close(ut);
  return starts;
}

// What one cache entry holds on the heap: the layout, and its key twice (list and index).
std::size_t entry_bytes(const std::string& key, const Layout& layout) {
  constexpr std::size_t kNodes = 2 * sizeof(void*) * 4;  // list node, hash node, bucket: about
  return sizeof(Layout) + layout.glyphs.capacity() * sizeof(Glyph) +
         layout.words.capacity() * sizeof(WordBox) + layout.carets.capacity() * sizeof(Caret) +
         layout.line_starts.capacity() * sizeof(std::uint32_t) + layout.text.capacity() +
         2 * (key.capacity() + sizeof(std::string)) + kNodes;
}

std::size_t text_bytes(const std::vector<Span>& spans) {
  std::size_t bytes = 0;
  for (const auto& span : spans) bytes += span.text.size();
  return bytes;
}

}  // namespace

// One paragraph's layout, made a step at a time so that it can stop after any step and go
// on later: a bidi chunk read, a word placed, or one line of a word wider than the line.
// Finished lines are placed at once, so the layout so far is what `layout()` shows. Run
// without a limit it is the whole layout in one go; the steps are the same either way.
class LayoutJob {
 public:
  LayoutJob(const FontSet& fonts, const Hyphenator& hyphenator, std::vector<Span> spans, const Style& style,
            float width, std::size_t& shaped)
      : fonts_(fonts),
        spans_(std::move(spans)),
        style_(style),
        width_(width),
        shaped_(shaped),
        builder_(fonts, hyphenator, style_, shaped),
        out_(std::make_shared<Layout>()) {
    out_->size_px = style_.size_px;
    out_->line_height = style_.size_px * style_.line_spacing;
    out_->complete = false;
    space_ = builder_.space_width();
    if (style_.bullet) {
      Paragraph mark;
      mark.chars.push_back(U'\u2022');
      mark.bytes = {0, 3};
      mark.bold = {false};
      mark.levels = {static_cast<FriBidiLevel>(style_.right_to_left ? 1 : 0)};
      bullet_ = builder_.shape(mark, 0, 1, SIZE_MAX, false);
      indent_ = bullet_.width + space_ * 1.5f;
    }
    room_ = std::max(width_ - indent_, style_.size_px);
    const Face& primary = fonts_.face(fonts_.primary(Weight::Regular));
    const float ascent = primary.ascender * builder_.scale(primary);
    const float descent = -primary.descender * builder_.scale(primary);
    baseline_offset_ = (out_->line_height - (ascent + descent)) / 2 + ascent;
  }

  [[nodiscard]] bool done() const { return out_->complete; }
  [[nodiscard]] std::shared_ptr<const Layout> layout() const { return out_; }

  // Takes steps until the budget of characters shaped or read is used up (the step under way
  // is finished) or the layout is done. Returns what it used.
  TextEngine::Work run(TextEngine::Work budget) {
    TextEngine::Work used;
    while (!done() && used.shaped < budget.shaped && used.read < budget.read) {
      const std::size_t shaped_before = shaped_;
      used.read += step();
      used.shaped += shaped_ - shaped_before;
    }
    return used;
  }

  // The engine's bookkeeping: the frames this job was last asked for and last worked in.
  std::uint64_t asked = 0, worked = 0;

 private:
  [[nodiscard]] std::size_t ready() const { return p_.chars.size(); }
  [[nodiscard]] bool all_read() const { return span_ == spans_.size(); }
  [[nodiscard]] bool line_empty() const { return line_.empty(); }
  [[nodiscard]] float line_used() const { return line_width_ + (line_.empty() ? 0 : space_); }

  // One step; returns the characters read (shaping is counted by the builder).
  std::size_t step() {
    if (cutting_) return cut_step();
    // The next word: '\n' before it forces a new line.
    while (pos_ < ready() && is_gap(p_.chars[pos_])) {
      if (p_.chars[pos_] == U'\n') pending_break_ = true;
      ++pos_;
    }
    if (pos_ == ready()) {
      if (all_read()) {
        finish();
        return 0;
      }
      return read_more();
    }
    std::size_t end = pos_;
    while (end < ready() && !is_gap(p_.chars[end])) ++end;
    const bool end_known = end < ready() || all_read();
    if (!end_known && end - pos_ <= kLongWord) return read_more();  // short or long: not known yet
    if (pending_break_ && !line_empty()) new_line();
    pending_break_ = false;
    const std::size_t word = words_++;
    const std::size_t before = last_word_end_;
    const bool glued = word > 0 && before + 1 == pos_ && before > 0 && p_.chars[before] == U' ' &&
                       is_digit(p_.chars[before - 1]) && is_digit(p_.chars[pos_]);
    last_word_end_ = end;
    if (end - pos_ > kLongWord) {
      start_cutting(word, pos_, end, end_known, true);
      return 0;
    }
    if (place_word(word, pos_, end, glued, before) && !cutting_) pos_ = end;
    return 0;
  }

  // Reads the spans on to the end of the next bidi chunk: characters, bytes, weights, levels.
  std::size_t read_more() {
    const std::size_t first = ready();
    std::string& text = out_->text;
    while (!all_read()) {
      const Span& span = spans_[span_];
      if (byte_ >= span.text.size()) {
        ++span_;
        byte_ = 0;
        continue;
      }
      const std::size_t count = ready() - first;
      if (count >= 2 * kBidiChunk || (count >= kBidiChunk && is_gap(p_.chars.back()))) break;
      char32_t c = 0;
      byte_ += decode_one(span.text, byte_, c);
      // Control characters other than newline would draw as boxes: show them as spaces.
      const char32_t shown = (c < 0x20 && c != U'\n') || c == 0x7F ? U' ' : c;
      p_.chars.push_back(shown);
      append_utf8(text, shown);
      p_.bytes.push_back(text.size());
      p_.bold.push_back(span.bold);
    }
    const std::size_t n = ready() - first;
    p_.levels.resize(ready(), style_.right_to_left ? 1 : 0);
    if (n > 0) {
      const auto* chars = reinterpret_cast<const FriBidiChar*>(p_.chars.data() + first);
      std::vector<FriBidiCharType> types(n);
      std::vector<FriBidiBracketType> brackets(n);
      fribidi_get_bidi_types(chars, static_cast<FriBidiStrIndex>(n), types.data());
      fribidi_get_bracket_types(chars, static_cast<FriBidiStrIndex>(n), types.data(), brackets.data());
      FriBidiParType base = style_.right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
      if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), static_cast<FriBidiStrIndex>(n),
                                               &base, p_.levels.data() + first))
        std::fill(p_.levels.begin() + static_cast<std::ptrdiff_t>(first), p_.levels.end(),
                  style_.right_to_left ? 1 : 0);
    }
    return n;
  }

  // A word of at most kLongWord chars, in one step; one too wide for a line of its own is
  // handed to the cutter. False when it took a number's first groups back to place them again
  // (pos_ is then where they start).
  bool place_word(std::size_t word, std::size_t begin, std::size_t end, bool glued, std::size_t before) {
    while (begin < end) {
      Piece piece = builder_.shape(p_, begin, end, word, false);
      const float used = line_used();
      if (used + piece.width <= room_) {
        if (!glued || !number_start_) number_start_ = NumberStart{line_.size(), line_width_, begin, word, before};
        place(std::move(piece));
        return true;
      }
      // A word that fits on a line of its own moves there whole: split words are
      // harder to read, so only a word wider than the line is hyphenated.
      if (!line_empty() && piece.width <= room_) {
        // A number written in groups ("0800 8115", "14 0123") stays on one line: a phone
        // number split over two lines gets dialled in half. Its earlier groups on this line
        // go to the next line with it, unless they started the line.
        if (glued && number_start_ && number_start_->item > 0) {
          const NumberStart first = *number_start_;
          line_.resize(first.item);
          line_width_ = first.width;
          new_line();
          pos_ = first.pos;
          words_ = first.word;
          last_word_end_ = first.before;
          return false;
        }
        new_line();
        continue;
      }
      // Fill the rest of this line with the word's head, hyphenated, if a legal point fits.
      const std::size_t cut = builder_.hyphen_split(p_, begin, end, word, room_ - used);
      if (cut > begin) {
        place(builder_.shape(p_, begin, cut, word, true));
        new_line();
        begin = cut;
        continue;
      }
      if (!line_empty()) {
        new_line();
        continue;  // try the word again on the fresh line
      }
      // Alone on a line and still too wide: cut it where it must.
      number_start_.reset();
      start_cutting(word, begin, end, true, false);
      return true;
    }
    return true;
  }

  // A word wider than the line (or longer than kLongWord, which may still fit) is measured
  // a window at a time and cut between grapheme clusters, one line a step.
  void start_cutting(std::size_t word, std::size_t begin, std::size_t end, bool end_known, bool may_fit) {
    cutting_ = true;
    cut_word_ = word;
    cut_begin_ = begin;
    cut_end_ = end;
    cut_end_known_ = end_known;
    may_fit_ = may_fit;
    measured_.clear();
    measured_end_ = begin;
    measured_width_ = 0;
  }

  // Finds the word's end as far as it is read.
  void extend_word() {
    if (cut_end_known_) return;
    while (cut_end_ < ready() && !is_gap(p_.chars[cut_end_])) ++cut_end_;
    cut_end_known_ = cut_end_ < ready() || all_read();
  }

  // Shapes the next window of the word and adds its clusters' widths. Returns chars read
  // when it had to read on first (shaping is counted by the builder).
  std::size_t measure_more() {
    extend_word();
    std::size_t stop = std::min(cut_end_, measured_end_ + kMeasureWindow);
    if (!cut_end_known_ && stop == cut_end_) return read_more();  // the window reaches past what is read
    auto starts = grapheme_starts(p_, out_->text, measured_end_, stop);
    // The window's last cluster may go on in the next window: measure it there.
    if (stop < cut_end_ && starts.size() > 1) {
      stop = starts.back();
      starts.pop_back();
    }
    const Piece piece = builder_.shape(p_, measured_end_, stop, cut_word_, false);
    std::vector<float> advance(stop - measured_end_, 0.0f);
    std::vector<bool> glyph_starts(stop - measured_end_, false);
    for (const auto& item : piece.items)
      for (const auto& g : item.glyphs) {
        advance[g.cluster - measured_end_] += g.advance;
        glyph_starts[g.cluster - measured_end_] = true;
      }
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t to = k + 1 < starts.size() ? starts[k + 1] : stop;
      float w = 0;
      for (std::size_t at = starts[k]; at < to; ++at) w += advance[at - measured_end_];
      measured_width_ += w;
      // A cluster HarfBuzz shaped as one (a Devanagari syllable) is not cut either.
      if (k > 0 && !glyph_starts[starts[k] - measured_end_])
        measured_.back().second += w;
      else
        measured_.push_back({starts[k], w});
    }
    measured_end_ = stop;
    return 0;
  }

  void end_word() {
    cutting_ = false;
    pos_ = cut_end_;
  }

  std::size_t cut_step() {
    extend_word();
    const bool all_measured = cut_end_known_ && measured_end_ == cut_end_;
    // Measured far enough to know whether the rest fits on this line (or a fresh one)?
    const bool line_full = measured_width_ > room_ || measured_end_ - cut_begin_ > kLineChars;
    if (!all_measured && !line_full) return measure_more();
    const float room_here = may_fit_ ? room_ - line_used() : room_;
    if (all_measured && !line_full && measured_width_ <= room_here) {
      place(builder_.shape(p_, cut_begin_, cut_end_, cut_word_, false));
      end_word();
      return 0;
    }
    if (may_fit_) {
      // The whole word fits on a fresh line: it moves there whole, as a short word does.
      may_fit_ = false;
      if (!line_empty()) new_line();
      return 0;
    }
    // Cut before the cluster that would overflow the line; the first always stays.
    float used = 0;
    std::size_t k = 0;
    for (; k < measured_.size(); ++k) {
      if (k > 0 && (used + measured_[k].second > room_ || measured_[k].first - cut_begin_ >= kLineChars)) break;
      used += measured_[k].second;
    }
    // A web address breaks after a '/' where one fits: "www.voorbeeldstad.nl/" and
    // "kwijtschelding", not "...nl/kwijtscheld" and "ing", which reads as a whole address.
    if (k < measured_.size())
      for (std::size_t j = k; j > 0; --j)
        if (p_.chars[measured_[j].first - 1] == U'/') {
          k = j;
          break;
        }
    const std::size_t cut = k < measured_.size() ? measured_[k].first : measured_end_;
    place(builder_.shape(p_, cut_begin_, cut, cut_word_, false));
    measured_.erase(measured_.begin(), measured_.begin() + static_cast<std::ptrdiff_t>(k));
    measured_width_ = 0;  // summed again, not subtracted: no drift over thousands of lines
    for (const auto& cluster : measured_) measured_width_ += cluster.second;
    cut_begin_ = cut;
    if (cut == cut_end_ && cut_end_known_) {  // one cluster wider than the line: it stands alone
      end_word();
      return 0;
    }
    new_line();
    return 0;
  }

  void place(Piece&& piece) {
    if (piece.items.empty()) return;
    if (!line_.empty()) {
      Item gap;
      gap.space = true;
      gap.width = space_;
      gap.level = space_level(p_, piece.items.front().begin, style_.right_to_left);
      line_.push_back(std::move(gap));
      line_width_ += space_;
    }
    line_width_ += piece.width;
    for (auto& item : piece.items) line_.push_back(std::move(item));
  }

  void new_line() {
    place_line();
    line_.clear();
    line_width_ = 0;
    number_start_.reset();
  }

  // The line that ends here, in visual order, onto the layout.
  void place_line() {
    Layout& out = *out_;
    const int l = out.lines;
    out.line_starts.push_back(static_cast<std::uint32_t>(out.glyphs.size()));
    reorder(line_);
    const float top = static_cast<float>(l) * out.line_height;
    const float baseline = top + baseline_offset_;
    float x = 0;
    if (style_.align == Align::Centre)
      x = (width_ - line_width_) / 2;
    else if (style_.right_to_left)
      x = width_ - line_width_ - indent_;
    else
      x = indent_;
    x = std::max(x, 0.0f);
    if (style_.bullet && l == 0) {
      const float bx = style_.right_to_left ? width_ - bullet_.width : 0;
      float pen = bx;
      for (const auto& g : bullet_.items.front().glyphs) {
        out.glyphs.push_back({g.face, g.id, pen + g.x_offset, baseline - g.y_offset});
        pen += g.advance;
      }
    }
    // One box per word per line, even when bidi reordering splits the word's runs.
    std::unordered_map<std::size_t, std::size_t> box_of_word;
    for (const auto& item : line_) {
      const float start = x;
      if (item.space) {
        x += item.width;
        continue;
      }
      if (style_.carets) add_carets(out, p_, item, x, l);
      for (const auto& g : item.glyphs) {
        out.glyphs.push_back({g.face, g.id, x + g.x_offset, baseline - g.y_offset});
        x += g.advance;
      }
      if (auto found = box_of_word.find(item.word); found != box_of_word.end()) {
        auto& box = out.words[found->second];
        const float right = std::max(box.x + box.w, x);
        box.x = std::min(box.x, start);
        box.w = right - box.x;
        box.begin = std::min(box.begin, p_.bytes[item.begin]);
        box.end = std::max(box.end, p_.bytes[item.end]);
      } else {
        box_of_word[item.word] = out.words.size();
        out.words.push_back({start, top, x - start, out.line_height, p_.bytes[item.begin], p_.bytes[item.end]});
      }
    }
    out.width = std::max(out.width, line_width_ + indent_);
    out.lines = l + 1;
    out.height = static_cast<float>(out.lines) * out.line_height;
  }

  void finish() {
    // The last line, unless it is an empty one after others.
    if (!line_empty() || out_->lines == 0) place_line();
    if (p_.chars.empty()) {
      out_->lines = 0;
      out_->height = 0;
    }
    out_->complete = true;
  }

  const FontSet& fonts_;
  const std::vector<Span> spans_;
  const Style style_;
  const float width_;
  std::size_t& shaped_;
  Builder builder_;
  std::shared_ptr<Layout> out_;
  float space_ = 0, indent_ = 0, room_ = 0, baseline_offset_ = 0;
  Piece bullet_;

  Paragraph p_;
  std::size_t span_ = 0, byte_ = 0;  // what read_more reads next
  std::size_t pos_ = 0;              // the next char the line breaker looks at
  std::size_t words_ = 0;
  bool pending_break_ = false;
  std::size_t last_word_end_ = 0;  // where the word before this one ended
  // The first group on this line of a number written in groups: where its item starts, the
  // line's width before it, where it and the word before it start and end, its word number.
  struct NumberStart {
    std::size_t item = 0;
    float width = 0;
    std::size_t pos = 0, word = 0, before = 0;
  };
  std::optional<NumberStart> number_start_;
  std::vector<Item> line_;  // the line being filled
  float line_width_ = 0;

  // The word being cut: [cut_begin_, cut_end_) not yet placed; its clusters measured so far
  // (where each starts, how wide) up to measured_end_.
  bool cutting_ = false, cut_end_known_ = false, may_fit_ = false;
  std::size_t cut_word_ = 0, cut_begin_ = 0, cut_end_ = 0, measured_end_ = 0;
  std::deque<std::pair<std::size_t, float>> measured_;
  float measured_width_ = 0;
};

TextEngine::TextEngine(const FontSet& fonts, const Hyphenator& hyphenator, std::size_t cache_bytes)
    : fonts_(fonts), hyphenator_(hyphenator), capacity_(cache_bytes) {}

TextEngine::~TextEngine() = default;

void TextEngine::clear_cache() {
  lru_.clear();
  cache_.clear();
  cache_bytes_ = 0;
  jobs_.clear();
}

void TextEngine::begin_frame() {
  // A long text nobody asked for in the frame before has left the screen.
  std::erase_if(jobs_, [&](const auto& job) { return job.second->asked != frame_; });
  ++frame_;
  budget_left_ = frame_budget_.value_or(kNoLimit);
}

bool TextEngine::laying_out() const {
  return std::any_of(jobs_.begin(), jobs_.end(),
                     [&](const auto& job) { return job.second->asked == frame_ && !job.second->done(); });
}

// The newest entry goes in front; the least recently used go until the cache fits again. An
// entry larger than the whole cache is still returned, just not kept.
std::shared_ptr<const Layout> TextEngine::remember(std::string key, std::shared_ptr<const Layout> layout) {
  lru_.emplace_front(std::move(key), layout);
  cache_[lru_.front().first] = lru_.begin();
  cache_bytes_ += entry_bytes(lru_.front().first, *layout);
  while (cache_bytes_ > capacity_ && !lru_.empty()) {
    cache_bytes_ -= entry_bytes(lru_.back().first, *lru_.back().second);
    cache_.erase(lru_.back().first);
    lru_.pop_back();
  }
  return layout;
}

std::shared_ptr<const Layout> TextEngine::layout(const std::vector<Span>& spans, const Style& style,
                                                 float width) {
  std::string key;
  key.reserve(text_bytes(spans) + spans.size() + 96);
  for (const auto& span : spans) {
    key += span.bold ? '\x02' : '\x01';
    key += span.text;
  }
  char tail[96];
  std::snprintf(tail, sizeof tail, "\x03%.3f|%.3f|%d|%d|%d|%d|%d|%.2f", style.size_px, style.line_spacing,
                static_cast<int>(style.align), style.right_to_left, style.bullet, style.hyphenate,
                style.carets, width);
  key += tail;
  if (auto it = cache_.find(key); it != cache_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }
  if (!frame_budget_ || text_bytes(spans) <= kWholeBytes) {
    LayoutJob job(fonts_, hyphenator_, spans, style, width, shaped_chars_);
    job.run(kNoLimit);
    return remember(std::move(key), job.layout());
  }
  // A long text on screen: a slice of it a frame, within what the frame has left; the lines
  // laid out so far show meanwhile. It is worked on once a frame, so every call in one frame
  // (a measure, then the drawing) sees the same layout.
  auto& job = jobs_[key];
  if (!job) job = std::make_unique<LayoutJob>(fonts_, hyphenator_, spans, style, width, shaped_chars_);
  job->asked = frame_;
  if (job->worked != frame_ && !job->done()) {
    job->worked = frame_;
    const Work used = job->run(budget_left_);
    budget_left_.shaped -= std::min(budget_left_.shaped, used.shaped);
    budget_left_.read -= std::min(budget_left_.read, used.read);
  }
  const auto out = job->layout();
  // Finished: into the cache like any other layout when it fits there; a larger one stays
  // with its job for as long as the screen asks for it.
  if (job->done() && entry_bytes(key, *out) <= capacity_) {
    jobs_.erase(key);
    return remember(std::move(key), out);
  }
  return out;
}

bool TextEngine::has_pictogram(const std::string& name) {
  return pictogram(name, 16.0f) != nullptr;
}

std::shared_ptr<const Layout> TextEngine::pictogram(const std::string& name, float size_px) {
  char tail[32];
  std::snprintf(tail, sizeof tail, "\x04%.3f", size_px);
  const std::string key = name + tail;
  if (auto it = cache_.find(key); it != cache_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }
  if (name.empty()) return nullptr;
  const Face& face = fonts_.face(fonts_.icons());
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, name.c_str(), static_cast<int>(name.size()), 0, -1);
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(face.hb, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  std::shared_ptr<Layout> out;
  // The ligature turns the whole name into one icon glyph; anything else is not an icon.
  if (count == 1 && info[0].codepoint != 0) {
    out = std::make_shared<Layout>();
    const float k = size_px * face.scale / face.units_per_em;
    out->size_px = size_px;
    out->glyphs.push_back({fonts_.icons(), info[0].codepoint, 0, face.ascender * k});
    out->width = size_px;
    out->height = size_px;
    out->line_height = size_px;
    out->lines = 1;
    out->line_starts = {0};
    out->text = name;
  }
  hb_buffer_destroy(buffer);
  if (!out) return nullptr;
  return remember(key, out);
}

}  // namespace text
