#pragma once
// The anonymous self-check as pure logic: which question comes next, what a
// ladder of money offers on a given date ("€ 1.565 tot € 1.721"), and which
// suggestions the answers lead to, with how sure we are. Nothing is stored.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "content/diagnostic.hpp"

namespace selfcheck {

using Answers = std::map<std::string, std::string>;  // question id → answer value

// The answers that say nothing: they never remove a suggestion.
[[nodiscard]] bool is_open(const std::string& value);

// A question that was not asked because it did not matter ("Is uw partner jonger
// dan 67?" for someone who lives alone) has this answer: it is none of the
// listed answers, so "partner_young=yes" does not hold and nothing is "misschien".
inline constexpr const char* kNotAsked = "not_asked";

enum class Truth { Yes, No, Open };
[[nodiscard]] Truth holds(const content::Test& test, const Answers& answers);
// Yes when any test is Yes; No when every test is No; otherwise Open.
[[nodiscard]] Truth holds(const content::Condition& condition, const Answers& answers);

// A question is asked unless an answer already makes it not matter; of ladders with one
// measure (two wordings of "how much money") only the first that fits.
[[nodiscard]] bool should_ask(const content::ContentPack& pack, const content::Question& question,
                              const Answers& answers);
// The next question to ask after the screen of `index` (-1: the first), or nullopt when done.
[[nodiscard]] std::optional<int> next_question(const content::ContentPack& pack, const Answers& answers,
                                               int index);
// The questions shown on the screen of question `index`: itself, and the rest of its
// `together` group that is asked. They are ticked, not answered one by one.
[[nodiscard]] std::vector<int> on_screen(const content::ContentPack& pack, const Answers& answers, int index);
// "Vraag 3 van 8": the position among the screens of questions, and how many there will be.
struct Progress {
  int number = 0;
  int total = 0;
};
[[nodiscard]] Progress progress(const content::ContentPack& pack, const Answers& answers, int index);

// The parameter valid on `date` (YYYY-MM-DD); else the newest one that started before it.
[[nodiscard]] const content::Parameter* parameter_on(const content::ContentPack& pack, const std::string& id,
                                                     const std::string& date);
// Amounts run out on their valid_until. The earliest valid_until of the amounts in force on
// `date`, and how many days are left until it (0: the last day; below 0: past). The volunteer
// is told from content::kExpiryWarningDays before; past it, what rests on it is "misschien".
struct Expiry {
  std::string valid_until;
  int days_left = 0;
};
[[nodiscard]] std::optional<Expiry> first_expiry(const content::ContentPack& pack, const std::string& date);

// What a threshold comes to for these answers on `date`: one amount, or more while an answer
// that picks it (the household, the age) is open; none when no entry fits.
[[nodiscard]] std::vector<double> threshold_amounts(const content::ContentPack& pack, const std::string& id,
                                                    const Answers& answers, const std::string& date);

// A band of a ladder: more than `low`, at most `high` euros. Its answer value is "LOW-HIGH"
// ("3404.75-" for the top band): the answer carries the amounts, so rules compare it with
// any threshold, also one for another household.
struct Band {
  double low = 0;
  double high = -1;  // -1: no upper end
  [[nodiscard]] bool contains(double amount) const { return amount > low && (high < 0 || amount <= high); }
};
[[nodiscard]] std::optional<Band> band_of(const std::string& value);
[[nodiscard]] std::string band_value(const Band& band);
// The ladder's bands for this household on `date`: between the thresholds of its measure
// that the rules compare it with, at most kMaxBands (closest thresholds share a band then).
// Empty for a question that is no ladder.
inline constexpr std::size_t kMaxBands = 5;
[[nodiscard]] std::vector<Band> bands(const content::ContentPack& pack, const content::Question& question,
                                      const Answers& answers, const std::string& date);
// The answers a question offers now: its own, or a ladder's bands ("€ 1.565 tot € 1.721",
// in every language of the pack, each with its own way of writing amounts) followed by its
// open answers.
[[nodiscard]] std::vector<content::AnswerOption> options(const content::ContentPack& pack,
                                                         const content::Question& question,
                                                         const Answers& answers, const std::string& date);

// A test on a ladder's amount: Yes when the whole band lies on its side of the threshold.
[[nodiscard]] Truth holds(const content::ContentPack& pack, const content::Test& test, const Answers& answers,
                          const std::string& date);

enum class Certainty { Likely, Maybe };
[[nodiscard]] const char* certainty_name(Certainty certainty);  // "waarschijnlijk" | "misschien"

struct Suggestion {
  const content::Rule* rule = nullptr;
  Certainty certainty = Certainty::Likely;
  std::vector<std::pair<std::string, std::string>> used;  // the answers it rests on: question, value
};

// The answers with every question that was skipped as not mattering set to kNotAsked.
[[nodiscard]] Answers with_not_asked(const content::ContentPack& pack, const Answers& answers);

// Likely suggestions first, in the pack's order; the fallback when nothing is likely, or
// when something rests on open answers only. Amounts are taken as they are on `date`.
[[nodiscard]] std::vector<Suggestion> evaluate(const content::ContentPack& pack, const Answers& answers,
                                               const std::string& date);

// A persona's answers, with each ladder's band worked out from its amount and date.
[[nodiscard]] Answers persona_answers(const content::ContentPack& pack, const content::Persona& persona);
// Runs every persona of the pack; each mismatch is an error at the persona.
[[nodiscard]] content::Diagnostics check_personas(const content::ContentPack& pack);

}  // namespace selfcheck
