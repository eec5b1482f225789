#include "platform/sdl_voice.hpp"

namespace platform {
namespace {

// After this long without speech the device is closed: an open SDL device keeps
// an audio thread waking every few milliseconds, even when paused.
constexpr auto kCloseAfter = std::chrono::seconds(20);

}  // namespace

SdlVoice::SdlVoice() {
  auto& synthesizer = speech::Synthesizer::instance();
  if (!synthesizer.available()) {
    problem_ = synthesizer.problem();
    return;
  }
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    problem_ = std::string("no sound: ") + SDL_GetError();
    return;
  }
  audio_started_ = true;
  rate_ = synthesizer.sample_rate();
  // Open once to know that there is sound; then close until something is said.
  if (!open_device()) {
    problem_ = std::string("no audio device: ") + SDL_GetError();
    // No device: stop SDL's audio threads too (ALSA looks for new devices every few seconds).
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    audio_started_ = false;
    return;
  }
  SDL_CloseAudioDevice(device_);
  device_ = 0;
  sounds_[0] = speech::make_sound(speech::Sound::Tap, rate_);
  sounds_[1] = speech::make_sound(speech::Sound::Page, rate_);
  worker_ = std::thread([this] { work(); });
}

SdlVoice::~SdlVoice() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
    ++generation_;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (device_) SDL_CloseAudioDevice(device_);
  if (audio_started_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool SdlVoice::open_device() {
  SDL_AudioSpec want{}, have{};
  want.freq = rate_;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 512;  // about 23 ms: a stop is heard at once
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  return device_ != 0;
}

void SdlVoice::say(const speech::Utterance& utterance, const speech::Settings& settings, speech::Millis now) {
  if (!problem_.empty()) return;
  stop(now);
  begin_playback(utterance, now);
  {
    std::lock_guard lock(mutex_);
    if (!device_ && !open_device()) return;  // the device went away: nothing to hear
    job_ = Job{utterance, settings, ++generation_, std::chrono::steady_clock::now()};
    SDL_PauseAudioDevice(device_, 0);
  }
  wake_.notify_all();
}

void SdlVoice::stop(speech::Millis now) {
  if (!problem_.empty()) return;
  const auto asked = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    ++generation_;  // the worker stops making audio at its next chunk
    if (device_) SDL_ClearQueuedAudio(device_);
  }
  wake_.notify_all();
  end_playback(now);
  stop_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - asked).count();
}

void SdlVoice::play(speech::Sound sound, speech::Millis /*now*/) {
  if (!problem_.empty()) return;
  const auto& samples = sounds_[sound == speech::Sound::Tap ? 0 : 1];
  {
    std::lock_guard lock(mutex_);
    if (!device_ && !open_device()) return;
    SDL_ClearQueuedAudio(device_);
    SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(std::int16_t)));
    SDL_PauseAudioDevice(device_, 0);
    sound_pending_ = true;
  }
  wake_.notify_all();  // the worker pauses and later closes the device again
}

double SdlVoice::queued_ms() const {
  std::lock_guard lock(mutex_);
  if (!device_ || rate_ <= 0) return 0;
  return static_cast<double>(SDL_GetQueuedAudioSize(device_)) / 2.0 * 1000.0 / rate_;
}

void SdlVoice::work() {
  std::unique_lock lock(mutex_);
  while (!quit_) {
    // Nothing to say: close the device after a while, then sleep until asked.
    if (!job_) {
      sound_pending_ = false;
      if (device_ && SDL_GetQueuedAudioSize(device_) > 0) {  // a sound is playing out
        wake_.wait_for(lock, std::chrono::milliseconds(50));
        continue;
      }
      if (device_) SDL_PauseAudioDevice(device_, 1);
      const bool asked =
          wake_.wait_for(lock, kCloseAfter, [&] { return quit_ || job_.has_value() || sound_pending_; });
      if (!asked && device_) {
        SDL_CloseAudioDevice(device_);
        device_ = 0;
      }
      continue;
    }
    Job job = std::move(*job_);
    job_.reset();
    lock.unlock();
    bool first = true;
    const auto timing = speech::Synthesizer::instance().synthesize(
        job.utterance, job.settings, [&](const std::int16_t* samples, std::size_t count) {
          std::lock_guard chunk(mutex_);
          if (generation_ != job.generation || !device_) return false;
          SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * sizeof(std::int16_t)));
          if (first) {
            first_audio_ms_ =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - job.asked)
                    .count();
            first = false;
          }
          return true;
        });
    lock.lock();
    if (generation_ == job.generation) {
      lock.unlock();
      set_timing(timing);
      lock.lock();
    }
    // Let the audio play out (or new speech come), then pause the device.
    while (!quit_ && !job_ && generation_ == job.generation && device_ && SDL_GetQueuedAudioSize(device_) > 0)
      wake_.wait_for(lock, std::chrono::milliseconds(50));
    if (!job_ && device_) SDL_PauseAudioDevice(device_, 1);
  }
}

}  // namespace platform
