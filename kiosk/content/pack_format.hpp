#pragma once
// The files of a content pack, in one table. The reader reads them in this order (each
// may use what came before: the languages, the answer labels), the writer writes each,
// and the editor names them from it. Adding a file is one row here and one case in the
// reader's and the writer's switch; the compiler (-Wswitch) names a case left out.
#include <optional>
#include <string>
#include <vector>

namespace content {

enum class PackFile {
  Pack,            // pack.toml: version and languages
  Location,        // location.toml: the library, its municipality, the info point's hours
  Home,            // home.toml: the topics on Home
  Strings,         // strings.toml: words on buttons and screens
  Pages,           // pages/ID.toml: one page each
  Questions,       // selfcheck/questions.toml
  Contacts,        // contacts.toml
  Parameters,      // selfcheck/parameters.toml: amounts and thresholds
  Rules,           // selfcheck/rules.toml: the suggestions
  Municipalities,  // municipalities/ID.toml: a municipality's own part
  Personas,        // selfcheck/personas.toml: example people and what they must get
  Avoid,           // language/avoid.toml: words visitor text must not use
  Speech,          // language/speech.toml: how speech says words it would say badly
  Words,           // language/words.toml: words the spelling check knows (names, abbreviations)
  Translations,    // language/translations.toml: which Dutch text each translation was made from
};

struct PackFileSpec {
  PackFile file;
  std::string path;   // "contacts.toml"; for a folder of one file per item, the folder: "pages"
  bool folder;        // one file per item, named after its id: "pages/aow.toml"
  bool required;      // a pack without it cannot be used
  std::string words;  // what it holds, in the editor's words: "Adressen en openingstijden"
};

// Every file, in the order the reader reads them.
[[nodiscard]] const std::vector<PackFileSpec>& pack_file_specs();
[[nodiscard]] const PackFileSpec& spec_of(PackFile file);

// The row a pack path belongs to ("pages/aow.toml" → Pages), and for a folder the item's
// id ("aow"); nullopt for a path that is no part of a pack.
struct PackPath {
  const PackFileSpec* spec = nullptr;
  std::string id;
};
[[nodiscard]] std::optional<PackPath> parse_pack_path(const std::string& path);

// The path of a file: `id` only for a folder's files.
[[nodiscard]] std::string pack_path(PackFile file, const std::string& id = {});

}  // namespace content
