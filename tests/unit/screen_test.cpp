// The screens' table: every kind has its own name, and a screen carries what it is about in
// the type its kind expects.
#include "app/screen.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using app::ScreenKind;
namespace about = app::about;

TEST_CASE("every kind of screen has its own name", "[app][screen]") {
  std::set<std::string> names;
  for (std::size_t i = 0; i < app::kScreenKinds; ++i)
    names.insert(app::screen_name(static_cast<ScreenKind>(i)));
  CHECK(names.size() == app::kScreenKinds);
  CHECK(std::string(app::screen_name(ScreenKind::RollBackReview)) == "roll_back_review");
}

TEST_CASE("a screen's subject must be what its kind is about", "[app][screen]") {
  CHECK(app::subject_fits({ScreenKind::Page, about::Page{"aow"}}));
  CHECK(app::subject_fits({ScreenKind::Why, about::Suggestion{"aow"}}));
  CHECK(app::subject_fits({ScreenKind::Question, about::Question{3}}));
  CHECK(app::subject_fits({ScreenKind::Result, {}, 2}));
  CHECK(app::subject_fits({ScreenKind::RollBackReview, about::Revision{12}}));
  // The same string no longer means a page, a suggestion and an item at once.
  CHECK_FALSE(app::subject_fits({ScreenKind::Why, about::Page{"aow"}}));
  CHECK_FALSE(app::subject_fits({ScreenKind::Page, about::Suggestion{"aow"}}));
  CHECK_FALSE(app::subject_fits({ScreenKind::EditItem, about::Field{"page:aow:title:nl"}}));
  CHECK_FALSE(app::subject_fits({ScreenKind::Page}));
  CHECK_FALSE(app::subject_fits({ScreenKind::Home, about::Page{"aow"}}));
}

TEST_CASE("who may see a screen, and which are drawn the staff's way", "[app][screen]") {
  CHECK(app::audience(ScreenKind::Home) == app::Audience::Anyone);
  CHECK(app::audience(ScreenKind::PinPad) == app::Audience::Anyone);  // any finger can reach it
  CHECK(app::audience(ScreenKind::Volunteer) == app::Audience::Staff);
  CHECK(app::audience(ScreenKind::Preview) == app::Audience::Editor);
  CHECK(app::audience(ScreenKind::PublishReview) == app::Audience::Editor);
  CHECK(app::is_staff_screen(ScreenKind::PublishReview));
  CHECK_FALSE(app::is_staff_screen(ScreenKind::Preview));  // shows a visitor's screen
  CHECK(app::in_selfcheck(ScreenKind::Question));
  CHECK_FALSE(app::in_selfcheck(ScreenKind::Help));
}

TEST_CASE("a screen's subject in words tells two screens apart", "[app][screen]") {
  CHECK(app::describe(about::Page{"aow"}) == "page aow");
  CHECK(app::describe(about::Suggestion{"aow"}) == "suggestion aow");
  CHECK(app::describe(about::Revision{7}) == "revision 7");
  CHECK(app::describe(about::Nothing{}).empty());
}
