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

constexpr float kPinColumnMm = 200;  // what the PIN pad asks, left of the keys
constexpr float kBarRoomMm = 10;     // a count's bars get at least this, however long the labels
constexpr float kBarMinMm = 1;       // a bar of zero still shows as a stub

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
  const float left_w = p.px(kPinColumnMm);
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

// The counts: a row per event, its label, two bars (today above the week) and the two numbers.
// Returns where it ends.
float draw_counts(ScreenContext& ctx, float x, float y, float w) {
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
    return y + p.text("staff.counts.none", Role::Text, TextRole::Body, ctx.t("staff.counts.none"), x, y, w,
                      p.colors().text, p.colors().background);
  }
  auto sum = [&](const std::string& event, bool only_today) {
    std::int64_t n = 0;
    for (const auto& c : *week)
      if (c.event == event && (!only_today || c.day == today)) n += c.count;
    return n;
  };
  const char* events[] = {"session", "selfcheck_finished", "slip_shown", "slip_printed"};
  const char* period_keys[] = {"staff.today", "staff.week"};
  auto said = [&](const std::string& event, int period) {
    return ctx.t(period_keys[period]) + " " + std::to_string(sum(event, period == 0));
  };
  std::int64_t most = 1;
  for (const char* e : events) most = std::max(most, sum(e, false));
  // Measured, not fixed, so labels, bars and numbers stay apart in staff's large text too.
  float label_w = 0, number_w[2] = {0, 0};
  for (const char* e : events) {
    label_w = std::max(label_w, p.text_width(TextRole::Body, ctx.t(std::string("staff.count.") + e)) + p.px(mm::slack));
    for (int i = 0; i < 2; ++i) number_w[i] = std::max(number_w[i], p.text_width(TextRole::Body, said(e, i)) + p.px(mm::slack));
  }
  const float bar_w = std::max(p.px(kBarRoomMm), w - label_w - number_w[0] - number_w[1] - 3 * gap);
  const float row_h = std::max(p.px(mm::body_cap * 2.2f), p.measure(TextRole::Body, "0", w));
  for (const char* e : events) {
    const std::string event = e;
    p.text("staff.count." + event, Role::Text, TextRole::Body, ctx.t("staff.count." + event), x, y, label_w,
           p.colors().text, p.colors().background);
    float nx = x + label_w + bar_w + 2 * gap;
    for (int i = 0; i < 2; ++i) {
      const float len = std::max(p.px(kBarMinMm), bar_w * static_cast<float>(sum(event, i == 0)) / static_cast<float>(most));
      p.fill({x + label_w + gap, y + row_h * (0.1f + 0.42f * static_cast<float>(i)), len, row_h * 0.36f},
             i == 0 ? p.colors().primary : p.colors().button_edge, 1);
      p.text("staff.count." + event + "." + std::to_string(i), Role::Text, TextRole::Body, said(event, i), nx, y,
             number_w[i], p.colors().text, p.colors().background);
      nx += number_w[i] + gap;
    }
    y += row_h + gap;
  }
  return y;
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
  const float half = (col_w - gap) / 2;
  p.button("staff.together", Role::Primary, ctx.t("staff.together"), "groups", {x, y, col_w, h},
           {Action::StartCheck}, ButtonStyle::primary());
  y += h + 2 * gap;
  // For an editor "Inhoud aanpassen" stands on the right, above leaving (the left column is full in
  // staff's large text); without a store that can save (none opened, or a read-only disk) editing
  // is not offered, and the right column says why.
  const bool can_edit = ctx.app.session().staff == staff::Role::Editor;
  const bool store_writable = ctx.app.store() && !ctx.app.store()->read_only();
  // Printer: what it last said, and a test slip.
  y += p.text("staff.printer", Role::Heading, TextRole::Label, ctx.t("staff.printer"), x, y, col_w,
              p.colors().text, p.colors().background) +
       gap;
  y += p.text("staff.printer.state", Role::Text, TextRole::Body,
              ctx.t("staff.printer." + ctx.devices.printer_state), x, y, col_w, p.colors().text,
              p.colors().background) +
       gap;
  if (ctx.devices.printer)
    p.button("staff.test_print", Role::Button, ctx.t("staff.test_print"), "print", {x, y, half, h},
             {Action::TestPrint});
  p.button("staff.sound_test", Role::Button, ctx.t("staff.sound_test"),
           ctx.devices.sound ? "volume_up" : "volume_off", {x + half + gap, y, half, h}, {Action::SoundTest});
  y += h + gap;
  // The kiosk's own volume (kept after a restart); a visitor can still go softer or louder. The
  // words take the width they need on one line, the two buttons share the rest.
  const int level = ctx.app.device_volume() + 3;
  const std::string volume = fill_in(ctx.t("staff.volume"), {{"n", std::to_string(level)}});
  const float volume_w = std::min(p.text_width(TextRole::Body, volume) + p.px(mm::slack), col_w * 0.4f);
  const float button_w = (col_w - volume_w - 2 * gap) / 2;
  p.text("staff.volume", Role::Text, TextRole::Body, volume, x,
         y + (h - p.measure(TextRole::Body, volume, volume_w)) / 2, volume_w, p.colors().text,
         p.colors().background);
  p.button("staff.volume_down", Role::Button, ctx.t("staff.volume_down"), "volume_down",
           {x + volume_w + gap, y, button_w, h}, {Action::VolumeDown});
  p.button("staff.volume_up", Role::Button, ctx.t("staff.volume_up"), "volume_up",
           {x + volume_w + button_w + 2 * gap, y, button_w, h}, {Action::VolumeUp});
  y += h + 2 * gap;
  p.text("staff.nothing_kept", Role::Text, TextRole::Body, ctx.t("staff.nothing_kept"), x, y, col_w,
         p.colors().text, p.colors().background);
  // Right: the counts, then leaving and restarting.
  const float rx = ctx.area.x + col_w + 2 * gap;
  // Under the counts what staff must know: editing that cannot be done, damage kept, amounts
  // that run out (on the right, since the left column is full in staff's large text).
  y = draw_counts(ctx, rx, top, col_w) + gap;
  if (can_edit && !store_writable)
    y += p.text("staff.edit.unavailable", Role::Text, TextRole::Body, ctx.t("staff.edit.unavailable"), rx, y, col_w,
                p.colors().text, p.colors().background) +
         gap;
  // Damage the kiosk found and kept for a technician: said until the kept file is taken away.
  if (const auto* store = ctx.app.store(); store && store->damage_kept() != content::DamageKept::None) {
    const std::string key = store->damage_kept() == content::DamageKept::Store ? "staff.store.damaged"
                                                                               : "staff.store.log_damaged";
    y += p.text(key, Role::Text, TextRole::Body, ctx.t(key), rx, y, col_w, p.colors().text,
                p.colors().background) +
         gap;
  }
  // Amounts that run out soon, or ran out: new content must come before visitors are misled.
  if (const auto expiry = selfcheck::first_expiry(ctx.content(), ctx.app.date());
      expiry && expiry->days_left <= content::kExpiryWarningDays) {
    const std::string key = expiry->days_left < 0 ? "staff.expiry.past" : "staff.expiry.soon";
    draw_warning(p, key, fill_in(ctx.t(key), {{"date", slip::long_date(expiry->valid_until, "nl")}}), rx, y,
                 col_w);
  }
  const float by = ctx.area.bottom() - h;
  if (can_edit && store_writable)
    p.button("staff.open_editor", Role::Primary, ctx.t("staff.open_editor"), "edit", {rx, by - h - gap, col_w, h},
             {Action::OpenEditor}, ButtonStyle::primary());
  p.button("staff.restart", Role::Button, ctx.t("staff.restart"), "restart_alt", {rx, by, half, h},
           {Action::Restart});
  p.button("staff.leave", Role::Primary, ctx.t("staff.leave"), "logout", {rx + half + gap, by, half, h},
           {Action::LeaveStaff}, ButtonStyle::primary());
}

}  // namespace ui
