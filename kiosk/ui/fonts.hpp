#pragma once
// Fonts baked into the ImGui atlas at the exact pixel sizes the display model asks
// for, so every size is crisp. Sizes come from a wanted cap height in mm; the cap
// height each face really got is measured from its 'H' glyph and reported.
#include <imgui.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "ui/theme.hpp"

namespace ui {

struct FontFace {
  ImFont* font = nullptr;
  float size_px = 0;
  float cap_px = 0;  // measured height of 'H'
};

enum class TextRole { Body, Label, Heading, Nav, Countdown };

struct FontFiles {
  std::string regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
  std::string bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
  std::string icons = "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf";
};

class Fonts {
 public:
  // Builds the atlas for this display and these pictogram names. Throws
  // std::runtime_error naming the missing file and its Debian package.
  Fonts(const DisplayMetrics& display, const std::set<std::string>& pictograms, const FontFiles& files = {});

  [[nodiscard]] const FontFace& text(TextRole role, bool large) const;
  [[nodiscard]] const FontFace& icons(float size_mm) const;
  // UTF-8 of the icon glyph for a Material icon name; empty when unknown.
  [[nodiscard]] std::string icon(const std::string& name) const;
  // Width and height of the glyph atlas texture in pixels.
  [[nodiscard]] std::pair<int, int> atlas_size() const { return atlas_size_; }

 private:
  std::map<std::pair<TextRole, bool>, FontFace> text_;
  std::map<float, FontFace> icons_;
  std::map<std::string, std::string> icon_utf8_;
  std::vector<ImWchar> icon_ranges_;
  std::pair<int, int> atlas_size_;
};

// Names of the icons the frame itself uses (nav bar and idle screen).
[[nodiscard]] std::set<std::string> frame_pictograms();

}  // namespace ui
