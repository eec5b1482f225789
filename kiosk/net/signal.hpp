#pragma once
// "Roep iemand" as a signal to a local address (the settings' [call] signal_uri; off by
// default): an HTTP POST whose plain-text body is the call ticket's sentence, the time and
// the kiosk's name. ntfy, a Home Assistant webhook or a ten-line script at the desk can take
// it in. It goes only to this building's own network, and it carries nothing of the visitor.
#include <chrono>
#include <optional>
#include <string>

namespace net {

struct SignalTarget {
  std::string address;  // an IP address (IPv6 without brackets; link-local with its %zone)
  int port = 80;
  std::string path = "/";
  std::string host;  // for the Host header: as written, "192.168.1.20:8080", "localhost:8080"
};

// "http://ADDRESS[:PORT][/PATH]" with an address of a private network: 10/8, 172.16/12,
// 192.168/16, loopback (127/8, ::1, "localhost"), link-local (169.254/16, fe80::/10 with its
// interface, "[fe80::1%eth0]") or fc00::/7. No host names: a name could lead anywhere, and the
// kiosk has no DNS. Nullopt with a sentence in `error` otherwise.
[[nodiscard]] std::optional<SignalTarget> parse_signal(const std::string& uri, std::string* error = nullptr);

// An address (no zone) in one of the ranges above.
[[nodiscard]] bool is_local_address(const std::string& address);

struct SignalOutcome {
  bool ok = false;
  std::string detail;  // for the log: what went wrong, never the text sent
};

// Posts `text` and waits for the receiver's answer: a 2xx status is a signal received. Every
// step together within `timeout`: a receiver that never answers is a failure after it.
// Blocks: call it from a worker thread.
[[nodiscard]] SignalOutcome send_signal(const SignalTarget& target, const std::string& text,
                                        std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));

}  // namespace net
