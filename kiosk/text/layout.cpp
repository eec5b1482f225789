#include "text/layout.hpp"

#include <fribidi.h>
#include <hb.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace text {

// ---------------------------------------------------------------- UTF-8 ----

std::u32string decode_utf8(const std::string& s, std::vector<std::size_t>* offsets) {
  std::u32string out;
  out.reserve(s.size());
  const auto n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = byte(i);
    // How many bytes the lead byte promises; 0 for a byte that cannot start a character.
    const std::size_t need = c < 0x80                 ? 1
                             : c >= 0xC2 && c <= 0xDF ? 2
                             : c >= 0xE0 && c <= 0xEF ? 3
                             : c >= 0xF0 && c <= 0xF4 ? 4
                                                      : 0;
    std::size_t len = 1;
    char32_t cp = 0xFFFD;
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
      // A truncated sequence becomes one U+FFFD for all its bytes.
    }
    if (offsets) offsets->push_back(i);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode_utf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
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

struct Paragraph {
  std::u32string chars;
  std::vector<std::size_t> bytes;  // byte offset of each char in `text`, plus one past the end
  std::vector<bool> bold;
  std::vector<FriBidiLevel> levels;
  std::string text;
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

  Paragraph paragraph(const std::vector<Span>& spans) const {
    Paragraph p;
    for (const auto& span : spans) {
      std::vector<std::size_t> offsets;
      const std::u32string chars = decode_utf8(span.text, &offsets);
      for (char32_t c : chars) {
        p.bytes.push_back(p.text.size());
        // Control characters other than newline would draw as boxes: show them as spaces.
        const char32_t shown = (c < 0x20 && c != U'\n') || c == 0x7F ? U' ' : c;
        p.chars.push_back(shown);
        p.text += encode_utf8(std::u32string(1, shown));
        p.bold.push_back(span.bold);
      }
    }
    p.bytes.push_back(p.text.size());
    const auto n = static_cast<FriBidiStrIndex>(p.chars.size());
    std::vector<FriBidiCharType> types(p.chars.size());
    std::vector<FriBidiBracketType> brackets(p.chars.size());
    p.levels.assign(p.chars.size(), style_.right_to_left ? 1 : 0);
    if (n > 0) {
      const auto* chars = reinterpret_cast<const FriBidiChar*>(p.chars.data());
      fribidi_get_bidi_types(chars, n, types.data());
      fribidi_get_bracket_types(chars, n, types.data(), brackets.data());
      FriBidiParType base = style_.right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
      if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, p.levels.data()))
        p.levels.assign(p.chars.size(), style_.right_to_left ? 1 : 0);
    }
    return p;
  }

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

 public:
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

  // Cuts an overlong word [begin, end) into lines that fit `room`, at character boundaries,
  // from one shaping of the whole word: shaping the rest again for every line made a long
  // unbroken string (a pasted link) quadratic. Returns where each line ends but the last;
  // every line has at least one character, so layout always makes progress.
  std::vector<std::size_t> char_splits(const Paragraph& p, std::size_t begin, std::size_t end,
                                       std::size_t word, float room) const {
    const Piece whole = shape(p, begin, end, word, false);
    std::vector<float> advance(end - begin, 0.0f);
    for (const auto& item : whole.items)
      for (const auto& g : item.glyphs) advance[g.cluster - begin] += g.advance;
    // A web address breaks after a '/' where one fits: "www.voorbeeldstad.nl/" and
    // "kwijtschelding", not "...nl/kwijtscheld" and "ing", which reads as a whole address.
    std::vector<std::size_t> cuts;
    float used = 0;
    std::size_t start = begin, slash = begin;  // the line's part begins at start; a cut may go at slash
    for (std::size_t at = begin; at < end; ++at) {
      const float a = advance[at - begin];
      if (used + a > room && at > start) {
        const std::size_t cut = slash > start ? slash : at;
        cuts.push_back(cut);
        start = slash = cut;
        used = 0;
        for (std::size_t k = cut; k < at; ++k) used += advance[k - begin];
      }
      used += a;
      if (p.chars[at] == U'/' && at + 1 < end) slash = at + 1;
    }
    return cuts;
  }
};

bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// The bidi level of the gap before the word starting at `begin`. A space between
// two numbers joins them, so a phone number written in groups ("0800 8115")
// keeps its order inside right-to-left text.
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

// What one cache entry holds on the heap: the layout, and its key twice (list and index).
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

std::size_t entry_bytes(const std::string& key, const Layout& layout) {
  constexpr std::size_t kNodes = 2 * sizeof(void*) * 4;  // list node, hash node, bucket: about
  return sizeof(Layout) + layout.glyphs.capacity() * sizeof(Glyph) +
         layout.words.capacity() * sizeof(WordBox) + layout.carets.capacity() * sizeof(Caret) +
         layout.text.capacity() + 2 * (key.capacity() + sizeof(std::string)) + kNodes;
}

}  // namespace

TextEngine::TextEngine(const FontSet& fonts, const Hyphenator& hyphenator, std::size_t cache_bytes)
    : fonts_(fonts), hyphenator_(hyphenator), capacity_(cache_bytes) {}

void TextEngine::clear_cache() {
  lru_.clear();
  cache_.clear();
  cache_bytes_ = 0;
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
  return remember(std::move(key), build(spans, style, width));
}

std::shared_ptr<const Layout> TextEngine::build(const std::vector<Span>& spans, const Style& style,
                                                float width) const {
  Builder builder(fonts_, hyphenator_, style, shaped_chars_);
  const Paragraph p = builder.paragraph(spans);
  auto out = std::make_shared<Layout>();
  out->size_px = style.size_px;
  out->text = p.text;
  out->line_height = style.size_px * style.line_spacing;

  const float space = builder.space_width();
  float indent = 0;
  Piece bullet;
  if (style.bullet) {
    Paragraph mark = builder.paragraph({{"\u2022", false}});
    bullet = builder.shape(mark, 0, 1, SIZE_MAX, false);
    indent = bullet.width + space * 1.5f;
  }
  const float room = std::max(width - indent, style.size_px);

  // Words in logical order, each a char range; '\n' forces a new line.
  struct Word {
    std::size_t begin, end;
    bool break_before;
  };
  std::vector<Word> words;
  bool pending_break = false;
  for (std::size_t i = 0; i < p.chars.size();) {
    if (p.chars[i] == U'\n') {
      pending_break = true;
      ++i;
      continue;
    }
    if (p.chars[i] == U' ' || p.chars[i] == U'\t') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < p.chars.size() && p.chars[j] != U' ' && p.chars[j] != U'\t' && p.chars[j] != U'\n') ++j;
    words.push_back({i, j, pending_break});
    pending_break = false;
    i = j;
  }

  // Greedy line breaking.
  std::vector<std::vector<Item>> lines(1);
  std::vector<float> line_widths(1, 0.0f);
  auto new_line = [&] {
    lines.emplace_back();
    line_widths.push_back(0.0f);
  };
  auto place = [&](Piece&& piece) {
    if (!lines.back().empty()) {
      Item gap;
      gap.space = true;
      gap.width = space;
      gap.level = space_level(p, piece.items.front().begin, style.right_to_left);
      lines.back().push_back(std::move(gap));
      line_widths.back() += space;
    }
    line_widths.back() += piece.width;
    for (auto& item : piece.items) lines.back().push_back(std::move(item));
  };
  // A number written in groups ("0800 8115", "14 0123") stays on one line: a phone number
  // split over two lines gets dialled in half. Its groups are words of their own (speech lights
  // them up as such), glued by the one space between two digits; where each word began on its
  // line, to take a group back when the next one does not fit.
  auto glued = [&](std::size_t w) {
    return w > 0 && words[w].begin == words[w - 1].end + 1 && p.chars[words[w - 1].end] == U' ' &&
           is_digit(p.chars[words[w - 1].end - 1]) && is_digit(p.chars[words[w].begin]);
  };
  struct Start {
    std::size_t line = 0, item = 0;
    float width = 0;
  };
  std::vector<Start> starts(words.size());
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::size_t begin = words[w].begin;
    const std::size_t end = words[w].end;
    if (words[w].break_before && !lines.back().empty()) new_line();
    starts[w] = {lines.size() - 1, lines.back().size(), line_widths.back()};
    std::optional<std::size_t> again;  // the first group of a number to place again on a new line
    while (begin < end) {
      Piece piece = builder.shape(p, begin, end, w, false);
      const float used = line_widths.back() + (lines.back().empty() ? 0 : space);
      if (used + piece.width <= room) {
        place(std::move(piece));
        break;
      }
      // A word that fits on a line of its own moves there whole: split words are
      // harder to read, so only a word wider than the line is hyphenated.
      if (!lines.back().empty() && piece.width <= room) {
        std::size_t first = w;
        while (glued(first) && starts[first - 1].line == lines.size() - 1) --first;
        if (first < w && starts[first].item > 0) {
          lines.back().resize(starts[first].item);
          line_widths.back() = starts[first].width;
          new_line();
          again = first;
          break;
        }
        new_line();
        continue;
      }
      // Fill the rest of this line with the word's head, hyphenated, if a legal point fits.
      const std::size_t cut = builder.hyphen_split(p, begin, end, w, room - used);
      if (cut > begin) {
        place(builder.shape(p, begin, cut, w, true));
        new_line();
        begin = cut;
        continue;
      }
      if (!lines.back().empty()) {
        new_line();
        continue;  // try the word again on the fresh line
      }
      // Alone on a line and still too wide: break it where it must. The last piece goes
      // round again on its fresh line (with what follows it there).
      const auto cuts = builder.char_splits(p, begin, end, w, room);
      if (cuts.empty()) {  // one character wider than the line: it stands alone
        place(std::move(piece));
        break;
      }
      for (const std::size_t cut : cuts) {
        place(builder.shape(p, begin, cut, w, false));
        new_line();
        begin = cut;
      }
    }
    if (again) w = *again - 1;  // the loop's ++w starts the number again
  }
  if (lines.size() > 1 && lines.back().empty()) {
    lines.pop_back();
    line_widths.pop_back();
  }

  // Place glyphs line by line, in visual order.
  const Face& primary = fonts_.face(fonts_.primary(Weight::Regular));
  const float ascent = primary.ascender * builder.scale(primary);
  const float descent = -primary.descender * builder.scale(primary);
  const float baseline_offset = (out->line_height - (ascent + descent)) / 2 + ascent;
  std::vector<WordBox> boxes;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    auto& line = lines[l];
    reorder(line);
    const float top = static_cast<float>(l) * out->line_height;
    const float baseline = top + baseline_offset;
    const float line_w = line_widths[l];
    float x = 0;
    if (style.align == Align::Centre)
      x = (width - line_w) / 2;
    else if (style.right_to_left)
      x = width - line_w - indent;
    else
      x = indent;
    x = std::max(x, 0.0f);
    if (style.bullet && l == 0) {
      const float bx = style.right_to_left ? width - bullet.width : 0;
      float pen = bx;
      for (const auto& g : bullet.items.front().glyphs) {
        out->glyphs.push_back({g.face, g.id, pen + g.x_offset, baseline - g.y_offset});
        pen += g.advance;
      }
    }
    // One box per word per line, even when bidi reordering splits the word's runs.
    std::unordered_map<std::size_t, std::size_t> box_of_word;
    for (const auto& item : line) {
      const float start = x;
      if (item.space) {
        x += item.width;
        continue;
      }
      if (style.carets) add_carets(*out, p, item, x, static_cast<int>(l));
      for (const auto& g : item.glyphs) {
        out->glyphs.push_back({g.face, g.id, x + g.x_offset, baseline - g.y_offset});
        x += g.advance;
      }
      if (auto found = box_of_word.find(item.word); found != box_of_word.end()) {
        auto& box = boxes[found->second];
        const float right = std::max(box.x + box.w, x);
        box.x = std::min(box.x, start);
        box.w = right - box.x;
        box.begin = std::min(box.begin, p.bytes[item.begin]);
        box.end = std::max(box.end, p.bytes[item.end]);
      } else {
        box_of_word[item.word] = boxes.size();
        boxes.push_back({start, top, x - start, out->line_height, p.bytes[item.begin], p.bytes[item.end]});
      }
    }
    out->width = std::max(out->width, line_w + indent);
  }
  out->words = std::move(boxes);
  out->lines = static_cast<int>(lines.size());
  out->height = static_cast<float>(lines.size()) * out->line_height;
  if (p.chars.empty()) {
    out->lines = 0;
    out->height = 0;
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
    out->text = name;
  }
  hb_buffer_destroy(buffer);
  if (!out) return nullptr;
  return remember(key, out);
}

}  // namespace text
