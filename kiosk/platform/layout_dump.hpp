#pragma once
// The layout dump: one JSON object per screenshot with every widget's id, role,
// label, rectangle, font size, cap height and colours (README "Layout dump").
#include <nlohmann/json.hpp>
#include <string>

#include "runtime/runtime.hpp"

namespace platform {

[[nodiscard]] nlohmann::json layout_json(runtime::Runtime& kiosk, const std::string& shot);

}  // namespace platform
