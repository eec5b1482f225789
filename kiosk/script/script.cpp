#include "script/script.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "hours/opening_hours.hpp"

namespace script {
namespace {

// Splits a line into words; "double quoted" words may hold spaces and \" escapes.
bool split_words(const std::string& line, std::vector<std::string>& words, std::string& error) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    std::string word;
    if (line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size()) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        word += line[i++];
      }
      if (!closed) {
        error = "missing closing quote";
        return false;
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') word += line[i++];
    }
    words.push_back(std::move(word));
  }
  return true;
}

bool to_float(const std::string& text, float& out) {
  double value = 0;
  if (!to_number(text, value)) return false;
  out = static_cast<float>(value);
  return true;
}

// A screenshot's name becomes a file name in --out: no folders, nothing hidden.
bool is_shot_name(const std::string& name) {
  return !name.empty() && name.size() <= 100 && name.front() != '.' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_' || c == '.';
         });
}

bool to_seconds(const std::string& text, double& out) {
  return to_number(text, out) && out >= 0 && out <= kLongestWait;
}

}  // namespace

bool to_number(const std::string& text, double& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

bool to_count(const std::string& text, long long& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return !text.empty() && ec == std::errc() && ptr == end && out >= 0;
}

Script parse(const std::string& text) {
  Script result;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> w;
    std::string error;
    if (!split_words(line, w, error)) {
      result.errors.push_back({number, error});
      continue;
    }
    if (w.empty()) continue;
    const std::string& verb = w[0];
    const std::size_t args = w.size() - 1;
    auto fail = [&](const std::string& usage) { result.errors.push_back({number, "usage: " + usage}); };
    auto add = [&](Verb v) { result.commands.push_back({number, std::move(v)}); };

    if (verb == "tap") {
      args == 1 ? add(Tap{w[1]}) : fail("tap ID");
    } else if (verb == "read-on") {
      args == 1 ? add(ReadOn{w[1]}) : fail("read-on ID");
    } else if (verb == "type") {
      args == 1 ? add(Type{w[1]}) : fail("type \"text\"");
    } else if (verb == "tap-text") {
      args == 1 ? add(TapText{w[1]}) : fail("tap-text \"Label\"");
    } else if (verb == "wait") {
      double s = 0;
      args == 1 && to_seconds(w[1], s) ? add(Wait{s}) : fail("wait SECONDS (0 to 2592000, 30 days)");
    } else if (verb == "shot") {
      args == 1 && is_shot_name(w[1]) ? add(Shot{w[1]})
                                      : fail("shot NAME (letters, digits, '-', '_' and '.'; no folders)");
    } else if (verb == "expect-text") {
      args == 1 ? add(ExpectText{w[1]}) : fail("expect-text \"text\"");
    } else if (verb == "expect-spoken") {
      args == 1 ? add(ExpectSpoken{w[1]}) : fail("expect-spoken \"text\"");
    } else if (verb == "expect-screen") {
      args == 1 ? add(ExpectScreen{w[1]}) : fail("expect-screen NAME");
    } else if (verb == "lang") {
      args == 1 ? add(Lang{w[1]}) : fail("lang CODE");
    } else if (verb == "key") {
      args == 1 ? add(Key{w[1]}) : fail("key NAME (e.g. Escape, Alt+F4)");
    } else if (verb == "swipe") {
      Swipe s;
      args == 4 && to_float(w[1], s.x1) && to_float(w[2], s.y1) && to_float(w[3], s.x2) &&
              to_float(w[4], s.y2)
          ? add(s)
          : fail("swipe X1 Y1 X2 Y2");
    } else if (verb == "hold") {
      double s = 0;
      args == 2 && to_seconds(w[2], s) ? add(Hold{w[1], s}) : fail("hold ID SECONDS (0 to 2592000, 30 days)");
    } else if (verb == "press") {
      args == 1 ? add(Press{w[1]}) : fail("press ID");
    } else if (verb == "release") {
      args == 0 ? add(Release{}) : fail("release");
    } else if (verb == "clock") {
      args == 1 && hours::parse_local_time(w[1]) ? add(Clock{w[1]}) : fail("clock YYYY-MM-DDTHH:MM (a local time)");
    } else if (verb == "explore") {
      Explore e;
      args == 2 && to_float(w[1], e.x) && to_float(w[2], e.y) ? add(e) : fail("explore X Y");
    } else if (verb == "double-tap") {
      float x = 0, y = 0;
      if (args == 0)
        add(DoubleTap{});
      else if (args == 2 && to_float(w[1], x) && to_float(w[2], y))
        add(DoubleTap{x, y});
      else
        fail("double-tap [X Y]");
    } else if (verb == "headphones") {
      args == 1 && (w[1] == "in" || w[1] == "out") ? add(Headphones{w[1] == "in"}) : fail("headphones in|out");
    } else if (verb == "touch2") {
      Touch2 t;
      args == 2 && to_float(w[1], t.x) && to_float(w[2], t.y) ? add(t) : fail("touch2 X Y");
    } else {
      result.errors.push_back({number, "unknown command '" + verb + "'"});
    }
  }
  return result;
}

}  // namespace script
