#pragma once
// B1 language checks for Dutch visitor text: sentence length, long words,
// passive voice, words to avoid, and the Flesch-Douma readability score.
// Heuristics, tuned to warn an editor, not to judge: B1 is for people.
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "content/diagnostic.hpp"

namespace content {

struct B1Finding {
  int line = 0;  // 0-based line within the text
  Severity severity = Severity::Warning;
  std::string message;  // English
  Message said = {};    // the same as data: "b1.sentence_long" {sentence, words, start}, ...
};

struct B1Stats {
  int sentences = 0;
  int words = 0;
  int syllables = 0;
  // Flesch-Douma: 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence.
  // Above 60 is easy to read; B1 text usually scores 65 or more.
  [[nodiscard]] double flesch_douma() const;
};

struct B1Result {
  std::vector<B1Finding> findings;
  B1Stats stats;
};

inline constexpr int kSentenceWarnWords = 12;
inline constexpr int kSentenceMaxWords = 20;
inline constexpr int kLongWordSyllables = 6;

[[nodiscard]] int dutch_syllables(const std::string& word);
// Checks one text (may hold several sentences and lines; "**" marks are ignored).
[[nodiscard]] B1Result check_b1(const std::string& text, const std::vector<AvoidWord>& avoid);

}  // namespace content
