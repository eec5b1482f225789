// "Wat wilt u nu doen?": after the result, the visitor picks one concrete next
// step; the slip is written for that choice. Going back shows the choice, marked.
#include <algorithm>

#include "hours/handover.hpp"
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
  const float h = p.px(mm::answer_height);
  const auto& chosen = ctx.app.session().next_step;
  // Only steps the slip can serve: no "Ik bel zelf" for a place without a phone number.
  const auto steps = ctx.app.offered_steps();
  // In larger text a long label takes two lines: its row grows with it.
  const float room = w - p.px(3 * mm::pad + mm::tile_icon);
  float row_y = y, row_h = h;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i % columns == 0) {
      row_h = h;
      for (std::size_t j = i; j < std::min(steps.size(), i + columns); ++j)
        row_h = std::max(row_h, p.measure(TextRole::Label, ctx.t("next." + steps[j]), room) + p.px(mm::pad));
    }
    const float x = ctx.area.x + static_cast<float>(i % columns) * (w + gap);
    p.button("next." + steps[i], Role::Primary, ctx.t("next." + steps[i]), pictogram_for(steps[i]),
             {x, row_y, w, row_h}, {app::Action::TakeStep, steps[i]}, {}, chosen == steps[i]);
    if (i % columns == columns - 1 || i + 1 == steps.size()) row_y += row_h + gap;
  }
  // The desk is offered before it opens only within the hour: say when someone comes.
  const auto date = hours::parse_date(ctx.app.date());
  const auto minute = ctx.app.time_of_day();
  if (date && minute && !steps.empty() && steps.front() == "desk") {
    const std::string soon = hours::desk_soon_words(ctx.content(), {*date, *minute}, ctx.app.language());
    if (!soon.empty())
      p.text("next.desk_soon", Role::Text, TextRole::Body, soon, ctx.area.x, row_y + gap,
             ctx.area.w, p.colors().text, p.colors().background);
  }
}

}  // namespace ui
