#include "content/write_ahead_log.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

namespace content {
namespace {

constexpr std::size_t kHeaderBytes = 32, kFrameHeaderBytes = 24;

std::uint32_t big_endian(const unsigned char* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

std::uint32_t little_endian(const unsigned char* p) {
  return std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[1]} << 8 | p[0];
}

// SQLite's WAL checksum: over pairs of 32-bit words, in the byte order the magic names,
// carried on from the previous sum.
struct Checksum {
  std::uint32_t s0 = 0, s1 = 0;
  void add(const unsigned char* data, std::size_t size, bool big) {
    for (std::size_t i = 0; i + 8 <= size; i += 8) {
      s0 += (big ? big_endian(data + i) : little_endian(data + i)) + s1;
      s1 += (big ? big_endian(data + i + 4) : little_endian(data + i + 4)) + s0;
    }
  }
  [[nodiscard]] bool matches(const unsigned char* stored) const {
    return big_endian(stored) == s0 && big_endian(stored + 4) == s1;
  }
};

}  // namespace

std::optional<WalDamage> check_write_ahead_log(const std::string& wal_path) {
  std::ifstream in(wal_path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::vector<unsigned char> wal((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
  if (wal.size() < kHeaderBytes) return std::nullopt;
  const unsigned char* header = wal.data();
  const std::uint32_t magic = big_endian(header);
  if ((magic & 0xFFFFFFFEu) != 0x377F0682u) return std::nullopt;  // not a log SQLite would read either
  const bool big = (magic & 1) != 0;
  const std::uint32_t page_size = big_endian(header + 8);
  const bool valid_size = page_size >= 512 && page_size <= 65536 && (page_size & (page_size - 1)) == 0;
  const std::size_t frame_bytes = kFrameHeaderBytes + page_size;
  const std::size_t frames = (wal.size() - kHeaderBytes) / frame_bytes;
  auto frame_at = [&](std::size_t i) { return wal.data() + kHeaderBytes + i * frame_bytes; };
  auto current = [&](const unsigned char* frame) {
    return std::equal(frame + 8, frame + 16, header + 16);  // the same salts as the header
  };
  auto commits_from = [&](std::size_t first) {
    long commits = 0, count = 0;
    for (std::size_t i = first; i < frames && current(frame_at(i)); ++i, ++count)
      if (big_endian(frame_at(i) + 4) != 0) ++commits;
    return std::pair(count, commits);
  };

  Checksum sum;
  sum.add(header, 24, big);
  if (!valid_size) {  // the frames cannot even be found: SQLite ignores all of them
    if (wal.size() == kHeaderBytes) return std::nullopt;
    return WalDamage{1, 0, 0, true};
  }
  if (!sum.matches(header + 24)) {
    const auto [count, commits] = commits_from(0);
    if (commits == 0) return std::nullopt;
    return WalDamage{1, count, commits, true};
  }
  for (std::size_t i = 0; i < frames; ++i) {
    const unsigned char* frame = frame_at(i);
    if (!current(frame)) break;  // an earlier generation: SQLite never reads past here, rightly
    Checksum next = sum;
    next.add(frame, 8, big);
    next.add(frame + kFrameHeaderBytes, page_size, big);
    if (!next.matches(frame + 16)) {
      const auto [count, commits] = commits_from(i);
      if (commits == 0) return std::nullopt;
      return WalDamage{static_cast<long>(i) + 1, count, commits, false};
    }
    sum = next;
  }
  return std::nullopt;
}

}  // namespace content
