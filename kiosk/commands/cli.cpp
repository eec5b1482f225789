// The only file that includes CLI11 (a heavy header): the table's commands declare their
// options through commands::Options, which this file carries out.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "commands/command.hpp"
#include "logging/log.hpp"

namespace commands {
namespace {

// "a, b or c"
std::string one_of(const std::vector<std::string>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i)
    out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  return out;
}

// Refuses the command line: what() is the whole sentence.
[[noreturn]] void refuse(const std::string& sentence) {
  throw CLI::ValidationError(sentence);
}

void print_overview() {
  std::printf(
      "Wegwijzer: an information kiosk for libraries.\n\n"
      "Usage: wegwijzer [COMMAND] [OPTIONS]   (without a command: run)\n\n"
      "Commands:\n");
  for (const auto& command : all()) std::printf("  %-15s %s\n", command.name, command.help);
  std::printf(
      "\nwegwijzer COMMAND --help shows what a command does and the options it takes.\n"
      "wegwijzer --version shows the version.\n");
}

}  // namespace

void Options::describe(const std::string& text) {
  app_.description(text + "\n");
}

void Options::text(const char* name, std::optional<std::string>& into, const char* shape, const char* help) {
  last_ = app_.add_option_function<std::string>(
                  name, [&into](const std::string& value) { into = value; }, help)
              ->type_name(shape)
              ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  takes_value(name, shape);
}

void Options::required(const char* name, std::string& into, const char* shape, const char* help) {
  value(name, shape, help, [&into, shape](const std::string& given) -> std::string {
    if (given.empty()) return std::string("wants a value (") + shape + ")";
    into = given;
    return "";
  });
  require_last();
}

void Options::value(const char* name, const char* shape, const char* help, Take take) {
  const std::string option = name;
  last_ = app_.add_option_function<std::string>(
                  name,
                  [option, take = std::move(take)](const std::string& given) {
                    if (auto wants = take(given); !wants.empty()) refuse(option + " " + wants);
                  },
                  help)
              ->type_name(shape)
              ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  takes_value(name, shape);
}

void Options::choice(const char* name, std::string& into, const std::vector<std::string>& choices,
                     const char* help) {
  std::string shape;
  for (const auto& choice : choices) shape += (shape.empty() ? "" : "|") + choice;
  value(name, shape.c_str(), help, [&into, choices](const std::string& given) -> std::string {
    if (std::find(choices.begin(), choices.end(), given) == choices.end()) return "is " + one_of(choices);
    into = given;
    return "";
  });
}

void Options::each(const char* name, std::vector<std::string>& into, const char* shape, const char* help) {
  last_ = app_.add_option_function<std::vector<std::string>>(
                  name, [&into](const std::vector<std::string>& values) { into = values; }, help)
              ->type_name(shape)
              ->expected(1)
              ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  takes_value(name, shape);
}

void Options::flag(const char* name, bool& into, const char* help) {
  last_ = app_.add_flag(name, into, help);
}

void Options::word(const char* shape, std::string& into, const char* help) {
  last_ = app_.add_option_function<std::string>(
                  shape, [&into](const std::string& value) { into = value; }, help)
              ->required();
}

void Options::word(const char* shape, std::optional<std::string>& into, const char* help) {
  last_ = app_.add_option_function<std::string>(
      shape, [&into](const std::string& value) { into = value; }, help);
}

void Options::takes_value(const char* name, const char* shape) {
  if (std::string_view(name).rfind("--", 0) == 0) valued_.emplace_back(name, shape);
}

// CLI11 says "--out: 1 required DIR missing"; we name the option ourselves: the first one
// on the command line that takes a value and has none after it.
std::string Options::missing_value() const {
  for (int i = 1; i < argc_; ++i) {
    const std::string_view word = argv_[i];
    const bool next_is_value = i + 1 < argc_ && std::string_view(argv_[i + 1]).rfind("--", 0) != 0;
    for (const auto& [name, shape] : valued_)
      if ((word == name && !next_is_value) || word == name + "=")
        return name + " wants a value (" + shape + ")";
  }
  return {};
}

void Options::require_last() {
  if (last_) last_->required();
}

void Options::hide_last() {
  if (last_) last_->group("");
}

std::optional<int> Options::parse() {
  // Unknown words are collected rather than thrown, to be named in our own sentence below.
  app_.allow_extras();
  const std::string name = app_.get_name();
  std::string problem;
  try {
    app_.parse(argc_, argv_);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app_.help().c_str(), stdout);
    return 0;
  } catch (const CLI::ArgumentMismatch& error) {
    problem = missing_value();
    if (problem.empty()) problem = error.what();
  } catch (const CLI::ParseError& error) {
    problem = error.what();  // "--out is required", "FILE is required"
  }
  // An unknown word first: it is often why something else seems missing.
  if (const auto extra = app_.remaining(); !extra.empty()) {
    const std::string& word = extra.front();
    problem = word.rfind("-", 0) == 0
                  ? "there is no option " + word + " (" + name + " --help lists them)"
                  : "'" + word + "' is one word too many (" + name + " --help shows what it takes)";
  }
  if (problem.empty()) return std::nullopt;
  std::fprintf(stderr, "%s: %s\n", name.c_str(), problem.c_str());
  return 2;
}

int main(int argc, char** argv) {
  const std::string_view first = argc > 1 ? argv[1] : "";
  if (first == "--help" || first == "-h" || first == "help") {
    print_overview();
    return 0;
  }
  if (first == "--version") {
    std::printf("wegwijzer %s\n", WEGWIJZER_VERSION);
    return 0;
  }
  // `wegwijzer --windowed` is `wegwijzer run --windowed`: the kiosk is what runs by default.
  const bool implicit_run = first.empty() || first.front() == '-';
  const std::string name = implicit_run ? "run" : std::string(first);
  const auto commands = all();
  const auto command =
      std::find_if(commands.begin(), commands.end(), [&](const Command& c) { return name == c.name; });
  if (command == commands.end()) {
    std::fprintf(stderr, "wegwijzer: there is no command '%s' (wegwijzer --help lists them)\n", name.c_str());
    return 2;
  }
  CLI::App app(command->help, "wegwijzer " + name);
  // CLI11 skips the first word as the program's name: that is the command's name, or the program's.
  Options options(app, implicit_run ? argc : argc - 1, implicit_run ? argv : argv + 1);
  try {
    return command->run(options);
  } catch (const std::exception& e) {
    logging::error("%s", e.what());
    return 1;
  }
}

}  // namespace commands
