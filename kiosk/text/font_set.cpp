#include "text/font_set.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "logging/log.hpp"

namespace text {
namespace {

float glyph_height(FT_Face face, char32_t codepoint) {
  const FT_UInt index = FT_Get_Char_Index(face, codepoint);
  if (index == 0 || FT_Load_Glyph(face, index, FT_LOAD_NO_SCALE) != 0) return 0;
  return static_cast<float>(face->glyph->metrics.height);
}

}  // namespace

std::string default_font_config() {
  if (const char* dir = std::getenv("WEGWIJZER_FONTS")) return std::string(dir) + "/fonts.toml";
  for (const char* dir : {WEGWIJZER_SOURCE_DIR "/fonts", "/usr/share/wegwijzer/fonts"})
    if (std::filesystem::exists(std::string(dir) + "/fonts.toml")) return std::string(dir) + "/fonts.toml";
  return WEGWIJZER_SOURCE_DIR "/fonts/fonts.toml";
}

FontSet::FontSet(const std::string& config_path) {
  if (FT_Init_FreeType(&library_) != 0) throw std::runtime_error("cannot start FreeType");
  try {
    load(config_path);
  } catch (...) {
    release();  // a constructor that throws gets no destructor
    throw;
  }
}

void FontSet::load(const std::string& config_path) {
  toml::table config;
  try {
    config = toml::parse_file(config_path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(config_path + ":" + std::to_string(e.source().begin.line) + ": " +
                             std::string(e.description()));
  }
  auto chain = [&](const char* name) {
    std::vector<std::uint16_t> faces;
    const toml::array* files = config[name]["files"].as_array();
    if (!files || files->empty())
      throw std::runtime_error(config_path + ":1: [" + name +
                               "] needs a list 'files' with at least one font");
    for (const auto& entry : *files) {
      const auto line = std::to_string(entry.source().begin.line);
      const auto* table = entry.as_table();
      const auto file = table ? (*table)["file"].value<std::string>() : std::nullopt;
      if (!file) throw std::runtime_error(config_path + ":" + line + ": each font needs file = \"...\"");
      const std::string package = (*table)["package"].value_or(std::string("(unknown package)"));
      const float scale = static_cast<float>((*table)["scale"].value_or(1.0));
      if (scale < 0.5f || scale > 2.0f)
        throw std::runtime_error(config_path + ":" + line + ": scale must lie between 0.5 and 2");
      // The first font of a chain is what every text needs; the ones after it add scripts
      // (Arabic, ...). Without one of those the kiosk still serves everyone else: the problem
      // goes to the log, and text in that script falls back to the first font.
      try {
        faces.push_back(add_face(*file, package, scale, config_path + ":" + line));
      } catch (const std::runtime_error& e) {
        if (faces.empty()) throw;
        problems_.push_back(e.what());
        logging::warning("%s; text in its script falls back to the first font", e.what());
      }
    }
    return faces;
  };
  regular_ = chain("regular");
  bold_ = chain("bold");
  icons_ = chain("icons").front();
}

FontSet::~FontSet() {
  release();
}

void FontSet::release() {
  for (auto& face : faces_) {
    hb_font_destroy(face->hb);
    FT_Done_Face(face->ft);
  }
  faces_.clear();
  if (library_) FT_Done_FreeType(library_);
  library_ = nullptr;
}

std::uint16_t FontSet::add_face(const std::string& file, const std::string& package, float scale,
                                const std::string& where) {
  for (std::uint16_t i = 0; i < faces_.size(); ++i)
    if (faces_[i]->file == file) return i;
  if (!std::filesystem::exists(file))
    throw std::runtime_error(where + ": font file " + file + " is missing; install the Debian package " +
                             package + " (deploy/install-deps.sh does this)");
  auto face = std::make_unique<Face>();
  face->file = file;
  face->scale = scale;
  if (FT_New_Face(library_, file.c_str(), 0, &face->ft) != 0)
    throw std::runtime_error(where + ": cannot read font file " + file);
  hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
  hb_face_t* hb_face = hb_face_create(blob, 0);
  face->hb = hb_font_create(hb_face);
  hb_face_destroy(hb_face);
  hb_blob_destroy(blob);
  // Shape in font units: advances scale linearly to any size.
  face->units_per_em = static_cast<float>(face->ft->units_per_EM);
  hb_font_set_scale(face->hb, face->ft->units_per_EM, face->ft->units_per_EM);
  face->ascender = static_cast<float>(face->ft->ascender);
  face->descender = static_cast<float>(face->ft->descender);
  face->cap_height = glyph_height(face->ft, U'H');
  if (face->cap_height == 0) face->cap_height = face->ascender * 0.7f;
  faces_.push_back(std::move(face));
  return static_cast<std::uint16_t>(faces_.size() - 1);
}

std::uint16_t FontSet::face_for(char32_t codepoint, Weight weight) const {
  const auto& chain = weight == Weight::Bold ? bold_ : regular_;
  for (std::uint16_t index : chain)
    if (FT_Get_Char_Index(faces_[index]->ft, codepoint) != 0) return index;
  return chain.front();
}

std::uint16_t FontSet::primary(Weight weight) const {
  return weight == Weight::Bold ? bold_.front() : regular_.front();
}

float FontSet::size_for_cap(float cap_px, Weight weight) const {
  const Face& f = *faces_[primary(weight)];
  return cap_px * f.units_per_em / f.cap_height;
}

}  // namespace text
