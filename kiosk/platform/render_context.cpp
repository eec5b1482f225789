#include "platform/render_context.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

namespace platform {
namespace {

// The renderer the current frame is drawn into, for the solid-fill callback.
SDL_Renderer* fill_target = nullptr;

void fill_solid(const ImDrawList*, const ImDrawCmd* command) {
  const auto* solid = static_cast<const ui::SolidRect*>(command->UserCallbackData);
  if (!fill_target || !solid) return;
  // The fill keeps to its own command's clip rectangle (the whole screen), not the one the last
  // textured command left set: a button's label is clipped to its button.
  const ImVec4& c = command->ClipRect;
  const SDL_Rect clip{static_cast<int>(c.x), static_cast<int>(c.y), static_cast<int>(c.z - c.x),
                      static_cast<int>(c.w - c.y)};
  SDL_RenderSetClipRect(fill_target, &clip);
  SDL_SetRenderDrawBlendMode(fill_target, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(fill_target, solid->color.r, solid->color.g, solid->color.b, 255);
  const SDL_Rect rect{solid->x, solid->y, solid->w, solid->h};
  SDL_RenderFillRect(fill_target, &rect);
}

}  // namespace

ImDrawCallback RenderContext::solid_fill() {
  return &fill_solid;
}

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

void RenderContext::layout(runtime::Runtime& kiosk, app::Millis now) {
  auto& shell = kiosk.view();
  page_size_ = shell.typography().atlas().page_size();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = {static_cast<float>(shell.display().width_px),
                    static_cast<float>(shell.display().height_px)};
  io.DeltaTime = now > last_ ? static_cast<float>(now - last_) / 1000.0f : 1.0f / 60.0f;
  last_ = now;
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  kiosk.draw(*ImGui::GetBackgroundDrawList(), *this, now);
  ImGui::Render();
}

void RenderContext::rasterize(ui::Shell& shell) {
  upload(shell.typography().atlas());
  const ui::Color bg = shell.colors().background;
  SDL_SetRenderDrawColor(renderer_, bg.r, bg.g, bg.b, 255);
  SDL_RenderClear(renderer_);
  fill_target = renderer_;
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  fill_target = nullptr;
}

}  // namespace platform
