#pragma once
// Dutch spelling for the editor (hunspell with the hunspell-nl dictionary): the
// words it does not know, each with its first suggestion. Names, numbers and
// abbreviations are left alone; a missing dictionary means no marks, not an error.
#include <memory>
#include <string>
#include <vector>

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
  [[nodiscard]] std::vector<Misspelling> check(const std::string& text) const;

 private:
  Hunhandle* handle_ = nullptr;
};

}  // namespace editor
