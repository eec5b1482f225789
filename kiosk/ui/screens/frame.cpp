// The frame around every screen: a top bar (library name, language, "Wis alles")
// and a bottom nav bar (Terug, Begin, Lees voor, Tekst groter, Hulp). The bars
// keep their size and place in "Tekst groter" mode, so buttons never move.
#include <algorithm>
#include <array>

#include "ui/screens/screens.hpp"

namespace ui {
namespace {

constexpr float kBarMm = mm::nav_height + 2 * mm::gap;
constexpr float kTopButtonMm = 70;  // "Wis alles" in the top bar, and "Taal" at least
constexpr float kHoldBarMm = 3;     // the bar that fills while staff hold the library's name

ButtonStyle nav_style() {
  ButtonStyle style;
  style.look = ButtonLook::Nav;
  style.text_role = TextRole::Nav;
  style.icon_mm = mm::nav_icon;
  return style;
}

// "Taal" in every language of the pack, in the pack's order on every screen (so the button never
// changes), for a visitor who reads no Dutch: "Taal · Language · اللغة · Dil · Мова".
// Each word is said by its own language's voice: one voice spelled "اللغة" out letter by letter.
std::string language_label(const content::ContentPack& content,
                           std::vector<speech::LangSpan>* spans = nullptr) {
  std::string label;
  for (const auto& language : content.languages) {
    const std::string& word = content.text("nav.language", language.code);
    if (label.find(word) != std::string::npos) continue;
    if (!label.empty()) label += " · ";
    if (spans) spans->push_back({label.size(), language.code});
    label += word;
  }
  return label;
}

// "Taal" left of "Wis alles", as wide as its label in every language needs.
Rect language_button(Painter& p, const content::ContentPack& content, const DisplayMetrics& d) {
  const float w = p.button_width(language_label(content), true, p.px(kTopButtonMm), nav_style());
  const float right = static_cast<float>(d.width_px) - p.px(mm::margin + kTopButtonMm + mm::gap);
  return {right - w, p.px(mm::gap), w, p.px(mm::nav_height)};
}

}  // namespace

Rect content_area(const DisplayMetrics& d) {
  const float top = d.px(kBarMm + mm::gap);
  const float bottom = static_cast<float>(d.height_px) - d.px(kBarMm + mm::gap);
  return {d.px(mm::margin), top, static_cast<float>(d.width_px) - 2 * d.px(mm::margin), bottom - top};
}

float draw_title(ScreenContext& ctx, const std::string& id, const std::string& text,
                 const std::string& pictogram) {
  Painter& p = ctx.paint;
  float x = ctx.area.x;
  if (p.has_pictogram(pictogram)) {
    // Centred on the first line of the title.
    const float line = p.measure(TextRole::Heading, "H", ctx.area.w);
    p.pictogram(id + ".pictogram", pictogram, x,
                ctx.area.y + std::max(0.0f, (line - p.px(mm::heading_icon)) / 2), mm::heading_icon,
                p.colors().primary, p.colors().background);
    x += p.px(mm::heading_icon + mm::gap);
  }
  const float h = p.text(id, Role::Heading, TextRole::Heading, text, x, ctx.area.y, ctx.area.right() - x,
                         p.colors().text, p.colors().background);
  return ctx.area.y + std::max(h, p.px(mm::heading_icon)) + p.px(2 * mm::gap);
}

float draw_warning(Painter& p, const std::string& id, const std::string& text, float x, float y, float w) {
  const float h = p.measure(TextRole::Body, text, w - p.px(2 * mm::pad)) + p.px(2 * mm::pad);
  p.fill({x, y, w, h}, p.colors().warning_panel, 2);
  p.text(id, Role::Text, TextRole::Body, text, x + p.px(mm::pad), y + p.px(mm::pad), w - p.px(2 * mm::pad), p.colors().text,
         p.colors().warning_panel);
  return h;
}

void draw_frame(Painter& p, const app::KioskApp& app, const DisplayMetrics& d, DeviceState devices) {
  const auto& content = app.content();
  const auto& lang = app.language();
  auto t = [&](const char* key) -> const std::string& { return content.text(key, lang); };
  const float W = static_cast<float>(d.width_px), H = static_cast<float>(d.height_px);
  const float bar = p.px(kBarMm), gap = p.px(mm::gap), margin = p.px(mm::margin);
  const float button_h = p.px(mm::nav_height);
  using app::Action;

  // Top bar.
  p.fill({0, 0, W, bar}, p.colors().nav_bar);
  const Rect language = language_button(p, content, d);
  float name_w = language.x - margin - gap;
  // Listening mode shows in the bar, left of "Taal", for a helper who sees the screen; the name
  // gives way to it. It is not read with the screen: it was said when it began.
  if (app.session().listening) {
    const std::string& on = t("listen.on");
    const float icon = p.px(mm::nav_icon);
    const float w = icon + gap + p.text_width(TextRole::Nav, on);
    const float x = language.x - 2 * gap - w;
    p.pictogram("frame.listening.pictogram", "hearing", x, (bar - icon) / 2, mm::nav_icon,
                p.colors().nav_bar_text, p.colors().nav_bar);
    p.text("frame.listening", Role::Text, TextRole::Nav, on, x + icon + gap,
           (bar - p.measure(TextRole::Nav, on, w)) / 2, w - icon - gap + p.px(mm::slack), p.colors().nav_bar_text,
           p.colors().nav_bar);
    name_w = std::max(0.0f, x - margin - 2 * gap);
  }
  p.text("frame.location", Role::Text, TextRole::Nav, content.location.name, margin,
         (bar - p.measure(TextRole::Nav, content.location.name, name_w)) / 2, name_w, p.colors().nav_bar_text,
         p.colors().nav_bar);
  // Staff get in by holding the library's name for 5 s: deliberate, and nothing a visitor sees.
  p.hold_area("frame.staff", {0, 0, W / 3, bar}, {Action::OpenStaff});
  // Holding it: a bar that fills in 5 s, then "Laat nu los" (staff words, so in Dutch).
  if (devices.staff_hold >= 0) {
    const float thick = p.px(kHoldBarMm);
    p.fill({0, bar - thick, W / 3 * devices.staff_hold, thick}, p.colors().warning_panel);
    if (devices.staff_hold >= 1) {
      const std::string& release = content.text("staff.hold.release", content.default_language);
      p.fill({margin, gap, W / 3 - margin, button_h}, p.colors().warning_panel, 2);
      p.text("staff.hold", Role::Text, TextRole::Body, release, 2 * margin,
             gap + (button_h - p.measure(TextRole::Body, release, W / 3 - 3 * margin)) / 2,
             W / 3 - 3 * margin, p.colors().text, p.colors().warning_panel);
    }
  }
  const float top_w = p.px(kTopButtonMm);
  const ButtonStyle style = nav_style();
  p.button("nav.clear", Role::Nav, t("nav.clear"), "delete", {W - margin - top_w, gap, top_w, button_h},
           {Action::ClearAll}, style);
  std::vector<speech::LangSpan> spans;
  const std::string languages = language_label(content, &spans);
  p.set_next_languages(std::move(spans));
  p.button("nav.language", Role::Nav, languages, "language", language, {Action::OpenLanguages}, style);

  // Bottom nav bar: five equal buttons.
  p.fill({0, H - bar, W, bar}, p.colors().nav_bar);
  struct NavItem {
    const char* id;
    const char* label;
    const char* icon;
    Action action;
    bool selected;
  };
  // The label says what a tap does next; the app says the new size aloud. Staff's screens have
  // two sizes, so there the large size is the last.
  const app::TextSize size = app.text_size();
  const bool larger =
      size == app::TextSize::Larger || (size == app::TextSize::Large && app::has_staff_text_size(app.visible_screen().kind));
  const char* size_label = size == app::TextSize::Normal ? "nav.bigger"
                           : larger                      ? "nav.smaller"
                                                         : "nav.biggest";
  const NavItem items[] = {
      {"nav.back", "nav.back", "arrow_back", Action::Back, false},
      {"nav.home", "nav.home", "home", Action::Home, false},
      {"nav.speak", devices.speaking ? "nav.stop" : "nav.speak",
       !devices.sound     ? "volume_off"
       : devices.speaking ? "stop"
                          : "volume_up",
       Action::Speak, devices.speaking},
      {"nav.bigger", size_label, larger ? "text_decrease" : "text_increase", Action::NextTextSize,
       size != app::TextSize::Normal},
      {"nav.help", "nav.help", "help", Action::OpenHelp, false},
  };
  const int n = static_cast<int>(std::size(items));
  const float w = (W - 2 * margin - static_cast<float>(n - 1) * gap) / static_cast<float>(n);
  for (int i = 0; i < n; ++i) {
    const NavItem& item = items[i];
    p.button(item.id, Role::Nav, t(item.label), item.icon,
             {margin + static_cast<float>(i) * (w + gap), H - bar + gap, w, button_h}, {item.action}, style,
             item.selected);
  }
}

namespace {

// A short notice ("Voorlezen werkt nu niet.") has a place of its own: the top bar, over the
// library's name and left of "Taal". So it never covers a button, and nothing moves for it.
void draw_notice(Painter& p, const app::KioskApp& app, const DisplayMetrics& d, app::Millis now) {
  const std::string* notice = app.notice(now);
  if (!notice) return;
  const std::string& words = app.content().text(*notice, app.language());
  const float gap = p.px(mm::gap), margin = p.px(mm::margin), h = p.px(mm::nav_height);
  const float w = language_button(p, app.content(), d).x - margin - gap;
  const float text_w = w - 2 * margin;
  const float text_h = p.measure(TextRole::Body, words, text_w);
  p.fill({margin, gap, w, h}, p.colors().warning_panel, 2);
  p.text("notice", Role::Text, TextRole::Body, words, 2 * margin, gap + std::max(0.0f, (h - text_h) / 2),
         text_w, p.colors().text, p.colors().warning_panel);
}

}  // namespace

namespace {

using app::ScreenKind;
namespace about = app::about;

// Every screen's drawing, in one place: the app's table (app/screen.cpp) says who may see it
// and what it is about, this one how it is drawn.
using DrawScreen = void (*)(ScreenContext&, const app::Screen&);
struct ScreenDrawing {
  ScreenKind kind;
  DrawScreen draw;
};
constexpr std::array kDrawings{
    ScreenDrawing{ScreenKind::Home, [](ScreenContext& c, const app::Screen&) { draw_home(c); }},
    ScreenDrawing{ScreenKind::Page,
                  [](ScreenContext& c, const app::Screen& s) { draw_page(c, s.about<about::Page>().id, s.part); }},
    ScreenDrawing{ScreenKind::Intro, [](ScreenContext& c, const app::Screen&) { draw_intro(c); }},
    ScreenDrawing{ScreenKind::Question,
                  [](ScreenContext& c, const app::Screen& s) { draw_question(c, s.about<about::Question>().index); }},
    ScreenDrawing{ScreenKind::Result, [](ScreenContext& c, const app::Screen& s) { draw_result(c, s.part); }},
    ScreenDrawing{ScreenKind::Why,
                  [](ScreenContext& c, const app::Screen& s) { draw_why(c, s.about<about::Suggestion>().id); }},
    ScreenDrawing{ScreenKind::NextStep, [](ScreenContext& c, const app::Screen&) { draw_next_step(c); }},
    ScreenDrawing{ScreenKind::Slip, [](ScreenContext& c, const app::Screen& s) { draw_slip(c, s.part); }},
    ScreenDrawing{ScreenKind::IdleWarning, nullptr},  // covers the whole screen: draw_screen draws it
    ScreenDrawing{ScreenKind::Help, [](ScreenContext& c, const app::Screen& s) { draw_help(c, s.part); }},
    ScreenDrawing{ScreenKind::CallHelp, [](ScreenContext& c, const app::Screen&) { draw_call_help(c); }},
    ScreenDrawing{ScreenKind::Language, [](ScreenContext& c, const app::Screen&) { draw_language(c); }},
    ScreenDrawing{ScreenKind::Listening, [](ScreenContext& c, const app::Screen&) { draw_listening(c); }},
    ScreenDrawing{ScreenKind::PinPad, [](ScreenContext& c, const app::Screen&) { draw_pin(c, false); }},
    ScreenDrawing{ScreenKind::PinSetup, [](ScreenContext& c, const app::Screen&) { draw_pin(c, true); }},
    ScreenDrawing{ScreenKind::Volunteer, [](ScreenContext& c, const app::Screen&) { draw_volunteer(c); }},
    ScreenDrawing{ScreenKind::Editor,
                  [](ScreenContext& c, const app::Screen& s) { draw_editor(c, s.about<about::Section>().name, s.part); }},
    ScreenDrawing{ScreenKind::EditItem,
                  [](ScreenContext& c, const app::Screen& s) { draw_edit_item(c, s.about<about::Item>().ref, s.part); }},
    ScreenDrawing{ScreenKind::EditField, [](ScreenContext& c, const app::Screen& s) { draw_edit_field(c, s.part); }},
    ScreenDrawing{ScreenKind::Preview, [](ScreenContext& c, const app::Screen& s) { draw_preview(c, s.part); }},
    ScreenDrawing{ScreenKind::History, [](ScreenContext& c, const app::Screen&) { draw_history(c); }},
    ScreenDrawing{ScreenKind::RollBackReview, [](ScreenContext& c, const app::Screen&) { draw_roll_back_review(c); }},
    ScreenDrawing{ScreenKind::PublishReview, [](ScreenContext& c, const app::Screen&) { draw_publish_review(c); }},
    ScreenDrawing{ScreenKind::Stick, [](ScreenContext& c, const app::Screen&) { draw_stick(c); }},
    ScreenDrawing{ScreenKind::ImportReview, [](ScreenContext& c, const app::Screen&) { draw_import_review(c); }},
};

static_assert(app::lists_every_screen(kDrawings), "kDrawings lists every ScreenKind once, in the enum's order");

// Whether the one looking may see this screen: staff screens only after a PIN, the editor's
// only for an editor (a tap that raced the PIN or a role change draws nothing).
bool may_see(const app::KioskApp& app, ScreenKind kind) {
  switch (app::audience(kind)) {
    case app::Audience::Anyone: return true;
    case app::Audience::Staff: return app.staff_mode();
    case app::Audience::Editor: return app.session().staff == staff::Role::Editor;
  }
  return false;
}

}  // namespace

void draw_screen(Painter& paint, const app::KioskApp& app, const DisplayMetrics& display, app::Millis now,
                 DeviceState devices) {
  const app::Screen screen = app.visible_screen();
  if (screen.kind == ScreenKind::IdleWarning) {
    draw_idle(paint, app, display, now);
    return;
  }
  draw_frame(paint, app, display, devices);
  ScreenContext ctx{paint, app, content_area(display), now, devices};
  // No text of a screen reaches the bottom bar's buttons, however long it is.
  paint.set_text_bottom(static_cast<float>(display.height_px) - display.px(kBarMm - mm::gap));
  const DrawScreen draw = kDrawings[static_cast<std::size_t>(screen.kind)].draw;
  if (draw && may_see(app, screen.kind)) draw(ctx, screen);
  paint.set_text_bottom(Painter::kNoBottom);
  draw_notice(paint, app, display, now);
}

}  // namespace ui
