#pragma once
// What a visitor asked for by tapping a widget. The UI turns taps into intents;
// the app turns intents into transitions. Keeps app/ free of any drawing code.
#include <string>
#include <utility>

namespace app {

enum class Action {
  Back,
  Home,
  NextTextSize,        // normal, large, larger, and round again; says the new size
  ToggleHighContrast,  // light text on black; says whether it is on
  ToggleListening,     // listening mode (keypad *); arg "on": only switches it on (holding "Lees voor" 3 s)
  AllowAloud,          // arg "yes" or "no": may amounts and answers be said on the loudspeaker
  AskAloud,            // on Hulp, on the loudspeaker: the question again, or quiet again
  OpenHelp,
  OpenLanguages,
  SetLanguage,     // arg: language code
  OpenPage,        // arg: page id
  StartCheck,      // the intro screen of the self-check
  BeginQuestions,  // from the intro to the first question
  Answer,          // arg: answer value; for questions asked together "done" or "skip"
  Tick,            // arg: question id; ticks or unticks one of the questions asked together
  ShowWhy,         // arg: suggestion id
  MoreResults,     // the next page of result cards
  MorePage,        // the next part of a long information page
  ToggleOnSlip,    // arg: suggestion id; on or off the slip
  ChooseNextStep,  // from the result to "Wat wilt u nu doen?"
  TakeStep,        // arg: next step id (see next_steps()); shows the slip for it
  PrintSlip,       // the printer module does this
  FinishSlip,
  StillHere,
  ClearAll,
  Speak,         // "Lees voor": read the screen, or stop (handled with the speech module)
  RepeatSpeech,  // "Herhaal": the last sentence again
  SpeechSlower,  // rate and volume: the visitor's choice, back to normal at reset
  SpeechFaster,
  SpeechSofter,
  SpeechLouder,
  ToggleReadAloud,  // "Voorlezen aan": every new screen is read
  OpenStaff,        // the hidden gesture: hold the library's name 5 s (or Ctrl+Alt+P)
  PinDigit,         // arg: "0".."9"
  PinErase,
  PinEnter,
  LeaveStaff,  // "Klaar": back to the visitor's Home, staff mode ends
  CallHelp,    // "Roep iemand": who can help now, or when; calls staff where the kiosk can
  TestPrint,   // the printer module does this
  SoundTest,   // the speech module does this
  Restart,     // the kiosk ends; its service manager starts it again
  VolumeDown,  // the kiosk's own volume, kept on the device (the visitor's choice goes on top)
  VolumeUp,
  OpenEditor,     // editors only
  EditorSection,  // arg: a section of the list (editor::sections())
  OpenItem,       // arg: "KIND:ID", the form of one page, contact, amount, question, rule or topic
  EditField,      // arg: field key ("contact:ido:note:nl", "parameter:ID@FROM:value")
  ChooseOption,   // arg: the value chosen for a field with fixed values (a contact, "rent=yes")
  Preview,        // "Voorbeeld": the changed text as a visitor sees it, before saving
  TypeKey,        // arg: the character typed (UTF-8); on-screen or plugged-in keyboard
  EraseKey,       // "Wis": the selection, or the character before the cursor
  DeleteKey,      // the Delete key: the selection, or the character after the cursor
  ShiftKey,
  MoveCursor,      // arg: "back", "forward", "word_back", "word_forward", "start", "end" (text order), "at:N"
  PlaceCursor,     // arg: a byte offset in the text; a second one in the same word soon after selects it
  SwitchKeyboard,  // the next on-screen layout (editor::keyboard_layouts())
  SaveField,       // checks, then keeps the change as a draft
  AddWord,         // "Woord toevoegen": arg: a word the spelling check marked; joins the pack's list
  ConfirmSave,     // "Toch opslaan": the change alters what personas get
  CancelField,
  ReviewPublish,   // "Publiceren": shows what goes live, before anything does
  Publish,         // every draft live at once (after the review)
  OpenHistory,     // arg: a pack file for one item's history, or empty for all
  ReviewRollBack,  // arg: revision number; shows what "Terugzetten" would change
  RollBack,        // arg: revision number; puts it back after the review (and "Toch terugzetten")
  OpenStick,       // content to or from a USB stick
  ExportPack,      // the whole content onto the stick, signed with the kiosk's key
  ReviewPack,      // arg: a pack's file name on the stick; shows what it would change
  ApplyPack,       // takes the reviewed pack; arg "older" for a pack older than the live content

  // Not from a button: what came of an effect (app/effect.hpp), told by the runtime.
  SpeechUnavailable,  // there is no sound (no audio device, or speech switched off)
  SpeechFallback,     // no voice for the visitor's language: Dutch was spoken
  PrintFinished,      // arg: the printer's state after a print that printed ("ready", "paper_low")
  PrintFailed,        // arg: the printer's state after a print that failed ("paper_out", ...)
  PrinterAnswered,    // arg: the printer's state when asked, with nothing printed
  // Told by the window (the jack's sense line, a USB headset) or a script: not a button.
  HeadphonesIn,   // switches listening mode on; everything may be said
  HeadphonesOut,  // speech is on the loudspeaker again
  CallSent,       // the call ticket came out at the desk
  CallFailed,     // no call ticket: no such printer, or it failed
};

// Whether an action is one of a self-check screen's own buttons, which act only once
// the screen has shown for kSettleMs (kiosk_app.hpp); the frame's buttons act at once.
[[nodiscard]] bool waits_for_new_screen(Action action);
// Whether an action is a key of the editor's keyboard or a tap in its text: every tap on
// these counts, however quick (a double tap selects a word, a quick "Wis Wis" erases two).
// The double-tap guard stays for every other button, and all of a visitor's.
[[nodiscard]] bool is_typing(Action action);

struct Intent {
  Intent() = default;
  Intent(Action action_, std::string arg_ = {}) : action(action_), arg(std::move(arg_)) {}

  Action action = Action::Home;
  std::string arg;
  bool operator==(const Intent&) const = default;
};

}  // namespace app
