#pragma once
// Checks a SQLite write-ahead log (sqlite.org/fileformat2.html#walformat) for frames that
// SQLite would silently ignore: a frame of the log's current generation (its salts match the
// header's) whose checksum chain fails ends the log for SQLite, and every commit after it is lost.
#include <optional>
#include <string>

namespace content {

struct WalDamage {
  long first_bad_frame = 0;  // 1-based: the first frame SQLite ignores
  long frames_ignored = 0;   // frames of the current generation from that one on
  long commits_lost = 0;     // commit frames among them: transactions that had been confirmed
  bool header = false;       // the header's own checksum fails: SQLite ignores the whole log
};

// Nothing wrong (or no log, or only frames of an earlier generation): nullopt. A broken frame
// after the last commit is a write a power cut cut short, not damage: nothing confirmed is lost.
[[nodiscard]] std::optional<WalDamage> check_write_ahead_log(const std::string& wal_path);

}  // namespace content
