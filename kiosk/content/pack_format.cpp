#include "content/pack_format.hpp"

#include <algorithm>

namespace content {

const std::vector<PackFileSpec>& pack_file_specs() {
  // The order is the reader's: pack.toml first (everything is checked against its
  // languages), strings before questions (answer labels), municipalities before the
  // check that location.toml names one of them.
  static const std::vector<PackFileSpec> specs = {
      {PackFile::Pack, "pack.toml", false, true, "Talen en versie"},
      {PackFile::Location, "location.toml", false, true, "De bibliotheek"},
      {PackFile::Home, "home.toml", false, true, "Startscherm"},
      {PackFile::Strings, "strings.toml", false, true, "Teksten op knoppen en schermen"},
      {PackFile::Pages, "pages", true, true, "Pagina"},
      {PackFile::Questions, "selfcheck/questions.toml", false, false, "Vragen"},
      {PackFile::Contacts, "contacts.toml", false, false, "Adressen en openingstijden"},
      {PackFile::Parameters, "selfcheck/parameters.toml", false, false, "Bedragen"},
      {PackFile::Rules, "selfcheck/rules.toml", false, false, "Regels"},
      {PackFile::Municipalities, "municipalities", true, false, "Gemeente"},
      {PackFile::Personas, "selfcheck/personas.toml", false, false, "Voorbeeldpersonen"},
      {PackFile::Avoid, "language/avoid.toml", false, false, "Woorden om te vermijden"},
      {PackFile::Speech, "language/speech.toml", false, false, "Uitspraak"},
      {PackFile::Words, "language/words.toml", false, false, "Woordenlijst voor de spelling"},
      {PackFile::Translations, "language/translations.toml", false, false, "Vertalingen"},
  };
  return specs;
}

const PackFileSpec& spec_of(PackFile file) {
  const auto& specs = pack_file_specs();
  return *std::find_if(specs.begin(), specs.end(), [&](const PackFileSpec& s) { return s.file == file; });
}

std::optional<PackPath> parse_pack_path(const std::string& path) {
  constexpr std::string_view suffix = ".toml";
  for (const auto& spec : pack_file_specs()) {
    if (!spec.folder) {
      if (path == spec.path) return PackPath{&spec, {}};
      continue;
    }
    const std::string prefix = spec.path + "/";
    if (path.size() <= prefix.size() + suffix.size() || path.rfind(prefix, 0) != 0 ||
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (id.find('/') == std::string::npos) return PackPath{&spec, std::move(id)};
  }
  return std::nullopt;
}

std::string pack_path(PackFile file, const std::string& id) {
  const auto& spec = spec_of(file);
  return spec.folder ? spec.path + "/" + id + ".toml" : spec.path;
}

}  // namespace content
