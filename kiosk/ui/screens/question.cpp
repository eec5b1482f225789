// One self-check question per screen, with big answer buttons. Going back shows
// the answer given before, marked, so it can be changed.
#include "selfcheck/selfcheck.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

void draw_question(ScreenContext& ctx, int index) {
  const auto& questions = ctx.content().questions;
  if (index < 0 || index >= static_cast<int>(questions.size())) return;
  const auto& question = questions[static_cast<std::size_t>(index)];
  const auto& answers = ctx.app.session().answers;
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);

  const auto at = selfcheck::progress(ctx.content(), answers, index);
  const std::string progress = fill_in(
      ctx.t("question.progress"), {{"n", std::to_string(at.number)}, {"total", std::to_string(at.total)}});
  float y = ctx.area.y;
  y += p.text("question.progress", Role::Text, TextRole::Body, progress, ctx.area.x, y, ctx.area.w,
              colors::text, colors::background) +
       2 * gap;
  ScreenContext below = ctx;
  below.area.y = y;
  y = draw_title(below, "question.text",
                 selfcheck::question_text(ctx.content(), question, answers, ctx.app.date(), ctx.lang()),
                 question.pictogram);

  const auto given = ctx.app.answer(question.id);
  const int columns = 2;
  const float w = (ctx.area.w - gap) / columns;
  const float h = p.px(mm::primary_height + 10);
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    const auto& option = question.options[i];
    const float x = ctx.area.x + static_cast<float>(i % columns) * (w + gap);
    const float row_y = y + static_cast<float>(i / columns) * (h + gap);
    p.button("answer." + option.value, Role::Primary, ctx.pick(option.label), option.pictogram,
             {x, row_y, w, h}, {app::Action::Answer, option.value}, {}, given && *given == option.value);
  }
}

}  // namespace ui
