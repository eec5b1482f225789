#pragma once
// Sending a slip to a printer, and knowing when that cannot work. Receipt
// printers speak ESC/POS over TCP port 9100 or a USB device file; before a job
// their status is asked (DLE EOT) with a timeout, so paper out, an open cover
// or a printer that does not answer is known before the visitor waits for it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "slip/escpos.hpp"
#include "slip/paper.hpp"
#include "slip/slip.hpp"

namespace slip {

struct PrintTarget {
  enum class Kind { EscposTcp, EscposDevice, File, Cups };
  Kind kind = Kind::File;
  std::string host;  // EscposTcp
  int port = 9100;
  std::string path;  // EscposDevice, File; the queue for Cups
  Paper paper = paper_named("80mm");
};

// "escpos:tcp://HOST[:PORT]", "escpos:/dev/usb/lp0", "file:PATH" (ESC/POS bytes
// into a plain file; in the settings only in the folder named by [printer] folder), "cups:QUEUE" (a PDF page,
// A4 unless "?paper=a5"); an optional
// "?paper=58mm". Nullopt with `error` otherwise.
[[nodiscard]] std::optional<PrintTarget> parse_printer(const std::string& uri, std::string* error = nullptr);

// An IPv4 address (four numbers), an IPv6 address, or a DNS name: nothing else. The host
// goes into the kiosk unit's IPAddressAllow= (deploy/wegwijzer-apply-config), where a line
// break would add a command run as root and "::/0" would open every address (issue 23, item 7).
[[nodiscard]] bool is_printer_host(const std::string& host);

// escpos:PATH prints only to a device directly under /dev/usb/ (lp0, or udev's "receipt"): a
// plain file there would be written over, as root even /etc/hostname (issue 23, item 10).
inline constexpr std::string_view kUsbPrinters = "/dev/usb/";
[[nodiscard]] bool is_usb_printer_path(const std::string& path);

struct PrintOutcome {
  Fault fault = Fault::None;
  std::string detail;        // for the volunteer and the log; never anything of the visitor
  bool paper_low = false;    // the printer's sensor says the roll is nearly used up
  bool status_only = false;  // a look at the printer (check()), nothing was printed
  [[nodiscard]] bool ok() const { return fault == Fault::None; }
};

// Sends ESC/POS bytes, asking the status first where the link answers.
[[nodiscard]] PrintOutcome send_escpos(const PrintTarget& target, const std::string& bytes,
                                       std::chrono::milliseconds timeout = std::chrono::milliseconds(1500));
// Only the status of a receipt printer: can it print now, and is its paper nearly out.
[[nodiscard]] PrintOutcome escpos_status(const PrintTarget& target,
                                         std::chrono::milliseconds timeout = std::chrono::milliseconds(1500));

// Sends a PDF to a CUPS queue (streamed: no temporary file), job title "Wegwijzer".
// The same timeout as a receipt printer's holds for each step the server must answer.
[[nodiscard]] PrintOutcome send_cups(const std::string& queue, const std::string& pdf,
                                     std::chrono::milliseconds timeout = std::chrono::milliseconds(1500));

// One print at a time on a worker thread, so the screen never waits for paper.
// `done` is called on the worker when a job has ended (the kiosk wakes its loop).
class PrintQueue {
 public:
  PrintQueue(PrintTarget target, std::function<void()> done = {});
  ~PrintQueue();
  PrintQueue(const PrintQueue&) = delete;
  PrintQueue& operator=(const PrintQueue&) = delete;

  // False when a job is still running.
  bool submit(Slip slip);
  // Asks the printer's state without printing (when the volunteer screen opens). False while busy.
  bool check();
  [[nodiscard]] bool busy() const;
  // The outcome of the last job, once; nullopt while none is new.
  std::optional<PrintOutcome> take_outcome();
  [[nodiscard]] const PrintTarget& target() const { return target_; }
  // Blocks until the current job has ended (tests, the command line).
  void wait();

 private:
  void work();
  PrintTarget target_;
  std::function<void()> done_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Slip> job_;  // an empty slip (no blocks) from check(): the status only
  bool running_ = false;
  bool quit_ = false;
  std::optional<PrintOutcome> outcome_;
  std::thread worker_;
};

}  // namespace slip
