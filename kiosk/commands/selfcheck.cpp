// wegwijzer selfcheck [--facts FILE.toml] [--answer QUESTION=VALUE ...] [--date YYYY-MM-DD] [--json]
#include "selfcheck/selfcheck.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "content/pack_reader.hpp"
#include "selfcheck/facts.hpp"

namespace commands {
namespace {

// A person as facts in a TOML file (selfcheck::fact_names()): numbers, words, lists of words.
selfcheck::FactsPersona read_facts(const std::string& file, const std::string& date) {
  selfcheck::FactsPersona out;
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    out.error = "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description());
    return out;
  }
  selfcheck::Facts facts;
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (auto number = node.value<double>()) {
      facts[name] = *number;
    } else if (auto text = node.value<std::string>()) {
      facts[name] = *text;
    } else if (const auto* list = node.as_array()) {
      std::vector<std::string> words;
      for (const auto& item : *list) words.push_back(item.value_or(std::string("?")));
      facts[name] = words;
    } else {
      out.error = name + " must be a number, a word or a list of words";
      return out;
    }
  }
  return selfcheck::persona_from_facts(facts, date);
}

void print_json(const content::ContentPack& pack, const std::string& day, const selfcheck::Answers& answers,
                const std::vector<selfcheck::Suggestion>& suggestions) {
  nlohmann::json out = {{"date", day},
                        {"municipality", pack.location.municipality},
                        {"answers", answers},
                        {"suggestions", nlohmann::json::array()}};
  for (const auto& s : suggestions) {
    nlohmann::json used = nlohmann::json::object();
    for (const auto& [question, value] : s.used) used[question] = value;
    out["suggestions"].push_back({{"id", s.rule->id},
                                  {"certainty", selfcheck::certainty_name(s.certainty)},
                                  {"title", pack.pick(s.rule->title, pack.default_language)},
                                  {"reason", pack.pick(s.rule->reason, pack.default_language)},
                                  {"contact", s.rule->contact},
                                  {"answers_used", used}});
  }
  std::printf("%s\n", out.dump(2).c_str());
}

}  // namespace

// The self-check without a screen: answers in, suggestions out.
int command_selfcheck(Options& options) {
  std::vector<std::string> given_answers;
  std::optional<std::string> facts_file;
  std::string day;
  bool json = false;
  Places places;
  options.describe("Evaluate the self-check for these answers: suggestions with certainty and reasons.");
  options.each("--answer", given_answers, "QUESTION=VALUE", "an answer; may be given for every question");
  options.text("--facts", facts_file, "FILE.toml", "a person as facts (numbers, words, lists of words)");
  options.value("--date", "YYYY-MM-DD", "the day whose amounts count (default: today)", commands::day(day));
  options.flag("--json", json, "print JSON");
  places.content_option(options);
  if (const auto done = options.parse()) return *done;

  PictogramCheck check;
  content::Diagnostics problems;
  const std::string dir = places.content_dir();
  auto pack = content::usable_pack(content::read_files(dir), dir, check.options(app::today_iso()), problems);
  if (!pack) {
    for (const auto& problem : problems)
      if (problem.severity == content::Severity::Error)
        std::fprintf(stderr, "%s\n", problem.format().c_str());
    return 1;
  }
  if (day.empty()) day = app::today_iso();
  selfcheck::Answers answers;
  if (facts_file) {
    const auto facts = read_facts(*facts_file, day);
    if (!facts.error.empty()) {
      std::fprintf(stderr, "wegwijzer: %s: %s\n", facts_file->c_str(), facts.error.c_str());
      return 2;
    }
    // Someone from another municipality is checked as a kiosk there would check them.
    if (!facts.persona.municipality.empty()) {
      const auto* there = pack->municipality_called(facts.persona.municipality);
      if (!there) {
        std::fprintf(stderr, "wegwijzer: %s: the pack has no municipality '%s'\n", facts_file->c_str(),
                     facts.persona.municipality.c_str());
        return 2;
      }
      pack = content::in_municipality(*pack, there->id);
    }
    answers = selfcheck::persona_answers(*pack, facts.persona);
  }
  for (const auto& value : given_answers) {
    const auto eq = value.find('=');
    const auto* question = eq == std::string::npos ? nullptr : pack->find_question(value.substr(0, eq));
    if (!question) {
      std::fprintf(stderr, "wegwijzer: --answer wants QUESTION=VALUE with a question of the pack, not '%s'\n",
                   value.c_str());
      return 2;
    }
    const std::string given = value.substr(eq + 1);
    const auto offered = selfcheck::options(*pack, *question, answers, day);
    if (std::none_of(offered.begin(), offered.end(), [&](const auto& o) { return o.value == given; })) {
      std::fprintf(stderr, "wegwijzer: question %s has no answer '%s'\n", question->id.c_str(),
                   given.c_str());
      return 2;
    }
    answers[question->id] = given;
  }
  const auto suggestions = selfcheck::evaluate(*pack, answers, day);
  if (json) {
    print_json(*pack, day, answers, suggestions);
  } else {
    for (const auto& s : suggestions)
      std::printf("%-14s %s: %s\n", selfcheck::certainty_name(s.certainty), s.rule->id.c_str(),
                  pack->pick(s.rule->reason, pack->default_language).c_str());
  }
  return 0;
}

}  // namespace commands
