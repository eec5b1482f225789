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

}  // namespace

ContentPack placeholder_pack() {
  ContentPack pack;
  pack.languages = {{"nl", "Nederlands", false}, {"en", "English", false}};
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
  return pack;
}

}  // namespace content
