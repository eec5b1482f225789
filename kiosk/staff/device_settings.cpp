#include "staff/device_settings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

#include "content/small_file.hpp"
#include "content/toml_text.hpp"

namespace staff {

DeviceSettings::DeviceSettings(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  const auto text = content::read_file(path_);
  if (!text) return;  // none yet, or not a plain file: the defaults
  try {
    volume_ =
        std::clamp(static_cast<int>(content::parse_toml(text.bytes, path_)["volume"].value_or(0)), -2, 2);
  } catch (const toml::parse_error&) {
    volume_ = 0;  // the defaults; the next change writes a good file again
  }
}

bool DeviceSettings::set_volume(int step) {
  volume_ = std::clamp(step, -2, 2);
  if (path_.empty()) return true;
  return static_cast<bool>(content::write_file_atomically(
      path_, "# Set on the kiosk's volunteer screen.\n# volume: -2 (soft) to 2 (loud)\nvolume = " +
                 std::to_string(volume_) + "\n"));
}

std::string settings_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "kiosk-settings.toml").string();
}

}  // namespace staff
