#pragma once
// What the UI asks of speech: say this, stop, what word is being said now, and
// whether sound works at all. The real kiosk plays through SDL audio on a worker
// thread (platform/sdl_voice); the headless runner keeps a trace on its virtual
// clock (platform/trace_voice). Both share Playback, the clock of one utterance.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "speech/sounds.hpp"
#include "speech/synthesizer.hpp"
#include "speech/utterance.hpp"

namespace speech {

using Millis = std::int64_t;

// The word being said: a byte range of one widget's text, for the highlight.
struct Spoken {
  std::string widget;
  std::size_t begin = 0, end = 0;
  bool operator==(const Spoken&) const = default;
};

class Voice {
 public:
  virtual ~Voice() = default;
  // Starts saying `utterance`; anything still being said is cut off first.
  virtual void say(const Utterance& utterance, const Settings& settings, Millis now) = 0;
  virtual void stop(Millis now) = 0;
  // An interface sound; never over speech (callers check speaking() first).
  virtual void play(Sound sound, Millis now) = 0;

  [[nodiscard]] bool speaking(Millis now) const;
  [[nodiscard]] std::optional<Spoken> current(Millis now) const;
  // When the highlighted word next changes (or speech ends): the loop wakes then.
  [[nodiscard]] std::optional<Millis> next_change(Millis now) const;
  // The sentence being said now, or the last one said: for "Herhaal".
  [[nodiscard]] Utterance last_sentence(Millis now) const;
  // Empty when sound works; otherwise why not, for the log and the volunteer.
  [[nodiscard]] virtual std::string problem() const = 0;
  // True when there is a voice for this language code.
  [[nodiscard]] virtual bool has_voice(const std::string& lang) const {
    return Synthesizer::instance().has_voice(lang);
  }

 protected:
  // Called by implementations, under no lock of their own.
  void begin_playback(const Utterance& utterance, Millis at);
  void set_timing(const Timing& timing);
  void end_playback(Millis at);

 private:
  [[nodiscard]] std::optional<std::size_t> piece_at(Millis now) const;  // lock held
  [[nodiscard]] bool active(Millis now) const;                          // lock held

  mutable std::mutex mutex_;
  Utterance utterance_;
  Timing timing_;
  Millis started_ = 0;
  std::optional<Millis> stopped_;
  bool timed_ = false;  // synthesis has finished: the duration is known
};

// The Settings for a visitor's choices: rate -1 slower, 0 normal, +1 faster;
// volume -2 ... +2 steps around normal.
[[nodiscard]] Settings settings_for(int rate_step, int volume_step);

}  // namespace speech
