// The test program: no window and no sound card needed. SDL's dummy drivers
// draw nowhere and play in real time into nothing (set here, not in CMake:
// catch_discover_tests passes only the first variable of a list).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char** argv) {
  setenv("SDL_VIDEODRIVER", "dummy", 0);
  setenv("SDL_AUDIODRIVER", "dummy", 0);
  return Catch::Session().run(argc, argv);
}
