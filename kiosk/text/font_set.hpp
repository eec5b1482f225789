#pragma once
// The fonts the kiosk draws with, read from fonts/fonts.toml: a fallback chain of
// faces for regular text, one for bold, and the pictogram font. HarfBuzz shapes in
// font units (so one face serves every size); FreeType rasterises glyphs.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct FT_LibraryRec_;
struct FT_FaceRec_;
struct hb_font_t;

namespace text {

enum class Weight { Regular, Bold };

struct Face {
  std::string file;
  FT_FaceRec_* ft = nullptr;
  hb_font_t* hb = nullptr;
  float units_per_em = 1000;
  float ascender = 0;    // in font units
  float descender = 0;   // in font units, negative
  float cap_height = 0;  // in font units: the height of 'H' (or of '0' in an icon font)
  float scale = 1;       // drawn this much larger than the size asked for (fonts.toml `scale`)
};

class FontSet {
 public:
  // Throws std::runtime_error "FILE:LINE: message" for a broken config, and names
  // the Debian package when a font file is missing.
  explicit FontSet(const std::string& config_path);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  [[nodiscard]] const Face& face(std::uint16_t index) const { return *faces_[index]; }
  [[nodiscard]] std::size_t face_count() const { return faces_.size(); }
  // Fonts after the first of a chain that could not be loaded ("FILE:LINE: font file ... is missing").
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }
  // The first face of the chain that has this character (the chain's first face if none does).
  [[nodiscard]] std::uint16_t face_for(char32_t codepoint, Weight weight) const;
  [[nodiscard]] std::uint16_t primary(Weight weight) const;
  [[nodiscard]] std::uint16_t icons() const { return icons_; }
  // The em size in pixels that gives capitals `cap_px` tall.
  [[nodiscard]] float size_for_cap(float cap_px, Weight weight) const;
  [[nodiscard]] FT_LibraryRec_* freetype() const { return library_; }

 private:
  void load(const std::string& config_path);
  void release();
  std::uint16_t add_face(const std::string& file, const std::string& package, float scale,
                         const std::string& where);

  FT_LibraryRec_* library_ = nullptr;
  std::vector<std::unique_ptr<Face>> faces_;
  std::vector<std::string> problems_;
  std::vector<std::uint16_t> regular_, bold_;
  std::uint16_t icons_ = 0;
};

// fonts/fonts.toml beside the program's source tree or installed data.
[[nodiscard]] std::string default_font_config();

}  // namespace text
