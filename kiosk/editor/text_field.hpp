#pragma once
// The text an editor is changing, with its cursor and selection, as pure logic. Offsets
// are UTF-8 byte offsets that always lie on the boundary of a user-perceived character
// (a grapheme cluster, ICU's rules): an Arabic letter with its vowel mark, "İ", or "é"
// written as e + accent is stepped over, erased and selected whole. Words are ICU's
// words, so "zo'n" is one word and punctuation is not. No drawing: the view maps taps
// to offsets with the real text layout and hands them here.
#include <cstddef>
#include <string>
#include <utility>

namespace editor {

class TextField {
 public:
  enum class Move { Back, Forward, WordBack, WordForward, Start, End };

  TextField() = default;
  // The cursor starts at the end, as after typing the text. Invalid UTF-8 is repaired (U+FFFD).
  explicit TextField(const std::string& text);

  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] std::size_t cursor() const { return cursor_; }
  [[nodiscard]] std::size_t anchor() const { return anchor_; }
  [[nodiscard]] bool has_selection() const { return cursor_ != anchor_; }
  // [begin, end) of the selection; empty (begin == end == cursor) without one.
  [[nodiscard]] std::pair<std::size_t, std::size_t> selection() const;

  // The cursor at `offset`, snapped back to a character boundary; any selection ends.
  void place(std::size_t offset);
  // The word at `offset` (or touching it from the left) selected; false, with the
  // cursor placed there, when no word is there (a space, a full stop).
  bool select_word(std::size_t offset);
  // The word at `offset`, as a range, or {offset, offset} when there is none.
  [[nodiscard]] std::pair<std::size_t, std::size_t> word_at(std::size_t offset) const;
  // Typed text replaces the selection, or goes in at the cursor; the cursor follows it.
  void insert(const std::string& typed);
  // "Wis": the selection, or the character before the cursor.
  void backspace();
  // The Delete key: the selection, or the character after the cursor.
  void erase_forward();
  // Moves the cursor in the text's order (logical: the view turns visual keys into these);
  // a selection collapses to its start (back) or end (forward) first.
  void move(Move how);
  // Overwrites the characters before they are freed, then empties the field.
  void wipe();

 private:
  [[nodiscard]] std::size_t snap(std::size_t offset) const;
  [[nodiscard]] std::size_t step(std::size_t from, bool forward) const;
  [[nodiscard]] std::size_t word_step(std::size_t from, bool forward) const;
  void erase(std::size_t begin, std::size_t end);

  std::string text_;
  std::size_t cursor_ = 0;
  std::size_t anchor_ = 0;
};

}  // namespace editor
