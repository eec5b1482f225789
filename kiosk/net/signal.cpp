#include "net/signal.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>

#include "net/tcp.hpp"

namespace net {
namespace {

bool is_ipv4(const std::string& address, in_addr* out = nullptr) {
  in_addr a{};
  // inet_pton takes only the four-number form, each 0-255 ("10.1" is no address here).
  if (inet_pton(AF_INET, address.c_str(), &a) != 1) return false;
  if (out) *out = a;
  return true;
}

bool is_ipv6(const std::string& address, in6_addr* out = nullptr) {
  in6_addr a{};
  if (inet_pton(AF_INET6, address.c_str(), &a) != 1) return false;
  if (out) *out = a;
  return true;
}

bool digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_local_address(const std::string& address) {
  if (in_addr v4{}; is_ipv4(address, &v4)) {
    const std::uint32_t a = ntohl(v4.s_addr);
    return (a >> 24) == 10 || (a >> 24) == 127 || (a >> 20) == 0xAC1 /* 172.16/12 */ ||
           (a >> 16) == 0xC0A8 /* 192.168/16 */ || (a >> 16) == 0xA9FE /* 169.254/16 */;
  }
  if (in6_addr v6{}; is_ipv6(address, &v6))
    return IN6_IS_ADDR_LOOPBACK(&v6) || IN6_IS_ADDR_LINKLOCAL(&v6) || (v6.s6_addr[0] & 0xFE) == 0xFC;
  return false;
}

std::optional<SignalTarget> parse_signal(const std::string& uri, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<SignalTarget> {
    if (error) *error = why;
    return std::nullopt;
  };
  const std::string example = "e.g. \"http://192.168.1.20:8080/hulp\"";
  // Visible ASCII only: the path goes into the request line, where a line break would add a header.
  if (std::any_of(uri.begin(), uri.end(), [](char c) { return c < '!' || c > '~'; }))
    return fail("has a space, a line break or a sign that does not belong in an address; " + example);
  if (uri.rfind("http://", 0) != 0) return fail("'" + uri + "' is not http://ADDRESS:PORT/PATH, " + example);
  const std::string rest = uri.substr(7);
  const std::size_t slash = rest.find('/');
  const std::string authority = rest.substr(0, slash);
  SignalTarget target;
  if (slash != std::string::npos) target.path = rest.substr(slash, rest.find('#') - slash);
  if (authority.find('@') != std::string::npos)
    return fail("has no room for a user name or password; " + example);

  std::string host, port;
  bool bracketed = false, colon = false;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string::npos) return fail("misses the ']' after '" + authority + "'; " + example);
    host = authority.substr(1, close - 1);
    bracketed = true;
    const std::string after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':')
      return fail("has '" + after + "' after the address; " + example);
    colon = !after.empty();
    if (colon) port = after.substr(1);
  } else {
    if (std::count(authority.begin(), authority.end(), ':') > 1)
      return fail("wants an IPv6 address in brackets, e.g. \"http://[fd00::20]:8080/hulp\"");
    const std::size_t at = authority.find(':');
    host = authority.substr(0, at);
    colon = at != std::string::npos;
    if (colon) port = authority.substr(at + 1);
  }
  if (colon) {
    const auto number = parse_port(port);
    if (!number) return fail("needs a port of 1 to 65535 in digits after ':'; " + example);
    target.port = *number;
  }
  if (host.empty()) return fail("names no address; " + example);

  // A link-local IPv6 address needs the interface it is on: [fe80::1%eth0] (or "%25eth0", as RFC
  // 6874 writes it in a URI).
  std::string zone;
  if (const std::size_t at = host.find('%'); at != std::string::npos) {
    zone = host.substr(at + 1);
    if (zone.rfind("25", 0) == 0 && zone.size() > 2) zone = zone.substr(2);
    host = host.substr(0, at);
  }
  bool link_local = false;
  if (host == "localhost") {
    target.address = "127.0.0.1";
  } else if (is_ipv4(host) && !bracketed) {
    target.address = host;
  } else if (in6_addr v6{}; is_ipv6(host, &v6) && bracketed) {
    target.address = host;
    link_local = IN6_IS_ADDR_LINKLOCAL(&v6);
  } else if (is_ipv6(host)) {
    return fail("wants an IPv6 address in brackets, e.g. \"http://[fd00::20]:8080/hulp\"");
  } else {
    return fail("names '" + host +
                "', not an IP address: give the receiver's address on the library's own network (the kiosk "
                "asks no DNS, and a name could lead anywhere); " +
                example);
  }
  if (!is_local_address(target.address))
    return fail(target.address +
                " is not on the library's own network (10.x, 172.16-31.x, 192.168.x, fc00::/7, link-local or "
                "this computer): the call would leave the building");
  if (link_local && zone.empty())
    return fail(
        "needs the network interface of a link-local IPv6 address, e.g. \"http://[fe80::1%eth0]:8080/\"");
  if (!zone.empty()) {
    const bool name =
        zone.size() <= 15 && std::all_of(zone.begin(), zone.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        });
    if (!link_local || !name)
      return fail("has '%" + zone +
                  "', which only a link-local IPv6 address takes: its interface, such as eth0");
    target.address += "%" + zone;
  }
  target.host = (bracketed ? "[" + host + "]" : host) + (port.empty() ? "" : ":" + port);
  return target;
}

SignalOutcome send_signal(const SignalTarget& target, const std::string& text,
                          std::chrono::milliseconds timeout) {
  ignore_sigpipe();
  const auto deadline = Clock::now() + timeout;
  const std::string within = " within " + std::to_string(timeout.count()) + " ms";
  SignalOutcome out;
  const int fd = connect_tcp(target.address, target.port, deadline, out.detail);
  if (fd < 0) return out;
  const std::string request = "POST " + target.path + " HTTP/1.1\r\nHost: " + target.host +
                              "\r\nUser-Agent: Wegwijzer\r\nContent-Type: text/plain; charset=utf-8\r\n"
                              "Content-Length: " +
                              std::to_string(text.size()) + "\r\nConnection: close\r\n\r\n" + text;
  if (!write_all(fd, request, deadline)) {
    close(fd);
    out.detail = "the receiver did not take the signal" + within;
    return out;
  }
  // Only the status line matters: "HTTP/1.1 204 No Content".
  std::string answer;
  char buffer[512];
  while (answer.find("\r\n") == std::string::npos && answer.size() < 4096) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, remaining_ms(deadline)) <= 0) break;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  const std::string line = answer.substr(0, std::min<std::size_t>(answer.find("\r\n"), 80));
  const bool http =
      line.size() >= 12 && line.rfind("HTTP/1.", 0) == 0 && line[8] == ' ' && digits(line.substr(9, 3));
  if (http && line[9] == '2') {
    out.ok = true;
  } else if (http) {
    // The receiver's own words, as far as they are plain text (for the log).
    std::string said;
    for (char c : line) said += c >= ' ' && c <= '~' ? c : '?';
    out.detail = "the receiver answered \"" + said + "\"";
  } else {
    out.detail = answer.empty() ? "no answer" + within : "an answer that is not HTTP";
  }
  return out;
}

}  // namespace net
