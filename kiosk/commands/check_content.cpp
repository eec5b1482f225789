// wegwijzer check-content [DIR] [--date YYYY-MM-DD]
#include <cstdio>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "content/pack_reader.hpp"
#include "editor/editor.hpp"
#include "selfcheck/selfcheck.hpp"

namespace commands {

int command_check_content(Options& options) {
  std::optional<std::string> dir;
  std::string date;
  options.describe(
      "Check a content pack (default: the bundled one): every problem as\n"
      "FILE:LINE: error|warning: message, then the B1 report. Exit 1 on errors.");
  options.word("DIR", dir, "the content pack (default: the bundled one)");
  options.value("--date", "YYYY-MM-DD", "check the amounts valid on this day (default: today)", day(date));
  if (const auto done = options.parse()) return *done;

  const std::string directory = dir ? *dir : content::default_content_dir();
  auto read = content::read_pack(directory);
  content::Diagnostics problems = read.diagnostics;
  std::vector<content::PageReadability> readability;
  std::size_t personas_run = 0;
  if (read.pack) {
    PictogramCheck check;
    auto checked = content::validate(*read.pack, check.options(date.empty() ? app::today_iso() : date));
    problems.insert(problems.end(), checked.diagnostics.begin(), checked.diagnostics.end());
    readability = std::move(checked.readability);
    // The personas run through the same evaluator as the kiosk.
    const auto personas = selfcheck::check_personas(*read.pack);
    problems.insert(problems.end(), personas.begin(), personas.end());
    personas_run = read.pack->personas.size();
    // Translations made from an older Dutch text (language/translations.toml).
    for (const auto& field : editor::out_of_date_translations(*read.pack))
      problems.push_back({directory + "/" + editor::file_of(field.kind, field.id), 1, content::Severity::Warning,
                          "the " + field.lang + " text of " + field.key() +
                              " was translated from an older Dutch text: check it and save it again"});
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

}  // namespace commands
