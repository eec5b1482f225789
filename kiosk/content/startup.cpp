#include "content/startup.hpp"

#include "content/pack_reader.hpp"

namespace content {

std::optional<ContentPack> usable_pack(const PackFiles& files, const std::string& root,
                                       const ValidateOptions& options, Diagnostics& problems) {
  auto read = read_pack(files, root);
  problems.insert(problems.end(), read.diagnostics.begin(), read.diagnostics.end());
  if (!read.pack) return std::nullopt;
  const auto checked = validate(*read.pack, options);
  problems.insert(problems.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  if (has_errors(problems)) return std::nullopt;
  return std::move(read.pack);
}

namespace {

std::string first_error(const Diagnostics& problems) {
  for (const auto& problem : problems)
    if (problem.severity == Severity::Error) return problem.format();
  return "unknown problem";
}

// Marking the files good is worth a try, not a refusal to start: a disk that cannot take it
// only means the next start has an older fall-back.
void remember_good(ContentStore& store, const PackFiles& files, std::vector<std::string>& notes) {
  try {
    store.mark_good(files);
  } catch (const StoreError& e) {
    notes.push_back(std::string("The content could not be marked as good: ") + e.what());
  }
}

}  // namespace

ContentPack unavailable_pack() {
  ContentPack pack;
  pack.version = "unavailable";
  pack.languages = {{"nl", "Nederlands", false}};
  pack.location.name = "Informatiepunt";
  const std::map<std::string, std::string> dutch = {
      {"nav.back", "Terug"},
      {"nav.home", "Begin"},
      {"nav.speak", "Lees voor"},
      {"nav.bigger", "Tekst groter"},
      {"nav.biggest", "Nog groter"},
      {"nav.smaller", "Tekst kleiner"},
      {"size.now.normal", "De tekst is weer normaal."},
      {"size.now.large", "De tekst is nu groot."},
      {"size.now.larger", "De tekst is nu extra groot."},
      {"nav.help", "Hulp"},
      {"nav.language", "Taal"},
      {"nav.clear", "Wis alles"},
      {"home.title",
       "Dit informatiepunt is even niet beschikbaar. Loop gerust naar de balie. Daar helpen "
       "wij u graag."},
      {"help.title", "Zo werkt het"},
      {"help.tap", "Tik kort op een knop."},
      {"help.nav", "Onderaan staan altijd dezelfde knoppen."},
      {"help.speak", "Tik op Lees voor. Dan leest de computer alles voor."},
      {"help.clear", "Tik op Wis alles als u klaar bent."},
      {"help.volunteer", "Een medewerker aan de balie helpt u graag."},
      {"contrast.title", "Beter zien"},
      {"contrast.button", "Wit op zwart"},
      {"contrast.now.on", "Nu staat de tekst wit op zwart."},
      {"contrast.now.off", "De kleuren zijn weer gewoon."},
      {"language.title", "Kies uw taal"},
      {"idle.title", "Bent u er nog?"},
      {"idle.body", "Over {s} seconden begint het scherm opnieuw."},
      {"idle.announce", "Bent u er nog? Tik dan op: Ik ben er nog."},
      {"idle.stay", "Ik ben er nog"},
      {"idle.clear", "Stoppen en alles wissen"},
  };
  for (const auto& [key, text] : dutch) pack.strings[key] = {{"nl", text}};
  return pack;
}

namespace {

// The store's part of the start: import the shipped pack, then the live files, then the last
// good ones. A damaged file found by any of these reads throws StoreDamaged to the caller.
std::optional<StartupContent> from_store(ContentStore& store, const PackFiles& bundled,
                                         const std::optional<ContentPack>& shipped,
                                         const ValidateOptions& options, Diagnostics& problems) {
  StartupContent out;
  if (shipped && store.read_only()) {
    out.notes.push_back("The data folder is read-only, so the shipped content pack " + shipped->version +
                        " was not compared with the store or imported");
  } else if (shipped) {
    try {
      const ImportReport report = store.import_pack(bundled, shipped->version);
      if (report.imported && !report.conflicts.empty())
        out.notes.push_back("Content pack " + shipped->version + " imported; " +
                            std::to_string(report.conflicts.size()) +
                            " local edits were kept (see conflicts)");
    } catch (const StoreDamaged&) {
      throw;
    } catch (const StoreError& e) {
      // A read-only or full disk: the kiosk serves what the store holds (or the shipped pack).
      out.notes.push_back("The shipped content pack " + shipped->version +
                          " could not be imported: " + e.what());
    }
  }

  const PackFiles live = store.files();
  if (auto pack = usable_pack(live, "store", options, problems)) {
    if (store.good_files() != live) {
      remember_good(store, live, out.notes);  // which refreshes the copy kept aside
    } else if (!store.read_only() && !store.copy_is_current()) {
      if (const auto problem = store.keep_copy(); !problem.empty())
        out.notes.push_back("No copy of the store could be kept aside: " + problem);
    }
    out.pack = std::move(*pack);
    out.source = ContentSource::Live;
    return out;
  }
  Diagnostics good_problems;
  if (auto pack = usable_pack(store.good_files(), "store (last good)", options, good_problems)) {
    out.pack = std::move(*pack);
    out.source = ContentSource::LastGood;
    out.notes.push_back("The content has errors, so the kiosk shows the last good content: " +
                        first_error(problems));
    return out;
  }
  return std::nullopt;
}

}  // namespace

StartupContent open_content(ContentStore* store, const std::string& bundled_dir,
                            const ValidateOptions& options) {
  StartupContent out;
  Diagnostics problems;
  if (!store) {
    if (auto pack = usable_pack(read_files(bundled_dir), bundled_dir, options, problems)) {
      out.pack = std::move(*pack);
      out.source = ContentSource::Live;
    } else {
      out.pack = unavailable_pack();
      out.notes.push_back("The content pack in " + bundled_dir + " has errors: " + first_error(problems));
    }
    return out;
  }

  // A newer shipped pack is imported only when it is sound on its own.
  const PackFiles bundled = read_files(bundled_dir);
  Diagnostics bundled_problems;
  auto shipped = usable_pack(bundled, bundled_dir, options, bundled_problems);
  if (!shipped && !bundled.empty())
    out.notes.push_back("The shipped content pack was not imported: " + first_error(bundled_problems));

  // Every read of the store is guarded: damage found here is recovered once, and a store that
  // still cannot be read leaves the copy kept aside and the shipped pack to serve.
  std::optional<StartupContent> started;
  for (int attempt = 0; attempt < 2 && !started && store->is_open(); ++attempt) {
    try {
      problems.clear();
      started = from_store(*store, bundled, shipped, options, problems);
      break;
    } catch (const StoreDamaged& e) {
      if (attempt > 0 || store->read_only()) {
        out.notes.push_back(std::string("The store cannot be read: ") + e.what());
        break;
      }
      try {
        store->recover(e.what());
      } catch (const StoreError& moved) {
        out.notes.push_back(std::string("The damaged store could not be set aside: ") + moved.what());
      }
    } catch (const StoreError& e) {
      out.notes.push_back(std::string("The store cannot be read: ") + e.what());
      break;
    }
  }
  // What the store found and did (a damaged file kept aside, a damaged log) comes first.
  std::vector<std::string> notes = store->recovery_notes();
  notes.insert(notes.end(), out.notes.begin(), out.notes.end());
  if (started) {
    notes.insert(notes.end(), started->notes.begin(), started->notes.end());
    started->notes = std::move(notes);
    return std::move(*started);
  }
  out.notes = std::move(notes);
  if (problems.empty()) problems.push_back({"store", 0, Severity::Error, "the store cannot be read"});

  Diagnostics copy_problems;
  if (auto pack = usable_pack(store->copy_files(), "store (copy kept aside)", options, copy_problems)) {
    out.pack = std::move(*pack);
    out.source = ContentSource::KeptCopy;
    out.notes.push_back(
        "The content and the last good content have errors, so the kiosk shows the copy of the store kept "
        "aside: " +
        first_error(problems));
    return out;
  }
  // A newer program may check more than the one that took these files. The store keeps
  // them for an editor to mend; visitors get the pack the kiosk came with meanwhile.
  if (shipped) {
    out.pack = std::move(*shipped);
    out.source = ContentSource::Shipped;
    out.notes.push_back(
        "The content and the last good content have errors, so the kiosk shows its shipped pack: " +
        first_error(problems));
    return out;
  }
  out.pack = unavailable_pack();
  out.notes.push_back("No usable content: " + first_error(problems));
  return out;
}

}  // namespace content
