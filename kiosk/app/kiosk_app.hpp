#pragma once
// The kiosk's state machine: which screen is shown, the history behind it, the
// visitor's answers and the idle timer. Plain C++: time comes in as milliseconds
// from a monotonic clock (real or virtual), so tests drive it directly.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/effect.hpp"
#include "app/intent.hpp"
#include "app/session.hpp"
#include "content/content_pack.hpp"
#include "content/store.hpp"
#include "editor/editor.hpp"
#include "editor/pack_transfer.hpp"
#include "editor/roll_back.hpp"
#include "hours/opening_hours.hpp"
#include "staff/access.hpp"
#include "staff/device_settings.hpp"

namespace app {

using Millis = std::int64_t;

// Today, as the content's amounts need it (YYYY-MM-DD). The app has no clock of its own.
[[nodiscard]] std::string today_iso();

// What a visitor can choose to do after the result; the slip follows the choice.
// desk: walk to the info point now; go: go to the place later; call: phone them;
// think: think it over first. Their words are the strings next.<id> and slip.step.<id>.
[[nodiscard]] const std::vector<std::string>& next_steps();

// At most this many suggestions go on one slip: it must stay short enough to act on.
inline constexpr std::size_t kMaxOnSlip = 3;

// A new screen of the self-check lets its own buttons act only after this long. Seniors
// often tap twice, about 0.6 s apart: the second tap must not answer a question that
// appeared under the finger and was never read. The frame's buttons (Terug, Begin, ...)
// act at once.
inline constexpr std::int64_t kSettleMs = 1'000;

// Two taps in the same word of a text being edited within this long select the word.
inline constexpr std::int64_t kDoubleTapMs = 500;

struct IdleSettings {
  Millis idle_after_ms = 90'000;  // no input for this long → warning
  Millis warning_ms = 30'000;     // the warning counts down this long (WCAG 2.2.1: ≥ 20 s)
};

class KioskApp {
 public:
  explicit KioskApp(content::Snapshot content, IdleSettings idle = {}, std::string date = today_iso());

  // Any touch or key from the visitor, whether or not it hit a target:
  // it proves someone is there and restarts the idle timer.
  void note_input(Millis now);
  void apply(const Intent& intent, Millis now);
  // Advances timers: shows the idle warning, resets when the countdown ends.
  void tick(Millis now);
  // When tick() must run next to keep the screen right; nullopt = nothing pending.
  [[nodiscard]] std::optional<Millis> next_deadline(Millis now) const;

  // What the visitor sees now (the idle warning overlays the current screen).
  [[nodiscard]] Screen visible_screen() const;
  [[nodiscard]] const Session& session() const { return session_; }
  // The text size of the screen on show: the visitor's; on the PIN pad and the volunteer's screen
  // staff's own (Normal or Large); the editor's screens at the normal size.
  [[nodiscard]] TextSize text_size() const;
  // Speech has said where the frame's buttons are; later readings of this session leave it out.
  // Someone listened, so the session is no longer untouched (it will time out and be counted).
  void note_frame_explained();
  [[nodiscard]] const content::ContentPack& content() const { return *content_; }
  // Publishing: new content takes over at once. A visitor on a page that no
  // longer exists goes Home; answers to questions that changed are wiped.
  void replace_content(content::Snapshot content);
  // Only these languages are offered, now and after every publish (the kiosk's
  // settings file); empty: every language the content has.
  void offer_languages(std::vector<std::string> codes);
  // The visitor's language; on "Voorbeeld", the language of the text being edited.
  [[nodiscard]] const std::string& language() const {
    return session_.current().kind == ScreenKind::Preview ? session_.edit.preview_language : session_.language;
  }
  // Headphones are plugged in (the window or a script says so; app::Action::HeadphonesIn).
  [[nodiscard]] bool headphones() const { return headphones_; }
  // Amounts and the visitor's own words are left out of what is said on the loudspeaker until
  // the visitor agrees (EN 301 549 5.1.3.9). With headphones everything is said; staff hear all.
  [[nodiscard]] bool private_speech() const {
    return !headphones_ && !session_.aloud_agreed && !staff_mode();
  }
  // Speech is about to leave such words out. The first time in a session the visitor is asked
  // instead, and the question is read once drawn: true when it was asked now.
  bool ask_aloud_first();
  [[nodiscard]] bool idle_warning_shown() const { return warning_started_.has_value(); }
  [[nodiscard]] int idle_seconds_left(Millis now) const;
  // True while a self-check screen is new (kSettleMs): its own buttons do not act yet.
  [[nodiscard]] bool settling(Millis now) const { return settle_until_ && now < *settle_until_; }
  // True when this intent would be ignored now because its screen has only just appeared.
  [[nodiscard]] bool too_soon(const Intent& intent, Millis now) const {
    return settling(now) && waits_for_new_screen(intent.action);
  }
  [[nodiscard]] std::optional<std::string> answer(const std::string& question_id) const;
  // The suggestions on the slip: the visitor's choice, or else the first kMaxOnSlip of the result.
  [[nodiscard]] std::vector<std::string> slip_suggestions() const;
  // The next steps offered for them (in next_steps() order), as hours::workable_steps says:
  // "desk" only while someone is at the info point now or soon, "call" only when a place on
  // the slip has a phone number, "go" only when one has an address and opening hours; the
  // slip never asks for what it cannot give. "think" always.
  [[nodiscard]] std::vector<std::string> offered_steps() const;
  // The date and the time of day together; nullopt while the time of day is unknown.
  [[nodiscard]] std::optional<hours::LocalTime> local_time() const;
  [[nodiscard]] int question_count() const { return static_cast<int>(content_->questions.size()); }
  // The date amounts and bands are taken from, and the day counts go to. The window's
  // loop sets it as the days pass; nothing here reads a clock.
  [[nodiscard]] const std::string& date() const { return date_; }
  void set_date(std::string date);
  // The local time of day in minutes (600 = 10.00), set from outside like the date; unset
  // (a script without `clock`) the steps are not limited by the hours.
  [[nodiscard]] std::optional<int> time_of_day() const { return time_of_day_; }
  void set_time_of_day(int minute);
  // Counts state changes, so a view can tell whether it must redraw.
  [[nodiscard]] std::uint64_t revision() const { return revision_; }

  // What the transitions since the last call ask of the world, in order (app/effect.hpp).
  // The runtime carries them out and answers with intents.
  [[nodiscard]] std::vector<Effect> take_effects() { return std::exchange(effects_, {}); }

  // Staff PINs; without them the hidden gesture does nothing. Not owned.
  void set_staff_access(staff::Access* access) { access_ = access; }
  [[nodiscard]] const staff::Access* staff_access() const { return access_; }
  [[nodiscard]] bool staff_mode() const { return session_.staff.has_value(); }
  // The device's content store: drafts, publishing and history for the editor. Not owned.
  void set_store(content::ContentStore* store) { store_ = store; }
  [[nodiscard]] const content::ContentStore* store() const { return store_; }
  // The pack with the editor's drafts laid over it (what the edit screens show).
  [[nodiscard]] content::Snapshot draft_content() const;
  // The words the spelling check accepts in the drafts (names of places and contacts, the
  // pack's own list): made once per change of the drafts, not on every frame.
  [[nodiscard]] const std::set<std::string>& known_words() const;
  // Whether a pictogram exists (the text engine knows): the editor and imports then check
  // content exactly as the kiosk's start does, so what they accept also starts.
  void set_pictogram_check(std::function<bool(const std::string&)> check) {
    pictogram_check_ = std::move(check);
  }
  [[nodiscard]] content::ValidateOptions content_checks() const { return {date_, pictogram_check_}; }
  // The drafts with the field being edited as typed so far: what "Voorbeeld" shows.
  [[nodiscard]] content::Snapshot preview_content() const;
  // Whether the text being edited runs right to left (its language's; the staff screens are Dutch).
  [[nodiscard]] bool edit_right_to_left() const;
  // Settings staff choose for this kiosk (the speech volume). Not owned; may be null.
  void set_device_settings(staff::DeviceSettings* settings) { settings_ = settings; }
  [[nodiscard]] int device_volume() const { return settings_ ? settings_->volume() : 0; }
  // The volume step the voice takes now (speech::settings_for): with headphones the visitor's
  // headphone level; on the loudspeaker the kiosk's own volume with the visitor's choice on top.
  [[nodiscard]] int voice_volume() const {
    return headphones_ ? session_.headphone_volume : device_volume() + session_.speech_volume;
  }
  // How far the visitor turned the volume in use from where it started (Hulp marks "Zachter"
  // below 0 and "Harder" above).
  [[nodiscard]] int volume_change() const {
    return headphones_ ? session_.headphone_volume - Session::kHeadphoneVolumeStart : session_.speech_volume;
  }
  // Moving content on a USB stick: where sticks are found, the kiosk's signing key
  // (made on first export) and the keys of signers whose packs it takes.
  struct StickSettings {
    editor::StickPlaces places;
    std::string key_dir;
    std::string trust_file;
  };
  void set_stick_settings(StickSettings settings) { stick_settings_ = std::move(settings); }
  // What the stick screen shows: the stick found when it was opened, and its packs.
  struct StickView {
    std::optional<std::string> stick;
    std::vector<std::string> packs;
  };
  [[nodiscard]] const StickView& stick_view() const { return stick_view_; }
  [[nodiscard]] const editor::ImportPlan& import_plan() const { return import_plan_; }
  // What "Terugzetten" of the change under review would do.
  [[nodiscard]] const editor::RollBackPlan& roll_back_plan() const { return roll_back_plan_; }
  // What a change in the history did, in words (worked out once per change shown).
  [[nodiscard]] const std::vector<editor::FieldChange>& revision_changes(const content::Revision& revision) const;
  // What "Publiceren" makes live, worked out when its review opened.
  [[nodiscard]] const editor::PublishPlan& publish_plan() const { return publish_plan_; }
  // What the printer last said, for the volunteer screen: a strings.toml key part
  // ("untried", "ready", "paper_low", "printer_not_found_network", ...).
  [[nodiscard]] const std::string& printer_state() const { return printer_state_; }
  // What happened, for the anonymous day counts ("session", "selfcheck_finished",
  // "page:aio", "language:tr", "slip_shown", "slip_topic:aio", "speech"): event
  // names only, never an answer, and only how often: a tally keeps no order. When the
  // session ends (Home, Wis alles, the idle timer, a finished slip) it leaves as a Count effect.
  using Tally = app::Tally;
  void record(const std::string& event) { ++tally_[event]; }
  void reset();

  // A short sentence shown above the nav bar for a while ("Voorlezen werkt nu
  // niet."): a strings.toml key. The next tap or `kNoticeMs` removes it. It is
  // also said aloud, unless `spoken` is false (it is about speech itself).
  void show_notice(const std::string& key, Millis now, bool spoken = true);
  [[nodiscard]] const std::string* notice(Millis now) const;
  static constexpr Millis kNoticeMs = 8'000;

 private:
  void push(Screen screen);
  void back();
  void go_home();
  void act(const Intent& intent, Millis now);
  void answer_current(const std::string& value);
  void tick_question(const std::string& question_id);
  void staff_action(const Intent& intent, Millis now);
  void change_speech(Action action);
  void start_listening();
  void stop_listening();
  void say_sample(const std::string& language);
  void outcome(const Intent& intent, Millis now);
  void choose_pins(const std::string& typed, Millis now);
  void edit_action(const Intent& intent, Millis now);
  void save_field(bool confirmed, Millis now);
  void follow_item(const editor::FieldRef& ref, const content::ContentPack& saved);
  void roll_back(std::int64_t number, Millis now);
  void stick_action(const Intent& intent, Millis now);
  void guard_store(Millis now, const std::function<void()>& step);
  void look_at_stick();
  // Sets (or, with an empty value, removes) an answer; the old value's bytes are overwritten.
  void set_answer(const std::string& question_id, const std::string& value);
  void call_help();
  void toggle_on_slip(const std::string& rule_id, Millis now);
  void announce(const std::string& key);
  [[nodiscard]] std::optional<Millis> timer_deadline(Millis now) const;

  content::Snapshot content_;
  std::string date_;
  std::optional<int> time_of_day_;
  IdleSettings idle_;
  Session session_;
  Millis last_input_ = 0;
  // The last tap in the text being edited: a second one in the same word selects it.
  struct PlacedCursor {
    Millis at = 0;
    std::size_t offset = 0;
  };
  std::optional<PlacedCursor> last_place_;
  std::optional<Millis> warning_started_;
  std::optional<Millis> settle_until_;  // a self-check screen is new until then
  bool headphones_ = false;
  std::vector<Effect> effects_;
  enum class Printing { None, Slip, Test };
  Printing printing_ = Printing::None;  // what the printer was last asked to print
  std::string printer_state_ = "untried";
  std::string notice_;
  Millis notice_until_ = 0;
  void end_session();
  Tally tally_;
  staff::Access* access_ = nullptr;
  content::ContentStore* store_ = nullptr;
  mutable content::Snapshot draft_cache_;  // the pack with the drafts; reset when they change
  mutable content::Snapshot known_words_of_;  // the drafts known_words_ was made from (kept alive)
  mutable std::set<std::string> known_words_;
  mutable content::Snapshot preview_cache_;
  mutable std::string preview_key_;         // the field and text preview_cache_ was made for,
  mutable content::Snapshot preview_base_;  // on these drafts
  std::function<bool(const std::string&)> pictogram_check_;
  staff::DeviceSettings* settings_ = nullptr;
  StickSettings stick_settings_;
  StickView stick_view_;
  editor::ImportPlan import_plan_;
  editor::RollBackPlan roll_back_plan_;
  editor::PublishPlan publish_plan_;
  mutable std::map<std::int64_t, std::vector<editor::FieldChange>> revision_changes_;
  std::uint64_t revision_ = 0;
  std::vector<std::string> offered_languages_;
};

}  // namespace app
