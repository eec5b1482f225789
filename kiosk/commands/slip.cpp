// wegwijzer slip --suggest ID[,ID] [--next-step ...] [--format ...] [--out FILE] [--printer URI]
#include "slip/slip.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "hours/opening_hours.hpp"
#include "image/png.hpp"
#include "slip/escpos.hpp"
#include "slip/paper.hpp"
#include "slip/pdf.hpp"
#include "slip/printer.hpp"
#include "ui/reading.hpp"

namespace commands {
namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

// Writes the slip to `out` in `format`; false after saying why on stderr.
bool write_slip(const slip::Slip& made, const content::ContentPack& content, const std::string& format,
                const slip::Paper& paper, const std::string& out) {
  if (format == "txt") {
    std::ofstream(out) << slip::plain_text(made);
    return true;
  }
  // The slip read aloud as "Lees voor" reads it: whole, the part for the counter in Dutch.
  if (format == "wav")
    return speak_to_wav(ui::read_slip(made, content, [](std::size_t) { return ""; }), 0, out) == 0;
  // Fonts are loaded only for the formats that draw.
  text::FontSet fonts(text::default_font_config());
  text::Hyphenator hyphenator;
  text::TextEngine engine(fonts, hyphenator);
  if (format == "pdf") {
    std::string error;
    const auto pdf = slip::render_pdf(made, engine, paper.dpi < 200 ? paper.name : "a4", &error);
    if (pdf.empty()) {
      std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
      return false;
    }
    std::ofstream(out, std::ios::binary) << pdf;
    return true;
  }
  const auto picture = slip::render(made, engine, paper);
  if (format == "escpos") {
    std::ofstream(out, std::ios::binary) << slip::encode_escpos(picture);
    return true;
  }
  if (!image::write_png(out, slip::as_picture(picture))) {
    std::fprintf(stderr, "wegwijzer: cannot write %s\n", out.c_str());
    return false;
  }
  return true;
}

}  // namespace

int command_slip(Options& options) {
  std::optional<std::string> suggest, lang, out, printer, paper_name;
  std::string next_step, date, format = "png";
  std::optional<int> minute;
  Places places;
  options.describe(
      "Make a slip: to a file (PNG, ESC/POS bytes or the text), and/or print it on\n"
      "--printer escpos:tcp://HOST:9100 | escpos:/dev/usb/lp0 | file:PATH.");
  options.text("--suggest", suggest, "ID[,ID]", "the suggestions on the slip");
  const auto& steps = app::next_steps();
  options.choice("--next-step", next_step, {steps.begin(), steps.end()}, "the visitor's next step");
  options.text("--lang", lang, "CODE", "the language (default: the content's, nl)");
  options.value("--date", "YYYY-MM-DD", "the day on the slip (default: today)", day(date));
  // The hours in words at that time ("Nu open tot 16.00 uur"); without it, only the week's.
  options.value("--time", "HH:MM", "the time of day on the slip (default: none)",
                [&minute](const std::string& value) {
                  const auto at = hours::parse_local_time("2026-01-01T" + value);
                  if (!at) return std::string("wants a time of day as HH:MM, e.g. 09:30");
                  minute = at->minute;
                  return std::string{};
                });
  options.choice("--format", format, {"png", "pdf", "escpos", "txt", "wav"},
                 "the file's format (default png; wav: the slip read aloud)");
  options.value("--paper", "80mm|58mm|a4|a5", "the paper (default 80mm)",
                [&paper_name](const std::string& name) {
                  if (slip::paper_named(name).name.empty()) return std::string("is 80mm, 58mm, a4 or a5");
                  paper_name = name;
                  return std::string{};
                });
  options.text("--out", out, "FILE", "write the slip to FILE");
  options.text("--printer", printer, "URI", "print the slip there");
  places.content_option(options);
  if (const auto done = options.parse()) return *done;
  if (!out && !printer) {
    std::fprintf(stderr, "wegwijzer: slip needs --out FILE or --printer URI\n");
    return 2;
  }

  const auto kiosk = open_kiosk_content(places, false);
  const content::ContentPack& content = kiosk.started.pack;
  slip::Request request;
  if (suggest) request.suggestions = split_commas(*suggest);
  for (const auto& id : request.suggestions)
    if (!content.find_rule(id)) {
      std::fprintf(stderr, "wegwijzer: no suggestion '%s' in the content\n", id.c_str());
      return 2;
    }
  request.next_step = next_step;
  request.lang = lang ? *lang : content.default_language;
  request.date = date.empty() ? app::today_iso() : date;
  if (minute) request.minute = *minute;
  const auto made = slip::make_slip(content, request);
  const auto paper = slip::paper_named(paper_name.value_or("80mm"));

  if (out) {
    if (!write_slip(made, content, format, paper, *out)) return 1;
    std::printf("slip written to %s\n", out->c_str());
  }
  if (printer) {
    std::string error;
    auto target = slip::parse_printer(*printer, &error);
    if (!target) {
      std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
      return 2;
    }
    if (paper_name) target->paper = paper;
    slip::PrintQueue queue(*target);
    queue.submit(made);
    queue.wait();
    const auto outcome = queue.take_outcome();
    if (!outcome || !outcome->ok()) {
      std::fprintf(stderr, "wegwijzer: not printed: %s\n", outcome ? outcome->detail.c_str() : "?");
      return 1;
    }
    std::printf("slip printed on %s\n", printer->c_str());
  }
  return 0;
}

}  // namespace commands
