// "Wat wilt u nu doen?": after the result, the visitor picks one concrete next
// step; the slip is written for that choice. Going back shows the choice, marked.
#include "ui/screens/screens.hpp"

namespace ui {

namespace {

const char* pictogram_for(const std::string& step) {
  if (step == "desk") return "directions_walk";
  if (step == "go") return "place";
  if (step == "call") return "call";
  return "schedule";
}

}  // namespace

void draw_next_step(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float y = draw_title(ctx, "next.title", ctx.t("next.title"), "signpost");
  const int columns = 2;
  const float w = (ctx.area.w - gap) / columns;
  const float h = p.px(mm::primary_height + 10);
  const auto& chosen = ctx.app.session().next_step;
  // Only steps the slip can serve: no "Ik bel zelf" for a place without a phone number.
  const auto steps = ctx.app.offered_steps();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const float x = ctx.area.x + static_cast<float>(i % columns) * (w + gap);
    const float row_y = y + static_cast<float>(i / columns) * (h + gap);
    p.button("next." + steps[i], Role::Primary, ctx.t("next." + steps[i]), pictogram_for(steps[i]),
             {x, row_y, w, h}, {app::Action::TakeStep, steps[i]}, {}, chosen == steps[i]);
  }
}

}  // namespace ui
