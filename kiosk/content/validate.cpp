#include "content/validate.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "content/markdown.hpp"
#include "content/pack_reader.hpp"
#include "hours/opening_hours.hpp"
#include "text/numbers.hpp"

namespace content {
namespace {

// Where the rules file is, for a finding about rules that are missing: beside the questions.
Origin rules_file_beside(const Origin& questions) {
  const auto slash = questions.file.rfind('/');
  return {(slash == std::string::npos ? std::string{} : questions.file.substr(0, slash + 1)) + "rules.toml",
          1};
}

std::string lower_ascii(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool valid_date(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  const int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class Checker {
 public:
  Checker(const ContentPack& pack, const ValidateOptions& options) : pack_(pack), options_(options) {}
  Validation out;

  void error(const Origin& at, const std::string& message) {
    out.diagnostics.push_back({at.file, at.line, Severity::Error, message});
  }
  void warning(const Origin& at, const std::string& message) {
    out.diagnostics.push_back({at.file, at.line, Severity::Warning, message});
  }

  void pictogram(const Origin& at, const std::string& name, const std::string& what) {
    if (name.empty() || !options_.pictogram_exists) return;
    if (!options_.pictogram_exists(name))
      error(at, what + ": unknown pictogram '" + name + "' (use a Material icon name, e.g. home, euro)");
  }

  // An amount written another language's way misleads ("€ 1.500" is one and a half euros in
  // English) and is read aloud wrongly: each is written as text::euros writes it.
  void amounts(const Origin& first_line, const std::string& text, const std::string& language) {
    for (const auto& found : text::find_euros(text)) {
      if (text::read_euros(found.written, language)) continue;
      const auto line =
          first_line.line + static_cast<int>(std::count(text.begin(), text.begin() + found.at, '\n'));
      std::string message =
          "body." + language + ": \"" + found.written + "\" is not how " + language + " writes an amount";
      // (Fifteen digits at most: any amount, and no overflow from a damaged file.)
      if (const auto dutch = text::read_euros(found.written, "nl");
          dutch && dutch->cents.empty() && dutch->whole.size() <= 15)
        message += "; write \"" + text::euros(std::stod(dutch->whole), language) + "\"";
      warning({first_line.file, line}, message);
    }
  }

  // A visitor's text is laid out on the main loop: a 3 MB word once stalled it for 16 s and ran
  // over the buttons. Words and paragraphs past these limits are refused (issue 23, item 11).
  void lengths(const Origin& at, const LocalText& text, const std::string& what) {
    for (const auto& [language, words] : text) {
      std::size_t word = 0, paragraph = 0, longest_word = 0, longest_paragraph = 0;
      for (std::size_t i = 0; i < words.size(); ++i) {
        const char c = words[i];
        const bool space = c == ' ' || c == '\n' || c == '\t';
        const bool blank_line = c == '\n' && i + 1 < words.size() && words[i + 1] == '\n';
        word = space ? 0 : word + 1;
        paragraph = blank_line ? 0 : paragraph + 1;
        longest_word = std::max(longest_word, word);
        longest_paragraph = std::max(longest_paragraph, paragraph);
      }
      if (longest_word > kMaxWordBytes)
        out.diagnostics.push_back({at.file, at.line, Severity::Error,
                                   what + "." + language + ": a word of " + std::to_string(longest_word) +
                                       " bytes; at most " + std::to_string(kMaxWordBytes),
                                   {"content.long_word", {{"bytes", std::to_string(longest_word)}}}});
      if (longest_paragraph > kMaxParagraphBytes)
        out.diagnostics.push_back({at.file, at.line, Severity::Error,
                                   what + "." + language + ": a paragraph of " + std::to_string(longest_paragraph) +
                                       " bytes; at most " + std::to_string(kMaxParagraphBytes),
                                   {"content.long_paragraph", {{"bytes", std::to_string(longest_paragraph)}}}});
    }
  }

  // Every language of the pack should have the text; the default language must.
  void translations(const Origin& at, const LocalText& text, const std::string& what) {
    for (const auto& language : pack_.languages) {
      const auto it = text.find(language.code);
      if (it != text.end() && !it->second.empty()) continue;
      if (language.code == pack_.default_language)
        error(at, what + " has no text in " + language.code);
      else
        warning(at, what + " has no translation in " + language.code);
    }
  }

  // Questions asked together are ticked: each needs yes (ticked), no (not ticked) and skip,
  // no amount, and the group's questions must follow each other.
  void together(const Question& question, std::size_t index, std::set<std::string>& groups_done) {
    const std::string what = "question '" + question.id + "' (together = '" + question.together + "')";
    for (const char* value : {"yes", "no", "skip"})
      if (std::none_of(question.options.begin(), question.options.end(),
                       [&](const AnswerOption& o) { return o.value == value; }))
        error(question.origin, what + " needs the answer '" + value + "'");
    if (!question.measure.empty()) error(question.origin, what + " cannot be a ladder of amounts");
    if (groups_done.count(question.together))
      error(question.origin, what + " must follow the other questions of its group");
    const bool last =
        index + 1 == pack_.questions.size() || pack_.questions[index + 1].together != question.together;
    if (last) groups_done.insert(question.together);
  }

  // B1 checks on Dutch text; `first_line` is where the text starts in its file.
  B1Stats b1(const Origin& at, const std::string& text, int first_line = -1) {
    const B1Result result = check_b1(text, pack_.avoid);
    for (const auto& finding : result.findings)
      out.diagnostics.push_back({at.file, (first_line < 0 ? at.line : first_line + finding.line),
                                 finding.severity, finding.message, finding.said});
    return result.stats;
  }

  // Each threshold's amounts name parameters that exist (in `served`: the pack as one
  // municipality serves it) and conditions on real questions, and its chain of percentages
  // ends in amounts.
  template <typename CheckCondition>
  void check_thresholds(const ContentPack& served, const std::string& where,
                        const CheckCondition& check_condition) {
    std::set<std::string> seen;
    const auto parameters = served.visitor_parameters();
    // The thresholds its suggestions compare with, and those they are a percentage of: a
    // municipality without a gemeentepolis needs no percentage for it.
    std::set<std::string> needed;
    for (const auto* rule : served.visitor_rules())
      for (const auto* list : {&rule->when, &rule->likely_if})
        for (const auto& condition : *list)
          for (const auto& test : condition.any)
            for (const Threshold* at = pack_.find_threshold(test.threshold);
                 at && needed.insert(at->id).second;  // (stops on a loop too)
                 at = pack_.find_threshold(at->of)) {
            }
    auto exists = [&](const std::string& id) {
      return std::any_of(parameters.begin(), parameters.end(),
                         [&](const Parameter* p) { return p->id == id; });
    };
    for (const auto& threshold : pack_.thresholds) {
      const std::string what = "threshold '" + threshold.id + "'";
      if (!seen.insert(threshold.id).second) error(threshold.origin, what + " is defined twice");
      for (const auto& choice : threshold.amounts) {
        for (const auto& condition : choice.when) check_condition(threshold.origin, condition, what);
        if (!exists(choice.parameter))
          error(threshold.origin, what + " names no parameter '" + choice.parameter + "'" + where);
      }
      if (!threshold.percent_parameter.empty() && needed.count(threshold.id) &&
          !exists(threshold.percent_parameter))
        error(threshold.origin,
              what + ": no parameter '" + threshold.percent_parameter + "' holds its percent" +
                  (where.empty() ? " (a municipality sets it: municipalities/ID.toml)" : where));
      // Follow `of` to its end: at most as many steps as there are thresholds, else a loop.
      const Threshold* at = &threshold;
      for (std::size_t steps = 0; at && !at->of.empty(); ++steps) {
        const Threshold* next = pack_.find_threshold(at->of);
        if (!next) error(threshold.origin, what + ": no threshold '" + at->of + "'");
        if (next && next->measure != threshold.measure)
          error(threshold.origin,
                what + " is about " + threshold.measure + ", '" + at->of + "' about " + next->measure);
        if (steps > pack_.thresholds.size()) {
          error(threshold.origin, what + ": its 'of' chain goes round in a loop");
          break;
        }
        at = next;
      }
      if (threshold.percent_parameter.empty() && !(threshold.percent > 0 && threshold.percent < 1000))
        error(threshold.origin, what + ": percent must be above 0 and below 1000");
    }
  }

  template <typename CheckCondition>
  void check_served(const ContentPack& served, const std::string& where,
                    const CheckCondition& check_condition) {
    check_thresholds(served, where, check_condition);
    const std::string& nl = pack_.default_language;
    std::set<std::string> seen;
    bool has_fallback = false;
    for (const auto* served_rule : served.visitor_rules()) {
      const Rule& rule = *served_rule;
      const Origin& at = rule.origin;
      if (!seen.insert(rule.id).second) error(at, "suggestion id '" + rule.id + "' is used twice");
      has_fallback = has_fallback || rule.fallback;
      for (const auto* list : {&rule.when, &rule.likely_if})
        for (const auto& condition : *list) check_condition(at, condition, "suggestion '" + rule.id + "'");
      if (!rule.contact.empty() && !served.find_contact(rule.contact))
        error(at, "suggestion '" + rule.id + "': no contact '" + rule.contact + "' in contacts.toml" + where);
      if (!rule.page.empty() && !pack_.find_page(rule.page))
        error(at, "suggestion '" + rule.id + "': no page '" + rule.page + "'");
      translations(at, rule.title, "suggestion '" + rule.id + "' title");
      translations(at, rule.reason, "suggestion '" + rule.id + "' reason");
      for (const LocalText* text : {&rule.title, &rule.reason, &rule.bring, &rule.bring_partner})
        lengths(at, *text, "suggestion '" + rule.id + "'");
      for (const LocalText* text : {&rule.title, &rule.reason, &rule.bring, &rule.bring_partner})
        if (auto it = text->find(nl); it != text->end()) b1(at, it->second);
      // Hedged words only: the kiosk never promises.
      for (const auto& [language, reason] : rule.reason)
        for (const char* promise : {"u krijgt", "u heeft recht op", "recht op"})
          if (lower_ascii(reason).find(promise) != std::string::npos)
            out.diagnostics.push_back(
                {at.file,
                 at.line,
                 Severity::Error,
                 "suggestion '" + rule.id + "': never promise (\"" + promise + "\"): say \"misschien\"",
                 {"content.promise", {{"words", promise}}}});
    }
    for (const auto* rule : served.visitor_rules())
      for (const auto& related : rule->related)
        if (const auto* other = served.find_rule(related); !other) {
          if (!national_rule(related))  // (a municipality may not offer it)
            error(rule->origin,
                  "suggestion '" + rule->id + "': related '" + related + "' does not exist" + where);
        } else if (other->contact != rule->contact) {
          // "Vraag daar ook naar" names the same place; another place's schemes are left out.
          warning(rule->origin, "suggestion '" + rule->id + "': related '" + related + "' is asked at '" +
                                    other->contact + "', not at '" + rule->contact +
                                    "': \"Vraag daar ook naar\" leaves it out" + where);
        }
    // A visitor who wants to go there or call gets that step only when the place has what it
    // needs; with neither, the slip can only send them to the desk here.
    for (const auto* rule : served.visitor_rules())
      if (const auto* contact = served.find_contact(rule->contact);
          contact && !contact_serves(*contact, "call") && !contact_serves(*contact, "go"))
        warning(rule->origin, "suggestion '" + rule->id + "': contact '" + contact->id +
                                  "' has no phone number or address with opening hours: only "
                                  "\"Ik loop nu naar de balie\" (while someone is at the info point) and "
                                  "\"Ik denk er eerst over na\" are offered" +
                                  where);
    // A place with an address but no hours cannot be visited later; a place with nothing to
    // reach it by leaves the visitor only the desk here, which may be closed.
    for (const auto* rule : served.visitor_rules())
      if (const auto* contact = served.find_contact(rule->contact)) {
        if (!contact->address.empty() && contact->hours.empty())
          error(rule->origin, "suggestion '" + rule->id + "': contact '" + contact->id +
                                  "' has an address but no hours: \"Ik ga er later zelf heen\" needs them" + where);
        if (contact->address.empty() && contact->phone.empty() && contact->web.empty())
          error(rule->origin, "suggestion '" + rule->id + "': contact '" + contact->id +
                                  "' has no address, phone number or website: the visitor cannot reach it" +
                                  where);
      }
    // A check with questions always ends somewhere: at least the warm next step.
    if ((!pack_.rules.empty() || !pack_.questions.empty()) && !has_fallback)
      error(pack_.rules.empty() ? rules_file_beside(pack_.questions.front().origin)
                                : pack_.rules.front().origin,
            "no suggestion has fallback = true: the check needs a warm next step when nothing fits");
  }

  void run() {
    const std::string& nl = pack_.default_language;

    for (const auto& key : required_keys_) {
      const auto it = pack_.strings.find(key);
      if (it == pack_.strings.end())
        error({strings_file_, 1}, "string '" + key + "' is missing");
      else if (key.rfind("staff.", 0) != 0)  // staff screens are in Dutch only
        translations({strings_file_, 1}, it->second, "string '" + key + "'");
    }
    for (const auto& [key, text] : pack_.strings)
      if (auto it = text.find(nl); it != text.end()) b1({strings_file_, 1}, it->second);

    std::set<std::string> page_ids;
    for (const auto& page : pack_.pages) page_ids.insert(page.id);
    std::set<std::string> on_home;
    for (const auto& topic : pack_.home_topics) {
      if (!page_ids.count(topic))
        error({home_file_, 2}, "topic '" + topic + "' is not a page (pages/" + topic + ".toml)");
      if (!on_home.insert(topic).second) error({home_file_, 2}, "topic '" + topic + "' is on Home twice");
    }
    if (pack_.home_topics.size() > kMaxHomeTopics)
      error({home_file_, 2}, std::to_string(pack_.home_topics.size()) + " topics; at most " +
                                 std::to_string(kMaxHomeTopics) + " fit on Home");

    for (const auto& page : pack_.pages) {
      const Origin& at = page.origin;
      pictogram(at, page.pictogram, "page '" + page.id + "'");
      translations(at, page.title, "title");
      translations(at, page.body, "body");
      lengths(at, page.title, "title");
      lengths(at, page.body, "body");
      for (const auto& link : page.links)
        if (!page_ids.count(link))
          error(at, "link to '" + link + "', which is not a page");
        else if (link == page.id)
          warning(at, "the page links to itself");
      if (!page.checked.empty() && !valid_date(page.checked))
        error(at, "checked = \"" + page.checked + "\" is not a date (YYYY-MM-DD)");
      for (const auto& [language, body] : page.body) {
        const MarkdownResult markdown = parse_markdown(body);
        for (const auto& [line, what] : markdown.unsupported)
          warning({at.file, at.line + line}, "body." + language + ": " + what + " is not shown as such");
        amounts({at.file, page.body_line.count(language) ? page.body_line.at(language) : at.line}, body,
                language);
      }
      if (auto title = page.title.find(nl); title != page.title.end()) b1(at, title->second);
      PageReadability readability{page.id, {}};
      if (auto body = page.body.find(nl); body != page.body.end()) {
        const MarkdownResult markdown = parse_markdown(body->second);
        for (const auto& block : markdown.blocks) {
          const auto start = page.body_line.find(nl);
          const int first = start == page.body_line.end() ? at.line : start->second;
          const B1Stats stats = b1(at, block.text, first + block.line - 1);
          readability.stats.sentences += stats.sentences;
          readability.stats.words += stats.words;
          readability.stats.syllables += stats.syllables;
        }
      }
      out.readability.push_back(readability);
    }

    std::set<std::string> seen;
    for (const auto& question : pack_.questions) {
      if (!seen.insert(question.id).second)
        error(question.origin, "question id '" + question.id + "' is used twice");
      pictogram(question.origin, question.pictogram, "question '" + question.id + "'");
      translations(question.origin, question.text, "question '" + question.id + "'");
      lengths(question.origin, question.text, "question '" + question.id + "'");
      if (auto text = question.text.find(nl); text != question.text.end()) b1(question.origin, text->second);
    }
    // Conditions name questions and answers that exist.
    auto check_condition = [&](const Origin& at, const Condition& condition, const std::string& what) {
      for (const Test& test : condition.any) {
        const Question* question = pack_.find_question(test.question);
        // An amount test may name the measure of ladders ("income<=norm") instead of a question.
        const bool names_measure = !question && !test.threshold.empty() &&
                                   std::any_of(pack_.questions.begin(), pack_.questions.end(),
                                               [&](const Question& q) { return q.measure == test.question; });
        if (!question && !names_measure) {
          error(at, what + ": '" + condition.written + "' names no question '" + test.question + "'");
          continue;
        }
        if (!test.threshold.empty()) {
          const std::string measure = question ? question->measure : test.question;
          const Threshold* threshold = pack_.find_threshold(test.threshold);
          if (measure.empty())
            error(at, what + ": '" + condition.written + "': question '" + test.question +
                          "' is no ladder (measure = ...), so it has no amount to compare");
          else if (!threshold)
            error(at, what + ": '" + condition.written + "' names no threshold '" + test.threshold + "'");
          else if (threshold->measure != measure)
            error(at, what + ": threshold '" + test.threshold + "' is about " + threshold->measure + ", '" +
                          test.question + "' about " + measure);
          continue;
        }
        for (const auto& value : test.values)
          if (std::none_of(question->options.begin(), question->options.end(),
                           [&](const AnswerOption& o) { return o.value == value; }))
            error(at, what + ": question '" + test.question + "' has no answer '" + value + "'");
      }
    };
    std::set<std::string> asked_before;
    std::set<std::string> groups_done;  // `together` groups that have ended
    for (std::size_t i = 0; i < pack_.questions.size(); ++i) {
      const Question& question = pack_.questions[i];
      if (!question.together.empty()) together(question, i, groups_done);
      for (const auto& condition : question.ask_if) {
        check_condition(question.origin, condition, "ask_if of '" + question.id + "'");
        for (const Test& test : condition.any) {
          if (!test.threshold.empty())
            error(question.origin, "ask_if of '" + question.id + "' cannot compare amounts ('" +
                                       condition.written + "'): ask it of everyone, the rules compare");
          const Question* named = pack_.find_question(test.question);
          if (!asked_before.count(test.question) ||
              (named && !question.together.empty() && named->together == question.together))
            error(question.origin, "ask_if of '" + question.id + "' must depend on an earlier question");
        }
      }
      // A ladder's open answers are all it lists: its bands come from the thresholds.
      for (const auto& option : question.options)
        if (!question.measure.empty() && option.value != "unknown" && option.value != "skip")
          error(question.origin, "ladder '" + question.id +
                                     "' lists only the open answers \"unknown\" and "
                                     "\"skip\": its bands come from the thresholds");
      asked_before.insert(question.id);
    }
    // What a visitor is served depends on the municipality: check the pack as each one
    // serves it (as the kiosk's own first), so switching municipality can never break it.
    check_served(pack_, "", check_condition);
    for (const auto& municipality : pack_.municipalities)
      if (municipality.id != pack_.location.municipality)
        check_served(in_municipality(pack_, municipality.id), " (in " + municipality.name + ")",
                     check_condition);
    check_contacts(pack_.contacts);
    check_parameters(pack_.parameters);
    // The desk step needs to know when someone is there.
    const Origin location{pack_.directory + "/location.toml", pack_.location.info_point_hours_line};
    if (pack_.location.info_point_hours.empty())
      error(location, "info_point_hours is missing: the kiosk cannot tell when someone is at the desk");
    else
      opening_hours(location, pack_.location.info_point_hours, "info_point_hours");
    for (const auto& municipality : pack_.municipalities) {
      for (const auto& id : municipality.not_offered)
        if (!national_rule(id))
          error(municipality.origin, "not_offered names '" + id + "', which is no suggestion in rules.toml");
      check_contacts(municipality.contacts);
      check_parameters(municipality.parameters);
    }
  }

  bool national_rule(const std::string& id) const {
    return std::any_of(pack_.rules.begin(), pack_.rules.end(),
                       [&](const Rule& rule) { return rule.id == id; });
  }

  void check_contacts(const std::vector<Contact>& contacts) {
    std::set<std::string> seen;
    for (const auto& contact : contacts) {
      if (!seen.insert(contact.id).second)
        error(contact.origin, "contact id '" + contact.id + "' is used twice");
      if (!contact.hours.empty())
        opening_hours({contact.origin.file, contact.hours_line}, contact.hours, "contact '" + contact.id + "'");
      if (contact.phone_free && contact.phone.empty())
        error(contact.origin, "contact '" + contact.id + "': phone_free without a phone number");
      // By appointment only, the appointment is made by phone: without a number no step works.
      if (contact.appointment && contact.phone.empty())
        error(contact.origin, "contact '" + contact.id + "': appointment = true without a phone number to make one");
    }
  }

  // Hours the kiosk cannot read would let it send a visitor to a closed door: refused.
  void opening_hours(const Origin& at, const std::string& text, const std::string& what) {
    const auto parsed = hours::parse(text);
    if (parsed.schedule) return;
    const auto& problem = parsed.problem;
    out.diagnostics.push_back({at.file, at.line, Severity::Error,
                               what + ": cannot read the hours \"" + text + "\" near \"" + problem.near +
                                   "\" (" + problem.code + "; content/README.md, \"Opening hours\")",
                               Message{"hours." + problem.code, {{"hours", text}, {"near", problem.near}}}});
  }

  // Dates, and a warning before the newest amount of an id runs out.
  void check_parameters(const std::vector<Parameter>& parameters) {
    for (const auto& parameter : parameters) {
      const Origin& at = parameter.origin;
      if (!valid_date(parameter.valid_from))
        error(at, "valid_from = \"" + parameter.valid_from + "\" is not a date");
      if (!valid_date(parameter.valid_until))
        error(at, "valid_until = \"" + parameter.valid_until + "\" is not a date");
      if (valid_date(parameter.valid_from) && valid_date(parameter.valid_until) &&
          parameter.valid_until < parameter.valid_from)
        error(at, "'" + parameter.id + "' ends before it starts");
      // Only the newest amount of an id can run out: older ones are its history.
      const bool superseded = std::any_of(parameters.begin(), parameters.end(), [&](const Parameter& p) {
        return p.id == parameter.id && p.valid_from > parameter.valid_from;
      });
      if (!options_.today.empty() && valid_date(parameter.valid_until) && !superseded &&
          parameter.valid_until >= options_.today &&
          days_between(options_.today, parameter.valid_until) <= kExpiryWarningDays)
        warning(at, "'" + parameter.id + "' is valid until " + parameter.valid_until + " (" +
                        std::to_string(days_between(options_.today, parameter.valid_until)) +
                        " days): add the amount that follows, with its valid_from");
      if (!options_.today.empty() && valid_date(parameter.valid_until) && !superseded &&
          parameter.valid_until < options_.today)
        warning(at,
                "'" + parameter.id + "' was valid until " + parameter.valid_until + ": check the new amount");
    }
  }

 private:
  const ContentPack& pack_;
  const ValidateOptions& options_;
  const std::string strings_file_ = pack_.directory + "/strings.toml";
  const std::string home_file_ = pack_.directory + "/home.toml";
  const std::vector<std::string>& required_keys_ = required_strings();
};

}  // namespace

Validation validate(const ContentPack& pack, const ValidateOptions& options) {
  Checker checker(pack, options);
  checker.run();
  // The pack is checked as each municipality serves it: a national rule's finding is said once.
  auto& found = checker.out.diagnostics;
  Diagnostics once;
  for (auto& diagnostic : found)
    if (std::none_of(once.begin(), once.end(), [&](const Diagnostic& d) {
          return d.file == diagnostic.file && d.line == diagnostic.line && d.message == diagnostic.message;
        }))
      once.push_back(std::move(diagnostic));
  found = std::move(once);
  return std::move(checker.out);
}

}  // namespace content
