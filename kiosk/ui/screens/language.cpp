// Language choice: each language named in its own words, the current one marked.
#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kButtonMm = 120;  // a language's button: the longest name in its own script

void draw_language(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  float y = draw_title(ctx, "language.title", ctx.t("language.title"), "language");
  const float gap = p.px(mm::gap);
  const float w = p.px(kButtonMm), h = p.px(mm::primary_height);
  int column = 0;
  for (const auto& language : ctx.content().languages) {
    const float x = ctx.area.x + static_cast<float>(column) * (w + gap);
    p.button("language." + language.code, Role::Button, language.native_name, "", {x, y, w, h},
             {app::Action::SetLanguage, language.code}, {}, language.code == ctx.lang());
    if (++column == 3) {
      column = 0;
      y += h + gap;
    }
  }
}

}  // namespace ui
