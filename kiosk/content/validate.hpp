#pragma once
// Checks a content pack that was read without errors: references between its
// parts, pictograms, translations, dates of amounts, and B1 language of every
// Dutch text a visitor sees.
#include <functional>
#include <map>
#include <string>

#include "content/b1.hpp"
#include "content/content_pack.hpp"
#include "content/diagnostic.hpp"

namespace content {

// The longest word and paragraph (in bytes of UTF-8) a visitor's text may hold.
inline constexpr std::size_t kMaxWordBytes = 100;
inline constexpr std::size_t kMaxParagraphBytes = 2500;

struct ValidateOptions {
  std::string today;  // YYYY-MM-DD, for amounts past their valid_until
  // Whether a pictogram name exists (the text engine knows); unset: not checked.
  std::function<bool(const std::string&)> pictogram_exists;
};

struct PageReadability {
  std::string page;
  B1Stats stats;
};

struct Validation {
  Diagnostics diagnostics;
  std::vector<PageReadability> readability;  // per page, in the default language
};

[[nodiscard]] Validation validate(const ContentPack& pack, const ValidateOptions& options);

}  // namespace content
