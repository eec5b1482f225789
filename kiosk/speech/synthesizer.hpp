#pragma once
// espeak-ng behind a small interface: an utterance in, audio out in chunks as it
// is made (so playback starts at once), and the time at which each piece starts
// (from SSML marks). espeak-ng keeps global state, so there is one synthesizer
// per process and calls are serialised.
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "speech/utterance.hpp"

namespace speech {

struct Settings {
  int rate_wpm = 150;  // about 150 words a minute: calm, clear
  int volume = 100;    // espeak-ng's scale: 100 is normal
};

struct Timing {
  std::vector<int> piece_ms;  // start of each piece; -1 when never reached
  int duration_ms = 0;
  bool cancelled = false;
};

class Synthesizer {
 public:
  static Synthesizer& instance();

  // False when espeak-ng or its data could not be loaded; `problem()` says why.
  [[nodiscard]] bool available() const { return sample_rate_ > 0; }
  [[nodiscard]] const std::string& problem() const { return problem_; }
  [[nodiscard]] int sample_rate() const { return sample_rate_; }
  // True when espeak-ng has a voice for this language code.
  [[nodiscard]] bool has_voice(const std::string& lang);

  // Audio chunks go to `on_audio` while they are made; it returns false to stop.
  using AudioSink = std::function<bool(const std::int16_t* samples, std::size_t count)>;
  Timing synthesize(const Utterance& utterance, const Settings& settings, const AudioSink& on_audio);

  Synthesizer(const Synthesizer&) = delete;
  Synthesizer& operator=(const Synthesizer&) = delete;

 private:
  Synthesizer();
  std::mutex mutex_;
  int sample_rate_ = 0;
  std::string problem_;
};

// Speech into a 16-bit mono WAV file; returns an error message, or empty.
[[nodiscard]] std::string write_wav(const std::string& path, const std::vector<std::int16_t>& samples,
                                    int sample_rate);

}  // namespace speech
