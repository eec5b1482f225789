#include "platform/headphones.hpp"

#include <alsa/asoundlib.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace platform {

bool asound_conf_names_headset(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const auto start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 18, "defaults.pcm.!card") == 0) return true;
  }
  return false;
}

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A card's jack sense controls for headphones ("Headphone Jack", "Front Headphone Jack"): boolean
// controls on the card's interface that the driver changes when a plug goes in or out.
bool is_headphone_jack(snd_hctl_elem_t* elem) {
  if (snd_hctl_elem_get_interface(elem) != SND_CTL_ELEM_IFACE_CARD) return false;
  const std::string name = snd_hctl_elem_get_name(elem);
  return name.find("Headphone") != std::string::npos && name.size() > 5 &&
         name.compare(name.size() - 5, 5, " Jack") == 0;
}

bool jack_in(snd_hctl_elem_t* elem) {
  snd_ctl_elem_value_t* value = nullptr;
  snd_ctl_elem_value_alloca(&value);
  return snd_hctl_elem_read(elem, value) >= 0 && snd_ctl_elem_value_get_boolean(value, 0) != 0;
}

}  // namespace

struct HeadphoneWatch::Devices {
  std::vector<snd_hctl_t*> cards;      // the cards that have a headphone jack control
  std::vector<snd_hctl_elem_t*> jacks;
  int inotify = -1;                    // select-headset's folder
  ~Devices() {
    for (auto* card : cards) snd_hctl_close(card);
    if (inotify >= 0) close(inotify);
  }
};

HeadphoneWatch::HeadphoneWatch(std::string asound_conf, std::function<void()> wake)
    : asound_conf_(std::move(asound_conf)), wake_(std::move(wake)), devices_(std::make_unique<Devices>()) {
  for (int card = -1; snd_card_next(&card) == 0 && card >= 0;) {
    const std::string name = "hw:" + std::to_string(card);
    snd_hctl_t* hctl = nullptr;
    if (snd_hctl_open(&hctl, name.c_str(), SND_CTL_NONBLOCK) < 0) continue;
    std::size_t found = 0;
    if (snd_hctl_load(hctl) >= 0)
      for (auto* elem = snd_hctl_first_elem(hctl); elem; elem = snd_hctl_elem_next(elem))
        if (is_headphone_jack(elem)) {
          devices_->jacks.push_back(elem);
          ++found;
        }
    if (found == 0 || snd_ctl_subscribe_events(snd_hctl_ctl(hctl), 1) < 0) {
      for (; found > 0; --found) devices_->jacks.pop_back();
      snd_hctl_close(hctl);
      continue;
    }
    devices_->cards.push_back(hctl);
    sources_ += (sources_.empty() ? "" : ", ") + std::string("jack on ") + name;
  }
  const std::string folder = std::filesystem::path(asound_conf_).parent_path().string();
  devices_->inotify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (devices_->inotify >= 0 &&
      inotify_add_watch(devices_->inotify, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE) >= 0) {
    sources_ += (sources_.empty() ? "" : ", ") + asound_conf_;
  } else if (devices_->inotify >= 0) {
    close(devices_->inotify);
    devices_->inotify = -1;
  }
  if (sources_.empty() || pipe2(stop_pipe_, O_CLOEXEC) != 0) return;  // nothing to hear
  thread_ = std::thread([this] { run(); });
}

HeadphoneWatch::~HeadphoneWatch() {
  if (thread_.joinable()) {
    const char stop = 's';
    (void)!write(stop_pipe_[1], &stop, 1);
    thread_.join();
  }
  for (int fd : stop_pipe_)
    if (fd >= 0) close(fd);
}

std::optional<bool> HeadphoneWatch::take_change() {
  const int changed = changed_.exchange(-1);
  if (changed < 0) return std::nullopt;
  return changed == 1;
}

void HeadphoneWatch::run() {
  Devices& d = *devices_;
  const auto state = [&] {
    for (auto* jack : d.jacks)
      if (jack_in(jack)) return true;
    return d.inotify >= 0 && asound_conf_names_headset(read_file(asound_conf_));
  };
  bool last = state();
  while (true) {
    std::vector<pollfd> fds{{stop_pipe_[0], POLLIN, 0}};
    if (d.inotify >= 0) fds.push_back({d.inotify, POLLIN, 0});
    for (auto* card : d.cards) {
      const int n = snd_hctl_poll_descriptors_count(card);
      if (n <= 0) continue;
      const std::size_t at = fds.size();
      fds.resize(at + static_cast<std::size_t>(n));
      snd_hctl_poll_descriptors(card, &fds[at], static_cast<unsigned>(n));
    }
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[0].revents != 0) return;  // the kiosk ends
    if (d.inotify >= 0) {
      char events[4096];
      while (read(d.inotify, events, sizeof events) > 0) {
      }
    }
    for (auto* card : d.cards) snd_hctl_handle_events(card);
    const bool in = state();
    if (in == last) continue;
    last = in;
    changed_ = in ? 1 : 0;
    if (wake_) wake_();
  }
}

}  // namespace platform
