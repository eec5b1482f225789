#pragma once
// Keys that move a visitor through a screen without touching it: a plugged-in
// keyboard, or a cheap USB numeric keypad with a tactile overlay (docs/ACCESSIBILITY.md).
// The real window passes SDL's key names ("Keypad 8"), scripts the X11 names
// ("KP_8"); both end up here, so there is one path for both.
#include <optional>

#include "input/key_policy.hpp"

namespace input {

enum class NavKey {
  Previous,  // Up, Left (Right in a right-to-left language), keypad 8 and 4
  Next,      // Down, Right (Left in a right-to-left language), keypad 2 and 6
  Activate,  // Return, keypad Enter
  Back,      // Backspace, keypad 0: the same as "Terug"
  WhereAmI,  // F1, keypad +: where the visitor is and what they can do
  Listening,  // F2, keypad *: listening mode on or off
  Contrast,   // F3, keypad /: white on black, or normal colours again
};

// Nothing for other keys, or with Ctrl, Alt or Super held (those are staff's and the system's).
[[nodiscard]] std::optional<NavKey> nav_key(const KeyChord& chord, bool right_to_left);

}  // namespace input
