#include "ui/focus.hpp"

#include <algorithm>

namespace ui {

std::vector<const Widget*> focus_order(const WidgetList& widgets, bool right_to_left) {
  std::vector<const Widget*> targets;
  for (const Widget& w : widgets.all())
    if (is_target(w.role) && w.intent) targets.push_back(&w);
  std::stable_sort(targets.begin(), targets.end(),
                   [](const Widget* a, const Widget* b) { return a->rect.y < b->rect.y; });
  // Rows: a target joins the row above when its top is above the middle of the row's first target.
  std::vector<const Widget*> ordered;
  for (std::size_t begin = 0; begin < targets.size();) {
    const Rect& first = targets[begin]->rect;
    std::size_t end = begin + 1;
    while (end < targets.size() && targets[end]->rect.y < first.y + first.h / 2) ++end;
    std::vector<const Widget*> row(targets.begin() + static_cast<std::ptrdiff_t>(begin),
                                   targets.begin() + static_cast<std::ptrdiff_t>(end));
    std::stable_sort(row.begin(), row.end(), [&](const Widget* a, const Widget* b) {
      return right_to_left ? a->rect.right() > b->rect.right() : a->rect.x < b->rect.x;
    });
    ordered.insert(ordered.end(), row.begin(), row.end());
    begin = end;
  }
  return ordered;
}

bool is_checkable(const Widget& widget) {
  return widget.intent &&
         (widget.intent->action == app::Action::Tick || widget.intent->action == app::Action::ToggleOnSlip);
}

speech::Source label_source(const Widget& widget, bool alone) {
  const bool personal = widget.context.empty() && (widget.privacy == Privacy::Personal ||
                                                   (alone && widget.privacy == Privacy::Choice));
  return {widget.id, widget.label, personal, widget.neutral, widget.languages};
}

std::vector<speech::Source> spoken_parts(const Widget& widget, const content::ContentPack& content,
                                         const std::string& lang) {
  std::vector<speech::Source> parts;
  if (!widget.context.empty())
    parts.push_back({"", widget.context + ",", widget.privacy != Privacy::Shared, widget.neutral});
  parts.push_back(label_source(widget, true));
  parts.back().widget.clear();  // said as a whole sentence, not the label's words on screen
  // A pause before the role or state, unless the label ends with a full stop ("... zien.").
  if (parts.back().text.empty() || parts.back().text.back() != '.') parts.back().text += ",";
  if (is_checkable(widget))
    parts.push_back({"", content.text(widget.selected ? "focus.checked" : "focus.unchecked", lang), true,
                     content.text("focus.box", lang)});
  else
    parts.push_back({"", content.text("focus.button", lang)});
  return parts;
}

std::string spoken_form(const Widget& widget, const content::ContentPack& content, const std::string& lang) {
  std::string said;
  for (const auto& part : spoken_parts(widget, content, lang)) said += (said.empty() ? "" : " ") + part.text;
  return said;
}

}  // namespace ui
