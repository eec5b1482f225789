// "Roep iemand" as a signal to a local address (issue 22, item 4): an HTTP POST that only goes
// to this building's own network, says only that someone at the kiosk would like help and when,
// and gives up after two seconds.
#include <catch2/catch.hpp>
#include <chrono>

#include "net/signal.hpp"
#include "platform/kiosk_config.hpp"
#include "slip/slip.hpp"
#include "support/fixtures.hpp"
#include "support/listener.hpp"

using test_support::Listener;

TEST_CASE("a call signal goes only to an IP address of the library's own network", "[call][signal]") {
  struct Good {
    const char* uri;
    const char* address;
    int port;
    const char* path;
  };
  for (const auto& good :
       {Good{"http://192.168.1.20:8080/hulp", "192.168.1.20", 8080, "/hulp"},
        Good{"http://10.0.0.5", "10.0.0.5", 80, "/"}, Good{"http://172.16.0.1/", "172.16.0.1", 80, "/"},
        Good{"http://172.31.255.254/a?b=c", "172.31.255.254", 80, "/a?b=c"},
        Good{"http://127.0.0.1:9/x", "127.0.0.1", 9, "/x"},
        Good{"http://localhost:8080/hulp", "127.0.0.1", 8080, "/hulp"},
        Good{"http://169.254.10.2/", "169.254.10.2", 80, "/"},
        Good{"http://[fd00::20]:8080/hulp", "fd00::20", 8080, "/hulp"},
        Good{"http://[::1]:8080/", "::1", 8080, "/"},
        Good{"http://[fe80::1%eth0]:8080/", "fe80::1%eth0", 8080, "/"},
        Good{"http://[fe80::1%25eth0]/", "fe80::1%eth0", 80, "/"}}) {
    INFO(good.uri);
    std::string why;
    const auto target = net::parse_signal(good.uri, &why);
    REQUIRE(target);
    CHECK(why.empty());
    CHECK(target->address == good.address);
    CHECK(target->port == good.port);
    CHECK(target->path == good.path);
  }
  // Each refused with a sentence that says what is wrong.
  struct Bad {
    const char* uri;
    const char* says;
  };
  for (const auto& bad : {Bad{"https://192.168.1.20/hulp", "is not http://"},
                          Bad{"ftp://10.0.0.1/", "is not http://"},
                          Bad{"", "is not http://"},
                          Bad{"http://8.8.8.8/hulp", "the call would leave the building"},
                          Bad{"http://172.32.0.1/", "the call would leave the building"},
                          Bad{"http://192.169.0.1/", "the call would leave the building"},
                          Bad{"http://0.0.0.0/", "the call would leave the building"},
                          Bad{"http://[2001:db8::1]/", "the call would leave the building"},
                          Bad{"http://[::ffff:8.8.8.8]/", "the call would leave the building"},
                          Bad{"http://hulp.local:8080/", "not an IP address"},
                          Bad{"http://192.168.1/", "not an IP address"},
                          Bad{"http://192.168.1.20:99999/", "port of 1 to 65535"},
                          Bad{"http://192.168.1.20:80x/", "port of 1"},
                          Bad{"http://192.168.1.20:/", "port of 1"},
                          Bad{"http://192.168.1.20:0/", "port of 1"},
                          Bad{"http://192.168.1.20/hulp\r\nX-Evil: 1", "a line break"},
                          Bad{"http://192.168.1.20/a b", "a space"},
                          Bad{"http://user:pw@192.168.1.20/", "user name or password"},
                          Bad{"http:///hulp", "names no address"},
                          Bad{"http://fd00::1/", "in brackets"},
                          Bad{"http://[fd00::1/", "misses the ']'"},
                          Bad{"http://[fe80::1]:8080/", "network interface"},
                          Bad{"http://192.168.1.20%eth0/", "only a link-local IPv6 address"},
                          Bad{"http://[fe80::1%eth0;rm]/", "only a link-local IPv6 address"}}) {
    INFO(bad.uri);
    std::string why;
    CHECK_FALSE(net::parse_signal(bad.uri, &why));
    CHECK(why.find(bad.says) != std::string::npos);
  }
  CHECK(net::is_local_address("192.168.0.1"));
  CHECK(net::is_local_address("fc12::1"));
  CHECK_FALSE(net::is_local_address("1.1.1.1"));
  CHECK_FALSE(net::is_local_address("localhost"));  // an address, not a name
}

TEST_CASE("the settings refuse a call signal outside the building, and take one inside it",
          "[call][signal]") {
  const auto good = platform::parse_config(
      "[call]\nsignal_uri = \"http://192.168.1.20:8080/hulp\"\nname = \"Kiosk bij de ingang\"\n", "k.toml");
  CHECK_FALSE(good.errors);
  CHECK(good.config.call_signal == "http://192.168.1.20:8080/hulp");
  CHECK(good.config.call_name == "Kiosk bij de ingang");
  const auto off = platform::parse_config("[call]\nsignal_uri = \"\"\n", "k.toml");
  CHECK_FALSE(off.errors);
  CHECK(off.config.call_signal == "");

  const auto bad = platform::parse_config(
      "[call]\nsignal_uri = \"http://ntfy.sh/bibliotheek\"\nname = \"Kiosk\\nX-Evil: 1\"\n", "k.toml");
  CHECK(bad.errors);
  CHECK_FALSE(bad.config.call_signal);
  CHECK_FALSE(bad.config.call_name);
  REQUIRE(bad.problems.size() == 2);
  CHECK(bad.problems[0].rfind("k.toml:2: error: signal_uri names 'ntfy.sh', not an IP address", 0) == 0);
  CHECK(bad.problems[1].rfind("k.toml:3: error: name is one short line", 0) == 0);
  const auto outside = platform::parse_config("[call]\nsignal_uri = \"http://8.8.8.8/\"\n", "k.toml");
  REQUIRE(outside.problems.size() == 1);
  CHECK(outside.problems[0].find("8.8.8.8 is not on the library's own network") != std::string::npos);
}

TEST_CASE("a call signal reaches a real receiver with the ticket's sentence, the time and the kiosk's name",
          "[call][signal]") {
  Listener receiver("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
  const auto target = net::parse_signal(receiver.url("/hulp"));
  REQUIRE(target);
  const std::string text =
      slip::call_message(test_support::fixture_pack(), 14 * 60 + 32, "Kiosk bij de ingang");
  CHECK(text ==
        "Iemand bij de kiosk wil graag hulp. 14.32 uur\nKiosk bij de ingang, Bibliotheek Voorbeeldstad\n");
  const auto outcome = net::send_signal(*target, text);
  CHECK(outcome.ok);
  CHECK(outcome.detail.empty());
  const std::string request = receiver.request();
  CHECK(request.rfind("POST /hulp HTTP/1.1\r\n", 0) == 0);
  CHECK(request.find("\r\nHost: 127.0.0.1:" + std::to_string(receiver.port()) + "\r\n") != std::string::npos);
  CHECK(request.find("\r\nContent-Type: text/plain; charset=utf-8\r\n") != std::string::npos);
  CHECK(receiver.body() == text);
  // Without a name from the settings, the library's.
  CHECK(slip::call_message(test_support::fixture_pack(), -1, "") ==
        "Iemand bij de kiosk wil graag hulp.\nBibliotheek Voorbeeldstad\n");
}

TEST_CASE(
    "a call signal fails at once on a closed port, on an answer that is not 2xx, and after 2 s of silence",
    "[call][signal]") {
  using Clock = std::chrono::steady_clock;
  const std::string text = "Iemand bij de kiosk wil graag hulp.\n";

  const auto closed =
      net::parse_signal("http://127.0.0.1:" + std::to_string(test_support::closed_port()) + "/");
  REQUIRE(closed);
  auto start = Clock::now();
  const auto refused = net::send_signal(*closed, text);
  CHECK_FALSE(refused.ok);
  CHECK(refused.detail.find("no connection to 127.0.0.1:") == 0);
  CHECK(Clock::now() - start < std::chrono::milliseconds(1000));

  Listener wrong("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
  const auto not_found = net::send_signal(*net::parse_signal(wrong.url("/hulp")), text);
  CHECK_FALSE(not_found.ok);
  CHECK(not_found.detail == "the receiver answered \"HTTP/1.1 404 Not Found\"");

  Listener garbage("hello\r\n");
  const auto not_http = net::send_signal(*net::parse_signal(garbage.url("/")), text);
  CHECK_FALSE(not_http.ok);
  CHECK(not_http.detail == "an answer that is not HTTP");

  Listener silent("");  // takes the connection, never answers
  start = Clock::now();
  const auto timed_out = net::send_signal(*net::parse_signal(silent.url("/hulp")), text);
  const auto took = Clock::now() - start;
  CHECK_FALSE(timed_out.ok);
  CHECK(timed_out.detail == "no answer within 2000 ms");
  CHECK(took >= std::chrono::milliseconds(1900));
  CHECK(took < std::chrono::milliseconds(3000));
}
