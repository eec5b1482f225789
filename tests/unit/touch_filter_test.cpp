#include "input/touch_filter.hpp"

#include <catch2/catch.hpp>

#include "input/key_repeat.hpp"

using input::PointerEvent;
using Kind = input::PointerEvent::Kind;

namespace {
input::TouchFilter filter() {
  return input::TouchFilter({22.0f, 1500});
}
}  // namespace

TEST_CASE("a short press acts on release, not on press", "[input]") {
  auto f = filter();
  CHECK_FALSE(f.feed({Kind::Down, 0, {100, 100}, 0}));
  const auto tap = f.feed({Kind::Up, 0, {103, 101}, 120});
  REQUIRE(tap);
  CHECK(tap->down.x == 100);
  CHECK(tap->up.x == 103);
}

TEST_CASE("a press that slides away is not a tap", "[input]") {
  auto f = filter();
  (void)f.feed({Kind::Down, 0, {100, 100}, 0});
  (void)f.feed({Kind::Move, 0, {160, 100}, 50});
  (void)f.feed({Kind::Move, 0, {101, 100}, 90});  // coming back does not revive it
  CHECK_FALSE(f.feed({Kind::Up, 0, {101, 100}, 120}));
}

TEST_CASE("a swipe is not a tap", "[input]") {
  auto f = filter();
  (void)f.feed({Kind::Down, 0, {100, 500}, 0});
  for (int i = 1; i <= 10; ++i) (void)f.feed({Kind::Move, 0, {100.0f + 60.0f * i, 500}, i * 30});
  CHECK_FALSE(f.feed({Kind::Up, 0, {700, 500}, 300}));
}

TEST_CASE("a long press does nothing", "[input]") {
  auto f = filter();
  (void)f.feed({Kind::Down, 0, {100, 100}, 0});
  CHECK(f.pressed_at(1000));
  CHECK_FALSE(f.pressed_at(1600));  // feedback goes away when the press turns long
  CHECK_FALSE(f.feed({Kind::Up, 0, {100, 100}, 1600}));
}

TEST_CASE("a two-finger touch does nothing, whichever finger lifts first", "[input]") {
  auto f = filter();
  (void)f.feed({Kind::Down, 1, {100, 100}, 0});
  (void)f.feed({Kind::Down, 2, {160, 100}, 20});
  CHECK_FALSE(f.feed({Kind::Up, 1, {100, 100}, 100}));
  CHECK_FALSE(f.feed({Kind::Up, 2, {160, 100}, 110}));
  // and the next ordinary tap works again
  (void)f.feed({Kind::Down, 1, {100, 100}, 500});
  CHECK(f.feed({Kind::Up, 1, {100, 100}, 600}));
}

TEST_CASE("a hand resting with a second finger cancels the first finger's tap", "[input]") {
  auto f = filter();
  (void)f.feed({Kind::Down, 1, {100, 100}, 0});
  (void)f.feed({Kind::Down, 2, {900, 700}, 30});
  (void)f.feed({Kind::Up, 2, {900, 700}, 60});
  CHECK_FALSE(f.feed({Kind::Up, 1, {100, 100}, 100}));
}

TEST_CASE("the same target tapped twice within 500 ms acts once", "[input]") {
  input::TapDebounce debounce;
  CHECK(debounce.accept("answer.yes", 1000));
  CHECK_FALSE(debounce.accept("answer.yes", 1300));
  CHECK(debounce.accept("answer.yes", 1600));
  CHECK(debounce.accept("nav.back", 1700));  // another target acts at once
  CHECK(debounce.accept("answer.yes", 1750));
}

TEST_CASE("a held key repeats after half a second, then eight times a second", "[input][textfield]") {
  input::KeyRepeat repeat(1'000);
  CHECK(repeat.due(1'100) == 0);
  CHECK(repeat.due(1'499) == 0);
  CHECK(repeat.next() == 1'500);
  CHECK(repeat.due(1'500) == 1);
  CHECK(repeat.due(1'500) == 0);  // handed out once
  CHECK(repeat.next() == 1'625);
  CHECK(repeat.due(2'000) == 4);  // 1625, 1750, 1875, 2000 (a late tick catches up)
  CHECK(repeat.due(2'500) == 4);  // 2125 .. 2500: 8 a second
  CHECK(repeat.fired() == 9);
  CHECK(repeat.due(900) == 0);  // a clock that went back adds nothing
}
