#include "slip/pdf.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <map>

#include "text/font_set.hpp"

namespace slip {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string plain(std::string text) {
  for (auto at = text.find("**"); at != std::string::npos; at = text.find("**")) text.erase(at, 2);
  return text;
}

}  // namespace

std::string render_pdf(const Slip& slip, text::TextEngine& engine, const std::string& paper_name,
                       std::string* error) {
  // Laid out in points (72 per inch): the PDF's own unit.
  const Paper print = paper_named(paper_name);
  if (print.name != "a4" && print.name != "a5") {
    if (error) *error = "a PDF is a4 or a5";
    return {};
  }
  const float width_mm = print.name == "a4" ? 210 : 148, height_mm = print.name == "a4" ? 297 : 210;
  Paper paper{print.name, static_cast<int>(width_mm * 72 / 25.4f), 72, print.margin_mm};
  const double page_w = width_mm * 72 / 25.4, page_h = height_mm * 72 / 25.4;
  const auto layout = lay_out(slip, engine, paper);

  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, page_w, page_h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Wegwijzer");
  cairo_t* cr = cairo_create(surface);
  const double top = paper.px(12), bottom = page_h - paper.px(12);

  std::map<std::uint16_t, cairo_font_face_t*> faces;
  auto face_for = [&](std::uint16_t index) {
    auto& face = faces[index];
    if (!face) face = cairo_ft_font_face_create_for_ft_face(engine.fonts().face(index).ft, 0);
    return face;
  };

  // Items in order of height; a new page when one would run past the bottom.
  struct Item {
    double y, h;
    const PaperLayout::Text* text;
    const PaperLayout::Box* box;
  };
  std::vector<Item> items;
  for (const auto& t : layout.texts) items.push_back({t.y, t.layout->height, &t, nullptr});
  for (const auto& b : layout.rects) items.push_back({b.y, b.h, nullptr, &b});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.y < b.y; });
  double offset = top - paper.px(3);
  for (const auto& item : items) {
    if (item.y + offset + item.h > bottom && item.y + offset > top + 1) {
      cairo_show_page(cr);
      offset = top - item.y;
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (item.box) {
      cairo_rectangle(cr, item.box->x, item.box->y + offset, item.box->w, item.box->h);
      cairo_fill(cr);
      continue;
    }
    const auto& t = *item.text;
    const auto& glyphs = t.layout->glyphs;
    const std::string words = plain(t.words);
    bool first_run = true;
    for (std::size_t i = 0; i < glyphs.size();) {
      // One run per face: cairo draws a run in one font.
      std::size_t j = i;
      std::vector<cairo_glyph_t> run;
      for (; j < glyphs.size() && glyphs[j].face == glyphs[i].face; ++j)
        run.push_back({glyphs[j].id, t.x + glyphs[j].x, t.y + offset + glyphs[j].y});
      cairo_set_font_face(cr, face_for(glyphs[i].face));
      cairo_set_font_size(cr, t.layout->size_px * engine.fonts().face(glyphs[i].face).scale);
      if (first_run && !words.empty()) {
        // The words behind the glyphs, as one cluster: the PDF's text can be found and read out.
        cairo_text_cluster_t cluster{static_cast<int>(words.size()), static_cast<int>(run.size())};
        cairo_show_text_glyphs(cr, words.data(), static_cast<int>(words.size()), run.data(),
                               static_cast<int>(run.size()), &cluster, 1, cairo_text_cluster_flags_t{});
      } else {
        cairo_show_glyphs(cr, run.data(), static_cast<int>(run.size()));
      }
      first_run = false;
      i = j;
    }
  }
  cairo_show_page(cr);
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  for (auto& [index, face] : faces) cairo_font_face_destroy(face);
  if (status != CAIRO_STATUS_SUCCESS) {
    if (error) *error = cairo_status_to_string(status);
    return {};
  }
  return out;
}

}  // namespace slip
