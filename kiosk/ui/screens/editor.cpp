// The editor's screens: what can be changed, by section; one item's fields with
// its languages side by side; one field with the on-screen keyboard and the B1
// hints, or its choices; "Voorbeeld"; the history with "Terugzetten"; content to
// and from a USB stick. Dutch only, like every staff screen.
#include "editor/editor.hpp"

#include <algorithm>

#include "editor/keyboards.hpp"
#include "editor/spelling.hpp"
#include "slip/slip.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

// The editor's own sizes, in mm (the shared ones are in theme.hpp).
constexpr float kBottomButtonMm =
    50;  // a bottom button at least this wide: a short label still makes a big target
constexpr float kLabelColumnMm = 42;              // a form's labels, left of the fields
constexpr float kFormRowMm = mm::target_min + 6;  // a form's row: a field and its breathing room
constexpr float kLabelDropMm = 3;                 // a label stands level with its field's text
constexpr float kPreviewTagMm = 40;               // "Voorbeeld" in the corner of a preview
constexpr float kRollBackButtonMm = 60;           // "Terugzetten" on each row of the history

using app::Action;

namespace {

const char* icon_for(const std::string& kind) {
  return kind == "contact"    ? "schedule"
         : kind == "page"     ? "article"
         : kind == "question" ? "help"
         : kind == "rule"     ? "rule"
         : kind == "home"     ? "home"
         : kind == "location" ? "location_city"
                              : "euro";
}

// The start of a text for a button: its first line, cut at a word, "..." when cut.
std::string excerpt(const std::string& text, std::size_t most) {
  std::string line = text.substr(0, text.find('\n'));
  line.erase(std::remove(line.begin(), line.end(), '*'), line.end());
  if (line.size() <= most) return line.size() < text.size() ? line + " \u2026" : line;
  std::size_t cut = line.rfind(' ', most);
  if (cut == std::string::npos || cut < most / 2) {
    cut = most;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  }
  return line.substr(0, cut) + " \u2026";
}

// A row of buttons along the bottom, from the end of the line.
struct BottomButton {
  std::string id, label_key, icon;
  app::Intent intent;
  bool shown = true;
  bool primary = false;
};
float draw_bottom_buttons(ScreenContext& ctx, const std::vector<BottomButton>& buttons) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap), h = p.px(mm::primary_height);
  const float y = ctx.area.bottom() - h;
  float x = ctx.area.right();
  for (const auto& b : buttons) {
    if (!b.shown) continue;
    const std::string& label = ctx.t(b.label_key);
    const float w = p.button_width(label, true, p.px(kBottomButtonMm));
    x -= w;
    p.button(b.id, b.primary ? Role::Primary : Role::Button, label, b.icon, {x, y, w, h}, b.intent,
             b.primary ? ButtonStyle::primary() : ButtonStyle{});
    x -= gap;
  }
  return x;  // where the buttons begin
}

}  // namespace

void draw_editor(ScreenContext& ctx, const std::string& section, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  float top = draw_title(ctx, "staff.edit.title", ctx.t("staff.edit.title"), "edit");
  const auto draft = ctx.app.draft_content();

  // The sections as tabs; the one shown is marked.
  const auto& sections = editor::sections();
  const float tab_w =
      (ctx.area.w - gap * static_cast<float>(sections.size() - 1)) / static_cast<float>(sections.size());
  const float tab_h = p.px(mm::target_min);
  for (std::size_t i = 0; i < sections.size(); ++i)
    p.button("staff.section." + sections[i], Role::Button, ctx.t("staff.section." + sections[i]), "",
             {ctx.area.x + static_cast<float>(i) * (tab_w + gap), top, tab_w, tab_h},
             {Action::EditorSection, sections[i]}, {}, sections[i] == section);
  top += tab_h + 2 * gap;

  const auto list = editor::items(*draft, section);
  const float h = p.px(mm::button_height);
  const float col_w = (ctx.area.w - gap) / 2;
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - 2 * gap;
  const int rows = std::max(1, static_cast<int>((bottom - top + gap) / (h + gap)));
  const std::size_t per_part = static_cast<std::size_t>(2 * rows);
  const std::size_t first = static_cast<std::size_t>(part) * per_part;
  ButtonStyle style;
  style.text_role = TextRole::Body;
  for (std::size_t i = first; i < list.size() && i < first + per_part; ++i) {
    const std::size_t at = i - first;
    const float x = ctx.area.x + static_cast<float>(at / static_cast<std::size_t>(rows)) * (col_w + gap);
    const float y = top + static_cast<float>(at % static_cast<std::size_t>(rows)) * (h + gap);
    const auto& item = list[i];
    const bool add = item.id == "new";
    p.button("edit." + item.kind + ":" + item.id, Role::Button,
             add ? ctx.t("staff.edit.add_topic") : excerpt(item.label, 55), add ? "add" : icon_for(item.kind),
             {x, y, col_w, h}, {Action::OpenItem, item.kind + ":" + item.id}, style);
  }

  // Below: the drafts waiting, publishing, the history, the stick, and more of the list.
  const std::size_t waiting = ctx.app.store() ? ctx.app.store()->drafts().size() : 0;
  const float left = draw_bottom_buttons(
      ctx, {{"staff.edit.publish", "staff.edit.publish", "publish", {Action::ReviewPublish}, waiting > 0, true},
            {"staff.edit.history", "staff.edit.history", "history", {Action::OpenHistory}},
            {"staff.usb", "staff.usb", "usb", {Action::OpenStick}},
            {"page.next", "page.next", "expand_more", {Action::MorePage}, first + per_part < list.size()}});
  p.text("staff.edit.waiting", Role::Text, TextRole::Body,
         fill_in(ctx.t(waiting == 0 ? "staff.edit.none_waiting" : "staff.edit.waiting"),
                 {{"n", std::to_string(waiting)}}),
         ctx.area.x, ctx.area.bottom() - p.px(mm::primary_height), left - ctx.area.x - gap, p.colors().text,
         p.colors().background);
}

namespace {

// What a field's button says: the option's words for a choice, else the start of the text.
std::string shown_value(const content::ContentPack& pack, const editor::FieldRef& ref,
                        const std::string& empty, std::size_t most) {
  const auto text = editor::field_text(pack, ref).value_or("");
  for (const auto& option : editor::field_options(pack, ref))
    if (option.value == text) return excerpt(option.label, most);
  return text.empty() ? empty : excerpt(text, most);
}

std::string item_title(const content::ContentPack& pack, const std::string& kind, const std::string& id) {
  for (const auto& section : editor::sections())
    for (const auto& item : editor::items(pack, section))
      if (item.kind == kind && item.id == id) return item.label;
  return id;
}

}  // namespace

// One item: a row per field, its languages side by side (Dutch first), each a button to change it.
void draw_edit_item(ScreenContext& ctx, const std::string& item, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto colon = item.find(':');
  const std::string kind = item.substr(0, colon),
                    id = colon == std::string::npos ? "" : item.substr(colon + 1);
  const auto draft = ctx.app.draft_content();
  const bool add = kind == "home" && id == "new";
  float y = draw_title(ctx, "staff.item.title",
                       add ? ctx.t("staff.edit.add_topic") : item_title(*draft, kind, id), icon_for(kind));
  const auto rows = editor::item_form(*draft, kind, id);
  if (rows.empty()) return;

  const float label_w = p.px(kLabelColumnMm);
  const float grid_x = ctx.area.x + label_w + gap, grid_w = ctx.area.right() - grid_x;
  std::size_t columns = 1;
  for (const auto& row : rows) columns = std::max(columns, row.fields.size());
  const float cell_w = (grid_w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  // Language names over the columns, once, from the first row in every language.
  if (columns > 1) {
    const auto& languages = *std::find_if(
        rows.begin(), rows.end(), [&](const editor::FormRow& row) { return row.fields.size() == columns; });
    for (std::size_t c = 0; c < columns; ++c) {
      const auto& lang = languages.fields[c].lang;
      const auto* language = draft->find_language(lang);
      p.text("staff.item.lang." + lang, Role::Heading, TextRole::Label,
             language ? language->native_name : lang, grid_x + static_cast<float>(c) * (cell_w + gap), y,
             cell_w, p.colors().text, p.colors().background);
    }
    y += p.px(mm::body_cap * 2.2f);
  }
  const float h = p.px(kFormRowMm);
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - gap;
  const int per_part = std::max(1, static_cast<int>((bottom - y + gap) / (h + gap)));
  const std::size_t first = static_cast<std::size_t>(part * per_part);
  ButtonStyle cell;
  cell.text_role = TextRole::Body;
  ButtonStyle missing = cell;
  missing.look = ButtonLook::Warning;
  const std::size_t most = columns > 1 ? 34 : 110;
  for (std::size_t r = first; r < rows.size() && r < first + static_cast<std::size_t>(per_part); ++r) {
    const auto& row = rows[r];
    p.text("staff.item.row." + std::to_string(r), Role::Text, TextRole::Body, ctx.t(row.label), ctx.area.x,
           y + p.px(kLabelDropMm), label_w, p.colors().text, p.colors().background);
    const float w = row.fields.size() == 1 ? grid_w : cell_w;
    for (std::size_t c = 0; c < row.fields.size(); ++c) {
      const auto& ref = row.fields[c];
      // A translation made from an older Dutch text says so before its words.
      const std::string value = (editor::out_of_date(*draft, ref) ? ctx.t("staff.field.out_of_date") + " " : "") +
                                shown_value(*draft, ref, ctx.t("staff.field.empty"), most);
      const bool empty = editor::field_text(*draft, ref).value_or("").empty() && ref.field != "when.new";
      p.button(
          "field." + ref.key(), Role::Button, ref.field == "when.new" ? ctx.t("staff.field.when.new") : value,
          ref.field == "when.new" ? "add" : "", {grid_x + static_cast<float>(c) * (cell_w + gap), y, w, h},
          {Action::EditField, ref.key()}, empty ? missing : cell);
    }
    y += h + gap;
  }
  const bool more = first + static_cast<std::size_t>(per_part) < rows.size();
  draw_bottom_buttons(ctx, {{"staff.edit.history",
                             "staff.edit.history",
                             "history",
                             {Action::OpenHistory, editor::file_of(kind, id)}},
                            {"page.next", "page.next", "expand_more", {Action::MorePage}, more}});
}

namespace {

// The on-screen keyboard of the session's layout (editor/keyboards): its rows, then shift
// (where the letters have capitals), the next layout, space, a new line and "Wis". Keys keep
// their unshifted id ("key.a" shows "A" with shift). Returns the y below it.
float draw_keyboard(ScreenContext& ctx, float x, float y, float w) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::pad_small);
  const auto& session = ctx.app.session();
  const auto& layout = editor::keyboard(session.edit.keyboard);
  const bool shift = session.edit.shift && layout.has_case();
  constexpr float kColumns = 12;
  const float key = std::min(p.px(mm::key_size), (w - (kColumns - 1) * gap) / kColumns);
  ButtonStyle style;
  for (std::size_t r = 0; r < layout.rows.size(); ++r) {
    for (std::size_t i = 0; i < layout.rows[r].size(); ++i) {
      const std::string& c = (shift ? layout.shifted : layout.rows)[r][i];
      p.button("key." + layout.rows[r][i], Role::Button, c, "",
               {x + static_cast<float>(i) * (key + gap), y + static_cast<float>(r) * (key + gap), key, key},
               {Action::TypeKey, c}, style);
    }
  }
  const float row = y + static_cast<float>(layout.rows.size()) * (key + gap);
  float at = x;
  auto wide = [&](const std::string& id, const std::string& label, const std::string& icon, float keys,
                  app::Intent intent, bool selected = false) {
    const float kw = keys * key + (keys - 1) * gap;
    p.button(id, Role::Button, label, icon, {at, row, kw, key}, std::move(intent), style, selected);
    at += kw + gap;
  };
  if (layout.has_case())
    wide("key.shift", "", "arrow_upward", 2, {Action::ShiftKey}, shift);
  else
    at += 2 * (key + gap);
  // The next layout, in its own letters ("ÇĞŞ", "АБВ"): a Turkish name in a Dutch text.
  wide("key.layout", editor::keyboard(editor::next_keyboard(layout.name)).label, "", 2,
       {Action::SwitchKeyboard});
  wide("key.space", ctx.t("staff.key.space"), "space_bar", 4, {Action::TypeKey, " "});
  // A new line (in page texts an empty line starts a new paragraph).
  wide("key.enter", "", "keyboard_return", 1, {Action::TypeKey, "\n"});
  wide("key.erase", ctx.t("staff.pin.erase"), "backspace", 3, {Action::EraseKey});
  return row + key;
}

// The cursor keys under the text: a box of lines up and down, by word and by letter. The
// arrows point where the cursor goes on screen, so in a right-to-left text "→" goes back in
// the text's order.
void draw_cursor_keys(ScreenContext& ctx, const Rect& row, bool right_to_left,
                      const Painter::Paging& paging) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::pad_small);
  const float small = p.px(mm::key_size), kw = (row.w - 5 * gap - 2 * small) / 4;
  const std::string left = right_to_left ? "forward" : "back", right = right_to_left ? "back" : "forward";
  struct Key {
    const char* id;
    std::string label;
    const char* icon;
    std::string move;
    float w;
  };
  const Key keys[] = {
      {"key.page_up", "", "keyboard_arrow_up", "at:" + std::to_string(paging.up), small},
      {"key.word_left", "\u00AB " + ctx.t("staff.key.word"), "", "word_" + left, kw},
      {"key.left", "\u2039 " + ctx.t("staff.key.letter"), "", left, kw},
      {"key.right", ctx.t("staff.key.letter") + " \u203A", "", right, kw},
      {"key.word_right", ctx.t("staff.key.word") + " \u00BB", "", "word_" + right, kw},
      {"key.page_down", "", "keyboard_arrow_down", "at:" + std::to_string(paging.down), small},
  };
  float x = row.x;
  for (const auto& key : keys) {
    p.button(key.id, Role::Button, key.label, key.icon, {x, row.y, key.w, row.h},
             {Action::MoveCursor, key.move});
    x += key.w + gap;
  }
}

}  // namespace

namespace {

// The choices of a field with fixed values, two columns, in parts; the chosen one is marked.
void draw_choices(ScreenContext& ctx, const std::vector<editor::Option>& options, float y, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float h = p.px(mm::button_height);
  const float col_w = (ctx.area.w - gap) / 2;
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - 2 * gap;
  const int rows = std::max(1, static_cast<int>((bottom - y + gap) / (h + gap)));
  const std::size_t per_part = static_cast<std::size_t>(2 * rows);
  const std::size_t parts = std::max<std::size_t>(1, (options.size() + per_part - 1) / per_part);
  const std::size_t first = (static_cast<std::size_t>(part) % parts) * per_part;
  ButtonStyle style;
  style.text_role = TextRole::Body;
  for (std::size_t i = first; i < options.size() && i < first + per_part; ++i) {
    const std::size_t at = i - first;
    const bool chosen = options[i].value == ctx.app.session().edit.text.text();
    p.button("choice." + options[i].value, Role::Button, excerpt(options[i].label, 70), chosen ? "check" : "",
             {ctx.area.x + static_cast<float>(at / static_cast<std::size_t>(rows)) * (col_w + gap),
              y + static_cast<float>(at % static_cast<std::size_t>(rows)) * (h + gap), col_w, h},
             {Action::ChooseOption, options[i].value}, style, chosen);
  }
  if (parts > 1) {
    const bool last = first + per_part >= options.size();
    const std::string& label = ctx.t(last ? "staff.edit.first_choices" : "page.next");
    const float w = p.button_width(label, true, p.px(kBottomButtonMm));
    p.button(
        "choices.more", Role::Button, label, last ? "first_page" : "expand_more",
        {ctx.area.right() - w, ctx.area.bottom() - p.px(mm::primary_height), w, p.px(mm::primary_height)},
        {Action::MorePage, last ? "0" : ""});
  }
}

// B1 hints for Dutch text (with spelling marks), the expected form for amounts and dates.
float draw_hints(ScreenContext& ctx, const editor::FieldRef& ref, const content::ContentPack& draft, float y,
                 float w) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto& text = ctx.app.session().edit.text.text();
  if (ref.kind == "parameter") {
    return y +
           p.text("staff.edit.amount_hint", Role::Text, TextRole::Body, ctx.t("staff.edit.amount_hint"),
                  ctx.area.x, y, w, p.colors().text, p.colors().background) +
           gap;
  }
  if (ref.lang != draft.default_language) return y;
  auto hints = editor::b1_hints(draft, text);
  // Spelling (hunspell-nl), loaded once; without the dictionary there are no marks.
  static const editor::Speller speller;
  const auto misses = speller.check(text, ctx.app.known_words());
  // A name the dictionary lacks is added with one tap ("Woord toevoegen"), beside its mark.
  for (std::size_t i = 0; i < misses.size() && i < 3; ++i) {
    const std::string line =
        fill_in(ctx.t(misses[i].suggestion.empty() ? "staff.edit.spelling" : "staff.edit.spelling_suggest"),
                {{"word", misses[i].word}, {"suggestion", misses[i].suggestion}});
    const std::string add = fill_in(ctx.t("staff.edit.add_word"), {{"word", misses[i].word}});
    const float bw = p.button_width(add, true, w / 2);
    const float bh = p.px(mm::target_min);
    const float th = p.measure(TextRole::Body, line, w - bw - gap);
    p.text("staff.edit.spelling." + std::to_string(i), Role::Text, TextRole::Body, line, ctx.area.x,
           y + std::max(0.0f, (bh - th) / 2), w - bw - gap, p.colors().text, p.colors().warning_panel);
    p.button("staff.edit.add_word." + std::to_string(i), Role::Button, add, "add",
             {ctx.area.x + w - bw, y, bw, bh}, {Action::AddWord, misses[i].word});
    y += std::max(bh, th) + gap / 2;
  }
  int n = 0;
  for (const auto& line : hints.lines)
    y += p.text("staff.edit.hint." + std::to_string(n++), Role::Text, TextRole::Body, line, ctx.area.x, y, w,
                p.colors().text, p.colors().warning_panel) +
         gap / 2;
  if (hints.words > 0)
    y += p.text(
             "staff.edit.flesch", Role::Text, TextRole::Body,
             fill_in(ctx.t("staff.edit.flesch"), {{"score", std::to_string(static_cast<int>(hints.flesch))}}),
             ctx.area.x, y, w, p.colors().text, p.colors().background) +
         gap;
  return y;
}

// What a save found, under its heading: why it was refused, or (before "Toch opslaan") which
// example visitors would get something else.
float draw_findings(ScreenContext& ctx, const std::string& heading, const std::vector<std::string>& lines,
                    float y, float w) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  if (lines.empty()) return y;
  y += p.text(heading, Role::Heading, TextRole::Body, ctx.t(heading), ctx.area.x, y, w, p.colors().text,
              p.colors().warning_panel) +
       gap / 2;
  for (std::size_t i = 0; i < lines.size() && i < 3; ++i)
    y += p.text(heading + "." + std::to_string(i), Role::Text, TextRole::Body, lines[i], ctx.area.x, y, w,
                p.colors().text, p.colors().background) +
         gap / 2;
  return y;
}

float draw_personas(ScreenContext& ctx, float y, float w) {
  const auto& session = ctx.app.session();
  y = draw_findings(ctx, "staff.edit.refused", session.edit.refusals, y, w);
  return draw_findings(ctx, "staff.edit.personas", session.edit.personas, y, w);
}

}  // namespace

void draw_edit_field(ScreenContext& ctx, int part) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto& session = ctx.app.session();
  const auto ref = editor::parse_field(session.edit.field);
  if (!ref) return;
  const auto draft = ctx.app.draft_content();
  const auto* language = draft->find_language(ref->lang);
  const bool condition = ref->field.rfind("when.", 0) == 0 && ref->field != "when.new";
  const std::string title =
      ctx.t(condition ? "staff.field.when" : "staff.field." + ref->field) + ": " +
      excerpt(item_title(*draft, ref->kind, ref->id), 50) +
      (language && draft->languages.size() > 1 ? " (" + language->native_name + ")" : "");
  float y = draw_title(ctx, "staff.edit.field", title, icon_for(ref->kind));
  const float below_title = y;
  const float bh = p.px(mm::primary_height);
  const float left_w = ctx.area.w * 0.48f;

  // Opslaan (or Toch opslaan), Annuleren and, where a visitor would see it, Voorbeeld.
  auto draw_actions = [&](float w) {
    const bool confirm = !session.edit.personas.empty();
    const bool preview = editor::has_preview(*ref);
    const float bw = (w - 2 * gap) / 3;
    const float by = ctx.area.bottom() - bh;
    if (confirm)
      p.button("staff.edit.confirm", Role::Primary, ctx.t("staff.edit.confirm"), "warning",
               {ctx.area.x, by, bw, bh}, {Action::ConfirmSave}, ButtonStyle::primary());
    else
      p.button("staff.edit.save", Role::Primary, ctx.t("staff.edit.save"), "save", {ctx.area.x, by, bw, bh},
               {Action::SaveField}, ButtonStyle::primary());
    p.button("staff.edit.cancel", Role::Button, ctx.t("staff.edit.cancel"), "close",
             {ctx.area.x + bw + gap, by, bw, bh}, {Action::CancelField});
    if (preview)
      p.button("staff.edit.preview", Role::Button, ctx.t("staff.edit.preview"), "visibility",
               {ctx.area.x + 2 * (bw + gap), by, bw, bh}, {Action::Preview});
  };

  const auto options = editor::field_options(*draft, *ref);
  if (!options.empty()) {
    y = draw_personas(ctx, y, ctx.area.w);
    draw_choices(ctx, options, y, part);
    draw_actions(left_w);
    return;
  }

  // A translation is typed with the Dutch text above it.
  if (ref->lang != draft->default_language && !ref->lang.empty()) {
    auto dutch = *ref;
    dutch.lang = draft->default_language;
    y +=
        p.text("staff.edit.dutch", Role::Text, TextRole::Body,
               ctx.t("staff.edit.dutch") + " " + excerpt(editor::field_text(*draft, dutch).value_or(""), 240),
               ctx.area.x, y, left_w, p.colors().text, p.colors().muted_panel) +
        gap;
  }
  // The text as typed, in its own direction, with its cursor and selection; a tap in it places
  // the cursor, a second tap in the same word selects the word. The cursor keys below it.
  const bool rtl = ctx.app.edit_right_to_left();
  const float keys_h = p.px(mm::key_size), keys_y = ctx.area.bottom() - bh - gap - keys_h;
  const auto& field = session.edit.text;
  const auto [begin, end] = field.selection();
  const auto paging = p.text_field("staff.edit.text", field.text(), {field.cursor(), begin, end, rtl},
                                   {ctx.area.x, y, left_w, keys_y - gap - y}, {Action::PlaceCursor});
  draw_cursor_keys(ctx, {ctx.area.x, keys_y, left_w, keys_h}, rtl, paging);
  draw_actions(left_w);

  // Right: the keyboard, then the hints and what a save would change for the personas.
  const float kx = ctx.area.x + left_w + 2 * gap;
  ScreenContext right = ctx;
  right.area = {kx, ctx.area.y, ctx.area.right() - kx, ctx.area.h};
  float ry = draw_keyboard(ctx, kx, below_title, right.area.w) + gap;
  ry = draw_hints(right, *ref, *draft, ry, right.area.w);
  draw_personas(right, ry, right.area.w);
}

// The field's item as a visitor sees it, with the text typed so far, in the field's language.
void draw_preview(ScreenContext& ctx, int part) {
  const auto ref = editor::parse_field(ctx.app.session().edit.field);
  if (!ref) return;
  const auto preview = ctx.app.preview_content();
  ScreenContext visitor{ctx.paint, ctx.app, ctx.area, ctx.now, ctx.devices, preview.get()};
  if (ref->kind == "page") {
    draw_page(visitor, ref->id, part);
  } else if (ref->kind == "question") {
    const auto& questions = preview->questions;
    for (std::size_t i = 0; i < questions.size(); ++i)
      if (questions[i].id == ref->id) draw_question(visitor, static_cast<int>(i));
  } else if (ref->kind == "rule") {
    draw_why(visitor, ref->id);
  } else if (ref->kind == "home") {
    draw_home(visitor);
  }
  // A tag in the corner, so nobody takes the preview for the live kiosk.
  Painter& p = ctx.paint;
  const std::string& tag = preview->text("staff.edit.preview_tag", "nl");
  const float w = p.button_width(tag, false, p.px(kPreviewTagMm));
  const Rect r{ctx.area.right() - w, ctx.area.y, w, p.px(mm::body_cap * 2.4f)};
  p.fill(r, p.colors().warning_panel, 2);
  p.text("staff.preview.tag", Role::Text, TextRole::Label, tag, r.x, r.y + p.px(mm::pad_small), r.w, p.colors().text,
         p.colors().warning_panel, true);
}

namespace {

// When a change was made, as staff say it: "Vandaag om 08.37", "Gisteren om 16.02",
// "1 december 2026 om 10.15" (the kiosk's local time).
std::string when_in_words(const ScreenContext& ctx, const std::string& at_utc) {
  const std::string local = content::local_time_text(at_utc);  // "2026-12-01 08:37"
  if (local.size() < 16) return local;
  const std::string date = local.substr(0, 10);
  std::string time = local.substr(11, 5);
  time[2] = '.';
  const std::string& today = ctx.app.date();
  const char* key = date == today                          ? "staff.when.today"
                    : date == stats::add_days(today, -1) ? "staff.when.yesterday"
                                                         : "staff.when.date";
  return fill_in(ctx.t(key), {{"date", slip::long_date(date, "nl")}, {"time", time}});
}

// What a change did, in one sentence: its first field, and how many more.
std::string change_in_words(const ScreenContext& ctx, const content::ContentPack& pack,
                            const content::Revision& revision) {
  const auto& changes = ctx.app.revision_changes(revision);
  if (changes.empty())
    return fill_in(ctx.t("staff.history.file"), {{"file", editor::describe_file(pack, revision.path)}});
  const auto& first = changes.front();
  std::string words;
  if (first.label.empty()) {
    words = fill_in(ctx.t(first.after.empty() ? "staff.history.gone" : "staff.history.added"),
                    {{"item", excerpt(first.item, 50)}});
  } else {
    const auto* language = first.lang.empty() ? nullptr : pack.find_language(first.lang);
    words = fill_in(ctx.t("staff.history.changed"),
                    {{"item", excerpt(first.item, 50)},
                     {"field", ctx.t(first.label) + (language ? " (" + language->native_name + ")" : "")}});
  }
  if (changes.size() > 1)
    words += " " + fill_in(ctx.t("staff.history.more"), {{"n", std::to_string(changes.size() - 1)}});
  return words;
}

}  // namespace

// The changes made, newest first: what changed in words, then when, by whom and how.
void draw_history(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const std::string& file = ctx.app.session().current().about<app::about::File>().path;  // or all
  const auto draft = ctx.app.draft_content();
  float y =
      draw_title(ctx, "staff.history.title",
                 file.empty() ? ctx.t("staff.history.title")
                              : ctx.t("staff.history.title") + ": " + editor::describe_file(*draft, file),
                 "history");
  if (!ctx.app.store()) return;
  const auto revisions = ctx.app.store()->history(file);
  const float bw = p.button_width(ctx.t("staff.history.rollback"), true, p.px(kRollBackButtonMm));
  const float text_w = ctx.area.w - bw - gap;
  for (const auto& revision : revisions) {
    const std::string id = "staff.history." + std::to_string(revision.number);
    const std::string what = change_in_words(ctx, *draft, revision);
    const auto who_key = "staff.who." + revision.editor;
    const std::string& who = ctx.t(who_key) == who_key ? revision.editor : ctx.t(who_key);
    const std::string by = fill_in(ctx.t("staff.history.by"),
                                   {{"when", when_in_words(ctx, revision.at)}, {"who", who}, {"what", revision.what}});
    const float h = std::max(p.px(mm::button_height),
                             p.measure(TextRole::Body, what, text_w) + p.measure(TextRole::Body, by, text_w));
    if (y + h > ctx.area.bottom()) break;
    const float line = p.text(id, Role::Text, TextRole::Body, what, ctx.area.x, y, text_w, p.colors().text,
                              p.colors().background);
    p.text(id + ".by", Role::Text, TextRole::Body, by, ctx.area.x, y + line, text_w, p.colors().text,
           p.colors().background);
    p.button("staff.rollback." + std::to_string(revision.number), Role::Button, ctx.t("staff.history.rollback"),
             "undo", {ctx.area.right() - bw, y + (h - p.px(mm::button_height)) / 2, bw, p.px(mm::button_height)},
             {Action::ReviewRollBack, std::to_string(revision.number)});
    y += h + gap;
  }
}

namespace {

// The strings a list of changes is said with: the roll-back's "Na terugzetten", the
// publish review's "Na publiceren".
struct ChangeWords {
  const char* field;  // "{item}, {field}: nu {now}. Na …: {after}."
  const char* gone;   // "{item} gaat weg."
  const char* added;  // "{item} komt terug." / "{item} komt erbij."
};

// The fields that change, as many as fit above `bottom`, then how many more; returns the y below.
float draw_changes(ScreenContext& ctx, const std::string& id, const std::vector<editor::FieldChange>& changes,
                   const ChangeWords& words, float y, float bottom) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float w = ctx.area.w;
  const auto draft = ctx.app.draft_content();
  const auto quoted = [&](const std::string& text) {
    return text.empty() ? ctx.t("staff.rollback.empty") : "\u201C" + text + "\u201D";
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& change = changes[i];
    std::string line;
    if (change.label.empty()) {
      line = fill_in(ctx.t(change.after.empty() ? words.gone : words.added), {{"item", excerpt(change.item, 60)}});
    } else {
      const auto* language = change.lang.empty() ? nullptr : draft->find_language(change.lang);
      const auto [now, after] = editor::differing_part(change.now, change.after);
      line = fill_in(ctx.t(words.field),
                     {{"item", excerpt(change.item, 60)},
                      {"field", ctx.t(change.label) + (language ? " (" + language->native_name + ")" : "")},
                      {"now", quoted(now)},
                      {"after", quoted(after)}});
    }
    const float h = p.measure(TextRole::Body, line, w);
    if (y + h > bottom) {
      return y + p.text(id + ".more", Role::Text, TextRole::Body,
                        fill_in(ctx.t("staff.rollback.more"), {{"n", std::to_string(changes.size() - i)}}),
                        ctx.area.x, y, w, p.colors().text, p.colors().background);
    }
    p.text(id + ".change." + std::to_string(i), Role::Text, TextRole::Body, line, ctx.area.x, y, w,
           p.colors().text, p.colors().background);
    y += h + gap / 2;
  }
  return y;
}

}  // namespace

// What "Terugzetten" would change, in words, before anything is written; why it cannot,
// or which personas would get other suggestions ("Toch terugzetten").
void draw_roll_back_review(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto& plan = ctx.app.roll_back_plan();
  const auto draft = ctx.app.draft_content();
  float y =
      draw_title(ctx, "staff.rollback.title",
                 fill_in(ctx.t("staff.rollback.title"), {{"n", std::to_string(plan.revision)}}), "undo");
  const float w = ctx.area.w;
  y += p.text("staff.rollback.what", Role::Text, TextRole::Body,
              fill_in(ctx.t("staff.rollback.what"), {{"file", editor::describe_file(*draft, plan.path)},
                                                     {"when", content::local_time_text(plan.at)}}),
              ctx.area.x, y, w, p.colors().text, p.colors().background) +
       gap;
  if (!plan.ok()) {
    std::string why = ctx.t(plan.problem);
    if (!plan.errors.empty()) why += "\n" + excerpt(plan.errors.front(), 160);
    y += draw_warning(p, "staff.rollback.problem", why, ctx.area.x, y, w) + gap;
  }
  // The personas first: they are why the button says "Toch terugzetten".
  if (plan.ok() && !plan.personas.empty()) {
    y += p.text("staff.edit.personas", Role::Heading, TextRole::Body, ctx.t("staff.edit.personas"),
                ctx.area.x, y, w, p.colors().text, p.colors().warning_panel) +
         gap / 2;
    for (std::size_t i = 0; i < plan.personas.size() && i < 3; ++i)
      y += p.text("staff.rollback.persona." + std::to_string(i), Role::Text, TextRole::Body, plan.personas[i],
                  ctx.area.x, y, w, p.colors().text, p.colors().background) +
           gap / 2;
  }
  // The fields that change, as many as fit above the buttons.
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - gap;
  if (plan.ok() && plan.changes.empty())
    p.text("staff.rollback.file", Role::Text, TextRole::Body, ctx.t("staff.rollback.file"), ctx.area.x, y, w,
           p.colors().text, p.colors().background);
  draw_changes(ctx, "staff.rollback", plan.changes,
               {"staff.rollback.field", "staff.rollback.gone", "staff.rollback.back"}, y, bottom);
  const bool toch = !plan.personas.empty();
  draw_bottom_buttons(ctx, {{"staff.rollback.apply",
                             toch ? "staff.rollback.confirm" : "staff.rollback.apply",
                             "undo",
                             {Action::RollBack, std::to_string(plan.revision)},
                             plan.ok(),
                             true},
                            {"staff.edit.cancel", "staff.edit.cancel", "close", {Action::Back}}});
}

namespace {

const char* change_key(editor::Change::Kind kind) {
  switch (kind) {
    case editor::Change::Kind::Added: return "staff.usb.added";
    case editor::Change::Kind::Changed: return "staff.usb.changed";
    case editor::Change::Kind::Removed: return "staff.usb.removed";
  }
  return "staff.usb.changed";
}

}  // namespace

// A stick: put the content on it, or look at a pack on it.
// What "Publiceren" makes live, file by file and field by field, before anything does.
void draw_publish_review(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto& plan = ctx.app.publish_plan();
  const auto draft = ctx.app.draft_content();
  float y = draw_title(ctx, "staff.publish.title", ctx.t("staff.publish.title"), "publish");
  const float w = ctx.area.w;
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - gap;
  if (!plan.ok()) {
    y += draw_warning(p, "staff.publish.problem", ctx.t("staff.edit.broken") + "\n" + excerpt(plan.errors.front(), 160),
                      ctx.area.x, y, w) +
         gap;
  }
  for (std::size_t i = 0; i < plan.files.size() && y < bottom; ++i) {
    const auto& file = plan.files[i];
    const std::string id = "staff.publish." + std::to_string(i);
    y += p.text(id, Role::Heading, TextRole::Label, editor::describe_file(*draft, file.path), ctx.area.x, y, w,
                p.colors().text, p.colors().background) +
         gap / 2;
    if (file.changes.empty())
      y += p.text(id + ".file", Role::Text, TextRole::Body, ctx.t("staff.rollback.file"), ctx.area.x, y, w,
                  p.colors().text, p.colors().background) +
           gap / 2;
    y = draw_changes(ctx, id, file.changes, {"staff.publish.field", "staff.rollback.gone", "staff.publish.added"}, y,
                     bottom) +
        gap / 2;
  }
  draw_bottom_buttons(ctx, {{"staff.publish.confirm", "staff.publish.confirm", "publish", {Action::Publish},
                             plan.ok(), true},
                            {"staff.edit.cancel", "staff.edit.cancel", "close", {Action::Back}}});
}

void draw_stick(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const float top = draw_title(ctx, "staff.usb.title", ctx.t("staff.usb.title"), "usb");
  float y = top;
  const auto& view = ctx.app.stick_view();
  const float col_w = (ctx.area.w - 2 * gap) / 2;
  const float h = p.px(mm::primary_height);
  if (!view.stick) {
    y += p.text("staff.usb.none", Role::Text, TextRole::Body, ctx.t("staff.usb.none"), ctx.area.x, y, col_w,
                p.colors().text, p.colors().background) +
         2 * gap;
    p.button("staff.usb.look", Role::Primary, ctx.t("staff.usb.look"), "refresh", {ctx.area.x, y, col_w, h},
             {Action::OpenStick}, ButtonStyle::primary());
    return;
  }
  y += p.text("staff.usb.found", Role::Text, TextRole::Body,
              fill_in(ctx.t("staff.usb.found"), {{"path", *view.stick}}), ctx.area.x, y, col_w,
              p.colors().text, p.colors().background) +
       gap;
  p.button("staff.usb.export", Role::Primary, ctx.t("staff.usb.export"), "upload", {ctx.area.x, y, col_w, h},
           {Action::ExportPack}, ButtonStyle::primary());
  y += h + gap;
  p.text("staff.usb.export_note", Role::Text, TextRole::Body, ctx.t("staff.usb.export_note"), ctx.area.x, y,
         col_w, p.colors().text, p.colors().background);

  // Right: the packs on the stick, newest first.
  const float rx = ctx.area.x + col_w + 2 * gap;
  float ry = top;
  ry += p.text("staff.usb.packs", Role::Heading, TextRole::Label,
               ctx.t(view.packs.empty() ? "staff.usb.no_packs" : "staff.usb.packs"), rx, ry, col_w,
               p.colors().text, p.colors().background) +
        gap;
  ButtonStyle style;
  style.text_role = TextRole::Body;
  const float bh = p.px(mm::button_height);
  for (const auto& name : view.packs) {
    if (ry + bh > ctx.area.bottom()) break;
    p.button("staff.usb.pack." + name, Role::Button, name, "inventory_2", {rx, ry, col_w, bh},
             {Action::ReviewPack, name}, style);
    ry += bh + gap;
  }
}

// What a pack would change, and "Toepassen" when the kiosk can take it.
void draw_import_review(ScreenContext& ctx) {
  Painter& p = ctx.paint;
  const float gap = p.px(mm::gap);
  const auto& plan = ctx.app.import_plan();
  const std::string name = ctx.app.session().current().about<app::about::Pack>().name;
  float y = draw_title(ctx, "staff.review.title", fill_in(ctx.t("staff.review.title"), {{"name", name}}),
                       "inventory_2");
  const float w = ctx.area.w;
  if (plan.verified)
    y += p.text(
             "staff.review.signed", Role::Text, TextRole::Body,
             fill_in(ctx.t("staff.review.signed"), {{"signer", plan.pack.signer}, {"version", plan.version}}),
             ctx.area.x, y, w, p.colors().text, p.colors().background) +
         gap;
  // Both versions and their days, so that older content is never taken by mistake.
  auto day = [&](const std::string& iso) {
    return iso.empty() ? ctx.t("staff.review.no_date") : slip::long_date(iso, "nl");
  };
  if (plan.verified && !plan.live_version.empty())
    y += p.text("staff.review.versions", Role::Text, TextRole::Body,
                fill_in(ctx.t("staff.review.versions"), {{"live_version", plan.live_version},
                                                         {"live_date", day(plan.live_date)},
                                                         {"version", plan.version},
                                                         {"pack_date", day(plan.pack_date)}}),
                ctx.area.x, y, w, p.colors().text, p.colors().background) +
         gap;
  if (plan.ok() && plan.older)
    y += p.text("staff.review.older", Role::Text, TextRole::Body, ctx.t("staff.review.older"), ctx.area.x, y,
                w, p.colors().text, p.colors().warning_panel) +
         gap;
  if (!plan.ok())
    y += p.text("staff.review.problem", Role::Text, TextRole::Body, ctx.t(plan.problem), ctx.area.x, y, w,
                p.colors().text, p.colors().warning_panel) +
         gap;
  // Unpublished changes are made on the files the pack replaces: they go with it.
  if (const std::size_t drafts = ctx.app.store() ? ctx.app.store()->drafts().size() : 0;
      drafts > 0 && plan.ok())
    y += p.text("staff.review.drafts", Role::Text, TextRole::Body,
                fill_in(ctx.t("staff.review.drafts"), {{"n", std::to_string(drafts)}}), ctx.area.x, y, w,
                p.colors().text, p.colors().warning_panel) +
         gap;
  // The changes, as many as fit, then how many more.
  const float line = p.measure(TextRole::Body, "H", w) + gap / 2;
  const float bottom = ctx.area.bottom() - p.px(mm::primary_height) - gap;
  const std::size_t fit = static_cast<std::size_t>(std::max(1.0f, (bottom - y) / line)) - 1;
  for (std::size_t i = 0; i < plan.changes.size() && i < fit; ++i) {
    const auto& change = plan.changes[i];
    p.text(
        "staff.review.change." + std::to_string(i), Role::Text, TextRole::Body,
        ctx.t(change_key(change.kind)) + " " + editor::describe_file(*ctx.app.draft_content(), change.path),
        ctx.area.x, y, w, p.colors().text, p.colors().background);
    y += line;
  }
  if (plan.changes.size() > fit)
    p.text("staff.review.more", Role::Text, TextRole::Body,
           fill_in(ctx.t("staff.review.more"), {{"n", std::to_string(plan.changes.size() - fit)}}),
           ctx.area.x, y, w, p.colors().text, p.colors().background);
  // Older content is never the first choice: its button says what it does and is not primary.
  const std::string apply = plan.older ? "staff.review.apply_older" : "staff.review.apply";
  draw_bottom_buttons(ctx, {{apply,
                             apply,
                             plan.older ? "history" : "download",
                             {Action::ApplyPack, plan.older ? "older" : ""},
                             plan.ok(),
                             !plan.older},
                            {"staff.edit.cancel", "staff.edit.cancel", "close", {Action::Back}}});
}

}  // namespace ui
