#include "ui/shell.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/focus.hpp"

namespace ui {

Shell::Shell(const app::KioskApp& app, const DisplayMetrics& display)
    : app_(app), display_(display), type_(std::make_unique<Typography>(display)) {}

Shell::~Shell() = default;

std::string Shell::screen_key() const {
  const app::Screen s = app_.visible_screen();
  return std::string(app::screen_name(s.kind)) + "|" + app::describe(s.subject) + "|" + std::to_string(s.part) +
         "|" + app_.language();
}

bool Shell::right_to_left() const {
  const auto* language = app_.content().find_language(app_.language());
  return language && language->right_to_left;
}

const Widget* Shell::focused() const {
  if (focus_id_.empty() || focus_screen_ != screen_key()) return nullptr;
  const Widget* w = widgets_.find(focus_id_);
  return w && w->intent && is_target(w->role) ? w : nullptr;
}

bool Shell::move_focus(bool forward) {
  const auto order = focus_order(widgets_, right_to_left());
  if (order.empty()) return false;
  const auto at = std::find(order.begin(), order.end(), focused());
  const auto n = static_cast<std::ptrdiff_t>(order.size());
  std::ptrdiff_t next = forward ? 0 : n - 1;
  if (at != order.end()) next = ((at - order.begin()) + (forward ? 1 : n - 1)) % n;
  focus_id_ = order[static_cast<std::size_t>(next)]->id;
  focus_screen_ = screen_key();
  return true;
}

void Shell::draw(ImDrawList& draw, DrawBackend& backend, app::Millis now, const Frame& frame) {
  widgets_.clear();
  solids_.clear();
  type_->atlas().begin_frame();
  type_->engine().begin_frame();
  // The background is the renderer's clear colour (a plain fill is far cheaper than a
  // full-screen triangle pair in the software renderer).
  Painter painter(draw, display_, *type_, backend, solids_, app_.text_size(), colors(),
                  right_to_left(), widgets_, frame.pressed, frame.spoken);
  painter.set_settling(frame.settling);
  painter.set_field_scroll(&field_first_line_);
  draw_screen(painter, app_, display_, now, frame.devices);
  draw_focus(draw);
}

// A thick ring round the focus, for visitors who see a little: dark outside, yellow inside, so it
// stands out on the light screen and on the dark nav bar alike (EN 301 549 / WCAG 2.4.7); in
// high contrast cyan outside, black inside.
void Shell::draw_focus(ImDrawList& draw) const {
  const Widget* w = focused();
  if (!w) return;
  const float outer = display_.px(1.6f), inner = display_.px(1.0f), round = display_.px(3.5f);
  const Rect& r = w->rect;
  const float o = outer / 2 + inner;
  draw.AddRect({r.x - o, r.y - o}, {r.right() + o, r.bottom() + o}, colors().focus_edge.imgui(), round, 0,
               outer);
  const float i = inner / 2;
  draw.AddRect({r.x - i, r.y - i}, {r.right() + i, r.bottom() + i}, colors().focus_inner.imgui(), round, 0,
               inner);
}

}  // namespace ui
