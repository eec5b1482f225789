// The table of commands. Each lives in the file named after it (`export-stats` in
// export_stats.cpp); small families share one: the signed packs (pack.cpp), the staff
// codes (staff.cpp), speech (speech.cpp), the headless runner (script.cpp), stress.cpp.
#include "commands/commands.hpp"

namespace commands {

namespace {

constexpr Command kCommands[] = {
    {"run", "Start the kiosk (fullscreen and locked down unless --windowed)", command_run},
    {"check-config", "Check a settings file and show the settings the kiosk would use", command_check_config},
    {"script", "Run a test script without a screen: screenshots, layout and speech", command_script},
    {"tour", "Render every screen in every language and text size to PNG files", command_tour},
    {"say", "Speak a text as the kiosk would, into a WAV file", command_say},
    {"sounds", "Write the interface sounds (tap.wav, page.wav) to a folder", command_sounds},
    {"slip", "Make a slip: to a file (PNG, PDF, ESC/POS or text) and/or on a printer", command_slip},
    {"check-content", "Check a content pack: problems as FILE:LINE, then the B1 report",
     command_check_content},
    {"export-content", "Write the device's content or a checked pack as editable files",
     command_export_content},
    {"keygen", "Make a signing key pair for content packs", command_keygen},
    {"export-pack", "Write the whole content as one signed pack file (for a USB stick)", command_export_pack},
    {"import-pack", "Check a signed pack and show what it changes; with --yes, apply it",
     command_import_pack},
    {"set-pin", "Set or reset a staff PIN, read from standard input", command_set_pin},
    {"setup-code", "Print the installer's code for choosing the first staff PINs", command_setup_code},
    {"export-stats", "The anonymous counts per ISO week, as CSV or Prometheus text", command_export_stats},
    {"selfcheck", "Evaluate the self-check for given answers: suggestions and reasons", command_selfcheck},
    {"bench", "Print benchmark figures as JSON", command_bench},
    {"monkey", "Random touches, keys and idle gaps: never stuck, memory flat", command_monkey},
    {"soak", "Simulated hours of visitors: memory, open files and the store flat", command_soak},
};

}  // namespace

std::span<const Command> all() {
  return kCommands;
}

}  // namespace commands
