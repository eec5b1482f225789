// Staff access: PINs only as Argon2id hashes, two roles, waiting longer after each wrong PIN.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "staff/access.hpp"
#include "support/fixtures.hpp"

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

TEST_CASE("wrong PINs wait 1 s, 2 s, 4 s ... up to 5 minutes", "[staff]") {
  CHECK(staff::wait_after(0) == 0);
  CHECK(staff::wait_after(1) == 1000);
  CHECK(staff::wait_after(2) == 2000);
  CHECK(staff::wait_after(4) == 8000);
  CHECK(staff::wait_after(9) == 256000);
  CHECK(staff::wait_after(10) == staff::kMaxWaitMs);
  CHECK(staff::wait_after(1000) == staff::kMaxWaitMs);
}

TEST_CASE("a PIN is 5 to 8 digits, not a repeat or a plain run", "[staff]") {
  CHECK(staff::pin_problem("40719").empty());
  CHECK(staff::pin_problem("8256301").empty());
  CHECK_FALSE(staff::pin_problem("1234").empty());
  CHECK_FALSE(staff::pin_problem("123456789").empty());
  CHECK_FALSE(staff::pin_problem("12a45").empty());
  CHECK_FALSE(staff::pin_problem("55555").empty());
  CHECK_FALSE(staff::pin_problem("12345").empty());
  CHECK_FALSE(staff::pin_problem("98765").empty());
}

TEST_CASE("PINs are stored only as Argon2id hashes, per role, and survive a restart", "[staff]") {
  const std::string file = staff::pin_path(test_support::temp_dir("staff-pins"));
  {
    staff::Access access(file);
    CHECK(access.needs_setup());
    CHECK(access.set_pin(staff::Role::Volunteer, "40719").empty());
    CHECK(access.needs_setup());
    CHECK(access.set_pin(staff::Role::Editor, "40719").problem == staff::PinProblem::SameAsOther);
    CHECK(access.set_pin(staff::Role::Editor, "83560").empty());
    CHECK_FALSE(access.needs_setup());
  }
  const std::string text = read(file);
  CHECK(text.find("volunteer = \"$argon2id$") != std::string::npos);
  CHECK(text.find("editor = \"$argon2id$") != std::string::npos);
  CHECK(text.find("40719") == std::string::npos);
  CHECK(text.find("83560") == std::string::npos);

  staff::Access again(file);
  CHECK_FALSE(again.needs_setup());
  CHECK(again.try_pin("40719", 0).role == staff::Role::Volunteer);
  CHECK(again.try_pin("83560", 0).role == staff::Role::Editor);
}

TEST_CASE("while waiting after a wrong PIN even the right one gets nobody in", "[staff]") {
  const std::string file = staff::pin_path(test_support::temp_dir("staff-backoff"));
  staff::Access access(file);
  REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
  REQUIRE(access.set_pin(staff::Role::Editor, "83560").empty());
  auto wrong = access.try_pin("11111", 10'000);
  CHECK_FALSE(wrong.role);
  CHECK(wrong.wait_ms == 1000);
  CHECK_FALSE(access.try_pin("40719", 10'500).role);  // within the second: not heard
  CHECK(access.wait_left(10'500) == 500);
  wrong = access.try_pin("22222", 11'000);
  CHECK(wrong.wait_ms == 2000);
  CHECK(access.failures() == 2);
  CHECK(access.try_pin("40719", 13'000).role == staff::Role::Volunteer);
  CHECK(access.failures() == 0);  // the right PIN starts the count again
  CHECK(access.wrong_total() == 2);
}

TEST_CASE("a PIN file that cannot be written keeps the old PIN", "[staff]") {
  staff::Access access("/proc/wegwijzer-cannot-write/pins.toml");
  CHECK(access.set_pin(staff::Role::Volunteer, "40719").problem == staff::PinProblem::NotSaved);
  CHECK_FALSE(access.has_pin(staff::Role::Volunteer));
}

TEST_CASE("the installer's setup code is made once: 8 random digits, private, the same when asked again",
          "[staff][setup]") {
  const std::string dir = test_support::temp_dir("setup-code");
  const std::string file = staff::setup_code_path(dir);
  const auto made = staff::make_setup_code(file);
  REQUIRE(made.error.empty());
  CHECK(made.code.size() == staff::kSetupCodeDigits);
  CHECK(made.code.find_first_not_of("0123456789") == std::string::npos);
  CHECK(read(file) == made.code + "\n");
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::group_all) ==
        std::filesystem::perms::none);
  CHECK(staff::make_setup_code(file).code == made.code);
  CHECK(staff::make_setup_code(staff::setup_code_path(test_support::temp_dir("setup-code-2"))).code !=
        made.code);  // 1 in 10^8 to fail
  // A link in its place is neither followed nor replaced.
  const std::string linked = test_support::temp_dir("setup-code-link");
  std::filesystem::create_symlink(file, staff::setup_code_path(linked));
  CHECK(staff::make_setup_code(staff::setup_code_path(linked)).code.empty());
}

TEST_CASE("without PINs, setting up needs the setup code, and a wrong code waits as a wrong PIN does",
          "[staff][setup]") {
  const std::string dir = test_support::temp_dir("setup-access");
  staff::Access access(staff::pin_path(dir));
  CHECK(access.needs_setup());
  CHECK_FALSE(access.can_set_up());  // no code: nobody at the screen chooses PINs
  CHECK_FALSE(access.try_setup_code("", 0).right);
  const auto code = staff::make_setup_code(staff::setup_code_path(dir)).code;
  REQUIRE_FALSE(code.empty());
  CHECK(access.can_set_up());  // a code made while the kiosk runs counts at once
  const std::string wrong = code == "00000000" ? "11111111" : "00000000";
  auto attempt = access.try_setup_code(wrong, 10'000);
  CHECK_FALSE(attempt.right);
  CHECK(attempt.wait_ms == 2000);                          // the empty try above was the first wrong one
  CHECK_FALSE(access.try_setup_code(code, 11'000).right);  // while waiting, even the right code
  CHECK(access.try_setup_code(code, 12'000).right);
  CHECK(access.failures() == 0);
  // A code that is only its start, or more than it, is wrong.
  CHECK_FALSE(access.try_setup_code(code.substr(0, 7), 20'000).right);
  CHECK_FALSE(access.try_setup_code(code + "1", 30'000).right);
  // With both PINs set there is nothing to set up, code or not.
  REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
  REQUIRE(access.set_pin(staff::Role::Editor, "83560").empty());
  CHECK_FALSE(access.can_set_up());
  CHECK(access.check_pin(staff::Role::Editor, "40719").problem == staff::PinProblem::SameAsOther);
}

// Issue 23, item 8: the wait lived only in memory, so each restart gave about 10 more guesses.
TEST_CASE("wrong PINs still wait after a restart, by the wall clock, and a clock set back never shortens it",
          "[staff][restart]") {
  const std::string dir = test_support::temp_dir("staff-restart");
  const std::string file = staff::pin_path(dir);
  staff::Millis wall = 1'800'000'000'000;  // the wall clock; `now` below is each run's monotonic clock
  auto wall_clock = [&wall] { return wall; };
  {
    staff::Access access(file);
    access.set_wall_clock(wall_clock);
    REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
    REQUIRE(access.set_pin(staff::Role::Editor, "83560").empty());
    staff::Millis now = 5'000;
    for (int i = 0; i < 9; ++i) {
      const auto wrong = access.try_pin("11111", now);
      now += wrong.wait_ms;
      wall += wrong.wait_ms;
    }
    CHECK(access.failures() == 9);
    CHECK(access.wait_left(now - 256'000) == 256'000);  // the 9th wait: 256 s
    wall -= 256'000;                                    // back at the moment of the 9th wrong PIN: power cut
  }
  CHECK((std::filesystem::status(dir + "/" + staff::kPinWaitFile).permissions() &
         std::filesystem::perms::others_read) == std::filesystem::perms::none);

  wall += 60'000;  // the kiosk is back a minute later; its monotonic clock starts again at 0
  {
    staff::Access access(file);
    access.set_wall_clock(wall_clock);
    CHECK(access.failures() == 9);
    CHECK(access.wait_left(0) == 196'000);
    const auto waiting = access.try_pin("40719", 0);  // even the right PIN is not heard
    CHECK_FALSE(waiting.role);
    CHECK(waiting.wait_ms == 196'000);
  }

  wall -= 3'600'000;  // and the clock set back an hour: the whole wait, never less than what is left
  {
    staff::Access access(file);
    access.set_wall_clock(wall_clock);
    CHECK(access.wait_left(0) == 256'000);
    wall += 3'600'000 + 200'000;  // past the wait by the wall clock
    CHECK(access.wait_left(0) == 0);
    const auto wrong = access.try_pin("22222", 100);  // the 10th in a row: 5 minutes
    CHECK(wrong.wait_ms == staff::kMaxWaitMs);
    CHECK(access.failures() == 10);
  }
  {
    staff::Access access(file);
    access.set_wall_clock(wall_clock);
    CHECK(access.wait_left(0) == staff::kMaxWaitMs);
    wall += staff::kMaxWaitMs;
    CHECK(access.try_pin("40719", 0).role == staff::Role::Volunteer);  // the right PIN starts again
  }
  staff::Access after(file);
  after.set_wall_clock(wall_clock);
  CHECK(after.failures() == 0);
  CHECK(after.wait_left(0) == 0);
}

TEST_CASE("a link in place of the wait file is never followed or written through",
          "[staff][restart][links]") {
  const std::string dir = test_support::temp_dir("staff-wait-link");
  const std::string target = dir + "/elsewhere";
  std::ofstream(target) << "keep\n";
  std::filesystem::create_symlink("elsewhere", dir + "/" + staff::kPinWaitFile);
  staff::Access access(staff::pin_path(dir));
  REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
  CHECK(access.failures() == 0);
  CHECK(access.try_pin("11111", 0).wait_ms == 1000);  // the wait still holds in memory
  CHECK(read(target) == "keep\n");
  CHECK(std::filesystem::is_symlink(dir + "/" + staff::kPinWaitFile));
}
