#pragma once
#include <string>
#include <utility>

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
  Editor,          // editors: what can change, by section (page_id), drafts, publish
  EditItem,        // one item's fields, every language side by side (page_id "KIND:ID")
  EditField,       // one field with the on-screen keyboard and the B1 hints, or its choices
  Preview,         // the field's item as a visitor sees it, with the unsaved text
  History,         // the changes made, each with "Terugzetten"
  RollBackReview,  // what "Terugzetten" of one change would do, and whether it can (page_id: its number)
  PublishReview,   // what "Publiceren" makes live, in words, with "Nu publiceren"
  Stick,           // content to and from a USB stick
  ImportReview,    // what a pack on the stick would change, and "Toepassen"
};

[[nodiscard]] const char* screen_name(ScreenKind kind);
// The PIN pad and the screens behind it (not "Voorbeeld", which shows a visitor's screen).
[[nodiscard]] bool is_staff_screen(ScreenKind kind);

// One entry of the navigation history.
struct Screen {
  Screen() = default;
  Screen(ScreenKind kind_, std::string page_id_ = {}, int question_ = 0)
      : kind(kind_), page_id(std::move(page_id_)), question(question_) {}

  ScreenKind kind = ScreenKind::Home;
  std::string page_id;  // for Page; the suggestion id for Why
  int question = 0;     // for Question: index into the content's questions; for Result and Page: which part

  bool operator==(const Screen&) const = default;
};

}  // namespace app
