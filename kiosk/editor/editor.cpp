#include "editor/editor.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "content/b1.hpp"
#include "content/pack_writer.hpp"
#include "content/validate.hpp"
#include "selfcheck/selfcheck.hpp"

namespace editor {

namespace {

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, by)) parts.push_back(part);
  return parts;
}

// The item of a pack's list with this key; works on a const pack and a writable one.
template <typename List, typename Key>
auto find_in(List& items, const std::string& wanted, Key key) -> decltype(&items.front()) {
  for (auto& item : items)
    if (key(item) == wanted) return &item;
  return nullptr;
}
const auto by_id = [](const auto& item) { return item.id; };
const auto by_period = [](const content::Parameter& parameter) { return parameter_key(parameter); };

bool is_date(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  return text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
         m <= 12 && d >= 1 && d <= 31;
}

// "1.650,50", "1650.50", "€ 1650" -> 1650.5; nullopt when it is not an amount.
std::optional<double> parse_amount(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' '; }), text.end());
  if (text.rfind("\u20AC", 0) == 0) text.erase(0, 3);
  const auto comma = text.find(',');
  if (comma != std::string::npos) {  // Dutch: dots group thousands, the comma is the decimal point
    text.erase(std::remove(text.begin(), text.begin() + static_cast<long>(comma), '.'),
               text.begin() + static_cast<long>(comma));
    text[text.find(',')] = '.';
  } else if (std::count(text.begin(), text.end(), '.') == 1 && text.size() - text.find('.') == 4) {
    text.erase(text.find('.'), 1);  // "1.650": a thousands dot
  }
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used != text.size() || value < 0 || !std::isfinite(value)) return std::nullopt;
    return value;
  } catch (...) {
    return std::nullopt;
  }
}

std::string amount_text(double value) {
  char out[64];
  std::snprintf(out, sizeof out, "%.2f", value);
  std::string text = out;
  if (text.size() > 3 && text.substr(text.size() - 3) == ".00") text.resize(text.size() - 3);
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

std::string FieldRef::key() const {
  return kind + ":" + id + ":" + field + (lang.empty() ? "" : ":" + lang);
}

std::optional<FieldRef> parse_field(const std::string& key) {
  const auto parts = split(key, ':');
  if (parts.size() < 3 || parts.size() > 4) return std::nullopt;
  FieldRef ref{parts[0], parts[1], parts[2], parts.size() == 4 ? parts[3] : ""};
  if (ref.kind != "contact" && ref.kind != "parameter" && ref.kind != "page") return std::nullopt;
  return ref;
}

std::string parameter_key(const content::Parameter& parameter) {
  return parameter.id + "@" + parameter.valid_from;
}

std::vector<FieldRef> contact_fields(const content::Contact& contact, const std::string& lang) {
  return {{"contact", contact.id, "hours", lang},
          {"contact", contact.id, "address", ""},
          {"contact", contact.id, "phone", ""},
          {"contact", contact.id, "bring", lang}};
}

std::vector<FieldRef> parameter_fields(const content::Parameter& parameter) {
  const std::string key = parameter_key(parameter);
  return {{"parameter", key, "value", ""},
          {"parameter", key, "valid_from", ""},
          {"parameter", key, "valid_until", ""},
          {"parameter", key, "source", ""}};
}

std::optional<std::string> field_text(const content::ContentPack& pack, const FieldRef& ref) {
  if (ref.kind == "page") {
    const auto* page = find_in(pack.pages, ref.id, by_id);
    if (!page || (ref.field != "title" && ref.field != "body")) return std::nullopt;
    const auto& text = ref.field == "title" ? page->title : page->body;
    const auto it = text.find(ref.lang);
    return it == text.end() ? std::string{} : it->second;
  }
  if (ref.kind == "contact") {
    const auto* contact = find_in(pack.contacts, ref.id, by_id);
    if (!contact) return std::nullopt;
    if (ref.field == "address") return contact->address;
    if (ref.field == "phone") return contact->phone;
    const auto& text = ref.field == "hours" ? contact->hours : contact->bring;
    if (ref.field != "hours" && ref.field != "bring") return std::nullopt;
    const auto it = text.find(ref.lang);
    return it == text.end() ? std::string{} : it->second;
  }
  const auto* parameter = find_in(pack.parameters, ref.id, by_period);
  if (!parameter) return std::nullopt;
  if (ref.field == "value") return amount_text(parameter->value);
  if (ref.field == "valid_from") return parameter->valid_from;
  if (ref.field == "valid_until") return parameter->valid_until;
  if (ref.field == "source") return parameter->source;
  return std::nullopt;
}

std::string set_field(content::ContentPack& pack, const FieldRef& ref, const std::string& text) {
  if (ref.kind == "page") {
    auto* page = find_in(pack.pages, ref.id, by_id);
    if (!page) return "Deze pagina bestaat niet meer.";
    if (text.empty()) return "Een pagina heeft tekst nodig.";
    if (ref.field == "title")
      page->title[ref.lang] = text;
    else if (ref.field == "body")
      page->body[ref.lang] = text;
    else
      return "Dit veld kunt u hier niet aanpassen.";
    return {};
  }
  if (ref.kind == "contact") {
    auto* contact = find_in(pack.contacts, ref.id, by_id);
    if (!contact) return "Dit adres bestaat niet meer.";
    if (ref.field == "address")
      contact->address = text;
    else if (ref.field == "phone")
      contact->phone = text;
    else if (ref.field == "hours")
      contact->hours[ref.lang] = text;
    else if (ref.field == "bring")
      contact->bring[ref.lang] = text;
    else
      return "Dit veld kunt u hier niet aanpassen.";
    return {};
  }
  auto* parameter = find_in(pack.parameters, ref.id, by_period);
  if (!parameter) return "Dit bedrag bestaat niet meer.";
  if (ref.field == "value") {
    const auto amount = parse_amount(text);
    if (!amount) return "Typ een bedrag, zoals 1650,50.";
    parameter->value = *amount;
  } else if (ref.field == "valid_from" || ref.field == "valid_until") {
    if (!is_date(text)) return "Typ een datum, zoals 2027-01-01.";
    (ref.field == "valid_from" ? parameter->valid_from : parameter->valid_until) = text;
  } else if (ref.field == "source") {
    if (text.empty()) return "Noem de bron van het bedrag.";
    parameter->source = text;
  } else {
    return "Dit veld kunt u hier niet aanpassen.";
  }
  return {};
}

std::optional<content::ContentPack> usable(const content::PackFiles& files, const std::string& today,
                                           std::vector<std::string>& errors) {
  auto read = content::read_pack(files, "store");
  for (const auto& d : read.diagnostics)
    if (d.severity == content::Severity::Error) errors.push_back(d.format());
  if (!read.pack || !errors.empty()) return std::nullopt;
  content::ValidateOptions options;
  options.today = today;
  for (const auto& d : content::validate(*read.pack, options).diagnostics)
    if (d.severity == content::Severity::Error) errors.push_back(d.format());
  if (!errors.empty()) return std::nullopt;
  return std::move(*read.pack);
}

content::PackFiles files_of(const content::ContentPack& pack) {
  // The writer knows the editable layout; it writes to a private temp dir, read back at once.
  namespace fs = std::filesystem;
  std::error_code ec;
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path(ec) /
                       ("wegwijzer-edit-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  content::PackFiles files;
  if (content::write_pack(pack, dir.string()).empty()) files = content::read_files(dir.string());
  fs::remove_all(dir, ec);
  return files;
}

content::PackFiles changed_files(const content::PackFiles& before, const content::PackFiles& after) {
  content::PackFiles out;
  for (const auto& [path, text] : after)
    if (auto it = before.find(path); it == before.end() || it->second != text) out[path] = text;
  for (const auto& [path, text] : before)
    if (!after.count(path)) out[path] = "";
  return out;
}

namespace {

// The persona check's findings for the editor, in Dutch: "persona 'X': expected 'aio'
// (waarschijnlijk), but it is not shown" -> "Voorbeeld 'X' krijgt 'aio' niet meer."
std::string persona_in_dutch(const std::string& message) {
  const auto name_end = message.find("': ");
  if (message.rfind("persona '", 0) != 0 || name_end == std::string::npos) return message;
  const std::string name = message.substr(9, name_end - 9);
  const std::string rest = message.substr(name_end + 3);
  const auto first = rest.find('\''), second = rest.find('\'', first + 1);
  if (first == std::string::npos || second == std::string::npos) return message;
  const std::string rule = rest.substr(first + 1, second - first - 1);
  if (rest.find("but it is not shown") != std::string::npos)
    return "Voorbeeld '" + name + "' krijgt '" + rule + "' niet meer.";
  if (rest.find("does not expect it") != std::string::npos)
    return "Voorbeeld '" + name + "' krijgt nu ook '" + rule + "'.";
  if (rest.find(", but it is ") != std::string::npos)
    return "Voorbeeld '" + name + "' krijgt '" + rule + "' nu als " + rest.substr(rest.rfind(' ') + 1) + ".";
  return message;
}

}  // namespace

SaveCheck check_save(const content::ContentPack& pack, const std::string& today) {
  SaveCheck out;
  content::ValidateOptions options;
  options.today = today;
  for (const auto& d : content::validate(pack, options).diagnostics)
    if (d.severity == content::Severity::Error) out.errors.push_back(d.format());
  for (const auto& d : selfcheck::check_personas(pack))
    if (d.severity == content::Severity::Error) out.personas.push_back(persona_in_dutch(d.message));
  return out;
}

// The checker's findings in the editor's own language. The quoted parts are kept.
std::string in_dutch(const std::string& message) {
  auto quoted = [&](std::size_t n) {  // the n-th "..." in the message
    std::size_t at = 0;
    for (std::size_t i = 0; i <= n; ++i) {
      at = message.find('"', at);
      if (at == std::string::npos) return std::string{};
      const auto end = message.find('"', at + 1);
      if (end == std::string::npos) return std::string{};
      if (i == n) return message.substr(at + 1, end - at - 1);
      at = end + 1;
    }
    return std::string{};
  };
  if (message.rfind("sentence of ", 0) == 0)
    return "Deze zin heeft " + message.substr(12, message.find(' ', 12) - 12) +
           " woorden. Maak er twee zinnen van: \"" + quoted(0) + "\"";
  if (message.rfind("avoid ", 0) == 0) return "Zeg liever \"" + quoted(1) + "\" dan \"" + quoted(0) + "\".";
  if (message.rfind("passive voice", 0) == 0) return "Zeg wie het doet: \"U kunt ...\", \"De gemeente ...\".";
  if (message.rfind("long word ", 0) == 0) return "Lang woord: \"" + quoted(0) + "\". Kan het korter?";
  return message;
}

Hints b1_hints(const std::string& text, const std::vector<content::AvoidWord>& avoid) {
  Hints out;
  const auto result = content::check_b1(text, avoid);
  for (const auto& finding : result.findings) out.lines.push_back(in_dutch(finding.message));
  out.flesch = result.stats.words > 0 ? result.stats.flesch_douma() : 0;
  out.words = result.stats.words;
  return out;
}

void type_into(std::string& text, const std::string& typed) {
  text += typed;
}

void erase_last(std::string& text) {
  if (text.empty()) return;
  std::size_t cut = text.size() - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole UTF-8 character
  text.erase(cut);
}

}  // namespace editor
