#pragma once
// "Lees voor": what a screen says, built from what was drawn. The widget list is
// the reading order (title, text, options), so speech can never disagree with
// the screen. The buttons of the frame are read last, as where to find them.
#include <functional>
#include <string>

#include "app/kiosk_app.hpp"
#include "slip/slip.hpp"
#include "speech/utterance.hpp"
#include "ui/widgets.hpp"

namespace ui {

// `with_frame`: also say where the frame's buttons are (once a session, see Session::frame_explained).
// `first`: said before the screen (the answer just chosen by key). Each text is marked for
// private listening as its widget says (label_source); a screen's list of answers is shared.
[[nodiscard]] speech::Utterance read_screen(const WidgetList& widgets, const app::KioskApp& app,
                                            bool with_frame = true, const speech::Source& first = {});

// A slip read whole, block by block in its order (step, place, when, what to bring, what to
// say), the blocks in the pack's own language (the part for the counter) by its voice. Each
// block's piece names `widget(i)` for block i (empty where it is not on screen); the QR code
// is not read. On the loudspeaker, until the visitor agrees, the blocks that are their own
// (slip_block_is_personal) are one sentence that they are kept ("listen.kept").
// The title, the date, the chosen step and the closing line are the same for everyone who took
// that step: a visitor who keeps the rest private still hears what to do next. The rest names
// their schemes, places and words.
[[nodiscard]] bool slip_block_is_personal(const slip::Block& block);
[[nodiscard]] speech::Utterance read_slip(const slip::Slip& slip, const content::ContentPack& content,
                                          const std::function<std::string(std::size_t)>& widget);

// The app's announcements (the idle warning) as an utterance: words the same for every visitor.
[[nodiscard]] speech::Utterance read_text(const std::string& text, const std::string& lang,
                                          const content::ContentPack& content);
// Texts said one after another (a focus's parts), each keeping its privacy mark.
[[nodiscard]] speech::Utterance read_sources(const std::vector<speech::Source>& sources, const std::string& lang,
                                             const content::ContentPack& content);

}  // namespace ui
