#pragma once
// What the app asked of the world since the last look, one kind at a time (app/effect.hpp).
// Taking them drops the effects of other kinds: a test looks at one kind.
#include <variant>
#include <vector>

#include "app/kiosk_app.hpp"

namespace test_support {

template <class Kind>
std::vector<Kind> take(app::KioskApp& kiosk) {
  std::vector<Kind> found;
  for (auto& effect : kiosk.take_effects())
    if (auto* one = std::get_if<Kind>(&effect)) found.push_back(std::move(*one));
  return found;
}

// The tallies of the sessions that ended, for the day counts.
inline std::vector<app::Tally> ended_sessions(app::KioskApp& kiosk) {
  std::vector<app::Tally> tallies;
  for (auto& count : take<app::effect::Count>(kiosk)) tallies.push_back(std::move(count.tally));
  return tallies;
}

}  // namespace test_support
