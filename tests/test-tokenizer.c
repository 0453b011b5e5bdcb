/* Tests for the tokenizer plugin: token boundaries and kinds, flags,
 * clitics, hyphens, sentences, options, and invariants on random input.
 * Text goes through a one-stage pipeline with the plugin found on
 * WEFT_PLUGIN_PATH (meson test sets it to the build's plugins). */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "weft-test.h"

/* A pipeline of the tokenizer with @options (YAML lines "name: value",
 * may be NULL). */
static WeftPipeline *
make_pipeline (const char *options)
{
  g_autofree char *yaml = g_strdup_printf (
      "stages:\n  - plugin: tokenizer\n%s%s", options ? "    options:\n" : "",
      options ? options : "");
  return weft_test_pipeline (yaml);
}

static void
run (WeftPipeline *pipeline, WeftDoc *doc, const char *text)
{
  weft_test_run (pipeline, doc, text, NULL);
}

/* The tokens of @text joined by " | "; clitics are prefixed with '~'. */
static char *
tokens_of (WeftPipeline *pipeline, const char *text)
{
  WeftDoc *doc = weft_doc_new ();
  run (pipeline, doc, text);
  guint n;
  const WeftToken *t = weft_doc_get_tokens (doc, &n);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append (out, " | ");
      if (t[i].kind == WEFT_TOKEN_CLITIC)
        g_string_append_c (out, '~');
      g_string_append_len (out, text + t[i].start, t[i].end - t[i].start);
    }
  weft_doc_free (doc);
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *tokens;
} TokenCase;

static void
check_cases (const TokenCase *cases, gsize n, const char *options)
{
  g_autoptr (WeftPipeline) pipeline = make_pipeline (options);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *got = tokens_of (pipeline, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

static void
test_words (void)
{
  static const TokenCase cases[] = {
    { "Multinational military exercises Agile Spirit 2021 have kicked off in "
      "Georgia.",
      "Multinational | military | exercises | Agile | Spirit | 2021 | have | "
      "kicked | off | in | Georgia | ." },
    { "(parliament) Mustafa Sentop.",
      "( | parliament | ) | Mustafa | Sentop | ." },
    { "than [cooperation within] the",
      "than | [ | cooperation | within | ] | the" },
    { "Gyumri (Armenia), on", "Gyumri | ( | Armenia | ) | , | on" },
    { "Café naïve résumé", "Café | naïve | résumé" },
    { "Он сказал: «Нет».", "Он | сказал | : | « | Нет | » | ." },
    /* words found 16 bytes at a time, ending at the bytes just outside
     * the ranges of letters and digits, and past 16 bytes */
    { "abcdefghijklmnopqrstuvwxyz` ABCDEFGHIJKLMNOPQRSTUVWXYZ[0] AZaz09{x} "
      "word:x, xyz/abc and naïveté or 0123456789abcdefXYZ@ ok",
      "abcdefghijklmnopqrstuvwxyz | ` | ABCDEFGHIJKLMNOPQRSTUVWXYZ | [ | 0 | "
      "] | AZaz09 | { | x | } | word | : | x | , | xyz | / | abc | and | "
      "naïveté | or | 0123456789 | abcdefXYZ | @ | ok" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_numbers (void)
{
  static const TokenCase cases[] = {
    { "more than 2,500 military personnel",
      "more | than | 2,500 | military | personnel" },
    { "grew 5.2 percent, 76% of $1.13bn",
      "grew | 5.2 | percent | , | 76 | % | of | $ | 1.13 | bn" },
    { "at 6am, 81K and 5x", "at | 6 | am | , | 81 | K | and | 5x" },
    { "profit rose to $2.3bn.", "profit | rose | to | $ | 2.3 | bn | ." },
    { "on 07.10.2019 and 2021-07-26 at 10:30.",
      "on | 07.10.2019 | and | 2021-07-26 | at | 10:30 | ." },
    { "August 1-6 as observers", "August | 1 | - | 6 | as | observers" },
    { "from 1946-1954, call 212-902-3724 or 853-7906",
      "from | 1946 | - | 1954 | , | call | 212-902-3724 | or | 853-7906" },
    { "the 26th, 1990s and the 80's on 01-Feb-02",
      "the | 26th | , | 1990s | and | the | 80's | on | 01-Feb-02" },
    { "in '73 at 8/30/2005", "in | '73 | at | 8/30/2005" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_kinds (void)
{
  static const struct
  {
    const char *text;
    guint index;
    WeftTokenKind kind;
  } cases[] = {
    { "on 07.10.2019 and", 1, WEFT_TOKEN_DATE },
    { "on 2021-07-26 and", 1, WEFT_TOKEN_DATE },
    { "at 10:30 and", 1, WEFT_TOKEN_TIME },
    { "more than 2,500 military", 2, WEFT_TOKEN_NUMBER },
    { "see https://en.wikinews.org/wiki/Main_Page now", 1, WEFT_TOKEN_URL },
    { "reports with reference to hurriyetdailynews.com.", 4, WEFT_TOKEN_URL },
    { "mail press@kremlin.ru today", 1, WEFT_TOKEN_EMAIL },
    { "by @Kremlin_RU today", 1, WEFT_TOKEN_HANDLE },
    { "tagged #AgileSpirit2021 today", 1, WEFT_TOKEN_HASHTAG },
    { "great :-) really", 1, WEFT_TOKEN_EMOTICON },
    { "love it 👍🏽 yes", 2, WEFT_TOKEN_EMOJI },
    { "Mr. Peskov", 0, WEFT_TOKEN_ABBREV },
    { "Baku's part", 1, WEFT_TOKEN_CLITIC },
    { "a $ sign", 1, WEFT_TOKEN_SYMBOL },
    { "a , b", 1, WEFT_TOKEN_PUNCT },
  };
  g_autoptr (WeftPipeline) pipeline = make_pipeline (NULL);
  WeftDoc *doc = weft_doc_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      run (pipeline, doc, cases[i].text);
      guint n;
      const WeftToken *t = weft_doc_get_tokens (doc, &n);
      g_assert_cmpuint (cases[i].index, <, n);
      g_assert_cmpstr (weft_token_kind_to_string (t[cases[i].index].kind), ==,
                       weft_token_kind_to_string (cases[i].kind));
    }
  weft_doc_free (doc);
}

static void
test_special (void)
{
  static const TokenCase cases[] = {
    { "(see https://en.wikinews.org/wiki/Magnitogorsk_(city)).",
      "( | see | https://en.wikinews.org/wiki/Magnitogorsk_(city) | ) | ." },
    { "at www.rbc.ru/politics, said", "at | www.rbc.ru/politics | , | said" },
    { "(mailto:press@kremlin.ru)", "( | mailto:press@kremlin.ru | )" },
    { "write to franz371...@gmail.com.",
      "write | to | franz371...@gmail.com | ." },
    { "@Kremlin_RU: #Baku2021!", "@Kremlin_RU | : | #Baku2021 | !" },
    { "so good:) and <3", "so | good | :) | and | <3" },
    { "(item 8) here", "( | item | 8 | ) | here" },
    { "family 👨‍👩‍👧 flag 🇦🇿🇷🇺 keycap 1️⃣ ok",
      "family | 👨‍👩‍👧 | flag | 🇦🇿 | 🇷🇺 | keycap | "
      "1️⃣ "
      "| "
      "ok" },
    { "wait... what?! no!!! – yes — no…",
      "wait | ... | what | ?! | no | !!! | – | yes | — | no | …" },
    { "“We value our relations,” Peskov said.",
      "“ | We | value | our | relations | , | ” | Peskov | said | ." },
    { "\"Sputnik Azerbaijan\" reports",
      "\" | Sputnik | Azerbaijan | \" | reports" },
    { "AT&T and b/c and/or USD/DM",
      "AT&T | and | b/c | and | / | or | USD | / | DM" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_abbreviations (void)
{
  static const TokenCase cases[] = {
    { "Gen. Valery Gerasimov met Mr. Aliyev on Oct. 5.",
      "Gen. | Valery | Gerasimov | met | Mr. | Aliyev | on | Oct. | 5 | ." },
    { "the U.S. and the U.K., e.g. Tolkien",
      "the | U.S. | and | the | U.K. | , | e.g. | Tolkien" },
    { "by J. R. R. Tolkien", "by | J. | R. | R. | Tolkien" },
    { "No. 5 but say no.", "No. | 5 | but | say | no | ." },
    /* "p." (page) wants a number; "P." without one is an initial. */
    { "see p. 5 and P. damicornis or p. cyclindrica",
      "see | p. | 5 | and | P. | damicornis | or | p | . | cyclindrica" },
    { "and I. Then", "and | I | . | Then" },
    /* I after another initial or a title is one too; after a name it is
     * a numeral or the pronoun ending a sentence. */
    { "President Wayne A. I. Frederick and Mr. I. Smith",
      "President | Wayne | A. | I. | Frederick | and | Mr. | I. | Smith" },
    { "the U.S. I. Then King Charles I. He",
      "the | U.S. | I | . | Then | King | Charles | I | . | He" },
    { "medical school.But J.Aron of Smith Inc.One day",
      "medical | school | . | But | J. | Aron | of | Smith | Inc. | One | "
      "day" },
    { "in Afghanistan.Trump said, at Newsfeeds.Com",
      "in | Afghanistan | . | Trump | said | , | at | Newsfeeds.Com" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_clitics (void)
{
  static const TokenCase cases[] = {
    { "Russia didn’t scold Baku", "Russia | did | ~n’t | scold | Baku" },
    { "Baku's participation", "Baku | ~'s | participation" },
    { "In connection with Azerbaijan’s participation",
      "In | connection | with | Azerbaijan | ~’s | participation" },
    { "I can't, I'm sure they're gonna say we've won",
      "I | ca | ~n't | , | I | ~'m | sure | they | ~'re | gon | ~na | say | "
      "we | ~'ve | won" },
    { "don't cannot won't O'Brien rock'n'roll the players' union",
      "do | ~n't | can | ~not | wo | ~n't | O'Brien | rock'n'roll | the | "
      "players | ~' | union" },
    { "the 'friends' and the Thames’ banks",
      "the | ' | friends | ' | and | the | Thames | ~’ | banks" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), NULL);
  static const TokenCase joined[] = {
    { "Russia didn’t scold Baku's", "Russia | didn’t | scold | Baku's" },
  };
  check_cases (joined, G_N_ELEMENTS (joined), "      split-clitics: false\n");
}

static void
test_hyphens (void)
{
  static const TokenCase cases[] = {
    { "Euro-Atlantic and anti-Russian e-mail re-elect",
      "Euro | - | Atlantic | and | anti-Russian | e-mail | re-elect" },
    { "a military-strategic point", "a | military | - | strategic | point" },
    { "Russian-made, COVID-19", "Russian | - | made | , | COVID | - | 19" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), NULL);
  static const TokenCase joined[] = {
    { "Euro-Atlantic and military-strategic",
      "Euro-Atlantic | and | military-strategic" },
  };
  check_cases (joined, G_N_ELEMENTS (joined), "      split-hyphens: false\n");
}

static void
test_flags (void)
{
  g_autoptr (WeftPipeline) pipeline = make_pipeline (NULL);
  WeftDoc *doc = weft_doc_new ();
  run (pipeline, doc, "NATO exercises.\nThe US\n\n  Baku  said");
  guint n;
  const WeftToken *t = weft_doc_get_tokens (doc, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (t[0].flags, ==,
                    WEFT_TOKEN_CAPITALIZED | WEFT_TOKEN_ALL_CAPS);
  g_assert_cmpuint (t[1].flags, ==, WEFT_TOKEN_SPACE_BEFORE);
  g_assert_cmpuint (t[2].flags, ==, 0);
  g_assert_cmpuint (t[3].flags, ==,
                    WEFT_TOKEN_SPACE_BEFORE | WEFT_TOKEN_NEWLINE_BEFORE
                        | WEFT_TOKEN_CAPITALIZED);
  g_assert_cmpuint (t[5].flags, ==,
                    WEFT_TOKEN_SPACE_BEFORE | WEFT_TOKEN_NEWLINE_BEFORE
                        | WEFT_TOKEN_PARAGRAPH_BEFORE | WEFT_TOKEN_CAPITALIZED);
  g_assert_cmpuint (t[6].flags, ==, WEFT_TOKEN_SPACE_BEFORE);
  weft_doc_free (doc);
}

/* Sentences of @text joined by " || ". */
static char *
sentences_of (WeftPipeline *pipeline, const char *text)
{
  WeftDoc *doc = weft_doc_new ();
  run (pipeline, doc, text);
  guint n;
  const WeftSentence *s = weft_doc_get_sentences (doc, &n);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append (out, " || ");
      g_string_append_len (out, text + s[i].start, s[i].end - s[i].start);
    }
  weft_doc_free (doc);
  return g_string_free (out, FALSE);
}

static void
test_sentences (void)
{
  static const TokenCase cases[] = {
    { "“Azerbaijan is a sovereign state. We value our relations with "
      "Azerbaijan, these are partnership ties,” Peskov said.",
      "“Azerbaijan is a sovereign state. || We value our relations with "
      "Azerbaijan, these are partnership ties,” Peskov said." },
    { "He said: “It is over.” Then he left (for good.) Why? Because.",
      "He said: “It is over.” || Then he left (for good.) || Why? || "
      "Because." },
    { "Gen. Valery Gerasimov met Mr. J. R. R. Tolkien on Oct. 5. It rained.",
      "Gen. Valery Gerasimov met Mr. J. R. R. Tolkien on Oct. 5. || "
      "It rained." },
    { "Howard University President Wayne A. I. Frederick praised him. "
      "Then came I. The end.",
      "Howard University President Wayne A. I. Frederick praised him. || "
      "Then came I. || The end." },
    { "Category 4 is 130 mph. Hurricanes of 5 lbs. and 3 km. are not.",
      "Category 4 is 130 mph. || Hurricanes of 5 lbs. and 3 km. are not." },
    { "It grew 5.2 percent in the U.S. The U.S. Senate agreed.",
      "It grew 5.2 percent in the U.S. || The U.S. Senate agreed." },
    { "Russia and NATO\n\nMOSCOW, July 26\n\nThe exercises began... and "
      "ended.",
      "Russia and NATO || MOSCOW, July 26 || The exercises began... and "
      "ended." },
    { "on two factors:\n\n1. Implementation of the above Sochi agreements.\n\n"
      "2. Regulation of the Karabakh conflict.",
      "on two factors: || 1. Implementation of the above Sochi agreements. || "
      "2. Regulation of the Karabakh conflict." },
    { "Wait... What? \"No!\" he said.",
      "Wait... || What? || \"No!\" he said." },
  };
  g_autoptr (WeftPipeline) pipeline = make_pipeline (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = sentences_of (pipeline, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

/* The tokens of @text as "text/kind/flags" joined by spaces, then " # "
 * and the sentences joined by " || ". */
static char *
described (WeftPipeline *pipeline, const char *text)
{
  WeftDoc *doc = weft_doc_new ();
  run (pipeline, doc, text);
  guint n, n_sentences;
  const WeftToken *t = weft_doc_get_tokens (doc, &n);
  const WeftSentence *s = weft_doc_get_sentences (doc, &n_sentences);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%.*s/%s/%u", i ? " " : "",
                            (int)(t[i].end - t[i].start), text + t[i].start,
                            weft_token_kind_to_string (t[i].kind), t[i].flags);
  g_string_append (out, " #");
  for (guint i = 0; i < n_sentences; i++)
    g_string_append_printf (out, "%s%.*s", i ? " || " : " ",
                            (int)(s[i].end - s[i].start), text + s[i].start);
  weft_doc_free (doc);
  return g_string_free (out, FALSE);
}

/* 66 letters, for words longer than 64 bytes */
#define X66 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
#define N66 "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"

/* The scanner's fast paths (a run of plain words and punctuation, a
 * word's period, words and numbers handed on from the run) give what the
 * general paths give: kinds, flags and sentences. */
static void
test_fast_paths (void)
{
  static const TokenCase cases[] = {
    { "The vote, taken on Friday (the 2nd), was won by NASA; of xenon, "
      "oil and xD.",
      "The/word/8 vote/word/1 ,/punct/0 taken/word/1 on/word/1 "
      "Friday/word/9 (/punct/1 the/word/0 2nd/number/1 )/punct/0 "
      ",/punct/0 was/word/1 won/word/1 by/word/1 NASA/word/25 ;/punct/0 "
      "of/word/1 xenon/word/1 ,/punct/0 oil/word/1 and/word/1 xD/word/1 "
      "./punct/0 # The vote, taken on Friday (the 2nd), was won by NASA; "
      "of xenon, oil and xD." },
    { "He met Gen. Smith and J. Doe.  They called. Called them; we cannot "
      "say they're gone.\nNext line. And (Quoted) text.\n\nPeople's players' "
      "DON'T e.g. it.",
      "He/word/8 met/word/1 Gen./abbrev/9 Smith/word/9 and/word/1 "
      "J./abbrev/25 Doe/word/9 ./punct/0 They/word/9 called/word/1 "
      "./punct/0 Called/word/9 them/word/1 ;/punct/0 we/word/1 "
      "can/word/1 not/clitic/0 say/word/1 they/word/1 're/clitic/0 "
      "gone/word/1 ./punct/0 Next/word/11 line/word/1 ./punct/0 "
      "And/word/9 (/punct/1 Quoted/word/8 )/punct/0 text/word/1 "
      "./punct/0 People/word/15 's/clitic/0 players/word/1 '/clitic/0 "
      "DO/word/25 N'T/clitic/24 e.g./abbrev/1 it/word/1 ./punct/0 # He "
      "met Gen. Smith and J. Doe. || They called. || Called them; we "
      "cannot say they're gone. || Next line. || And (Quoted) text. || "
      "People's players' DON'T e.g. it." },
    { "a well-known pro-Kremlin 1946 - 1954 run - and MOSCOW, July 26 "
      "(Reuters) - Russia said.",
      "a/word/0 well/word/1 -/punct/0 known/word/0 pro-Kremlin/word/1 "
      "1946/number/1 -/punct/1 1954/number/1 run/word/1 -/punct/1 "
      "and/word/1 MOSCOW/word/25 ,/punct/0 July/word/9 26/number/1 "
      "(/punct/1 Reuters/word/8 )/punct/0 -/punct/1 Russia/word/9 "
      "said/word/1 ./punct/0 # a well-known pro-Kremlin 1946 - 1954 run "
      "- and || MOSCOW, July 26 (Reuters) - || Russia said." },
    /* doubled brackets and quotes are a token each, in the run and out */
    { "((WN)) Could you say ((this)), [[or]] \"\"that\"\"? Yes.\n((Pablo))  "
      "Very.",
      "(/punct/0 (/punct/0 WN/word/24 )/punct/0 )/punct/0 Could/word/9 "
      "you/word/1 say/word/1 (/punct/1 (/punct/0 this/word/0 )/punct/0 "
      ")/punct/0 ,/punct/0 [/punct/1 [/punct/0 or/word/0 ]/punct/0 "
      "]/punct/0 \"/punct/1 \"/punct/0 that/word/0 \"/punct/0 \"/punct/0 "
      "?/punct/0 Yes/word/9 ./punct/0 (/punct/3 (/punct/0 Pablo/word/8 "
      ")/punct/0 )/punct/0 Very/word/9 ./punct/0 # ((WN)) Could you say "
      "((this)), [[or]] \"\"that\"\"? || Yes. || ((Pablo))  Very." },
    /* a full stop after a number, a quote or a bracket in the run */
    { "He was aged 25. Kosiec said \"no\". Then (Reuters).  it ended 1. "
      "Then 2 . So",
      "He/word/8 was/word/1 aged/word/1 25/number/1 ./punct/0 Kosiec/word/9 "
      "said/word/1 \"/punct/1 no/word/0 \"/punct/0 ./punct/0 Then/word/9 "
      "(/punct/1 Reuters/word/8 )/punct/0 ./punct/0 it/word/1 ended/word/1 "
      "1/number/1 ./punct/0 Then/word/9 2/number/1 ./punct/1 So/word/9 # He "
      "was aged 25. || Kosiec said \"no\". || Then (Reuters). || it ended "
      "1. || Then 2 . || So" },
    /* words of 64 bytes or more pass the word lists' length filter
     * (modulo 64) and are looked at closely: the same tokens and flags */
    { "the ca" X66 "t and Ca" X66 "Xt, GO" N66 "A (wa" N66 "a) end",
      "the/word/0 ca" X66 "t/word/1 and/word/1 Ca" X66 "Xt/word/9 ,/punct/0 "
      "GO" N66 "A/word/25 (/punct/1 wa" N66 "a/word/0 )/punct/0 end/word/1 "
      "# the ca" X66 "t and Ca" X66 "Xt, GO" N66 "A (wa" N66 "a) end" },
  };
  g_autoptr (WeftPipeline) pipeline = make_pipeline (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = described (pipeline, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

/* Writes @contents to a temporary abbreviation file; returns its path. */
static char *
write_abbreviation_file (const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("abbrev-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  close (fd);
  return path;
}

/* The abbreviation file @path given as an option makes init() fail with a
 * message holding "@path:@reason". */
static void
check_bad_abbreviation_file (const char *path, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *yaml
      = g_strdup_printf ("stages:\n  - plugin: tokenizer\n    options:\n"
                         "      abbreviations: [%s]\n",
                         path);
  g_autoptr (WeftPipeline) pipeline
      = weft_pipeline_load_data (yaml, -1, "test", &error);
  g_assert_no_error (error);
  g_assert_false (weft_pipeline_prepare (pipeline, &error));
  /* The host reports a failed init() under its own code, with the
   * plugin's message. */
  g_assert_nonnull (error);
  g_assert_true (error->domain == WEFT_ERROR);
  g_autofree char *expected = g_strdup_printf ("%s:%s", path, reason);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_bad_abbreviation_file (void)
{
  g_autofree char *path
      = write_abbreviation_file ("Gen.\ttitle\nVol.\tbogus\n");
  check_bad_abbreviation_file (path, "2: unknown tag 'bogus' after 'Vol.'");
  g_unlink (path);
}

static void
test_long_abbreviation (void)
{
  g_autofree char *path = write_abbreviation_file (
      "# too long\nGen.\n"
      "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.\n");
  check_bad_abbreviation_file (path, "3: entry longer than 63 bytes");
  g_unlink (path);
}

static void
test_missing_abbreviation_file (void)
{
  check_bad_abbreviation_file ("/nonexistent/abbrev.txt", " ");
}

static void
test_extra_abbreviations (void)
{
  /* comments: at a line's start, indented, after an entry and its tag */
  g_autofree char *path = write_abbreviation_file (
      "# extra\nAzerb. # Azerbaijani\n  # indented\nArmen.\ttitle\t# note\n");
  g_autofree char *options
      = g_strdup_printf ("      abbreviations: [%s]\n", path);
  static const TokenCase cases[] = {
    { "the Azerb. army", "the | Azerb. | army" },
    { "the Armen. army", "the | Armen. | army" },
  };
  check_cases (cases, G_N_ELEMENTS (cases), options);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tokenizer/words", test_words);
  g_test_add_func ("/tokenizer/numbers", test_numbers);
  g_test_add_func ("/tokenizer/kinds", test_kinds);
  g_test_add_func ("/tokenizer/special", test_special);
  g_test_add_func ("/tokenizer/abbreviations/builtin", test_abbreviations);
  g_test_add_func ("/tokenizer/abbreviations/extra-file",
                   test_extra_abbreviations);
  g_test_add_func ("/tokenizer/abbreviations/bad-file",
                   test_bad_abbreviation_file);
  g_test_add_func ("/tokenizer/abbreviations/long-entry",
                   test_long_abbreviation);
  g_test_add_func ("/tokenizer/abbreviations/missing-file",
                   test_missing_abbreviation_file);
  g_test_add_func ("/tokenizer/clitics", test_clitics);
  g_test_add_func ("/tokenizer/hyphens", test_hyphens);
  g_test_add_func ("/tokenizer/flags", test_flags);
  g_test_add_func ("/tokenizer/sentences", test_sentences);
  g_test_add_func ("/tokenizer/fast-paths", test_fast_paths);
  return g_test_run ();
}
