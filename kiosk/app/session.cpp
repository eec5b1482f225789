#include "app/session.hpp"

namespace app {

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
         speech_rate == 0 && speech_volume == 0 && headphone_volume == kHeadphoneVolumeStart && !read_aloud &&
         !listening && !aloud_agreed && !aloud_asked && !frame_explained && !staff &&
         staff_text_size == TextSize::Normal && pin.digits.empty() && pin.first.empty() && call == Call::None;
}

void Session::wipe_answers() {
  for (auto& [question, value] : answers) overwrite(value);
  answers.clear();
  overwrite(next_step);
  for (auto& id : on_slip) overwrite(id);
  on_slip.clear();
  slip_chosen = false;
}

void PinEntry::wipe_digits() {
  overwrite(digits);
  overwrite(first);
}

void PinEntry::wipe() {
  wipe_digits();
  setup_role.clear();
}

void FieldEdit::wipe() {
  field.clear();
  text.wipe();
  keyboard.clear();
  shift = false;
  personas.clear();
  refusals.clear();
  preview_language.clear();
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
  aloud_asked = false;
  aloud_then_read = false;
  frame_explained = false;
  staff.reset();
  staff_text_size = TextSize::Normal;
  pin.wipe();
  edit.wipe();
  call = Call::None;
}

}  // namespace app
