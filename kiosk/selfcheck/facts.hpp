#pragma once
// A person described as facts ("age = 72", "housing = \"rent\"", "income = 1500") turned
// into the taps a visitor with those facts would make in the shipped self-check. So an
// adviser writes a case the way a case file reads, and the kiosk's own mapping is tested.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "content/content_pack.hpp"

namespace selfcheck {

// A number, a word, or a list of words. "unknown" (Weet ik niet) and "skip" (Zeg ik liever
// niet) may stand for any value, or for a whole list.
using FactValue = std::variant<double, std::string, std::vector<std::string>>;
using Facts = std::map<std::string, FactValue>;

// The facts that are understood, in the order a case file lists them.
[[nodiscard]] const std::vector<std::string>& fact_names();

struct FactsPersona {
  content::Persona persona;  // the taps (answers) and the amounts for the ladders, on `date`
  std::string error;         // names the fact or value that is not understood; empty when fine
};
[[nodiscard]] FactsPersona persona_from_facts(const Facts& facts, const std::string& date);

}  // namespace selfcheck
