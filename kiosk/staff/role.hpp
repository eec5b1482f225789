#pragma once
// Who is at the kiosk besides visitors: a volunteer (the info point's screen) or an
// editor (the content too). Each gets in with a PIN of their own (staff/access.hpp).
#include <optional>
#include <string>

namespace staff {

enum class Role { Volunteer, Editor };
[[nodiscard]] const char* role_name(Role role);  // "volunteer" | "editor"
[[nodiscard]] std::optional<Role> role_from(const std::string& name);

}  // namespace staff
