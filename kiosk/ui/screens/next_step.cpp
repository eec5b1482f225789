// "Wat wilt u nu doen?": after the result, the visitor picks one concrete next
// step; the slip is written for that choice. Going back shows the choice, marked.
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
  // The desk is offered before it opens only within the hour: say when someone comes.
  const auto date = hours::parse_date(ctx.app.date());
  const auto minute = ctx.app.time_of_day();
  if (date && minute && !steps.empty() && steps.front() == "desk") {
    const std::string soon = hours::desk_soon_words(ctx.content(), {*date, *minute}, ctx.app.language());
    const auto rows = static_cast<float>((steps.size() + columns - 1) / columns);
    if (!soon.empty())
      p.text("next.desk_soon", Role::Text, TextRole::Body, soon, ctx.area.x, y + rows * (h + gap) + gap,
             ctx.area.w, colors::text, colors::background);
  }
}

}  // namespace ui
