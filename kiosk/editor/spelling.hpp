#pragma once
// Dutch spelling for the editor (hunspell with the hunspell-nl dictionary): the
// words it does not know, each with its first suggestion. Names, numbers and
// abbreviations are left alone; a missing dictionary means no marks, not an error.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "content/content_pack.hpp"

struct Hunhandle;

namespace editor {

struct Misspelling {
  std::string word;
  std::string suggestion;  // "" when hunspell has none
};

class Speller {
 public:
  // The dictionary by its hunspell path without extension (e.g. /usr/share/hunspell/nl_NL).
  explicit Speller(const std::string& dictionary = "/usr/share/hunspell/nl_NL");
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  [[nodiscard]] bool available() const { return handle_ != nullptr; }
  // The words of `text` the dictionary does not know, leaving alone the `known` ones (exactly as
  // written: "Geldfit", "DigiD").
  [[nodiscard]] std::vector<Misspelling> check(const std::string& text, const std::set<std::string>& known = {}) const;

 private:
  Hunhandle* handle_ = nullptr;
};

// The words a pack's spelling check knows beside the dictionary: its word list
// (language/words.toml) and every word of its places' and municipalities' names.
[[nodiscard]] std::set<std::string> known_words(const content::ContentPack& pack);

// "Woord toevoegen": the word joins the pack's list. False when it is no single word
// (letters, digits, ' and -, at most 40 bytes) or the list has it already.
bool learn_word(content::ContentPack& pack, const std::string& word);

}  // namespace editor
