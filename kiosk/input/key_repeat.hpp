#pragma once
// A key that repeats while it is held ("Wis" on the editor's keyboard): after a pause long
// enough for a shaky tap to end (0.5 s), then about 8 times a second, like a PC keyboard's
// default. Pure timing, no SDL: the runtime asks how many repeats fell due since it last asked.
#include <cstdint>

namespace input {

using Millis = std::int64_t;

class KeyRepeat {
 public:
  static constexpr Millis kDelayMs = 500;
  static constexpr Millis kIntervalMs = 125;

  explicit KeyRepeat(Millis pressed_at) : pressed_at_(pressed_at) {}
  // Repeats due by `now` that were not handed out before.
  [[nodiscard]] int due(Millis now);
  // When the next repeat falls due.
  [[nodiscard]] Millis next() const { return pressed_at_ + kDelayMs + fired_ * kIntervalMs; }
  // How many repeats were handed out: with any, the release is no tap of its own.
  [[nodiscard]] int fired() const { return static_cast<int>(fired_); }

 private:
  Millis pressed_at_;
  Millis fired_ = 0;
};

}  // namespace input
