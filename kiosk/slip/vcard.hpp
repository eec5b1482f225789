#pragma once
// A place as a vCard 3.0 (RFC 2426), for the slip's QR code: a phone saves it as a
// contact without any server in between. Only the place's own details go in,
// never anything about the visitor. Pure.
#include <string>
#include <vector>

namespace slip {

struct Card {
  std::string name;                // FN and ORG
  std::string address;             // "Stationsplein 1, 1234 AB Voorbeeldstad"
  std::string phone;               // as written: "0800 0543"
  std::string web;                 // "www.toeslagen.nl" or with its scheme
  std::vector<std::string> notes;  // lines of the NOTE: the opening hours in words
};

// BEGIN:VCARD ... END:VCARD with CRLF line ends; empty fields are left out. A Dutch address
// "street, postcode town" is split into ADR's parts; any other shape goes whole into the street.
[[nodiscard]] std::string vcard(const Card& card);

// "www.svb.nl" → "https://www.svb.nl"; a web address with its scheme stays as it is.
[[nodiscard]] std::string web_address(const std::string& web);

}  // namespace slip
