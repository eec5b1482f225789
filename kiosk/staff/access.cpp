#include "staff/access.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "content/small_file.hpp"

namespace staff {

namespace {

std::size_t index(Role role) {
  return role == Role::Volunteer ? 0 : 1;
}

void need_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("staff: libsodium cannot start");
}

// The code in a setup code file's text: exactly the digits, a line end allowed.
std::optional<std::string> code_in(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  if (text.size() != kSetupCodeDigits ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return text;
}

std::optional<std::string> read_setup_code(const std::string& file) {
  if (file.empty()) return std::nullopt;
  auto text = content::read_file(file);
  return text ? code_in(std::move(text.bytes)) : std::nullopt;
}

}  // namespace

const char* role_name(Role role) {
  return role == Role::Volunteer ? "volunteer" : "editor";
}

std::optional<Role> role_from(const std::string& name) {
  if (name == "volunteer") return Role::Volunteer;
  if (name == "editor") return Role::Editor;
  return std::nullopt;
}

Millis wait_after(int failures) {
  if (failures <= 0) return 0;
  Millis wait = 1000;
  for (int i = 1; i < failures && wait < kMaxWaitMs; ++i) wait *= 2;
  return std::min(wait, kMaxWaitMs);
}

std::string pin_problem(const std::string& pin) {
  if (pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits)
    return "a PIN has " + std::to_string(kMinPinDigits) + " to " + std::to_string(kMaxPinDigits) + " digits";
  if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "a PIN has digits only";
  bool same = true, up = true, down = true;
  for (std::size_t i = 1; i < pin.size(); ++i) {
    same = same && pin[i] == pin[0];
    up = up && pin[i] == pin[i - 1] + 1;
    down = down && pin[i] == pin[i - 1] - 1;
  }
  if (same || up || down) return "a PIN must not be one digit repeated or a plain run like 12345";
  return {};
}

std::string setup_code_path(const std::string& data_dir) {
  return data_dir + "/staff-setup-code";
}

SetupCode make_setup_code(const std::string& file) {
  need_sodium();
  const auto there = content::read_file(file);
  if (there) {
    if (auto code = code_in(there.bytes)) return {*code, {}};
    return {{},
            file + " holds no setup code of " + std::to_string(kSetupCodeDigits) +
                " digits; remove it first to make a new one"};
  }
  if (there.problem != content::FileProblem::Missing) return {{}, there.error};
  std::string code;
  for (std::size_t i = 0; i < kSetupCodeDigits; ++i) code += static_cast<char>('0' + randombytes_uniform(10));
  if (auto made = content::create_file(file, code + "\n", 0600); !made) return {{}, made.error};
  return {code, {}};
}

Millis system_wall_clock() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Access::Access(std::string pin_file, std::string setup_code_file)
    : file_(std::move(pin_file)), setup_code_file_(std::move(setup_code_file)) {
  need_sodium();
  const std::filesystem::path pins(file_);
  const std::string dir = pins.has_parent_path() ? pins.parent_path().string() : ".";
  if (setup_code_file_.empty()) setup_code_file_ = setup_code_path(dir);
  wait_file_ = dir + "/" + kPinWaitFile;
  // "failures = N" and "last_failure_ms = T"; anything else, or a link, counts as no failures.
  std::istringstream wait(content::read_file(wait_file_).bytes);
  for (std::string line; std::getline(wait, line);) {
    const auto eq = line.find(" = ");
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 3);
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size() || number < 0) continue;
    if (key == "failures") failures_ = static_cast<int>(std::min<std::int64_t>(number, 64));
    if (key == "last_failure_ms") last_failure_wall_ = number;
  }
  restored_ = failures_ > 0;
  // Only a plain file is read: a link in its place counts as no PINs (and then only the
  // installer's setup code lets anyone choose them).
  std::istringstream in(content::read_file(file_).bytes);
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find(" = ");
    if (eq == std::string::npos) continue;
    const auto role = role_from(line.substr(0, eq));
    std::string hash = line.substr(eq + 3);
    if (hash.size() >= 2 && hash.front() == '"' && hash.back() == '"') hash = hash.substr(1, hash.size() - 2);
    if (role && hash.rfind("$argon2id$", 0) == 0) hash_[index(*role)] = hash;
  }
}

bool Access::needs_setup() const {
  return hash_[0].empty() || hash_[1].empty();
}

bool Access::can_set_up() const {
  return needs_setup() && read_setup_code(setup_code_file_).has_value();
}

bool Access::has_pin(Role role) const {
  return !hash_[index(role)].empty();
}

PinRefusal Access::check_pin(Role role, const std::string& pin) const {
  if (auto problem = pin_problem(pin); !problem.empty()) return {PinProblem::Weak, problem};
  const std::string& other = hash_[index(role == Role::Volunteer ? Role::Editor : Role::Volunteer)];
  if (!other.empty() && crypto_pwhash_str_verify(other.c_str(), pin.c_str(), pin.size()) == 0)
    return {PinProblem::SameAsOther, "volunteers and editors need different PINs"};
  return {};
}

PinRefusal Access::set_pin(Role role, const std::string& pin) {
  if (auto refusal = check_pin(role, pin); !refusal.empty()) return refusal;
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {PinProblem::NotSaved, "not enough memory to hash the PIN"};
  const std::string old = hash_[index(role)];
  hash_[index(role)] = hash;
  if (auto error = save(); !error.empty()) {
    hash_[index(role)] = old;
    return {PinProblem::NotSaved, error};
  }
  return {};
}

std::string Access::save() const {
  std::ostringstream text;
  text << "# Staff PINs as Argon2id hashes. Reset one with: wegwijzer set-pin volunteer|editor\n";
  for (Role role : {Role::Volunteer, Role::Editor})
    if (has_pin(role)) text << role_name(role) << " = \"" << hash_[index(role)] << "\"\n";
  const auto written = content::write_file_atomically(file_, text.str(), 0600);
  return written ? "" : "cannot write " + file_ + ": " + written.error;
}

Access::Attempt Access::try_pin(const std::string& pin, Millis now) {
  if (const Millis left = wait_left(now); left > 0) return {std::nullopt, left};
  for (Role role : {Role::Volunteer, Role::Editor}) {
    const std::string& hash = hash_[index(role)];
    if (!hash.empty() && crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
      right_again();
      return {role, 0};
    }
  }
  return {std::nullopt, count_wrong(now)};
}

Access::CodeAttempt Access::try_setup_code(const std::string& code, Millis now) {
  if (const Millis left = wait_left(now); left > 0) return {false, left};
  auto expected = read_setup_code(setup_code_file_);
  const bool right = expected && code.size() == expected->size() &&
                     sodium_memcmp(code.data(), expected->data(), code.size()) == 0;
  if (expected) sodium_memzero(expected->data(), expected->size());
  if (!right) return {false, count_wrong(now)};
  right_again();
  return {true, 0};
}

Millis Access::count_wrong(Millis now) {
  ++failures_;
  ++wrong_total_;
  restored_ = false;
  locked_until_ = now + wait_after(failures_);
  last_failure_wall_ = wall_clock_();
  save_wait();
  return locked_until_ - now;
}

void Access::right_again() {
  const bool had_failures = failures_ > 0;
  failures_ = 0;
  restored_ = false;
  if (had_failures) save_wait();
}

Millis Access::restored_wait_left() const {
  if (!restored_) return 0;
  // A clock set back since the failure makes no time pass: the whole wait is left, never less.
  const Millis passed = std::max<Millis>(0, wall_clock_() - last_failure_wall_);
  return std::max<Millis>(0, wait_after(failures_) - passed);
}

void Access::save_wait() const {
  // Best effort: on a read-only or full disk the wait still holds for this run.
  (void)content::write_file_atomically(wait_file_,
                                       "# Wrong PINs in a row, and the wall time of the last one (ms since "
                                       "1970), so a restart gives no new guesses.\nfailures = " +
                                           std::to_string(failures_) +
                                           "\nlast_failure_ms = " + std::to_string(last_failure_wall_) + "\n",
                                       0600);
}

Millis Access::wait_left(Millis now) const {
  return std::max<Millis>({0, locked_until_ - now, restored_wait_left()});
}

std::string pin_path(const std::string& data_dir) {
  return data_dir + "/staff-pins.toml";
}

}  // namespace staff
