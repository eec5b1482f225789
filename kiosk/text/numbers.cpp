#include "text/numbers.hpp"

#include <unicode/datefmt.h>
#include <unicode/dcfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>

namespace text {
namespace {

// Every language gets Western digits, said explicitly rather than left to CLDR's
// default, which for Arabic is Arabic-Indic (٠١٢): letters from the Belastingdienst,
// the SVB and the bank, and the staff at a Dutch desk who read the slip, all use 0-9,
// so a visitor can match the amount on screen with the one on paper.
std::string locale_id(std::string_view lang) {
  return std::string(lang) + "@numbers=latn";
}

// ICU's objects for one language, made once: building a formatter loads locale data.
struct Conventions {
  icu::number::LocalizedNumberFormatter money;
  std::string grouping;  // "." (nl), "," (en), "\u00A0" (uk)
  std::string decimal;   // "," (nl), "." (en)
};

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

const Conventions& conventions(std::string_view lang) {
  static std::mutex mutex;
  static std::map<std::string, Conventions, std::less<>> made;
  const std::lock_guard lock(mutex);
  if (const auto it = made.find(lang); it != made.end()) return it->second;
  const icu::Locale locale(locale_id(lang).c_str());
  UErrorCode status = U_ZERO_ERROR;
  const icu::DecimalFormatSymbols symbols(locale, status);
  UErrorCode currency_status = U_ZERO_ERROR;
  Conventions c{
      icu::number::NumberFormatter::withLocale(locale)
          .unit(icu::CurrencyUnit(u"EUR", currency_status))
          // "€", not "EUR" (the Ukrainian default): the sign on every Dutch price tag.
          .unitWidth(UNUM_UNIT_WIDTH_NARROW)
          .precision(icu::number::Precision::integer())
          .roundingMode(UNUM_ROUND_HALFUP),
      U_SUCCESS(status) ? utf8(symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol)) : ".",
      U_SUCCESS(status) ? utf8(symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol)) : ","};
  return made.emplace(std::string(lang), std::move(c)).first->second;
}

constexpr std::string_view kEuro = "\u20AC";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The spaces that may stand between the sign and the number, or in a number.
std::size_t space_at(std::string_view text, std::size_t at) {
  for (const std::string_view space : {" ", "\u00A0", "\u202F"})
    if (text.substr(at, space.size()) == space) return space.size();
  return 0;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string euros(double amount, std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  const auto formatted = conventions(lang).money.formatDouble(amount, status);
  std::string out = utf8(formatted.toString(status));
  // Without ICU's data nothing is localised; the plain amount is still true.
  if (U_FAILURE(status)) return "\u20AC " + std::to_string(std::lround(amount));
  return out;
}

std::optional<WrittenAmount> read_euros(std::string_view written, std::string_view lang) {
  // The marks ICU puts before an Arabic amount to keep its direction.
  for (const std::string_view mark : {"\u200F", "\u200E", "\u061C"})
    while (starts_with(written, mark)) written.remove_prefix(mark.size());
  if (starts_with(written, kEuro)) {
    written.remove_prefix(kEuro.size());
    written.remove_prefix(space_at(written, 0));
  } else if (ends_with(written, kEuro)) {
    written.remove_suffix(kEuro.size());
    for (const std::string_view space : {" ", "\u00A0", "\u202F"})
      if (ends_with(written, space)) written.remove_suffix(space.size());
  } else {
    return std::nullopt;
  }
  const Conventions& c = conventions(lang);
  // A grouping space (uk) may be typed as any space.
  const bool space_groups = space_at(c.grouping, 0) == c.grouping.size();
  WrittenAmount out;
  std::size_t group = 0, at = 0;
  bool grouped = false;
  while (at < written.size()) {
    if (is_digit(written[at])) {
      out.whole += written[at++];
      ++group;
      continue;
    }
    const std::size_t separator = space_groups                                  ? space_at(written, at)
                                  : starts_with(written.substr(at), c.grouping) ? c.grouping.size()
                                                                                : 0;
    if (separator == 0 || group == 0 || group > 3 || (grouped && group != 3)) break;
    grouped = true;
    group = 0;
    at += separator;
  }
  if (out.whole.empty() || (grouped && group != 3)) return std::nullopt;
  if (at == written.size()) return out;
  // Cents: the decimal sign and two digits, nothing after.
  const std::string_view rest = written.substr(at);
  if (!starts_with(rest, c.decimal) || rest.size() != c.decimal.size() + 2 ||
      !is_digit(rest[c.decimal.size()]) || !is_digit(rest[c.decimal.size() + 1]))
    return std::nullopt;
  out.cents = std::string(rest.substr(c.decimal.size()));
  return out;
}

std::vector<FoundAmount> find_euros(std::string_view text) {
  // Between digits: the separators our languages use (a plain space is not one: "2026 22 €").
  auto separator_at = [&](std::size_t at) -> std::size_t {
    if (text[at] == '.' || text[at] == ',') return 1;
    return text[at] == ' ' ? 0 : space_at(text, at);
  };
  std::vector<FoundAmount> out;
  for (std::size_t sign = text.find(kEuro); sign != std::string_view::npos;
       sign = text.find(kEuro, sign + kEuro.size())) {
    const std::size_t after = sign + kEuro.size();
    // The sign before the number ("€ 1.500").
    std::size_t end = after + space_at(text, after);
    if (end < text.size() && is_digit(text[end])) {
      while (end < text.size()) {
        const std::size_t step = is_digit(text[end]) ? 1 : separator_at(end);
        if (step == 0 || (!is_digit(text[end]) && (end + step >= text.size() || !is_digit(text[end + step]))))
          break;
        end += step;
      }
      out.push_back({sign, std::string(text.substr(sign, end - sign))});
      continue;
    }
    // The sign after the number ("1 565 €"): back over the space and the number.
    std::size_t start = sign;
    for (const std::string_view space : {" ", "\u00A0", "\u202F"})
      if (start >= space.size() && text.substr(start - space.size(), space.size()) == space) {
        start -= space.size();
        break;
      }
    if (start == 0 || !is_digit(text[start - 1])) continue;
    while (start > 0) {
      if (is_digit(text[start - 1])) {
        --start;
        continue;
      }
      // A separator ends at start - 1; it counts with a digit before it.
      std::size_t step = 0;
      for (const std::size_t size : {1, 2, 3})
        if (start >= size + 1 && separator_at(start - size) == size && is_digit(text[start - size - 1]))
          step = size;
      if (step == 0) break;
      start -= step;
    }
    out.push_back({start, std::string(text.substr(start, after - start))});
  }
  return out;
}

std::string list_of(const std::vector<std::string>& items, std::string_view lang) {
  if (items.size() < 2) return items.empty() ? std::string() : items.front();
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<icu::ListFormatter>, std::less<>> made;
  const std::lock_guard lock(mutex);
  auto it = made.find(lang);
  if (it == made.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> formatter(icu::ListFormatter::createInstance(
        icu::Locale(locale_id(lang).c_str()), ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, status));
    if (U_FAILURE(status)) formatter.reset();
    it = made.emplace(std::string(lang), std::move(formatter)).first;
  }
  std::vector<icu::UnicodeString> parts;
  for (const auto& item : items) parts.push_back(icu::UnicodeString::fromUTF8(item));
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  if (it->second) it->second->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  if (!it->second || U_FAILURE(status)) {  // no list data at all: commas, as ICU's root writes it
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
  }
  return utf8(out);
}

std::string long_date(int year, int month, int day, std::string_view lang) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<icu::DateFormat>, std::less<>> made;
  const std::lock_guard lock(mutex);  // a DateFormat is not safe to share between threads
  auto it = made.find(lang);
  if (it == made.end()) {
    // English visitors here read Dutch letters: the day first ("7 December 2026"), as en_GB.
    const std::string locale = lang == "en" ? "en_GB@numbers=latn" : locale_id(lang);
    std::unique_ptr<icu::DateFormat> formatter(
        icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(locale.c_str())));
    // The day is a calendar day, not an instant: read and written in one zone, so none shifts it.
    if (formatter) formatter->setTimeZone(*icu::TimeZone::getGMT());
    it = made.emplace(std::string(lang), std::move(formatter)).first;
  }
  if (!it->second) return {};
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
  calendar.setLenient(false);  // 31 February is refused, not moved into March
  calendar.clear();
  calendar.set(year, month - 1, day);
  const UDate date = calendar.getTime(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString out;
  it->second->format(date, out);
  return utf8(out);
}

}  // namespace text
