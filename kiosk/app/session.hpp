#pragma once
// Everything about the current visitor. Lives in RAM only, never written anywhere,
// and wiped (overwritten, not just dropped) on reset.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/screen.hpp"
#include "editor/text_field.hpp"
#include "staff/role.hpp"

namespace app {

// Three text sizes (EN 301 549 5.1.4): the frame's button steps through them in this order.
enum class TextSize { Normal, Large, Larger };
[[nodiscard]] TextSize next_text_size(TextSize size);
[[nodiscard]] const char* text_size_name(TextSize size);  // "normal", "large", "larger"

// A staff member getting in: the PIN digits typed, and during setup what is asked: "code" (the
// installer's setup code), then the role whose PIN is being chosen, with the PIN typed once
// while it is asked again.
struct PinEntry {
  std::string digits;
  std::string setup_role;
  std::string first;

  // Overwrites the digits typed so far, and a new PIN waiting to be typed again.
  void wipe_digits();
  void wipe();
};

// An editor changing one field: which ("contact:ido:note:nl"), the text so far with its cursor,
// the on-screen keyboard and its shift key, why the last save was refused (in the editor's
// words), the personas a save would change (shown until "Toch opslaan"), and the language
// "Voorbeeld" shows.
struct FieldEdit {
  std::string field;
  editor::TextField text;
  std::string keyboard;
  bool shift = false;
  std::vector<std::string> personas;
  std::vector<std::string> refusals;
  std::string preview_language;

  void wipe();
};

// One person at the kiosk: a visitor's answers and settings, and, when staff got in, theirs.
struct Session {
  std::vector<Screen> history{Screen{}};       // back() is the current screen
  std::map<std::string, std::string> answers;  // question id -> answer value
  std::string next_step;                       // what the visitor chose to do now (see next_steps())
  // The suggestions the visitor takes along on the slip; until they choose, the first ones shown.
  std::vector<std::string> on_slip;
  bool slip_chosen = false;
  std::string language;
  TextSize text_size = TextSize::Normal;
  bool high_contrast = false;  // light text on black, at least 15:1
  // Speech, as this visitor set it: rate -1..1, volume -2..2, every screen read aloud. The
  // headphones have a volume of their own (EN 301 549 5.1.3.11), -2..2 from a lower start: a
  // level fit for a loudspeaker in a library is loud in the ears.
  static constexpr int kHeadphoneVolumeStart = -1;
  int speech_rate = 0;
  int speech_volume = 0;
  int headphone_volume = kHeadphoneVolumeStart;
  bool read_aloud = false;
  // Listening mode (EN 301 549 5.1.3): a finger over the screen hears what is under it, a double
  // tap acts, every screen is read. Off when the session ends.
  bool listening = false;
  // The visitor agreed that amounts and answers are said on the loudspeaker (with headphones
  // they always are): private listening, EN 301 549 5.1.3.9.
  bool aloud_agreed = false;
  // That question was put: once a session, when listening mode starts on the loudspeaker or the
  // first time speech would say such words there. After that only Hulp puts it again.
  bool aloud_asked = false;
  // It was put because speech was about to say such words: the answer goes back and reads on.
  bool aloud_then_read = false;
  // Where the frame's buttons are has been said: once a visitor, not on every screen (it takes ~10 s).
  bool frame_explained = false;
  // The staff's part: the role that got in (none: a visitor), the PIN being typed, the field
  // being edited. Wiped like answers.
  std::optional<staff::Role> staff;
  TextSize staff_text_size = TextSize::Normal;  // on the screens drawn at the staff's size (app/screen.hpp)
  PinEntry pin;
  FieldEdit edit;
  // "Roep iemand": whether the desk was called this session, and what came of it.
  enum class Call { None, Asking, Coming, NotSent };
  Call call = Call::None;

  [[nodiscard]] const Screen& current() const { return history.back(); }
  // True when nothing about this session differs from a fresh start on Home.
  [[nodiscard]] bool pristine(const std::string& default_language) const;
  // Overwrites the answers' bytes before freeing them, then starts afresh.
  void wipe(const std::string& default_language);
  void wipe_answers();
};

// Overwrites a string's characters in a way the compiler may not optimise away.
void overwrite(std::string& text);

}  // namespace app
