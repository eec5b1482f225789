#include "platform/render_context.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

namespace platform {

RenderContext::RenderContext(SDL_Renderer* renderer) : renderer_(renderer) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // Privacy: ImGui must never write settings or logs to disk.
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ImGui_ImplSDLRenderer_Init(renderer_);
}

RenderContext::~RenderContext() {
  forget_glyphs();
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui::DestroyContext();
}

void RenderContext::forget_glyphs() {
  for (auto& page : pages_)
    if (page.texture) SDL_DestroyTexture(page.texture);
  pages_.clear();
}

void* RenderContext::page_texture(int page) {
  if (page >= static_cast<int>(pages_.size())) pages_.resize(static_cast<std::size_t>(page) + 1);
  PageTexture& entry = pages_[static_cast<std::size_t>(page)];
  if (!entry.texture) {
    entry.texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                      page_size_, page_size_);
    SDL_SetTextureBlendMode(entry.texture, SDL_BLENDMODE_BLEND);
  }
  return entry.texture;
}

// Glyph coverage becomes white with that alpha; ImGui's vertex colour tints it.
void RenderContext::upload(const text::GlyphAtlas& atlas) {
  const auto& atlas_pages = atlas.pages();
  for (std::size_t i = 0; i < atlas_pages.size() && i < pages_.size(); ++i) {
    PageTexture& entry = pages_[i];
    if (!entry.texture || entry.version == atlas_pages[i].version) continue;
    const auto& coverage = atlas_pages[i].pixels;
    staging_.resize(coverage.size());
    for (std::size_t p = 0; p < coverage.size(); ++p)
      staging_[p] = (std::uint32_t{coverage[p]} << 24) | 0x00FFFFFFu;
    SDL_UpdateTexture(entry.texture, nullptr, staging_.data(), page_size_ * 4);
    entry.version = atlas_pages[i].version;
  }
}

void RenderContext::layout(ui::Shell& shell, app::Millis now) {
  page_size_ = shell.typography().atlas().page_size();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = {static_cast<float>(shell.display().width_px),
                    static_cast<float>(shell.display().height_px)};
  io.DeltaTime = now > last_ ? static_cast<float>(now - last_) / 1000.0f : 1.0f / 60.0f;
  last_ = now;
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  shell.draw(*ImGui::GetBackgroundDrawList(), *this, now);
  ImGui::Render();
}

void RenderContext::rasterize(ui::Shell& shell) {
  upload(shell.typography().atlas());
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace platform
