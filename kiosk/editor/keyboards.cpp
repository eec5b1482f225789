#include "editor/keyboards.hpp"

#include <algorithm>
#include <sstream>

namespace editor {
namespace {

// A row written as keys separated by spaces.
std::vector<std::string> keys(const std::string& row) {
  std::vector<std::string> out;
  std::istringstream in(row);
  for (std::string key; in >> key;) out.push_back(key);
  return out;
}

std::vector<std::vector<std::string>> rows(std::initializer_list<const char*> lines) {
  std::vector<std::vector<std::string>> out;
  for (const char* line : lines) out.push_back(keys(line));
  return out;
}

// The digits and the punctuation every layout shares: B1 text needs ? ! ' * , . : ; - ( ) € @ /.
constexpr const char* kDigits = "1 2 3 4 5 6 7 8 9 0 -";
constexpr const char* kMarks = "? ! ' * : ; ( ) \u20AC @ /";

std::vector<KeyboardLayout> make_layouts() {
  std::vector<KeyboardLayout> all;
  // Dutch: QWERTY, with the accented letters Dutch words use (café, ideeën, ruïne, reünie).
  all.push_back({"nl", "ABC", false,
                 rows({kDigits, "q w e r t y u i o p \u00E9", "a s d f g h j k l \u00EB \u00EF",
                       "z x c v b n m , . \u00FC \u00F3", kMarks}),
                 rows({kDigits, "Q W E R T Y U I O P \u00C9", "A S D F G H J K L \u00CB \u00CF",
                       "Z X C V B N M , . \u00DC \u00D3", kMarks})});
  // Turkish Q: dotless ı and dotted i are two letters, and their capitals are I and İ.
  all.push_back({"tr", "\u00C7\u011E\u015E", false,
                 rows({kDigits, "q w e r t y u \u0131 o p \u011F \u00FC", "a s d f g h j k l \u015F i",
                       "z x c v b n m \u00F6 \u00E7 , .", kMarks}),
                 rows({kDigits, "Q W E R T Y U I O P \u011E \u00DC", "A S D F G H J K L \u015E \u0130",
                       "Z X C V B N M \u00D6 \u00C7 , .", kMarks})});
  // Ukrainian ЙЦУКЕН, with ї є і ґ and the apostrophe of м'ята.
  all.push_back(
      {"uk", "\u0410\u0411\u0412", false,
       rows({kDigits, "\u0439 \u0446 \u0443 \u043A \u0435 \u043D \u0433 \u0448 \u0449 \u0437 \u0445 \u0457",
             "\u0444 \u0456 \u0432 \u0430 \u043F \u0440 \u043E \u043B \u0434 \u0436 \u0454",
             "\u044F \u0447 \u0441 \u043C \u0438 \u0442 \u044C \u0431 \u044E \u0491 , .", kMarks}),
       rows({kDigits, "\u0419 \u0426 \u0423 \u041A \u0415 \u041D \u0413 \u0428 \u0429 \u0417 \u0425 \u0407",
             "\u0424 \u0406 \u0412 \u0410 \u041F \u0420 \u041E \u041B \u0414 \u0416 \u0404",
             "\u042F \u0427 \u0421 \u041C \u0418 \u0422 \u042C \u0411 \u042E \u0490 , .", kMarks})});
  // Arabic as on a PC keyboard; Arabic has no capitals, so shift changes nothing. Its own
  // comma, question mark and semicolon (، ؟ ؛) and the hamza forms take the marks' row.
  const auto arabic =
      rows({kDigits, "\u0636 \u0635 \u062B \u0642 \u0641 \u063A \u0639 \u0647 \u062E \u062D \u062C \u062F",
            "\u0634 \u0633 \u064A \u0628 \u0644 \u0627 \u062A \u0646 \u0645 \u0643 \u0637",
            "\u0626 \u0621 \u0624 \u0631 \u0649 \u0629 \u0648 \u0632 \u0638 \u0630 . /",
            "\u061F ! \u060C \u061B : \u0623 \u0625 \u0622 ( ) \u20AC @"});
  all.push_back({"ar", "\u0623\u0628\u062A", true, arabic, arabic});
  return all;
}

}  // namespace

const std::vector<KeyboardLayout>& keyboard_layouts() {
  static const std::vector<KeyboardLayout> all = make_layouts();
  return all;
}

const KeyboardLayout& keyboard(const std::string& name) {
  const auto& all = keyboard_layouts();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const KeyboardLayout& k) { return k.name == name; });
  return it == all.end() ? all.front() : *it;
}

const std::string& keyboard_for_language(const std::string& lang) {
  return keyboard(lang).name;
}

const std::string& next_keyboard(const std::string& name) {
  const auto& all = keyboard_layouts();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const KeyboardLayout& k) { return k.name == name; });
  if (it == all.end() || it + 1 == all.end()) return all.front().name;
  return (it + 1)->name;
}

}  // namespace editor
