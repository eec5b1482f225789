#include "support/layout.hpp"

#include <filesystem>
#include <fstream>

namespace test_support {

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
  static const content::ContentPack content = content::placeholder_pack();
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

}  // namespace test_support
