#pragma once
// One problem found in a content pack, printed as `file:line: error|warning: message`.
#include <string>
#include <vector>

namespace content {

enum class Severity { Warning, Error };

struct Diagnostic {
  std::string file;
  int line = 0;
  Severity severity = Severity::Error;
  std::string message;

  [[nodiscard]] std::string format() const {
    return file + ":" + std::to_string(line) + ": " + (severity == Severity::Error ? "error" : "warning") +
           ": " + message;
  }
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] inline bool has_errors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace content
