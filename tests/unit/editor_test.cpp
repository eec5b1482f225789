// The on-device editor's logic: fields, what a change does to the files, and the checks a save runs.
#include "editor/editor.hpp"

#include <catch2/catch.hpp>

#include "content/store.hpp"
#include "editor/spelling.hpp"
#include "support/layout.hpp"

TEST_CASE("contact hours change in one file; nothing else moves", "[editor]") {
  auto pack = test_support::fixture_pack();
  const auto before = editor::files_of(pack);
  REQUIRE_FALSE(before.empty());
  const auto ref = editor::parse_field("contact:" + pack.contacts.front().id + ":hours:nl");
  REQUIRE(ref);
  CHECK(ref->key() == "contact:" + pack.contacts.front().id + ":hours:nl");
  CHECK(editor::set_field(pack, *ref, "Maandag, 9.00 tot 12.00 uur.").empty());
  CHECK(editor::field_text(pack, *ref) == "Maandag, 9.00 tot 12.00 uur.");
  const auto changed = editor::changed_files(before, editor::files_of(pack));
  REQUIRE(changed.size() == 1);
  CHECK(changed.begin()->first == "contacts.toml");
  CHECK(changed.begin()->second.find("Maandag, 9.00 tot 12.00 uur.") != std::string::npos);
}

TEST_CASE("amounts are read the Dutch way and dates must be dates", "[editor]") {
  auto pack = test_support::fixture_pack();
  REQUIRE_FALSE(pack.parameters.empty());
  const auto& parameter = pack.parameters.front();
  const editor::FieldRef value{"parameter", editor::parameter_key(parameter), "value", ""};
  CHECK(editor::set_field(pack, value, "1.712,35").empty());
  CHECK(pack.parameters.front().value == Approx(1712.35));
  CHECK(editor::field_text(pack, value) == "1712,35");
  CHECK(editor::set_field(pack, value, "\u20AC 1.800").empty());
  CHECK(pack.parameters.front().value == Approx(1800));
  CHECK(editor::set_field(pack, value, "veel") == "Typ een bedrag, zoals 1650,50.");
  CHECK(pack.parameters.front().value == Approx(1800));  // a refused value changes nothing
  const editor::FieldRef from{"parameter", editor::parameter_key(parameter), "valid_from", ""};
  CHECK(editor::set_field(pack, from, "1 januari") == "Typ een datum, zoals 2027-01-01.");
  CHECK_FALSE(editor::parse_field("quiz:aio:body"));
}

TEST_CASE("a save that breaks a persona is named; a broken pack is blocked", "[editor]") {
  auto pack = test_support::fixture_pack();
  CHECK(editor::check_save(pack, "2026-11-25").personas.empty());
  CHECK_FALSE(editor::check_save(pack, "2026-11-25").blocked());
  // The income limits: far lower, and the personas near the boundary change.
  for (auto& parameter : pack.parameters)
    if (parameter.id.find("inkomen") != std::string::npos) parameter.value = 10;
  const auto check = editor::check_save(pack, "2026-11-25");
  CHECK_FALSE(check.personas.empty());
  CHECK(check.personas.front().rfind("Voorbeeld '", 0) == 0);
  CHECK(check.personas.front().find("niet meer.") != std::string::npos);
}

TEST_CASE("B1 hints while typing, in Dutch", "[editor][b1]") {
  const std::vector<content::AvoidWord> avoid = {{"armoede", "geldzorgen"}};
  const auto hints = editor::b1_hints(
      "Wij helpen u graag als u last heeft van armoede en als u niet weet waar u moet beginnen met alles.",
      avoid);
  REQUIRE(hints.lines.size() >= 2);
  CHECK(std::find(hints.lines.begin(), hints.lines.end(), "Zeg liever \"geldzorgen\" dan \"armoede\".") !=
        hints.lines.end());
  CHECK(std::any_of(hints.lines.begin(), hints.lines.end(), [](const std::string& line) {
    return line.rfind("Deze zin heeft 21 woorden.", 0) == 0;
  }));
  CHECK(hints.flesch > 0);
  CHECK(editor::b1_hints("U kunt hier vragen stellen.", avoid).lines.empty());
}

TEST_CASE("typing and erasing whole characters", "[editor]") {
  std::string text = "caf";
  editor::type_into(text, "\u00E9");
  CHECK(text == "caf\u00E9");
  editor::erase_last(text);
  CHECK(text == "caf");
  editor::type_into(text, "\u20AC");
  editor::erase_last(text);
  CHECK(text == "caf");
  std::string empty;
  editor::erase_last(empty);
  CHECK(empty.empty());
}

TEST_CASE("page texts are fields too, and Dutch spelling is marked with a suggestion", "[editor][spelling]") {
  auto pack = test_support::fixture_pack();
  const auto ref = editor::parse_field("page:huis:body:nl");
  REQUIRE(ref);
  REQUIRE(editor::field_text(pack, *ref));
  CHECK(editor::set_field(pack, *ref, "U kunt hulp vragen.\n\nVragen staat vrij.").empty());
  CHECK(editor::set_field(pack, *ref, "") == "Een pagina heeft tekst nodig.");
  CHECK(editor::changed_files(editor::files_of(test_support::fixture_pack()), editor::files_of(pack))
            .count("pages/huis.toml"));

  const editor::Speller speller;
  REQUIRE(speller.available());  // deploy/install-deps.sh installs hunspell-nl
  const auto misses = speller.check("Op vrijdga is de AOW-balie open van 10.00 tot 12.00 uur.");
  REQUIRE(misses.size() == 1);
  CHECK(misses[0].word == "vrijdga");
  CHECK(misses[0].suggestion == "vrijdag");
  CHECK(speller.check("U kunt huurtoeslag en zorgtoeslag vragen bij www.toeslagen.nl.").empty());
  CHECK_FALSE(editor::Speller("/nowhere/xx").available());
  CHECK(editor::Speller("/nowhere/xx").check("vrijdga").empty());
}
