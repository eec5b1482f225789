#include "content/small_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace content {

namespace {

FileResult problem(FileProblem kind, std::string error) {
  return {kind, std::move(error)};
}

std::string why(int error_number) {
  return std::strerror(error_number);
}

// One step of a path inside a folder: a plain name, never "..", "." or empty.
bool plain_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

// What a name in the folder is, without following it; nullopt when there is nothing.
std::optional<struct stat> look(int folder, const std::string& name) {
  struct stat info {};
  if (::fstatat(folder, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
  return info;
}

const char* kind_of(mode_t mode) {
  if (S_ISLNK(mode)) return "a link";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a plain file";
}

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Writes `bytes` into a new file `name` (O_EXCL: never an existing file or link) and syncs it.
FileResult write_new(int folder, const std::string& shown, const std::string& name, const std::string& bytes,
                     mode_t mode) {
  const int fd = ::openat(folder, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) {
    const int error = errno;
    if (error == EEXIST) {
      const auto there = look(folder, name);
      if (there && !S_ISREG(there->st_mode))
        return problem(FileProblem::NotPlain,
                       shown + " is " + kind_of(there->st_mode) + "; it was not touched");
    }
    return problem(FileProblem::Failed, "cannot create " + shown + ": " + why(error));
  }
  const bool written = write_all(fd, bytes);
  const bool synced = written && ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (synced) return {};
  ::unlinkat(folder, name.c_str(), 0);
  return problem(FileProblem::Failed, "cannot write " + shown + ": " + why(error));
}

// A name in a folder as a person reads it: "/tmp", not "//tmp".
std::string joined(const std::string& folder, const std::string& name) {
  return folder.ends_with('/') ? folder + name : folder + "/" + name;
}

}  // namespace

std::optional<Folder> Folder::open(const std::string& path, bool create, FileResult* failure) {
  const std::string where = path.empty() ? "." : path;
  if (create) {
    std::error_code ec;
    std::filesystem::create_directories(where, ec);
  }
  const int fd = ::open(where.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (failure)
      *failure = problem(error == ENOENT ? FileProblem::Missing : FileProblem::Failed,
                         "cannot open the folder " + where + ": " + why(error));
    return std::nullopt;
  }
  return Folder(fd, where);
}

std::optional<Folder> Folder::inner(const std::string& relative, bool create, FileResult* failure) const {
  auto fail = [&](FileProblem kind, std::string error) {
    if (failure) *failure = problem(kind, std::move(error));
    return std::nullopt;
  };
  int fd = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return fail(FileProblem::Failed, "cannot open the folder " + path_ + ": " + why(errno));
  std::string shown = path_;
  std::size_t begin = 0;
  while (begin <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', begin), relative.size());
    const std::string step = relative.substr(begin, end - begin);
    begin = end + 1;
    if (step.empty() && end == relative.size() && !relative.empty()) break;  // "a/b/"
    shown += "/" + step;
    if (!plain_name(step)) {
      ::close(fd);
      return fail(FileProblem::Failed, shown + ": not a folder name");
    }
    if (create) ::mkdirat(fd, step.c_str(), 0755);
    // O_NOFOLLOW: a link where a folder belongs ("pages" -> /var/lib/wegwijzer) is not entered.
    const int next = ::openat(fd, step.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int error = errno;
    const auto there = next < 0 ? look(fd, step) : std::nullopt;
    ::close(fd);
    if (next < 0) {
      if (there && !S_ISDIR(there->st_mode))
        return fail(FileProblem::NotPlain, shown + " is " + kind_of(there->st_mode) + "; it was not entered");
      return fail(error == ENOENT ? FileProblem::Missing : FileProblem::Failed,
                  "cannot open the folder " + shown + ": " + why(error));
    }
    fd = next;
  }
  return Folder(fd, shown);
}

FileRead Folder::read(const std::string& name, std::uintmax_t max_bytes) const {
  FileRead out;
  const std::string shown = joined(path_, name);
  auto refuse = [&](FileProblem kind, std::string error) {
    out.problem = kind;
    out.error = std::move(error);
    return out;
  };
  if (!plain_name(name)) return refuse(FileProblem::Failed, shown + ": not a file name");
  const auto before = look(fd_, name);
  if (!before) return refuse(FileProblem::Missing, shown + " does not exist");
  // A FIFO would block the open, a device may do anything when opened: refused by looking first.
  if (!S_ISREG(before->st_mode))
    return refuse(FileProblem::NotPlain, shown + " is " + kind_of(before->st_mode) + "; it was not read");
  // O_NONBLOCK: if it became a FIFO since, the open still returns at once (and fstat says so).
  const int fd = ::openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return refuse(error == ELOOP ? FileProblem::NotPlain : FileProblem::Failed,
                  "cannot read " + shown + ": " + why(error));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return refuse(FileProblem::NotPlain, shown + " is " + kind_of(info.st_mode) + "; it was not read");
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    ::close(fd);
    return refuse(FileProblem::TooLarge, shown + " is larger than " + std::to_string(max_bytes) + " bytes");
  }
  out.bytes.resize(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  char more = 0;
  while (true) {
    const ssize_t n = done < out.bytes.size() ? ::read(fd, out.bytes.data() + done, out.bytes.size() - done)
                                              : ::read(fd, &more, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      out.bytes.clear();
      return refuse(FileProblem::Failed, "cannot read " + shown + ": " + why(error));
    }
    if (n == 0) break;
    if (done == out.bytes.size()) {  // it grew while we read
      ::close(fd);
      out.bytes.clear();
      return refuse(FileProblem::TooLarge, shown + " changed while it was read");
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.bytes.resize(done);
  return out;
}

FileResult Folder::write(const std::string& name, const std::string& bytes, mode_t mode) const {
  const std::string shown = joined(path_, name);
  if (!plain_name(name)) return problem(FileProblem::Failed, shown + ": not a file name");
  if (const auto there = look(fd_, name); there && !S_ISREG(there->st_mode))
    return problem(FileProblem::NotPlain, shown + " is " + kind_of(there->st_mode) + "; it was not touched");
  const std::string temp = name + ".tmp";
  // A temp file left by a power cut is ours to remove: a plain file of this user's, unlinked by
  // name (which never follows anything). A link, FIFO or device there refuses the write.
  if (const auto stale = look(fd_, temp)) {
    if (!S_ISREG(stale->st_mode) || stale->st_uid != ::geteuid())
      return problem(FileProblem::NotPlain,
                     shown + ".tmp is " +
                         (S_ISREG(stale->st_mode) ? "someone else's file" : kind_of(stale->st_mode)) +
                         "; it was not touched");
    ::unlinkat(fd_, temp.c_str(), 0);
  }
  if (auto made = write_new(fd_, shown + ".tmp", temp, bytes, mode); !made) return made;
  if (::renameat(fd_, temp.c_str(), fd_, name.c_str()) != 0) {
    const int error = errno;
    ::unlinkat(fd_, temp.c_str(), 0);
    return problem(FileProblem::Failed, "cannot write " + shown + ": " + why(error));
  }
  // The rename itself must reach the disk too (a FAT stick pulled out right after "done").
  if (::fsync(fd_) != 0) return problem(FileProblem::Failed, "cannot sync " + path_ + ": " + why(errno));
  return {};
}

FileResult Folder::create(const std::string& name, const std::string& bytes, mode_t mode) const {
  const std::string shown = joined(path_, name);
  if (!plain_name(name)) return problem(FileProblem::Failed, shown + ": not a file name");
  if (auto made = write_new(fd_, shown, name, bytes, mode); !made) return made;
  if (::fsync(fd_) != 0) return problem(FileProblem::Failed, "cannot sync " + path_ + ": " + why(errno));
  return {};
}

bool Folder::has(const std::string& name) const {
  return look(fd_, name).has_value();
}

void Folder::remove_plain(const std::string& name) const {
  if (const auto there = look(fd_, name); there && S_ISREG(there->st_mode)) ::unlinkat(fd_, name.c_str(), 0);
}

Folder::Folder(Folder&& other) noexcept : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

Folder& Folder::operator=(Folder&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

Folder::~Folder() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

// The folder part and the name of a path; the folder is made when `create`.
template <typename Result, typename Act>
Result in_folder_of(const std::string& path, bool create, Act act) {
  const std::filesystem::path file(path);
  FileResult failure;
  auto folder = Folder::open(file.has_parent_path() ? file.parent_path().string() : ".", create, &failure);
  if (!folder) {
    Result out;
    static_cast<FileResult&>(out) = failure;
    return out;
  }
  return act(*folder, file.filename().string());
}

}  // namespace

FileRead read_file(const std::string& path, std::uintmax_t max_bytes) {
  return in_folder_of<FileRead>(
      path, false, [&](Folder& folder, const std::string& name) { return folder.read(name, max_bytes); });
}

FileResult write_file_atomically(const std::string& path, const std::string& bytes, mode_t mode) {
  return in_folder_of<FileResult>(
      path, true, [&](Folder& folder, const std::string& name) { return folder.write(name, bytes, mode); });
}

FileResult create_file(const std::string& path, const std::string& bytes, mode_t mode) {
  return in_folder_of<FileResult>(
      path, true, [&](Folder& folder, const std::string& name) { return folder.create(name, bytes, mode); });
}

FileResult write_files_below(const std::string& directory, const std::map<std::string, std::string>& files) {
  FileResult failure;
  const auto root = Folder::open(directory, true, &failure);
  if (!root) return failure;
  for (const auto& [relative, bytes] : files) {
    const std::filesystem::path file(relative);
    if (file.is_absolute() || !file.has_filename())
      return problem(FileProblem::Failed, directory + "/" + relative + ": not a file below " + directory);
    std::optional<Folder> inner;
    if (file.has_parent_path()) {
      inner = root->inner(file.parent_path().string(), true, &failure);
      if (!inner) return failure;
    }
    if (auto written = (inner ? *inner : *root).write(file.filename().string(), bytes); !written)
      return written;
  }
  return {};
}

}  // namespace content
