// Golden pictures: Home as the runner draws it, and the text engine's own
// rendering of a Dutch page, an Arabic page and a pictogram row (as on paper).
#include "support/golden.hpp"

#include <catch2/catch.hpp>

#include "image/png.hpp"
#include "support/layout.hpp"
#include "text/raster.hpp"

namespace {

void check_golden(const std::string& actual, const std::string& name) {
  const auto result = test_support::compare_with_golden(actual, name);
  INFO(result.message);
  CHECK(result.ok);
}

}  // namespace

TEST_CASE("Home looks like the golden screenshot", "[ui][golden]") {
  const auto run = test_support::run_script("shot home\n", "golden");
  REQUIRE(run.result.ok);
  check_golden(run.out_dir + "/home.png", "home.png");
}

TEST_CASE("a Dutch page, an Arabic page and a pictogram row render as their golden images",
          "[text][golden]") {
  text::FontSet fonts(text::default_font_config());
  text::Hyphenator hyphenator;
  text::TextEngine engine(fonts, hyphenator);
  const std::string dir = test_support::temp_dir("text-golden");

  auto page = [&](const std::string& name, const std::vector<std::string>& paragraphs, bool rtl) {
    image::Image picture{900, 700, 1, std::vector<std::uint8_t>(900 * 700, 0)};
    float y = 20;
    for (const auto& paragraph : paragraphs) {
      text::Style style;
      style.size_px = 34;
      style.right_to_left = rtl;
      const auto layout = engine.layout(text::parse_inline(paragraph), style, 860);
      text::render(*layout, fonts, picture, 20, y);
      y += layout->height + 18;
    }
    for (auto& pixel : picture.pixels) pixel = static_cast<std::uint8_t>(255 - pixel);  // ink on paper
    REQUIRE(image::write_png(dir + "/" + name, picture));
    check_golden(dir + "/" + name, name);
  };
  page("text-nl.png",
       {"**Geld voor uw huur**", "Huurt u een huis? Dan kunt u misschien huurtoeslag krijgen.",
        "Dit hangt af van wat u verdient. Het heet ook wel inkomensondersteuning.",
        "Bel gratis met Geldfit: 0800 8115. Vragen staat vrij."},
       false);
  page("text-ar.png",
       {"**مال لإيجارك**", "هل تستأجر بيتاً؟ ربما يمكنك الحصول على بدل الإيجار (huurtoeslag).",
        "هذا يعتمد على دخلك وعلى إيجارك.", "اتصل مجاناً بـ Geldfit على الرقم 0800 8115."},
       true);

  image::Image row{700, 120, 1, std::vector<std::uint8_t>(700 * 120, 0)};
  float x = 10;
  for (const char* name :
       {"home", "euro", "elderly", "volunteer_activism", "mail", "volume_up", "help", "groups"}) {
    const auto icon = engine.pictogram(name, 72);
    REQUIRE(icon);
    text::render(*icon, fonts, row, x, 24);
    x += 84;
  }
  for (auto& pixel : row.pixels) pixel = static_cast<std::uint8_t>(255 - pixel);
  REQUIRE(image::write_png(dir + "/pictograms.png", row));
  check_golden(dir + "/pictograms.png", "text-pictograms.png");
}
