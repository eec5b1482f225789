// Figures: wegwijzer bench, and the stress runs wegwijzer monkey and wegwijzer soak.
#include "bench/bench.hpp"

#include <stdlib.h>

#include <climits>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "bench/stress.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "script/script.hpp"

namespace commands {
namespace {

enum class Stress { Monkey, Soak };

// The monkey and the soak run in a private data folder (a new temp folder unless --data).
int stress(Stress kind, const Places& places, bench::MonkeyOptions monkey, bench::SoakOptions soak) {
  std::string dir;
  if (places.data) {
    dir = *places.data;
  } else {
    const auto made = make_temp_folder("stress");
    if (!made) return 1;
    dir = *made;
  }
  monkey.data_dir = soak.data_dir = dir;
  const content::ContentPack content = open_kiosk_content(places, false).started.pack;
  const bench::StressReport report =
      kind == Stress::Monkey ? bench::run_monkey(content, monkey) : bench::run_soak(content, soak);
  if (!places.data) {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  nlohmann::json figures = report.figures;
  figures["failures"] = report.failures;
  std::printf("%s\n", figures.dump(2).c_str());
  const char* name = kind == Stress::Monkey ? "monkey" : "soak";
  for (const auto& failure : report.failures)
    std::fprintf(stderr, "wegwijzer %s: %s\n", name, failure.c_str());
  return report.failures.empty() ? 0 : 1;
}

Take seed(std::uint64_t& into) {
  return [&into](const std::string& text) -> std::string {
    long long whole = 0;
    if (!script::to_count(text, whole)) return "wants a whole number, e.g. 1";
    into = static_cast<std::uint64_t>(whole);
    return "";
  };
}

void private_data_option(Places& places, Options& options) {
  places.data_option(options,
                     "the store, PINs and counts go to DIR (default: a new temp folder, removed after)");
}

}  // namespace

int command_bench(Options& options) {
  bool quick = false;
  options.describe("Print benchmark figures as JSON.");
  options.flag("--quick", quick, "fewer rounds (for the tests)");
  std::optional<std::string> only;
  options.text("--only", only, "NAME", "one figure alone: long-text or frames");
  if (const auto done = options.parse()) return *done;
  return bench::run("wegwijzer", quick, only.value_or(""));
}

int command_monkey(Options& options) {
  bench::MonkeyOptions monkey;
  long long events = monkey.events;
  Places places;
  options.describe(
      "Random touches, keys and idle gaps on the virtual clock (default 100000 events):\n"
      "never stuck, memory flat. Figures as JSON; exit 1 with the failures.");
  options.value("--events", "N", "how many events (default 100000)",
                whole_number(events, 1, LLONG_MAX, "wants a whole number of at least 1"));
  options.value("--seed", "S", "the random seed (default 1)", seed(monkey.seed));
  private_data_option(places, options);
  places.content_option(options);
  if (const auto done = options.parse()) return *done;
  monkey.events = events;
  return stress(Stress::Monkey, places, monkey, {});
}

int command_soak(Options& options) {
  bench::SoakOptions soak;
  Places places;
  options.describe("Simulated hours of visitors (default 12): memory, open files and the store flat.");
  options.value("--hours", "H", "how many simulated hours (default 12)", [&soak](const std::string& text) {
    if (!script::to_number(text, soak.hours) || soak.hours <= 0 || soak.hours > 24 * 365)
      return std::string("wants a number of hours above 0, e.g. 12 or 0.5");
    return std::string{};
  });
  options.value("--seed", "S", "the random seed (default 1)", seed(soak.seed));
  private_data_option(places, options);
  places.content_option(options);
  if (const auto done = options.parse()) return *done;
  return stress(Stress::Soak, places, {}, soak);
}

}  // namespace commands
