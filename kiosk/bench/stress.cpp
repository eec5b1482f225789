#include "bench/stress.hpp"

#include <malloc.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>

#include "content/store.hpp"
#include "editor/editor.hpp"
#include "platform/headless_driver.hpp"
#include "platform/trace_voice.hpp"
#include "staff/access.hpp"
#include "stats/stats.hpp"

namespace bench {
namespace fs = std::filesystem;
using Kind = input::PointerEvent::Kind;

std::int64_t resident_kib() {
  ::malloc_trim(0);  // what the program holds, not what the allocator kept for later
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

std::int64_t heap_in_use_kib() {
  const struct mallinfo2 info = ::mallinfo2();
  return static_cast<std::int64_t>((info.uordblks + info.hblkhd) / 1024);
}

int open_descriptors() {
  std::error_code ec;
  int n = 0;
  for (auto it = fs::directory_iterator("/proc/self/fd", ec); !ec && it != fs::directory_iterator(); ++it)
    ++n;
  return n;
}

namespace {

// AddressSanitizer keeps freed memory in quarantine: resident size says nothing then. The
// sanitizer build still runs every event and check; memory is judged in the normal build.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMemoryJudged = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kMemoryJudged = false;
#else
constexpr bool kMemoryJudged = true;
#endif
#else
constexpr bool kMemoryJudged = true;
#endif

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A kiosk as a library would run it, in a private data folder: the store with the
// content, staff PINs (volunteer 40719, editor 83560), day counts, a file printer.
struct TestKiosk {
  std::unique_ptr<content::ContentStore> store;
  std::unique_ptr<platform::HeadlessDriver> driver;

  TestKiosk(const content::ContentPack& content, const std::string& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir + "/stick", ec);
    store = std::make_unique<content::ContentStore>(content::store_path(dir));
    store->import_pack(editor::files_of(content), content.version);
    {
      staff::Access access(staff::pin_path(dir));
      (void)access.set_pin(staff::Role::Volunteer, "40719");
      (void)access.set_pin(staff::Role::Editor, "83560");
    }
    platform::HeadlessOptions options;
    options.stats = stats::stats_path(dir);
    options.staff_pins = staff::pin_path(dir);
    options.store = store.get();
    options.settings = staff::settings_path(dir);
    options.stick = {{{}, dir + "/stick"}, dir, dir + "/trusted-keys.toml"};
    options.printer = "file:" + dir + "/slips.bin";
    driver = std::make_unique<platform::HeadlessDriver>(content, options);
  }

  [[nodiscard]] const app::KioskApp& app() const { return driver->shell().app(); }
  [[nodiscard]] bool fresh_on_home() const {
    return app().visible_screen().kind == app::ScreenKind::Home &&
           app().session().pristine(app().content().default_language);
  }
  // Taps the widget with this id, when it is on the screen.
  bool tap(const std::string& id) {
    if (!driver->tap(id)) return false;
    driver->advance(app::kSettleMs);  // past the double-tap guard and a new screen's settling
    return true;
  }
  void log_in_as_editor() {
    if (!driver->hold("frame.staff", 5200)) return;
    for (const char* digit : {"pin.8", "pin.3", "pin.5", "pin.6", "pin.0", "pin.enter"}) tap(digit);
    tap("staff.open_editor");
  }
};

const std::vector<std::string> kKeys = {
    "Escape", "Alt+F4", "Ctrl+Q", "Alt+Tab", "Ctrl+W", "F11", "Return", "Backspace", "Tab", "Space", "A",
    "Ctrl+Alt+P", "Ctrl+Alt+Delete", "Gui+D", "Left", "Right",
    // The visitor's keypad (input/nav_keys.hpp).
    "Up", "Down", "F1", "KP_8", "KP_2", "KP_4", "KP_6", "KP_Enter", "KP_0", "KP_Add"};
const std::vector<std::string> kTyped = {
    "a", "é", "€", "7", " ", "\n", "Z", ".", "ü", "中", "\xF0\x9F\x99\x82"};

}  // namespace

StressReport run_monkey(const content::ContentPack& content, const MonkeyOptions& options) {
  StressReport report;
  const auto start = std::chrono::steady_clock::now();
  TestKiosk kiosk(content, options.data_dir);
  auto& driver = *kiosk.driver;
  std::mt19937_64 random(options.seed);
  auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(random); };
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const auto& display = kiosk.driver->shell().display();
  const float w = static_cast<float>(display.width_px), h = static_cast<float>(display.height_px);
  auto anywhere = [&] {
    return input::Point{static_cast<float>(uniform(0, w)), static_cast<float>(uniform(0, h))};
  };
  // Half of the taps land on something that acts, so the walk gets past the first screens.
  auto on_target = [&] {
    std::vector<const ui::Widget*> targets;
    for (const auto& widget : driver.shell().widgets().all())
      if (widget.intent) targets.push_back(&widget);
    if (targets.empty()) return anywhere();
    const auto& r = targets[pick(targets.size())]->rect;
    return input::Point{static_cast<float>(r.x + uniform(0, r.w)), static_cast<float>(r.y + uniform(0, r.h))};
  };
  std::map<std::string, std::int64_t> kinds, screens;
  std::int64_t rss_after_1000 = 0, heap_after_1000 = 0, atlas_after_1000 = 0, sqlite_after_1000 = 0,
               idle_resets = 0, checks_after_idle = 0;
  auto atlas_kib = [&] {
    return static_cast<std::int64_t>(driver.shell().typography().atlas().memory_bytes() / 1024);
  };
  const std::vector<std::string> languages = [&] {
    std::vector<std::string> codes;
    for (const auto& language : content.languages) codes.push_back(language.code);
    return codes;
  }();

  for (std::int64_t i = 0; i < options.events; ++i) {
    if (i == 1000) {
      rss_after_1000 = resident_kib();
      heap_after_1000 = heap_in_use_kib();
      atlas_after_1000 = atlas_kib();
      sqlite_after_1000 = sqlite3_memory_used() / 1024;
    }
    // An editor works for a while every 10,000 events, the language and text size change
    // every 2,500. The first 1,000 events see all of it once, so the memory measured at
    // 1,000 has every font, dictionary and cache in it, and later growth would be a leak.
    if (i % 10'000 == 500) {
      kiosk.log_in_as_editor();
      ++kinds["editor_login"];
    }
    const bool warming = i < 1'000 && i % 100 == 50;
    if ((warming || i % 2'500 == 1'250) && !languages.empty()) {
      const auto& language = warming ? languages[static_cast<std::size_t>(i / 100) % languages.size()]
                                     : languages[pick(languages.size())];
      driver.runtime().apply({app::Action::SetLanguage, language}, driver.now());
      if (warming || pick(2) == 0) driver.runtime().apply({app::Action::NextTextSize}, driver.now());
      driver.layout();
    }
    const double roll = uniform(0, 100);
    if (roll < 30) {
      kinds["tap"]++;
      driver.tap_at(anywhere());
    } else if (roll < 60) {
      kinds["tap_target"]++;
      driver.tap_at(on_target());
    } else if (roll < 65) {  // a finger that slides off (or onto) a button
      kinds["slide"]++;
      const auto from = on_target(), to = anywhere();
      driver.pointer(Kind::Down, 0, from);
      driver.advance(static_cast<app::Millis>(uniform(50, 400)));
      driver.pointer(Kind::Move, 0, to);
      driver.pointer(Kind::Up, 0, to);
    } else if (roll < 70) {
      kinds["long_press"]++;
      const auto at = pick(2) ? on_target() : anywhere();
      driver.pointer(Kind::Down, 0, at);
      driver.advance(static_cast<app::Millis>(uniform(600, 6500)));
      driver.pointer(Kind::Up, 0, at);
    } else if (roll < 75) {
      kinds["swipe"]++;
      const auto from = anywhere(), to = anywhere();
      driver.pointer(Kind::Down, 0, from);
      for (int step = 1; step <= 5; ++step) {
        driver.advance(40);
        const float f = static_cast<float>(step) / 5;
        driver.pointer(Kind::Move, 0, {from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f});
      }
      driver.pointer(Kind::Up, 0, to);
    } else if (roll < 78) {
      kinds["two_fingers"]++;
      const auto a = on_target(), b = anywhere();
      driver.pointer(Kind::Down, 0, a);
      driver.pointer(Kind::Down, 1, b);
      driver.advance(100);
      driver.pointer(Kind::Up, pick(2) ? 0 : 1, a);
      driver.pointer(Kind::Up, 1, b);
      driver.pointer(Kind::Up, 0, a);
    } else if (roll < 84) {
      kinds["key"]++;
      driver.key(input::parse_chord(kKeys[pick(kKeys.size())]));
    } else if (roll < 88) {
      kinds["typed"]++;
      driver.runtime().text_input(kTyped[pick(kTyped.size())], driver.now());
      driver.layout();
    } else {
      kinds["idle"]++;
      // Mostly short pauses; now and then one long enough for the kiosk to reset.
      const bool long_gap = pick(8) == 0;
      const auto gap = static_cast<app::Millis>(long_gap ? uniform(121'000, 600'000) : uniform(100, 20'000));
      driver.advance(gap);
      if (long_gap) {
        ++checks_after_idle;
        if (!kiosk.fresh_on_home())
          report.failures.push_back("event " + std::to_string(i) + ": after " + std::to_string(gap / 1000) +
                                    " s idle the kiosk shows '" +
                                    app::screen_name(kiosk.app().visible_screen().kind) +
                                    "', not a fresh Home");
        else
          ++idle_resets;
      }
    }
    driver.advance(static_cast<app::Millis>(uniform(50, 1500)));  // between two touches
    driver.voice().forget();  // the runner's speech trace is for scripts, not for this run
    screens[app::screen_name(kiosk.app().visible_screen().kind)]++;
    if (driver.closed()) {
      report.failures.push_back("event " + std::to_string(i) + ": a key closed the kiosk");
      break;
    }
    if (report.failures.size() > 20) break;
  }
  driver.advance(125'000);
  if (!kiosk.fresh_on_home())
    report.failures.push_back("after the last event and 125 s idle: not a fresh Home");
  const std::int64_t rss_end = resident_kib();
  // The glyph atlas is a bounded cache (at most 4 pages, then the least used one is emptied): a
  // page added after event 1,000, for the glyphs of a screen the walk first reached then, is no
  // leak. A page is its coverage and the renderer's ARGB8888 texture of it: 5 bytes a pixel.
  const std::int64_t atlas_growth = std::max<std::int64_t>(0, atlas_kib() - atlas_after_1000) * 5;
  const std::int64_t growth = rss_end - rss_after_1000 - atlas_growth;
  if (kMemoryJudged && options.events > 1000 && growth > 5 * 1024)
    report.failures.push_back(
        "memory grew by " + std::to_string(growth / 1024) +
        " MiB between event 1,000 and the end, besides the glyph atlas (at most 5 MiB)");
  if (!kiosk.store->intact()) report.failures.push_back("the content store fails its integrity check");
  report.figures = {{"events", options.events},
                    {"seed", options.seed},
                    {"kinds", kinds},
                    {"screens", screens},
                    {"idle_gaps_checked", checks_after_idle},
                    {"fresh_home_after_idle", idle_resets},
                    {"rss_kib_after_1000", rss_after_1000},
                    {"rss_kib_at_end", rss_end},
                    {"rss_growth_kib", rss_end - rss_after_1000},
                    {"heap_kib_after_1000", heap_after_1000},
                    {"heap_kib_at_end", heap_in_use_kib()},
                    {"layout_cache_kib_at_end", driver.shell().typography().engine().cache_bytes() / 1024},
                    // Glyph pictures, at most 4 pages of 1 MiB: typed CJK and emoji fill them.
                    {"glyph_atlas_kib_after_1000", atlas_after_1000},
                    {"glyph_atlas_kib_at_end", atlas_kib()},
                    // SQLite's own heap: the page caches of the store and the counts.
                    {"sqlite_kib_after_1000", sqlite_after_1000},
                    {"sqlite_kib_at_end", sqlite3_memory_used() / 1024},
                    {"memory_judged", kMemoryJudged},
                    {"revisions_in_store", kiosk.store->history().size()},
                    {"virtual_hours", static_cast<double>(driver.now()) / 3'600'000.0},
                    {"seconds", seconds_since(start)}};
  return report;
}

StressReport run_soak(const content::ContentPack& content, const SoakOptions& options) {
  StressReport report;
  const auto start = std::chrono::steady_clock::now();
  TestKiosk kiosk(content, options.data_dir);
  auto& driver = *kiosk.driver;
  std::mt19937_64 random(options.seed);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const app::Millis end = static_cast<app::Millis>(options.hours * 3'600'000);
  const std::string store_file = content::store_path(options.data_dir);
  // A SQLite file with its write-ahead log, as on disk: its size and a hash of its bytes. (The
  // bytes themselves, kept from hour 1 on, were 624 KiB of the harness in the kiosk's figure.)
  auto store_fingerprint = [&] {
    std::string bytes;
    for (const auto& path : {store_file, store_file + "-wal"}) {
      std::ifstream in(path, std::ios::binary);
      bytes += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return std::pair(bytes.size(), std::hash<std::string>{}(bytes));
  };
  auto file_size = [](const std::string& path) {
    std::int64_t total = 0;
    for (const auto& file : {path, path + "-wal"}) {
      std::error_code ec;
      const auto size = fs::file_size(file, ec);
      if (!ec) total += static_cast<std::int64_t>(size);
    }
    return total;
  };
  nlohmann::json hours = nlohmann::json::array();
  std::int64_t visitors = 0, slips = 0, checks = 0, spoken = 0;
  std::pair<std::size_t, std::size_t> store_at_first_hour;
  std::int64_t rss_first = 0;
  int fds_first = 0;
  app::Millis next_report = 3'600'000;
  const auto& pages = content.home_topics;

  // A visitor: a page read aloud (page >= 0), or the check through to a printed slip, then
  // they walk away.
  auto visit = [&](int page) {
    if (page >= 0 && !pages.empty()) {
      kiosk.tap("home.topic." + pages[static_cast<std::size_t>(page) % pages.size()]);
      if (kiosk.tap("nav.speak")) ++spoken;
      driver.advance(20'000);
    } else {
      kiosk.tap("home.selfcheck");
      kiosk.tap("intro.start");
      // A ladder of money has bands, no "Ja": a pick it does not offer falls back to "Weet ik niet".
      const char* answers[] = {"answer.yes", "answer.no", "answer.unknown", "answer.band.1", "answer.band.2"};
      for (int q = 0; q < 20 && kiosk.app().visible_screen().kind == app::ScreenKind::Question; ++q)
        if (!kiosk.tap(answers[pick(5)]) && !kiosk.tap("answer.unknown") && !kiosk.tap("answer.done")) break;
      if (kiosk.tap("result.slip") && kiosk.tap("next.desk")) {
        ++checks;
        if (kiosk.tap("slip.print")) ++slips;
        if (pick(2) == 0 && kiosk.tap("nav.speak")) ++spoken;
        driver.advance(5'000);
        kiosk.tap("slip.done");
      }
    }
    driver.voice().forget();
  };
  // A first round sees every topic read aloud and prints a few slips, so the caches
  // (fonts, text layouts, the voice, the print worker) are full before memory is measured.
  for (std::size_t i = 0; i < pages.size() + 3; ++i) {
    visit(i < pages.size() ? static_cast<int>(i) : -1);
    driver.advance(130'000);
  }
  while (driver.now() < end) {
    ++visitors;
    visit(pick(3) == 0 ? static_cast<int>(pick(std::max<std::size_t>(1, pages.size()))) : -1);
    // The next visitor comes a few minutes later; the kiosk has reset by then.
    driver.advance(static_cast<app::Millis>(std::uniform_int_distribution<int>(150'000, 420'000)(random)));
    if (!kiosk.fresh_on_home())
      report.failures.push_back("visitor " + std::to_string(visitors) + " left a session");
    if (driver.now() >= next_report) {
      const auto rss = resident_kib();
      const int fds = open_descriptors();
      hours.push_back({{"hour", next_report / 3'600'000},
                       {"rss_kib", rss},
                       {"heap_kib", heap_in_use_kib()},
                       {"layout_cache_kib", driver.shell().typography().engine().cache_bytes() / 1024},
                       {"open_fds", fds},
                       {"store_bytes", file_size(store_file)},
                       {"stats_bytes", file_size(stats::stats_path(options.data_dir))},
                       {"visitors", visitors}});
      // From the first hour on memory may not climb, files may not stay open, and the
      // store may not change.
      const auto hour = next_report / 3'600'000;
      if (hour == 1) {
        store_at_first_hour = store_fingerprint();
        rss_first = rss;
        fds_first = fds;
      } else {
        const std::string at = "hour " + std::to_string(hour) + ": ";
        if (kMemoryJudged && rss - rss_first > 2048)
          report.failures.push_back(at + "memory " + std::to_string(rss - rss_first) + " KiB above hour 1");
        if (fds != fds_first)
          report.failures.push_back(at + std::to_string(fds) + " open files, " + std::to_string(fds_first) +
                                    " at hour 1");
        if (store_fingerprint() != store_at_first_hour)
          report.failures.push_back(at + "the content store changed while only visitors came");
        if (file_size(stats::stats_path(options.data_dir)) > 512 * 1024)
          report.failures.push_back(at + "the counts file is over 512 KiB");
      }
      next_report += 3'600'000;
    }
    if (report.failures.size() > 20) break;
  }
  if (checks == 0) report.failures.push_back("no visitor reached the slip: the soak did not test printing");
  driver.advance(1000);  // the last print's outcome
  const auto printed = file_size(options.data_dir + "/slips.bin");
  if (slips > 0 && printed == 0) report.failures.push_back("slips were sent, but the printer got no bytes");
  report.figures = {{"simulated_hours", options.hours},
                    {"visitors", visitors},
                    {"checks_to_slip", checks},
                    {"slips_printed", slips},
                    {"printer_bytes", printed},
                    {"read_aloud", spoken},
                    {"hours", hours},
                    {"seconds", seconds_since(start)}};
  return report;
}

}  // namespace bench
