#include "platform/kiosk_window.hpp"

#include <SDL.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "logging/log.hpp"
#include "platform/headphones.hpp"
#include "platform/render_context.hpp"
#include "platform/sdl_voice.hpp"
#include "platform/service.hpp"
#include "slip/printer.hpp"
#include "ui/shell.hpp"

namespace platform {
namespace {

// ImGui needs a couple of frames after a change before its draw data settles.
constexpr int kFramesAfterEvent = 2;

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::optional<input::PointerEvent> pointer_event(const SDL_Event& e, int w, int h, app::Millis now) {
  using Kind = input::PointerEvent::Kind;
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      // Only the left button taps: no right-click or middle-click surprises.
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      return input::PointerEvent{e.type == SDL_MOUSEBUTTONDOWN ? Kind::Down : Kind::Up,
                                 0,
                                 {static_cast<float>(e.button.x), static_cast<float>(e.button.y)},
                                 now};
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK)) return std::nullopt;
      return input::PointerEvent{
          Kind::Move, 0, {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)}, now};
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: {
      const Kind kind = e.type == SDL_FINGERDOWN ? Kind::Down
                        : e.type == SDL_FINGERUP ? Kind::Up
                                                 : Kind::Move;
      // Finger ids are 64-bit; +1 keeps them apart from the mouse (finger 0).
      return input::PointerEvent{kind,
                                 static_cast<int>(e.tfinger.fingerId % 1000) + 1,
                                 {e.tfinger.x * static_cast<float>(w), e.tfinger.y * static_cast<float>(h)},
                                 now};
    }
    default: return std::nullopt;
  }
}

input::KeyChord chord_of(const SDL_KeyboardEvent& key) {
  input::KeyChord chord;
  chord.key = SDL_GetKeyName(key.keysym.sym);
  chord.alt = (key.keysym.mod & KMOD_ALT) != 0;
  chord.ctrl = (key.keysym.mod & KMOD_CTRL) != 0;
  chord.gui = (key.keysym.mod & KMOD_GUI) != 0;
  return chord;
}

}  // namespace

std::optional<std::string> display_problem() {
  if (env_set("SDL_VIDEODRIVER")) return std::nullopt;  // the operator chose a driver
  if (env_set("DISPLAY") || env_set("WAYLAND_DISPLAY")) return std::nullopt;
  return "There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the kiosk "
         "cannot open its window; to see every screen without a display, run: "
         "build/wegwijzer tour --out /tmp/wegwijzer-tour";
}

int run_kiosk(content::Snapshot content, const WindowOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  if (auto problem = display_problem()) {
    logging::error("%s", problem->c_str());
    return 2;
  }
  // SDL would turn SIGTERM into a quit event, which kiosk mode ignores; the
  // service manager must always be able to stop the kiosk, so keep the default.
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // Touches arrive as finger events only; we do our own tap filtering.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  // The software renderer draws straight into the window's own framebuffer,
  // rather than through a hidden GPU renderer (which loads the whole GL stack).
  SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  if (options.software_renderer) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  if (!options.windowed) {
    // Grab the keyboard so Alt+Tab and similar reach us, where they do nothing.
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
  }
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    logging::error(
        "cannot open the display (%s); to see every screen without a display, "
        "run: build/wegwijzer tour --out /tmp/wegwijzer-tour",
        SDL_GetError());
    return 2;
  }

  const Uint32 flags = options.windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP;
  SDL_Window* window = SDL_CreateWindow("Wegwijzer", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        options.windowed ? 1280 : 1920, options.windowed ? 720 : 1080,
                                        flags | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!window) {
    logging::error("cannot open a window: %s", SDL_GetError());
    SDL_Quit();
    return 2;
  }
  if (!options.windowed) {
    SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
    SDL_ShowCursor(SDL_DISABLE);
  }
  SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_PRESENTVSYNC);
  if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer) {
    logging::error("cannot draw in the window: %s", SDL_GetError());
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 2;
  }

  const input::WindowMode mode = options.windowed ? input::WindowMode::Windowed : input::WindowMode::Kiosk;
  int exit_code = 0;
  {
    RenderContext render(renderer);
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    const auto display = [&] { return ui::DisplayMetrics{w, h, options.screen_width_mm, options.screen_height_mm}; };
    // A print ends on the printer's thread, headphones go in on the watch's: an SDL event wakes
    // the sleeping loop.
    const auto wake = [] {
      SDL_Event event{};
      event.type = SDL_USEREVENT;
      SDL_PushEvent(&event);
    };
    runtime::Runtime kiosk(std::move(content), options, display(), mode, wake);
    for (const auto& problem : kiosk.problems()) logging::warning("%s", problem.c_str());
    // Headphones in the jack or a USB headset start listening mode (docs/ACCESSIBILITY.md).
    const char* asound_conf = std::getenv("WEGWIJZER_ASOUND_CONF");
    HeadphoneWatch headphones(asound_conf ? asound_conf : "/run/wegwijzer/asound.conf", wake);
    if (!headphones.sources().empty()) logging::info("headphones: listening to %s", headphones.sources().c_str());
    auto now = [] { return static_cast<app::Millis>(SDL_GetTicks64()); };
    // Speech starts after the first frame: the screen must not wait for the voice.
    std::unique_ptr<SdlVoice> voice;

    // The service manager hears from the loop itself: a loop that hangs stops the pings.
    const service::Notifier notifier;
    service::Watchdog watchdog(notifier.watchdog().interval_ms);
    if (notifier.active()) logging::info("%s", notifier.watchdog().note.c_str());

    bool running = true;
    int frames_pending = kFramesAfterEvent;
    bool first_frame = true;
    double idle_cpu_start = 0;
    app::Millis idle_started = 0;
    while (running) {
      // Sleep until an event arrives or the next timer falls due.
      int timeout = -1;
      if (frames_pending > 0)
        timeout = 0;
      else if (auto due = kiosk.next_deadline(now()))
        timeout = static_cast<int>(std::max<app::Millis>(0, *due - now()));
      if (options.bench_idle_seconds > 0 && idle_started != 0) {
        const app::Millis end = idle_started + static_cast<app::Millis>(options.bench_idle_seconds * 1000);
        const int left = static_cast<int>(std::max<app::Millis>(0, end - now()));
        timeout = timeout < 0 ? left : std::min(timeout, left);
        if (left == 0) break;
      }
      // An idle kiosk sleeps until the next touch; the watchdog's ping wakes it too.
      if (const auto due = watchdog.next_due(now())) {
        const int left = static_cast<int>(*due - now());
        timeout = timeout < 0 ? left : std::min(timeout, left);
      }
      SDL_Event event;
      bool have = timeout < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeout);
      // A kiosk runs for months: after midnight (or when the wall clock is set) the amounts
      // and the day's counts follow the new date before anything else happens. Timers run
      // on SDL's monotonic clock and never see the jump.
      kiosk.set_date(app::today_iso());
      // The time of day too: the desk step and "Nu open tot 16.00 uur" follow the hours.
      const std::string clock = content::now_text("%H:%M", false);
      kiosk.set_time_of_day(std::stoi(clock.substr(0, 2)) * 60 + std::stoi(clock.substr(3, 2)));
      while (have) {
        if (event.type == SDL_QUIT) {
          running = !input::close_request_honoured(mode);
        } else if (event.type == SDL_KEYDOWN) {
          // A key held down acts once (EN 301 549 5.7): a shaking hand must not race through the screen.
          if (!event.key.repeat && kiosk.key(chord_of(event.key), now())) running = false;
        } else if (event.type == SDL_TEXTINPUT) {
          kiosk.text_input(event.text.text, now());
        } else if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
          SDL_GetRendererOutputSize(renderer, &w, &h);
          kiosk.resize(display());
          render.forget_glyphs();
        } else if (auto pointer = pointer_event(event, w, h, now())) {
          kiosk.pointer(*pointer);
        }
        frames_pending = kFramesAfterEvent;
        have = SDL_PollEvent(&event);
      }
      if (const auto in = headphones.take_change())
        kiosk.apply({*in ? app::Action::HeadphonesIn : app::Action::HeadphonesOut}, now());
      kiosk.tick(now());
      if (!first_frame && watchdog.due(now())) {
        notifier.alive();
        watchdog.pinged(now());
      }
      if (kiosk.restart_requested()) running = false;  // the service manager starts the kiosk again
      if (kiosk.needs_redraw(now())) frames_pending = std::max(frames_pending, 1);
      if (frames_pending > 0) {
        render.layout(kiosk, now());
        render.rasterize(kiosk.view());
        render.present();
        --frames_pending;
        if (first_frame) {
          first_frame = false;
          notifier.ready("showing Home; content " + kiosk.app().content().version);
          watchdog.pinged(now());
          if (options.sound && !options.exit_after_first_frame) {
            voice = std::make_unique<SdlVoice>();
            if (!voice->problem().empty())
              logging::warning("speech is off: %s", voice->problem().c_str());
            kiosk.set_voice(voice.get());
            frames_pending = std::max(frames_pending, 1);  // the speak button shows whether there is sound
          }
          const double ms =
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
          if (options.exit_after_first_frame) {
            SDL_RendererInfo info{};
            SDL_GetRendererInfo(renderer, &info);
            std::printf(
                "{\"first_frame_ms\": %.1f, \"peak_rss_kib\": %ld, \"renderer\": \"%s\", "
                "\"video\": \"%s\"}\n",
                ms, peak_rss_kib(), info.name, SDL_GetCurrentVideoDriver());
            running = false;
          }
        }
        if (frames_pending == 0 && idle_started == 0) {
          idle_started = now();
          idle_cpu_start = cpu_seconds();
        }
      }
    }
    if (options.bench_idle_seconds > 0) {
      std::printf("{\"idle_seconds\": %.1f, \"idle_cpu_s\": %.4f, \"peak_rss_kib\": %ld}\n",
                  static_cast<double>(now() - idle_started) / 1000.0, cpu_seconds() - idle_cpu_start,
                  peak_rss_kib());
    }
    std::fflush(stdout);
  }
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return exit_code;
}

}  // namespace platform
