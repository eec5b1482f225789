#pragma once
// Who may leave the visitor's screens: volunteers and editors, each with a PIN.
// PINs are kept only as Argon2id hashes (libsodium) in a small file under the
// data directory. Wrong PINs wait longer each time (1 s, 2 s, 4 s ... 5 min), so
// guessing by hand at a public kiosk is hopeless. Pure logic apart from that file.
#include <cstdint>
#include <optional>
#include <string>

namespace staff {

using Millis = std::int64_t;

enum class Role { Volunteer, Editor };
[[nodiscard]] const char* role_name(Role role);  // "volunteer" | "editor"
[[nodiscard]] std::optional<Role> role_from(const std::string& name);

inline constexpr std::size_t kMinPinDigits = 5;
inline constexpr std::size_t kMaxPinDigits = 8;
inline constexpr Millis kMaxWaitMs = 5 * 60 * 1000;

// How long to wait after `failures` wrong PINs in a row: 0, 1 s, 2 s, 4 s, ... 5 min.
[[nodiscard]] Millis wait_after(int failures);

// Why a PIN cannot be used ("" when it can): digits only, 5 to 8 of them, not one
// digit repeated and not a plain run like 12345.
[[nodiscard]] std::string pin_problem(const std::string& pin);

class Access {
 public:
  // Reads the hashes from `pin_file` (missing file: no PINs yet).
  explicit Access(std::string pin_file);

  // First start: both roles need a PIN before anyone can get in.
  [[nodiscard]] bool needs_setup() const;
  [[nodiscard]] bool has_pin(Role role) const;
  // Hashes and stores a PIN; returns why not, or "". The two roles need different PINs.
  [[nodiscard]] std::string set_pin(Role role, const std::string& pin);

  struct Attempt {
    std::optional<Role> role;  // who got in; nullopt: wrong or waiting
    Millis wait_ms = 0;        // how long before the next try is heard
  };
  // A wrong PIN, or any try while waiting, gets in nobody.
  Attempt try_pin(const std::string& pin, Millis now);
  [[nodiscard]] Millis wait_left(Millis now) const;
  [[nodiscard]] int failures() const { return failures_; }
  [[nodiscard]] std::int64_t wrong_total() const { return wrong_total_; }

 private:
  [[nodiscard]] std::string save() const;
  std::string file_;
  std::string hash_[2];
  int failures_ = 0;
  std::int64_t wrong_total_ = 0;
  Millis locked_until_ = 0;
};

// The PIN file under a data directory.
[[nodiscard]] std::string pin_path(const std::string& data_dir);

}  // namespace staff
