#include "ui/typography.hpp"

#include <cmath>

namespace ui {

Typography::Typography(const DisplayMetrics& display, const std::string& font_config)
    : display_(display),
      fonts_(std::make_unique<text::FontSet>(font_config)),
      hyphenator_(std::make_unique<text::Hyphenator>()),
      engine_(std::make_unique<text::TextEngine>(*fonts_, *hyphenator_)),
      atlas_(std::make_unique<text::GlyphAtlas>(*fonts_)) {
  // The screen never waits for a long text: it is laid out a slice a frame.
  engine_->set_frame_budget(text::TextEngine::kFrameBudget);
  struct Want {
    TextRole role;
    app::TextSize size;
    float cap_mm;
    text::Weight weight;
  };
  using text::Weight;
  using enum app::TextSize;
  const Want wants[] = {
      {TextRole::Body, Normal, mm::body_cap, Weight::Regular},
      {TextRole::Body, Large, mm::body_cap_large, Weight::Regular},
      {TextRole::Body, Larger, mm::body_cap_larger, Weight::Regular},
      {TextRole::Label, Normal, mm::body_cap, Weight::Bold},
      {TextRole::Label, Large, mm::body_cap_large, Weight::Bold},
      {TextRole::Label, Larger, mm::body_cap_larger, Weight::Bold},
      {TextRole::Heading, Normal, mm::heading_cap, Weight::Bold},
      {TextRole::Heading, Large, mm::heading_cap_large, Weight::Bold},
      {TextRole::Heading, Larger, mm::heading_cap_larger, Weight::Bold},
      // The bars keep their size and place.
      {TextRole::Nav, Normal, mm::body_cap, Weight::Bold},
      {TextRole::Nav, Large, mm::body_cap, Weight::Bold},
      {TextRole::Nav, Larger, mm::body_cap, Weight::Bold},
      {TextRole::Countdown, Normal, mm::countdown_cap, Weight::Bold},
      {TextRole::Countdown, Large, mm::countdown_cap, Weight::Bold},
      {TextRole::Countdown, Larger, mm::countdown_cap, Weight::Bold},
  };
  for (const Want& want : wants) {
    // Quarter pixels, rounded up: the cap height never falls below the wanted one.
    const float size = std::ceil(fonts_->size_for_cap(display.px(want.cap_mm), want.weight) * 4.0f) / 4.0f;
    const auto& primary = fonts_->face(fonts_->primary(want.weight));
    faces_[{want.role, want.size}] = {size, size * primary.cap_height / primary.units_per_em, want.weight};
  }
}

}  // namespace ui
