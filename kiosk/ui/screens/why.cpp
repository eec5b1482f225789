// "Waarom?": why a suggestion was made, from the answers it rests on, and where
// to ask. For the visitor, and for a volunteer filling in together.
#include <algorithm>

#include "selfcheck/selfcheck.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

void draw_why(ScreenContext& ctx, const std::string& rule_id) {
  const auto* rule = ctx.content().find_rule(rule_id);
  if (!rule) return;
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float w = p.px(360);
  float y = draw_title(ctx, "why.title", ctx.pick(rule->title), "help");
  y += p.text("why.reason", Role::Text, TextRole::Body, ctx.pick(rule->reason), ctx.area.x, y, w,
              colors::text, colors::background) +
       2 * gap;

  // The answers the suggestion rests on, as the evaluator used them.
  const auto& answers = ctx.app.session().answers;
  const auto suggestions = selfcheck::evaluate(ctx.content(), answers, ctx.app.date());
  const auto suggestion = std::find_if(suggestions.begin(), suggestions.end(),
                                       [&](const selfcheck::Suggestion& s) { return s.rule == rule; });
  const std::vector<std::pair<std::string, std::string>> none;
  bool heading = false;
  for (const auto& [question_id, value] : suggestion == suggestions.end() ? none : suggestion->used) {
    const auto* question = ctx.content().find_question(question_id);
    const auto answer = answers.find(question_id);
    if (!question || answer == answers.end()) continue;
    if (!heading) {
      y += p.text("why.answers", Role::Heading, TextRole::Label, ctx.t("why.answers"), ctx.area.x, y, w,
                  colors::text, colors::background) +
           gap;
      heading = true;
    }
    std::string label = answer->second;
    for (const auto& option : selfcheck::options(ctx.content(), *question, answers, ctx.app.date()))
      if (option.value == answer->second) label = ctx.pick(option.label);
    const std::string line = ctx.pick(question->text) + " **" + label + "**";
    y += p.text("why.answer." + question->id, Role::Text, TextRole::Body, line, ctx.area.x, y, w,
                colors::text, colors::background, false, true) +
         gap;
  }
  if (const auto* contact = ctx.content().find_contact(rule->contact)) {
    y += gap;
    y += p.text("why.where", Role::Text, TextRole::Body, ctx.t("why.where") + " **" + contact->name + "**",
                ctx.area.x, y, w, colors::text, colors::background) +
         gap;
  }
  std::string related;
  for (const auto& id : rule->related)
    if (const auto* other = ctx.content().find_rule(id))
      related += (related.empty() ? "" : ", ") + ctx.pick(other->title);
  if (!related.empty())
    p.text("why.related", Role::Text, TextRole::Body, ctx.t("why.related") + " " + related, ctx.area.x, y, w,
           colors::text, colors::background);
}

}  // namespace ui
