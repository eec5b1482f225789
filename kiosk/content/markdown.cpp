#include "content/markdown.hpp"

#include <md4c.h>

#include <algorithm>

namespace content {
namespace {

struct State {
  const std::string* source = nullptr;
  MarkdownResult result;
  std::string text;
  int line = 1;
  bool in_block = false;
  bool bullet = false;
  int list_depth = 0;

  int line_of(const char* at) const {
    const char* begin = source->data();
    if (at < begin || at > begin + source->size()) return 1;
    return 1 + static_cast<int>(std::count(begin, at, '\n'));
  }
  void unsupported(const std::string& what) { result.unsupported.emplace_back(line, what); }
  void flush() {
    // Collapse the soft line breaks of a paragraph into spaces.
    std::string clean;
    for (char c : text) {
      if (c == '\n') c = ' ';
      if (c == ' ' && (clean.empty() || clean.back() == ' ')) continue;
      clean += c;
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    if (!clean.empty())
      result.blocks.push_back({bullet ? Block::Kind::Bullet : Block::Kind::Paragraph, clean, line});
    text.clear();
  }
};

int enter_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& s = *static_cast<State*>(user);
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_P: s.in_block = true; break;
    case MD_BLOCK_UL: ++s.list_depth; break;
    case MD_BLOCK_LI:
      s.flush();
      s.bullet = true;
      s.in_block = true;
      if (s.list_depth > 1) s.unsupported("a list inside a list");
      break;
    case MD_BLOCK_OL:
      ++s.list_depth;
      s.unsupported("a numbered list (use - for a bullet list)");
      break;
    case MD_BLOCK_H:
      s.in_block = true;
      s.unsupported("a heading (# ...): the page title is the heading");
      break;
    case MD_BLOCK_CODE: s.unsupported("a code block"); break;
    case MD_BLOCK_QUOTE: s.unsupported("a quote (>)"); break;
    case MD_BLOCK_HR: s.unsupported("a line (---)"); break;
    case MD_BLOCK_TABLE: s.unsupported("a table"); break;
    case MD_BLOCK_HTML: s.unsupported("HTML"); break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& s = *static_cast<State*>(user);
  switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_LI: s.flush(); break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      --s.list_depth;
      if (s.list_depth == 0) s.bullet = false;
      break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
  auto& s = *static_cast<State*>(user);
  if (type == MD_SPAN_STRONG)
    s.text += "**";
  else if (type == MD_SPAN_A)
    s.unsupported("a link: write the address as plain text");
  else if (type == MD_SPAN_IMG)
    s.unsupported("an image: pages use one pictogram");
  else if (type == MD_SPAN_EM)
    s.unsupported("italics (*...*): use **bold** or nothing");
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  auto& s = *static_cast<State*>(user);
  if (type == MD_SPAN_STRONG) s.text += "**";
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto& s = *static_cast<State*>(user);
  if (s.text.empty()) s.line = s.line_of(text);
  switch (type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR: s.text += ' '; break;
    case MD_TEXT_NULLCHAR: s.text += "\xEF\xBF\xBD"; break;
    default: s.text.append(text, size); break;
  }
  return 0;
}

}  // namespace

MarkdownResult parse_markdown(const std::string& source) {
  State state;
  state.source = &source;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &state);
  state.flush();
  return std::move(state.result);
}

}  // namespace content
