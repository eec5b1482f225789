// The kiosk as a system service: the watchdog's timing.
#include "platform/service.hpp"

#include <catch2/catch.hpp>


using platform::service::Watchdog;
using platform::service::watchdog_interval;

TEST_CASE("the watchdog is pinged at half the limit systemd gives", "[service][watchdog]") {
  const auto env = watchdog_interval("30000000", "4242", 4242, 1);
  REQUIRE(env.interval_ms == 15000);
  CHECK(env.note.find("every 15 s") != std::string::npos);
  CHECK(env.note.find("limit 30 s") != std::string::npos);
  CHECK(watchdog_interval("2000000", nullptr, 10, 9).interval_ms == 1000);  // no WATCHDOG_PID: for us
  CHECK(watchdog_interval("1500", nullptr, 10, 9).interval_ms == 1);        // never 0: that would spin
}

TEST_CASE("under cage the watchdog meant for the compositor is served by the kiosk", "[service][watchdog]") {
  // systemd names the process it started (cage); cage started the kiosk with its environment.
  CHECK(watchdog_interval("30000000", "700", 701, 700).interval_ms == 15000);
  // Anyone else's watchdog is not ours to ping.
  const auto other = watchdog_interval("30000000", "1", 701, 700);
  CHECK_FALSE(other.interval_ms);
  CHECK(other.note.find("WATCHDOG_PID 1") != std::string::npos);
}

TEST_CASE("a missing or bad WATCHDOG_USEC means no watchdog, and the log says why", "[service][watchdog]") {
  CHECK_FALSE(watchdog_interval(nullptr, nullptr, 1, 0).interval_ms);
  CHECK_FALSE(watchdog_interval("", nullptr, 1, 0).interval_ms);
  for (const char* bad : {"0", "-5", "30s", "abc"}) {
    const auto env = watchdog_interval(bad, nullptr, 1, 0);
    CHECK_FALSE(env.interval_ms);
    CHECK(env.note.find("not a number") != std::string::npos);
  }
}

TEST_CASE("the watchdog wakes the idle loop when a ping is due, not sooner", "[service][watchdog]") {
  Watchdog none(std::nullopt);
  CHECK_FALSE(none.enabled());
  CHECK_FALSE(none.next_due(5000));  // no watchdog: the loop may sleep until the next touch
  CHECK_FALSE(none.due(5000));

  Watchdog dog(1000);
  CHECK(dog.due(0));  // never pinged: at once
  CHECK(dog.next_due(0) == 0);
  dog.pinged(100);
  CHECK_FALSE(dog.due(1099));
  CHECK(dog.next_due(500) == 1100);
  CHECK(dog.due(1100));
  CHECK(dog.next_due(5000) == 5000);  // overdue: now, never in the past
}
