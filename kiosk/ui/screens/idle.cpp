// The idle warning: a calm question, a visible countdown, one big button to stay.
// WCAG 2.2.1: warn at least 20 s ahead and let the visitor extend with one action.
#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kTopMm = 25;                             // the question starts below where the bars were
constexpr float kButtonMm = 200;                         // both answers, wide enough to hit from anywhere
constexpr float kStayHeightMm = mm::primary_height + 8;  // "Ik ben er nog": the biggest target on the screen

void draw_idle(Painter& p, const app::KioskApp& app, const DisplayMetrics& d, app::Millis now) {
  const auto& content = app.content();
  const auto& lang = app.language();
  const float W = static_cast<float>(d.width_px), H = static_cast<float>(d.height_px);
  const float gap = p.px(mm::gap), margin = p.px(mm::margin);
  p.fill({0, 0, W, H}, p.colors().warning_panel);

  const int seconds = app.idle_seconds_left(now);
  float y = p.px(kTopMm);
  const float w = W - 2 * margin;
  y += p.text("idle.title", Role::Heading, TextRole::Heading, content.text("idle.title", lang), margin, y, w,
              p.colors().text, p.colors().warning_panel, true) +
       2 * gap;
  y += p.text("idle.body", Role::Text, TextRole::Body,
              fill_in(content.text("idle.body", lang), {{"s", std::to_string(seconds)}}), margin, y, w,
              p.colors().text, p.colors().warning_panel, true) +
       2 * gap;
  y += p.text("idle.countdown", Role::Text, TextRole::Countdown, std::to_string(seconds), margin, y, w,
              p.colors().text, p.colors().warning_panel, true) +
       3 * gap;

  ButtonStyle stay = ButtonStyle::primary();
  const float stay_w = p.px(kButtonMm), stay_h = p.px(kStayHeightMm);
  p.button("idle.stay", Role::Primary, content.text("idle.stay", lang), "check",
           {(W - stay_w) / 2, y, stay_w, stay_h}, {app::Action::StillHere}, stay);
  y += stay_h + 3 * gap;
  const float clear_w = p.px(kButtonMm);
  p.button("idle.clear", Role::Button, content.text("idle.clear", lang), "delete",
           {(W - clear_w) / 2, y, clear_w, p.px(mm::primary_height)}, {app::Action::ClearAll});
}

}  // namespace ui
