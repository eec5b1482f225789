#include "input/key_repeat.hpp"

namespace input {

int KeyRepeat::due(Millis now) {
  const Millis held = now - pressed_at_ - kDelayMs;
  if (held < 0) return 0;
  const Millis total = held / kIntervalMs + 1;
  const Millis owed = total - fired_;
  fired_ = total;
  return static_cast<int>(owed > 0 ? owed : 0);
}

}  // namespace input
