#pragma once
// What the kiosk says, and which word on screen each spoken piece belongs to.
// A screen's texts go in (in reading order); pieces come out, each the display
// words [begin, end) of one widget's text and what espeak-ng should say for
// them. The pronunciation lexicon and a few Dutch reading rules (phone numbers
// in groups, times, amounts) change only what is said, never what is shown, so
// the highlight still lands on the word as written. Pure: no audio, no SDL.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace speech {

// A text on screen, by the widget that shows it.
struct Source {
  std::string widget;
  std::string text;
};

struct Piece {
  std::string widget;
  std::size_t begin = 0, end = 0;  // bytes of the widget's text
  std::string shown;               // those bytes
  std::string spoken;              // what is said for them
  bool amount = false;             // an amount of money (private listening may leave it out)
  // Its language when it is not the utterance's: the Dutch part for the counter on an
  // Arabic slip is said by the Dutch voice (EN 301 549 5.1.3.16). Empty: the utterance's.
  std::string lang;
};

struct Utterance {
  std::string lang;
  std::vector<Piece> pieces;
};

// Words said differently from how they are written, for one language:
// {"AOW", "aa-oo-wee"}, {"€", "euro"}, {"–", "tot"}. A key matches a whole word
// or a part of one between hyphens ("AOW-leeftijd").
using Lexicon = std::vector<std::pair<std::string, std::string>>;

[[nodiscard]] Utterance build(const std::vector<Source>& sources, const std::string& lang,
                              const Lexicon& lexicon);

// Private listening: every amount is said as `word` ("een bedrag"); what is shown stays.
void hide_amounts(Utterance& utterance, const std::string& word);
// Adds a part built in another language (its own lexicon and reading rules) to `to`; its
// pieces keep their language where it differs from `to`'s.
void append(Utterance& to, Utterance part);
// The language a piece is said in.
[[nodiscard]] const std::string& lang_of(const Utterance& utterance, const Piece& piece);

// The spoken words as plain text, and the shown words, for traces and tests.
[[nodiscard]] std::string spoken_text(const Utterance& utterance);
[[nodiscard]] std::string shown_text(const Utterance& utterance);

// The pieces of the sentence that holds piece `index`, as an utterance of their own ("Herhaal").
[[nodiscard]] Utterance sentence_at(const Utterance& utterance, std::size_t index);

}  // namespace speech
