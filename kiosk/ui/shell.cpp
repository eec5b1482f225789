#include "ui/shell.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/focus.hpp"
#include "ui/reading.hpp"
#include "ui/screens/screens.hpp"

namespace ui {

Shell::Shell(app::KioskApp& app, const DisplayMetrics& display, input::WindowMode mode)
    : app_(app),
      display_(display),
      mode_(mode),
      type_(std::make_unique<Typography>(display)),
      touch_(input::TouchSettings{display.px(6), 1500}) {
  // The editor checks pictograms with this screen's text engine, as the kiosk's start does.
  app_.set_pictogram_check([this](const std::string& name) { return type_->engine().has_pictogram(name); });
}

Shell::~Shell() {
  app_.set_pictogram_check({});
}

namespace {

// Taps on these decide about speech themselves; any other touch silences it at once.
bool keeps_speech(const Widget* w) {
  return w && w->intent &&
         (w->intent->action == app::Action::Speak || w->intent->action == app::Action::RepeatSpeech);
}

std::string screen_key(const app::KioskApp& app) {
  const app::Screen s = app.visible_screen();
  return std::string(app::screen_name(s.kind)) + "|" + s.page_id + "|" + std::to_string(s.question) + "|" +
         app.language();
}

}  // namespace

bool Shell::pointer(const input::PointerEvent& event) {
  if (event.kind == input::PointerEvent::Kind::Down) {
    app_.note_input(event.time);
    if (voice_ && voice_->speaking(event.time) && !keeps_speech(widgets_.target_at(event.at)))
      voice_->stop(event.time);
  }
  const auto tap = touch_.feed(event);
  if (!tap) return event.kind != input::PointerEvent::Kind::Move;
  if (tap->held) {
    const Widget* held = widgets_.hold_target_at(tap->down);
    if (held && held == widgets_.hold_target_at(tap->up)) {
      app_.apply(*held->hold, tap->time);
      count_events();
    }
    return true;
  }
  const Widget* pressed = widgets_.target_at(tap->down);
  const Widget* released = widgets_.target_at(tap->up);
  // A press that slid off its button does nothing.
  if (!pressed || pressed != released || !pressed->intent) return true;
  const Widget target = *pressed;
  const app::Screen before = app_.visible_screen();
  if (!act(target, tap->time)) return true;
  // "Voorlezen aan": a tick says its new state, and a chosen answer is said before the next question.
  if (app_.session().read_aloud && !(voice_ && voice_->speaking(tap->time))) {
    const bool answer = target.intent->action == app::Action::Answer;
    acted_ = Acted{target.id, answer ? target.label : std::string{}, app_.visible_screen() != before, false};
  }
  return true;
}

bool Shell::act(const Widget& target, app::Millis now) {
  if (!debounce_.accept(target.id, now)) return false;
  const app::Intent intent = *target.intent;
  // The screen has only just appeared: this tap was meant for the one before.
  if (app_.too_soon(intent, now)) return false;
  const std::string before = screen_key(app_);
  const bool was_volunteer = app_.visible_screen().kind == app::ScreenKind::Volunteer;
  app_.apply(intent, now);
  after_intent(intent, now);
  // The volunteer screen says how the printer is now, not how it was at the last slip.
  // (A receipt printer answers that; a file or a CUPS queue has nothing to ask.)
  const auto kind = printer_ ? printer_->target().kind : slip::PrintTarget::Kind::File;
  if (!was_volunteer && app_.visible_screen().kind == app::ScreenKind::Volunteer &&
      (kind == slip::PrintTarget::Kind::EscposTcp || kind == slip::PrintTarget::Kind::EscposDevice))
    printer_->check();
  count_events();
  // A soft confirmation, never over speech.
  if (interface_sounds_ && sound() && !voice_->speaking(now))
    voice_->play(screen_key(app_) != before ? speech::Sound::Page : speech::Sound::Tap, now);
  return true;
}

void Shell::tick(app::Millis now) {
  app_.tick(now);
  print_outcome(now);
  speak_announcements(now);
  count_events();
}

// Adds what happened in the sessions that ended to today's counts. A full disk must
// not stop the kiosk: the count is lost, the visitor is served.
void Shell::count_events() {
  auto sessions = app_.take_ended_sessions();
  if (!stats_) return;
  for (const auto& tally : sessions) {
    try {
      stats_->add_session(app_.date(), tally);
      stats_problem_.clear();
    } catch (const std::exception& e) {
      // Said once, not for every tap of a day on a read-only disk.
      if (stats_problem_ != e.what()) std::fprintf(stderr, "wegwijzer: stats: %s\n", e.what());
      stats_problem_ = e.what();
    }
  }
}

// A print has ended: say so to the visitor; a fault goes to the log for the
// volunteer (what went wrong, never what was printed).
void Shell::print_outcome(app::Millis now) {
  if (!printer_) return;
  const auto outcome = printer_->take_outcome();
  if (!outcome) return;
  printer_state_ = printer_state(*outcome, printer_->target());
  if (outcome->status_only) {  // a look when the volunteer screen opened: nothing was printed
    if (!outcome->ok())
      std::fprintf(stderr, "wegwijzer: printer: %s (%s)\n", slip::fault_name(outcome->fault),
                   outcome->detail.c_str());
    return;
  }
  if (outcome->ok()) {
    if (!test_print_) app_.record("slip_printed");
    test_print_ = false;
    app_.show_notice("slip.printed", now);
  } else {
    std::fprintf(stderr, "wegwijzer: printer: %s (%s)\n", slip::fault_name(outcome->fault),
                 outcome->detail.c_str());
    app_.show_notice("slip.print_failed", now);
  }
}

// What the volunteer screen says of the printer (strings.toml "staff.printer.STATE"). The
// advice fits the printer: a cable for one on USB, the network for one on the network.
std::string printer_state(const slip::PrintOutcome& outcome, const slip::PrintTarget& target) {
  if (outcome.ok()) return outcome.paper_low ? "paper_low" : "ready";
  std::string state = slip::fault_name(outcome.fault);
  std::replace(state.begin(), state.end(), ' ', '_');
  const bool reached_over_network =
      target.kind == slip::PrintTarget::Kind::EscposTcp || target.kind == slip::PrintTarget::Kind::Cups;
  if (reached_over_network &&
      (outcome.fault == slip::Fault::NotFound || outcome.fault == slip::Fault::NoAnswer))
    state += "_network";
  return state;
}

void Shell::after_intent(const app::Intent& intent, app::Millis now) {
  using app::Action;
  const auto action = intent.action;
  const bool about_speech = action == Action::Speak || action == Action::RepeatSpeech ||
                            action == Action::SpeechSlower || action == Action::SpeechFaster ||
                            action == Action::SpeechSofter || action == Action::SpeechLouder ||
                            action == Action::VolumeDown || action == Action::VolumeUp ||
                            (action == Action::ToggleReadAloud && app_.session().read_aloud);
  if (about_speech && !sound()) {
    app_.show_notice("speech.unavailable", now, false);
  } else if (action == Action::Speak) {
    if (reading(now))
      voice_->stop(now);
    else
      read_screen_aloud(now);
  } else if (action == Action::RepeatSpeech) {
    auto sentence = voice_->last_sentence(now);
    if (sentence.pieces.empty())
      read_screen_aloud(now);
    else
      speak(sentence, now);
  } else if (about_speech && action != Action::ToggleReadAloud) {
    // A new rate or volume: let the visitor hear it.
    speak(read_text(app_.content().text("speech.sample", app_.language()), app_.language(), app_.content()),
          now);
  } else if (action == Action::ToggleReadAloud) {
    read_key_.clear();  // the next frame reads this screen
  } else if (action == Action::PrintSlip && printer_) {
    printer_->submit(slip_for(app_));  // ignored while a print is running
  } else if (action == Action::TestPrint && printer_ && app_.staff_mode()) {
    test_print_ = true;
    // A slip with the library's own details, marked so nobody takes it for a visitor's.
    auto proof = slip_for(app_);
    slip::Block marked;
    marked.kind = slip::Kind::Title;
    marked.text = app_.content().text("staff.test_slip", "nl");
    proof.blocks.insert(proof.blocks.begin(), marked);
    printer_->submit(std::move(proof));
  } else if (action == Action::SoundTest && app_.staff_mode()) {
    if (sound())
      speak(read_text(app_.content().text("speech.sample", "nl"), "nl", app_.content()), now);
    else
      app_.show_notice("speech.unavailable", now, false);
  }
  speak_announcements(now);
}

void Shell::speak(speech::Utterance utterance, app::Millis now) {
  if (!sound() || utterance.pieces.empty()) return;
  // No voice for this language: Dutch, and say so.
  if (!voice_->has_voice(utterance.lang)) {
    utterance.lang = "nl";
    app_.show_notice("speech.fallback", now, false);
  }
  const auto& s = app_.session();
  // The visitor's choice on top of the kiosk's own volume.
  voice_->say(utterance, speech::settings_for(s.speech_rate, s.speech_volume + app_.device_volume()), now);
  spoken_key_ = screen_key(app_);
  focus_speech_ = false;
}

void Shell::read_screen_aloud(app::Millis now, const std::string& first) {
  const bool with_frame = !app_.session().frame_explained;
  speak(read_screen(widgets_, app_, with_frame, first), now);
  if (with_frame && sound()) app_.note_frame_explained();
}

void Shell::speak_announcements(app::Millis now) {
  for (const auto& announcement : app_.take_announcements())
    speak(read_text(announcement.text, announcement.language, app_.content()), now);
}

void Shell::text_input(const std::string& text, app::Millis now) {
  if (app_.visible_screen().kind == app::ScreenKind::EditField) app_.apply({app::Action::TypeKey, text}, now);
}

bool Shell::key(const input::KeyChord& chord, app::Millis now) {
  app_.note_input(now);
  if ((chord.key == "Backspace" || chord.key == "BackSpace") &&
      app_.visible_screen().kind == app::ScreenKind::EditField) {
    app_.apply({app::Action::EraseKey}, now);
    return false;
  }
  // On a plugged-in keyboard, Ctrl+Alt+P is the same as holding the library's name.
  if (chord.ctrl && chord.alt && (chord.key == "P" || chord.key == "p")) {
    app_.apply({app::Action::OpenStaff}, now);
    count_events();
    return false;
  }
  if (const auto nav = input::nav_key(chord, right_to_left())) {
    navigate(*nav, now);
    return false;
  }
  return input::key_closes_app(chord, mode_);
}

const Widget* Shell::focused() const {
  if (focus_id_.empty() || focus_screen_ != screen_key(app_)) return nullptr;
  const Widget* w = widgets_.find(focus_id_);
  return w && w->intent && is_target(w->role) ? w : nullptr;
}

void Shell::navigate(input::NavKey key, app::Millis now) {
  using input::NavKey;
  const Widget* target = key == NavKey::Back       ? widgets_.find("nav.back")
                         : key == NavKey::Activate ? focused()
                                                   : nullptr;
  // A key, like a touch, silences what was being said; what it does is said next.
  if (voice_ && voice_->speaking(now) && !keeps_speech(target)) voice_->stop(now);
  if (key == NavKey::WhereAmI) {
    say_where(now);
    return;
  }
  if (key == NavKey::Previous || key == NavKey::Next) {
    const auto order = focus_order(widgets_, right_to_left());
    if (order.empty()) return;
    const auto at = std::find(order.begin(), order.end(), focused());
    const auto n = static_cast<std::ptrdiff_t>(order.size());
    std::ptrdiff_t next = key == NavKey::Next ? 0 : n - 1;
    if (at != order.end()) next = ((at - order.begin()) + (key == NavKey::Next ? 1 : n - 1)) % n;
    focus_id_ = order[static_cast<std::size_t>(next)]->id;
    focus_screen_ = screen_key(app_);
    speak_focus(now);
    return;
  }
  // Enter acts on the focus; with nothing focused yet, it says where the visitor is.
  if (!target || !target->intent) {
    if (key == NavKey::Activate) say_where(now);
    return;
  }
  const Widget acted = *target;
  const app::Screen before = app_.visible_screen();
  if (!act(acted, now)) return;
  const bool new_screen = app_.visible_screen() != before;
  // Something new to read (another screen, the next part of a page): the focus starts afresh.
  if (new_screen) focus_id_.clear();
  // "Lees voor", "Herhaal" and the rate and volume buttons said their own thing.
  if (voice_ && voice_->speaking(now)) return;
  acted_ = Acted{acted.id, key == NavKey::Back ? std::string{} : acted.label, new_screen, true};
}

void Shell::speak_focus(app::Millis now) {
  if (const Widget* w = focused()) speak_widget(*w, now);
}

void Shell::speak_widget(const Widget& widget, app::Millis now) {
  speak(read_text(spoken_form(widget, app_.content(), app_.language()), app_.language(), app_.content()),
        now);
  focus_speech_ = true;
}

void Shell::say_acted(app::Millis now) {
  const Acted done = std::move(*acted_);
  acted_.reset();
  if (done.new_screen) {
    read_key_ = screen_key(app_);  // "Voorlezen aan" need not read it a second time
    read_screen_aloud(now, done.first);
    drawn_spoken_.reset();  // the highlight starts on the next frame
  } else if (const Widget* w = widgets_.find(done.id); w && (done.by_key || is_checkable(*w))) {
    speak_widget(*w, now);
  }
}

// F1 and keypad +: the screen's title, the focus, and which keys do what.
void Shell::say_where(app::Millis now) {
  const auto& lang = app_.language();
  std::string text;
  auto add = [&](const std::string& part) {
    if (!text.empty()) text += " ";
    text += part;
    if (!part.empty() && part.back() != '.' && part.back() != '?') text += ".";
  };
  for (const Widget& w : widgets_.all())
    if (w.role == Role::Heading && !w.label.empty()) {
      add(w.label);
      break;
    }
  if (const Widget* w = focused()) add(spoken_form(*w, app_.content(), lang));
  add(app_.content().text("focus.keys", lang));
  speak(read_text(text, lang, app_.content()), now);
  focus_speech_ = true;
}

bool Shell::right_to_left() const {
  const auto* language = app_.content().find_language(app_.language());
  return language && language->right_to_left;
}

float Shell::staff_hold(app::Millis now) const {
  const auto held = touch_.held(now);
  if (!held || held->elapsed < kHoldShownAfterMs) return -1;
  const Widget* under = widgets_.hold_target_at(held->at);
  if (!under || under->id != "frame.staff") return -1;
  return std::min(1.0f, static_cast<float>(held->elapsed) / static_cast<float>(touch_.hold_ms()));
}

void Shell::draw(ImDrawList& draw, DrawBackend& backend, app::Millis now) {
  const float hold = staff_hold(now);  // (from the last frame's targets, before they are redrawn)
  widgets_.clear();
  solids_.clear();
  type_->atlas().begin_frame();
  const auto pressed = touch_.pressed_at(now);
  // Speech belongs to its screen: when the screen or language changes, it stops.
  if (voice_ && voice_->speaking(now) && screen_key(app_) != spoken_key_) voice_->stop(now);
  // The background is the renderer's clear colour (a plain fill is far cheaper than a
  // full-screen triangle pair in the software renderer).
  const auto spoken = voice_ ? voice_->current(now) : std::nullopt;
  const bool speaking = reading(now);
  Painter painter(draw, display_, *type_, backend, solids_, app_.session().large_text, right_to_left(),
                  widgets_, pressed, spoken);
  const bool settling = app_.settling(now);
  painter.set_settling(settling);
  const bool printing = printer_ && printer_->busy();
  draw_screen(
      painter, app_, display_, now,
      {sound(), speaking, printer_ != nullptr, printing, printer_ ? printer_state_ : "none", stats_, hold});
  drawn_hold_ = hold;
  drawn_printing_ = printing;
  drawn_spoken_ = spoken;
  drawn_speaking_ = speaking;
  draw_focus(draw);
  drawn_focus_ = focused() ? focus_id_ : std::string{};
  // A key (or a tap in "Voorlezen aan" mode) acted: say what it did, from the frame just drawn.
  if (acted_) say_acted(now);
  // "Voorlezen aan": each new screen is read once it is drawn.
  if (app_.session().read_aloud && !app_.idle_warning_shown()) {
    const std::string key = screen_key(app_);
    if (key != read_key_) {
      read_key_ = key;
      read_screen_aloud(now);
      drawn_spoken_.reset();  // the highlight starts on the next frame
    }
  }
  drawn_revision_ = app_.revision();
  drawn_settling_ = settling;
  drawn_pressed_ = pressed;
  drawn_seconds_left_ = app_.idle_seconds_left(now);
}

// A thick ring round the focus, for visitors who see a little: dark outside, yellow inside, so it
// stands out on the light screen and on the dark nav bar alike (EN 301 549 / WCAG 2.4.7).
void Shell::draw_focus(ImDrawList& draw) const {
  const Widget* w = focused();
  if (!w) return;
  const float outer = display_.px(1.6f), inner = display_.px(1.0f), round = display_.px(3.5f);
  const Rect& r = w->rect;
  const float o = outer / 2 + inner;
  draw.AddRect({r.x - o, r.y - o}, {r.right() + o, r.bottom() + o}, colors::focus_edge.imgui(), round, 0,
               outer);
  const float i = inner / 2;
  draw.AddRect({r.x - i, r.y - i}, {r.right() + i, r.bottom() + i}, colors::pressed.imgui(), round, 0, inner);
}

std::optional<app::Millis> Shell::next_deadline(app::Millis now) const {
  auto deadline = app_.next_deadline(now);
  if (auto touch = touch_.next_deadline(now); touch && (!deadline || *touch < *deadline)) deadline = touch;
  if (voice_)
    if (auto word = voice_->next_change(now); word && (!deadline || *word < *deadline)) deadline = word;
  // The staff hold's progress grows: a frame every tenth of a second while it is shown.
  if (const auto held = touch_.held(now);
      held && held->elapsed <= touch_.hold_ms() && (!deadline || now + 100 < *deadline))
    deadline = now + 100;
  // While a print runs, look for its outcome (the real loop is also woken when it ends).
  if (printer_ && printer_->busy() && (!deadline || now + 100 < *deadline)) deadline = now + 100;
  return deadline;
}

bool Shell::needs_redraw(app::Millis now) const {
  const auto pressed = touch_.pressed_at(now);
  const bool pressed_changed =
      pressed.has_value() != drawn_pressed_.has_value() ||
      (pressed && (pressed->x != drawn_pressed_->x || pressed->y != drawn_pressed_->y));
  const bool speech_changed =
      voice_ && (voice_->current(now) != drawn_spoken_ || reading(now) != drawn_speaking_);
  return app_.revision() != drawn_revision_ || pressed_changed || staff_hold(now) != drawn_hold_ ||
         app_.idle_seconds_left(now) != drawn_seconds_left_ || speech_changed ||
         app_.settling(now) != drawn_settling_ || (focused() ? focus_id_ : std::string{}) != drawn_focus_ ||
         (printer_ && printer_->busy() != drawn_printing_);
}

}  // namespace ui
