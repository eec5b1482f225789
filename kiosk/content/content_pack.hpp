#pragma once
// The content a kiosk shows: pages, home topics, self-check questions and UI strings.
// An immutable snapshot: the UI and the app read it, nobody changes it in place.
// (The content-store issue replaces the built-in placeholder with files + SQLite.)
#include <map>
#include <string>
#include <vector>

namespace content {

// Text in several languages, keyed by language code ("nl", "en", ...).
using LocalText = std::map<std::string, std::string>;

struct Page {
  std::string id;
  std::string pictogram;  // Material icon ligature name, e.g. "euro"
  LocalText title;
  std::vector<LocalText> paragraphs;
  std::vector<std::string> links;  // ids of related pages, shown as buttons
};

struct AnswerOption {
  std::string value;  // "yes", "no", "unknown", "skip", ...
  std::string pictogram;
  LocalText label;
};

struct Question {
  std::string id;
  std::string pictogram;
  LocalText text;
  std::vector<AnswerOption> options;
};

struct Language {
  std::string code;         // "nl"
  std::string native_name;  // "Nederlands"
  bool right_to_left = false;
};

struct Location {
  std::string name;  // "Bibliotheek Voorbeeldstad"
  LocalText info_point_hours;
};

struct ContentPack {
  std::string default_language = "nl";
  std::vector<Language> languages;
  Location location;
  std::vector<std::string> home_topics;  // page ids, in order
  std::vector<Page> pages;
  std::vector<Question> questions;
  std::map<std::string, LocalText> strings;  // UI strings by key

  [[nodiscard]] const Page* find_page(const std::string& id) const;
  [[nodiscard]] const Language* find_language(const std::string& code) const;
  // The string in `lang`, else in the default language, else the key itself
  // (a visible key is easier to find and fix than an empty button).
  [[nodiscard]] const std::string& text(const std::string& key, const std::string& lang) const;
  [[nodiscard]] const std::string& pick(const LocalText& text, const std::string& lang) const;
};

// The built-in sample content used until a content pack is loaded from files.
[[nodiscard]] ContentPack placeholder_pack();

}  // namespace content
