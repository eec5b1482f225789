#include "content/pack_reader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "content/pack_format.hpp"
#include "content/toml_text.hpp"

namespace content {
namespace fs = std::filesystem;

namespace {

// Larger files are refused: a content file is a page of text, not a dump.
constexpr std::uintmax_t kMaxFileBytes = 4 * 1024 * 1024;

int line_of(const toml::node& node) {
  return static_cast<int>(node.source().begin.line);
}

class Reader {
 public:
  Reader(const PackFiles& files, std::string root) : files_(files), dir_(std::move(root)) {}

  Diagnostics diagnostics;

  void error(const std::string& file, int line, const std::string& message) {
    diagnostics.push_back({file, line, Severity::Error, message});
  }
  void warning(const std::string& file, int line, const std::string& message) {
    diagnostics.push_back({file, line, Severity::Warning, message});
  }

  std::string path(const std::string& relative) const { return (fs::path(dir_) / relative).string(); }

  // Parses one file (given by its display path); nullopt (with a diagnostic) when missing or broken.
  std::optional<toml::table> parse(const std::string& file, bool required) {
    const auto it = files_.find(file.substr(std::min(file.size(), dir_.size() + 1)));
    if (it == files_.end()) {
      if (required) error(file, 1, "file is missing");
      return std::nullopt;
    }
    if (it->second.size() > kMaxFileBytes) {
      error(file, 1, "file is larger than 4 MiB");
      return std::nullopt;
    }
    try {
      return parse_toml(it->second, file);
    } catch (const toml::parse_error& e) {
      error(file, static_cast<int>(e.source().begin.line), std::string(e.description()));
      return std::nullopt;
    }
  }

  // Relative paths of the files in `folder` ("pages"), sorted.
  std::vector<std::string> files_in(const std::string& folder) const {
    std::vector<std::string> out;
    const std::string prefix = folder + "/";
    for (const auto& [path, text] : files_)
      if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos &&
          path.size() > 5 && path.compare(path.size() - 5, 5, ".toml") == 0)
        out.push_back(path);
    return out;
  }

  std::string text(const toml::table& table, const char* key, const std::string& file, int line,
                   bool required) {
    const toml::node* node = table.get(key);
    if (!node) {
      if (required) error(file, line, std::string("'") + key + "' is missing");
      return {};
    }
    if (auto value = node->value<std::string>()) return *value;
    error(file, line_of(*node), std::string("'") + key + "' must be text in quotes");
    return {};
  }

  std::vector<std::string> list(const toml::table& table, const char* key, const std::string& file) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) {
      error(file, line_of(*node), std::string("'") + key + "' must be a list: [\"a\", \"b\"]");
      return out;
    }
    for (const auto& item : *array) {
      if (auto value = item.value<std::string>())
        out.push_back(*value);
      else
        error(file, line_of(item), std::string("'") + key + "' may only hold text in quotes");
    }
    return out;
  }

  // A text per language: `title = { nl = "...", en = "..." }` or a [title] table.
  // A plain string counts as the default language's text.
  LocalText local(const toml::table& table, const char* key, const std::string& file, int line,
                  bool required) {
    LocalText out;
    const toml::node* node = table.get(key);
    if (!node) {
      if (required) error(file, line, std::string("'") + key + "' is missing");
      return out;
    }
    if (auto plain = node->value<std::string>()) {
      out[default_language] = *plain;
      return out;
    }
    const toml::table* per_language = node->as_table();
    if (!per_language) {
      error(file, line_of(*node), std::string("'") + key + "' must be text, or one text per language");
      return out;
    }
    for (const auto& [language, value] : *per_language) {
      const std::string code(language.str());
      if (auto text = value.value<std::string>()) {
        if (!languages.empty() && !languages.count(code))
          warning(file, line_of(value), "language '" + code + "' is not in pack.toml");
        out[code] = *text;
      } else {
        error(file, line_of(value), std::string("'") + key + "." + code + "' must be text in quotes");
      }
    }
    return out;
  }

  const PackFiles& files_;
  std::string dir_;
  std::string default_language = "nl";
  std::set<std::string> languages;
};

// Nested tables of strings.toml become dotted keys: [nav] back = {...} → "nav.back".
void collect_strings(Reader& r, const toml::table& table, const std::string& prefix, const std::string& file,
                     std::map<std::string, LocalText>& out) {
  for (const auto& [key, node] : table) {
    const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const toml::table* sub = node.as_table();
    if (!sub) {
      r.error(file, line_of(node), "'" + name + "' must hold one text per language");
      continue;
    }
    const bool leaf =
        std::all_of(sub->begin(), sub->end(), [](const auto& entry) { return entry.second.is_string(); });
    if (leaf) {
      toml::table holder;
      holder.insert("t", *sub);
      out[name] = r.local(holder, "t", file, line_of(node), true);
    } else {
      collect_strings(r, *sub, name, file, out);
    }
  }
}

const std::map<std::string, std::string>& standard_answer_pictograms() {
  static const std::map<std::string, std::string> pictograms = {
      {"yes", "check_circle"}, {"no", "cancel"}, {"unknown", "help_outline"}, {"skip", "do_not_disturb_on"}};
  return pictograms;
}

// "rent=yes", "household=alone|partner", "age!=below"; on a ladder "income<=norm_100" and
// "income>norm_100" (the amount is at most, or above, the threshold).
std::optional<Test> parse_test(const std::string& written) {
  Test test;
  auto trim = [](std::string text) {
    while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  };
  for (const char* op : {"<=", ">"}) {
    if (const auto at = written.find(op); at != std::string::npos) {
      test.question = trim(written.substr(0, at));
      test.threshold = trim(written.substr(at + std::string(op).size()));
      test.negate = std::string(op) == ">";
      if (test.question.empty() || test.threshold.empty()) return std::nullopt;
      return test;
    }
  }
  std::size_t at = written.find("!=");
  std::size_t value_at = 0;
  if (at != std::string::npos) {
    test.negate = true;
    value_at = at + 2;
  } else {
    at = written.find('=');
    if (at == std::string::npos) return std::nullopt;
    value_at = at + 1;
  }
  test.question = trim(written.substr(0, at));
  std::string rest = written.substr(value_at);
  for (std::size_t start = 0;;) {
    const std::size_t bar = rest.find('|', start);
    const std::string value =
        trim(rest.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (value.empty()) return std::nullopt;
    test.values.push_back(value);
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (test.question.empty()) return std::nullopt;
  return test;
}

// A list of conditions; each item is a test in quotes, or a list of tests of
// which any one is enough: when = ["aow_age=yes", ["aow_full=no", "partner_young=yes"]].
std::vector<Condition> conditions(Reader& r, const toml::table& table, const char* key,
                                  const std::string& file) {
  std::vector<Condition> out;
  const toml::node* node = table.get(key);
  if (!node) return out;
  const toml::array* array = node->as_array();
  if (!array) {
    r.error(file, line_of(*node), std::string("'") + key + "' must be a list: [\"rent=yes\", ...]");
    return out;
  }
  auto test = [&](const toml::node& item, Condition& condition) {
    const auto written = item.value<std::string>();
    auto parsed = written ? parse_test(*written) : std::nullopt;
    if (!parsed) {
      r.error(file, line_of(item),
              "'" + written.value_or("?") + "' is not a condition like \"rent=yes\" or \"household!=alone\"");
      return;
    }
    condition.written += (condition.written.empty() ? "" : " or ") + *written;
    condition.any.push_back(std::move(*parsed));
  };
  for (const auto& item : *array) {
    Condition condition;
    if (const toml::array* any = item.as_array()) {
      for (const auto& alternative : *any) test(alternative, condition);
      if (any->size() < 2)
        r.error(file, line_of(item), std::string("a list inside '") + key + "' needs two or more tests");
    } else {
      test(item, condition);
    }
    if (!condition.any.empty()) out.push_back(std::move(condition));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& required_strings() {
  // One line per screen.
  static const std::vector<std::string> keys = {"nav.back",
                                                "nav.home",
                                                "nav.speak",
                                                "nav.bigger",
                                                "nav.biggest",
                                                "nav.smaller",
                                                "size.now.normal",
                                                "size.now.large",
                                                "size.now.larger",
                                                "contrast.title",
                                                "contrast.button",
                                                "contrast.now.on",
                                                "contrast.now.off",
                                                "listen.on",
                                                "listen.title",
                                                "listen.ask_title",
                                                "listen.how",
                                                "listen.headphones",
                                                "listen.ask",
                                                "listen.aloud",
                                                "listen.quiet",
                                                "listen.in_headphones",
                                                "listen.off",
                                                "listen.unplugged",
                                                "listen.amount",
                                                "listen.answer",
                                                "listen.suggestion",
                                                "listen.kept",
                                                "listen.choose",
                                                "listen.quiet_now",
                                                "focus.box",
                                                "nav.help",
                                                "nav.language",
                                                "nav.clear",
                                                "home.title",
                                                "home.selfcheck",
                                                "intro.title",
                                                "intro.body",
                                                "intro.start",
                                                "question.progress",
                                                "ladder.below",
                                                "ladder.between",
                                                "ladder.above",
                                                "result.title",
                                                "result.likely",
                                                "result.maybe",
                                                "result.why",
                                                "result.more",
                                                "result.slip",
                                                "why.answers",
                                                "why.where",
                                                "why.related",
                                                "slip.title",
                                                "slip.where",
                                                "slip.say",
                                                "slip.counter",
                                                "slip.counter_staff",
                                                "slip.in_dutch",
                                                "slip.qr",
                                                "slip.nothing_kept",
                                                "slip.done",
                                                "idle.title",
                                                "idle.body",
                                                "idle.announce",
                                                "idle.stay",
                                                "idle.clear",
                                                "help.title",
                                                "help.tap",
                                                "help.nav",
                                                "help.speak",
                                                "help.clear",
                                                "help.volunteer",
                                                "language.title",
                                                "page.more",
                                                "next.title",
                                                "next.desk",
                                                "next.go",
                                                "next.call",
                                                "next.think",
                                                "slip.step.desk",
                                                "slip.step.go",
                                                "slip.step.call",
                                                "slip.step.think",
                                                "nav.stop",
                                                "speech.title",
                                                "speech.nav",
                                                "speech.top",
                                                "speech.unavailable",
                                                "speech.fallback",
                                                "speech.sample",
                                                "speech.slower",
                                                "speech.faster",
                                                "speech.softer",
                                                "speech.louder",
                                                "speech.repeat",
                                                "speech.read_aloud",
                                                "slip.about",
                                                "slip.place",
                                                "slip.phone",
                                                "slip.phone_free",
                                                "slip.phone_paid",
                                                "hours.open_until",
                                                "hours.today_from",
                                                "hours.tomorrow_from",
                                                "hours.day_from",
                                                "hours.date_from",
                                                "hours.someone_at",
                                                "hours.closed_long",
                                                "hours.holidays_off",
                                                "hours.holidays",
                                                "hours.line",
                                                "hours.span",
                                                "hours.day_range",
                                                "hours.off",
                                                "day.0", "day.1", "day.2", "day.3", "day.4", "day.5", "day.6",
                                                "day.0.in", "day.1.in", "day.2.in", "day.3.in", "day.4.in",
                                                "day.5.in", "day.6.in",
                                                "slip.also",
                                                "slip.bring",
                                                "slip.say_topic",
                                                "slip.say_general",
                                                "slip.from",
                                                "slip.from_call",
                                                "slip.staff",
                                                "slip.geldfit",
                                                "slip.photo",
                                                "slip.print",
                                                "slip.full",
                                                "result.on_slip",
                                                "question.together",
                                                "question.done",
                                                "slip.printing",
                                                "slip.printed",
                                                "slip.print_failed",
                                                "page.next",
                                                "staff.pin.title",
                                                "staff.pin.body",
                                                "staff.pin.setup_volunteer",
                                                "staff.pin.setup_editor",
                                                "staff.pin.wait",
                                                "staff.pin.erase",
                                                "staff.pin.enter",
                                                "staff.pin_wrong",
                                                "staff.pin_weak",
                                                "staff.pin_same",
                                                "staff.volunteer.title",
                                                "staff.together",
                                                "staff.printer",
                                                "staff.printer.none",
                                                "staff.printer.untried",
                                                "staff.printer.ready",
                                                "staff.printer.paper_out",
                                                "staff.printer.cover_open",
                                                "staff.printer.offline",
                                                "staff.printer.no_answer",
                                                "staff.printer.printer_not_found",
                                                "staff.printer.printing_failed",
                                                "staff.test_print",
                                                "staff.sound_test",
                                                "staff.nothing_kept",
                                                "staff.counts",
                                                "staff.counts.none",
                                                "staff.count.session",
                                                "staff.count.selfcheck_finished",
                                                "staff.count.slip_shown",
                                                "staff.count.slip_printed",
                                                "staff.today",
                                                "staff.week",
                                                "staff.restart",
                                                "staff.leave",
                                                "staff.open_editor",
                                                "staff.edit.title",
                                                "staff.edit.hours",
                                                "staff.edit.amount_title",
                                                "staff.edit.amount_hint",
                                                "staff.edit.flesch",
                                                "staff.edit.personas",
                                                "staff.edit.confirm",
                                                "staff.edit.save",
                                                "staff.edit.cancel",
                                                "staff.edit.waiting",
                                                "staff.edit.none_waiting",
                                                "staff.edit.publish",
                                                "staff.edit.history",
                                                "staff.edit.saved",
                                                "staff.edit.published",
                                                "staff.edit.publish_failed",
                                                "staff.review.versions",
                                                "staff.review.older",
                                                "staff.review.apply_older",
                                                "staff.review.no_date",
                                                "staff.edit.rolled_back",
                                                "staff.edit.broken",
                                                "staff.edit.amount",
                                                "staff.edit.date",
                                                "staff.history.title",
                                                "staff.history.rollback",
                                                "staff.expiry.soon",
                                                "staff.expiry.past",
                                                "staff.rollback.title",
                                                "staff.rollback.what",
                                                "staff.rollback.field",
                                                "staff.rollback.gone",
                                                "staff.rollback.back",
                                                "staff.rollback.file",
                                                "staff.rollback.more",
                                                "staff.rollback.empty",
                                                "staff.rollback.needed",
                                                "staff.rollback.same",
                                                "staff.rollback.broken",
                                                "staff.rollback.apply",
                                                "staff.rollback.confirm",
                                                "staff.key.space",
                                                "staff.key.letter",
                                                "staff.key.word",
                                                "staff.edit.page",
                                                "staff.edit.spelling",
                                                "staff.edit.spelling_suggest"};
  return keys;
}

std::string default_content_dir() {
  if (const char* dir = std::getenv("WEGWIJZER_CONTENT")) return dir;
  for (const char* dir : {WEGWIJZER_SOURCE_DIR "/content", "/usr/share/wegwijzer/content"})
    if (fs::exists(std::string(dir) + "/pack.toml")) return dir;
  return WEGWIJZER_SOURCE_DIR "/content";
}

PackFiles read_files(const std::string& directory) {
  PackFiles files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(directory, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".toml") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files[fs::relative(it->path(), directory, ec).generic_string()] = text.str();
  }
  return files;
}

ReadResult read_pack(const std::string& directory) {
  if (!fs::is_directory(directory)) {
    ReadResult result;
    result.diagnostics.push_back({directory, 0, Severity::Error, "not a content pack directory"});
    return result;
  }
  return read_pack(read_files(directory), directory);
}

namespace {

// [[contact]] entries of contacts.toml, or of a municipality's file.
void read_contacts(Reader& r, const toml::table& table, const std::string& file, std::vector<Contact>& out) {
  const toml::array* contacts = table["contact"].as_array();
  if (!contacts) return;
  for (const auto& node : *contacts) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    Contact contact;
    contact.origin = {file, line_of(node)};
    contact.id = r.text(*entry, "id", file, line_of(node), true);
    contact.name = r.text(*entry, "name", file, line_of(node), true);
    contact.address = r.text(*entry, "address", file, line_of(node), false);
    contact.hours = r.text(*entry, "hours", file, line_of(node), false);
    contact.hours_line = entry->get("hours") ? line_of(*entry->get("hours")) : line_of(node);
    contact.note = r.local(*entry, "note", file, line_of(node), false);
    contact.phone = r.text(*entry, "phone", file, line_of(node), false);
    if (const toml::node* free = entry->get("phone_free")) {
      if (const auto value = free->value<bool>())
        contact.phone_free = *value;
      else
        r.error(file, line_of(*free), "'phone_free' must be true or false");
    }
    if (const toml::node* appointment = entry->get("appointment")) {
      if (const auto value = appointment->value<bool>())
        contact.appointment = *value;
      else
        r.error(file, line_of(*appointment), "'appointment' must be true or false");
    }
    contact.web = r.text(*entry, "web", file, line_of(node), false);
    contact.bring = r.local(*entry, "bring", file, line_of(node), false);
    out.push_back(std::move(contact));
  }
}

// [[parameter]] entries of parameters.toml, or of a municipality's file.
void read_parameters(Reader& r, const toml::table& table, const std::string& file,
                     std::vector<Parameter>& out) {
  const toml::array* parameters = table["parameter"].as_array();
  if (!parameters) return;
  for (const auto& node : *parameters) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    Parameter parameter;
    parameter.origin = {file, line_of(node)};
    parameter.id = r.text(*entry, "id", file, line_of(node), true);
    if (auto value = (*entry)["value"].value<double>())
      parameter.value = *value;
    else
      r.error(file, line_of(node), "'value' must be a number, e.g. 1650 or 1650.50");
    parameter.unit = r.text(*entry, "unit", file, line_of(node), false);
    parameter.valid_from = r.text(*entry, "valid_from", file, line_of(node), true);
    parameter.valid_until = r.text(*entry, "valid_until", file, line_of(node), true);
    parameter.source = r.text(*entry, "source", file, line_of(node), true);
    parameter.indicative = (*entry)["indicatief"].value_or(false);
    out.push_back(std::move(parameter));
  }
}

// [[suggestion]] entries of rules.toml, or a municipality's own schemes.
void read_suggestions(Reader& r, const toml::table& table, const std::string& file, std::vector<Rule>& out) {
  const toml::array* rules = table["suggestion"].as_array();
  if (!rules) return;
  for (const auto& node : *rules) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    Rule rule;
    rule.origin = {file, line_of(node)};
    rule.id = r.text(*entry, "id", file, line_of(node), true);
    rule.title = r.local(*entry, "title", file, line_of(node), true);
    rule.reason = r.local(*entry, "reason", file, line_of(node), true);
    rule.topic = r.local(*entry, "topic", file, line_of(node), false);
    rule.when = conditions(r, *entry, "when", file);
    rule.likely_if = conditions(r, *entry, "likely_if", file);
    rule.contact = r.text(*entry, "contact", file, line_of(node), false);
    rule.page = r.text(*entry, "page", file, line_of(node), false);
    rule.bring = r.local(*entry, "bring", file, line_of(node), false);
    rule.bring_partner = r.local(*entry, "bring_partner", file, line_of(node), false);
    rule.related = r.list(*entry, "related", file);
    rule.fallback = (*entry)["fallback"].value_or(false);
    rule.money = (*entry)["money"].value_or(false);
    if (rule.when.empty() && !rule.fallback)
      r.error(file, line_of(node), "suggestion '" + rule.id + "' needs when = [...] (or fallback = true)");
    out.push_back(std::move(rule));
  }
}

}  // namespace

namespace {

void read_pack_file(Reader& r, const toml::table& table, const std::string& file, ContentPack& pack) {
  pack.version = r.text(table, "version", file, 1, true);
  pack.default_language = r.text(table, "default_language", file, 1, true);
  if (pack.default_language.empty()) pack.default_language = "nl";
  r.default_language = pack.default_language;
  if (const toml::array* languages = table["language"].as_array()) {
    for (const auto& node : *languages) {
      const toml::table* entry = node.as_table();
      if (!entry) continue;
      Language language;
      language.code = r.text(*entry, "code", file, line_of(node), true);
      language.native_name = r.text(*entry, "name", file, line_of(node), true);
      language.right_to_left = (*entry)["right_to_left"].value_or(false);
      if (r.languages.count(language.code))
        r.error(file, line_of(node), "language '" + language.code + "' is listed twice");
      r.languages.insert(language.code);
      pack.languages.push_back(std::move(language));
    }
  }
  if (!r.languages.count(pack.default_language))
    r.error(file, 1, "default_language '" + pack.default_language + "' must be one of the [[language]] entries");
}

void read_location(Reader& r, const toml::table& table, const std::string& file, Location& location) {
  location.name = r.text(table, "name", file, 1, true);
  location.address = r.text(table, "address", file, 1, false);
  location.info_point_hours = r.text(table, "info_point_hours", file, 1, true);
  if (const toml::node* node = table.get("info_point_hours")) location.info_point_hours_line = line_of(*node);
  location.info_point_where = r.local(table, "info_point_where", file, 1, false);
  location.info_point_phone = r.text(table, "info_point_phone", file, 1, false);
  location.municipality = r.text(table, "municipality", file, 1, false);
  if (const toml::node* node = table.get("municipality")) location.municipality_line = line_of(*node);
}

void read_page(Reader& r, const toml::table& table, const std::string& file, const std::string& id,
               std::vector<Page>& out) {
  Page page;
  page.id = id;
  page.origin = {file, 1};
  page.pictogram = r.text(table, "pictogram", file, 1, false);
  page.title = r.local(table, "title", file, 1, true);
  page.body = r.local(table, "body", file, 1, true);
  // Where each language's body text starts, so B1 findings point at the right line.
  if (const toml::table* bodies = table["body"].as_table()) {
    for (const auto& [language, node] : *bodies) {
      const auto& where = node.source();
      // A """ string that spans lines starts on the line after its opening quotes.
      page.body_line[std::string(language.str())] =
          static_cast<int>(where.begin.line) + (where.end.line > where.begin.line ? 1 : 0);
    }
  }
  page.spoken = r.local(table, "spoken", file, 1, false);
  page.links = r.list(table, "links", file);
  page.sources = r.list(table, "sources", file);
  page.checked = r.text(table, "checked", file, 1, false);
  out.push_back(std::move(page));
}

// Answer labels come from strings.toml, read before.
void read_questions(Reader& r, const toml::table& table, const std::string& file, ContentPack& pack) {
  const toml::array* questions = table["question"].as_array();
  if (!questions) return;
  for (const auto& node : *questions) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    Question question;
    question.origin = {file, line_of(node)};
    question.id = r.text(*entry, "id", file, line_of(node), true);
    question.pictogram = r.text(*entry, "pictogram", file, line_of(node), false);
    question.text = r.local(*entry, "text", file, line_of(node), true);
    for (const auto& value : r.list(*entry, "answers", file)) {
      AnswerOption option;
      option.value = value;
      const auto standard = standard_answer_pictograms().find(value);
      option.pictogram = standard == standard_answer_pictograms().end() ? "" : standard->second;
      if (auto label = pack.strings.find("answer." + value); label != pack.strings.end())
        option.label = label->second;
      else
        r.error(file, line_of(node), "answer '" + value + "' needs a label answer." + value + " in strings.toml");
      question.options.push_back(std::move(option));
    }
    if (question.options.empty())
      r.error(file, line_of(node), "question '" + question.id + "' needs answers = [...]");
    question.ask_if = conditions(r, *entry, "ask_if", file);
    question.together = r.text(*entry, "together", file, line_of(node), false);
    question.measure = r.text(*entry, "measure", file, line_of(node), false);
    pack.questions.push_back(std::move(question));
  }
}

void read_thresholds(Reader& r, const toml::table& table, const std::string& file, std::vector<Threshold>& out) {
  const toml::array* thresholds = table["threshold"].as_array();
  if (!thresholds) return;
  for (const auto& node : *thresholds) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    Threshold threshold;
    threshold.origin = {file, line_of(node)};
    threshold.id = r.text(*entry, "id", file, line_of(node), true);
    threshold.measure = r.text(*entry, "measure", file, line_of(node), true);
    threshold.of = r.text(*entry, "of", file, line_of(node), false);
    // A number, or the id of a parameter that holds it (a municipality's percentage).
    if (const toml::node* percent = entry->get("percent")) {
      if (auto number = percent->value<double>())
        threshold.percent = *number;
      else if (auto parameter = percent->value<std::string>())
        threshold.percent_parameter = *parameter;
      else
        r.error(file, line_of(*percent),
                "'percent' must be a number (130) or a parameter's id (\"gemeentepolis_procent\")");
    }
    if (const toml::array* amounts = (*entry)["amounts"].as_array()) {
      for (const auto& item : *amounts) {
        const toml::table* choice = item.as_table();
        if (!choice) {
          r.error(file, line_of(item), "amounts = [{ when = [...], parameter = \"...\" }, ...]");
          continue;
        }
        threshold.amounts.push_back(
            {conditions(r, *choice, "when", file), r.text(*choice, "parameter", file, line_of(item), true)});
      }
    }
    if (threshold.amounts.empty() == threshold.of.empty())
      r.error(file, line_of(node),
              "threshold '" + threshold.id + "' needs either amounts = [...] or of = \"another threshold\"");
    out.push_back(std::move(threshold));
  }
}

void read_municipality(Reader& r, const toml::table& table, const std::string& file, const std::string& id,
                       std::vector<Municipality>& out) {
  Municipality municipality;
  municipality.id = id;
  municipality.origin = {file, 1};
  municipality.name = r.text(table, "name", file, 1, true);
  municipality.checked = r.text(table, "checked", file, 1, false);
  municipality.sources = r.list(table, "sources", file);
  municipality.not_offered = r.list(table, "not_offered", file);
  read_parameters(r, table, file, municipality.parameters);
  read_contacts(r, table, file, municipality.contacts);
  read_suggestions(r, table, file, municipality.rules);
  out.push_back(std::move(municipality));
}

void read_personas(Reader& r, const toml::table& table, const std::string& file, std::vector<Persona>& out) {
  const toml::array* personas = table["persona"].as_array();
  if (!personas) return;
  for (const auto& node : *personas) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    Persona persona;
    persona.origin = {file, line_of(node)};
    persona.name = r.text(*entry, "name", file, line_of(node), true);
    persona.date = r.text(*entry, "date", file, line_of(node), true);
    persona.municipality = r.text(*entry, "municipality", file, line_of(node), false);
    if (const toml::table* amounts = (*entry)["amounts"].as_table()) {
      for (const auto& [key, value] : *amounts) {
        if (auto number = value.value<double>())
          persona.amounts[std::string(key.str())] = *number;
        else
          r.error(file, line_of(value), "amounts." + std::string(key.str()) + " must be a number");
      }
    }
    for (const char* field : {"answers", "expect"}) {
      const toml::table* values = (*entry)[field].as_table();
      if (!values) {
        if (std::string(field) == "answers")
          r.error(file, line_of(node), "persona '" + persona.name + "' needs answers = { ... }");
        continue;
      }
      for (const auto& [key, value] : *values) {
        auto text = value.value<std::string>();
        if (!text) {
          r.error(file, line_of(value), std::string(field) + "." + std::string(key.str()) + " must be text");
          continue;
        }
        (std::string(field) == "answers" ? persona.answers : persona.expect)[std::string(key.str())] = *text;
      }
    }
    out.push_back(std::move(persona));
  }
}

void read_avoid(Reader& r, const toml::table& table, const std::string& file, std::vector<AvoidWord>& out) {
  const toml::array* words = table["word"].as_array();
  if (!words) return;
  for (const auto& node : *words) {
    const toml::table* entry = node.as_table();
    if (!entry) continue;
    out.push_back({r.text(*entry, "avoid", file, line_of(node), true),
                   r.text(*entry, "instead", file, line_of(node), true)});
  }
}

// [nl] "AOW" = "aa-oo-wee"; one table per language.
void read_speech(Reader& r, const toml::table& table, const std::string& file,
                 std::map<std::string, std::vector<std::pair<std::string, std::string>>>& out) {
  for (const auto& [language, node] : table) {
    const toml::table* words = node.as_table();
    if (!words) {
      r.error(file, line_of(node), "'" + std::string(language.str()) + "' must be a table: [nl]");
      continue;
    }
    auto& list = out[std::string(language.str())];
    for (const auto& [written, said] : *words) {
      if (auto text = said.value<std::string>())
        list.emplace_back(std::string(written.str()), *text);
      else
        r.error(file, line_of(said), "'" + std::string(written.str()) + "' must be said as text in quotes");
    }
  }
}

// One file of the pack, into the pack; `id` names a folder's item ("aow" for pages/aow.toml).
void read_file(Reader& r, PackFile kind, const toml::table& table, const std::string& file, const std::string& id,
               ContentPack& pack) {
  switch (kind) {
    case PackFile::Pack: read_pack_file(r, table, file, pack); break;
    case PackFile::Location: read_location(r, table, file, pack.location); break;
    case PackFile::Home:
      pack.home_topics = r.list(table, "topics", file);
      if (pack.home_topics.empty()) r.error(file, 1, "'topics' must list the pages shown on Home");
      break;
    case PackFile::Strings: collect_strings(r, table, "", file, pack.strings); break;
    case PackFile::Pages: read_page(r, table, file, id, pack.pages); break;
    case PackFile::Questions: read_questions(r, table, file, pack); break;
    case PackFile::Contacts: read_contacts(r, table, file, pack.contacts); break;
    case PackFile::Parameters:
      read_parameters(r, table, file, pack.parameters);
      read_thresholds(r, table, file, pack.thresholds);
      break;
    case PackFile::Rules: read_suggestions(r, table, file, pack.rules); break;
    case PackFile::Municipalities: read_municipality(r, table, file, id, pack.municipalities); break;
    case PackFile::Personas: read_personas(r, table, file, pack.personas); break;
    case PackFile::Avoid: read_avoid(r, table, file, pack.avoid); break;
    case PackFile::Speech: read_speech(r, table, file, pack.pronunciation); break;
    case PackFile::Words: pack.known_words = r.list(table, "words", file); break;
    case PackFile::Translations:
      for (const auto& [field, node] : table) {
        const toml::table* per_language = node.as_table();
        if (!per_language) {
          r.error(file, line_of(node), "'" + std::string(field.str()) + "' must be { en = \"…\", … }");
          continue;
        }
        for (const auto& [language, value] : *per_language)
          if (auto fingerprint = value.value<std::string>())
            pack.translated_from[std::string(field.str())][std::string(language.str())] = *fingerprint;
      }
      break;
  }
}

}  // namespace

ReadResult read_pack(const PackFiles& files, const std::string& directory) {
  Reader r(files, directory);
  ContentPack pack;
  pack.directory = directory;
  for (const auto& spec : pack_file_specs()) {
    if (!spec.folder) {
      const std::string file = r.path(spec.path);
      if (auto table = r.parse(file, spec.required)) read_file(r, spec.file, *table, file, {}, pack);
      continue;
    }
    // A folder: one file per item, its name (without .toml) the item's id.
    const auto found = r.files_in(spec.path);
    if (found.empty() && spec.required)
      r.error(r.path(spec.path), 0, "no " + spec.path + " (" + spec.path + "/*.toml)");
    for (const auto& relative : found) {
      const std::string file = r.path(relative);
      if (auto table = r.parse(file, true))
        read_file(r, spec.file, *table, file, fs::path(relative).stem().string(), pack);
    }
  }
  if (!pack.location.municipality.empty() && !pack.find_municipality(pack.location.municipality))
    r.error(r.path(spec_of(PackFile::Location).path), pack.location.municipality_line,
            "municipality '" + pack.location.municipality + "' needs a file municipalities/" +
                pack.location.municipality + ".toml");

  ReadResult result;
  result.diagnostics = std::move(r.diagnostics);
  if (!has_errors(result.diagnostics)) result.pack = std::move(pack);
  return result;
}

}  // namespace content
