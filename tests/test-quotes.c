/* Tests for the quotes plugin: table-driven cases run through the
 * tokenizer and quotes stages, with exact content spans, kinds, cues,
 * speaker mentions and resolved speakers.  Sentences are from the sample
 * news articles and Wikinews. */
#include <glib/gstdio.h>
#include <string.h>

#include "lexicon.h"
#include "table.h"
#include "weft-test.h"

typedef struct
{
  const char *kind;
  const char *content; /* the exact text of the span */
  const char *speaker; /* resolved name, or NULL */
  const char *mention; /* text of speaker_span, or NULL */
  const char *cue;     /* or NULL */
} Expected;

typedef struct
{
  const char *path;
  const char *text;
  Expected quotes[6];
} Case;

static const Case cases[] = {
  /* The marks pass classifies 64 tokens at a time and the last few (less
   * than eight bytes before the end) one by one: a quotation across the
   * boundary of tokens 63 and 64, its cue the document's last word. */
  { "/quotes/marks/block-boundary-and-last-word",
    "The talks went on for many hours in the capital on Monday and the "
    "sides found a plan for the region after the meeting ended late in the "
    "evening in the old building near the river, and more talks are planned "
    "for next week in the same city by the same people as before.\n\n"
    "\xe2\x80\x9cWe value our relations with Azerbaijan and we will keep "
    "working on them,\xe2\x80\x9d Peskov said",
    { { "direct",
        "We value our relations with Azerbaijan and we will keep working on "
        "them",
        "Peskov", "Peskov", "said" } } },
  /* The people pass takes the capitalized words 64 at a time, each with
   * the next word's capital bit and whether the word before may be a role:
   * a name across tokens 63 and 64, then a role word as token 63. */
  { "/quotes/speakers/block-boundary-name",
    "The talks went on for many hours in the capital on Monday and the "
    "sides found a plan for the region after the meeting ended late in the "
    "evening in the old building near the river, and more talks are planned "
    "for next week in the same city by the same people as before and after "
    "that. And then at lunch Dmitry Peskov arrived.\n\n"
    "\xe2\x80\x9cWe value our relations with Azerbaijan,\xe2\x80\x9d Peskov "
    "said.",
    { { "direct", "We value our relations with Azerbaijan", "Dmitry Peskov",
        "Peskov", "said" } } },
  { "/quotes/speakers/block-boundary-role",
    "The talks went on for many hours in the capital on Monday and the "
    "sides found a plan for the region after the meeting ended late in the "
    "evening in the old building near the river, and more talks are planned "
    "for next week in the same city by the same people as before and after "
    "that. And at lunch, expert Ivanov arrived.\n\n"
    "\xe2\x80\x9cSuch actions are not productive at all,\xe2\x80\x9d said the "
    "expert.",
    { { "direct", "Such actions are not productive at all", "Ivanov",
        "the expert", "said" } } },
  { "/quotes/direct/trailing-name",
    "He spoke.\n\n\xe2\x80\x9c"
    "Azerbaijan is a sovereign state. We value our relations with "
    "Azerbaijan, these are partnership ties,\xe2\x80\x9d Peskov said.",
    { { "direct",
        "Azerbaijan is a sovereign state. We value our relations with "
        "Azerbaijan, these are partnership ties",
        "Peskov", "Peskov", "said" } } },
  { "/quotes/direct/inverted-description",
    "This opinion was shared by Viktor Vodolatsky, first deputy chairman of "
    "the State Duma Committee on CIS Affairs.\n\"Such actions are not "
    "productive. It makes no sense for us to react,\" said the deputy.",
    { { "direct",
        "Such actions are not productive. It makes no sense for us to react",
        "Viktor Vodolatsky", "the deputy", "said" } } },
  { "/quotes/indirect/inverted-title",
    "Azerbaijan is a sovereign state, and Russia values partner relations "
    "with it, said the press secretary of the Russian President Dmitry "
    "Peskov, commenting on Baku's participation.",
    { { "indirect",
        "Azerbaijan is a sovereign state, and Russia values partner "
        "relations with it",
        "Dmitry Peskov", "Dmitry Peskov", "said" } } },
  /* "he" makes John Smith a man: "she" then skips him. */
  { "/quotes/speakers/pronoun-gender-learned",
    "Mary Jones, a spokeswoman for the ministry, met Senator John Smith.\n\n"
    "\"We will work together on this matter,\" he said.\n\n"
    "\"The ministry agrees with him on all points,\" she said.\n\n"
    "\"We are glad that they agree with us,\" he said.",
    { { "direct", "We will work together on this matter", "John Smith", "he",
        "said" },
      { "direct", "The ministry agrees with him on all points", "Mary Jones",
        "she", "said" },
      { "direct", "We are glad that they agree with us", "John Smith", "he",
        "said" } } },
  /* A description takes the latest person of its role group. */
  { "/quotes/speakers/description-by-role",
    "Military expert Aleksey Ivanov met Senator John Smith on Monday.\n\n"
    "\"The army is ready for anything now,\" said the expert.\n\n"
    "\"The talks will go on as planned,\" the senator said.\n\n"
    "\"Nothing has changed since then,\" the expert said.",
    { { "direct", "The army is ready for anything now", "Aleksey Ivanov",
        "the expert", "said" },
      { "direct", "The talks will go on as planned", "John Smith",
        "the senator", "said" },
      { "direct", "Nothing has changed since then", "Aleksey Ivanov",
        "the expert", "said" } } },
  { "/quotes/surname-and-pronoun",
    "Azerbaijan values it, said the press secretary Dmitry Peskov.\n\n"
    "\xe2\x80\x9cWe value our relations,\xe2\x80\x9d Peskov said.\n\n"
    "He noted that the participation of Baku is another confirmation.",
    { { "indirect", "Azerbaijan values it", "Dmitry Peskov", "Dmitry Peskov",
        "said" },
      { "direct", "We value our relations", "Dmitry Peskov", "Peskov", "said" },
      { "indirect", "the participation of Baku is another confirmation",
        "Dmitry Peskov", "He", "noted" } } },
  { "/quotes/mixed/said-that",
    "Despite that Azerbaijani presidential aide Hikmet Hajiyev said that "
    "\xe2\x80\x9cwe want to further expand the political dialogue,\xe2\x80\x9d "
    "Baku has never aspired to join the alliance.",
    { { "mixed", "we want to further expand the political dialogue",
        "Hikmet Hajiyev", "Hikmet Hajiyev", "said" } } },
  { "/quotes/indirect/according-to",
    "According to military expert Azad Isazade, accelerating the transition "
    "of the Azerbaijani army to NATO standards isn\xe2\x80\x99t the main goal.",
    { { "indirect",
        "accelerating the transition of the Azerbaijani army to NATO "
        "standards isn\xe2\x80\x99t the main goal",
        "Azad Isazade", "Azad Isazade", "according to" } } },
  { "/quotes/terms/names-and-scare-quotes",
    "In an interview with \xe2\x80\x9cMK,\xe2\x80\x9d the specialist told what "
    "Russia should expect. Lavrov referred to it as \xe2\x80\x9c"
    "breaking "
    "pots.\xe2\x80\x9d The \"Sputnik Azerbaijan\" agency reported it.",
    { { "term", "MK", NULL, NULL, NULL },
      { "term", "breaking pots.", NULL, NULL, NULL },
      { "term", "Sputnik Azerbaijan", NULL, NULL, NULL } } },
  { "/quotes/title-stripped",
    "Milli Majlis DEPUTY Rasim Musabekov called the incident \"cruel\" and "
    "described it as \"an operation to expel Azerbaijanis from Russia\".",
    { { "mixed", "cruel", "Rasim Musabekov", "Rasim Musabekov", "called" },
      { "mixed", "an operation to expel Azerbaijanis from Russia",
        "Rasim Musabekov", "Rasim Musabekov", "described" } } },
  { "/quotes/description/expert",
    "According to military expert Aleksey Ivanov, Azerbaijan is unlikely to "
    "join NATO.\n\n\xe2\x80\x9cThey arrive, exchange experience, and "
    "that\xe2\x80\x99s "
    "all,\xe2\x80\x9d the Russian expert said.",
    { { "indirect", "Azerbaijan is unlikely to join NATO", "Aleksey Ivanov",
        "Aleksey Ivanov", "according to" },
      { "direct", "They arrive, exchange experience, and that\xe2\x80\x99s all",
        "Aleksey Ivanov", "the Russian expert", "said" } } },
  { "/quotes/marks/multi-paragraph",
    "Chepa said:\n\"It seems to me that this issue will be settled.\n\"We need "
    "to figure everything out.\" The talks go on.",
    { { "direct",
        "It seems to me that this issue will be settled.\n\"We need to "
        "figure everything out.",
        "Chepa", "Chepa", "said" } } },
  { "/quotes/marks/guillemets-nested",
    "Lam said: \xc2\xabWe will not accept \xe2\x80\x9cindependence\xe2\x80\x9d "
    "in any form.\xc2\xbb",
    { { "direct",
        "We will not accept \xe2\x80\x9cindependence\xe2\x80\x9d in any form.",
        "Lam", "Lam", "said" } } },
  { "/quotes/marks/single-and-apostrophes",
    "The minister's aide said: 'We can't accept the rivals' plan at all.' "
    "Others disagreed.",
    { { "direct", "We can't accept the rivals' plan at all.", NULL, "aide",
        "said" } } },
  { "/quotes/continuation",
    "\"Such actions are not productive,\" said Viktor Vodolatsky.\n"
    "\"Every violator must be brought to justice and severely punished.\"",
    { { "direct", "Such actions are not productive", "Viktor Vodolatsky",
        "Viktor Vodolatsky", "said" },
      { "direct",
        "Every violator must be brought to justice and severely punished.",
        "Viktor Vodolatsky", "Viktor Vodolatsky", NULL } } },
  { "/quotes/colon-subject",
    "Legislator Tanya Chan spoke to the press after the speech: \"I really "
    "urge her to please step down. Please go.\"",
    { { "direct", "I really urge her to please step down. Please go.",
        "Tanya Chan", "Tanya Chan", NULL } } },
  { "/quotes/split-quotation",
    "\"I informed John Bolton last night,\" wrote Trump on Twitter, \"and "
    "therefore I asked John for his resignation.\"",
    { { "direct", "I informed John Bolton last night", "Trump", "Trump",
        "wrote" },
      { "direct", "and therefore I asked John for his resignation.", "Trump",
        "Trump", "wrote" } } },
  /* Second round: each case is one general cause found in the sample
   * articles (examples/articles, Wikinews). */
  { "/quotes/told/addressee-is-no-speaker",
    "Not everyone agreed there should be another referendum. One MP told "
    "the BBC, \"We know that 16 million people wanted to stay in the EU "
    "\xe2\x80\x94 but it was always a minority\".",
    { { "direct",
        "We know that 16 million people wanted to stay in the EU "
        "\xe2\x80\x94 but it was always a minority",
        "One MP", "One MP", "told" } } },
  { "/quotes/subject/reduced-relative",
    "Some of the protesters Wikinews interviewed said they had gone to "
    "\"defend [their] children's right to live and work in Europe\" and "
    "\"secure [their own] right to work in the EU\".",
    { { "mixed", "defend [their] children's right to live and work in Europe",
        "Some of the protesters", "Some of the protesters", "said" },
      { "mixed", "secure [their own] right to work in the EU",
        "Some of the protesters", "Some of the protesters", "said" } } },
  { "/quotes/subject/coordinated-verb",
    "The attacker is reported to have jumped on stage during the Great "
    "Orchestra of Christmas Charity and claimed he was wrongfully imprisoned "
    "under Adamowicz's former party Civic Platform's time in government.",
    { { "indirect",
        "he was wrongfully imprisoned under Adamowicz's former party Civic "
        "Platform's time in government",
        "attacker", "The attacker", "claimed" } } },
  { "/quotes/direct/short-utterance",
    "Health Minister \xc5\x81ukasz Szumowski said \"We couldn\xe2\x80\x99t "
    "win,\" and the city flag is at half-mast.",
    { { "direct", "We couldn\xe2\x80\x99t win", "\xc5\x81ukasz Szumowski",
        "\xc5\x81ukasz Szumowski", "said" } } },
  /* A quotation after a noun for words owned by a name (from a sample
   * article). */
  { "/quotes/direct/possessive-words",
    "One could honestly admit: yes, we were wrong, and it turned out that "
    "President Ilham Aliyev\xe2\x80\x99s famous phrase \xe2\x80\x9cI know "
    "what, when, and how to do it\xe2\x80\x9d was fully justified.",
    { { "direct", "I know what, when, and how to do it", "Ilham Aliyev",
        "Ilham Aliyev", NULL } } },
  /* The noun for words and its modifiers open the text: no owner before
   * them to read (this read before the first token). */
  { "/quotes/direct/words-noun-at-start",
    "very famous words \"I know what, when, and how to do it\"",
    { { "direct", "I know what, when, and how to do it", NULL, NULL, NULL } } },
  { "/quotes/mixed/called-not-next-sentence",
    "Interior Minister Joachim Brudzi\xc5\x84ski called the stabbing \"an act "
    "of inexplicable barbarity.\" He said \"I can\xe2\x80\x99t find the "
    "words, an explanation, for this kind of act.\"",
    { { "mixed", "an act of inexplicable barbarity.",
        "Joachim Brudzi\xc5\x84ski", "Joachim Brudzi\xc5\x84ski", "called" },
      { "direct",
        "I can\xe2\x80\x99t find the words, an explanation, for this kind of "
        "act.",
        "Joachim Brudzi\xc5\x84ski", "He", "said" } } },
  { "/quotes/indirect/bare-clause-around-term",
    "Brudzi\xc5\x84ski said Adamowicz required resuscitation, and was in a "
    "\"serious\" condition; TVN24 reported he received surgery.",
    { { "indirect",
        "Adamowicz required resuscitation, and was in a \"serious\" condition",
        "Brudzi\xc5\x84ski", "Brudzi\xc5\x84ski", "said" },
      { "term", "serious", NULL, NULL, NULL },
      { "indirect", "he received surgery", "TVN24", "TVN24", "reported" } } },
  { "/quotes/indirect/told-addressee-time",
    "Prosecutor Krzysztof Sierak told reporters today psychiatric "
    "assessments will be carried out to confirm if Stefan W is fit for "
    "trial.",
    { { "indirect",
        "psychiatric assessments will be carried out to confirm if Stefan W "
        "is fit for trial",
        "Krzysztof Sierak", "Krzysztof Sierak", "told" } } },
  { "/quotes/indirect/time-before-cue",
    "The head of the UK's counter terror police, Neil Basu, on Sunday said "
    "the police found nothing inconsistent with the attacker acting alone. "
    "The National Transportation Safety Committee of Indonesia on Monday "
    "announced the search would end.",
    { { "indirect",
        "the police found nothing inconsistent with the attacker acting alone",
        "Neil Basu", "Neil Basu", "said" },
      { "indirect", "the search would end",
        "National Transportation Safety Committee of Indonesia",
        "The National Transportation Safety Committee of Indonesia",
        "announced" } } },
  { "/quotes/indirect/opening-time-phrase",
    "On Friday Ford Motor Company announced the United States Department of "
    "Justice was performing a criminal investigation. By 5:00 pm EDT (2100 "
    "UTC) the city issued an advisory and stated the Department of Public "
    "Works had located the problem. Andrea Zamperoni was discovered dead in "
    "Queens, New York, according to police on Thursday.",
    { { "indirect",
        "the United States Department of Justice was performing a criminal "
        "investigation",
        "Ford Motor Company", "Ford Motor Company", "announced" },
      { "indirect", "the Department of Public Works had located the problem",
        "city", "the city", "stated" },
      { "indirect", "Andrea Zamperoni was discovered dead in Queens, New York",
        "police", "police", "according to" } } },
  /* Adapted from Wikinews, whose second verb has an object, not a clause
   * (see object-not-clause). */
  { "/quotes/indirect/coordinated-time-phrase",
    "The government of Burundi on Tuesday announced his death and announced "
    "the cause of death was a cardiac arrest.",
    { { "indirect", "the cause of death was a cardiac arrest",
        "government of Burundi", "The government of Burundi", "announced" } } },
  /* A verb that takes a bare clause only with its subject's verb after it:
   * a noun phrase alone is its object (the last sentence is made up:
   * "May", capitalized, is a name, not a verb). */
  { "/quotes/indirect/object-not-clause",
    "The government of Burundi on Tuesday announced his death and announced "
    "the cause of death as a cardiac arrest. While the House of "
    "Representatives confirmed Pierluisi's nomination on Friday, the Senate "
    "did not. The World Population Review estimated the total 2020 "
    "population of the state at just over one million. Wisconsin Governor "
    "Tony Evers declared a state of emergency and deployed the national "
    "guard. Johnson denied Theresa May a second vote on the deal.",
    { { NULL } } },
  { "/quotes/indirect/clause-with-verb",
    "Taliban spokesperson Zabiullah Mujahid claimed 190 were dead. He "
    "estimated this would take 24 hours. The FSB denies the two explosions "
    "are related; reports describe speculation the disaster's cause was not "
    "in fact a gas leak. Sputnik News reported Leonov, who died in Moscow, "
    "will be buried at the Federal Military Memorial Cemetery on Tuesday. "
    "The Emergency Situations Ministry further indicated no additional "
    "vehicles were involved and suggested the driver lost control and left "
    "the road.",
    { { "indirect", "190 were dead", "Zabiullah Mujahid", "Zabiullah Mujahid",
        "claimed" },
      { "indirect", "this would take 24 hours", "Zabiullah Mujahid", "He",
        "estimated" },
      { "indirect", "the two explosions are related", "FSB", "The FSB",
        "denies" },
      { "indirect",
        "Leonov, who died in Moscow, will be buried at the Federal Military "
        "Memorial Cemetery on Tuesday",
        "Sputnik News", "Sputnik News", "reported" },
      { "indirect", "no additional vehicles were involved",
        "Emergency Situations Ministry", "The Emergency Situations Ministry",
        "indicated" },
      { "indirect", "the driver lost control and left the road",
        "Emergency Situations Ministry", "The Emergency Situations Ministry",
        "suggested" } } },
  /* A speaker's noun phrase leaves out the conjunction before it and ends
   * at a verb with its object. */
  { "/quotes/indirect/conjunction-and-verb-out-of-speaker",
    "The initial reports were of drone attacks, but the Saudi government "
    "said the attack included cruise missles which could not have "
    "originated in Yemen. The embassy declined the request and said the "
    "Socoolas family left per advice from the United States Department of "
    "State.",
    { { "indirect",
        "the attack included cruise missles which could not have originated "
        "in Yemen",
        "Saudi government", "the Saudi government", "said" },
      { "indirect",
        "the Socoolas family left per advice from the United States "
        "Department of State",
        "embassy", "The embassy", "said" } } },
  /* A report holding another report is that one's (the first sentence is
   * from a sample article); a cue word after a number is a noun. */
  { "/quotes/indirect/nested-report-and-plural-noun",
    "Azerbaijan is a sovereign state, and Russia values partner relations "
    "with it, said the press secretary of the Russian President Dmitry "
    "Peskov, commenting on Baku's participation in the exercises in Georgia, "
    "RBC reports. On Super Tuesday, Sanders secured a plurality of the vote "
    "in four states, including his home state of Vermont, according to "
    "CNN's projections.",
    { { "indirect",
        "Azerbaijan is a sovereign state, and Russia values partner "
        "relations with it",
        "Dmitry Peskov", "Dmitry Peskov", "said" },
      { "indirect",
        "On Super Tuesday, Sanders secured a plurality of the vote in four "
        "states, including his home state of Vermont",
        "CNN's projections", "CNN's projections", "according to" } } },
  /* A name in apposition: after a description it is the speaker; before
   * a definite description between commas, that description is an
   * aside.  "official statements" describes no official. */
  { "/quotes/speakers/appositions",
    "\"This day is very hard for me, as I re-experience many memories,\" "
    "said his father, Abdullah Kurdi, following the ceremony. Satyendra "
    "Jain, the city's home minister, said \"Buildings can only be "
    "constructed up to four floors in Delhi.\" According to official "
    "statements, Trump, now operating from the WRNMMC, is to continue "
    "performing his duties as president during a 14-day quarantine. "
    "According to his wife, Amanda, Huber succumbed to an unspecified lung "
    "disorder, unrelated to COVID-19, for which he received treatment at "
    "the Mayo Clinic.",
    { { "direct",
        "This day is very hard for me, as I re-experience many memories",
        "Abdullah Kurdi", "Abdullah Kurdi", "said" },
      { "direct",
        "Buildings can only be constructed up to four floors in Delhi.",
        "Satyendra Jain", "Satyendra Jain", "said" },
      { "indirect",
        "Trump, now operating from the WRNMMC, is to continue performing his "
        "duties as president during a 14-day quarantine",
        "official statements", "official statements", "according to" },
      { "indirect",
        "Huber succumbed to an unspecified lung disorder, unrelated to "
        "COVID-19, for which he received treatment at the Mayo Clinic",
        "Amanda", "Amanda", "according to" } } },
  /* "X, Y said" reports X only when X has a verb: an opening phrase alone
   * is no report (the second sentence is made up to show the contrast). */
  { "/quotes/indirect/opening-phrase-is-no-report",
    "During his eulogy, Obama took a veiled shot at Trump for his attacks "
    "on mail-in voting, which critics, like Obama, have said amounted to "
    "voter suppression. In 2018, exports rose by five percent, the agency "
    "said.",
    { { "indirect", "In 2018, exports rose by five percent", "agency",
        "the agency", "said" } } },
  /* "according to X," opening a clause after a conjunction (the second
   * sentence is made up: after a clause it reports nothing ahead). */
  { "/quotes/indirect/according-to-after-conjunction",
    "His family's announcement of his death specified no cause, but, "
    "according to his agent, Hunter had undergone surgery recently. The "
    "talks went on, according to plan, for two more days.",
    { { "indirect", "Hunter had undergone surgery recently", "his agent",
        "his agent", "according to" } } },
  /* An opening participle phrase is no subject of the clause. */
  { "/quotes/indirect/opening-participle-phrase",
    "Speaking to Portfolio.hu, Matt Simister, Tesco\xe2\x80\x99s CEO for "
    "Central Europe, explained that the company held a 4% share of the "
    "Polish retail market, compared to its 16% share in Hungary, and stated "
    "they want to stay in Hungary.",
    { { "indirect",
        "the company held a 4% share of the Polish retail market, compared "
        "to its 16% share in Hungary",
        "Matt Simister", "Matt Simister", "explained" },
      { "indirect", "they want to stay in Hungary", "Matt Simister",
        "Matt Simister", "stated" } } },
  /* A titled name in apposition before the verb; naming verbs quote the
   * subject's own words. */
  { "/quotes/mixed/titled-apposition-and-naming-verbs",
    "The United States' National Institute of Allergy and Infectious "
    "Disease's director, Dr. Anthony Fauci, said of the outbreak, "
    "\"[b]ottom line, it's going to get worse.\"\n\n\nTrump hailed the "
    "agreements as the \"dawn of a new Middle East.\" His opponent, Biden, "
    "in a message to fundraisers, accused Trump of \"trying to scare the "
    "hell out of America.\"",
    { { "mixed", "[b]ottom line, it's going to get worse.", "Anthony Fauci",
        "Anthony Fauci", "said" },
      { "mixed", "dawn of a new Middle East.", "Trump", "Trump", "hailed" },
      { "mixed", "trying to scare the hell out of America.", "Biden", "Biden",
        "accused" } } },
  /* Initials and a suffix are part of a name, and the surname before a
   * suffix finds it; "Justice" is a title. */
  { "/quotes/speakers/initials-and-suffixes",
    "\"On behalf of the Court and retired Justices,\" wrote Chief Justice "
    "John G. Roberts, \"I am saddened to report that our colleague Justice "
    "John Paul Stevens has passed away.\"\n\n\nWayne A. I. Frederick, "
    "president of Howard University, wrote \"It is with profound sadness "
    "that we mourn the loss of alumnus Chadwick Boseman.\" Bob Iger, Robert "
    "Downey Jr., Scarlett Johansson, and Paul Rudd, all contributed. During "
    "the broadcast, Downey said of Boseman, \"He was having this immense "
    "success.\"",
    { { "direct", "On behalf of the Court and retired Justices",
        "John G. Roberts", "John G. Roberts", "wrote" },
      { "direct",
        "I am saddened to report that our colleague Justice John Paul "
        "Stevens has passed away.",
        "John G. Roberts", "John G. Roberts", "wrote" },
      { "direct",
        "It is with profound sadness that we mourn the loss of alumnus "
        "Chadwick Boseman.",
        "Wayne A. I. Frederick", "Wayne A. I. Frederick", "wrote" },
      { "direct", "He was having this immense success.", "Robert Downey Jr.",
        "Downey", "said" } } },
  /* "Lady", "Lord", "Dame" are titles, as "Sir" ("First Lady" too). */
  { "/quotes/speakers/lady-is-a-title",
    "Former First Lady Michelle Obama gave the keynote address on the "
    "opening night, urging viewers, \"we have got to vote for Joe Biden like "
    "our lives depend on it.\"",
    { { "mixed",
        "we have got to vote for Joe Biden like our lives depend on it.",
        "Michelle Obama", "Michelle Obama", "urging" } } },
  /* A time adverb with no comma opens the clause before its subject (the
   * second sentence is made up; "NDTV later reported" keeps its
   * subject). */
  { "/quotes/indirect/opening-time-adverb",
    "A few days later the administration said he would use an executive "
    "order to add the citizenship question to the census. Two weeks ago "
    "the ministry said it would act.",
    { { "indirect",
        "he would use an executive order to add the citizenship question to "
        "the census",
        "administration", "the administration", "said" },
      { "indirect", "it would act", "ministry", "the ministry", "said" } } },
  /* "It" speaks with verbs of speech: for the organisation that spoke
   * last, unknown after a person or with none ("It also stated" is from
   * Wikinews); not "it is said", "it tells us". */
  { "/quotes/indirect/it-speaks",
    "It also stated he was in stage IV of his cancer which had been "
    "diagnosed in 2016. The ministry said the dam was safe. It also claimed "
    "the river had fallen. Peskov said the talks failed. It added the "
    "talks would resume. It is said that he never told the studio. Well, "
    "it tells us that a planet can form there.",
    { { "indirect",
        "he was in stage IV of his cancer which had been diagnosed in 2016",
        NULL, "It", "stated" },
      { "indirect", "the dam was safe", "ministry", "The ministry", "said" },
      { "indirect", "the river had fallen", "ministry", "It", "claimed" },
      { "indirect", "the talks failed", "Peskov", "Peskov", "said" },
      { "indirect", "the talks would resume", NULL, "It", "added" } } },
  /* A site's name speaks ("Znak.com"), and a report inside another is
   * the inner one's, its subject after the outer verb; the subject of a
   * participle or after "and" stays the sentence's (Wikinews). */
  { "/quotes/indirect/nested-report-and-site",
    "One news site, Znak.com, claims FSB sources have ascribed the "
    "explosion to terrorism. Znak.com further reported its source said that "
    "apartment's tenant moved in the day before the blast. The website "
    "further reported its anonymous source claimed a fourth offender "
    "escaped and remains wanted. Biden proposed a public option and "
    "claimed nobody lost their health insurance.",
    { { "indirect", "FSB sources have ascribed the explosion to terrorism",
        "Znak.com", "Znak.com", "claims" },
      { "indirect", "apartment's tenant moved in the day before the blast",
        "its source", "its source", "said" },
      { "indirect", "a fourth offender escaped and remains wanted",
        "its anonymous source", "its anonymous source", "claimed" },
      { "indirect", "nobody lost their health insurance", "Biden", "Biden",
        "claimed" } } },
  /* A closing "according to X" with no comma after a clause, or with a
   * phrase after its source (Wikinews); not "according to their choice";
   * an owner's acronym stays with its noun. */
  { "/quotes/indirect/closing-according-to",
    "Boseman died at home on August 28 in the company of his wife and "
    "family according to a statement posted to his official Twitter "
    "account. Fitness was a big factor in that according to Kidston. The "
    "funds were distributed according to their choice. Mortality rates "
    "averaged around 50% according to WHO's statistics.",
    { { "indirect",
        "Boseman died at home on August 28 in the company of his wife and "
        "family",
        "a statement", "a statement", "according to" },
      { "indirect", "Fitness was a big factor in that", "Kidston", "Kidston",
        "according to" },
      { "indirect", "Mortality rates averaged around 50%", "WHO's statistics",
        "WHO's statistics", "according to" } } },
  /* A participle after a comma reports a clause with its subject and
   * verb, for the subject of the sentence's verb (not a name in its
   * object), past an opening adverb (Wikinews; the first sentence made
   * up). */
  { "/quotes/indirect/participle-clause",
    "Peskov criticised the plan, saying the talks would fail. The Air "
    "Force issued warnings against attempts to enter the restricted zone "
    "of the base, saying it was dangerous. First, Biden juxtaposed "
    "numbers, claiming 85,000 Americans were unemployed. Smith left, "
    "adding to the confusion. It also credited Leonov with making the "
    "spacewalk possible, noting on Twitter \"[h]is venture into the vacuum "
    "of space began the history of extravehicular activity\".",
    { { "indirect", "the talks would fail", "Peskov", "Peskov", "saying" },
      { "indirect", "it was dangerous", "Air Force", "The Air Force",
        "saying" },
      { "indirect", "85,000 Americans were unemployed", "Biden", "Biden",
        "claiming" },
      { "mixed",
        "[h]is venture into the vacuum of space began the history of "
        "extravehicular activity",
        NULL, "It", "noting" } } },
  /* "he" means the subject before an object or a name in a lesser clause
   * of the latest sentence ("praised Johnson", "pardoned by Trump", "argued
   * that Trump had"), and the person it stands for then speaks on
   * (Wikinews: the last two paragraphs). */
  { "/quotes/speakers/pronoun-prefers-subject",
    "President Donald Trump met Prime Minister Boris Johnson on Monday. "
    "Trump praised Johnson. \"He is a great leader,\" he said.\n\n"
    "Former Trump adviser and retired general Michael Flynn was on stage "
    "while Trump flew over. This was the first time Flynn made a public "
    "speech since he was pardoned by Trump. He said \"That's pretty "
    "cool.\"\n\nPrime Minister Oleksiy Honcharuk filed his resignation. He "
    "said Zelensky is \"a model of honesty for me\"; however, \"I wrote a "
    "resignation offer\", he added.",
    { { "direct", "He is a great leader", "Donald Trump", "he", "said" },
      { "direct", "That's pretty cool.", "Michael Flynn", "He", "said" },
      { "mixed", "a model of honesty for me", "Oleksiy Honcharuk", "He",
        "said" },
      { "mixed", "I wrote a resignation offer", "Oleksiy Honcharuk", "he",
        "added" } } },
  /* A capitalized run right before an organisation word names the
   * organisation, not a person (Wikinews). */
  { "/quotes/speakers/run-before-organisation-word",
    "The Seoul government said Park had cancelled his entire Thursday "
    "schedule. Forest officials suggested the elephant may have tried to "
    "eat a cracker.",
    { { "indirect", "Park had cancelled his entire Thursday schedule",
        "Seoul government", "The Seoul government", "said" },
      { "indirect", "the elephant may have tried to eat a cracker",
        "Forest officials", "Forest officials", "suggested" } } },
  /* Lower-case particles belong to a name, whose surname drops a glued
   * article ("al-Assad" -> "Assad"); royal and church titles are
   * titles. */
  { "/quotes/speakers/name-particles",
    "Syrian President Bashar al-Assad said the talks would resume. \"We "
    "are ready,\" Assad said. Crown Prince Mohammed bin Salman said the "
    "plan had failed. Ursula von der Leyen presented a plan. \"It is "
    "over,\" von der Leyen said.",
    { { "indirect", "the talks would resume", "Bashar al-Assad",
        "Bashar al-Assad", "said" },
      { "direct", "We are ready", "Bashar al-Assad", "Assad", "said" },
      { "indirect", "the plan had failed", "Mohammed bin Salman",
        "Mohammed bin Salman", "said" },
      { "direct", "It is over", "Ursula von der Leyen", "Leyen", "said" } } },
  /* An organisation's name goes on after "of … and" ("Institute for
   * Health Metrics and Evaluation"), but a person after a longer place
   * is the person (the seed article's NATO representative). */
  { "/quotes/speakers/organisation-with-and",
    "According to the Institute for Health Metrics and Evaluation, the "
    "virus may cause 32,000 more deaths. The National Institute of Allergy "
    "and Infectious Diseases said the virus may spread. \"It will help,\" "
    "said NATO Secretary General's Special Representative for the South "
    "Caucasus and Central Asia James Appathurai. The Iranian Revolutionary "
    "Guard Corps said the general was dead.",
    { { "indirect", "the virus may cause 32,000 more deaths",
        "Institute for Health Metrics and Evaluation",
        "the Institute for Health Metrics and Evaluation", "according to" },
      { "indirect", "the virus may spread",
        "National Institute of Allergy and Infectious Diseases",
        "The National Institute of Allergy and Infectious Diseases", "said" },
      { "direct", "It will help", "James Appathurai", "James Appathurai",
        "said" },
      { "indirect", "the general was dead", "Iranian Revolutionary Guard Corps",
        "The Iranian Revolutionary Guard Corps", "said" } } },
  /* A full name met only as a possessive or after "with", "of" still
   * names its surname (its last two names after a place), but does not
   * replace a full name met otherwise (Wikinews, shortened). */
  { "/quotes/speakers/weak-full-names",
    "Trump announced John R. Bolton's resignation after disagreements with "
    "Mike Pompeo. \"I offered to resign,\" Bolton said. \"We disagreed,\" "
    "Pompeo said. Senator of Vermont Bernie Sanders spoke. \"It is over,\" "
    "Sanders said. Joe Biden spoke of Hunter Biden's laptop. \"It is a "
    "lie,\" Biden said.",
    { { "direct", "I offered to resign", "John R. Bolton", "Bolton", "said" },
      { "direct", "We disagreed", "Mike Pompeo", "Pompeo", "said" },
      { "direct", "It is over", "Bernie Sanders", "Sanders", "said" },
      { "direct", "It is a lie", "Joe Biden", "Biden", "said" } } },
  /* A hyphen inside a name ("Jean-Claude Juncker", "Abdul-Mahdi"), and a
   * bare name in apposition to a role is a person "he" may mean
   * (Wikinews, shortened). */
  { "/quotes/speakers/hyphens-and-apposition",
    "Prime Minister Adil Abdul-Mahdi spoke. Jean-Claude Juncker said the "
    "talks would resume. A State Department spokesperson, Morgan Ortagus, "
    "was disappointed: \"We urge Iraqi leaders to reconsider,\" he said. "
    "\"We are ready,\" Abdul-Mahdi said.",
    { { "indirect", "the talks would resume", "Jean-Claude Juncker",
        "Jean-Claude Juncker", "said" },
      { "direct", "We urge Iraqi leaders to reconsider", "Morgan Ortagus",
        "he", "said" },
      { "direct", "We are ready", "Adil Abdul-Mahdi", "Abdul-Mahdi",
        "said" } } },
  /* Naming verbs as participles ("calling it “…”"), the subject past an
   * opening phrase, not the phrase's noun (Wikinews). */
  { "/quotes/mixed/naming-participle",
    "Adil Abdul-Mahdi spoke out against the attack, calling it \"an "
    "aggression on Iraq\". In a related press release issued the following "
    "day, the Turkish Ministry of Foreign Affairs denounced the conclusions "
    "of the summit, calling the agreements \"legitimate and fully compatible "
    "with international law\".",
    { { "mixed", "an aggression on Iraq", "Adil Abdul-Mahdi",
        "Adil Abdul-Mahdi", "calling" },
      { "mixed", "legitimate and fully compatible with international law",
        "Turkish Ministry of Foreign Affairs",
        "the Turkish Ministry of Foreign Affairs", "calling" } } },
  /* A cue word after a determiner, or plural after "according to", is a
   * noun of the source, and a date's comma does not end it. */
  { "/quotes/indirect/according-to-reports",
    "Two women and a man were injured, according to the reports. According "
    "to local reports, the 64-year-old mayor left his home a quarter before "
    "11 a.m. on Thursday with a backpack. According to a March 14, 2019 "
    "NATO press release, Hungary spent an estimated 1.15% of its GDP on "
    "military expenditures in 2018.",
    { { "indirect", "Two women and a man were injured", "reports",
        "the reports", "according to" },
      { "indirect",
        "the 64-year-old mayor left his home a quarter before 11 a.m. on "
        "Thursday with a backpack",
        "local reports", "local reports", "according to" },
      { "indirect",
        "Hungary spent an estimated 1.15% of its GDP on military "
        "expenditures in 2018",
        "a March 14, 2019 NATO press release",
        "a March 14, 2019 NATO press release", "according to" } } },
  /* A participle cue ending its sentence is a noun ("a tropical storm
   * warning" reports nothing); one after a comma takes the speaker of the
   * report before it (the second sentence is made up, the third shortened
   * from Wikinews). */
  { "/quotes/indirect/participles",
    "Palm Beach County in Florida issued an evacuation order to some "
    "residents, effective 1 p.m. on Sunday, after the NHC placed Palm Beach "
    "County under a tropical storm warning. The storm weakened, forecasters "
    "said, warning that it could strengthen again. Michelle Obama gave the "
    "keynote address on the opening night, urging viewers, \"we have got to "
    "vote for Joe Biden like our lives depend on it.\"",
    { { "indirect", "The storm weakened", "forecasters", "forecasters",
        "said" },
      { "indirect", "it could strengthen again", "forecasters", "forecasters",
        "warning" },
      { "mixed",
        "we have got to vote for Joe Biden like our lives depend on it.",
        "Michelle Obama", "Michelle Obama", "urging" } } },
  /* A denied verb of speech reports nothing; a denied belief still gives
   * the speaker's view (the second sentence is made up). */
  { "/quotes/indirect/denied-speech",
    "The previous day, television broadcaster PBS revealed that in "
    "December, Crown Prince Mohammad bin Salman of Saudi Arabia accepted "
    "responsibility for the murder of journalist Jamal Khashoggi but did "
    "not say he'd ordered it. Pablo Greco does not believe this is the end "
    "of the project.",
    { { "indirect",
        "in December, Crown Prince Mohammad bin Salman of Saudi Arabia "
        "accepted responsibility for the murder of journalist Jamal "
        "Khashoggi but did not say he'd ordered it",
        "television broadcaster PBS", "television broadcaster PBS",
        "revealed" },
      { "indirect", "this is the end of the project", "Pablo Greco",
        "Pablo Greco", "believe" } } },
  /* "X told Y he believed …": the inner report's "he" is the outer
   * report's speaker. */
  { "/quotes/indirect/nested-report-pronoun",
    "Search and rescue bodies can also access this information; Smith told "
    "Wikinews he believed this would include foreign navies with ships in "
    "the Java Sea.",
    { { "indirect",
        "this would include foreign navies with ships in the Java Sea", "Smith",
        "Smith", "believed" } } },
  /* "read" is a cue right after a written text, whose owner speaks (the
   * third sentence is made up). */
  { "/quotes/direct/written-text-reads",
    "Trump's statement read: \"Hamza bin Ladin, the high-ranking al-Qa'ida "
    "member and son of Usama bin Ladin, was killed.\"\n\nPart of the judge's "
    "statement reads \"the average woman could conceivably be better suited "
    "physically for some of today's combat positions\". He read \"War and "
    "Peace\" twice. The ruling read: \"The advice was unlawful.\"",
    { { "direct",
        "Hamza bin Ladin, the high-ranking al-Qa'ida member and son of Usama "
        "bin Ladin, was killed.",
        "Trump", "Trump", "read" },
      { "direct",
        "the average woman could conceivably be better suited physically for "
        "some of today's combat positions",
        "judge's statement", "the judge's statement", "reads" },
      { "term", "War and Peace", NULL, NULL, NULL },
      { "direct", "The advice was unlawful.", "ruling", "The ruling",
        "read" } } },
  /* Nouns in -ly are no adverbs between a subject and its verb (the
   * second sentence is made up: an adverb before a passive). */
  { "/quotes/indirect/ly-nouns",
    "The family said they planned to have a private funeral service for "
    "Imus. Officials were openly called to join.",
    { { "indirect", "they planned to have a private funeral service for Imus",
        "family", "The family", "said" } } },
  /* An indefinite noun phrase right before its verb is the subject, not
   * an aside; "no candidate" said nothing (the second sentence is made
   * up). */
  { "/quotes/indirect/indefinite-subject",
    "After the interview, a spokesman for West claimed West decided to drop "
    "out of the race. No candidate mentioned that there are dealers nearby.",
    { { "indirect", "West decided to drop out of the race", "a spokesman",
        "a spokesman", "claimed" } } },
  /* A surname alone after the full name is that person's latest mention,
   * which "he" then finds (not the person named in between). */
  { "/quotes/speakers/surname-mention-before-pronoun",
    "In the aftermath of Super Tuesday, yesterday and on Wednesday, two "
    "candidates, Senator Elizabeth Warren of Massachusetts and Michael "
    "Bloomberg, formerly the mayor of New York City, ended their campaigns. "
    "U.S. Representative Tulsi Gabbard of Hawaii secured the last delegate "
    "from American Samoa, her first delegate of the campaign season.\n\n\n"
    "Wednesday, the same day that he dropped out, Bloomberg endorsed his "
    "former rival, Joe Biden.  \"Three months ago,\" he said, \"I entered "
    "the race for President to defeat Donald Trump.\"",
    { { "direct", "Three months ago", "Michael Bloomberg", "he", "said" },
      { "direct", "I entered the race for President to defeat Donald Trump.",
        "Michael Bloomberg", "he", "said" } } },
  /* "which" before the verb stands for the noun phrase before it. */
  { "/quotes/direct/relative-which-source",
    "They released a statement which said, \"Hagia Sophia bears profound "
    "historical and spiritual significance to Muslims and Christians "
    "alike, and its status as a museum must be maintained\".",
    { { "direct",
        "Hagia Sophia bears profound historical and spiritual significance "
        "to Muslims and Christians alike, and its status as a museum must be "
        "maintained",
        "a statement", "a statement", "said" } } },
  /* "went on to add": the speaker's next words, not an infinitive. */
  { "/quotes/direct/went-on-to-add",
    "\"They are integrated into the lives of the community,\" said study "
    "co-author Professor Carl Lipo of Binghamton University. He went on to "
    "add \"The exceptions to the rule about being at the coast where water "
    "comes out actually are met by the fact there is also water there.\"",
    { { "direct", "They are integrated into the lives of the community",
        "Carl Lipo", "Carl Lipo", "said" },
      { "direct",
        "The exceptions to the rule about being at the coast where water "
        "comes out actually are met by the fact there is also water there.",
        "Carl Lipo", "He", "went on to add" } } },
  /* A bare noun phrase between a comma and the verb is its subject. */
  { "/quotes/indirect/clause-then-bare-subject",
    "A total of 39 are confirmed dead, officials told state media, adding "
    "that rescuers ended their work yesterday. Further charges may be laid "
    "in the future, police said.",
    { { "indirect", "A total of 39 are confirmed dead", "officials",
        "officials", "told" },
      { "indirect", "rescuers ended their work yesterday", "officials",
        "officials", "adding" },
      { "indirect", "Further charges may be laid in the future", "police",
        "police", "said" } } },
  /* A place and a lower-case modifier before a title qualify the person. */
  { "/quotes/indirect/place-before-title",
    "In a meeting that day he was told by Emergencies Minister Yevgeny "
    "Zinichev of \"presumably between 36 and 40 people under the rubble\", "
    "while Chelyabinsk regional Deputy Governor Oleg Klimov indicated 68 "
    "people were missing.",
    { { "mixed", "presumably between 36 and 40 people under the rubble",
        "Yevgeny Zinichev", "Yevgeny Zinichev", "told" },
      { "indirect", "68 people were missing", "Oleg Klimov", "Oleg Klimov",
        "indicated" } } },
  { "/quotes/indirect/relative-that",
    "President Trump has said he will not approve a budget that does not "
    "allocate funding for a wall along the country's border with Mexico.",
    { { "indirect",
        "he will not approve a budget that does not allocate funding for a "
        "wall along the country's border with Mexico",
        "Trump", "Trump", "said" } } },
  { "/quotes/indirect/content-ends",
    "Peskov said the talks would go on, adding that nothing had changed. "
    "Officials said three people died; their identities were not provided. "
    "Nettie Baker said he died in Britain without elaborating. One "
    "interviewee said people changed their minds and several said they "
    "wanted the politicians to stop ignoring them.",
    { { "indirect", "the talks would go on", "Peskov", "Peskov", "said" },
      { "indirect", "nothing had changed", "Peskov", "Peskov", "adding" },
      { "indirect", "three people died; their identities were not provided",
        "Officials", "Officials", "said" },
      { "indirect", "he died in Britain", "Nettie Baker", "Nettie Baker",
        "said" },
      { "indirect", "people changed their minds", "One interviewee",
        "One interviewee", "said" } } },
  { "/quotes/speakers/diacritics-and-time-words",
    "Turkish President Recep Tayyip Erdo\xc4\x9f"
    "an spoke on Sunday. \"We will change its name,\" Erdogan said. "
    "Erdo\xc4\x9f"
    "an said earlier he might rename the monument.",
    { { "direct", "We will change its name",
        "Recep Tayyip Erdo\xc4\x9f"
        "an",
        "Erdogan", "said" },
      { "indirect", "he might rename the monument",
        "Recep Tayyip Erdo\xc4\x9f"
        "an",
        "Erdo\xc4\x9f"
        "an",
        "said" } } },
  { "/quotes/speakers/gender",
    "Senator John Smith arrived. \"We will win this,\" he said. \"We "
    "disagree with that,\" she said.",
    { { "direct", "We will win this", "John Smith", "he", "said" },
      { "direct", "We disagree with that", NULL, "she", "said" } } },
  { "/quotes/speakers/indefinite-description",
    "Peskov spoke. \"It is over now,\" a spokesman said.",
    { { "direct", "It is over now", "a spokesman", "a spokesman", "said" } } },
  { "/quotes/marks/plural-s-closing-quote",
    "Trump dismissed the story as 'fake news' and said it was false.",
    { { "mixed", "fake news", "Trump", "Trump", "dismissed" },
      { "indirect", "it was false", "Trump", "Trump", "said" } } },
  { "/quotes/indirect/not-speech",
    "Italy, the proposed end point, and Egypt were openly called to join. "
    "He declined to say more. The claim was false. She claimed "
    "responsibility for the attack. He claimed he was innocent.",
    { { "indirect", "he was innocent", NULL, "He", "claimed" } } },
  { "/quotes/mixed/naming-verb",
    "Tom Watson called Prime Minister Theresa May's proposed Brexit deal "
    "\"lousy\" and said he would only vote for it. The pattern, commonly "
    "called \"glider\", moves.",
    { { "mixed", "lousy", "Tom Watson", "Tom Watson", "called" },
      { "indirect", "he would only vote for it", "Tom Watson", "Tom Watson",
        "said" },
      { "term", "glider", NULL, NULL, NULL } } },
  { "/quotes/direct/appositive-and-short-reply",
    "\"This is not over,\" Rep. Adam Schiff, D-Calif., said Tuesday. \"No,\" "
    "Cruz replied when asked whether he would endorse Trump.",
    { { "direct", "This is not over", "Adam Schiff", "Adam Schiff", "said" },
      { "direct", "No", "Cruz", "Cruz", "replied" } } },
  { "/quotes/direct/after-quote-ending-sentence",
    "Clinton said in a statement that she was \"deeply disappointed.\" \"I "
    "think it's time for a change,\" she said.",
    { { "indirect", "she was \"deeply disappointed.\"", "Clinton", "Clinton",
        "said" },
      { "term", "deeply disappointed.", NULL, NULL, NULL },
      { "direct", "I think it's time for a change", "Clinton", "she",
        "said" } } },
  { "/quotes/speakers/description-of-another-role",
    "White House press secretary Sarah Sanders spoke on Monday. The senator, "
    "who spoke on condition of anonymity, said the deal was dead.",
    { { "indirect", "the deal was dead", NULL, "The senator", "said" } } },
  { "/quotes/indirect/adding-after-quote",
    "\"The economy is strong,\" Kudlow said on CNBC, adding that tariffs "
    "would help.",
    { { "direct", "The economy is strong", "Kudlow", "Kudlow", "said" },
      { "indirect", "tariffs would help", "Kudlow", "Kudlow", "adding" } } },
  { "/quotes/none",
    "Relations between Russia and Azerbaijan are experiencing another "
    "aggravation these days. It's the country's problem.",
    { { NULL } } },
  /* A quotation opening with a nested one, or with a bracket before its
   * capital, opens like a sentence: a whole utterance after "X …:" or
   * after its cue and a comma (Wikinews). */
  { "/quotes/direct/opens-with-nested-quotation",
    "Another was tour manager Thomas Gray, 24, who cited only his "
    "experience with the sport of rugby: \"'one in, all in'. I did what any "
    "Londoner would do and tried to put a stop to it.\"\n\n"
    "President Trump commented on the matter during a White House Press "
    "Briefing, \"[W]e're looking at it very strongly. We have a lot of good "
    "relationships in that area.\"",
    { { "direct",
        "'one in, all in'. I did what any Londoner would do and tried to put "
        "a stop to it.",
        "Thomas Gray", "Thomas Gray", NULL },
      { "direct",
        "[W]e're looking at it very strongly. We have a lot of good "
        "relationships in that area.",
        "Trump", "Trump", "commented" } } },
  /* A quotation woven into a clause with no cue is the words of the
   * clause's subject, a person (past an appositive), with its verb as
   * the cue; not after a passive (Wikinews; the third made up). */
  { "/quotes/mixed/woven-into-clause",
    "The mayor of London, Sadiq Khan, thanked \"the police, security and "
    "emergency services staff for their swift and courageous "
    "response\".\n\n"
    "Trump characterized the call with Zelensky as \"perfectly fine and "
    "routine.\"\n\n"
    "The driver was charged with \"causing death by dangerous driving on "
    "the motorway near the town\".",
    { { "mixed",
        "the police, security and emergency services staff for their swift "
        "and courageous response",
        "Sadiq Khan", "Sadiq Khan", "thanked" },
      { "mixed", "perfectly fine and routine.", "Trump", "Trump",
        "characterized" },
      { "direct",
        "causing death by dangerous driving on the motorway near the town",
        NULL, NULL, NULL } } },
  /* A full name with no role is a referent for "he" or "she" when it is
   * the subject of a verb, not only when it opens the sentence (the
   * first from Wikinews, the rest made up). */
  { "/quotes/speakers/name-as-subject-is-referent",
    "Wrestling sportswriter Dave Meltzer tweeted after hearing the news of "
    "her death. He said \"Hana Kimura just passed away. There are no other "
    "details at the moment.\"\n\n"
    "On Monday, the minister met John Smith. Later, Mary Jones announced "
    "her resignation.\n\n\"I did nothing wrong,\" she said.",
    { { "direct",
        "Hana Kimura just passed away. There are no other details at the "
        "moment.",
        "Dave Meltzer", "He", "said" },
      { "direct", "I did nothing wrong", "Mary Jones", "she", "said" } } },
  /* A run of three names or more after "of" or "to" that ends the
   * subject ends with the person's two names; an organisation's head word
   * keeps it a place (Wikinews). */
  { "/quotes/speakers/name-after-placed-title",
    "President of Ukraine Volodymyr Zelenskyy said, \"We expect from Iran "
    "assurances of their readiness for a full and open investigation.\"\n\n"
    "The shooting followed four deadly mass shootings in the United States "
    "that week, according to data from the Gun Violence Archive.",
    { { "direct",
        "We expect from Iran assurances of their readiness for a full and "
        "open investigation.",
        "Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "said" },
      { "indirect",
        "The shooting followed four deadly mass shootings in the United "
        "States that week",
        "data from the Gun Violence Archive",
        "data from the Gun Violence Archive", "according to" } } },
  /* With nobody known before it, a description stands for the next
   * person met with its role, in its line or the next (the first sentence
   * made up, the second from Wikinews). */
  { "/quotes/speakers/description-named-later",
    "\"The sea took everything from us in one night,\" the father "
    "said.\n\n"
    "\"This day is very hard for me, as I re-experience many memories,\" "
    "said his father, Abdullah Kurdi, following the ceremony.",
    { { "direct", "The sea took everything from us in one night",
        "Abdullah Kurdi", "the father", "said" },
      { "direct",
        "This day is very hard for me, as I re-experience many memories",
        "Abdullah Kurdi", "Abdullah Kurdi", "said" } } },
  /* "quoted X as saying", "cited X as stating": X speaks, not the
   * subject that quotes (Wikinews). */
  { "/quotes/speakers/quoted-as-saying",
    "Politico quoted Tim Manning, formerly a deputy administrator at FEMA, "
    "as saying \"FEMA has an important role in coordinating the larger "
    "response to the crisis\".\n\n"
    "It cited the Air Force as stating Saha Airlines owned the plane.",
    { { "direct",
        "FEMA has an important role in coordinating the larger response to "
        "the crisis",
        "Tim Manning", "Tim Manning", "saying" },
      { "indirect", "Saha Airlines owned the plane", "Air Force",
        "the Air Force", "stating" } } },
  /* "that" after a verb of kind tell opens the clause: it is no
   * determiner of an addressee ("that Azerbaijan", "that back"). */
  { "/quotes/indirect/tell-that-no-addressee",
    "\"Each case has its own specificity, geographic features, military "
    "traditions,\" Isazade said. He reminded that back in the 1990s, "
    "Azerbaijan abandoned the Soviet system of organizing the armed forces. "
    "He warned that Azerbaijan would keep its own model.",
    { { "direct",
        "Each case has its own specificity, geographic features, military "
        "traditions",
        "Isazade", "Isazade", "said" },
      { "indirect",
        "back in the 1990s, Azerbaijan abandoned the Soviet system of "
        "organizing the armed forces",
        "Isazade", "He", "reminded" },
      { "indirect", "Azerbaijan would keep its own model", "Isazade", "He",
        "warned" } } },
  /* An attribution inside its clause, whose verb follows it: the report
   * is the whole clause (Wikinews; the first made up). */
  { "/quotes/indirect/attribution-inside-clause",
    "The talks, Peskov said, would resume next week in Geneva.\n\n"
    "Pelosi herself presided over the vote, a move whose rarity, CBS noted, "
    "highlighted the significance of the resolution.\n\n"
    "In 2015, Smith said, the company was sold.",
    { { "indirect", "The talks, Peskov said, would resume next week in Geneva",
        "Peskov", "Peskov", "said" },
      { "indirect",
        "Pelosi herself presided over the vote, a move whose rarity, CBS "
        "noted, highlighted the significance of the resolution",
        "CBS", "CBS", "noted" } } },
  /* So is "according to X" inside its clause, up to a semicolon
   * (Wikinews; the second made up). */
  { "/quotes/indirect/according-to-inside-clause",
    "Local authorities, according to Maritime Bulletin, have noted other "
    "unusual AIS data.\n\n"
    "The economy grew and, according to CNN, was called the breadbasket of "
    "the region; the massacres began later.",
    { { "indirect",
        "Local authorities, according to Maritime Bulletin, have noted other "
        "unusual AIS data",
        "Maritime Bulletin", "Maritime Bulletin", "according to" },
      { "indirect",
        "The economy grew and, according to CNN, was called the breadbasket "
        "of the region",
        "CNN", "CNN", "according to" } } },
  /* A bare clause may open with a quoted term when its verb follows it;
   * a report ends before ", while …" (the writer's contrast) unless it is
   * "according to X"'s (Wikinews; the second sentence made up after one). */
  { "/quotes/indirect/clause-opening-with-term",
    "Znak.com reported its source said \"three terrorists\" were killed in "
    "a firefight on Monday night, while footage from the scene showed the "
    "vehicle burn.\n\nProtesters marched on, saying \"united in "
    "diversity\".",
    { { "indirect", "\"three terrorists\" were killed in a firefight on "
                    "Monday night",
        "its source", "its source", "said" },
      { "term", "three terrorists", NULL, NULL, NULL },
      { "term", "united in diversity", NULL, NULL, NULL } } },
  /* The shortest report: a subject and its verb after the cue, or before
   * it ("He agreed, Peskov said."); not "said yes", "said so" (the first
   * sentences are made up after the sample articles). */
  { "/quotes/indirect/two-word-clause",
    "The press secretary of the Russian President Dmitry Peskov met the "
    "envoy on Monday. Peskov said he agreed.\n\n"
    "He agreed, Peskov said. They said so. He said yes.",
    { { "indirect", "he agreed", "Dmitry Peskov", "Peskov", "said" },
      { "indirect", "He agreed", "Dmitry Peskov", "Peskov", "said" } } },
  /* An opening participle phrase is no report ("Asked about …, X
   * said"), nor is "According to local news" that of the subject after
   * it (Wikinews; the second sentence made up). */
  { "/quotes/indirect/fronted-participle-no-report",
    "According to local news, school districts across the area announced "
    "school closings. Asked about the deal on Monday, Peskov said.",
    { { "indirect",
        "school districts across the area announced school closings",
        "local news", "local news", "according to" } } },
  /* A written text speaks with a phrase after its noun ("of the
   * decision", "on the death") and "read in part"; not when it is the
   * object of a preposition ("during his message … read out"). */
  { "/quotes/direct/written-text-with-phrase",
    "The summary of the decision read in part: \"This Court has already "
    "concluded that the advice was unlawful.\"\n\n"
    "The family's statement on the death read: \"Don loved and adored "
    "Deirdre, who unconditionally loved him back.\"\n\n"
    "The new governor of the region, Alexander Moor, during his message to "
    "the regional parliamentarians read out on November 22, just offered to "
    "diversify the economy: \"Now the annual volume of our exports has come "
    "close to a billion dollars.\"",
    { { "direct", "This Court has already concluded that the advice was "
                  "unlawful.",
        "decision", "the decision", "read in part" },
      { "direct", "Don loved and adored Deirdre, who unconditionally loved "
                  "him back.",
        "family's statement", "The family's statement", "read" },
      { "direct", "Now the annual volume of our exports has come close to a "
                  "billion dollars.",
        NULL, "The new governor", NULL } } },
  /* An interview transcript: a line opening with its speaker's label is
   * that person's answer (or the interviewer's question), also with the
   * person's initials; initials naming nobody known (the interviewer's
   * "WN") and a credit ("Image:") quote nothing, and no reported speech is
   * looked for inside an answer (Wikinews; the last line made up). */
  { "/quotes/labels/interview-answers",
    "Wikinews caught up with postdoctoral researcher and study co-author "
    "Natasha Gownaris to learn more.\n\n"
    "((Wikinews))  What prompted your curiosity about Magellanic "
    "penguins?\n\n"
    "Natasha Gownaris: I've wanted to be a marine scientist since I was a "
    "child.\n\n"
    "((WN))  How did you approach putting together such a large-scale "
    "study?\n\n"
    "NG: This study started in 1982, long before I joined the team.\n\n"
    "((Naomi Martisius))  So, that actually started back quite a while ago "
    "now, for me. Like I say we also did a statistical analysis.\n\n"
    "Image: John Lubbock (flickr) took this photo of the march.",
    { { "direct", "What prompted your curiosity about Magellanic penguins?",
        "Wikinews", "Wikinews", NULL },
      { "direct", "I've wanted to be a marine scientist since I was a child.",
        "Natasha Gownaris", "Natasha Gownaris", NULL },
      { "direct", "This study started in 1982, long before I joined the team.",
        "Natasha Gownaris", "NG", NULL },
      { "direct",
        "So, that actually started back quite a while ago now, for me. Like "
        "I say we also did a statistical analysis.",
        "Naomi Martisius", "Naomi Martisius", NULL } } },
  /* One line opening with a name and a colon is a source or a heading,
   * not a transcript: a transcript has two labelled lines at least. */
  { "/quotes/labels/one-line-no-transcript",
    "Markets rose on Friday.\n\n"
    "Washington Post: A new report shows that the economy grew faster than "
    "expected last quarter.\n\n"
    "Officials confirmed that the bridge will stay closed for two weeks.",
    { { "indirect", "the bridge will stay closed for two weeks", "Officials",
        "Officials", "confirmed" } } },
};

static char *
span_text (const char *text, WeftLayer *layer, guint span, int field)
{
  uint32_t s, e;
  if (field < 0)
    weft_layer_get_span (layer, span, &s, &e);
  else if (!weft_layer_get_span_field (layer, span, field, &s, &e))
    return NULL;
  return g_strndup (text + s, e - s);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  WeftPipeline *pipeline = weft_test_pipeline (
      "stages:\n  - plugin: tokenizer\n  - plugin: quotes\n");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc, c->text, NULL);
  WeftLayer *layer = weft_doc_get_layer (doc, "quotes");
  g_assert_nonnull (layer);
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  int kind = weft_layer_schema_find_field (schema, "kind");
  int cue = weft_layer_schema_find_field (schema, "cue");
  int speaker = weft_layer_schema_find_field (schema, "speaker");
  int mention = weft_layer_schema_find_field (schema, "speaker_span");
  guint n_expected = 0;
  while (n_expected < G_N_ELEMENTS (c->quotes) && c->quotes[n_expected].kind)
    n_expected++;
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Expected *x = &c->quotes[i];
      g_autofree char *content = span_text (c->text, layer, i, -1);
      g_autofree char *who = span_text (c->text, layer, i, mention);
      g_assert_cmpstr (weft_layer_get_string (layer, i, kind), ==, x->kind);
      g_assert_cmpstr (content, ==, x->content);
      g_assert_cmpstr (weft_layer_get_string (layer, i, speaker), ==,
                       x->speaker);
      g_assert_cmpstr (who, ==, x->mention);
      g_assert_cmpstr (weft_layer_get_string (layer, i, cue), ==, x->cue);
    }
  weft_doc_free (doc);
  weft_pipeline_free (pipeline);
}

static void
test_terms_option (void)
{
  WeftPipeline *pipeline = weft_test_pipeline (
      "stages:\n  - plugin: tokenizer\n  - plugin: quotes\n"
      "    options:\n      terms: false\n      indirect: false\n");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc,
                 "Aliyev named the \"culprit\" of the incident. He said "
                 "that the talks would go on.",
                 NULL);
  g_assert_cmpuint (weft_layer_get_n_spans (weft_doc_get_layer (doc, "quotes")),
                    ==, 0);
  weft_doc_free (doc);
  weft_pipeline_free (pipeline);
}

static void
test_lexicon_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quotes-XXXXXX", NULL);
  const char *names[]
      = { "roles.txt",    "pronouns.txt",      "demonyms.txt",
          "nonnames.txt", "organizations.txt", "function-words.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_set_contents (p, "# empty\n", -1, NULL));
    }
  g_autofree char *cues = g_build_filename (dir, "cues.txt", NULL);
  g_assert_true (
      g_file_set_contents (cues, "said\tverb\n\nsays\tshout\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_assert_null (quotes_lexicon_load (dir, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
  g_autofree char *expected
      = g_strdup_printf ("%s:3: unknown cue kind 'shout' (expected verb, say, "
                         "clause, tell, name, text, prep or noun)",
                         cues);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (
      cues, "pointed out\tverb # the longest first\npointed\tverb\n", -1,
      NULL));
  QuotesLexicon *lexicon = quotes_lexicon_load (dir, &error);
  g_assert_no_error (error);
  const QuotesWord *w = quotes_lexicon_lookup (lexicon, "Pointed", 7);
  g_assert_nonnull (w);
  g_assert_cmpuint (w->cue_count, ==, 2);
  g_assert_cmpstr (quotes_lexicon_get_cue (lexicon, w, 0)->text, ==,
                   "pointed out");
  g_assert_null (quotes_lexicon_lookup (lexicon, "point", 5));
  quotes_lexicon_free (lexicon);

  /* Words of letters are told apart by their keys in their first eight
   * bytes, in any case; the rest, and other bytes ('-' and '\r' share a
   * key), are compared. */
  g_assert_true (g_file_set_contents (
      cues, "announced\tverb\nre-tweeted\tverb\nsaid\tsay\n", -1, NULL));
  lexicon = quotes_lexicon_load (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (quotes_lexicon_lookup (lexicon, "SAID", 4));
  g_assert_nonnull (quotes_lexicon_lookup (lexicon, "sAiD", 4));
  g_assert_null (quotes_lexicon_lookup (lexicon, "sai", 3));
  g_assert_nonnull (quotes_lexicon_lookup (lexicon, "ANNOUNCED", 9));
  g_assert_null (quotes_lexicon_lookup (lexicon, "announcer", 9));
  g_assert_nonnull (quotes_lexicon_lookup (lexicon, "Re-Tweeted", 10));
  g_assert_null (quotes_lexicon_lookup (lexicon, "re\rtweeted", 10));
  quotes_lexicon_free (lexicon);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_remove (p);
    }
  g_remove (cues);
  g_rmdir (dir);
}

/* Each data file's errors name file:line and the cause. */
static void
test_lexicon_data_errors (void)
{
  static const struct
  {
    const char *file, *contents, *message;
  } errors[] = {
    { "function-words.txt", "the\tdeterminer\nof\tpreposition\n",
      "2: expected a word, a tab and one of determiner, place, object, "
      "filler, np-end, clause-block, title-small, quantifier, time, "
      "accusative, finite" },
    { "roles.txt", "spokesman\tofficial\tm\nspokesperson\tofficial\tx\n",
      "2: unknown gender 'x' (expected m or f)" },
    { "pronouns.txt", "he\tperson\tm\nshe\tperson\tfemale\n",
      "2: unknown gender 'female' (expected m or f)" },
    { "cues.txt", "said\tsay\ntold\ttell\nclaimed\tclaim\n",
      "3: unknown cue kind 'claim' (expected verb, say, clause, tell, name, "
      "text, prep or noun)" },
    { "demonyms.txt",
      "# nationalities\nrussian\n"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
      "3: entry longer than 40 bytes" },
    { "nonnames.txt",
      "Monday\nTues\xff"
      "day\n",
      "2: invalid UTF-8" },
  };
  const char *names[]
      = { "cues.txt",          "roles.txt",    "pronouns.txt",
          "demonyms.txt",      "nonnames.txt", "organizations.txt",
          "function-words.txt" };
  g_autofree char *dir = g_dir_make_tmp ("quotes-XXXXXX", NULL);
  for (guint e = 0; e < G_N_ELEMENTS (errors); e++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *p = g_build_filename (dir, names[i], NULL);
          const char *contents = g_str_equal (names[i], errors[e].file)
                                     ? errors[e].contents
                                     : "# empty\n";
          g_assert_true (g_file_set_contents (p, contents, -1, NULL));
        }
      g_autoptr (GError) error = NULL;
      g_assert_null (quotes_lexicon_load (dir, &error));
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
      g_autofree char *path = g_build_filename (dir, errors[e].file, NULL);
      g_autofree char *expected
          = g_strdup_printf ("%s:%s", path, errors[e].message);
      g_assert_cmpstr (error->message, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_remove (p);
    }
  g_rmdir (dir);
}

/* Runs tokenizer + quotes over @text into a new document (free it, then
 * *@pipeline: the layer's schema is the plugin's). */
static WeftDoc *
run_quotes (const char *text, WeftPipeline **pipeline)
{
  *pipeline = weft_test_pipeline (
      "stages:\n  - plugin: tokenizer\n  - plugin: quotes\n");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (*pipeline, doc, text, NULL);
  return doc;
}

/* A quotation over more than two 64-token words of bit sets, with
 * reported speech inside it in the middle word (tokens 64 to 127): every
 * token of it is quoted, so that is no quotation of its own. */
static void
test_long_quotation (void)
{
  GString *text = g_string_new ("\xe2\x80\x9c");
  for (guint i = 0; i < 7; i++) /* 63 tokens with the opening mark */
    g_string_append (text, "We will build the road and the bridge, ");
  g_string_append (text, "as planned. Sergei Lavrov said that the plan "
                         "works well for all of us. ");
  for (guint i = 0; i < 12; i++)
    g_string_append (text, "and the port and the rail line too, ");
  g_string_append (text, "all of it,\xe2\x80\x9d Dmitry Peskov said.");
  WeftPipeline *pipeline;
  WeftDoc *doc = run_quotes (text->str, &pipeline);
  WeftLayer *layer = weft_doc_get_layer (doc, "quotes");
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, 1);
  g_assert_cmpstr (weft_layer_get_string (
                       layer, 0, weft_layer_schema_find_field (schema, "kind")),
                   ==, "direct");
  g_assert_cmpstr (
      weft_layer_get_string (layer, 0,
                             weft_layer_schema_find_field (schema, "speaker")),
      ==, "Dmitry Peskov");
  weft_doc_free (doc);
  weft_pipeline_free (pipeline);
  g_string_free (text, TRUE);
}

/* More quotations than the speakers pass sorts by insertion (16), more
 * cue words and line starts than the token lists hold in the scratch block
 * (64, then twice that): each "he" is the person named in the paragraph
 * before it, so the mentions are resolved in text order. */
static void
test_many_quotations (void)
{
  static const char *const people[] = { "Dmitry Peskov", "Sergei Lavrov" };
  GString *text = g_string_new ("");
  for (guint i = 0; i < 70; i++)
    g_string_append_printf (
        text,
        "\xe2\x80\x9cWe will finish the work in the region soon,"
        "\xe2\x80\x9d %s said.\n\n"
        "\xe2\x80\x9cThe talks on the plan will go on for a long time,"
        "\xe2\x80\x9d he said.\n\n",
        people[i % 2]);
  WeftPipeline *pipeline;
  WeftDoc *doc = run_quotes (text->str, &pipeline);
  WeftLayer *layer = weft_doc_get_layer (doc, "quotes");
  int speaker
      = weft_layer_schema_find_field (weft_layer_get_schema (layer), "speaker");
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, 140);
  for (guint i = 0; i < 140; i++)
    g_assert_cmpstr (weft_layer_get_string (layer, i, speaker), ==,
                     people[(i / 2) % 2]);
  weft_doc_free (doc);
  weft_pipeline_free (pipeline);
  g_string_free (text, TRUE);
}

/* A table reserved small starts in the document's arena, grows onto the
 * heap and keeps every entry; string keys compare by their text. */
static void
test_table_arena_then_heap (void)
{
  WeftDoc *doc = weft_doc_new ();
  QuotesTable table = { 0 };
  quotes_table_reserve (&table, 4, doc);
  g_assert_true (table.in_arena);
  for (guint key = 0; key < 100; key++)
    *quotes_table_insert_uint (&table, key * 7) = GUINT_TO_POINTER (key + 1);
  g_assert_false (table.in_arena);
  for (guint key = 0; key < 100; key++)
    g_assert_cmpuint (
        GPOINTER_TO_UINT (quotes_table_lookup_uint (&table, key * 7)), ==,
        key + 1);
  g_assert_null (quotes_table_lookup_uint (&table, 3));
  quotes_table_clear (&table);

  static const char *const names[] = { "Peskov", "Dmitry Peskov",
                                       "Recep Tayyip Erdo\xc4\x9f"
                                       "an",
                                       "" };
  quotes_table_reserve (&table, 2, doc);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    *quotes_table_insert_string (&table, names[i]) = GUINT_TO_POINTER (i + 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *copy = g_strdup (names[i]);
      g_assert_cmpuint (
          GPOINTER_TO_UINT (quotes_table_lookup_string (&table, copy)), ==,
          i + 1);
    }
  g_assert_null (quotes_table_lookup_string (&table, "Peskova"));
  quotes_table_clear (&table);
  weft_doc_free (doc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);
  g_test_add_func ("/quotes/marks/long-quotation", test_long_quotation);
  g_test_add_func ("/quotes/speakers/many-quotations", test_many_quotations);
  g_test_add_func ("/quotes/table/arena-then-heap", test_table_arena_then_heap);
  g_test_add_func ("/quotes/options/terms-indirect-off", test_terms_option);
  g_test_add_func ("/quotes/lexicon/errors-and-phrases", test_lexicon_errors);
  g_test_add_func ("/quotes/lexicon/data-errors", test_lexicon_data_errors);
  return g_test_run ();
}
