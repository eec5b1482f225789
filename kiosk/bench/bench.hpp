#pragma once
// `wegwijzer bench`: the figures the issues name, as JSON (README "Bench").

namespace bench {

int run(const char* argv0, bool quick);

}  // namespace bench
