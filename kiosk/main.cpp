// wegwijzer: one program, several commands (kiosk/commands/, README "Commands").
#include "commands/command.hpp"

int main(int argc, char** argv) {
  return commands::main(argc, argv);
}
