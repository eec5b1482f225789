#include "support/layout.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "content/pack_reader.hpp"

namespace test_support {

const content::ContentPack& fixture_pack() {
  static const content::ContentPack pack = [] {
    auto read = content::read_pack(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
    if (!read.pack) {
      for (const auto& d : read.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
      std::abort();
    }
    return std::move(*read.pack);
  }();
  return pack;
}

std::string temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("wegwijzer-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::vector<nlohmann::json> read_jsonl(const std::string& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

ScriptRun run_script(const std::string& text, const std::string& name, platform::HeadlessOptions options) {
  const content::ContentPack& content = fixture_pack();
  options.date = "2026-11-25";  // the amounts the fixture pack has for that day
  ScriptRun run;
  run.out_dir = temp_dir(name);
  platform::HeadlessDriver driver(content, options);
  run.result = driver.run(script::parse(text), run.out_dir, name + ".script");
  run.shots = read_jsonl(run.out_dir + "/layout.jsonl");
  return run;
}

const nlohmann::json* find_widget(const nlohmann::json& shot, const std::string& id) {
  for (const auto& widget : shot["widgets"])
    if (widget["id"] == id) return &widget;
  return nullptr;
}

std::string find_widget_in(const ui::WidgetList& widgets, const std::string& id) {
  const ui::Widget* widget = widgets.find(id);
  return widget ? widget->label : "";
}

}  // namespace test_support
