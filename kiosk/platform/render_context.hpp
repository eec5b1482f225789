#pragma once
// Dear ImGui on an SDL_Renderer: the one drawing path used by the real window
// (accelerated or software) and by the headless runner (software, on a surface).
// It also keeps the text engine's glyph atlas pages as SDL textures.
#include <SDL.h>

#include <string>
#include <vector>

#include "runtime/runtime.hpp"

namespace platform {

class RenderContext : public ui::DrawBackend {
 public:
  explicit RenderContext(SDL_Renderer* renderer);
  ~RenderContext() override;
  RenderContext(const RenderContext&) = delete;
  RenderContext& operator=(const RenderContext&) = delete;

  // Lays out the kiosk's current screen (fills the widget list) without drawing pixels.
  void layout(runtime::Runtime& kiosk, app::Millis now);
  // Draws the last layout into the renderer.
  void rasterize(ui::Shell& shell);
  void present() { SDL_RenderPresent(renderer_); }
  // After the shell was rebuilt (window resized): its atlas starts empty.
  void forget_glyphs();

  [[nodiscard]] void* page_texture(int page) override;
  [[nodiscard]] ImDrawCallback solid_fill() override;

 private:
  void upload(const text::GlyphAtlas& atlas);

  struct PageTexture {
    SDL_Texture* texture = nullptr;
    std::uint64_t version = ~std::uint64_t{0};
  };
  SDL_Renderer* renderer_;
  std::vector<PageTexture> pages_;
  std::vector<std::uint32_t> staging_;
  int page_size_ = 1024;
  app::Millis last_ = 0;
};

// Writes the renderer's pixels to a PNG file; returns false on failure.
[[nodiscard]] bool save_png(SDL_Renderer* renderer, int width, int height, const std::string& path);

}  // namespace platform
