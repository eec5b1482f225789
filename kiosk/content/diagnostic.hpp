#pragma once
// One problem found in a content pack, printed as `file:line: error|warning: message`.
#include <map>
#include <string>
#include <vector>

namespace content {

enum class Severity { Warning, Error };

// What a finding says, as data: a code and its values. People read it through the pack's
// strings ("msg.b1.sentence_long" = "Zin {sentence} heeft {words} woorden. ..."), so no code
// ever reads another module's sentences. Empty code: only the English message exists.
struct Message {
  std::string code;
  std::map<std::string, std::string> values;
};

struct Diagnostic {
  std::string file;
  int line = 0;
  Severity severity = Severity::Error;
  std::string message;  // English, for check-content and logs
  Message said = {};

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
