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
inline constexpr float primary_height = 22;     // ≥ 20 mm for primary targets
inline constexpr float target_min = 17;         // ≥ 16 mm for every target
inline constexpr float gap = 5;                 // ≥ 4 mm between targets
inline constexpr float margin = 10;             // screen edge to content
inline constexpr float nav_height = 20;         // nav buttons: every target ≥ 16 mm, we give 20
inline constexpr float body_cap = 5.3f;         // ≥ 5 mm cap height
inline constexpr float body_cap_large = 7.6f;   // ≥ 7.3 mm with "Tekst groter"
inline constexpr float body_cap_larger = 9.5f;  // "Nog groter": 1.8 times normal
inline constexpr float heading_cap = 7.5f;
inline constexpr float heading_cap_large = 9.5f;
inline constexpr float heading_cap_larger = 11.5f;
inline constexpr float countdown_cap = 28;
inline constexpr float nav_icon = 9;
inline constexpr float tile_icon = 14;
inline constexpr float heading_icon = 13;
// Sizes the screens share, so the same thing has the same size on every screen.
inline constexpr float pad = 4;                                     // a panel's or card's edge to its text
inline constexpr float pad_small = 2;                               // a line's breathing room; between keys
inline constexpr float button_height = target_min + 2;              // a button on a card or a staff screen
inline constexpr float key_size = target_min + 1;                   // a key of the editor's keyboard
inline constexpr float primary_button_height = primary_height + 4;  // "Begin", the self-check, "Wat nu?"
inline constexpr float answer_height = primary_height + 10;  // an answer, a next step: the biggest targets
inline constexpr float slack = 1;          // added to a measured label's width, so it never wraps on rounding
inline constexpr float wide_button = 160;  // the one way on: "Begin", "Wat nu?"
inline constexpr float next_button = 150;  // "Lees verder": the next part of a page or of Hulp
}  // namespace mm

// Every colour a screen uses, by what it is for. Two palettes: the standard one and
// high contrast; the painter hands the session's palette to every screen.
struct Palette {
  Color background, text, muted_panel;
  Color nav_bar, nav_bar_text, nav_button, nav_text;
  Color button, button_text, button_edge;
  Color primary, primary_text;
  // A button under the finger; the thick edge of a ticked one.
  Color pressed, pressed_text, selected_edge;
  // The keyboard focus: a thick ring, `focus_edge` outside and `focus_inner` inside.
  Color focus_edge, focus_inner;
  Color warning_panel;
  // A self-check button in the second after its screen appeared: not yet active, still readable.
  Color waiting_button, waiting_text, waiting_edge;
  // Behind a new question's number while its buttons wait (the marker of the highlighter).
  Color new_marker, new_marker_text;
  // Behind the word being read aloud; the word keeps its own colour.
  Color spoken_word;
  // The edge of a panel that holds text and buttons (a result card, the slip's paper); none
  // where its fill already stands out from the background.
  Color panel_edge{0, 0, 0, 0};
};

// Chosen for >= 7:1 text contrast and >= 3:1 for edges of controls; state is never shown by
// colour alone (pressed and ticked buttons also get a thick edge).
inline constexpr Palette standard_palette{
    .background{251, 248, 242},
    .text{26, 26, 26},
    .muted_panel{236, 231, 220},
    .nav_bar{46, 52, 64},
    .nav_bar_text{255, 255, 255},
    .nav_button{238, 241, 246},
    .nav_text{26, 26, 26},
    .button{255, 255, 255},
    .button_text{26, 26, 26},
    .button_edge{70, 80, 96},
    .primary{22, 82, 50},
    .primary_text{255, 255, 255},
    .pressed{255, 221, 120},
    .pressed_text{26, 26, 26},
    .selected_edge{26, 26, 26},
    .focus_edge{26, 26, 26},
    .focus_inner{255, 221, 120},
    .warning_panel{255, 244, 214},
    .waiting_button{232, 228, 220},
    .waiting_text{64, 64, 64},  // 8:1
    .waiting_edge{150, 150, 150},
    .new_marker{255, 221, 120},
    .new_marker_text{26, 26, 26},
    .spoken_word{255, 221, 120},  // dark text stays dark on it (15:1)
};

// "Wit op zwart": every text on its background at least 15:1 (white on black is 21:1, black on
// yellow 19.6:1). Main actions are yellow with black text, a pressed button white; the focus ring
// is cyan, a colour used for nothing else, with a black gap so it shows on yellow and white too.
inline constexpr Palette high_contrast_palette{
    .background{0, 0, 0},
    .text{255, 255, 255},
    .muted_panel{20, 20, 20},  // 18.4:1 under white
    .nav_bar{24, 24, 24},      // 17.7:1
    .nav_bar_text{255, 255, 255},
    .nav_button{0, 0, 0},
    .nav_text{255, 255, 255},
    .button{0, 0, 0},
    .button_text{255, 255, 255},
    .button_edge{255, 255, 0},
    .primary{255, 255, 0},
    .primary_text{0, 0, 0},
    .pressed{255, 255, 255},
    .pressed_text{0, 0, 0},
    .selected_edge{255, 255, 255},
    .focus_edge{0, 255, 255},
    .focus_inner{0, 0, 0},
    .warning_panel{0, 0, 110},    // dark blue, 17.1:1 under white
    .waiting_button{32, 32, 32},  // 16.3:1 under white; grey edge, not yellow
    .waiting_text{255, 255, 255},
    .waiting_edge{128, 128, 128},
    .new_marker{255, 255, 0},
    .new_marker_text{0, 0, 0},
    .spoken_word{0, 0, 140},  // white stays readable on it (15.2:1)
    // Cards and the slip are black on black: a light grey edge shows where each is (12.6:1),
    // unlike the yellow of the buttons on them.
    .panel_edge{200, 200, 200},
};

[[nodiscard]] inline const Palette& palette(bool high_contrast) {
  return high_contrast ? high_contrast_palette : standard_palette;
}

}  // namespace ui
