#include "speech/utterance.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "text/numbers.hpp"

namespace speech {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}
bool ends_sentence(const std::string& text) {
  return !text.empty() &&
         (text.back() == '.' || text.back() == '?' || text.back() == '!' || text.back() == ':');
}

// A word as shown, split into its core and the punctuation around it ("(0800", "0543)." ...).
struct Word {
  std::size_t begin = 0, end = 0;
  std::string text;
  std::string lead, core, trail;
};

std::vector<Word> words_of(const std::string& text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    if (i == start) break;
    Word w{start, i, text.substr(start, i - start), {}, {}, {}};
    const std::string punctuation = ".,;:!?()\"'";
    std::size_t a = 0, b = w.text.size();
    while (a < b && punctuation.find(w.text[a]) != std::string::npos) ++a;
    while (b > a && punctuation.find(w.text[b - 1]) != std::string::npos) --b;
    w.lead = w.text.substr(0, a);
    w.core = w.text.substr(a, b - a);
    w.trail = w.text.substr(b);
    out.push_back(std::move(w));
  }
  return out;
}

const std::string* lookup(const Lexicon& lexicon, const std::string& key) {
  for (const auto& [from, to] : lexicon)
    if (from == key) return &to;
  return nullptr;
}

// "AOW-leeftijd" → "aa-oo-wee-leeftijd": the lexicon applies to each part between hyphens.
std::string say_word(const std::string& core, const Lexicon& lexicon) {
  if (const auto* whole = lookup(lexicon, core)) return *whole;
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = core.find('-', start);
    const std::string part = core.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    const auto* said = lookup(lexicon, part);
    out += said ? *said : part;
    if (dash == std::string::npos) break;
    out += "-";
    start = dash + 1;
  }
  return out;
}

// "1.650" → "1650"; "932,93" stays. Nullopt when not a Dutch whole number with thousands dots.
bool thousands(const std::string& core, std::string& digits) {
  if (core.empty() || !is_digit(core.front())) return false;
  std::string out;
  std::size_t group = 0;
  bool dotted = false;
  for (char c : core) {
    if (is_digit(c)) {
      out += c;
      ++group;
    } else if (c == '.' && group >= 1 && group <= 3 && (!dotted || group == 3)) {
      dotted = true;
      group = 0;
    } else {
      return false;
    }
  }
  if (dotted && group != 3) return false;
  digits = out;
  return true;
}

// "9.00" or "10.30": an hour and minutes.
bool time_of_day(const std::string& core, std::string& hour, std::string& minutes) {
  const auto dot = core.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 2 || core.size() != dot + 3) return false;
  hour = core.substr(0, dot);
  minutes = core.substr(dot + 1);
  if (!all_digits(hour) || !all_digits(minutes)) return false;
  return std::stoi(hour) <= 24 && std::stoi(minutes) < 60;
}

// A web address: letters with dots inside ("toeslagen.nl", "www.svb.nl").
bool is_address(const std::string& core) {
  const auto dot = core.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 >= core.size()) return false;
  return std::any_of(core.begin(), core.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// An amount in this language's way, else in the Dutch way that pages written by hand use.
std::optional<text::WrittenAmount> read_amount(std::string_view written, const std::string& lang) {
  if (auto amount = text::read_euros(written, lang)) return amount;
  return text::read_euros(written, "nl");
}

// An amount that starts at word `i`, and how many words it takes: 1 ("€1,650",
// "€\u00A01.650"), or 2 ("€ 1.650", "1,650 €" typed with a plain space).
struct AmountAt {
  std::size_t words = 0;
  text::WrittenAmount amount;
};
std::optional<AmountAt> amount_at(const std::vector<Word>& words, std::size_t i, const std::string& lang) {
  if (auto amount = read_amount(words[i].core, lang)) return AmountAt{1, *amount};
  if (i + 1 >= words.size() || !words[i].trail.empty() || !words[i + 1].lead.empty()) return std::nullopt;
  if (words[i].core != "\u20AC" && words[i + 1].core != "\u20AC") return std::nullopt;
  if (auto amount = read_amount(words[i].core + " " + words[i + 1].core, lang)) return AmountAt{2, *amount};
  return std::nullopt;
}

std::string spell_digits(const std::string& digits) {
  std::string out;
  for (char c : digits) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

// A phone number is shown in groups ("0800 0543", "14 0123", "0123 456 789"):
// the groups that start at word `i`, or 0 when none starts there.
std::size_t phone_groups(const std::vector<Word>& words, std::size_t i) {
  if (!all_digits(words[i].core) || !words[i].lead.empty()) return 0;
  const bool starts_like_phone = words[i].core.front() == '0' || words[i].core == "14";
  if (!starts_like_phone) return 0;
  std::size_t n = 1, digits = words[i].core.size();
  while (i + n < words.size() && words[i + n - 1].trail.empty() && all_digits(words[i + n].core) &&
         words[i + n].lead.empty()) {
    digits += words[i + n].core.size();
    ++n;
  }
  return (digits >= 6 && (n > 1 || digits >= 10)) ? n : 0;
}

void add(Utterance& out, const std::string& widget, const std::string& text, std::size_t begin,
         std::size_t end, std::string spoken) {
  Piece piece;
  piece.widget = widget;
  piece.begin = begin;
  piece.end = end;
  piece.shown = text.substr(begin, end - begin);
  piece.spoken = std::move(spoken);
  out.pieces.push_back(std::move(piece));
}

}  // namespace

bool holds_private(const Utterance& utterance) {
  return std::any_of(utterance.pieces.begin(), utterance.pieces.end(),
                     [](const Piece& piece) { return piece.personal || piece.amount; });
}

void keep_private(Utterance& utterance, const std::string& amount_word) {
  std::vector<Piece> kept;
  std::string said_in_run;         // the last `instead` said in this run of personal pieces
  bool replacing = false;          // kept.back() stands for the run so far
  for (Piece& piece : utterance.pieces) {
    if (!piece.personal) {
      said_in_run.clear();
      replacing = false;
      if (piece.amount) {
        // Keep the pause after it: "Minder dan € 1.565." stays a sentence.
        const char last = piece.spoken.empty() ? ' ' : piece.spoken.back();
        piece.spoken = amount_word + (last == '.' || last == ',' || last == '?' ? std::string(1, last) : "");
      }
      kept.push_back(std::move(piece));
      continue;
    }
    // The words said instead end as the words they stand for: "Antwoord 2 van 3, knop".
    const char last = piece.spoken.empty() ? ' ' : piece.spoken.back();
    // (A colon ends a label, "Naam medewerker:"; the words said instead are a sentence.)
    const std::string pause = last == ':'                                    ? "."
                              : (last == ',' || ends_sentence(piece.spoken)) ? std::string(1, last)
                                                                             : "";
    if (!piece.instead.empty() && piece.instead != said_in_run) {
      said_in_run = piece.instead;
      piece.spoken = piece.instead;
      piece.lang.clear();  // the neutral words are in the visitor's language
      kept.push_back(std::move(piece));
      replacing = true;
    }
    if (!replacing) continue;
    std::string& said = kept.back().spoken;
    while (!said.empty() && (said.back() == ',' || ends_sentence(said))) said.pop_back();
    said += pause;
  }
  utterance.pieces = std::move(kept);
}

Utterance build(const std::vector<Source>& sources, const std::string& lang, const Lexicon& lexicon) {
  Utterance out{lang, {}};
  const bool dutch = lang == "nl";
  for (const auto& source : sources) {
    const auto words = words_of(source.text);
    const std::size_t first_piece = out.pieces.size();
    for (std::size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      // A phone number: its digits one by one, the groups apart.
      if (const std::size_t n = phone_groups(words, i)) {
        std::string said;
        for (std::size_t k = 0; k < n; ++k) said += (k ? ", " : "") + spell_digits(words[i + k].core);
        add(out, source.widget, source.text, w.begin, words[i + n - 1].end,
            w.lead + said + words[i + n - 1].trail);
        i += n - 1;
        continue;
      }
      // An amount, as this language writes it ("€ 1.650", "€1,650", "1 650 €") or as a page
      // written by hand in Dutch does: the whole euros, the currency word, then any cents
      // ("1650 euro", "932 euro 93"). Said in that order, the voice reads the number in its
      // own language; "€1,650" as written is "euros one thousand ...", "1 650 €" loses the
      // thousand in Ukrainian.
      if (const auto at = amount_at(words, i, lang)) {
        const Word& last = words[i + at->words - 1];
        const auto* currency = lookup(lexicon, "\u20AC");
        add(out, source.widget, source.text, w.begin, last.end,
            w.lead + at->amount.whole + " " + (currency ? *currency : std::string("euro")) +
                (at->amount.cents.empty() ? "" : " " + at->amount.cents) + last.trail);
        out.pieces.back().amount = true;
        i += at->words - 1;
        continue;
      }
      std::string hour, minutes, digits;
      if (time_of_day(w.core, hour, minutes)) {
        // Dutch: "9.00 tot 12.30 uur" → "9 uur tot 12 uur 30". Elsewhere "9 to 12 30": voices
        // read "9:00" as "nine zero zero", and the words around the time say what it is.
        if (!dutch) {
          const std::string said = hour + (minutes == "00" ? "" : " " + minutes);
          add(out, source.widget, source.text, w.begin, w.end, w.lead + said + w.trail);
          continue;
        }
        const bool uur_follows = w.trail.empty() && i + 1 < words.size() && words[i + 1].core == "uur";
        const Word& last = uur_follows ? words[i + 1] : w;
        const std::string said =
            hour + " uur" + (minutes == "00" ? "" : " " + std::to_string(std::stoi(minutes)));
        add(out, source.widget, source.text, w.begin, last.end, w.lead + said + last.trail);
        if (uur_follows) ++i;
        continue;
      }
      // "www.svb.nl": the parts, with the word for the dot between them.
      if (const auto* dot = lookup(lexicon, "."); dot && is_address(w.core)) {
        std::string said;
        std::size_t start = 0;
        while (true) {
          const std::size_t at = w.core.find('.', start);
          said += say_word(w.core.substr(start, at == std::string::npos ? std::string::npos : at - start),
                           lexicon);
          if (at == std::string::npos) break;
          said += " " + *dot + " ";
          start = at + 1;
        }
        add(out, source.widget, source.text, w.begin, w.end, w.lead + said + w.trail);
        continue;
      }
      if (thousands(w.core, digits) && digits.size() > 3) {
        add(out, source.widget, source.text, w.begin, w.end, w.lead + digits + w.trail);
        continue;
      }
      add(out, source.widget, source.text, w.begin, w.end, w.lead + say_word(w.core, lexicon) + w.trail);
    }
    // Each text ends with a pause, as a title or a button label would be read.
    if (out.pieces.size() > first_piece && !ends_sentence(out.pieces.back().spoken) &&
        out.pieces.back().spoken.back() != ',')
      out.pieces.back().spoken += ".";
    // Words in another language go to its voice; the reading rules above stay the screen's.
    for (std::size_t k = first_piece; k < out.pieces.size(); ++k)
      for (const auto& span : source.languages)
        if (span.from <= out.pieces[k].begin) out.pieces[k].lang = span.lang == lang ? "" : span.lang;
    if (source.personal && out.pieces.size() > first_piece) {
      for (std::size_t k = first_piece; k < out.pieces.size(); ++k) out.pieces[k].personal = true;
      out.pieces[first_piece].instead = source.instead;
    }
  }
  return out;
}

std::string spoken_text(const Utterance& utterance) {
  std::string out;
  for (const auto& piece : utterance.pieces) out += (out.empty() ? "" : " ") + piece.spoken;
  return out;
}

std::string shown_text(const Utterance& utterance) {
  std::string out;
  for (const auto& piece : utterance.pieces) out += (out.empty() ? "" : " ") + piece.shown;
  return out;
}

void append(Utterance& to, Utterance part) {
  for (auto& piece : part.pieces) {
    if (piece.lang.empty() && part.lang != to.lang) piece.lang = part.lang;
    if (piece.lang == to.lang) piece.lang.clear();
    to.pieces.push_back(std::move(piece));
  }
}

const std::string& lang_of(const Utterance& utterance, const Piece& piece) {
  return piece.lang.empty() ? utterance.lang : piece.lang;
}

Utterance sentence_at(const Utterance& utterance, std::size_t index) {
  Utterance out{utterance.lang, {}};
  if (index >= utterance.pieces.size()) return out;
  std::size_t first = index;
  while (first > 0 && !ends_sentence(utterance.pieces[first - 1].spoken)) --first;
  std::size_t last = index;
  while (last + 1 < utterance.pieces.size() && !ends_sentence(utterance.pieces[last].spoken)) ++last;
  out.pieces.assign(utterance.pieces.begin() + static_cast<std::ptrdiff_t>(first),
                    utterance.pieces.begin() + static_cast<std::ptrdiff_t>(last) + 1);
  return out;
}

}  // namespace speech
