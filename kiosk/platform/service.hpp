#pragma once
// Telling the service manager (systemd) that the kiosk is ready and still alive.
// The unit (deploy/systemd/wegwijzer-kiosk.service) is Type=notify with a watchdog:
// the window loop says READY=1 after its first frame and WATCHDOG=1 at half the
// watchdog time, so a kiosk whose loop hangs is killed and started again. Without
// NOTIFY_SOCKET (a developer's run, the tests) every call does nothing.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>

namespace platform::service {

using Millis = std::int64_t;

// How often to ping, read from the environment systemd gives the process it starts:
// WATCHDOG_USEC (the limit) and WATCHDOG_PID (whom it is meant for). Pure: the
// values and the pids come in as arguments.
struct WatchdogEnv {
  std::optional<Millis> interval_ms;  // nullopt: no watchdog for us
  std::string note;                   // for the log: why not, or how often
};
[[nodiscard]] WatchdogEnv watchdog_interval(const char* watchdog_usec, const char* watchdog_pid, pid_t self,
                                            pid_t parent);

// When the next ping is due. The loop sleeps at most until then, so an idle
// kiosk (which otherwise sleeps until the next touch) still wakes to ping.
class Watchdog {
 public:
  explicit Watchdog(std::optional<Millis> interval_ms) : interval_ms_(interval_ms) {}
  [[nodiscard]] bool enabled() const { return interval_ms_.has_value(); }
  // nullopt without a watchdog; `now` itself when a ping is overdue.
  [[nodiscard]] std::optional<Millis> next_due(Millis now) const;
  [[nodiscard]] bool due(Millis now) const;
  void pinged(Millis now) { last_ping_ = now; }

 private:
  std::optional<Millis> interval_ms_;
  std::optional<Millis> last_ping_;
};

// The notifications themselves (libsystemd's sd_notify).
class Notifier {
 public:
  // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID once.
  Notifier();
  [[nodiscard]] bool active() const { return active_; }
  [[nodiscard]] const WatchdogEnv& watchdog() const { return watchdog_; }
  // READY=1 with a STATUS line for `systemctl status`.
  void ready(const std::string& status) const;
  void alive() const;  // WATCHDOG=1
  void status(const std::string& status) const;

 private:
  bool active_ = false;
  WatchdogEnv watchdog_;
};

}  // namespace platform::service
