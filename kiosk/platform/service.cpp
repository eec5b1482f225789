#include "platform/service.hpp"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace platform::service {
namespace {

std::optional<unsigned long long> whole_number(const char* text) {
  if (!text || !*text) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || text[0] == '-') return std::nullopt;
  return value;
}

std::string seconds(Millis ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(ms) / 1000.0);
  return text;
}

}  // namespace

WatchdogEnv watchdog_interval(const char* watchdog_usec, const char* watchdog_pid, pid_t self, pid_t parent) {
  if (!watchdog_usec || !*watchdog_usec) return {std::nullopt, "no watchdog (WATCHDOG_USEC is not set)"};
  const auto usec = whole_number(watchdog_usec);
  if (!usec || *usec == 0)
    return {std::nullopt, std::string("no watchdog: WATCHDOG_USEC '") + watchdog_usec +
                              "' is not a number of microseconds"};
  if (watchdog_pid && *watchdog_pid) {
    // systemd names the process it started. Under cage that is the compositor,
    // which started us with its environment: the kiosk is the part that can hang,
    // so it pings on the compositor's behalf (the unit has NotifyAccess=all).
    const auto pid = whole_number(watchdog_pid);
    if (!pid || (static_cast<pid_t>(*pid) != self && static_cast<pid_t>(*pid) != parent))
      return {std::nullopt, std::string("no watchdog: WATCHDOG_PID ") + watchdog_pid +
                                " is neither this process nor the one that started it"};
  }
  // Half the limit, as sd_watchdog_enabled(3) advises: one late wake-up is no restart.
  const Millis limit_ms = static_cast<Millis>(*usec / 1000);
  const Millis interval = std::max<Millis>(1, limit_ms / 2);
  return {interval, "watchdog: telling the service manager every " + seconds(interval) +
                        " s that the kiosk is alive (limit " + seconds(limit_ms) + " s)"};
}

std::optional<Millis> Watchdog::next_due(Millis now) const {
  if (!interval_ms_) return std::nullopt;
  if (!last_ping_) return now;
  return std::max(now, *last_ping_ + *interval_ms_);
}

bool Watchdog::due(Millis now) const {
  if (!interval_ms_) return false;
  return !last_ping_ || now - *last_ping_ >= *interval_ms_;
}

Notifier::Notifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  active_ = socket && *socket;
  if (active_)
    watchdog_ =
        watchdog_interval(std::getenv("WATCHDOG_USEC"), std::getenv("WATCHDOG_PID"), getpid(), getppid());
}

void Notifier::ready(const std::string& status) const {
  if (active_) sd_notifyf(0, "READY=1\nSTATUS=%s", status.c_str());
}

void Notifier::alive() const {
  if (active_ && watchdog_.interval_ms) sd_notify(0, "WATCHDOG=1");
}

void Notifier::status(const std::string& status) const {
  if (active_) sd_notifyf(0, "STATUS=%s", status.c_str());
}

}  // namespace platform::service
