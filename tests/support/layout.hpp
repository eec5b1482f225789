#pragma once
// Helpers for tests that read what the headless runner wrote.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/headless_driver.hpp"
#include "support/fixtures.hpp"

namespace test_support {

std::vector<nlohmann::json> read_jsonl(const std::string& path);

// Runs script text through the headless runner into a temp dir.
struct ScriptRun {
  platform::RunResult result;
  std::string out_dir;
  std::vector<nlohmann::json> shots;
};
ScriptRun run_script(const std::string& text, const std::string& name,
                     platform::HeadlessOptions options = {});
// Runs a script that must pass, and returns what was said (speech.jsonl).
std::vector<nlohmann::json> said_in(const std::string& text, const std::string& name);

const nlohmann::json* find_widget(const nlohmann::json& shot, const std::string& id);
// The label of a widget as last drawn; "" when there is none.
std::string find_widget_in(const ui::WidgetList& widgets, const std::string& id);

}  // namespace test_support
