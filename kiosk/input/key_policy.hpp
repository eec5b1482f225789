#pragma once
// Which key presses may end the program. In kiosk (fullscreen) mode none may:
// a visitor must never land on a desktop. In windowed mode (development) the
// usual ways to close work.
#include <string>

namespace input {

struct KeyChord {
  std::string key;  // SDL key name, e.g. "F4", "Escape", "Q", "Tab"
  bool alt = false;
  bool ctrl = false;
  bool gui = false;
};

enum class WindowMode { Kiosk, Windowed };

[[nodiscard]] bool key_closes_app(const KeyChord& chord, WindowMode mode);
// A window-manager close request (Alt+F4 arrives this way too).
[[nodiscard]] bool close_request_honoured(WindowMode mode);
// Parses "Alt+F4", "Ctrl+Q", "Escape"; nullopt-like empty key on nonsense.
[[nodiscard]] KeyChord parse_chord(const std::string& text);

}  // namespace input
