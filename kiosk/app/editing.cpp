// The editor's part of the app: changing a field as a draft, publishing, rolling
// back. Only an editor in staff mode gets here; drafts live in the content store,
// so a power cut loses nothing, and publishing is one transaction.
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "app/kiosk_app.hpp"
#include "editor/editor.hpp"
#include "editor/spelling.hpp"
#include "editor/keyboards.hpp"

namespace app {

namespace {
constexpr const char* kEditorName = "redacteur";
}

// Read and checked once per change of the drafts, not on every frame drawn.
content::Snapshot KioskApp::draft_content() const {
  if (!store_) return content_;
  if (!draft_cache_) {
    std::vector<std::string> errors;
    auto pack = store_->drafts().empty()
                    ? std::nullopt
                    : editor::usable(store_->files_with_drafts(), content_checks(), errors);
    draft_cache_ = pack ? std::make_shared<const content::ContentPack>(std::move(*pack)) : content_;
  }
  return draft_cache_;
}

const std::set<std::string>& KioskApp::known_words() const {
  auto draft = draft_content();
  if (draft != known_words_of_) {
    known_words_ = editor::known_words(*draft);
    known_words_of_ = std::move(draft);
  }
  return known_words_;
}

const std::vector<editor::FieldChange>& KioskApp::revision_changes(const content::Revision& revision) const {
  auto found = revision_changes_.find(revision.number);
  if (found == revision_changes_.end() && store_)
    found = revision_changes_.emplace(revision.number, editor::revision_changes(store_->files(), revision)).first;
  static const std::vector<editor::FieldChange> none;
  return found == revision_changes_.end() ? none : found->second;
}

// Made again only when the field or its text changed since the last frame.
content::Snapshot KioskApp::preview_content() const {
  const std::string key = session_.edit.field + '\n' + session_.edit.text.text();
  const auto base = draft_content();  // saved, published or rolled back since: made again
  if (preview_cache_ && key == preview_key_ && base == preview_base_) return preview_cache_;
  const auto ref = editor::parse_field(session_.edit.field);
  auto pack = std::make_shared<content::ContentPack>(*base);
  // Text that cannot be set yet (an empty title) shows the saved text instead.
  if (ref) (void)editor::set_field(*pack, *ref, session_.edit.text.text());
  preview_key_ = key;
  preview_base_ = base;
  preview_cache_ = std::move(pack);
  return preview_cache_;
}

bool KioskApp::edit_right_to_left() const {
  const auto ref = editor::parse_field(session_.edit.field);
  const auto* language = ref && !ref->lang.empty() ? content_->find_language(ref->lang) : nullptr;
  return language && language->right_to_left;
}

// A store that cannot write (a full or read-only disk) fails the one change, never the
// kiosk: each step is one transaction, so nothing was half saved, and the editor is told.
void KioskApp::guard_store(Millis now, const std::function<void()>& step) {
  try {
    step();
  } catch (const content::StoreError&) {
    draft_cache_.reset();
    // A read-only disk is not cured by making room: the editor is sent to the administrator.
    show_notice(store_->read_only() ? "staff.edit.store_read_only" : "staff.edit.store_failed", now, false);
  }
}

void KioskApp::edit_action(const Intent& intent, Millis now) {
  if (session_.staff != staff::Role::Editor || !store_) return;
  // The text changed: what the last save found no longer holds.
  const auto changed = [&] {
    session_.edit.personas.clear();
    session_.edit.refusals.clear();
  };
  // Publishing, rolling back and saving change the drafts or the live files.
  if (intent.action == Action::Publish || intent.action == Action::RollBack ||
      intent.action == Action::SaveField || intent.action == Action::ConfirmSave)
    draft_cache_.reset();
  const ScreenKind at = session_.current().kind;
  switch (intent.action) {
    case Action::OpenEditor:
      // Answers from "Samen invullen" stay with the visitor: the editor's previews show none.
      session_.wipe_answers();
      push({ScreenKind::Editor, about::Section{editor::sections().front()}});
      break;
    case Action::EditorSection: {
      const auto& all = editor::sections();
      if (at == ScreenKind::Editor && std::find(all.begin(), all.end(), intent.arg) != all.end())
        session_.history.back() = Screen{ScreenKind::Editor, about::Section{intent.arg}};
      break;
    }
    case Action::OpenItem: {
      const auto colon = intent.arg.find(':');
      if (colon == std::string::npos ||
          editor::item_form(*draft_content(), intent.arg.substr(0, colon), intent.arg.substr(colon + 1))
              .empty())
        break;
      push({ScreenKind::EditItem, about::Item{intent.arg}});
      break;
    }
    case Action::ChooseOption: {
      const auto ref = editor::parse_field(session_.edit.field);
      if (at != ScreenKind::EditField || !ref) break;
      const auto options = editor::field_options(*draft_content(), *ref);
      if (std::none_of(options.begin(), options.end(),
                       [&](const editor::Option& o) { return o.value == intent.arg; }))
        break;
      session_.edit.text = editor::TextField(intent.arg);
      session_.edit.personas.clear();
      session_.edit.refusals.clear();
      break;
    }
    case Action::Preview: {
      const auto ref = editor::parse_field(session_.edit.field);
      if (at != ScreenKind::EditField || !ref || !editor::has_preview(*ref)) break;
      session_.edit.preview_language = ref->lang.empty() ? content_->default_language : ref->lang;
      push({ScreenKind::Preview, about::Field{session_.edit.field}});
      break;
    }
    case Action::EditField: {
      const auto ref = editor::parse_field(intent.arg);
      const auto draft = draft_content();
      const auto text = ref ? editor::field_text(*draft, *ref) : std::nullopt;
      if (!text) break;
      session_.edit.text.wipe();
      session_.edit.field = intent.arg;
      session_.edit.text = editor::TextField(*text);
      // The field's own language picks the keyboard ("page:aow:body:ar": Arabic).
      session_.edit.keyboard = editor::keyboard_for_language(ref->lang);
      session_.edit.shift = false;
      last_place_.reset();
      session_.edit.personas.clear();
      session_.edit.refusals.clear();
      push({ScreenKind::EditField, about::Field{intent.arg}});
      break;
    }
    case Action::TypeKey:
      if (at != ScreenKind::EditField || intent.arg.empty() || session_.edit.text.text().size() > 2000) break;
      session_.edit.text.insert(intent.arg);
      session_.edit.shift = false;
      changed();
      break;
    case Action::EraseKey:
    case Action::DeleteKey:
      if (at != ScreenKind::EditField) break;
      if (intent.action == Action::EraseKey)
        session_.edit.text.backspace();
      else
        session_.edit.text.erase_forward();
      changed();
      break;
    case Action::ShiftKey: session_.edit.shift = !session_.edit.shift; break;
    case Action::SwitchKeyboard:
      session_.edit.keyboard = editor::next_keyboard(session_.edit.keyboard);
      session_.edit.shift = false;
      break;
    case Action::MoveCursor: {
      using Move = editor::TextField::Move;
      static const std::pair<const char*, Move> moves[] = {
          {"back", Move::Back},          {"forward", Move::Forward},
          {"word_back", Move::WordBack}, {"word_forward", Move::WordForward},
          {"start", Move::Start},        {"end", Move::End}};
      if (at != ScreenKind::EditField) break;
      for (const auto& [name, move] : moves)
        if (intent.arg == name) session_.edit.text.move(move);
      // "at:N": a place the view worked out (a box of lines up or down).
      if (intent.arg.rfind("at:", 0) == 0) {
        char* end = nullptr;
        const unsigned long long offset = std::strtoull(intent.arg.c_str() + 3, &end, 10);
        if (end != intent.arg.c_str() + 3 && *end == '\0')
          session_.edit.text.place(static_cast<std::size_t>(std::min<unsigned long long>(offset, SIZE_MAX)));
      }
      break;
    }
    case Action::PlaceCursor: {
      char* end = nullptr;
      const unsigned long long offset = std::strtoull(intent.arg.c_str(), &end, 10);
      if (at != ScreenKind::EditField || intent.arg.empty() || *end != '\0') break;
      const auto place = static_cast<std::size_t>(std::min<unsigned long long>(offset, SIZE_MAX));
      // A second tap in the same word soon after the first selects the word: a shaky
      // double tap lands a letter or two apart, so the word decides, not the offset.
      const auto word = session_.edit.text.word_at(place);
      const bool twice = last_place_ && now - last_place_->at < kDoubleTapMs && word.first != word.second &&
                         word == session_.edit.text.word_at(last_place_->offset);
      if (twice) {
        session_.edit.text.select_word(place);
        last_place_.reset();  // a third tap places the cursor again
      } else {
        session_.edit.text.place(place);
        last_place_ = PlacedCursor{now, place};
      }
      break;
    }
    case Action::SaveField:
    case Action::ConfirmSave:
      if (at == ScreenKind::EditField) save_field(intent.action == Action::ConfirmSave, now);
      break;
    case Action::AddWord: {
      if (at != ScreenKind::EditField) break;
      std::vector<std::string> errors;
      auto pack = editor::usable(store_->files_with_drafts(), content_checks(), errors);
      if (!pack) {
        show_notice("staff.edit.broken", now, false);
        break;
      }
      const auto before = editor::files_of(*pack);
      if (!editor::learn_word(*pack, intent.arg)) break;
      // A draft like any change: it goes live with Publiceren, and the marks go at once.
      for (const auto& [path, text] : editor::changed_files(before, editor::files_of(*pack)))
        store_->save_draft(path, text, kEditorName);
      draft_cache_.reset();
      show_notice("staff.edit.word_added", now, false);
      break;
    }
    case Action::CancelField:
      if (at == ScreenKind::EditField) back();
      break;
    case Action::ReviewPublish:
      if (at != ScreenKind::Editor || store_->drafts().empty()) break;
      publish_plan_ = editor::plan_publish(*content_, store_->drafts(), store_->files_with_drafts(),
                                           content_checks());
      push({ScreenKind::PublishReview});
      break;
    case Action::Publish: {
      if (store_->drafts().empty()) break;
      std::vector<std::string> errors;
      auto pack = editor::usable(store_->files_with_drafts(), content_checks(), errors);
      if (!pack) {
        show_notice("staff.edit.broken", now, false);
        break;
      }
      // One transaction: on a full disk nothing is published and the drafts stay (issue 23, item 5).
      try {
        store_->publish(kEditorName, "gepubliceerd op de kiosk", content::ContentStore::Checked::Yes);
      } catch (const content::StoreError&) {
        if (store_->read_only()) throw;  // guard_store sends the editor to the administrator
        show_notice("staff.edit.publish_failed", now, false);
        break;
      }
      replace_content(std::make_shared<const content::ContentPack>(std::move(*pack)));
      publish_plan_ = {};
      if (at == ScreenKind::PublishReview) back();
      show_notice("staff.edit.published", now, false);
      break;
    }
    case Action::OpenHistory:  // arg: one file, or all
      revision_changes_.clear();
      push({ScreenKind::History, about::File{intent.arg}});
      break;
    case Action::ReviewRollBack: {
      const auto revision = store_->revision(std::atoll(intent.arg.c_str()));
      if (at != ScreenKind::History || !revision) break;
      roll_back_plan_ = editor::plan_roll_back(store_->files(), *revision, content_checks());
      push({ScreenKind::RollBackReview, about::Revision{revision->number}});
      break;
    }
    case Action::RollBack:
      if (at == ScreenKind::RollBackReview &&
          std::atoll(intent.arg.c_str()) == session_.current().about<about::Revision>().number)
        roll_back(std::atoll(intent.arg.c_str()), now);
      break;
    default: break;
  }
}

// The editor saw what the review showed, personas included: that was the "Toch".
// Planned again on the files as they are now, in case something changed meanwhile.
void KioskApp::roll_back(std::int64_t number, Millis now) {
  const auto revision = store_->revision(number);
  if (!revision) return;
  auto plan = editor::plan_roll_back(store_->files(), *revision, content_checks());
  if (!plan.ok() || !plan.pack) {
    roll_back_plan_ = std::move(plan);
    ++revision_;
    show_notice(roll_back_plan_.problem, now, false);
    return;
  }
  store_->roll_back(number, kEditorName);
  store_->mark_good(store_->files());
  replace_content(std::make_shared<const content::ContentPack>(std::move(*plan.pack)));
  roll_back_plan_ = {};
  back();
  show_notice("staff.edit.rolled_back", now, false);
}

// After a save the form below shows the same item: an amount whose start date changed
// has a new key, a Home topic moved or removed has another place (or none).
void KioskApp::follow_item(const editor::FieldRef& ref, const content::ContentPack& saved) {
  Screen& form = session_.history.back();
  if (form.kind != ScreenKind::EditItem) return;
  if (ref.kind == "parameter" && ref.field == "valid_from") {
    const auto at = ref.id.rfind('@');
    form.subject = about::Item{"parameter:" + ref.id.substr(0, at) + "@" + session_.edit.text.text()};
  } else if (ref.kind == "home" && (session_.edit.text.text() == "-" || ref.id == "new")) {
    if (session_.edit.text.text() == "-")
      back();  // the topic is gone: back to the list
    else
      form.subject = about::Item{"home:" + std::to_string(saved.home_topics.size() - 1)};
  } else if (ref.kind == "home" && session_.edit.text.text() == "^") {
    form.subject = about::Item{"home:" + std::to_string(std::max(0, std::atoi(ref.id.c_str()) - 1))};
  }
}

// A save checks the whole pack with the change: errors block it, and when the
// personas would get other suggestions the editor sees which and must confirm.
void KioskApp::save_field(bool confirmed, Millis now) {
  const auto ref = editor::parse_field(session_.edit.field);
  if (!ref) return;
  std::vector<std::string> errors;
  const content::PackFiles before = store_->files_with_drafts();
  auto pack = editor::usable(before, content_checks(), errors);
  if (!pack) {
    show_notice("staff.edit.broken", now, false);
    return;
  }
  const content::ContentPack original = *pack;
  if (auto problem = editor::set_field(*pack, *ref, session_.edit.text.text()); !problem.empty()) {
    show_notice(problem, now, false);
    return;
  }
  const auto check = editor::check_save(*pack, content_checks());
  session_.edit.refusals = check.reasons;  // said on the field's own screen, beside the text
  if (check.blocked()) {
    show_notice("staff.edit.broken", now, false);
    return;
  }
  if (!check.personas.empty() && !confirmed) {
    session_.edit.personas = check.personas;
    return;
  }
  // Only the files the change touches become drafts; the writer keeps the rest as it was.
  const auto changed = editor::changed_files(editor::files_of(original), editor::files_of(*pack));
  for (const auto& [path, text] : changed) store_->save_draft(path, text, kEditorName);
  session_.edit.personas.clear();
  session_.edit.refusals.clear();
  back();
  follow_item(*ref, *pack);
  show_notice("staff.edit.saved", now, false);
}

void KioskApp::look_at_stick() {
  stick_view_.stick = editor::find_stick(stick_settings_.places);
  stick_view_.packs = stick_view_.stick ? editor::packs_on(*stick_view_.stick) : std::vector<std::string>{};
}

// Content onto a stick or from it. Export takes the live files (what visitors see);
// an import is checked whole first and applied in one transaction, like publishing.
void KioskApp::stick_action(const Intent& intent, Millis now) {
  if (session_.staff != staff::Role::Editor || !store_) return;
  const ScreenKind at = session_.current().kind;
  switch (intent.action) {
    case Action::OpenStick:
      look_at_stick();
      if (at == ScreenKind::Stick)
        ++revision_;
      else
        push({ScreenKind::Stick});
      break;
    case Action::ExportPack: {
      look_at_stick();
      if (!stick_view_.stick) {
        show_notice("staff.usb.no_stick", now, false);
        break;
      }
      const auto key = editor::kiosk_key(stick_settings_.key_dir);
      if (!key) {
        show_notice("staff.usb.key_failed", now, false);
        break;
      }
      const auto result =
          editor::export_to_stick(store_->files(), store_->pack_version(), *stick_view_.stick, *key, date_);
      look_at_stick();
      show_notice(result.problem.empty() ? "staff.usb.exported" : result.problem, now, false);
      break;
    }
    case Action::ReviewPack: {
      if (!stick_view_.stick || std::find(stick_view_.packs.begin(), stick_view_.packs.end(), intent.arg) ==
                                    stick_view_.packs.end())
        break;
      const auto since = store_->history("pack.toml");  // when the live version came
      import_plan_ = editor::plan_import(*stick_view_.stick + "/" + intent.arg, stick_settings_.trust_file,
                                         store_->files(), content_checks(),
                                         since.empty() ? "" : since.front().at.substr(0, 10));
      push({ScreenKind::ImportReview, about::Pack{intent.arg}});
      break;
    }
    case Action::ApplyPack: {
      if (at != ScreenKind::ImportReview || !import_plan_.ok()) break;
      // Older content only by the button that says so (issue 23, item 6).
      if (import_plan_.older != (intent.arg == "older")) break;
      std::vector<std::string> errors;
      auto pack = editor::usable(import_plan_.pack.files, content_checks(), errors);
      if (!pack) {
        show_notice("staff.usb.has_errors", now, false);
        break;
      }
      store_->replace_files(import_plan_.pack.files, "pakket", "import " + session_.current().about<about::Pack>().name);
      store_->mark_good(store_->files());
      draft_cache_.reset();
      replace_content(std::make_shared<const content::ContentPack>(std::move(*pack)));
      import_plan_ = {};
      back();
      show_notice("staff.usb.imported", now, false);
      break;
    }
    default: break;
  }
}

}  // namespace app
