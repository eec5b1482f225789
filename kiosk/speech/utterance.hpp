#pragma once
// What the kiosk says, and which word on screen each spoken piece belongs to.
// A screen's texts go in (in reading order); pieces come out, each the display
// words [begin, end) of one widget's text and what espeak-ng should say for
// them. The pronunciation lexicon and a few Dutch reading rules (phone numbers
// in groups, times, amounts) change only what is said, never what is shown, so
// the highlight still lands on the word as written. Pure: no audio, no SDL.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "speech/sounds.hpp"

namespace speech {

// A part of a text in another language than the screen's ("اللغة" on the Dutch "Taal" button):
// from byte `from` of the text on, said by `lang`'s voice (empty: the screen's language again).
struct LangSpan {
  std::size_t from = 0;
  std::string lang;
  bool operator==(const LangSpan&) const = default;
};

// A text on screen, by the widget that shows it.
struct Source {
  std::string widget;
  std::string text;
  // The visitor's own (an answer picked, a tick's state, a suggestion, a reason, the slip):
  // on the loudspeaker, until the visitor agrees, `instead` is said for it ("een antwoord";
  // empty: left out). Marked where the words are put together; keep_private() decides.
  bool personal = false;
  std::string instead = {};
  std::vector<LangSpan> languages = {};
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
  bool personal = false;  // from a personal Source
  std::string instead;    // the first piece of a personal Source: its Source's `instead`
};

struct Utterance {
  std::string lang;
  std::vector<Piece> pieces;
  // A sound said before the words, in the same audio (so speech never cuts it off): in listening
  // mode each new screen starts with the page sound, a sign heard that the screen changed.
  std::optional<Sound> cue = std::nullopt;
};

// Words said differently from how they are written, for one language:
// {"AOW", "aa-oo-wee"}, {"€", "euro"}, {"–", "tot"}. A key matches a whole word
// or a part of one between hyphens ("AOW-leeftijd").
using Lexicon = std::vector<std::pair<std::string, std::string>>;

[[nodiscard]] Utterance build(const std::vector<Source>& sources, const std::string& lang,
                              const Lexicon& lexicon);

// Private listening (EN 301 549 5.1.3.9), the one place that applies it: each run of personal
// pieces is said as the `instead`s of its Sources (each once), every other amount as
// `amount_word` ("een bedrag"). What is shown stays.
void keep_private(Utterance& utterance, const std::string& amount_word);
// Whether keep_private() would change anything: an amount, or something of the visitor's own.
[[nodiscard]] bool holds_private(const Utterance& utterance);
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
