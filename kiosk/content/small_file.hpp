#pragma once
// Small files read whole, and written so that a power cut, or a USB stick pulled
// out, leaves the old file or the new one, never half of one: a temp file beside
// it, synced, then renamed over it. Used for PINs, the kiosk's settings and key,
// packs on sticks and content written out as files.
//
// A USB stick is written by whoever made it, so nothing in a folder is trusted:
// a name there may be a link to the staff PINs, a FIFO that blocks the first
// open for ever, or a device. Every file is reached from a descriptor of its
// folder (openat) with O_NOFOLLOW; a temp file is always made new (O_EXCL); only
// plain files are read, and those without ever blocking. A folder swapped for a
// link after it was opened changes nothing: the descriptor still names the old one.
#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace content {

enum class FileProblem {
  None,
  Missing,   // nothing by that name
  NotPlain,  // a link, FIFO, device or folder where a plain file belongs: never followed or opened
  TooLarge,
  Failed,  // the disk said no (full, read-only, no permission)
};

struct FileResult {
  FileProblem problem = FileProblem::None;
  std::string error;  // what and why, in English, for the log and the command line
  [[nodiscard]] explicit operator bool() const { return problem == FileProblem::None; }
};

struct FileRead : FileResult {
  std::string bytes;
};

// Staff PINs, settings and keys are a few hundred bytes; a larger file there is not ours.
inline constexpr std::uintmax_t kSmallFileMax = 1024 * 1024;

// A folder held open by its descriptor; everything in it is reached through that.
class Folder {
 public:
  // The folder at `path`, made first (with its parents) when `create`. Links on the way
  // to it are its owner's choice (the data folder may be one) and are followed; links in
  // it never are.
  [[nodiscard]] static std::optional<Folder> open(const std::string& path, bool create,
                                                  FileResult* failure = nullptr);
  // A folder below this one ("pages" or "a/b"): each step a real folder, made when `create`.
  [[nodiscard]] std::optional<Folder> inner(const std::string& relative, bool create,
                                            FileResult* failure = nullptr) const;

  // Only a plain file is read; a link, FIFO or device is refused without being opened.
  [[nodiscard]] FileRead read(const std::string& name, std::uintmax_t max_bytes = kSmallFileMax) const;
  // Replaces NAME (or makes it): NAME.tmp made new, written, synced, renamed over NAME, the
  // folder synced. A stale NAME.tmp that is a plain file of this user's is removed first;
  // anything else there, or a NAME that is not a plain file, refuses the write.
  [[nodiscard]] FileResult write(const std::string& name, const std::string& bytes, mode_t mode = 0644) const;
  // Makes NAME new, never over anything already there (a key must never be replaced).
  [[nodiscard]] FileResult create(const std::string& name, const std::string& bytes, mode_t mode) const;
  // Anything by that name, a dangling link too.
  [[nodiscard]] bool has(const std::string& name) const;
  // Removes a plain file NAME; a link or anything else stays.
  void remove_plain(const std::string& name) const;

  [[nodiscard]] const std::string& path() const { return path_; }

  Folder(Folder&& other) noexcept;
  Folder& operator=(Folder&& other) noexcept;
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder();

 private:
  Folder(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

// The same for one file by its path: the folder part is opened as above, the name within it.
[[nodiscard]] FileRead read_file(const std::string& path, std::uintmax_t max_bytes = kSmallFileMax);
[[nodiscard]] FileResult write_file_atomically(const std::string& path, const std::string& bytes,
                                               mode_t mode = 0644);
[[nodiscard]] FileResult create_file(const std::string& path, const std::string& bytes, mode_t mode);

// Files by relative path ("pages/huis.toml") below `directory`, each written as above;
// the first problem ends it. Paths with "..", or starting with "/", are refused.
[[nodiscard]] FileResult write_files_below(const std::string& directory,
                                           const std::map<std::string, std::string>& files);

}  // namespace content
