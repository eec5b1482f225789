#pragma once
// What a transition asks of the world outside the app: speech, the printer, the day
// counts, the service manager. The app only lists them (KioskApp::take_effects); the
// runtime carries them out, and what came of them returns to the app as an intent
// (SpeechUnavailable, PrintFinished, ...). Nothing outside calls back into the app.
#include <cstdint>
#include <map>
#include <string>
#include <variant>

namespace app {

// What happened in one visitor's session, for the anonymous day counts ("session",
// "page:aio", "slip_topic:aio"): event names only, never an answer, and only how often.
using Tally = std::map<std::string, std::int64_t>;

namespace effect {

// "Lees voor": read the screen as drawn; when it is being read, stop. `once_drawn`: read the
// screen that shows next, once it is drawn (a question just put, or the screen it went back to),
// after `first` (listening mode's announcement) when there is one.
struct ReadScreen {
  bool once_drawn = false;
  std::string first = {};
  bool operator==(const ReadScreen&) const = default;
};
// "Herhaal": the last sentence again (or the screen, when nothing was said yet).
struct RepeatSentence {
  bool operator==(const RepeatSentence&) const = default;
};
// "Voorlezen aan": from now on every new screen is read, this one first.
struct ReadEachScreen {
  bool operator==(const ReadEachScreen&) const = default;
};
// A sentence to say: the idle warning, a notice, or the sample after a new rate or volume.
struct Say {
  std::string text;
  std::string language;
  bool about_speech = false;  // the visitor asked for sound: without it, say so on screen
  bool operator==(const Say&) const = default;
};
// The slip of this session to the printer; a test slip is marked as one.
struct Print {
  bool test = false;
  bool operator==(const Print&) const = default;
};
// "Roep iemand" while the info point is staffed: a call ticket on the desk's own printer
// (the settings' [printer] call_uri), with the time of day (minutes, -1: unknown). It holds
// nothing of the visitor. Its outcome: CallSent, or CallFailed (also without such a printer).
struct CallStaff {
  int minute = -1;
  bool operator==(const CallStaff&) const = default;
};
// The volunteer screen opened: ask the receipt printer how it is.
struct CheckPrinter {
  bool operator==(const CheckPrinter&) const = default;
};
// A session ended: its tally goes to the day counts.
struct Count {
  Tally tally;
  bool operator==(const Count&) const = default;
};
// A volunteer asked for a restart: the kiosk ends, its service manager starts it again.
struct Restart {
  bool operator==(const Restart&) const = default;
};

}  // namespace effect

using Effect =
    std::variant<effect::ReadScreen, effect::RepeatSentence, effect::ReadEachScreen, effect::Say,
                 effect::Print, effect::CallStaff, effect::CheckPrinter, effect::Count, effect::Restart>;

// The effect's name, for traces and test messages ("say", "print", ...).
[[nodiscard]] const char* effect_name(const Effect& effect);

}  // namespace app
