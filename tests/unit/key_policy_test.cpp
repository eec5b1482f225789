#include "input/key_policy.hpp"

#include <catch2/catch.hpp>

#include "input/nav_keys.hpp"

using input::WindowMode;

TEST_CASE("in kiosk mode no key combination closes the program", "[input][lockdown]") {
  for (const char* chord : {"Alt+F4", "Escape", "Ctrl+Q", "Alt+Tab", "Ctrl+Alt+Backspace", "Super+D"})
    CHECK_FALSE(input::key_closes_app(input::parse_chord(chord), WindowMode::Kiosk));
  CHECK_FALSE(input::close_request_honoured(WindowMode::Kiosk));
}

TEST_CASE("in windowed mode the usual ways to close work", "[input][lockdown]") {
  CHECK(input::key_closes_app(input::parse_chord("Escape"), WindowMode::Windowed));
  CHECK(input::key_closes_app(input::parse_chord("Alt+F4"), WindowMode::Windowed));
  CHECK(input::key_closes_app(input::parse_chord("Ctrl+Q"), WindowMode::Windowed));
  CHECK_FALSE(input::key_closes_app(input::parse_chord("Q"), WindowMode::Windowed));
  CHECK(input::close_request_honoured(WindowMode::Windowed));
}

TEST_CASE("key chords are read from their written form", "[input]") {
  const auto chord = input::parse_chord("Ctrl+Alt+Delete");
  CHECK(chord.ctrl);
  CHECK(chord.alt);
  CHECK_FALSE(chord.gui);
  CHECK(chord.key == "Delete");
}

TEST_CASE("arrows and the numeric keypad move, act, go back and ask where, by SDL or script name",
          "[input][keys]") {
  using input::NavKey;
  auto key = [](const char* name, bool rtl = false) { return input::nav_key(input::parse_chord(name), rtl); };
  for (const char* name : {"Up", "Left", "Keypad 8", "KP_8", "Keypad 4", "KP_4"})
    CHECK(key(name) == NavKey::Previous);
  for (const char* name : {"Down", "Right", "Keypad 2", "KP_2", "Keypad 6", "KP_6"})
    CHECK(key(name) == NavKey::Next);
  for (const char* name : {"Return", "Keypad Enter", "KP_Enter"}) CHECK(key(name) == NavKey::Activate);
  for (const char* name : {"Backspace", "BackSpace", "Keypad 0", "KP_0"}) CHECK(key(name) == NavKey::Back);
  for (const char* name : {"F1", "KP_Add"}) CHECK(key(name) == NavKey::WhereAmI);
  for (const char* name : {"F2", "Keypad *", "KP_Multiply"}) CHECK(key(name) == NavKey::Listening);
  for (const char* name : {"F3", "Keypad /", "KP_Divide"}) CHECK(key(name) == NavKey::Contrast);
  // SDL's own name for keypad + holds the '+' that scripts use between keys.
  CHECK(input::nav_key({"Keypad +"}, false) == NavKey::WhereAmI);
  // Left and right follow the reading direction; the keypad keeps its places.
  CHECK(key("Left", true) == NavKey::Next);
  CHECK(key("Right", true) == NavKey::Previous);
  CHECK(key("KP_4", true) == NavKey::Previous);
  // Other keys, and keys with Ctrl or Alt (staff's Ctrl+Alt+P), are not the visitor's.
  CHECK_FALSE(key("A"));
  CHECK_FALSE(key("Escape"));
  CHECK_FALSE(key("Ctrl+Down"));
  CHECK_FALSE(key("Alt+Return"));
}
