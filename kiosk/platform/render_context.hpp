#pragma once
// Dear ImGui on an SDL_Renderer: the one drawing path used by the real window
// (accelerated or software) and by the headless runner (software, on a surface).
#include <SDL.h>

#include <string>

#include "ui/shell.hpp"

namespace platform {

class RenderContext {
 public:
  explicit RenderContext(SDL_Renderer* renderer);
  ~RenderContext();
  RenderContext(const RenderContext&) = delete;
  RenderContext& operator=(const RenderContext&) = delete;

  // Lays out the shell's current screen (fills the widget list) without drawing pixels.
  void layout(ui::Shell& shell, app::Millis now);
  // Draws the last layout into the renderer.
  void rasterize();
  void present() { SDL_RenderPresent(renderer_); }
  // After the shell rebuilt its fonts (window resized): upload the new atlas.
  void fonts_changed();

 private:
  SDL_Renderer* renderer_;
  app::Millis last_ = 0;
};

// Writes the renderer's pixels to a PNG file; returns false on failure.
[[nodiscard]] bool save_png(SDL_Renderer* renderer, int width, int height, const std::string& path);

}  // namespace platform
