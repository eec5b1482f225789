#include "platform/trace_voice.hpp"

namespace platform {

void TraceVoice::say(const speech::Utterance& utterance, const speech::Settings& settings,
                     speech::Millis now) {
  stop(now);
  audio_.clear();
  auto& synthesizer = speech::Synthesizer::instance();
  const speech::Timing timing =
      synthesizer.synthesize(utterance, settings, [&](const std::int16_t* s, std::size_t n) {
        audio_.insert(audio_.end(), s, s + n);
        return true;
      });
  begin_playback(utterance, now);
  set_timing(timing);
  started_ = now;

  nlohmann::json words = nlohmann::json::array();
  for (std::size_t i = 0; i < utterance.pieces.size(); ++i) {
    const auto& piece = utterance.pieces[i];
    words.push_back({{"ms", timing.piece_ms[i]},
                     {"widget", piece.widget},
                     {"lang", speech::lang_of(utterance, piece)},
                     {"shown", piece.shown},
                     {"begin", piece.begin},
                     {"end", piece.end}});
  }
  trace_.push_back({{"t_ms", now},
                    {"lang", utterance.lang},
                    {"text", speech::shown_text(utterance)},
                    {"spoken", speech::spoken_text(utterance)},
                    {"rate_wpm", settings.rate_wpm},
                    {"volume", settings.volume},
                    {"duration_ms", timing.duration_ms},
                    {"words", words}});
  if (utterance.cue) trace_.back()["cue"] = speech::sound_name(*utterance.cue);
}

std::string TraceVoice::last_text() const {
  return trace_.empty() ? std::string{} : trace_.back()["text"].get<std::string>();
}

std::string TraceVoice::last_spoken() const {
  return trace_.empty() ? std::string{} : trace_.back()["spoken"].get<std::string>();
}

void TraceVoice::stop(speech::Millis now) {
  if (!speaking(now)) return;
  end_playback(now);
  if (!trace_.empty()) trace_.back()["cancelled_ms"] = now - started_;
}

void TraceVoice::play(speech::Sound sound, speech::Millis now) {
  if (sound_) sounds_.emplace_back(now, speech::sound_name(sound));
}

std::string TraceVoice::problem() const {
  if (!sound_) return "no audio device";
  const auto& synthesizer = speech::Synthesizer::instance();
  return synthesizer.available() ? "" : synthesizer.problem();
}

std::vector<nlohmann::json> TraceVoice::take_trace() {
  return std::exchange(trace_, {});
}

}  // namespace platform
