#include "support/layout.hpp"

#include <catch2/catch.hpp>

#include <fstream>

namespace test_support {

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

std::vector<nlohmann::json> said_in(const std::string& text, const std::string& name) {
  const auto run = run_script(text, name);
  for (const auto& e : run.result.errors) UNSCOPED_INFO(e);
  REQUIRE(run.result.ok);
  return read_jsonl(run.out_dir + "/speech.jsonl");
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
