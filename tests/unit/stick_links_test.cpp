// A USB stick is made by anyone: links, FIFOs and devices on it never reach the kiosk's own
// files (the staff PINs, the signing key, the content store), and never make it wait.
// docs/RELIABILITY.md, "Item 2: links on a USB stick".
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <thread>

#include "content/pack_writer.hpp"
#include "content/small_file.hpp"
#include "content/store.hpp"
#include "editor/pack_transfer.hpp"
#include "staff/access.hpp"
#include "support/fixtures.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

content::PackFiles fixture_files() {
  return content::read_files(std::string(WEGWIJZER_TESTS_DIR) + "/fixtures/content");
}

// A kiosk's data folder with all it guards: PINs, its own signing key and a content store.
struct Kiosk {
  std::string data = test_support::temp_dir("trap-kiosk");
  std::string pins = staff::pin_path(data);
  std::string key_file = data + "/kiosk-key.toml";
  std::string store = content::store_path(data);
  editor::KioskKey key;

  Kiosk() {
    staff::Access access(pins);
    REQUIRE(access.set_pin(staff::Role::Volunteer, "40719").empty());
    REQUIRE(access.set_pin(staff::Role::Editor, "83560").empty());
    key = *editor::kiosk_key(data);
    content::ContentStore(store).import_pack(fixture_files(), "test");
  }
  // Every file of the data folder, byte for byte.
  [[nodiscard]] std::map<std::string, std::string> files() const {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(data)) out[entry.path().filename()] = read(entry.path());
    return out;
  }
};

// Runs `act`. When it has not returned after 3 s it is stuck on the FIFO (opened for writing
// with nobody reading, or for reading with nobody writing): the FIFO is then opened from this
// side too, drained and closed, again and again, so that it can end; and the answer is true.
bool hangs_on_fifo(const std::string& fifo, const std::function<void()>& act) {
  auto done = std::async(std::launch::async, act);
  if (done.wait_for(std::chrono::seconds(3)) == std::future_status::ready) return false;
  const auto old_handler = std::signal(SIGPIPE, SIG_IGN);  // a writer left alone must not end the tests
  char sink[4096];
  while (done.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready) {
    const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
    if (fd < 0) continue;
    for (int i = 0; i < 5; ++i) {
      while (::read(fd, sink, sizeof sink) > 0) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::close(fd);
  }
  std::signal(SIGPIPE, old_handler);
  return true;
}

// A character device node like /dev/null, where the system allows making one (as root).
bool make_device(const std::string& path) {
  return ::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0;
}

}  // namespace

TEST_CASE("export to a booby-trapped stick: links, a FIFO and a device are refused, the kiosk's files stay",
          "[pack-transfer][links]") {
  Kiosk kiosk;
  const auto before = kiosk.files();
  const std::string pack = "wegwijzer-inhoud-2026-11-25-" + kiosk.key.signer + ".wwpack";
  const std::string pub = kiosk.key.signer + ".pub";
  // The reproduction (RELIABILITY.md): SIGNER.pub.tmp -> the PIN file. Then the same for the key,
  // the store, the pack's own temp file, and the files' final names.
  const std::vector<std::pair<std::string, std::string>> links = {
      {pub + ".tmp", kiosk.pins},   {pack + ".tmp", kiosk.pins},           {pack + ".tmp", kiosk.key_file},
      {pack + ".tmp", kiosk.store}, {pub + ".tmp", kiosk.key_file},        {pub, kiosk.pins},
      {pub + ".tmp", "/dev/null"},  {pub + ".tmp", kiosk.data + "/nieuw"},
  };
  int n = 0;
  for (const auto& [name, target] : links) {
    INFO(name << " -> " << target);
    const std::string stick = test_support::temp_dir("trap-stick-" + std::to_string(n++));
    fs::create_symlink(target, stick + "/" + name);
    const auto result = editor::export_to_stick(fixture_files(), "0.1", stick, kiosk.key, "2026-11-25");
    CHECK(result.problem == "staff.usb.write_refused");
    CHECK(result.detail.find(name + " is a link") != std::string::npos);
    CHECK(fs::is_symlink(stick + "/" + name));  // left as it was: not followed, not removed
    CHECK(kiosk.files() == before);
  }

  // A FIFO where the temp file goes: the old open(O_CREAT | O_TRUNC) waited for a reader for ever.
  for (const auto& name : {pack + ".tmp", pub + ".tmp"}) {
    INFO(name);
    const std::string stick = test_support::temp_dir("trap-stick-fifo");
    REQUIRE(::mkfifo((stick + "/" + name).c_str(), 0666) == 0);
    editor::ExportResult result;
    CHECK_FALSE(hangs_on_fifo(stick + "/" + name, [&] {
      result = editor::export_to_stick(fixture_files(), "0.1", stick, kiosk.key, "2026-11-25");
    }));
    CHECK(result.problem == "staff.usb.write_refused");
    CHECK(result.detail.find("is a FIFO") != std::string::npos);
    CHECK(fs::is_fifo(fs::symlink_status(stick + "/" + name)));
  }

  // A device node of its own on the stick (possible as root).
  const std::string stick = test_support::temp_dir("trap-stick-device");
  if (make_device(stick + "/" + pack + ".tmp")) {
    const auto result = editor::export_to_stick(fixture_files(), "0.1", stick, kiosk.key, "2026-11-25");
    CHECK(result.problem == "staff.usb.write_refused");
    CHECK(result.detail.find("is a device") != std::string::npos);
  } else {
    WARN("mknod needs root: the device node case was not tried");
  }
  CHECK(kiosk.files() == before);

  // A temp file of our own left by a pulled stick is no trap: it is replaced, and the export works.
  const std::string clean = test_support::temp_dir("trap-stick-stale");
  std::ofstream(clean + "/" + pack + ".tmp") << "half a pack";
  const auto result = editor::export_to_stick(fixture_files(), "0.1", clean, kiosk.key, "2026-11-25");
  CHECK(result.problem.empty());
  CHECK(result.file == pack);
  CHECK_FALSE(fs::exists(clean + "/" + pack + ".tmp"));
}

TEST_CASE("import from a booby-trapped stick: links, a FIFO and a device are listed, refused and never read",
          "[pack-transfer][links]") {
  Kiosk kiosk;
  const std::string stick = test_support::temp_dir("trap-import-stick");
  fs::create_symlink(kiosk.pins, stick + "/pincodes.wwpack");
  fs::create_symlink(kiosk.key_file, stick + "/sleutel.wwpack");
  fs::create_symlink(kiosk.store, stick + "/inhoud.wwpack");
  fs::create_symlink("/dev/zero", stick + "/nullen.wwpack");
  REQUIRE(::mkfifo((stick + "/wacht.wwpack").c_str(), 0666) == 0);
  const bool device = make_device(stick + "/apparaat.wwpack");
  const auto before = kiosk.files();

  // The editor sees them all, and a tap on each says why the kiosk will not take it.
  const auto listed = editor::packs_on(stick);
  CHECK(listed.size() == (device ? 6u : 5u));
  for (const auto& name : listed) {
    INFO(name);
    editor::ImportPlan plan;
    CHECK_FALSE(hangs_on_fifo(stick + "/wacht.wwpack", [&] {
      plan =
          editor::plan_import(stick + "/" + name, kiosk.data + "/trusted-keys.toml", {}, {"2026-11-25", {}});
    }));
    CHECK(plan.problem == "staff.usb.refused.not_plain");
    CHECK_FALSE(plan.verified);
  }
  CHECK(kiosk.files() == before);
}

TEST_CASE("the kiosk's own files are read only when they are plain files", "[links]") {
  const std::string dir = test_support::temp_dir("plain-read");
  std::ofstream(dir + "/echt.toml") << "volume = 1\n";
  fs::create_symlink(dir + "/echt.toml", dir + "/link.toml");
  REQUIRE(::mkfifo((dir + "/fifo.toml").c_str(), 0666) == 0);
  fs::create_symlink("/dev/zero", dir + "/nullen.toml");

  CHECK(content::read_file(dir + "/echt.toml").bytes == "volume = 1\n");
  CHECK(content::read_file(dir + "/weg.toml").problem == content::FileProblem::Missing);
  CHECK(content::read_file(dir + "/link.toml").problem == content::FileProblem::NotPlain);
  CHECK(content::read_file(dir + "/nullen.toml").problem == content::FileProblem::NotPlain);
  content::FileRead fifo;
  CHECK_FALSE(hangs_on_fifo(dir + "/fifo.toml", [&] { fifo = content::read_file(dir + "/fifo.toml"); }));
  CHECK(fifo.problem == content::FileProblem::NotPlain);
  CHECK(content::read_file(dir + "/echt.toml", 5).problem == content::FileProblem::TooLarge);

  // A PIN file that is a link counts as no PINs, and setting one does not write through the link.
  const std::string elsewhere = test_support::temp_dir("plain-read-elsewhere") + "/pins.toml";
  {
    staff::Access real(elsewhere);
    REQUIRE(real.set_pin(staff::Role::Volunteer, "40719").empty());
  }
  const std::string linked = dir + "/staff-pins.toml";
  fs::create_symlink(elsewhere, linked);
  const std::string kept = read(elsewhere);
  staff::Access access(linked);
  CHECK_FALSE(access.has_pin(staff::Role::Volunteer));
  CHECK(access.set_pin(staff::Role::Editor, "83560").problem == staff::PinProblem::NotSaved);
  CHECK(read(elsewhere) == kept);
}

TEST_CASE("content written out as files never follows a link in the folder", "[links][store]") {
  const std::string data = test_support::temp_dir("trap-export-data");
  const std::string pins = staff::pin_path(data);
  std::ofstream(pins) << "volunteer = \"$argon2id$...\"\n";
  const std::string kept = read(pins);
  content::ContentStore store(content::store_path(data));
  store.import_pack(fixture_files(), "test");

  // A temp file name that is a link to the PINs; a folder of the pack that is a link to the data folder.
  const std::string out1 = test_support::temp_dir("trap-export-1");
  fs::create_symlink(pins, out1 + "/pack.toml.tmp");
  CHECK(store.export_to(out1).find("pack.toml.tmp is a link") != std::string::npos);
  const std::string out2 = test_support::temp_dir("trap-export-2");
  fs::create_symlink(data, out2 + "/pages");
  CHECK(store.export_to(out2).find("pages is a link") != std::string::npos);
  CHECK_FALSE(fs::exists(data + "/huis.toml"));
  const std::string out3 = test_support::temp_dir("trap-export-3");
  fs::create_symlink(pins, out3 + "/location.toml");
  CHECK(content::write_pack(test_support::fixture_pack(), out3).find("location.toml is a link") !=
        std::string::npos);
  CHECK(read(pins) == kept);

  // Without traps the same folders are written in full.
  const std::string clean = test_support::temp_dir("trap-export-clean");
  CHECK(store.export_to(clean).empty());
  CHECK(content::read_files(clean) == fixture_files());
}
