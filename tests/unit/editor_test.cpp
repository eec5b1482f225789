// The on-device editor's logic: fields, what a change does to the files, and the checks a save runs.
#include "editor/editor.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "content/store.hpp"
#include "editor/roll_back.hpp"
#include "editor/spelling.hpp"
#include "hours/opening_hours.hpp"
#include "selfcheck/selfcheck.hpp"
#include "support/fixtures.hpp"

TEST_CASE("contact hours change in one file: nothing else moves", "[editor]") {
  auto pack = test_support::fixture_pack();
  const auto before = editor::files_of(pack);
  REQUIRE_FALSE(before.empty());
  const auto ref = editor::parse_field("contact:" + pack.contacts.front().id + ":hours");
  REQUIRE(ref);
  CHECK(ref->key() == "contact:" + pack.contacts.front().id + ":hours");
  // Hours the kiosk cannot read are refused with the reason; readable ones are kept as written.
  CHECK(editor::set_field(pack, *ref, "Maandag, 9.00 tot 12.00 uur.") == "staff.edit.hours_unreadable");
  CHECK(editor::set_field(pack, *ref, "Mo 09:00-12:00; PH off").empty());
  CHECK(editor::field_text(pack, *ref) == "Mo 09:00-12:00; PH off");
  const auto changed = editor::changed_files(before, editor::files_of(pack));
  REQUIRE(changed.size() == 1);
  CHECK(changed.begin()->first == "contacts.toml");
  CHECK(changed.begin()->second.find("hours = \"Mo 09:00-12:00; PH off\"") != std::string::npos);
}

TEST_CASE("opening hours are chosen a day at a time, and the other days, holidays and dates stay",
          "[editor][hours]") {
  auto pack = test_support::fixture_pack();
  const std::string id = pack.contacts.front().id;
  pack.contacts.front().hours = "Tu,Th 10:00-12:00; PH off; Dec 24 10:00-13:00";
  const auto form = editor::item_form(pack, "contact", id);
  std::vector<std::string> fields;
  for (const auto& row : form) fields.push_back(row.fields.front().field);
  CHECK(std::find(fields.begin(), fields.end(), "hours") == fields.end());  // never typed
  CHECK(std::find(fields.begin(), fields.end(), "hours.0") != fields.end());
  CHECK(std::find(fields.begin(), fields.end(), "hours.ph") != fields.end());

  const auto monday = *editor::parse_field("contact:" + id + ":hours.0");
  const auto tuesday = *editor::parse_field("contact:" + id + ":hours.1");
  const auto holidays = *editor::parse_field("contact:" + id + ":hours.ph");
  CHECK(editor::field_text(pack, monday) == "off");
  CHECK(editor::field_text(pack, tuesday) == "10:00-12:00");
  CHECK(editor::field_text(pack, holidays) == "off");
  const auto options = editor::field_options(pack, monday);
  REQUIRE(options.size() > 20);
  CHECK(options.front().value == "off");
  CHECK(options.front().label == "dicht");
  CHECK(std::any_of(options.begin(), options.end(), [](const editor::Option& o) {
    return o.value == "10:00-16:00" && o.label == "10.00 tot 16.00 uur";
  }));
  // Only a choice is taken.
  CHECK(editor::set_field(pack, monday, "10:00-11:11") == "staff.edit.choose");
  CHECK(editor::set_field(pack, monday, "10:00-12:00").empty());
  CHECK(pack.contacts.front().hours == "Mo,Tu,Th 10:00-12:00; PH off; Dec 24 10:00-13:00");
  CHECK(editor::set_field(pack, *editor::parse_field("contact:" + id + ":hours.2"), "10:00-12:00").empty());
  CHECK(pack.contacts.front().hours == "Mo-Th 10:00-12:00; PH off; Dec 24 10:00-13:00");
  CHECK(editor::set_field(pack, tuesday, "off").empty());
  CHECK(editor::set_field(pack, holidays, "-").empty());
  CHECK(pack.contacts.front().hours == "Mo,We,Th 10:00-12:00; Dec 24 10:00-13:00");
  // The hours it makes are read back as chosen, on every day of a year.
  const auto made = hours::parse(pack.contacts.front().hours).schedule;
  REQUIRE(made);
  CHECK(hours::spans_on(*made, {2026, 12, 8}).empty());  // a Tuesday
  CHECK(hours::spans_on(*made, {2026, 12, 24}) == std::vector<hours::Span>{{600, 780}});
}

TEST_CASE("hours written back from the parsed form mean the same on every day, for every shipped place",
          "[editor][hours]") {
  auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(read.pack);
  std::vector<std::string> texts = {read.pack->location.info_point_hours, "Sa-Mo 08:00-24:00; PH 12:00-14:00",
                                    "10:00-11:00", "off", "Mo-Fr 09:00-12:00,13:00-17:00; We off; Dec 25,26 off"};
  for (const auto& contact : read.pack->contacts) texts.push_back(contact.hours);
  for (const auto& municipality : read.pack->municipalities)
    for (const auto& contact : municipality.contacts) texts.push_back(contact.hours);
  for (const auto& text : texts) {
    if (text.empty()) continue;
    const auto original = hours::parse(text).schedule;
    REQUIRE(original);
    const std::string written = hours::to_text(*original);
    INFO(text << " → " << written);
    const auto again = hours::parse(written).schedule;
    REQUIRE(again);
    for (hours::Date day{2026, 1, 1}; day.year < 2028; day = hours::add_days(day, 1))
      CHECK(hours::spans_on(*again, day) == hours::spans_on(*original, day));
  }
}

TEST_CASE("an editor chooses the municipality and changes what it decides, in its own file",
          "[editor][municipality]") {
  auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(read.pack);
  auto pack = std::move(*read.pack);
  const auto before = editor::files_of(pack);
  // The section lists the choice, then the chosen municipality's own items.
  const auto list = editor::items(pack, "municipality");
  REQUIRE(list.size() >= 4);
  CHECK(list.front().kind == "location");
  CHECK(list.front().label == "Gemeente Voorbeeldstad");
  CHECK(
      std::any_of(list.begin(), list.end(), [](const auto& i) { return i.id == "voorbeeldstad/stadspas"; }));
  // Choosing: only a municipality the pack has.
  const editor::FieldRef where{"location", "municipality", "municipality", ""};
  CHECK(editor::field_options(pack, where).size() == pack.municipalities.size());
  CHECK(editor::set_field(pack, where, "nergensdorp") == "staff.edit.choose");
  CHECK(editor::set_field(pack, where, "den-haag").empty());
  CHECK(pack.municipality()->name == "Gemeente Den Haag");
  CHECK(editor::file_of("location", "municipality") == "location.toml");
  // Its percentage: the form and the file are Den Haag's own.
  const auto key = std::string("den-haag/gemeentepolis_procent@2026-01-01");
  CHECK_FALSE(editor::item_form(pack, "parameter", key).empty());
  const editor::FieldRef percent{"parameter", key, "value", ""};
  CHECK(editor::field_text(pack, percent) == "150");
  CHECK(editor::set_field(pack, percent, "140").empty());
  CHECK(editor::file_of("parameter", key) == "municipalities/den-haag.toml");
  CHECK(editor::describe_file(pack, "municipalities/den-haag.toml") == "Gemeente Den Haag");
  // Its desk's phone number.
  const editor::FieldRef phone{"contact", "den-haag/gemeente", "phone", ""};
  CHECK(editor::set_field(pack, phone, "14 070").empty());
  const auto changed = editor::changed_files(before, editor::files_of(pack));
  CHECK(changed.size() == 2);
  CHECK(changed.count("location.toml"));
  REQUIRE(changed.count("municipalities/den-haag.toml"));
  CHECK(changed.at("municipalities/den-haag.toml").find("value = 140") != std::string::npos);
  CHECK(changed.at("municipalities/den-haag.toml").find("\"14 070\"") != std::string::npos);
  // Visitors in Den Haag now get its desk and its percentage.
  CHECK(pack.find_contact("gemeente")->phone == "14 070");
  const selfcheck::Answers alone{{"aow_age", "yes"}, {"partner", "no"}};
  CHECK(selfcheck::threshold_amounts(pack, "gemeentepolis_grens", alone, "2026-06-01").at(0) ==
        Approx(selfcheck::threshold_amounts(pack, "norm", alone, "2026-06-01").at(0) * 1.40));
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
  CHECK(editor::set_field(pack, value, "veel") == "staff.edit.amount");
  CHECK(pack.parameters.front().value == Approx(1800));  // a refused value changes nothing
  const editor::FieldRef from{"parameter", editor::parameter_key(parameter), "valid_from", ""};
  CHECK(editor::set_field(pack, from, "1 januari") == "staff.edit.date");
  CHECK_FALSE(editor::parse_field("quiz:aio:body"));
}

TEST_CASE("a save that breaks a persona is named: a broken pack is blocked", "[editor]") {
  auto pack = test_support::fixture_pack();
  CHECK(editor::check_save(pack, {"2026-11-25", {}}).personas.empty());
  CHECK_FALSE(editor::check_save(pack, {"2026-11-25", {}}).blocked());
  // The income limits: far lower, and the personas near the boundary change.
  for (auto& parameter : pack.parameters)
    if (parameter.id.find("inkomen") != std::string::npos) parameter.value = 10;
  const auto check = editor::check_save(pack, {"2026-11-25", {}});
  CHECK_FALSE(check.personas.empty());
  CHECK(check.personas.front().rfind("Voorbeeld '", 0) == 0);
  CHECK(check.personas.front().find("niet meer.") != std::string::npos);
}

TEST_CASE("B1 hints while typing, in Dutch", "[editor][b1]") {
  auto pack = test_support::fixture_pack();
  pack.avoid = {{"armoede", "geldzorgen"}};
  const auto hints = editor::b1_hints(
      pack,
      "Dit is kort. Wij helpen u graag als u last heeft van armoede en als u niet weet waar u moet beginnen "
      "met alles.");
  REQUIRE(hints.lines.size() >= 2);
  CHECK(std::find(hints.lines.begin(), hints.lines.end(), "Zeg liever \"geldzorgen\" dan \"armoede\".") !=
        hints.lines.end());
  // The sentence is named by its place, from the finding's values: no English is read.
  CHECK(std::find(hints.lines.begin(), hints.lines.end(),
                  "Zin 2 heeft 21 woorden. Maak er twee zinnen van.") != hints.lines.end());
  CHECK(hints.flesch > 0);
  CHECK(editor::b1_hints(pack, "U kunt hier vragen stellen.").lines.empty());
  // Rewording the English message changes nothing the editor sees.
  const content::Diagnostic reworded{"x",
                                     1,
                                     content::Severity::Warning,
                                     "anything at all",
                                     {"b1.long_word", {{"word", "arbeidsongeschiktheidsverzekering"}}}};
  CHECK(content::in_words(pack, reworded, "nl") ==
        "Lang woord: \"arbeidsongeschiktheidsverzekering\". Kan het korter?");
}

TEST_CASE("a refused save says what is wrong, in the editor's words", "[editor][b1]") {
  auto pack = test_support::fixture_pack();
  REQUIRE_FALSE(pack.pages.empty());
  const editor::FieldRef body{"page", pack.pages.front().id, "body", "nl"};
  REQUIRE(
      editor::set_field(pack, body,
                        "Dit is kort. En dit is een hele lange zin met veel te veel woorden die niemand in "
                        "een keer goed kan lezen of begrijpen.")
          .empty());
  const auto check = editor::check_save(pack, {});
  REQUIRE(check.blocked());
  CHECK(std::find(check.reasons.begin(), check.reasons.end(),
                  "Zin 2 heeft 22 woorden. Maak er twee zinnen van.") != check.reasons.end());
}

TEST_CASE("page texts are fields too, and Dutch spelling is marked with a suggestion", "[editor][spelling]") {
  auto pack = test_support::fixture_pack();
  const auto ref = editor::parse_field("page:huis:body:nl");
  REQUIRE(ref);
  REQUIRE(editor::field_text(pack, *ref));
  CHECK(editor::set_field(pack, *ref, "U kunt hulp vragen.\n\nVragen staat vrij.").empty());
  CHECK(editor::set_field(pack, *ref, "") == "staff.edit.empty");
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

TEST_CASE("the spelling check knows the names: no Dutch text of the shipped pack is marked", "[editor][spelling]") {
  const auto read = content::read_pack(content::default_content_dir());
  REQUIRE(read.pack);
  const auto& pack = *read.pack;
  const editor::Speller speller;
  REQUIRE(speller.available());
  const auto known = editor::known_words(pack);
  for (const char* name : {"Geldfit", "DigiD", "AOW", "SVB", "Wmo"})
    CHECK((known.count(name) || speller.check(name).empty()));
  int fields = 0;
  for (const auto& section : editor::sections())
    for (const auto& item : editor::items(pack, section))
      for (const auto& row : editor::item_form(pack, item.kind, item.id))
        for (const auto& field : row.fields) {
          if (field.lang != "nl") continue;
          const auto text = editor::field_text(pack, field);
          if (!text) continue;
          ++fields;
          for (const auto& miss : speller.check(*text, known)) FAIL_CHECK(field.key() << ": " << miss.word);
        }
  CHECK(fields > 50);
}

TEST_CASE("when the Dutch text changes, its translations are out of date until saved again",
          "[editor][translations]") {
  auto pack = test_support::fixture_pack();
  const auto nl = *editor::parse_field("page:huurtoeslag:title:nl");
  const auto en = *editor::parse_field("page:huurtoeslag:title:en");
  const auto ar = *editor::parse_field("page:huurtoeslag:title:ar");
  REQUIRE(editor::out_of_date_translations(pack).empty());
  // A translation saved alone stays current.
  REQUIRE(editor::set_field(pack, en, "Money for your rent").empty());
  CHECK(editor::out_of_date_translations(pack).empty());
  // The Dutch changes: every translation made before it is out of date, the Dutch is not.
  REQUIRE(editor::set_field(pack, nl, "Hulp bij de huur").empty());
  CHECK(editor::out_of_date(pack, en));
  CHECK(editor::out_of_date(pack, ar));
  CHECK_FALSE(editor::out_of_date(pack, nl));
  CHECK(editor::out_of_date_translations(pack).size() == 2);
  // The record travels with the pack, so check-content sees it too.
  const auto again = content::read_pack(editor::files_of(pack), "test");
  REQUIRE(again.pack);
  CHECK(editor::out_of_date_translations(*again.pack).size() == 2);
  // Saving the English again (even unchanged) makes it current; the Arabic still waits.
  REQUIRE(editor::set_field(pack, en, "Money for your rent").empty());
  CHECK_FALSE(editor::out_of_date(pack, en));
  CHECK(editor::out_of_date(pack, ar));
  // Dutch put back as it was: the Arabic was made from that text, so it is current again.
  REQUIRE(editor::set_field(pack, nl, test_support::fixture_pack().find_page("huurtoeslag")->title.at("nl")).empty());
  CHECK_FALSE(editor::out_of_date(pack, ar));
}

TEST_CASE("a broken word list or translations record is refused with file:line, never a crash",
          "[editor][translations][spelling]") {
  auto files = editor::files_of(test_support::fixture_pack());
  files["language/words.toml"] = "words = \"Geldfit\"\n";
  files["language/translations.toml"] = "\"page:huis:title\" = \"abc\"\n";
  const auto read = content::read_pack(files, "test");
  CHECK_FALSE(read.pack);
  int named = 0;
  for (const auto& d : read.diagnostics)
    named += d.severity == content::Severity::Error && d.line > 0 &&
             (d.file == "test/language/words.toml" || d.file == "test/language/translations.toml");
  CHECK(named == 2);
}

TEST_CASE("Woord toevoegen: a word joins the pack's list once, and is known from then on", "[editor][spelling]") {
  auto pack = test_support::fixture_pack();
  const editor::Speller speller;
  REQUIRE(speller.available());
  REQUIRE(speller.check("Ga naar Kraxhof bij Brumvelt.", editor::known_words(pack)).size() == 2);
  CHECK(editor::learn_word(pack, "Brumvelt"));
  CHECK_FALSE(editor::learn_word(pack, "Brumvelt"));      // once
  CHECK_FALSE(editor::learn_word(pack, "twee woorden"));  // one word only
  CHECK_FALSE(editor::learn_word(pack, ""));
  const auto misses = speller.check("Ga naar Kraxhof bij Brumvelt.", editor::known_words(pack));
  REQUIRE(misses.size() == 1);
  CHECK(misses[0].word == "Kraxhof");
  // The list travels with the pack: written and read back.
  const auto files = editor::files_of(pack);
  REQUIRE(files.count("language/words.toml"));
  const auto again = content::read_pack(files, "test");
  REQUIRE(again.pack);
  CHECK(editor::known_words(*again.pack).count("Brumvelt"));
}

TEST_CASE("every section lists its items, and each item's form has its languages side by side", "[editor]") {
  const auto& pack = test_support::fixture_pack();
  for (const auto& section : editor::sections()) {
    const auto list = editor::items(pack, section);
    INFO(section);
    CHECK_FALSE(list.empty());
    for (const auto& item : list) {
      INFO(item.kind << ":" << item.id);
      CHECK_FALSE(editor::item_form(pack, item.kind, item.id).empty());
      for (const auto& row : editor::item_form(pack, item.kind, item.id))
        for (const auto& field : row.fields)
          CHECK(editor::field_text(pack, field).has_value());  // every field of a form can be read
    }
  }
  const auto page = editor::item_form(pack, "page", pack.pages.front().id);
  REQUIRE(page.size() == 2);
  REQUIRE(page[0].fields.size() == pack.languages.size());
  CHECK(page[0].fields[0].lang == "nl");  // Dutch first, then the translations
  CHECK(editor::item_form(pack, "page", "bestaat-niet").empty());
  CHECK(editor::item_form(pack, "home", "99").empty());
}

TEST_CASE("rules are edited by choosing, never by typing code", "[editor][rules]") {
  auto pack = test_support::fixture_pack();
  const auto& rule = *pack.find_rule("huurtoeslag");
  const std::size_t conditions = rule.when.size();
  const editor::FieldRef contact{"rule", "huurtoeslag", "contact", ""};
  const auto contacts = editor::field_options(pack, contact);
  REQUIRE(contacts.size() == pack.contacts.size());
  CHECK(editor::set_field(pack, contact, "bestaat-niet") == "staff.edit.choose");
  CHECK(editor::set_field(pack, contact, contacts.back().value).empty());
  CHECK(pack.find_rule("huurtoeslag")->contact == contacts.back().value);

  // A condition: the open answers are not offered; a new one is added, an old one changed or removed.
  const editor::FieldRef add{"rule", "huurtoeslag", "when.new", ""};
  const auto choices = editor::field_options(pack, add);
  REQUIRE_FALSE(choices.empty());
  for (const auto& choice : choices) {
    CHECK(choice.value.find("=unknown") == std::string::npos);
    CHECK(choice.value.find("=skip") == std::string::npos);
  }
  CHECK(editor::set_field(pack, add, "rent=yes && true") == "staff.edit.choose");
  CHECK(editor::set_field(pack, add, choices.front().value).empty());
  REQUIRE(pack.find_rule("huurtoeslag")->when.size() == conditions + 1);
  const editor::FieldRef last{"rule", "huurtoeslag", "when." + std::to_string(conditions), ""};
  CHECK(editor::field_text(pack, last) == choices.front().value);
  CHECK(editor::set_field(pack, last, "-").empty());
  CHECK(pack.find_rule("huurtoeslag")->when.size() == conditions);
  CHECK(editor::set_field(pack, {"rule", "huurtoeslag", "when.99", ""}, "-") == "staff.edit.gone");

  // What the writer makes of it reads back as the same rule.
  CHECK(editor::set_field(pack, add, choices.back().value).empty());
  std::vector<std::string> errors;
  const auto again = editor::usable(editor::files_of(pack), {"2026-11-25", {}}, errors);
  REQUIRE(again);
  CHECK(again->find_rule("huurtoeslag")->when.back().written == choices.back().value);
  CHECK(editor::set_field(pack, {"rule", "huurtoeslag", "reason", "nl"}, "").rfind("staff.edit.empty", 0) ==
        0);
}

TEST_CASE("Home topics: replaced, moved earlier, removed and added from the pages", "[editor][home]") {
  auto pack = test_support::fixture_pack();
  const auto topics = pack.home_topics;
  REQUIRE(topics.size() >= 3);
  const editor::FieldRef second{"home", "1", "page", ""};
  CHECK(editor::set_field(pack, second, "^").empty());  // earlier
  CHECK(pack.home_topics[0] == topics[1]);
  CHECK(pack.home_topics[1] == topics[0]);
  const auto first_options = editor::field_options(pack, {"home", "0", "page", ""});
  CHECK(std::none_of(first_options.begin(), first_options.end(),
                     [](const editor::Option& o) { return o.value == "^"; }));  // the first cannot go earlier
  CHECK(editor::set_field(pack, second, "-").empty());
  CHECK(pack.home_topics.size() == topics.size() - 1);
  CHECK(editor::set_field(pack, {"home", "new", "page", ""}, topics[0]).empty());
  CHECK(pack.home_topics.back() == topics[0]);
  CHECK(editor::set_field(pack, {"home", "new", "page", ""}, "bestaat-niet") == "staff.edit.choose");
  CHECK(editor::set_field(pack, {"home", "new", "page", ""}, topics[2]) ==
        "staff.edit.choose");  // on Home already
  // Home holds six topics; the seventh is not offered and cannot be set.
  REQUIRE(pack.home_topics.size() == content::kMaxHomeTopics);
  CHECK(editor::field_options(pack, {"home", "new", "page", ""}).empty());
  const auto list = editor::items(pack, "home");
  CHECK(std::none_of(list.begin(), list.end(), [](const editor::Item& item) { return item.id == "new"; }));
  const auto changed =
      editor::changed_files(editor::files_of(test_support::fixture_pack()), editor::files_of(pack));
  REQUIRE(changed.size() == 1);
  CHECK(changed.begin()->first == "home.toml");
}

TEST_CASE("questions and translations are fields: a file is described in the editor's words", "[editor]") {
  auto pack = test_support::fixture_pack();
  const auto& question = pack.questions.front();
  const editor::FieldRef en{"question", question.id, "text", "en"};
  CHECK(editor::set_field(pack, en, "Are you 67 or older?").empty());
  CHECK(editor::field_text(pack, en) == "Are you 67 or older?");
  CHECK(editor::field_text(pack, {"question", question.id, "text", "nl"}) == question.text.at("nl"));
  CHECK(editor::has_preview(en));
  CHECK_FALSE(editor::has_preview({"parameter", "x@2026-01-01", "value", ""}));
  CHECK(editor::describe_file(pack, "selfcheck/parameters.toml") == "Bedragen");
  CHECK(editor::describe_file(pack, "pages/" + pack.pages.front().id + ".toml") ==
        "Pagina: " + pack.pages.front().title.at("nl"));
}

TEST_CASE("Home holds at most six topics, each once: a pack with more is refused", "[editor][home]") {
  auto pack = test_support::fixture_pack();
  std::vector<std::string> errors;
  pack.home_topics.push_back(pack.home_topics.front());  // twice
  CHECK_FALSE(editor::usable(editor::files_of(pack), {"2026-11-25", {}}, errors));
  REQUIRE_FALSE(errors.empty());
  CHECK(errors.front().find("on Home twice") != std::string::npos);
  errors.clear();
  pack.home_topics.clear();
  for (const auto& page : pack.pages) pack.home_topics.push_back(page.id);
  REQUIRE(pack.home_topics.size() > content::kMaxHomeTopics);
  CHECK_FALSE(editor::usable(editor::files_of(pack), {"2026-11-25", {}}, errors));
  CHECK(std::any_of(errors.begin(), errors.end(), [](const std::string& e) {
    return e.find("at most 6 fit on Home") != std::string::npos;
  }));
}

TEST_CASE("the review shows the part of a text that changed, a few words either side", "[editor][rollback]") {
  const std::string start = "Dinsdag en donderdag, 10.00 tot 12.00 uur. U hoeft geen lid te zijn.";
  const auto [now, after] = editor::differing_part(start + " Ook op zaterdag.", start);
  CHECK(now == "\u2026hoeft geen lid te zijn. Ook op zaterdag.");
  CHECK(after == "\u2026hoeft geen lid te zijn.");
  // A change in the middle keeps words on both sides; a short text is shown whole.
  const auto [was, will] =
      editor::differing_part("Maandag open om 10.00 uur tot 16.00 uur, ook in de zomer.",
                             "Maandag open om 9.00 uur tot 16.00 uur, ook in de zomer.", 10);
  CHECK(was == "\u2026open om 10.00 uur\u2026");
  CHECK(will == "\u2026open om 9.00 uur\u2026");
  CHECK(editor::differing_part("Kort.", "Lang.") == std::pair<std::string, std::string>{"Kort.", "Lang."});
  // Never half a character: ö and ü share their first byte.
  const auto [o, u] = editor::differing_part("Grö", "Grü");
  CHECK(o == "Grö");
  CHECK(u == "Grü");
}
