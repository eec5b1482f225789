#include "support/layout.hpp"

#include <unistd.h>

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

// One folder per test process: ctest runs test cases side by side, and two of them
// asking for the same name must not share (or wipe) each other's files. Removed at exit.
std::string temp_dir(const std::string& name) {
  static const auto root = [] {
    auto dir = std::filesystem::temp_directory_path() / ("wegwijzer-test-" + std::to_string(::getpid()));
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("wegwijzer-test-" + std::to_string(::getpid())), ec);
    });
    return dir;
  }();
  const auto dir = root / name;
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
