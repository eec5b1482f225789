#include "app/screen.hpp"

#include <array>
#include <type_traits>

namespace app {

namespace {

// The index of T in Subject, so the table can say what each kind is about.
template <class T, std::size_t I = 0>
constexpr std::size_t about_index() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, Subject>, T>)
    return I;
  else
    return about_index<T, I + 1>();
}

// The text size a screen is drawn at: the visitor's, the staff's own (the PIN pad and the
// volunteer's screen are laid out for normal and large), or always normal (the editor's).
enum class Sizing { Visitor, Staff, Normal };

struct ScreenInfo {
  ScreenKind kind;
  const char* name;  // in the layout dump, the speech trace, scripts' expect-screen
  Audience audience;
  Sizing sizing;   // at the visitor's text size, the staff's own, or always normal
  bool selfcheck;  // a screen of the self-check
  std::size_t about;
};

using namespace about;
constexpr std::array kScreens{
    ScreenInfo{ScreenKind::Home, "home", Audience::Anyone, Sizing::Visitor, false, about_index<Nothing>()},
    ScreenInfo{ScreenKind::Page, "page", Audience::Anyone, Sizing::Visitor, false,
               about_index<about::Page>()},
    ScreenInfo{ScreenKind::Intro, "intro", Audience::Anyone, Sizing::Visitor, true, about_index<Nothing>()},
    ScreenInfo{ScreenKind::Question, "question", Audience::Anyone, Sizing::Visitor, true,
               about_index<about::Question>()},
    ScreenInfo{ScreenKind::Result, "result", Audience::Anyone, Sizing::Visitor, true, about_index<Nothing>()},
    ScreenInfo{ScreenKind::Why, "why", Audience::Anyone, Sizing::Visitor, true, about_index<Suggestion>()},
    ScreenInfo{ScreenKind::NextStep, "next_step", Audience::Anyone, Sizing::Visitor, true,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Slip, "slip", Audience::Anyone, Sizing::Visitor, true, about_index<Nothing>()},
    ScreenInfo{ScreenKind::IdleWarning, "idle", Audience::Anyone, Sizing::Visitor, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Help, "help", Audience::Anyone, Sizing::Visitor, false, about_index<Nothing>()},
    ScreenInfo{ScreenKind::CallHelp, "call_help", Audience::Anyone, Sizing::Visitor, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Language, "language", Audience::Anyone, Sizing::Visitor, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Listening, "listening", Audience::Anyone, Sizing::Visitor, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::PinPad, "pin", Audience::Anyone, Sizing::Staff, false, about_index<Nothing>()},
    ScreenInfo{ScreenKind::PinSetup, "pin_setup", Audience::Anyone, Sizing::Staff, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Volunteer, "volunteer", Audience::Staff, Sizing::Staff, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Editor, "editor", Audience::Editor, Sizing::Normal, false, about_index<Section>()},
    ScreenInfo{ScreenKind::EditItem, "edit_item", Audience::Editor, Sizing::Normal, false,
               about_index<Item>()},
    ScreenInfo{ScreenKind::EditField, "edit_field", Audience::Editor, Sizing::Normal, false,
               about_index<Field>()},
    ScreenInfo{ScreenKind::Preview, "preview", Audience::Editor, Sizing::Visitor, false,
               about_index<Field>()},
    ScreenInfo{ScreenKind::History, "history", Audience::Editor, Sizing::Normal, false, about_index<File>()},
    ScreenInfo{ScreenKind::RollBackReview, "roll_back_review", Audience::Editor, Sizing::Normal, false,
               about_index<Revision>()},
    ScreenInfo{ScreenKind::PublishReview, "publish_review", Audience::Editor, Sizing::Normal, false,
               about_index<Nothing>()},
    ScreenInfo{ScreenKind::Stick, "stick", Audience::Editor, Sizing::Normal, false, about_index<Nothing>()},
    ScreenInfo{ScreenKind::ImportReview, "import_review", Audience::Editor, Sizing::Normal, false,
               about_index<about::Pack>()},
};

static_assert(lists_every_screen(kScreens), "kScreens lists every ScreenKind once, in the enum's order");

const ScreenInfo& info(ScreenKind kind) {
  return kScreens[static_cast<std::size_t>(kind)];
}

}  // namespace

const char* screen_name(ScreenKind kind) {
  return info(kind).name;
}
Audience audience(ScreenKind kind) {
  return info(kind).audience;
}
bool is_staff_screen(ScreenKind kind) {
  return info(kind).sizing != Sizing::Visitor;
}
bool has_staff_text_size(ScreenKind kind) {
  return info(kind).sizing == Sizing::Staff;
}
bool in_selfcheck(ScreenKind kind) {
  return info(kind).selfcheck;
}
bool subject_fits(const Screen& screen) {
  return screen.subject.index() == info(screen.kind).about;
}

std::string describe(const Subject& subject) {
  struct Words {
    std::string operator()(const Nothing&) const { return {}; }
    std::string operator()(const about::Page& s) const { return "page " + s.id; }
    std::string operator()(const about::Question& s) const { return "question " + std::to_string(s.index); }
    std::string operator()(const Suggestion& s) const { return "suggestion " + s.id; }
    std::string operator()(const Section& s) const { return "section " + s.name; }
    std::string operator()(const Item& s) const { return "item " + s.ref; }
    std::string operator()(const Field& s) const { return "field " + s.ref; }
    std::string operator()(const File& s) const { return "file " + s.path; }
    std::string operator()(const Revision& s) const { return "revision " + std::to_string(s.number); }
    std::string operator()(const about::Pack& s) const { return "pack " + s.name; }
  };
  return std::visit(Words{}, subject);
}

}  // namespace app
