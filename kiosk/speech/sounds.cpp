#include "speech/sounds.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace speech {
namespace {

// A sine tone with a 5 ms fade-in and an exponential fade-out: no clicks.
void add_tone(std::vector<double>& out, int rate, double start_s, double length_s, double hz, double level) {
  const auto first = static_cast<std::size_t>(start_s * rate);
  const auto count = static_cast<std::size_t>(length_s * rate);
  if (out.size() < first + count) out.resize(first + count, 0.0);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / rate;
    const double attack = std::min(1.0, t / 0.005);
    const double decay = std::exp(-t * 5.0 / length_s);
    out[first + i] += level * attack * decay * std::sin(2 * std::numbers::pi * hz * t);
  }
}

}  // namespace

const char* sound_name(Sound sound) {
  return sound == Sound::Tap ? "tap" : "page";
}

std::vector<std::int16_t> make_sound(Sound sound, int sample_rate) {
  std::vector<double> wave;
  if (sound == Sound::Tap) {
    add_tone(wave, sample_rate, 0, 0.08, 660, 0.12);  // a soft, low "tik"
  } else {
    add_tone(wave, sample_rate, 0, 0.12, 523, 0.10);  // two rising notes (C5, E5)
    add_tone(wave, sample_rate, 0.07, 0.16, 659, 0.10);
  }
  std::vector<std::int16_t> out;
  out.reserve(wave.size());
  for (double v : wave)
    out.push_back(static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0, 1.0) * 32767)));
  return out;
}

}  // namespace speech
