#include "content/content_pack.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "hours/opening_hours.hpp"

namespace content {

namespace {

template <typename Item>
const Item* find_by_id(const std::vector<Item>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Page* ContentPack::find_page(const std::string& id) const {
  return find_by_id(pages, id);
}

const Language* ContentPack::find_language(const std::string& code) const {
  auto it =
      std::find_if(languages.begin(), languages.end(), [&](const Language& l) { return l.code == code; });
  return it == languages.end() ? nullptr : &*it;
}

const Contact* ContentPack::find_contact(const std::string& id) const {
  if (const auto* local = municipality())
    if (const auto* contact = find_by_id(local->contacts, id)) return contact;
  return find_by_id(contacts, id);
}

const Question* ContentPack::find_question(const std::string& id) const {
  return find_by_id(questions, id);
}

const Rule* ContentPack::find_rule(const std::string& id) const {
  if (const auto* local = municipality()) {
    if (const auto* rule = find_by_id(local->rules, id)) return rule;
    if (std::count(local->not_offered.begin(), local->not_offered.end(), id)) return nullptr;
  }
  return find_by_id(rules, id);
}

const Municipality* ContentPack::municipality() const {
  return location.municipality.empty() ? nullptr : find_municipality(location.municipality);
}

const Municipality* ContentPack::find_municipality(const std::string& id) const {
  return find_by_id(municipalities, id);
}

const Municipality* ContentPack::municipality_called(const std::string& text) const {
  auto plain = [](std::string words) {
    for (auto& c : words) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string prefix = "gemeente ";
    return words.rfind(prefix, 0) == 0 ? words.substr(prefix.size()) : words;
  };
  for (const auto& municipality : municipalities)
    if (plain(municipality.id) == plain(text) || plain(municipality.name) == plain(text))
      return &municipality;
  return nullptr;
}

bool ContentPack::page_offered(const std::string& page_id) const {
  bool told_by_a_rule = false;
  for (const auto& rule : rules)
    if (rule.page == page_id) {
      if (find_rule(rule.id)) return true;
      told_by_a_rule = true;
    }
  if (const auto* local = municipality())
    for (const auto& rule : local->rules)
      if (rule.page == page_id) return true;
  return !told_by_a_rule;
}

std::vector<const Rule*> ContentPack::visitor_rules() const {
  const auto* local = municipality();
  std::vector<const Rule*> out;
  for (const auto& rule : rules) {
    const Rule* served = find_rule(rule.id);  // its own, the national one, or none here
    if (served) out.push_back(served);
  }
  if (local)
    for (const auto& rule : local->rules)
      if (!find_by_id(rules, rule.id)) out.push_back(&rule);
  return out;
}

std::vector<const Parameter*> ContentPack::visitor_parameters() const {
  const auto* local = municipality();
  std::vector<const Parameter*> out;
  auto set_locally = [&](const std::string& id) { return local && find_by_id(local->parameters, id); };
  for (const auto& parameter : parameters)
    if (!set_locally(parameter.id)) out.push_back(&parameter);
  if (local)
    for (const auto& parameter : local->parameters) out.push_back(&parameter);
  return out;
}

std::string in_words(const ContentPack& pack, const Diagnostic& finding, const std::string& lang) {
  if (finding.said.code.empty() || !pack.strings.count("msg." + finding.said.code)) return finding.message;
  return fill_in(pack.text("msg." + finding.said.code, lang), finding.said.values);
}

ContentPack in_municipality(const ContentPack& pack, const std::string& municipality) {
  ContentPack out = pack;
  out.location.municipality = municipality;
  return out;
}

const Threshold* ContentPack::find_threshold(const std::string& id) const {
  return find_by_id(thresholds, id);
}

bool contact_serves(const Contact& contact, const std::string& step) {
  const bool known_hours = !contact.hours.empty() && hours::parse(contact.hours).schedule;
  if (step == "call") return !contact.phone.empty() && known_hours;
  if (step == "go") return !contact.address.empty() && known_hours && !contact.appointment;
  return true;
}

const Contact* slip_contact(const ContentPack& pack, const std::vector<std::string>& rule_ids,
                            const std::string& step) {
  if (step == "desk") return nullptr;
  for (const auto& id : rule_ids)
    if (const auto* rule = pack.find_rule(id))
      if (const auto* contact = pack.find_contact(rule->contact); contact && contact_serves(*contact, step))
        return contact;
  return nullptr;
}

int days_between(const std::string& from, const std::string& to) {
  auto day = [](const std::string& iso) {
    using namespace std::chrono;
    const year_month_day ymd{year{std::atoi(iso.substr(0, 4).c_str())},
                             month{static_cast<unsigned>(std::atoi(iso.substr(5, 2).c_str()))},
                             std::chrono::day{static_cast<unsigned>(std::atoi(iso.substr(8, 2).c_str()))}};
    return sys_days{ymd};
  };
  if (from.size() != 10 || to.size() != 10) return 0;
  return static_cast<int>((day(to) - day(from)).count());
}

const std::string& ContentPack::pick(const LocalText& text, const std::string& lang) const {
  static const std::string empty;
  if (auto it = text.find(lang); it != text.end() && !it->second.empty()) return it->second;
  if (auto it = text.find(default_language); it != text.end()) return it->second;
  return empty;
}

const std::string& ContentPack::text(const std::string& key, const std::string& lang) const {
  auto it = strings.find(key);
  if (it == strings.end()) return key;
  const std::string& found = pick(it->second, lang);
  return found.empty() ? key : found;
}

std::string fill_in(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string token = "{" + name + "}";
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
      text.replace(at, token.size(), value);
  }
  return text;
}

std::string now_text(const char* format, bool utc) {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  if (utc)
    gmtime_r(&now, &parts);
  else
    localtime_r(&now, &parts);
  char text[64];
  return std::strftime(text, sizeof text, format, &parts) ? text : "";
}

std::string local_time_text(const std::string& utc_iso) {
  std::tm parts{};
  if (std::sscanf(utc_iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                  &parts.tm_hour, &parts.tm_min, &parts.tm_sec) != 6)
    return utc_iso;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  const std::time_t at = timegm(&parts);
  std::tm local{};
  localtime_r(&at, &local);
  char text[32];
  return std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local) ? text : utc_iso;
}

}  // namespace content
