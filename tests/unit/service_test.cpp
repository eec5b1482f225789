// The kiosk as a system service: the watchdog's timing and the settings file.
#include "platform/service.hpp"

#include <catch2/catch.hpp>

#include "app/kiosk_app.hpp"
#include "platform/kiosk_config.hpp"
#include "slip/printer.hpp"
#include "support/fixtures.hpp"

using platform::service::Watchdog;
using platform::service::watchdog_interval;

TEST_CASE("the watchdog is pinged at half the limit systemd gives", "[service][watchdog]") {
  const auto env = watchdog_interval("30000000", "4242", 4242, 1);
  REQUIRE(env.interval_ms == 15000);
  CHECK(env.note.find("every 15 s") != std::string::npos);
  CHECK(env.note.find("limit 30 s") != std::string::npos);
  CHECK(watchdog_interval("2000000", nullptr, 10, 9).interval_ms == 1000);  // no WATCHDOG_PID: for us
  CHECK(watchdog_interval("1500", nullptr, 10, 9).interval_ms == 1);        // never 0: that would spin
}

TEST_CASE("under cage the watchdog meant for the compositor is served by the kiosk", "[service][watchdog]") {
  // systemd names the process it started (cage); cage started the kiosk with its environment.
  CHECK(watchdog_interval("30000000", "700", 701, 700).interval_ms == 15000);
  // Anyone else's watchdog is not ours to ping.
  const auto other = watchdog_interval("30000000", "1", 701, 700);
  CHECK_FALSE(other.interval_ms);
  CHECK(other.note.find("WATCHDOG_PID 1") != std::string::npos);
}

TEST_CASE("a missing or bad WATCHDOG_USEC means no watchdog, and the log says why", "[service][watchdog]") {
  CHECK_FALSE(watchdog_interval(nullptr, nullptr, 1, 0).interval_ms);
  CHECK_FALSE(watchdog_interval("", nullptr, 1, 0).interval_ms);
  for (const char* bad : {"0", "-5", "30s", "abc"}) {
    const auto env = watchdog_interval(bad, nullptr, 1, 0);
    CHECK_FALSE(env.interval_ms);
    CHECK(env.note.find("not a number") != std::string::npos);
  }
}

TEST_CASE("the watchdog wakes the idle loop when a ping is due, not sooner", "[service][watchdog]") {
  Watchdog none(std::nullopt);
  CHECK_FALSE(none.enabled());
  CHECK_FALSE(none.next_due(5000));  // no watchdog: the loop may sleep until the next touch
  CHECK_FALSE(none.due(5000));

  Watchdog dog(1000);
  CHECK(dog.due(0));  // never pinged: at once
  CHECK(dog.next_due(0) == 0);
  dog.pinged(100);
  CHECK_FALSE(dog.due(1099));
  CHECK(dog.next_due(500) == 1100);
  CHECK(dog.due(1100));
  CHECK(dog.next_due(5000) == 5000);  // overdue: now, never in the past
}

TEST_CASE("the settings file sets screen, idle, languages, printer and sound", "[service][config]") {
  const auto read = platform::parse_config(R"(
[screen]
width_mm = 476
height_mm = 267.8
renderer = "software"
[session]
idle_seconds = 120
languages = ["nl", "en"]
[printer]
uri = "escpos:tcp://192.168.10.20:9100?paper=58mm"
[sound]
speech = true
interface_sounds = false
)",
                                           "wegwijzer.toml");
  CHECK(read.problems.empty());
  CHECK_FALSE(read.errors);
  const auto& c = read.config;
  CHECK(c.screen_width_mm == Approx(476));
  CHECK(c.screen_height_mm == Approx(267.8));
  CHECK(c.software_renderer == true);
  CHECK(c.idle_seconds == 120);
  CHECK(c.languages == std::vector<std::string>{"nl", "en"});
  CHECK(c.printer == "escpos:tcp://192.168.10.20:9100?paper=58mm");
  CHECK(c.speech == true);
  CHECK(c.interface_sounds == false);
}

TEST_CASE("a settings file with a syntax error gives file:line and no settings at all", "[service][config]") {
  const auto read =
      platform::parse_config("[screen]\nwidth_mm = 476\n[session\nidle_seconds = 5\n", "k.toml");
  CHECK(read.errors);
  REQUIRE(read.problems.size() == 1);
  CHECK(read.problems[0].rfind("k.toml:3: error: ", 0) == 0);
  CHECK(read.problems[0].find("defaults are used") != std::string::npos);
  CHECK_FALSE(read.config.screen_width_mm);  // not even the good line before it
}

TEST_CASE("a wrong value keeps its default and names its line: a typo is a warning", "[service][config]") {
  const auto read = platform::parse_config(R"([session]
idle_seconds = 5
languages = "nl"
[printer]
uri = "lp0"
[screen]
width_mm = 476
renderer = "fast"
[sound]
speach = false
)",
                                           "k.toml");
  CHECK(read.errors);
  REQUIRE(read.problems.size() == 5);
  CHECK(read.problems[0].rfind("k.toml:2: error: idle_seconds", 0) == 0);
  CHECK(read.problems[1].rfind("k.toml:3: error: languages", 0) == 0);
  CHECK(read.problems[2].rfind("k.toml:5: error: uri", 0) == 0);
  CHECK(read.problems[2].find("escpos:tcp://HOST:9100") != std::string::npos);
  CHECK(read.problems[3].rfind("k.toml:8: error: renderer", 0) == 0);
  CHECK(read.problems[4] == "k.toml:10: warning: unknown setting 'sound.speach' is ignored");
  CHECK_FALSE(read.config.idle_seconds);
  CHECK_FALSE(read.config.languages);
  CHECK_FALSE(read.config.printer);
  CHECK(read.config.screen_width_mm == Approx(476));  // the good setting still counts
}

TEST_CASE("an empty printer means no printer: a missing file is an error", "[service][config]") {
  const auto read = platform::parse_config("[printer]\nuri = \"\"\n", "k.toml");
  CHECK_FALSE(read.errors);
  CHECK(read.config.printer == "");
  const auto missing = platform::read_config_file("/nonexistent/wegwijzer.toml");
  CHECK(missing.errors);
  CHECK(missing.problems.at(0).rfind("/nonexistent/wegwijzer.toml:0: error: cannot read", 0) == 0);
}

TEST_CASE("the desk's call printer is off unless set, and checked as the slip printer is",
          "[service][config][call]") {
  CHECK_FALSE(platform::parse_config("[printer]\nuri = \"cups:A4\"\n", "k.toml").config.call_printer);
  const auto set =
      platform::parse_config("[printer]\ncall_uri = \"escpos:tcp://192.168.10.21:9100\"\n", "k.toml");
  CHECK(set.problems.empty());
  CHECK(set.config.call_printer == "escpos:tcp://192.168.10.21:9100");
  // A bad address, and a file outside the folder the settings name, are refused by their line.
  const auto bad = platform::parse_config(
      "[printer]\nfolder = \"/var/lib/wegwijzer/slips\"\nuri = \"file:/var/lib/wegwijzer/slips/s\"\n"
      "call_uri = \"file:/etc/passwd\"\n",
      "k.toml");
  CHECK(bad.errors);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].rfind("k.toml:4: error: call_uri may write into a file only in the folder", 0) == 0);
  CHECK(bad.config.printer == "file:/var/lib/wegwijzer/slips/s");
  CHECK_FALSE(bad.config.call_printer);
  const auto host =
      platform::parse_config("[printer]\ncall_uri = \"escpos:tcp://10.0.0.0/8:9100\"\n", "k.toml");
  CHECK(host.errors);
  CHECK_FALSE(host.config.call_printer);
}

TEST_CASE("only offered languages the content has, and always its default", "[service][config]") {
  std::vector<std::string> problems;
  const auto offered =
      platform::languages_to_offer({"ar", "en", "xx"}, {"nl", "en", "ar", "tr"}, "nl", &problems);
  CHECK(offered == std::vector<std::string>{"nl", "en", "ar"});  // in the content's order
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("'xx' is not in the content") != std::string::npos);
  CHECK(problems[1].find("'nl' is the content's default") != std::string::npos);
  CHECK(platform::languages_to_offer({}, {"nl", "en"}, "nl") == std::vector<std::string>{"nl", "en"});
}

TEST_CASE("the kiosk offers only the configured languages, also after new content", "[service][config]") {
  const auto pack = std::make_shared<const content::ContentPack>(test_support::fixture_pack());
  REQUIRE(pack->languages.size() == 3);
  app::KioskApp kiosk(pack);
  kiosk.offer_languages({"nl", "ar"});
  auto codes = [&] {
    std::vector<std::string> out;
    for (const auto& language : kiosk.content().languages) out.push_back(language.code);
    return out;
  };
  CHECK(codes() == std::vector<std::string>{"nl", "ar"});
  kiosk.replace_content(pack);  // as publishing does
  CHECK(codes() == std::vector<std::string>{"nl", "ar"});
  CHECK(pack->languages.size() == 3);  // the shared snapshot itself is not changed
}

// Issue 23, item 7: the printer's host became IPAddressAllow= in a unit file read by root.
TEST_CASE("a printer host with a line break, a network or a wildcard is refused with its line",
          "[service][config][printer-host]") {
  const auto read = platform::parse_config(
      "[printer]\nuri = \"escpos:tcp://10.0.0.9\\nExecStartPre=+/bin/touch /tmp/owned:9100\"\n", "k.toml");
  CHECK(read.errors);
  REQUIRE(read.problems.size() == 1);
  CHECK(read.problems[0].rfind("k.toml:2: error: uri", 0) == 0);
  CHECK(read.problems[0].find("not an IP address or a host name") != std::string::npos);
  CHECK_FALSE(read.config.printer);
  for (const char* uri :
       {"escpos:tcp://::/0:9100", "escpos:tcp://[::/0]:9100", "escpos:tcp://*:9100",
        "escpos:tcp://10.0.0.0/8:9100", "escpos:tcp://drukker bieb:9100", "escpos:tcp://0.0.0.0:9100",
        "escpos:tcp://[::]:9100", "escpos:tcp://256.1.1.1:9100", "escpos:tcp://fe80::1%eth0:9100",
        "escpos:tcp://-x.nl:9100"}) {
    INFO(uri);
    CHECK(platform::parse_config(std::string("[printer]\nuri = \"") + uri + "\"\n", "k.toml").errors);
  }
  for (const char* uri : {"escpos:tcp://10.20.30.40:9100", "escpos:tcp://[fe80::1]:9100",
                          "escpos:tcp://[2001:db8::7]:9100?paper=58mm", "escpos:tcp://drukker.bieb.nl:9100",
                          "escpos:tcp://localhost:9100"}) {
    INFO(uri);
    const auto good = platform::parse_config(std::string("[printer]\nuri = \"") + uri + "\"\n", "k.toml");
    CHECK_FALSE(good.errors);
    CHECK(good.config.printer == uri);
  }
}

// Issue 23, item 3: 40,000 dotted levels overflowed toml++'s stack in check-config.
TEST_CASE("a settings file nested 40,000 levels deep is refused with its line, not a crash",
          "[service][config][toml-depth]") {
  std::string deep = "[screen]\nwidth_mm = 476\n";
  for (int i = 0; i < 40000; ++i) deep += "a.";
  deep += "a = 1\n";
  const auto read = platform::parse_config(deep, "k.toml");
  CHECK(read.errors);
  REQUIRE(read.problems.size() == 1);
  CHECK(read.problems[0].rfind("k.toml:3: error: keys, tables and arrays nest deeper than 32 levels", 0) ==
        0);
}

TEST_CASE("a size of nan or inf and a port with letters after it are errors at their line",
          "[service][config][numbers]") {
  const auto read = platform::parse_config(
      "[screen]\nheight_mm = nan\nwidth_mm = inf\n[printer]\nuri = \"escpos:tcp://10.0.0.9:9100abc\"\n",
      "k.toml");
  CHECK(read.errors);
  REQUIRE(read.problems.size() == 3);
  CHECK(read.problems[0].rfind("k.toml:2: error: height_mm wants the panel's visible size", 0) == 0);
  CHECK(read.problems[1].rfind("k.toml:3: error: width_mm", 0) == 0);
  CHECK(read.problems[2].rfind("k.toml:5: error: uri ", 0) == 0);
  CHECK(read.problems[2].find("digits only") != std::string::npos);
  CHECK_FALSE(read.config.screen_height_mm);
  CHECK_FALSE(read.config.printer);
  for (const char* port : {"9100 ", "+9100", "-1", "0x23", "99999", "9100.0", ""}) {
    INFO(port);
    CHECK_FALSE(slip::parse_printer(std::string("escpos:tcp://10.0.0.9:") + port));
  }
  CHECK(slip::parse_printer("escpos:tcp://10.0.0.9:9100")->port == 9100);
}

TEST_CASE("a file printer writes only into the folder the settings name, escpos: only under /dev/usb/",
          "[service][config][printer-paths]") {
  auto problems = [](const std::string& printer) {
    return platform::parse_config("[printer]\n" + printer, "k.toml");
  };
  const auto none = problems("uri = \"file:/etc/hostname\"\n");
  CHECK(none.errors);
  REQUIRE(none.problems.size() == 1);
  CHECK(
      none.problems[0] ==
      "k.toml:2: error: uri may write into a file only in the folder named by [printer] folder, and there is "
      "none; the default is used");
  CHECK_FALSE(none.config.printer);
  const auto elsewhere = problems("folder = \"/var/lib/wegwijzer/slips\"\nuri = \"file:/etc/hostname\"\n");
  REQUIRE(elsewhere.problems.size() == 1);
  CHECK(elsewhere.problems[0].rfind("k.toml:3: error: uri may write into a file only in the folder named by "
                                    "[printer] folder (/var/lib/wegwijzer/slips)",
                                    0) == 0);
  CHECK(
      problems("folder = \"/var/lib/wegwijzer/slips\"\nuri = \"file:/var/lib/wegwijzer/slips/a/b.escpos\"\n")
          .errors);
  CHECK(problems("folder = \"/var/lib/wegwijzer/slips\"\nuri = \"file:/var/lib/wegwijzer/slips/../x\"\n")
            .errors);
  CHECK(problems("folder = \"slips\"\nuri = \"file:slips/x\"\n").errors);
  const auto fine = problems(
      "uri = \"file:/var/lib/wegwijzer/slips/slip.escpos\"\nfolder = \"/var/lib/wegwijzer/slips/\"\n");
  CHECK(fine.problems.empty());
  CHECK(fine.config.printer == "file:/var/lib/wegwijzer/slips/slip.escpos");
  const auto device = problems("uri = \"escpos:/etc/hostname\"\n");
  REQUIRE(device.problems.size() == 1);
  CHECK(
      device.problems[0] ==
      "k.toml:2: error: uri a USB receipt printer is a device under /dev/usb/, e.g. escpos:/dev/usb/lp0; the "
      "default is used");
  CHECK(problems("uri = \"escpos:/dev/usb/lp0\"\n").problems.empty());
}
