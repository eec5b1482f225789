#pragma once
// The editor's benchmark (issue 20): one word in the middle of a paragraph replaced by taps
// only, as an editor's finger does it: page the text until the word shows, tap the word twice
// quickly (it is selected), type the new word on the on-screen keyboard. The UI test and
// `wegwijzer bench` both use this, so they count the same taps.
#include <cstddef>
#include <string>
#include <vector>

#include "platform/headless_driver.hpp"

namespace platform {

struct WordSwap {
  int taps = 0;
  std::string text;     // the field's text afterwards
  std::string problem;  // why it could not be done; empty when it was
};

// Types `text` on the on-screen keyboard shown, one tap per key (shift first for a capital),
// `pace` ms apart; adds the taps to `taps`. Returns why it could not, or empty.
[[nodiscard]] std::string type_by_taps(HeadlessDriver& driver, const std::string& text, app::Millis pace,
                                       int& taps);

// Staff's way in, as an editor's fingers go: hold the library's name, the editor's PIN, the
// editor, then the field's item and the field (`field` as editor::FieldRef::key()). Returns
// why it could not, or empty.
[[nodiscard]] std::string open_field_as_editor(HeadlessDriver& driver, const std::string& pin,
                                               const std::string& field);

// The benchmark's cases on the shipped pack's AOW page ("page:aow:body:LANG"), one per
// keyboard: a word in a middle paragraph, found as the end of `sentence`, and a word for it.
struct SwapCase {
  std::string lang, sentence, word, replacement;
  // Where the word starts in `text`; npos when the text no longer has the sentence.
  [[nodiscard]] std::size_t offset_in(const std::string& text) const;
};
[[nodiscard]] const std::vector<SwapCase>& aow_swap_cases();

// On the editor's field screen: the word that starts at byte `at` of the text becomes `replacement`.
[[nodiscard]] WordSwap swap_word_by_taps(HeadlessDriver& driver, std::size_t at,
                                         const std::string& replacement);

}  // namespace platform
