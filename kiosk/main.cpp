// wegwijzer: one program, several commands (README "Commands").
#include <SDL.h>
#include <sys/stat.h>
#include <termios.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/kiosk_app.hpp"
#include "bench/bench.hpp"
#include "bench/stress.hpp"
#include "content/content_pack.hpp"
#include "content/pack_reader.hpp"
#include "content/pack_writer.hpp"
#include "content/small_file.hpp"
#include "content/startup.hpp"
#include "content/store.hpp"
#include "content/validate.hpp"
#include "editor/pack_cli.hpp"
#include "platform/headless_driver.hpp"
#include "platform/kiosk_config.hpp"
#include "platform/kiosk_window.hpp"
#include "script/script.hpp"
#include "selfcheck/facts.hpp"
#include "selfcheck/selfcheck.hpp"
#include "slip/escpos.hpp"
#include "slip/paper.hpp"
#include "slip/pdf.hpp"
#include "slip/printer.hpp"
#include "hours/opening_hours.hpp"
#include "slip/slip.hpp"
#include "speech/sounds.hpp"
#include "speech/synthesizer.hpp"
#include "speech/voice.hpp"
#include "staff/access.hpp"
#include "stats/stats.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"

namespace {

constexpr const char* kUsage = R"(Wegwijzer: an information kiosk for libraries.

Usage:
  wegwijzer [run] [--config FILE] [--windowed] [--screen-mm WxH] [--idle-seconds N]
                  [--renderer accelerated|software] [--no-sound] [--no-interface-sounds] [--printer URI]
                  [--usb-dir DIR]
      Start the kiosk (fullscreen and locked down unless --windowed). Settings come from
      --config FILE, else /etc/wegwijzer/wegwijzer.toml when it exists; options here win.
  wegwijzer check-config [FILE] [--get printer-host]
      Check a settings file (default /etc/wegwijzer/wegwijzer.toml): problems as
      FILE:LINE: error|warning: message, then the settings the kiosk would use. Exit 1 on errors.
  wegwijzer script FILE --out DIR [--size WxH] [--screen-mm WxH] [--idle-seconds N] [--no-sound]
      Run a test script without a screen; writes DIR/NAME.png per shot,
      DIR/layout.jsonl and DIR/speech.jsonl. Exit 1 on the first failing line.
  wegwijzer say TEXT --out FILE.wav [--lang nl] [--rate slower|normal|faster]
      Speak TEXT as the kiosk would (with the content's pronunciations) into a WAV file.
  wegwijzer slip --suggest ID[,ID] [--next-step desk|go|call|think] [--lang nl] [--date YYYY-MM-DD]
                 [--time HH:MM] [--format png|pdf|escpos|txt] [--paper 80mm|58mm|a4|a5] [--out FILE] [--printer URI]
      Make a slip: to a file (PNG, ESC/POS bytes or the text), and/or print it on
      --printer escpos:tcp://HOST:9100 | escpos:/dev/usb/lp0 | file:PATH.
  wegwijzer sounds --out DIR
      Write the interface sounds (tap.wav, page.wav) to DIR.
  wegwijzer tour --out DIR [--size WxH] [--screen-mm WxH]
      Render every screen in every language and text size to DIR/*.png.
  wegwijzer check-content [DIR] [--date YYYY-MM-DD]
      Check a content pack (default: the bundled one): every problem as
      FILE:LINE: error|warning: message, then the B1 report. Exit 1 on errors.
  wegwijzer export-content --out DIR [--data DIR | --content DIR]
      Write the device's content (the store under --data) or a checked pack
      to DIR in the editable file format.
  wegwijzer keygen --out NAME
      Make a signing key pair: NAME.key (secret) and NAME.pub (for trusted-keys.toml).
  wegwijzer export-pack --key NAME.key --signer NAME --out FILE [--data DIR | --content DIR]
      Write the whole content as one signed pack file (for a USB stick).
  wegwijzer import-pack FILE [--data DIR] [--trust FILE] [--yes] [--older]
      Check a pack's signature and show what it changes; with --yes, apply it.
      A pack older than the kiosk's content is refused unless --older is given too.
  wegwijzer set-pin volunteer|editor [--data DIR]
      Set or reset a staff PIN (5 to 8 digits), read from standard input.
  wegwijzer setup-code [--data DIR]
      Print the installer's code for choosing the first staff PINs at the screen
      (made once, DIR/staff-setup-code). Run it as the user the kiosk runs as.
  wegwijzer export-stats [--format csv|prometheus] [--data DIR] [--out FILE]
      The anonymous counts per ISO week (sessions, finished self-checks, slips,
      pages, languages, speech); counts under 5 are shown as "<5".
  wegwijzer selfcheck --answer QUESTION=VALUE ... [--date YYYY-MM-DD] [--json]
      Evaluate the self-check for these answers: suggestions with certainty and reasons.
  wegwijzer bench [--quick]
      Print benchmark figures as JSON.
  wegwijzer monkey [--events N] [--seed S] [--data DIR]
      Random touches, keys and idle gaps on the virtual clock (default 100000 events):
      never stuck, memory flat. Figures as JSON; exit 1 with the failures.
  wegwijzer soak [--hours H] [--seed S] [--data DIR]
      Simulated hours of visitors (default 12): memory, open files and the store flat.

  --usb-dir DIR: the folder the editor's "USB-stick" screen uses (default: a stick
  mounted under /media or /run/media).
  Every command takes --content DIR (the content pack to use or import; default
  the bundled one) and --data DIR (where the kiosk keeps its store; `run` uses
  $WEGWIJZER_DATA or ~/.local/share/wegwijzer by default).
  wegwijzer --version | --help
)";

struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  // --name value ("" for flags)

  [[nodiscard]] const std::string* option(const std::string& name) const {
    for (const auto& [key, value] : options)
      if (key == name) return &value;
    return nullptr;
  }
  [[nodiscard]] bool flag(const std::string& name) const { return option(name) != nullptr; }
};

const std::vector<std::string> kFlags = {
    "--windowed", "--quick",    "--exit-after-first-frame", "--help", "--version",
    "--json",     "--no-sound", "--no-interface-sounds",    "--yes",  "--older"};

Args parse_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) == 0) {
      const bool is_flag = std::find(kFlags.begin(), kFlags.end(), word) != kFlags.end();
      std::string value = (!is_flag && i + 1 < argc) ? argv[++i] : "";
      args.options.emplace_back(word, value);
    } else {
      args.positional.push_back(word);
    }
  }
  return args;
}

bool parse_pair(const std::string& text, float& a, float& b) {
  return std::sscanf(text.c_str(), "%fx%f", &a, &b) == 2 && a > 0 && b > 0;
}

// Reads display size options shared by script and tour.
bool read_display(const Args& args, ui::DisplayMetrics& display) {
  if (const auto* size = args.option("--size")) {
    float w = 0, h = 0;
    if (!parse_pair(*size, w, h)) {
      std::fprintf(stderr, "wegwijzer: --size wants WIDTHxHEIGHT in pixels, e.g. 1920x1080\n");
      return false;
    }
    display.width_px = static_cast<int>(w);
    display.height_px = static_cast<int>(h);
  }
  if (const auto* mm = args.option("--screen-mm")) {
    if (!parse_pair(*mm, display.width_mm, display.height_mm)) {
      std::fprintf(stderr, "wegwijzer: --screen-mm wants WIDTHxHEIGHT in millimetres, e.g. 527x296\n");
      return false;
    }
  }
  return true;
}

// --date, when given: a day that exists, as YYYY-MM-DD. Empty `day` when not given.
bool read_date(const Args& args, std::string& day) {
  const auto* date = args.option("--date");
  if (!date) return true;
  long long y = 0, m = 0, d = 0;
  const bool shaped = date->size() == 10 && (*date)[4] == '-' && (*date)[7] == '-' &&
                      script::to_count(date->substr(0, 4), y) && script::to_count(date->substr(5, 2), m) &&
                      script::to_count(date->substr(8, 2), d);
  if (!shaped || !(std::chrono::year{static_cast<int>(y)} / std::chrono::month{static_cast<unsigned>(m)} /
                   std::chrono::day{static_cast<unsigned>(d)})
                      .ok()) {
    std::fprintf(stderr, "wegwijzer: --date wants a day that exists, as YYYY-MM-DD (e.g. 2026-02-28)\n");
    return false;
  }
  day = *date;
  return true;
}

bool read_idle(const Args& args, app::IdleSettings& idle) {
  if (const auto* seconds = args.option("--idle-seconds")) {
    long long value = 0;
    if (!script::to_count(*seconds, value) || value < 10 || value > 24 * 3600) {
      std::fprintf(stderr, "wegwijzer: --idle-seconds wants a whole number from 10 to 86400\n");
      return false;
    }
    idle.idle_after_ms = value * 1000LL;
  }
  return true;
}

int report(const platform::RunResult& result) {
  for (const auto& error : result.errors) std::fprintf(stderr, "%s\n", error.c_str());
  return result.ok ? 0 : 1;
}

std::string today() {
  return app::today_iso();
}

// Checks pictogram names against the icon font, for content validation.
struct PictogramCheck {
  text::FontSet fonts{text::default_font_config()};
  text::Hyphenator hyphenator{""};
  text::TextEngine engine{fonts, hyphenator};

  content::ValidateOptions options(const std::string& date) {
    return {date, [this](const std::string& name) { return engine.has_pictogram(name); }};
  }
};

std::string content_dir(const Args& args) {
  const auto* dir = args.option("--content");
  return dir ? *dir : content::default_content_dir();
}

// The content the kiosk starts with: from the store under the data directory
// (when `use_store`), else straight from the content pack directory. Notes go
// to the log; they never hold visitor data.
std::string data_dir(const Args& args) {
  const auto* data = args.option("--data");
  return data ? *data : content::default_data_dir();
}

// USB sticks are looked for where Debian mounts them, or in --usb-dir; the kiosk's
// signing key and the keys it trusts live in the data directory.
app::KioskApp::StickSettings stick_settings(const Args& args) {
  app::KioskApp::StickSettings out;
  if (const auto* dir = args.option("--usb-dir")) out.places.fixed = *dir;
  out.key_dir = data_dir(args);
  out.trust_file = (std::filesystem::path(data_dir(args)) / "trusted-keys.toml").string();
  return out;
}

// The store stays open for the editor (drafts, publishing, history) while the kiosk runs.
std::unique_ptr<content::ContentStore> g_store;

content::StartupContent open_kiosk_content(const Args& args, bool use_store) {
  PictogramCheck check;
  std::unique_ptr<content::ContentStore>& store = g_store;
  if (use_store) {
    try {
      store = std::make_unique<content::ContentStore>(content::store_path(data_dir(args)));
      if (store->read_only())
        std::fprintf(
            stderr,
            "wegwijzer: the data folder %s is read-only: visitors are served, edits cannot be saved\n",
            data_dir(args).c_str());
    } catch (const content::StoreError& e) {
      // Visitors come first: without a store they get the bundled pack, and the editor says why it cannot
      // save.
      std::fprintf(stderr, "wegwijzer: %s; the kiosk shows the bundled content\n", e.what());
    }
  }
  auto started = content::open_content(store.get(), content_dir(args), check.options(today()));
  for (const auto& note : started.notes) std::fprintf(stderr, "wegwijzer: %s\n", note.c_str());
  // A damaged store that could not be set aside and reopened is no store for the editor.
  if (store && !store->is_open()) store.reset();
  return started;
}

int command_check_content(const Args& args) {
  const std::string directory =
      args.positional.size() > 1 ? args.positional[1] : content::default_content_dir();
  std::string date;
  if (!read_date(args, date)) return 2;
  auto read = content::read_pack(directory);
  content::Diagnostics problems = read.diagnostics;
  std::vector<content::PageReadability> readability;
  std::size_t personas_run = 0;
  if (read.pack) {
    text::FontSet fonts(text::default_font_config());
    text::Hyphenator hyphenator("");
    text::TextEngine engine(fonts, hyphenator);
    content::ValidateOptions options{date.empty() ? today() : date,
                                     [&](const std::string& name) { return engine.has_pictogram(name); }};
    auto checked = content::validate(*read.pack, options);
    problems.insert(problems.end(), checked.diagnostics.begin(), checked.diagnostics.end());
    readability = std::move(checked.readability);
    // The personas run through the same evaluator as the kiosk.
    const auto personas = selfcheck::check_personas(*read.pack);
    problems.insert(problems.end(), personas.begin(), personas.end());
    personas_run = read.pack->personas.size();
  }
  int errors = 0, warnings = 0;
  for (const auto& problem : problems) {
    std::printf("%s\n", problem.format().c_str());
    (problem.severity == content::Severity::Error ? errors : warnings)++;
  }
  if (!readability.empty()) {
    std::printf("\nB1 report (Dutch, Flesch-Douma: 60+ is easy to read)\n");
    for (const auto& page : readability)
      std::printf("  %-24s %5.1f  (%d words, %d sentences, %.1f words per sentence)\n", page.page.c_str(),
                  page.stats.flesch_douma(), page.stats.words, page.stats.sentences,
                  page.stats.sentences ? static_cast<double>(page.stats.words) / page.stats.sentences : 0.0);
  }
  std::printf("\n%zu personas run\n%s: %d errors, %d warnings\n", personas_run, directory.c_str(), errors,
              warnings);
  return errors > 0 ? 1 : 0;
}

int command_export_content(const Args& args) {
  const auto* out = args.option("--out");
  if (!out || out->empty()) {
    std::fprintf(stderr,
                 "wegwijzer: usage: wegwijzer export-content --out DIR [--data DIR | --content DIR]\n");
    return 2;
  }
  std::string error;
  if (const auto* data = args.option("--data")) {
    error = content::ContentStore(content::store_path(*data)).export_to(*out);
  } else {
    PictogramCheck check;
    content::Diagnostics problems;
    const auto pack = content::usable_pack(content::read_files(content_dir(args)), content_dir(args),
                                           check.options(today()), problems);
    if (!pack) {
      for (const auto& problem : problems) std::fprintf(stderr, "%s\n", problem.format().c_str());
      return 1;
    }
    error = content::write_pack(*pack, *out);
  }
  if (!error.empty()) {
    std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
    return 1;
  }
  std::printf("content written to %s\n", out->c_str());
  return 0;
}

// A person as facts in a TOML file (selfcheck::fact_names()): numbers, words, lists of words.
selfcheck::FactsPersona read_facts(const std::string& file, const std::string& date) {
  selfcheck::FactsPersona out;
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    out.error = "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description());
    return out;
  }
  selfcheck::Facts facts;
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (auto number = node.value<double>()) {
      facts[name] = *number;
    } else if (auto text = node.value<std::string>()) {
      facts[name] = *text;
    } else if (const auto* list = node.as_array()) {
      std::vector<std::string> words;
      for (const auto& item : *list) words.push_back(item.value_or(std::string("?")));
      facts[name] = words;
    } else {
      out.error = name + " must be a number, a word or a list of words";
      return out;
    }
  }
  return selfcheck::persona_from_facts(facts, date);
}

// The self-check without a screen: answers in, suggestions out.
int command_selfcheck(const Args& args) {
  PictogramCheck check;
  content::Diagnostics problems;
  const std::string dir = content_dir(args);
  auto pack = content::usable_pack(content::read_files(dir), dir, check.options(today()), problems);
  if (!pack) {
    for (const auto& problem : problems)
      if (problem.severity == content::Severity::Error)
        std::fprintf(stderr, "%s\n", problem.format().c_str());
    return 1;
  }
  for (const auto& [name, value] : args.options)
    if (name != "--answer" && name != "--facts" && name != "--date" && name != "--json" &&
        name != "--content") {
      std::fprintf(stderr,
                   "wegwijzer: selfcheck does not know %s (it takes --answer, --facts, --date, --json)\n",
                   name.c_str());
      return 2;
    }
  std::string day;
  if (!read_date(args, day)) return 2;
  if (day.empty()) day = today();
  selfcheck::Answers answers;
  if (const auto* file = args.option("--facts")) {
    const auto facts = read_facts(*file, day);
    if (!facts.error.empty()) {
      std::fprintf(stderr, "wegwijzer: %s: %s\n", file->c_str(), facts.error.c_str());
      return 2;
    }
    // Someone from another municipality is checked as a kiosk there would check them.
    if (!facts.persona.municipality.empty()) {
      const auto* there = pack->municipality_called(facts.persona.municipality);
      if (!there) {
        std::fprintf(stderr, "wegwijzer: %s: the pack has no municipality '%s'\n", file->c_str(),
                     facts.persona.municipality.c_str());
        return 2;
      }
      pack = content::in_municipality(*pack, there->id);
    }
    answers = selfcheck::persona_answers(*pack, facts.persona);
  }
  for (const auto& [name, value] : args.options) {
    if (name != "--answer") continue;
    const auto eq = value.find('=');
    const auto* question = eq == std::string::npos ? nullptr : pack->find_question(value.substr(0, eq));
    if (!question) {
      std::fprintf(stderr, "wegwijzer: --answer wants QUESTION=VALUE with a question of the pack, not '%s'\n",
                   value.c_str());
      return 2;
    }
    const std::string given = value.substr(eq + 1);
    const auto offered = selfcheck::options(*pack, *question, answers, day);
    if (std::none_of(offered.begin(), offered.end(), [&](const auto& o) { return o.value == given; })) {
      std::fprintf(stderr, "wegwijzer: question %s has no answer '%s'\n", question->id.c_str(),
                   given.c_str());
      return 2;
    }
    answers[question->id] = given;
  }
  const auto suggestions = selfcheck::evaluate(*pack, answers, day);
  if (args.flag("--json")) {
    nlohmann::json out = {{"date", day},
                          {"municipality", pack->location.municipality},
                          {"answers", answers},
                          {"suggestions", nlohmann::json::array()}};
    for (const auto& s : suggestions) {
      nlohmann::json used = nlohmann::json::object();
      for (const auto& [question, value] : s.used) used[question] = value;
      out["suggestions"].push_back({{"id", s.rule->id},
                                    {"certainty", selfcheck::certainty_name(s.certainty)},
                                    {"title", pack->pick(s.rule->title, pack->default_language)},
                                    {"reason", pack->pick(s.rule->reason, pack->default_language)},
                                    {"contact", s.rule->contact},
                                    {"answers_used", used}});
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& s : suggestions)
      std::printf("%-14s %s: %s\n", selfcheck::certainty_name(s.certainty), s.rule->id.c_str(),
                  pack->pick(s.rule->reason, pack->default_language).c_str());
  }
  return 0;
}

// The longest script: the privacy audit's 100 sessions are about 70 KiB.
constexpr std::uintmax_t kLargestScript = 4 * 1024 * 1024;

int command_script(const Args& args, const content::ContentPack& content) {
  const auto* out = args.option("--out");
  if (args.positional.size() != 2 || !out || out->empty()) {
    std::fprintf(stderr, "wegwijzer: usage: wegwijzer script FILE --out DIR\n");
    return 2;
  }
  const std::string& file = args.positional[1];
  // A plain file of a sensible size: not a folder, not /dev/zero.
  const auto text = content::read_file(file, kLargestScript);
  if (!text) {
    std::fprintf(
        stderr, "wegwijzer: cannot read script %s: %s\n", file.c_str(),
        text.problem == content::FileProblem::TooLarge ? "it is larger than 4 MiB" : text.error.c_str());
    return 2;
  }
  const auto parsed = script::parse(text.bytes);
  for (const auto& error : parsed.errors)
    std::fprintf(stderr, "%s:%d: %s\n", file.c_str(), error.line, error.message.c_str());
  if (!parsed.errors.empty()) return 2;
  platform::HeadlessOptions options;
  if (!read_display(args, options.display) || !read_idle(args, options.idle)) return 2;
  options.sound = !args.flag("--no-sound");
  if (const auto* printer = args.option("--printer")) options.printer = *printer;
  if (args.option("--data")) {
    options.stats = stats::stats_path(data_dir(args));
    options.staff_pins = staff::pin_path(data_dir(args));
    options.store = g_store.get();
    options.settings = staff::settings_path(data_dir(args));
    options.stick = stick_settings(args);
  }
  platform::HeadlessDriver driver(content, options);
  const auto result = driver.run(parsed, *out, file);
  if (result.ok) std::printf("%s: ok, %d screenshots in %s\n", file.c_str(), result.shots, out->c_str());
  return report(result);
}

int command_tour(const Args& args, const content::ContentPack& content) {
  const auto* out = args.option("--out");
  if (!out || out->empty()) {
    std::fprintf(stderr, "wegwijzer: usage: wegwijzer tour --out DIR\n");
    return 2;
  }
  platform::HeadlessOptions options;
  if (!read_display(args, options.display)) return 2;
  platform::HeadlessDriver driver(content, options);
  const auto result = driver.run(script::parse(platform::tour_script(content, options.date)), *out, "tour");
  if (result.ok) std::printf("tour: %d screens written to %s\n", result.shots, out->c_str());
  return report(result);
}

// Speech into a WAV file, exactly as the kiosk would say it.
int command_say(const Args& args, const content::ContentPack& content) {
  const auto* out = args.option("--out");
  if (args.positional.size() != 2 || !out || out->empty()) {
    std::fprintf(stderr, "wegwijzer: usage: wegwijzer say TEXT --out FILE.wav [--lang nl]\n");
    return 2;
  }
  const auto* lang_option = args.option("--lang");
  const std::string lang = lang_option ? *lang_option : content.default_language;
  int rate = 0;
  if (const auto* r = args.option("--rate")) {
    if (*r != "slower" && *r != "normal" && *r != "faster") {
      std::fprintf(stderr, "wegwijzer: --rate is slower, normal or faster\n");
      return 2;
    }
    rate = *r == "slower" ? -1 : *r == "faster" ? 1 : 0;
  }
  auto& synthesizer = speech::Synthesizer::instance();
  if (!synthesizer.available()) {
    std::fprintf(stderr, "wegwijzer: %s\n", synthesizer.problem().c_str());
    return 1;
  }
  const auto lexicon = content.pronunciation.find(lang);
  auto utterance =
      speech::build({{"", args.positional[1]}}, lang,
                    lexicon == content.pronunciation.end() ? speech::Lexicon{} : lexicon->second);
  if (!synthesizer.has_voice(lang)) {
    std::fprintf(stderr, "wegwijzer: no voice for '%s'; speaking Dutch\n", lang.c_str());
    utterance.lang = "nl";
  }
  std::vector<std::int16_t> audio;
  const auto timing = synthesizer.synthesize(utterance, speech::settings_for(rate, 0),
                                             [&](const std::int16_t* samples, std::size_t count) {
                                               audio.insert(audio.end(), samples, samples + count);
                                               return true;
                                             });
  if (const auto error = speech::write_wav(*out, audio, synthesizer.sample_rate()); !error.empty()) {
    std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
    return 1;
  }
  std::printf("%s: %.2f s, %zu words, said as: %s\n", out->c_str(), timing.duration_ms / 1000.0,
              utterance.pieces.size(), speech::spoken_text(utterance).c_str());
  return 0;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

int command_slip(const Args& args, const content::ContentPack& content) {
  slip::Request request;
  if (const auto* suggest = args.option("--suggest")) request.suggestions = split_commas(*suggest);
  for (const auto& id : request.suggestions)
    if (!content.find_rule(id)) {
      std::fprintf(stderr, "wegwijzer: no suggestion '%s' in the content\n", id.c_str());
      return 2;
    }
  if (const auto* step = args.option("--next-step")) {
    const auto& steps = app::next_steps();
    if (std::find(steps.begin(), steps.end(), *step) == steps.end()) {
      std::fprintf(stderr, "wegwijzer: --next-step is desk, go, call or think\n");
      return 2;
    }
    request.next_step = *step;
  }
  request.lang = args.option("--lang") ? *args.option("--lang") : content.default_language;
  if (!read_date(args, request.date)) return 2;
  if (request.date.empty()) request.date = today();
  // --time: the hours in words at that time ("Nu open tot 16.00 uur"); without it, only the week's.
  if (const auto* time = args.option("--time")) {
    const auto at = hours::parse_local_time(request.date + "T" + *time);
    if (!at) {
      std::fprintf(stderr, "wegwijzer: --time wants a time of day as HH:MM, e.g. 09:30\n");
      return 2;
    }
    request.minute = at->minute;
  }
  const auto made = slip::make_slip(content, request);

  const std::string format = args.option("--format") ? *args.option("--format") : "png";
  const auto paper = slip::paper_named(args.option("--paper") ? *args.option("--paper") : "80mm");
  if (paper.name.empty() || (format != "png" && format != "escpos" && format != "txt" && format != "pdf")) {
    std::fprintf(stderr, "wegwijzer: --format is png, pdf, escpos or txt; --paper is 80mm, 58mm, a4 or a5\n");
    return 2;
  }
  const auto* out = args.option("--out");
  const auto* printer = args.option("--printer");
  if (!out && !printer) {
    std::fprintf(stderr, "wegwijzer: slip needs --out FILE or --printer URI\n");
    return 2;
  }
  if (out) {
    bool ok = true;
    // Fonts are loaded only for the formats that draw.
    std::unique_ptr<text::FontSet> fonts;
    std::unique_ptr<text::Hyphenator> hyphenator;
    std::unique_ptr<text::TextEngine> engine;
    if (format != "txt") {
      fonts = std::make_unique<text::FontSet>(text::default_font_config());
      hyphenator = std::make_unique<text::Hyphenator>();
      engine = std::make_unique<text::TextEngine>(*fonts, *hyphenator);
    }
    if (format == "txt") {
      std::ofstream(*out) << slip::plain_text(made);
    } else if (format == "pdf") {
      std::string error;
      const auto pdf = slip::render_pdf(made, *engine, paper.dpi < 200 ? paper.name : "a4", &error);
      if (pdf.empty()) {
        std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
        return 1;
      }
      std::ofstream(*out, std::ios::binary) << pdf;
    } else {
      const auto picture = slip::render(made, *engine, paper);
      if (format == "png")
        ok = image::write_png(*out, slip::as_picture(picture));
      else
        std::ofstream(*out, std::ios::binary) << slip::encode_escpos(picture);
    }
    if (!ok) {
      std::fprintf(stderr, "wegwijzer: cannot write %s\n", out->c_str());
      return 1;
    }
    std::printf("slip written to %s\n", out->c_str());
  }
  if (printer) {
    std::string error;
    auto target = slip::parse_printer(*printer, &error);
    if (!target) {
      std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
      return 2;
    }
    if (args.option("--paper")) target->paper = paper;
    slip::PrintQueue queue(*target);
    queue.submit(made);
    queue.wait();
    const auto outcome = queue.take_outcome();
    if (!outcome || !outcome->ok()) {
      std::fprintf(stderr, "wegwijzer: not printed: %s\n", outcome ? outcome->detail.c_str() : "?");
      return 1;
    }
    std::printf("slip printed on %s\n", printer->c_str());
  }
  return 0;
}

int command_sounds(const Args& args) {
  const auto* out = args.option("--out");
  if (!out || out->empty()) {
    std::fprintf(stderr, "wegwijzer: usage: wegwijzer sounds --out DIR\n");
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(*out, ec);
  for (auto sound : {speech::Sound::Tap, speech::Sound::Page}) {
    const std::string path = *out + "/" + speech::sound_name(sound) + ".wav";
    if (const auto error = speech::write_wav(path, speech::make_sound(sound, 22050), 22050); !error.empty()) {
      std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
      return 1;
    }
  }
  return 0;
}

// Reads a line without showing it when typed at a terminal.
std::string read_secret(const char* prompt) {
  const bool terminal = isatty(STDIN_FILENO);
  termios old{};
  if (terminal) {
    std::fputs(prompt, stderr);
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
  }
  return line;
}

// Sets or resets a staff PIN from the command line (for a forgotten PIN). The PIN
// comes on standard input, never as an argument, so it stays out of `ps` and history.
int command_set_pin(const Args& args) {
  const auto role =
      args.positional.size() == 2 ? staff::role_from(args.positional[1]) : std::optional<staff::Role>{};
  if (!role) {
    std::fprintf(stderr, "wegwijzer: set-pin volunteer|editor (the PIN comes on standard input)\n");
    return 2;
  }
  const std::string pin = read_secret("New PIN: ");
  if (isatty(STDIN_FILENO) && read_secret("The same PIN again: ") != pin) {
    std::fprintf(stderr, "wegwijzer: the two PINs differ; nothing changed\n");
    return 1;
  }
  staff::Access access(staff::pin_path(data_dir(args)));
  if (auto refusal = access.set_pin(*role, pin); !refusal.empty()) {
    std::fprintf(stderr, "wegwijzer: %s; nothing changed\n", refusal.message.c_str());
    return 1;
  }
  std::printf("The %s PIN is set.\n", staff::role_name(*role));
  return 0;
}

// The installer's code for choosing the first PINs at the screen (the package's install
// step runs it). Made once; later runs print the same code.
int command_setup_code(const Args& args) {
  const std::string dir = data_dir(args);
  struct stat folder {};
  // Made by root in the kiosk user's folder, the code would be one the kiosk cannot read.
  if (::geteuid() == 0 && ::stat(dir.c_str(), &folder) == 0 && folder.st_uid != 0 &&
      !std::filesystem::exists(staff::setup_code_path(dir))) {
    std::fprintf(stderr,
                 "wegwijzer: %s belongs to user %u: run this as that user, e.g. "
                 "runuser -u wegwijzer -- wegwijzer setup-code --data %s\n",
                 dir.c_str(), folder.st_uid, dir.c_str());
    return 1;
  }
  const auto made = staff::make_setup_code(staff::setup_code_path(dir));
  if (made.code.empty()) {
    std::fprintf(stderr, "wegwijzer: no setup code: %s\n", made.error.c_str());
    return 1;
  }
  std::printf("%s\n", made.code.c_str());
  return 0;
}

// Signed content packs, to carry content between kiosks on a USB stick.
int command_pack(const Args& args) {
  const std::string& command = args.positional[0];
  auto option = [&](const char* name) {
    const auto* value = args.option(name);
    return value ? *value : std::string{};
  };
  if (command == "keygen") {
    if (option("--out").empty()) {
      std::fprintf(stderr, "wegwijzer: keygen --out NAME\n");
      return 2;
    }
    return editor::command_keygen(option("--out"));
  }
  if (command == "export-pack") {
    if (option("--key").empty() || option("--signer").empty() || option("--out").empty()) {
      std::fprintf(
          stderr,
          "wegwijzer: export-pack --key NAME.key --signer NAME --out FILE [--data DIR | --content DIR]\n");
      return 2;
    }
    return editor::command_export_pack(option("--key"), option("--signer"), option("--out"), option("--data"),
                                       args.option("--data") ? std::string{} : content_dir(args));
  }
  if (args.positional.size() != 2) {
    std::fprintf(stderr, "wegwijzer: import-pack FILE --data DIR [--trust FILE] [--yes] [--older]\n");
    return 2;
  }
  PictogramCheck check;  // the same checks as the kiosk's start: what is taken also starts
  return editor::command_import_pack(args.positional[1], data_dir(args), option("--trust"),
                                     args.flag("--yes"), check.options(today()), args.flag("--older"));
}

// Weekly anonymous counts for a library's reports (CSV) or monitoring (Prometheus).
int command_export_stats(const Args& args) {
  const auto* format = args.option("--format");
  const std::string kind = format ? *format : "csv";
  if (kind != "csv" && kind != "prometheus") {
    std::fprintf(stderr, "wegwijzer: --format is csv or prometheus\n");
    return 2;
  }
  const std::string path = stats::stats_path(data_dir(args));
  if (!std::filesystem::exists(path)) {
    std::fprintf(stderr, "wegwijzer: no counts yet in %s\n", path.c_str());
    return 1;
  }
  const auto weeks = stats::StatsStore(path).weeks();
  std::string text = kind == "csv" ? stats::csv(weeks) : stats::prometheus(weeks);
  // How long the amounts of the content the kiosk serves still hold: an alert can fire in time.
  if (kind == "prometheus") {
    // Read only: the store's live content when there is one, else the pack; nothing imported.
    const std::string store_file = content::store_path(data_dir(args));
    PictogramCheck check;
    content::Diagnostics problems;
    const auto files = std::filesystem::exists(store_file) ? content::ContentStore(store_file).files()
                                                           : content::read_files(content_dir(args));
    const auto served = content::usable_pack(files, "content", check.options(today()), problems);
    if (const auto expiry = served ? selfcheck::first_expiry(*served, today()) : std::nullopt)
      text +=
          "# HELP wegwijzer_amounts_days_left Days until the first amount in the content runs out "
          "(valid_until); negative: past it.\n"
          "# TYPE wegwijzer_amounts_days_left gauge\n"
          "wegwijzer_amounts_days_left " +
          std::to_string(expiry->days_left) + "\n";
  }
  if (const auto* out = args.option("--out")) {
    // Written whole, then renamed: a node exporter never reads half a file.
    if (auto written = content::write_file_atomically(*out, text); !written) {
      std::fprintf(stderr, "wegwijzer: %s\n", written.error.c_str());
      return 1;
    }
  } else {
    std::fputs(text.c_str(), stdout);
  }
  return 0;
}

// The settings file: --config FILE, else the system's file when there is one. Problems go
// to the log; a setting with a problem keeps its default, and the kiosk starts anyway.
struct LoadedConfig {
  std::string path;  // empty: no file
  platform::ConfigRead read;
};

LoadedConfig load_config(const Args& args) {
  LoadedConfig loaded;
  if (const auto* path = args.option("--config"))
    loaded.path = *path;
  else if (std::filesystem::exists(platform::kDefaultConfigPath))
    loaded.path = platform::kDefaultConfigPath;
  if (!loaded.path.empty()) loaded.read = platform::read_config_file(loaded.path);
  return loaded;
}

std::string printer_host(const std::string& uri) {
  const auto target = slip::parse_printer(uri);
  return target && target->kind == slip::PrintTarget::Kind::EscposTcp ? target->host : std::string{};
}

int command_check_config(const Args& args) {
  const std::string path = args.positional.size() > 1 ? args.positional[1] : platform::kDefaultConfigPath;
  const auto read = platform::read_config_file(path);
  const auto& c = read.config;
  if (const auto* get = args.option("--get")) {
    if (*get != "printer-host") {
      std::fprintf(stderr, "wegwijzer: check-config --get knows printer-host\n");
      return 2;
    }
    for (const auto& problem : read.problems) std::fprintf(stderr, "%s\n", problem.c_str());
    std::printf("%s\n", printer_host(c.printer.value_or("")).c_str());
    return read.errors ? 1 : 0;
  }
  for (const auto& problem : read.problems) std::printf("%s\n", problem.c_str());
  const platform::WindowOptions defaults;
  std::printf("screen: %gx%g mm, %s renderer\n", c.screen_width_mm.value_or(defaults.screen_width_mm),
              c.screen_height_mm.value_or(defaults.screen_height_mm),
              c.software_renderer.value_or(defaults.software_renderer) ? "software" : "accelerated");
  std::printf("idle warning after: %lld s\n",
              static_cast<long long>(c.idle_seconds.value_or(defaults.idle.idle_after_ms / 1000)));
  std::string languages;
  for (const auto& code : c.languages.value_or(std::vector<std::string>{})) languages += " " + code;
  std::printf("languages:%s\n", languages.empty() ? " all in the content" : languages.c_str());
  const std::string printer = c.printer.value_or("");
  std::printf("printer: %s\n", printer.empty() ? "none (slips on screen only)" : printer.c_str());
  if (!printer_host(printer).empty()) std::printf("printer host: %s\n", printer_host(printer).c_str());
  std::printf("speech: %s, interface sounds: %s\n", c.speech.value_or(true) ? "on" : "off",
              c.interface_sounds.value_or(true) ? "on" : "off");
  std::printf("%s: %s\n", path.c_str(), read.errors ? "has errors" : "ok");
  return read.errors ? 1 : 0;
}

const char* source_name(content::ContentSource source) {
  switch (source) {
    case content::ContentSource::Live: return "live";
    case content::ContentSource::LastGood: return "last good, the live content has errors";
    case content::ContentSource::KeptCopy: return "the copy kept aside, the store's content has errors";
    case content::ContentSource::Shipped: return "shipped, the live and last good content have errors";
    case content::ContentSource::Unavailable: return "none usable: the kiosk shows 'niet beschikbaar'";
  }
  return "?";
}

int command_run(const Args& args, const content::StartupContent& started) {
  const content::ContentPack& content = started.pack;
  platform::WindowOptions options;
  // The settings file first; the command line below wins over it.
  const LoadedConfig config = load_config(args);
  for (const auto& problem : config.read.problems) std::fprintf(stderr, "wegwijzer: %s\n", problem.c_str());
  const platform::KioskConfig& c = config.read.config;
  if (c.screen_width_mm) options.screen_width_mm = *c.screen_width_mm;
  if (c.screen_height_mm) options.screen_height_mm = *c.screen_height_mm;
  if (c.software_renderer) options.software_renderer = *c.software_renderer;
  if (c.idle_seconds) options.idle.idle_after_ms = *c.idle_seconds * 1000LL;
  if (c.printer) options.printer = *c.printer;
  if (c.speech) options.sound = *c.speech;
  if (c.interface_sounds) options.interface_sounds = *c.interface_sounds;
  if (c.languages) {
    std::vector<std::string> in_content, problems;
    for (const auto& language : content.languages) in_content.push_back(language.code);
    options.languages =
        platform::languages_to_offer(*c.languages, in_content, content.default_language, &problems);
    for (const auto& problem : problems)
      std::fprintf(stderr, "wegwijzer: %s: %s\n", config.path.c_str(), problem.c_str());
  }

  options.windowed = args.flag("--windowed");
  if (const auto* renderer = args.option("--renderer")) {
    if (*renderer != "software" && *renderer != "accelerated") {
      std::fprintf(stderr, "wegwijzer: --renderer is software or accelerated\n");
      return 2;
    }
    options.software_renderer = *renderer == "software";
  }
  options.exit_after_first_frame = args.flag("--exit-after-first-frame");
  if (const auto* seconds = args.option("--bench-idle"))
    options.bench_idle_seconds = std::atof(seconds->c_str());
  if (const auto* mm = args.option("--screen-mm")) {
    if (!parse_pair(*mm, options.screen_width_mm, options.screen_height_mm)) {
      std::fprintf(stderr, "wegwijzer: --screen-mm wants WIDTHxHEIGHT in millimetres, e.g. 527x296\n");
      return 2;
    }
  }
  if (!read_idle(args, options.idle)) return 2;
  if (args.flag("--no-sound")) options.sound = false;
  if (args.flag("--no-interface-sounds")) options.interface_sounds = false;
  if (const auto* printer = args.option("--printer")) options.printer = *printer;
  options.stats = stats::stats_path(data_dir(args));
  options.staff_pins = staff::pin_path(data_dir(args));
  options.store = g_store.get();
  options.settings = staff::settings_path(data_dir(args));
  options.stick = stick_settings(args);
  // One line that tells a technician reading the journal what started, with what.
  std::string languages;
  for (const auto& language : content.languages)
    if (options.languages.empty() || std::find(options.languages.begin(), options.languages.end(),
                                               language.code) != options.languages.end())
      languages += " " + language.code;
  std::fprintf(stderr,
               "wegwijzer: version %s starting: content %s (%s), data %s, settings %s, printer %s, "
               "screen %gx%g mm, idle %lld s, languages%s, sound %s\n",
               WEGWIJZER_VERSION, content.version.empty() ? "-" : content.version.c_str(),
               source_name(started.source), data_dir(args).c_str(),
               config.path.empty() ? "built-in" : config.path.c_str(),
               options.printer.empty() ? "none" : options.printer.c_str(), options.screen_width_mm,
               options.screen_height_mm, static_cast<long long>(options.idle.idle_after_ms / 1000),
               languages.c_str(), options.sound ? "on" : "off");
  return platform::run_kiosk(std::make_shared<const content::ContentPack>(content), options);
}

// The monkey and the soak run in a private data folder (a new temp folder unless --data).
int command_stress(const std::string& command, const Args& args, const content::ContentPack& content) {
  // The options first: a mistake there runs nothing and leaves no folder behind.
  bench::MonkeyOptions monkey;
  bench::SoakOptions soak;
  long long whole = 0;
  if (const auto* seed = args.option("--seed")) {
    if (!script::to_count(*seed, whole)) {
      std::fprintf(stderr, "wegwijzer: --seed wants a whole number, e.g. 1\n");
      return 2;
    }
    monkey.seed = soak.seed = static_cast<std::uint64_t>(whole);
  }
  if (const auto* events = args.option("--events")) {
    if (!script::to_count(*events, whole) || whole < 1) {
      std::fprintf(stderr, "wegwijzer: --events wants a whole number of at least 1\n");
      return 2;
    }
    monkey.events = whole;
  }
  if (const auto* hours = args.option("--hours")) {
    if (!script::to_number(*hours, soak.hours) || soak.hours <= 0 || soak.hours > 24 * 365) {
      std::fprintf(stderr, "wegwijzer: --hours wants a number of hours above 0, e.g. 12 or 0.5\n");
      return 2;
    }
  }
  std::string dir;
  if (const auto* data = args.option("--data")) {
    dir = *data;
  } else {
    std::string pattern = (std::filesystem::temp_directory_path() / "wegwijzer-stress-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
      std::fprintf(stderr, "wegwijzer: cannot make a temp folder\n");
      return 1;
    }
    dir = pattern;
  }
  monkey.data_dir = soak.data_dir = dir;
  const bench::StressReport report =
      command == "monkey" ? bench::run_monkey(content, monkey) : bench::run_soak(content, soak);
  if (!args.option("--data")) {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  nlohmann::json figures = report.figures;
  figures["failures"] = report.failures;
  std::printf("%s\n", figures.dump(2).c_str());
  for (const auto& failure : report.failures)
    std::fprintf(stderr, "wegwijzer %s: %s\n", command.c_str(), failure.c_str());
  return report.failures.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  if (args.flag("--help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args.flag("--version")) {
    std::printf("wegwijzer %s\n", WEGWIJZER_VERSION);
    return 0;
  }
  const std::string command = args.positional.empty() ? "run" : args.positional[0];
  try {
    if (command == "check-content") return command_check_content(args);
    if (command == "check-config") return command_check_config(args);
    if (command == "selfcheck") return command_selfcheck(args);
    if (command == "export-content") return command_export_content(args);
    if (command == "export-stats") return command_export_stats(args);
    if (command == "set-pin") return command_set_pin(args);
    if (command == "setup-code") return command_setup_code(args);
    if (command == "keygen" || command == "export-pack" || command == "import-pack")
      return command_pack(args);
    if (command == "bench") return bench::run(argv[0], args.flag("--quick"));
    if (command == "sounds") return command_sounds(args);
    if (command == "monkey" || command == "soak")
      return command_stress(command, args, open_kiosk_content(args, false).pack);
    if (command == "slip") return command_slip(args, open_kiosk_content(args, false).pack);
    if (command == "say") return command_say(args, open_kiosk_content(args, false).pack);
    if (command == "run") {
      if (auto problem = platform::display_problem()) {
        std::fprintf(stderr, "wegwijzer: %s\n", problem->c_str());
        return 2;
      }
      return command_run(args, open_kiosk_content(args, true));
    }
    if (command == "script" || command == "tour") {
      // Tests and tours read the pack directory unless a data directory is named.
      const auto started = open_kiosk_content(args, args.option("--data") != nullptr);
      if (started.source == content::ContentSource::Unavailable && !args.option("--data")) return 1;
      return command == "script" ? command_script(args, started.pack) : command_tour(args, started.pack);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wegwijzer: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "wegwijzer: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
