#include "bench/bench.hpp"

#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "content/content_pack.hpp"
#include "content/pack_reader.hpp"
#include "content/startup.hpp"
#include "content/store.hpp"
#include "editor/roll_back.hpp"
#include "platform/headless_driver.hpp"
#include "platform/sdl_voice.hpp"
#include "platform/trace_voice.hpp"
#include "platform/word_swap.hpp"
#include "selfcheck/selfcheck.hpp"
#include "slip/escpos.hpp"
#include "slip/paper.hpp"
#include "slip/pdf.hpp"
#include "slip/slip.hpp"
#include "speech/synthesizer.hpp"
#include "staff/access.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"
#include "text/raster.hpp"
#include "ui/reading.hpp"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

// A display for the child kiosk processes: the one we have, else a private Xvfb
// (a real X server, so the loop really sleeps), else SDL's dummy driver.
class BenchDisplay {
 public:
  BenchDisplay() {
    if (std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY")) {
      kind_ = "existing display";
      return;
    }
    for (int number = 90; number < 100 && xvfb_ == 0; ++number) {
      const std::string socket = "/tmp/.X11-unix/X" + std::to_string(number);
      if (std::filesystem::exists(socket)) continue;
      const std::string name = ":" + std::to_string(number);
      const pid_t pid = fork();
      if (pid == 0) {
        std::freopen("/dev/null", "w", stderr);
        execlp("Xvfb", "Xvfb", name.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp",
               static_cast<char*>(nullptr));
        _exit(127);
      }
      for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (std::filesystem::exists(socket)) {
        xvfb_ = pid;
        env_ = "DISPLAY=" + name;
        kind_ = "Xvfb " + name;
      } else {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        break;
      }
    }
    if (xvfb_ == 0) {
      env_ = "SDL_VIDEODRIVER=dummy";
      kind_ = "SDL dummy video driver (polls every 1 ms: idle CPU is an upper bound)";
    }
  }
  ~BenchDisplay() {
    if (xvfb_ > 0) {
      kill(xvfb_, SIGTERM);
      waitpid(xvfb_, nullptr, 0);
    }
  }
  [[nodiscard]] const std::string& env() const { return env_; }
  [[nodiscard]] const std::string& kind() const { return kind_; }

 private:
  pid_t xvfb_ = 0;
  std::string env_;
  std::string kind_;
};

// Runs the kiosk binary with `arguments`; returns the JSON line it prints and the
// wall time until that line arrived.
json run_child(const BenchDisplay& display, const std::string& arguments, double& wall_ms) {
  // A private data directory: the bench never touches the kiosk's own store.
  static const std::string data = [] {
    char pattern[] = "/tmp/wegwijzer-bench-data-XXXXXX";
    const char* made = mkdtemp(pattern);
    return std::string(made ? made : "");
  }();
  if (data.empty()) return json::object();
  const std::string command = (display.env().empty() ? "" : "env " + display.env() + " ") + "/proc/" +
                              std::to_string(getpid()) + "/exe run --data " + data + " " + arguments;
  const auto start = Clock::now();
  FILE* child = popen(command.c_str(), "r");
  if (!child) return json::object();
  char line[512] = {};
  const bool got = std::fgets(line, sizeof line, child) != nullptr;
  wall_ms = ms_since(start);
  pclose(child);
  if (!got) return json::object();
  return json::parse(line, nullptr, false);
}

int count_words(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), ' ')) + 1;
}

// About 300 words of plain Dutch, as a long information page would have.
std::string long_dutch_text() {
  const char* sentences[] = {
      "Huurt u een huis? Dan kunt u misschien huurtoeslag krijgen.",
      "Dit hangt af van wat u verdient en van uw huur.",
      "Veel mensen weten dit niet. Vragen staat vrij.",
      "Een vrijwilliger in de bibliotheek helpt u graag met het formulier.",
      "Neem uw paspoort of identiteitskaart mee, en een brief over uw inkomen.",
      "De gemeente kan ook helpen met inkomensondersteuning en kwijtschelding.",
      "U hoeft het niet alleen te doen. Samen vinden we een weg.",
  };
  std::string text;
  int words = 0;
  for (int i = 0; words < 300; ++i) {
    const std::string sentence = sentences[i % std::size(sentences)];
    text += (text.empty() ? "" : " ") + sentence;
    words += count_words(sentence);
  }
  return text;
}

json text_layout(bool quick) {
  text::FontSet fonts(text::default_font_config());
  text::Hyphenator hyphenator;
  text::TextEngine engine(fonts, hyphenator);
  const std::string page = long_dutch_text();
  text::Style style;
  style.size_px = 38;
  const int rounds = quick ? 5 : 50;
  std::vector<double> cold, cached;
  for (int i = 0; i < rounds; ++i) {
    engine.clear_cache();
    auto start = Clock::now();
    auto layout = engine.layout(page, style, 1920);
    cold.push_back(ms_since(start) * 1000.0);
    start = Clock::now();
    layout = engine.layout(page, style, 1920);
    cached.push_back(ms_since(start) * 1000.0);
  }
  text::GlyphAtlas atlas(fonts);
  const auto layout = engine.layout(page, style, 1920);
  for (const auto& glyph : layout->glyphs) (void)atlas.glyph(glyph.face, glyph.id, layout->size_px);
  return {{"words", count_words(page)},
          {"width_px", 1920},
          {"cold_us_median", percentile(cold, 0.5)},
          {"cached_us_median", percentile(cached, 0.5)},
          {"atlas_bytes_for_this_page", atlas.memory_bytes()},
          {"atlas_glyphs_for_this_page", atlas.glyph_count()}};
}

// A content pack of `pages` pages in five languages, as files in memory.
content::PackFiles generated_pack(int pages) {
  const char* languages[] = {"nl", "en", "ar", "tr", "uk"};
  content::PackFiles files;
  std::string pack = "version = \"bench\"\ndefault_language = \"nl\"\n";
  for (const char* code : languages)
    pack += std::string("\n[[language]]\ncode = \"") + code + "\"\nname = \"" + code + "\"\n";
  files["pack.toml"] = pack;
  files["location.toml"] =
      "name = \"Bibliotheek\"\ninfo_point_hours = \"Mo 10:00-16:00\"\n";
  std::string strings;
  for (const auto& key : content::required_strings()) {
    strings += "\"" + key + "\" = { ";
    for (const char* code : languages)
      strings += std::string(code) + " = \"Tekst\"" + (code == languages[4] ? " " : ", ");
    strings += "}\n";
  }
  files["strings.toml"] = strings;
  std::string home = "topics = [";
  for (int i = 0; i < pages; ++i) {
    const std::string id = "pagina" + std::to_string(i);
    if (i < static_cast<int>(content::kMaxHomeTopics)) home += "\"" + id + "\", ";
    std::string page =
        "pictogram = \"info\"\nlinks = [\"pagina" + std::to_string((i + 1) % pages) + "\"]\n\n[title]\n";
    for (const char* code : languages)
      page += std::string(code) + " = \"Pagina " + std::to_string(i) + "\"\n";
    page += "\n[body]\n";
    for (const char* code : languages)
      page += std::string(code) + " = \"\"\"\n" + long_dutch_text().substr(0, 400) + "\n\"\"\"\n";
    files["pages/" + id + ".toml"] = page;
  }
  files["home.toml"] = home + "]\n";
  return files;
}

// The history in words: a row reads the whole pack with and without its change (then it is kept
// while the history is open). One published page edit, its row's first look.
double history_row_ms(const std::string& path, bool quick) {
  content::ContentStore store(path);
  const auto files = store.files();
  const auto page =
      std::find_if(files.begin(), files.end(), [](const auto& file) { return file.first.starts_with("pages/"); });
  if (page == files.end()) return 0;
  store.save_draft(page->first, page->second + "\n# bench\n", "bench");
  store.publish("bench", "bench");
  const auto revision = store.revision(store.history().front().number);
  std::vector<double> rows;
  for (int i = 0; i < (quick ? 1 : 5) && revision; ++i) {
    const auto start = Clock::now();
    (void)editor::revision_changes(store.files(), *revision);
    rows.push_back(ms_since(start));
  }
  return percentile(rows, 0.5);
}

json content_store(bool quick) {
  json out = json::object();
  char pattern[] = "/tmp/wegwijzer-bench-store-XXXXXX";
  const std::string dir = mkdtemp(pattern) ? pattern : "/tmp";
  const content::ValidateOptions options{"2026-11-25", {}};
  auto measure = [&](const std::string& name, const content::PackFiles& files) {
    const std::string path = dir + "/" + name + ".sqlite";
    auto start = Clock::now();
    {
      content::ContentStore store(path);
      (void)store.import_pack(files, "bench");
    }
    const double import_ms = ms_since(start);
    content::ContentStore store(path);
    std::vector<double> loads;
    std::size_t heap = 0;
    for (int i = 0; i < (quick ? 1 : 5); ++i) {
      const auto before = mallinfo2().uordblks;
      start = Clock::now();
      content::Diagnostics problems;
      auto pack = content::usable_pack(store.files(), "store", options, problems);
      loads.push_back(ms_since(start));
      heap = mallinfo2().uordblks - before;
      if (!pack) return json{{"error", problems.empty() ? "?" : problems.front().format()}};
    }
    return json{{"files", files.size()},
                {"import_ms", import_ms},
                {"snapshot_load_ms_median", percentile(loads, 0.5)},
                {"snapshot_heap_bytes", heap}};
  };
  out["shipped_pack"] = measure("shipped", content::read_files(content::default_content_dir()));
  out["shipped_pack"]["history_row_ms_median"] = history_row_ms(dir + "/shipped.sqlite", quick);
  out["generated_1000_pages_5_languages"] = measure("generated", generated_pack(1000));
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return out;
}

void tap(platform::HeadlessDriver& driver, const std::string& id) {
  (void)driver.tap(id);
  driver.advance(1000);
}

// "Ja" on every question, the lowest band on a ladder of money; a question where more than
// one answer may be ticked goes on with "Verder".
void answer_until_result(platform::HeadlessDriver& driver) {
  for (int i = 0; i < 30 && driver.shell().app().visible_screen().kind == app::ScreenKind::Question; ++i)
    for (const char* id : {"answer.yes", "answer.band.1", "answer.done"})
      if (driver.shell().widgets().find(id)) {
        tap(driver, id);
        break;
      }
}

// The self-check: evaluating every rule, and a whole check through the runner.
json selfcheck_figures(bool quick) {
  auto read = content::read_pack(content::default_content_dir());
  if (!read.pack) return json{{"error", "the bundled content pack has errors"}};
  const auto& pack = *read.pack;
  selfcheck::Answers answers;
  for (const auto& question : pack.questions) answers[question.id] = "yes";
  const int rounds = quick ? 1000 : 20000;
  std::size_t shown = 0;
  auto start = Clock::now();
  for (int i = 0; i < rounds; ++i) shown += selfcheck::evaluate(pack, answers, app::today_iso()).size();
  const double evaluation_us = ms_since(start) * 1000.0 / rounds;

  // How long a slow reader takes on the longest path ("Weet ik niet" everywhere asks
  // every question): reading the question at 90 words a minute, and its answers
  // when they differ from the last question's, plus 3 s to choose and tap.
  // A model, for the "under two minutes" goal.
  selfcheck::Answers open;
  double visitor_s = 0;
  int asked = 0;
  std::string last_answers;
  for (auto i = selfcheck::next_question(pack, open, -1); i; i = selfcheck::next_question(pack, open, *i)) {
    const auto& question = pack.questions[static_cast<std::size_t>(*i)];
    std::string words = pack.pick(question.text, "nl");
    std::string answers_text;
    for (const auto& option : selfcheck::options(pack, question, open, app::today_iso()))
      answers_text += " " + pack.pick(option.label, "nl");
    if (answers_text != last_answers) words += answers_text;
    last_answers = answers_text;
    visitor_s += static_cast<double>(count_words(words)) * 60.0 / 90.0 + 3.0;
    open[question.id] = "unknown";
    ++asked;
  }

  platform::HeadlessDriver driver(pack, {});
  start = Clock::now();
  tap(driver, "home.selfcheck");
  tap(driver, "intro.start");
  answer_until_result(driver);
  const double walk_ms = ms_since(start);
  return {{"rules", pack.rules.size()},
          {"questions", pack.questions.size()},
          {"evaluation_us", evaluation_us},
          {"suggestions_per_evaluation", shown / static_cast<std::size_t>(rounds)},
          {"home_to_result_ms", walk_ms},
          {"longest_check_questions", asked},
          {"longest_check_visitor_s", visitor_s},
          {"reached", app::screen_name(driver.shell().app().visible_screen().kind)}};
}

// The slip: layout + 1-bit raster + ESC/POS for a receipt; the A4 picture.
json slip_figures(bool quick) {
  auto read = content::read_pack(content::default_content_dir());
  if (!read.pack) return json{{"error", "the bundled content pack has errors"}};
  text::FontSet fonts(text::default_font_config());
  text::Hyphenator hyphenator;
  text::TextEngine engine(fonts, hyphenator);
  const auto made = slip::make_slip(*read.pack, {{"huurtoeslag", "zorgtoeslag", "kwijtschelding"},
                                                 "go",
                                                 app::today_iso(),
                                                 read.pack->default_language});
  json out;
  for (const std::string paper : {"80mm", "a4"}) {
    std::vector<double> times;
    std::size_t bytes = 0;
    int height = 0;
    for (int i = 0; i < (quick ? 3 : 20); ++i) {
      engine.clear_cache();  // every slip is laid out afresh
      const auto start = Clock::now();
      const auto picture = slip::render(made, engine, slip::paper_named(paper));
      bytes = slip::encode_escpos(picture).size();
      times.push_back(ms_since(start));
      height = picture.height;
    }
    out[paper] = {
        {"render_and_escpos_ms_p50", percentile(times, 0.5)}, {"height_px", height}, {"escpos_bytes", bytes}};
  }
  std::vector<double> pdf_times;
  std::size_t pdf_bytes = 0;
  for (int i = 0; i < (quick ? 3 : 20); ++i) {
    engine.clear_cache();
    const auto start = Clock::now();
    pdf_bytes = slip::render_pdf(made, engine, "a4").size();
    pdf_times.push_back(ms_since(start));
  }
  out["pdf_a4"] = {{"render_ms_p50", percentile(pdf_times, 0.5)}, {"bytes", pdf_bytes}};
  return out;
}

// Speech: how fast espeak-ng makes audio per language, and, through SDL audio,
// the time from a tap on "Lees voor" to the first sample and from a stop to silence.
json speech_figures(bool quick) {
  auto read = content::read_pack(content::default_content_dir());
  if (!read.pack) return json{{"error", "the bundled content pack has errors"}};
  auto& synthesizer = speech::Synthesizer::instance();
  if (!synthesizer.available()) return json{{"error", synthesizer.problem()}};
  json out;
  const std::map<std::string, std::string> texts = {
      {"nl",
       "Huurt u een huis? Dan kunt u misschien huurtoeslag krijgen. Veel mensen weten dit niet. "
       "Vragen staat vrij. Bel gratis 0800 8115, van 9.00 tot 17.00 uur."},
      {"en",
       "Do you rent your home? Then you may be able to get rent benefit. Many people do not know this. "
       "You are welcome to ask. Call 0800 8115 for free, from 9.00 to 17.00."},
      {"ar",
       "هل تستأجر بيتك؟ ربما يمكنك الحصول على بدل الإيجار. كثير من الناس لا يعرفون ذلك. لا تتردد في "
       "السؤال."}};
  json speed = json::object();
  for (const auto& [lang, text] : texts) {
    const auto lexicon = read.pack->pronunciation.find(lang);
    const auto utterance = speech::build(
        {{"", text}}, lang, lexicon == read.pack->pronunciation.end() ? speech::Lexicon{} : lexicon->second);
    std::vector<double> factors;
    int duration = 0;
    for (int i = 0; i < (quick ? 2 : 10); ++i) {
      const auto start = Clock::now();
      const auto timing =
          synthesizer.synthesize(utterance, {}, [](const std::int16_t*, std::size_t) { return true; });
      factors.push_back(timing.duration_ms / ms_since(start));
      duration = timing.duration_ms;
    }
    speed[lang] = {{"times_real_time", percentile(factors, 0.5)}, {"audio_s", duration / 1000.0}};
  }
  out["synthesis"] = speed;

  // No sound card here (a server, CI): SDL's dummy driver plays in real time all the same.
  auto voice = std::make_unique<platform::SdlVoice>();
  std::string driver = SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "none";
  if (!voice->problem().empty()) {
    voice.reset();
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    voice = std::make_unique<platform::SdlVoice>();
    driver = "dummy";
  }
  if (!voice->problem().empty()) {
    out["audio"] = {{"error", voice->problem()}};
    return out;
  }
  platform::HeadlessDriver kiosk(*read.pack, {});
  kiosk.runtime().set_voice(voice.get());
  std::vector<double> first_audio, stop;
  for (int i = 0; i < (quick ? 3 : 20); ++i) {
    kiosk.advance(1000);
    const auto* speak = kiosk.shell().widgets().find("nav.speak");
    if (!speak) break;
    const auto start = Clock::now();
    kiosk.tap_at({speak->rect.x + speak->rect.w / 2, speak->rect.y + speak->rect.h / 2});
    while (voice->first_audio_ms() < 0 || voice->queued_ms() == 0) {
      if (ms_since(start) > 1000) break;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    first_audio.push_back(ms_since(start));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    // A tap elsewhere: speech stops; what is left is the device's own buffer (512 samples).
    kiosk.advance(1000);
    const auto stop_start = Clock::now();
    voice->stop(kiosk.now());
    stop.push_back(ms_since(stop_start) + 512.0 * 1000.0 / synthesizer.sample_rate());
  }
  // A key moves the focus: from the press to the first sample of what the focus says (target
  // at most 60 ms, docs/ACCESSIBILITY.md). Home has enough targets that Down never wraps to the same.
  std::vector<double> key_audio;
  for (int i = 0; i < (quick ? 3 : 20); ++i) {
    kiosk.advance(1000);
    voice->stop(kiosk.now());  // the queue is empty: the first chunk queued is this key's
    const auto start = Clock::now();
    kiosk.key({"Down"});
    while (voice->first_audio_ms() < 0 || voice->queued_ms() == 0) {
      if (ms_since(start) > 1000) break;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    key_audio.push_back(ms_since(start));
  }
  voice->stop(kiosk.now());
  out["audio"] = {{"driver", driver},
                  {"key_to_focus_speech_ms_p50", percentile(key_audio, 0.5)},
                  {"key_to_focus_speech_ms_max", percentile(key_audio, 1.0)},
                  {"tap_to_first_audio_ms_p50", percentile(first_audio, 0.5)},
                  {"tap_to_first_audio_ms_max", percentile(first_audio, 1.0)},
                  {"stop_to_silence_ms_p50", percentile(stop, 0.5)},
                  {"stop_to_silence_ms_max", percentile(stop, 1.0)}};
  return out;
}

// The time a blind listener needs for the whole self-check by keypad, from the speech trace: keys
// only (2 until the wanted button is said, then Enter), with headphones in, each utterance heard to
// its end before the next key. The answers are the tour's: yes, the lowest band, every tick.
json keypad_check_minutes() {
  auto read = content::read_pack(content::default_content_dir());
  if (!read.pack) return json{{"error", "the bundled content pack has errors"}};
  const content::ContentPack& content = *read.pack;
  if (!speech::Synthesizer::instance().available())
    return json{{"error", speech::Synthesizer::instance().problem()}};
  // The listener, not the idle timeout, is measured: a long reading must not end the session.
  platform::HeadlessOptions options;
  options.idle.idle_after_ms = 3'600'000;
  platform::HeadlessDriver kiosk(content, options);
  double heard_ms = 0;
  int keys = 0, utterances = 0;
  // What the last input made the kiosk say, heard to its end, and a listener's pause after it.
  auto listen = [&] {
    const auto said = kiosk.voice().take_trace();
    app::Millis last = 0;
    for (const auto& entry : said) {
      last = entry.value("duration_ms", 0);
      heard_ms += static_cast<double>(entry.value("cancelled_ms", last));
      ++utterances;
    }
    kiosk.advance(last + 500);
  };
  auto press = [&](const char* key) {
    kiosk.key({key});
    ++keys;
    listen();
  };
  // Keypad 2 until the focus is on `id`, then Enter; false when the screen has no such target.
  std::string missing;
  auto choose = [&](const std::string& id) {
    for (int i = 0; i < 80 && kiosk.shell().focus_id() != id; ++i) press("Keypad 2");
    if (kiosk.shell().focus_id() != id) {
      missing = id + " on screen " + app::screen_name(kiosk.app().visible_screen().kind);
      return false;
    }
    press("Keypad Enter");
    return true;
  };
  kiosk.apply({app::Action::HeadphonesIn});
  listen();
  bool ok = choose("home.selfcheck") && choose("intro.start");
  for (int guard = 0; ok && guard < 40 && kiosk.app().visible_screen().kind == app::ScreenKind::Question;
       ++guard) {
    const int index = kiosk.app().visible_screen().about<app::about::Question>().index;
    const auto& question = content.questions[static_cast<std::size_t>(index)];
    if (!question.together.empty()) {
      for (int shown : selfcheck::on_screen(content, kiosk.app().session().answers, index))
        ok = ok && choose("tick." + content.questions[static_cast<std::size_t>(shown)].id);
      ok = ok && choose("answer.done");
    } else {
      ok = choose(question.measure.empty() ? "answer.yes" : "answer.band.1");
    }
  }
  ok = ok && kiosk.app().visible_screen().kind == app::ScreenKind::Result && choose("result.slip") &&
       choose("next.desk") && kiosk.app().visible_screen().kind == app::ScreenKind::Slip;
  if (!ok)
    return json{{"error", "the keypad did not reach the slip: " +
                              (missing.empty() ? std::string("it stopped on ") +
                                                     app::screen_name(kiosk.app().visible_screen().kind)
                                               : "no " + missing)}};
  return json{{"minutes", heard_ms / 60'000.0}, {"key_presses", keys}, {"utterances", utterances}};
}

json frame_times(bool quick) {
  auto read = content::read_pack(content::default_content_dir());
  if (!read.pack) return json{{"error", "the bundled content pack has errors: run wegwijzer check-content"}};
  content::ContentPack content = std::move(*read.pack);
  // A text-heavy screen: a page of about 300 words.
  content::Page long_page;
  long_page.id = "bench-long";
  long_page.pictogram = "menu_book";
  long_page.title = {{"nl", "Een lange pagina"}};
  long_page.body = {{"nl", long_dutch_text()}};
  content.pages.push_back(long_page);
  platform::HeadlessOptions options;  // 1920×1080, software renderer
  platform::HeadlessDriver driver(content, options);
  const int frames = quick ? 5 : 60;

  using app::ScreenKind;
  struct Step {
    const char* name;
    ScreenKind screen;  // where the taps must lead: a figure of another screen would be a wrong one
    std::vector<std::string> taps;
    double wait_s = 0;
  };
  const std::vector<Step> steps = {
      {"home", ScreenKind::Home, {}},
      {"page", ScreenKind::Page, {"home.topic.geldzorgen"}},
      {"help", ScreenKind::Help, {"nav.help"}},
      {"language", ScreenKind::Language, {"nav.language"}},
      {"idle", ScreenKind::IdleWarning, {}, 100},
      {"question", ScreenKind::Question, {"idle.stay", "nav.home", "home.selfcheck", "intro.start"}},
      {"result", ScreenKind::Result, {}},  // answers "yes" until the result shows
      {"slip", ScreenKind::Slip, {"result.slip", "next.desk"}},
      {"home_large_text", ScreenKind::Home, {"slip.done", "nav.bigger"}},
      {"text_heavy_page", ScreenKind::Page, {"nav.bigger"}},
  };
  json result = json::object();
  for (const auto& step : steps) {
    for (const auto& id : step.taps) tap(driver, id);
    if (step.wait_s > 0) driver.advance(static_cast<app::Millis>(step.wait_s * 1000));
    if (std::string(step.name) == "result") answer_until_result(driver);
    if (std::string(step.name) == "text_heavy_page") {
      driver.apply({app::Action::OpenPage, "bench-long"});
      driver.advance(1000);
    }
    const ScreenKind shown = driver.shell().app().visible_screen().kind;
    if (shown != step.screen) {
      result[step.name] = {{"error", std::string("the taps led to ") + app::screen_name(shown) + ", not " +
                                         app::screen_name(step.screen)}};
      continue;
    }
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) {
      const auto start = Clock::now();
      driver.layout();
      driver.rasterize();
      times.push_back(ms_since(start));
    }
    result[step.name] = {{"p50_ms", percentile(times, 0.5)},
                         {"p99_ms", percentile(times, 0.99)},
                         {"screen", app::screen_name(driver.shell().app().visible_screen().kind)}};
  }
  return result;
}

// Issue 23, item 11: a page whose body is one 3 MB word, and one whose body is a 3 MB paragraph
// of ordinary words. check-content refuses both, but a text can reach the screen without it (a
// store from before the limits, an editor's draft in "Voorbeeld"). Each frame from the tap on is
// timed until the kiosk stops asking for frames: the worst one is what the loop, and with it the
// watchdog, waited for.
json long_text(bool quick) {
  auto read = content::read_pack(content::default_content_dir());
  if (!read.pack) return json{{"error", "the bundled content pack has errors: run wegwijzer check-content"}};
  const std::size_t bytes = quick ? 300'000 : 3'000'000;
  std::string word, paragraph;
  while (word.size() < bytes) word += "huurtoeslag";
  const std::string sentences = long_dutch_text();
  while (paragraph.size() < bytes) paragraph += sentences + " ";
  json out = json::object();
  for (const auto& [id, body] : {std::pair{"one_word", word}, std::pair{"one_paragraph", paragraph}}) {
    content::ContentPack content = *read.pack;
    content::Page page;
    page.id = id;
    page.pictogram = "menu_book";
    page.title = {{"nl", "Een lange tekst"}};
    page.body = {{"nl", body}};
    content.pages.push_back(page);
    platform::HeadlessDriver driver(content, platform::HeadlessOptions{});
    const auto& engine = driver.shell().typography().engine();
    std::vector<double> times;
    std::size_t most_shaped = 0;
    auto frame = [&](auto&& draw) {
      const std::size_t shaped = engine.shaped_chars();
      const auto start = Clock::now();
      draw();
      times.push_back(ms_since(start));
      most_shaped = std::max(most_shaped, engine.shaped_chars() - shaped);
    };
    const auto start = Clock::now();
    frame([&] { driver.apply({app::Action::OpenPage, id}); });  // the tap, and the frame it draws
    constexpr int kMostFrames = 100'000;
    while (driver.runtime().needs_redraw(driver.now()) && static_cast<int>(times.size()) < kMostFrames)
      frame([&] { driver.layout(); });
    const double total = ms_since(start);
    driver.rasterize();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out[id] = {{"bytes", body.size()},
               {"worst_frame_ms", *std::max_element(times.begin(), times.end())},
               {"p50_frame_ms", percentile(times, 0.5)},
               {"frames_until_laid_out", times.size()},
               {"ms_until_laid_out", total},
               {"most_chars_shaped_in_a_frame", most_shaped},
               {"process_peak_rss_kib", usage.ru_maxrss}};
  }
  return out;
}

}  // namespace

// Issue 20: the taps an editor needs to replace one word in the middle of the AOW page, on
// each keyboard (platform/word_swap), on a kiosk of its own with a fresh store and PINs.
json editor_taps() {
  char folder[] = "/tmp/wegwijzer-bench-XXXXXX";
  if (!mkdtemp(folder)) return json{{"error", "no temporary folder"}};
  json out = json::object();
  try {
    auto read = content::read_pack(content::default_content_dir());
    if (!read.pack) throw std::runtime_error("the bundled content pack has errors");
    content::ContentStore store(content::store_path(folder));
    store.import_pack(content::read_files(content::default_content_dir()), "bench");
    platform::HeadlessOptions options;
    options.store = &store;
    options.staff_pins = std::string(folder) + "/pins.toml";
    staff::Access access(options.staff_pins);
    if (!access.set_pin(staff::Role::Volunteer, "40719").empty() ||
        !access.set_pin(staff::Role::Editor, "83560").empty())
      throw std::runtime_error("cannot set the PINs");
    for (const auto& c : platform::aow_swap_cases()) {
      platform::HeadlessDriver driver(*read.pack, options);
      std::string problem = platform::open_field_as_editor(driver, "83560", "page:aow:body:" + c.lang);
      const auto at = c.offset_in(driver.app().session().edit.text.text());
      if (problem.empty() && at == std::string::npos) problem = "the sentence is no longer on the page";
      const auto swap =
          problem.empty() ? platform::swap_word_by_taps(driver, at, c.replacement) : platform::WordSwap{};
      if (problem.empty()) problem = swap.problem;
      out[c.lang] = problem.empty()
                        ? json{{"taps", swap.taps}, {"word", c.word}, {"replacement", c.replacement}}
                        : json{{"error", problem}};
    }
  } catch (const std::exception& e) {
    out = json{{"error", e.what()}};
  }
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);
  return out;
}

int run(const char* /*argv0*/, bool quick, const std::string& only) {
  json out;
  // One figure alone, for a change that touches only it (the whole bench takes minutes).
  if (only == "long-text" || only == "frames") {
    const json figure = only == "frames" ? json{{"frame_ms_1920x1080_software", frame_times(quick)}}
                                         : json{{"worst_frame_while_a_3mb_text_appears", long_text(quick)}};
    std::printf("%s\n", figure.dump(2).c_str());
    return 0;
  }
  if (!only.empty()) {
    std::fprintf(stderr, "wegwijzer bench: --only knows long-text and frames, not %s\n", only.c_str());
    return 2;
  }
  out["machine"] = {{"cores", std::thread::hardware_concurrency()}};
  {
    BenchDisplay display;
    out["display"] = display.kind();
    const int runs = quick ? 1 : 5;
    const double idle_s = quick ? 2 : 10;
    json start = json::object(), idle = json::object();
    // Fullscreen is the kiosk; windowed shows what a window manager's absence
    // costs (under Xvfb, SDL waits for fullscreen changes no one confirms).
    for (const std::string renderer : {"accelerated", "software"}) {
      for (const std::string mode : {"fullscreen", "windowed"}) {
        const std::string args = "--renderer " + renderer + (mode == "windowed" ? " --windowed" : "");
        std::vector<double> walls, own;
        json first;
        for (int i = 0; i < runs; ++i) {
          double wall = 0;
          first = run_child(display, args + " --exit-after-first-frame", wall);
          walls.push_back(wall);
          if (first.contains("first_frame_ms")) own.push_back(first["first_frame_ms"].get<double>());
        }
        start[renderer + "_" + mode] = {{"median_from_process_start", percentile(walls, 0.5)},
                                        {"median_in_process", percentile(own, 0.5)},
                                        {"runs", walls.size()},
                                        {"renderer", first.value("renderer", "?")},
                                        {"video", first.value("video", "?")},
                                        {"peak_rss_kib", first.value("peak_rss_kib", 0L)}};
      }
      double wall = 0;
      json measured =
          run_child(display, "--renderer " + renderer + " --bench-idle " + std::to_string(idle_s), wall);
      idle[renderer] = {{"seconds", measured.value("idle_seconds", 0.0)},
                        {"cpu_s", measured.value("idle_cpu_s", -1.0)},
                        {"cpu_s_per_10s", measured.value("idle_cpu_s", -1.0) * 10.0 / idle_s},
                        {"kiosk_peak_rss_kib", measured.value("peak_rss_kib", 0L)}};
    }
    out["start_to_first_frame_ms"] = start;
    out["idle"] = idle;
  }
  out["frame_ms_1920x1080_software"] = frame_times(quick);
  out["worst_frame_while_a_3mb_text_appears"] = long_text(quick);
  out["text_layout"] = text_layout(quick);
  out["selfcheck"] = selfcheck_figures(quick);
  out["speech"] = speech_figures(quick);
  out["speech"]["listening"] = {{"whole_check_by_keypad", keypad_check_minutes()}};
  out["slip"] = slip_figures(quick);
  out["content_store"] = content_store(quick);
  out["editor_taps_to_replace_a_word"] = editor_taps();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  out["bench_process_peak_rss_kib"] = usage.ru_maxrss;
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

}  // namespace bench
