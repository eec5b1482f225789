// Content on a USB stick: the kiosk's own key, export, and the look before an import.
#include "editor/pack_transfer.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "content/pack_writer.hpp"
#include "editor/editor.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;

namespace {

content::PackFiles fixture_files() {
  return content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("a stick is a mounted folder under /media, or the folder named for it", "[pack-transfer]") {
  const std::string root = test_support::temp_dir("sticks");
  fs::create_directories(root + "/bieb/USB");
  // Folders on the same disk are not sticks: nothing is mounted there.
  CHECK_FALSE(editor::find_stick({{root}, ""}));
  CHECK(editor::find_stick({{root}, root + "/bieb/USB"}) == root + "/bieb/USB");
  CHECK_FALSE(editor::find_stick({{}, root + "/weg"}));
  CHECK_FALSE(editor::find_stick({{root + "/bestaat-niet"}, ""}));
}

TEST_CASE("the kiosk's key is made once and kept private", "[pack-transfer]") {
  const std::string dir = test_support::temp_dir("kiosk-key");
  const auto first = editor::kiosk_key(dir);
  REQUIRE(first);
  CHECK(first->signer.rfind("kiosk-", 0) == 0);
  CHECK(editor::valid_signer_name(first->signer));
  CHECK((fs::status(dir + "/kiosk-key.toml").permissions() & fs::perms::others_read) == fs::perms::none);
  const auto again = editor::kiosk_key(dir);
  REQUIRE(again);
  CHECK(again->secret_key == first->secret_key);
  // Kiosks installed from one image share a host name, never a signer name.
  const auto other = editor::kiosk_key(test_support::temp_dir("kiosk-key-other"));
  REQUIRE(other);
  CHECK(other->signer != first->signer);
  // A damaged key file is never replaced by a new key: kiosks that trust the old one would be locked out.
  write(dir + "/kiosk-key.toml", "signer = \"kiosk-x\"\nsecret_key = ");
  CHECK_FALSE(editor::kiosk_key(dir));
  CHECK(read(dir + "/kiosk-key.toml") == "signer = \"kiosk-x\"\nsecret_key = ");
}

TEST_CASE("export puts a signed pack and the kiosk's public line on the stick: import looks first",
          "[pack-transfer]") {
  const std::string stick = test_support::temp_dir("stick");
  const std::string here = test_support::temp_dir("kiosk-a"), there = test_support::temp_dir("kiosk-b");
  const auto key = editor::kiosk_key(here);
  REQUIRE(key);
  auto files = fixture_files();
  const auto exported = editor::export_to_stick(files, "0.1", stick, *key, "2026-11-25");
  REQUIRE(exported.problem.empty());
  CHECK(exported.file == "wegwijzer-inhoud-2026-11-25-" + key->signer + ".wwpack");
  // A second export the same day never writes over the first.
  CHECK(editor::export_to_stick(files, "0.1", stick, *key, "2026-11-25").file ==
        "wegwijzer-inhoud-2026-11-25-" + key->signer + "-2.wwpack");
  std::filesystem::remove(stick + "/wegwijzer-inhoud-2026-11-25-" + key->signer + "-2.wwpack");
  CHECK(editor::packs_on(stick) == std::vector<std::string>{exported.file});
  const std::string pack = stick + "/" + exported.file;
  const std::string trust = there + "/trusted-keys.toml";

  // Kiosk B does not know kiosk A yet.
  auto plan = editor::plan_import(pack, trust, {}, {"2026-11-25", {}});
  CHECK(plan.problem == "staff.usb.refused.untrusted");
  CHECK(plan.changes.empty());

  // With A's line from the stick, B sees what would change, and nothing has changed yet.
  fs::copy_file(stick + "/" + key->signer + ".pub", trust);
  auto live = files;
  live["location.toml"] += "\n# anders op kiosk B\n";
  live.erase("pages/meedoen.toml");
  live["pages/oud.toml"] = "[title]\nnl = \"Oud\"\n";
  plan = editor::plan_import(pack, trust, live, {"2026-11-25", {}});
  CHECK(plan.ok());
  CHECK(plan.pack.signer == key->signer);
  CHECK(plan.changes.size() == 3);
  CHECK(editor::plan_import(pack, trust, files, {"2026-11-25", {}}).problem == "staff.usb.same");

  // A byte changed on the stick: refused, whoever signed it.
  auto bytes = read(pack);
  bytes[bytes.find("Bibliotheek")] = 'b';
  write(stick + "/veranderd.wwpack", bytes);
  CHECK(editor::plan_import(stick + "/veranderd.wwpack", trust, live, {"2026-11-25", {}}).problem ==
        "staff.usb.refused.bad_signature");
  write(stick + "/leeg.wwpack", "");
  CHECK(editor::plan_import(stick + "/leeg.wwpack", trust, live, {"2026-11-25", {}}).problem ==
        "staff.usb.refused.not_a_pack");
  CHECK(editor::plan_import(stick + "/weg.wwpack", trust, live, {"2026-11-25", {}}).problem ==
        "staff.usb.unreadable");
  // A link on the stick is not followed, whatever it points to, and the editor is told why.
  fs::create_symlink(pack, stick + "/link.wwpack");
  CHECK(editor::plan_import(stick + "/link.wwpack", trust, live, {"2026-11-25", {}}).problem ==
        "staff.usb.refused.not_plain");
  write(trust, "kapot = ");
  CHECK(editor::plan_import(pack, trust, live, {"2026-11-25", {}}).problem == "staff.usb.trust_broken");
}

TEST_CASE("a signed pack whose content has errors is refused before anything changes", "[pack-transfer]") {
  const std::string stick = test_support::temp_dir("stick-errors"), here = test_support::temp_dir("kiosk-c");
  const auto key = editor::kiosk_key(here);
  REQUIRE(key);
  auto files = fixture_files();
  files["home.toml"] = "topics = [\"bestaat-niet\"]\n";  // a Home topic without its page
  const auto exported = editor::export_to_stick(files, "0.1", stick, *key, "2026-11-25");
  REQUIRE(exported.problem.empty());
  fs::copy_file(stick + "/" + key->signer + ".pub", here + "/trusted-keys.toml");
  const auto plan = editor::plan_import(stick + "/" + exported.file, here + "/trusted-keys.toml",
                                        fixture_files(), {"2026-11-25", {}});
  CHECK(plan.problem == "staff.usb.has_errors");
  CHECK(plan.detail.find("home.toml") != std::string::npos);
}

// Issue 23, item 6: there was no version check, so v0.1 taken after v0.2 put files back.
TEST_CASE("versions compare as numbers, part by part", "[pack-transfer][older]") {
  CHECK(editor::compare_versions("0.10", "0.9") > 0);
  CHECK(editor::compare_versions("0.9", "0.10") < 0);
  CHECK(editor::compare_versions("0.1", "0.2") < 0);
  CHECK(editor::compare_versions("1.0", "1") == 0);
  CHECK(editor::compare_versions("1.0.1", "1") > 0);
  CHECK(editor::compare_versions("2", "10") < 0);
  CHECK(editor::compare_versions("0.2", "0.2") == 0);
  CHECK(editor::compare_versions("2026.1", "2025.12") > 0);
}

TEST_CASE("a pack older than the live content is marked older, with both versions and days",
          "[pack-transfer][older]") {
  const std::string stick = test_support::temp_dir("stick-older"),
                    here = test_support::temp_dir("kiosk-older");
  const auto key = editor::kiosk_key(here);
  REQUIRE(key);
  REQUIRE(editor::export_to_stick(fixture_files(), "0.1", stick, *key, "2026-11-25").problem.empty());
  fs::copy_file(stick + "/" + key->signer + ".pub", here + "/trusted-keys.toml");
  const std::string old_pack = stick + "/" + editor::packs_on(stick).front();
  auto live = fixture_files();
  const auto at = live["pack.toml"].find("version = \"0.1\"");
  REQUIRE(at != std::string::npos);
  live["pack.toml"].replace(at, 15, "version = \"0.10\"");
  auto plan =
      editor::plan_import(old_pack, here + "/trusted-keys.toml", live, {"2026-11-25", {}}, "2026-11-30");
  CHECK(plan.ok());
  CHECK(plan.older);
  CHECK(plan.version == "0.1");
  CHECK(plan.live_version == "0.10");
  CHECK(plan.live_date == "2026-11-30");
  CHECK(plan.pack_date.size() == 10);  // the day the file was written
  // 0.9 is older than 0.10 too; the same version or a newer one is not.
  live["pack.toml"].replace(at, 16, "version = \"0.9\"");
  CHECK(editor::plan_import(old_pack, here + "/trusted-keys.toml", live, {"2026-11-25", {}}).older);
  live["pack.toml"].replace(at, 15, "version = \"0.1\"");
  live["location.toml"] += "\n# anders\n";
  plan = editor::plan_import(old_pack, here + "/trusted-keys.toml", live, {"2026-11-25", {}});
  CHECK(plan.ok());
  CHECK_FALSE(plan.older);
  // The pack's own pack.toml counts, not the header: a kiosk that took 0.10 from a stick still
  // writes the version it was shipped with into the header of its exports.
  auto newer = fixture_files();
  newer["pack.toml"].replace(newer["pack.toml"].find("version = \"0.1\""), 15, "version = \"0.10\"");
  const std::string newer_stick = test_support::temp_dir("stick-newer");
  REQUIRE(editor::export_to_stick(newer, "0.1", newer_stick, *key, "2026-11-26").problem.empty());
  plan = editor::plan_import(newer_stick + "/" + editor::packs_on(newer_stick).front(),
                             here + "/trusted-keys.toml", live, {"2026-11-25", {}});
  CHECK(plan.version == "0.10");
  CHECK_FALSE(plan.older);
}
