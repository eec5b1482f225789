// Home: the self-check as the one primary action, then the topics as tiles.
// Money is one topic among many, so using the kiosk reveals nothing about a visitor.
#include <algorithm>

#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kTileMinMm = 45;  // a topic's tile, at least: its pictogram and two lines

void draw_home(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  float y = draw_title(ctx, "home.title", ctx.t("home.title"), "");
  const float gap = p.px(mm::gap);

  if (!ctx.content().questions.empty()) {
    const float check_h = std::max(p.px(mm::primary_button_height),
                                   p.measure(TextRole::Label, ctx.t("home.selfcheck"), ctx.area.w) + p.px(2 * mm::pad));
    ButtonStyle primary = ButtonStyle::primary();
    primary.icon_mm = mm::heading_icon;
    p.button("home.selfcheck", Role::Primary, ctx.t("home.selfcheck"), "quiz",
             {ctx.area.x, y, ctx.area.w, check_h}, {app::Action::StartCheck}, primary);
    y += check_h + 2 * gap;
  }

  const auto& topics = ctx.content().home_topics;
  const int columns = 3;
  const float tile_w = (ctx.area.w - static_cast<float>(columns - 1) * gap) / columns;
  // All tiles as tall as the tallest label needs, so the grid stays calm.
  float tile_h = p.px(kTileMinMm);
  for (const auto& id : topics)
    if (const auto* page = ctx.content().find_page(id))
      tile_h = std::max(tile_h, p.px(mm::tile_icon + 3 * mm::pad) +
                                    p.measure(TextRole::Label, ctx.pick(page->title), tile_w - p.px(2 * mm::pad)));
  ButtonStyle tile;
  tile.icon_above = true;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    const auto* page = ctx.content().find_page(topics[i]);
    if (!page) continue;
    const float x = ctx.area.x + static_cast<float>(i % columns) * (tile_w + gap);
    const float row_y = y + static_cast<float>(i / columns) * (tile_h + gap);
    p.button("home.topic." + page->id, Role::Button, ctx.pick(page->title), page->pictogram,
             {x, row_y, tile_w, tile_h}, {app::Action::OpenPage, page->id}, tile);
  }
}

}  // namespace ui
