#include "content/toml_text.hpp"

#include <memory>

namespace content {

namespace {

enum class Inside { Nothing, Comment, Basic, Literal, MultiBasic, MultiLiteral };

}  // namespace

// A scan of the text that knows only strings, comments, brackets and dots: enough to
// see depth and key length without building anything, in one pass over the bytes.
std::optional<TomlShapeProblem> toml_shape_problem(std::string_view text) {
  std::size_t line = 1;
  int brackets = 0;        // open [ and { (arrays, inline tables, a table header)
  int dots = 0;            // dots in the current key or value, outside strings
  std::size_t run = 0;     // bytes of the current key or value
  bool line_start = true;  // nothing but spaces yet on this line
  bool header = false;     // inside [table] or [[table]] at the start of a line
  Inside inside = Inside::Nothing;
  auto too_deep = [&]() -> std::optional<TomlShapeProblem> {
    if (brackets + dots <= kTomlMaxDepth) return std::nullopt;
    return TomlShapeProblem{line, "keys, tables and arrays nest deeper than " +
                                      std::to_string(kTomlMaxDepth) + " levels; the file is not read"};
  };
  auto key_too_long = [&]() -> std::optional<TomlShapeProblem> {
    if (run <= kTomlMaxKeyBytes) return std::nullopt;
    return TomlShapeProblem{
        line, "a key is longer than " + std::to_string(kTomlMaxKeyBytes) + " bytes; the file is not read"};
  };
  auto next_part = [&] {
    dots = 0;
    run = 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    const bool triple = i + 2 < text.size() && text[i + 1] == c && text[i + 2] == c;
    switch (inside) {
      case Inside::Comment:
        if (c == '\n') inside = Inside::Nothing;
        break;
      case Inside::Basic:
        ++run;
        if (c == '\\') {
          ++i, ++run;
        } else if (c == '"' || c == '\n') {
          inside = Inside::Nothing;
        }
        break;
      case Inside::Literal:
        ++run;
        if (c == '\'' || c == '\n') inside = Inside::Nothing;
        break;
      case Inside::MultiBasic:
      case Inside::MultiLiteral: {
        const char quote = inside == Inside::MultiBasic ? '"' : '\'';
        if (c == '\\' && inside == Inside::MultiBasic) {
          if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
          ++i;
        } else if (c == quote && triple) {
          i += 2;
          // Up to two more quotes belong to the text: """a"""" is a" closed.
          for (int extra = 0; extra < 2 && i + 1 < text.size() && text[i + 1] == quote; ++extra) ++i;
          inside = Inside::Nothing;
        }
        break;
      }
      case Inside::Nothing:
        if (c == '\n') {
          line_start = true;
          header = false;
          next_part();
          break;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
          if (run > 0) ++run;
          break;
        }
        if (c == '#') {
          inside = Inside::Comment;
          break;
        }
        if (c == '"' || c == '\'') {
          inside = triple ? (c == '"' ? Inside::MultiBasic : Inside::MultiLiteral)
                          : (c == '"' ? Inside::Basic : Inside::Literal);
          if (triple) i += 2;
          ++run;
        } else if (c == '[' || c == '{') {
          if (c == '[' && line_start && brackets == 0) header = true;
          ++brackets;
          next_part();
        } else if (c == ']' || c == '}') {
          if (header && c == ']') {
            if (auto problem = key_too_long()) return problem;
            header = false;
          }
          if (brackets > 0) --brackets;
          next_part();
        } else if (c == '=') {
          if (auto problem = key_too_long()) return problem;
          next_part();
        } else if (c == ',') {
          next_part();
        } else {
          if (c == '.') ++dots;
          ++run;
        }
        line_start = false;
        if (auto problem = too_deep()) return problem;
        break;
    }
  }
  return std::nullopt;
}

toml::table parse_toml(std::string_view text, const std::string& source) {
  if (const auto problem = toml_shape_problem(text))
    throw toml::parse_error(problem->message.c_str(),
                            toml::source_position{static_cast<toml::source_index>(problem->line), 1},
                            std::make_shared<const std::string>(source));
  return toml::parse(text, source);
}

}  // namespace content
