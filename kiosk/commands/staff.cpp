// Staff codes on the command line: wegwijzer set-pin ROLE, and wegwijzer setup-code.
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "staff/access.hpp"

namespace commands {
namespace {

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

}  // namespace

// Sets or resets a staff PIN from the command line (for a forgotten PIN). The PIN
// comes on standard input, never as an argument, so it stays out of `ps` and history.
int command_set_pin(Options& options) {
  std::optional<staff::Role> role;
  Places places;
  options.describe("Set or reset a staff PIN (5 to 8 digits), read from standard input.");
  options.value("ROLE", "volunteer|editor", "whose PIN", [&role](const std::string& name) {
    role = staff::role_from(name);
    return role ? std::string{} : std::string("is volunteer or editor");
  });
  options.require_last();
  places.data_option(options);
  if (const auto done = options.parse()) return *done;

  const std::string pin = read_secret("New PIN: ");
  if (isatty(STDIN_FILENO) && read_secret("The same PIN again: ") != pin) {
    std::fprintf(stderr, "wegwijzer: the two PINs differ; nothing changed\n");
    return 1;
  }
  staff::Access access(staff::pin_path(places.data_dir()));
  if (auto refusal = access.set_pin(*role, pin); !refusal.empty()) {
    std::fprintf(stderr, "wegwijzer: %s; nothing changed\n", refusal.message.c_str());
    return 1;
  }
  std::printf("The %s PIN is set.\n", staff::role_name(*role));
  return 0;
}

// The installer's code for choosing the first PINs at the screen (the package's install
// step runs it). Made once; later runs print the same code.
int command_setup_code(Options& options) {
  Places places;
  options.describe(
      "Print the installer's code for choosing the first staff PINs at the screen\n"
      "(made once, DIR/staff-setup-code). Run it as the user the kiosk runs as.");
  places.data_option(options);
  if (const auto done = options.parse()) return *done;

  const std::string dir = places.data_dir();
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

}  // namespace commands
