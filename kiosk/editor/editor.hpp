#pragma once
// The on-device editor as pure logic: the fields an editor can change (contact
// hours, addresses and phones; yearly amounts and their dates and sources), what
// a change does to the pack's files, and the checks a save runs (validation, B1
// hints, the personas). The store keeps drafts and publishes them; the UI draws.
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "content/pack_reader.hpp"

namespace editor {

// One editable field, written "contact:ID:hours:nl", "page:ID:body:nl" or "parameter:ID:value".
// field: contact hours, address, phone, bring; page title, body; parameter value,
// valid_from, valid_until, source.
struct FieldRef {
  std::string kind;  // contact | page | parameter
  std::string id;    // the item's id (for parameters: "ID@valid_from")
  std::string field;
  std::string lang;  // for texts in several languages
  [[nodiscard]] std::string key() const;
};
[[nodiscard]] std::optional<FieldRef> parse_field(const std::string& key);

// Every field of the forms, in the order the editor lists them.
[[nodiscard]] std::vector<FieldRef> contact_fields(const content::Contact& contact, const std::string& lang);
[[nodiscard]] std::vector<FieldRef> parameter_fields(const content::Parameter& parameter);
[[nodiscard]] std::string parameter_key(const content::Parameter& parameter);  // "ID@valid_from"

[[nodiscard]] std::optional<std::string> field_text(const content::ContentPack& pack, const FieldRef& ref);
// Sets a field; returns why it cannot ("Typ een bedrag, zoals 1650,50."), or "".
[[nodiscard]] std::string set_field(content::ContentPack& pack, const FieldRef& ref, const std::string& text);

// The pack these files make, when they have no errors (else the errors, "file:line: message").
[[nodiscard]] std::optional<content::ContentPack> usable(const content::PackFiles& files,
                                                         const std::string& today,
                                                         std::vector<std::string>& errors);

// The pack as files in the editable format (what a draft holds).
[[nodiscard]] content::PackFiles files_of(const content::ContentPack& pack);
// The files that differ between two packs' files: path -> new text ("" when removed).
[[nodiscard]] content::PackFiles changed_files(const content::PackFiles& before,
                                               const content::PackFiles& after);

// What a save found: errors block it; persona changes need an explicit "Toch opslaan".
struct SaveCheck {
  std::vector<std::string> errors;    // "file:line: message"
  std::vector<std::string> personas;  // "persona 'X': expected 'aio' (waarschijnlijk) ..."
  [[nodiscard]] bool blocked() const { return !errors.empty(); }
};
[[nodiscard]] SaveCheck check_save(const content::ContentPack& pack, const std::string& today);

// B1 hints while typing Dutch: one short line each, and the Flesch-Douma score.
struct Hints {
  std::vector<std::string> lines;
  double flesch = 0;
  int words = 0;
};
[[nodiscard]] Hints b1_hints(const std::string& text, const std::vector<content::AvoidWord>& avoid);

// Typing: one character (UTF-8) more, or the last one off.
void type_into(std::string& text, const std::string& typed);
void erase_last(std::string& text);

}  // namespace editor
