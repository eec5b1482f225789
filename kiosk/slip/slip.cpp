#include "slip/slip.hpp"

#include <algorithm>
#include <cctype>

#include "hours/handover.hpp"
#include "slip/vcard.hpp"
#include "text/numbers.hpp"

namespace slip {
namespace {

using content::fill_in;

// "Huurtoeslag: geld voor uw huur" → "huurtoeslag"; "AIO: extra geld ..." → "AIO".
std::string topic_of(const std::string& title) {
  std::string topic = title.substr(0, title.find(':'));
  const auto capitals =
      std::count_if(topic.begin(), topic.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (capitals == 1 && !topic.empty() && topic[0] >= 'A' && topic[0] <= 'Z')
    topic[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(topic[0])));
  return topic;
}

// "Uw DigiD. De jaaropgave." → {"Uw DigiD.", "De jaaropgave."}
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(". ", start);
    const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
    std::string sentence = text.substr(start, stop - start);
    while (!sentence.empty() && sentence.front() == ' ') sentence.erase(sentence.begin());
    if (!sentence.empty()) out.push_back(sentence);
    start = stop;
  }
  return out;
}

// The same sentence whatever its capitals and closing full stop: "Uw DigiD." and "uw DigiD".
std::string sentence_key(const std::string& sentence) {
  std::string key = sentence;
  while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

}  // namespace

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::Title: return "title";
    case Kind::Date: return "date";
    case Kind::Step: return "step";
    case Kind::Heading: return "heading";
    case Kind::Item: return "item";
    case Kind::Text: return "text";
    case Kind::Check: return "check";
    case Kind::Field: return "field";
    case Kind::Qr: return "qr";
    case Kind::Closing: return "closing";
  }
  return "text";
}

std::string long_date(const std::string& iso, const std::string& lang) {
  const auto day = hours::parse_date(iso);
  if (!day) return iso;
  const std::string written = text::long_date(day->year, day->month, day->day, lang);
  return written.empty() ? iso : written;
}

Slip make_slip(const content::ContentPack& content, const Request& request) {
  Slip slip;
  slip.lang = content.find_language(request.lang) ? request.lang : content.default_language;
  const auto* language = content.find_language(slip.lang);
  slip.right_to_left = language && language->right_to_left;
  auto t = [&](const std::string& key) -> const std::string& { return content.text(key, slip.lang); };
  auto pick = [&](const content::LocalText& text) -> const std::string& {
    return content.pick(text, slip.lang);
  };
  auto add = [&](Kind kind, const std::string& text, const std::string& pictogram = {}) {
    if (!text.empty()) slip.blocks.push_back({kind, text, pictogram, false});
  };
  // A text from the content: in the slip's language, or else in the pack's own (marked as such).
  auto add_local = [&](Kind kind, const content::LocalText& text, const std::string& pictogram = {}) {
    const std::size_t before = slip.blocks.size();
    add(kind, pick(text), pictogram);
    if (slip.blocks.size() > before) slip.blocks.back().in_default_language = text.count(slip.lang) == 0;
  };

  std::vector<const content::Rule*> rules;
  for (const auto& id : request.suggestions)
    if (const auto* rule = content.find_rule(id);
        rule && std::find(rules.begin(), rules.end(), rule) == rules.end())
      rules.push_back(rule);

  // The place named: for "desk" the info point here; otherwise the first suggestion's place
  // that has what the step needs. A step no place serves is the desk's.
  std::string step = request.next_step;
  const content::Contact* contact = content::slip_contact(content, request.suggestions, step);
  if (!contact && (step == "call" || step == "go")) step = "desk";
  // At the info point here (or a place in this building) everything is asked; elsewhere only
  // what that place handles: Dienst Toeslagen cannot help with AIO. The other suggestions
  // stand under their own place ("Ook: ..."), so nothing the visitor chose is lost.
  const bool here = !contact || (!contact->address.empty() && contact->address == content.location.address);
  auto handled_there = [&](const content::Rule& rule) {
    return here || content.find_contact(rule.contact) == contact;
  };
  // A suggestion without a known place of its own stays with the place named.
  auto elsewhere = [&](const content::Rule& rule) {
    return handled_there(rule) ? nullptr : content.find_contact(rule.contact);
  };
  auto add_item = [&](const content::Rule& rule) {
    const auto* page = content.find_page(rule.page);
    add(Kind::Item, "**" + pick(rule.title) + "**", page ? page->pictogram : "info");
    slip.blocks.back().in_default_language = rule.title.count(slip.lang) == 0;
  };

  add(Kind::Title, t("slip.title"));
  add(Kind::Date, long_date(request.date, slip.lang));
  if (!step.empty()) add(Kind::Step, t("slip.step." + step));

  // What to ask about there: each suggestion with its pictogram and one line.
  std::vector<const content::Rule*> asked;
  for (const auto* rule : rules)
    if (!elsewhere(*rule)) asked.push_back(rule);
  if (!asked.empty()) add(Kind::Heading, t("slip.about"));
  for (const auto* rule : asked) {
    add_item(*rule);
    add_local(Kind::Text, rule->reason);
  }

  // Where to go, and when: the week's hours in words and, at a known time, what the place
  // does next ("Nu open tot 16.00 uur"); the places of the other suggestions follow briefly.
  const auto today = hours::parse_date(request.date);
  const std::optional<hours::LocalTime> now =
      today && request.minute >= 0 && request.minute < 1440 ? std::optional{hours::LocalTime{*today, request.minute}}
                                                            : std::nullopt;
  auto add_week = [&](const std::string& text) {
    const auto schedule = hours::schedule_of(text);
    if (schedule)
      for (const auto& line : hours::week_words(content, *schedule, slip.lang, today)) add(Kind::Text, line);
    return schedule;
  };
  auto add_hours = [&](const std::string& text, bool desk) {
    const auto schedule = add_week(text);
    if (!schedule || !now) return;
    const std::string soon = desk ? hours::desk_soon_words(content, *now, slip.lang) : "";
    add(Kind::Text, "**" + (soon.empty() ? hours::status_words(content, *schedule, *now, slip.lang) : soon) + "**");
  };
  auto add_phone = [&](const content::Contact& place) {
    add(Kind::Text, fill_in(t("slip.phone"), {{"phone", place.phone}}));
    if (place.phone_free) add(Kind::Text, t(*place.phone_free ? "slip.phone_free" : "slip.phone_paid"));
  };
  add(Kind::Heading, t("slip.place"));
  slip.place = contact ? contact->name : content.location.name;
  if (contact) {
    add(Kind::Text, "**" + contact->name + "**");
    if (step == "call" && !contact->phone.empty()) add_phone(*contact);
    add(Kind::Text, contact->address);
    add_hours(contact->hours, false);
    add_local(Kind::Text, contact->note);
    if (step != "call" && !contact->phone.empty()) add_phone(*contact);
    add(Kind::Text, contact->web);
    // A place reached only on its website leaves a senior without the internet no step:
    // the info point here, with its address and hours, is a place to come back to.
    if (!content::contact_serves(*contact, "call") && !content::contact_serves(*contact, "go")) {
      add(Kind::Text, t("slip.come_back"));
      add(Kind::Text, "**" + content.location.name + "**");
      add(Kind::Text, content.location.address);
      add_week(content.location.info_point_hours);
    }
  } else {
    add(Kind::Text, "**" + content.location.name + "**");
    add(Kind::Text, content.location.address);
    add_hours(content.location.info_point_hours, true);
  }
  // The QR code carries the place to the visitor's phone: its details and the week's hours
  // in the visitor's words (not "now": the card is read later).
  {
    Card card;
    if (contact)
      card = {contact->name, contact->address, contact->phone, contact->web, {}};
    else
      card = {content.location.name, content.location.address, "", "", {t("slip.where")}};
    const std::string& hours_text = contact ? contact->hours : content.location.info_point_hours;
    if (const auto schedule = hours::schedule_of(hours_text))
      for (auto& line : hours::week_words(content, *schedule, slip.lang, today)) card.notes.push_back(line);
    if (!card.address.empty() || !card.phone.empty() || !card.web.empty()) slip.qr = vcard(card);
  }
  std::vector<const content::Contact*> others;
  for (const auto* rule : rules) {
    const auto* other = content.find_contact(rule->contact);
    if (other && other != contact && std::find(others.begin(), others.end(), other) == others.end()) {
      others.push_back(other);
      // How to reach it: a place without phone or website is named with its address.
      const std::string reach = !other->phone.empty() ? other->phone
                                : !other->web.empty() ? other->web
                                                      : other->address;
      add(Kind::Text, t("slip.also") + " " + other->name + (reach.empty() ? "" : ", " + reach));
      for (const auto* asked_there : rules)
        if (elsewhere(*asked_there) == other) add_item(*asked_there);
    }
  }

  // What to bring: every sentence once (whatever its capitals), as boxes to tick; from each
  // suggestion asked at the place named, its place, and a partner's papers only for a
  // visitor with a partner. Papers for the places under "Ook:" are theirs to ask for.
  std::vector<std::pair<std::string, bool>> bring;  // sentence, in the default language
  auto bring_from = [&](const content::LocalText& text) {
    for (const auto& item : sentences(pick(text)))
      if (std::none_of(bring.begin(), bring.end(),
                       [&](const auto& b) { return sentence_key(b.first) == sentence_key(item); }))
        bring.emplace_back(item, text.count(slip.lang) == 0);
  };
  for (const auto* rule : asked) {
    bring_from(rule->bring);
    if (request.partner) bring_from(rule->bring_partner);
    if (const auto* place = content.find_contact(rule->contact)) bring_from(place->bring);
  }
  if (!bring.empty()) add(Kind::Heading, t("slip.bring"));
  for (const auto& [item, fallback] : bring) {
    add(Kind::Check, item);
    slip.blocks.back().in_default_language = fallback;
  }

  // A sentence to say at the desk, in the visitor's language; for a visitor of another
  // language again in Dutch, framed as the part to show at the counter, so the staff read
  // the topics' Dutch names. A Dutch visitor's own part is the frame: nothing doubles.
  // Where the visitor says it decides the first words: at the desk here (or a place in this
  // building) "Ik kom van het informatiepunt" would be odd; on the phone it is "uw nummer".
  // Elsewhere the sentence names only what that place handles (`handled_there`): Dienst
  // Toeslagen was told "AIO en huurtoeslag" on the phone.
  auto say_in = [&](const std::string& lang) {
    std::vector<std::string> topics;
    for (const auto* rule : rules)
      if (!rule->fallback && handled_there(*rule))
        topics.push_back(rule->topic.empty() ? topic_of(content.pick(rule->title, lang))
                                             : content.pick(rule->topic, lang));
    auto in = [&](const std::string& key) -> const std::string& { return content.text(key, lang); };
    // A place with a phone and no address is only reached by phone, whatever the step.
    const bool by_phone = step == "call" || (contact && contact->address.empty() && !contact->phone.empty());
    const std::string from = here ? "" : in(by_phone ? "slip.from_call" : "slip.from");
    const std::string ask =
        topics.empty() ? in("slip.say_general")
                       : fill_in(in("slip.say_topic"), {{"topic", text::list_of(topics, lang)}});
    return from.empty() ? ask : from + " " + ask;
  };
  const std::string& dutch = content.default_language;
  const bool own_language = slip.lang == dutch;
  const std::size_t say_at = slip.blocks.size();
  add(Kind::Heading, t("slip.say"));
  add(Kind::Text, say_in(slip.lang));
  std::size_t counter_at = say_at;
  if (!own_language) {
    counter_at = slip.blocks.size();
    // On the phone nothing is shown: the Dutch sentence is there to read out.
    add(Kind::Heading, t(step == "call" ? "slip.in_dutch" : "slip.counter"));
    const std::size_t in_dutch = slip.blocks.size();
    if (step != "call") add(Kind::Heading, content.text("slip.counter_staff", dutch));
    add(Kind::Text, say_in(dutch));
    add(Kind::Field, content.text("slip.staff", dutch));
    for (std::size_t i = in_dutch; i < slip.blocks.size(); ++i) slip.blocks[i].in_default_language = true;
  } else {
    add(Kind::Field, t("slip.staff"));
  }
  for (std::size_t i = counter_at; i < slip.blocks.size(); ++i) slip.blocks[i].counter = true;

  // Money worries named: the free Geldfit number, unless Geldfit is on the slip already (the
  // place, or "Ook: Geldfit, 0800 8115"): a slip gave the number three times.
  const auto* geldfit = content.find_contact("geldfit");
  const bool money = std::any_of(rules.begin(), rules.end(), [](const auto* r) { return r->money; });
  if (money && geldfit && geldfit != contact && std::find(others.begin(), others.end(), geldfit) == others.end())
    add(Kind::Text, fill_in(t("slip.geldfit"), {{"phone", geldfit->phone}}));

  if (!slip.qr.empty()) add(Kind::Qr, t("slip.qr"));
  add(Kind::Closing, t("slip.nothing_kept"));
  return slip;
}

Slip call_ticket(const content::ContentPack& content, int minute) {
  const std::string& lang = content.default_language;
  Slip ticket;
  ticket.lang = lang;
  const auto* language = content.find_language(lang);
  ticket.right_to_left = language && language->right_to_left;
  auto add = [&](Kind kind, std::string text) {
    Block block;
    block.kind = kind;
    block.text = std::move(text);
    block.in_default_language = true;
    ticket.blocks.push_back(std::move(block));
  };
  add(Kind::Title, content.text("call.ticket", lang));
  if (minute >= 0 && minute < 24 * 60)
    add(Kind::Step,
        content::fill_in(content.text("call.ticket_time", lang), {{"time", hours::clock_text(minute)}}));
  return ticket;
}

std::string call_message(const content::ContentPack& content, int minute, const std::string& kiosk_name) {
  std::string line;
  for (const auto& block : call_ticket(content, minute).blocks)
    line += (line.empty() ? "" : " ") + block.text;
  const std::string& library = content.location.name;
  const std::string where = kiosk_name.empty() ? library
                            : library.empty()  ? kiosk_name
                                               : kiosk_name + ", " + library;
  return line + "\n" + where + "\n";
}

std::string plain_text(const Slip& slip) {
  std::string out;
  for (const auto& block : slip.blocks) {
    std::string line = block.text;
    for (auto at = line.find("**"); at != std::string::npos; at = line.find("**")) line.erase(at, 2);
    out += line + "\n";
  }
  return out;
}

}  // namespace slip
