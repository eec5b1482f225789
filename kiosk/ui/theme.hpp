#pragma once
// The display model: every size is given in millimetres on the real panel and
// turned into pixels here, so a button is as big under a finger on a 15" screen
// as on a 32" one. Targets from DESIGN.md "Display model".
#include <cstdint>

namespace ui {

struct DisplayMetrics {
  int width_px = 1920;
  int height_px = 1080;
  float width_mm = 527.0f;  // 23.8" 16:9 panel
  float height_mm = 296.5f;

  [[nodiscard]] float px_per_mm() const { return static_cast<float>(width_px) / width_mm; }
  [[nodiscard]] float px(float mm) const { return mm * px_per_mm(); }
};

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
  [[nodiscard]] std::uint32_t imgui() const;  // ImGui's packed ABGR
};

// WCAG relative luminance and contrast ratio (1..21).
[[nodiscard]] double contrast_ratio(Color a, Color b);

namespace mm {
inline constexpr float primary_height = 22;    // ≥ 20 mm for primary targets
inline constexpr float target_min = 17;        // ≥ 16 mm for every target
inline constexpr float gap = 5;                // ≥ 4 mm between targets
inline constexpr float margin = 10;            // screen edge to content
inline constexpr float nav_height = 20;        // nav buttons: every target ≥ 16 mm, we give 20
inline constexpr float body_cap = 5.3f;        // ≥ 5 mm cap height
inline constexpr float body_cap_large = 7.6f;  // ≥ 7.3 mm with "Tekst groter"
inline constexpr float heading_cap = 7.5f;
inline constexpr float heading_cap_large = 9.5f;
inline constexpr float countdown_cap = 28;
inline constexpr float nav_icon = 9;
inline constexpr float tile_icon = 14;
inline constexpr float heading_icon = 13;
}  // namespace mm

// Colours chosen for ≥ 7:1 text contrast and ≥ 3:1 for edges of controls;
// state is never shown by colour alone (pressed buttons also get a thick edge).
namespace colors {
inline constexpr Color background{251, 248, 242};
inline constexpr Color text{26, 26, 26};
inline constexpr Color muted_panel{236, 231, 220};
inline constexpr Color nav_bar{46, 52, 64};
inline constexpr Color nav_button{238, 241, 246};
inline constexpr Color nav_button_active{255, 221, 120};
inline constexpr Color button{255, 255, 255};
inline constexpr Color button_edge{70, 80, 96};
inline constexpr Color primary{22, 82, 50};
inline constexpr Color primary_text{255, 255, 255};
inline constexpr Color pressed{255, 221, 120};
inline constexpr Color focus_edge{26, 26, 26};
inline constexpr Color warning_panel{255, 244, 214};
// A self-check button in the second after its screen appeared: grey, as not yet active,
// and still readable (text 8:1).
inline constexpr Color waiting_button{232, 228, 220};
inline constexpr Color waiting_text{64, 64, 64};
inline constexpr Color waiting_edge{150, 150, 150};
// Behind a new question's number while its buttons wait (the marker of the highlighter).
inline constexpr Color new_marker{255, 221, 120};
// Behind the word being read aloud: dark text stays dark on it (contrast 15:1).
inline constexpr Color spoken_word{255, 221, 120};
}  // namespace colors

}  // namespace ui
