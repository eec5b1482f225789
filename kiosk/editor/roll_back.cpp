#include "editor/roll_back.hpp"

#include <algorithm>
#include <map>

#include "content/pack_format.hpp"
#include "editor/editor.hpp"

namespace editor {

// A page can go (the editor removes one); every other file is the pack's own.
bool removable(const std::string& path) {
  const auto parsed = content::parse_pack_path(path);
  return parsed && parsed->spec->file == content::PackFile::Pages;
}

namespace {

// The editor's items kept in one file, by "KIND:ID", with the label the list shows.
std::map<std::string, Item> items_in(const content::ContentPack& pack, const std::string& path) {
  std::map<std::string, Item> out;
  for (const auto& section : sections())
    for (const auto& item : items(pack, section))
      if (item.id != "new" && file_of(item.kind, item.id) == path) out[item.kind + ":" + item.id] = item;
  return out;
}

// Every field of an item's form, without the empty "new condition" row.
std::vector<FieldRef> fields_of(const content::ContentPack& pack, const Item& item) {
  std::vector<FieldRef> out;
  for (const auto& row : item_form(pack, item.kind, item.id))
    for (const auto& field : row.fields)
      if (field.field != "when.new") out.push_back(field);
  return out;
}

std::string label_of(const FieldRef& field) {
  return field.field.rfind("when.", 0) == 0 ? "staff.field.when" : "staff.field." + field.field;
}

}  // namespace

std::vector<FieldChange> field_changes(const content::ContentPack& now, const content::ContentPack& after,
                                       const std::string& path) {
  std::vector<FieldChange> out;
  const auto before_items = items_in(now, path);
  const auto after_items = items_in(after, path);
  for (const auto& [key, item] : before_items) {
    const auto kept = after_items.find(key);
    if (kept == after_items.end()) {
      out.push_back({item.label, "", "", item.label, ""});
      continue;
    }
    // A rule may have more conditions on one side: the fields of both forms, each once.
    auto fields = fields_of(now, item);
    for (const auto& field : fields_of(after, kept->second))
      if (std::none_of(fields.begin(), fields.end(),
                       [&](const FieldRef& f) { return f.key() == field.key(); }))
        fields.push_back(field);
    for (const auto& field : fields) {
      const std::string was = field_text(now, field).value_or("");
      const std::string will = field_text(after, field).value_or("");
      if (was != will) out.push_back({item.label, label_of(field), field.lang, was, will});
    }
  }
  for (const auto& [key, item] : after_items)
    if (!before_items.count(key)) out.push_back({item.label, "", "", "", item.label});
  return out;
}

std::vector<FieldChange> revision_changes(const content::PackFiles& live, const content::Revision& revision) {
  auto with = [&](const std::string& text) {
    content::PackFiles files = live;
    if (text.empty())
      files.erase(revision.path);
    else
      files[revision.path] = text;
    return content::read_pack(files, "store");
  };
  const auto before = with(revision.before);
  const auto after = with(revision.after);
  if (!before.pack || !after.pack) return {};
  return field_changes(*before.pack, *after.pack, revision.path);
}

PublishPlan plan_publish(const content::ContentPack& live, const content::PackFiles& drafts,
                         const content::PackFiles& live_with_drafts, const content::ValidateOptions& checks) {
  PublishPlan plan;
  const auto after = usable(live_with_drafts, checks, plan.errors);
  if (!after) return plan;
  for (const auto& [path, text] : drafts) plan.files.push_back({path, field_changes(live, *after, path)});
  return plan;
}

namespace {

bool continues_character(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Moves `at` back to the start of a word (or of the text) at most `context` bytes before it.
std::size_t word_start_before(const std::string& text, std::size_t at, std::size_t context) {
  std::size_t start = at > context ? at - context : 0;
  if (start == 0) return 0;
  const auto space = text.find(' ', start);
  if (space != std::string::npos && space < at) return space + 1;
  while (start > 0 && continues_character(text[start])) --start;
  return start;
}

// Moves `at` forward to the end of a word (or of the text) at most `context` bytes after it.
std::size_t word_end_after(const std::string& text, std::size_t at, std::size_t context) {
  std::size_t end = std::min(text.size(), at + context);
  if (end == text.size()) return end;
  const auto space = text.rfind(' ', end);
  if (space != std::string::npos && space > at) return space;
  while (end < text.size() && continues_character(text[end])) ++end;
  return end;
}

}  // namespace

std::pair<std::string, std::string> differing_part(const std::string& a, const std::string& b,
                                                   std::size_t context) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  // Not in the middle of a character (the same lead byte has the same length in both).
  while (prefix > 0 && prefix < a.size() && continues_character(a[prefix])) --prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  auto cut = [&](const std::string& text) {
    const std::size_t from = word_start_before(text, prefix, context);
    const std::size_t to = word_end_after(text, text.size() - suffix, context);
    return (from > 0 ? "\u2026" : "") + text.substr(from, to - from) + (to < text.size() ? "\u2026" : "");
  };
  return {cut(a), cut(b)};
}

RollBackPlan plan_roll_back(const content::PackFiles& live, const content::Revision& revision,
                            const content::ValidateOptions& checks) {
  RollBackPlan plan;
  plan.revision = revision.number;
  plan.path = revision.path;
  plan.at = revision.at;
  content::PackFiles files = live;
  // An empty "before": the change made the file; putting that back removes it.
  if (revision.before.empty()) {
    if (!removable(revision.path)) {
      plan.problem = "staff.rollback.needed";
      return plan;
    }
    files.erase(revision.path);
  } else {
    files[revision.path] = revision.before;
  }
  if (files == live) {
    plan.problem = "staff.rollback.same";
    return plan;
  }
  auto pack = usable(files, checks, plan.errors);
  if (!pack) {
    plan.problem = "staff.rollback.broken";
    return plan;
  }
  const auto check = check_save(*pack, checks);
  plan.errors = check.errors;
  plan.personas = check.personas;
  if (check.blocked()) {
    plan.problem = "staff.rollback.broken";
    return plan;
  }
  std::vector<std::string> ignored;
  if (auto current = usable(live, checks, ignored)) plan.changes = field_changes(*current, *pack, plan.path);
  plan.pack = std::move(pack);
  return plan;
}

}  // namespace editor
