#pragma once
// Who may leave the visitor's screens: volunteers and editors, each with a PIN.
// PINs are kept only as Argon2id hashes (libsodium) in a small file under the
// data directory. Wrong PINs wait longer each time (1 s, 2 s, 4 s ... 5 min), so
// guessing by hand at a public kiosk is hopeless. Pure logic apart from that file
// and the one that keeps the wrong tries across a restart.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "staff/role.hpp"

namespace staff {

using Millis = std::int64_t;


inline constexpr std::size_t kMinPinDigits = 5;
inline constexpr std::size_t kMaxPinDigits = 8;
inline constexpr Millis kMaxWaitMs = 5 * 60 * 1000;

// How long to wait after `failures` wrong PINs in a row: 0, 1 s, 2 s, 4 s, ... 5 min.
[[nodiscard]] Millis wait_after(int failures);

// Why a PIN cannot be used ("" when it can): digits only, 5 to 8 of them, not one
// digit repeated and not a plain run like 12345.
[[nodiscard]] std::string pin_problem(const std::string& pin);

// Why a new PIN was not taken, as a kind the kiosk can say in its own words, and in English
// for the log and the command line. Nobody reads the English to tell the kinds apart.
enum class PinProblem { None, Weak, SameAsOther, NotSaved };
struct PinRefusal {
  PinProblem problem = PinProblem::None;
  std::string message;
  [[nodiscard]] bool empty() const { return problem == PinProblem::None; }
};

// The installer's code for choosing the first PINs at the screen: 8 random digits in
// DATA/staff-setup-code (0600), made once by `wegwijzer setup-code`, which the package's
// install step runs and shows. Without it nobody at the screen can choose PINs: a PIN file
// that is lost or emptied (say by a booby-trapped USB stick) leaves staff waiting for the
// installer, never a visitor choosing the editor's PIN.
inline constexpr std::size_t kSetupCodeDigits = 8;
static_assert(kSetupCodeDigits <= kMaxPinDigits, "the setup code is typed on the PIN pad");
[[nodiscard]] std::string setup_code_path(const std::string& data_dir);
struct SetupCode {
  std::string code;   // "" when there is none and none could be made
  std::string error;  // why not, in English
};
// The code in `file`; made first when there is none (never over anything that is there).
[[nodiscard]] SetupCode make_setup_code(const std::string& file);

// Wrong PINs in a row and when the last one was typed, beside the PIN file, so a restart
// or a power cut does not give new guesses (issue 23, item 8).
inline constexpr const char* kPinWaitFile = "staff-pin-wait";

// Milliseconds since 1970: the clock on the wall, which survives a restart.
using WallClock = std::function<Millis()>;
[[nodiscard]] Millis system_wall_clock();

class Access {
 public:
  // Reads the hashes from `pin_file` (missing or unreadable file: no PINs yet). The setup
  // code is looked for beside it (staff-setup-code) unless `setup_code_file` names it.
  // The wrong tries of the last run are read from kPinWaitFile beside `pin_file`.
  explicit Access(std::string pin_file, std::string setup_code_file = {});
  // Tests set the wall clock; the kiosk uses system_wall_clock().
  void set_wall_clock(WallClock clock) { wall_clock_ = std::move(clock); }

  // First start: both roles need a PIN before anyone can get in.
  [[nodiscard]] bool needs_setup() const;
  // PINs are missing and the installer's setup code is there to choose them with. Asked
  // each time, so a code made while the kiosk runs counts at once.
  [[nodiscard]] bool can_set_up() const;
  [[nodiscard]] bool has_pin(Role role) const;
  // Why `pin` cannot be this role's PIN (empty when it can): pin_problem(), and the two
  // roles need different PINs.
  [[nodiscard]] PinRefusal check_pin(Role role, const std::string& pin) const;
  // Hashes and stores a PIN; returns why not (empty when it is stored).
  [[nodiscard]] PinRefusal set_pin(Role role, const std::string& pin);

  struct Attempt {
    std::optional<Role> role;  // who got in; nullopt: wrong or waiting
    Millis wait_ms = 0;        // how long before the next try is heard
  };
  // A wrong PIN, or any try while waiting, gets in nobody.
  Attempt try_pin(const std::string& pin, Millis now);
  // The setup code, with the same waiting after a wrong one as for PINs.
  struct CodeAttempt {
    bool right = false;
    Millis wait_ms = 0;
  };
  CodeAttempt try_setup_code(const std::string& code, Millis now);
  [[nodiscard]] Millis wait_left(Millis now) const;
  [[nodiscard]] int failures() const { return failures_; }
  [[nodiscard]] std::int64_t wrong_total() const { return wrong_total_; }

 private:
  [[nodiscard]] std::string save() const;
  [[nodiscard]] Millis count_wrong(Millis now);
  void right_again();
  // What is left of the wait a run before this one began; 0 after a try in this run.
  [[nodiscard]] Millis restored_wait_left() const;
  void save_wait() const;
  std::string file_;
  std::string setup_code_file_;
  std::string wait_file_;
  std::string hash_[2];
  int failures_ = 0;
  std::int64_t wrong_total_ = 0;
  // Within a run the wait is on the caller's monotonic clock (`now`), which no clock change
  // moves. Across a restart only the wall clock is left: the last failure's wall time.
  Millis locked_until_ = 0;
  Millis last_failure_wall_ = 0;
  bool restored_ = false;  // failures_ and last_failure_wall_ came from the file
  WallClock wall_clock_ = system_wall_clock;
};

// The PIN file under a data directory.
[[nodiscard]] std::string pin_path(const std::string& data_dir);

}  // namespace staff
