// The self-check's rules: evaluated directly, without a screen.
#include "selfcheck/selfcheck.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "support/layout.hpp"

using selfcheck::Certainty;

namespace {

std::map<std::string, Certainty> shown(const selfcheck::Answers& answers) {
  std::map<std::string, Certainty> out;
  for (const auto& s : selfcheck::evaluate(test_support::fixture_pack(), answers))
    out[s.rule->id] = s.certainty;
  return out;
}

}  // namespace

TEST_CASE("every persona of the test pack gets exactly its expected suggestions", "[selfcheck][personas]") {
  const auto problems = selfcheck::check_personas(test_support::fixture_pack());
  for (const auto& p : problems) UNSCOPED_INFO(p.format());
  CHECK(problems.empty());
  CHECK(test_support::fixture_pack().personas.size() >= 6);
}

TEST_CASE("a persona that no longer matches is reported with its name", "[selfcheck][personas]") {
  auto pack = test_support::fixture_pack();
  pack.personas.front().expect = {{"aio", "waarschijnlijk"}};
  const auto problems = selfcheck::check_personas(pack);
  REQUIRE(problems.size() >= 2);
  CHECK(problems[0].message.find("persona 'Huurder, alleen, net onder de grens'") == 0);
  CHECK(problems[0].message.find("expected 'aio'") != std::string::npos);
}

TEST_CASE("all conditions met is waarschijnlijk: an open answer makes it misschien", "[selfcheck]") {
  CHECK(shown({{"rent", "yes"}, {"income_low", "yes"}, {"aow_age", "yes"}}).at("huurtoeslag") ==
        Certainty::Likely);
  CHECK(shown({{"rent", "yes"}, {"income_low", "unknown"}}).at("huurtoeslag") == Certainty::Maybe);
  CHECK(shown({{"rent", "skip"}, {"income_low", "yes"}}).at("huurtoeslag") == Certainty::Maybe);
  CHECK_FALSE(shown({{"rent", "no"}, {"income_low", "yes"}}).count("huurtoeslag"));  // a "no" rules it out
}

TEST_CASE("open answers never silently remove a suggestion: they lead to a person", "[selfcheck]") {
  const auto all_open =
      shown({{"aow_age", "skip"}, {"alone", "skip"}, {"rent", "unknown"}, {"income_low", "skip"}});
  CHECK(all_open.size() == 1);
  CHECK(all_open.count("vrijwilliger"));
  // Something sure, something open: the sure one, and the volunteer for the rest.
  const auto mixed = shown({{"aow_age", "no"}, {"rent", "unknown"}, {"income_low", "unknown"}});
  CHECK(mixed.count("jonger"));
  CHECK(mixed.count("vrijwilliger"));
}

TEST_CASE("nothing fits: the warm next step is still there", "[selfcheck]") {
  const auto none = shown(
      {{"aow_age", "yes"}, {"alone", "yes"}, {"rent", "no"}, {"aow_full", "yes"}, {"income_low", "no"}});
  CHECK(none.size() == 1);
  CHECK(none.count("vrijwilliger"));
}

TEST_CASE("below AOW age: a kind pointer, not the AOW-age schemes", "[selfcheck]") {
  const auto younger = shown({{"aow_age", "no"}, {"alone", "yes"}, {"rent", "no"}, {"income_low", "yes"}});
  CHECK(younger.count("jonger"));
  CHECK_FALSE(younger.count("aio"));
  CHECK_FALSE(younger.count("svb_aow"));
}

TEST_CASE("questions that no longer matter are skipped, and the count follows", "[selfcheck]") {
  const auto& pack = test_support::fixture_pack();
  CHECK(selfcheck::progress(pack, {}, -1).total == 5);
  CHECK(selfcheck::progress(pack, {{"aow_age", "no"}}, 0).total == 4);
  CHECK(selfcheck::progress(pack, {{"aow_age", "unknown"}}, 0).total == 5);  // open: still asked
  CHECK(*selfcheck::next_question(pack, {{"aow_age", "no"}}, 2) == 4);       // aow_full skipped
  CHECK(*selfcheck::next_question(pack, {{"aow_age", "yes"}}, 2) == 3);
  CHECK_FALSE(selfcheck::next_question(pack, {}, 4));
}

TEST_CASE("band questions show the amount for this household on this date", "[selfcheck][bands]") {
  const auto& pack = test_support::fixture_pack();
  const auto& income = *pack.find_question("income_low");
  CHECK(selfcheck::question_text(pack, income, {{"alone", "yes"}}, "2026-11-25", "nl") ==
        "Is uw inkomen per maand lager dan ongeveer \u20AC 1.650? Tel het inkomen van uw partner mee.");
  CHECK(selfcheck::question_text(pack, income, {{"alone", "no"}}, "2026-11-25", "nl").find("\u20AC 2.250") !=
        std::string::npos);
  // From 1 January 2027 the next amount applies, without a new release.
  CHECK(selfcheck::question_text(pack, income, {{"alone", "yes"}}, "2027-01-01", "nl").find("\u20AC 1.700") !=
        std::string::npos);
  CHECK(selfcheck::euro(1651.18) == "\u20AC 1.650");
  CHECK(selfcheck::euro(15150) == "\u20AC 15.150");
  CHECK(selfcheck::euro(7575) == "\u20AC 7.570");  // never above the limit
  CHECK(selfcheck::euro(932.93) == "\u20AC 930");
}

TEST_CASE("band boundaries: one euro below and above the amount", "[selfcheck][bands]") {
  const auto& pack = test_support::fixture_pack();
  content::Persona below{"net onder", "2026-11-25", {{"alone", "yes"}}, {{"income_low", 1651.17}}, {}, {}};
  content::Persona above{"net boven", "2026-11-25", {{"alone", "yes"}}, {{"income_low", 1652.18}}, {}, {}};
  CHECK(selfcheck::persona_answers(pack, below).at("income_low") == "yes");
  CHECK(selfcheck::persona_answers(pack, above).at("income_low") == "no");
  content::Persona couple{"paar", "2026-11-25", {{"alone", "no"}}, {{"income_low", 2258.82}}, {}, {}};
  CHECK(selfcheck::persona_answers(pack, couple).at("income_low") == "yes");
}

TEST_CASE("the words never promise", "[selfcheck][content]") {
  for (const auto& rule : test_support::fixture_pack().rules)
    for (const auto& [language, reason] : rule.reason) {
      INFO(rule.id << " " << language);
      CHECK(reason.find("u krijgt") == std::string::npos);
      CHECK(reason.find("recht op") == std::string::npos);
    }
}

namespace {

// The test pack with a younger-partner question (asked only of couples) and AIO
// for years abroad *or* a younger partner.
content::ContentPack pack_with_younger_partner() {
  content::ContentPack pack = test_support::fixture_pack();
  content::Question partner = *pack.find_question("alone");
  partner.id = "partner_young";
  partner.ask_if = {{{{"alone", {"no"}, false}}, "alone=no"}};
  pack.questions.insert(pack.questions.begin() + 2, partner);
  for (auto& rule : pack.rules)
    for (auto& condition : rule.when)
      if (rule.id == "aio" && condition.written == "aow_full=no")
        condition = {{{"aow_full", {"no"}, false}, {"partner_young", {"yes"}, false}},
                     "aow_full=no or partner_young=yes"};
  return pack;
}

std::map<std::string, Certainty> shown_in(const content::ContentPack& pack,
                                          const selfcheck::Answers& answers) {
  std::map<std::string, Certainty> out;
  for (const auto& s : selfcheck::evaluate(pack, answers)) out[s.rule->id] = s.certainty;
  return out;
}

}  // namespace

TEST_CASE("any one test of a list is enough: years abroad or a younger partner", "[selfcheck][any]") {
  const auto pack = pack_with_younger_partner();
  const selfcheck::Answers base = {{"aow_age", "yes"}, {"rent", "no"}, {"income_low", "yes"}};
  auto with = [&](selfcheck::Answers more) {
    more.insert(base.begin(), base.end());
    return shown_in(pack, more);
  };
  CHECK(with({{"alone", "no"}, {"partner_young", "yes"}, {"aow_full", "yes"}}).at("aio") ==
        Certainty::Likely);
  CHECK(with({{"alone", "no"}, {"partner_young", "no"}, {"aow_full", "no"}}).at("aio") == Certainty::Likely);
  CHECK_FALSE(with({{"alone", "no"}, {"partner_young", "no"}, {"aow_full", "yes"}}).count("aio"));
  // One open, the other no: misschien. One open, the other yes: waarschijnlijk.
  CHECK(with({{"alone", "no"}, {"partner_young", "unknown"}, {"aow_full", "yes"}}).at("aio") ==
        Certainty::Maybe);
  CHECK(with({{"alone", "no"}, {"partner_young", "skip"}, {"aow_full", "no"}}).at("aio") ==
        Certainty::Likely);
}

TEST_CASE("a question skipped as not mattering does not make a suggestion uncertain", "[selfcheck][any]") {
  const auto pack = pack_with_younger_partner();
  // Living alone: the partner question is not asked, and AIO follows from the years abroad alone.
  const selfcheck::Answers alone = {
      {"aow_age", "yes"}, {"alone", "yes"}, {"rent", "yes"}, {"aow_full", "yes"}, {"income_low", "yes"}};
  CHECK(selfcheck::with_not_asked(pack, alone).at("partner_young") == selfcheck::kNotAsked);
  CHECK(shown_in(pack, alone) == std::map<std::string, Certainty>{{"huurtoeslag", Certainty::Likely}});
  // Stopped before the household question: the partner question might still come, so it stays open.
  CHECK_FALSE(selfcheck::with_not_asked(pack, {{"aow_age", "yes"}}).count("partner_young"));
}

TEST_CASE("'Waarom?' lists the answers the suggestion rests on", "[selfcheck][any]") {
  const auto pack = pack_with_younger_partner();
  const auto got = selfcheck::evaluate(pack, {{"aow_age", "yes"},
                                              {"alone", "no"},
                                              {"partner_young", "yes"},
                                              {"aow_full", "yes"},
                                              {"income_low", "yes"}});
  const auto aio = std::find_if(got.begin(), got.end(), [](const auto& s) { return s.rule->id == "aio"; });
  REQUIRE(aio != got.end());
  using Used = std::vector<std::pair<std::string, std::string>>;
  CHECK(aio->used == Used{{"aow_age", "yes"}, {"partner_young", "yes"}, {"income_low", "yes"}});
}

TEST_CASE("a suggestion no persona sees, or every persona sees, is named", "[selfcheck][personas]") {
  auto pack = test_support::fixture_pack();
  CHECK(selfcheck::check_personas(pack).empty());
  // Keep only the personas that do not get AIO.
  std::erase_if(pack.personas, [](const content::Persona& p) { return p.expect.count("aio") > 0; });
  const auto problems = selfcheck::check_personas(pack);
  REQUIRE_FALSE(problems.empty());
  for (const auto& problem : problems) CHECK(problem.severity == content::Severity::Warning);
  CHECK(problems[0].message ==
        "suggestion 'aio' is shown to no persona: add a persona that tests it the other way");
  CHECK(problems[0].line == pack.find_rule("aio")->origin.line);
}

namespace {

// The test pack with two questions asked together at the end; the second only for renters.
content::ContentPack with_needs() {
  auto pack = test_support::fixture_pack();
  content::Question letters;
  letters.id = "letters";
  letters.together = "needs";
  letters.text = {{"nl", "Brieven vind ik moeilijk."}};
  for (const auto& option : pack.questions.front().options)
    if (option.value != "unknown") letters.options.push_back(option);
  content::Question meet = letters;
  meet.id = "meet";
  meet.ask_if = {content::Condition{{content::Test{"rent", {"yes"}, false}}, "rent=yes"}};
  pack.questions.push_back(letters);
  pack.questions.push_back(meet);
  return pack;
}

}  // namespace

TEST_CASE("questions asked together share one screen and count as one", "[selfcheck][together]") {
  const auto pack = with_needs();
  const int first = static_cast<int>(pack.questions.size()) - 2;
  selfcheck::Answers renter{{"rent", "yes"}};
  // The last lone question leads to the group's screen, which shows both; after it, the end.
  const auto before = selfcheck::next_question(pack, renter, first - 1);
  REQUIRE(before);
  CHECK(*before == first);
  CHECK(selfcheck::on_screen(pack, renter, first) == std::vector<int>{first, first + 1});
  CHECK_FALSE(selfcheck::next_question(pack, renter, first));
  const auto at = selfcheck::progress(pack, renter, first);
  CHECK(at.number == at.total);
  CHECK(at.total == selfcheck::progress(test_support::fixture_pack(), renter, 0).total + 1);
  // A member that does not matter is left off the screen.
  CHECK(selfcheck::on_screen(pack, {{"rent", "no"}}, first) == std::vector<int>{first});
}

TEST_CASE("no answer set ends the check without a suggestion: at least the warm next step", "[selfcheck]") {
  const auto& pack = test_support::fixture_pack();
  std::mt19937 random(20261202);
  for (int round = 0; round < 2000; ++round) {
    selfcheck::Answers answers;
    for (const auto& question : pack.questions) {
      if (question.options.empty() || random() % 5 == 0) continue;  // some questions not reached
      answers[question.id] = question.options[random() % question.options.size()].value;
    }
    INFO("round " << round);
    CHECK_FALSE(selfcheck::evaluate(pack, answers).empty());
  }
}
