#pragma once
// What a visitor asked for by tapping a widget. The UI turns taps into intents;
// the app turns intents into transitions. Keeps app/ free of any drawing code.
#include <string>
#include <utility>

namespace app {

enum class Action {
  Back,
  Home,
  ToggleLargeText,
  OpenHelp,
  OpenLanguages,
  SetLanguage,  // arg: language code
  OpenPage,     // arg: page id
  StartCheck,
  Answer,  // arg: answer value
  ShowSlip,
  FinishSlip,
  StillHere,
  ClearAll,
  Speak,
};

struct Intent {
  Intent() = default;
  Intent(Action action_, std::string arg_ = {}) : action(action_), arg(std::move(arg_)) {}

  Action action = Action::Home;
  std::string arg;
  bool operator==(const Intent&) const = default;
};

}  // namespace app
