#pragma once
// One file per screen. Each draws only its content area; frame.cpp draws the
// bars that are the same on every screen.
#include <map>
#include <string>

#include "app/kiosk_app.hpp"
#include "slip/slip.hpp"
#include "stats/stats.hpp"
#include "ui/widgets.hpp"

namespace ui {

// What the screens show of the devices: a crossed-out speaker without sound,
// "Stop" while reading; a print button when there is a printer.
struct DeviceState {
  bool sound = true;
  bool speaking = false;
  bool printer = false;
  bool printing = false;
  // For the staff screens: the printer's last word (none, untried, ready, paper_out, ...)
  // and the anonymous counts, when the kiosk keeps them.
  std::string printer_state = "none";
  const stats::StatsStore* stats = nullptr;
  // How far the 5-second hold on the library's name is (0 to 1), shown after a second so a
  // staff member sees it coming; negative when nobody holds it.
  float staff_hold = -1;
};

struct ScreenContext {
  Painter& paint;
  const app::KioskApp& app;
  Rect area;  // between the top and bottom bars, inside the margins
  app::Millis now;
  DeviceState devices;
  // The content drawn; "Voorbeeld" draws the editor's unsaved text in place of the live content.
  const content::ContentPack* pack = nullptr;

  [[nodiscard]] const content::ContentPack& content() const { return pack ? *pack : app.content(); }
  [[nodiscard]] const std::string& lang() const { return app.language(); }
  [[nodiscard]] const std::string& t(const std::string& key) const { return content().text(key, lang()); }
  [[nodiscard]] const std::string& pick(const content::LocalText& text) const {
    return content().pick(text, lang());
  }
};

using content::fill_in;

// A screen title with its pictogram; returns the y below it.
float draw_title(ScreenContext& ctx, const std::string& id, const std::string& text,
                 const std::string& pictogram);

// A sentence staff must not miss (a refusal, amounts running out), on a warning panel;
// returns its height.
float draw_warning(Painter& p, const std::string& id, const std::string& text, float x, float y, float w);

void draw_frame(Painter& paint, const app::KioskApp& app, const DisplayMetrics& display, DeviceState devices);
[[nodiscard]] Rect content_area(const DisplayMetrics& display);

void draw_home(ScreenContext& ctx);
// A long page is shown in parts ("Lees verder"); `part` counts from 0.
void draw_page(ScreenContext& ctx, const std::string& page_id, int part = 0);
void draw_intro(ScreenContext& ctx);
void draw_question(ScreenContext& ctx, int index);
void draw_result(ScreenContext& ctx, int page);
void draw_why(ScreenContext& ctx, const std::string& rule_id);
void draw_next_step(ScreenContext& ctx);
void draw_slip(ScreenContext& ctx, int part = 0);
// The slip for this session: the suggestions of the result, the chosen next step.
[[nodiscard]] slip::Slip slip_for(const app::KioskApp& app);
// In larger text the explanations may go on in a second part ("Lees verder").
void draw_help(ScreenContext& ctx, int part = 0);
// "Roep iemand": someone comes, where the info point is, or when someone will be there.
void draw_call_help(ScreenContext& ctx);
// Staff: the PIN pad (setup: choosing the PINs) and the volunteer's screen.
void draw_pin(ScreenContext& ctx, bool setup);
void draw_volunteer(ScreenContext& ctx);
// Editors: the list of what can change by section (in parts), one item's fields with its
// languages side by side, one field with the keyboard or its choices, "Voorbeeld", the
// history, and content to and from a USB stick.
void draw_editor(ScreenContext& ctx, const std::string& section, int part);
void draw_edit_item(ScreenContext& ctx, const std::string& item, int part);
void draw_edit_field(ScreenContext& ctx, int part);
void draw_preview(ScreenContext& ctx, int part);
void draw_history(ScreenContext& ctx);
void draw_stick(ScreenContext& ctx);
void draw_import_review(ScreenContext& ctx);
void draw_roll_back_review(ScreenContext& ctx);
void draw_publish_review(ScreenContext& ctx);
void draw_language(ScreenContext& ctx);
// Listening mode has started on the loudspeaker: how it works, and may amounts be said aloud.
void draw_listening(ScreenContext& ctx);
// The idle warning covers the whole screen: only its own buttons act.
void draw_idle(Painter& paint, const app::KioskApp& app, const DisplayMetrics& display, app::Millis now);

// Draws whatever the app shows now.
void draw_screen(Painter& paint, const app::KioskApp& app, const DisplayMetrics& display, app::Millis now,
                 DeviceState devices = {});

}  // namespace ui
