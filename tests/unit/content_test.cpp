// The content pack: reading, validation with file:line, B1 checks, round trip.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "content/b1.hpp"
#include "content/markdown.hpp"
#include "content/pack_reader.hpp"
#include "content/pack_writer.hpp"
#include "content/startup.hpp"
#include "content/toml_text.hpp"
#include "content/validate.hpp"
#include "selfcheck/selfcheck.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;

namespace {

// A writable copy of the test pack, to break on purpose.
struct PackCopy {
  std::string dir;
  explicit PackCopy(const std::string& name) : dir(test_support::temp_dir("pack-" + name)) {
    fs::copy(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content", dir, fs::copy_options::recursive);
  }
  std::string path(const std::string& file) const { return dir + "/" + file; }
  std::string read(const std::string& file) const {
    std::ifstream in(path(file), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(path(file), std::ios::binary | std::ios::trunc) << text;
  }
  void replace(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = read(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write(file, text);
  }
  // Line number (1-based) of the first line containing `needle`.
  int line_of(const std::string& file, const std::string& needle) const {
    std::istringstream lines(read(file));
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n)
      if (line.find(needle) != std::string::npos) return n;
    return 0;
  }
};

const std::set<std::string> kKnownPictograms = {"euro",   "home",    "handyman", "volunteer_activism",
                                                "groups", "mail",    "info",     "medical_services",
                                                "person", "elderly", "flight"};

content::Diagnostics check(const std::string& dir, const std::string& today = "2026-11-25") {
  auto read = content::read_pack(dir);
  content::Diagnostics all = read.diagnostics;
  if (read.pack) {
    content::ValidateOptions options{
        today, [](const std::string& name) { return kKnownPictograms.count(name) > 0; }};
    auto checked = content::validate(*read.pack, options);
    all.insert(all.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  }
  return all;
}

// The first diagnostic whose message contains `text` (a copy: `all` is often a temporary).
std::optional<content::Diagnostic> find(const content::Diagnostics& all, const std::string& text) {
  for (const auto& d : all)
    if (d.message.find(text) != std::string::npos) return d;
  return std::nullopt;
}

std::string listing(const content::Diagnostics& all) {
  std::string out;
  for (const auto& d : all) out += d.format() + "\n";
  return out;
}

std::string listing(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("the test pack reads and validates without errors", "[content]") {
  const auto all = check(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
  INFO(listing(all));
  CHECK_FALSE(content::has_errors(all));
}

TEST_CASE(
    "check-content warns about a place that can be neither called nor visited, and a related "
    "suggestion asked elsewhere",
    "[content][steps]") {
  PackCopy pack("steps");
  const auto all = check(pack.dir);
  INFO(listing(all));
  // The SVB has only a website: its suggestions can only send the visitor to the desk here.
  const auto svb =
      find(all, "suggestion 'aio': contact 'svb' has no phone number or address with opening hours");
  REQUIRE(svb);
  CHECK(svb->severity == content::Severity::Warning);
  CHECK(svb->file == pack.path("selfcheck/rules.toml"));
  CHECK(find(all, "suggestion 'svb_aow': contact 'svb'"));
  CHECK_FALSE(
      find(all, "suggestion 'huurtoeslag': contact"));  // the Dienst Toeslagen can be called, in its hours
  // "Vraag daar ook naar" on AIO's "Waarom?" names the SVB; huurtoeslag is asked elsewhere.
  const auto related = find(all, "related 'huurtoeslag' is asked at 'toeslagen', not at 'svb'");
  REQUIRE(related);
  CHECK(related->severity == content::Severity::Warning);
  // A phone number alone is not enough: without its hours a slip could send the visitor to a
  // closed line without saying when it opens. With them, it is.
  pack.replace("contacts.toml", "web = \"svb.nl\"", "web = \"svb.nl\"\nphone = \"030 000 0000\"");
  CHECK(find(check(pack.dir), "contact 'svb' has no phone number"));
  pack.replace("contacts.toml", "phone = \"030 000 0000\"",
               "phone = \"030 000 0000\"\nhours = \"Mo-Fr 08:00-17:00\"");
  CHECK_FALSE(find(check(pack.dir), "contact 'svb' has no phone number"));
}

TEST_CASE("a TOML syntax error names its file and line", "[content][errors]") {
  PackCopy pack("syntax");
  pack.replace("pages/huis.toml", "[title]", "[title");
  const auto all = check(pack.dir);
  REQUIRE(content::has_errors(all));
  CHECK(all.front().file == pack.path("pages/huis.toml"));
  CHECK(all.front().line == pack.line_of("pages/huis.toml", "[title"));
  CHECK_FALSE(content::read_pack(pack.dir).pack);  // a broken pack is never used
}

TEST_CASE("an amount written another language's way is a warning at its line", "[content][numbers]") {
  PackCopy pack("amounts");
  pack.replace("pages/over.toml", "We keep nothing of what you do here.",
               "It costs about \u20AC 22.\nThe limit is \u20AC 1.500 a month.");
  pack.replace("pages/over.toml", "Wij bewaren niets van wat u hier doet.", "De grens is \u20AC 1.500.");
  const auto all = check(pack.dir);
  const auto d = find(all, "is not how");
  REQUIRE(d);
  CHECK(d->message == "body.en: \"\u20AC 1.500\" is not how en writes an amount; write \"\u20AC1,500\"");
  CHECK(d->line == pack.line_of("pages/over.toml", "The limit is"));
  CHECK(d->severity == content::Severity::Warning);
  int count = 0;
  for (const auto& one : all) count += one.message.find("is not how") != std::string::npos;
  CHECK(count == 1);  // "€ 22" is fine in English, "€ 1.500" in Dutch
}

// Issue 23, item 3: toml++ follows dotted keys by recursion; 40,000 levels (80 KB) overflowed
// the stack and ended check-content, import-pack and the kiosk starting with such a pack.
TEST_CASE("a pack file nested 40,000 levels deep is refused with file:line, not a crash",
          "[content][errors][toml-depth]") {
  PackCopy pack("deep");
  std::string deep = "# deep\n";
  for (int i = 0; i < 40000; ++i) deep += "a.";
  deep += "a = 1\n";
  REQUIRE(deep.size() > 80000);
  pack.write("strings.toml", deep);
  const auto all = check(pack.dir);
  const auto d = find(all, "nest deeper than 32 levels");
  REQUIRE(d);
  CHECK(d->file == pack.path("strings.toml"));
  CHECK(d->line == 2);
  CHECK_FALSE(content::read_pack(pack.dir).pack);
}

TEST_CASE("nesting is counted over tables, arrays and dotted keys, and keys have a length limit",
          "[content][toml-depth]") {
  auto nest = [](int levels, const std::string& open, const std::string& close) {
    std::string text = "x = ";
    for (int i = 0; i < levels; ++i) text += open;
    text += "1";
    for (int i = 0; i < levels; ++i) text += close;
    return text + "\n";
  };
  CHECK_FALSE(content::toml_shape_problem(nest(content::kTomlMaxDepth, "[", "]")));
  CHECK(content::toml_shape_problem(nest(content::kTomlMaxDepth + 1, "[", "]")));
  CHECK_FALSE(content::toml_shape_problem(nest(content::kTomlMaxDepth, "{a=", "}")));
  CHECK(content::toml_shape_problem(nest(content::kTomlMaxDepth + 1, "{a=", "}")));
  std::string dotted = "[t]\n";
  for (int i = 0; i < content::kTomlMaxDepth; ++i) dotted += "k.";
  CHECK_FALSE(content::toml_shape_problem(dotted + "k = 1.5\n"));  // 32 dots
  CHECK(content::toml_shape_problem(dotted + "k.k = 1\n"));
  const std::string long_key(content::kTomlMaxKeyBytes + 1, 'k');
  const auto problem = content::toml_shape_problem("a = 1\n\n\"" + long_key + "\" = 2\n");
  REQUIRE(problem);
  CHECK(problem->line == 3);
  CHECK(problem->message.find("longer than 256 bytes") != std::string::npos);
  CHECK(content::toml_shape_problem("[" + long_key + "]\n"));
  // Dots, brackets and '=' inside strings and comments are text, and long values are fine.
  const std::string many_dots(4000, '.');
  CHECK_FALSE(content::toml_shape_problem(
      "a = \"" + many_dots + "[{=\"\n# " + std::string(4000, '[') + "\nb = '''\n" + std::string(4000, '{') +
      "'''\nc = \"\"\"x\"\"\"\"\n" + "d = [\"" + long_key + "\"]\ne = '" + many_dots + "'\n"));
}

TEST_CASE("every TOML file the kiosk ships is within the nesting and key limits", "[content][toml-depth]") {
  int files = 0;
  const std::string tests = WEGWIJZER_TESTS_DIR;
  for (const std::string& dir : {tests + "/../content", tests + "/fixtures/content", tests + "/../deploy"}) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".toml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const auto problem = content::toml_shape_problem(text.str());
      INFO(entry.path().string() + ":" +
           (problem ? std::to_string(problem->line) + ": " + problem->message : ""));
      CHECK_FALSE(problem);
      ++files;
    }
  }
  CHECK(files > 20);
}

TEST_CASE("a missing required field is an error in its file", "[content][errors]") {
  PackCopy pack("missing-field");
  std::string text = pack.read("pages/over.toml");
  text = text.substr(0, text.find("[body]"));
  pack.write("pages/over.toml", text);
  const auto d = find(check(pack.dir), "'body' is missing");
  REQUIRE(d);
  CHECK(d->file == pack.path("pages/over.toml"));
  CHECK(d->severity == content::Severity::Error);
}

TEST_CASE("'appointment' is true or false, and a place seen by appointment has a number to make one",
          "[content][errors][appointment]") {
  {
    PackCopy pack("appointment-word");
    pack.replace("contacts.toml", "web = \"toeslagen.nl\"", "web = \"toeslagen.nl\"\nappointment = \"ja\"");
    const auto d = find(check(pack.dir), "'appointment' must be true or false");
    REQUIRE(d);
    CHECK(d->file == pack.path("contacts.toml"));
    CHECK(d->line == pack.line_of("contacts.toml", "appointment"));
    CHECK(d->severity == content::Severity::Error);
  }
  {
    PackCopy pack("appointment-no-phone");
    pack.replace("contacts.toml", "web = \"svb.nl\"", "web = \"svb.nl\"\nappointment = true");
    const auto d = find(check(pack.dir), "contact 'svb': appointment = true without a phone number");
    REQUIRE(d);
    CHECK(d->file == pack.path("contacts.toml"));
    CHECK(d->severity == content::Severity::Error);
  }
  {
    // Read, written and read again: the flag survives an edit on the kiosk.
    PackCopy pack("appointment-kept");
    pack.replace("contacts.toml", "web = \"toeslagen.nl\"", "web = \"toeslagen.nl\"\nappointment = true");
    const auto all = check(pack.dir);
    INFO(listing(all));
    CHECK_FALSE(find(all, "appointment"));
    const auto read = content::read_pack(pack.dir);
    REQUIRE(read.pack);
    CHECK(read.pack->find_contact("toeslagen")->appointment);
    CHECK_FALSE(read.pack->find_contact("ido")->appointment);
    const std::string again = test_support::temp_dir("appointment-again");
    REQUIRE(content::write_pack(*read.pack, again).empty());
    const auto reread = content::read_pack(again);
    REQUIRE(reread.pack);
    CHECK(reread.pack->find_contact("toeslagen")->appointment);
  }
}

TEST_CASE("references to pages that do not exist are errors", "[content][errors]") {
  PackCopy pack("references");
  pack.replace("home.toml", "\"over\"", "\"bestaat-niet\"");
  pack.replace("pages/geldzorgen.toml", "\"zorgtoeslag\"", "\"zorgtoeslagen\"");
  const auto all = check(pack.dir);
  const auto topic = find(all, "topic 'bestaat-niet' is not a page");
  REQUIRE(topic);
  CHECK(topic->file == pack.path("home.toml"));
  const auto link = find(all, "link to 'zorgtoeslagen'");
  REQUIRE(link);
  CHECK(link->file == pack.path("pages/geldzorgen.toml"));
}

TEST_CASE("an unknown pictogram is an error, not a blank", "[content][errors]") {
  PackCopy pack("pictogram");
  pack.replace("pages/huis.toml", "\"handyman\"", "\"hamer\"");
  const auto d = find(check(pack.dir), "unknown pictogram 'hamer'");
  REQUIRE(d);
  CHECK(d->file == pack.path("pages/huis.toml"));
}

TEST_CASE("a missing translation warns: a missing Dutch text is an error", "[content][errors]") {
  PackCopy pack("translation");
  std::string text = pack.read("pages/meedoen.toml");
  const auto en_title = text.find("en = \"Joining in");
  text.erase(en_title, text.find('\n', en_title) - en_title + 1);
  pack.write("pages/meedoen.toml", text);
  auto all = check(pack.dir);
  const auto warning = find(all, "title has no translation in en");
  REQUIRE(warning);
  CHECK(warning->severity == content::Severity::Warning);
  CHECK_FALSE(content::has_errors(all));

  pack.replace("pages/meedoen.toml", "nl = \"Meedoen en mensen ontmoeten\"\n", "");
  const auto error = find(check(pack.dir), "title has no text in nl");
  REQUIRE(error);
  CHECK(error->severity == content::Severity::Error);
}

TEST_CASE("amounts past their date warn, impossible periods are errors", "[content][errors]") {
  PackCopy pack("parameters");
  pack.write("selfcheck/parameters.toml",
             "[[parameter]]\nid = \"aow_alleen\"\nvalue = 1580.0\nvalid_from = \"2026-01-01\"\n"
             "valid_until = \"2026-06-30\"\nsource = \"SVB\"\n\n"
             "[[parameter]]\nid = \"huur_grens\"\nvalue = 932.93\nvalid_from = \"2026-07-01\"\n"
             "valid_until = \"2026-01-01\"\nsource = \"Belastingdienst\"\n\n"
             "[[parameter]]\nid = \"bad_date\"\nvalue = 3\nvalid_from = \"1 januari\"\n"
             "valid_until = \"2027-01-01\"\nsource = \"x\"\n");
  const auto all = check(pack.dir, "2026-11-25");
  const auto old = find(all, "'aow_alleen' was valid until 2026-06-30");
  REQUIRE(old);
  CHECK(old->severity == content::Severity::Warning);
  CHECK(old->line == 1);
  const auto backwards = find(all, "'huur_grens' ends before it starts");
  REQUIRE(backwards);
  CHECK(backwards->line == 8);
  CHECK(find(all, "valid_from = \"1 januari\" is not a date"));
  // Not yet past its date on another day.
  CHECK_FALSE(find(check(pack.dir, "2026-03-01"), "'aow_alleen' was valid until"));
  // An amount that is not a number is a reading error: the pack is not used.
  pack.replace("selfcheck/parameters.toml", "value = 3", "value = \"veel\"");
  CHECK(find(check(pack.dir), "'value' must be a number"));
}

TEST_CASE("duplicate ids are errors at the second one", "[content][errors]") {
  PackCopy pack("duplicates");
  std::string text = pack.read("selfcheck/questions.toml");
  text += "\n[[question]]\nid = \"rent\"\ntext = { nl = \"Huurt u?\" }\nanswers = [\"yes\", \"no\"]\n";
  pack.write("selfcheck/questions.toml", text);
  const auto d = find(check(pack.dir), "question id 'rent' is used twice");
  REQUIRE(d);
  CHECK(d->line > pack.line_of("selfcheck/questions.toml", "id = \"rent\""));
}

TEST_CASE("invalid UTF-8, truncated files and huge files give errors, never a crash", "[content][errors]") {
  PackCopy pack("broken-bytes");
  pack.write("pages/huis.toml", "pictogram = \"handyman\"\n[title]\nnl = \"Hulp \xff\xfe in huis\"\n");
  auto all = check(pack.dir);
  REQUIRE(content::has_errors(all));
  CHECK(all.front().file == pack.path("pages/huis.toml"));
  CHECK(all.front().line == 3);

  const std::string full = pack.read("pages/over.toml");
  pack.write("pages/over.toml", full.substr(0, full.size() / 2));
  CHECK(content::has_errors(check(pack.dir)));

  pack.write("pages/huis.toml", "[title]\nnl = \"" + std::string(10 * 1024 * 1024, 'a') + "\"\n");
  const auto huge = find(check(pack.dir), "larger than 4 MiB");
  REQUIRE(huge);
  CHECK(huge->file == pack.path("pages/huis.toml"));

  CHECK(content::has_errors(check(test_support::temp_dir("not-a-pack"))));
}

TEST_CASE("B1: long sentences, avoided words and passive voice are found in page bodies", "[content][b1]") {
  PackCopy pack("b1");
  pack.replace("pages/huis.toml", "Lukt het schoonmaken of de boodschappen niet meer goed?",
               "Lukt het schoonmaken of de boodschappen niet meer goed, omdat u het zwaar vindt en er "
               "niemand is die u daarbij helpt of even langs kan komen?");
  pack.replace("pages/over.toml", "Dit is een informatiepunt van de bibliotheek.",
               "Dit informatiepunt is er voor armoede.\n\nUw vraag wordt door ons behandeld.");
  const auto all = check(pack.dir);
  const auto sentence = find(all, "sentence of 27 words");
  REQUIRE(sentence);
  CHECK(sentence->severity == content::Severity::Error);
  CHECK(sentence->file == pack.path("pages/huis.toml"));
  CHECK(sentence->line == pack.line_of("pages/huis.toml", "Lukt het schoonmaken"));
  const auto avoid = find(all, "avoid \"armoede\": say \"geldzorgen\"");
  REQUIRE(avoid);
  CHECK(avoid->line == pack.line_of("pages/over.toml", "armoede"));
  CHECK(find(all, "passive voice?"));
}

TEST_CASE("B1 counts Dutch syllables and scores readability", "[content][b1]") {
  CHECK(content::dutch_syllables("huis") == 1);
  CHECK(content::dutch_syllables("vragen") == 2);
  CHECK(content::dutch_syllables("inkomensondersteuning") == 7);
  CHECK(content::dutch_syllables("reünie") == 3);
  CHECK(content::dutch_syllables("0800") == 1);
  const auto easy = content::check_b1("Vragen staat vrij. U bent welkom.", {});
  CHECK(easy.stats.sentences == 2);
  CHECK(easy.stats.words == 6);
  CHECK(easy.findings.empty());
  CHECK(easy.stats.flesch_douma() > 80);
  const auto hard = content::check_b1(
      "De inkomensondersteuning wordt na beoordeling van de aanvraag door de gemeentelijke "
      "uitvoeringsorganisatie toegekend.",
      {});
  CHECK(hard.stats.flesch_douma() < easy.stats.flesch_douma() - 40);
  CHECK_FALSE(hard.findings.empty());
  const auto phrase = content::check_b1("Dan u moet dit doen.", {{"u moet", "u kunt"}});
  REQUIRE(phrase.findings.size() == 1);
  CHECK(phrase.findings[0].message.find("u kunt") != std::string::npos);
}

TEST_CASE("the Markdown subset gives paragraphs, bullets and bold, and names the rest",
          "[content][markdown]") {
  const auto result = content::parse_markdown(
      "Neem mee:\n\n- uw **paspoort**\n- een brief\n  van de bank\n\nZie [de site](https://x.nl).\n\n# "
      "Kop\n");
  REQUIRE(result.blocks.size() == 5);
  CHECK(result.blocks[0].text == "Neem mee:");
  CHECK(result.blocks[1].kind == content::Block::Kind::Bullet);
  CHECK(result.blocks[1].text == "uw **paspoort**");
  CHECK(result.blocks[2].text == "een brief van de bank");
  CHECK(result.blocks[2].line == 4);
  CHECK(result.blocks[3].kind == content::Block::Kind::Paragraph);
  REQUIRE(result.unsupported.size() == 2);
  CHECK(result.unsupported[0].second.find("link") != std::string::npos);
  CHECK(result.unsupported[1].second.find("heading") != std::string::npos);
}

TEST_CASE("reading, writing and reading again gives identical content", "[content][roundtrip]") {
  const auto first = content::read_pack(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
  REQUIRE(first.pack);
  const std::string a = test_support::temp_dir("roundtrip-a"), b = test_support::temp_dir("roundtrip-b");
  REQUIRE(content::write_pack(*first.pack, a).empty());
  const auto second = content::read_pack(a);
  INFO(listing(second.diagnostics));
  REQUIRE(second.pack);
  REQUIRE(content::write_pack(*second.pack, b).empty());
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(a)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const auto other = fs::path(b) / fs::relative(entry.path(), a);
    std::ifstream x(entry.path()), y(other);
    std::stringstream tx, ty;
    tx << x.rdbuf();
    ty << y.rdbuf();
    INFO(entry.path());
    CHECK(tx.str() == ty.str());
  }
  CHECK(files >= 12);
  CHECK(second.pack->pages.size() == first.pack->pages.size());
  CHECK(second.pack->strings == first.pack->strings);
}

TEST_CASE("two packs written at the same time each keep their own order of languages",
          "[content][roundtrip]") {
  const content::ContentPack& dutch_first = test_support::fixture_pack();
  REQUIRE(dutch_first.languages.size() >= 2);
  content::ContentPack arabic_first = dutch_first;
  std::reverse(arabic_first.languages.begin(), arabic_first.languages.end());
  const auto expected_dutch = content::pack_files(dutch_first);
  const auto expected_arabic = content::pack_files(arabic_first);
  REQUIRE(expected_dutch.at("strings.toml") != expected_arabic.at("strings.toml"));

  // Two editors' drafts written side by side: each must come out as when written alone.
  std::atomic<int> wrong{0};
  auto write = [&wrong](const content::ContentPack& pack, const content::PackFiles& expected) {
    for (int i = 0; i < 200; ++i)
      if (content::pack_files(pack) != expected) ++wrong;
  };
  std::thread other(write, std::cref(arabic_first), std::cref(expected_arabic));
  write(dutch_first, expected_dutch);
  other.join();
  CHECK(wrong == 0);
}

TEST_CASE("writing the shipped pack keeps the whole self-check: conditions, bands, rules, personas",
          "[content][roundtrip]") {
  const auto shipped = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(shipped.pack);
  const std::string dir = test_support::temp_dir("roundtrip-shipped");
  REQUIRE(content::write_pack(*shipped.pack, dir).empty());
  const auto again = content::read_pack(dir);
  INFO(listing(again.diagnostics));
  REQUIRE(again.pack);
  const auto& a = *shipped.pack;
  const auto& b = *again.pack;
  REQUIRE(b.questions.size() == a.questions.size());
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    INFO(a.questions[i].id);
    CHECK(b.questions[i].measure == a.questions[i].measure);
    REQUIRE(b.questions[i].ask_if.size() == a.questions[i].ask_if.size());
    for (std::size_t j = 0; j < a.questions[i].ask_if.size(); ++j)
      CHECK(b.questions[i].ask_if[j].written == a.questions[i].ask_if[j].written);
  }
  REQUIRE(b.rules.size() == a.rules.size());
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    INFO(a.rules[i].id);
    CHECK(b.rules[i].id == a.rules[i].id);
    CHECK(b.rules[i].title == a.rules[i].title);
    CHECK(b.rules[i].reason == a.rules[i].reason);
    CHECK(b.rules[i].bring == a.rules[i].bring);
    CHECK(b.rules[i].contact == a.rules[i].contact);
    CHECK(b.rules[i].page == a.rules[i].page);
    CHECK(b.rules[i].related == a.rules[i].related);
    CHECK(b.rules[i].fallback == a.rules[i].fallback);
    REQUIRE(b.rules[i].when.size() == a.rules[i].when.size());
    for (std::size_t j = 0; j < a.rules[i].when.size(); ++j)
      CHECK(b.rules[i].when[j].written == a.rules[i].when[j].written);
    REQUIRE(b.rules[i].likely_if.size() == a.rules[i].likely_if.size());
    for (std::size_t j = 0; j < a.rules[i].likely_if.size(); ++j)
      CHECK(b.rules[i].likely_if[j].written == a.rules[i].likely_if[j].written);
  }
  REQUIRE(b.thresholds.size() == a.thresholds.size());
  for (std::size_t i = 0; i < a.thresholds.size(); ++i) {
    INFO(a.thresholds[i].id);
    CHECK(b.thresholds[i].id == a.thresholds[i].id);
    CHECK(b.thresholds[i].measure == a.thresholds[i].measure);
    CHECK(b.thresholds[i].of == a.thresholds[i].of);
    CHECK(b.thresholds[i].percent == a.thresholds[i].percent);
    CHECK(b.thresholds[i].percent_parameter == a.thresholds[i].percent_parameter);
    REQUIRE(b.thresholds[i].amounts.size() == a.thresholds[i].amounts.size());
    for (std::size_t j = 0; j < a.thresholds[i].amounts.size(); ++j) {
      CHECK(b.thresholds[i].amounts[j].parameter == a.thresholds[i].amounts[j].parameter);
      REQUIRE(b.thresholds[i].amounts[j].when.size() == a.thresholds[i].amounts[j].when.size());
      for (std::size_t k = 0; k < a.thresholds[i].amounts[j].when.size(); ++k)
        CHECK(b.thresholds[i].amounts[j].when[k].written == a.thresholds[i].amounts[j].when[k].written);
    }
  }
  REQUIRE(b.personas.size() == a.personas.size());
  for (std::size_t i = 0; i < a.personas.size(); ++i) {
    CHECK(b.personas[i].answers == a.personas[i].answers);
    CHECK(b.personas[i].amounts == a.personas[i].amounts);
    CHECK(b.personas[i].expect == a.personas[i].expect);
    CHECK(b.personas[i].municipality == a.personas[i].municipality);
  }
  // The local part: which municipality, and each one's own figures, desks and schemes.
  CHECK(b.location.municipality == a.location.municipality);
  REQUIRE(b.municipalities.size() == a.municipalities.size());
  for (std::size_t i = 0; i < a.municipalities.size(); ++i) {
    const auto &x = a.municipalities[i], &y = b.municipalities[i];
    INFO(x.id);
    CHECK(y.id == x.id);
    CHECK(y.name == x.name);
    CHECK(y.checked == x.checked);
    CHECK(y.sources == x.sources);
    CHECK(y.not_offered == x.not_offered);
    REQUIRE(y.parameters.size() == x.parameters.size());
    for (std::size_t j = 0; j < x.parameters.size(); ++j) {
      CHECK(y.parameters[j].id == x.parameters[j].id);
      CHECK(y.parameters[j].value == x.parameters[j].value);
      CHECK(y.parameters[j].source == x.parameters[j].source);
      CHECK(y.parameters[j].indicative == x.parameters[j].indicative);
    }
    REQUIRE(y.contacts.size() == x.contacts.size());
    for (std::size_t j = 0; j < x.contacts.size(); ++j) {
      CHECK(y.contacts[j].phone == x.contacts[j].phone);
      CHECK(y.contacts[j].hours == x.contacts[j].hours);
    }
    REQUIRE(y.rules.size() == x.rules.size());
    for (std::size_t j = 0; j < x.rules.size(); ++j) {
      CHECK(y.rules[j].title == x.rules[j].title);
      CHECK(y.rules[j].when.size() == x.rules[j].when.size());
    }
  }
  CHECK(selfcheck::check_personas(b).empty());
}

TEST_CASE("a municipality that is missing, or misses what its suggestions need, is named with file:line",
          "[content][municipality]") {
  const std::string shipped = std::string(WEGWIJZER_SOURCE_DIR) + "/content";
  auto check = [](const content::PackFiles& files) {
    auto read = content::read_pack(files, "pack");
    auto problems = read.diagnostics;
    if (read.pack) {
      const auto more = content::validate(*read.pack, {}).diagnostics;
      problems.insert(problems.end(), more.begin(), more.end());
    }
    std::vector<std::string> errors;
    for (const auto& p : problems)
      if (p.severity == content::Severity::Error) errors.push_back(p.format());
    return errors;
  };
  const auto original = content::read_files(shipped);
  REQUIRE(check(original).empty());
  auto swap = [](std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  auto contains = [](const std::vector<std::string>& errors, const std::string& part) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const auto& e) { return e.find(part) != std::string::npos; });
  };
  {  // location.toml names a municipality without a file
    auto files = original;
    auto& location = files["location.toml"];
    swap(location, "\"voorbeeldstad\"", "\"nergensdorp\"");
    const auto errors = check(files);
    INFO(listing(errors));
    CHECK(contains(errors,
                   "pack/location.toml:5: error: municipality 'nergensdorp' needs a file "
                   "municipalities/nergensdorp.toml"));
  }
  {  // Den Haag without its gemeentepolis percentage: named, though another municipality is chosen
    auto files = original;
    auto& haag = files["municipalities/den-haag.toml"];
    swap(haag, "id = \"gemeentepolis_procent\"", "id = \"gemeentepolis_percent\"");
    const auto errors = check(files);
    INFO(listing(errors));
    CHECK(contains(errors, "no parameter 'gemeentepolis_procent' holds its percent (in Gemeente Den Haag)"));
  }
  {  // Without the desk its suggestions send people to
    auto files = original;
    auto& utrecht = files["municipalities/utrecht.toml"];
    swap(utrecht, "id = \"upas\"", "id = \"u-pas\"");
    const auto errors = check(files);
    INFO(listing(errors));
    CHECK(contains(errors, "utrecht.toml:"));
    CHECK(contains(errors, "no contact 'upas' in contacts.toml (in Gemeente Utrecht)"));
  }
  {  // not_offered names something that does not exist
    auto files = original;
    auto& utrecht = files["municipalities/utrecht.toml"];
    swap(utrecht, "[\"gemeentepolis\"]", "[\"gemeentepolise\"]");
    const auto errors = check(files);
    INFO(listing(errors));
    CHECK(contains(errors, "not_offered names 'gemeentepolise'"));
  }
}

TEST_CASE("a 3 MB word or an endless paragraph is refused before the kiosk lays it out", "[content][limits]") {
  auto pack = test_support::fixture_pack();
  REQUIRE_FALSE(pack.pages.empty());
  auto errors_of = [](const content::ContentPack& p) {
    std::vector<content::Diagnostic> out;
    for (const auto& d : content::validate(p, {}).diagnostics)
      if (d.severity == content::Severity::Error) out.push_back(d);
    return out;
  };
  CHECK(errors_of(pack).empty());
  auto word = pack;
  word.pages.front().body["nl"] += "\n\n" + std::string(3 * 1024 * 1024, 'a');
  const auto refused = errors_of(word);
  REQUIRE_FALSE(refused.empty());
  CHECK(refused.front().said.code == "content.long_word");
  CHECK(content::in_words(word, refused.front(), "nl") == "Een woord is te lang (3145728 tekens). Zet er spaties in.");
  auto paragraph = pack;
  std::string many;
  for (int i = 0; i < 600; ++i) many += "Dit is kort. ";
  paragraph.pages.front().body["en"] = many;
  const auto too_long = errors_of(paragraph);
  REQUIRE_FALSE(too_long.empty());
  CHECK(too_long.front().said.code == "content.long_paragraph");
}

TEST_CASE("randomly damaged packs give diagnostics, never a crash or a hang", "[content][fuzz]") {
  const auto original = content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
  std::mt19937 random(1125);
  const std::string inserts[] = {"[",  "]",    "\"",   "\"\"\"", "=",  "\n", "{",     "}", ",",
                                 "[[", "\xff", "\xc3", "#",      "\\", "\0", "nl = ", "-", "**"};
  for (int round = 0; round < 300; ++round) {
    auto files = original;
    const int damages = 1 + static_cast<int>(random() % 4);
    for (int d = 0; d < damages; ++d) {
      auto it = files.begin();
      std::advance(it, static_cast<long>(random() % files.size()));
      std::string& text = it->second;
      const std::size_t at = text.empty() ? 0 : random() % text.size();
      switch (random() % 4) {
        case 0: text.insert(at, inserts[random() % std::size(inserts)]); break;
        case 1: text.erase(at, random() % 20); break;
        case 2: text = text.substr(0, at); break;  // truncated
        default:
          if (!text.empty()) text[at] = static_cast<char>(random() % 256);
          break;
      }
    }
    const auto read = content::read_pack(files, "damaged");
    if (read.pack) {
      const auto checked = content::validate(*read.pack, {"2026-11-25", {}});
      for (const auto& d : checked.diagnostics) CHECK(d.line >= 0);
    } else {
      CHECK(content::has_errors(read.diagnostics));
    }
  }
}

TEST_CASE("a list inside 'when' is an either-or: a broken one names its line", "[content][errors]") {
  PackCopy pack("any-of");
  pack.replace("selfcheck/rules.toml", "when = [\"aow_age=yes\", \"aow_full=no\", \"income<=inkomen_110\"]",
               "when = [\"aow_age=yes\", [\"aow_full=no\", \"rent=yes\"], \"income<=inkomen_110\"]");
  auto read = content::read_pack(pack.dir);
  REQUIRE(read.pack);
  CHECK(read.diagnostics.empty());
  const auto& when = read.pack->find_rule("aio")->when;
  REQUIRE(when.size() == 3);
  CHECK(when[1].any.size() == 2);
  CHECK(when[1].written == "aow_full=no or rent=yes");

  pack.replace("selfcheck/rules.toml", "[\"aow_full=no\", \"rent=yes\"]", "[\"aow_full=no\", \"huur\"]");
  const auto broken = find(check(pack.dir), "'huur' is not a condition");
  REQUIRE(broken);
  CHECK(broken->file == pack.path("selfcheck/rules.toml"));
  CHECK(broken->line == pack.line_of("selfcheck/rules.toml", "\"huur\""));

  pack.replace("selfcheck/rules.toml", "[\"aow_full=no\", \"huur\"]", "[\"aow_full=no\", \"partner=yes\"]");
  CHECK(find(check(pack.dir), "names no question 'partner'"));
}

TEST_CASE("questions asked together: ticked yes/no/skip, no amount, one run", "[content][errors][together]") {
  PackCopy pack("together");
  const std::string needs =
      "\n[[question]]\nid = \"letters\"\ntogether = \"needs\"\ntext = { nl = \"Brieven vind ik moeilijk.\" "
      "}\n"
      "answers = [\"yes\", \"no\", \"skip\"]\n"
      "\n[[question]]\nid = \"meet\"\ntogether = \"needs\"\ntext = { nl = \"Ik wil vaker mensen zien.\" }\n"
      "answers = [\"yes\", \"no\", \"skip\"]\n";
  pack.write("selfcheck/questions.toml", pack.read("selfcheck/questions.toml") + needs);
  auto read = content::read_pack(pack.dir);
  REQUIRE(read.pack);
  CHECK(read.pack->find_question("meet")->together == "needs");
  CHECK_FALSE(find(check(pack.dir), "together"));

  pack.replace("selfcheck/questions.toml",
               "answers = [\"yes\", \"no\", \"skip\"]\n\n[[question]]\nid = \"meet\"",
               "answers = [\"yes\", \"no\"]\n\n[[question]]\nid = \"meet\"");
  CHECK(find(check(pack.dir), "question 'letters' (together = 'needs') needs the answer 'skip'"));
  pack.replace("selfcheck/questions.toml", "answers = [\"yes\", \"no\"]\n",
               "answers = [\"yes\", \"no\", \"skip\"]\n");

  // A lone question between the two breaks the group in two.
  pack.replace(
      "selfcheck/questions.toml", "\n[[question]]\nid = \"meet\"",
      "\n[[question]]\nid = \"apart\"\ntext = { nl = \"Nog een vraag?\" }\nanswers = [\"yes\", \"no\"]\n"
      "\n[[question]]\nid = \"meet\"");
  const auto split = find(check(pack.dir), "question 'meet' (together = 'needs') must follow the other");
  REQUIRE(split);
  CHECK(split->line == pack.line_of("selfcheck/questions.toml", "id = \"meet\"") - 1);
}

TEST_CASE("a pack with questions but no rules is refused: the check would end with nothing",
          "[content][rollback]") {
  auto files = content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
  REQUIRE(files.erase("selfcheck/rules.toml") == 1);
  content::Diagnostics problems;
  CHECK_FALSE(content::usable_pack(files, "pack", {"2026-12-02", {}}, problems));
  REQUIRE(content::has_errors(problems));
  const auto error = std::find_if(problems.begin(), problems.end(),
                                  [](const auto& d) { return d.severity == content::Severity::Error; });
  CHECK(error->format().find("selfcheck/rules.toml:1:") != std::string::npos);
  CHECK(error->format().find("fallback") != std::string::npos);
}

TEST_CASE("check-content warns 45 days before an amount runs out, and names it", "[content][expiry]") {
  const auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(read.pack);
  auto warnings_on = [&](const std::string& day) {
    std::vector<std::string> out;
    for (const auto& d : content::validate(*read.pack, {day, {}}).diagnostics)
      if (d.message.find("is valid until") != std::string::npos) out.push_back(d.format());
    return out;
  };
  CHECK(warnings_on("2026-11-15").empty());  // 46 days left
  const auto soon = warnings_on("2026-11-16");
  REQUIRE_FALSE(soon.empty());
  CHECK(soon.front().find("parameters.toml:") != std::string::npos);
  CHECK(soon.front().find("(45 days)") != std::string::npos);
}
