// The slip: its blocks, its pictures, ESC/POS there and back, and printers that
// answer, run out of paper, or say nothing.
#include "slip/slip.hpp"

#include <arpa/inet.h>
#include <cups/cups.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "content/pack_reader.hpp"
#include "hours/handover.hpp"
#include "slip/escpos.hpp"
#include "slip/paper.hpp"
#include "slip/printer.hpp"
#include "runtime/runtime.hpp"
#include "slip/qr.hpp"
#include "slip/vcard.hpp"
#include "support/golden.hpp"
#include "support/fixtures.hpp"
#include "support/text_engine.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/raster.hpp"
#include "ui/shell.hpp"

namespace {

const slip::Request kRequest{{"huurtoeslag", "aio"}, "call", "2026-11-25", "nl"};

const content::ContentPack& shipped_pack() {
  static const auto read = content::read_pack(std::string(WEGWIJZER_SOURCE_DIR) + "/content");
  REQUIRE(read.pack);
  return *read.pack;
}

// The lines under "Neem mee:" (the check boxes).
std::vector<std::string> bring_list(const slip::Slip& s) {
  std::vector<std::string> out;
  for (const auto& block : s.blocks)
    if (block.kind == slip::Kind::Check) out.push_back(block.text);
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

test_support::Engine& engine() {
  return test_support::shared_engine();
}

// A receipt printer on 127.0.0.1: answers the three status queries with the
// given bytes (or not at all) and keeps what it is sent.
class FakePrinter {
 public:
  // `vanish_after`: the printer goes once it has that many bytes of the job: switched off
  // (its connection reset), or with `hang_up` closing its end politely; -1: it takes the job.
  explicit FakePrinter(std::optional<unsigned char> paper_status, bool answers = true, long vanish_after = -1,
                       bool hang_up = false)
      : paper_(paper_status), answers_(answers), vanish_after_(vanish_after), hang_up_(hang_up) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    listen(listener_, 1);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakePrinter() { finish(); }
  [[nodiscard]] std::string uri() const { return "escpos:tcp://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] int port() const { return port_; }
  // Everything sent after the status queries, once the connection has closed.
  std::string finish() {
    if (thread_.joinable()) {
      shutdown(listener_, SHUT_RDWR);
      thread_.join();
      close(listener_);
    }
    return received_;
  }

 private:
  void serve() {
    const int client = accept(listener_, nullptr, nullptr);
    if (client < 0) return;
    std::string in;
    char buffer[65536];
    int queries = 0;
    for (ssize_t n; (n = read(client, buffer, sizeof buffer)) > 0;) {
      in.append(buffer, static_cast<std::size_t>(n));
      // Answer each DLE EOT n as it arrives.
      while (queries < 3 && in.size() >= 3 && in[0] == '\x10' && in[1] == '\x04') {
        const int q = in[2];
        in.erase(0, 3);
        ++queries;
        if (!answers_) continue;
        const unsigned char reply = q == 4 && paper_ ? *paper_ : 0x12;
        if (write(client, &reply, 1) != 1) break;
      }
      if (queries == 3) received_ += std::exchange(in, {});
      // After the whole job (it ends with the cut), a status query is answered again.
      static const std::string cut("\x1dV\x42\x00", 4);
      if (answers_ && received_.size() >= cut.size() + 3 &&
          received_.compare(received_.size() - 3, 2, "\x10\x04") == 0 &&
          received_.compare(received_.size() - 3 - cut.size(), cut.size(), cut) == 0) {
        const int q = received_.back();
        received_.resize(received_.size() - 3);
        const unsigned char reply = q == 4 && paper_ ? *paper_ : 0x12;
        if (write(client, &reply, 1) != 1) break;
        after_job_ += 1;
      }
      if (vanish_after_ >= 0 && static_cast<long>(received_.size()) >= vanish_after_) {
        const linger reset{1, 0};  // gone at once: the sender meets a reset, not a polite close
        if (!hang_up_) setsockopt(client, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        break;
      }
    }
    close(client);
  }

  std::optional<unsigned char> paper_;
  bool answers_;
  long vanish_after_;
  bool hang_up_;
  int after_job_ = 0;  // status queries answered after the job
  std::string received_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
};

slip::PrintOutcome print_to(const std::string& uri, const std::string& bytes) {
  std::string error;
  const auto target = slip::parse_printer(uri, &error);
  REQUIRE(target);
  return slip::send_escpos(*target, bytes, std::chrono::milliseconds(400));
}

}  // namespace

TEST_CASE("the slip says what to do, where, what to bring and what to say", "[slip]") {
  const auto s = slip::make_slip(test_support::fixture_pack(), kRequest);
  const std::string text = slip::plain_text(s);
  INFO(text);
  CHECK(text.rfind("Uw volgende stap\n25 november 2026\n", 0) == 0);
  CHECK(text.find("Huurtoeslag\n") != std::string::npos);
  CHECK(text.find("Neem mee:\nUw huurcontract en uw jaaropgave.\n") != std::string::npos);
  // On the phone to Dienst Toeslagen: only what it handles; the SVB stands under "Ook:".
  CHECK(text.find("Ik wil graag praten over huurtoeslag.\n") != std::string::npos);
  CHECK(text.find("Ook: Sociale Verzekeringsbank (SVB)") != std::string::npos);
  CHECK(text.find("Naam medewerker:") != std::string::npos);
  CHECK(text.substr(text.size() - 32) == "Wij hebben niets van u bewaard.\n");
  // The QR code holds the place called (Dienst Toeslagen in the fixture) as a vCard.
  CHECK(s.qr.rfind("BEGIN:VCARD\r\nVERSION:3.0\r\n", 0) == 0);
  CHECK(s.qr.find("\r\nTEL:" + test_support::fixture_pack().find_contact("toeslagen")->phone + "\r\n") !=
        std::string::npos);
  // Walking to the desk: the info point of this library.
  const auto desk = slip::plain_text(
      slip::make_slip(test_support::fixture_pack(), {{"huurtoeslag"}, "desk", "2026-11-25", "nl"}));
  CHECK(desk.find(test_support::fixture_pack().location.name) != std::string::npos);
}

TEST_CASE("the slip's date is written in the visitor's language, the day first, in digits 0-9",
          "[slip][date]") {
  CHECK(slip::long_date("2026-12-07", "nl") == "7 december 2026");
  CHECK(slip::long_date("2026-01-07", "en") == "7 January 2026");
  CHECK(slip::long_date("2026-12-07", "ar") == "7 \u062F\u064A\u0633\u0645\u0628\u0631 2026");
  CHECK(slip::long_date("2026-12-07", "tr") == "7 Aral\u0131k 2026");
  CHECK(slip::long_date("2026-12-07", "uk") == "7 \u0433\u0440\u0443\u0434\u043D\u044F 2026\u202F\u0440.");
  // A day that does not exist, or no date: given as it came, never another day.
  CHECK(slip::long_date("2026-02-31", "nl") == "2026-02-31");
  CHECK(slip::long_date("2026-13-01", "tr") == "2026-13-01");
  CHECK(slip::long_date("gisteren", "ar") == "gisteren");
  CHECK(slip::long_date("", "uk").empty());
  // On the slip (and so in what speech reads), under the title.
  const auto& pack = shipped_pack();
  for (const auto& language : pack.languages) {
    const auto s = slip::make_slip(pack, {{"huurtoeslag"}, "desk", "2026-12-07", language.code});
    REQUIRE(s.blocks.size() > 1);
    CHECK(s.blocks[1].kind == slip::Kind::Date);
    CHECK(s.blocks[1].text == slip::long_date("2026-12-07", language.code));
    CHECK(s.blocks[1].text.find("12") == std::string::npos);
  }
}

TEST_CASE("'Neem mee' lists each thing once, and a partner's papers only for a visitor with a partner",
          "[slip][bring]") {
  const auto& pack = shipped_pack();
  // Huurtoeslag and zorgtoeslag both need a DigiD; the IDO's own list names it again.
  for (const std::string lang : {"nl", "en", "ar", "tr", "uk"})
    for (const bool partner : {false, true}) {
      const auto s =
          slip::make_slip(pack, {{"aio", "huurtoeslag", "ido"}, "think", "2026-11-25", lang, partner});
      const auto items = bring_list(s);
      INFO(lang << (partner ? " with a partner" : " alone") << "\n" << slip::plain_text(s));
      std::set<std::string> seen;
      for (const auto& item : items) CHECK(seen.insert(lower(item)).second);
      const auto* aio = pack.find_rule("aio");
      REQUIRE(aio);
      const std::string& partner_item = pack.pick(aio->bring_partner, lang);
      REQUIRE_FALSE(partner_item.empty());
      CHECK((std::find(items.begin(), items.end(), partner_item) != items.end()) == partner);
    }
  const auto nl =
      bring_list(slip::make_slip(pack, {{"huurtoeslag", "zorgtoeslag"}, "desk", "2026-11-25", "nl"}));
  CHECK(std::count(nl.begin(), nl.end(), "Uw DigiD, als u die heeft.") == 1);
  for (const auto& item : nl) CHECK(item.find("partner") == std::string::npos);
}

TEST_CASE("the Geldfit number is on a slip once: as its place, or as the line for money worries", "[slip][bring]") {
  const auto& pack = shipped_pack();
  const auto* geldfit = pack.find_contact("geldfit");
  REQUIRE(geldfit);
  auto count = [&](const slip::Slip& s) {
    int n = 0;
    for (const auto& block : s.blocks)
      n += block.text.find(geldfit->phone) != std::string::npos && block.kind != slip::Kind::Item;
    return n;
  };
  for (const std::string lang : {"nl", "ar"})
    for (const std::string step : {"desk", "go", "call", "think"}) {
      INFO(lang << " " << step);
      // Geldfit suggested beside money worries: "Ook: Geldfit, 0800 8115" (or Geldfit the place).
      const auto with = slip::make_slip(pack, {{"huurtoeslag", "kwijtschelding", "geldfit"}, step, "2026-12-07", lang});
      INFO(slip::plain_text(with));
      CHECK(count(with) == 1);
      // Money worries without Geldfit among the places: the line with its number, once.
      const auto* rule = pack.find_rule("bijzondere_bijstand");
      REQUIRE(rule);
      REQUIRE(rule->money);
      const auto without = slip::make_slip(pack, {{"bijzondere_bijstand"}, step, "2026-12-07", lang});
      const std::string line = content::fill_in(pack.text("slip.geldfit", lang), {{"phone", geldfit->phone}});
      CHECK(slip::plain_text(without).find(line) != std::string::npos);
      CHECK(count(without) == 1);
    }
}

TEST_CASE("the sentence to say fits where it is said", "[slip][say]") {
  const auto& pack = shipped_pack();
  auto say = [&](const std::vector<std::string>& ids, const std::string& step) {
    const auto s = slip::make_slip(pack, {ids, step, "2026-11-25", "nl"});
    for (std::size_t i = 0; i + 1 < s.blocks.size(); ++i)
      if (s.blocks[i].kind == slip::Kind::Heading && s.blocks[i].text == pack.text("slip.say", "nl"))
        return s.blocks[i + 1].text;
    return std::string{};
  };
  // At the info point's own desk: no "Ik kom van het informatiepunt".
  CHECK(say({"huurtoeslag"}, "desk") == "Ik wil graag praten over huurtoeslag.");
  CHECK(say({"ido"}, "go") == "Ik wil graag praten over hulp bij brieven en DigiD.");
  // Elsewhere, and on the phone.
  CHECK(say({"mantelzorg"}, "go") ==
        "Ik kom van het informatiepunt in de bibliotheek. Ik wil graag praten over steun bij de zorg voor een "
        "ander.");
  CHECK(say({"huurtoeslag"}, "call") ==
        "Ik heb uw nummer van het informatiepunt in de bibliotheek. Ik wil graag praten over huurtoeslag.");
  // A place with only a phone is called, also by a visitor who thinks it over first.
  CHECK(say({"huurtoeslag"}, "think") ==
        "Ik heb uw nummer van het informatiepunt in de bibliotheek. Ik wil graag praten over huurtoeslag.");
  // Elsewhere only what that place handles (the others stand under "Ook:"); at the info point all.
  CHECK(say({"aio", "huurtoeslag"}, "call") ==
        "Ik heb uw nummer van het informatiepunt in de bibliotheek. Ik wil graag praten over huurtoeslag.");
  CHECK(say({"huurtoeslag", "kwijtschelding"}, "go") ==
        "Ik kom van het informatiepunt in de bibliotheek. Ik wil graag praten over kwijtschelding van de "
        "gemeentebelasting.");
  CHECK(say({"aio", "huurtoeslag"}, "desk") == "Ik wil graag praten over AIO en huurtoeslag.");
}

TEST_CASE("the part for the counter says the sentence again in Dutch, framed, and a Dutch slip says it once",
          "[slip][counter]") {
  const auto& pack = shipped_pack();
  auto frame_of = [](const slip::Slip& s) {
    std::vector<slip::Block> out;
    for (std::size_t i = 0; i < s.blocks.size(); ++i)
      if (s.blocks[i].counter) {
        // One frame: its blocks follow each other.
        if (!out.empty()) CHECK(s.blocks[i - 1].counter);
        out.push_back(s.blocks[i]);
      }
    return out;
  };
  const std::string dutch = "Ik wil graag praten over huurtoeslag en AIO.";
  const auto nl = slip::make_slip(pack, {{"huurtoeslag", "aio"}, "desk", "2026-12-07", "nl"});
  const auto nl_frame = frame_of(nl);
  INFO(slip::plain_text(nl));
  REQUIRE(nl_frame.size() == 3);
  CHECK(nl_frame[0].text == "U kunt zeggen:");
  CHECK(nl_frame[1].text == dutch);
  CHECK(nl_frame[2].kind == slip::Kind::Field);
  const std::string nl_text = slip::plain_text(nl);
  CHECK(nl_text.find(dutch) == nl_text.rfind(dutch));
  CHECK(nl_text.find(pack.text("slip.counter", "nl")) == std::string::npos);
  CHECK(nl_text.find(pack.text("slip.counter_staff", "nl")) == std::string::npos);

  for (const std::string lang : {"en", "ar", "tr", "uk"}) {
    const auto s = slip::make_slip(pack, {{"huurtoeslag", "aio"}, "desk", "2026-12-07", lang});
    INFO(lang << "\n" << slip::plain_text(s));
    const auto frame = frame_of(s);
    REQUIRE(frame.size() == 4);
    // Headed in the visitor's language and in Dutch; the sentence and the staff's name in Dutch.
    CHECK(frame[0].text == pack.text("slip.counter", lang));
    CHECK_FALSE(frame[0].in_default_language);
    CHECK(frame[1].text == pack.text("slip.counter_staff", "nl"));
    CHECK(frame[2].text == dutch);
    CHECK(frame[3].text == pack.text("slip.staff", "nl"));
    for (std::size_t i = 1; i < frame.size(); ++i) CHECK(frame[i].in_default_language);
    // The visitor reads the same sentence in their own language before the frame.
    const std::string own = slip::plain_text(s);
    CHECK(own.find(pack.pick(pack.find_rule("huurtoeslag")->topic, lang)) < own.find(dutch));
  }
  // On the phone nothing is shown at a desk: the Dutch sentence is there to read out.
  const auto call = frame_of(slip::make_slip(pack, {{"huurtoeslag"}, "call", "2026-12-07", "tr"}));
  REQUIRE(call.size() == 3);
  CHECK(call[0].text == pack.text("slip.in_dutch", "tr"));
  CHECK(call[1].text ==
        "Ik heb uw nummer van het informatiepunt in de bibliotheek. Ik wil graag praten over huurtoeslag.");
}

TEST_CASE("on an Arabic receipt the visitor's part is set right to left and the Dutch part left to right",
          "[slip][counter]") {
  const auto& pack = shipped_pack();
  const auto s = slip::make_slip(pack, {{"huurtoeslag", "aio"}, "desk", "2026-12-07", "ar"});
  const auto layout = slip::lay_out(s, engine().engine, slip::paper_named("80mm"));
  auto words_of = [&](const std::string& text) -> const text::Layout& {
    const auto found = std::find_if(layout.texts.begin(), layout.texts.end(),
                                    [&](const auto& t) { return t.words == text; });
    REQUIRE(found != layout.texts.end());
    return *found->layout;
  };
  auto first_x = [](const text::Layout& l) {
    float x = 1e9f;
    for (const auto& w : l.words) x = std::min(x, w.x);
    return x;
  };
  // A short Arabic heading ends at the right; the Dutch heading and sentence start at the left.
  const auto& arabic = words_of(pack.text("slip.counter", "ar"));
  CHECK(first_x(arabic) > 50);
  CHECK(first_x(words_of(pack.text("slip.counter_staff", "nl"))) < 1);
  CHECK(first_x(words_of("Ik wil graag praten over huurtoeslag en AIO.")) < 1);
}

TEST_CASE("every suggestion, alone and in pairs, with every step offered: the slip gives what it names",
          "[slip][steps]") {
  const auto& pack = shipped_pack();
  std::vector<std::vector<std::string>> sets;
  for (const auto& a : pack.rules) {
    sets.push_back({a.id});
    for (const auto& b : pack.rules)
      if (&a != &b) sets.push_back({a.id, b.id});
  }
  int slips = 0;
  for (const auto& ids : sets)
    for (const std::string step : {"desk", "go", "call", "think"}) {
      const auto* contact = content::slip_contact(pack, ids, step);
      const bool offered = step == "desk" || step == "think" || contact;
      if (!offered) continue;
      for (const auto& language : pack.languages) {
        const std::string& lang = language.code;
        const auto s = slip::make_slip(pack, {ids, step, "2026-11-25", lang});
        const std::string text = slip::plain_text(s);
        INFO(ids.front() << (ids.size() > 1 ? " + " + ids.back() : "") << ", " << step << ", " << lang << "\n"
                         << text);
        ++slips;
        // The step's own sentence, and what it sends the visitor to.
        REQUIRE(s.blocks.size() > 2);
        CHECK(s.blocks[2].text == pack.text("slip.step." + step, lang));
        if (step == "call") {
          REQUIRE(contact);
          CHECK_FALSE(contact->phone.empty());
          CHECK(text.find(contact->phone) != std::string::npos);
        }
        if (step == "go") {
          REQUIRE(contact);
          CHECK(text.find(contact->address) != std::string::npos);
          const auto schedule = hours::schedule_of(contact->hours);
          REQUIRE(schedule);
          for (const auto& line : hours::week_words(pack, *schedule, lang, hours::parse_date("2026-11-25")))
            CHECK(text.find(line) != std::string::npos);
        }
        if (step == "desk") {
          CHECK(text.find(pack.location.address) != std::string::npos);
          const auto schedule = hours::schedule_of(pack.location.info_point_hours);
          REQUIRE(schedule);
          CHECK(text.find(hours::week_words(pack, *schedule, lang, std::nullopt).front()) != std::string::npos);
        }
        // No empty number or address behind a label, no placeholder left.
        CHECK(text.find('{') == std::string::npos);
        CHECK(text.find(pack.text("slip.phone", lang).substr(0, pack.text("slip.phone", lang).find('{')) +
                        "\n") == std::string::npos);
      }
    }
  CHECK(slips > 1000);
}

TEST_CASE("a step that no place on the slip serves becomes the desk's", "[slip][steps]") {
  const auto& pack = shipped_pack();
  const auto* svb = pack.find_contact("svb");
  REQUIRE(svb);
  REQUIRE(svb->phone.empty());  // the SVB is reached on its website only
  CHECK_FALSE(content::slip_contact(pack, {"aio"}, "call"));
  CHECK_FALSE(content::slip_contact(pack, {"aio"}, "go"));
  // AIO with huurtoeslag: the Dienst Toeslagen can be called, the SVB follows under "Ook:".
  CHECK(content::slip_contact(pack, {"aio", "huurtoeslag"}, "call") == pack.find_contact("toeslagen"));
  const auto s = slip::make_slip(pack, {{"aio"}, "call", "2026-11-25", "nl"});
  const std::string text = slip::plain_text(s);
  INFO(text);
  CHECK(text.find("Bel het nummer") == std::string::npos);
  CHECK(text.find(pack.text("slip.step.desk", "nl")) != std::string::npos);
}

TEST_CASE("'Vraag naar' and 'Neem mee' hold what the place named handles, the other suggestions stand under "
          "their own place",
          "[slip][place]") {
  const auto& pack = shipped_pack();
  // Huurtoeslag and AIO, "Ik bel zelf": Dienst Toeslagen is called; the SVB's AIO stands under it.
  for (const auto& language : pack.languages) {
    const std::string& lang = language.code;
    const auto s = slip::make_slip(pack, {{"huurtoeslag", "aio"}, "call", "2026-12-07", lang});
    INFO(lang << "\n" << slip::plain_text(s));
    const auto* aio = pack.find_rule("aio");
    const auto* huurtoeslag = pack.find_rule("huurtoeslag");
    const auto* svb = pack.find_contact("svb");
    REQUIRE((aio && huurtoeslag && svb));
    auto at = [&](const std::string& text) {
      const auto found = std::find_if(s.blocks.begin(), s.blocks.end(), [&](const auto& b) { return b.text == text; });
      REQUIRE(found != s.blocks.end());
      return found - s.blocks.begin();
    };
    const auto place = at(pack.text("slip.place", lang));
    CHECK(at("**" + pack.pick(huurtoeslag->title, lang) + "**") < place);
    CHECK(at("**" + pack.pick(aio->title, lang) + "**") ==
          at(pack.text("slip.also", lang) + " " + svb->name + ", " + svb->web) + 1);
    // AIO's own papers are the SVB's to ask for: not on Dienst Toeslagen's list.
    for (const auto& item : bring_list(s))
      CHECK(pack.pick(aio->bring, lang).find(item) == std::string::npos);
  }
  // Every pair of suggestions and every step: each suggestion once, under the place that handles it.
  int slips = 0;
  for (const auto& a : pack.rules)
    for (const auto& b : pack.rules)
      for (const std::string step : {"desk", "go", "call", "think"}) {
        if (&a == &b) continue;
        const std::vector<std::string> ids = {a.id, b.id};
        const auto* contact = content::slip_contact(pack, ids, step);
        if ((step == "go" || step == "call") && !contact) continue;
        const auto s = slip::make_slip(pack, {ids, step, "2026-12-07", "nl"});
        INFO(a.id << " + " << b.id << ", " << step << "\n" << slip::plain_text(s));
        ++slips;
        const bool here = !contact || contact->address == pack.location.address;
        const content::Contact* section = nullptr;  // the place whose suggestions follow
        bool asked_section = false;
        for (const auto& block : s.blocks) {
          if (block.kind == slip::Kind::Heading) asked_section = block.text == pack.text("slip.about", "nl");
          if (block.kind == slip::Kind::Text && block.text.rfind(pack.text("slip.also", "nl") + " ", 0) == 0)
            for (const auto* rule : {&a, &b})
              if (const auto* other = pack.find_contact(rule->contact);
                  other && block.text.rfind(pack.text("slip.also", "nl") + " " + other->name, 0) == 0)
                section = other;
          if (block.kind != slip::Kind::Item) continue;
          const auto* rule = &a;
          if (block.text != "**" + pack.pick(a.title, "nl") + "**") rule = &b;
          REQUIRE(block.text == "**" + pack.pick(rule->title, "nl") + "**");
          const auto* own = pack.find_contact(rule->contact);
          if (asked_section)
            CHECK((here || own == contact));
          else
            CHECK((section == own && own != contact && !here));
        }
        for (const auto* rule : {&a, &b}) {
          const std::string item = "**" + pack.pick(rule->title, "nl") + "**";
          CHECK(std::count_if(s.blocks.begin(), s.blocks.end(), [&](const auto& x) { return x.text == item; }) == 1);
        }
      }
  CHECK(slips > 500);
}

TEST_CASE("a slip whose place is only a website names the info point to come back to, with its address and hours",
          "[slip][place]") {
  const auto& pack = shipped_pack();
  const auto desk = hours::schedule_of(pack.location.info_point_hours);
  REQUIRE(desk);
  for (const auto& language : pack.languages) {
    const std::string& lang = language.code;
    for (const std::string id : {"aio", "svb_aow"}) {
      const auto s = slip::make_slip(pack, {{id}, "think", "2026-12-07", lang});
      const std::string text = slip::plain_text(s);
      INFO(id << ", " << lang << "\n" << text);
      CHECK(text.find(pack.find_contact("svb")->web) != std::string::npos);
      const auto back = text.find(pack.text("slip.come_back", lang) + "\n" + pack.location.name + "\n" +
                                  pack.location.address + "\n");
      REQUIRE(back != std::string::npos);
      for (const auto& line : hours::week_words(pack, *desk, lang, hours::parse_date("2026-12-07")))
        CHECK(text.find(line, back) != std::string::npos);
    }
    // A place with a phone and hours is a step of its own: no second place.
    const auto toeslagen = slip::plain_text(slip::make_slip(pack, {{"huurtoeslag"}, "think", "2026-12-07", lang}));
    CHECK(toeslagen.find(pack.text("slip.come_back", lang)) == std::string::npos);
  }
}

TEST_CASE("a place that sees people only by appointment is called, never walked in on", "[slip][steps]") {
  const auto& pack = shipped_pack();
  const auto* gemeente = pack.find_contact("gemeente");
  REQUIRE(gemeente);
  REQUIRE(gemeente->appointment);  // Voorbeeldstad: "Bel eerst voor een afspraak."
  REQUIRE_FALSE(gemeente->address.empty());
  CHECK_FALSE(content::contact_serves(*gemeente, "go"));
  CHECK(content::contact_serves(*gemeente, "call"));
  const hours::LocalTime monday{{2026, 12, 7}, 10 * 60 + 30};
  const auto steps = hours::workable_steps(pack, {"wmo"}, monday);
  CHECK(std::find(steps.begin(), steps.end(), "go") == steps.end());
  CHECK(std::find(steps.begin(), steps.end(), "call") != steps.end());
  // Asked for anyway (an old screen), "go" names no walk-in: it becomes the desk here.
  const std::string text = slip::plain_text(slip::make_slip(pack, {{"wmo"}, "go", "2026-12-07", "nl"}));
  INFO(text);
  CHECK(text.find(pack.text("slip.step.go", "nl")) == std::string::npos);
  CHECK(text.find(pack.text("slip.step.desk", "nl")) != std::string::npos);
  // Beside a place one can walk into, that place is the one named.
  CHECK(content::slip_contact(pack, {"wmo", "kwijtschelding"}, "go") == pack.find_contact("belastingen"));
}

TEST_CASE("a vCard holds the place's name, address in its parts, phone, web address and hours, escaped",
          "[slip][qr]") {
  const std::string card =
      slip::vcard({"Gemeente Voorbeeldstad, sociaal loket; ook Wmo",
                   "Marktplein 10, 1234 AC Voorbeeldstad",
                   "14 0123",
                   "www.voorbeeldstad.nl",
                   {"Maandag tot en met vrijdag: 9.00 tot 17.00 uur", "Op feestdagen dicht."}});
  CHECK(card ==
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        "N:;;;;\r\n"
        "FN:Gemeente Voorbeeldstad\\, sociaal loket\\; ook Wmo\r\n"
        "ORG:Gemeente Voorbeeldstad\\, sociaal loket\\; ook Wmo\r\n"
        "ADR:;;Marktplein 10;Voorbeeldstad;;1234 AC;\r\n"
        "TEL:14 0123\r\n"
        "URL:https://www.voorbeeldstad.nl\r\n"
        "NOTE:Maandag tot en met vrijdag: 9.00 tot 17.00 uur\\nOp feestdagen dicht.\r\n"
        "END:VCARD\r\n");
  // A place with only a web address; an address of another shape goes whole into the street.
  CHECK(
      slip::vcard({"SVB", "", "", "https://www.svb.nl", {}}) ==
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:SVB\r\nORG:SVB\r\nURL:https://www.svb.nl\r\nEND:VCARD\r\n");
  CHECK(slip::vcard({"X", "Postbus 5", "", "", {}}).find("\r\nADR:;;Postbus 5;;;;\r\n") != std::string::npos);
}

TEST_CASE("a QR code holds the contact's web address", "[slip]") {
  const auto qr = slip::make_qr("https://www.toeslagen.nl");
  CHECK(qr.size >= 21);
  CHECK(qr.dark(0, 0));  // the finder pattern's corner
  CHECK(slip::make_qr("").size == 0);
}

TEST_CASE("ESC/POS decodes back to exactly the slip's 1-bit picture", "[slip][escpos]") {
  const auto s = slip::make_slip(test_support::fixture_pack(), kRequest);
  for (const char* paper : {"80mm", "58mm"}) {
    const auto grey = slip::render(s, engine().engine, slip::paper_named(paper));
    CHECK(grey.width == slip::paper_named(paper).width_px);
    const std::string bytes = slip::encode_escpos(grey);
    CHECK(bytes.rfind("\x1b@", 0) == 0);
    CHECK(bytes.substr(bytes.size() - 4) == std::string("\x1dV\x42\x00", 4));  // feed and cut
    std::string error;
    const auto decoded = slip::decode_escpos(bytes, &error);
    REQUIRE(decoded);
    const auto expected = text::to_one_bit(grey);
    CHECK(decoded->width == expected.width);
    CHECK(decoded->height == expected.height);
    CHECK(decoded->pixels == expected.pixels);
  }
  // A band that says 72 bytes × 16 rows but holds three bytes: refused, not read past its end.
  const std::string short_band = std::string("\x1b@\x1dv0", 5) + std::string("\0\x48\0\x10\0", 5) + "abc";
  std::string error;
  CHECK_FALSE(slip::decode_escpos(short_band, &error));
  CHECK(error == "a raster band is cut short");
  CHECK_FALSE(slip::decode_escpos("hello"));
}

TEST_CASE("golden slips: a receipt and an A4 page", "[slip][golden]") {
  const auto s = slip::make_slip(test_support::fixture_pack(), kRequest);
  for (const std::string paper : {"80mm", "a4"}) {
    const std::string png = test_support::temp_dir("slip-" + paper) + "/slip.png";
    REQUIRE(
        image::write_png(png, slip::as_picture(slip::render(s, engine().engine, slip::paper_named(paper)))));
    const auto golden = test_support::compare_with_golden(png, "slip-" + paper + ".png");
    INFO(golden.message);
    CHECK(golden.ok);
  }
}

TEST_CASE("printer status bytes", "[slip][escpos]") {
  CHECK(slip::parse_status(1, 0x12) == slip::Fault::None);
  CHECK(slip::parse_status(1, 0x1a) == slip::Fault::Offline);
  CHECK(slip::parse_status(2, 0x16) == slip::Fault::CoverOpen);
  CHECK(slip::parse_status(2, 0x32) == slip::Fault::PaperOut);
  CHECK(slip::parse_status(4, 0x72) == slip::Fault::PaperOut);
  CHECK(slip::parse_status(4, 0x1e) == slip::Fault::None);    // paper near its end: still prints
  CHECK(slip::parse_status(4, 0xff) == slip::Fault::Failed);  // not a status byte
  CHECK(slip::paper_near_end(0x1e));
  CHECK_FALSE(slip::paper_near_end(0x12));
  CHECK_FALSE(slip::paper_near_end(0xff));
}

TEST_CASE("the volunteer hears how the printer is now: paper nearly out, advice that fits the printer",
          "[slip][printer]") {
  {
    FakePrinter low(static_cast<unsigned char>(0x1e));
    auto target = slip::parse_printer(low.uri());
    REQUIRE(target);
    const auto outcome = slip::escpos_status(*target);  // a look only, nothing printed
    CHECK(outcome.ok());
    CHECK(outcome.paper_low);
    CHECK(low.finish().empty());
    CHECK(runtime::printer_state(outcome, *target) == "paper_low");
  }
  {
    FakePrinter ready(std::nullopt);
    auto target = slip::parse_printer(ready.uri());
    REQUIRE(target);
    CHECK(runtime::printer_state(slip::escpos_status(*target), *target) == "ready");
    (void)ready.finish();
  }
  // Not found: a cable for a printer on USB, the network for one on the network.
  const auto network = slip::parse_printer("escpos:tcp://127.0.0.1:1");
  const auto usb = slip::parse_printer("escpos:/dev/usb/no-such-printer");
  REQUIRE(network);
  REQUIRE(usb);
  CHECK(runtime::printer_state(slip::escpos_status(*network), *network) == "printer_not_found_network");
  CHECK(runtime::printer_state(slip::escpos_status(*usb), *usb) == "printer_not_found");
  const auto& pack = test_support::fixture_pack();
  CHECK(pack.text("staff.printer.printer_not_found", "nl").find("kabel") != std::string::npos);
  CHECK(pack.text("staff.printer.printer_not_found_network", "nl").find("kabel") == std::string::npos);
}

TEST_CASE("a receipt printer on the network: ready, out of paper, silent, absent", "[slip][printer]") {
  const std::string job = slip::encode_escpos(slip::render(
      slip::make_slip(test_support::fixture_pack(), kRequest), engine().engine, slip::paper_named("80mm")));
  {
    FakePrinter ready(std::nullopt);
    CHECK(print_to(ready.uri(), job).ok());
    CHECK(ready.finish() == job);  // the whole job, after the status queries
  }
  {
    FakePrinter empty(static_cast<unsigned char>(0x72));
    const auto outcome = print_to(empty.uri(), job);
    CHECK(outcome.fault == slip::Fault::PaperOut);
    CHECK(empty.finish().empty());  // nothing printed
  }
  {
    FakePrinter silent(std::nullopt, false);
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = print_to(silent.uri(), job);
    CHECK(outcome.fault == slip::Fault::NoAnswer);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  }
  for (const bool hang_up : {false, true}) {
    // Switched off (or hung up) in the middle of the job: a fault, soon, even though the kernel
    // took most of the job into its buffers.
    INFO((hang_up ? "hung up" : "switched off"));
    FakePrinter vanishing(std::nullopt, true, static_cast<long>(job.size() / 4), hang_up);
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = print_to(vanishing.uri(), job);
    CHECK_FALSE(outcome.ok());
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
    CHECK(vanishing.finish().size() < job.size());
  }
  // A write to a printer that hung up fails; it never ends the kiosk with SIGPIPE.
  struct sigaction pipe {};
  sigaction(SIGPIPE, nullptr, &pipe);
  CHECK(pipe.sa_handler == SIG_IGN);
  CHECK(print_to("escpos:tcp://127.0.0.1:1", job).fault == slip::Fault::NotFound);
  CHECK(print_to("escpos:/dev/usb/no-such-printer", job).fault == slip::Fault::NotFound);
  std::string error;
  CHECK_FALSE(slip::parse_printer("lpt1:", &error));
  CHECK(error.find("escpos:tcp://") != std::string::npos);
}

namespace {
std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST_CASE("escpos: prints only to a device under /dev/usb/, never over a plain file",
          "[slip][printer][printer-paths]") {
  for (const char* uri : {"escpos:/etc/hostname", "escpos:/dev/sda", "escpos:/dev/usb/",
                          "escpos:/dev/usb/../sda", "escpos:/dev/usb/lp0/x", "escpos:/tmp/lp0"}) {
    INFO(uri);
    std::string error;
    CHECK_FALSE(slip::parse_printer(uri, &error));
    CHECK(error == "a USB receipt printer is a device under /dev/usb/, e.g. escpos:/dev/usb/lp0");
  }
  CHECK(slip::parse_printer("escpos:/dev/usb/lp0"));
  CHECK(slip::parse_printer("escpos:/dev/usb/receipt?paper=58mm"));
  // Past the check (a target made by hand): a plain file, or a device elsewhere, is not written.
  const std::string dir = test_support::temp_dir("printer-paths");
  const std::string hostname = dir + "/hostname";
  std::ofstream(hostname) << "kiosk-3\n";
  for (const std::string& path : {hostname, std::string("/dev/null")}) {
    INFO(path);
    slip::PrintTarget target;
    target.kind = slip::PrintTarget::Kind::EscposDevice;
    target.path = path;
    const auto outcome = slip::send_escpos(target, "\x1b@printed", std::chrono::milliseconds(200));
    CHECK(outcome.fault == slip::Fault::NotFound);
    CHECK(outcome.detail.find("not to a device under /dev/usb/") != std::string::npos);
  }
  CHECK(contents(hostname) == "kiosk-3\n");
}

TEST_CASE("file: writes a plain file only: a link, FIFO or device in its place is left alone",
          "[slip][printer][printer-paths]") {
  const std::string dir = test_support::temp_dir("printer-file");
  std::ofstream(dir + "/hostname") << "kiosk-3\n";
  REQUIRE(symlink((dir + "/hostname").c_str(), (dir + "/link.escpos").c_str()) == 0);
  REQUIRE(mkfifo((dir + "/fifo.escpos").c_str(), 0600) == 0);
  for (const char* name : {"/link.escpos", "/fifo.escpos"}) {
    INFO(name);
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = print_to(std::string("file:") + dir + name, "\x1b@printed");
    CHECK(outcome.fault == slip::Fault::NotFound);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  }
  CHECK(contents(dir + "/hostname") == "kiosk-3\n");
  CHECK_FALSE(slip::parse_printer("file:" + dir + "/../hostname"));
  CHECK_FALSE(slip::parse_printer("file:" + dir + "/"));
  CHECK(print_to("file:" + dir + "/slip.escpos", "\x1b@printed").ok());
  CHECK(contents(dir + "/slip.escpos") == "\x1b@printed");
}

TEST_CASE("a CUPS server that takes the connection and never answers is a fault within 3 s, with the reason",
          "[slip][printer][cups]") {
  // A silent receipt printer is just that: a server that reads and never writes.
  FakePrinter hung(std::nullopt, false);
  cupsSetServer(("127.0.0.1:" + std::to_string(hung.port())).c_str());  // this thread only
  const auto started = std::chrono::steady_clock::now();
  const auto outcome = slip::send_cups("Wegwijzer_A4", "%PDF-1.4\n%%EOF\n");
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(outcome.fault == slip::Fault::NotFound);
  CHECK(took < std::chrono::seconds(3));
  CHECK(outcome.detail ==
        "no CUPS queue 'Wegwijzer_A4': the CUPS server at 127.0.0.1 did not answer within 1.5 s");
  CHECK(outcome.detail.find("Success") == std::string::npos);
  hung.finish();
  // Nobody there at all: said so, at once.
  cupsSetServer(("127.0.0.1:" + std::to_string(hung.port())).c_str());
  const auto refused = slip::send_cups("Wegwijzer_A4", "%PDF-1.4\n%%EOF\n");
  cupsSetServer(nullptr);
  CHECK(refused.fault == slip::Fault::NotFound);
  CHECK(refused.detail.rfind("cannot reach the CUPS server at 127.0.0.1: ", 0) == 0);
}

namespace {

// Whether someone is at the info point at some minute from `now` to `soon` minutes later:
// minute by minute from the rules, apart from the status and step logic it checks.
bool staffed_within(const hours::Schedule& schedule, const hours::LocalTime& now, int soon) {
  for (int k = 0; k <= soon; ++k) {
    const auto t = hours::add_minutes(now, k);
    for (const auto& span : hours::spans_on(schedule, t.date))
      if (span.from <= t.minute && t.minute < span.to) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every municipality, suggestion and step through a week of times: no slip names what it does not "
          "give, and no step is offered that cannot work then",
          "[slip][steps][hours][property]") {
  // A week in December, Kerstmis, the short day before it, Easter Monday and Ascension Day;
  // for each: long before, just before, at and after opening, near closing, the evening.
  std::vector<std::string> days;
  for (int d = 0; d < 7; ++d) days.push_back(hours::iso(hours::add_days({2026, 12, 7}, d)));
  for (const char* day : {"2026-12-24", "2026-12-25", "2027-03-29", "2027-05-06"}) days.push_back(day);
  const std::vector<int> minutes = {7 * 60, 8 * 60 + 59, 9 * 60, 9 * 60 + 30, 10 * 60, 12 * 60 + 59,
                                    13 * 60 + 30, 15 * 60 + 59, 16 * 60, 19 * 60 + 30};
  int slips = 0, desk_offered = 0, desk_refused = 0;
  std::vector<std::string> places = {""};
  for (const auto& municipality : shipped_pack().municipalities) places.push_back(municipality.id);
  for (const auto& place : places) {
    const auto pack = place.empty() ? shipped_pack() : content::in_municipality(shipped_pack(), place);
    const auto desk = hours::schedule_of(pack.location.info_point_hours);
    REQUIRE(desk);
    for (const auto* rule : pack.visitor_rules()) {
      const auto* contact = pack.find_contact(rule->contact);
      REQUIRE(contact);
      for (const auto& day : days)
        for (const int minute : minutes) {
          const hours::LocalTime now{*hours::parse_date(day), minute};
          const auto offered = hours::workable_steps(pack, {rule->id}, now);
          auto is_offered = [&](const std::string& step) {
            return std::find(offered.begin(), offered.end(), step) != offered.end();
          };
          INFO((place.empty() ? "voorbeeldstad" : place) << ", " << rule->id << ", " << day << " "
                                                         << hours::clock_text(minute));
          // Each step exactly when it can work.
          CHECK(is_offered("desk") == staffed_within(*desk, now, hours::kSoonMinutes));
          const bool known_hours = hours::schedule_of(contact->hours).has_value();
          CHECK(is_offered("call") == (!contact->phone.empty() && known_hours));
          // By appointment only one cannot walk in: the visitor calls first.
          CHECK(is_offered("go") == (!contact->address.empty() && known_hours && !contact->appointment));
          CHECK(is_offered("think"));
          (is_offered("desk") ? desk_offered : desk_refused)++;
          // The slip of each offered step (in Dutch here; every language below) gives what it names.
          const bool all_languages = minute == 9 * 60 + 30 && (day == "2026-12-07" || day == "2026-12-25");
          for (const auto& step : offered)
            for (const auto& language : pack.languages) {
              const std::string& lang = language.code;
              if (lang != "nl" && !all_languages) continue;
              const auto s = slip::make_slip(pack, {{rule->id}, step, day, lang, false, minute});
              const std::string text = slip::plain_text(s);
              INFO(step << ", " << lang << "\n" << text);
              ++slips;
              REQUIRE(s.blocks.size() > 2);
              CHECK(s.blocks[2].text == pack.text("slip.step." + step, lang));
              const auto has = [&](const std::string& what) { return text.find(what) != std::string::npos; };
              if (step == "call") {
                CHECK(has(content::fill_in(pack.text("slip.phone", lang), {{"phone", contact->phone}})));
                if (contact->phone_free)
                  CHECK(has(pack.text(*contact->phone_free ? "slip.phone_free" : "slip.phone_paid", lang)));
              }
              if (step == "go") {
                CHECK(has(contact->address));
                const auto schedule = hours::schedule_of(contact->hours);
                REQUIRE(schedule);
                for (const auto& line : hours::week_words(pack, *schedule, lang, now.date)) CHECK(has(line));
                CHECK(has(hours::status_words(pack, *schedule, now, lang)));
              }
              if (step == "desk") {
                // Where, and that someone is there now or soon: never "Maandag vanaf ...".
                CHECK(has(pack.location.address));
                const auto status = hours::status_at(*desk, now);
                if (status.open) {
                  CHECK(has(hours::status_words(pack, *desk, now, lang)));
                } else {
                  REQUIRE(status.opens);
                  CHECK(hours::minutes_between(now, *status.opens) <= hours::kSoonMinutes);
                  CHECK(has(content::fill_in(pack.text("hours.someone_at", lang),
                                             {{"time", hours::clock_text(status.opens->minute)}})));
                }
              }
              // Whatever the step: a phone label has a number, hours are named only from data,
              // and no placeholder is left.
              const std::string phone_label =
                  pack.text("slip.phone", lang).substr(0, pack.text("slip.phone", lang).find('{'));
              CHECK_FALSE(has(phone_label + "\n"));
              CHECK_FALSE(has("{"));
              // A place without hours sends the visitor back here: only the info point's hours are named.
              if (step != "desk" && contact->hours.empty()) {
                const auto back = text.find(pack.text("slip.come_back", lang) + "\n" + pack.location.name);
                const std::string before_back = text.substr(0, back);
                CHECK_FALSE(before_back.find(pack.text("hours.holidays_off", lang)) != std::string::npos);
                CHECK_FALSE(before_back.find(pack.text("hours.off", lang) + "\n") != std::string::npos);
                const bool by_phone_or_door = content::contact_serves(*contact, "call") ||
                                              content::contact_serves(*contact, "go");
                CHECK((back != std::string::npos) == !by_phone_or_door);
              }
            }
        }
    }
  }
  // Both sides of the desk's hours were met.
  CHECK(desk_offered > 100);
  CHECK(desk_refused > 100);
  CHECK(slips > 5000);
}

namespace {

// What a real decoder (zbarimg of Debian's zbar-tools) reads from a picture; empty when nothing.
std::string decode_qr(const std::string& png) {
  const std::string command = "zbarimg --raw -q '" + png + "' 2>/dev/null";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    pclose(pipe);
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();  // zbarimg ends each code with a line end
  return out;
}

// A name as a vCard writes it: "A, B" is "A\, B".
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) out += c == ',' || c == ';' ? std::string("\\") + c : std::string(1, c);
  return out;
}

}  // namespace

TEST_CASE("every QR code of the shipped pack's slips, printed on a receipt, reads back as the vCard built",
          "[slip][qr][zbar]") {
  REQUIRE(std::system("command -v zbarimg >/dev/null") == 0);  // deploy/install-deps.sh installs zbar-tools
  const std::string dir = test_support::temp_dir("slip-zbar");
  const auto paper = slip::paper_named("80mm");
  std::vector<std::string> places = {""};
  for (const auto& municipality : shipped_pack().municipalities) places.push_back(municipality.id);
  std::set<std::string> cards;
  int largest = 0;  // modules a side, for the message
  for (const auto& place : places) {
    const auto pack = place.empty() ? shipped_pack() : content::in_municipality(shipped_pack(), place);
    for (const auto* rule : pack.visitor_rules())
      // "think" names the suggestion's own place; "desk" the info point of the library.
      for (const std::string step : {"think", "desk"})
        for (const std::string lang : {"nl", "ar"}) {
          const auto s = slip::make_slip(pack, {{rule->id}, step, "2026-12-07", lang});
          INFO((place.empty() ? "voorbeeldstad" : place) << ", " << rule->id << ", " << step << ", " << lang);
          const auto* contact = pack.find_contact(rule->contact);
          REQUIRE(contact);
          // Every place in the pack has an address, a phone number or a web address to carry.
          REQUIRE_FALSE(s.qr.empty());
          CHECK(s.qr.find("\r\nFN:" + escaped(step == "desk" ? pack.location.name : contact->name) +
                          "\r\n") != std::string::npos);
          if (!cards.insert(s.qr).second) continue;
          const auto qr = slip::make_qr(s.qr);
          largest = std::max(largest, qr.size);
          const std::string png = dir + "/" + std::to_string(cards.size()) + ".png";
          REQUIRE(image::write_png(png, slip::as_picture(slip::render(s, engine().engine, paper))));
          CHECK(decode_qr(png) == s.qr);
          // On a receipt every module is at least 0.5 mm (4 dots) and the code lies inside the paper
          // (the only squares on a slip are the code's modules).
          const auto layout = slip::lay_out(s, engine().engine, paper);
          std::vector<slip::PaperLayout::Box> modules;
          std::copy_if(layout.rects.begin(), layout.rects.end(), std::back_inserter(modules),
                       [](const auto& r) { return r.w == r.h; });
          CHECK(static_cast<long>(modules.size()) == std::count(qr.modules.begin(), qr.modules.end(), 1));
          for (const auto& m : modules) {
            CHECK(m.w >= std::round(paper.px(slip::kMinModuleMm)));
            CHECK(m.x >= paper.px(paper.margin_mm));
            CHECK(m.x + m.w <= layout.width - paper.px(paper.margin_mm));
          }
        }
  }
  INFO("distinct vCards: " << cards.size() << ", largest code: " << largest << " modules");
  CHECK(cards.size() > 20);
}
