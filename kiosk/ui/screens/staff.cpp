// The staff screens: the PIN pad (and choosing the PINs on first start, after the
// installer's setup code), and the volunteer's screen with the printer, sound, the
// day's counts and "Samen invullen", and damage to the store the kiosk recovered from.
// Staff screens are in Dutch only; they never show anything a visitor answered.
#include <algorithm>

#include "selfcheck/selfcheck.hpp"
#include "slip/slip.hpp"
#include "stats/stats.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

using app::Action;

void draw_pin(ScreenContext& ctx, bool setup) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  float y = draw_title(ctx, "staff.pin.title", ctx.t("staff.pin.title"), "lock");
  const auto& session = ctx.app.session();
  const std::string ask = !setup                                  ? ctx.t("staff.pin.body")
                          : session.pin.setup_role == "code"      ? ctx.t("staff.setup.code")
                          : !session.pin.first.empty()            ? ctx.t("staff.pin.again")
                          : session.pin.setup_role == "volunteer" ? ctx.t("staff.pin.setup_volunteer")
                                                                  : ctx.t("staff.pin.setup_editor");
  const float left_w = p.px(200);
  y += p.text("staff.pin.ask", Role::Text, TextRole::Body, ask, ctx.area.x, y, left_w, p.colors().text,
              p.colors().background) +
       2 * gap;
  // While choosing a PIN it is shown, so a typo is seen; otherwise dots. A bullet (U+2022):
  // Noto Sans has no U+25CF, which drew as empty boxes.
  std::string typed;
  for (char digit : session.pin.digits) typed += setup ? std::string(1, digit) + " " : "\u2022 ";
  p.text("staff.pin.typed", Role::Heading, TextRole::Heading, typed.empty() ? " " : typed, ctx.area.x, y,
         left_w, p.colors().text, p.colors().background);
  y += p.px(mm::heading_cap * 2.5f);
  if (const auto* access = ctx.app.staff_access(); access && access->wait_left(ctx.now) > 0) {
    const auto seconds = (access->wait_left(ctx.now) + 999) / 1000;
    p.text("staff.pin.wait", Role::Text, TextRole::Body,
           fill_in(ctx.t("staff.pin.wait"), {{"s", std::to_string(seconds)}}), ctx.area.x, y, left_w,
           p.colors().text, p.colors().background);
  }

  // The keypad, as on a telephone: 1 2 3 / 4 5 6 / 7 8 9 / Wis 0 OK.
  const float key = p.px(mm::primary_height + 8);
  const float pad_x = ctx.area.right() - 3 * key - 2 * gap;
  const float pad_y = ctx.area.y;
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "enter"};
  for (int i = 0; i < 12; ++i) {
    const Rect r{pad_x + static_cast<float>(i % 3) * (key + gap),
                 pad_y + static_cast<float>(i / 3) * (key + gap), key, key};
    const std::string k = keys[i];
    ButtonStyle stacked;
    stacked.icon_above = true;
    ButtonStyle stacked_primary = ButtonStyle::primary();
    stacked_primary.icon_above = true;
    if (k == "erase")
      p.button("pin.erase", Role::Button, ctx.t("staff.pin.erase"), "backspace", r, {Action::PinErase},
               stacked);
    else if (k == "enter")
      p.button("pin.enter", Role::Primary, ctx.t("staff.pin.enter"), "check", r, {Action::PinEnter},
               stacked_primary);
    else
      p.button("pin." + k, Role::Button, k, "", r, {Action::PinDigit, k});
  }
}

namespace {

// One row of the counts: a label, then a bar per period with its number.
void draw_counts(ScreenContext& ctx, float x, float y, float w) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  y += p.text("staff.counts", Role::Heading, TextRole::Label, ctx.t("staff.counts"), x, y, w, p.colors().text,
              p.colors().background) +
       gap;
  const std::string today = ctx.app.date();
  // The week so far: from its Monday (ISO weeks) to today.
  std::string monday = today;
  while (stats::iso_week(stats::add_days(monday, -1)) == stats::iso_week(today))
    monday = stats::add_days(monday, -1);
  // No counts kept, or a counts file that fails to read (a damaged disk): the screen stays usable.
  std::optional<std::vector<stats::Count>> week;
  try {
    if (ctx.devices.stats) week = ctx.devices.stats->counts(monday, today);
  } catch (const std::exception&) {
  }
  if (!week) {
    p.text("staff.counts.none", Role::Text, TextRole::Body, ctx.t("staff.counts.none"), x, y, w,
           p.colors().text, p.colors().background);
    return;
  }
  auto sum = [&](const std::string& event, bool only_today) {
    std::int64_t n = 0;
    for (const auto& c : *week)
      if (c.event == event && (!only_today || c.day == today)) n += c.count;
    return n;
  };
  const char* events[] = {"session", "selfcheck_finished", "slip_shown", "slip_printed"};
  std::int64_t most = 1;
  for (const char* e : events) most = std::max(most, sum(e, false));
  const float label_w = p.px(45), bar_w = w - label_w - gap;
  const float row_h = p.px(mm::body_cap * 2.2f);
  for (const char* e : events) {
    const std::string event = e;
    p.text("staff.count." + event, Role::Text, TextRole::Body, ctx.t("staff.count." + event), x, y, label_w,
           p.colors().text, p.colors().background);
    const std::int64_t periods[] = {sum(event, true), sum(event, false)};
    const char* period_keys[] = {"staff.today", "staff.week"};
    for (int i = 0; i < 2; ++i) {
      const float by = y + static_cast<float>(i) * (row_h + p.px(1));
      const float len =
          std::max(p.px(1), bar_w * 0.7f * static_cast<float>(periods[i]) / static_cast<float>(most));
      p.fill({x + label_w + gap, by, len, row_h * 0.8f}, i == 0 ? p.colors().primary : p.colors().button_edge,
             1);
      p.text("staff.count." + event + "." + std::to_string(i), Role::Text, TextRole::Body,
             ctx.t(period_keys[i]) + " " + std::to_string(periods[i]), x + label_w + 2 * gap + len, by,
             p.px(60), p.colors().text, p.colors().background);
    }
    y += 2 * row_h + gap;
  }
}

}  // namespace

void draw_volunteer(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float top = draw_title(ctx, "staff.volunteer.title", ctx.t("staff.volunteer.title"), "badge");
  const float col_w = (ctx.area.w - 2 * gap) / 2;
  const float h = p.px(mm::primary_height);
  float y = top;
  const float x = ctx.area.x;
  p.button("staff.together", Role::Primary, ctx.t("staff.together"), "groups", {x, y, col_w, h},
           {Action::StartCheck}, ButtonStyle::primary());
  y += h + 2 * gap;

  // Printer: what it last said, and a test slip.
  y += p.text("staff.printer", Role::Heading, TextRole::Label, ctx.t("staff.printer"), x, y, col_w,
              p.colors().text, p.colors().background) +
       gap;
  y += p.text("staff.printer.state", Role::Text, TextRole::Body,
              ctx.t("staff.printer." + ctx.devices.printer_state), x, y, col_w, p.colors().text,
              p.colors().background) +
       gap;
  const float half = (col_w - gap) / 2;
  if (ctx.devices.printer)
    p.button("staff.test_print", Role::Button, ctx.t("staff.test_print"), "print", {x, y, half, h},
             {Action::TestPrint});
  p.button("staff.sound_test", Role::Button, ctx.t("staff.sound_test"),
           ctx.devices.sound ? "volume_up" : "volume_off", {x + half + gap, y, half, h}, {Action::SoundTest});
  y += h + gap;
  // The kiosk's own volume (kept after a restart); a visitor can still go softer or louder.
  const int level = ctx.app.device_volume() + 3;
  const float third = (col_w - 2 * gap) / 3;
  p.text("staff.volume", Role::Text, TextRole::Body,
         fill_in(ctx.t("staff.volume"), {{"n", std::to_string(level)}}), x, y + p.px(4), third,
         p.colors().text, p.colors().background);
  p.button("staff.volume_down", Role::Button, ctx.t("staff.volume_down"), "volume_down",
           {x + third + gap, y, third, h}, {Action::VolumeDown});
  p.button("staff.volume_up", Role::Button, ctx.t("staff.volume_up"), "volume_up",
           {x + 2 * (third + gap), y, third, h}, {Action::VolumeUp});
  y += h + 2 * gap;
  if (ctx.app.session().staff == staff::Role::Editor) {
    // Without a store that can save (none opened, or a read-only disk) editing is not offered.
    if (ctx.app.store() && !ctx.app.store()->read_only()) {
      p.button("staff.open_editor", Role::Primary, ctx.t("staff.open_editor"), "edit", {x, y, col_w, h},
               {Action::OpenEditor}, ButtonStyle::primary());
      y += h + 2 * gap;
    } else {
      y += p.text("staff.edit.unavailable", Role::Text, TextRole::Body, ctx.t("staff.edit.unavailable"), x, y,
                  col_w, p.colors().text, p.colors().background) +
           2 * gap;
    }
  }
  y += p.text("staff.nothing_kept", Role::Text, TextRole::Body, ctx.t("staff.nothing_kept"), x, y, col_w,
              p.colors().text, p.colors().background) +
       2 * gap;
  // Damage the kiosk found and kept for a technician: said until the kept file is taken away.
  if (const auto* store = ctx.app.store(); store && store->damage_kept() != content::DamageKept::None) {
    const std::string key = store->damage_kept() == content::DamageKept::Store ? "staff.store.damaged"
                                                                               : "staff.store.log_damaged";
    y += p.text(key, Role::Text, TextRole::Body, ctx.t(key), x, y, col_w, p.colors().text,
                p.colors().background) +
         gap;
  }
  // Amounts that run out soon, or ran out: new content must come before visitors are misled.
  if (const auto expiry = selfcheck::first_expiry(ctx.content(), ctx.app.date());
      expiry && expiry->days_left <= content::kExpiryWarningDays) {
    const std::string key = expiry->days_left < 0 ? "staff.expiry.past" : "staff.expiry.soon";
    draw_warning(p, key, fill_in(ctx.t(key), {{"date", slip::long_date(expiry->valid_until, "nl")}}), x, y,
                 col_w);
  }

  // Right: the counts, then leaving and restarting.
  const float rx = ctx.area.x + col_w + 2 * gap;
  draw_counts(ctx, rx, top, col_w);
  const float by = ctx.area.bottom() - h;
  p.button("staff.restart", Role::Button, ctx.t("staff.restart"), "restart_alt", {rx, by, half, h},
           {Action::Restart});
  p.button("staff.leave", Role::Primary, ctx.t("staff.leave"), "logout", {rx + half + gap, by, half, h},
           {Action::LeaveStaff}, ButtonStyle::primary());
}

}  // namespace ui
