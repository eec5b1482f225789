// The self-check's result: one card per suggestion, marked "Waarschijnlijk" or
// "Misschien" in words and with a pictogram (never colour alone), its reason,
// and "Waarom?". Hedged, never a promise. Then the way to a next step.
#include <algorithm>

#include "selfcheck/selfcheck.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

// A result card: the certainty pictogram in its own column, the text, two buttons on the right.
constexpr float kTextInsetMm = 16;                // the card's edge to its text, past the pictogram
constexpr float kCardMinMm = mm::target_min + 8;  // a card, at least: its buttons and their margin
constexpr float kCardPaddingMm = 24;              // above, between and below the title and the reason
constexpr float kWhyButtonMm = 62;                // "Waarom?"
constexpr float kOnSlipButtonMm = 78;             // "Op briefje", ticked or not
constexpr float kCallButtonMm = 100;              // "Roep iemand"
constexpr float kMoreButtonMm = 140;              // "Meer"

void draw_result(ScreenContext& ctx, int page) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  float y = draw_title(ctx, "result.title", ctx.t("result.title"), "volunteer_activism");
  const auto suggestions = selfcheck::evaluate(ctx.content(), ctx.app.session().answers, ctx.app.date());

  // As many cards as fit above the buttons; the rest on the next page.
  const float buttons_h = p.px(mm::primary_button_height);
  const float bottom = ctx.area.bottom() - buttons_h - 2 * gap;
  // Two buttons on each card: "Waarom?" and "Op briefje" (a toggle).
  const float why_w = p.button_width(ctx.t("result.why"), true, p.px(kWhyButtonMm));
  const float slip_w = p.button_width(ctx.t("result.on_slip"), true, p.px(kOnSlipButtonMm));
  const float buttons_w = why_w + slip_w + gap;
  const float text_w = ctx.area.w - buttons_w - p.px(kTextInsetMm) - gap;
  const auto on_slip = ctx.app.slip_suggestions();
  auto card_height = [&](const content::Rule& rule) {
    return std::max(p.px(kCardMinMm), p.measure(TextRole::Label, ctx.pick(rule.title), text_w) +
                                                  p.measure(TextRole::Body, ctx.pick(rule.reason), text_w) +
                                                  p.px(kCardPaddingMm));
  };
  std::size_t first = 0;
  for (int skip = 0; skip < page; ++skip) {  // find where this page starts
    float probe = y;
    std::size_t i = first;
    for (; i < suggestions.size(); ++i) {
      const float h = card_height(*suggestions[i].rule);
      if (probe + h > bottom && i > first) break;
      probe += h + gap;
    }
    first = i;
  }
  std::size_t i = first;
  for (; i < suggestions.size(); ++i) {
    const auto& suggestion = suggestions[i];
    const auto& rule = *suggestion.rule;
    const bool likely = suggestion.certainty == selfcheck::Certainty::Likely;
    const std::string tag = ctx.t(likely ? "result.likely" : "result.maybe");
    const float h = card_height(rule);
    if (y + h > bottom && i > first) break;
    const Rect card{ctx.area.x, y, ctx.area.w, h};
    p.panel(card, p.colors().button, 2);
    const std::string id = "result." + rule.id;
    // The card is the visitor's own: on the loudspeaker its name is said as "een regeling"
    // until they agree; its buttons' own words ("Waarom?", "Op briefje") are not.
    p.set_privacy(Privacy::Personal, ctx.t("listen.suggestion"));
    float ty = y + p.px(mm::pad);
    p.pictogram(id + ".certainty", likely ? "check_circle" : "help_outline", card.x + p.px(mm::pad), ty,
                mm::nav_icon, p.colors().primary, p.colors().button);
    ty += p.text(id + ".title", Role::Heading, TextRole::Label, tag + ": " + ctx.pick(rule.title),
                 card.x + p.px(kTextInsetMm), ty, text_w, p.colors().text, p.colors().button) +
          p.px(mm::pad_small);
    p.text(id + ".reason", Role::Text, TextRole::Body, ctx.pick(rule.reason), card.x + p.px(kTextInsetMm), ty, text_w,
           p.colors().text, p.colors().button);
    const float button_y = y + (h - p.px(mm::button_height)) / 2;
    p.button(id + ".why", Role::Button, ctx.t("result.why"), "help",
             {card.right() - buttons_w - p.px(mm::pad), button_y, why_w, p.px(mm::button_height)},
             {app::Action::ShowWhy, rule.id}, {}, false, ctx.pick(rule.title));
    const bool taken = std::find(on_slip.begin(), on_slip.end(), rule.id) != on_slip.end();
    p.button(id + ".on_slip", Role::Button, ctx.t("result.on_slip"),
             taken ? "check_box" : "check_box_outline_blank",
             {card.right() - slip_w - p.px(mm::pad), button_y, slip_w, p.px(mm::button_height)},
             {app::Action::ToggleOnSlip, rule.id}, {}, taken, ctx.pick(rule.title));
    p.set_privacy(Privacy::Shared);
    y += h + gap;
  }

  const float button_y = ctx.area.bottom() - buttons_h;
  ButtonStyle primary = ButtonStyle::primary();
  p.button("result.slip", Role::Primary, ctx.t("result.slip"), "receipt_long",
           {ctx.area.right() - p.px(mm::wide_button), button_y, p.px(mm::wide_button), buttons_h}, {app::Action::ChooseNextStep},
           primary);
  // Help that brings a person, beside the way to the slip.
  const float call_w = p.button_width(ctx.t("call.button"), true, p.px(kCallButtonMm));
  p.button("call.button", Role::Button, ctx.t("call.button"), "support_agent",
           {ctx.area.right() - p.px(mm::wide_button) - gap - call_w, button_y, call_w, buttons_h},
           {app::Action::CallHelp});
  if (i < suggestions.size())
    p.button("result.more", Role::Button, ctx.t("result.more"), "expand_more",
             {ctx.area.x, button_y, p.button_width(ctx.t("result.more"), true, p.px(kMoreButtonMm)), buttons_h},
             {app::Action::MoreResults});
}

}  // namespace ui
