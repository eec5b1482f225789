// The self-check's first screen: how long it is, and that nothing is asked
// that says who you are, and nothing is kept.
#include "selfcheck/selfcheck.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kBodyWidthMm = 330;  // a comfortable line to read

void draw_intro(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  float y = draw_title(ctx, "intro.title", ctx.t("intro.title"), "quiz");
  const int total = selfcheck::progress(ctx.content(), ctx.app.session().answers, -1).total;
  y += p.text("intro.body", Role::Text, TextRole::Body,
              fill_in(ctx.t("intro.body"), {{"n", std::to_string(total)}}), ctx.area.x, y, p.px(kBodyWidthMm),
              p.colors().text, p.colors().background) +
       p.px(3 * mm::gap);
  ButtonStyle primary = ButtonStyle::primary();
  p.button("intro.start", Role::Primary, ctx.t("intro.start"), "arrow_forward",
           {ctx.area.x, y, p.px(mm::wide_button), p.px(mm::primary_button_height)}, {app::Action::BeginQuestions}, primary);
}

}  // namespace ui
