#pragma once
// Turns raw pointer events (mouse or fingers) into deliberate taps, the way a
// senior's hand needs: a tap acts on release; sliding away, holding long, swiping
// and touching with two fingers do nothing. Pure logic, no SDL.
#include <cstdint>
#include <optional>
#include <string>

namespace input {

using Millis = std::int64_t;

struct Point {
  float x = 0;
  float y = 0;
};

struct PointerEvent {
  enum class Kind { Down, Move, Up, Cancel };
  Kind kind = Kind::Down;
  int finger = 0;  // the mouse is finger 0
  Point at;
  Millis time = 0;
};

// A tap that survived filtering. The UI acts only when the same target lies
// under both points, so a press that slides off its button does nothing.
struct Tap {
  Point down;
  Point up;
  Millis time = 0;
  bool held = false;  // a still press of hold_ms or more: only hold targets act on it
};

struct TouchSettings {
  float slop_px = 22;           // movement allowed within one tap (≈ 6 mm at 3.64 px/mm)
  Millis long_press_ms = 1500;  // held longer than this: not a tap
  Millis hold_ms = 5000;        // held still this long: a deliberate hold (the staff gesture)
};

class TouchFilter {
 public:
  explicit TouchFilter(TouchSettings settings = {}) : settings_(settings) {}

  // Returns a tap when this event completes one.
  std::optional<Tap> feed(const PointerEvent& event);
  // Where a live press is, for pressed-state feedback; nullopt when none counts.
  [[nodiscard]] std::optional<Point> pressed_at(Millis now) const;
  // A still press that has lasted `elapsed` so far (for the staff hold's progress); nullopt
  // when no press is live.
  struct Held {
    Point at;
    Millis elapsed = 0;
  };
  [[nodiscard]] std::optional<Held> held(Millis now) const;
  [[nodiscard]] Millis hold_ms() const { return settings_.hold_ms; }
  // When a live press turns into a long press (so the view can drop its feedback);
  // nullopt when that moment has passed or no press is live.
  [[nodiscard]] std::optional<Millis> next_deadline(Millis now) const;

 private:
  TouchSettings settings_;
  int fingers_down_ = 0;
  bool live_ = false;  // a gesture that may still become a tap
  int finger_ = 0;
  Point start_;
  Millis start_time_ = 0;
};

// "The same target tapped twice within 500 ms acts once": a shaky double tap on
// "Ja" must not answer two questions.
class TapDebounce {
 public:
  explicit TapDebounce(Millis window_ms = 500) : window_ms_(window_ms) {}
  [[nodiscard]] bool accept(const std::string& target_id, Millis now);

 private:
  Millis window_ms_;
  std::string last_id_;
  Millis last_time_ = 0;
};

}  // namespace input
