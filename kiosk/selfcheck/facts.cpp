#include "selfcheck/facts.hpp"

#include <algorithm>

namespace selfcheck {

namespace {

// Ages at which the AOW starts (67 until the end of 2027, schemes.md §1).
constexpr double kAowAge = 67;

const std::vector<std::string>& needs() {
  static const std::vector<std::string> all = {"bills",  "letters",     "help_home",
                                               "caring", "meet_people", "big_cost"};
  return all;
}

// The suggestion ids a visitor may already receive.
const std::vector<std::string>& schemes() {
  static const std::vector<std::string> all = {"aio",
                                               "svb_aow",
                                               "huurtoeslag",
                                               "zorgtoeslag",
                                               "kwijtschelding",
                                               "gemeentepolis",
                                               "bijzondere_bijstand",
                                               "geldfit",
                                               "wmo",
                                               "mantelzorg",
                                               "ontmoeten",
                                               "ido",
                                               "jonger",
                                               "vrijwilliger"};
  return all;
}

bool open_word(const std::string& word) {
  return word == "unknown" || word == "skip";
}

bool listed(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

const std::vector<std::string>& fact_names() {
  static const std::vector<std::string> all = {"age",         "partner",      "partner_age", "lives_with",
                                               "housing",     "years_abroad", "income",      "savings",
                                               "home_equity", "receives",     "needs",       "municipality"};
  return all;
}

FactsPersona persona_from_facts(const Facts& facts, const std::string& date) {
  FactsPersona out;
  out.persona.name = "facts";
  out.persona.date = date;
  auto& answers = out.persona.answers;
  auto fail = [&](const std::string& message) {
    if (out.error.empty()) out.error = message;
  };
  // A fact as a number (or an open word), a word out of `allowed`, or a list.
  auto number = [&](const std::string& name, const FactValue& value, auto&& use) {
    if (const auto* n = std::get_if<double>(&value)) return use(*n, std::string{});
    if (const auto* word = std::get_if<std::string>(&value); word && open_word(*word)) return use(0.0, *word);
    fail(name + " must be a number, \"unknown\" or \"skip\"");
  };
  auto word = [&](const std::string& name, const FactValue& value, const std::vector<std::string>& allowed) {
    const auto* text = std::get_if<std::string>(&value);
    if (text && (open_word(*text) || listed(allowed, *text))) return *text;
    std::string choices;
    for (const auto& a : allowed) choices += (choices.empty() ? "" : ", ") + a;
    fail(name + " must be one of " + choices + ", \"unknown\" or \"skip\"" +
         (text ? ", not \"" + *text + "\"" : ""));
    return std::string{};
  };
  // A list of words from `allowed`, or one open word for the whole list.
  auto words = [&](const std::string& name, const FactValue& value, const std::vector<std::string>& allowed,
                   std::string& open) {
    std::vector<std::string> out_words;
    if (const auto* text = std::get_if<std::string>(&value); text && open_word(*text)) {
      open = *text;
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
      for (const auto& w : *list)
        if (listed(allowed, w))
          out_words.push_back(w);
        else
          fail(name + ": \"" + w + "\" is not one of them");
    } else {
      fail(name + " must be a list of words, \"unknown\" or \"skip\"");
    }
    return out_words;
  };

  for (const auto& [name, value] : facts)
    if (!listed(fact_names(), name)) fail("unknown fact '" + name + "'");

  if (auto it = facts.find("age"); it != facts.end())
    number("age", it->second, [&](double age, const std::string& open) {
      answers["aow_age"] = open.empty() ? (age >= kAowAge ? "yes" : "no") : open;
    });
  std::string partner;
  if (auto it = facts.find("partner"); it != facts.end()) {
    partner = word("partner", it->second, {"none", "partner"});
    answers["partner"] = partner == "partner" ? "yes" : partner == "none" ? "no" : partner;
  }
  // Asked one way or the other: a visitor under AOW age is asked whether the partner has
  // it, anyone else whether the partner is younger (an open age is asked both).
  if (auto it = facts.find("partner_age"); it != facts.end() && partner != "none")
    number("partner_age", it->second, [&](double age, const std::string& open) {
      const auto own = answers.find("aow_age");
      const bool young = own != answers.end() && own->second == "no";
      const bool old = own != answers.end() && own->second == "yes";
      if (!young) answers["partner_young"] = open.empty() ? (age < kAowAge ? "yes" : "no") : open;
      if (!old) answers["partner_aow"] = open.empty() ? (age >= kAowAge ? "yes" : "no") : open;
    });
  // A child or parent is not a partner: who else lives there changes no answer.
  if (auto it = facts.find("lives_with"); it != facts.end()) {
    std::string open;
    const std::vector<std::string> kinds = {"child", "parent", "other", "nobody"};
    if (std::holds_alternative<std::string>(it->second) && !open_word(std::get<std::string>(it->second)))
      (void)word("lives_with", it->second, kinds);
    else
      (void)words("lives_with", it->second, kinds, open);
  }
  if (auto it = facts.find("housing"); it != facts.end()) {
    const auto housing = word("housing", it->second, {"rent", "own"});
    answers["rent"] = housing == "rent" ? "yes" : housing == "own" ? "no" : housing;
  }
  if (auto it = facts.find("years_abroad"); it != facts.end())
    number("years_abroad", it->second, [&](double years, const std::string& open) {
      answers["abroad"] = open.empty() ? (years > 0 ? "yes" : "no") : open;
    });
  // Money goes on the ladders by measure; an open word is the answer on either wording.
  for (const auto& [measure, questions] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"income", {"income_alone", "income_together"}},
           {"savings", {"savings_alone", "savings_together"}},
           {"home_equity", {"home_equity"}}})
    if (auto it = facts.find(measure); it != facts.end())
      number(measure, it->second,
             [&, &questions = questions, &measure = measure](double amount, const std::string& open) {
               if (!open.empty())
                 for (const auto& q : questions) answers[q] = open;
               else if (amount < 0)
                 fail(measure + " cannot be below 0");
               else
                 out.persona.amounts[measure] = amount;
             });
  if (auto it = facts.find("receives"); it != facts.end()) {
    std::string open;
    const auto received = words("receives", it->second, schemes(), open);
    for (const char* scheme : {"huurtoeslag", "zorgtoeslag"})
      answers[std::string(scheme) + "_now"] = !open.empty() ? open : listed(received, scheme) ? "yes" : "no";
  }
  if (auto it = facts.find("needs"); it != facts.end()) {
    std::string open;
    const auto needed = words("needs", it->second, needs(), open);
    // Ticked together on one screen: "Zeg ik liever niet" is the open answer for them all.
    for (const auto& need : needs())
      answers[need] = !open.empty() ? "skip" : listed(needed, need) ? "yes" : "no";
  }
  if (auto it = facts.find("municipality"); it != facts.end()) {
    if (const auto* name = std::get_if<std::string>(&it->second))
      out.persona.municipality = *name;  // the pack knows which exist: the caller checks it
    else
      fail("municipality must be a name");
  }
  return out;
}

}  // namespace selfcheck
