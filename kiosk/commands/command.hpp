#pragma once
// The commands of `wegwijzer`: one table (commands.cpp) of name, one line of help and the
// function, one file per command or small family of commands. A command declares its
// options on an `Options`, asks it to parse, and then runs:
//
//   int command_sounds(Options& options) {
//     std::string out;
//     options.required("--out", out, "DIR", "the folder to write tap.wav and page.wav to");
//     if (const auto done = options.parse()) return *done;
//     ...
//
// CLI11 reads the command line; only cli.cpp includes it, as it is a heavy header.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace commands {

class Options;

struct Command {
  const char* name;
  const char* help;  // one line, for `wegwijzer --help`
  // The exit code: 0 done, 1 refused or failed (the reason on stderr), 2 wrong use.
  int (*run)(Options& options);
};

// Every command, in the order `wegwijzer --help` lists them.
[[nodiscard]] std::span<const Command> all();

// Runs the command named by argv[1] (`run` when there is none, or when the first word is
// an option). A wrong or unknown option, or a value the option does not take, is refused
// before the command does anything: one sentence on stderr and exit 2.
[[nodiscard]] int main(int argc, char** argv);

// Reads what a value must be: it keeps the value and returns "", or returns what the
// option wants ("wants a whole number of at least 1"), which refuses the command line.
using Take = std::function<std::string(const std::string& value)>;

// One command's options, declared by the command, read from the command line by parse().
// Each binds to a variable that the command keeps until it returns.
class Options {
 public:
  // argv[0] is skipped: the command's name, or the program's.
  Options(CLI::App& app, int argc, char** argv) : app_(app), argc_(argc), argv_(argv) {}

  // What the command does, in a few lines, for `wegwijzer COMMAND --help`.
  void describe(const std::string& text);
  // --name VALUE, when given. `shape` names the value in --help: DIR, FILE, N.
  void text(const char* name, std::optional<std::string>& into, const char* shape, const char* help);
  // --name VALUE that must be given, and not empty.
  void required(const char* name, std::string& into, const char* shape, const char* help);
  // --name VALUE, read by `take`. A name without dashes is a word (ROLE).
  void value(const char* name, const char* shape, const char* help, Take take);
  // --name VALUE, one of `choices` ("--rate is slower, normal or faster").
  void choice(const char* name, std::string& into, const std::vector<std::string>& choices, const char* help);
  // --name VALUE, any number of times, in order.
  void each(const char* name, std::vector<std::string>& into, const char* shape, const char* help);
  // --name, no value.
  void flag(const char* name, bool& into, const char* help);
  // A word without dashes, in order of declaration; `shape` names it in --help.
  void word(const char* shape, std::string& into, const char* help);
  void word(const char* shape, std::optional<std::string>& into, const char* help);
  // The option or word declared last must be given.
  void require_last();
  // Leaves the option declared last out of --help (options for the bench, not for people).
  void hide_last();

  // Reads the command line. nullopt: go on and run. Otherwise the exit code: 0 after
  // --help, 2 after a mistake (said in one sentence on stderr).
  [[nodiscard]] std::optional<int> parse();

 private:
  CLI::App& app_;
  void takes_value(const char* name, const char* shape);
  [[nodiscard]] std::string missing_value() const;

  int argc_;
  char** argv_;
  CLI::Option* last_ = nullptr;
  std::vector<std::pair<std::string, std::string>> valued_;  // options that take a value, and its shape
};

}  // namespace commands
