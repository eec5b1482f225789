#pragma once
// Every TOML file that comes from outside the program (a content pack, a pack on a
// stick, the kiosk's settings, its key and trusted keys) is parsed here.
//
// toml++ follows dotted keys by recursion, so a file of 80 KB with 40,000 levels
// ("a.a.a.a... = 1") overflows the stack and ends the program (issue 23, item 3).
// Such a file is refused before toml++ sees it: no real file nests deeper than a
// few levels or has a key longer than a line.
#include <toml++/toml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace content {

inline constexpr int kTomlMaxDepth = 32;              // tables, arrays and dotted key parts together
inline constexpr std::size_t kTomlMaxKeyBytes = 256;  // one key, all its dotted parts

struct TomlShapeProblem {
  std::size_t line = 1;
  std::string message;  // English, for the log and the command line
};

// The first place where `text` nests deeper or has a longer key than allowed.
[[nodiscard]] std::optional<TomlShapeProblem> toml_shape_problem(std::string_view text);

// toml::parse, after the check above; a problem is thrown as a toml::parse_error at its
// line, so every caller reports it as file:line like any other mistake in the file.
[[nodiscard]] toml::table parse_toml(std::string_view text, const std::string& source);

}  // namespace content
