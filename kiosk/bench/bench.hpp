#pragma once
// `wegwijzer bench`: the figures the issues name, as JSON (README "Bench").

#include <string>

namespace bench {

// `only`: one figure alone ("long-text", "frames"); empty: all of them.
int run(const char* argv0, bool quick, const std::string& only = {});

}  // namespace bench
