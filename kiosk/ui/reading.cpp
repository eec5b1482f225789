#include "ui/reading.hpp"

#include "editor/editor.hpp"

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
  if (screen.kind == app::ScreenKind::Page) return app.content().find_page(screen.page_id);
  if (screen.kind != app::ScreenKind::Preview) return nullptr;
  const auto ref = editor::parse_field(app.session().edit_field);
  if (!ref || ref->kind != "page") return nullptr;
  keep = app.preview_content();
  return keep ? keep->find_page(ref->id) : nullptr;
}

}  // namespace

speech::Utterance read_screen(const WidgetList& widgets, const app::KioskApp& app, bool with_frame,
                              const std::string& first) {
  const auto& content = app.content();
  const auto& lang = app.language();
  // A page may give its own words for speech instead of the body.
  content::Snapshot preview;
  const content::Page* page = shown_page(app, preview);
  const bool spoken_body = page && page->spoken.count(lang) > 0;

  std::vector<speech::Source> sources, top, bottom;
  if (!first.empty()) sources.push_back({"", first});
  bool body_said = false;
  for (const Widget& w : widgets.all()) {
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
      sources.push_back({w.id, w.label});
    }
  }
  if (!with_frame) return speech::build(sources, lang, lexicon(content, lang));
  if (!bottom.empty()) {
    sources.push_back({"", content.text("speech.nav", lang)});
    sources.insert(sources.end(), bottom.begin(), bottom.end());
  }
  if (!top.empty()) {
    sources.push_back({"", content.text("speech.top", lang)});
    sources.insert(sources.end(), top.begin(), top.end());
  }
  return speech::build(sources, lang, lexicon(content, lang));
}

speech::Utterance read_text(const std::string& text, const std::string& lang,
                            const content::ContentPack& content) {
  return speech::build({{"", text}}, lang, lexicon(content, lang));
}

}  // namespace ui
