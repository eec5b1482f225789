// Signed content packs, to carry content between kiosks on a USB stick (editor/pack_cli.hpp):
// wegwijzer keygen, export-pack and import-pack.
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "editor/pack_cli.hpp"

namespace commands {

int command_keygen(Options& options) {
  std::string out;
  options.describe("Make a signing key pair: NAME.key (secret) and NAME.pub (for trusted-keys.toml).");
  options.required("--out", out, "NAME", "the key's name and where to write it");
  if (const auto done = options.parse()) return *done;
  return editor::command_keygen(out);
}

int command_export_pack(Options& options) {
  std::string key, signer, out;
  Places places;
  options.describe("Write the whole content as one signed pack file (for a USB stick).");
  options.required("--key", key, "NAME.key", "the secret key to sign with");
  options.required("--signer", signer, "NAME", "the signer's name, as in the kiosks' trusted-keys.toml");
  options.required("--out", out, "FILE", "the pack file to write");
  places.data_option(options, "sign the live content of the store in DIR");
  places.content_option(options);
  if (const auto done = options.parse()) return *done;
  return editor::command_export_pack(key, signer, out, places.data.value_or(""),
                                     places.data ? std::string{} : places.content_dir());
}

int command_import_pack(Options& options) {
  std::string file;
  std::optional<std::string> trust;
  bool yes = false, older = false;
  Places places;
  options.describe(
      "Check a pack's signature and show what it changes; with --yes, apply it.\n"
      "A pack older than the kiosk's content is refused unless --older is given too.");
  options.word("FILE", file, "the pack file");
  places.data_option(options);
  options.text("--trust", trust, "FILE", "the keys to trust (default: DIR/trusted-keys.toml)");
  options.flag("--yes", yes, "apply the pack");
  options.flag("--older", older, "apply it also when it is older than the kiosk's content");
  if (const auto done = options.parse()) return *done;
  PictogramCheck check;  // the same checks as the kiosk's start: what is taken also starts
  return editor::command_import_pack(file, places.data_dir(), trust.value_or(""), yes,
                                     check.options(app::today_iso()), older);
}

}  // namespace commands
