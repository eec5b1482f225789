#include "input/key_policy.hpp"

#include <catch2/catch.hpp>

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
