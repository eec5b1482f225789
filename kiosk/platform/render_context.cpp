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
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui::DestroyContext();
}

void RenderContext::layout(ui::Shell& shell, app::Millis now) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = {static_cast<float>(shell.display().width_px),
                    static_cast<float>(shell.display().height_px)};
  io.DeltaTime = now > last_ ? static_cast<float>(now - last_) / 1000.0f : 1.0f / 60.0f;
  last_ = now;
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  shell.draw(*ImGui::GetBackgroundDrawList(), now);
  ImGui::Render();
}

void RenderContext::fonts_changed() {
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
}

void RenderContext::rasterize() {
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace platform
