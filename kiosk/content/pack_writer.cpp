#include "content/pack_writer.hpp"

#include <algorithm>
#include <sstream>

#include "content/pack_format.hpp"
#include "content/small_file.hpp"

namespace content {

namespace {

std::string quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Multi-line texts as """...""" so an editor sees the paragraphs.
std::string value(const std::string& text) {
  if (text.find('\n') == std::string::npos) return quote(text);
  std::string out = "\"\"\"\n";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\')
      out += "\\\\";
    else if (c == '"' && (i + 1 == text.size() || text[i + 1] == '"'))
      out += "\\\"";  // never close early
    else
      out += c;
  }
  return out + "\"\"\"";
}

std::string key(const std::string& name) {
  const bool bare =
      !name.empty() &&
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
          std::string::npos;
  return bare ? name : quote(name);
}

// Texts in several languages, written in the pack's own order of languages (Dutch first), then
// any others. One per pack written: two editors' drafts can be written at the same time.
class LocalWriter {
 public:
  explicit LocalWriter(const std::vector<Language>& languages) {
    for (const auto& language : languages) order_.push_back(language.code);
  }

  // [name]
  // nl = """..."""
  void table(std::ostream& out, const std::string& name, const LocalText& text) const {
    if (text.empty()) return;
    out << "\n[" << name << "]\n";
    for (const auto& [language, words] : ordered(text)) out << key(language) << " = " << value(words) << "\n";
  }

  // { nl = "...", en = "..." }
  [[nodiscard]] std::string inline_text(const LocalText& text) const {
    std::string out = "{ ";
    bool first = true;
    for (const auto& [language, words] : ordered(text)) {
      out += (first ? "" : ", ") + key(language) + " = " + quote(words);
      first = false;
    }
    return out + " }";
  }

 private:
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> ordered(const LocalText& text) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& code : order_)
      if (auto it = text.find(code); it != text.end()) out.emplace_back(*it);
    for (const auto& entry : text)
      if (std::find(order_.begin(), order_.end(), entry.first) == order_.end()) out.emplace_back(entry);
    return out;
  }

  std::vector<std::string> order_;
};

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quote(items[i]);
  return out + "]";
}

// A condition list as written in the pack: a test in quotes, or a list for an either-or.
std::string conditions(const std::vector<Condition>& items) {
  auto test = [](const Test& t) {
    if (!t.threshold.empty()) return quote(t.question + (t.negate ? ">" : "<=") + t.threshold);
    std::string values;
    for (std::size_t i = 0; i < t.values.size(); ++i) values += (i ? "|" : "") + t.values[i];
    return quote(t.question + (t.negate ? "!=" : "=") + values);
  };
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i ? ", " : "";
    if (items[i].any.size() == 1) {
      out += test(items[i].any.front());
    } else {
      out += "[";
      for (std::size_t j = 0; j < items[i].any.size(); ++j) out += (j ? ", " : "") + test(items[i].any[j]);
      out += "]";
    }
  }
  return out + "]";
}

std::string number(double value) {
  std::ostringstream text;
  text.precision(15);
  text << value;
  const std::string out = text.str();
  return out.find_first_of(".e") == std::string::npos ? out + ".0" : out;
}

// { a = "x", b = "y" }
template <typename Map, typename Format>
std::string inline_table(const Map& map, Format format) {
  std::string out = "{ ";
  bool first = true;
  for (const auto& [name, item] : map) {
    out += (first ? "" : ", ") + key(name) + " = " + format(item);
    first = false;
  }
  return out + " }";
}

void write_contacts(std::ostream& c, const std::vector<Contact>& contacts, const LocalWriter& local) {
  for (const auto& contact : contacts) {
    c << "\n[[contact]]\nid = " << quote(contact.id) << "\nname = " << quote(contact.name) << "\n";
    if (!contact.address.empty()) c << "address = " << quote(contact.address) << "\n";
    if (!contact.phone.empty()) c << "phone = " << quote(contact.phone) << "\n";
    if (contact.phone_free) c << "phone_free = " << (*contact.phone_free ? "true" : "false") << "\n";
    if (contact.appointment) c << "appointment = true\n";
    if (!contact.web.empty()) c << "web = " << quote(contact.web) << "\n";
    if (!contact.hours.empty()) c << "hours = " << quote(contact.hours) << "\n";
    if (!contact.note.empty()) c << "note = " << local.inline_text(contact.note) << "\n";
    if (!contact.bring.empty()) c << "bring = " << local.inline_text(contact.bring) << "\n";
  }
}

void write_parameters(std::ostream& m, const std::vector<Parameter>& parameters) {
  for (const auto& parameter : parameters) {
    m << "\n[[parameter]]\nid = " << quote(parameter.id) << "\nvalue = " << number(parameter.value) << "\n";
    if (!parameter.unit.empty()) m << "unit = " << quote(parameter.unit) << "\n";
    m << "valid_from = " << quote(parameter.valid_from) << "\nvalid_until = " << quote(parameter.valid_until)
      << "\nsource = " << quote(parameter.source) << "\n";
    if (parameter.indicative) m << "indicatief = true\n";
  }
}

void write_suggestions(std::ostream& r, const std::vector<Rule>& rules, const LocalWriter& local) {
  for (const auto& rule : rules) {
    r << "\n[[suggestion]]\nid = " << quote(rule.id) << "\n";
    if (!rule.when.empty()) r << "when = " << conditions(rule.when) << "\n";
    if (!rule.likely_if.empty()) r << "likely_if = " << conditions(rule.likely_if) << "\n";
    if (!rule.contact.empty()) r << "contact = " << quote(rule.contact) << "\n";
    if (!rule.page.empty()) r << "page = " << quote(rule.page) << "\n";
    if (!rule.related.empty()) r << "related = " << list(rule.related) << "\n";
    if (rule.fallback) r << "fallback = true\n";
    if (rule.money) r << "money = true\n";
    r << "title = " << local.inline_text(rule.title) << "\nreason = " << local.inline_text(rule.reason)
      << "\n";
    if (!rule.topic.empty()) r << "topic = " << local.inline_text(rule.topic) << "\n";
    if (!rule.bring.empty()) r << "bring = " << local.inline_text(rule.bring) << "\n";
    if (!rule.bring_partner.empty()) r << "bring_partner = " << local.inline_text(rule.bring_partner) << "\n";
  }
}

std::string pack_toml(const ContentPack& pack) {
  std::ostringstream p;
  p << "# The content pack: its version and languages. See content/README.md.\n"
    << "version = " << quote(pack.version) << "\n"
    << "default_language = " << quote(pack.default_language) << "\n";
  for (const auto& language : pack.languages) {
    p << "\n[[language]]\ncode = " << quote(language.code) << "\nname = " << quote(language.native_name)
      << "\n";
    if (language.right_to_left) p << "right_to_left = true\n";
  }
  return p.str();
}

std::string location_toml(const Location& location, const LocalWriter& local) {
  std::ostringstream l;
  l << "# The library or community centre where this kiosk stands.\n"
    << "name = " << quote(location.name) << "\n"
    << "address = " << quote(location.address) << "\n";
  if (!location.municipality.empty()) l << "municipality = " << quote(location.municipality) << "\n";
  l << "# When someone is at the info point (content/README.md, \"Opening hours\").\n"
    << "info_point_hours = " << quote(location.info_point_hours) << "\n";
  if (!location.info_point_where.empty())
    l << "# Where the info point is in the building, for a visitor who asks for a person.\n"
      << "info_point_where = " << local.inline_text(location.info_point_where) << "\n";
  if (!location.info_point_phone.empty())
    l << "# A number to call for help when nobody is at the info point.\n"
      << "info_point_phone = " << quote(location.info_point_phone) << "\n";
  return l.str();
}

std::string strings_toml(const ContentPack& pack, const LocalWriter& local) {
  std::ostringstream s;
  s << "# Words on buttons and screens, per language.\n";
  for (const auto& [name, text] : pack.strings) s << key(name) << " = " << local.inline_text(text) << "\n";
  return s.str();
}

std::string page_toml(const Page& page, const LocalWriter& local) {
  std::ostringstream out;
  if (!page.pictogram.empty()) out << "pictogram = " << quote(page.pictogram) << "\n";
  if (!page.links.empty()) out << "links = " << list(page.links) << "\n";
  if (!page.sources.empty()) out << "sources = " << list(page.sources) << "\n";
  if (!page.checked.empty()) out << "checked = " << quote(page.checked) << "\n";
  local.table(out, "title", page.title);
  local.table(out, "body", page.body);
  local.table(out, "spoken", page.spoken);
  return out.str();
}

std::string questions_toml(const std::vector<Question>& questions, const LocalWriter& local) {
  std::ostringstream q;
  q << "# The self-check's questions, in order. Answer labels come from strings.toml (answer.*).\n";
  for (const auto& question : questions) {
    std::vector<std::string> answers;
    for (const auto& option : question.options) answers.push_back(option.value);
    q << "\n[[question]]\nid = " << quote(question.id) << "\n";
    if (!question.pictogram.empty()) q << "pictogram = " << quote(question.pictogram) << "\n";
    q << "text = " << local.inline_text(question.text) << "\nanswers = " << list(answers) << "\n";
    if (!question.ask_if.empty()) q << "ask_if = " << conditions(question.ask_if) << "\n";
    if (!question.measure.empty()) q << "measure = " << quote(question.measure) << "\n";
    if (!question.together.empty()) q << "together = " << quote(question.together) << "\n";
  }
  return q.str();
}

std::string parameters_toml(const ContentPack& pack) {
  std::ostringstream m;
  m << "# Amounts and limits from the law, each valid for a period, with its source.\n";
  write_parameters(m, pack.parameters);
  for (const auto& threshold : pack.thresholds) {
    m << "\n[[threshold]]\nid = " << quote(threshold.id) << "\nmeasure = " << quote(threshold.measure) << "\n";
    if (!threshold.of.empty()) m << "of = " << quote(threshold.of) << "\n";
    // A percentage of another threshold, or of its own amounts (the norm without holiday pay).
    if (!threshold.of.empty() || !threshold.percent_parameter.empty() || threshold.percent != 100)
      m << "percent = "
        << (threshold.percent_parameter.empty() ? number(threshold.percent) : quote(threshold.percent_parameter))
        << "\n";
    if (!threshold.amounts.empty()) {
      m << "amounts = [\n";
      for (const auto& choice : threshold.amounts)
        m << "  { when = " << conditions(choice.when) << ", parameter = " << quote(choice.parameter) << " },\n";
      m << "]\n";
    }
  }
  return m.str();
}

std::string municipality_toml(const Municipality& municipality, const LocalWriter& local) {
  std::ostringstream g;
  g << "# What " << municipality.name << " decides itself: its percentages, its desk, its own schemes.\n"
    << "# location.toml chooses the municipality visitors get.\n"
    << "name = " << quote(municipality.name) << "\n";
  if (!municipality.checked.empty()) g << "checked = " << quote(municipality.checked) << "\n";
  if (!municipality.sources.empty()) g << "sources = " << list(municipality.sources) << "\n";
  if (!municipality.not_offered.empty()) g << "not_offered = " << list(municipality.not_offered) << "\n";
  write_parameters(g, municipality.parameters);
  write_contacts(g, municipality.contacts, local);
  write_suggestions(g, municipality.rules, local);
  return g.str();
}

std::string personas_toml(const std::vector<Persona>& personas) {
  std::ostringstream p;
  p << "# Example people: answers in, the suggestions they must get out.\n";
  for (const auto& persona : personas) {
    p << "\n[[persona]]\nname = " << quote(persona.name) << "\ndate = " << quote(persona.date) << "\n";
    if (!persona.municipality.empty()) p << "municipality = " << quote(persona.municipality) << "\n";
    p << "answers = " << inline_table(persona.answers, quote) << "\n";
    if (!persona.amounts.empty()) p << "amounts = " << inline_table(persona.amounts, number) << "\n";
    p << "expect = " << inline_table(persona.expect, quote) << "\n";
  }
  return p.str();
}

std::string speech_toml(const ContentPack& pack) {
  std::ostringstream w;
  w << "# How speech says words it would say badly, per language.\n";
  for (const auto& [language, words] : pack.pronunciation) {
    w << "\n[" << key(language) << "]\n";
    for (const auto& [written, said] : words) w << quote(written) << " = " << quote(said) << "\n";
  }
  return w.str();
}

std::string avoid_toml(const std::vector<AvoidWord>& avoid) {
  std::ostringstream a;
  a << "# Words that visitor text must not use, and what to say instead.\n";
  for (const auto& word : avoid)
    a << "\n[[word]]\navoid = " << quote(word.word) << "\ninstead = " << quote(word.instead) << "\n";
  return a.str();
}

// One row of the pack's table of files (pack_format.hpp); optional files are only
// written when they hold something.
void write_file(PackFiles& files, PackFile kind, const ContentPack& pack, const LocalWriter& local) {
  const std::string path = spec_of(kind).path;
  switch (kind) {
    case PackFile::Pack: files[path] = pack_toml(pack); break;
    case PackFile::Location: files[path] = location_toml(pack.location, local); break;
    case PackFile::Home:
      files[path] = "# The topics on the Home screen, in order (page ids).\ntopics = " + list(pack.home_topics) + "\n";
      break;
    case PackFile::Strings: files[path] = strings_toml(pack, local); break;
    case PackFile::Pages:
      for (const auto& page : pack.pages) files[pack_path(kind, page.id)] = page_toml(page, local);
      break;
    case PackFile::Questions:
      if (!pack.questions.empty()) files[path] = questions_toml(pack.questions, local);
      break;
    case PackFile::Contacts:
      if (!pack.contacts.empty()) {
        std::ostringstream c;
        c << "# Places a visitor can go to. Sample data: replace with your town's.\n";
        write_contacts(c, pack.contacts, local);
        files[path] = c.str();
      }
      break;
    case PackFile::Parameters:
      if (!pack.parameters.empty()) files[path] = parameters_toml(pack);
      break;
    case PackFile::Rules:
      if (!pack.rules.empty()) {
        std::ostringstream r;
        r << "# Suggestions the check can make. `when`: all must hold; a list inside it is an either-or.\n";
        write_suggestions(r, pack.rules, local);
        files[path] = r.str();
      }
      break;
    case PackFile::Municipalities:
      for (const auto& municipality : pack.municipalities)
        files[pack_path(kind, municipality.id)] = municipality_toml(municipality, local);
      break;
    case PackFile::Personas:
      if (!pack.personas.empty()) files[path] = personas_toml(pack.personas);
      break;
    case PackFile::Avoid:
      if (!pack.avoid.empty()) files[path] = avoid_toml(pack.avoid);
      break;
    case PackFile::Words:
      if (!pack.known_words.empty())
        files[path] = "# Words the editor's spelling check knows beside the dictionary: names, abbreviations.\n"
                      "words = " +
                      list(pack.known_words) + "\n";
      break;
    case PackFile::Translations:
      if (!pack.translated_from.empty()) {
        std::ostringstream t;
        t << "# For each translated text, a fingerprint of the Dutch text it was made from. When the\n"
          << "# Dutch changes, the editor and check-content say the translation is out of date.\n";
        for (const auto& [field, languages] : pack.translated_from)
          t << key(field) << " = " << inline_table(languages, quote) << "\n";
        files[path] = t.str();
      }
      break;
    case PackFile::Speech:
      if (!pack.pronunciation.empty()) files[path] = speech_toml(pack);
      break;
  }
}

}  // namespace

PackFiles pack_files(const ContentPack& pack) {
  PackFiles files;
  const LocalWriter local(pack.languages);
  for (const auto& spec : pack_file_specs()) write_file(files, spec.file, pack, local);
  return files;
}

std::string write_pack(const ContentPack& pack, const std::string& directory) {
  return write_files_below(directory, pack_files(pack)).error;
}

}  // namespace content
