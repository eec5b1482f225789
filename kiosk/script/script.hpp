#pragma once
// The headless runner's script language: one command per line, '#' starts a
// comment. See README "Script language". Parsing is pure; running lives in
// platform/headless_driver.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace script {

struct Tap {
  std::string id;
};
// Taps "Lees verder" until the widget shows, as a reader would look for it.
struct ReadOn {
  std::string id;
};
// Types text on the on-screen keyboard, key by key (capitals with the shift key).
struct Type {
  std::string text;
};
struct TapText {
  std::string label;
};
struct Wait {
  double seconds = 0;
};
struct Shot {
  std::string name;
};
struct ExpectText {
  std::string text;
};
// Fails unless the latest utterance (speech.jsonl) contains the text.
struct ExpectSpoken {
  std::string text;
};
struct ExpectScreen {
  std::string name;
};
struct Lang {
  std::string code;
};
struct Key {
  std::string chord;
};
struct Swipe {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};
struct Hold {
  std::string id;
  double seconds = 0;
};
struct Touch2 {
  float x = 0, y = 0;
};
// A finger put down on a target and left there (`wait` lets time pass), until `release`:
// what a hold looks like while it lasts.
struct Press {
  std::string id;
};
struct Release {};
// Listening mode: a finger resting at a point (pixels, as `swipe`); a later `explore` slides it
// there, `release` or `double-tap` lifts it.
struct Explore {
  float x = 0, y = 0;
};
// Two quick taps at a point (the middle of the screen when none is given): in listening mode
// they act on the item said last, wherever they land.
struct DoubleTap {
  std::optional<float> x, y;
};
// Headphones plugged in or pulled out, as the window hears it from the jack or a USB headset.
struct Headphones {
  bool in = false;
};
// Sets the kiosk's local clock ("2026-12-05T19:30"); it runs on with `wait` from there.
struct Clock {
  std::string at;
};

using Verb = std::variant<Tap, ReadOn, Type, TapText, Wait, Shot, ExpectText, ExpectSpoken, ExpectScreen,
                          Lang, Key, Swipe, Hold, Touch2, Press, Release, Clock, Explore, DoubleTap,
                           Headphones>;

struct Command {
  int line = 0;
  Verb verb;
};

struct ParseError {
  int line = 0;
  std::string message;
};

struct Script {
  std::vector<Command> commands;
  std::vector<ParseError> errors;
};

[[nodiscard]] Script parse(const std::string& text);

// The longest `wait` or `hold`: 30 days of the virtual clock. Far more would overflow it
// (milliseconds in 64 bits) and make it run backwards.
inline constexpr double kLongestWait = 30.0 * 24 * 3600;

// A whole text as one finite number ("12", "0.5"): no trailing signs, no "nan" or "inf".
[[nodiscard]] bool to_number(const std::string& text, double& out);
// A whole text as a whole number of at least 0 ("4000"), not "4e3" or "12abc".
[[nodiscard]] bool to_count(const std::string& text, long long& out);

}  // namespace script
