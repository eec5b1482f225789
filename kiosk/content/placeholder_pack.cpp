// Built-in sample content: enough to walk every screen until the content pack
// (files + SQLite store) arrives. Dutch at B1 level, with English beside it.
#include "content/content_pack.hpp"

namespace content {
namespace {

Page page(std::string id, std::string pictogram, LocalText title, std::vector<LocalText> paragraphs,
          std::vector<std::string> links = {}) {
  return Page{std::move(id), std::move(pictogram), std::move(title), std::move(paragraphs), std::move(links)};
}

std::vector<AnswerOption> yes_no_options() {
  return {
      {"yes", "check_circle", {{"nl", "Ja"}, {"en", "Yes"}}},
      {"no", "cancel", {{"nl", "Nee"}, {"en", "No"}}},
      {"unknown", "help_outline", {{"nl", "Weet ik niet"}, {"en", "I don't know"}}},
      {"skip", "do_not_disturb_on", {{"nl", "Zeg ik liever niet"}, {"en", "I'd rather not say"}}},
  };
}

// Arabic beside the Dutch, so right-to-left screens can be seen and tested.
void add_arabic(ContentPack& pack) {
  const std::map<std::string, std::vector<std::string>> pages = {
      {"geldzorgen",
       {"هموم المال والدعم", "كثير من الناس لا يعرفون ما يمكنهم الحصول عليه.",
        "هنا تقرأ عن المال لإيجارك ورعايتك الصحية.", "اتصل مجاناً بـ Geldfit على الرقم 0800 8115.",
        "السؤال مجاني."}},
      {"huurtoeslag",
       {"مال لإيجارك", "هل تستأجر بيتاً؟ ربما يمكنك الحصول على بدل الإيجار (huurtoeslag).",
        "هذا يعتمد على دخلك وعلى إيجارك."}},
      {"zorgtoeslag",
       {"مال لتأمينك الصحي", "بدل الرعاية (zorgtoeslag) هو مال لتأمينك الصحي.",
        "كثير من الناس لا يعرفون هذا."}},
      {"huis",
       {"مساعدة في البيت وحوله", "هل صار التنظيف أو التسوق صعباً؟",
        "البلدية يمكن أن تساعدك. لست مضطراً لفعل ذلك وحدك."}},
      {"mantelzorg", {"رعاية شخص آخر", "هل تعتني بشخص عزيز عليك؟", "هناك مساعدة، حتى تستطيع الاستمرار."}},
      {"meedoen", {"المشاركة ولقاء الناس", "في المكتبة صباح قهوة كل أسبوع.", "أهلاً وسهلاً بك."}},
      {"brieven",
       {"مساعدة في الرسائل والاستمارات و DigiD", "هل الرسالة صعبة؟ أحضرها إلى المكتب.",
        "يقرأ متطوع الرسالة معك."}},
      {"over",
       {"عن نقطة المعلومات هذه", "هذه نقطة معلومات تابعة للمكتبة.", "نحن لا نحتفظ بأي شيء مما تفعله هنا."}},
  };
  for (auto& page : pack.pages) {
    const auto& texts = pages.at(page.id);
    page.title["ar"] = texts[0];
    for (std::size_t i = 0; i < page.paragraphs.size() && i + 1 < texts.size(); ++i)
      page.paragraphs[i]["ar"] = texts[i + 1];
  }
  const std::map<std::string, std::string> questions = {{"alone", "هل تعيش وحدك؟"},
                                                        {"rent", "هل تستأجر بيتك؟"},
                                                        {"bills", "هل تجد أحياناً صعوبة في دفع الفواتير؟"}};
  const std::map<std::string, std::string> options = {
      {"yes", "نعم"}, {"no", "لا"}, {"unknown", "لا أعرف"}, {"skip", "أفضّل ألا أقول"}};
  for (auto& question : pack.questions) {
    question.text["ar"] = questions.at(question.id);
    for (auto& option : question.options) option.label["ar"] = options.at(option.value);
  }
  pack.location.info_point_hours["ar"] = "من الاثنين إلى الجمعة، من 10.00 إلى 16.00";
  const std::map<std::string, std::string> strings = {
      {"nav.back", "رجوع"},
      {"nav.home", "البداية"},
      {"nav.speak", "اقرأ لي"},
      {"nav.bigger", "نص أكبر"},
      {"nav.smaller", "نص أصغر"},
      {"nav.help", "مساعدة"},
      {"nav.language", "اللغة"},
      {"nav.clear", "امسح الكل"},
      {"home.title", "أهلاً بك. عن ماذا تريد أن تعرف أكثر؟"},
      {"home.selfcheck", "قم بالفحص القصير"},
      {"question.progress", "السؤال {n} من {total}"},
      {"result.title", "ربما يمكنك الحصول على مساعدة"},
      {"result.body", "لقد أجبت على {n} أسئلة. يسعد متطوع أن ينظر في ذلك معك."},
      {"result.slip", "احصل على ورقة"},
      {"slip.title", "خطوتك التالية"},
      {"slip.where", "اذهب إلى نقطة المعلومات في المكتبة."},
      {"slip.say", "يمكنك أن تقول: جئت من الحاسوب. هل يمكنك مساعدتي؟"},
      {"slip.nothing_kept", "لم نحتفظ بأي شيء عنك."},
      {"slip.done", "تم"},
      {"idle.title", "هل ما زلت هنا؟"},
      {"idle.body", "ستبدأ الشاشة من جديد بعد {s} ثانية."},
      {"idle.announce", "هل ما زلت هنا؟ إذن اضغط على: ما زلت هنا."},
      {"idle.stay", "ما زلت هنا"},
      {"idle.clear", "توقف وامسح الكل"},
      {"help.title", "هكذا يعمل"},
      {"help.tap", "اضغط على الزر بخفة. لا داعي للضغط طويلاً."},
      {"help.nav", "الأزرار نفسها موجودة دائماً في الأسفل."},
      {"help.speak", "اضغط على اقرأ لي. عندها يقرأ الحاسوب كل شيء لك."},
      {"help.clear", "اضغط على امسح الكل عندما تنتهي."},
      {"help.volunteer", "يسعد متطوع بمساعدتك. لست مضطراً لفعل ذلك وحدك."},
      {"language.title", "اختر لغتك"},
      {"page.more", "اقرأ أيضاً"},
  };
  for (const auto& [key, text] : strings) pack.strings.at(key)["ar"] = text;
}

}  // namespace

ContentPack placeholder_pack() {
  ContentPack pack;
  pack.languages = {{"nl", "Nederlands", false}, {"en", "English", false}, {"ar", "العربية", true}};
  pack.location = {"Bibliotheek Voorbeeldstad",
                   {{"nl", "Maandag tot en met vrijdag, 10.00 tot 16.00 uur"},
                    {"en", "Monday to Friday, 10.00 to 16.00"}}};

  pack.home_topics = {"geldzorgen", "huis", "mantelzorg", "meedoen", "brieven", "over"};
  pack.pages = {
      page("geldzorgen", "euro", {{"nl", "Geldzorgen en regelingen"}, {"en", "Money worries and support"}},
           {{{"nl", "Veel mensen weten niet wat ze kunnen krijgen."},
             {"en", "Many people do not know what they can get."}},
            {{"nl", "Hier leest u over geld voor uw huur en uw zorg."},
             {"en", "Here you can read about money for your rent and care."}},
            {{"nl", "Bel gratis met Geldfit: 0800 8115."}, {"en", "Call Geldfit for free: 0800 8115."}},
            {{"nl", "Vragen staat vrij."}, {"en", "Asking is free."}}},
           {"huurtoeslag", "zorgtoeslag"}),
      page("huurtoeslag", "home", {{"nl", "Geld voor uw huur"}, {"en", "Money for your rent"}},
           {{{"nl", "Huurt u een huis? Dan kunt u misschien huurtoeslag krijgen."},
             {"en", "Do you rent a home? Then you may be able to get rent benefit."}},
            {{"nl", "Dit hangt af van wat u verdient en van uw huur."},
             {"en", "This depends on what you earn and on your rent."}}}),
      page("zorgtoeslag", "medical_services",
           {{"nl", "Geld voor uw zorgverzekering"}, {"en", "Money for your health insurance"}},
           {{{"nl", "Zorgtoeslag is geld voor uw zorgverzekering."},
             {"en", "Healthcare benefit is money for your health insurance."}},
            {{"nl", "Veel mensen weten dit niet."}, {"en", "Many people do not know this."}}}),
      page("huis", "handyman", {{"nl", "Hulp in en om het huis"}, {"en", "Help in and around the house"}},
           {{{"nl", "Lukt het schoonmaken of de boodschappen niet meer goed?"},
             {"en", "Is cleaning or shopping getting hard?"}},
            {{"nl", "De gemeente kan u helpen. U hoeft het niet alleen te doen."},
             {"en", "The municipality can help you. You do not have to do it alone."}}}),
      page("mantelzorg", "volunteer_activism",
           {{"nl", "Zorgen voor een ander"}, {"en", "Caring for someone"}},
           {{{"nl", "Zorgt u voor iemand die u lief is?"}, {"en", "Do you care for someone you love?"}},
            {{"nl", "Er is hulp, zodat u het vol kunt houden."},
             {"en", "There is help, so that you can keep going."}}}),
      page("meedoen", "groups",
           {{"nl", "Meedoen en mensen ontmoeten"}, {"en", "Joining in and meeting people"}},
           {{{"nl", "In de bibliotheek is elke week een koffieochtend."},
             {"en", "The library has a coffee morning every week."}},
            {{"nl", "U bent van harte welkom."}, {"en", "You are very welcome."}}}),
      page("brieven", "mail",
           {{"nl", "Hulp bij brieven, formulieren en DigiD"}, {"en", "Help with letters, forms and DigiD"}},
           {{{"nl", "Vindt u een brief moeilijk? Neem hem mee naar de balie."},
             {"en", "Is a letter hard to read? Bring it to the desk."}},
            {{"nl", "Een vrijwilliger leest met u mee."}, {"en", "A volunteer reads it with you."}}}),
      page("over", "info", {{"nl", "Over dit informatiepunt"}, {"en", "About this information point"}},
           {{{"nl", "Dit is een informatiepunt van de bibliotheek."},
             {"en", "This is an information point of the library."}},
            {{"nl", "Wij bewaren niets van wat u hier doet."},
             {"en", "We keep nothing of what you do here."}}}),
  };

  pack.questions = {
      {"alone", "person", {{"nl", "Woont u alleen?"}, {"en", "Do you live alone?"}}, yes_no_options()},
      {"rent", "home", {{"nl", "Huurt u uw huis?"}, {"en", "Do you rent your home?"}}, yes_no_options()},
      {"bills",
       "receipt_long",
       {{"nl", "Heeft u soms moeite om rekeningen te betalen?"},
        {"en", "Do you sometimes find it hard to pay bills?"}},
       yes_no_options()},
  };

  auto s = [&](const char* key, const char* nl, const char* en) {
    pack.strings[key] = {{"nl", nl}, {"en", en}};
  };
  s("nav.back", "Terug", "Back");
  s("nav.home", "Begin", "Start");
  s("nav.speak", "Lees voor", "Read aloud");
  s("nav.bigger", "Tekst groter", "Larger text");
  s("nav.smaller", "Tekst kleiner", "Smaller text");
  s("nav.help", "Hulp", "Help");
  s("nav.language", "Taal", "Language");
  s("nav.clear", "Wis alles", "Clear all");
  s("home.title", "Welkom. Waar wilt u meer over weten?", "Welcome. What would you like to know?");
  s("home.selfcheck", "Doe de korte check", "Do the short check");
  s("question.progress", "Vraag {n} van {total}", "Question {n} of {total}");
  s("result.title", "Misschien kunt u hulp krijgen", "You may be able to get help");
  s("result.body", "U heeft {n} vragen beantwoord. Een vrijwilliger kijkt graag met u mee.",
    "You answered {n} questions. A volunteer is happy to look at it with you.");
  s("result.slip", "Maak een briefje", "Make a note");
  s("slip.title", "Uw volgende stap", "Your next step");
  s("slip.where", "Ga naar het informatiepunt in de bibliotheek.",
    "Go to the information point in the library.");
  s("slip.say", "U kunt zeggen: Ik kom van de computer. Kunt u mij helpen?",
    "You can say: I come from the computer. Can you help me?");
  s("slip.nothing_kept", "Wij hebben niets van u bewaard.", "We have kept nothing about you.");
  s("slip.done", "Klaar", "Done");
  s("idle.title", "Bent u er nog?", "Are you still there?");
  s("idle.body", "Over {s} seconden begint het scherm opnieuw.", "In {s} seconds the screen starts again.");
  s("idle.announce", "Bent u er nog? Tik dan op: Ik ben er nog.",
    "Are you still there? Then tap: I am still here.");
  s("idle.stay", "Ik ben er nog", "I am still here");
  s("idle.clear", "Stoppen en alles wissen", "Stop and clear all");
  s("help.title", "Zo werkt het", "How it works");
  s("help.tap", "Tik kort op een knop. U hoeft niet lang te drukken.",
    "Tap a button briefly. You do not need to press long.");
  s("help.nav", "Onderaan staan altijd dezelfde knoppen.", "The same buttons are always at the bottom.");
  s("help.speak", "Tik op Lees voor. Dan leest de computer alles voor.",
    "Tap Read aloud. Then the computer reads everything to you.");
  s("help.clear", "Tik op Wis alles als u klaar bent.", "Tap Clear all when you are done.");
  s("help.volunteer", "Een vrijwilliger helpt u graag. U hoeft het niet alleen te doen.",
    "A volunteer is happy to help. You do not have to do it alone.");
  s("language.title", "Kies uw taal", "Choose your language");
  s("page.more", "Lees ook", "Read also");
  add_arabic(pack);
  return pack;
}

}  // namespace content
