#pragma once
// The kiosk's voice: espeak-ng on a worker thread, audio out through SDL's
// default device. Audio is queued as it is made, so speech starts within a few
// milliseconds; stop() empties the queue at once. The device is open only
// while speech is near (an open device costs CPU even when paused). Without an
// audio device the kiosk works on and problem() says why.
#include <SDL.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "speech/voice.hpp"

namespace platform {

class SdlVoice : public speech::Voice {
 public:
  SdlVoice();
  ~SdlVoice() override;
  SdlVoice(const SdlVoice&) = delete;
  SdlVoice& operator=(const SdlVoice&) = delete;

  void say(const speech::Utterance& utterance, const speech::Settings& settings, speech::Millis now) override;
  void stop(speech::Millis now) override;
  void play(speech::Sound sound, speech::Millis now) override;
  [[nodiscard]] std::string problem() const override { return problem_; }

  // For the bench: from say() to the first audio handed to SDL, and from stop()
  // until the device holds no more of it (ms); negative before the first time.
  [[nodiscard]] double first_audio_ms() const { return first_audio_ms_; }
  [[nodiscard]] double stop_ms() const { return stop_ms_; }
  // Milliseconds of audio still queued.
  [[nodiscard]] double queued_ms() const;

 private:
  struct Job {
    speech::Utterance utterance;
    speech::Settings settings;
    std::uint64_t generation = 0;
    std::chrono::steady_clock::time_point asked;
  };
  void work();
  bool open_device();  // with mutex_ held, or before the worker starts

  bool audio_started_ = false;
  SDL_AudioDeviceID device_ = 0;
  int rate_ = 0;
  std::string problem_;
  mutable std::mutex mutex_;  // guards device_, job_, quit_
  std::condition_variable wake_;
  std::optional<Job> job_;
  bool quit_ = false;
  bool sound_pending_ = false;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<double> first_audio_ms_{-1};
  std::atomic<double> stop_ms_{-1};
  std::vector<std::int16_t> sounds_[2];  // made once: Tap, Page
  std::thread worker_;
};

}  // namespace platform
