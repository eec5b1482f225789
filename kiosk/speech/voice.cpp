#include "speech/voice.hpp"

#include <algorithm>

namespace speech {

Settings settings_for(int rate_step, int volume_step) {
  Settings settings;
  rate_step = std::clamp(rate_step, -1, 1);
  volume_step = std::clamp(volume_step, -2, 2);
  settings.rate_wpm = rate_step < 0 ? 120 : rate_step > 0 ? 185 : 150;
  settings.volume = 100 + 35 * volume_step;
  return settings;
}

void Voice::begin_playback(const Utterance& utterance, Millis at) {
  std::lock_guard lock(mutex_);
  utterance_ = utterance;
  timing_ = Timing{};
  timing_.piece_ms.assign(utterance.pieces.size(), -1);
  started_ = at;
  stopped_.reset();
  timed_ = false;
}

void Voice::set_timing(const Timing& timing) {
  std::lock_guard lock(mutex_);
  timing_ = timing;
  timed_ = true;
}

void Voice::end_playback(Millis at) {
  std::lock_guard lock(mutex_);
  if (!stopped_) stopped_ = at;
}

bool Voice::active(Millis now) const {
  if (utterance_.pieces.empty() || stopped_) return false;
  return !timed_ || now - started_ < timing_.duration_ms;
}

std::optional<std::size_t> Voice::piece_at(Millis now) const {
  if (!active(now)) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < timing_.piece_ms.size(); ++i)
    if (timing_.piece_ms[i] >= 0 && timing_.piece_ms[i] <= now - started_) found = i;
  return found;
}

bool Voice::speaking(Millis now) const {
  std::lock_guard lock(mutex_);
  return active(now);
}

std::optional<Spoken> Voice::current(Millis now) const {
  std::lock_guard lock(mutex_);
  const auto index = piece_at(now);
  if (!index) return std::nullopt;
  const Piece& piece = utterance_.pieces[*index];
  return Spoken{piece.widget, piece.begin, piece.end};
}

std::optional<Millis> Voice::next_change(Millis now) const {
  std::lock_guard lock(mutex_);
  if (!active(now)) return std::nullopt;
  if (!timed_) return now + 20;  // synthesis is still running: look again soon
  const Millis elapsed = now - started_;
  Millis next = timing_.duration_ms;
  for (int ms : timing_.piece_ms)
    if (ms > elapsed && ms < next) next = ms;
  return started_ + next;
}

Utterance Voice::last_sentence(Millis now) const {
  std::lock_guard lock(mutex_);
  std::size_t index = 0;
  if (auto at = piece_at(now)) {
    index = *at;
  } else {
    // Finished or stopped: the last piece that was reached.
    const Millis end = stopped_ ? *stopped_ - started_ : now - started_;
    for (std::size_t i = 0; i < timing_.piece_ms.size(); ++i)
      if (timing_.piece_ms[i] >= 0 && timing_.piece_ms[i] <= end) index = i;
  }
  return sentence_at(utterance_, index);
}

}  // namespace speech
