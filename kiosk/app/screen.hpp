#pragma once
// The screens the kiosk shows, registered in one table (screen.cpp): each kind's name, who may
// see it, and what it is about. A screen that is about something carries it typed: a page's id,
// a question's index, a change's number; never one string that means three things.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace app {

enum class ScreenKind {
  Home,
  Page,
  Intro,
  Question,
  Result,
  Why,
  NextStep,  // "Wat wilt u nu doen?"
  Slip,
  IdleWarning,
  Help,
  CallHelp,  // "Roep iemand": someone comes, where the info point is, or when someone is there
  Language,
  Listening,       // listening mode has started: how it works, and may amounts be said aloud
  PinPad,          // staff only: the PIN; reached by holding the library's name 5 s
  PinSetup,        // first start: a PIN for volunteers, then one for editors
  Volunteer,       // staff home: printer, sound, counts, "Samen invullen"
  Editor,          // editors: what can change, by section, drafts, publish
  EditItem,        // one item's fields, every language side by side
  EditField,       // one field with the on-screen keyboard and the B1 hints, or its choices
  Preview,         // the field's item as a visitor sees it, with the unsaved text
  History,         // the changes made, each with "Terugzetten"
  RollBackReview,  // what "Terugzetten" of one change would do, and whether it can
  PublishReview,   // what "Publiceren" makes live, in words, with "Nu publiceren"
  Stick,           // content to and from a USB stick
  ImportReview,    // what a pack on the stick would change, and "Toepassen"
};

// What a screen is about, one type per meaning.
namespace about {
struct Nothing {
  bool operator==(const Nothing&) const = default;
};
struct Page {  // a page of the pack, by id
  std::string id;
  bool operator==(const Page&) const = default;
};
struct Question {  // a question, by its index in the pack's questions
  int index = 0;
  bool operator==(const Question&) const = default;
};
struct Suggestion {  // "Waarom?": a suggestion of the result, by its rule's id
  std::string id;
  bool operator==(const Suggestion&) const = default;
};
struct Section {  // the editor's list: one of editor::sections()
  std::string name;
  bool operator==(const Section&) const = default;
};
struct Item {  // one item of the pack: "KIND:ID" ("page:aow", "parameter:aow_single@2026-01-01")
  std::string ref;
  bool operator==(const Item&) const = default;
};
struct Field {  // one field of an item: "KIND:ID:FIELD[:LANG]" (see editor::parse_field)
  std::string ref;
  bool operator==(const Field&) const = default;
};
struct File {  // the history of one file of the pack; empty: of every file
  std::string path;
  bool operator==(const File&) const = default;
};
struct Revision {  // one change in the store's history
  std::int64_t number = 0;
  bool operator==(const Revision&) const = default;
};
struct Pack {  // a pack file on the USB stick
  std::string name;
  bool operator==(const Pack&) const = default;
};
}  // namespace about

using Subject = std::variant<about::Nothing, about::Page, about::Question, about::Suggestion, about::Section,
                             about::Item, about::Field, about::File, about::Revision, about::Pack>;

// Who may see a screen: anyone (a visitor, and the PIN pad any finger can reach), staff
// after their PIN, or editors only.
enum class Audience { Anyone, Staff, Editor };

// One entry of the navigation history.
struct Screen {
  Screen() = default;
  Screen(ScreenKind kind_, Subject subject_ = {}, int part_ = 0)
      : kind(kind_), subject(std::move(subject_)), part(part_) {}

  ScreenKind kind = ScreenKind::Home;
  Subject subject;  // its type follows from the kind (subject_fits); checked where screens are pushed
  int part = 0;     // a screen too long for one: which part, from 0 (a page, the result, the slip, a list)

  // What the screen is about; the caller knows the kind, so the type is sure.
  template <class T>
  [[nodiscard]] const T& about() const {
    return std::get<T>(subject);
  }
  bool operator==(const Screen&) const = default;
};

inline constexpr std::size_t kScreenKinds = static_cast<std::size_t>(ScreenKind::ImportReview) + 1;

// For a table with a row per kind of screen: whether it lists every kind once, in the enum's
// order (so a kind is its own row number). Each table checks it with a static_assert.
template <class Table>
constexpr bool lists_every_screen(const Table& rows) {
  if (rows.size() != kScreenKinds) return false;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (static_cast<std::size_t>(rows[i].kind) != i) return false;
  return true;
}

[[nodiscard]] const char* screen_name(ScreenKind kind);
[[nodiscard]] Audience audience(ScreenKind kind);
// The PIN pad and the screens behind it, drawn the staff's way (not "Voorbeeld", which shows a
// visitor's screen).
[[nodiscard]] bool is_staff_screen(ScreenKind kind);
// The staff screens laid out for staff's own text size (Normal or Large): the PIN pad and the
// volunteer's screen. The editor's screens stay at the normal size.
[[nodiscard]] bool has_staff_text_size(ScreenKind kind);
// The self-check's screens: a new one ignores taps for a moment (a second tap lands unseen).
[[nodiscard]] bool in_selfcheck(ScreenKind kind);
// Whether the subject has the type this kind of screen is about.
[[nodiscard]] bool subject_fits(const Screen& screen);
// The subject in words, for logs and for telling two screens apart ("page aow", "question 3").
[[nodiscard]] std::string describe(const Subject& subject);

}  // namespace app
