#include "logging/log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace logging {
namespace {

std::mutex g_mutex;
Capture* g_capture = nullptr;  // guarded by g_mutex

// Looked at once: where stderr goes does not change while the kiosk runs.
bool to_journal() {
  static const bool journal = [] {
    struct stat st {};
    return ::fstat(STDERR_FILENO, &st) == 0 &&
           is_journal_stream(std::getenv("JOURNAL_STREAM"), st.st_dev, st.st_ino);
  }();
  return journal;
}

void write(Priority priority, const char* format, std::va_list args) {
  std::va_list again;
  va_copy(again, args);
  const int size = std::vsnprintf(nullptr, 0, format, args);
  std::string text;
  if (size < 0) {
    text = format;  // a format the C library refuses: the format itself still says what was meant
  } else {
    text.resize(static_cast<std::size_t>(size) + 1);
    std::vsnprintf(text.data(), text.size(), format, again);
    text.resize(static_cast<std::size_t>(size));
  }
  va_end(again);
  detail::deliver(priority, std::move(text));
}

}  // namespace

namespace detail {

void deliver(Priority priority, std::string text) {
  const std::lock_guard lock(g_mutex);
  if (g_capture) {
    g_capture->lines_.push_back({priority, std::move(text)});
    return;
  }
  std::string line = to_journal() ? "<" + std::to_string(static_cast<int>(priority)) + ">" : std::string{};
  line += "wegwijzer: " + text + "\n";
  // One write per line: lines from two threads never interleave.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace detail

bool is_journal_stream(const char* journal_stream, unsigned long long device, unsigned long long inode) {
  unsigned long long stream_device = 0, stream_inode = 0;
  char rest = 0;
  return journal_stream &&
         std::sscanf(journal_stream, "%llu:%llu%c", &stream_device, &stream_inode, &rest) == 2 &&
         stream_device == device && stream_inode == inode;
}

void error(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  write(Priority::Error, format, args);
  va_end(args);
}

void warning(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  write(Priority::Warning, format, args);
  va_end(args);
}

void info(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  write(Priority::Info, format, args);
  va_end(args);
}

Capture::Capture() {
  const std::lock_guard lock(g_mutex);
  outer_ = g_capture;
  g_capture = this;
}

Capture::~Capture() {
  const std::lock_guard lock(g_mutex);
  g_capture = outer_;
}

std::vector<Line> Capture::lines() const {
  const std::lock_guard lock(g_mutex);
  return lines_;
}

}  // namespace logging
