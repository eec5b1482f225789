#include "ui/fonts.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace ui {
namespace {

void require_file(const std::string& path, const char* package) {
  if (!std::filesystem::exists(path))
    throw std::runtime_error("font file " + path + " is missing; install the Debian package " + package +
                             " (deploy/install-deps.sh does this)");
}

std::string utf8(unsigned codepoint) {
  std::string out;
  if (codepoint < 0x80) {
    out += static_cast<char>(codepoint);
  } else if (codepoint < 0x800) {
    out += static_cast<char>(0xC0 | (codepoint >> 6));
    out += static_cast<char>(0x80 | (codepoint & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (codepoint >> 12));
    out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codepoint & 0x3F));
  }
  return out;
}

// Material icons are reached by ligature: shaping the name "home" with the icon
// font yields the home glyph. ImGui draws by code point, so we find the code
// point the font's cmap maps to that glyph.
std::map<std::string, unsigned> resolve_icons(const std::string& path, const std::set<std::string>& names) {
  std::map<std::string, unsigned> found;
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library)) return found;
  FT_Face face = nullptr;
  if (FT_New_Face(library, path.c_str(), 0, &face) == 0) {
    FT_Set_Char_Size(face, 0, 64 * 64, 72, 72);
    std::map<unsigned, unsigned> codepoint_of_glyph;
    FT_UInt glyph = 0;
    for (FT_ULong cp = FT_Get_First_Char(face, &glyph); glyph != 0; cp = FT_Get_Next_Char(face, cp, &glyph))
      codepoint_of_glyph.emplace(glyph, static_cast<unsigned>(cp));

    hb_font_t* font = hb_ft_font_create_referenced(face);
    for (const auto& name : names) {
      hb_buffer_t* buffer = hb_buffer_create();
      hb_buffer_add_utf8(buffer, name.c_str(), static_cast<int>(name.size()), 0, -1);
      hb_buffer_guess_segment_properties(buffer);
      hb_shape(font, buffer, nullptr, 0);
      unsigned count = 0;
      hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
      if (count == 1) {
        if (auto it = codepoint_of_glyph.find(info[0].codepoint); it != codepoint_of_glyph.end())
          found[name] = it->second;
      }
      hb_buffer_destroy(buffer);
    }
    hb_font_destroy(font);
    FT_Done_Face(face);
  }
  FT_Done_FreeType(library);
  return found;
}

// The height of 'H'; a digits-only face is measured on '0' (lining figures
// stand as tall as capitals).
float measured_cap(ImFont* font) {
  const ImFontGlyph* h = font->FindGlyphNoFallback('H');
  if (!h) h = font->FindGlyphNoFallback('0');
  return h ? h->Y1 - h->Y0 : 0.0f;
}

}  // namespace

std::set<std::string> frame_pictograms() {
  return {"arrow_back", "home",     "volume_up", "text_increase", "text_decrease", "help", "language",
          "delete",     "schedule", "check",     "receipt_long",  "chevron_right", "quiz"};
}

Fonts::Fonts(const DisplayMetrics& display, const std::set<std::string>& pictograms, const FontFiles& files) {
  require_file(files.regular, "fonts-noto-core");
  require_file(files.bold, "fonts-noto-core");
  require_file(files.icons, "fonts-material-design-icons-iconfont");

  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();

  // How big a font's pixel size must be for a wanted cap height: measured once
  // on a probe size, because fonts differ in where they put the cap line.
  float cap_per_px_regular = 0, cap_per_px_bold = 0;
  {
    static const ImWchar only_h[] = {'H', 'H', 0};
    ImFontAtlas probe;
    probe.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    ImFont* r = probe.AddFontFromFileTTF(files.regular.c_str(), 100.0f, nullptr, only_h);
    ImFont* b = probe.AddFontFromFileTTF(files.bold.c_str(), 100.0f, nullptr, only_h);
    if (!r || !b || !probe.Build()) throw std::runtime_error("cannot read the text fonts");
    cap_per_px_regular = measured_cap(r) / 100.0f;
    cap_per_px_bold = measured_cap(b) / 100.0f;
  }

  // Latin with the accents of Dutch, Turkish and Polish, typographic punctuation
  // and the euro sign. (Other scripts arrive with the text engine.)
  static const ImWchar latin_ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
  static const ImWchar digit_ranges[] = {0x0030, 0x0039, 0};
  struct Want {
    TextRole role;
    bool large;
    float cap_mm;
    bool bold;
  };
  const Want wants[] = {
      {TextRole::Body, false, mm::body_cap, false},
      {TextRole::Body, true, mm::body_cap_large, false},
      {TextRole::Label, false, mm::body_cap, true},
      {TextRole::Label, true, mm::body_cap_large, true},
      {TextRole::Heading, false, mm::heading_cap, true},
      {TextRole::Heading, true, mm::heading_cap_large, true},
      {TextRole::Nav, false, mm::body_cap, true},
      {TextRole::Nav, true, mm::body_cap, true},  // the nav bar keeps its size and place
      {TextRole::Countdown, false, mm::countdown_cap, true},
      {TextRole::Countdown, true, mm::countdown_cap, true},
  };
  for (const Want& want : wants) {
    const float per_px = want.bold ? cap_per_px_bold : cap_per_px_regular;
    // Round up so the measured cap height never falls below the wanted one.
    const float size = std::ceil(display.px(want.cap_mm) / per_px) + 1.0f;
    const ImWchar* ranges = want.role == TextRole::Countdown ? digit_ranges : latin_ranges;
    ImFont* font = atlas->AddFontFromFileTTF(want.bold ? files.bold.c_str() : files.regular.c_str(), size,
                                             nullptr, ranges);
    text_[{want.role, want.large}] = FontFace{font, size, 0};
  }

  std::set<std::string> names = pictograms;
  names.merge(frame_pictograms());
  for (const auto& [name, codepoint] : resolve_icons(files.icons, names)) {
    icon_utf8_[name] = utf8(codepoint);
    icon_ranges_.push_back(static_cast<ImWchar>(codepoint));
    icon_ranges_.push_back(static_cast<ImWchar>(codepoint));
  }
  icon_ranges_.push_back(0);
  for (float size_mm : {mm::nav_icon, mm::heading_icon, mm::tile_icon}) {
    const float size = std::round(display.px(size_mm));
    ImFont* font = atlas->AddFontFromFileTTF(files.icons.c_str(), size, nullptr, icon_ranges_.data());
    icons_[size_mm] = FontFace{font, size, 0};
  }

  if (!atlas->Build()) throw std::runtime_error("cannot build the font atlas");
  atlas_size_ = {atlas->TexWidth, atlas->TexHeight};
  for (auto& [key, face] : text_) face.cap_px = measured_cap(face.font);
}

const FontFace& Fonts::text(TextRole role, bool large) const {
  return text_.at({role, large});
}

const FontFace& Fonts::icons(float size_mm) const {
  auto it = icons_.lower_bound(size_mm);
  return it == icons_.end() ? icons_.rbegin()->second : it->second;
}

std::string Fonts::icon(const std::string& name) const {
  auto it = icon_utf8_.find(name);
  return it == icon_utf8_.end() ? std::string{} : it->second;
}

}  // namespace ui
