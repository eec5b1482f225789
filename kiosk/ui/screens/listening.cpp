// A question before anything private is said on the loudspeaker (EN 301 549 5.1.3.9): may
// amounts and answers be said where others can hear? Headphones can be borrowed at the desk.
// Asked when listening mode starts (then with how a finger finds things), or the first time
// "Lees voor" would say such words. Either answer goes back to the screen the visitor was on,
// and reads it; with headphones this screen is not shown (everything may be said).
#include <algorithm>

#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kColumnMm = 420;        // how listening works, in a few short lines
constexpr float kAnswerButtonMm = 120;  // "Ja, hardop" and "Nee", each at least this wide

void draw_listening(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float x = ctx.area.x, w = std::min(ctx.area.w, p.px(kColumnMm));
  const bool listening = ctx.app.session().listening;
  const char* title = listening ? "listen.title" : "listen.ask_title";
  float y = draw_title(ctx, title, ctx.t(title), "hearing");
  if (listening)
    y += p.text("listen.how", Role::Text, TextRole::Body, ctx.t("listen.how"), x, y, w, p.colors().text,
                p.colors().background) +
         2 * gap;
  // Where headphones are: beside the pictogram, on a panel of its own so it is not missed.
  const float icon = p.px(mm::tile_icon);
  const std::string& desk = ctx.t("listen.headphones");
  const float desk_h = p.measure(TextRole::Body, desk, w - icon - 3 * gap);
  const float panel_h = std::max(icon, desk_h) + 2 * gap;
  p.fill({x, y, w, panel_h}, p.colors().warning_panel, 2);
  p.pictogram("listen.headphones.pictogram", "headphones", x + gap, y + (panel_h - icon) / 2, mm::tile_icon,
              p.colors().text, p.colors().warning_panel);
  p.text("listen.headphones", Role::Text, TextRole::Body, desk, x + icon + 2 * gap, y + (panel_h - desk_h) / 2,
         w - icon - 3 * gap,
         p.colors().text, p.colors().warning_panel);
  y += panel_h + 2 * gap;
  y += p.text("listen.ask", Role::Heading, TextRole::Label, ctx.t("listen.ask"), x, y, w, p.colors().text,
              p.colors().background) +
       gap;
  // Side by side when both fit on one row, else one under the other.
  using app::Action;
  const float h = p.px(mm::primary_height);
  const float yes_w = p.button_width(ctx.t("listen.aloud"), true, p.px(kAnswerButtonMm));
  const float no_w = p.button_width(ctx.t("listen.quiet"), true, p.px(kAnswerButtonMm));
  const bool one_row = yes_w + gap + no_w <= ctx.area.w;
  p.button("listen.aloud", Role::Button, ctx.t("listen.aloud"), "volume_up", {x, y, yes_w, h},
           {Action::AllowAloud, "yes"});
  p.button("listen.quiet", Role::Button, ctx.t("listen.quiet"), "volume_off",
           one_row ? Rect{x + yes_w + gap, y, no_w, h} : Rect{x, y + h + gap, no_w, h},
           {Action::AllowAloud, "no"});
}

}  // namespace ui
