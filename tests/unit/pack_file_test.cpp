// Signed content-pack files: what a kiosk takes, and everything it refuses.
#include "editor/pack_file.hpp"

#include <sodium.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "content/store.hpp"
#include "editor/pack_cli.hpp"
#include "support/fixtures.hpp"

using editor::Change;

namespace {

content::PackFiles fixture_files() {
  return content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
}

const content::PackFiles kSmallPack = {
    {"home.toml", "topics = [\"huis\"]\n"},
    {"pages/huis.toml", "[title]\nnl = \"Wonen\"\n"},
    {"pack.toml", "version = \"0.2\"\n"},
};

// Signs `body` the way write_pack_file does, for packs the writer itself refuses to make.
std::string signed_by_hand(const std::string& body, const std::string& secret_key_b64) {
  std::vector<unsigned char> secret(crypto_sign_SECRETKEYBYTES);
  std::size_t length = 0;
  REQUIRE(sodium_base642bin(secret.data(), secret.size(), secret_key_b64.data(), secret_key_b64.size(),
                            nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       secret.data());
  char text[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(text, sizeof text, signature, sizeof signature, sodium_base64_VARIANT_ORIGINAL);
  return body + "signature: " + text + "\n";
}

std::string one_file_pack(const std::string& path, const std::string& text) {
  return "wegwijzer-pack 1\nversion: 0.2\nsigner: bieb\nfiles: 1\nfile: " + path + " " +
         std::to_string(text.size()) + "\n" + text + "\n";
}

void check_refused(const editor::PackFile& read) {
  CHECK_FALSE(read.ok());
  CHECK(read.files.empty());
}

}  // namespace

TEST_CASE("a signed pack reads back with the same files, version and signer", "[pack-file]") {
  const auto keys = editor::make_keys();
  const auto files = fixture_files();
  const std::string bytes = editor::write_pack_file(files, "0.1", "bieb", keys.secret_key);
  CHECK(bytes.rfind(
            "wegwijzer-pack 1\nversion: 0.1\nsigner: bieb\nfiles: " + std::to_string(files.size()) + "\n",
            0) == 0);
  const auto read = editor::read_pack_file(bytes, {{"bieb", keys.public_key}});
  INFO(read.error);
  REQUIRE(read.ok());
  CHECK(read.files == files);
  CHECK(read.version == "0.1");
  CHECK(read.signer == "bieb");
  // Files may hold anything, also lines that look like the pack's own.
  const content::PackFiles tricky = {{"a.toml", "file: b.toml 3\nabc\nsignature: AAAA\n"}, {"leeg.toml", ""}};
  CHECK(editor::read_pack_file(editor::write_pack_file(tricky, "", "bieb", keys.secret_key),
                               {{"bieb", keys.public_key}})
            .files == tricky);
}

TEST_CASE("one changed byte anywhere in a pack file makes the kiosk refuse it", "[pack-file]") {
  const auto keys = editor::make_keys();
  const std::map<std::string, std::string> trusted = {{"bieb", keys.public_key}};
  const std::string bytes = editor::write_pack_file(kSmallPack, "0.2", "bieb", keys.secret_key);
  REQUIRE(editor::read_pack_file(bytes, trusted).ok());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const unsigned char flip : {0x01, 0x20, 0x80}) {
      std::string changed = bytes;
      changed[i] = static_cast<char>(static_cast<unsigned char>(changed[i]) ^ flip);
      INFO("byte " << i << " xor " << int{flip});
      check_refused(editor::read_pack_file(changed, trusted));
    }
  }
}

TEST_CASE("a pack from a signer the kiosk does not know is refused", "[pack-file]") {
  const auto keys = editor::make_keys();
  const auto read = editor::read_pack_file(
      editor::write_pack_file(kSmallPack, "0.2", "vreemd", keys.secret_key), {{"bieb", keys.public_key}});
  check_refused(read);
  CHECK(read.error == "signed by vreemd, whom this kiosk does not trust");
}

TEST_CASE("a pack signed under a trusted name with another key is refused", "[pack-file]") {
  const auto trusted_keys = editor::make_keys();
  const auto other_keys = editor::make_keys();
  CHECK(trusted_keys.public_key != other_keys.public_key);
  const auto read =
      editor::read_pack_file(editor::write_pack_file(kSmallPack, "0.2", "bieb", other_keys.secret_key),
                             {{"bieb", trusted_keys.public_key}});
  check_refused(read);
  CHECK(read.error == "the signature does not match: the file was changed or damaged");
}

TEST_CASE("a pack file cut short anywhere is refused, never a crash", "[pack-file]") {
  const auto keys = editor::make_keys();
  const std::map<std::string, std::string> trusted = {{"bieb", keys.public_key}};
  const std::string bytes = editor::write_pack_file(fixture_files(), "0.1", "bieb", keys.secret_key);
  for (std::size_t length = 0; length < bytes.size(); length += 97) {
    INFO("first " << length << " bytes");
    check_refused(editor::read_pack_file(bytes.substr(0, length), trusted));
  }
  check_refused(editor::read_pack_file(bytes.substr(0, bytes.size() - 1), trusted));
  check_refused(editor::read_pack_file(bytes + "\n", trusted));  // nothing may follow the signature
}

TEST_CASE("a signed pack with a path outside the pack directory is refused", "[pack-file]") {
  const auto keys = editor::make_keys();
  const std::map<std::string, std::string> trusted = {{"bieb", keys.public_key}};
  REQUIRE(
      editor::read_pack_file(signed_by_hand(one_file_pack("pages/a..b.toml", "x"), keys.secret_key), trusted)
          .ok());
  for (const std::string path : {"../etc/passwd", "/etc/passwd", "pages/../../x.toml", "pages/..", "..",
                                 "pages//x.toml", "./x.toml"}) {
    INFO(path);
    check_refused(editor::read_pack_file(signed_by_hand(one_file_pack(path, "x"), keys.secret_key), trusted));
    CHECK_THROWS_AS(editor::write_pack_file({{path, "x"}}, "0.2", "bieb", keys.secret_key),
                    editor::PackFileError);
  }
}

TEST_CASE("a signed pack naming one file twice is refused", "[pack-file]") {
  const auto keys = editor::make_keys();
  const std::string twice =
      "wegwijzer-pack 1\nversion: 0.2\nsigner: bieb\nfiles: 2\nfile: a.toml 1\nx\nfile: a.toml 1\ny\n";
  const auto read =
      editor::read_pack_file(signed_by_hand(twice, keys.secret_key), {{"bieb", keys.public_key}});
  check_refused(read);
  CHECK(read.error == "the pack names the file 'a.toml' twice");
}

TEST_CASE("a pack over the limits is refused before its files are read", "[pack-file]") {
  const auto keys = editor::make_keys();
  const std::map<std::string, std::string> trusted = {{"bieb", keys.public_key}};
  const auto too_many =
      editor::read_pack_file("wegwijzer-pack 1\nversion: 1\nsigner: bieb\nfiles: 10001\n", trusted);
  check_refused(too_many);
  CHECK(too_many.error.find("at most 10000") != std::string::npos);
  const auto too_big = editor::read_pack_file(
      "wegwijzer-pack 1\nversion: 1\nsigner: bieb\nfiles: 1\nfile: big.toml 10485761\nxx", trusted);
  check_refused(too_big);
  CHECK(too_big.error.find("larger than 10 MiB") != std::string::npos);
  CHECK_THROWS_AS(editor::write_pack_file({{"big.toml", std::string(editor::kMaxPackFileBytes + 1, 'x')}},
                                          "1", "bieb", keys.secret_key),
                  editor::PackFileError);
  CHECK_THROWS_AS(editor::write_pack_file(kSmallPack, "1", "bieb", "not a key"), editor::PackFileError);
  CHECK_THROWS_AS(editor::write_pack_file(kSmallPack, "1", "bieb noord", keys.secret_key),
                  editor::PackFileError);
}

TEST_CASE("trusted keys are read from NAME = \"KEY\" lines: a broken line names itself", "[pack-file]") {
  const std::string dir = test_support::temp_dir("trusted-keys");
  const auto keys = editor::make_keys();
  std::ofstream(dir + "/trusted-keys.toml") << "# De bibliotheek\nbieb = \"" << keys.public_key
                                            << "\"\n\nbieb-zuid = \"" << keys.public_key << "\"  # ook\n";
  const auto trusted = editor::read_trusted_keys(dir + "/trusted-keys.toml");
  CHECK(trusted ==
        std::map<std::string, std::string>{{"bieb", keys.public_key}, {"bieb-zuid", keys.public_key}});
  CHECK(editor::read_trusted_keys(dir + "/missing.toml").empty());

  std::ofstream(dir + "/short.toml") << "bieb = \"" << keys.public_key << "\"\nkapot = \"QUJD\"\n";
  CHECK_THROWS_WITH(editor::read_trusted_keys(dir + "/short.toml"), Catch::Contains("short.toml:2: kapot"));
  std::ofstream(dir + "/broken.toml") << "bieb = " << keys.public_key << "\n";
  CHECK_THROWS_WITH(editor::read_trusted_keys(dir + "/broken.toml"), Catch::Contains("broken.toml:1:"));
}

TEST_CASE("compare lists the files a pack adds, changes and removes", "[pack-file]") {
  const content::PackFiles live = {{"a.toml", "1"}, {"b.toml", "2"}, {"c.toml", "3"}};
  const content::PackFiles incoming = {{"a.toml", "1"}, {"b.toml", "twee"}, {"d.toml", "4"}};
  const auto changes = editor::compare(live, incoming);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].path == "b.toml");
  CHECK(changes[0].kind == Change::Kind::Changed);
  CHECK(changes[1].path == "c.toml");
  CHECK(changes[1].kind == Change::Kind::Removed);
  CHECK(changes[2].path == "d.toml");
  CHECK(changes[2].kind == Change::Kind::Added);
  CHECK(editor::compare(live, live).empty());
}

TEST_CASE("import-pack looks first, applies with --yes, and refuses a signed pack with content errors",
          "[pack-file][cli]") {
  const std::string dir = test_support::temp_dir("import-pack");
  const auto keys = editor::make_keys();
  std::ofstream(dir + "/trusted-keys.toml") << "bieb = \"" << keys.public_key << "\"\n";
  const auto files = fixture_files();
  { content::ContentStore(content::store_path(dir)).import_pack(files, "0.1"); }
  auto write = [&](const std::string& name, const content::PackFiles& pack) {
    std::ofstream(dir + "/" + name, std::ios::binary)
        << editor::write_pack_file(pack, "0.2", "bieb", keys.secret_key);
    return dir + "/" + name;
  };

  auto broken = files;
  broken["pages/huis.toml"] = "[title\n";
  CHECK(editor::command_import_pack(write("broken.pack", broken), dir, "", true, {"2026-11-25", {}}) == 1);
  CHECK(content::ContentStore(content::store_path(dir)).files() == files);

  auto newer = files;
  newer["pages/huis.toml"] += "\n# nieuw\n";
  const std::string pack = write("newer.pack", newer);
  CHECK(editor::command_import_pack(pack, dir, "", false, {"2026-11-25", {}}) == 0);  // only a look
  CHECK(content::ContentStore(content::store_path(dir)).files() == files);
  CHECK(editor::command_import_pack(pack, dir, "", true, {"2026-11-25", {}}) == 0);
  content::ContentStore store(content::store_path(dir));
  CHECK(store.files() == newer);
  CHECK(store.history().front().editor == "pakket");
  CHECK(store.history().front().what == "import " + pack);
  CHECK(editor::command_import_pack(pack, dir, dir + "/missing.toml", true, {"2026-11-25", {}}) ==
        1);  // nobody trusted
}
