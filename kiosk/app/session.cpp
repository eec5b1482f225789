#include "app/session.hpp"

namespace app {

const char* screen_name(ScreenKind kind) {
  switch (kind) {
    case ScreenKind::Home: return "home";
    case ScreenKind::Page: return "page";
    case ScreenKind::Intro: return "intro";
    case ScreenKind::Question: return "question";
    case ScreenKind::Result: return "result";
    case ScreenKind::Why: return "why";
    case ScreenKind::NextStep: return "next_step";
    case ScreenKind::Slip: return "slip";
    case ScreenKind::IdleWarning: return "idle";
    case ScreenKind::Help: return "help";
    case ScreenKind::CallHelp: return "call_help";
    case ScreenKind::Language: return "language";
    case ScreenKind::Listening: return "listening";
    case ScreenKind::PinPad: return "pin";
    case ScreenKind::PinSetup: return "pin_setup";
    case ScreenKind::Volunteer: return "volunteer";
    case ScreenKind::Editor: return "editor";
    case ScreenKind::EditItem: return "edit_item";
    case ScreenKind::EditField: return "edit_field";
    case ScreenKind::Preview: return "preview";
    case ScreenKind::History: return "history";
    case ScreenKind::Stick: return "stick";
    case ScreenKind::ImportReview: return "import_review";
    case ScreenKind::RollBackReview: return "roll_back_review";
    case ScreenKind::PublishReview: return "publish_review";
  }
  return "unknown";
}

bool is_staff_screen(ScreenKind kind) {
  switch (kind) {
    case ScreenKind::PinPad:
    case ScreenKind::PinSetup:
    case ScreenKind::Volunteer:
    case ScreenKind::Editor:
    case ScreenKind::EditItem:
    case ScreenKind::EditField:
    case ScreenKind::History:
    case ScreenKind::RollBackReview:
    case ScreenKind::Stick:
    case ScreenKind::ImportReview: return true;
    default: return false;
  }
}

bool has_staff_text_size(ScreenKind kind) {
  return kind == ScreenKind::PinPad || kind == ScreenKind::PinSetup || kind == ScreenKind::Volunteer;
}

TextSize next_text_size(TextSize size) {
  switch (size) {
    case TextSize::Normal: return TextSize::Large;
    case TextSize::Large: return TextSize::Larger;
    case TextSize::Larger: return TextSize::Normal;
  }
  return TextSize::Normal;
}

const char* text_size_name(TextSize size) {
  switch (size) {
    case TextSize::Normal: return "normal";
    case TextSize::Large: return "large";
    case TextSize::Larger: return "larger";
  }
  return "normal";
}

void overwrite(std::string& text) {
  volatile char* bytes = text.data();
  for (std::size_t i = 0; i < text.size(); ++i) bytes[i] = '\0';
  text.clear();
  text.shrink_to_fit();
}

bool Session::pristine(const std::string& default_language) const {
  return history.size() == 1 && current().kind == ScreenKind::Home && answers.empty() && next_step.empty() &&
         on_slip.empty() && language == default_language && text_size == TextSize::Normal && !high_contrast &&
         speech_rate == 0 && speech_volume == 0 &&
         headphone_volume == kHeadphoneVolumeStart && !read_aloud && !listening && !aloud_agreed && !frame_explained &&
         !staff && staff_text_size == TextSize::Normal && pin.empty() && pin_first.empty() && call == Call::None;
}

void Session::wipe_answers() {
  for (auto& [question, value] : answers) overwrite(value);
  answers.clear();
  overwrite(next_step);
  for (auto& id : on_slip) overwrite(id);
  on_slip.clear();
  slip_chosen = false;
}

void Session::wipe_pin() {
  overwrite(pin);
  overwrite(pin_first);
}

void Session::wipe(const std::string& default_language) {
  wipe_answers();
  history.assign(1, Screen{});
  language = default_language;
  text_size = TextSize::Normal;
  high_contrast = false;
  speech_rate = 0;
  speech_volume = 0;
  headphone_volume = kHeadphoneVolumeStart;
  read_aloud = false;
  listening = false;
  aloud_agreed = false;
  frame_explained = false;
  wipe_pin();
  staff.reset();
  staff_text_size = TextSize::Normal;
  pin_setup_role.clear();
  edit_field.clear();
  edit_text.wipe();
  keyboard.clear();
  shift = false;
  edit_personas.clear();
  edit_refusals.clear();
  preview_language.clear();
  call = Call::None;
}

}  // namespace app
