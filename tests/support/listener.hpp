#pragma once
// A real HTTP receiver on 127.0.0.1 for the call signal's tests: a socket on a free port that
// takes one request and answers it, or (never_answer) only lets the kernel take the connection.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

namespace test_support {

class Listener {
 public:
  // `reply`: the whole answer ("HTTP/1.1 204 No Content\r\n\r\n"); empty: never answer, and
  // never even accept (the kernel still completes the connection, as a hung receiver's does).
  explicit Listener(std::string reply) : reply_(std::move(reply)) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // a free port
    socklen_t length = sizeof address;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(fd_, 4) != 0 || getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      std::abort();
    port_ = ntohs(address.sin_port);
    if (!reply_.empty()) worker_ = std::thread([this] { serve(); });
  }
  ~Listener() {
    stop_ = true;
    if (worker_.joinable()) worker_.join();
    close(fd_);
  }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // Everything the one request held (request line, headers, body); empty before it came.
  [[nodiscard]] std::string request() const {
    std::lock_guard lock(mutex_);
    return request_;
  }
  [[nodiscard]] std::string body() const {
    const std::string all = request();
    const auto end = all.find("\r\n\r\n");
    return end == std::string::npos ? std::string{} : all.substr(end + 4);
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int client = accept(fd_, nullptr, nullptr);
      if (client < 0) continue;
      std::string got;
      char buffer[1024];
      // Up to the headers' end and as many bytes of body as Content-Length says.
      while (true) {
        const auto end = got.find("\r\n\r\n");
        if (end != std::string::npos) {
          const auto at = got.find("Content-Length: ");
          const std::size_t length = at == std::string::npos ? 0 : std::stoul(got.substr(at + 16));
          if (got.size() >= end + 4 + length) break;
        }
        pollfd c{client, POLLIN, 0};
        if (poll(&c, 1, 3000) <= 0) break;
        const ssize_t n = read(client, buffer, sizeof buffer);
        if (n <= 0) break;
        got.append(buffer, static_cast<std::size_t>(n));
      }
      {
        std::lock_guard lock(mutex_);
        request_ = got;
      }
      (void)!write(client, reply_.data(), reply_.size());
      close(client);
    }
  }

  std::string reply_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::string request_;
  std::thread worker_;
};

// A port on 127.0.0.1 where nothing listens: bound once to find it free, then closed.
inline int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    std::abort();
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace test_support
