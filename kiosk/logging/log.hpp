#pragma once
// The kiosk's log: the one place every line about the running kiosk goes through
// (docs/ARCHITECTURE.md, "The log"). A line is written to stderr as "wegwijzer: TEXT";
// when stderr is the journal's stream (systemd sets JOURNAL_STREAM to its device and
// inode), it starts with its syslog priority, "<3>" for an error, which journald turns
// into the entry's level. No line may name what a visitor chose or typed
// (tests/ui/log_privacy_test.cpp).
#include <string>
#include <vector>

namespace logging {

// syslog(3) numbers, as journald reads them.
enum class Priority { Error = 3, Warning = 4, Info = 6 };

namespace detail {
void deliver(Priority priority, std::string text);
}

// printf-style; the module adds "wegwijzer: " in front and the line break.
void error(const char* format, ...) __attribute__((format(printf, 1, 2)));
void warning(const char* format, ...) __attribute__((format(printf, 1, 2)));
void info(const char* format, ...) __attribute__((format(printf, 1, 2)));

struct Line {
  Priority priority;
  std::string text;  // without "wegwijzer: " and the line break
};

// For tests: while a Capture lives, the lines go to it instead of stderr.
class Capture {
 public:
  Capture();
  ~Capture();
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  [[nodiscard]] std::vector<Line> lines() const;

 private:
  Capture* outer_;  // the capture this one stands in for, restored at the end
  std::vector<Line> lines_;
  friend void detail::deliver(Priority priority, std::string text);
};

// Whether stderr is the journal's stream: JOURNAL_STREAM ("DEVICE:INODE", may be null)
// names stderr's device and inode. Pure, for tests.
[[nodiscard]] bool is_journal_stream(const char* journal_stream, unsigned long long device,
                                     unsigned long long inode);

}  // namespace logging
