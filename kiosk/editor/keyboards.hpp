#pragma once
// The on-screen keyboards, as data: one layout per language of the pack, each a table
// of rows (keys as UTF-8 strings) with the same rows shifted. The field's language picks
// the first layout; a key on the keyboard goes on to the next, so a Turkish name can be
// typed into a Dutch text. Every layout has the digits and the punctuation B1 text needs.
#include <string>
#include <vector>

namespace editor {

struct KeyboardLayout {
  std::string name;   // "nl", "tr", "uk", "ar"
  std::string label;  // on the switch key, in the layout's own script: "ABC", "ÇĞŞ", "АБВ", "أبت"
  bool right_to_left = false;
  std::vector<std::vector<std::string>> rows;     // as shown without shift
  std::vector<std::vector<std::string>> shifted;  // the same places with shift; equal where no case
  [[nodiscard]] bool has_case() const { return rows != shifted; }
};

[[nodiscard]] const std::vector<KeyboardLayout>& keyboard_layouts();
// The layout by name; the first (Dutch) for a name it does not know.
[[nodiscard]] const KeyboardLayout& keyboard(const std::string& name);
// The layout a field in `lang` starts with: its own, or Dutch (English uses the same letters).
[[nodiscard]] const std::string& keyboard_for_language(const std::string& lang);
// The layout after `name`, round again at the end.
[[nodiscard]] const std::string& next_keyboard(const std::string& name);

}  // namespace editor
