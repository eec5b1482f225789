#include "text/hyphenator.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <filesystem>

namespace text {
namespace {

// The hyphen-nl patterns are in ISO 8859-1 and lower case.
char32_t lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  return c;
}

}  // namespace

Hyphenator::Hyphenator(const std::string& dictionary_path) {
  if (!dictionary_path.empty() && std::filesystem::exists(dictionary_path))
    dict_ = hnj_hyphen_load(dictionary_path.c_str());
}

Hyphenator::~Hyphenator() {
  if (dict_) hnj_hyphen_free(dict_);
}

std::vector<std::size_t> Hyphenator::break_points(const std::u32string& word) const {
  std::vector<std::size_t> points;
  if (!dict_ || word.size() < 5) return points;
  std::string latin1;
  for (char32_t c : word) {
    const char32_t l = lower(c);
    // Only words of letters: no digits, no other scripts, no punctuation inside.
    const bool letter = (l >= U'a' && l <= U'z') || (l >= 0xDF && l <= 0xFF && l != 0xF7);
    if (!letter) return points;
    latin1 += static_cast<char>(l);
  }
  std::vector<char> hyphens(latin1.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  if (hnj_hyphen_hyphenate3(dict_, latin1.c_str(), static_cast<int>(latin1.size()), hyphens.data(), nullptr,
                            &rep, &pos, &cut, 2, 2, 2, 2) == 0) {
    for (std::size_t i = 0; i + 1 < latin1.size(); ++i)
      if (hyphens[i] & 1) points.push_back(i + 1);
  }
  if (rep) {
    for (std::size_t i = 0; i < latin1.size(); ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  return points;
}

}  // namespace text
