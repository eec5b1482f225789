#pragma once
// The headless runner's voice: real espeak-ng synthesis (so word times are
// real), no sound card, time from the virtual clock. Every utterance goes into
// the speech trace (speech.jsonl): time, language, text, rate, word events and
// when it was cut off. Optionally keeps the audio, for `wegwijzer say`.
#include <nlohmann/json.hpp>
#include <vector>

#include "speech/voice.hpp"

namespace platform {

class TraceVoice : public speech::Voice {
 public:
  // `sound = false` plays the part of a kiosk without an audio device.
  explicit TraceVoice(bool sound = true) : sound_(sound) {}

  void say(const speech::Utterance& utterance, const speech::Settings& settings, speech::Millis now) override;
  void stop(speech::Millis now) override;
  void play(speech::Sound sound, speech::Millis now) override;
  // The interface sounds played: (time, name).
  [[nodiscard]] const std::vector<std::pair<speech::Millis, std::string>>& sounds() const { return sounds_; }
  [[nodiscard]] std::string problem() const override;

  // The text of the latest utterance of the trace (what `expect-spoken` looks at); "" when none.
  [[nodiscard]] std::string last_text() const;
  // The words the latest utterance said (private listening may say other words than it shows).
  [[nodiscard]] std::string last_spoken() const;
  // The trace so far, one JSON object per utterance; taken, not copied.
  std::vector<nlohmann::json> take_trace();
  // Drops what was said and played so far: long runs that write no trace keep it from growing.
  void forget() {
    trace_.clear();
    sounds_.clear();
    audio_ = {};  // the runner keeps the last speech's samples for tests; a real voice streams them
  }
  // The audio of the last utterance (16-bit mono at the synthesizer's rate).
  [[nodiscard]] const std::vector<std::int16_t>& last_audio() const { return audio_; }

 private:
  bool sound_;
  std::vector<nlohmann::json> trace_;
  std::vector<std::int16_t> audio_;
  std::vector<std::pair<speech::Millis, std::string>> sounds_;
  speech::Millis started_ = 0;
};

}  // namespace platform
