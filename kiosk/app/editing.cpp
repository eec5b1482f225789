// The editor's part of the app: changing a field as a draft, publishing, rolling
// back. Only an editor in staff mode gets here; drafts live in the content store,
// so a power cut loses nothing, and publishing is one transaction.
#include <algorithm>

#include "app/kiosk_app.hpp"
#include "editor/editor.hpp"

namespace app {

namespace {
constexpr const char* kEditorName = "redacteur";
}

// Read and checked once per change of the drafts, not on every frame drawn.
content::Snapshot KioskApp::draft_content() const {
  if (!store_) return content_;
  if (!draft_cache_) {
    std::vector<std::string> errors;
    auto pack =
        store_->drafts().empty() ? std::nullopt : editor::usable(store_->files_with_drafts(), date_, errors);
    draft_cache_ = pack ? std::make_shared<const content::ContentPack>(std::move(*pack)) : content_;
  }
  return draft_cache_;
}

void KioskApp::edit_action(const Intent& intent, Millis now) {
  if (session_.staff != "editor" || !store_) return;
  // Publishing, rolling back and saving change the drafts or the live files.
  if (intent.action == Action::Publish || intent.action == Action::RollBack ||
      intent.action == Action::SaveField || intent.action == Action::ConfirmSave)
    draft_cache_.reset();
  const ScreenKind at = session_.current().kind;
  switch (intent.action) {
    case Action::OpenEditor: push({ScreenKind::Editor}); break;
    case Action::EditField: {
      const auto ref = editor::parse_field(intent.arg);
      const auto draft = draft_content();
      const auto text = ref ? editor::field_text(*draft, *ref) : std::nullopt;
      if (!text) break;
      session_.edit_field = intent.arg;
      session_.edit_text = *text;
      session_.edit_personas.clear();
      push({ScreenKind::EditField, intent.arg});
      break;
    }
    case Action::TypeKey:
      if (at != ScreenKind::EditField || intent.arg.empty() || session_.edit_text.size() > 2000) break;
      editor::type_into(session_.edit_text, intent.arg);
      session_.shift = false;
      session_.edit_personas.clear();
      break;
    case Action::EraseKey:
      if (at == ScreenKind::EditField) editor::erase_last(session_.edit_text);
      session_.edit_personas.clear();
      break;
    case Action::ShiftKey: session_.shift = !session_.shift; break;
    case Action::SaveField:
    case Action::ConfirmSave:
      if (at == ScreenKind::EditField) save_field(intent.action == Action::ConfirmSave, now);
      break;
    case Action::CancelField:
      if (at == ScreenKind::EditField) back();
      break;
    case Action::Publish: {
      if (store_->drafts().empty()) break;
      std::vector<std::string> errors;
      auto pack = editor::usable(store_->files_with_drafts(), date_, errors);
      if (!pack) {
        show_notice("staff.edit.broken", now, false);
        break;
      }
      store_->publish(kEditorName, "gepubliceerd op de kiosk");
      store_->mark_good(store_->files());
      replace_content(std::make_shared<const content::ContentPack>(std::move(*pack)));
      show_notice("staff.edit.published", now, false);
      break;
    }
    case Action::OpenHistory: push({ScreenKind::History}); break;
    case Action::RollBack: {
      const std::int64_t number = std::atoll(intent.arg.c_str());
      if (number <= 0) break;
      const auto undo = store_->roll_back(number, kEditorName);
      std::vector<std::string> errors;
      auto pack = editor::usable(store_->files(), date_, errors);
      if (!pack) {  // the old text no longer fits the rest: undo the roll-back
        store_->roll_back(undo, kEditorName);
        show_notice("staff.edit.broken", now, false);
        break;
      }
      store_->mark_good(store_->files());
      replace_content(std::make_shared<const content::ContentPack>(std::move(*pack)));
      show_notice("staff.edit.rolled_back", now, false);
      break;
    }
    default: break;
  }
}

// A save checks the whole pack with the change: errors block it, and when the
// personas would get other suggestions the editor sees which and must confirm.
void KioskApp::save_field(bool confirmed, Millis now) {
  const auto ref = editor::parse_field(session_.edit_field);
  if (!ref) return;
  std::vector<std::string> errors;
  const content::PackFiles before = store_->files_with_drafts();
  auto pack = editor::usable(before, date_, errors);
  if (!pack) {
    show_notice("staff.edit.broken", now, false);
    return;
  }
  const content::ContentPack original = *pack;
  if (auto problem = editor::set_field(*pack, *ref, session_.edit_text); !problem.empty()) {
    show_notice(ref->field == "value" ? "staff.edit.amount" : "staff.edit.date", now, false);
    return;
  }
  const auto check = editor::check_save(*pack, date_);
  if (check.blocked()) {
    show_notice("staff.edit.broken", now, false);
    return;
  }
  if (!check.personas.empty() && !confirmed) {
    session_.edit_personas = check.personas;
    return;
  }
  // Only the files the change touches become drafts; the writer keeps the rest as it was.
  const auto changed = editor::changed_files(editor::files_of(original), editor::files_of(*pack));
  for (const auto& [path, text] : changed) store_->save_draft(path, text, kEditorName);
  session_.edit_personas.clear();
  back();
  show_notice("staff.edit.saved", now, false);
}

}  // namespace app
