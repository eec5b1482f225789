#pragma once
// The on-device editor as pure logic: the fields an editor can change (pages,
// contacts, yearly amounts, questions, rules, the Home topics, in every language),
// what a change does to the pack's files, and the checks a save runs (validation,
// B1 hints, the personas). The store keeps drafts and publishes them; the UI draws.
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "content/pack_reader.hpp"
#include "content/validate.hpp"

namespace editor {

// One editable field, written KIND:ID:FIELD[:LANG], e.g. "contact:ido:note:nl",
// "page:aio:body:en", "parameter:ID@FROM:value", "rule:aio:when.1", "home:3:page".
//   page      title, body (per language)
//   contact   note, bring (per language); name, address, phone, web; hours.0 .. hours.6 and
//             hours.ph (a day's opening hours, chosen); hours (the whole text, checked)
//   parameter value, valid_from, valid_until, source      (id "ID@valid_from")
//   question  text (per language)
//   rule      title, reason, topic, bring (per language); contact, page, when.N, when.new
//   home      page                                        (id: the topic's place, or "new")
//   location  municipality                                (id "municipality": a choice)
// A municipality's own contact, parameter or rule has the id "MUNICIPALITY/ID": "amsterdam/gemeente".
struct FieldRef {
  std::string kind;
  std::string id;
  std::string field;
  std::string lang;  // for texts in several languages
  [[nodiscard]] std::string key() const;
};
[[nodiscard]] std::optional<FieldRef> parse_field(const std::string& key);

// The editor's list: what can be changed, by section.
inline const std::vector<std::string>& sections() {
  static const std::vector<std::string> all = {"pages", "contacts",     "amounts", "questions",
                                               "rules", "municipality", "home"};
  return all;
}
struct Item {
  std::string kind;  // as in FieldRef
  std::string id;
  std::string label;  // what the editor sees: a title, a name, "aow_bruto (2026-01-01): 1712"
};
[[nodiscard]] std::vector<Item> items(const content::ContentPack& pack, const std::string& section);

// One row of an item's form: a field in every language of the pack side by side
// (Dutch first), or one field. `label` is a strings.toml key ("staff.field.title").
struct FormRow {
  std::string label;
  std::vector<FieldRef> fields;
};
[[nodiscard]] std::vector<FormRow> item_form(const content::ContentPack& pack, const std::string& kind,
                                             const std::string& id);

// A field with a fixed set of values is chosen, not typed: a contact, a page, a
// condition ("rent=yes"). Empty for typed fields. Special values: "-" removes, "^" moves earlier.
struct Option {
  std::string value;
  std::string label;
};
[[nodiscard]] std::vector<Option> field_options(const content::ContentPack& pack, const FieldRef& ref);

// "Voorbeeld" can show this field as a visitor sees it: page texts, questions, rules, Home topics.
[[nodiscard]] bool has_preview(const FieldRef& ref);

// The parameter's key in field refs: "ID@valid_from".
[[nodiscard]] std::string parameter_key(const content::Parameter& parameter);

[[nodiscard]] std::optional<std::string> field_text(const content::ContentPack& pack, const FieldRef& ref);
// Sets a field; returns why it cannot as a strings.toml key ("staff.edit.amount"), or "".
[[nodiscard]] std::string set_field(content::ContentPack& pack, const FieldRef& ref, const std::string& text);

// Translations out of date: the Dutch text changed after the translation was made (the pack's
// language/translations.toml keeps a fingerprint of the Dutch each was made from). set_field
// keeps that record: a saved translation is made from today's Dutch; changed Dutch leaves the
// translations made before it out of date until they are saved again.
[[nodiscard]] std::string fingerprint(const std::string& text);
[[nodiscard]] bool out_of_date(const content::ContentPack& pack, const FieldRef& ref);
[[nodiscard]] std::vector<FieldRef> out_of_date_translations(const content::ContentPack& pack);

// The pack file an item is written in ("pages/aio.toml", "contacts.toml"): its history is that file's.
[[nodiscard]] std::string file_of(const std::string& kind, const std::string& id);

// What a pack file holds, in the editor's words: "Pagina: Geld voor uw huur", "Bedragen".
[[nodiscard]] std::string describe_file(const content::ContentPack& pack, const std::string& path);

// The pack these files make, when they have no errors (else the errors, "file:line: message").
// `checks` are the kiosk's own (its date, its pictograms), so what passes here also starts.
[[nodiscard]] std::optional<content::ContentPack> usable(const content::PackFiles& files,
                                                         const content::ValidateOptions& checks,
                                                         std::vector<std::string>& errors);

// The pack as files in the editable format (what a draft holds).
[[nodiscard]] content::PackFiles files_of(const content::ContentPack& pack);
// The files that differ between two packs' files: path -> new text ("" when removed).
[[nodiscard]] content::PackFiles changed_files(const content::PackFiles& before,
                                               const content::PackFiles& after);

// What a save found: errors block it; persona changes need an explicit "Toch opslaan".
struct SaveCheck {
  std::vector<std::string> errors;    // "file:line: message", in English for the log
  std::vector<std::string> reasons;   // the same in the editor's words: "Zin 3 heeft 21 woorden. ..."
  std::vector<std::string> personas;  // "Voorbeeld 'X' krijgt 'aio' niet meer."
  [[nodiscard]] bool blocked() const { return !errors.empty(); }
};
[[nodiscard]] SaveCheck check_save(const content::ContentPack& pack, const content::ValidateOptions& checks);

// B1 hints while typing Dutch: one short line each, and the Flesch-Douma score.
struct Hints {
  std::vector<std::string> lines;
  double flesch = 0;
  int words = 0;
};
// In the pack's words (strings.toml "msg.b1.*"), never by reading the checker's English.
[[nodiscard]] Hints b1_hints(const content::ContentPack& pack, const std::string& text);

}  // namespace editor
