#pragma once
// Short, soft interface sounds, made in code (no recordings): a tap that
// confirms, and a page turn when the screen changes. Each is well under a
// second and quiet next to speech, and never plays over it.
#include <cstdint>
#include <vector>

namespace speech {

enum class Sound { Tap, Page };
[[nodiscard]] const char* sound_name(Sound sound);

// 16-bit mono samples at `sample_rate`.
[[nodiscard]] std::vector<std::int16_t> make_sound(Sound sound, int sample_rate);

}  // namespace speech
