#include "runtime/runtime.hpp"

#include <algorithm>
#include <cmath>

#include "logging/log.hpp"
#include "ui/focus.hpp"
#include "ui/reading.hpp"

namespace runtime {
namespace {

// Taps on these decide about speech themselves; any other touch silences it at once.
bool keeps_speech(const ui::Widget* w) {
  return w && w->intent &&
         (w->intent->action == app::Action::Speak || w->intent->action == app::Action::RepeatSpeech);
}

bool is_receipt_printer(const slip::PrintTarget& target) {
  return target.kind == slip::PrintTarget::Kind::EscposTcp ||
         target.kind == slip::PrintTarget::Kind::EscposDevice;
}

bool same_point(const std::optional<input::Point>& a, const std::optional<input::Point>& b) {
  return a.has_value() == b.has_value() && (!a || (a->x == b->x && a->y == b->y));
}

// A plugged-in keyboard in the editor's text: the arrows move the cursor the way they point
// (so back in a right-to-left text's order for "Right"), with Ctrl by word.
std::optional<app::Intent> editing_key(const input::KeyChord& chord, bool right_to_left) {
  using app::Action;
  if (chord.alt || chord.gui) return std::nullopt;
  const std::string& k = chord.key;
  if (k == "Backspace" || k == "BackSpace") return app::Intent{Action::EraseKey};
  if (k == "Delete") return app::Intent{Action::DeleteKey};
  if (k == "Home") return app::Intent{Action::MoveCursor, "start"};
  if (k == "End") return app::Intent{Action::MoveCursor, "end"};
  if (k != "Left" && k != "Right") return std::nullopt;
  const bool forward = (k == "Right") != right_to_left;
  return app::Intent{Action::MoveCursor,
                     std::string(chord.ctrl ? "word_" : "") + (forward ? "forward" : "back")};
}

// A widget's words said alone (the answer chosen, before the screen it led to; a text under the
// finger; a title): an answer is then the visitor's own (private listening). Not tied to the
// widget on screen, since a new screen may show one of the same name.
speech::Source alone_words(const ui::Widget& chosen) {
  auto words = ui::label_source(chosen, true);
  words.widget.clear();
  return words;
}

float distance(input::Point a, input::Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// A double tap in listening mode: two short, still touches, the second soon after the first
// and near it (TalkBack's figures are alike; a shaky hand gets a little more room).
constexpr app::Millis kDoubleTapGapMs = 500;
constexpr app::Millis kShortTouchMs = 350;
constexpr float kDoubleTapNearMm = 20;
constexpr float kStillMm = 6;

// The words or button under a finger: the topmost target, else the topmost text or heading.
const ui::Widget* explored_at(const ui::WidgetList& widgets, input::Point at) {
  if (const ui::Widget* target = widgets.target_at(at); target && ui::is_target(target->role)) return target;
  const auto& all = widgets.all();
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    if ((it->role == ui::Role::Text || it->role == ui::Role::Heading) && !it->label.empty() &&
        it->rect.contains(at))
      return &*it;
  return nullptr;
}

}  // namespace

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

Runtime::Runtime(content::Snapshot content, const Options& options, const ui::DisplayMetrics& display,
                 input::WindowMode mode, std::function<void()> wake)
    : mode_(mode),
      interface_sounds_(options.interface_sounds),
      app_(std::make_unique<app::KioskApp>(std::move(content), options.idle, options.date)),
      call_name_(options.call_name),
      wake_(wake),
      touch_(input::TouchSettings{display.px(6), 1500}) {
  if (!options.languages.empty()) app_->offer_languages(options.languages);
  app_->set_store(options.store);
  settings_ = std::make_unique<staff::DeviceSettings>(options.settings);
  app_->set_device_settings(settings_.get());
  app_->set_stick_settings(options.stick);
  if (!options.staff_pins.empty()) {
    try {
      access_ = std::make_unique<staff::Access>(options.staff_pins);
      app_->set_staff_access(access_.get());
    } catch (const std::exception& e) {
      problems_.push_back(std::string(e.what()) + "; no staff mode");
    }
  }
  // The slip printer and the desk's printer for call tickets; a bad address leaves one out.
  auto queue_for = [&](const std::string& uri, const char* what,
                       const char* without) -> std::unique_ptr<slip::PrintQueue> {
    if (uri.empty()) return nullptr;
    std::string error;
    if (auto target = slip::parse_printer(uri, &error))
      return std::make_unique<slip::PrintQueue>(*target, wake);
    problems_.push_back(std::string(what) + ": " + error + "; " + without);
    return nullptr;
  };
  printer_ = queue_for(options.printer, "printer", "slips are shown on screen only");
  call_printer_ =
      queue_for(options.call_printer, "call printer", "\"Roep iemand\" says where the info point is");
  if (!options.call_signal.empty()) {
    std::string error;
    call_signal_ = net::parse_signal(options.call_signal, &error);
    if (!call_signal_) problems_.push_back("call signal: " + error + "; no signal is sent");
  }
  if (!options.stats.empty()) stats_ = stats::open_if_possible(options.stats);
  make_view(display);
}

Runtime::~Runtime() {
  app_->set_pictogram_check({});
}

void Runtime::make_view(const ui::DisplayMetrics& display) {
  view_ = std::make_unique<ui::Shell>(*app_, display);
  // The editor checks pictograms with this screen's text engine, as the kiosk's start does.
  app_->set_pictogram_check([this](const std::string& name) {
    return view_->typography().engine().has_pictogram(name);
  });
}

void Runtime::resize(const ui::DisplayMetrics& display) {
  make_view(display);
  drawn_ = {};
}

// ---- Input -------------------------------------------------------------------------------

bool Runtime::pointer(const input::PointerEvent& event) {
  if (app_->session().listening) return explore(event);
  const auto& widgets = view_->widgets();
  if (event.kind == input::PointerEvent::Kind::Down) {
    hold_fired_ = false;
    app_->note_input(event.time);
    if (voice_ && voice_->speaking(event.time) && !keeps_speech(widgets.target_at(event.at)))
      voice_->stop(event.time);
  }
  const bool lifted =
      event.kind == input::PointerEvent::Kind::Up || event.kind == input::PointerEvent::Kind::Cancel;
  if (lifted) repeat_held(event.time);  // what fell due up to the lift
  const bool repeated = lifted && repeat_ && repeat_->timing.fired() > 0;
  if (lifted) repeat_.reset();
  const auto tap = touch_.feed(event);
  if (event.kind == input::PointerEvent::Kind::Down) {
    const ui::Widget* under = widgets.target_at(event.at);
    if (under && under->intent && under->intent->action == app::Action::EraseKey && touch_.held(event.time))
      repeat_ = Repeating{under->id, *under->intent, input::KeyRepeat(event.time)};
    else
      repeat_.reset();
  }
  if (!tap) return event.kind != input::PointerEvent::Kind::Move;
  if (repeated) return true;  // the held key did its work while held: the release adds nothing
  if (tap->held) {
    const ui::Widget* held = widgets.hold_target_at(tap->down);
    if (held && held == widgets.hold_target_at(tap->up)) apply(*held->hold, tap->time);
    return true;
  }
  const ui::Widget* pressed = widgets.target_at(tap->down);
  const ui::Widget* released = widgets.target_at(tap->up);
  // A press that slid off its button does nothing.
  if (!pressed || pressed != released || !pressed->intent) return true;
  ui::Widget target = *pressed;
  // A tap in the text being edited: the place under the finger, from the frame's own layout.
  if (target.intent->action == app::Action::PlaceCursor)
    target.intent->arg = std::to_string(ui::caret_offset_at(target, tap->up));
  const app::Screen before = app_->visible_screen();
  if (!act(target, tap->time)) return true;
  // "Voorlezen aan": a tick says its new state, and a chosen answer is said before the next question.
  if (app_->session().read_aloud && !(voice_ && voice_->speaking(tap->time))) {
    const bool answer = target.intent->action == app::Action::Answer;
    acted_ = Acted{target.id, answer ? alone_words(target) : speech::Source{}, app_->visible_screen() != before,
                   false};
  }
  return true;
}

bool Runtime::act(const ui::Widget& target, app::Millis now) {
  const app::Intent intent = *target.intent;
  if (!app::is_typing(intent.action) && !debounce_.accept(target.id, now)) return false;
  // The screen has only just appeared: this tap was meant for the one before.
  if (app_->too_soon(intent, now)) return false;
  const std::string before = view_->screen_key();
  apply(intent, now);
  // A soft confirmation, never over speech.
  if (interface_sounds_ && sound() && !voice_->speaking(now))
    voice_->play(view_->screen_key() != before ? speech::Sound::Page : speech::Sound::Tap, now);
  return true;
}

void Runtime::apply(const app::Intent& intent, app::Millis now) {
  const bool listening = app_->session().listening;
  app_->apply(intent, now);
  if (app_->session().listening != listening) {
    // Touch changes its meaning: a press begun under the old rules is forgotten.
    touch_.feed({input::PointerEvent::Kind::Cancel, 0, {}, now});
    explore_ = {};
    // Listening mode reads each new screen; the one it started on is not read over its announcement.
    if (app_->visible_screen().kind != app::ScreenKind::Listening) read_key_ = view_->screen_key();
  }
  carry_out(now);
}

void Runtime::text_input(const std::string& text, app::Millis now) {
  if (app_->visible_screen().kind == app::ScreenKind::EditField) apply({app::Action::TypeKey, text}, now);
}

bool Runtime::key(const input::KeyChord& chord, app::Millis now) {
  app_->note_input(now);
  if (app_->visible_screen().kind == app::ScreenKind::EditField) {
    if (const auto edit = editing_key(chord, app_->edit_right_to_left())) {
      apply(*edit, now);
      return false;
    }
  }
  // On a plugged-in keyboard, Ctrl+Alt+P is the same as holding the library's name.
  if (chord.ctrl && chord.alt && (chord.key == "P" || chord.key == "p")) {
    apply({app::Action::OpenStaff}, now);
    return false;
  }
  if (const auto nav = input::nav_key(chord, view_->right_to_left())) {
    navigate(*nav, now);
    return false;
  }
  return input::key_closes_app(chord, mode_);
}

void Runtime::navigate(input::NavKey key, app::Millis now) {
  using input::NavKey;
  const ui::Widget* target = key == NavKey::Back       ? view_->widgets().find("nav.back")
                             : key == NavKey::Activate ? view_->focused()
                                                       : nullptr;
  // A key, like a touch, silences what was being said; what it does is said next.
  if (voice_ && voice_->speaking(now) && !keeps_speech(target)) voice_->stop(now);
  if (key == NavKey::WhereAmI) return say_where(now);
  if (key == NavKey::Listening) return apply({app::Action::ToggleListening}, now);
  if (key == NavKey::Contrast) return apply({app::Action::ToggleHighContrast}, now);
  if (key == NavKey::Previous || key == NavKey::Next) {
    if (view_->move_focus(key == NavKey::Next)) speak_focus(now);
    return;
  }
  // Enter acts on the focus; with nothing focused yet, it says where the visitor is.
  if (!target || !target->intent) {
    if (key == NavKey::Activate) say_where(now);
    return;
  }
  const ui::Widget acted = *target;
  const app::Screen before = app_->visible_screen();
  if (!act(acted, now)) return;
  after_act(acted, before, key != NavKey::Back, now);
}

void Runtime::after_act(const ui::Widget& acted, const app::Screen& before, bool echo, app::Millis now) {
  const bool new_screen = app_->visible_screen() != before;
  // Something new to read (another screen, the next part of a page): the focus starts afresh.
  if (new_screen) view_->clear_focus();
  // "Lees voor", "Herhaal" and the rate and volume buttons said their own thing.
  if (voice_ && voice_->speaking(now)) return;
  acted_ = Acted{acted.id, echo ? alone_words(acted) : speech::Source{}, new_screen, true};
}

// ---- Listening mode ----------------------------------------------------------------------

bool Runtime::explore(const input::PointerEvent& event) {
  using Kind = input::PointerEvent::Kind;
  Explore& e = explore_;
  const ui::DisplayMetrics& d = view_->display();
  switch (event.kind) {
    case Kind::Down:
      app_->note_input(event.time);
      if (++e.fingers > 1) {
        e.moved = true;  // two fingers: never a double tap
        return false;
      }
      // A touch silences what was being said, as outside listening mode.
      if (voice_ && voice_->speaking(event.time)) voice_->stop(event.time);
      e.second = e.last_up && event.time - *e.last_up <= kDoubleTapGapMs &&
                 distance(event.at, e.up_at) <= d.px(kDoubleTapNearMm);
      e.down_at = event.at;
      e.down_time = event.time;
      e.moved = false;
      if (!e.second) {
        e.before = e.said;
        e.before_screen = e.said_screen;
        explore_at(event.at, event.time);
      }
      return true;
    case Kind::Move:
      if (e.fingers != 1) return false;
      if (distance(event.at, e.down_at) > d.px(kStillMm)) e.moved = true;
      if (e.second && !e.moved) return false;
      e.second = false;  // a second touch that slides explores
      return explore_at(event.at, event.time);
    case Kind::Cancel:
      e.fingers = 0;
      e.under.clear();
      e.second = false;
      e.last_up.reset();
      return false;
    case Kind::Up: {
      if (e.fingers == 0) return false;  // a press from before listening mode began
      if (--e.fingers > 0) return false;
      const bool short_still = !e.moved && event.time - e.down_time <= kShortTouchMs;
      e.under.clear();
      e.last_up.reset();
      if (e.second && short_still) {
        e.second = false;
        double_tap(event.time);
        return true;
      }
      e.second = false;
      // Lifting does nothing; a short, still touch may be the first of a double tap.
      if (short_still) {
        e.last_up = event.time;
        e.up_at = event.at;
      }
      return true;
    }
  }
  return false;
}

bool Runtime::explore_at(input::Point at, app::Millis now) {
  const ui::Widget* w = explored_at(view_->widgets(), at);
  const std::string id = w ? w->id : std::string{};
  if (id == explore_.under) return false;
  explore_.under = id;
  if (!w) return false;
  explore_.said = id;
  explore_.said_screen = view_->screen_key();
  if (voice_ && voice_->speaking(now)) voice_->stop(now);
  if (ui::is_target(w->role)) {
    view_->focus_on(id);  // the ring shows where the finger is, and keys go on from there
    speak_widget(*w, now);
  } else {
    speak_words(*w, now);
  }
  return true;
}

// A double tap acts on the item said before it began, wherever it lands. With nothing said yet on
// this screen it acts on nothing, and says how listening mode works.
void Runtime::double_tap(app::Millis now) {
  const std::string screen = view_->screen_key();
  const std::string id = explore_.before_screen == screen ? explore_.before : std::string{};
  const ui::Widget* w = id.empty() ? nullptr : view_->widgets().find(id);
  if (!w) {
    const auto& lang = app_->language();
    speak(ui::read_text(app_->content().text("listen.how", lang), lang, app_->content()), now);
    focus_speech_ = true;
    return;
  }
  if (!ui::is_target(w->role) || !w->intent) {
    speak_words(*w, now);  // words: said again
    return;
  }
  const ui::Widget acted = *w;
  const app::Screen before = app_->visible_screen();
  if (!act(acted, now)) return;
  explore_.said = explore_.before = acted.id;  // a second double tap acts on it again (a tick)
  after_act(acted, before, true, now);
}

void Runtime::hold_to_listen(app::Millis now) {
  if (app_->session().listening || hold_fired_) return;
  const auto held = touch_.held(now);
  if (!held || held->elapsed < kListenHoldMs) return;
  const ui::Widget* under = view_->widgets().target_at(held->at);
  if (!under || under->id != "nav.speak") return;
  hold_fired_ = true;
  apply({app::Action::ToggleListening, "on"}, now);
}

void Runtime::tick(app::Millis now) {
  repeat_held(now);
  hold_to_listen(now);
  // A listener is busy while a screen is read to them: the idle time counts from its end, so
  // a long reading (a slip, 1 to 2 minutes) is not cut off by "Bent u er nog?".
  if (app_->session().listening && reading(now) && !app_->idle_warning_shown()) app_->note_input(now);
  app_->tick(now);
  look_at_printer(now);
  carry_out(now);
}

// While the finger stays on the held key, the repeats that fell due; it slid off or a second
// finger came: the repeating ends.
void Runtime::repeat_held(app::Millis now) {
  if (!repeat_) return;
  const auto held = touch_.held(now);
  const ui::Widget* under = held ? view_->widgets().target_at(held->at) : nullptr;
  if (!under || under->id != repeat_->id) {
    repeat_.reset();
    return;
  }
  for (int n = repeat_->timing.due(now); n > 0; --n) apply(repeat_->intent, now);
}

// ---- Effects -----------------------------------------------------------------------------

void Runtime::carry_out(app::Millis now) {
  // An outcome may ask for more (a notice to say); a notice about speech asks for nothing,
  // so this ends, and the bound only guards against a loop written by mistake.
  for (int round = 0; round < 8; ++round) {
    const auto effects = app_->take_effects();
    if (effects.empty()) return;
    for (const auto& effect : effects) carry_out(effect, now);
  }
}

void Runtime::carry_out(const app::Effect& effect, app::Millis now) {
  namespace fx = app::effect;
  const auto unavailable = [&] { apply({app::Action::SpeechUnavailable}, now); };
  if (const auto* read = std::get_if<fx::ReadScreen>(&effect)) {
    if (read->once_drawn) {
      if (sound())
        acted_ = Acted{{}, {{}, read->first}, true, false};  // say_acted() reads it after the next frame
    } else if (!sound())
      unavailable();
    else if (reading(now))
      voice_->stop(now);
    else
      read_screen_aloud(now);
  } else if (std::holds_alternative<fx::RepeatSentence>(effect)) {
    if (!sound()) return unavailable();
    auto sentence = voice_->last_sentence(now);
    if (sentence.pieces.empty())
      read_screen_aloud(now);
    else
      speak(sentence, now);
  } else if (std::holds_alternative<fx::ReadEachScreen>(effect)) {
    if (!sound()) return unavailable();
    read_key_.clear();  // the next frame reads this screen
  } else if (const auto* say = std::get_if<fx::Say>(&effect)) {
    if (say->about_speech && !sound()) return unavailable();
    speak(ui::read_text(say->text, say->language, app_->content()), now);
  } else if (const auto* print_it = std::get_if<fx::Print>(&effect)) {
    print(print_it->test);
  } else if (const auto* call = std::get_if<fx::CallStaff>(&effect)) {
    call_staff(call->minute, now);
  } else if (std::holds_alternative<fx::CheckPrinter>(effect)) {
    // A receipt printer answers; a file or a CUPS queue has nothing to ask.
    if (printer_ && is_receipt_printer(printer_->target())) printer_->check();
  } else if (const auto* tally = std::get_if<fx::Count>(&effect)) {
    count(tally->tally);
  } else if (std::holds_alternative<fx::Restart>(effect)) {
    logging::info("restart asked for by a volunteer");
    restart_requested_ = true;
  }
}

void Runtime::print(bool test) {
  if (!printer_) return;
  auto slip = ui::slip_for(*app_);
  if (test) {
    // A slip with the library's own details, marked so nobody takes it for a visitor's.
    slip::Block marked;
    marked.kind = slip::Kind::Title;
    marked.text = app_->content().text("staff.test_slip", "nl");
    slip.blocks.insert(slip.blocks.begin(), marked);
  }
  printer_->submit(std::move(slip));  // ignored while a print is running
}

// The ticket goes to the desk's printer and the signal to its address, each where one is set
// up; without either (or while the last call is still on its way) the app hears at once that
// nobody was called, and the visitor is sent to the info point instead. The signal waits for
// its receiver on a thread of its own: the screen never does.
void Runtime::call_staff(int minute, app::Millis now) {
  call_ = {};
  if (call_printer_ && call_printer_->submit(slip::call_ticket(app_->content(), minute))) ++call_.pending;
  if (call_signal_ && !signal_sent_.valid()) {
    signal_sent_ =
        std::async(std::launch::async, [target = *call_signal_, wake = wake_,
                                        text = slip::call_message(app_->content(), minute, call_name_)] {
          auto outcome = net::send_signal(target, text);
          if (wake) wake();
          return outcome;
        });
    ++call_.pending;
  }
  if (call_.pending == 0)
    apply({app::Action::CallFailed, call_printer_ || call_signal_ ? "busy" : "none"}, now);
}

// Someone is coming as soon as one way reached the desk; nobody only when every way failed.
void Runtime::call_answered(bool ok, const std::string& state, app::Millis now) {
  if (call_.pending > 0) --call_.pending;
  if (ok && !call_.sent) {
    call_.sent = true;
    apply({app::Action::CallSent, state}, now);
  } else if (!ok && !call_.sent && call_.pending == 0) {
    apply({app::Action::CallFailed, state}, now);
  }
}

void Runtime::wait_for_call_signal() const {
  if (signal_sent_.valid()) signal_sent_.wait();
}

// A print has ended, or the printer answered when asked: the app hears its state. A fault
// goes to the log for the volunteer (what went wrong, never what was printed).
void Runtime::look_at_printer(app::Millis now) {
  if (call_printer_)
    if (const auto ticket = call_printer_->take_outcome()) {
      if (!ticket->ok())
        logging::warning("call printer: %s (%s)", slip::fault_name(ticket->fault), ticket->detail.c_str());
      call_answered(ticket->ok(), printer_state(*ticket, call_printer_->target()), now);
    }
  if (signal_sent_.valid() && signal_sent_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    const auto signal = signal_sent_.get();
    if (!signal.ok) logging::warning("call signal: %s", signal.detail.c_str());
    call_answered(signal.ok, signal.ok ? "signal_sent" : "signal_failed", now);
  }
  if (!printer_) return;
  const auto outcome = printer_->take_outcome();
  if (!outcome) return;
  if (!outcome->ok())
    logging::warning("printer: %s (%s)", slip::fault_name(outcome->fault), outcome->detail.c_str());
  const auto state = printer_state(*outcome, printer_->target());
  const auto told = outcome->status_only ? app::Action::PrinterAnswered
                    : outcome->ok()      ? app::Action::PrintFinished
                                         : app::Action::PrintFailed;
  apply({told, state}, now);
}

// Adds a session that ended to today's counts. A full disk must not stop the kiosk: the
// count is lost, the visitor is served.
void Runtime::count(const app::Tally& tally) {
  if (!stats_) return;
  try {
    stats_->add_session(app_->date(), tally);
    stats_problem_.clear();
  } catch (const std::exception& e) {
    // Said once, not for every tap of a day on a read-only disk.
    if (stats_problem_ != e.what()) logging::warning("stats: %s", e.what());
    stats_problem_ = e.what();
  }
}

// ---- Speech ------------------------------------------------------------------------------

void Runtime::speak(speech::Utterance utterance, app::Millis now) {
  if (!sound() || utterance.pieces.empty()) return;
  // No voice for this language: Dutch, and say so.
  if (!voice_->has_voice(utterance.lang)) {
    utterance.lang = "nl";
    apply({app::Action::SpeechFallback}, now);
  }
  // Private listening, for everything said: bystanders hear no amounts and nothing of the
  // visitor's own until the visitor agrees (or wears headphones). The first time it matters the
  // visitor is asked instead; the question is read next.
  if (app_->private_speech() && speech::holds_private(utterance)) {
    if (app_->ask_aloud_first()) return carry_out(now);
    speech::keep_private(utterance, app_->content().text("listen.amount", utterance.lang));
  }
  const auto& s = app_->session();
  voice_->say(utterance, speech::settings_for(s.speech_rate, app_->voice_volume()), now);
  spoken_key_ = view_->screen_key();
  focus_speech_ = false;
}

void Runtime::read_screen_aloud(app::Millis now, const speech::Source& first, bool new_screen) {
  const bool with_frame = !app_->session().frame_explained;
  auto utterance = ui::read_screen(view_->widgets(), *app_, with_frame, first);
  if (new_screen && app_->session().listening) utterance.cue = speech::Sound::Page;
  speak(std::move(utterance), now);
  if (with_frame && sound()) app_->note_frame_explained();
}

void Runtime::speak_focus(app::Millis now) {
  if (const ui::Widget* w = view_->focused()) speak_widget(*w, now);
}

void Runtime::speak_widget(const ui::Widget& widget, app::Millis now) {
  const auto& lang = app_->language();
  speak(ui::read_sources(ui::spoken_parts(widget, app_->content(), lang), lang, app_->content()), now);
  focus_speech_ = true;
}

void Runtime::speak_words(const ui::Widget& widget, app::Millis now) {
  speak(ui::read_sources({alone_words(widget)}, app_->language(), app_->content()), now);
  focus_speech_ = true;
}

void Runtime::say_acted(app::Millis now) {
  const Acted done = std::move(*acted_);
  acted_.reset();
  if (done.new_screen) {
    read_key_ = view_->screen_key();  // "Voorlezen aan" need not read it a second time
    read_screen_aloud(now, done.first, true);
    drawn_.spoken.reset();  // the highlight starts on the next frame
  } else if (const ui::Widget* w = view_->widgets().find(done.id); w && (done.by_key || ui::is_checkable(*w))) {
    speak_widget(*w, now);
  }
}

// F1 and keypad +: the screen's title, the focus, and which keys do what.
void Runtime::say_where(app::Millis now) {
  const auto& lang = app_->language();
  std::vector<speech::Source> parts;
  // Each part ends a sentence, on screen as in speech.
  const auto end_sentence = [](std::string& text) {
    if (!text.empty() && text.back() != '.' && text.back() != '?') text += ".";
  };
  for (const ui::Widget& w : view_->widgets().all())
    if (w.role == ui::Role::Heading && !w.label.empty()) {
      parts.push_back(alone_words(w));
      end_sentence(parts.back().text);
      break;
    }
  if (const ui::Widget* w = view_->focused()) {
    for (auto& part : ui::spoken_parts(*w, app_->content(), lang)) parts.push_back(std::move(part));
    end_sentence(parts.back().text);
  }
  parts.push_back({"", app_->content().text("focus.keys", lang)});
  speak(ui::read_sources(parts, lang, app_->content()), now);
  focus_speech_ = true;
}

// ---- Drawing -----------------------------------------------------------------------------

float Runtime::staff_hold(app::Millis now) const {
  const auto held = touch_.held(now);
  if (!held || held->elapsed < kHoldShownAfterMs) return -1;
  const ui::Widget* under = view_->widgets().hold_target_at(held->at);
  if (!under || under->id != "frame.staff") return -1;
  return std::min(1.0f, static_cast<float>(held->elapsed) / static_cast<float>(touch_.hold_ms()));
}

Runtime::Drawn Runtime::showing(app::Millis now) const {
  Drawn d;
  d.revision = app_->revision();
  d.pressed = touch_.pressed_at(now);
  d.hold = staff_hold(now);  // (from the last frame's targets, before they are redrawn)
  d.seconds_left = app_->idle_seconds_left(now);
  d.spoken = voice_ ? voice_->current(now) : std::nullopt;
  d.speaking = reading(now);
  d.settling = app_->settling(now);
  d.focus = view_->focus_id();
  d.printing = printer_ && printer_->busy();
  return d;
}

void Runtime::draw(ImDrawList& draw, ui::DrawBackend& backend, app::Millis now) {
  // Speech belongs to its screen: when the screen or language changes, it stops.
  if (voice_ && voice_->speaking(now) && view_->screen_key() != spoken_key_) voice_->stop(now);
  const Drawn shows = showing(now);
  const ui::DeviceState devices{sound(),
                                shows.speaking,
                                printer_ != nullptr,
                                shows.printing,
                                printer_ ? app_->printer_state() : "none",
                                stats_.get(),
                                shows.hold};
  view_->draw(draw, backend, now, {devices, shows.pressed, shows.spoken, shows.settling});
  drawn_ = shows;
  drawn_.focus = view_->focus_id();  // the focus lasts only while its screen does
  // A key (or a tap in "Voorlezen aan" mode) acted: say what it did, from the frame just drawn.
  if (acted_) say_acted(now);
  // "Voorlezen aan" and listening mode: each new screen is read once it is drawn (not while a
  // reading waits for the next frame: speech just put a question in its place).
  if ((app_->session().read_aloud || app_->session().listening) && !app_->idle_warning_shown() && !acted_) {
    const std::string key = view_->screen_key();
    if (key != read_key_) {
      read_key_ = key;
      read_screen_aloud(now, {}, true);
      drawn_.spoken.reset();  // the highlight starts on the next frame
    }
  }
}

std::optional<app::Millis> Runtime::next_deadline(app::Millis now) const {
  auto deadline = app_->next_deadline(now);
  const auto sooner = [&](std::optional<app::Millis> t) {
    if (t && (!deadline || *t < *deadline)) deadline = t;
  };
  sooner(touch_.next_deadline(now));
  if (repeat_) sooner(repeat_->timing.next());
  if (voice_) sooner(voice_->next_change(now));
  // The staff hold's progress grows: a frame every tenth of a second while it is shown.
  if (const auto held = touch_.held(now); held && held->elapsed <= touch_.hold_ms()) sooner(now + 100);
  // While a print runs, look for its outcome (the real loop is also woken when it ends).
  if ((printer_ && printer_->busy()) || (call_printer_ && call_printer_->busy()) || signal_sent_.valid())
    sooner(now + 100);
  // A long text is laid out a slice a frame: the next frame at once (a script's clock: 16 ms on).
  if (view_->laying_out()) sooner(now + kFrameMs);
  return deadline;
}

bool Runtime::needs_redraw(app::Millis now) const {
  const Drawn d = showing(now);
  return d.revision != drawn_.revision || !same_point(d.pressed, drawn_.pressed) || d.hold != drawn_.hold ||
         d.seconds_left != drawn_.seconds_left || d.spoken != drawn_.spoken || d.speaking != drawn_.speaking ||
         d.settling != drawn_.settling || d.focus != drawn_.focus || d.printing != drawn_.printing ||
         view_->laying_out();
}

}  // namespace runtime
