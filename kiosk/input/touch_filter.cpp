#include "input/touch_filter.hpp"

#include <cmath>

namespace input {
namespace {
float distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}
}  // namespace

std::optional<Tap> TouchFilter::feed(const PointerEvent& event) {
  switch (event.kind) {
    case PointerEvent::Kind::Down:
      ++fingers_down_;
      if (fingers_down_ == 1) {
        live_ = true;
        finger_ = event.finger;
        start_ = event.at;
        start_time_ = event.time;
      } else {
        live_ = false;  // a second finger: zoom or rest, never a tap
      }
      return std::nullopt;
    case PointerEvent::Kind::Move:
      if (live_ && event.finger == finger_ && distance(event.at, start_) > settings_.slop_px)
        live_ = false;  // a swipe or drag
      return std::nullopt;
    case PointerEvent::Kind::Cancel:
      fingers_down_ = 0;
      live_ = false;
      return std::nullopt;
    case PointerEvent::Kind::Up: {
      if (fingers_down_ > 0) --fingers_down_;
      const bool ours = live_ && event.finger == finger_;
      if (event.finger == finger_) live_ = false;
      if (!ours) return std::nullopt;
      if (distance(event.at, start_) > settings_.slop_px) return std::nullopt;
      if (event.time - start_time_ >= settings_.hold_ms) return Tap{start_, event.at, event.time, true};
      if (event.time - start_time_ > settings_.long_press_ms) return std::nullopt;
      return Tap{start_, event.at, event.time};
    }
  }
  return std::nullopt;
}

std::optional<Point> TouchFilter::pressed_at(Millis now) const {
  if (!live_ || now - start_time_ > settings_.long_press_ms) return std::nullopt;
  return start_;
}

std::optional<TouchFilter::Held> TouchFilter::held(Millis now) const {
  if (!live_) return std::nullopt;
  return Held{start_, now - start_time_};
}

std::optional<Millis> TouchFilter::next_deadline(Millis now) const {
  const Millis turns_long = start_time_ + settings_.long_press_ms + 1;
  if (!live_ || now >= turns_long) return std::nullopt;
  return turns_long;
}

bool TapDebounce::accept(const std::string& target_id, Millis now) {
  if (target_id == last_id_ && now - last_time_ < window_ms_) return false;
  last_id_ = target_id;
  last_time_ = now;
  return true;
}

}  // namespace input
