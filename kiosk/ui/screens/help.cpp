// How the kiosk works, in a few short sentences, and that a person can help.
#include "ui/screens/screens.hpp"

namespace ui {

void draw_help(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  float y = draw_title(ctx, "help.title", ctx.t("help.title"), "help");
  const float x = ctx.area.x;
  for (const char* key : {"help.tap", "help.nav", "help.speak", "help.clear", "help.volunteer"}) {
    y += p.text(key, Role::Text, TextRole::Body, ctx.t(key), x, y, p.px(400), colors::text,
                colors::background) +
         p.px(mm::body_cap * 1.5f);
  }
}

}  // namespace ui
