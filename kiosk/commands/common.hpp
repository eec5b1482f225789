#pragma once
// What several commands share: where the content and the data are, the kiosk's content
// as it starts, and the readers of values that more than one command takes.
#include <memory>
#include <optional>
#include <string>

#include "app/kiosk_app.hpp"
#include "commands/command.hpp"
#include "content/startup.hpp"
#include "content/validate.hpp"
#include "speech/utterance.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/layout.hpp"

namespace platform {
struct RunResult;
}

namespace commands {

// --content DIR and --data DIR, and what they mean when not given.
struct Places {
  std::optional<std::string> content;
  std::optional<std::string> data;

  void content_option(Options& options);
  void data_option(Options& options, const char* help = nullptr);
  [[nodiscard]] std::string content_dir() const;  // --content, else the bundled pack
  [[nodiscard]] std::string data_dir() const;     // --data, else $WEGWIJZER_DATA or ~/.local/share/wegwijzer
};

// Checks pictogram names against the icon font, as the kiosk's start does.
struct PictogramCheck {
  text::FontSet fonts{text::default_font_config()};
  text::Hyphenator hyphenator{""};
  text::TextEngine engine{fonts, hyphenator};

  [[nodiscard]] content::ValidateOptions options(const std::string& date);
};

// The content the kiosk starts with: from the store under the data directory (when
// `use_store`), else straight from the content pack directory. What went wrong goes to
// the log; it never holds visitor data. The store stays open for the editor.
struct KioskContent {
  std::unique_ptr<content::ContentStore> store;  // null: none, or none that can be used
  content::StartupContent started;
};
[[nodiscard]] KioskContent open_kiosk_content(const Places& places, bool use_store);

// USB sticks are looked for where Debian mounts them, or in `usb_dir`; the kiosk's
// signing key and the keys it trusts live in the data directory.
[[nodiscard]] app::KioskApp::StickSettings stick_settings(const std::optional<std::string>& usb_dir,
                                                          const std::string& data_dir);

// Readers for Options::value.
// A day that exists, as YYYY-MM-DD.
[[nodiscard]] Take day(std::string& into);
// A whole number from `least` to `most`; `wants` says so ("wants a whole number of at least 1").
[[nodiscard]] Take whole_number(long long& into, long long least, long long most, const char* wants);
// WIDTHxHEIGHT, both above 0.
[[nodiscard]] Take pixels(int& width, int& height);
[[nodiscard]] Take millimetres(float& width, float& height);
// --idle-seconds: 10 to 86400, kept in milliseconds.
void idle_option(Options& options, std::optional<app::Millis>& idle_after_ms);

// A new, empty folder under the system's temp folder ("wegwijzer-NAME-XXXXXX"); nullopt (and a
// line on stderr) when none can be made. The caller removes it.
[[nodiscard]] std::optional<std::string> make_temp_folder(const std::string& name);

// Says an utterance into a 16-bit WAV file as the kiosk would (rate -1, 0 or 1); prints how
// long and what was said. The exit code: 1 when there is no speech or the file cannot be written.
[[nodiscard]] int speak_to_wav(speech::Utterance utterance, int rate, const std::string& out);

// The errors of a headless run on stderr; the exit code.
[[nodiscard]] int report(const platform::RunResult& result);

}  // namespace commands
