#include "platform/layout_dump.hpp"

#include <cstdio>

namespace platform {
namespace {

std::string hex(ui::Color c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
  return buffer;
}

}  // namespace

nlohmann::json layout_json(runtime::Runtime& kiosk, const std::string& shot) {
  auto& shell = kiosk.view();
  const auto& display = shell.display();
  nlohmann::json widgets = nlohmann::json::array();
  for (const auto& w : shell.widgets().all()) {
    widgets.push_back({{"id", w.id},
                       {"role", ui::role_name(w.role)},
                       {"label", w.label},
                       {"rect", {w.rect.x, w.rect.y, w.rect.w, w.rect.h}},
                       {"font_px", w.font_px},
                       {"cap_px", w.cap_px},
                       {"fg", hex(w.fg)},
                       {"bg", hex(w.bg)},
                       {"target", w.intent.has_value()},
                       {"selected", w.selected},
                       {"overflows", w.overflows},
                       {"waiting", w.waiting}});
  }
  const auto& app = shell.app();
  nlohmann::json spoken = nullptr;
  if (const auto& word = kiosk.drawn_spoken())
    spoken = {{"widget", word->widget}, {"begin", word->begin}, {"end", word->end}};
  return {{"shot", shot},
          {"spoken", std::move(spoken)},
          {"screen", app::screen_name(app.visible_screen().kind)},
          {"lang", app.language()},
          {"direction", shell.right_to_left() ? "rtl" : "ltr"},
          {"text_size", app::text_size_name(app.text_size())},
          {"high_contrast", app.session().high_contrast},
          {"size_px", {display.width_px, display.height_px}},
          {"size_mm", {display.width_mm, display.height_mm}},
          {"px_per_mm", display.px_per_mm()},
          {"widgets", std::move(widgets)}};
}

}  // namespace platform
