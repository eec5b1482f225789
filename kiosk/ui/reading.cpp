#include "ui/reading.hpp"

#include "editor/editor.hpp"
#include "text/layout.hpp"
#include "ui/focus.hpp"
#include "ui/screens/screens.hpp"

namespace ui {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

const speech::Lexicon& lexicon(const content::ContentPack& content, const std::string& lang) {
  static const speech::Lexicon none;
  const auto it = content.pronunciation.find(lang);
  return it == content.pronunciation.end() ? none : it->second;
}

// The page on screen: a visitor's page, or the page an editor previews (with its unsaved text).
// `keep` holds the preview's content while the page is used.
const content::Page* shown_page(const app::KioskApp& app, content::Snapshot& keep) {
  const app::Screen screen = app.visible_screen();
  if (screen.kind == app::ScreenKind::Page) return app.content().find_page(screen.about<app::about::Page>().id);
  if (screen.kind != app::ScreenKind::Preview) return nullptr;
  const auto ref = editor::parse_field(app.session().edit.field);
  if (!ref || ref->kind != "page") return nullptr;
  keep = app.preview_content();
  return keep ? keep->find_page(ref->id) : nullptr;
}

// Texts in order, each with its language: built in runs of one language, each with its lexicon.
speech::Utterance build_in_languages(const std::vector<std::pair<speech::Source, std::string>>& texts,
                                     const std::string& lang, const content::ContentPack& content) {
  speech::Utterance out{lang, {}};
  for (std::size_t first = 0; first < texts.size();) {
    const std::string& run_lang = texts[first].second;
    std::vector<speech::Source> run;
    std::size_t end = first;
    for (; end < texts.size() && texts[end].second == run_lang; ++end) run.push_back(texts[end].first);
    speech::append(out, speech::build(run, run_lang, lexicon(content, run_lang)));
    first = end;
  }
  return out;
}

bool is_slip_block(const std::string& id) {
  return starts_with(id, "slip.") && id.size() > 5 && id[5] >= '0' && id[5] <= '9';
}

}  // namespace

bool slip_block_is_personal(const slip::Block& block) {
  switch (block.kind) {
    case slip::Kind::Title:
    case slip::Kind::Date:
    case slip::Kind::Step:
    case slip::Kind::Closing: return block.counter;
    default: return true;
  }
}

speech::Utterance read_slip(const slip::Slip& slip, const content::ContentPack& content,
                            const std::function<std::string(std::size_t)>& widget) {
  std::vector<std::pair<speech::Source, std::string>> texts;
  const std::string& kept = content.text("listen.kept", slip.lang);
  for (std::size_t i = 0; i < slip.blocks.size(); ++i) {
    const auto& block = slip.blocks[i];
    if (block.kind == slip::Kind::Qr || block.text.empty()) continue;
    // As the screen shows it: "**bold**" marks are not read (the widget's label is the same text).
    std::string shown;
    for (const auto& span : text::parse_inline(block.text)) shown += span.text;
    texts.push_back({{widget(i), shown, slip_block_is_personal(block), kept},
                     block.in_default_language ? content.default_language : slip.lang});
  }
  return build_in_languages(texts, slip.lang, content);
}

speech::Utterance read_screen(const WidgetList& widgets, const app::KioskApp& app, bool with_frame,
                              const speech::Source& first) {
  const auto& content = app.content();
  const auto& lang = app.language();
  // A page may give its own words for speech instead of the body.
  content::Snapshot preview;
  const content::Page* page = shown_page(app, preview);
  const bool spoken_body = page && page->spoken.count(lang) > 0;

  std::vector<speech::Source> sources, top, bottom;
  if (!first.text.empty()) sources.push_back(first);
  // The slip is read whole, also the sheets not shown, its Dutch part in Dutch; then the rest.
  const bool slip_shown = app.visible_screen().kind == app::ScreenKind::Slip;
  speech::Utterance slip_said{lang, {}};
  if (slip_shown)
    slip_said = read_slip(slip_for(app), content, [&](std::size_t i) {
      const auto block = "slip." + std::to_string(i) + ".";
      for (const Widget& w : widgets.all())
        if (starts_with(w.id, block) && w.role != Role::Pictogram) return w.id;
      return std::string{};
    });
  bool body_said = false;
  for (const Widget& w : widgets.all()) {
    if (slip_shown && is_slip_block(w.id)) continue;
    // Not said: pictograms, the library's name, and the tag that marks a preview for the editor.
    if (w.role == Role::Pictogram || w.label.empty() || w.id == "frame.location" ||
        w.id == "frame.listening" || w.id == "staff.preview.tag")
      continue;
    if (w.id == "nav.clear" || w.id == "nav.language") {
      top.push_back({w.id, w.label});
    } else if (starts_with(w.id, "nav.")) {
      bottom.push_back({w.id, w.label});
    } else if (spoken_body && starts_with(w.id, "page.body.")) {
      if (!body_said) sources.push_back({"", page->spoken.at(lang)});
      body_said = true;
    } else {
      sources.push_back(label_source(w, false));
    }
  }
  // What stands before the slip (the answer just chosen), the slip, then the rest of the screen.
  auto said = [&](const std::vector<speech::Source>& rest) {
    if (!slip_shown) return speech::build(rest, lang, lexicon(content, lang));
    const std::size_t before = first.text.empty() ? 0 : 1;
    const auto split = rest.begin() + static_cast<std::ptrdiff_t>(before);
    speech::Utterance out =
        speech::build(std::vector<speech::Source>(rest.begin(), split), lang, lexicon(content, lang));
    speech::append(out, slip_said);
    speech::append(
        out, speech::build(std::vector<speech::Source>(split, rest.end()), lang, lexicon(content, lang)));
    return out;
  };
  if (!with_frame) return said(sources);
  if (!bottom.empty()) {
    sources.push_back({"", content.text("speech.nav", lang)});
    sources.insert(sources.end(), bottom.begin(), bottom.end());
  }
  if (!top.empty()) {
    sources.push_back({"", content.text("speech.top", lang)});
    sources.insert(sources.end(), top.begin(), top.end());
  }
  return said(sources);
}

speech::Utterance read_text(const std::string& text, const std::string& lang,
                            const content::ContentPack& content) {
  return read_sources({{"", text}}, lang, content);
}

speech::Utterance read_sources(const std::vector<speech::Source>& sources, const std::string& lang,
                               const content::ContentPack& content) {
  return speech::build(sources, lang, lexicon(content, lang));
}

}  // namespace ui
