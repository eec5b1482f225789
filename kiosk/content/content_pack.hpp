#pragma once
// The content a kiosk shows: pages, home topics, self-check questions, contacts,
// amounts and UI strings. An immutable snapshot: the UI and the app read it,
// nobody changes it in place. Read from a content pack directory (content/README.md).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/diagnostic.hpp"

namespace content {

// Text in several languages, keyed by language code ("nl", "en", ...).
using LocalText = std::map<std::string, std::string>;

// Where something was written in the pack, for messages an editor can follow.
struct Origin {
  std::string file;
  int line = 0;
};

struct Page {
  std::string id;
  std::string pictogram;  // Material icon ligature name, e.g. "euro"
  LocalText title;
  LocalText body;                    // Markdown subset: paragraphs, **bold**, "- " bullets
  LocalText spoken;                  // what speech says instead of the body, where set
  std::vector<std::string> links;    // ids of related pages, shown as buttons
  std::vector<std::string> sources;  // where the facts come from
  std::string checked;               // date the facts were last checked, YYYY-MM-DD
  Origin origin;
  std::map<std::string, int> body_line;  // per language: the file line where its text starts
};

struct AnswerOption {
  std::string value;  // "yes", "no", "unknown", "skip", ...
  std::string pictogram;
  LocalText label;
};

// "rent=yes", "partner=yes|unknown", "age!=below": a test on one answer. On a ladder
// question: "income<=norm_100" (the amount is at most the threshold) or "income>norm_100".
struct Test {
  std::string question;
  std::vector<std::string> values;
  bool negate = false;
  std::string threshold = {};  // a Threshold id for a test on a ladder's amount; else empty
};

// Holds when any of its tests holds. Written as one test ("rent=yes") or as a
// list of tests, any one of which is enough (["aow_full=no", "partner_young=yes"]).
struct Condition {
  std::vector<Test> any;
  std::string written;  // as written in the pack, for messages
};

struct Question {
  std::string id;
  std::string pictogram;
  LocalText text;
  std::vector<AnswerOption> options;  // on a ladder: the open answers, after the bands
  Origin origin;
  std::vector<Condition> ask_if;  // asked only when none of these is answered otherwise
  // A ladder: one tap on a band of money ("€ 1.565 tot € 1.721"), for this household on this
  // date. The bands lie between the thresholds of this measure that the rules use, so every
  // rule can tell from the band alone. Nobody types an amount. "income", "savings", ...
  std::string measure;
  // Questions with the same `together` follow each other and share one screen: the
  // visitor ticks what applies (yes), the rest is no; "Zeg ik liever niet" is skip for all.
  std::string together;
};

// A suggestion the self-check can make: scheme or kind of help, with the
// conditions over answers that lead to it. Never a promise: "misschien".
struct Rule {
  std::string id;
  LocalText title;
  LocalText reason;             // one B1 sentence: "U huurt en u heeft een laag inkomen."
  LocalText topic;              // for "Ik wil graag praten over ...": "huurtoeslag" (else the title)
  std::vector<Condition> when;  // all must hold
  // When all hold it is "waarschijnlijk"; one that fails makes it "misschien", never removes
  // it (a home owner and kwijtschelding, huurtoeslag above 130 %).
  std::vector<Condition> likely_if;
  std::string contact;  // contacts.toml id
  std::string page;     // pages/ID.toml with more to read
  LocalText bring;
  // What to bring only for a visitor who lives with a partner (their papers): kept apart so
  // the slip never says "ook van uw partner" to someone who lives alone.
  LocalText bring_partner;
  std::vector<std::string> related;  // other suggestions to ask about at the same place (contact)
  bool fallback = false;             // shown when nothing else is: never a dead end
  bool money = false;                // about money worries: the slip adds the free Geldfit number
  Origin origin;
};

// An example person: answers in, the expected suggestions out. Run by check-content.
struct Persona {
  std::string name;
  std::string date;  // YYYY-MM-DD the persona is run on
  std::map<std::string, std::string> answers;
  // For ladder questions: the person's own amount (income per month, savings). The band
  // it falls in on `date` is the answer, so cases one euro either side of a threshold test it.
  std::map<std::string, double> amounts;
  std::map<std::string, std::string> expect;  // rule id → "waarschijnlijk" | "misschien"
  Origin origin;
  std::string municipality = {};  // where the persona lives, when not the kiosk's own
};

struct Contact {
  std::string id;
  std::string name;  // "Gemeente Voorbeeldstad, Wmo-loket"
  std::string address;
  // When it is open (walk-in, or for a place without an address, by phone), in the
  // OpenStreetMap opening_hours subset of hours/opening_hours.hpp: "Mo-Fr 10:00-16:00; PH off".
  std::string hours;
  int hours_line = 0;  // in its file, for messages
  LocalText note;      // more to know: "U hoeft geen lid te zijn.", "Bel eerst voor een afspraak."
  std::string phone;
  // Whether calling that number is free (0800): said on the slip. Unset: not said.
  std::optional<bool> phone_free;
  // It sees people only by appointment (`appointment = true`): "Ik ga er later zelf heen"
  // is not offered for it, since one cannot walk in; a visitor calls first.
  bool appointment = false;
  std::string web;
  LocalText bring;  // what to bring
  Origin origin;
};

// An amount or limit from the law, valid for a period, with its source.
struct Parameter {
  std::string id;
  double value = 0;
  std::string unit;         // "EUR/maand", "jaar"
  std::string valid_from;   // YYYY-MM-DD
  std::string valid_until;  // YYYY-MM-DD
  std::string source;
  bool indicative = false;  // "indicatief": not yet confirmed for this period
  Origin origin;
};

// A limit that rules compare a ladder's amount with. Either an amount that depends on the
// household (the first entry of `amounts` whose conditions hold), or `percent` of another
// threshold: "inkomen_130" is 130 % of "norm". A percentage the municipality sets is a
// parameter of its own (`percent_parameter`, "gemeentepolis_procent"), with source and dates.
struct Threshold {
  struct Choice {
    std::vector<Condition> when;  // all must hold; none: always
    std::string parameter;
  };
  std::string id;
  std::string measure;  // the ladder it cuts: "income", "savings", "home_equity"
  std::vector<Choice> amounts;
  std::string of;
  double percent = 100;
  std::string percent_parameter;  // when set, the percentage is this parameter's value
  Origin origin;
};

struct Language {
  std::string code;         // "nl"
  std::string native_name;  // "Nederlands"
  bool right_to_left = false;
};

struct Location {
  std::string name;  // "Bibliotheek Voorbeeldstad"
  std::string address;
  std::string info_point_hours;  // when someone is at the info point (opening_hours subset)
  int info_point_hours_line = 1;
  // For a visitor who asks for a person ("Roep iemand"): where the info point is in the
  // building, and a number to call when nobody is there. Optional: unset, nothing is said.
  LocalText info_point_where;
  std::string info_point_phone;
  std::string municipality;   // the id of the municipalities/ file visitors get, "amsterdam"
  int municipality_line = 1;  // in location.toml, for messages
};

// The local part of the pack: what one municipality decides for itself. Its parameters
// (its percentages of the norm), contacts (its desk) and suggestions (its pass) come before
// the national ones with the same id; the rest of the pack is the same everywhere.
// municipalities/ID.toml; location.toml chooses one.
struct Municipality {
  std::string id;                    // the file name: "amsterdam"
  std::string name;                  // "Gemeente Amsterdam"
  std::string checked;               // when its figures were last looked up, YYYY-MM-DD
  std::vector<std::string> sources;  // where they come from
  std::vector<Parameter> parameters;
  std::vector<Contact> contacts;
  std::vector<Rule> rules;
  std::vector<std::string> not_offered;  // national suggestions it does not have ("gemeentepolis")
  Origin origin;
};

// A word to avoid in visitor text, and what to say instead.
struct AvoidWord {
  std::string word;
  std::string instead;
};

// Home shows its topics as tiles in two rows of three: more would run under the bar
// in large text (and more choice helps nobody).
inline constexpr std::size_t kMaxHomeTopics = 6;

struct ContentPack {
  std::string directory;  // where it was read from, for messages
  std::string version;
  std::string default_language = "nl";
  std::vector<Language> languages;
  Location location;
  std::vector<std::string> home_topics;  // page ids, in order
  std::vector<Page> pages;
  std::vector<Question> questions;
  std::vector<Contact> contacts;
  std::vector<Parameter> parameters;
  std::vector<Threshold> thresholds;
  std::vector<Rule> rules;  // national; a municipality's own come first (visitor_rules)
  std::vector<Municipality> municipalities;
  std::vector<Persona> personas;
  std::map<std::string, LocalText> strings;  // UI strings by key
  std::vector<AvoidWord> avoid;
  // Words the editor's spelling check knows beside the dictionary: names, abbreviations.
  std::vector<std::string> known_words;
  // For each translated field ("page:aow:body"), per language: a fingerprint of the Dutch text
  // the translation was made from. Another Dutch text now: the translation is out of date.
  std::map<std::string, std::map<std::string, std::string>> translated_from;
  // How to say words that speech says badly, per language: {"AOW", "aa-oo-wee"}.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> pronunciation;

  [[nodiscard]] const Page* find_page(const std::string& id) const;
  [[nodiscard]] const Language* find_language(const std::string& code) const;
  // Contacts and suggestions as visitors get them: the municipality's own first.
  [[nodiscard]] const Contact* find_contact(const std::string& id) const;
  [[nodiscard]] const Question* find_question(const std::string& id) const;
  [[nodiscard]] const Rule* find_rule(const std::string& id) const;
  // The municipality location.toml chooses, or nullptr when the pack has none.
  [[nodiscard]] const Municipality* municipality() const;
  [[nodiscard]] const Municipality* find_municipality(const std::string& id) const;
  // By id or name, in any case: "den-haag", "Den Haag", "Gemeente Den Haag".
  [[nodiscard]] const Municipality* municipality_called(const std::string& text) const;
  // The suggestions visitors can get, in order: the national ones (a municipal one with the
  // same id in its place), then the municipality's own. Parameters likewise: a municipality
  // that sets an id replaces every national period of it.
  [[nodiscard]] std::vector<const Rule*> visitor_rules() const;
  // Whether visitors here get a page: not one that only tells of suggestions this municipality
  // does not have (Utrecht's gemeentepolis stopped; a link would send seniors to ask for it).
  [[nodiscard]] bool page_offered(const std::string& page_id) const;
  [[nodiscard]] std::vector<const Parameter*> visitor_parameters() const;
  [[nodiscard]] const Threshold* find_threshold(const std::string& id) const;
  // The string in `lang`, else in the default language, else the key itself
  // (a visible key is easier to find and fix than an empty button).
  [[nodiscard]] const std::string& text(const std::string& key, const std::string& lang) const;
  [[nodiscard]] const std::string& pick(const LocalText& text, const std::string& lang) const;
};

// The same pack as a kiosk in another municipality would serve it (personas, `--facts`).
[[nodiscard]] ContentPack in_municipality(const ContentPack& pack, const std::string& municipality);
// What a next step on the slip needs of the place it names: "call" a phone number and when it
// is answered, "go" an address and opening hours, and no appointment needed (`appointment`:
// one cannot walk in); without the hours the slip could send a senior to a closed line or
// door without saying when it opens. "desk" (the info point, here)
// and "think" need nothing of it.
[[nodiscard]] bool contact_serves(const Contact& contact, const std::string& step);
// The place a slip for these suggestions names for this step: the contact of the first
// suggestion whose contact serves it. None for "desk" (the info point), or when none serves.
[[nodiscard]] const Contact* slip_contact(const ContentPack& pack, const std::vector<std::string>& rule_ids,
                                          const std::string& step);

// Whole days from one date (YYYY-MM-DD) to another; negative when `to` is earlier.
[[nodiscard]] int days_between(const std::string& from, const std::string& to);
// Staff are told this many days before an amount runs out (check-content, the volunteer
// screen, export-stats), so new amounts can arrive in time.
inline constexpr int kExpiryWarningDays = 45;

// The time now as strftime writes it, in local time or UTC ("%Y-%m-%d").
[[nodiscard]] std::string now_text(const char* format, bool utc);
// A stored UTC time ("2026-12-01T07:37:12Z") as the library's clock shows it: "2026-12-01 08:37".
[[nodiscard]] std::string local_time_text(const std::string& utc_iso);

// A finding in a person's words: the pack's "msg.CODE" string with its values filled in, in
// `lang` (else the default language); the English message when the pack has no words for it.
[[nodiscard]] std::string in_words(const ContentPack& pack, const Diagnostic& finding,
                                   const std::string& lang);

// "Vraag {n} van {total}" with {n} and {total} filled in.
[[nodiscard]] std::string fill_in(std::string text, const std::map<std::string, std::string>& values);

// What the running kiosk reads: one immutable pack, swapped whole when new
// content is published, never changed in place.
using Snapshot = std::shared_ptr<const ContentPack>;

}  // namespace content
