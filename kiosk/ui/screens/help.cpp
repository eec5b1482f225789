// How the kiosk works, in a few short sentences, and that a person can help.
// Beside it the visitor's own choices for reading aloud: rate, volume, "Herhaal"
// and every screen read aloud; and white on black for who sees badly. They return to normal when
// the session ends.
#include <algorithm>
#include <string_view>

#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kColumnMm = 260;        // the explanations, on the left, at least
constexpr float kSpeechColumnMm = 190;  // the speech buttons, at least; wider for longer labels
constexpr float kCallButtonMm = 120;    // "Roep iemand", beside the title

void draw_help(ScreenContext& ctx, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float title_bottom = draw_title(ctx, "help.title", ctx.t("help.title"), "help");
  // Help that brings a person: "Roep iemand", beside the title where it is seen first (below
  // the texts it would not fit in the larger text sizes).
  const float call_h = p.px(mm::primary_height);
  const float call_w = p.button_width(ctx.t("call.button"), true, p.px(kCallButtonMm));
  p.button("call.button", Role::Primary, ctx.t("call.button"), "support_agent",
           {ctx.area.right() - call_w, ctx.area.y, call_w, call_h}, {app::Action::CallHelp},
           ButtonStyle::primary());
  const float top = std::max(title_bottom, ctx.area.y + call_h + gap);
  const float x = ctx.area.x;
  using app::Action;
  const float h = p.px(mm::primary_height + 2);
  // The speech buttons on the right are as wide as their longest label needs on one line (larger
  // text), but never over the explanations, which take the rest.
  float column_w = p.px(kSpeechColumnMm);
  for (const char* key : {"speech.slower", "speech.faster", "speech.softer", "speech.louder"})
    column_w = std::max(column_w, 2 * p.button_width(ctx.t(key), true, 0) + gap);
  for (const char* key : {"speech.repeat", "speech.read_aloud", "contrast.button"})
    column_w = std::max(column_w, p.button_width(ctx.t(key), true, 0));
  const float column = std::max(ctx.area.right() - column_w, x + p.px(kColumnMm) + 2 * gap);
  const float left_w = column - 2 * gap - x;
  // On the loudspeaker the question about saying things aloud stands under the texts. In
  // listening mode "Tik kort op een knop" is left out (a finger explores there: listen.how says so).
  const auto& session = ctx.app.session();
  const bool ask_aloud = !ctx.app.headphones();
  std::vector<const char*> texts;
  // That a person helps comes first, beside "Roep iemand"; in larger text it is never the part left over.
  for (const char* key : {"help.volunteer", "help.tap", "help.nav", "help.speak", "help.clear"})
    if (!session.listening || std::string_view(key) != "help.tap") texts.push_back(key);
  // In larger text not every explanation fits: the first part keeps room for the question and
  // "Lees verder"; the rest follow on the next part ("Terug" returns).
  const float text_gap = p.px(mm::body_cap * 1.5f);
  std::vector<float> heights;
  for (const char* key : texts) heights.push_back(p.measure(TextRole::Body, ctx.t(key), left_w) + text_gap);
  const auto part_end = [&](std::size_t first, float room) {
    float rest = 0;
    for (std::size_t i = first; i < texts.size(); ++i) rest += heights[i];
    if (rest <= room) return texts.size();
    room -= h + gap;  // "Lees verder"
    std::size_t end = first;
    for (float used = 0; end < texts.size() && (end == first || used + heights[end] <= room); ++end)
      used += heights[end];
    return end;
  };
  std::size_t first = 0, end = part_end(0, ctx.area.bottom() - top - (ask_aloud ? h + gap : 0));
  for (int i = 0; i < part && end < texts.size(); ++i) {
    first = end;
    end = part_end(first, ctx.area.bottom() - top);
  }
  float y = top;
  for (std::size_t i = first; i < end; ++i)
    y += p.text(texts[i], Role::Text, TextRole::Body, ctx.t(texts[i]), x, y, left_w, p.colors().text,
                p.colors().background) +
         text_gap;
  // A visitor who said no can still hear their amounts and result here, or take a yes back.
  if (ask_aloud && first == 0) {
    p.button("listen.choose", Role::Button, ctx.t("listen.choose"),
             session.aloud_agreed ? "check_box" : "check_box_outline_blank", {x, y, left_w, h},
             {Action::AskAloud}, {}, session.aloud_agreed);
    y += h + gap;
  }
  if (end < texts.size())
    p.button("page.next", Role::Primary, ctx.t("page.next"), "expand_more",
             {x, ctx.area.bottom() - h, p.px(mm::next_button), h}, {Action::MorePage}, ButtonStyle::primary());

  // Reading aloud, in pairs of buttons; the current choice is marked.
  const float w = (ctx.area.right() - column - gap) / 2;
  y = top;
  y += p.text("speech.title", Role::Heading, TextRole::Label, ctx.t("speech.title"), column, y, 2 * w + gap,
              p.colors().text, p.colors().background) +
       gap;
  struct Pair {
    const char* left_id;
    const char* left_icon;
    Action left;
    bool left_on;
    const char* right_id;
    const char* right_icon;
    Action right;
    bool right_on;
  };
  const Pair pairs[] = {
      {"speech.slower", "slow_motion_video", Action::SpeechSlower,
       session.speech_rate<0, "speech.faster", "fast_forward", Action::SpeechFaster, session.speech_rate> 0},
      {"speech.softer", "volume_down", Action::SpeechSofter,
       ctx.app.volume_change()<0, "speech.louder", "volume_up", Action::SpeechLouder, ctx.app.volume_change()> 0},
  };
  for (const Pair& pair : pairs) {
    p.button(pair.left_id, Role::Button, ctx.t(pair.left_id), pair.left_icon, {column, y, w, h}, {pair.left},
             {}, pair.left_on);
    p.button(pair.right_id, Role::Button, ctx.t(pair.right_id), pair.right_icon, {column + w + gap, y, w, h},
             {pair.right}, {}, pair.right_on);
    y += h + gap;
  }
  p.button("speech.repeat", Role::Button, ctx.t("speech.repeat"), "replay", {column, y, 2 * w + gap, h},
           {Action::RepeatSpeech});
  y += h + gap;
  p.button("speech.read_aloud", Role::Button, ctx.t("speech.read_aloud"),
           session.read_aloud ? "check_box" : "check_box_outline_blank", {column, y, 2 * w + gap, h},
           {Action::ToggleReadAloud}, {}, session.read_aloud);
  y += h + 2 * gap;

  // Seeing better: white on black for this visitor, until the session ends.
  y += p.text("contrast.title", Role::Heading, TextRole::Label, ctx.t("contrast.title"), column, y,
              2 * w + gap, p.colors().text, p.colors().background) +
       gap;
  p.button("contrast.button", Role::Button, ctx.t("contrast.button"),
           session.high_contrast ? "check_box" : "check_box_outline_blank", {column, y, 2 * w + gap, h},
           {Action::ToggleHighContrast}, {}, session.high_contrast);
}

}  // namespace ui
