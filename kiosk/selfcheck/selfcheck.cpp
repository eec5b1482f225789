#include "selfcheck/selfcheck.hpp"

#include <algorithm>
#include <cmath>

namespace selfcheck {

bool is_open(const std::string& value) {
  return value.empty() || value == "unknown" || value == "skip";
}

Truth holds(const content::Test& test, const Answers& answers) {
  const auto it = answers.find(test.question);
  if (it == answers.end() || is_open(it->second)) return Truth::Open;
  const bool listed = std::find(test.values.begin(), test.values.end(), it->second) != test.values.end();
  return listed != test.negate ? Truth::Yes : Truth::No;
}

Truth holds(const content::Condition& condition, const Answers& answers) {
  bool open = false;
  for (const auto& test : condition.any) {
    const Truth truth = holds(test, answers);
    if (truth == Truth::Yes) return Truth::Yes;
    open = open || truth == Truth::Open;
  }
  return open ? Truth::Open : Truth::No;
}

bool should_ask(const content::Question& question, const Answers& answers) {
  return std::none_of(question.ask_if.begin(), question.ask_if.end(),
                      [&](const content::Condition& c) { return holds(c, answers) == Truth::No; });
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
    if (should_ask(pack.questions[static_cast<std::size_t>(i)], answers)) return i;
  return std::nullopt;
}

std::vector<int> on_screen(const content::ContentPack& pack, const Answers& answers, int index) {
  std::vector<int> out;
  if (index < 0 || index >= static_cast<int>(pack.questions.size())) return out;
  for (int i = index; i < group_end(pack, index); ++i)
    if (should_ask(pack.questions[static_cast<std::size_t>(i)], answers)) out.push_back(i);
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
  const content::Parameter* best = nullptr;
  for (const auto& parameter : pack.parameters) {
    if (parameter.id != id || parameter.valid_from > date) continue;
    const bool current = date <= parameter.valid_until;
    const bool best_current = best && date <= best->valid_until;
    if (!best || (current && !best_current) ||
        (current == best_current && parameter.valid_from > best->valid_from))
      best = &parameter;
  }
  return best;
}

// Rounded down: "lager dan ongeveer € 7.570" must never name more than the real
// limit, or someone just above it would answer "ja".
std::string euro(double amount) {
  const long rounded = static_cast<long>(std::floor(amount / 10.0)) * 10;
  std::string digits = std::to_string(rounded);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ".");
  return "\u20AC " + digits;
}

namespace {

// The threshold a band question asks about: the household's answer picks the
// amount (an open answer takes the first listed), valid on `date`.
std::optional<double> threshold(const content::ContentPack& pack, const content::Question& question,
                                const Answers& answers, const std::string& date) {
  if (question.amount.empty()) return std::nullopt;
  std::string key = question.amount.begin()->first;
  if (auto it = answers.find(question.amount_by); it != answers.end() && question.amount.count(it->second))
    key = it->second;
  const auto* parameter = parameter_on(pack, question.amount.at(key), date);
  if (!parameter) return std::nullopt;
  return parameter->value;
}

}  // namespace

std::string question_text(const content::ContentPack& pack, const content::Question& question,
                          const Answers& answers, const std::string& date, const std::string& lang) {
  std::string text = pack.pick(question.text, lang);
  const auto token = text.find("{bedrag}");
  if (token == std::string::npos) return text;
  if (auto limit = threshold(pack, question, answers, date)) text.replace(token, 8, euro(*limit));
  return text;
}

const char* certainty_name(Certainty certainty) {
  return certainty == Certainty::Likely ? "waarschijnlijk" : "misschien";
}

Answers with_not_asked(const content::ContentPack& pack, const Answers& answers) {
  Answers out = answers;
  for (const auto& question : pack.questions)
    if (!answers.count(question.id) && !should_ask(question, out)) out[question.id] = kNotAsked;
  return out;
}

std::vector<Suggestion> evaluate(const content::ContentPack& pack, const Answers& given) {
  const Answers answers = with_not_asked(pack, given);
  std::vector<Suggestion> likely, maybe;
  bool unclear = false;  // a suggestion whose every condition was left open
  for (const auto& rule : pack.rules) {
    if (rule.fallback) continue;
    Suggestion suggestion{&rule, Certainty::Likely, {}};
    bool excluded = false, any_yes = false;
    for (const auto& condition : rule.when) {
      const Truth truth = holds(condition, answers);
      if (truth == Truth::No) {
        excluded = true;
        break;
      }
      // "Weet ik niet" and "Zeg ik liever niet" make it "misschien", never remove it.
      if (truth == Truth::Open) suggestion.certainty = Certainty::Maybe;
      any_yes = any_yes || truth == Truth::Yes;
      // The answers it rests on: the tests that hold, or those still open.
      for (const auto& test : condition.any) {
        if (holds(test, answers) != truth) continue;
        const auto it = given.find(test.question);
        suggestion.used.emplace_back(test.question, it == given.end() ? "" : it->second);
      }
    }
    if (excluded) continue;
    // Nothing points to it, nothing rules it out: a person can look at it together
    // with the visitor (the fallback below), rather than a list of every scheme.
    if (!any_yes) {
      unclear = true;
      continue;
    }
    (suggestion.certainty == Certainty::Likely ? likely : maybe).push_back(std::move(suggestion));
  }
  likely.insert(likely.end(), maybe.begin(), maybe.end());
  if (likely.empty() || unclear) {
    for (const auto& rule : pack.rules)
      if (rule.fallback) likely.push_back({&rule, Certainty::Likely, {}});
  }
  return likely;
}

Answers persona_answers(const content::ContentPack& pack, const content::Persona& persona) {
  Answers answers = persona.answers;
  for (const auto& [question_id, amount] : persona.amounts) {
    const auto* question = pack.find_question(question_id);
    if (!question) continue;
    if (auto limit = threshold(pack, *question, answers, persona.date))
      answers[question_id] = amount < *limit ? "yes" : "no";
  }
  return answers;
}

content::Diagnostics check_personas(const content::ContentPack& pack) {
  content::Diagnostics out;
  std::map<std::string, int> shown;  // rule id → how many personas see it
  for (const auto& persona : pack.personas) {
    auto error = [&](const std::string& message) {
      out.push_back({persona.origin.file, persona.origin.line, content::Severity::Error,
                     "persona '" + persona.name + "': " + message});
    };
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
    for (const auto& [question, amount] : persona.amounts) {
      const auto* q = pack.find_question(question);
      if (!q || q->amount.empty())
        error("amounts." + question + " must name a band question (one with amount)");
      else if (!threshold(pack, *q, persona.answers, persona.date))
        error("no amount for '" + question + "' on " + persona.date);
    }
    const auto got = evaluate(pack, persona_answers(pack, persona));
    for (const auto& [rule, certainty] : persona.expect) {
      if (!pack.find_rule(rule)) {
        error("expects '" + rule + "', which is not a suggestion");
        continue;
      }
      const auto found = std::find_if(got.begin(), got.end(),
                                      [&id = rule](const Suggestion& s) { return s.rule->id == id; });
      if (found == got.end())
        error("expected '" + rule + "' (" + certainty + "), but it is not shown");
      else if (certainty != certainty_name(found->certainty))
        error("expected '" + rule + "' as " + certainty + ", but it is " + certainty_name(found->certainty));
    }
    for (const auto& suggestion : got) {
      ++shown[suggestion.rule->id];
      if (!persona.expect.count(suggestion.rule->id))
        error("'" + suggestion.rule->id + "' is shown (" + certainty_name(suggestion.certainty) +
              "), but the persona does not expect it");
    }
  }
  // Each suggestion is tried both ways: shown to one persona, not to another.
  if (pack.personas.empty()) return out;
  const int personas = static_cast<int>(pack.personas.size());
  for (const auto& rule : pack.rules) {
    const int seen = shown[rule.id];
    if (seen == 0 || seen == personas)
      out.push_back({rule.origin.file, rule.origin.line, content::Severity::Warning,
                     "suggestion '" + rule.id + "' is " +
                         (seen == 0 ? "shown to no persona" : "shown to every persona") +
                         ": add a persona that tests it the other way"});
  }
  return out;
}

}  // namespace selfcheck
