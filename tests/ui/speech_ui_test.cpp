// Speech through the headless runner: what is said for each screen, in which
// language, what a tap does to it, the highlight, and a kiosk without sound.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "platform/sdl_voice.hpp"
#include "platform/trace_voice.hpp"
#include "support/layout.hpp"

using test_support::run_script;
using test_support::said_in;

namespace {

std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<nlohmann::json> trace_of(const test_support::ScriptRun& run) {
  return test_support::read_jsonl(run.out_dir + "/speech.jsonl");
}

}  // namespace

TEST_CASE("'Lees voor' says every text on every screen of a walk", "[speech][ui]") {
  // One "Lees voor" per screen, a second apart (a quick second tap on the same button counts once).
  const std::vector<std::string> steps = {
      "",
      "tap home.topic.geldzorgen",
      "tap nav.help",
      // Amounts and answers are said aloud once the visitor agrees: here, on Hulp.
      "tap listen.choose",
      "tap listen.aloud",
      "tap nav.home\nwait 1\ntap home.selfcheck",
      "tap intro.start",
      "tap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap answer.yes\nwait 1\ntap answer.no\nwait 1\ntap "
      "answer.band.1",  // the lowest band of the couple's income ladder
      "tap result.aio.why",
      "tap nav.back\nwait 1\ntap result.slip",
      "tap next.desk",
      "tap nav.language",
  };
  std::string script;
  for (std::size_t i = 0; i < steps.size(); ++i)
    script += steps[i] + "\nwait 1\ntap nav.speak\nshot s" + std::to_string(i) + "\nwait 1\n";
  const auto run = run_script(script, "speech-walk");
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  const auto trace = trace_of(run);
  REQUIRE(run.shots.size() == steps.size());
  REQUIRE(trace.size() == steps.size());
  std::set<std::string> screens;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& shot = run.shots[i];
    screens.insert(shot["screen"].get<std::string>());
    const std::string said = squeeze(trace[i]["text"].get<std::string>());
    CHECK(trace[i]["lang"] == "nl");
    for (const auto& widget : shot["widgets"]) {
      // The speak button says "Stop" now; it was "Lees voor" when the screen was read.
      if (widget["role"] == "pictogram" || widget["id"] == "frame.location" || widget["id"] == "nav.speak")
        continue;
      // The frame's buttons are said once a session (the first screen), not on every screen.
      if (i > 0 && widget["id"].get<std::string>().rfind("nav.", 0) == 0) continue;
      const std::string label = squeeze(widget["label"].get<std::string>());
      INFO("screen " << shot["screen"] << ", widget " << widget["id"]);
      CHECK(said.find(label) != std::string::npos);
    }
    // The frame's buttons come last, after the screen's own text, and only the first time.
    CHECK((said.find("Onderaan staan deze knoppen: Terug Begin Lees voor") != std::string::npos) == (i == 0));
  }
  CHECK(screens == std::set<std::string>{"home", "page", "help", "listening", "intro", "question", "result",
                                         "why", "next_step", "slip", "language"});
}

TEST_CASE("speech uses the screen's language and the content's pronunciations", "[speech][ui]") {
  const auto trace = said_in(
      "tap home.selfcheck\nwait 1\ntap intro.start\ntap nav.speak\nwait 1\n"
      "lang en\nwait 1\ntap nav.speak\nwait 1\n"
      "lang ar\nwait 1\ntap nav.speak\nwait 1\n"
      "lang nl\ntap nav.home\nwait 1\ntap home.topic.over\nwait 1\ntap nav.speak\n",
      "speech-lang");
  REQUIRE(trace.size() == 4);
  CHECK(trace[0]["lang"] == "nl");
  CHECK(trace[0]["spoken"].get<std::string>().find("aa oo wee-leeftijd?") != std::string::npos);
  CHECK(trace[0]["text"].get<std::string>().find("AOW-leeftijd?") != std::string::npos);
  CHECK(trace[1]["lang"] == "en");
  CHECK(trace[1]["text"].get<std::string>().find("state pension age") != std::string::npos);
  CHECK(trace[2]["lang"] == "ar");
  CHECK(trace[2]["text"].get<std::string>().find("\u0647\u0644") != std::string::npos);  // "هل"
  // A page's spoken text replaces its body for speech.
  CHECK(trace[3]["spoken"].get<std::string>().find("Dit informatiepunt hoort bij de bibliotheek.") !=
        std::string::npos);
  CHECK(trace[3]["text"].get<std::string>().find("Wij bewaren niets van wat u hier doet") ==
        std::string::npos);
}

TEST_CASE("a tap anywhere stops speech and still acts: 'Lees voor' again stops it", "[speech][ui]") {
  const auto run = run_script(
      "tap nav.speak\nwait 1\ntap nav.help\nexpect-screen help\nshot after\n"
      "wait 1\ntap nav.speak\nwait 1\ntap nav.speak\nshot stopped\n",
      "speech-stop");
  REQUIRE(run.result.ok);
  const auto trace = trace_of(run);
  REQUIRE(trace.size() == 2);
  // Cut off when the finger touched "Hulp", after the one second of listening.
  REQUIRE(trace[0].contains("cancelled_ms"));
  CHECK(trace[0]["cancelled_ms"].get<int>() >= 1000);
  CHECK(trace[0]["cancelled_ms"].get<int>() <= 1200);
  CHECK(trace[0]["duration_ms"].get<int>() > 5000);
  REQUIRE(trace[1].contains("cancelled_ms"));
  CHECK(run.shots[1]["spoken"].is_null());
  CHECK(test_support::find_widget(run.shots[1], "nav.speak")->at("label") == "Lees voor");
}

TEST_CASE("the highlight follows the word being said", "[speech][ui]") {
  platform::HeadlessOptions options;
  options.date = "2026-11-25";
  platform::HeadlessDriver driver(test_support::fixture_pack(), options);
  const auto* speak = driver.shell().widgets().find("nav.speak");
  REQUIRE(speak);
  driver.tap_at({speak->rect.x + 10, speak->rect.y + 10});
  auto trace = driver.voice().take_trace();
  REQUIRE(trace.size() == 1);
  const auto started = trace[0]["t_ms"].get<app::Millis>();
  CHECK(test_support::find_widget_in(driver.shell().widgets(), "nav.speak") == "Stop");
  int checked = 0;
  for (const auto& word : trace[0]["words"]) {
    const int ms = word["ms"].get<int>();
    if (ms < 0 || word["widget"] == "") continue;
    driver.advance(started + ms + 5 - driver.now());
    const auto& shown = driver.runtime().drawn_spoken();
    REQUIRE(shown);
    CHECK(shown->widget == word["widget"].get<std::string>());
    CHECK(shown->begin == word["begin"].get<std::size_t>());
    if (++checked == 12) break;
  }
  CHECK(checked == 12);
  // After the last word: no highlight, and the button says "Lees voor" again.
  driver.advance(trace[0]["duration_ms"].get<app::Millis>() + 100);
  CHECK_FALSE(driver.runtime().drawn_spoken());
  CHECK(test_support::find_widget_in(driver.shell().widgets(), "nav.speak") == "Lees voor");
}

TEST_CASE("rate and volume are the visitor's, and back to normal after the session", "[speech][ui]") {
  const auto trace = said_in(
      "tap nav.help\ntap speech.faster\nwait 1\ntap speech.louder\nwait 1\ntap speech.louder\nwait 2\n"
      "tap nav.speak\nwait 1\ntap nav.clear\nwait 1\ntap nav.speak\n",
      "speech-settings");
  REQUIRE(trace.size() == 5);  // three samples, the help screen, then Home after "Wis alles"
  CHECK(trace[0]["rate_wpm"] == 185);
  CHECK(trace[2]["volume"] == 170);
  CHECK(trace[3]["rate_wpm"] == 185);
  CHECK(trace[4]["rate_wpm"] == 150);
  CHECK(trace[4]["volume"] == 100);
}

TEST_CASE("'Herhaal' says the last sentence again: 'Lees elk scherm voor' reads each new screen",
          "[speech][ui]") {
  const auto trace = said_in(
      "tap nav.help\nwait 1\ntap nav.speak\nwait 3.5\ntap speech.repeat\nwait 1\n"
      "tap speech.read_aloud\nwait 1\ntap nav.home\nwait 1\ntap home.topic.huis\nwait 1\n",
      "speech-repeat");
  REQUIRE(trace.size() == 5);
  // At 3.5 s the title and "Roep iemand" are done and the first sentence is being said (from
  // about 2.5 to 4.8 s): that sentence again. (Near either end the test passed or failed with
  // the order of the tests before it.)
  CHECK(trace[1]["text"] == "Een vrijwilliger helpt u graag.");
  CHECK(trace[2]["text"].get<std::string>().rfind("Zo werkt het", 0) == 0);  // read aloud: this screen
  CHECK(trace[3]["text"].get<std::string>().find("Doe de korte check") != std::string::npos);  // Home
  CHECK(trace[4]["text"].get<std::string>().rfind("Hulp in en om het huis", 0) == 0);
}

TEST_CASE("the idle warning is announced", "[speech][ui]") {
  const auto trace = said_in("tap nav.help\nwait 91\nexpect-screen idle\n", "speech-idle");
  REQUIRE(trace.size() == 1);
  CHECK(trace[0]["text"] == test_support::fixture_pack().text("idle.announce", "nl"));
}

TEST_CASE("without sound the kiosk works on, and 'Lees voor' says so in words", "[speech][ui]") {
  platform::HeadlessOptions options;
  options.sound = false;
  const auto run = run_script(
      "tap nav.speak\nexpect-text \"Voorlezen werkt nu niet.\"\nshot no-sound\n"
      "tap home.topic.huis\nexpect-screen page\nshot page\n",
      "speech-none", options);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  CHECK(trace_of(run).empty());
  CHECK_FALSE(test_support::find_widget(run.shots[1], "notice"));  // the next tap clears it
  // The notice has a place of its own: it covers no button, and no button moved for it.
  const auto* notice = test_support::find_widget(run.shots[0], "notice");
  REQUIRE(notice);
  const auto& n = (*notice)["rect"];
  for (const auto& w : run.shots[0]["widgets"]) {
    if (w["role"] != "button" && w["role"] != "nav" && w["role"] != "primary") continue;
    const auto& r = w["rect"];
    const bool apart = r[0].get<float>() >= n[0].get<float>() + n[2].get<float>() ||
                       n[0].get<float>() >= r[0].get<float>() + r[2].get<float>() ||
                       r[1].get<float>() >= n[1].get<float>() + n[3].get<float>() ||
                       n[1].get<float>() >= r[1].get<float>() + r[3].get<float>();
    INFO(w["id"]);
    CHECK(apart);
  }
}

namespace {

// A voice that has only Dutch, and remembers what it was asked to say.
class DutchOnlyVoice : public speech::Voice {
 public:
  void say(const speech::Utterance& utterance, const speech::Settings&, speech::Millis now) override {
    said.push_back(utterance.lang);
    begin_playback(utterance, now);
  }
  void stop(speech::Millis now) override { end_playback(now); }
  void play(speech::Sound, speech::Millis) override {}
  [[nodiscard]] std::string problem() const override { return {}; }
  [[nodiscard]] bool has_voice(const std::string& lang) const override { return lang == "nl"; }
  std::vector<std::string> said;
};

}  // namespace

TEST_CASE("a language without a voice is read in Dutch, and the screen says so", "[speech][ui]") {
  platform::HeadlessOptions options;
  platform::HeadlessDriver driver(test_support::fixture_pack(), options);
  DutchOnlyVoice voice;
  driver.runtime().set_voice(&voice);
  driver.apply({app::Action::SetLanguage, "en"});
  const auto* speak = driver.shell().widgets().find("nav.speak");
  REQUIRE(speak);
  driver.tap_at({speak->rect.x + 10, speak->rect.y + 10});
  REQUIRE(voice.said == std::vector<std::string>{"nl"});
  CHECK(driver.shell().widgets().shows_text("The computer reads in Dutch."));
}

// How fast is `wegwijzer bench` (tap_to_first_audio_ms, stop_to_silence_ms): a timed check
// here failed on a loaded machine. This test holds what must be true at any speed.
TEST_CASE("the SDL voice starts, is made faster than it plays, and a stop empties it", "[speech][sdl]") {
  platform::SdlVoice voice;  // SDL_AUDIODRIVER=dummy in the tests: a sound card that plays in real time
  INFO(voice.problem());
  REQUIRE(voice.problem().empty());
  const auto utterance = speech::build({{"t", "Veel mensen weten dit niet. Vragen staat vrij."}}, "nl", {});
  voice.say(utterance, {}, 0);
  for (int i = 0; i < 400 && voice.first_audio_ms() < 0; ++i) SDL_Delay(5);
  CHECK(voice.first_audio_ms() >= 0);
  for (int i = 0; i < 400 && voice.queued_ms() <= 500; ++i) SDL_Delay(5);
  CHECK(voice.queued_ms() > 500);  // made far faster than it is played
  CHECK(voice.speaking(100));
  voice.stop(100);
  CHECK(voice.queued_ms() == 0);
  CHECK_FALSE(voice.speaking(100));
  // Saying something new after a stop works, and cuts nothing else off.
  voice.say(utterance, {}, 200);
  for (int i = 0; i < 100 && voice.queued_ms() == 0; ++i) SDL_Delay(5);
  CHECK(voice.queued_ms() > 0);
}

TEST_CASE("interface sounds: soft, short, on a tap or a new screen, never over speech", "[speech][sounds]") {
  for (auto kind : {speech::Sound::Tap, speech::Sound::Page}) {
    const auto samples = speech::make_sound(kind, 22050);
    CHECK(samples.size() < 22050 / 2);  // under half a second
    int peak = 0;
    for (auto s : samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
    CHECK(peak > 2000);
    CHECK(peak < 32767 / 4);                // far below speech (which peaks near full scale)
    CHECK(std::abs(samples.back()) < 200);  // fades out: no click
  }
  platform::HeadlessOptions options;
  platform::HeadlessDriver driver(test_support::fixture_pack(), options);
  auto tap = [&](const std::string& id) {
    const auto* w = driver.shell().widgets().find(id);
    REQUIRE(w);
    driver.tap_at({w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2});
    driver.advance(1000);
  };
  tap("home.topic.huis");  // a new screen
  tap("nav.bigger");       // the same screen, larger
  tap("nav.speak");        // speaking now: no sound over it
  tap("nav.help");         // stops speech, then a new screen
  const auto& sounds = driver.voice().sounds();
  REQUIRE(sounds.size() == 3);
  CHECK(sounds[0].second == "page");
  CHECK(sounds[1].second == "tap");
  CHECK(sounds[2].second == "page");
  driver.runtime().set_interface_sounds(false);
  tap("nav.back");
  CHECK(driver.voice().sounds().size() == 3);
}

TEST_CASE("the voice takes the headphones' own volume while they are in, the loudspeaker's after",
          "[speech][ui][listening]") {
  const auto trace = said_in(
      // In listening mode a touch says what is under it and a double tap acts.
      "headphones in\nwait 12\ntap nav.help\nwait 1\ndouble-tap\nwait 1\nexpect-screen help\n"
      "tap speech.louder\nwait 1\ndouble-tap\nwait 3\nheadphones out\nwait 8\n"
      "tap speech.louder\nwait 1\ndouble-tap\nwait 3\n",
      "speech-headphone-volume");
  REQUIRE(trace.size() >= 4);
  // Listening mode announced in the ears, a step below the loudspeaker's normal level.
  CHECK(trace.front()["volume"] == 65);
  std::vector<int> volumes;
  for (const auto& t : trace) volumes.push_back(t["volume"].get<int>());
  // "Harder" with headphones in: the headphones' level goes up a step (65 to 100) ...
  CHECK(std::find(volumes.begin(), volumes.end(), 100) != volumes.end());
  // ... and out, the loudspeaker speaks at its own level, which "Harder" then raises (135).
  CHECK(volumes.back() == 135);
}
