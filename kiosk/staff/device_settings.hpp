#pragma once
// What staff set for this kiosk and what must outlive a restart: for now the
// speech volume, as a step from -2 to 2 that a visitor's own choice is added to.
// Kept in DATA/kiosk-settings.toml, written atomically; a broken or missing file
// gives the defaults.
#include <string>

namespace staff {

class DeviceSettings {
 public:
  // An empty path keeps the settings in memory only.
  explicit DeviceSettings(std::string path);

  [[nodiscard]] int volume() const { return volume_; }
  // Sets the volume (clamped to -2..2) and saves it; returns false when it could not be saved.
  bool set_volume(int step);

 private:
  std::string path_;
  int volume_ = 0;
};

// The settings file under a data directory.
[[nodiscard]] std::string settings_path(const std::string& data_dir);

}  // namespace staff
