// The self-check's rules: evaluated directly, without a screen.
#include "selfcheck/selfcheck.hpp"

#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <random>
#include <set>

#include "app/kiosk_app.hpp"
#include "content/pack_reader.hpp"
#include "selfcheck/facts.hpp"
#include "support/fixtures.hpp"
#include "text/numbers.hpp"

using selfcheck::Certainty;

namespace {

// The test pack's income ladder on its day: at most 110 % for someone alone, and above it.
const std::string kDay = "2026-11-25";
const std::string kLow = "0.00-1651.18";
const std::string kHigh = "1651.18-";

std::map<std::string, Certainty> shown(const selfcheck::Answers& answers) {
  std::map<std::string, Certainty> out;
  for (const auto& s : selfcheck::evaluate(test_support::fixture_pack(), answers, kDay))
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
  CHECK(shown({{"rent", "yes"}, {"income", kLow}, {"aow_age", "yes"}}).at("huurtoeslag") ==
        Certainty::Likely);
  CHECK(shown({{"rent", "yes"}, {"income", "unknown"}}).at("huurtoeslag") == Certainty::Maybe);
  CHECK(shown({{"rent", "skip"}, {"income", kLow}}).at("huurtoeslag") == Certainty::Maybe);
  CHECK_FALSE(shown({{"rent", "no"}, {"income", kLow}}).count("huurtoeslag"));  // a "no" rules it out
}

TEST_CASE("open answers never remove a suggestion: each is misschien, and a person looks along",
          "[selfcheck]") {
  const auto all_open =
      shown({{"aow_age", "skip"}, {"alone", "skip"}, {"rent", "unknown"}, {"income", "skip"}});
  for (const auto& rule : test_support::fixture_pack().rules) {
    INFO(rule.id);
    REQUIRE(all_open.count(rule.id));
    CHECK(all_open.at(rule.id) == (rule.fallback ? Certainty::Likely : Certainty::Maybe));
  }
  // Something sure, something open: the sure one, and the volunteer for the rest.
  const auto mixed = shown({{"aow_age", "no"}, {"rent", "unknown"}, {"income", "unknown"}});
  CHECK(mixed.count("jonger"));
  CHECK(mixed.count("vrijwilliger"));
}

TEST_CASE("nothing fits: the warm next step is still there", "[selfcheck]") {
  const auto none =
      shown({{"aow_age", "yes"}, {"alone", "yes"}, {"rent", "no"}, {"aow_full", "yes"}, {"income", kHigh}});
  CHECK(none.size() == 1);
  CHECK(none.count("vrijwilliger"));
}

TEST_CASE("below AOW age: a kind pointer, not the AOW-age schemes", "[selfcheck]") {
  const auto younger = shown({{"aow_age", "no"}, {"alone", "yes"}, {"rent", "no"}, {"income", kLow}});
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

TEST_CASE("a ladder's bands lie between the thresholds, for this household on this date",
          "[selfcheck][bands]") {
  const auto& pack = test_support::fixture_pack();
  const auto& income = *pack.find_question("income");
  using Offered = std::vector<std::pair<std::string, std::string>>;
  auto offered = [&](const selfcheck::Answers& answers, const std::string& day) {
    Offered out;
    for (const auto& option : selfcheck::options(pack, income, answers, day))
      out.emplace_back(option.value, pack.pick(option.label, "nl"));
    return out;
  };
  CHECK(offered({{"alone", "yes"}}, kDay) == Offered{{kLow, "Minder dan \u20AC\u00A01.651"},
                                                     {kHigh, "Meer dan \u20AC\u00A01.651"},
                                                     {"unknown", "Weet ik niet"},
                                                     {"skip", "Zeg ik liever niet"}});
  CHECK(offered({{"alone", "no"}}, kDay).front() ==
        Offered::value_type{"0.00-2258.83", "Minder dan \u20AC\u00A02.259"});
  // From 1 January 2027 the next amount applies, without a new release.
  CHECK(offered({{"alone", "yes"}}, "2027-01-01").front().first == "0.00-1700.00");
  const auto top = selfcheck::band_of("1651.18-");
  REQUIRE(top);
  CHECK(top->low == 1651.18);
  CHECK(top->high < 0);
  CHECK_FALSE(selfcheck::band_of("yes"));
  CHECK_FALSE(selfcheck::band_of("2000-1000"));
}

TEST_CASE("a ladder's amounts are written in each language's own way", "[selfcheck][bands][numbers]") {
  const auto& pack = test_support::fixture_pack();
  const auto& income = *pack.find_question("income");
  const auto ladder = selfcheck::options(pack, income, {{"alone", "yes"}}, kDay);
  REQUIRE(ladder.size() == 4);
  CHECK(ladder[0].label.at("en") == "Less than \u20AC1,651");
  CHECK(ladder[1].label.at("en") == "More than \u20AC1,651");
  CHECK(ladder[0].label.at("ar") == "\u0623\u0642\u0644 \u0645\u0646 \u200F1,651\u00A0\u20AC");
  CHECK(ladder[0].label.at("nl") == "Minder dan \u20AC\u00A01.651");
  // Each label holds what the number module writes for its language, for both ends of a band.
  const auto couple = selfcheck::options(pack, income, {{"alone", "no"}}, kDay);
  for (const char* lang : {"nl", "en", "ar"})
    CHECK(couple[0].label.at(lang).find(text::euros(2258.83, lang)) != std::string::npos);
}

TEST_CASE("band boundaries: one euro below and above the amount", "[selfcheck][bands]") {
  const auto& pack = test_support::fixture_pack();
  content::Persona below{"net onder", kDay, {{"alone", "yes"}}, {{"income", 1650.18}}, {}, {}};
  content::Persona at{"precies", kDay, {{"alone", "yes"}}, {{"income", 1651.18}}, {}, {}};
  content::Persona above{"net boven", kDay, {{"alone", "yes"}}, {{"income", 1652.18}}, {}, {}};
  CHECK(selfcheck::persona_answers(pack, below).at("income") == kLow);
  CHECK(selfcheck::persona_answers(pack, at).at("income") == kLow);  // "at most" the limit
  CHECK(selfcheck::persona_answers(pack, above).at("income") == kHigh);
  content::Persona couple{"paar", kDay, {{"alone", "no"}}, {{"income", 2258.82}}, {}, {}};
  CHECK(selfcheck::persona_answers(pack, couple).at("income") == "0.00-2258.83");
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
  for (const auto& s : selfcheck::evaluate(pack, answers, kDay)) out[s.rule->id] = s.certainty;
  return out;
}

}  // namespace

TEST_CASE("any one test of a list is enough: years abroad or a younger partner", "[selfcheck][any]") {
  const auto pack = pack_with_younger_partner();
  const selfcheck::Answers base = {{"aow_age", "yes"}, {"rent", "no"}, {"income", kLow}};
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
      {"aow_age", "yes"}, {"alone", "yes"}, {"rent", "yes"}, {"aow_full", "yes"}, {"income", kLow}};
  CHECK(selfcheck::with_not_asked(pack, alone).at("partner_young") == selfcheck::kNotAsked);
  CHECK(shown_in(pack, alone) == std::map<std::string, Certainty>{{"huurtoeslag", Certainty::Likely}});
  // Stopped before the household question: the partner question might still come, so it stays open.
  CHECK_FALSE(selfcheck::with_not_asked(pack, {{"aow_age", "yes"}}).count("partner_young"));
}

TEST_CASE("'Waarom?' lists the answers the suggestion rests on", "[selfcheck][any]") {
  const auto pack = pack_with_younger_partner();
  const auto got = selfcheck::evaluate(
      pack,
      {{"aow_age", "yes"}, {"alone", "no"}, {"partner_young", "yes"}, {"aow_full", "yes"}, {"income", kLow}},
      kDay);
  const auto aio = std::find_if(got.begin(), got.end(), [](const auto& s) { return s.rule->id == "aio"; });
  REQUIRE(aio != got.end());
  using Used = std::vector<std::pair<std::string, std::string>>;
  CHECK(aio->used == Used{{"aow_age", "yes"}, {"partner_young", "yes"}, {"income", kLow}});
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

namespace {

const content::ContentPack& shipped_pack() {
  static const content::ContentPack pack = [] {
    auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
    REQUIRE(read.pack);
    return std::move(*read.pack);
  }();
  return pack;
}

// The shipped pack as a kiosk in each of its municipalities serves it.
const std::vector<content::ContentPack>& every_municipality() {
  static const std::vector<content::ContentPack> packs = [] {
    std::vector<content::ContentPack> out;
    for (const auto& municipality : shipped_pack().municipalities)
      out.push_back(content::in_municipality(shipped_pack(), municipality.id));
    return out;
  }();
  return packs;
}

// A visitor who taps any offered answer on every screen the check shows.
selfcheck::Answers random_visit(const content::ContentPack& pack, std::mt19937& random,
                                const std::string& day) {
  selfcheck::Answers answers;
  for (auto i = selfcheck::next_question(pack, answers, -1); i;
       i = selfcheck::next_question(pack, answers, *i))
    for (int index : selfcheck::on_screen(pack, answers, *i)) {
      const auto& question = pack.questions[static_cast<std::size_t>(index)];
      const auto options = selfcheck::options(pack, question, answers, day);
      answers[question.id] = options[random() % options.size()].value;
    }
  return answers;
}

std::set<std::string> ids(const std::vector<selfcheck::Suggestion>& suggestions) {
  std::set<std::string> out;
  for (const auto& s : suggestions) out.insert(s.rule->id);
  return out;
}

}  // namespace

TEST_CASE("turning any answer into Weet ik niet or Zeg ik liever niet never removes a suggestion",
          "[selfcheck][property]") {
  std::vector<const content::ContentPack*> packs{&test_support::fixture_pack()};
  for (const auto& pack : every_municipality()) packs.push_back(&pack);
  for (const auto* pack : packs) {
    std::mt19937 random(18);
    for (int round = 0; round < 150; ++round) {
      const auto answers = random_visit(*pack, random, kDay);
      const auto before = ids(selfcheck::evaluate(*pack, answers, kDay));
      for (const auto& [id, value] : answers) {
        const auto* question = pack->find_question(id);
        for (const std::string open : {"unknown", "skip"}) {
          if (value == open || std::none_of(question->options.begin(), question->options.end(),
                                            [&](const auto& o) { return o.value == open; }))
            continue;
          auto changed = answers;
          changed[id] = open;
          const auto after = ids(selfcheck::evaluate(*pack, changed, kDay));
          for (const auto& kept : before) {
            INFO("round " << round << ": " << id << " " << value << " -> " << open);
            CHECK(after.count(kept) == 1);
          }
        }
      }
    }
  }
}

TEST_CASE(
    "every threshold splits its ladder: one euro below is at most, one above is more, for each household",
    "[selfcheck][thresholds]") {
  // Generated from the parameters: a new amount needs no new test. In every municipality.
  int personas = 0, shared = 0;
  for (const auto& pack : every_municipality())
    for (const std::string age : {"yes", "no"})
      for (const std::string partner : {"no", "yes"}) {
        selfcheck::Answers household{{"aow_age", age}, {"partner", partner}, {"rent", "no"}};
        if (age == "no" && partner == "yes") household["partner_aow"] = "no";  // asked: known too
        for (const auto& threshold : pack.thresholds) {
          const auto amounts = selfcheck::threshold_amounts(pack, threshold.id, household, kDay);
          if (amounts.empty()) continue;  // none for this household (huurtoeslag's end for a couple)
          REQUIRE(amounts.size() == 1);   // the household is known: one amount
          const content::Test at_most{threshold.measure, {}, false, threshold.id};
          for (const double delta : {-1.0, 1.0}) {
            content::Persona persona{
                "drempel", kDay, household, {{threshold.measure, amounts.front() + delta}}, {}, {}};
            const auto answers = selfcheck::with_not_asked(pack, selfcheck::persona_answers(pack, persona));
            INFO(pack.location.municipality << ": " << threshold.id << " " << amounts.front()
                                            << (delta < 0 ? " - 1" : " + 1") << ", aow_age=" << age
                                            << ", partner=" << partner);
            ++personas;
            // Where a municipality's own percentage makes a sixth band, the closest two
            // thresholds share one: there the answer is open ("misschien"), never wrong.
            const auto truth = selfcheck::holds(pack, at_most, answers, kDay);
            if (truth == selfcheck::Truth::Open && pack.location.municipality != "voorbeeldstad") {
              ++shared;
              continue;
            }
            CHECK(truth == (delta < 0 ? selfcheck::Truth::Yes : selfcheck::Truth::No));
          }
        }
      }
  CHECK(personas + static_cast<int>(shipped_pack().personas.size()) >= 40);
  CHECK(shared < personas / 10);
}

TEST_CASE("every shipped persona gets exactly its expected suggestions", "[selfcheck][personas]") {
  const auto problems = selfcheck::check_personas(shipped_pack());
  for (const auto& p : problems) UNSCOPED_INFO(p.format());
  for (const auto& p : problems) CHECK(p.severity != content::Severity::Error);
  CHECK(shipped_pack().personas.size() >= 20);
}

TEST_CASE("a ladder offers three to five bands for every household", "[selfcheck][bands]") {
  for (const auto& pack : every_municipality())
    for (const auto& question : pack.questions) {
      if (question.measure.empty()) continue;
      for (const std::string age : {"yes", "no", "unknown"})
        for (const std::string partner : {"no", "yes", "skip"}) {
          const auto bands = selfcheck::bands(pack, question, {{"aow_age", age}, {"partner", partner}}, kDay);
          INFO(pack.location.municipality << ": " << question.id << ", aow_age=" << age
                                          << ", partner=" << partner);
          CHECK(bands.size() >= 2);
          CHECK(bands.size() <= 5);
        }
    }
}

TEST_CASE("no answer set ends the check without a suggestion: at least the warm next step", "[selfcheck]") {
  std::mt19937 random(20261202);
  std::vector<const content::ContentPack*> packs{&test_support::fixture_pack()};
  for (const auto& pack : every_municipality()) packs.push_back(&pack);
  for (const auto* pack : packs)
    for (int round = 0; round < 1000; ++round) {
      auto answers = random_visit(*pack, random, kDay);
      // Some visitors stop before the end: the result screen is reached all the same.
      for (auto it = answers.begin(); it != answers.end();)
        it = random() % 5 == 0 ? answers.erase(it) : std::next(it);
      INFO("round " << round);
      CHECK_FALSE(selfcheck::evaluate(*pack, answers, kDay).empty());
    }
}

namespace {

// A test as the rules file writes it: "income<=norm", "rent=yes", "partner!=yes".
std::string written(const content::Test& test) {
  if (!test.threshold.empty()) return test.question + (test.negate ? ">" : "<=") + test.threshold;
  std::string values;
  for (const auto& value : test.values) values += (values.empty() ? "" : "|") + value;
  return test.question + (test.negate ? "!=" : "=") + values;
}

// The `quoted` parts of the line in `section` that starts with `label`.
std::multiset<std::string> quoted_on(const std::string& section, const std::string& label) {
  std::multiset<std::string> out;
  const auto at = section.find("\n" + label);
  if (at == std::string::npos) return out;
  const std::string line = section.substr(at + 1, section.find('\n', at + 1) - at - 1);
  for (auto open = line.find('`'); open != std::string::npos; open = line.find('`', open)) {
    const auto close = line.find('`', open + 1);
    if (close == std::string::npos) break;
    out.insert(line.substr(open + 1, close - open - 1));
    open = close + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("docs/RULES.md names every suggestion with exactly the conditions of the rules file",
          "[selfcheck][rules-doc]") {
  std::ifstream in(std::string(WEGWIJZER_SOURCE_DIR) + "/docs/RULES.md");
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto& pack = shipped_pack();
  // The national rules and the shipped municipality's own under "### ID"; every
  // municipality's own again under "#### MUNICIPALITY: ID".
  std::vector<std::pair<std::string, const content::Rule*>> sections;
  for (const auto* rule : pack.visitor_rules()) sections.push_back({"\n### " + rule->id + "\n", rule});
  for (const auto& municipality : pack.municipalities)
    for (const auto& rule : municipality.rules)
      sections.push_back({"\n#### " + municipality.id + ": " + rule.id + "\n", &rule});
  for (const auto& [heading, rule_of_pack] : sections) {
    const auto& rule = *rule_of_pack;
    INFO("section " << heading);
    const auto start = doc.find(heading);
    REQUIRE(start != std::string::npos);
    const auto end = doc.find("\n#", start + 1);
    const std::string section = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    for (const auto& [label, conditions] :
         {std::pair{"- When:", &rule.when}, std::pair{"- Likely if:", &rule.likely_if}}) {
      std::multiset<std::string> expected;
      for (const auto& condition : *conditions)
        for (const auto& test : condition.any) expected.insert(written(test));
      CHECK(quoted_on(section, label) == expected);
    }
  }
  // And nothing in the sheet that the rules do not have.
  for (auto at = doc.find("\n### "); at != std::string::npos; at = doc.find("\n### ", at + 1)) {
    const std::string id = doc.substr(at + 5, doc.find('\n', at + 5) - at - 5);
    INFO("section " << id);
    CHECK(pack.find_rule(id));
  }
}

TEST_CASE(
    "amounts never silently expire: warned 45 days before, after it every suggestion on them is misschien",
    "[selfcheck][expiry]") {
  const auto& pack = shipped_pack();
  // The first amount of the shipped pack runs out on 31 December 2026.
  const auto soon = selfcheck::first_expiry(pack, "2026-11-16");
  REQUIRE(soon);
  CHECK(soon->valid_until == "2026-12-31");
  CHECK(soon->days_left == 45);
  CHECK(selfcheck::first_expiry(pack, "2026-12-31")->days_left == 0);
  CHECK(selfcheck::first_expiry(pack, "2027-01-01")->days_left == -1);
  CHECK(content::days_between("2026-12-31", "2027-03-01") == 60);
  // The same visitor on the last day and on the first day after it, on the virtual clock.
  content::Persona visitor{"huurder",
                           "2026-12-31",
                           {{"aow_age", "yes"},
                            {"partner", "no"},
                            {"rent", "yes"},
                            {"abroad", "no"},
                            {"huurtoeslag_now", "no"},
                            {"zorgtoeslag_now", "yes"}},
                           {{"income", 1500}, {"savings", 2000}},
                           {},
                           {}};
  for (const auto& [day, certainty] :
       {std::pair{"2026-12-31", Certainty::Likely}, std::pair{"2027-01-01", Certainty::Maybe}}) {
    visitor.date = day;
    const auto got = selfcheck::evaluate(pack, selfcheck::persona_answers(pack, visitor), day);
    INFO(day);
    REQUIRE_FALSE(got.empty());
    const auto huurtoeslag =
        std::find_if(got.begin(), got.end(), [](const auto& s) { return s.rule->id == "huurtoeslag"; });
    REQUIRE(huurtoeslag != got.end());
    CHECK(huurtoeslag->certainty == certainty);
    // Nothing that compares with an amount is "waarschijnlijk" once the amounts ran out.
    for (const auto& s : got)
      if (certainty == Certainty::Maybe && s.rule->id != "vrijwilliger")
        CHECK(s.certainty == Certainty::Maybe);
  }
}

TEST_CASE("a person as facts becomes the taps a visitor would make", "[selfcheck][facts]") {
  const auto& pack = shipped_pack();
  const selfcheck::Facts widow = {{"age", 78.0},
                                  {"partner", std::string("none")},
                                  {"lives_with", std::vector<std::string>{"child"}},
                                  {"housing", std::string("rent")},
                                  {"years_abroad", 0.0},
                                  {"income", 1450.0},
                                  {"savings", 2000.0},
                                  {"receives", std::vector<std::string>{"zorgtoeslag"}},
                                  {"needs", std::vector<std::string>{"big_cost"}}};
  const auto made = selfcheck::persona_from_facts(widow, kDay);
  REQUIRE(made.error.empty());
  const auto answers = selfcheck::persona_answers(pack, made.persona);
  CHECK(answers.at("aow_age") == "yes");
  CHECK(answers.at("partner") == "no");  // her son is no partner
  CHECK(answers.at("rent") == "yes");
  CHECK(answers.at("zorgtoeslag_now") == "yes");
  CHECK(answers.at("huurtoeslag_now") == "no");
  CHECK(answers.at("big_cost") == "yes");
  CHECK(answers.at("bills") == "no");
  CHECK(answers.at("income_alone") == "0.00-1486.46");  // the norm without its holiday pay
  std::map<std::string, Certainty> got;
  for (const auto& s : selfcheck::evaluate(pack, answers, kDay)) got[s.rule->id] = s.certainty;
  CHECK(got == std::map<std::string, Certainty>{{"huurtoeslag", Certainty::Likely},
                                                {"kwijtschelding", Certainty::Likely},
                                                {"gemeentepolis", Certainty::Likely},
                                                {"stadspas", Certainty::Likely},
                                                {"bijzondere_bijstand", Certainty::Likely}});
  // "Waarom?" names the ladder she answered, not the measure.
  for (const auto& s : selfcheck::evaluate(pack, answers, kDay))
    for (const auto& [question, value] : s.used) CHECK(pack.find_question(question));
  // An open fact is an open answer; a list may be open as a whole.
  const auto open =
      selfcheck::persona_from_facts({{"age", std::string("skip")}, {"needs", std::string("unknown")}}, kDay);
  REQUIRE(open.error.empty());
  CHECK(open.persona.answers.at("aow_age") == "skip");
  CHECK(open.persona.answers.at("letters") == "skip");
  // What is not understood is named.
  CHECK(selfcheck::persona_from_facts({{"bogus", 1.0}}, kDay).error == "unknown fact 'bogus'");
  CHECK(selfcheck::persona_from_facts({{"housing", std::string("tent")}}, kDay).error.find("\"tent\"") !=
        std::string::npos);
  CHECK(selfcheck::persona_from_facts({{"receives", std::vector<std::string>{"huurtoesla"}}}, kDay)
            .error.find("huurtoesla") != std::string::npos);
}

TEST_CASE("the municipality chooses its percentages, its desks and its own schemes",
          "[selfcheck][municipality]") {
  const auto& shipped = shipped_pack();
  REQUIRE(shipped.municipality());
  CHECK(shipped.municipality()->id == "voorbeeldstad");
  CHECK(shipped.municipalities.size() >= 4);
  const selfcheck::Answers alone{{"aow_age", "yes"}, {"partner", "no"}};
  const double norm = selfcheck::threshold_amounts(shipped, "norm", alone, kDay).at(0);
  auto limit = [&](const std::string& where, const std::string& threshold) {
    const auto amounts =
        selfcheck::threshold_amounts(content::in_municipality(shipped, where), threshold, alone, kDay);
    return amounts.empty() ? -1.0 : amounts.front();
  };
  // Each gemeentepolis at its own percentage of the same national norm.
  CHECK(limit("voorbeeldstad", "gemeentepolis_grens") == Approx(norm * 1.30));
  CHECK(limit("den-haag", "gemeentepolis_grens") == Approx(norm * 1.50));
  CHECK(limit("rotterdam", "minimaregeling_grens") == Approx(norm * 1.10));
  CHECK(limit("utrecht", "minimaregeling_grens") == Approx(norm * 1.25));
  // A national default a municipality did not set: kwijtschelding at 100 %.
  CHECK(limit("amsterdam", "kwijtschelding_norm") == Approx(norm));
  CHECK(limit("utrecht", "gemeentepolis_grens") == -1.0);  // Utrecht sets none: it has no gemeentepolis

  // Utrecht has no gemeentepolis: never suggested, not even as a related one.
  const auto utrecht = content::in_municipality(shipped, "utrecht");
  CHECK_FALSE(utrecht.find_rule("gemeentepolis"));
  for (const auto* rule : utrecht.visitor_rules()) CHECK(rule->id != "gemeentepolis");
  // The desk on the slip is the municipality's own.
  CHECK(utrecht.find_contact("gemeente")->phone == "14 030");
  CHECK(content::in_municipality(shipped, "rotterdam").find_contact("belastingen")->phone == "14 010");
  CHECK(shipped.find_contact("gemeente")->name.find("Voorbeeldstad") != std::string::npos);
  // Its own version of a national suggestion takes that one's place, in the same order.
  const auto rotterdam = content::in_municipality(shipped, "rotterdam");
  const auto rules = rotterdam.visitor_rules();
  const auto national_at = std::find_if(shipped.rules.begin(), shipped.rules.end(),
                                        [](const auto& r) { return r.id == "kwijtschelding"; }) -
                           shipped.rules.begin();
  CHECK(rules.at(static_cast<std::size_t>(national_at))->origin.file.find("rotterdam.toml") !=
        std::string::npos);
  // Its own scheme, with its own name, comes after the national ones.
  CHECK(rotterdam.pick(rotterdam.find_rule("stadspas")->title, "nl").find("Rotterdampas") !=
        std::string::npos);
  CHECK(rules.back()->id == "stadspas");
  // A person from elsewhere is checked as there: the same income, other results.
  const selfcheck::Facts facts = {{"age", 70.0},
                                  {"partner", std::string("none")},
                                  {"housing", std::string("rent")},
                                  {"years_abroad", 0.0},
                                  {"income", 2200.0},
                                  {"savings", 2000.0},
                                  {"receives", std::vector<std::string>{"zorgtoeslag"}},
                                  {"needs", std::vector<std::string>{}},
                                  {"municipality", std::string("Den Haag")}};
  const auto made = selfcheck::persona_from_facts(facts, kDay);
  REQUIRE(made.error.empty());
  CHECK(made.persona.municipality == "Den Haag");
  const auto* there = shipped.municipality_called(made.persona.municipality);
  REQUIRE(there);
  CHECK(there->id == "den-haag");
  for (const auto& [where, expected] : {std::pair{"den-haag", true}, std::pair{"voorbeeldstad", false}}) {
    const auto pack = content::in_municipality(shipped, where);
    const auto got = ids(selfcheck::evaluate(pack, selfcheck::persona_answers(pack, made.persona), kDay));
    INFO(where);
    CHECK(got.count("gemeentepolis") == (expected ? 1u : 0u));
  }
}

namespace {

// What the shipped pack (in its own municipality) suggests to a person given as facts.
std::map<std::string, Certainty> for_facts(const selfcheck::Facts& facts) {
  const auto& pack = shipped_pack();
  const auto made = selfcheck::persona_from_facts(facts, kDay);
  REQUIRE(made.error.empty());
  std::map<std::string, Certainty> out;
  for (const auto& s : selfcheck::evaluate(pack, selfcheck::persona_answers(pack, made.persona), kDay))
    out[s.rule->id] = s.certainty;
  return out;
}

}  // namespace

TEST_CASE("the younger partner of an AOW household: asked the partner's age, AOW-age norm and AIO",
          "[selfcheck][truth]") {
  const auto& pack = shipped_pack();
  // The audit's case: 65, partner 70, renting, € 1.600 a month together.
  const selfcheck::Facts younger = {{"age", 65.0},
                                    {"partner", std::string("partner")},
                                    {"partner_age", 70.0},
                                    {"housing", std::string("rent")},
                                    {"income", 1600.0},
                                    {"savings", 2000.0},
                                    {"receives", std::vector<std::string>{"zorgtoeslag"}},
                                    {"needs", std::vector<std::string>{}}};
  const auto made = selfcheck::persona_from_facts(younger, kDay);
  REQUIRE(made.error.empty());
  const auto answers = selfcheck::persona_answers(pack, made.persona);
  CHECK(answers.at("aow_age") == "no");
  CHECK(answers.at("partner_aow") == "yes");
  // The question is asked of her, and of nobody at AOW age or without a partner.
  const auto* question = pack.find_question("partner_aow");
  REQUIRE(question);
  CHECK(selfcheck::should_ask(pack, *question, {{"aow_age", "no"}, {"partner", "yes"}}));
  CHECK_FALSE(selfcheck::should_ask(pack, *question, {{"aow_age", "yes"}, {"partner", "yes"}}));
  CHECK_FALSE(selfcheck::should_ask(pack, *question, {{"aow_age", "no"}, {"partner", "no"}}));
  for (const char* lang : {"nl", "en", "ar", "tr", "uk"}) CHECK(question->text.count(lang) == 1);
  // Measured as the couple at AOW age it is.
  const selfcheck::Answers aow_couple{{"aow_age", "yes"}, {"partner", "yes"}, {"partner_young", "no"}};
  const selfcheck::Answers with_older{{"aow_age", "no"}, {"partner", "yes"}, {"partner_aow", "yes"}};
  const selfcheck::Answers both_young{{"aow_age", "no"}, {"partner", "yes"}, {"partner_aow", "no"}};
  const double norm = selfcheck::threshold_amounts(pack, "norm", aow_couple, kDay).at(0);
  CHECK(selfcheck::threshold_amounts(pack, "norm", with_older, kDay) == std::vector<double>{norm});
  CHECK(selfcheck::threshold_amounts(pack, "norm", both_young, kDay).at(0) < norm);
  const auto got = for_facts(younger);
  CHECK(got.count("aio") == 1);
  CHECK(got.count("kwijtschelding") == 1);
  CHECK(got.count("jonger") == 0);  // no "under 67" card for an AOW household
  // Both under AOW age: still the kind pointer, no AIO.
  auto both = younger;
  both["partner_age"] = 60.0;
  const auto young = for_facts(both);
  CHECK(young.count("aio") == 0);
  CHECK(young.count("jonger") == 1);
  // The partner's age not known: AIO stays possible, never certain.
  auto open = younger;
  open["partner_age"] = std::string("unknown");
  CHECK(for_facts(open).at("aio") == Certainty::Maybe);
}

TEST_CASE("the monthly amount on the account is compared with the norm without holiday pay",
          "[selfcheck][truth]") {
  const auto& pack = shipped_pack();
  // The norm (€ 1.564,69 alone in 2026) includes 5 % holiday pay; the ladder asks what comes
  // onto the account each month, and a full AOW alone is € 1.558,15 without holiday pay.
  const selfcheck::Answers alone{{"aow_age", "yes"}, {"partner", "no"}};
  const double with_holiday_pay = selfcheck::parameter_on(pack, "norm_aow_alleen", kDay)->value;
  CHECK(selfcheck::threshold_amounts(pack, "norm", alone, kDay).at(0) == Approx(with_holiday_pay * 0.95));
  auto single = [](double income, double years_abroad) {
    return selfcheck::Facts{{"age", 70.0},
                            {"partner", std::string("none")},
                            {"housing", std::string("rent")},
                            {"years_abroad", years_abroad},
                            {"income", income},
                            {"savings", 2000.0},
                            {"receives", std::vector<std::string>{"zorgtoeslag", "huurtoeslag"}},
                            {"needs", std::vector<std::string>{}}};
  };
  // Full AOW, though some time abroad (insured there, or before 15): no AIO, but "ask the SVB".
  const auto full = for_facts(single(1558.15, 1));
  CHECK(full.count("aio") == 0);
  CHECK(full.count("svb_aow") == 1);
  // Full AOW, never abroad: no AIO.
  CHECK(for_facts(single(1558.0, 0)).count("aio") == 0);
  // One year abroad: 98 % of the AOW, € 1.527, still above € 1.486,46: no AIO, ask the SVB.
  const auto one_year = for_facts(single(1527.0, 1));
  CHECK(one_year.count("aio") == 0);
  CHECK(one_year.count("svb_aow") == 1);
  // Five years abroad: 90 %, about € 1.402: below the norm, AIO.
  CHECK(for_facts(single(1402.0, 5)).at("aio") == Certainty::Likely);
  // The pages say the same: the AIO limit they state is the norm without holiday pay, and
  // below the full AOW they state.
  auto euros_after = [&](const std::string& page, const std::string& before) {
    const auto* found = pack.find_page(page);
    REQUIRE(found);
    const std::string& body = pack.pick(found->body, "nl");
    const auto at = body.find(before);
    REQUIRE(at != std::string::npos);
    std::string digits;
    for (auto i = at + before.size(); i < body.size() && (std::isdigit(static_cast<unsigned char>(body[i])) || body[i] == '.'); ++i)
      if (body[i] != '.') digits += body[i];
    REQUIRE_FALSE(digits.empty());
    return std::stod(digits);
  };
  const double aio_limit = euros_after("aio", "tot ongeveer € ");
  const double full_aow = euros_after("aow", "Volle AOW in 2026: ongeveer € ");
  CHECK(aio_limit == Approx(with_holiday_pay * 0.95).margin(5));
  CHECK(aio_limit < full_aow);
}

TEST_CASE("home equity counts in full for kwijtschelding: a large one gets none, a small one misschien",
          "[selfcheck][truth]") {
  auto owner = [](double equity) {
    return selfcheck::Facts{{"age", 72.0},
                            {"partner", std::string("none")},
                            {"housing", std::string("own")},
                            {"years_abroad", 0.0},
                            {"income", 1300.0},
                            {"savings", 1000.0},
                            {"home_equity", equity},
                            {"receives", std::vector<std::string>{"zorgtoeslag"}},
                            {"needs", std::vector<std::string>{}}};
  };
  // The audit's case: more than € 67.500 equity was still "Misschien ... niet te betalen".
  CHECK(for_facts(owner(100000)).count("kwijtschelding") == 0);
  // More than the bank balance kwijtschelding allows (€ 3.340 alone) is already too much.
  CHECK(for_facts(owner(20000)).count("kwijtschelding") == 0);
  // Little or no equity (a large mortgage): possible, never more than "misschien".
  CHECK(for_facts(owner(1000)).at("kwijtschelding") == Certainty::Maybe);
  // Equity not known: still "misschien"; a renter is not asked and stays "waarschijnlijk".
  auto open = owner(0);
  open["home_equity"] = std::string("unknown");
  CHECK(for_facts(open).at("kwijtschelding") == Certainty::Maybe);
  auto renter = owner(0);
  renter["housing"] = std::string("rent");
  renter.erase("home_equity");
  CHECK(for_facts(renter).at("kwijtschelding") == Certainty::Likely);
}

TEST_CASE("huurtoeslag ends for a couple too, and its reason does not call every income low",
          "[selfcheck][truth]") {
  const auto& pack = shipped_pack();
  auto couple = [](double income) {
    return selfcheck::Facts{{"age", 70.0},
                            {"partner", std::string("partner")},
                            {"partner_age", 69.0},
                            {"housing", std::string("rent")},
                            {"years_abroad", 0.0},
                            {"income", income},
                            {"savings", 20000.0},
                            {"receives", std::vector<std::string>{}},
                            {"needs", std::vector<std::string>{}}};
  };
  // The audit's case: a renting couple with € 8.000 net a month was offered huurtoeslag.
  CHECK(for_facts(couple(8000)).count("huurtoeslag") == 0);
  // The couple's end lies above the single person's: € 3.500 alone is past it, together not.
  const selfcheck::Answers together{{"aow_age", "yes"}, {"partner", "yes"}, {"partner_young", "no"}};
  const selfcheck::Answers alone{{"aow_age", "yes"}, {"partner", "no"}};
  REQUIRE(selfcheck::threshold_amounts(pack, "huurtoeslag_grens", together, kDay).size() == 1);
  CHECK(selfcheck::threshold_amounts(pack, "huurtoeslag_grens", together, kDay).at(0) >
        selfcheck::threshold_amounts(pack, "huurtoeslag_grens", alone, kDay).at(0));
  CHECK(for_facts(couple(3500)).at("huurtoeslag") == Certainty::Maybe);
  CHECK(for_facts(couple(2000)).at("huurtoeslag") == Certainty::Likely);
  // Shown above 130 % of the norm, so its reason may not say the income is low.
  const auto* rule = pack.find_rule("huurtoeslag");
  REQUIRE(rule);
  CHECK(pack.pick(rule->reason, "nl").find("laag") == std::string::npos);
}

// Utrecht stopped its gemeentepolis: its page is no longer linked or opened there, so no page
// sends a senior to ask for it; elsewhere, and other pages, stay.
TEST_CASE("a page that only tells of a suggestion the municipality does not have is not offered there",
          "[selfcheck][municipality]") {
  const auto utrecht = content::in_municipality(shipped_pack(), "utrecht");
  REQUIRE(utrecht.find_page("gemeentepolis"));
  CHECK_FALSE(utrecht.page_offered("gemeentepolis"));
  for (const char* page : {"zorgtoeslag", "aio", "kwijtschelding", "geldzorgen"})
    CHECK(utrecht.page_offered(page));
  CHECK(shipped_pack().page_offered("gemeentepolis"));
  CHECK(content::in_municipality(shipped_pack(), "amsterdam").page_offered("gemeentepolis"));
  app::KioskApp kiosk(std::make_shared<const content::ContentPack>(utrecht));
  kiosk.apply({app::Action::OpenPage, "gemeentepolis"}, 1000);
  CHECK(kiosk.visible_screen().kind == app::ScreenKind::Home);
  kiosk.apply({app::Action::OpenPage, "zorgtoeslag"}, 2000);
  CHECK(kiosk.visible_screen().kind == app::ScreenKind::Page);
}
