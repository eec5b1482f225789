// The on-screen slip: one next step, the place, its hours, a sentence to say,
// and the promise that nothing was kept. (The printed slip comes with the slip issue.)
#include "ui/screens/screens.hpp"

namespace ui {

void draw_slip(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const Rect paper{ctx.area.x, ctx.area.y, p.px(330), ctx.area.h};
  p.fill(paper, colors::button, 2);
  const float x = paper.x + p.px(8), w = paper.w - p.px(16);
  float y = paper.y + p.px(6);
  auto line = [&](const std::string& id, Role role, TextRole style, const std::string& text) {
    y += p.text(id, role, style, text, x, y, w, colors::text, colors::button) + 2 * gap;
  };
  line("slip.title", Role::Heading, TextRole::Heading, ctx.t("slip.title"));
  if (const auto& step = ctx.app.session().next_step; !step.empty())
    line("slip.step", Role::Text, TextRole::Label, ctx.t("slip.step." + step));
  line("slip.where", Role::Text, TextRole::Body, ctx.t("slip.where"));
  line("slip.location", Role::Text, TextRole::Label, ctx.content().location.name);
  line("slip.hours", Role::Text, TextRole::Body, ctx.pick(ctx.content().location.info_point_hours));
  line("slip.say", Role::Text, TextRole::Body, ctx.t("slip.say"));
  line("slip.nothing_kept", Role::Text, TextRole::Label, ctx.t("slip.nothing_kept"));

  ButtonStyle primary = ButtonStyle::primary();
  const float bx = paper.right() + 2 * gap;
  p.button("slip.done", Role::Primary, ctx.t("slip.done"), "check",
           {bx, ctx.area.bottom() - p.px(mm::primary_height + 4), ctx.area.right() - bx,
            p.px(mm::primary_height + 4)},
           {app::Action::FinishSlip}, primary);
}

}  // namespace ui
