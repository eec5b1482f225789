// wegwijzer export-stats [--format csv|prometheus] [--data DIR] [--out FILE]
#include <cstdio>
#include <filesystem>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "content/pack_reader.hpp"
#include "content/small_file.hpp"
#include "content/store.hpp"
#include "selfcheck/selfcheck.hpp"
#include "stats/stats.hpp"

namespace commands {

// Weekly anonymous counts for a library's reports (CSV) or monitoring (Prometheus).
int command_export_stats(Options& options) {
  std::string format = "csv";
  std::optional<std::string> out;
  Places places;
  options.describe(
      "The anonymous counts per ISO week (sessions, finished self-checks, slips,\n"
      "pages, languages, speech); counts under 5 are shown as \"<5\".");
  options.choice("--format", format, {"csv", "prometheus"}, "csv (default) or prometheus");
  places.data_option(options);
  options.text("--out", out, "FILE", "write to FILE, whole or not at all (default: standard output)");
  places.content_option(options);
  if (const auto done = options.parse()) return *done;

  const std::string path = stats::stats_path(places.data_dir());
  if (!std::filesystem::exists(path)) {
    std::fprintf(stderr, "wegwijzer: no counts yet in %s\n", path.c_str());
    return 1;
  }
  const auto weeks = stats::StatsStore(path).weeks();
  std::string text = format == "csv" ? stats::csv(weeks) : stats::prometheus(weeks);
  // How long the amounts of the content the kiosk serves still hold: an alert can fire in time.
  if (format == "prometheus") {
    // Read only: the store's live content when there is one, else the pack; nothing imported.
    const std::string store_file = content::store_path(places.data_dir());
    PictogramCheck check;
    content::Diagnostics problems;
    const auto files = std::filesystem::exists(store_file) ? content::ContentStore(store_file).files()
                                                           : content::read_files(places.content_dir());
    const auto served = content::usable_pack(files, "content", check.options(app::today_iso()), problems);
    if (const auto expiry = served ? selfcheck::first_expiry(*served, app::today_iso()) : std::nullopt)
      text +=
          "# HELP wegwijzer_amounts_days_left Days until the first amount in the content runs out "
          "(valid_until); negative: past it.\n"
          "# TYPE wegwijzer_amounts_days_left gauge\n"
          "wegwijzer_amounts_days_left " +
          std::to_string(expiry->days_left) + "\n";
  }
  if (out) {
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

}  // namespace commands
