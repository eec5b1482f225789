#pragma once
// Proof under stress, on the headless runner's virtual clock (README "Stress"):
//   monkey  random touches, slides, holds, swipes, two-finger touches, keys and idle
//           gaps, across languages and text sizes, visitor and editor screens;
//   soak    simulated hours of scripted visitors (pages, speech, the check, printing).
// Both report figures as JSON and say what failed; the process surviving is part of the proof.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "content/content_pack.hpp"

namespace bench {

struct MonkeyOptions {
  std::int64_t events = 100'000;
  std::uint64_t seed = 1;
  std::string data_dir;  // a private folder for the store, PINs, counts; made and emptied
};

struct StressReport {
  nlohmann::json figures;
  std::vector<std::string> failures;  // empty: passed
};

// Never stuck: after every idle gap longer than the idle timeout and its warning, the
// kiosk must be on Home with a fresh session. Memory: the resident size after all
// events may be at most 5 MiB above the size after the first 1,000.
[[nodiscard]] StressReport run_monkey(const content::ContentPack& content, const MonkeyOptions& options);

struct SoakOptions {
  double hours = 12;
  std::uint64_t seed = 1;
  std::string data_dir;  // as for the monkey; the slips are printed to a file printer there
};

// Flat from hour 1 on (a first round through every topic fills the caches): resident memory (within 2 MiB:
// SQLite and the allocator settle slowly; see docs/RELIABILITY.md), open file descriptors (equal), the
// content store (byte for byte), the counts file (under 512 KiB: a few rows, with a short log).
[[nodiscard]] StressReport run_soak(const content::ContentPack& content, const SoakOptions& options);

// The resident set and open descriptors of this process (Linux /proc).
[[nodiscard]] std::int64_t resident_kib();
// Bytes the program has allocated and not freed (malloc's own count), in KiB: with
// resident_kib it tells a leak (both climb) from a fragmented heap (only the pages do).
[[nodiscard]] std::int64_t heap_in_use_kib();
[[nodiscard]] int open_descriptors();

}  // namespace bench
