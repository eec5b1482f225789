// An information page: title, short paragraphs in a column narrow enough to read,
// and related pages as buttons on the right.
#include "content/markdown.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

constexpr float kColumnMm = 320;        // the body: about 60 characters a line
constexpr float kLinksMm = 150;         // the column of links to other pages, on the right
constexpr float kLinkTextInsetMm = 30;  // a link's pictogram and padding, beside its title

void draw_page(ScreenContext& ctx, const std::string& page_id, int part) {
  const auto* page = ctx.content().find_page(page_id);
  if (!page) return;
  Painter& p = ctx.paint;
  float y = draw_title(ctx, "page.title", ctx.pick(page->title), page->pictogram);
  const float gap = p.px(mm::gap);
  const bool has_links = !page->links.empty();
  const float links_w = has_links ? p.px(kLinksMm) : 0;
  // About 60 characters a line: long lines make older readers lose their place.
  const float column_w = std::min(ctx.area.w - links_w - 2 * gap, p.px(kColumnMm));

  // The body in parts that fit above the "Lees verder" button; never scrolled.
  const auto body = content::parse_markdown(ctx.pick(page->body));
  const float button_h = p.px(mm::primary_button_height);
  const float bottom = ctx.area.bottom() - button_h - 2 * gap;
  auto spacing = [&](std::size_t i) {  // list items stand closer together than paragraphs
    const bool bullet = body.blocks[i].kind == content::Block::Kind::Bullet;
    const bool next_bullet =
        i + 1 < body.blocks.size() && body.blocks[i + 1].kind == content::Block::Kind::Bullet;
    return p.px(bullet && next_bullet ? mm::body_cap * 0.5f : mm::body_cap * 1.5f);
  };
  auto height = [&](std::size_t i) {
    return p.measure(TextRole::Body, body.blocks[i].text, column_w,
                     body.blocks[i].kind == content::Block::Kind::Bullet);
  };
  const float top = y;
  std::size_t first = 0;
  for (int skip = 0; skip < part && first < body.blocks.size(); ++skip) {
    float probe = top;
    std::size_t i = first;
    for (; i < body.blocks.size(); ++i) {
      if (probe + height(i) > bottom && i > first) break;
      probe += height(i) + spacing(i);
    }
    first = i;
  }
  // A block taller than the room (a text that never passed check-content) is cut off above
  // the "Lees verder" button, not drawn over it.
  const float area_bottom = p.text_bottom();
  p.set_text_bottom(bottom);
  std::size_t i = first;
  for (; i < body.blocks.size(); ++i) {
    const auto& block = body.blocks[i];
    if (y + height(i) > bottom && i > first) break;
    y += p.text("page.body." + std::to_string(i), Role::Text, TextRole::Body, block.text, ctx.area.x, y,
                column_w, p.colors().text, p.colors().background, false,
                block.kind == content::Block::Kind::Bullet);
    y += spacing(i);
  }
  p.set_text_bottom(area_bottom);
  // Related pages: as many as fit the column; the rest follow on the next part, with the
  // last ones staying in view while a long body goes on.
  const float links_x = ctx.area.right() - links_w;
  const float links_top = ctx.area.y + p.px(mm::heading_icon) + 2 * gap;
  std::vector<std::vector<std::pair<const content::Page*, float>>> link_parts(1);
  if (has_links) {
    float link_y = links_top + p.measure(TextRole::Label, ctx.t("page.more"), links_w) + gap;
    for (const auto& link : page->links) {
      const auto* target = ctx.content().find_page(link);
      if (!target || !ctx.content().page_offered(link)) continue;
      const float h =
          std::max(p.px(mm::primary_height),
                   p.measure(TextRole::Label, ctx.pick(target->title), links_w - p.px(kLinkTextInsetMm)) + p.px(2 * mm::pad));
      if (link_y + h > ctx.area.bottom() && !link_parts.back().empty()) {
        link_parts.emplace_back();
        link_y = links_top + p.measure(TextRole::Label, ctx.t("page.more"), links_w) + gap;
      }
      link_parts.back().emplace_back(target, h);
      link_y += h + gap;
    }
  }
  const auto& links_here =
      link_parts[std::min<std::size_t>(static_cast<std::size_t>(part), link_parts.size() - 1)];

  if (i < body.blocks.size() || static_cast<std::size_t>(part) + 1 < link_parts.size())
    p.button("page.next", Role::Primary, ctx.t("page.next"), "expand_more",
             {ctx.area.x, ctx.area.bottom() - button_h, p.px(mm::next_button), button_h}, {app::Action::MorePage},
             ButtonStyle::primary());

  if (links_here.empty()) return;
  float link_y = links_top;
  link_y += p.text("page.more", Role::Heading, TextRole::Label, ctx.t("page.more"), links_x, link_y, links_w,
                   p.colors().text, p.colors().background) +
            gap;
  for (const auto& [target, h] : links_here) {
    p.button("page.link." + target->id, Role::Button, ctx.pick(target->title), target->pictogram,
             {links_x, link_y, links_w, h}, {app::Action::OpenPage, target->id});
    link_y += h + gap;
  }
}

}  // namespace ui
