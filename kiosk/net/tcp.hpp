#pragma once
// TCP to a device on the library's network (a receipt printer, the call signal's receiver)
// with a deadline on every step: a device that is off or never answers costs seconds, never
// the kiosk. Blocking calls: run them on a worker thread, never on the screen's.
#include <chrono>
#include <optional>
#include <string>

namespace net {

using Clock = std::chrono::steady_clock;

// Milliseconds left until `deadline`, at least 0 (for poll()).
[[nodiscard]] int remaining_ms(Clock::time_point deadline);

// A peer that hung up makes a write fail with EPIPE; by default that signal would end the whole
// kiosk. Nothing in the kiosk wants SIGPIPE, so the first caller switches it off for good.
void ignore_sigpipe();

// A TCP port as written after a ':' in an address: digits only, 1 to 65535 ("9100abc" and
// "0" are none).
[[nodiscard]] std::optional<int> parse_port(const std::string& digits);

// A connected non-blocking socket to HOST:PORT (an address, or a name from the system's
// resolver), or -1 with `detail` ("no connection to 192.168.1.60:9100").
[[nodiscard]] int connect_tcp(const std::string& host, int port, Clock::time_point deadline,
                              std::string& detail);

// Writes all of `bytes` to a non-blocking descriptor before the deadline; false if it could not.
[[nodiscard]] bool write_all(int fd, const std::string& bytes, Clock::time_point deadline);

}  // namespace net
