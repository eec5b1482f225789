#include "selfcheck/selfcheck.hpp"

#include <algorithm>
#include <cmath>

#include "text/numbers.hpp"

namespace selfcheck {

bool is_open(const std::string& value) {
  return value.empty() || value == "unknown" || value == "skip";
}

Truth holds(const content::Test& test, const Answers& answers) {
  const auto it = answers.find(test.question);
  // An amount test needs the thresholds and the date: the other holds() below.
  if (it == answers.end() || is_open(it->second) || !test.threshold.empty()) return Truth::Open;
  const bool listed = std::find(test.values.begin(), test.values.end(), it->second) != test.values.end();
  return listed != test.negate ? Truth::Yes : Truth::No;
}

namespace {

// Yes when any test is Yes; No when every test is No; otherwise Open.
template <typename TestTruth>
Truth any_test(const content::Condition& condition, const TestTruth& truth_of) {
  bool open = false;
  for (const auto& test : condition.any) {
    const Truth truth = truth_of(test);
    if (truth == Truth::Yes) return Truth::Yes;
    open = open || truth == Truth::Open;
  }
  return open ? Truth::Open : Truth::No;
}

}  // namespace

Truth holds(const content::Condition& condition, const Answers& answers) {
  return any_test(condition, [&](const content::Test& test) { return holds(test, answers); });
}

bool should_ask(const content::ContentPack& pack, const content::Question& question, const Answers& answers) {
  if (std::any_of(question.ask_if.begin(), question.ask_if.end(),
                  [&](const content::Condition& c) { return holds(c, answers) == Truth::No; }))
    return false;
  // Ladders of one measure are wordings of one question: only the first that fits is asked.
  if (question.measure.empty()) return true;
  for (const auto& earlier : pack.questions) {
    if (&earlier == &question) break;
    if (earlier.measure == question.measure && should_ask(pack, earlier, answers)) return false;
  }
  return true;
}

namespace {

// One past the last question of the group that `index` starts (index + 1 for a lone question).
int group_end(const content::ContentPack& pack, int index) {
  const auto& group = pack.questions[static_cast<std::size_t>(index)].together;
  int end = index + 1;
  while (!group.empty() && end < static_cast<int>(pack.questions.size()) &&
         pack.questions[static_cast<std::size_t>(end)].together == group)
    ++end;
  return end;
}

}  // namespace

std::optional<int> next_question(const content::ContentPack& pack, const Answers& answers, int index) {
  for (int i = index < 0 ? 0 : group_end(pack, index); i < static_cast<int>(pack.questions.size()); ++i)
    if (should_ask(pack, pack.questions[static_cast<std::size_t>(i)], answers)) return i;
  return std::nullopt;
}

std::vector<int> on_screen(const content::ContentPack& pack, const Answers& answers, int index) {
  std::vector<int> out;
  if (index < 0 || index >= static_cast<int>(pack.questions.size())) return out;
  for (int i = index; i < group_end(pack, index); ++i)
    if (should_ask(pack, pack.questions[static_cast<std::size_t>(i)], answers)) out.push_back(i);
  return out;
}

Progress progress(const content::ContentPack& pack, const Answers& answers, int index) {
  Progress out;
  for (auto at = next_question(pack, answers, -1); at; at = next_question(pack, answers, *at)) {
    ++out.total;
    if (*at <= index) ++out.number;
  }
  return out;
}

const content::Parameter* parameter_on(const content::ContentPack& pack, const std::string& id,
                                       const std::string& date) {
  // The municipality's own periods of this id, when it sets any; else the national ones.
  const auto* local = pack.municipality();
  const bool set_locally = local && std::any_of(local->parameters.begin(), local->parameters.end(),
                                                [&](const content::Parameter& p) { return p.id == id; });
  const content::Parameter* best = nullptr;
  for (const auto& parameter : set_locally ? local->parameters : pack.parameters) {
    if (parameter.id != id || parameter.valid_from > date) continue;
    const bool current = date <= parameter.valid_until;
    const bool best_current = best && date <= best->valid_until;
    if (!best || (current && !best_current) ||
        (current == best_current && parameter.valid_from > best->valid_from))
      best = &parameter;
  }
  return best;
}

namespace {

Truth all_of(const std::vector<content::Condition>& conditions, const Answers& answers) {
  Truth out = Truth::Yes;
  for (const auto& condition : conditions) {
    const Truth truth = holds(condition, answers);
    if (truth == Truth::No) return Truth::No;
    if (truth == Truth::Open) out = Truth::Open;
  }
  return out;
}

// `expired` is set when an amount used ran out before `date` (the last one known is used).
std::vector<double> amounts_of(const content::ContentPack& pack, const std::string& id,
                               const Answers& answers, const std::string& date, std::size_t depth,
                               bool* expired = nullptr) {
  const auto* threshold = pack.find_threshold(id);
  if (!threshold || depth > pack.thresholds.size()) return {};  // unknown, or a loop of `of`
  std::vector<double> out;
  if (!threshold->of.empty()) {
    out = amounts_of(pack, threshold->of, answers, date, depth + 1, expired);
  } else {
    // The first entry that holds; before it, every entry an open answer leaves possible.
    for (const auto& choice : threshold->amounts) {
      const Truth truth = all_of(choice.when, answers);
      if (truth == Truth::No) continue;
      if (const auto* parameter = parameter_on(pack, choice.parameter, date)) {
        out.push_back(parameter->value);
        if (expired && parameter->valid_until < date) *expired = true;
      }
      if (truth == Truth::Yes) break;
    }
  }
  double percent = threshold->percent;
  if (!threshold->percent_parameter.empty()) {  // the municipality's own percentage
    const auto* parameter = parameter_on(pack, threshold->percent_parameter, date);
    if (!parameter) return {};
    if (expired && parameter->valid_until < date) *expired = true;
    percent = parameter->value;
  }
  for (auto& amount : out) amount = amount * percent / 100.0;
  return out;
}

// The thresholds that rules compare this ladder with.
std::vector<std::string> thresholds_used(const content::ContentPack& pack,
                                         const content::Question& question) {
  std::vector<std::string> out;
  for (const auto* rule : pack.visitor_rules())
    for (const auto* list : {&rule->when, &rule->likely_if})
      for (const auto& condition : *list)
        for (const auto& test : condition.any)
          if ((test.question == question.id || test.question == question.measure) &&
              !test.threshold.empty() && std::find(out.begin(), out.end(), test.threshold) == out.end())
            out.push_back(test.threshold);
  return out;
}

}  // namespace

std::vector<double> threshold_amounts(const content::ContentPack& pack, const std::string& id,
                                      const Answers& answers, const std::string& date) {
  return amounts_of(pack, id, answers, date, 0);
}

std::optional<Expiry> first_expiry(const content::ContentPack& pack, const std::string& date) {
  std::optional<Expiry> out;
  for (const auto* parameter : pack.visitor_parameters()) {
    if (parameter_on(pack, parameter->id, date) != parameter) continue;  // history, or not started yet
    if (!out || parameter->valid_until < out->valid_until)
      out = Expiry{parameter->valid_until, content::days_between(date, parameter->valid_until)};
  }
  return out;
}

std::optional<Band> band_of(const std::string& value) {
  const auto dash = value.find('-');
  if (dash == std::string::npos || dash == 0) return std::nullopt;
  try {
    std::size_t used = 0;
    Band band;
    band.low = std::stod(value.substr(0, dash), &used);
    if (used != dash) return std::nullopt;
    if (dash + 1 < value.size()) {
      const std::string high = value.substr(dash + 1);
      band.high = std::stod(high, &used);
      if (used != high.size() || band.high <= band.low) return std::nullopt;
    }
    if (band.low < 0) return std::nullopt;
    return band;
  } catch (...) {
    return std::nullopt;
  }
}

std::string band_value(const Band& band) {
  char text[64];
  if (band.high < 0)
    std::snprintf(text, sizeof text, "%.2f-", band.low);
  else
    std::snprintf(text, sizeof text, "%.2f-%.2f", band.low, band.high);
  return text;
}

std::vector<Band> bands(const content::ContentPack& pack, const content::Question& question,
                        const Answers& answers, const std::string& date) {
  if (question.measure.empty()) return {};
  // Each threshold's first possible amount cuts the ladder: an answer left open (the age,
  // say) makes the other amounts fall inside a band, so those comparisons stay open.
  std::vector<double> cuts;
  for (const auto& id : thresholds_used(pack, question)) {
    const auto amounts = threshold_amounts(pack, id, answers, date);
    // Cut at whole cents: the band's answer value carries them, and compares equal.
    if (!amounts.empty()) cuts.push_back(std::round(amounts.front() * 100) / 100);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  cuts.erase(std::remove_if(cuts.begin(), cuts.end(), [](double cut) { return cut <= 0; }), cuts.end());
  // A longer ladder is too much to read. The two highest cuts share a band first: that is
  // where the fewest visitors are, and where the limits are gross estimates (the end of
  // huurtoeslag). A rule that compared with the dropped cut answers "misschien" there.
  while (cuts.size() + 1 > kMaxBands) cuts.erase(cuts.end() - 2);
  std::vector<Band> out;
  double low = 0;
  for (double cut : cuts) {
    out.push_back({low, cut});
    low = cut;
  }
  out.push_back({low, -1});
  return out;
}

std::vector<content::AnswerOption> options(const content::ContentPack& pack,
                                           const content::Question& question, const Answers& answers,
                                           const std::string& date) {
  if (question.measure.empty()) return question.options;
  std::vector<content::AnswerOption> out;
  const auto ladder = bands(pack, question, answers, date);
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    const Band& band = ladder[i];
    const char* key = i == 0 ? "ladder.below" : band.high < 0 ? "ladder.above" : "ladder.between";
    content::AnswerOption option;
    option.value = band_value(band);
    option.pictogram = "euro";
    const auto words = pack.strings.find(key);
    if (words != pack.strings.end())
      for (const auto& [lang, text] : words->second)
        option.label[lang] =
            content::fill_in(text, {{"a", text::euros(i == 0 ? band.high : band.low, lang)},
                                    {"b", text::euros(band.high < 0 ? 0 : band.high, lang)}});
    out.push_back(std::move(option));
  }
  out.insert(out.end(), question.options.begin(), question.options.end());
  return out;
}

namespace {

// What an amount test reads: the answer to the question it names, or, when it names a
// measure, to the ladder of that measure that was asked (the other wording was not).
std::optional<std::string> amount_answer(const content::ContentPack& pack, const std::string& name,
                                         const Answers& answers) {
  if (const auto it = answers.find(name); it != answers.end()) return it->second;
  std::optional<std::string> out;
  for (const auto& question : pack.questions) {
    if (question.measure != name) continue;
    const auto it = answers.find(question.id);
    if (it == answers.end()) return std::nullopt;  // still to be asked
    if (it->second != kNotAsked) return it->second;
    out = it->second;
  }
  return out;
}

}  // namespace

Truth holds(const content::ContentPack& pack, const content::Test& test, const Answers& answers,
            const std::string& date) {
  if (test.threshold.empty()) return holds(test, answers);
  const auto answer = amount_answer(pack, test.question, answers);
  if (!answer || is_open(*answer)) return Truth::Open;
  const auto band = band_of(*answer);
  if (!band) return Truth::No;  // not asked: it holds for no amount
  std::optional<Truth> agreed;
  for (const double limit : threshold_amounts(pack, test.threshold, answers, date)) {
    const double at = std::round(limit * 100) / 100;
    const Truth truth = band->high >= 0 && band->high <= at ? Truth::Yes
                        : band->low >= at                   ? Truth::No
                                                            : Truth::Open;
    if (agreed && *agreed != truth) return Truth::Open;
    agreed = truth;
  }
  if (!agreed || *agreed == Truth::Open) return Truth::Open;
  return (*agreed == Truth::Yes) != test.negate ? Truth::Yes : Truth::No;
}

const char* certainty_name(Certainty certainty) {
  return certainty == Certainty::Likely ? "waarschijnlijk" : "misschien";
}

Answers with_not_asked(const content::ContentPack& pack, const Answers& answers) {
  Answers out = answers;
  for (const auto& question : pack.questions)
    if (!answers.count(question.id) && !should_ask(pack, question, out)) out[question.id] = kNotAsked;
  return out;
}

namespace {

Truth holds_any(const content::ContentPack& pack, const content::Condition& condition, const Answers& answers,
                const std::string& date) {
  return any_test(condition, [&](const content::Test& test) { return holds(pack, test, answers, date); });
}

}  // namespace

std::vector<Suggestion> evaluate(const content::ContentPack& pack, const Answers& given,
                                 const std::string& date) {
  const Answers answers = with_not_asked(pack, given);
  std::vector<Suggestion> likely, maybe;
  bool unclear = false;  // a suggestion that rests on open answers only
  const auto rules = pack.visitor_rules();
  for (const auto* rule_of_pack : rules) {
    const auto& rule = *rule_of_pack;
    if (rule.fallback) continue;
    Suggestion suggestion{&rule, Certainty::Likely, {}};
    bool excluded = false, any_yes = false;
    for (const auto& condition : rule.when) {
      const Truth truth = holds_any(pack, condition, answers, date);
      if (truth == Truth::No) {
        excluded = true;
        break;
      }
      // "Weet ik niet" and "Zeg ik liever niet" make it "misschien", never remove it.
      if (truth == Truth::Open) suggestion.certainty = Certainty::Maybe;
      // The answers it rests on: the tests that hold, or those still open. A "yes" counts
      // only where the visitor gave the answer: one that holds because its question was
      // never asked ("partner_aow!=yes" for someone alone) says nothing about them.
      for (const auto& test : condition.any) {
        if (holds(pack, test, answers, date) != truth) continue;
        // A test on a measure rests on the ladder of it that was answered.
        std::string question = test.question;
        for (const auto& ladder : pack.questions)
          if (!given.count(question) && ladder.measure == test.question && given.count(ladder.id))
            question = ladder.id;
        const auto it = given.find(question);
        any_yes = any_yes || (truth == Truth::Yes && it != given.end());
        const std::string value = it == given.end() ? "" : it->second;
        const std::pair<std::string, std::string> used{question, value};
        if (std::find(suggestion.used.begin(), suggestion.used.end(), used) == suggestion.used.end())
          suggestion.used.push_back(used);
      }
    }
    if (excluded) continue;
    // An amount past its valid_until still serves, but what rests on it is no more than "misschien".
    for (const auto* list : {&rule.when, &rule.likely_if})
      for (const auto& condition : *list)
        for (const auto& test : condition.any) {
          bool expired = false;
          if (!test.threshold.empty()) (void)amounts_of(pack, test.threshold, answers, date, 0, &expired);
          if (expired) suggestion.certainty = Certainty::Maybe;
        }
    // What only makes it likely: a "no" there leaves a "misschien" (a home owner, say).
    for (const auto& condition : rule.likely_if)
      if (holds_any(pack, condition, answers, date) != Truth::Yes) suggestion.certainty = Certainty::Maybe;
    // Resting on open answers only, it is still shown, as "misschien": an open answer never
    // removes a suggestion. A person then looks at it with the visitor (the fallback below).
    if (!any_yes && !rule.when.empty()) unclear = true;
    (suggestion.certainty == Certainty::Likely ? likely : maybe).push_back(std::move(suggestion));
  }
  // Nothing likely, or something resting on open answers only: a person looks along. (So
  // an open answer, which only turns "waarschijnlijk" into "misschien", never removes it.)
  const bool none_likely = likely.empty();
  likely.insert(likely.end(), maybe.begin(), maybe.end());
  if (none_likely || unclear) {
    for (const auto* rule : rules)
      if (rule->fallback) likely.push_back({rule, Certainty::Likely, {}});
  }
  return likely;
}

Answers persona_answers(const content::ContentPack& pack, const content::Persona& persona) {
  Answers answers = persona.answers;
  // A measure ("income") is answered on the ladder of it that this persona is asked.
  for (const auto& [name, amount] : persona.amounts) {
    for (const auto& question : pack.questions) {
      if (question.id != name && (question.measure != name || !should_ask(pack, question, answers))) continue;
      for (const auto& band : bands(pack, question, answers, persona.date))
        if (band.contains(amount)) answers[question.id] = band_value(band);
      break;
    }
  }
  return answers;
}

content::Diagnostics check_personas(const content::ContentPack& shipped) {
  content::Diagnostics out;
  std::map<std::string, int> shown;  // rule id → how many personas see it
  std::map<std::string, content::ContentPack> served_in;
  for (const auto& persona : shipped.personas) {
    auto error = [&](const std::string& message, content::Message said = {}) {
      said.values["name"] = persona.name;
      out.push_back({persona.origin.file, persona.origin.line, content::Severity::Error,
                     "persona '" + persona.name + "': " + message, said});
    };
    // A persona may live in another municipality than the kiosk's: it is run as there
    // (one copy of the pack per municipality, however many personas live there).
    const bool elsewhere =
        !persona.municipality.empty() && persona.municipality != shipped.location.municipality;
    if (elsewhere && !shipped.find_municipality(persona.municipality)) {
      error("no municipality '" + persona.municipality + "'");
      continue;
    }
    if (elsewhere && !served_in.count(persona.municipality))
      served_in.emplace(persona.municipality, content::in_municipality(shipped, persona.municipality));
    const content::ContentPack& pack = elsewhere ? served_in.at(persona.municipality) : shipped;
    for (const auto& [question, value] : persona.answers) {
      const auto* q = pack.find_question(question);
      if (!q) {
        error("no question '" + question + "'");
        continue;
      }
      if (std::none_of(q->options.begin(), q->options.end(),
                       [&wanted = value](const auto& o) { return o.value == wanted; }))
        error("question '" + question + "' has no answer '" + value + "'");
    }
    for (const auto& [name, amount] : persona.amounts) {
      const auto* q = pack.find_question(name);
      const bool measure = std::any_of(pack.questions.begin(), pack.questions.end(),
                                       [&wanted = name](const auto& l) { return l.measure == wanted; });
      if (q ? q->measure.empty() : !measure)
        error("amounts." + name + " must name a ladder or its measure (\"income\", \"savings\")");
    }
    const auto got = evaluate(pack, persona_answers(pack, persona), persona.date);
    for (const auto& [rule, certainty] : persona.expect) {
      if (!pack.find_rule(rule)) {
        error("expects '" + rule + "', which is not a suggestion");
        continue;
      }
      const auto found = std::find_if(got.begin(), got.end(),
                                      [&id = rule](const Suggestion& s) { return s.rule->id == id; });
      if (found == got.end())
        error("expected '" + rule + "' (" + certainty + "), but it is not shown",
              {"persona.lost", {{"rule", rule}}});
      else if (certainty != certainty_name(found->certainty))
        error("expected '" + rule + "' as " + certainty + ", but it is " + certainty_name(found->certainty),
              {"persona.changed", {{"rule", rule}, {"certainty", certainty_name(found->certainty)}}});
    }
    for (const auto& suggestion : got) {
      ++shown[suggestion.rule->id];
      if (!persona.expect.count(suggestion.rule->id))
        error("'" + suggestion.rule->id + "' is shown (" + certainty_name(suggestion.certainty) +
                  "), but the persona does not expect it",
              {"persona.new", {{"rule", suggestion.rule->id}}});
    }
  }
  // Each suggestion is tried both ways: shown to one persona, not to another.
  if (shipped.personas.empty()) return out;
  const int personas = static_cast<int>(shipped.personas.size());
  for (const auto* rule : shipped.visitor_rules()) {
    const int seen = shown[rule->id];
    if (seen == 0 || seen == personas)
      out.push_back({rule->origin.file, rule->origin.line, content::Severity::Warning,
                     "suggestion '" + rule->id + "' is " +
                         (seen == 0 ? "shown to no persona" : "shown to every persona") +
                         ": add a persona that tests it the other way"});
  }
  return out;
}

}  // namespace selfcheck
