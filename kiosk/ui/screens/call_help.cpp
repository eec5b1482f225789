// "Roep iemand": help that brings a person. While someone is at the info point, a ticket is
// printed at the desk (where one is set up) and someone comes; else the visitor hears where
// the info point is. While nobody is there: when someone will be, and a number to call where
// the location gives one. It says only what the kiosk knows: the hours, the place, the ticket.
#include "hours/handover.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kColumnMm = 300;  // the sentences and the hours: short lines, read at a glance

void draw_call_help(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float x = ctx.area.x;
  const float w = std::min(ctx.area.w, p.px(kColumnMm));
  float y = draw_title(ctx, "call.title", ctx.t("call.title"), "support_agent");
  const auto& location = ctx.content().location;
  auto say = [&](const std::string& id, const std::string& text, Role role = Role::Text) {
    if (text.empty()) return;
    y += p.text(id, role, TextRole::Body, text, x, y, w, p.colors().text, p.colors().background) + 2 * gap;
  };

  const auto now = ctx.app.local_time();
  const auto schedule = hours::schedule_of(location.info_point_hours);
  const bool open = now && hours::desk_open(ctx.content(), *now);
  using Call = app::Session::Call;
  const Call call = ctx.app.session().call;
  if (call == Call::Coming) {
    say("call.state", ctx.t("call.coming"), Role::Heading);
  } else if (call == Call::Asking) {
    say("call.state", ctx.t("call.asking"), Role::Heading);
  } else if (open) {
    say("call.state", ctx.t("call.there"), Role::Heading);
  } else if (now && schedule) {
    say("call.state", ctx.t("call.nobody"), Role::Heading);
    say("call.next",
        ctx.t("call.next") + " " + hours::status_words(ctx.content(), *schedule, *now, ctx.lang()));
  } else if (schedule) {
    // No time of day (a script without a clock): the week's hours, no claim about now.
    say("call.hours", ctx.t("call.hours"));
    const auto lines = hours::week_words(ctx.content(), *schedule, ctx.lang(), std::nullopt);
    for (std::size_t i = 0; i < lines.size(); ++i) say("call.hours." + std::to_string(i), lines[i]);
  }
  say("call.where", ctx.pick(location.info_point_where));
  // A number helps while nobody is there to walk to.
  if (!open && call != Call::Coming && !location.info_point_phone.empty())
    say("call.phone", fill_in(ctx.t("call.phone"), {{"phone", location.info_point_phone}}));
}

}  // namespace ui
