#include "editor/text_field.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace editor {
namespace {

enum class Unit { Character, Word };

// ICU's iterators are costly to make and not shareable across threads: one of each kind
// per thread, cloned for a use.
std::unique_ptr<icu::BreakIterator> iterator_over(const std::string& text, Unit unit, UText*& ut) {
  thread_local const std::unique_ptr<icu::BreakIterator> characters = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  }();
  thread_local const std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }();
  const auto& prototype = unit == Unit::Character ? characters : words;
  if (!prototype) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return nullptr;
  std::unique_ptr<icu::BreakIterator> it(prototype->clone());
  it->setText(ut, status);
  if (U_FAILURE(status)) return nullptr;
  return it;
}

// Boundaries of one kind with the iterator's text kept open while they are read.
class Breaks {
 public:
  Breaks(const std::string& text, Unit unit) : it_(iterator_over(text, unit, ut_)), size_(text.size()) {}
  ~Breaks() {
    it_.reset();
    if (ut_) utext_close(ut_);
  }
  Breaks(const Breaks&) = delete;
  Breaks& operator=(const Breaks&) = delete;

  [[nodiscard]] std::size_t following(std::size_t at) {
    if (at >= size_) return size_;
    const int32_t next = it_ ? it_->following(static_cast<int32_t>(at)) : icu::BreakIterator::DONE;
    return next == icu::BreakIterator::DONE ? size_ : static_cast<std::size_t>(next);
  }
  [[nodiscard]] std::size_t preceding(std::size_t at) {
    if (at == 0) return 0;
    const int32_t before =
        it_ ? it_->preceding(static_cast<int32_t>(std::min(at, size_))) : icu::BreakIterator::DONE;
    return before == icu::BreakIterator::DONE ? 0 : static_cast<std::size_t>(before);
  }
  [[nodiscard]] bool is_boundary(std::size_t at) {
    return at == 0 || at >= size_ || !it_ || it_->isBoundary(static_cast<int32_t>(at));
  }

  // The text cut into words and what lies between them, in order.
  struct Segment {
    std::size_t begin, end;
    bool word;
  };
  [[nodiscard]] std::vector<Segment> segments() {
    std::vector<Segment> out;
    if (!it_) return out;
    std::size_t begin = static_cast<std::size_t>(it_->first());
    for (int32_t end = it_->next(); end != icu::BreakIterator::DONE; end = it_->next()) {
      // UBRK_WORD_NONE_LIMIT and above: letters, numbers, kana, ideographs.
      out.push_back({begin, static_cast<std::size_t>(end), it_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT});
      begin = static_cast<std::size_t>(end);
    }
    return out;
  }

 private:
  UText* ut_ = nullptr;
  std::unique_ptr<icu::BreakIterator> it_;
  std::size_t size_;
};

// Invalid UTF-8 from a plugged-in keyboard or a file becomes U+FFFD, so every offset
// the iterators give is one the text really has.
std::string repaired(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= in.size() && !(n == 2 && c < 0xC2) && !(n == 4 && c > 0xF4);
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (ok && n == 3) {  // no overlong forms, no surrogates
      const auto c1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && n == 4) {
      const auto c1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(in, i, n);
      i += n;
    } else {
      out += "\uFFFD";
      ++i;
    }
  }
  return out;
}

}  // namespace

TextField::TextField(const std::string& text)
    : text_(repaired(text)), cursor_(text_.size()), anchor_(cursor_) {}

std::pair<std::size_t, std::size_t> TextField::selection() const {
  return {std::min(cursor_, anchor_), std::max(cursor_, anchor_)};
}

std::size_t TextField::snap(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  // To the start of its code point first: ICU would take an offset inside one as the next.
  while (offset > 0 && offset < text_.size() && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80)
    --offset;
  Breaks breaks(text_, Unit::Character);
  return breaks.is_boundary(offset) ? offset : breaks.preceding(offset);
}

std::size_t TextField::step(std::size_t from, bool forward) const {
  Breaks breaks(text_, Unit::Character);
  return forward ? breaks.following(from) : breaks.preceding(from);
}

// Forward: to the end of this word or the next; back: to the start of this word or the one
// before. The same stops in both directions, so a right-to-left text moves alike.
std::size_t TextField::word_step(std::size_t from, bool forward) const {
  Breaks breaks(text_, Unit::Word);
  const auto segments = breaks.segments();
  if (forward) {
    for (const auto& s : segments)
      if (s.word && s.end > from) return s.end;
    return text_.size();
  }
  for (auto s = segments.rbegin(); s != segments.rend(); ++s)
    if (s->word && s->begin < from) return s->begin;
  return 0;
}

void TextField::place(std::size_t offset) {
  cursor_ = anchor_ = snap(offset);
}

std::pair<std::size_t, std::size_t> TextField::word_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  Breaks breaks(text_, Unit::Word);
  const auto segments = breaks.segments();
  // Inside a word first; else the word that ends right here (a tap just after its last letter).
  for (const auto& s : segments)
    if (s.word && s.begin <= offset && offset < s.end) return {s.begin, s.end};
  for (const auto& s : segments)
    if (s.word && s.end == offset) return {s.begin, s.end};
  return {offset, offset};
}

bool TextField::select_word(std::size_t offset) {
  const auto [begin, end] = word_at(offset);
  if (begin == end) {
    place(offset);
    return false;
  }
  anchor_ = begin;
  cursor_ = end;
  return true;
}

void TextField::erase(std::size_t begin, std::size_t end) {
  // The bytes go from memory, not only from the string's length.
  std::fill(text_.begin() + static_cast<std::ptrdiff_t>(begin),
            text_.begin() + static_cast<std::ptrdiff_t>(end), '\0');
  text_.erase(begin, end - begin);
  cursor_ = anchor_ = begin;
}

void TextField::insert(const std::string& typed) {
  const auto [begin, end] = selection();
  if (begin != end) erase(begin, end);
  const std::string clean = repaired(typed);
  text_.insert(cursor_, clean);
  cursor_ = anchor_ = cursor_ + clean.size();
}

void TextField::backspace() {
  if (has_selection()) {
    const auto [begin, end] = selection();
    return erase(begin, end);
  }
  if (cursor_ > 0) erase(step(cursor_, false), cursor_);
}

void TextField::erase_forward() {
  if (has_selection()) {
    const auto [begin, end] = selection();
    return erase(begin, end);
  }
  if (cursor_ < text_.size()) erase(cursor_, step(cursor_, true));
}

void TextField::move(Move how) {
  const auto [begin, end] = selection();
  const bool selected = begin != end;
  switch (how) {
    case Move::Back: cursor_ = selected ? begin : step(cursor_, false); break;
    case Move::Forward: cursor_ = selected ? end : step(cursor_, true); break;
    case Move::WordBack: cursor_ = word_step(selected ? begin : cursor_, false); break;
    case Move::WordForward: cursor_ = word_step(selected ? end : cursor_, true); break;
    case Move::Start: cursor_ = 0; break;
    case Move::End: cursor_ = text_.size(); break;
  }
  anchor_ = cursor_;
}

void TextField::wipe() {
  volatile char* bytes = text_.data();  // a write the compiler may not leave out
  for (std::size_t i = 0; i < text_.size(); ++i) bytes[i] = '\0';
  text_.clear();
  text_.shrink_to_fit();
  cursor_ = anchor_ = 0;
}

}  // namespace editor
