// The self-check's result. Until the rules arrive (self-check issue) it says how
// many questions were answered and offers the slip.
#include "ui/screens/screens.hpp"

namespace ui {

void draw_result(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  float y = draw_title(ctx, "result.title", ctx.t("result.title"), "volunteer_activism");
  const std::string body =
      fill_in(ctx.t("result.body"), {{"n", std::to_string(ctx.app.session().answers.size())}});
  y += p.text("result.body", Role::Text, TextRole::Body, body, ctx.area.x, y, p.px(320), colors::text,
              colors::background) +
       p.px(3 * mm::gap);
  ButtonStyle primary = ButtonStyle::primary();
  p.button("result.slip", Role::Primary, ctx.t("result.slip"), "receipt_long",
           {ctx.area.x, y, p.px(160), p.px(mm::primary_height + 4)}, {app::Action::ShowSlip}, primary);
}

}  // namespace ui
