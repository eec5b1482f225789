#pragma once
// Text sizes from the display model: each role gets the em size that gives its
// wanted cap height in millimetres on this panel. The text engine, its glyph
// atlas and the fonts live here too, shared by every screen.
#include <imgui.h>

#include <map>
#include <memory>
#include <string>

#include "app/session.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"
#include "text/raster.hpp"
#include "ui/theme.hpp"

namespace ui {

enum class TextRole { Body, Label, Heading, Nav, Countdown };

struct TextFace {
  float size_px = 0;
  float cap_px = 0;
  text::Weight weight = text::Weight::Regular;
};

// A solid, opaque rectangle that the renderer fills directly: far cheaper in the
// software renderer than the same area drawn as triangles.
struct SolidRect {
  int x = 0, y = 0, w = 0, h = 0;
  Color color;
};

// What the drawing code needs from the renderer underneath: the glyph atlas pages
// as textures (ImGui's ImTextureID) and a draw-list callback that fills a SolidRect.
class DrawBackend {
 public:
  virtual ~DrawBackend() = default;
  [[nodiscard]] virtual void* page_texture(int page) = 0;
  // Called with ImDrawCmd::UserCallbackData pointing at a SolidRect.
  [[nodiscard]] virtual ImDrawCallback solid_fill() = 0;
};

class Typography {
 public:
  // Throws std::runtime_error naming a missing font file and its Debian package.
  Typography(const DisplayMetrics& display, const std::string& font_config = text::default_font_config());

  [[nodiscard]] const TextFace& face(TextRole role, app::TextSize size) const {
    return faces_.at({role, size});
  }
  [[nodiscard]] float icon_px(float size_mm) const { return display_.px(size_mm); }
  [[nodiscard]] text::TextEngine& engine() { return *engine_; }
  [[nodiscard]] const text::TextEngine& engine() const { return *engine_; }
  [[nodiscard]] text::GlyphAtlas& atlas() { return *atlas_; }
  [[nodiscard]] const text::FontSet& fonts() const { return *fonts_; }

 private:
  DisplayMetrics display_;
  std::unique_ptr<text::FontSet> fonts_;
  std::unique_ptr<text::Hyphenator> hyphenator_;
  std::unique_ptr<text::TextEngine> engine_;
  std::unique_ptr<text::GlyphAtlas> atlas_;
  std::map<std::pair<TextRole, app::TextSize>, TextFace> faces_;
};

}  // namespace ui
