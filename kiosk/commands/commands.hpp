#pragma once
// Every command's function, for the table in commands.cpp (command.hpp says how one is made).
#include "commands/command.hpp"

namespace commands {

int command_run(Options& options);
int command_check_config(Options& options);
int command_script(Options& options);
int command_tour(Options& options);
int command_say(Options& options);
int command_sounds(Options& options);
int command_slip(Options& options);
int command_check_content(Options& options);
int command_export_content(Options& options);
int command_keygen(Options& options);
int command_export_pack(Options& options);
int command_import_pack(Options& options);
int command_set_pin(Options& options);
int command_setup_code(Options& options);
int command_export_stats(Options& options);
int command_selfcheck(Options& options);
int command_bench(Options& options);
int command_monkey(Options& options);
int command_soak(Options& options);

}  // namespace commands
