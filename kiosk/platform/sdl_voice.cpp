#include "platform/sdl_voice.hpp"

namespace platform {

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
  SDL_AudioSpec want{}, have{};
  want.freq = synthesizer.sample_rate();
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 512;  // about 23 ms: a stop is heard at once
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device_ == 0) {
    problem_ = std::string("no audio device: ") + SDL_GetError();
    return;
  }
  rate_ = want.freq;
  SDL_PauseAudioDevice(device_, 0);
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
}

void SdlVoice::say(const speech::Utterance& utterance, const speech::Settings& settings, speech::Millis now) {
  if (!device_) return;
  stop(now);
  begin_playback(utterance, now);
  {
    std::lock_guard lock(mutex_);
    job_ = Job{utterance, settings, ++generation_, std::chrono::steady_clock::now()};
  }
  wake_.notify_one();
}

void SdlVoice::stop(speech::Millis now) {
  if (!device_) return;
  const auto asked = std::chrono::steady_clock::now();
  ++generation_;  // the worker stops making audio at its next chunk
  SDL_ClearQueuedAudio(device_);
  end_playback(now);
  stop_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - asked).count();
}

double SdlVoice::queued_ms() const {
  if (!device_ || rate_ <= 0) return 0;
  return static_cast<double>(SDL_GetQueuedAudioSize(device_)) / 2.0 * 1000.0 / rate_;
}

void SdlVoice::work() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return quit_ || job_.has_value(); });
      if (quit_) return;
      job = std::move(*job_);
      job_.reset();
    }
    bool first = true;
    const auto timing = speech::Synthesizer::instance().synthesize(
        job.utterance, job.settings, [&](const std::int16_t* samples, std::size_t count) {
          if (generation_ != job.generation) return false;
          SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * sizeof(std::int16_t)));
          if (first) {
            first_audio_ms_ =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - job.asked)
                    .count();
            first = false;
          }
          return true;
        });
    if (generation_ == job.generation) set_timing(timing);
  }
}

}  // namespace platform
