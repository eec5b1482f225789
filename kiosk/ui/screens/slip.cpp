// The on-screen slip: the same blocks as the printed one (slip/slip.hpp), on a
// white "paper", in two columns when it is long; beside it the QR code and
// "Maak er een foto van". Nothing on it comes from the visitor's answers except
// the suggestions themselves.
#include "slip/slip.hpp"

#include "slip/qr.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

slip::Slip slip_for(const app::KioskApp& app) {
  return slip::make_slip(app.content(),
                         {app.slip_suggestions(), app.session().next_step, app.date(), app.language()});
}

namespace {

// Draws the QR code's modules as squares, with the quiet zone of four modules in white.
void draw_qr(Painter& p, const slip::QrCode& qr, float x, float y, float side) {
  const float module = side / static_cast<float>(qr.size + 8);
  p.fill({x, y, side, side}, colors::button);
  for (int row = 0; row < qr.size; ++row)
    for (int col = 0; col < qr.size; ++col)
      if (qr.dark(col, row))
        p.fill({x + (static_cast<float>(col) + 4) * module, y + (static_cast<float>(row) + 4) * module,
                module + 0.5f, module + 0.5f},
               colors::text);
}

}  // namespace

void draw_slip(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto slip = slip_for(ctx.app);
  const float side_w = p.px(110);
  const Rect paper{ctx.area.x, ctx.area.y, ctx.area.w - side_w - 2 * gap, ctx.area.h};
  p.fill(paper, colors::button, 2);
  const float pad = p.px(6);
  const float column_w = (paper.w - 3 * pad) / 2;
  float x = paper.x + pad, y = paper.y + pad;
  const float bottom = paper.bottom() - pad;

  for (std::size_t i = 0; i < slip.blocks.size(); ++i) {
    const auto& block = slip.blocks[i];
    if (block.kind == slip::Kind::Qr) continue;  // beside the paper, larger
    const std::string id = "slip." + std::to_string(i) + "." + slip::kind_name(block.kind);
    const TextRole role = block.kind == slip::Kind::Title ? TextRole::Heading
                          : block.kind == slip::Kind::Heading || block.kind == slip::Kind::Step ||
                                  block.kind == slip::Kind::Closing
                              ? TextRole::Label
                              : TextRole::Body;
    const bool boxed = block.kind == slip::Kind::Check || block.kind == slip::Kind::Item;
    const float indent = boxed ? p.px(mm::nav_icon + 2) : 0;
    float h = p.measure(role, block.text, column_w - indent);
    if (block.kind == slip::Kind::Field) h += p.px(8);
    // Headings start a group: keep them with what follows.
    const bool heading = block.kind == slip::Kind::Heading;
    if (y + h + (heading ? p.px(14) : 0) > bottom && x < paper.x + column_w) {
      x += column_w + pad;
      y = paper.y + pad;
    }
    if (heading) y += gap;
    if (boxed)
      p.pictogram(id + ".pictogram",
                  block.kind == slip::Kind::Check ? "check_box_outline_blank" : block.pictogram, x, y,
                  mm::nav_icon, colors::text, colors::button);
    y += p.text(id, role == TextRole::Body ? Role::Text : Role::Heading, role, block.text, x + indent, y,
                column_w - indent, colors::text, colors::button);
    if (block.kind == slip::Kind::Field) {
      p.fill({x, y + p.px(6), column_w * 0.8f, p.px(0.4f)}, colors::text);
      y += p.px(8);
    }
    // An item's line follows it closely; then a little room before the next one.
    y += block.kind == slip::Kind::Item || block.kind == slip::Kind::Check ? gap / 3 : gap;
  }

  // Beside the paper: take a photo, or scan the code; then "Klaar".
  const float sx = paper.right() + 2 * gap;
  float sy = ctx.area.y;
  sy += p.text("slip.photo", Role::Text, TextRole::Body, ctx.t("slip.photo"), sx, sy, side_w, colors::text,
               colors::background) +
        gap;
  if (const auto qr = slip::make_qr(slip.qr); qr.size > 0) {
    const float side = std::min(side_w, p.px(70));
    draw_qr(p, qr, sx, sy, side);
    sy += side + gap;
    for (const auto& block : slip.blocks)
      if (block.kind == slip::Kind::Qr)
        p.text("slip.qr", Role::Text, TextRole::Body, block.text, sx, sy, side_w, colors::text,
               colors::background);
  }
  const float button_h = p.px(mm::primary_height + 4);
  if (ctx.devices.printer)
    p.button("slip.print", Role::Button, ctx.t(ctx.devices.printing ? "slip.printing" : "slip.print"),
             "print", {sx, ctx.area.bottom() - 2 * button_h - gap, side_w, button_h},
             {app::Action::PrintSlip}, {}, ctx.devices.printing);
  ButtonStyle primary = ButtonStyle::primary();
  p.button("slip.done", Role::Primary, ctx.t("slip.done"), "check",
           {sx, ctx.area.bottom() - p.px(mm::primary_height + 4), side_w, p.px(mm::primary_height + 4)},
           {app::Action::FinishSlip}, primary);
}

}  // namespace ui
