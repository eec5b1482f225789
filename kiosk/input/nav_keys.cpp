#include "input/nav_keys.hpp"

#include <string_view>

namespace input {

std::optional<NavKey> nav_key(const KeyChord& chord, bool right_to_left) {
  if (chord.alt || chord.ctrl || chord.gui) return std::nullopt;
  const std::string_view k = chord.key;
  // Left and right follow the reading direction: the arrow points to where the next target is.
  if (k == "Left") return right_to_left ? NavKey::Next : NavKey::Previous;
  if (k == "Right") return right_to_left ? NavKey::Previous : NavKey::Next;
  // The keypad's 4 and 6 stay "back" and "on" whatever the language: their place is learnt by touch.
  if (k == "Up" || k == "Keypad 8" || k == "KP_8" || k == "Keypad 4" || k == "KP_4") return NavKey::Previous;
  if (k == "Down" || k == "Keypad 2" || k == "KP_2" || k == "Keypad 6" || k == "KP_6") return NavKey::Next;
  if (k == "Return" || k == "Keypad Enter" || k == "KP_Enter") return NavKey::Activate;
  if (k == "Backspace" || k == "BackSpace" || k == "Keypad 0" || k == "KP_0") return NavKey::Back;
  if (k == "F1" || k == "Keypad +" || k == "KP_Add") return NavKey::WhereAmI;
  // The two keys above the keypad's 9 and 8, easy to find by touch at the top row.
  if (k == "F2" || k == "Keypad *" || k == "KP_Multiply") return NavKey::Listening;
  if (k == "F3" || k == "Keypad /" || k == "KP_Divide") return NavKey::Contrast;
  return std::nullopt;
}

}  // namespace input
