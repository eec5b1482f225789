#include "slip/vcard.hpp"

#include <cctype>

namespace slip {
namespace {

// RFC 2426 5.8.4: a backslash, comma, semicolon and line end in a text value are escaped.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ',' || c == ';') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

bool dutch_postcode(const std::string& text) {
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  auto letter = [&](std::size_t i) { return std::isupper(static_cast<unsigned char>(text[i])) != 0; };
  return text.size() > 8 && digit(0) && digit(1) && digit(2) && digit(3) && text[4] == ' ' && letter(5) &&
         letter(6) && text[7] == ' ';
}

// ADR: post office box; extended; street; locality; region; postal code; country.
std::string adr(const std::string& address) {
  const auto comma = address.rfind(", ");
  if (comma != std::string::npos && dutch_postcode(address.substr(comma + 2))) {
    const std::string place = address.substr(comma + 2);
    return ";;" + escaped(address.substr(0, comma)) + ";" + escaped(place.substr(8)) + ";;" +
           escaped(place.substr(0, 7)) + ";";
  }
  return ";;" + escaped(address) + ";;;;";
}

}  // namespace

std::string web_address(const std::string& web) {
  return web.rfind("http", 0) == 0 ? web : "https://" + web;
}

std::string vcard(const Card& card) {
  std::string out = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
  auto line = [&](const std::string& property, const std::string& value) {
    if (!value.empty()) out += property + ":" + value + "\r\n";
  };
  // A place, not a person: N (required by RFC 2426) stays empty, as business cards do, and
  // phones show FN or ORG. No TYPE parameters: every byte makes the code denser.
  line("N", ";;;;");
  line("FN", escaped(card.name));
  line("ORG", escaped(card.name));
  if (!card.address.empty()) line("ADR", adr(card.address));
  line("TEL", card.phone);
  if (!card.web.empty()) line("URL", web_address(card.web));
  std::string note;
  for (const auto& text : card.notes) note += (note.empty() ? "" : "\n") + text;
  line("NOTE", escaped(note));
  return out + "END:VCARD\r\n";
}

}  // namespace slip
