#include "ui/typography.hpp"

#include <cmath>

namespace ui {

Typography::Typography(const DisplayMetrics& display, const std::string& font_config)
    : display_(display),
      fonts_(std::make_unique<text::FontSet>(font_config)),
      hyphenator_(std::make_unique<text::Hyphenator>()),
      engine_(std::make_unique<text::TextEngine>(*fonts_, *hyphenator_)),
      atlas_(std::make_unique<text::GlyphAtlas>(*fonts_)) {
  struct Want {
    TextRole role;
    bool large;
    float cap_mm;
    text::Weight weight;
  };
  using text::Weight;
  const Want wants[] = {
      {TextRole::Body, false, mm::body_cap, Weight::Regular},
      {TextRole::Body, true, mm::body_cap_large, Weight::Regular},
      {TextRole::Label, false, mm::body_cap, Weight::Bold},
      {TextRole::Label, true, mm::body_cap_large, Weight::Bold},
      {TextRole::Heading, false, mm::heading_cap, Weight::Bold},
      {TextRole::Heading, true, mm::heading_cap_large, Weight::Bold},
      {TextRole::Nav, false, mm::body_cap, Weight::Bold},
      {TextRole::Nav, true, mm::body_cap, Weight::Bold},  // the bars keep their size and place
      {TextRole::Countdown, false, mm::countdown_cap, Weight::Bold},
      {TextRole::Countdown, true, mm::countdown_cap, Weight::Bold},
  };
  for (const Want& want : wants) {
    // Quarter pixels, rounded up: the cap height never falls below the wanted one.
    const float size = std::ceil(fonts_->size_for_cap(display.px(want.cap_mm), want.weight) * 4.0f) / 4.0f;
    const auto& primary = fonts_->face(fonts_->primary(want.weight));
    faces_[{want.role, want.large}] = {size, size * primary.cap_height / primary.units_per_em, want.weight};
  }
}

}  // namespace ui
