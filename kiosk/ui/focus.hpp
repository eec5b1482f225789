#pragma once
// The keyboard focus: which targets of a screen it visits, in which order, and
// what is said for each. Built from the widgets of the last frame drawn, like hit
// testing and "Lees voor", so keys, touch and speech always see the same screen.
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "speech/utterance.hpp"
#include "ui/widgets.hpp"

namespace ui {

// Every target that acts, in reading order: rows from top to bottom, and in a row
// from left to right (right to left for a right-to-left language). Widgets whose
// tops lie within half a row's height of each other share a row.
[[nodiscard]] std::vector<const Widget*> focus_order(const WidgetList& widgets, bool right_to_left);

// A target that is on or off (a tick, "Op briefje"): said with its state, not as a button.
[[nodiscard]] bool is_checkable(const Widget& widget);

// What the focus says: "Ja, knop"; "Huurtoeslag, Op briefje, aangevinkt".
[[nodiscard]] std::string spoken_form(const Widget& widget, const content::ContentPack& content,
                                      const std::string& lang);
// The same in parts marked for private listening (speech::Source::personal): the card a button
// belongs to and the label as the widget's privacy says, a tick's state always ("vinkje" instead).
[[nodiscard]] std::vector<speech::Source> spoken_parts(const Widget& widget, const content::ContentPack& content,
                                                       const std::string& lang);
// A widget's words for speech, marked as its privacy says. `alone`: said by themselves (the
// focus, a finger, the answer chosen said again), where a Choice tells what the visitor picks.
// Beside a context (the card a "Waarom?" belongs to) the context carries the privacy, and a
// button's own words are shared.
[[nodiscard]] speech::Source label_source(const Widget& widget, bool alone);

}  // namespace ui
