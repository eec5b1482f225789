#include "platform/headless_driver.hpp"

#include <SDL.h>

#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include "logging/log.hpp"
#include "platform/layout_dump.hpp"
#include "platform/render_context.hpp"
#include "platform/trace_voice.hpp"
#include "platform/word_swap.hpp"
#include "selfcheck/selfcheck.hpp"

namespace platform {
namespace {

// How long a finger rests on the glass in a scripted tap.
constexpr app::Millis kTapMs = 100;
using runtime::kFrameMs;
// Between the two taps of a double tap (a quick one takes 100 to 300 ms).
constexpr app::Millis kDoubleTapPauseMs = 150;
// A finger resting on an item to hear it: longer than a tap.
constexpr app::Millis kRestMs = 500;

input::Point centre(const ui::Rect& r) {
  return {r.x + r.w / 2, r.y + r.h / 2};
}

}  // namespace

HeadlessDriver::HeadlessDriver(content::Snapshot content, HeadlessOptions options)
    : options_(std::move(options)) {
  const auto& d = options_.display;
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, d.width_px, d.height_px, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!surface_) throw std::runtime_error(std::string("cannot create a drawing surface: ") + SDL_GetError());
  renderer_ = SDL_CreateSoftwareRenderer(surface_);
  if (!renderer_)
    throw std::runtime_error(std::string("cannot create the software renderer: ") + SDL_GetError());
  render_ = std::make_unique<RenderContext>(renderer_);
  voice_ = std::make_unique<TraceVoice>(options_.sound);
  runtime_ = std::make_unique<runtime::Runtime>(std::move(content), options_, d, options_.mode);
  for (const auto& problem : runtime_->problems()) logging::warning("%s", problem.c_str());
  runtime_->set_voice(voice_.get());
  layout();
}

HeadlessDriver::~HeadlessDriver() {
  if (layout_file_) std::fclose(layout_file_);
  if (speech_file_) std::fclose(speech_file_);
  render_.reset();
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
}

void HeadlessDriver::layout() {
  render_->layout(*runtime_, now_);
}

void HeadlessDriver::rasterize() {
  render_->rasterize(runtime_->view());
}

bool HeadlessDriver::screenshot(const std::string& path) {
  layout();
  rasterize();
  return save_png(renderer_, options_.display.width_px, options_.display.height_px, path);
}

// The local clock a script set runs on with the virtual clock.
void HeadlessDriver::follow_clock() {
  if (!clock_) return;
  const auto local = hours::add_minutes(*clock_, (now_ - clock_set_at_) / 60'000);
  runtime_->set_date(hours::iso(local.date));
  runtime_->set_time_of_day(local.minute);
}

// Moves the virtual clock, running every timer that falls due on the way, as the
// real loop would when it wakes.

void HeadlessDriver::advance(app::Millis ms) {
  // A print runs in real time on its thread; the virtual clock waits for it.
  if (auto* printer = runtime_->printer()) printer->wait();
  if (auto* printer = runtime_->call_printer()) printer->wait();
  runtime_->wait_for_call_signal();
  const app::Millis target = now_ + ms;
  std::optional<app::Millis> handled;
  while (true) {
    const auto due = runtime_->next_deadline(now_);
    // A deadline that stays put after its tick must not stall the clock.
    if (!due || *due > target || due == handled) break;
    handled = due;
    now_ = std::max(now_, *due);
    runtime_->tick(now_);
    if (runtime_->needs_redraw(now_)) layout();
  }
  now_ = target;
  follow_clock();
  runtime_->tick(now_);
  if (runtime_->needs_redraw(now_)) layout();
}

void HeadlessDriver::apply(const app::Intent& intent) {
  runtime_->apply(intent, now_);
  layout();
}

void HeadlessDriver::pointer(input::PointerEvent::Kind kind, int finger, input::Point at) {
  if (runtime_->pointer({kind, finger, at, now_})) layout();
}

void HeadlessDriver::key(const input::KeyChord& chord) {
  closed_ = closed_ || runtime_->key(chord, now_);
  layout();
}

void HeadlessDriver::press_for(input::Point at, app::Millis hold_ms) {
  pointer(input::PointerEvent::Kind::Down, 0, at);
  advance(hold_ms);
  pointer(input::PointerEvent::Kind::Up, 0, at);
}

void HeadlessDriver::tap_at(input::Point at) {
  press_for(at, kTapMs);
}

bool HeadlessDriver::tap(const std::string& id) {
  const ui::Widget* w = shell().widgets().find(id);
  if (!w || !w->intent) return false;
  tap_at(centre(w->rect));
  return true;
}

void HeadlessDriver::explore(input::Point at) {
  pointer(pressed_at_ ? input::PointerEvent::Kind::Move : input::PointerEvent::Kind::Down, 0, at);
  pressed_at_ = at;
}

void HeadlessDriver::double_tap(input::Point at) {
  // The finger that explored rested there a while, and is lifted before the taps.
  if (pressed_at_) {
    advance(kRestMs);
    pointer(input::PointerEvent::Kind::Up, 0, *std::exchange(pressed_at_, std::nullopt));
  }
  advance(kDoubleTapPauseMs);
  tap_at(at);
  advance(kDoubleTapPauseMs);
  tap_at(at);
}

bool HeadlessDriver::hold(const std::string& id, app::Millis hold_ms) {
  const ui::Widget* w = shell().widgets().find(id);
  if (!w) return false;
  press_for(centre(w->rect), hold_ms);
  return true;
}

std::string HeadlessDriver::execute(const script::Command& command, const std::string& out_dir,
                                    RunResult& result) {
  const std::string screen = app::screen_name(app().visible_screen().kind);
  if (closed_) return "the kiosk was closed by an earlier key";
  return std::visit(
      [&](const auto& verb) -> std::string {
        using V = std::decay_t<decltype(verb)>;
        const auto& widgets = shell().widgets();
        if constexpr (std::is_same_v<V, script::Tap>) {
          if (!tap(verb.id)) return "no target '" + verb.id + "' on screen '" + screen + "'";
        } else if constexpr (std::is_same_v<V, script::ReadOn>) {
          for (int part = 0; !shell().widgets().find(verb.id); ++part) {
            const ui::Widget* more = shell().widgets().find("page.next");
            if (!more) more = shell().widgets().find("slip.next");
            if (!more || part > 50) return "'" + verb.id + "' is not on any part of screen '" + screen + "'";
            tap_at(centre(more->rect));
            advance(1000);  // a reader's pause; a quick second tap would count as a double tap
            layout();
          }
        } else if constexpr (std::is_same_v<V, script::Type>) {
          int taps = 0;
          if (auto problem = type_by_taps(*this, verb.text, 600, taps); !problem.empty())
            return problem + " on screen '" + screen + "'";
        } else if constexpr (std::is_same_v<V, script::TapText>) {
          const ui::Widget* w = widgets.find_label(verb.label);
          if (!w) return "no button labelled \"" + verb.label + "\" on screen '" + screen + "'";
          tap_at(centre(w->rect));
        } else if constexpr (std::is_same_v<V, script::Wait>) {
          advance(static_cast<app::Millis>(std::llround(verb.seconds * 1000)));
        } else if constexpr (std::is_same_v<V, script::Shot>) {
          const std::string path = out_dir + "/" + verb.name + ".png";
          if (!screenshot(path)) return "cannot write " + path;
          const std::string line = layout_json(*runtime_, verb.name).dump() + "\n";
          std::fputs(line.c_str(), layout_file_);
          std::fflush(layout_file_);
          ++result.shots;
        } else if constexpr (std::is_same_v<V, script::ExpectText>) {
          if (!widgets.shows_text(verb.text))
            return "expected text \"" + verb.text + "\" is not on screen '" + screen + "'";
        } else if constexpr (std::is_same_v<V, script::ExpectSpoken>) {
          const std::string said = voice_->last_text();
          if (said.find(verb.text) == std::string::npos)
            return "expected \"" + verb.text + "\" in the latest speech, but it said \"" + said + "\"";
        } else if constexpr (std::is_same_v<V, script::ExpectScreen>) {
          if (screen != verb.name)
            return "expected screen '" + verb.name + "', but '" + screen + "' is shown";
        } else if constexpr (std::is_same_v<V, script::Lang>) {
          if (!app().content().find_language(verb.code))
            return "no language '" + verb.code + "' in the content";
          apply({app::Action::SetLanguage, verb.code});
        } else if constexpr (std::is_same_v<V, script::Key>) {
          const auto chord = input::parse_chord(verb.chord);
          if (chord.key.empty()) return "cannot read key '" + verb.chord + "'";
          key(chord);
        } else if constexpr (std::is_same_v<V, script::Swipe>) {
          const input::Point from{verb.x1, verb.y1}, to{verb.x2, verb.y2};
          pointer(input::PointerEvent::Kind::Down, 0, from);
          const int steps = 10;
          for (int i = 1; i <= steps; ++i) {
            advance(300 / steps);
            const float f = static_cast<float>(i) / steps;
            pointer(input::PointerEvent::Kind::Move, 0,
                    {from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f});
          }
          pointer(input::PointerEvent::Kind::Up, 0, to);
        } else if constexpr (std::is_same_v<V, script::Hold>) {
          if (!hold(verb.id, static_cast<app::Millis>(std::llround(verb.seconds * 1000))))
            return "no widget '" + verb.id + "' on screen '" + screen + "'";
        } else if constexpr (std::is_same_v<V, script::Press>) {
          const ui::Widget* w = shell().widgets().find(verb.id);
          if (!w) return "no widget '" + verb.id + "' on screen '" + screen + "'";
          pressed_at_ = centre(w->rect);
          pointer(input::PointerEvent::Kind::Down, 0, *pressed_at_);
        } else if constexpr (std::is_same_v<V, script::Clock>) {
          clock_ = hours::parse_local_time(verb.at);
          clock_set_at_ = now_;
          follow_clock();
          layout();
        } else if constexpr (std::is_same_v<V, script::Release>) {
          if (!pressed_at_) return "release without press";
          pointer(input::PointerEvent::Kind::Up, 0, *pressed_at_);
          pressed_at_.reset();
        } else if constexpr (std::is_same_v<V, script::Explore>) {
          explore({verb.x, verb.y});
        } else if constexpr (std::is_same_v<V, script::DoubleTap>) {
          const auto& d = options_.display;
          double_tap({verb.x.value_or(static_cast<float>(d.width_px) / 2),
                      verb.y.value_or(static_cast<float>(d.height_px) / 2)});
        } else if constexpr (std::is_same_v<V, script::Headphones>) {
          apply({verb.in ? app::Action::HeadphonesIn : app::Action::HeadphonesOut});
        } else if constexpr (std::is_same_v<V, script::Touch2>) {
          const input::Point first{verb.x, verb.y};
          const input::Point second{verb.x + options_.display.px(15), verb.y};
          pointer(input::PointerEvent::Kind::Down, 0, first);
          pointer(input::PointerEvent::Kind::Down, 1, second);
          advance(kTapMs);
          pointer(input::PointerEvent::Kind::Up, 1, second);
          pointer(input::PointerEvent::Kind::Up, 0, first);
        }
        return {};
      },
      command.verb);
}

RunResult HeadlessDriver::run(const script::Script& script, const std::string& out_dir,
                              const std::string& source_name) {
  RunResult result;
  for (const auto& error : script.errors) {
    result.ok = false;
    result.errors.push_back(source_name + ":" + std::to_string(error.line) + ": " + error.message);
  }
  if (!result.ok) return result;

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (layout_file_) std::fclose(layout_file_);
  layout_file_ = std::fopen((out_dir + "/layout.jsonl").c_str(), "w");
  if (speech_file_) std::fclose(speech_file_);
  speech_file_ = std::fopen((out_dir + "/speech.jsonl").c_str(), "w");
  voice_->take_trace();  // only what this run says
  if (!layout_file_ || !speech_file_) {
    result.ok = false;
    result.errors.push_back(out_dir + ": cannot write layout.jsonl and speech.jsonl there");
    return result;
  }
  for (const auto& command : script.commands) {
    const std::string error = execute(command, out_dir, result);
    advance(kFrameMs);
    if (!error.empty()) {
      result.ok = false;
      result.errors.push_back(source_name + ":" + std::to_string(command.line) + ": " + error);
      break;
    }
  }
  // The speech trace: one line per utterance, with when it was cut off.
  for (const auto& entry : voice_->take_trace()) std::fputs((entry.dump() + "\n").c_str(), speech_file_);
  std::fflush(speech_file_);
  return result;
}

std::string tour_script(const content::ContentPack& content, const std::string& date) {
  std::string tour;
  auto add = [&](const std::string& line) { tour += line + "\n"; };
  for (const auto& language : content.languages) {
    // The three text sizes, and high contrast ("Wit op zwart", on Help) at the normal size. A
    // second tap on the same button waits out the double-tap guard.
    struct Variant {
      const char* suffix;
      std::vector<std::string> steps;
    };
    const Variant variants[] = {{"", {}},
                                {"-large", {"tap nav.bigger"}},
                                {"-larger", {"tap nav.bigger", "wait 1", "tap nav.bigger"}},
                                {"-contrast", {"tap nav.help", "tap contrast.button", "tap nav.home"}}};
    for (const Variant& variant : variants) {
      const std::string prefix = language.code + variant.suffix;
      add("lang " + language.code);
      for (const auto& step : variant.steps) add(step);
      if (!variant.steps.empty()) add("wait 4");  // the new size or colours are said first
      add("shot " + prefix + "-home");
      // Listening mode by the keypad's *: its question, with "Luistermodus aan" in the bar; * again ends it.
      add("key KP_Multiply");
      add("wait 60");  // the screen is read to its end (47 s in Arabic, with the frame)
      add("shot " + prefix + "-listening");
      // Hulp in listening mode (a finger finds it, a double tap opens it): its question about
      // saying things aloud stands where "Tik kort op een knop" was.
      add("tap nav.help");
      add("double-tap");
      add("wait 60");
      add("shot " + prefix + "-listening-help");
      add("key KP_Multiply");
      add("tap nav.home");
      for (const auto& topic : content.home_topics) {
        const auto* page = content.find_page(topic);
        if (!page) continue;
        add("tap home.topic." + topic);
        add("shot " + prefix + "-page-" + topic);
        for (const auto& link : page->links) {
          add("wait 1");
          add("read-on page.link." + link);
          add("tap page.link." + link);
          add("shot " + prefix + "-page-" + link);
          add("tap nav.back");
        }
        add("tap nav.home");
      }
      add("tap nav.help");
      add("shot " + prefix + "-help");
      // The question whether amounts and answers may be said on the loudspeaker (asked here, or
      // the first time "Lees voor" would say them); yes, for the rest of this visit.
      add("tap listen.choose");
      add("wait 1");
      add("shot " + prefix + "-aloud-ask");
      add("tap listen.aloud");
      add("wait 1");
      // In larger text the explanations go on in a second part (else this is the same screen).
      add("read-on help.clear");
      add("shot " + prefix + "-help-last");
      add("tap call.button");
      add("shot " + prefix + "-call-help");
      add("tap nav.language");
      add("shot " + prefix + "-language");
      add("wait 100");  // no input: the idle warning appears
      add("shot " + prefix + "-idle");
      add("tap idle.stay");
      add("tap nav.home");
      add("tap home.selfcheck");
      add("shot " + prefix + "-intro");
      // A new screen of the check: its own buttons act after app::kSettleMs.
      add("wait 1");
      add("tap intro.start");
      add("wait 1");
      // Answer "yes" to every question that is asked (tick all that are asked together);
      // "yes" may skip some.
      selfcheck::Answers yes;
      int number = 0;
      for (auto i = selfcheck::next_question(content, yes, -1); i;
           i = selfcheck::next_question(content, yes, *i)) {
        const auto shown = selfcheck::on_screen(content, yes, *i);
        const bool together = !content.questions[static_cast<std::size_t>(*i)].together.empty();
        // On a ladder: the lowest band, which keeps the most suggestions in play.
        const auto& question = content.questions[static_cast<std::size_t>(*i)];
        const std::string answer =
            question.measure.empty() ? "yes" : selfcheck::options(content, question, yes, date).front().value;
        for (int index : shown) {
          const auto& id = content.questions[static_cast<std::size_t>(index)].id;
          if (together) add("tap tick." + id);
          yes[id] = answer;
        }
        add("shot " + prefix + "-question-" + std::to_string(++number));
        add(together ? "tap answer.done" : question.measure.empty() ? "tap answer.yes" : "tap answer.band.1");
        add("wait 1");
      }
      add("shot " + prefix + "-result");
      // "Waarom?" of the first card, for the answers the tour gave.
      if (const auto cards = selfcheck::evaluate(content, yes, date); !cards.empty()) {
        add("tap result." + cards.front().rule->id + ".why");
        add("shot " + prefix + "-why");
        add("tap nav.back");
        add("wait 1");
      }
      add("tap result.slip");
      add("wait 1");
      add("shot " + prefix + "-next-step");
      add("tap next.desk");
      add("wait 1");
      add("shot " + prefix + "-slip");
      add("tap slip.done");
    }
  }
  return tour;
}

std::string staff_tour_script(const std::string& pin) {
  std::string tour;
  auto add = [&](const std::string& line) { tour += line + "\n"; };
  for (const bool large : {false, true}) {
    const std::string prefix = large ? "staff-large" : "staff";
    add("hold frame.staff 5.5");
    add("wait 1");
    if (large) {
      add("tap nav.bigger");  // staff's own size, on the PIN pad
      add("wait 4");
    }
    for (const char digit : pin) {
      add(std::string("tap pin.") + digit);
      add("wait 0.6");  // the double-tap guard: the same key twice
    }
    add("shot " + prefix + "-pin");
    add("tap pin.enter");
    add("wait 1");
    add("shot " + prefix + "-volunteer");
    add("tap staff.leave");
    add("wait 1");
  }
  return tour;
}

}  // namespace platform
