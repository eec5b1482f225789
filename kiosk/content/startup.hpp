#pragma once
// Which content the kiosk starts with. Bad state never reaches a visitor: a
// broken shipped pack is not imported, broken live files fall back to the last
// good ones, and with nothing good the kiosk shows a calm "not available" page.
#include <functional>
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "content/store.hpp"
#include "content/validate.hpp"

namespace content {

// Where the content shown comes from, in the order tried: the store's files, the last files
// that were good, the copy of the store kept aside, the pack the kiosk came with (when none
// of those passes the checks of this version, or the store cannot be read), or nothing (the
// calm "not available" page).
enum class ContentSource { Live, LastGood, KeptCopy, Shipped, Unavailable };

struct StartupContent {
  ContentPack pack;
  ContentSource source = ContentSource::Unavailable;
  std::vector<std::string> notes;  // for the volunteer screen and the log (never visitor data)
};

// With a store: imports `bundled_dir` when its version is new and valid, then starts
// from the store. Without one (`store` null): starts from `bundled_dir` directly.
// A store found damaged by a read here is recovered once (ContentStore::recover); no
// error of the store's leaves this function, and what it did is in the notes.
[[nodiscard]] StartupContent open_content(ContentStore* store, const std::string& bundled_dir,
                                          const ValidateOptions& options);

// The calm page shown when no usable content exists.
[[nodiscard]] ContentPack unavailable_pack();

// Reads and validates; nullopt when there is any error (then `problems` says why).
[[nodiscard]] std::optional<ContentPack> usable_pack(const PackFiles& files, const std::string& root,
                                                     const ValidateOptions& options, Diagnostics& problems);

}  // namespace content
