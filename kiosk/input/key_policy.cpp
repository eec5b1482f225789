#include "input/key_policy.hpp"

#include <sstream>

namespace input {

bool key_closes_app(const KeyChord& chord, WindowMode mode) {
  if (mode == WindowMode::Kiosk) return false;
  return chord.key == "Escape" || (chord.ctrl && chord.key == "Q") || (chord.alt && chord.key == "F4");
}

bool close_request_honoured(WindowMode mode) {
  return mode == WindowMode::Windowed;
}

KeyChord parse_chord(const std::string& text) {
  KeyChord chord;
  std::stringstream parts(text);
  std::string part;
  while (std::getline(parts, part, '+')) {
    if (part == "Alt")
      chord.alt = true;
    else if (part == "Ctrl")
      chord.ctrl = true;
    else if (part == "Super" || part == "Gui")
      chord.gui = true;
    else
      chord.key = part;
  }
  return chord;
}

}  // namespace input
