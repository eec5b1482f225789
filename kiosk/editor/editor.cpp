#include "editor/editor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "content/b1.hpp"
#include "content/pack_format.hpp"
#include "content/pack_writer.hpp"
#include "content/validate.hpp"
#include "hours/handover.hpp"
#include "hours/opening_hours.hpp"
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

// An item of the pack's national list, or, for an id "amsterdam/gemeente", of that
// municipality's own list. Works on a const pack and a writable one.
template <typename Pack, typename Local, typename National, typename Key>
auto find_item(Pack& pack, Local local, National national, const std::string& id, Key key)
    -> decltype(find_in(pack.*national, id, key)) {
  const auto slash = id.find('/');
  if (slash == std::string::npos) return find_in(pack.*national, id, key);
  auto* municipality = find_in(pack.municipalities, id.substr(0, slash), by_id);
  return municipality ? find_in((*municipality).*local, id.substr(slash + 1), key) : nullptr;
}
template <typename Pack>
auto contact_of(Pack& pack, const std::string& id) {
  return find_item(pack, &content::Municipality::contacts, &content::ContentPack::contacts, id, by_id);
}
template <typename Pack>
auto rule_of(Pack& pack, const std::string& id) {
  return find_item(pack, &content::Municipality::rules, &content::ContentPack::rules, id, by_id);
}
template <typename Pack>
auto parameter_of(Pack& pack, const std::string& id) {
  return find_item(pack, &content::Municipality::parameters, &content::ContentPack::parameters, id,
                   by_period);
}

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
  static const std::vector<std::string> kinds = {"contact", "parameter", "page",    "question",
                                                 "rule",    "home",      "location"};
  if (std::find(kinds.begin(), kinds.end(), ref.kind) == kinds.end()) return std::nullopt;
  return ref;
}

std::string parameter_key(const content::Parameter& parameter) {
  return parameter.id + "@" + parameter.valid_from;
}

namespace {

// A text in several languages: the one asked for.
std::string local(const content::LocalText& text, const std::string& lang) {
  const auto it = text.find(lang);
  return it == text.end() ? std::string{} : it->second;
}

// "rent=yes" for a condition of one test with one value; nullopt for an either-or.
std::optional<std::string> simple(const content::Condition& condition) {
  if (condition.any.size() != 1 || condition.any[0].values.size() != 1 || condition.any[0].negate)
    return std::nullopt;
  return condition.any[0].question + "=" + condition.any[0].values[0];
}

content::Condition condition_of(const std::string& question, const std::string& value) {
  content::Condition condition;
  condition.any.push_back({question, {value}, false});
  condition.written = question + "=" + value;
  return condition;
}

// "when.2" -> 2; -1 for anything else.
int condition_index(const std::string& field) {
  if (field.rfind("when.", 0) != 0 || field == "when.new") return -1;
  const std::string digits = field.substr(5);
  if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos)
    return -1;
  return std::stoi(digits);
}

int topic_index(const std::string& id) {
  if (id.empty() || id.size() > 4 || id.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoi(id);
}

std::vector<std::string> language_codes(const content::ContentPack& pack) {
  std::vector<std::string> out{pack.default_language};
  for (const auto& language : pack.languages)
    if (language.code != pack.default_language) out.push_back(language.code);
  return out;
}


// Opening hours are chosen a day at a time: "contact:ido:hours.0" is Monday, "hours.ph" the
// public holidays. The choices are written back as one text in the opening_hours subset.
constexpr int kNotADay = -1;
constexpr int kHolidays = 7;

const std::vector<std::string>& hours_days() {
  static const std::vector<std::string> days = {"hours.0", "hours.1", "hours.2", "hours.3",
                                                "hours.4", "hours.5", "hours.6", "hours.ph"};
  return days;
}

int hours_day(const std::string& field) {
  const auto& days = hours_days();
  const auto it = std::find(days.begin(), days.end(), field);
  return it == days.end() ? kNotADay : static_cast<int>(it - days.begin());
}

// A day's hours as a choice's value: "10:00-16:00", "off"; for holidays "-" when they
// follow the weekdays.
std::string day_hours(const std::string& text, int day) {
  const auto schedule = hours::parse(text).schedule;
  if (day != kHolidays) return hours::spans_text(schedule ? hours::weekday_spans(*schedule, day) : std::vector<hours::Span>{});
  if (schedule)
    for (auto it = schedule->rules.rbegin(); it != schedule->rules.rend(); ++it)
      if (it->selects == hours::Rule::Selects::Holidays) return hours::spans_text(it->spans);
  return "-";
}

// The hours with one day chosen anew; the other days, the holidays and the dates stay.
std::string with_day_hours(const std::string& text, int day, const std::string& value) {
  const hours::Schedule old = hours::parse(text).schedule.value_or(hours::Schedule{});
  const auto chosen = hours::parse("Mo " + value).schedule;
  const std::vector<hours::Span> spans = chosen ? chosen->rules.front().spans : std::vector<hours::Span>{};
  hours::Schedule made;
  for (int d = 0; d < 7; ++d) {
    hours::Rule rule;
    rule.days[d] = true;
    rule.spans = d == day ? spans : hours::weekday_spans(old, d);
    if (!rule.spans.empty()) made.rules.push_back(rule);
  }
  bool holidays_said = false;
  for (auto it = old.rules.rbegin(); it != old.rules.rend() && !holidays_said; ++it)
    if (it->selects == hours::Rule::Selects::Holidays && day != kHolidays) {
      made.rules.push_back(*it);
      holidays_said = true;
    }
  if (day == kHolidays && value != "-") {
    hours::Rule rule;
    rule.selects = hours::Rule::Selects::Holidays;
    rule.spans = spans;
    made.rules.push_back(rule);
  }
  for (const auto& rule : old.rules)
    if (rule.selects == hours::Rule::Selects::Dates) made.rules.push_back(rule);
  return hours::to_text(made);
}

// "9.00 tot 17.00 uur", "9.00 tot 12.00 uur en 13.00 tot 16.00 uur".
std::string spans_label(const std::string& value) {
  const auto schedule = hours::parse("Mo " + value).schedule;
  if (!schedule || schedule->rules.front().spans.empty()) return "dicht";
  std::string out;
  for (const auto& span : schedule->rules.front().spans)
    out += (out.empty() ? "" : " en ") + hours::clock_text(span.from) + " tot " + hours::clock_text(span.to) + " uur";
  return out;
}

std::vector<Option> hours_options(const content::ContentPack& pack, const FieldRef& ref) {
  std::vector<Option> out;
  const int day = hours_day(ref.field);
  if (day == kHolidays) out.push_back({"-", "zoals op andere dagen"});
  out.push_back({"off", "dicht"});
  std::vector<std::string> values;
  for (const int from : {8, 9, 10, 12, 13, 14})
    for (const int to : {12, 13, 15, 16, 17, 18, 20})
      if (to > from) {
        char value[32];
        std::snprintf(value, sizeof value, "%02d:00-%02d:00", from, to);
        values.push_back(value);
      }
  values.push_back("09:00-12:00,13:00-17:00");
  values.push_back("10:00-12:00,13:00-16:00");
  // What the place has now is always one of the choices.
  const auto* contact = contact_of(pack, ref.id);
  const std::string now = contact ? day_hours(contact->hours, day) : "off";
  if (now != "off" && now != "-" && std::find(values.begin(), values.end(), now) == values.end())
    values.insert(values.begin(), now);
  for (const auto& value : values) out.push_back({value, spans_label(value)});
  return out;
}
}  // namespace

std::vector<Item> items(const content::ContentPack& pack, const std::string& section) {
  const std::string nl = pack.default_language;
  std::vector<Item> out;
  if (section == "pages")
    for (const auto& page : pack.pages) out.push_back({"page", page.id, pack.pick(page.title, nl)});
  if (section == "contacts")
    for (const auto& contact : pack.contacts) out.push_back({"contact", contact.id, contact.name});
  if (section == "amounts")
    for (const auto& parameter : pack.parameters)
      out.push_back({"parameter", parameter_key(parameter),
                     parameter.id + " (" + parameter.valid_from + "): " + amount_text(parameter.value)});
  if (section == "questions")
    for (const auto& question : pack.questions)
      out.push_back({"question", question.id, pack.pick(question.text, nl)});
  if (section == "rules")
    for (const auto& rule : pack.rules) out.push_back({"rule", rule.id, pack.pick(rule.title, nl)});
  if (section == "municipality") {
    // Which municipality, then what it decides itself: its percentages, desks and schemes.
    const auto* chosen = pack.municipality();
    out.push_back({"location", "municipality", chosen ? chosen->name : "(geen gemeente)"});
    if (chosen) {
      const std::string own = chosen->id + "/";
      for (const auto& parameter : chosen->parameters)
        out.push_back({"parameter", own + parameter_key(parameter),
                       parameter.id + " (" + parameter.valid_from + "): " + amount_text(parameter.value)});
      for (const auto& contact : chosen->contacts) out.push_back({"contact", own + contact.id, contact.name});
      for (const auto& rule : chosen->rules)
        out.push_back({"rule", own + rule.id, pack.pick(rule.title, nl)});
    }
  }
  if (section == "home") {
    for (std::size_t i = 0; i < pack.home_topics.size(); ++i) {
      const auto* page = pack.find_page(pack.home_topics[i]);
      out.push_back(
          {"home", std::to_string(i),
           std::to_string(i + 1) + ". " + (page ? pack.pick(page->title, nl) : pack.home_topics[i])});
    }
    if (pack.home_topics.size() < content::kMaxHomeTopics) out.push_back({"home", "new", "+"});
  }
  return out;
}

std::vector<FormRow> item_form(const content::ContentPack& pack, const std::string& kind,
                               const std::string& id) {
  const auto languages = language_codes(pack);
  auto texts = [&](const std::string& field) {
    FormRow row{"staff.field." + field, {}};
    for (const auto& lang : languages) row.fields.push_back({kind, id, field, lang});
    return row;
  };
  auto one = [&](const std::string& field) {
    return FormRow{"staff.field." + field, {{kind, id, field, ""}}};
  };
  if (kind == "page" && pack.find_page(id)) return {texts("title"), texts("body")};
  if (kind == "contact" && contact_of(pack, id)) {
    // The hours as choices, a day per row (and the public holidays), never typed; last, so
    // the texts stay on the form's first part.
    std::vector<FormRow> rows = {one("name"), one("address"), one("phone"), one("web"), texts("note"),
                                 texts("bring")};
    for (const auto& day : hours_days()) rows.push_back(one(day));
    return rows;
  }
  if (kind == "parameter" && parameter_of(pack, id))
    return {one("value"), one("valid_from"), one("valid_until"), one("source")};
  if (kind == "question" && pack.find_question(id)) return {texts("text")};
  if (kind == "location" && id == "municipality") return {one("municipality")};
  if (const auto* rule = kind == "rule" ? rule_of(pack, id) : nullptr) {
    std::vector<FormRow> rows = {texts("title"),         texts("reason"), texts("topic"), texts("bring"),
                                 texts("bring_partner"), one("contact"),  one("page")};
    for (std::size_t i = 0; i < rule->when.size(); ++i)
      rows.push_back({"staff.field.when", {{kind, id, "when." + std::to_string(i), ""}}});
    rows.push_back(one("when.new"));
    return rows;
  }
  if (kind == "home" && (id == "new" || (topic_index(id) >= 0 && static_cast<std::size_t>(topic_index(id)) <
                                                                     pack.home_topics.size())))
    return {one("page")};
  return {};
}

std::vector<Option> field_options(const content::ContentPack& pack, const FieldRef& ref) {
  const std::string nl = pack.default_language;
  std::vector<Option> out;
  auto pages = [&] {
    for (const auto& page : pack.pages) out.push_back({page.id, pack.pick(page.title, nl)});
  };
  if (ref.kind == "location" && ref.field == "municipality") {
    for (const auto& municipality : pack.municipalities) out.push_back({municipality.id, municipality.name});
  } else if (ref.kind == "rule" && ref.field == "contact") {
    // A municipality's own suggestion may send people to its own desks too.
    if (const auto slash = ref.id.find('/'); slash != std::string::npos)
      if (const auto* own = pack.find_municipality(ref.id.substr(0, slash)))
        for (const auto& contact : own->contacts) out.push_back({contact.id, contact.name});
    for (const auto& contact : pack.contacts) out.push_back({contact.id, contact.name});
  } else if (ref.kind == "contact" && hours_day(ref.field) != kNotADay) {
    out = hours_options(pack, ref);
  } else if (ref.kind == "rule" && ref.field == "page") {
    out.push_back({"-", "(geen pagina)"});
    pages();
  } else if (ref.kind == "rule" && ref.field.rfind("when.", 0) == 0) {
    if (ref.field != "when.new") out.push_back({"-", "(weghalen)"});
    // "Weet ik niet" and "Zeg ik liever niet" are open answers: a rule never asks for them.
    for (const auto& question : pack.questions)
      for (const auto& option : question.options)
        if (option.value != "unknown" && option.value != "skip")
          out.push_back({question.id + "=" + option.value,
                         pack.pick(question.text, nl) + " \u2014 " + pack.pick(option.label, nl)});
  } else if (ref.kind == "home") {
    const int at = topic_index(ref.id);
    if (ref.id != "new") {
      out.push_back({"-", "(weghalen)"});
      if (at > 0) out.push_back({"^", "(eerder tonen)"});
    } else if (pack.home_topics.size() >= content::kMaxHomeTopics) {
      return {};  // Home is full
    }
    // A page is on Home once: the other topics' pages are not offered.
    const auto& topics = pack.home_topics;
    for (const auto& page : pack.pages) {
      const auto on_home = std::find(topics.begin(), topics.end(), page.id);
      if (on_home == topics.end() || on_home - topics.begin() == at)
        out.push_back({page.id, pack.pick(page.title, nl)});
    }
  }
  return out;
}

bool has_preview(const FieldRef& ref) {
  return ref.kind == "page" || ref.kind == "question" || ref.kind == "home" ||
         (ref.kind == "rule" && (ref.field == "title" || ref.field == "reason"));
}

std::optional<std::string> field_text(const content::ContentPack& pack, const FieldRef& ref) {
  if (ref.kind == "page") {
    const auto* page = find_in(pack.pages, ref.id, by_id);
    if (!page || (ref.field != "title" && ref.field != "body")) return std::nullopt;
    return local(ref.field == "title" ? page->title : page->body, ref.lang);
  }
  if (ref.kind == "location") {
    if (ref.field != "municipality") return std::nullopt;
    return pack.location.municipality;
  }
  if (ref.kind == "contact") {
    const auto* contact = contact_of(pack, ref.id);
    if (!contact) return std::nullopt;
    if (ref.field == "name") return contact->name;
    if (ref.field == "address") return contact->address;
    if (ref.field == "phone") return contact->phone;
    if (ref.field == "web") return contact->web;
    if (ref.field == "hours") return contact->hours;
    if (const int day = hours_day(ref.field); day != kNotADay) return day_hours(contact->hours, day);
    if (ref.field == "note") return local(contact->note, ref.lang);
    if (ref.field == "bring") return local(contact->bring, ref.lang);
    return std::nullopt;
  }
  if (ref.kind == "question") {
    const auto* question = find_in(pack.questions, ref.id, by_id);
    if (!question || ref.field != "text") return std::nullopt;
    return local(question->text, ref.lang);
  }
  if (ref.kind == "rule") {
    const auto* rule = rule_of(pack, ref.id);
    if (!rule) return std::nullopt;
    if (ref.field == "title") return local(rule->title, ref.lang);
    if (ref.field == "reason") return local(rule->reason, ref.lang);
    if (ref.field == "topic") return local(rule->topic, ref.lang);
    if (ref.field == "bring") return local(rule->bring, ref.lang);
    if (ref.field == "bring_partner") return local(rule->bring_partner, ref.lang);
    if (ref.field == "contact") return rule->contact;
    if (ref.field == "page") return rule->page.empty() ? "-" : rule->page;
    if (ref.field == "when.new") return std::string{};
    const int n = condition_index(ref.field);
    if (n < 0 || static_cast<std::size_t>(n) >= rule->when.size()) return std::nullopt;
    return simple(rule->when[static_cast<std::size_t>(n)])
        .value_or(rule->when[static_cast<std::size_t>(n)].written);
  }
  if (ref.kind == "home") {
    if (ref.field != "page") return std::nullopt;
    if (ref.id == "new") return std::string{};
    const int n = topic_index(ref.id);
    if (n < 0 || static_cast<std::size_t>(n) >= pack.home_topics.size()) return std::nullopt;
    return pack.home_topics[static_cast<std::size_t>(n)];
  }
  const auto* parameter = parameter_of(pack, ref.id);
  if (!parameter) return std::nullopt;
  if (ref.field == "value") return amount_text(parameter->value);
  if (ref.field == "valid_from") return parameter->valid_from;
  if (ref.field == "valid_until") return parameter->valid_until;
  if (ref.field == "source") return parameter->source;
  return std::nullopt;
}

namespace {

bool is_option(const content::ContentPack& pack, const FieldRef& ref, const std::string& value) {
  const auto options = field_options(pack, ref);
  return std::any_of(options.begin(), options.end(), [&](const Option& o) { return o.value == value; });
}

std::string set_rule_field(content::ContentPack& pack, content::Rule& rule, const FieldRef& ref,
                           const std::string& text) {
  content::LocalText* texts = ref.field == "title"           ? &rule.title
                              : ref.field == "reason"        ? &rule.reason
                              : ref.field == "topic"         ? &rule.topic
                              : ref.field == "bring"         ? &rule.bring
                              : ref.field == "bring_partner" ? &rule.bring_partner
                                                             : nullptr;
  if (texts) {
    if (text.empty() && (ref.field == "title" || ref.field == "reason")) return "staff.edit.empty";
    if (text.empty())
      texts->erase(ref.lang);
    else
      (*texts)[ref.lang] = text;
    return {};
  }
  if (!is_option(pack, ref, text)) return "staff.edit.choose";
  if (ref.field == "contact") {
    rule.contact = text;
  } else if (ref.field == "page") {
    rule.page = text == "-" ? "" : text;
  } else if (ref.field == "when.new") {
    const auto eq = text.find('=');
    rule.when.push_back(condition_of(text.substr(0, eq), text.substr(eq + 1)));
  } else {
    const int n = condition_index(ref.field);
    if (n < 0 || static_cast<std::size_t>(n) >= rule.when.size()) return "staff.edit.gone";
    const auto at = rule.when.begin() + n;
    if (text == "-") {
      rule.when.erase(at);
    } else {
      const auto eq = text.find('=');
      *at = condition_of(text.substr(0, eq), text.substr(eq + 1));
    }
  }
  return {};
}

std::string set_home_topic(content::ContentPack& pack, const FieldRef& ref, const std::string& text) {
  if (ref.field != "page") return "staff.edit.fixed";
  if (!is_option(pack, ref, text)) return "staff.edit.choose";
  auto& topics = pack.home_topics;
  if (ref.id == "new") {
    if (topics.size() >= content::kMaxHomeTopics) return "staff.edit.home_full";
    topics.push_back(text);
    return {};
  }
  const int n = topic_index(ref.id);
  if (n < 0 || static_cast<std::size_t>(n) >= topics.size()) return "staff.edit.gone";
  const auto at = topics.begin() + n;
  if (text == "-")
    topics.erase(at);
  else if (text == "^")
    std::iter_swap(at, at - 1);
  else
    *at = text;
  return {};
}

}  // namespace

namespace {
std::string set_field_text(content::ContentPack& pack, const FieldRef& ref, const std::string& text);
}  // namespace

std::string fingerprint(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits: a change, not a secret
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

namespace {

FieldRef in_language(FieldRef ref, const std::string& lang) {
  ref.lang = lang;
  return ref;
}

// A translation saved: made from today's Dutch. The Dutch changed: the translations that had no
// record yet were made from the Dutch before it, so they are out of date from now on.
void note_translation(content::ContentPack& pack, const FieldRef& ref, const std::string& dutch_before) {
  auto& record = pack.translated_from[in_language(ref, "").key()];
  if (ref.lang == pack.default_language) {
    for (const auto& language : pack.languages)
      if (language.code != pack.default_language && !record.count(language.code) &&
          !field_text(pack, in_language(ref, language.code)).value_or("").empty())
        record[language.code] = fingerprint(dutch_before);
  } else if (const auto dutch = field_text(pack, in_language(ref, pack.default_language))) {
    record[ref.lang] = fingerprint(*dutch);
  }
  if (record.empty()) pack.translated_from.erase(in_language(ref, "").key());
}

}  // namespace

bool out_of_date(const content::ContentPack& pack, const FieldRef& ref) {
  if (ref.lang.empty() || ref.lang == pack.default_language) return false;
  const auto field = pack.translated_from.find(in_language(ref, "").key());
  if (field == pack.translated_from.end()) return false;
  const auto made_from = field->second.find(ref.lang);
  const auto dutch = field_text(pack, in_language(ref, pack.default_language));
  return made_from != field->second.end() && dutch && made_from->second != fingerprint(*dutch);
}

std::vector<FieldRef> out_of_date_translations(const content::ContentPack& pack) {
  std::vector<FieldRef> out;
  for (const auto& section : sections())
    for (const auto& item : items(pack, section))
      for (const auto& row : item_form(pack, item.kind, item.id))
        for (const auto& field : row.fields)
          if (out_of_date(pack, field)) out.push_back(field);
  return out;
}

std::string set_field(content::ContentPack& pack, const FieldRef& ref, const std::string& text) {
  const std::string before = ref.lang.empty() ? std::string{} : field_text(pack, ref).value_or("");
  auto problem = set_field_text(pack, ref, text);
  if (problem.empty() && !ref.lang.empty() && (text != before || ref.lang != pack.default_language))
    note_translation(pack, ref, before);
  return problem;
}

namespace {

std::string set_field_text(content::ContentPack& pack, const FieldRef& ref, const std::string& text) {
  if (ref.kind == "page") {
    auto* page = find_in(pack.pages, ref.id, by_id);
    if (!page) return "staff.edit.gone";
    if (text.empty()) return "staff.edit.empty";
    if (ref.field == "title")
      page->title[ref.lang] = text;
    else if (ref.field == "body")
      page->body[ref.lang] = text;
    else
      return "staff.edit.fixed";
    return {};
  }
  if (ref.kind == "location") {
    if (ref.field != "municipality") return "staff.edit.fixed";
    if (!is_option(pack, ref, text)) return "staff.edit.choose";
    pack.location.municipality = text;
    return {};
  }
  if (ref.kind == "contact") {
    auto* contact = contact_of(pack, ref.id);
    if (!contact) return "staff.edit.gone";
    if (ref.field == "name" && text.empty()) return "staff.edit.empty";
    if (ref.field == "name")
      contact->name = text;
    else if (ref.field == "address")
      contact->address = text;
    else if (ref.field == "phone")
      contact->phone = text;
    else if (ref.field == "web")
      contact->web = text;
    else if (hours_day(ref.field) != kNotADay && !is_option(pack, ref, text))
      return "staff.edit.choose";
    else if (const int day = hours_day(ref.field); day != kNotADay)
      contact->hours = with_day_hours(contact->hours, day, text);
    else if (ref.field == "hours" && !text.empty() && !hours::parse(text).schedule)
      return "staff.edit.hours_unreadable";
    else if (ref.field == "hours")
      contact->hours = text;
    else if (ref.field == "note" && text.empty())
      contact->note.erase(ref.lang);
    else if (ref.field == "note")
      contact->note[ref.lang] = text;
    else if (ref.field == "bring")
      contact->bring[ref.lang] = text;
    else
      return "staff.edit.fixed";
    return {};
  }
  if (ref.kind == "question") {
    auto* question = find_in(pack.questions, ref.id, by_id);
    if (!question) return "staff.edit.gone";
    if (ref.field != "text") return "staff.edit.fixed";
    if (text.empty()) return "staff.edit.empty";
    question->text[ref.lang] = text;
    return {};
  }
  if (ref.kind == "rule") {
    auto* rule = rule_of(pack, ref.id);
    return rule ? set_rule_field(pack, *rule, ref, text) : "staff.edit.gone";
  }
  if (ref.kind == "home") return set_home_topic(pack, ref, text);
  auto* parameter = parameter_of(pack, ref.id);
  if (!parameter) return "staff.edit.gone";
  if (ref.field == "value") {
    const auto amount = parse_amount(text);
    if (!amount) return "staff.edit.amount";
    parameter->value = *amount;
  } else if (ref.field == "valid_from" || ref.field == "valid_until") {
    if (!is_date(text)) return "staff.edit.date";
    (ref.field == "valid_from" ? parameter->valid_from : parameter->valid_until) = text;
  } else if (ref.field == "source") {
    if (text.empty()) return "staff.edit.source";
    parameter->source = text;
  } else {
    return "staff.edit.fixed";
  }
  return {};
}

}  // namespace

std::string file_of(const std::string& kind, const std::string& id) {
  using content::PackFile;
  if (const auto slash = id.find('/'); slash != std::string::npos && kind != "page")
    return content::pack_path(PackFile::Municipalities, id.substr(0, slash));  // a municipality's own item
  if (kind == "location") return content::pack_path(PackFile::Location);
  if (kind == "page") return content::pack_path(PackFile::Pages, id);
  if (kind == "contact") return content::pack_path(PackFile::Contacts);
  if (kind == "parameter") return content::pack_path(PackFile::Parameters);
  if (kind == "question") return content::pack_path(PackFile::Questions);
  if (kind == "rule") return content::pack_path(PackFile::Rules);
  if (kind == "home") return content::pack_path(PackFile::Home);
  return {};
}

std::string describe_file(const content::ContentPack& pack, const std::string& path) {
  const auto parsed = content::parse_pack_path(path);
  if (!parsed) return path;
  if (parsed->spec->file == content::PackFile::Pages) {
    const auto* page = pack.find_page(parsed->id);
    return parsed->spec->words + ": " + (page ? pack.pick(page->title, pack.default_language) : parsed->id);
  }
  if (parsed->spec->file == content::PackFile::Municipalities) {
    const auto* municipality = pack.find_municipality(parsed->id);
    return municipality ? municipality->name : parsed->spec->words + ": " + parsed->id;  // "Gemeente Den Haag"
  }
  return parsed->spec->words;
}

std::optional<content::ContentPack> usable(const content::PackFiles& files,
                                           const content::ValidateOptions& checks,
                                           std::vector<std::string>& errors) {
  auto read = content::read_pack(files, "store");
  for (const auto& d : read.diagnostics)
    if (d.severity == content::Severity::Error) errors.push_back(d.format());
  if (!read.pack || !errors.empty()) return std::nullopt;
  for (const auto& d : content::validate(*read.pack, checks).diagnostics)
    if (d.severity == content::Severity::Error) errors.push_back(d.format());
  if (!errors.empty()) return std::nullopt;
  return std::move(*read.pack);
}

content::PackFiles files_of(const content::ContentPack& pack) {
  return content::pack_files(pack);  // in memory: a full disk cannot make a change look empty
}

content::PackFiles changed_files(const content::PackFiles& before, const content::PackFiles& after) {
  content::PackFiles out;
  for (const auto& [path, text] : after)
    if (auto it = before.find(path); it == before.end() || it->second != text) out[path] = text;
  for (const auto& [path, text] : before)
    if (!after.count(path)) out[path] = "";
  return out;
}

SaveCheck check_save(const content::ContentPack& pack, const content::ValidateOptions& checks) {
  SaveCheck out;
  const std::string& nl = pack.default_language;
  for (const auto& d : content::validate(pack, checks).diagnostics)
    if (d.severity == content::Severity::Error) {
      out.errors.push_back(d.format());
      out.reasons.push_back(content::in_words(pack, d, nl));
    }
  for (const auto& d : selfcheck::check_personas(pack))
    if (d.severity == content::Severity::Error) out.personas.push_back(content::in_words(pack, d, nl));
  return out;
}

Hints b1_hints(const content::ContentPack& pack, const std::string& text) {
  Hints out;
  const auto result = content::check_b1(text, pack.avoid);
  for (const auto& finding : result.findings)
    out.lines.push_back(content::in_words(pack, {{}, 0, finding.severity, finding.message, finding.said},
                                          pack.default_language));
  out.flesch = result.stats.words > 0 ? result.stats.flesch_douma() : 0;
  out.words = result.stats.words;
  return out;
}

}  // namespace editor
