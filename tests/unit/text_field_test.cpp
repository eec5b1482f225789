// The editor's text field as pure logic: cursor, selection, whole characters and words
// in Dutch, Turkish, Ukrainian and Arabic; and the on-screen keyboards as data.
#include "editor/text_field.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "editor/keyboards.hpp"

using editor::TextField;
using Move = editor::TextField::Move;

TEST_CASE("typing and erasing whole characters at the end", "[editor][textfield]") {
  TextField field("caf");
  field.insert("\u00E9");
  CHECK(field.text() == "caf\u00E9");
  field.backspace();
  CHECK(field.text() == "caf");
  field.insert("\u20AC");
  field.backspace();
  CHECK(field.text() == "caf");
  TextField empty;
  empty.backspace();
  empty.erase_forward();
  CHECK(empty.text().empty());
  CHECK(empty.cursor() == 0);
}

TEST_CASE("the cursor moves by letter and types in the middle", "[editor][textfield]") {
  TextField field("U krijgt geld.");
  CHECK(field.cursor() == field.text().size());  // opened: at the end, as before
  field.move(Move::Start);
  field.move(Move::Forward);
  field.move(Move::Forward);
  field.insert("n");
  CHECK(field.text() == "U nkrijgt geld.");
  field.backspace();
  field.move(Move::End);
  field.move(Move::Back);
  field.erase_forward();  // the full stop
  CHECK(field.text() == "U krijgt geld");
  field.move(Move::Forward);  // at the end: stays
  CHECK(field.cursor() == field.text().size());
}

TEST_CASE("Turkish dotted and dotless i are whole letters, also as i + combining dot",
          "[editor][textfield]") {
  TextField field("\u0130stanbul'da ı");  // İstanbul'da ı
  field.move(Move::Start);
  field.move(Move::Forward);
  CHECK(field.cursor() == 2);  // İ is two bytes
  field.move(Move::End);
  field.backspace();
  CHECK(field.text() == "\u0130stanbul'da ");
  // "İ" written as I + U+0307: one letter for the cursor and for Wis.
  TextField decomposed("I\u0307s");
  decomposed.move(Move::Start);
  decomposed.move(Move::Forward);
  CHECK(decomposed.cursor() == 3);
  decomposed.backspace();
  CHECK(decomposed.text() == "s");
  // An apostrophe inside a word keeps it one word (ICU's rules).
  CHECK(field.word_at(3) == std::pair<std::size_t, std::size_t>{0, 12});
}

TEST_CASE("Cyrillic words are selected and replaced whole", "[editor][textfield]") {
  const std::string text =
      "\u0412\u0438 \u043C\u043E\u0436\u0435\u0442\u0435 \u043E\u0442\u0440\u0438\u043C\u0430\u0442\u0438";
  TextField field(text);  // "Ви можете отримати"
  const std::size_t inside = text.find("\u0436");
  REQUIRE(field.select_word(inside));
  CHECK(field.selection() == std::pair<std::size_t, std::size_t>{5, 5 + 12});
  field.insert("\u043C\u0430\u0454\u0442\u0435");  // маєте
  CHECK(field.text() ==
        "\u0412\u0438 \u043C\u0430\u0454\u0442\u0435 \u043E\u0442\u0440\u0438\u043C\u0430\u0442\u0438");
  CHECK_FALSE(field.has_selection());
  CHECK(field.cursor() == 5 + 10);
}

TEST_CASE("Arabic letters with a vowel mark go as one, and words move in text order", "[editor][textfield]") {
  // "مَرحبا بكم" with a fatha on the first letter.
  const std::string text = "\u0645\u064E\u0631\u062D\u0628\u0627 \u0628\u0643\u0645";
  TextField field(text);
  field.move(Move::Start);
  field.move(Move::Forward);
  CHECK(field.cursor() == 4);  // the letter and its mark
  field.place(3);              // inside the mark: back to the letter
  CHECK(field.cursor() == 0);
  field.place(2);  // between the letter and its mark
  CHECK(field.cursor() == 0);
  field.move(Move::WordForward);
  CHECK(field.cursor() == text.find(' '));
  field.move(Move::WordForward);
  CHECK(field.cursor() == text.size());
  field.move(Move::WordBack);
  CHECK(field.cursor() == text.find(' ') + 1);
  field.move(Move::Start);
  field.erase_forward();
  CHECK(field.text() == text.substr(4));
}

TEST_CASE("word moves stop at word starts and ends, not at punctuation", "[editor][textfield]") {
  TextField field("Bel ons: 088 - 123.");
  field.move(Move::Start);
  field.move(Move::WordForward);
  CHECK(field.cursor() == 3);  // after "Bel"
  field.move(Move::WordForward);
  CHECK(field.cursor() == 7);  // after "ons", before ':'
  field.move(Move::WordForward);
  CHECK(field.cursor() == 12);  // after "088"
  field.move(Move::WordBack);
  CHECK(field.cursor() == 9);
  field.move(Move::WordBack);
  CHECK(field.cursor() == 4);
  field.move(Move::WordBack);
  field.move(Move::WordBack);  // at the start: stays
  CHECK(field.cursor() == 0);
}

TEST_CASE("a selection is erased by Wis or Delete and replaced by typing", "[editor][textfield]") {
  TextField field("Dit is een zin.");
  REQUIRE(field.select_word(8));  // "een"
  CHECK(field.selection() == std::pair<std::size_t, std::size_t>{7, 10});
  field.backspace();
  CHECK(field.text() == "Dit is  zin.");
  CHECK(field.cursor() == 7);
  REQUIRE(field.select_word(3));  // just after "Dit": that word
  field.erase_forward();
  CHECK(field.text() == " is  zin.");
  CHECK_FALSE(field.select_word(0));  // a space: no word, the cursor goes there
  CHECK(field.cursor() == 0);
  REQUIRE(field.select_word(6));
  field.move(Move::Back);  // a selection collapses to its start
  CHECK(field.cursor() == 5);
  CHECK_FALSE(field.has_selection());
}

TEST_CASE("bad input never breaks the field", "[editor][textfield]") {
  TextField field(std::string("ab\xFF\xC3", 4));
  CHECK(field.text() == "ab\uFFFD\uFFFD");
  field.place(1'000'000);
  CHECK(field.cursor() == field.text().size());
  field.insert(std::string("\xE2\x82", 2));  // a character cut short
  CHECK(field.text() == "ab\uFFFD\uFFFD\uFFFD\uFFFD");
  field.place(3);  // inside U+FFFD: snapped back
  CHECK(field.cursor() == 2);
  CHECK(field.word_at(99) == std::pair<std::size_t, std::size_t>{field.text().size(), field.text().size()});
  field.wipe();
  CHECK(field.text().empty());
  CHECK(field.cursor() == 0);
}

TEST_CASE("every language of the pack has a keyboard with its letters and B1 punctuation",
          "[editor][textfield][keyboard]") {
  auto has = [](const editor::KeyboardLayout& k, const std::string& key, bool shifted = false) {
    for (const auto& row : shifted ? k.shifted : k.rows)
      for (const auto& c : row)
        if (c == key) return true;
    return false;
  };
  for (const char* lang : {"nl", "tr", "uk", "ar"})
    CHECK(editor::keyboard(editor::keyboard_for_language(lang)).name == lang);
  CHECK(editor::keyboard_for_language("en") == "nl");
  const auto& nl = editor::keyboard("nl");
  for (const char* c : {"?", "!", "'", "*", ",", ".", ":", ";", "-", "(", ")", "\u20AC", "@", "/", "0", "9"})
    CHECK(has(nl, c));
  const auto& tr = editor::keyboard("tr");
  for (const char* c : {"\u00E7", "\u011F", "\u0131", "i", "\u00F6", "\u015F", "\u00FC"}) CHECK(has(tr, c));
  CHECK(has(tr, "\u0130", true));  // İ
  CHECK(has(tr, "I", true));
  CHECK(has(editor::keyboard("uk"), "\u0457"));  // ї
  CHECK(has(editor::keyboard("uk"), "\u0491"));  // ґ
  const auto& ar = editor::keyboard("ar");
  CHECK(ar.right_to_left);
  CHECK_FALSE(ar.has_case());
  CHECK(has(ar, "\u0628"));
  CHECK(has(ar, "\u061F"));  // ؟
  // The rows and their shifted forms line up key for key, and no row is wider than 12 keys.
  std::set<std::string> names;
  for (const auto& k : editor::keyboard_layouts()) {
    names.insert(editor::next_keyboard(k.name));
    REQUIRE(k.rows.size() == k.shifted.size());
    for (std::size_t r = 0; r < k.rows.size(); ++r) {
      CHECK(k.rows[r].size() == k.shifted[r].size());
      CHECK(k.rows[r].size() <= 12);
    }
  }
  CHECK(names.size() == editor::keyboard_layouts().size());  // the switch key reaches every layout
}
