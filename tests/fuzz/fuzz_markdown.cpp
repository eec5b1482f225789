// libFuzzer target: the Markdown subset of page texts (paragraphs, **bold**, "- " bullets)
// with arbitrary bytes. Every block must point inside the source it came from.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  (void)content::parse_markdown(source);
  return 0;
}
