#pragma once
// The warm-handover slip as data: what it says, block by block, for the
// suggestions the visitor takes along and the next step they chose. Every
// output (screen, PNG, PDF, receipt printer, speech) is made from these blocks,
// so what is printed is what is shown is what is said. Nothing the visitor
// answered is on it, only the suggestions they chose. Pure: no drawing.
#include <string>
#include <vector>

#include "content/content_pack.hpp"

namespace slip {

enum class Kind {
  Title,    // "Uw volgende stap"
  Date,     // "25 november 2026"
  Step,     // the sentence for the chosen next step
  Heading,  // "Neem mee:"
  Item,     // a suggestion, with its pictogram
  Text,     // a line of text
  Check,    // a checklist item: a box to tick
  Field,    // "Naam medewerker:" with a line to write on
  Qr,       // the QR code (payload in Slip::qr) with its caption
  Closing,  // "Wij hebben niets van u bewaard."
};
[[nodiscard]] const char* kind_name(Kind kind);

struct Block {
  Kind kind = Kind::Text;
  std::string text;                  // may hold **bold**
  std::string pictogram;             // Item only
  bool in_default_language = false;  // in the pack's own language (Dutch): set in its direction
  // Part of the framed block the visitor shows at the counter: for a visitor of another
  // language it holds the sentence to say again in Dutch, for the staff to read.
  bool counter = false;
};

struct Slip {
  std::string lang;
  bool right_to_left = false;
  std::vector<Block> blocks;
  std::string qr;  // what the QR code holds: the place as a vCard (slip/vcard.hpp); empty for none
  std::string place;  // the place's name, on every sheet of a slip shown in parts
};

struct Request {
  std::vector<std::string> suggestions;  // rule ids, in the order shown
  std::string next_step;                 // app::next_steps(): desk, go, call, think (or empty)
  std::string date;                      // YYYY-MM-DD
  std::string lang;
  bool partner = false;  // the visitor lives with a partner: the partner's papers go on "Neem mee"
  // The local time of day on `date`, in minutes (600 = 10.00), for "Nu open tot 16.00 uur";
  // -1: unknown, and the slip gives only the week's hours.
  int minute = -1;
};

// A slip names only what it gives: "call" and "go" without a place that serves them
// (content::contact_serves) become "desk", the info point here.
[[nodiscard]] Slip make_slip(const content::ContentPack& content, const Request& request);

// The ticket "Roep iemand" prints on the desk's printer: "Iemand bij de kiosk wil graag
// hulp." and the time of day (minutes; -1 leaves it out), in the pack's own language for
// the staff. Nothing of the visitor: not their answers, not even their language.
[[nodiscard]] Slip call_ticket(const content::ContentPack& content, int minute);

// The same as a signal's text ([call] signal_uri): the ticket on one line ("Iemand bij de kiosk
// wil graag hulp. 14.32 uur"), then where: the kiosk's name from the settings (may be empty)
// and the library's. Still nothing of the visitor.
[[nodiscard]] std::string call_message(const content::ContentPack& content, int minute,
                                       const std::string& kiosk_name);

// One line per block, as printed (without **marks**): for speech, tests and the print job's text.
[[nodiscard]] std::string plain_text(const Slip& slip);

// The day in the slip's language (text::long_date): "25 november 2026" (nl), "25 Aralık 2026"
// (tr); a date that cannot be read is given as it came.
[[nodiscard]] std::string long_date(const std::string& iso, const std::string& lang);

}  // namespace slip
