#pragma once
// Opening hours in the visitor's words, and which next steps can work at a given
// moment. Pure: the pack's strings give the words, the moment comes from outside.
#include <optional>
#include <string>
#include <vector>

#include "content/content_pack.hpp"
#include "hours/opening_hours.hpp"

namespace hours {

// The info point counts as staffed "soon" when it opens within this many minutes:
// a visitor can wait that long ("Om 10.00 uur is er iemand"), not longer.
inline constexpr int kSoonMinutes = 60;

// "9.00", "16.30": a time as Dutch signs write it (the pack's translations keep it).
[[nodiscard]] std::string clock_text(int minute);

// The hours of a contact or the info point, read; nullopt when empty or unreadable.
[[nodiscard]] std::optional<Schedule> schedule_of(const std::string& text);

// "Nu open tot 16.00 uur." / "Vandaag vanaf 13.00 uur." / "Morgen vanaf 10.00 uur." /
// "Maandag vanaf 10.00 uur.": what the place does next, seen from `now`.
[[nodiscard]] std::string status_words(const content::ContentPack& pack, const Schedule& schedule,
                                       const LocalTime& now, const std::string& lang);
// The week in lines: "Maandag tot en met vrijdag: 10.00 tot 16.00 uur", "Op feestdagen dicht.",
// and a dated exception in the two weeks from `today` ("Donderdag 24-12: 10.00 tot 13.00 uur").
[[nodiscard]] std::vector<std::string> week_words(const content::ContentPack& pack, const Schedule& schedule,
                                                  const std::string& lang, const std::optional<Date>& today);

// Whether someone is at the info point now or within kSoonMinutes. An unknown time
// (a script without `clock`) does not limit the steps.
[[nodiscard]] bool desk_staffed(const content::ContentPack& pack, const std::optional<LocalTime>& now);
// Whether someone is at the info point at this moment (not "soon"): a call to the desk is seen.
[[nodiscard]] bool desk_open(const content::ContentPack& pack, const LocalTime& now);
// "Om 10.00 uur is er iemand." when the info point opens within kSoonMinutes; else empty.
[[nodiscard]] std::string desk_soon_words(const content::ContentPack& pack, const LocalTime& now,
                                          const std::string& lang);

// The next steps (app::next_steps() order: desk, go, call, think) that can work for a slip
// with these suggestions at `now`: "desk" only while the info point is staffed now or soon,
// "call" only when a place on the slip has a phone number, "go" only when one has an address
// and hours that can be read; "think" always.
[[nodiscard]] std::vector<std::string> workable_steps(const content::ContentPack& pack,
                                                      const std::vector<std::string>& on_slip,
                                                      const std::optional<LocalTime>& now);

}  // namespace hours
