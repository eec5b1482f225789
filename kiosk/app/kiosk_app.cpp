#include "app/kiosk_app.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "hours/handover.hpp"
#include "selfcheck/selfcheck.hpp"

namespace app {

std::string today_iso() {
  return content::now_text("%Y-%m-%d", false);
}

const std::vector<std::string>& next_steps() {
  static const std::vector<std::string> steps = {"desk", "go", "call", "think"};
  return steps;
}

bool is_typing(Action action) {
  switch (action) {
    case Action::TypeKey:
    case Action::EraseKey:
    case Action::DeleteKey:
    case Action::ShiftKey:
    case Action::MoveCursor:
    case Action::PlaceCursor: return true;
    default: return false;
  }
}

bool waits_for_new_screen(Action action) {
  switch (action) {
    case Action::BeginQuestions:
    case Action::Answer:
    case Action::Tick:
    case Action::ShowWhy:
    case Action::MoreResults:
    case Action::ToggleOnSlip:
    case Action::ChooseNextStep:
    case Action::TakeStep:
    case Action::PrintSlip:
    case Action::FinishSlip:
    case Action::CallHelp: return true;  // a stray second tap must not call staff
    default: return false;
  }
}

KioskApp::KioskApp(content::Snapshot content, IdleSettings idle, std::string date)
    : content_(std::move(content)), date_(std::move(date)), idle_(idle) {
  session_.language = content_->default_language;
}

void KioskApp::set_date(std::string date) {
  if (date == date_ || date.empty()) return;
  date_ = std::move(date);
  draft_cache_.reset();  // checks that depend on the date (amounts past their end)
  ++revision_;           // band amounts on screen may change
}

void KioskApp::set_time_of_day(int minute) {
  if (minute < 0 || minute >= 24 * 60 || time_of_day_ == minute) return;
  time_of_day_ = minute;
  ++revision_;  // the steps offered and the hours in words may change
}

void KioskApp::note_input(Millis now) {
  last_input_ = now;
}

namespace {

// What came of an effect: told by the runtime, not tapped by anyone.
bool is_outcome(Action action) {
  switch (action) {
    case Action::SpeechUnavailable:
    case Action::SpeechFallback:
    case Action::PrintFinished:
    case Action::PrintFailed:
    case Action::PrinterAnswered:
    case Action::CallSent:
    case Action::CallFailed: return true;
    default: return false;
  }
}

}  // namespace

void KioskApp::apply(const Intent& intent, Millis now) {
  // An outcome is no sign of a visitor: it neither restarts the idle timer nor waits for a screen.
  if (is_outcome(intent.action)) return outcome(intent, now);
  // The headphones are a fact about the kiosk, whatever shows. Unplugging them is no sign of a
  // visitor (they may be leaving); plugging them in is, and switches listening mode on.
  if (intent.action == Action::HeadphonesIn || intent.action == Action::HeadphonesOut) {
    const bool in = intent.action == Action::HeadphonesIn;
    if (in == headphones_) return;
    headphones_ = in;
    ++revision_;
    if (!in) {
      if (session_.listening && !session_.aloud_agreed) announce("listen.unplugged");
      return;
    }
    warning_started_.reset();  // someone is here
  }
  note_input(now);
  ++revision_;
  notice_.clear();
  // While the warning shows, only its own two buttons act.
  if (warning_started_ && intent.action != Action::StillHere && intent.action != Action::ClearAll) return;
  if (too_soon(intent, now)) return;
  const bool was_pristine = session_.pristine(content_->default_language);
  const Screen before = visible_screen();
  act(intent, now);
  if (visible_screen() != before)
    settle_until_ =
        in_selfcheck(visible_screen().kind) ? std::optional<Millis>(now + kSettleMs) : std::nullopt;
  // The volunteer screen says how the printer is now, not how it was at the last slip.
  if (before.kind != ScreenKind::Volunteer && visible_screen().kind == ScreenKind::Volunteer)
    effects_.emplace_back(effect::CheckPrinter{});
  // A visitor's session, not a volunteer's or editor's.
  const ScreenKind at = session_.current().kind;
  const bool staff = staff_mode() || at == ScreenKind::PinPad || at == ScreenKind::PinSetup;
  if (was_pristine && !staff && !session_.pristine(content_->default_language)) record("session");
}

TextSize KioskApp::text_size() const {
  const ScreenKind kind = visible_screen().kind;
  if (has_staff_text_size(kind)) return session_.staff_text_size;
  return is_staff_screen(kind) ? TextSize::Normal : session_.text_size;
}

void KioskApp::note_frame_explained() {
  const bool was_pristine = session_.pristine(content_->default_language);
  session_.frame_explained = true;
  if (was_pristine && !staff_mode()) record("session");
}

namespace {

// "Voorbeeld" shows a screen as a visitor sees it, but nothing on it leads anywhere.
bool works_in_preview(Action action) {
  switch (action) {
    case Action::Back:
    case Action::Home:
    case Action::ClearAll:
    case Action::StillHere:
    case Action::NextTextSize:
    case Action::ToggleHighContrast:
    case Action::Speak:
    case Action::RepeatSpeech:
    case Action::MorePage:
    case Action::MoreResults: return true;
    default: return false;
  }
}

}  // namespace

void KioskApp::act(const Intent& intent, Millis now) {
  if (session_.current().kind == ScreenKind::Preview && !works_in_preview(intent.action)) return;
  switch (intent.action) {
    case Action::Back: back(); break;
    case Action::Home: go_home(); break;
    case Action::NextTextSize:
      // Staff's screens have two sizes of their own; the visitor's stays as it was.
      if (has_staff_text_size(session_.current().kind)) {
        auto& size = session_.staff_text_size;
        size = size == TextSize::Normal ? TextSize::Large : TextSize::Normal;
        announce(std::string("size.now.") + text_size_name(size));
        break;
      }
      session_.text_size = next_text_size(session_.text_size);
      announce(std::string("size.now.") + text_size_name(session_.text_size));
      break;
    case Action::ToggleHighContrast:
      session_.high_contrast = !session_.high_contrast;
      announce(session_.high_contrast ? "contrast.now.on" : "contrast.now.off");
      break;
    case Action::ToggleListening:
      if (staff_mode()) break;
      if (!session_.listening)
        start_listening();
      else if (intent.arg != "on")
        stop_listening();
      break;
    case Action::HeadphonesIn:
      if (staff_mode()) break;
      if (session_.listening)
        announce("listen.in_headphones");
      else
        start_listening();
      break;
    case Action::HeadphonesOut: break;  // (apply() takes it first)
    case Action::AllowAloud:
      if (session_.current().kind != ScreenKind::Listening) break;
      session_.aloud_agreed = intent.arg == "yes";
      back();
      // What the visitor was about to hear is read, now by their choice.
      if (std::exchange(session_.aloud_then_read, false)) effects_.emplace_back(effect::ReadScreen{true});
      break;
    case Action::AskAloud:
      // A visitor who said no, or did not answer, can still choose; one who said yes can take it back.
      if (headphones_ || staff_mode()) break;
      if (session_.aloud_agreed) {
        session_.aloud_agreed = false;
        announce("listen.quiet_now");
      } else if (session_.current().kind != ScreenKind::Listening) {
        session_.aloud_asked = true;
        session_.aloud_then_read = false;
        push({ScreenKind::Listening});
      }
      break;
    case Action::OpenHelp:
      if (session_.current().kind != ScreenKind::Help) push({ScreenKind::Help});
      break;
    case Action::CallHelp: call_help(); break;
    case Action::OpenLanguages:
      if (session_.current().kind != ScreenKind::Language) push({ScreenKind::Language});
      break;
    case Action::SetLanguage:
      if (content_->find_language(intent.arg)) {
        session_.language = intent.arg;
        record("language:" + intent.arg);
        if (session_.current().kind == ScreenKind::Language) back();
      }
      break;
    case Action::OpenPage:
      if (content_->find_page(intent.arg) && content_->page_offered(intent.arg)) {
        push({ScreenKind::Page, about::Page{intent.arg}});
        record("page:" + intent.arg);
      }
      break;
    case Action::StartCheck:
      session_.wipe_answers();
      push({ScreenKind::Intro});
      break;
    case Action::BeginQuestions:
      record("selfcheck_started");
      if (auto first = selfcheck::next_question(*content_, session_.answers, -1))
        push({ScreenKind::Question, about::Question{*first}});
      else
        push({ScreenKind::Result});
      break;
    case Action::ShowWhy:
      if (content_->find_rule(intent.arg)) push({ScreenKind::Why, about::Suggestion{intent.arg}});
      break;
    case Action::MorePage:  // the next part of a long page or slip
      if (session_.current().kind == ScreenKind::Page || session_.current().kind == ScreenKind::Slip ||
          session_.current().kind == ScreenKind::Help || session_.current().kind == ScreenKind::Editor ||
          session_.current().kind == ScreenKind::Preview || session_.current().kind == ScreenKind::EditItem)
        push({session_.current().kind, session_.current().subject, session_.current().part + 1});
      // A long list of choices pages in place, so saving still goes back to the form; arg "0" starts over.
      if (session_.current().kind == ScreenKind::EditField)
        session_.history.back().part = intent.arg == "0" ? 0 : session_.current().part + 1;
      break;
    case Action::MoreResults:
      if (session_.current().kind == ScreenKind::Result)
        push({ScreenKind::Result, {}, session_.current().part + 1});
      break;
    case Action::Answer: answer_current(intent.arg); break;
    case Action::Tick: tick_question(intent.arg); break;
    case Action::ToggleOnSlip: toggle_on_slip(intent.arg, now); break;
    case Action::ChooseNextStep: push({ScreenKind::NextStep}); break;
    case Action::TakeStep: {
      const auto steps = offered_steps();
      if (std::find(steps.begin(), steps.end(), intent.arg) == steps.end()) break;
      overwrite(session_.next_step);
      session_.next_step = intent.arg;
      push({ScreenKind::Slip});
      record("slip_shown");
      for (const auto& id : slip_suggestions()) record("slip_topic:" + id);
      break;
    }
    case Action::FinishSlip: reset(); break;
    case Action::StillHere: warning_started_.reset(); break;
    case Action::ClearAll: reset(); break;
    case Action::Speak:
      record("speech");
      effects_.emplace_back(effect::ReadScreen{});
      break;
    case Action::RepeatSpeech: effects_.emplace_back(effect::RepeatSentence{}); break;
    case Action::PrintSlip:
      printing_ = Printing::Slip;
      effects_.emplace_back(effect::Print{});
      break;
    case Action::SpeechSlower:
    case Action::SpeechFaster:
    case Action::SpeechSofter:
    case Action::SpeechLouder: change_speech(intent.action); break;
    case Action::ToggleReadAloud:
      session_.read_aloud = !session_.read_aloud;
      if (session_.read_aloud) effects_.emplace_back(effect::ReadEachScreen{});
      break;
    case Action::OpenStaff:
    case Action::PinDigit:
    case Action::PinErase:
    case Action::PinEnter:
    case Action::LeaveStaff:
    case Action::TestPrint:
    case Action::SoundTest:
    case Action::VolumeDown:
    case Action::VolumeUp:
    case Action::Restart: staff_action(intent, now); break;
    case Action::OpenEditor:
    case Action::EditorSection:
    case Action::OpenItem:
    case Action::ChooseOption:
    case Action::Preview:
    case Action::EditField:
    case Action::TypeKey:
    case Action::EraseKey:
    case Action::DeleteKey:
    case Action::ShiftKey:
    case Action::AddWord:
    case Action::MoveCursor:
    case Action::PlaceCursor:
    case Action::SwitchKeyboard:
    case Action::SaveField:
    case Action::ConfirmSave:
    case Action::CancelField:
    case Action::ReviewPublish:
    case Action::Publish:
    case Action::OpenHistory:
    case Action::ReviewRollBack:
    case Action::RollBack: guard_store(now, [&] { edit_action(intent, now); }); break;
    case Action::OpenStick:
    case Action::ExportPack:
    case Action::ReviewPack:
    case Action::ApplyPack: guard_store(now, [&] { stick_action(intent, now); }); break;
    case Action::SpeechUnavailable:
    case Action::SpeechFallback:
    case Action::PrintFinished:
    case Action::PrintFailed:
    case Action::PrinterAnswered:
    case Action::CallSent:
    case Action::CallFailed: outcome(intent, now); break;  // (apply() takes these first)
  }
}

void KioskApp::set_answer(const std::string& question_id, const std::string& value) {
  auto old = session_.answers.find(question_id);
  if (old != session_.answers.end()) overwrite(old->second);
  if (value.empty()) {
    if (old != session_.answers.end()) session_.answers.erase(old);
  } else {
    session_.answers[question_id] = value;
  }
}

void KioskApp::tick_question(const std::string& question_id) {
  const Screen& screen = session_.current();
  if (screen.kind != ScreenKind::Question) return;
  for (int index : selfcheck::on_screen(*content_, session_.answers, screen.about<about::Question>().index)) {
    const auto& question = content_->questions[static_cast<std::size_t>(index)];
    if (question.id != question_id || question.together.empty()) continue;
    const auto given = answer(question_id);
    set_answer(question_id, given && *given == "yes" ? "" : "yes");
  }
}

void KioskApp::answer_current(const std::string& value) {
  const Screen& screen = session_.current();
  if (screen.kind != ScreenKind::Question) return;
  const int at = screen.about<about::Question>().index;
  const auto& question = content_->questions.at(static_cast<std::size_t>(at));
  if (!question.together.empty()) {
    // Ticked is yes, the rest no; "Zeg ik liever niet" is skip for them all.
    if (value != "done" && value != "skip") return;
    for (int index : selfcheck::on_screen(*content_, session_.answers, at)) {
      const auto& id = content_->questions[static_cast<std::size_t>(index)].id;
      const auto given = answer(id);
      set_answer(id, value == "skip" ? "skip" : given && *given == "yes" ? "yes" : "no");
    }
  } else {
    const auto offered_now = selfcheck::options(*content_, question, session_.answers, date_);
    const bool offered = std::any_of(offered_now.begin(), offered_now.end(),
                                     [&](const auto& option) { return option.value == value; });
    if (!offered) return;
    set_answer(question.id, value);
  }
  // Questions that no longer matter are skipped (a homeowner is not asked about rent).
  if (auto next = selfcheck::next_question(*content_, session_.answers, at)) {
    push({ScreenKind::Question, about::Question{*next}});
  } else {
    push({ScreenKind::Result});
    record("selfcheck_finished");
  }
}

// Staff mode. Only a right PIN leads past the PIN pad; every staff action but
// the gesture needs staff mode, and a reset (Wis alles, idle) ends it.
void KioskApp::staff_action(const Intent& intent, Millis now) {
  const ScreenKind at = session_.current().kind;
  const bool on_pad = at == ScreenKind::PinPad || at == ScreenKind::PinSetup;
  switch (intent.action) {
    case Action::OpenStaff:
      if (!access_ || on_pad) break;
      session_.pin.wipe_digits();
      if (staff_mode()) {
        push({ScreenKind::Volunteer});
      } else if (access_->needs_setup()) {
        // PINs are chosen only with the installer's setup code: whoever finds the kiosk without
        // PINs (first start, or a PIN file lost) is otherwise a visitor making themselves editor.
        if (access_->can_set_up()) {
          session_.pin.setup_role = "code";
          push({ScreenKind::PinSetup});
        } else {
          show_notice("staff.setup.no_code", now, false);
        }
      } else {
        push({ScreenKind::PinPad});
      }
      break;
    case Action::PinDigit:
      if (on_pad && intent.arg.size() == 1 && intent.arg[0] >= '0' && intent.arg[0] <= '9' &&
          session_.pin.digits.size() < staff::kMaxPinDigits)
        session_.pin.digits += intent.arg;
      break;
    case Action::PinErase:
      if (on_pad && !session_.pin.digits.empty()) {
        session_.pin.digits.back() = '\0';
        session_.pin.digits.pop_back();
      }
      break;
    case Action::PinEnter: {
      if (!access_ || !on_pad) break;
      std::string pin = std::exchange(session_.pin.digits, {});
      if (at == ScreenKind::PinSetup) {
        choose_pins(pin, now);
        overwrite(pin);
        break;
      }
      const auto attempt = access_->try_pin(pin, now);
      overwrite(pin);
      if (attempt.role) {
        // Staff start from a clean session: whatever a visitor answered before is gone.
        session_.wipe_answers();
        session_.staff = attempt.role;
        session_.history.assign({Screen{}, Screen{ScreenKind::Volunteer}});
      } else {
        record("pin_wrong");
        show_notice("staff.pin_wrong", now, false);
      }
      break;
    }
    case Action::LeaveStaff:
      if (staff_mode()) reset();
      break;
    case Action::Restart:
      if (staff_mode()) effects_.emplace_back(effect::Restart{});
      break;
    case Action::VolumeDown:
    case Action::VolumeUp:
      if (!staff_mode()) break;
      if (settings_ &&
          !settings_->set_volume(settings_->volume() + (intent.action == Action::VolumeUp ? 1 : -1)))
        show_notice("staff.volume_unsaved", now, false);
      say_sample(session_.language);  // let them hear the new volume
      break;
    case Action::TestPrint:
      if (!staff_mode()) break;
      printing_ = Printing::Test;
      effects_.emplace_back(effect::Print{true});
      break;
    case Action::SoundTest:
      if (staff_mode()) say_sample("nl");
      break;
    default: break;
  }
}

// Listening mode starts. On the loudspeaker the visitor is asked first whether amounts and answers
// may be said aloud (the question's screen says how listening works); with headphones, or after a
// yes, everything may be said, so it is only announced.
void KioskApp::start_listening() {
  session_.listening = true;
  record("listening");
  if (private_speech()) {
    session_.aloud_asked = true;
    session_.aloud_then_read = false;  // listening mode reads the screen it goes back to
    if (session_.current().kind != ScreenKind::Listening) push({ScreenKind::Listening});
    return;
  }
  // Then the screen it started on, so a visitor who plugged in headphones hears where they are.
  const auto& lang = session_.language;
  std::string said = content_->text("listen.title", lang) + ". ";
  if (headphones_) said += content_->text("listen.in_headphones", lang) + " ";
  effects_.emplace_back(effect::ReadScreen{true, said + content_->text("listen.how", lang)});
}

bool KioskApp::ask_aloud_first() {
  if (!private_speech() || session_.aloud_asked || session_.current().kind == ScreenKind::Listening)
    return false;
  session_.aloud_asked = true;
  session_.aloud_then_read = true;
  ++revision_;
  push({ScreenKind::Listening});
  effects_.emplace_back(effect::ReadScreen{true});
  return true;
}

void KioskApp::stop_listening() {
  session_.listening = false;
  if (session_.current().kind == ScreenKind::Listening) back();
  announce("listen.off");
}

// A new rate or volume: the visitor hears it at once.
void KioskApp::change_speech(Action action) {
  auto& s = session_;
  if (action == Action::SpeechSlower) s.speech_rate = std::max(-1, s.speech_rate - 1);
  if (action == Action::SpeechFaster) s.speech_rate = std::min(1, s.speech_rate + 1);
  // "Zachter" and "Harder" turn the volume in use: the headphones' or the loudspeaker's.
  int& volume = headphones_ ? s.headphone_volume : s.speech_volume;
  if (action == Action::SpeechSofter) volume = std::max(-2, volume - 1);
  if (action == Action::SpeechLouder) volume = std::min(2, volume + 1);
  say_sample(s.language);
}

void KioskApp::say_sample(const std::string& language) {
  effects_.emplace_back(effect::Say{content_->text("speech.sample", language), language, true});
}

void KioskApp::outcome(const Intent& intent, Millis now) {
  switch (intent.action) {
    case Action::SpeechUnavailable: show_notice("speech.unavailable", now, false); break;
    case Action::SpeechFallback: show_notice("speech.fallback", now, false); break;
    case Action::PrinterAnswered:
      printer_state_ = intent.arg;
      ++revision_;
      break;
    case Action::CallSent:
    case Action::CallFailed:
      if (session_.call != Session::Call::Asking) break;  // the visitor left meanwhile
      session_.call = intent.action == Action::CallSent ? Session::Call::Coming : Session::Call::NotSent;
      ++revision_;
      break;
    case Action::PrintFinished:
    case Action::PrintFailed: {
      printer_state_ = intent.arg;
      const bool printed = intent.action == Action::PrintFinished;
      if (printed && printing_ == Printing::Slip) record("slip_printed");
      printing_ = Printing::None;
      show_notice(printed ? "slip.printed" : "slip.print_failed", now);
      break;
    }
    default: break;
  }
}

namespace {

// The notice for why a new PIN was not taken.
const char* pin_notice(const staff::PinRefusal& refusal) {
  switch (refusal.problem) {
    case staff::PinProblem::NotSaved: return "staff.pin_unsaved";
    case staff::PinProblem::SameAsOther: return "staff.pin_same";
    default: return "staff.pin_weak";
  }
}

}  // namespace

// The first PINs: the installer's setup code, then the volunteers' PIN and the editors',
// each typed twice. A wrong code waits as a wrong PIN does.
void KioskApp::choose_pins(const std::string& typed, Millis now) {
  if (session_.pin.setup_role == "code") {
    if (access_->try_setup_code(typed, now).right) {
      session_.pin.setup_role = access_->has_pin(staff::Role::Volunteer) ? "editor" : "volunteer";
    } else {
      record("pin_wrong");
      show_notice("staff.setup.code_wrong", now, false);
    }
    return;
  }
  const auto role = staff::role_from(session_.pin.setup_role);
  if (!role) return;
  if (session_.pin.first.empty()) {
    if (const auto problem = access_->check_pin(*role, typed); !problem.empty())
      show_notice(pin_notice(problem), now, false);
    else
      session_.pin.first = typed;
    return;
  }
  const bool same = typed == session_.pin.first;
  overwrite(session_.pin.first);
  if (!same) {
    show_notice("staff.pin_differs", now, false);
    return;
  }
  if (const auto problem = access_->set_pin(*role, typed); !problem.empty()) {
    show_notice(pin_notice(problem), now, false);
  } else if (access_->needs_setup()) {
    session_.pin.setup_role = "editor";
  } else {
    session_.pin.setup_role.clear();
    session_.history.back() = Screen{ScreenKind::PinPad};
  }
}

std::vector<std::string> KioskApp::slip_suggestions() const {
  // The visitor's choice, as far as the result still holds it (answers may have changed).
  std::vector<std::string> out;
  for (const auto& suggestion : selfcheck::evaluate(*content_, session_.answers, date_)) {
    const auto& id = suggestion.rule->id;
    const bool chosen =
        std::find(session_.on_slip.begin(), session_.on_slip.end(), id) != session_.on_slip.end();
    if (session_.slip_chosen ? chosen : out.size() < kMaxOnSlip) out.push_back(id);
  }
  return out;
}

std::optional<hours::LocalTime> KioskApp::local_time() const {
  const auto date = hours::parse_date(date_);
  return date && time_of_day_ ? std::optional{hours::LocalTime{*date, *time_of_day_}} : std::nullopt;
}

std::vector<std::string> KioskApp::offered_steps() const {
  return hours::workable_steps(*content_, slip_suggestions(), local_time());
}

// "Roep iemand": the screen says what can happen now. Staff are called only while someone is
// at the info point now (not "soon": nobody would see the ticket), and once a visitor.
void KioskApp::call_help() {
  if (session_.current().kind != ScreenKind::CallHelp) push({ScreenKind::CallHelp});
  if (session_.call == Session::Call::Asking || session_.call == Session::Call::Coming) return;
  const auto now = local_time();
  if (!now || !hours::desk_open(*content_, *now)) return;
  session_.call = Session::Call::Asking;
  effects_.emplace_back(effect::CallStaff{*time_of_day_});
}

void KioskApp::toggle_on_slip(const std::string& rule_id, Millis now) {
  if (!content_->find_rule(rule_id)) return;
  auto chosen = slip_suggestions();
  if (auto it = std::find(chosen.begin(), chosen.end(), rule_id); it != chosen.end()) {
    chosen.erase(it);
  } else if (chosen.size() >= kMaxOnSlip) {
    show_notice("slip.full", now);
    return;
  } else {
    chosen.push_back(rule_id);
  }
  for (auto& id : session_.on_slip) overwrite(id);
  session_.on_slip = std::move(chosen);
  session_.slip_chosen = true;
}

void KioskApp::push(Screen screen) {
  if (!subject_fits(screen))
    throw std::logic_error(std::string("a ") + screen_name(screen.kind) + " screen is not about " +
                           describe(screen.subject));
  session_.history.push_back(std::move(screen));
}

void KioskApp::back() {
  const ScreenKind at = session_.current().kind;
  if (at == ScreenKind::PinPad || at == ScreenKind::PinSetup) session_.pin.wipe_digits();
  // Leaving the staff screens ends staff mode: the next person is a visitor again.
  if (at == ScreenKind::Volunteer) return reset();
  if (session_.history.size() > 1) session_.history.pop_back();
  // Back on the volunteer's screen after "Samen invullen": the visitor's answers go.
  if (staff_mode() && session_.current().kind == ScreenKind::Volunteer) session_.wipe_answers();
}

// Home starts afresh for privacy (the next visitor may tap it), but keeps the
// visitor's language and text size: the same person taps Home far more often.
void KioskApp::go_home() {
  if (staff_mode()) return reset();
  end_session();
  session_.pin.wipe_digits();
  session_.wipe_answers();
  session_.call = Session::Call::None;  // a call was this visitor's: the next one may call again
  session_.history.assign(1, Screen{});
}

void KioskApp::offer_languages(std::vector<std::string> codes) {
  offered_languages_ = std::move(codes);
  replace_content(content_);
}

void KioskApp::replace_content(content::Snapshot content) {
  if (!offered_languages_.empty()) {
    auto pack = std::make_shared<content::ContentPack>(*content);
    std::erase_if(pack->languages, [&](const content::Language& l) {
      return std::find(offered_languages_.begin(), offered_languages_.end(), l.code) ==
             offered_languages_.end();
    });
    content = std::move(pack);
  }
  content_ = std::move(content);
  draft_cache_.reset();
  ++revision_;
  const bool still_there =
      std::all_of(session_.history.begin(), session_.history.end(), [&](const Screen& s) {
        if (s.kind == ScreenKind::Page) return content_->find_page(s.about<about::Page>().id) != nullptr;
        if (s.kind == ScreenKind::Question) return s.about<about::Question>().index < question_count();
        if (s.kind == ScreenKind::Why) return content_->find_rule(s.about<about::Suggestion>().id) != nullptr;
        return true;
      });
  if (!still_there) go_home();
  if (!content_->find_language(session_.language)) session_.language = content_->default_language;
}

void KioskApp::end_session() {
  if (!tally_.empty()) effects_.emplace_back(effect::Count{std::exchange(tally_, {})});
}

void KioskApp::reset() {
  end_session();
  session_.wipe(content_->default_language);
  warning_started_.reset();
  settle_until_.reset();
  ++revision_;
}

void KioskApp::tick(Millis now) {
  if (!notice_.empty() && now >= notice_until_) {
    notice_.clear();
    ++revision_;
  }
  if (warning_started_) {
    if (now - *warning_started_ >= idle_.warning_ms) reset();
    return;
  }
  if (session_.pristine(content_->default_language)) return;
  if (now - last_input_ >= idle_.idle_after_ms) {
    warning_started_ = now;
    ++revision_;
    announce("idle.announce");
  }
}

std::optional<Millis> KioskApp::next_deadline(Millis now) const {
  auto deadline = timer_deadline(now);
  if (!notice_.empty() && (!deadline || notice_until_ < *deadline)) deadline = notice_until_;
  // The screen's buttons turn active: draw them so.
  if (settling(now) && (!deadline || *settle_until_ < *deadline)) deadline = settle_until_;
  return deadline;
}

std::optional<Millis> KioskApp::timer_deadline(Millis now) const {
  if (warning_started_) {
    // Wake every second so the countdown on screen stays right.
    const Millis elapsed = now - *warning_started_;
    return *warning_started_ + std::min(idle_.warning_ms, (elapsed / 1000 + 1) * 1000);
  }
  if (session_.pristine(content_->default_language)) return std::nullopt;
  return last_input_ + idle_.idle_after_ms;
}

int KioskApp::idle_seconds_left(Millis now) const {
  if (!warning_started_) return static_cast<int>(idle_.warning_ms / 1000);
  const Millis left = idle_.warning_ms - (now - *warning_started_);
  return static_cast<int>(std::max<Millis>(0, (left + 999) / 1000));
}

Screen KioskApp::visible_screen() const {
  return warning_started_ ? Screen{ScreenKind::IdleWarning} : session_.current();
}

std::optional<std::string> KioskApp::answer(const std::string& question_id) const {
  auto it = session_.answers.find(question_id);
  if (it == session_.answers.end()) return std::nullopt;
  return it->second;
}

void KioskApp::announce(const std::string& key) {
  effects_.emplace_back(effect::Say{content_->text(key, session_.language), session_.language});
}

void KioskApp::show_notice(const std::string& key, Millis now, bool spoken) {
  if (spoken) announce(key);
  notice_ = key;
  notice_until_ = now + kNoticeMs;
  ++revision_;
}

const std::string* KioskApp::notice(Millis now) const {
  return notice_.empty() || now >= notice_until_ ? nullptr : &notice_;
}

const char* effect_name(const Effect& effect) {
  struct Name {
    const char* operator()(const effect::ReadScreen&) const { return "read screen"; }
    const char* operator()(const effect::RepeatSentence&) const { return "repeat sentence"; }
    const char* operator()(const effect::ReadEachScreen&) const { return "read each screen"; }
    const char* operator()(const effect::Say&) const { return "say"; }
    const char* operator()(const effect::Print& p) const { return p.test ? "print test" : "print"; }
    const char* operator()(const effect::CallStaff&) const { return "call staff"; }
    const char* operator()(const effect::CheckPrinter&) const { return "check printer"; }
    const char* operator()(const effect::Count&) const { return "count"; }
    const char* operator()(const effect::Restart&) const { return "restart"; }
  };
  return std::visit(Name{}, effect);
}

}  // namespace app
