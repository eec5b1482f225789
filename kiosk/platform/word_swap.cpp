#include "platform/word_swap.hpp"

#include "editor/editor.hpp"

namespace platform {
namespace {

input::Point centre(const ui::Rect& r) {
  return {r.x + r.w / 2, r.y + r.h / 2};
}

const ui::CaretStop* stop_at(const ui::Widget& field, std::size_t offset) {
  for (const auto& stop : field.carets)
    if (stop.offset == offset) return &stop;
  return nullptr;
}

// The key that types `c` on the layout shown.
const ui::Widget* key_for(HeadlessDriver& driver, const std::string& c) {
  for (const auto& w : driver.shell().widgets().all())
    if (w.intent && w.intent->action == app::Action::TypeKey && w.intent->arg == c) return &w;
  return nullptr;
}

}  // namespace

std::string open_field_as_editor(HeadlessDriver& driver, const std::string& pin, const std::string& field) {
  if (!driver.hold("frame.staff", 5'000)) return "no library name to hold";
  driver.advance(600);
  for (const char digit : pin) {
    if (!driver.tap(std::string("pin.") + digit)) return "no PIN pad";
    driver.advance(600);
  }
  if (!driver.tap("pin.enter")) return "no PIN pad";
  driver.advance(600);
  if (!driver.tap("staff.open_editor")) return "the PIN did not let an editor in";
  driver.advance(600);
  const auto ref = editor::parse_field(field);
  if (!ref) return "no such field: " + field;
  driver.apply({app::Action::OpenItem, ref->kind + ":" + ref->id});
  driver.apply({app::Action::EditField, field});
  if (driver.app().visible_screen().kind != app::ScreenKind::EditField) return "the field did not open";
  return {};
}

std::size_t SwapCase::offset_in(const std::string& text) const {
  const auto found = text.find(sentence);
  return found == std::string::npos ? found : found + sentence.size() - word.size();
}

const std::vector<SwapCase>& aow_swap_cases() {
  static const std::vector<SwapCase> cases = {
      {"nl", "Volle AOW in 2026: ongeveer", "ongeveer", "zo'n"},
      {"tr", "belki %2 eksik", "eksik", "d\u00FC\u015F\u00FCk"},  // düşük
      {"uk", "2026 \u0440\u043E\u0446\u0456: \u043F\u0440\u0438\u0431\u043B\u0438\u0437\u043D\u043E",
       "\u043F\u0440\u0438\u0431\u043B\u0438\u0437\u043D\u043E",                        // приблизно
       "\u0431\u043B\u0438\u0437\u044C\u043A\u043E"},                                   // близько
      {"ar", "2026: \u062D\u0648\u0627\u0644\u064A", "\u062D\u0648\u0627\u0644\u064A",  // حوالي
       "\u0646\u062D\u0648"},                                                           // نحو
  };
  return cases;
}

std::string type_by_taps(HeadlessDriver& driver, const std::string& text, app::Millis pace, int& taps) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 1;  // one UTF-8 character
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    const std::string c = text.substr(i, n);
    i += n;
    const ui::Widget* key = key_for(driver, c);
    if (const ui::Widget* shift = driver.shell().widgets().find("key.shift"); !key && shift) {
      driver.tap_at(centre(shift->rect));
      ++taps;
      driver.advance(pace);
      key = key_for(driver, c);
    }
    if (!key) return "no key types '" + c + "'";
    driver.tap_at(centre(key->rect));
    ++taps;
    driver.advance(pace);
  }
  return {};
}

WordSwap swap_word_by_taps(HeadlessDriver& driver, std::size_t at, const std::string& replacement) {
  WordSwap out;
  const auto& field = driver.app().session().edit.text;
  auto tap = [&](input::Point p) {
    driver.tap_at(p);
    ++out.taps;
  };
  const auto [begin, end] = field.word_at(at);
  if (begin != at || begin == end) {
    out.problem = "no word starts at byte " + std::to_string(at);
    return out;
  }
  // Page towards the word until its first and last letters both show.
  const ui::CaretStop *first = nullptr, *last = nullptr;
  for (int page = 0;; ++page) {
    const ui::Widget* box = driver.shell().widgets().find("staff.edit.text");
    if (!box) {
      out.problem = "no text field on screen";
      return out;
    }
    first = stop_at(*box, begin);
    last = stop_at(*box, end);
    if (first && last && first->y == last->y) break;
    const ui::Widget* key =
        driver.shell().widgets().find(begin < field.cursor() ? "key.page_up" : "key.page_down");
    if (!key || page == 20) {
      out.problem = "the word never showed";
      return out;
    }
    tap(centre(key->rect));
    driver.advance(400);
  }
  // Twice quickly, in the middle of the word: a shaky finger's double tap.
  const input::Point middle{(first->x + last->x) / 2, first->y + first->h / 2};
  tap(middle);
  driver.advance(150);
  tap(middle);
  driver.advance(400);
  if (field.selection() != std::pair{begin, end}) {
    out.problem = "the double tap did not select the word";
    return out;
  }
  out.problem = type_by_taps(driver, replacement, 300, out.taps);
  if (!out.problem.empty()) return out;
  out.text = field.text();
  return out;
}

}  // namespace platform
