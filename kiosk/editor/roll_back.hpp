#pragma once
// "Terugzetten" of one change, worked out before anything is written. A roll-back is
// a change like any other: the same checks as "Opslaan" (the content, then the
// personas, with "Toch terugzetten" when their suggestions change), and it never
// removes a file the pack needs. The editor sees what changes, in words, first.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/content_pack.hpp"
#include "content/pack_reader.hpp"
#include "content/store.hpp"
#include "content/validate.hpp"

namespace editor {

// One field that a roll-back changes, as the editor knows it from the forms.
struct FieldChange {
  std::string item;   // what the editor sees in the list: "Geld voor uw huur", "IDO"
  std::string label;  // the field's strings.toml key ("staff.field.hours"); "" for the whole item
  std::string lang;   // the field's language, "" for a field in one language
  std::string now;    // the text visitors see now ("" = none: the item comes back)
  std::string after;  // the text after the roll-back ("" = none: the item goes)
};

struct RollBackPlan {
  std::int64_t revision = 0;
  std::string path;                          // the pack file the change was made in
  std::string at;                            // when that change was made (UTC)
  std::string problem;                       // why it cannot be done (a strings.toml key); "" when it can
  std::vector<std::string> errors;           // what would be wrong in the content ("file:line: message")
  std::vector<std::string> personas;         // personas that would get other suggestions
  std::vector<FieldChange> changes;          // in words; empty for a file the forms do not show
  std::optional<content::ContentPack> pack;  // what visitors get after it
  [[nodiscard]] bool ok() const { return problem.empty(); }
};

// Only an information page can go: every other file holds something the kiosk needs
// (the self-check's rules, the strings on its buttons, its languages).
[[nodiscard]] bool removable(const std::string& path);

// What putting back the text from before `revision` would do to the `live` files.
[[nodiscard]] RollBackPlan plan_roll_back(const content::PackFiles& live, const content::Revision& revision,
                                          const content::ValidateOptions& checks);

// What "Publiceren" makes live: each draft's file, with what changes in it in words.
struct PublishedFile {
  std::string path;
  std::vector<FieldChange> changes;  // empty for a file the forms do not show
};
struct PublishPlan {
  std::vector<PublishedFile> files;
  std::vector<std::string> errors;  // why the drafts cannot go live together ("file:line: message")
  [[nodiscard]] bool ok() const { return errors.empty(); }
};
[[nodiscard]] PublishPlan plan_publish(const content::ContentPack& live, const content::PackFiles& drafts,
                                       const content::PackFiles& live_with_drafts,
                                       const content::ValidateOptions& checks);

// The fields whose text differs between two packs, for the items kept in `path`.
[[nodiscard]] std::vector<FieldChange> field_changes(const content::ContentPack& now,
                                                     const content::ContentPack& after,
                                                     const std::string& path);

// What one change of the history did, field by field: its file's text before and after, each
// read with today's other files. Empty when either side cannot be read or the forms do not
// show the file.
[[nodiscard]] std::vector<FieldChange> revision_changes(const content::PackFiles& live,
                                                        const content::Revision& revision);

// The part of two texts that differs, a few words either side, with "…" where text is
// left out: a changed word at the end of a long paragraph is what the editor must see.
[[nodiscard]] std::pair<std::string, std::string> differing_part(const std::string& a, const std::string& b,
                                                                 std::size_t context = 24);

}  // namespace editor
