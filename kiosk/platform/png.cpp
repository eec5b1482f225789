#include "image/png.hpp"

#include "platform/render_context.hpp"

namespace platform {

bool save_png(SDL_Renderer* renderer, int width, int height, const std::string& path) {
  image::Image shot{width, height, 3, {}};
  shot.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB24, shot.pixels.data(), width * 3) != 0)
    return false;
  return image::write_png(path, shot);
}

}  // namespace platform
