// One self-check question per screen, with big answer buttons. Going back shows
// the answer given before, marked, so it can be changed. Questions asked together
// share one screen as a list to tick, which keeps the check short.
#include <algorithm>

#include "selfcheck/selfcheck.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kTickRowMm = mm::target_min + 3;  // a tick row, at least: a target and its edge

namespace {

void draw_together(ScreenContext ctx, const std::vector<int>& shown, float y) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float bottom = ctx.area.bottom();
  ctx.area.y = y;
  y = draw_title(ctx, "question.text", ctx.t("question.together"), "checklist");
  const float bh = p.px(mm::primary_height);
  // A long label in larger text takes two lines: the row grows with it. When the list then
  // no longer fits above "Verder", it goes in two (or three) columns, read row by row.
  const auto row_heights = [&](int columns) {
    const float w = (ctx.area.w - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float room = w - p.px(3 * mm::pad + mm::tile_icon);
    std::vector<float> rows((shown.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns),
                            p.px(kTickRowMm));
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const auto& question = ctx.content().questions[static_cast<std::size_t>(shown[i])];
      auto& row = rows[i / static_cast<std::size_t>(columns)];
      row = std::max(row, p.measure(TextRole::Label, ctx.pick(question.text), room) + p.px(mm::pad_small));
    }
    return rows;
  };
  const auto total = [&](const std::vector<float>& rows) {
    float sum = 0;
    for (float h : rows) sum += h + gap;
    return sum + gap + bh;
  };
  int columns = 1;
  auto rows = row_heights(1);
  for (int more = 2; more <= 3 && y + total(rows) > bottom; ++more)
    if (auto wider = row_heights(more); total(wider) < total(rows)) {
      rows = std::move(wider);
      columns = more;
    }
  const float tick_w = (ctx.area.w - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const auto& question = ctx.content().questions[static_cast<std::size_t>(shown[i])];
    const auto given = ctx.app.answer(question.id);
    const bool ticked = given && *given == "yes";
    const auto column = static_cast<float>(i % static_cast<std::size_t>(columns));
    const float h = rows[i / static_cast<std::size_t>(columns)];
    // Said alone (the focus, a finger, the tick just set) a tick is its place in the list, as an
    // answer is: its own words would tell a bystander what the visitor ticked.
    p.set_privacy(Privacy::Choice,
                  fill_in(ctx.t("listen.answer"),
                          {{"n", std::to_string(i + 1)}, {"total", std::to_string(shown.size())}}));
    p.button("tick." + question.id, Role::Button, ctx.pick(question.text),
             ticked ? "check_box" : "check_box_outline_blank", {ctx.area.x + column * (tick_w + gap), y, tick_w, h},
             {app::Action::Tick, question.id}, {}, ticked);
    if (i % static_cast<std::size_t>(columns) == static_cast<std::size_t>(columns - 1) || i + 1 == shown.size())
      y += h + gap;
  }
  p.set_privacy(Privacy::Shared);
  y += gap;
  const float w = (ctx.area.w - gap) / 2;
  p.button("answer.done", Role::Primary, ctx.t("question.done"), "arrow_forward", {ctx.area.x, y, w, bh},
           {app::Action::Answer, "done"});
  const auto& first = ctx.content().questions[static_cast<std::size_t>(shown.front())];
  const auto given = ctx.app.answer(first.id);
  for (const auto& option : first.options)
    if (option.value == "skip")
      p.button("answer.skip", Role::Primary, ctx.pick(option.label), option.pictogram,
               {ctx.area.x + w + gap, y, w, bh}, {app::Action::Answer, "skip"}, {},
               given && *given == "skip");
}

}  // namespace

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
  // A new question: its number stands on a yellow marker while the answers wait (app::kSettleMs),
  // so a visitor sees that the screen changed before a second tap can land.
  if (p.settling()) {
    const float pad = p.px(mm::pad_small);
    p.fill({ctx.area.x - pad, y - pad / 2, p.text_width(TextRole::Body, progress) + 2 * pad,
            p.measure(TextRole::Body, progress, ctx.area.w) + pad},
           p.colors().new_marker, 2);
  }
  y += p.text("question.progress", Role::Text, TextRole::Body, progress, ctx.area.x, y, ctx.area.w,
              p.settling() ? p.colors().new_marker_text : p.colors().text,
              p.settling() ? p.colors().new_marker : p.colors().background) +
       2 * gap;
  const auto shown = selfcheck::on_screen(ctx.content(), answers, index);
  if (!question.together.empty() && !shown.empty()) {
    draw_together(ctx, shown, y);
    return;
  }
  ScreenContext below = ctx;
  below.area.y = y;
  y = draw_title(below, "question.text", ctx.pick(question.text), question.pictogram);

  const auto given = ctx.app.answer(question.id);
  const auto options = selfcheck::options(ctx.content(), question, answers, ctx.app.date());
  const int columns = 2;
  const float w = (ctx.area.w - gap) / columns;
  const float h = p.px(mm::answer_height);
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& option = options[i];
    const float x = ctx.area.x + static_cast<float>(i % columns) * (w + gap);
    const float row_y = y + static_cast<float>(i / columns) * (h + gap);
    // A ladder's bands are "answer.band.1" (the lowest) and up: the same id whatever the amounts.
    const bool band = selfcheck::band_of(option.value).has_value();
    const std::string id = band ? "answer.band." + std::to_string(i + 1) : "answer." + option.value;
    // Said alone on the loudspeaker (the focus, a finger) an answer is its place in the list read
    // with the question, so a bystander does not hear which one the visitor picks.
    p.set_privacy(Privacy::Choice,
                  fill_in(ctx.t("listen.answer"),
                          {{"n", std::to_string(i + 1)}, {"total", std::to_string(options.size())}}));
    p.button(id, Role::Primary, ctx.pick(option.label), option.pictogram, {x, row_y, w, h},
             {app::Action::Answer, option.value}, {}, given && *given == option.value);
  }
  p.set_privacy(Privacy::Shared);
}

}  // namespace ui
