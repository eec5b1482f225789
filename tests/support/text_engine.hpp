#pragma once
// One text engine for all tests (fonts from fonts/fonts.toml), made on first use.
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"

namespace test_support {

struct Engine {
  text::FontSet fonts{text::default_font_config()};
  text::Hyphenator hyphenator;
  text::TextEngine engine{fonts, hyphenator};
};

inline Engine& shared_engine() {
  static Engine engine;
  return engine;
}

}  // namespace test_support
