#include "editor/spelling.hpp"

#include <hunspell/hunspell.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace editor {

namespace {

bool letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'' || c == '-';
}

// Words a dictionary cannot know and should not mark: with digits, or all capitals (AOW, SVB).
bool leave_alone(const std::string& word) {
  bool lower = false;
  for (unsigned char c : word) {
    if (c >= '0' && c <= '9') return true;
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return !lower;
}

}  // namespace

Speller::Speller(const std::string& dictionary) {
  const std::string aff = dictionary + ".aff", dic = dictionary + ".dic";
  std::error_code ec;
  if (std::filesystem::exists(aff, ec) && std::filesystem::exists(dic, ec))
    handle_ = Hunspell_create(aff.c_str(), dic.c_str());
}

Speller::~Speller() {
  if (handle_) Hunspell_destroy(handle_);
}

std::vector<Misspelling> Speller::check(const std::string& text, const std::set<std::string>& known) const {
  std::vector<Misspelling> out;
  if (!handle_) return out;
  auto check_word = [&](std::string word) {
    if (word.empty() || leave_alone(word) || known.count(word) || Hunspell_spell(handle_, word.c_str())) return;
    Misspelling miss{word, ""};
    char** list = nullptr;
    const int n = Hunspell_suggest(handle_, &list, word.c_str());
    if (n > 0) miss.suggestion = list[0];
    Hunspell_free_list(handle_, &list, n);
    out.push_back(std::move(miss));
  };
  std::size_t i = 0;
  while (i < text.size()) {
    // One token between spaces, without the punctuation around it.
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    std::string token = text.substr(i, end - i);
    i = end;
    while (!token.empty() && !letter(static_cast<unsigned char>(token.back()))) token.pop_back();
    std::size_t start = 0;
    while (start < token.size() && !letter(static_cast<unsigned char>(token[start]))) ++start;
    token = token.substr(start);
    if (token.find_first_of("./@:") != std::string::npos) continue;  // addresses
    // "AOW-balie": each part on its own, so the abbreviation is left alone.
    if (known.count(token)) continue;  // "Juridisch-Loket" as listed, whole
    std::size_t from = 0;
    for (std::size_t dash = token.find('-');; dash = token.find('-', from)) {
      check_word(token.substr(from, dash == std::string::npos ? std::string::npos : dash - from));
      if (dash == std::string::npos) break;
      from = dash + 1;
    }
  }
  return out;
}

namespace {

// The words of a name, without the punctuation around them: "Sociale Verzekeringsbank (SVB)".
void add_words_of(const std::string& name, std::set<std::string>& out) {
  std::string word;
  for (const char c : name + " ") {
    if (letter(static_cast<unsigned char>(c)) && c != '-') {
      word += c;
    } else {
      if (!word.empty()) out.insert(word);
      word.clear();
    }
  }
}

}  // namespace

std::set<std::string> known_words(const content::ContentPack& pack) {
  std::set<std::string> out(pack.known_words.begin(), pack.known_words.end());
  add_words_of(pack.location.name, out);
  for (const auto& contact : pack.contacts) add_words_of(contact.name, out);
  for (const auto& municipality : pack.municipalities) {
    add_words_of(municipality.name, out);
    for (const auto& contact : municipality.contacts) add_words_of(contact.name, out);
  }
  return out;
}

bool learn_word(content::ContentPack& pack, const std::string& word) {
  if (word.empty() || word.size() > 40) return false;
  for (const unsigned char c : word)
    if (!letter(c) && !(c >= '0' && c <= '9')) return false;
  if (std::find(pack.known_words.begin(), pack.known_words.end(), word) != pack.known_words.end()) return false;
  pack.known_words.push_back(word);
  std::sort(pack.known_words.begin(), pack.known_words.end());
  return true;
}

}  // namespace editor
