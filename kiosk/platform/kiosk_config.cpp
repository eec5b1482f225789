#include "platform/kiosk_config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/toml_text.hpp"
#include "net/signal.hpp"
#include "slip/printer.hpp"

namespace platform {
namespace {

// Every setting the file may hold, by table: anything else is a typo worth a warning.
const std::vector<std::pair<std::string, std::vector<std::string>>> kKnown = {
    {"screen", {"width_mm", "height_mm", "renderer"}}, {"session", {"idle_seconds", "languages"}},
    {"printer", {"uri", "call_uri", "folder"}},        {"call", {"signal_uri", "name"}},
    {"sound", {"speech", "interface_sounds"}},
};

struct Reader {
  const std::string& path;
  ConfigRead& out;

  std::vector<std::pair<std::uint32_t, std::string>> problems;  // by line, told in file order
  const toml::node* uri_node = nullptr;
  const toml::node* call_uri_node = nullptr;
  std::optional<std::string> folder;  // [printer] folder: where a file: printer may write

  void problem(const toml::node& node, bool error, const std::string& message) {
    const auto line = node.source().begin.line;
    problems.emplace_back(
        line, path + ":" + std::to_string(line) + ": " + (error ? "error: " : "warning: ") + message);
    if (error) out.errors = true;
  }
  void wrong(const toml::node& node, const std::string& key, const std::string& wanted) {
    problem(node, true, key + " " + wanted + "; the default is used");
  }

  std::optional<float> millimetres(const toml::node& node, const std::string& key) {
    const auto value = node.value<double>();  // integers too
    // Asked this way round so that nan (which is neither above nor below) fails too.
    if (!value || !(*value > 0 && *value <= 5000)) {
      wrong(node, key, "wants the panel's visible size in millimetres, e.g. 527 or 296.5");
      return std::nullopt;
    }
    return static_cast<float>(*value);
  }
  std::optional<bool> flag(const toml::node& node, const std::string& key) {
    if (!node.is_boolean()) {
      wrong(node, key, "is true or false");
      return std::nullopt;
    }
    return node.value<bool>();
  }

  // A file: printer writes only into the folder the settings name, directly (issue 23, item 10).
  void check_file_printer(const toml::node* node, std::optional<std::string>& printer) {
    if (!node || !printer || printer->rfind("file:", 0) != 0) return;
    const auto target = slip::parse_printer(*printer);
    std::string in =
        target ? std::filesystem::path(target->path).parent_path().lexically_normal().string() : "";
    if (in.size() > 1 && in.back() == '/') in.pop_back();
    std::string allowed = folder.value_or("");
    if (allowed.size() > 1 && allowed.back() == '/') allowed.pop_back();
    if (!folder || in != allowed) {
      wrong(*node, std::string(node == call_uri_node ? "call_uri" : "uri"),
            "may write into a file only in the folder named by [printer] folder" +
                (folder ? " (" + *folder + ")" : std::string(", and there is none")));
      printer.reset();
    }
  }

  void setting(const std::string& table, const std::string& key, const toml::node& node) {
    KioskConfig& c = out.config;
    if (table == "screen" && key == "width_mm") {
      c.screen_width_mm = millimetres(node, key);
    } else if (table == "screen" && key == "height_mm") {
      c.screen_height_mm = millimetres(node, key);
    } else if (table == "screen" && key == "renderer") {
      const auto value = node.value<std::string>();
      if (value == "software" || value == "accelerated")
        c.software_renderer = *value == "software";
      else
        wrong(node, key, "is \"accelerated\" or \"software\"");
    } else if (table == "session" && key == "idle_seconds") {
      const auto value = node.is_integer() ? node.value<std::int64_t>() : std::nullopt;
      if (value && *value >= 10 && *value <= 24 * 3600)
        c.idle_seconds = static_cast<int>(*value);
      else
        wrong(node, key, "wants a whole number of seconds, at least 10");
    } else if (table == "session" && key == "languages") {
      const toml::array* list = node.as_array();
      std::vector<std::string> codes;
      bool ok = list != nullptr;
      if (list)
        for (const auto& item : *list) {
          const auto code = item.value<std::string>();
          ok = ok && code && !code->empty();
          if (ok) codes.push_back(*code);
        }
      if (ok)
        c.languages = codes;
      else
        wrong(node, key, "is a list of language codes, e.g. [\"nl\", \"en\"]");
    } else if (table == "printer" && (key == "uri" || key == "call_uri")) {
      const auto value = node.value<std::string>();
      std::string why;
      if (value && (value->empty() || slip::parse_printer(*value, &why))) {
        (key == "uri" ? c.printer : c.call_printer) = *value;
        (key == "uri" ? uri_node : call_uri_node) = &node;
      } else {
        wrong(node, key, value ? why : "is a text such as \"escpos:/dev/usb/lp0\" (or \"\" for none)");
      }
    } else if (table == "printer" && key == "folder") {
      const auto value = node.value<std::string>();
      if (value && value->size() > 1 && value->front() == '/')
        folder = std::filesystem::path(*value).lexically_normal().string();
      else
        wrong(node, key, "is the full path of a folder, e.g. \"/var/lib/wegwijzer/slips\"");
    } else if (table == "call" && key == "signal_uri") {
      const auto value = node.value<std::string>();
      std::string why;
      if (value && (value->empty() || net::parse_signal(*value, &why)))
        c.call_signal = *value;
      else
        wrong(node, key,
              value ? why : "is a text such as \"http://192.168.1.20:8080/hulp\" (or \"\" for none)");
    } else if (table == "call" && key == "name") {
      // One line, on the desk's phone or screen: no line breaks or other control signs.
      const auto value = node.value<std::string>();
      if (value && value->size() <= 80 &&
          std::none_of(value->begin(), value->end(), [](char ch) { return ch >= 0 && ch < ' '; }))
        c.call_name = *value;
      else
        wrong(node, key, "is one short line of at most 80 characters, e.g. \"Kiosk bij de ingang\"");
    } else if (table == "sound" && key == "speech") {
      c.speech = flag(node, key);
    } else if (table == "sound" && key == "interface_sounds") {
      c.interface_sounds = flag(node, key);
    }
  }
};

}  // namespace

ConfigRead parse_config(const std::string& text, const std::string& path) {
  ConfigRead out;
  toml::table root;
  try {
    root = content::parse_toml(text, path);
  } catch (const toml::parse_error& e) {
    out.problems.push_back(path + ":" + std::to_string(e.source().begin.line) + ": error: " +
                           std::string(e.description()) + "; the whole file is ignored, defaults are used");
    out.errors = true;
    return out;
  }
  Reader reader{path, out, {}, nullptr, nullptr, std::nullopt};
  for (const auto& [table_key, table_node] : root) {
    const std::string table(table_key.str());
    const auto known =
        std::find_if(kKnown.begin(), kKnown.end(), [&](const auto& t) { return t.first == table; });
    const toml::table* entries = table_node.as_table();
    if (known == kKnown.end() || !entries) {
      reader.problem(table_node, false, "unknown setting '" + table + "' is ignored");
      continue;
    }
    for (const auto& [key_name, node] : *entries) {
      const std::string key(key_name.str());
      if (std::find(known->second.begin(), known->second.end(), key) == known->second.end())
        reader.problem(node, false, "unknown setting '" + table + "." + key + "' is ignored");
      else
        reader.setting(table, key, node);
    }
  }
  reader.check_file_printer(reader.uri_node, out.config.printer);
  reader.check_file_printer(reader.call_uri_node, out.config.call_printer);
  // toml++ keeps keys sorted; a person reads the problems in the file's order.
  std::stable_sort(reader.problems.begin(), reader.problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, text] : reader.problems) out.problems.push_back(std::move(text));
  return out;
}

ConfigRead read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigRead out;
    out.problems.push_back(path + ":0: error: cannot read the file; defaults are used");
    out.errors = true;
    return out;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

std::vector<std::string> languages_to_offer(const std::vector<std::string>& offered,
                                            const std::vector<std::string>& in_content,
                                            const std::string& default_language,
                                            std::vector<std::string>* problems) {
  if (offered.empty()) return in_content;
  auto has = [](const std::vector<std::string>& list, const std::string& code) {
    return std::find(list.begin(), list.end(), code) != list.end();
  };
  if (problems) {
    for (const auto& code : offered)
      if (!has(in_content, code))
        problems->push_back("language '" + code + "' is not in the content, so it is not offered");
    if (!has(offered, default_language))
      problems->push_back("language '" + default_language +
                          "' is the content's default, where every session starts; it stays offered");
  }
  std::vector<std::string> out;
  for (const auto& code : in_content)
    if (code == default_language || has(offered, code)) out.push_back(code);
  return out;
}

}  // namespace platform
