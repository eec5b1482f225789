#pragma once
// Whether headphones are in, as the real kiosk hears it: the sound chip's jack sense line (an ALSA
// control such as "Headphone Jack" on the card) or a USB headset that select-headset made ALSA's
// default card (/run/wegwijzer/asound.conf, deploy/README.md "Sound and headphones"). A thread
// sleeps in poll() on both and wakes the window's loop when the answer changes; the loop tells the
// app (app::Action::HeadphonesIn / HeadphonesOut). Headless runs use the script's `headphones`.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace platform {

// True when select-headset's file names a card (`defaults.pcm.!card "Headset"`), i.e. a USB headset
// is the kiosk's sound; its file without a headset holds only a comment.
[[nodiscard]] bool asound_conf_names_headset(const std::string& text);

class HeadphoneWatch {
 public:
  // `asound_conf`: select-headset's file; `wake` is called from the watch's thread on a change.
  HeadphoneWatch(std::string asound_conf, std::function<void()> wake);
  ~HeadphoneWatch();
  HeadphoneWatch(const HeadphoneWatch&) = delete;
  HeadphoneWatch& operator=(const HeadphoneWatch&) = delete;

  // The new state once after each change; nothing when nothing changed. The state at start is
  // not a change: headphones left in over night do not start listening mode for nobody.
  [[nodiscard]] std::optional<bool> take_change();
  // What it listens to, for the log ("jack on hw:0, /run/wegwijzer/asound.conf").
  [[nodiscard]] const std::string& sources() const { return sources_; }

 private:
  void run();
  std::string asound_conf_;
  std::function<void()> wake_;
  struct Devices;
  std::unique_ptr<Devices> devices_;
  std::string sources_;
  int stop_pipe_[2] = {-1, -1};
  std::atomic<int> changed_{-1};  // -1 nothing new, else 0 or 1
  std::thread thread_;
};

}  // namespace platform
