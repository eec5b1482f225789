#include "speech/synthesizer.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace speech {
namespace {

// espeak-ng calls back with plain pointers; this is what one synthesis needs.
struct Job {
  const Synthesizer::AudioSink* sink = nullptr;
  Timing* timing = nullptr;
  std::vector<int> piece_start;  // first character (1-based, as espeak-ng counts) of each piece
  std::size_t first_piece = 0;   // the run of one language being said starts with this piece
  int offset_ms = 0;             // where that run starts in the whole utterance
  long samples = 0;
  int sample_rate = 22050;
  bool stop = false;
};

// The synthesis in progress; set under the synthesizer's lock.
Job* current_job = nullptr;

int on_synth(short* wav, int count, espeak_EVENT* events) {
  Job* job = current_job;
  if (!job) return 0;
  for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
    // A word starts: the piece it belongs to starts then, unless it already has.
    if (e->type == espeakEVENT_WORD) {
      const auto after = std::upper_bound(job->piece_start.begin(), job->piece_start.end(), e->text_position);
      if (after == job->piece_start.begin()) continue;
      int& ms =
          job->timing
              ->piece_ms[job->first_piece + static_cast<std::size_t>(after - job->piece_start.begin() - 1)];
      if (ms < 0) ms = job->offset_ms + e->audio_position;
    }
  }
  if (wav && count > 0 && !job->stop) {
    job->samples += count;
    if (!(*job->sink)(reinterpret_cast<const std::int16_t*>(wav), static_cast<std::size_t>(count)))
      job->stop = true;
  }
  return job->stop ? 1 : 0;  // 1 asks espeak-ng to stop
}

}  // namespace

Synthesizer& Synthesizer::instance() {
  static Synthesizer synthesizer;
  return synthesizer;
}

Synthesizer::Synthesizer() {
  // Chunks of 40 ms: the first audio is ready in a few ms, and a stop lands soon.
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 40, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0) {
    problem_ = "espeak-ng could not start (is the package espeak-ng-data installed?)";
    return;
  }
  sample_rate_ = rate;
  espeak_SetSynthCallback(on_synth);
}

bool Synthesizer::has_voice(const std::string& lang) {
  if (!available()) return false;
  std::lock_guard lock(mutex_);
  espeak_VOICE wanted{};
  wanted.languages = lang.c_str();
  const espeak_VOICE** voices = espeak_ListVoices(&wanted);
  return voices && voices[0];
}

Timing Synthesizer::synthesize(const Utterance& utterance, const Settings& settings,
                               const AudioSink& on_audio) {
  Timing timing;
  timing.piece_ms.assign(utterance.pieces.size(), -1);
  if (!available() || utterance.pieces.empty()) return timing;
  std::lock_guard lock(mutex_);
  Job job{&on_audio, &timing, {}, 0, 0, 0, sample_rate_, false};
  current_job = &job;
  // The cue first, at the speech's volume (quieter in the ears); the words' times follow it.
  if (utterance.cue) {
    auto cue = make_sound(*utterance.cue, sample_rate_);
    for (auto& s : cue) s = static_cast<std::int16_t>(std::clamp(s * settings.volume / 100, -32768, 32767));
    job.stop = !on_audio(cue.data(), cue.size());
    job.samples += static_cast<long>(cue.size());
  }
  // Each run of pieces in one language is said by that language's voice, one after another.
  for (std::size_t first = 0; first < utterance.pieces.size() && !job.stop;) {
    const std::string& lang = lang_of(utterance, utterance.pieces[first]);
    std::size_t end = first + 1;
    while (end < utterance.pieces.size() && lang_of(utterance, utterance.pieces[end]) == lang) ++end;
    if (espeak_SetVoiceByName(lang.c_str()) != EE_OK) espeak_SetVoiceByName("nl");
    espeak_SetParameter(espeakRATE, settings.rate_wpm, 0);
    espeak_SetParameter(espeakVOLUME, settings.volume, 0);
    // Plain text, the pieces one after another; word events give character
    // positions (SSML marks would be simpler, but espeak-ng drops those that
    // start a sentence).
    job.piece_start.clear();
    job.first_piece = first;
    job.offset_ms = static_cast<int>(job.samples * 1000 / sample_rate_);
    std::string text;
    int characters = 0;
    for (std::size_t i = first; i < end; ++i) {
      const auto& piece = utterance.pieces[i];
      job.piece_start.push_back(characters + 1);
      for (unsigned char c : piece.spoken)
        if ((c & 0xC0) != 0x80) ++characters;  // count code points, not bytes
      text += piece.spoken + " ";
      ++characters;
    }
    espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    first = end;
  }
  current_job = nullptr;
  timing.cancelled = job.stop;
  timing.duration_ms = static_cast<int>(job.samples * 1000 / sample_rate_);
  return timing;
}

std::string write_wav(const std::string& path, const std::vector<std::int16_t>& samples, int sample_rate) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return "cannot write " + path;
  auto u32 = [&](std::uint32_t v) {
    const unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                                static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
    std::fwrite(b, 1, 4, file);
  };
  auto u16 = [&](std::uint16_t v) {
    const unsigned char b[2] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)};
    std::fwrite(b, 1, 2, file);
  };
  const auto bytes = static_cast<std::uint32_t>(samples.size() * 2);
  std::fwrite("RIFF", 1, 4, file);
  u32(36 + bytes);
  std::fwrite("WAVEfmt ", 1, 8, file);
  u32(16);
  u16(1);  // PCM
  u16(1);  // mono
  u32(static_cast<std::uint32_t>(sample_rate));
  u32(static_cast<std::uint32_t>(sample_rate * 2));
  u16(2);
  u16(16);
  std::fwrite("data", 1, 4, file);
  u32(bytes);
  for (std::int16_t s : samples) u16(static_cast<std::uint16_t>(s));
  const bool ok = std::fclose(file) == 0;
  return ok ? "" : "cannot write " + path;
}

}  // namespace speech
