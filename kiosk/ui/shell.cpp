#include "ui/shell.hpp"

#include <imgui.h>

#include "ui/screens/screens.hpp"

namespace ui {

Shell::Shell(app::KioskApp& app, const DisplayMetrics& display, input::WindowMode mode)
    : app_(app),
      display_(display),
      mode_(mode),
      type_(std::make_unique<Typography>(display)),
      touch_(input::TouchSettings{display.px(6), 1500}) {}

bool Shell::pointer(const input::PointerEvent& event) {
  if (event.kind == input::PointerEvent::Kind::Down) app_.note_input(event.time);
  const auto tap = touch_.feed(event);
  if (!tap) return event.kind != input::PointerEvent::Kind::Move;
  const Widget* pressed = widgets_.target_at(tap->down);
  const Widget* released = widgets_.target_at(tap->up);
  // A press that slid off its button does nothing.
  if (!pressed || pressed != released || !pressed->intent) return true;
  if (!debounce_.accept(pressed->id, tap->time)) return true;
  app_.apply(*pressed->intent, tap->time);
  return true;
}

bool Shell::key(const input::KeyChord& chord, app::Millis now) {
  app_.note_input(now);
  return input::key_closes_app(chord, mode_);
}

bool Shell::right_to_left() const {
  const auto* language = app_.content().find_language(app_.language());
  return language && language->right_to_left;
}

void Shell::draw(ImDrawList& draw, DrawBackend& backend, app::Millis now) {
  widgets_.clear();
  solids_.clear();
  type_->atlas().begin_frame();
  const auto pressed = touch_.pressed_at(now);
  // The background is the renderer's clear colour (a plain fill is far cheaper than a
  // full-screen triangle pair in the software renderer).
  Painter painter(draw, display_, *type_, backend, solids_, app_.session().large_text, right_to_left(),
                  widgets_, pressed);
  draw_screen(painter, app_, display_, now);
  drawn_revision_ = app_.revision();
  drawn_pressed_ = pressed;
  drawn_seconds_left_ = app_.idle_seconds_left(now);
}

std::optional<app::Millis> Shell::next_deadline(app::Millis now) const {
  auto deadline = app_.next_deadline(now);
  if (auto touch = touch_.next_deadline(now); touch && (!deadline || *touch < *deadline)) deadline = touch;
  return deadline;
}

bool Shell::needs_redraw(app::Millis now) const {
  const auto pressed = touch_.pressed_at(now);
  const bool pressed_changed =
      pressed.has_value() != drawn_pressed_.has_value() ||
      (pressed && (pressed->x != drawn_pressed_->x || pressed->y != drawn_pressed_->y));
  return app_.revision() != drawn_revision_ || pressed_changed ||
         app_.idle_seconds_left(now) != drawn_seconds_left_;
}

}  // namespace ui
