#include "content/b1.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace content {
namespace {

// Lower case for ASCII and the two-byte Latin-1 letters Dutch uses (É → é).
std::string lower(std::string word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      word[i] = static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < word.size()) {
      const auto next = static_cast<unsigned char>(word[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) word[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return word;
}

// Strips punctuation around a word (keeps inner hyphens and apostrophes).
std::string bare(const std::string& token) {
  auto is_letter = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  std::size_t begin = 0, end = token.size();
  while (begin < end && !is_letter(static_cast<unsigned char>(token[begin]))) ++begin;
  while (end > begin && !is_letter(static_cast<unsigned char>(token[end - 1]))) --end;
  return token.substr(begin, end - begin);
}

bool ends_sentence(const std::string& token) {
  if (token.empty()) return false;
  const char last = token.back();
  // "10.00" or "€ 1.650" end with digits, not with a full stop.
  return last == '.' || last == '!' || last == '?' || last == ':';
}

bool vowel_at(const std::string& w, std::size_t i, bool& diaeresis) {
  diaeresis = false;
  const auto c = static_cast<unsigned char>(w[i]);
  if (std::string("aeiouy").find(static_cast<char>(c)) != std::string::npos) return true;
  if (c == 0xC3 && i + 1 < w.size()) {
    const auto next = static_cast<unsigned char>(w[i + 1]);
    // ä ë ï ö ü start a new syllable; á é í ó ú à è â ê î ô û are plain vowels.
    diaeresis = next == 0xA4 || next == 0xAB || next == 0xAF || next == 0xB6 || next == 0xBC;
    return (next >= 0xA0 && next <= 0xA6) || (next >= 0xA8 && next <= 0xAF) ||
           (next >= 0xB2 && next <= 0xB6) || (next >= 0xB9 && next <= 0xBC);
  }
  return false;
}

}  // namespace

double B1Stats::flesch_douma() const {
  if (words == 0 || sentences == 0) return 100.0;
  const double per_100_words = 100.0 * syllables / words;
  const double sentence_length = static_cast<double>(words) / sentences;
  return 206.84 - 0.77 * per_100_words - 0.93 * sentence_length;
}

int dutch_syllables(const std::string& raw) {
  const std::string w = lower(raw);
  int count = 0;
  bool in_vowels = false;
  bool any_letter = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool diaeresis = false;
    const bool vowel = vowel_at(w, i, diaeresis);
    if (std::isalpha(static_cast<unsigned char>(w[i])) || static_cast<unsigned char>(w[i]) >= 0x80)
      any_letter = true;
    if (vowel && (!in_vowels || diaeresis)) ++count;
    in_vowels = vowel;
    if (static_cast<unsigned char>(w[i]) == 0xC3) ++i;  // two-byte letter
  }
  // Numbers and abbreviations count as one.
  return std::max(count, any_letter || !w.empty() ? 1 : 0);
}

B1Result check_b1(const std::string& text, const std::vector<AvoidWord>& avoid) {
  B1Result result;
  std::string clean = text;
  for (std::size_t at = clean.find("**"); at != std::string::npos; at = clean.find("**", at))
    clean.erase(at, 2);

  std::istringstream lines(clean);
  std::string line_text;
  int line = -1;
  while (std::getline(lines, line_text)) {
    ++line;
    std::istringstream tokens(line_text);
    std::string token;
    std::vector<std::string> sentence;
    auto finish = [&] {
      if (sentence.empty()) return;
      ++result.stats.sentences;
      const int n = static_cast<int>(sentence.size());
      const Message long_sentence{
          "b1.sentence_long",
          {{"sentence", std::to_string(result.stats.sentences)},
           {"words", std::to_string(n)},
           {"start", n > 1 ? sentence.front() + " " + sentence[1] : sentence.front()}}};
      if (n > kSentenceMaxWords)
        result.findings.push_back({line, Severity::Error,
                                   "sentence of " + std::to_string(n) + " words (at most " +
                                       std::to_string(kSentenceMaxWords) + ", aim for about 10): \"" +
                                       sentence.front() + " " + sentence[1] + " ...\"",
                                   long_sentence});
      else if (n > kSentenceWarnWords)
        result.findings.push_back({line, Severity::Warning,
                                   "sentence of " + std::to_string(n) + " words (aim for about 10, at most " +
                                       std::to_string(kSentenceWarnWords) + "): \"" + sentence.front() + " " +
                                       sentence[1] + " ...\"",
                                   long_sentence});
      // Passive voice: a form of "worden" with a past participle (ge...d/t) in the same sentence.
      const bool worden = std::any_of(sentence.begin(), sentence.end(), [](const std::string& w) {
        const std::string l = lower(w);
        return l == "wordt" || l == "worden" || l == "werd" || l == "werden";
      });
      const bool participle = std::any_of(sentence.begin(), sentence.end(), [](const std::string& w) {
        const std::string l = lower(w);
        // A past participle: ge-/be-/ver-/ont-/her-/er- ... -d/-t/-n ("gegeven", "behandeld").
        if (l.size() < 5 || (l.back() != 'd' && l.back() != 't' && l.back() != 'n')) return false;
        for (const char* prefix : {"ge", "be", "ver", "ont", "her", "er"})
          if (l.rfind(prefix, 0) == 0) return true;
        return false;
      });
      if (worden && participle)
        result.findings.push_back({line,
                                   Severity::Warning,
                                   "passive voice? Say who does it: \"U kunt ...\", \"De gemeente ...\"",
                                   {"b1.passive", {{"sentence", std::to_string(result.stats.sentences)}}}});
      sentence.clear();
    };
    const std::string lower_line = " " + lower(line_text) + " ";
    for (const auto& entry : avoid) {
      const std::string phrase = lower(entry.word);
      if (phrase.find(' ') == std::string::npos) continue;
      for (std::size_t at = lower_line.find(phrase); at != std::string::npos;
           at = lower_line.find(phrase, at + 1)) {
        const auto before = static_cast<unsigned char>(lower_line[at - 1]);
        const auto after =
            static_cast<unsigned char>(lower_line[std::min(at + phrase.size(), lower_line.size() - 1)]);
        if (!std::isalpha(before) && !std::isalpha(after)) {
          result.findings.push_back({line,
                                     Severity::Error,
                                     "avoid \"" + entry.word + "\": say \"" + entry.instead + "\"",
                                     {"b1.avoid", {{"word", entry.word}, {"instead", entry.instead}}}});
          break;
        }
      }
    }
    while (tokens >> token) {
      if (token == "-" || token == "•") continue;
      const std::string word = bare(token);
      if (!word.empty()) {
        sentence.push_back(word);
        ++result.stats.words;
        const int syllables = dutch_syllables(word);
        result.stats.syllables += syllables;
        const bool digits = std::all_of(word.begin(), word.end(),
                                        [](char c) { return !std::isalpha(static_cast<unsigned char>(c)); });
        if (syllables >= kLongWordSyllables && !digits)
          result.findings.push_back({line,
                                     Severity::Warning,
                                     "long word \"" + word + "\" (" + std::to_string(syllables) +
                                         " syllables): is there a shorter one?",
                                     {"b1.long_word", {{"word", word}}}});
        const std::string l = lower(word);
        for (const auto& entry : avoid) {
          const std::string a = lower(entry.word);
          // Whole word, or the start of a compound ("armoedeval"); phrases are checked per line.
          if (!a.empty() && a.find(' ') == std::string::npos && l.rfind(a, 0) == 0)
            result.findings.push_back({line,
                                       Severity::Error,
                                       "avoid \"" + entry.word + "\": say \"" + entry.instead + "\"",
                                       {"b1.avoid", {{"word", entry.word}, {"instead", entry.instead}}}});
        }
      }
      if (ends_sentence(token)) finish();
    }
    finish();  // a line without a full stop (a bullet, a title) is a sentence of its own
  }
  return result;
}

}  // namespace content
