// libFuzzer target: what comes back from a printer. The first byte is the status
// query a reply answers (DLE EOT 1, 2 or 4), the second the reply byte; the rest
// is read as ESC/POS raster bytes, as the fake printer in the tests reads them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "slip/escpos.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const int query = slip::kStatusQueries[data[0] % 3];
  const slip::Fault fault = slip::parse_status(query, data[1]);
  if (std::string(slip::fault_name(fault)).empty()) __builtin_trap();
  std::string error;
  const auto image =
      slip::decode_escpos(std::string(reinterpret_cast<const char*>(data + 2), size - 2), &error);
  if (!image && error.empty()) __builtin_trap();  // a refusal always says why
  return 0;
}
