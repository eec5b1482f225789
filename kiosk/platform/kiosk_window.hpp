#pragma once
// The real kiosk: an SDL window (fullscreen and locked down, or windowed for
// development) and an event-driven loop that sleeps until something happens.
#include <optional>
#include <string>
#include <vector>

#include "runtime/runtime.hpp"

namespace platform {

// The kiosk's options (runtime::Options), and the window's own.
struct WindowOptions : runtime::Options {
  bool windowed = false;
  // Accelerated (GPU) when the machine has one; software needs no GPU driver
  // and far less memory, and is what the headless runner uses.
  bool software_renderer = false;
  float screen_width_mm = 527.0f;
  float screen_height_mm = 296.5f;
  // For `wegwijzer bench`: print figures as JSON and leave after the first
  // frame, or after this many seconds of idling.
  bool exit_after_first_frame = false;
  double bench_idle_seconds = 0;
};

// Why no window can be opened here, in one sentence; nullopt when a display seems present.
[[nodiscard]] std::optional<std::string> display_problem();

// Runs until closed (windowed) or forever (kiosk). Returns the exit code. Under
// systemd (NOTIFY_SOCKET) it says READY=1 after the first frame and pings the
// watchdog from the loop, also while it idles (platform/service.hpp).
int run_kiosk(content::Snapshot content, const WindowOptions& options);

}  // namespace platform
