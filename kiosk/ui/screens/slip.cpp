// The on-screen slip: the same blocks as the printed one (slip/slip.hpp), on a
// white "paper", in two columns when it is long; beside it the QR code and
// "Maak er een foto van". Nothing on it comes from the visitor's answers except
// the suggestions themselves.
#include "slip/slip.hpp"

#include <algorithm>

#include "slip/qr.hpp"
#include "ui/reading.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

// The slip on screen: the paper, and beside it the photo hint, the QR code and the buttons.
constexpr float kSideMm = 110;          // the column beside the paper
constexpr float kPaperPadMm = 6;        // the paper's edge to its text, as on a receipt
constexpr float kCounterInsetMm = 5;    // the part for the counter, inset in its frame
constexpr float kCounterLineMm = 0.8f;  // that frame's line
constexpr float kWriteRoomMm = 8;       // under "Naam medewerker:", room to write
constexpr float kWriteLineDropMm = 6;   // the line to write on, below the label
constexpr float kWriteLineMm = 0.4f;    // and its thickness
constexpr float kQrMm = 70;             // the QR code, at most: a phone reads it from arm's length

slip::Slip slip_for(const app::KioskApp& app) {
  // Whether papers of a partner belong on "Neem mee" (the question "partner" of the content, as
  // `selfcheck --facts` knows it); the slip itself never says what was answered.
  return slip::make_slip(app.content(), {app.slip_suggestions(), app.session().next_step, app.date(),
                                         app.language(), app.answer("partner") == "yes",
                                         app.time_of_day().value_or(-1)});
}

namespace {

// Draws the QR code's modules as squares, with the quiet zone of four modules in white. Dark on
// white in high contrast too: many phones do not read a code drawn light on dark.
void draw_qr(Painter& p, const slip::QrCode& qr, float x, float y, float side) {
  const float module = side / static_cast<float>(qr.size + 8);
  p.fill({x, y, side, side}, standard_palette.button);
  for (int row = 0; row < qr.size; ++row)
    for (int col = 0; col < qr.size; ++col)
      if (qr.dark(col, row))
        p.fill({x + (static_cast<float>(col) + 4) * module, y + (static_cast<float>(row) + 4) * module,
                module + 0.5f, module + 0.5f},
               standard_palette.text);
}

}  // namespace

void draw_slip(ScreenContext& ctx, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto slip = slip_for(ctx.app);
  const float side_w = p.px(kSideMm);
  const Rect paper{ctx.area.x, ctx.area.y, ctx.area.w - side_w - 2 * gap, ctx.area.h};
  p.panel(paper, p.colors().button, 2);
  const float pad = p.px(kPaperPadMm);
  const float column_w = (paper.w - 3 * pad) / 2;
  const float top = paper.y + pad, bottom = paper.bottom() - pad;

  auto role_of = [](slip::Kind kind) {
    if (kind == slip::Kind::Title) return TextRole::Heading;
    if (kind == slip::Kind::Heading || kind == slip::Kind::Step || kind == slip::Kind::Closing)
      return TextRole::Label;
    return TextRole::Body;
  };
  auto boxed = [](slip::Kind kind) { return kind == slip::Kind::Check || kind == slip::Kind::Item; };
  const float indent = p.px(mm::nav_icon + 2);

  // The part to show at the counter stands in a frame, inset by `inset`; its heights are
  // measured in the narrower column.
  const float inset = p.px(kCounterInsetMm);
  const float frame_line = p.px(kCounterLineMm);
  auto width_of = [&](const slip::Block& block) {
    return column_w - (block.counter ? 2 * inset : 0) - (boxed(block.kind) ? indent : 0);
  };
  auto height_of = [&](const slip::Block& block) {
    p.set_text_left_to_right(block.in_default_language);
    float h = p.measure(role_of(block.kind), block.text, width_of(block));
    p.set_text_left_to_right(false);
    if (block.kind == slip::Kind::Field) h += p.px(kWriteRoomMm);
    return h;
  };

  // Place every block: two columns a sheet; a long slip (large text) goes on over
  // more sheets, behind "Lees verder", and is never cut off.
  struct Placed {
    std::size_t block;
    int sheet, column;
    float y;
    bool again = false;  // a list's heading repeated at the top of the column it goes on in
  };
  struct Frame {
    int sheet, column;
    float top, bottom;
  };
  std::vector<Placed> placed;
  std::vector<Frame> frames;
  // A slip in parts: each sheet stands alone for a photo, with the place's name and "1 van 2"
  // on top, and on the sheets after the first the step again below it (what to do is on the
  // first sheet in its place). Laid out once to count the sheets, then again below these lines.
  // The name (Dutch, left to right) and the count are two texts side by side: in one line an
  // Arabic count around a Dutch name came out in a muddled order.
  auto count = [&](int n, int total) {
    return fill_in(ctx.t("slip.sheet"), {{"n", std::to_string(n)}, {"total", std::to_string(total)}});
  };
  const std::string place = "**" + slip.place + "**";
  const float count_w = p.text_width(TextRole::Label, count(99, 99));
  const float place_w = paper.w - 2 * pad - count_w - 2 * gap;
  p.set_text_left_to_right(true);
  const float place_h = p.measure(TextRole::Label, place, place_w);
  p.set_text_left_to_right(false);
  const auto step = std::find_if(slip.blocks.begin(), slip.blocks.end(),
                                 [](const slip::Block& b) { return b.kind == slip::Kind::Step; });
  const float header_h = std::max(place_h, p.measure(TextRole::Label, count(99, 99), count_w)) + gap;
  const float step_h = step == slip.blocks.end()
                           ? 0
                           : p.measure(role_of(slip::Kind::Step), step->text, paper.w - 2 * pad) + gap;
  float head_first = 0, head_rest = 0;  // the room these take on the first sheet and on the others
  auto first_y = [&](int s) { return top + (s == 0 ? head_first : head_rest); };
  int sheet = 0, column = 0;
  float y = top;
  auto next_column = [&] {
    if (++column == 2) {
      column = 0;
      ++sheet;
    }
    y = first_y(sheet);
  };
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      if (placed.empty() || placed.back().sheet == 0) break;
      placed.clear();
      frames.clear();
      sheet = column = 0;
      head_first = header_h;
      head_rest = header_h + step_h;
      y = first_y(0);
    }
    for (std::size_t i = 0; i < slip.blocks.size(); ++i) {
      const auto& block = slip.blocks[i];
      if (block.kind == slip::Kind::Qr) continue;  // beside the paper, larger
      const float h = height_of(block);
      const bool heading = block.kind == slip::Kind::Heading;
      const bool opens_frame = block.counter && (i == 0 || !slip.blocks[i - 1].counter);
      if (opens_frame) {
        // The frame stays whole in one column when it fits one.
        float whole = gap + 2 * inset;
        for (std::size_t j = i; j < slip.blocks.size() && slip.blocks[j].counter; ++j)
          whole += height_of(slip.blocks[j]) + gap;
        // ... or whole on one sheet, over its two columns, when it is longer than one.
        if (y + whole > bottom && y > first_y(sheet)) next_column();
        if (whole > bottom - first_y(sheet) && column == 1) next_column();
        if (y > first_y(sheet)) y += gap;
        frames.push_back({sheet, column, y, y});
        y += inset;
      } else if (y + h + (heading && i + 1 < slip.blocks.size() ? height_of(slip.blocks[i + 1]) + 2 * gap : 0) >
                     bottom &&
                 y > first_y(sheet)) {
        // Headings start a group: keep them with what follows (the whole first line of it; in
        // the largest text "Neem mee:" was left alone at the foot of a sheet).
        next_column();
        if (block.counter) frames.push_back({sheet, column, y, y});
        // A list that goes on in the next column takes its heading along ("Neem mee:"): a photo
        // of that sheet alone still says what the boxes are for.
        std::size_t first = i;
        while (boxed(block.kind) && first > 0 && slip.blocks[first - 1].kind == block.kind) --first;
        if (boxed(block.kind) && first > 0 && slip.blocks[first - 1].kind == slip::Kind::Heading) {
          placed.push_back({first - 1, sheet, column, y, true});
          y += height_of(slip.blocks[first - 1]) + gap;
        }
      }
      if (heading && !opens_frame) y += gap;
      placed.push_back({i, sheet, column, y});
      // An item's line follows it closely; then a little room before the next one.
      y += h + (boxed(block.kind) ? gap / 3 : gap);
      if (block.counter) frames.back().bottom = y - gap + inset;
      if (block.counter && (i + 1 == slip.blocks.size() || !slip.blocks[i + 1].counter)) y += inset;
    }
  }
  const int sheets = placed.empty() ? 1 : placed.back().sheet + 1;
  // The paper is the visitor's own (their place and suggestions): on the loudspeaker, until they
  // agree, a finger on it hears only that it is kept, except the step and the lines every slip
  // of that step has (speech reads it by read_slip, by the same rule).
  p.set_privacy(Privacy::Personal, ctx.t("listen.kept"));
  if (sheets > 1) {
    // As wide as the name: on a mirrored screen it then stands at the start, on the right.
    p.set_text_left_to_right(true);
    const float name_w = std::min(place_w, p.text_width(TextRole::Label, place) + 1);
    p.text("slip.sheet.place", Role::Text, TextRole::Label, place, paper.x + pad, top, name_w,
           p.colors().text, p.colors().button);
    p.set_text_left_to_right(false);
    // At the end of the line, whatever its width.
    const std::string shown = count(part + 1, sheets);
    const float shown_w = std::min(count_w, p.text_width(TextRole::Label, shown));
    p.text("slip.sheet", Role::Text, TextRole::Label, shown, paper.right() - pad - shown_w, top, shown_w,
           p.colors().text, p.colors().button);
  }
  // The step block itself, shown again (its id too: speech highlights it here as on sheet 1).
  if (sheets > 1 && part > 0 && step != slip.blocks.end()) {
    const auto index = static_cast<std::size_t>(step - slip.blocks.begin());
    p.set_privacy(slip_block_is_personal(*step) ? Privacy::Personal : Privacy::Shared, ctx.t("listen.kept"));
    p.text("slip." + std::to_string(index) + "." + slip::kind_name(step->kind), Role::Heading,
           role_of(step->kind), step->text, paper.x + pad, top + header_h, paper.w - 2 * pad, p.colors().text,
           p.colors().button);
  }

  auto column_x = [&](int col) { return paper.x + pad + static_cast<float>(col) * (column_w + pad); };
  for (const auto& frame : frames) {
    if (frame.sheet != part) continue;
    const Rect r{column_x(frame.column), frame.top, column_w, frame.bottom - frame.top};
    p.fill({r.x, r.y, r.w, frame_line}, p.colors().text);
    p.fill({r.x, r.bottom() - frame_line, r.w, frame_line}, p.colors().text);
    p.fill({r.x, r.y, frame_line, r.h}, p.colors().text);
    p.fill({r.right() - frame_line, r.y, frame_line, r.h}, p.colors().text);
  }
  for (const auto& at : placed) {
    if (at.sheet != part) continue;
    const auto& block = slip.blocks[at.block];
    const float x = column_x(at.column) + (block.counter ? inset : 0);
    const std::string id =
        "slip." + std::to_string(at.block) + "." + slip::kind_name(block.kind) + (at.again ? ".again" : "");
    const float shift = boxed(block.kind) ? indent : 0;
    if (boxed(block.kind))
      p.pictogram(id + ".pictogram",
                  block.kind == slip::Kind::Check ? "check_box_outline_blank" : block.pictogram, x, at.y,
                  mm::nav_icon, p.colors().text, p.colors().button);
    const TextRole role = role_of(block.kind);
    if (slip_block_is_personal(block))
      p.set_privacy(Privacy::Personal, ctx.t("listen.kept"));
    else
      p.set_privacy(Privacy::Shared);
    p.set_text_left_to_right(block.in_default_language);
    const float h = p.text(id, role == TextRole::Body ? Role::Text : Role::Heading, role, block.text,
                           x + shift, at.y, width_of(block), p.colors().text, p.colors().button);
    p.set_text_left_to_right(false);
    if (block.kind == slip::Kind::Field) {
      // The line to write on starts where the Dutch label starts, also on a mirrored screen.
      const float line_w = width_of(block) * 0.8f;
      const float line_x = block.in_default_language && p.right_to_left() ? x + width_of(block) - line_w : x;
      p.fill({line_x, at.y + h + p.px(kWriteLineDropMm), line_w, p.px(kWriteLineMm)}, p.colors().text);
    }
  }
  p.set_privacy(Privacy::Shared);
  const bool more = !placed.empty() && placed.back().sheet > part;

  // Beside the paper: take a photo, or scan the code; then "Klaar". The side buttons share
  // one height; in larger text a label may take two lines.
  float button_h = p.px(mm::primary_button_height);
  const float label_room = side_w - p.px(3 * mm::pad + mm::tile_icon);
  for (const char* key : {"slip.print", "slip.printing", "page.next", "slip.done"})
    button_h = std::max(button_h, p.measure(TextRole::Label, ctx.t(key), label_room) + p.px(mm::pad));
  const int buttons = 1 + (ctx.devices.printer ? 1 : 0) + (more ? 1 : 0);
  const float buttons_top = ctx.area.bottom() - static_cast<float>(buttons) * (button_h + gap);
  const float sx = paper.right() + 2 * gap;
  float sy = ctx.area.y;
  sy += p.text("slip.photo", Role::Text, TextRole::Body, ctx.t("slip.photo"), sx, sy, side_w, p.colors().text,
               p.colors().background) +
        gap;
  if (const auto qr = slip::make_qr(slip.qr); qr.size > 0) {
    const float side = std::max(0.0f, std::min({side_w, p.px(kQrMm), buttons_top - sy}));
    draw_qr(p, qr, sx, sy, side);
    sy += side + gap;
    // What the code holds, where there is room for it above the buttons (in larger text
    // there may be none: the code still works).
    for (const auto& block : slip.blocks)
      if (block.kind == slip::Kind::Qr && sy + p.measure(TextRole::Body, block.text, side_w) <= buttons_top) {
        p.set_privacy(Privacy::Personal, ctx.t("listen.kept"));
        p.text("slip.qr", Role::Text, TextRole::Body, block.text, sx, sy, side_w, p.colors().text,
               p.colors().background);
        p.set_privacy(Privacy::Shared);
      }
  }
  if (ctx.devices.printer)
    p.button("slip.print", Role::Button, ctx.t(ctx.devices.printing ? "slip.printing" : "slip.print"),
             "print", {sx, ctx.area.bottom() - 2 * button_h - gap, side_w, button_h},
             {app::Action::PrintSlip}, {}, ctx.devices.printing);
  if (more)
    p.button("slip.next", Role::Button, ctx.t("page.next"), "expand_more",
             {sx, ctx.area.bottom() - (ctx.devices.printer ? 3 : 2) * (button_h + gap), side_w, button_h},
             {app::Action::MorePage});
  ButtonStyle primary = ButtonStyle::primary();
  p.button("slip.done", Role::Primary, ctx.t("slip.done"), "check",
           {sx, ctx.area.bottom() - button_h, side_w, button_h},
           {app::Action::FinishSlip}, primary);
}

}  // namespace ui
