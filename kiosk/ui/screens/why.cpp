// "Waarom?": why a suggestion was made, from the answers it rests on, and where
// to ask. For the visitor, and for a volunteer filling in together.
#include <algorithm>

#include "selfcheck/selfcheck.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

namespace {

// The question itself, without what follows it ("Tel AOW, pensioen en ander inkomen mee."):
// the answer beside it says the rest.
std::string question_only(const std::string& text) {
  std::size_t end = std::string::npos;
  for (const char* mark : {"? ", "\u061F ", ". "}) end = std::min(end, text.find(mark));
  return end == std::string::npos ? text
                                  : text.substr(0, end + (text.compare(end, 2, "\u061F") == 0 ? 2 : 1));
}

}  // namespace

void draw_why(ScreenContext& ctx, const std::string& rule_id) {
  const auto* rule = ctx.content().find_rule(rule_id);
  if (!rule) return;
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float w = ctx.area.w;
  // All of it is the visitor's own (which suggestion, why, their answers): on the loudspeaker,
  // until they agree, the suggestion is "een regeling" and the rest one sentence that it is kept.
  p.set_privacy(Privacy::Personal, ctx.t("listen.suggestion"));
  float y = draw_title(ctx, "why.title", ctx.pick(rule->title), "help");
  p.set_privacy(Privacy::Personal, ctx.t("listen.kept"));
  y += p.text("why.reason", Role::Text, TextRole::Body, ctx.pick(rule->reason), ctx.area.x, y, w,
              p.colors().text, p.colors().background) +
       2 * gap;

  // The answers the suggestion rests on, as the evaluator used them.
  const auto& answers = ctx.app.session().answers;
  const auto suggestions = selfcheck::evaluate(ctx.content(), answers, ctx.app.date());
  const auto suggestion = std::find_if(suggestions.begin(), suggestions.end(),
                                       [&](const selfcheck::Suggestion& s) { return s.rule == rule; });
  const std::vector<std::pair<std::string, std::string>> none;
  // Where to ask and what else to ask about come last and always show: the answers get the
  // room above them (in large text not all of them may fit).
  const auto* contact = ctx.content().find_contact(rule->contact);
  const std::string where = contact ? ctx.t("why.where") + " **" + contact->name + "**" : "";
  std::string related;
  // "Vraag daar ook naar": only what is asked at the same place.
  for (const auto& id : rule->related)
    if (const auto* other = ctx.content().find_rule(id); other && other->contact == rule->contact)
      related += (related.empty() ? "" : ", ") + ctx.pick(other->title);
  if (!related.empty()) related = ctx.t("why.related") + " " + related;
  const float below = (where.empty() ? 0 : p.measure(TextRole::Body, where, w) + 2 * gap) +
                      (related.empty() ? 0 : p.measure(TextRole::Body, related, w));
  const float limit = ctx.area.bottom() - below;
  bool heading = false;
  for (const auto& [question_id, value] : suggestion == suggestions.end() ? none : suggestion->used) {
    const auto* question = ctx.content().find_question(question_id);
    const auto answer = answers.find(question_id);
    if (!question || answer == answers.end()) continue;
    std::string label = answer->second;
    for (const auto& option : selfcheck::options(ctx.content(), *question, answers, ctx.app.date()))
      if (option.value == answer->second) label = ctx.pick(option.label);
    const std::string line = question_only(ctx.pick(question->text)) + " **" + label + "**";
    const float heading_h = heading ? 0 : p.measure(TextRole::Label, ctx.t("why.answers"), w) + gap;
    if (y + heading_h + p.measure(TextRole::Body, line, w) > limit) break;
    if (!heading) {
      y += p.text("why.answers", Role::Heading, TextRole::Label, ctx.t("why.answers"), ctx.area.x, y, w,
                  p.colors().text, p.colors().background) +
           gap;
      heading = true;
    }
    y += p.text("why.answer." + question->id, Role::Text, TextRole::Body, line, ctx.area.x, y, w,
                p.colors().text, p.colors().background, false, true) +
         gap;
  }
  if (!where.empty()) {
    y += gap;
    y += p.text("why.where", Role::Text, TextRole::Body, where, ctx.area.x, y, w, p.colors().text,
                p.colors().background) +
         gap;
  }
  if (!related.empty())
    p.text("why.related", Role::Text, TextRole::Body, related, ctx.area.x, y, w, p.colors().text,
           p.colors().background);
  p.set_privacy(Privacy::Shared);
}

}  // namespace ui
