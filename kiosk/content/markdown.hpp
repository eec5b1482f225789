#pragma once
// The Markdown subset of page bodies: paragraphs, **bold** and bullet lists
// (parsed with md4c). Anything else is reported, so an editor learns what works.
#include <string>
#include <vector>

namespace content {

struct Block {
  enum class Kind { Paragraph, Bullet };
  Kind kind = Kind::Paragraph;
  std::string text;  // plain text with "**" around bold parts
  int line = 1;      // line in the Markdown source where the block starts
};

struct MarkdownResult {
  std::vector<Block> blocks;
  std::vector<std::pair<int, std::string>> unsupported;  // line, what
};

[[nodiscard]] MarkdownResult parse_markdown(const std::string& source);

}  // namespace content
