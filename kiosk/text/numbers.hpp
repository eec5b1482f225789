#pragma once
// Amounts of money (and lists) written and read in each language's own way, through ICU
// (CLDR's conventions, not ours): "€ 1.565" in Dutch, "€1,565" in English,
// "€1.565" in Turkish, "1 565 €" in Ukrainian, "1,565 €" in Arabic (with Western
// digits, see docs/ARCHITECTURE.md). Pure: no SDL, no ImGui, no fonts.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace text {

// Whole euros for a language code ("nl", "en", "ar", ...), rounded half up:
// 1564.69 → "€ 1.565" (nl). The spaces ICU puts in are no-break spaces, so an amount
// never breaks over two lines. An unknown language gets ICU's root conventions.
[[nodiscard]] std::string euros(double amount, std::string_view lang);

// An amount as `euros` (or a person, with a plain space) writes it in `lang`:
// "€ 1.565", "€1,565", "1 565 €", "\u200F1,565 €", or with cents ("€ 932,93").
struct WrittenAmount {
  std::string whole;  // digits only: "1565"
  std::string cents;  // "93", or empty
};
[[nodiscard]] std::optional<WrittenAmount> read_euros(std::string_view written, std::string_view lang);

// The amounts a text writes with a euro sign, as written ("€ 1.500", "1 565 €"), each with the
// byte where it starts: for a check that a page writes them in its own language's way.
struct FoundAmount {
  std::size_t at = 0;
  std::string written;
};
[[nodiscard]] std::vector<FoundAmount> find_euros(std::string_view text);

// A list in `lang`'s own way, through ICU's list patterns: "A, B en C" (nl), "A, B, and C"
// (en), "A وB وC" (ar: "and" before each, joined to the word), "A, B ve C" (tr), "A, B і C" (uk).
// An unknown language gets ICU's root pattern ("A, B, C").
[[nodiscard]] std::string list_of(const std::vector<std::string>& items, std::string_view lang);

// A day in `lang`'s own long way, without the weekday, through ICU: "7 december 2026" (nl),
// "7 December 2026" (en, day first as on Dutch letters), "7 ديسمبر 2026" (ar, Western digits),
// "7 Aralık 2026" (tr), "7 грудня 2026 р." (uk). Empty for a day that does not exist.
[[nodiscard]] std::string long_date(int year, int month, int day, std::string_view lang);

}  // namespace text
