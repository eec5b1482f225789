// The editor's screens: what can be changed (opening hours, amounts), one field
// with the on-screen keyboard and the B1 hints, and the history with "Terugzetten".
// Dutch only, like every staff screen.
#include "editor/editor.hpp"

#include <algorithm>

#include "editor/spelling.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

using app::Action;

namespace {

struct Entry {
  std::string key;    // field key
  std::string label;  // what the button says
};

std::vector<Entry> entries(const content::ContentPack& pack) {
  std::vector<Entry> out;
  for (const auto& page : pack.pages)
    out.push_back({"page:" + page.id + ":body:nl", pack.pick(page.title, "nl")});
  for (const auto& contact : pack.contacts)
    if (!contact.hours.empty()) out.push_back({"contact:" + contact.id + ":hours:nl", contact.name});
  for (const auto& parameter : pack.parameters) {
    const editor::FieldRef ref{"parameter", editor::parameter_key(parameter), "value", ""};
    out.push_back({ref.key(), parameter.id + " (" + parameter.valid_from +
                                  "): " + editor::field_text(pack, ref).value_or("")});
  }
  return out;
}

}  // namespace

void draw_editor(ScreenContext& ctx, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float top = draw_title(ctx, "staff.edit.title", ctx.t("staff.edit.title"), "edit");
  const auto draft = ctx.app.draft_content();
  const auto list = entries(*draft);
  const float h = p.px(mm::target_min + 2);
  const float col_w = (ctx.area.w - gap) / 2;
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - 2 * gap;
  const int rows = std::max(1, static_cast<int>((bottom - top + gap) / (h + gap)));
  const std::size_t per_part = static_cast<std::size_t>(2 * rows);
  const std::size_t first = static_cast<std::size_t>(part) * per_part;
  for (std::size_t i = first; i < list.size() && i < first + per_part; ++i) {
    const std::size_t at = i - first;
    const float x = ctx.area.x + static_cast<float>(at / static_cast<std::size_t>(rows)) * (col_w + gap);
    const float y = top + static_cast<float>(at % static_cast<std::size_t>(rows)) * (h + gap);
    ButtonStyle style;
    style.text_role = TextRole::Body;
    const std::string icon = list[i].key.rfind("contact:", 0) == 0 ? "schedule"
                             : list[i].key.rfind("page:", 0) == 0  ? "article"
                                                                   : "euro";
    p.button("edit." + list[i].key, Role::Button, list[i].label, icon, {x, y, col_w, h},
             {Action::EditField, list[i].key}, style);
  }

  // Below: the drafts waiting, publishing, the history, and more of the list.
  const float by = ctx.area.bottom() - p.px(mm::primary_height);
  const float bw = std::max({p.button_width(ctx.t("staff.edit.publish"), true, p.px(60)),
                             p.button_width(ctx.t("staff.edit.history"), true, p.px(60)),
                             p.button_width(ctx.t("page.next"), true, p.px(60))});
  const std::size_t waiting = ctx.app.store() ? ctx.app.store()->drafts().size() : 0;
  p.text("staff.edit.waiting", Role::Text, TextRole::Body,
         fill_in(ctx.t(waiting == 0 ? "staff.edit.none_waiting" : "staff.edit.waiting"),
                 {{"n", std::to_string(waiting)}}),
         ctx.area.x, by, ctx.area.w - 3 * (bw + gap), colors::text, colors::background);
  float x = ctx.area.right() - bw;
  if (waiting > 0)
    p.button("staff.edit.publish", Role::Primary, ctx.t("staff.edit.publish"), "publish",
             {x, by, bw, p.px(mm::primary_height)}, {Action::Publish}, ButtonStyle::primary());
  x -= bw + gap;
  p.button("staff.edit.history", Role::Button, ctx.t("staff.edit.history"), "history",
           {x, by, bw, p.px(mm::primary_height)}, {Action::OpenHistory});
  x -= bw + gap;
  if (first + per_part < list.size())
    p.button("page.next", Role::Button, ctx.t("page.next"), "expand_more",
             {x, by, bw, p.px(mm::primary_height)}, {Action::MorePage});
}

namespace {

// A Dutch keyboard: letters as on the usual layout, with é ë ï ü ó and €.
void draw_keyboard(ScreenContext& ctx, float x, float y, float w) {
  Painter& p = ctx.paint;
  const float gap = p.px(2);
  const bool shift = ctx.app.session().shift;
  const char* rows[] = {"1234567890", "qwertyuiop", "asdfghjkl:", "zxcvbnm,.-"};
  const float key = std::min(p.px(mm::target_min + 1), (w - 11 * gap) / 11);
  ButtonStyle style;
  for (int r = 0; r < 4; ++r) {
    const std::string row = rows[r];
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string c(1, row[i]);
      if (shift && c[0] >= 'a' && c[0] <= 'z') c[0] = static_cast<char>(c[0] - 'a' + 'A');
      p.button("key." + std::string(1, row[i]), Role::Button, c, "",
               {x + static_cast<float>(i) * (key + gap), y + static_cast<float>(r) * (key + gap), key, key},
               {Action::TypeKey, c}, style);
    }
  }
  const float last = y + 4 * (key + gap);
  const char* extra[] = {"\u00E9", "\u00EB", "\u00EF", "\u00FC", "\u00F3", "\u20AC", "/", "(", ")"};
  for (std::size_t i = 0; i < std::size(extra); ++i) {
    std::string c = extra[i];
    p.button("key." + c, Role::Button, c, "", {x + static_cast<float>(i) * (key + gap), last, key, key},
             {Action::TypeKey, c}, style);
  }
  // A new line (in page texts an empty line starts a new paragraph).
  p.button("key.enter", Role::Button, "", "keyboard_return", {x + 9 * (key + gap), last, key, key},
           {Action::TypeKey, "\n"}, style);
  const float row5 = last + key + gap;
  p.button("key.shift", Role::Button, ctx.t("staff.key.shift"), "arrow_upward",
           {x, row5, 4 * key + 3 * gap, key}, {Action::ShiftKey}, style, shift);
  p.button("key.space", Role::Button, ctx.t("staff.key.space"), "space_bar",
           {x + 4 * (key + gap), row5, 3 * key + 2 * gap, key}, {Action::TypeKey, " "}, style);
  p.button("key.erase", Role::Button, ctx.t("staff.pin.erase"), "backspace",
           {x + 7 * (key + gap), row5, 3 * key + 2 * gap, key}, {Action::EraseKey}, style);
}

}  // namespace

void draw_edit_field(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto& session = ctx.app.session();
  const auto ref = editor::parse_field(session.edit_field);
  if (!ref) return;
  const auto draft = ctx.app.draft_content();
  std::string what = ref->id;
  for (const auto& contact : draft->contacts)
    if (contact.id == ref->id) what = contact.name;
  for (const auto& page : draft->pages)
    if (page.id == ref->id) what = draft->pick(page.title, "nl");
  const std::string title = ctx.t(ref->kind == "contact" ? "staff.edit.hours"
                                  : ref->kind == "page"  ? "staff.edit.page"
                                                         : "staff.edit.amount_title") +
                            ": " + what;
  float y = draw_title(ctx, "staff.edit.field", title,
                       ref->kind == "contact" ? "schedule"
                       : ref->kind == "page"  ? "article"
                                              : "euro");
  const float below_title = y;

  // The text as typed, with a cursor at the end, in a white box.
  const float left_w = ctx.area.w * 0.48f;
  const float box_h = p.measure(TextRole::Body, session.edit_text + "|", left_w - p.px(8)) + p.px(8);
  p.fill({ctx.area.x, y, left_w, box_h}, colors::button, 1.5f);
  p.text("staff.edit.text", Role::Text, TextRole::Body, session.edit_text + "|", ctx.area.x + p.px(4),
         y + p.px(4), left_w - p.px(8), colors::text, colors::button);
  y += box_h + gap;

  // Hints: B1 for Dutch text, the expected form for amounts and dates.
  if (ref->lang == "nl") {
    auto hints = editor::b1_hints(session.edit_text, draft->avoid);
    // Spelling (hunspell-nl), loaded once; without the dictionary there are no marks.
    static const editor::Speller speller;
    const auto misses = speller.check(session.edit_text);
    for (std::size_t i = 0; i < misses.size() && i < 3; ++i)
      hints.lines.push_back(
          fill_in(ctx.t(misses[i].suggestion.empty() ? "staff.edit.spelling" : "staff.edit.spelling_suggest"),
                  {{"word", misses[i].word}, {"suggestion", misses[i].suggestion}}));
    int n = 0;
    for (const auto& line : hints.lines) {
      y += p.text("staff.edit.hint." + std::to_string(n++), Role::Text, TextRole::Body, line, ctx.area.x, y,
                  left_w, colors::text, colors::warning_panel) +
           gap / 2;
    }
    if (hints.words > 0)
      y += p.text("staff.edit.flesch", Role::Text, TextRole::Body,
                  fill_in(ctx.t("staff.edit.flesch"),
                          {{"score", std::to_string(static_cast<int>(hints.flesch))}}),
                  ctx.area.x, y, left_w, colors::text, colors::background) +
           gap;
  } else {
    y += p.text("staff.edit.amount_hint", Role::Text, TextRole::Body, ctx.t("staff.edit.amount_hint"),
                ctx.area.x, y, left_w, colors::text, colors::background) +
         gap;
  }

  // A save that changes what example visitors get: which, and "Toch opslaan".
  const float bh = p.px(mm::primary_height);
  const float bw = (left_w - gap) / 2;
  if (!session.edit_personas.empty()) {
    y += p.text("staff.edit.personas", Role::Heading, TextRole::Body, ctx.t("staff.edit.personas"),
                ctx.area.x, y, left_w, colors::text, colors::warning_panel) +
         gap / 2;
    for (std::size_t i = 0; i < session.edit_personas.size() && i < 3; ++i)
      y += p.text("staff.edit.persona." + std::to_string(i), Role::Text, TextRole::Body,
                  session.edit_personas[i], ctx.area.x, y, left_w, colors::text, colors::background) +
           gap / 2;
    p.button("staff.edit.confirm", Role::Primary, ctx.t("staff.edit.confirm"), "warning",
             {ctx.area.x, ctx.area.bottom() - bh, bw, bh}, {Action::ConfirmSave}, ButtonStyle::primary());
  } else {
    p.button("staff.edit.save", Role::Primary, ctx.t("staff.edit.save"), "save",
             {ctx.area.x, ctx.area.bottom() - bh, bw, bh}, {Action::SaveField}, ButtonStyle::primary());
  }
  p.button("staff.edit.cancel", Role::Button, ctx.t("staff.edit.cancel"), "close",
           {ctx.area.x + bw + gap, ctx.area.bottom() - bh, bw, bh}, {Action::CancelField});

  const float kx = ctx.area.x + left_w + 2 * gap;
  draw_keyboard(ctx, kx, below_title, ctx.area.right() - kx);
}

void draw_history(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  float y = draw_title(ctx, "staff.history.title", ctx.t("staff.history.title"), "history");
  if (!ctx.app.store()) return;
  const auto revisions = ctx.app.store()->history();
  const float h = p.px(mm::target_min + 2);
  const float bw = p.button_width(ctx.t("staff.history.rollback"), true, p.px(60));
  int shown = 0;
  for (const auto& revision : revisions) {
    if (y + h > ctx.area.bottom() || shown == 8) break;
    const std::string line = std::to_string(revision.number) + "  " + revision.at.substr(0, 16) + "  " +
                             revision.path + "  (" + revision.editor + ": " + revision.what + ")";
    p.text("staff.history." + std::to_string(revision.number), Role::Text, TextRole::Body, line, ctx.area.x,
           y + p.px(4), ctx.area.w - bw - gap, colors::text, colors::background);
    p.button("staff.rollback." + std::to_string(revision.number), Role::Button,
             ctx.t("staff.history.rollback"), "undo", {ctx.area.right() - bw, y, bw, h},
             {Action::RollBack, std::to_string(revision.number)});
    y += h + gap;
    ++shown;
  }
}

}  // namespace ui
