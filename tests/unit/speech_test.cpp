// Speech as pure logic (what is said for what is shown) and the synthesizer itself.
#include <espeak-ng/speak_lib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "speech/synthesizer.hpp"
#include "speech/utterance.hpp"
#include "speech/voice.hpp"
#include "support/fixtures.hpp"
#include "text/numbers.hpp"

namespace {

const speech::Lexicon kDutch = {
    {"AOW", "aa oo wee"}, {"\u20AC", "euro"}, {".", "punt"}, {"\u2013", "tot"}, {"nl", "en el"}};

std::string said(const std::string& text, const std::string& lang = "nl",
                 const speech::Lexicon& lexicon = kDutch) {
  return speech::spoken_text(speech::build({{"w", text}}, lang, lexicon));
}

}  // namespace

TEST_CASE("the lexicon changes what is said, never what is shown", "[speech]") {
  const auto u = speech::build({{"q", "Heeft u de AOW-leeftijd?"}}, "nl", kDutch);
  REQUIRE(u.pieces.size() == 4);
  CHECK(u.pieces[3].shown == "AOW-leeftijd?");
  CHECK(u.pieces[3].spoken == "aa oo wee-leeftijd?");
  // Each piece points at its own bytes of the widget's text, for the highlight.
  for (const auto& piece : u.pieces)
    CHECK(std::string("Heeft u de AOW-leeftijd?").substr(piece.begin, piece.end - piece.begin) ==
          piece.shown);
  CHECK(said("Vraag de AOW aan.") == "Vraag de aa oo wee aan.");
  CHECK(said("AOWleeftijd") == "AOWleeftijd.");  // only whole words or parts between hyphens
}

TEST_CASE("phone numbers are read digit by digit, in their groups", "[speech]") {
  CHECK(said("Bel 0800 8115.") == "Bel 0 8 0 0, 8 1 1 5.");
  CHECK(said("Bel 14 0123 of 0123 456 789") == "Bel 1 4, 0 1 2 3 of 0 1 2 3, 4 5 6, 7 8 9.");
  const auto u = speech::build({{"w", "Bel 0800 8115."}}, "nl", kDutch);
  REQUIRE(u.pieces.size() == 2);
  CHECK(u.pieces[1].shown == "0800 8115.");  // one piece: the whole number lights up
  // Not phone numbers: years, amounts, a single short number.
  CHECK(said("In 2026 zijn er 67 mensen") == "In 2026 zijn er 67 mensen.");
}

TEST_CASE("times, amounts and web addresses are read as a person says them", "[speech]") {
  CHECK(said("Open van 9.00 tot 12.00 uur.") == "Open van 9 uur tot 12 uur.");
  CHECK(said("Om 10.30 uur") == "Om 10 uur 30.");
  CHECK(said("9.00 \u2013 12.00 uur") == "9 uur tot 12 uur.");
  CHECK(said("Open 9.00 to 12.30.", "en", {}) == "Open 9 to 12 30.");
  CHECK(said("10.00 ile 12.00 arası", "tr", {}) == "10 ile 12 arası.");
  CHECK(said("Lager dan ongeveer \u20AC 1.650?") == "Lager dan ongeveer 1650 euro?");
  CHECK(said("Huur tot \u20AC 932,93 telt mee.") == "Huur tot 932 euro 93 telt mee.");
  CHECK(said("Kijk op www.toeslagen.nl.") == "Kijk op www punt toeslagen punt en el.");
  CHECK(said("Less than \u20AC 7.575", "en", {{"\u20AC", "euros"}}) == "Less than 7575 euros.");
}

TEST_CASE("an amount in a language's own way is said as the number, then the currency word",
          "[speech][numbers]") {
  const speech::Lexicon english = {{"\u20AC", "euros"}};
  // The ladder's labels, as the number module writes them.
  CHECK(said("Minder dan " + text::euros(1564.69, "nl")) == "Minder dan 1565 euro.");
  CHECK(said(text::euros(1564.69, "nl") + " tot " + text::euros(146011, "nl")) ==
        "1565 euro tot 146011 euro.");
  CHECK(said("Less than " + text::euros(1564.69, "en") + "?", "en", english) == "Less than 1565 euros?");
  CHECK(said(text::euros(146011, "en") + " to " + text::euros(2034, "en"), "en", english) ==
        "146011 euros to 2034 euros.");
  CHECK(said(text::euros(1564.69, "tr") + " alt\u0131nda", "tr", {{"\u20AC", "avro"}}) ==
        "1565 avro alt\u0131nda.");
  CHECK(said("\u041C\u0435\u043D\u0448\u0435 \u043D\u0456\u0436 " + text::euros(146011, "uk"), "uk",
             {{"\u20AC", "\u0454\u0432\u0440\u043E"}}) ==
        "\u041C\u0435\u043D\u0448\u0435 \u043D\u0456\u0436 146011 \u0454\u0432\u0440\u043E.");
  CHECK(said(text::euros(1564.69, "ar"), "ar", {{"\u20AC", "\u064A\u0648\u0631\u0648"}}) ==
        "1565 \u064A\u0648\u0631\u0648.");
  // The whole amount lights up as one piece.
  const auto u = speech::build({{"w", "Less than " + text::euros(146011, "en") + "."}}, "en", english);
  REQUIRE(u.pieces.size() == 3);
  CHECK(u.pieces[2].shown == "\u20AC146,011.");
  // A page written by hand the Dutch way is still read as meant.
  CHECK(said("about \u20AC 1.500 a month", "en", english) == "about 1500 euros a month.");
  // English's own "1.50" is one and a half: not read as a Dutch thousand.
  CHECK(said("\u20AC1.50", "en", english) == "1 euros 50.");
}

TEST_CASE("espeak-ng reads the spoken amount as a number followed by the currency",
          "[speech][synth][numbers]") {
  auto& synthesizer = speech::Synthesizer::instance();
  REQUIRE(synthesizer.available());
  // What espeak-ng makes of a text, as phoneme names: its own reading of numbers and signs.
  auto phonemes = [](const std::string& lang, const std::string& text) {
    espeak_SetVoiceByName(lang.c_str());
    std::string out;
    const void* at = text.c_str();
    while (at) out += (out.empty() ? "" : " ") + std::string(espeak_TextToPhonemes(&at, espeakCHARS_UTF8, 0));
    return out;
  };
  for (const auto& [lang, currency] : {std::pair<std::string, std::string>{"nl", "euro"}, {"en", "euros"}}) {
    INFO(lang);
    const std::string shown = text::euros(1564.69, lang);
    const std::string spoken = said(shown, lang, {{"\u20AC", currency}});
    // The number in the voice's own words, then the currency word. As shown, English says
    // "euros one thousand ..." and Dutch "euroteken duizend ...".
    CHECK(phonemes(lang, spoken) == phonemes(lang, "1565") + " " + phonemes(lang, currency));
    CHECK(phonemes(lang, shown + ".") != phonemes(lang, spoken));
  }
}

TEST_CASE("each text ends with a pause, and Herhaal takes one sentence", "[speech]") {
  const auto u =
      speech::build({{"title", "Geld voor uw huur"}, {"body", "Huurt u? Vraag het na. Dat mag."}}, "nl", {});
  CHECK(speech::spoken_text(u) == "Geld voor uw huur. Huurt u? Vraag het na. Dat mag.");
  const auto sentence = speech::sentence_at(u, 7);  // "na."
  CHECK(speech::shown_text(sentence) == "Vraag het na.");
  CHECK(speech::shown_text(speech::sentence_at(u, 0)) == "Geld voor uw huur");
  CHECK(speech::sentence_at(u, 99).pieces.empty());
}

TEST_CASE("rate and volume steps stay within bounds", "[speech]") {
  CHECK(speech::settings_for(0, 0).rate_wpm == 150);
  CHECK(speech::settings_for(-5, 0).rate_wpm == 120);
  CHECK(speech::settings_for(5, 0).rate_wpm == 185);
  CHECK(speech::settings_for(0, -9).volume == 30);
  CHECK(speech::settings_for(0, 9).volume == 170);
}

TEST_CASE("espeak-ng speaks every kiosk language, with a start time for every word", "[speech][synth]") {
  auto& synthesizer = speech::Synthesizer::instance();
  REQUIRE(synthesizer.available());
  for (const char* lang : {"nl", "en", "ar", "tr", "pl", "uk"}) CHECK(synthesizer.has_voice(lang));
  CHECK_FALSE(synthesizer.has_voice("xx"));

  const auto u = speech::build(
      {{"t", "Huurt u een huis?"}, {"b", "Veel mensen weten dit niet. Vragen staat vrij."}}, "nl", kDutch);
  std::size_t samples = 0;
  const auto timing = synthesizer.synthesize(u, {}, [&](const std::int16_t*, std::size_t n) {
    samples += n;
    return true;
  });
  CHECK(timing.duration_ms > 2000);
  CHECK(timing.duration_ms ==
        static_cast<int>(samples * 1000 / static_cast<std::size_t>(synthesizer.sample_rate())));
  // Every word has a time, in order, also the first word of a sentence.
  int last = -1;
  for (std::size_t i = 0; i < u.pieces.size(); ++i) {
    INFO(u.pieces[i].shown);
    CHECK(timing.piece_ms[i] > last);
    last = timing.piece_ms[i];
  }
  // Slower is longer; stopping from the sink cuts it short.
  const auto slow =
      synthesizer.synthesize(u, speech::settings_for(-1, 0), [](const auto*, std::size_t) { return true; });
  CHECK(slow.duration_ms > timing.duration_ms * 1.15);
  const auto cut = synthesizer.synthesize(u, {}, [](const auto*, std::size_t) { return false; });
  CHECK(cut.cancelled);
  CHECK(cut.duration_ms < 200);
}

TEST_CASE("a WAV file has a correct header and the samples", "[speech]") {
  const std::string path = test_support::temp_dir("wav") + "/t.wav";
  REQUIRE(speech::write_wav(path, {0, 1000, -1000, 32767}, 22050).empty());
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(bytes.size() == 44 + 8);
  CHECK(bytes.substr(0, 4) == "RIFF");
  CHECK(bytes.substr(8, 8) == "WAVEfmt ");
  CHECK(bytes.substr(36, 4) == "data");
  CHECK(static_cast<unsigned char>(bytes[24]) + 256 * static_cast<unsigned char>(bytes[25]) == 22050 % 65536);
  CHECK(speech::write_wav("/nonexistent-dir/x.wav", {}, 22050) == "cannot write /nonexistent-dir/x.wav");
}

// "Taal · Language · اللغة" on a Dutch screen: each word by its own language's voice (one voice
// spelled the Arabic out letter by letter, 5 s for one word); the pause after it stays Dutch.
TEST_CASE("words marked as another language go to that language's voice", "[speech]") {
  const std::string label = "Taal · Language · \u0627\u0644\u0644\u063A\u0629";
  speech::Source source{"nav.language", label};
  source.languages = {{0, "nl"}, {label.find("Language"), "en"}, {label.find("\u0627"), "ar"}};
  const auto said = speech::build({source, {"", "knop"}}, "nl", {});
  std::vector<std::pair<std::string, std::string>> words;
  for (const auto& piece : said.pieces) words.emplace_back(piece.shown, speech::lang_of(said, piece));
  CHECK(words == std::vector<std::pair<std::string, std::string>>{{"Taal", "nl"},
                                                                  {"\u00B7", "nl"},
                                                                  {"Language", "en"},
                                                                  {"\u00B7", "en"},
                                                                  {"\u0627\u0644\u0644\u063A\u0629", "ar"},
                                                                  {"knop", "nl"}});
}
