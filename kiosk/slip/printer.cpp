#include "slip/printer.hpp"

#include <arpa/inet.h>
#include <cups/cups.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <utility>

#include "content/small_file.hpp"
#include "net/tcp.hpp"
#include "slip/pdf.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"

namespace slip {

bool is_printer_host(const std::string& host) {
  if (host.empty() || host.size() > 253) return false;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto hex = [&](char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  if (host.find(':') != std::string::npos) {
    // IPv6: hex digits, colons and an IPv4 tail only; inet_pton then checks the shape.
    // No "/64" (a network), no "%eth0" (a zone), and not "::" (no address at all).
    if (!std::all_of(host.begin(), host.end(), [&](char c) { return hex(c) || c == ':' || c == '.'; }))
      return false;
    in6_addr address{};
    return inet_pton(AF_INET6, host.c_str(), &address) == 1 && !IN6_IS_ADDR_UNSPECIFIED(&address);
  }
  if (std::all_of(host.begin(), host.end(), [&](char c) { return digit(c) || c == '.'; })) {
    in_addr address{};  // inet_pton takes only the four-number form, each 0-255
    return inet_pton(AF_INET, host.c_str(), &address) == 1 && address.s_addr != 0;
  }
  // A DNS name: labels of letters, digits and '-' (not first or last), 1-63 long, and a
  // last label that is not a number (else it was meant as an address).
  std::size_t start = 0;
  while (start <= host.size()) {
    const std::size_t end = std::min(host.find('.', start), host.size());
    const std::string_view label(host.data() + start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
      if (!(digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
    if (end == host.size()) return !std::all_of(label.begin(), label.end(), digit);
    start = end + 1;
  }
  return false;
}

namespace {

bool has_dot_dot(const std::string& path) {
  const std::filesystem::path p(path);
  return std::any_of(p.begin(), p.end(), [](const std::filesystem::path& part) { return part == ".."; });
}

}  // namespace

bool is_usb_printer_path(const std::string& path) {
  return path.rfind(kUsbPrinters, 0) == 0 && path.size() > kUsbPrinters.size() && !has_dot_dot(path) &&
         path.find('/', kUsbPrinters.size()) == std::string::npos;
}

std::optional<PrintTarget> parse_printer(const std::string& uri, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<PrintTarget> {
    if (error) *error = why;
    return std::nullopt;
  };
  PrintTarget target;
  std::string rest = uri;
  if (const auto q = rest.find("?paper="); q != std::string::npos) {
    target.paper = paper_named(rest.substr(q + 7));
    if (target.paper.name.empty())
      return fail("unknown paper '" + rest.substr(q + 7) + "' (80mm, 58mm, a4, a5)");
    rest = rest.substr(0, q);
  }
  if (rest.rfind("escpos:tcp://", 0) == 0) {
    target.kind = PrintTarget::Kind::EscposTcp;
    target.host = rest.substr(13);
    if (const auto colon = target.host.rfind(':'); colon != std::string::npos) {
      target.port = net::parse_port(target.host.substr(colon + 1)).value_or(0);
      target.host = target.host.substr(0, colon);
    }
    if (target.host.size() > 2 && target.host.front() == '[' && target.host.back() == ']')
      target.host = target.host.substr(1, target.host.size() - 2);  // [IPv6]:PORT
    if (target.host.empty() || target.port <= 0 || target.port > 65535)
      return fail("'" + uri + "' needs HOST:PORT, a port of 1 to 65535 in digits only");
    if (!is_printer_host(target.host))
      return fail(
          "the printer's host is not an IP address or a host name (no spaces, line breaks, "
          "'/', '*' or other signs)");
  } else if (rest.rfind("escpos:/", 0) == 0) {
    target.kind = PrintTarget::Kind::EscposDevice;
    target.path = rest.substr(7);
    if (!is_usb_printer_path(target.path))
      return fail("a USB receipt printer is a device under /dev/usb/, e.g. escpos:/dev/usb/lp0");
  } else if (rest.rfind("cups:", 0) == 0 && rest.size() > 5) {
    target.kind = PrintTarget::Kind::Cups;
    target.path = rest.substr(5);
    if (uri.find("?paper=") == std::string::npos) target.paper = paper_named("a4");
    if (target.paper.name != "a4" && target.paper.name != "a5")
      return fail("a CUPS queue prints on a4 or a5");
  } else if (rest.rfind("file:", 0) == 0 && rest.size() > 5) {
    target.kind = PrintTarget::Kind::File;
    target.path = rest.substr(5);
    if (std::filesystem::path(target.path).filename().empty() || has_dot_dot(target.path))
      return fail(
          "file: wants the path of a file, without '..', e.g. file:/var/lib/wegwijzer/slips/slip.escpos");
  } else {
    return fail("'" + uri + "' is not escpos:tcp://HOST:9100, escpos:/dev/usb/lp0, cups:QUEUE or file:PATH");
  }
  return target;
}

namespace {

using net::Clock;
using net::remaining_ms;
using net::write_all;

// Asks DLE EOT 1, 2 and 4. `required`: a link that must answer (TCP); a device
// that does not answer at all is taken as one-way and printed to.
PrintOutcome ask_status(int fd, std::chrono::milliseconds timeout, bool required) {
  bool low = false;
  for (unsigned char n : kStatusQueries) {
    const std::string query = {'\x10', '\x04', static_cast<char>(n)};
    const auto deadline = Clock::now() + timeout;
    if (!write_all(fd, query, deadline)) return {Fault::NoAnswer, "the status query could not be sent"};
    pollfd p{fd, POLLIN, 0};
    unsigned char reply = 0;
    if (poll(&p, 1, remaining_ms(deadline)) <= 0 || ::read(fd, &reply, 1) != 1) {
      if (required)
        return {Fault::NoAnswer,
                "no answer to the status query within " + std::to_string(timeout.count()) + " ms"};
      return {};
    }
    if (const Fault fault = parse_status(n, reply); fault != Fault::None)
      return {fault, std::string("the printer reports: ") + fault_name(fault)};
    if (n == 4 && paper_near_end(reply)) low = true;
  }
  PrintOutcome out;
  out.paper_low = low;
  return out;
}

// The device itself, found under /dev/usb/ (udev's link /dev/usb/receipt is followed, but
// only to a character device there): never a plain file, which O_RDWR would write over.
int open_usb_printer(const std::string& path, std::string& detail) {
  std::error_code ec;
  const auto real = std::filesystem::canonical(path, ec);
  if (ec) {
    detail = path + ": " + ec.message();
    return -1;
  }
  if (!is_usb_printer_path(real.string())) {
    detail = path + " leads to " + real.string() + ", not to a device under /dev/usb/";
    return -1;
  }
  const int fd = open(real.c_str(), O_RDWR | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    detail = path + ": " + std::strerror(errno);
    return -1;
  }
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISCHR(info.st_mode)) {
    close(fd);
    detail = path + " is not a character device; nothing was written";
    return -1;
  }
  return fd;
}

}  // namespace

PrintOutcome escpos_status(const PrintTarget& target, std::chrono::milliseconds timeout) {
  if (target.kind == PrintTarget::Kind::File || target.kind == PrintTarget::Kind::Cups) return {};
  return send_escpos(target, {}, timeout);  // no bytes: the status before a job is all it asks
}

PrintOutcome send_escpos(const PrintTarget& target, const std::string& bytes,
                         std::chrono::milliseconds timeout) {
  net::ignore_sigpipe();  // a printer that hung up must not end the kiosk
  const auto connect_deadline = Clock::now() + timeout;
  int fd = -1;
  std::string detail;
  switch (target.kind) {
    case PrintTarget::Kind::File: {
      // As every small file: a plain file only, never through a link, FIFO or device.
      const auto written = content::write_file_atomically(target.path, bytes);
      return written ? PrintOutcome{} : PrintOutcome{Fault::NotFound, "cannot write " + written.error};
    }
    case PrintTarget::Kind::EscposDevice:
      fd = open_usb_printer(target.path, detail);
      if (fd < 0) return {Fault::NotFound, detail};
      break;
    case PrintTarget::Kind::EscposTcp:
      fd = net::connect_tcp(target.host, target.port, connect_deadline, detail);
      if (fd < 0) return {Fault::NotFound, detail};
      break;
    case PrintTarget::Kind::Cups: return {Fault::Failed, "a CUPS queue takes a PDF, not ESC/POS"};
  }
  PrintOutcome outcome = ask_status(fd, timeout, target.kind == PrintTarget::Kind::EscposTcp);
  if (bytes.empty()) {  // a status check
    close(fd);
    return outcome;
  }
  // A job of a few hundred kB takes a receipt printer some seconds to take in.
  if (outcome.ok() && !write_all(fd, bytes, Clock::now() + timeout * 20))
    outcome = {Fault::Failed, "the printer stopped taking the job"};
  // Written is not printed: the bytes may sit in the network buffers of a printer that was
  // switched off halfway. Its status after the job says whether it is still there and has paper.
  if (outcome.ok()) {
    outcome = ask_status(fd, timeout, target.kind == PrintTarget::Kind::EscposTcp);
    if (outcome.fault == Fault::NoAnswer) outcome = {Fault::Failed, "the printer went away during the job"};
  }
  close(fd);
  return outcome;
}

namespace {

// One connection to the CUPS server for the whole job, with the receipt printer's timeout: a
// server that takes the connection and never answers is a fault in seconds, not after libcups'
// own wait of two minutes (issue 23, item 9).
struct CupsConnection {
  explicit CupsConnection(std::chrono::milliseconds timeout) : server(cupsServer()) {
    http = httpConnect2(server.c_str(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                        static_cast<int>(timeout.count()), nullptr);
    if (!http) {
      problem = "cannot reach the CUPS server at " + server + ": " + std::strerror(errno);
      return;
    }
    httpSetTimeout(http, static_cast<double>(timeout.count()) / 1000.0, &CupsConnection::give_up, this);
    seconds = static_cast<double>(timeout.count()) / 1000.0;
  }
  ~CupsConnection() { httpClose(http); }
  CupsConnection(const CupsConnection&) = delete;
  CupsConnection& operator=(const CupsConnection&) = delete;

  // What went wrong with the last request, as the log should say it.
  [[nodiscard]] std::string last_error() const {
    if (timed_out) {
      char shown[64];
      std::snprintf(shown, sizeof shown, "%.1f", seconds);
      return "the CUPS server at " + server + " did not answer within " + shown + " s";
    }
    return cupsLastErrorString();
  }

  static int give_up(http_t*, void* self) {
    static_cast<CupsConnection*>(self)->timed_out = true;
    return 0;  // no more waiting
  }

  std::string server;
  http_t* http = nullptr;
  std::string problem;
  double seconds = 0;
  bool timed_out = false;
};

}  // namespace

PrintOutcome send_cups(const std::string& queue, const std::string& pdf, std::chrono::milliseconds timeout) {
  CupsConnection cups(timeout);
  if (!cups.http) return {Fault::NotFound, cups.problem};
  // The queue's state, asked on this connection (cupsGetNamedDest would, after a failure, ask
  // again on a connection of its own with libcups' timeout of a minute).
  ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
                   "/printers/%s", queue.c_str());
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr, "printer-state");
  ipp_t* response = cupsDoRequest(cups.http, request, "/");
  PrintOutcome outcome;
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND && !cups.timed_out) {
    outcome = {Fault::NotFound, "no CUPS queue '" + queue + "'"};
  } else if (!response || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
    outcome = {Fault::NotFound, "no CUPS queue '" + queue + "': " + cups.last_error()};
  } else if (ipp_attribute_t* state = ippFindAttribute(response, "printer-state", IPP_TAG_ENUM);
             state && ippGetInteger(state, 0) == IPP_PSTATE_STOPPED) {
    outcome = {Fault::Offline, "the CUPS queue '" + queue + "' is stopped"};
  }
  ippDelete(response);
  if (!outcome.ok()) return outcome;
  const int job = cupsCreateJob(cups.http, queue.c_str(), "Wegwijzer", 0, nullptr);
  if (job == 0) return {Fault::Failed, "CUPS: " + cups.last_error()};
  if (cupsStartDocument(cups.http, queue.c_str(), job, "slip", CUPS_FORMAT_PDF, 1) != HTTP_STATUS_CONTINUE ||
      cupsWriteRequestData(cups.http, pdf.data(), pdf.size()) != HTTP_STATUS_CONTINUE ||
      cupsFinishDocument(cups.http, queue.c_str()) != IPP_STATUS_OK)
    return {Fault::Failed, "CUPS: " + cups.last_error()};
  return {};
}

PrintQueue::PrintQueue(PrintTarget target, std::function<void()> done)
    : target_(std::move(target)), done_(std::move(done)), worker_([this] { work(); }) {}

PrintQueue::~PrintQueue() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

bool PrintQueue::submit(Slip slip) {
  {
    std::lock_guard lock(mutex_);
    if (running_ || job_) return false;
    job_ = std::move(slip);
  }
  wake_.notify_all();
  return true;
}

bool PrintQueue::check() {
  return submit(Slip{});
}

bool PrintQueue::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || job_.has_value();
}

std::optional<PrintOutcome> PrintQueue::take_outcome() {
  std::lock_guard lock(mutex_);
  return std::exchange(outcome_, std::nullopt);
}

void PrintQueue::wait() {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [&] { return !running_ && !job_; });
}

void PrintQueue::work() {
  // The worker has its own text engine: the screen's is not shared across threads.
  std::unique_ptr<text::FontSet> fonts;
  std::unique_ptr<text::Hyphenator> hyphenator;
  std::unique_ptr<text::TextEngine> engine;
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return quit_ || job_.has_value(); });
    if (quit_) return;
    Slip slip = std::move(*job_);
    job_.reset();
    running_ = true;
    lock.unlock();
    PrintOutcome outcome;
    try {
      if (!engine) {
        fonts = std::make_unique<text::FontSet>(text::default_font_config());
        hyphenator = std::make_unique<text::Hyphenator>();
        engine = std::make_unique<text::TextEngine>(*fonts, *hyphenator);
      }
      if (slip.blocks.empty()) {
        outcome = escpos_status(target_);
        outcome.status_only = true;
      } else if (target_.kind == PrintTarget::Kind::Cups) {
        std::string error;
        const std::string pdf = render_pdf(slip, *engine, target_.paper.name, &error);
        outcome = pdf.empty() ? PrintOutcome{Fault::Failed, error} : send_cups(target_.path, pdf);
      } else {
        outcome = send_escpos(target_, encode_escpos(render(slip, *engine, target_.paper)));
      }
    } catch (const std::exception& e) {
      outcome = {Fault::Failed, e.what()};
    }
    lock.lock();
    running_ = false;
    outcome_ = outcome;
    wake_.notify_all();
    if (done_) done_();
  }
}

}  // namespace slip
