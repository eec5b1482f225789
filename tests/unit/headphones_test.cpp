// The real window hears headphones from ALSA's jack controls and from select-headset's file
// (kiosk/platform/headphones.hpp); here the file, since a test machine has no sound card.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <thread>

#include "platform/headphones.hpp"
#include "support/fixtures.hpp"

namespace {

// Written as select-headset writes it: a new file moved over the old one.
void write_conf(const std::string& path, const std::string& text) {
  std::ofstream(path + ".tmp") << text;
  REQUIRE(std::rename((path + ".tmp").c_str(), path.c_str()) == 0);
}

std::optional<bool> change_within(platform::HeadphoneWatch& watch, int ms) {
  for (int waited = 0; waited < ms; waited += 10) {
    if (const auto change = watch.take_change()) return change;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

const char* const kHeadset =
    "# Written by /usr/lib/wegwijzer/select-headset: the kiosk speaks through Jabra.\n"
    "defaults.pcm.!card \"Headset\"\ndefaults.ctl.!card \"Headset\"\n";
const char* const kNoHeadset = "# Written by /usr/lib/wegwijzer/select-headset: no USB headset, the computer's own sound.\n";

}  // namespace

TEST_CASE("select-headset's file names a headset only with a default card", "[headphones][listening]") {
  CHECK(platform::asound_conf_names_headset(kHeadset));
  CHECK_FALSE(platform::asound_conf_names_headset(kNoHeadset));
  CHECK_FALSE(platform::asound_conf_names_headset(""));
  CHECK_FALSE(platform::asound_conf_names_headset("# defaults.pcm.!card \"x\"\n"));
}

TEST_CASE("a USB headset chosen by select-headset is heard as headphones in, and out again",
          "[headphones][listening]") {
  const std::string conf = test_support::temp_dir("headphones") + "/asound.conf";
  write_conf(conf, kNoHeadset);
  std::atomic<int> woken{0};
  platform::HeadphoneWatch watch(conf, [&] { ++woken; });
  if (watch.sources().find("jack") != std::string::npos) {
    WARN("this machine has a headphone jack of its own: its state would mix in");
    return;
  }
  REQUIRE(watch.sources() == conf);
  // The state at start is no change.
  CHECK_FALSE(change_within(watch, 100));
  write_conf(conf, kHeadset);
  CHECK(change_within(watch, 3000) == std::optional<bool>(true));
  CHECK(woken >= 1);
  write_conf(conf, kHeadset);  // the same again: nothing new
  CHECK_FALSE(change_within(watch, 200));
  write_conf(conf, kNoHeadset);
  CHECK(change_within(watch, 3000) == std::optional<bool>(false));
}
