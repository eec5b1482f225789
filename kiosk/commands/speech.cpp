// Speech on the command line: wegwijzer say TEXT --out FILE.wav, and wegwijzer sounds --out DIR.
#include <cstdio>
#include <filesystem>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "speech/sounds.hpp"
#include "speech/synthesizer.hpp"
#include "speech/voice.hpp"

namespace commands {

// Speech into a WAV file, exactly as the kiosk would say it.
int command_say(Options& options) {
  std::string text, out, rate_name = "normal";
  std::optional<std::string> lang;
  Places places;
  options.describe("Speak TEXT as the kiosk would (with the content's pronunciations) into a WAV file.");
  options.word("TEXT", text, "what to say");
  options.required("--out", out, "FILE.wav", "the WAV file to write");
  options.text("--lang", lang, "CODE", "the language (default: the content's, nl)");
  options.choice("--rate", rate_name, {"slower", "normal", "faster"}, "how fast (default normal)");
  places.content_option(options);
  if (const auto done = options.parse()) return *done;

  const auto kiosk = open_kiosk_content(places, false);
  const content::ContentPack& content = kiosk.started.pack;
  const std::string language = lang ? *lang : content.default_language;
  const int rate = rate_name == "slower" ? -1 : rate_name == "faster" ? 1 : 0;
  const auto lexicon = content.pronunciation.find(language);
  return speak_to_wav(
      speech::build({{"", text}}, language,
                    lexicon == content.pronunciation.end() ? speech::Lexicon{} : lexicon->second),
      rate, out);
}

int speak_to_wav(speech::Utterance utterance, int rate, const std::string& out) {
  const std::string language = utterance.lang;
  auto& synthesizer = speech::Synthesizer::instance();
  if (!synthesizer.available()) {
    std::fprintf(stderr, "wegwijzer: %s\n", synthesizer.problem().c_str());
    return 1;
  }
  if (!synthesizer.has_voice(language)) {
    std::fprintf(stderr, "wegwijzer: no voice for '%s'; speaking Dutch\n", language.c_str());
    utterance.lang = "nl";
  }
  std::vector<std::int16_t> audio;
  const auto timing = synthesizer.synthesize(utterance, speech::settings_for(rate, 0),
                                             [&](const std::int16_t* samples, std::size_t count) {
                                               audio.insert(audio.end(), samples, samples + count);
                                               return true;
                                             });
  if (const auto error = speech::write_wav(out, audio, synthesizer.sample_rate()); !error.empty()) {
    std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
    return 1;
  }
  std::printf("%s: %.2f s, %zu words, said as: %s\n", out.c_str(), timing.duration_ms / 1000.0,
              utterance.pieces.size(), speech::spoken_text(utterance).c_str());
  return 0;
}

int command_sounds(Options& options) {
  std::string out;
  options.describe("Write the interface sounds (tap.wav, page.wav) to DIR.");
  options.required("--out", out, "DIR", "the folder to write them to");
  if (const auto done = options.parse()) return *done;

  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  for (auto sound : {speech::Sound::Tap, speech::Sound::Page}) {
    const std::string path = out + "/" + speech::sound_name(sound) + ".wav";
    if (const auto error = speech::write_wav(path, speech::make_sound(sound, 22050), 22050); !error.empty()) {
      std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
      return 1;
    }
  }
  return 0;
}

}  // namespace commands
