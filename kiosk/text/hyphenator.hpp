#pragma once
// Dutch hyphenation with libhyphen and Debian's hyphen-nl patterns: where a long
// compound word ("inkomensondersteuning") may be split at the end of a line.
#include <string>
#include <vector>

struct _HyphenDict;

namespace text {

class Hyphenator {
 public:
  // An empty or unreadable path gives a hyphenator that never splits.
  explicit Hyphenator(const std::string& dictionary_path = "/usr/share/hyphen/hyph_nl_NL.dic");
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Indices i (in code points) where the word may break before character i.
  // At least two characters stay on each side.
  [[nodiscard]] std::vector<std::size_t> break_points(const std::u32string& word) const;
  [[nodiscard]] bool available() const { return dict_ != nullptr; }

 private:
  _HyphenDict* dict_ = nullptr;
};

}  // namespace text
