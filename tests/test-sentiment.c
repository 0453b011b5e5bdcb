/* Tests for the sentiment plugin: VADER's rules against the reference
 * implementation's scores (vaderSentiment 3.3.2), lexicon layering and
 * errors, the sentiment layer for sentences and quotes, and the plugin
 * through a pipeline. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "options.h"
#include "weft-test.h"

#include "../plugins/sentiment/but.h"
#include "../plugins/sentiment/lexicon.h"
#include "../plugins/sentiment/vader.h"

extern const WeftPlugin weft_plugin_descriptor;

typedef struct
{
  const char *text;
  double compound, pos, neu, neg;
} Case;

/* Texts and scores from the reference's own output: the VADER paper's
 * tweets and movie-review snippets (vader-reference.tsv), the examples of
 * vaderSentiment.py's demo, and the emoji examples other ports test with. */
static const Case reference_cases[] = {
  /* tweets 99: "not bad" negation, "but" shift */
  { "mad day. good mad not bad mad or mad mad. but mad anyway.", -0.7912, 0.243,
    0.214, 0.543 },
  /* tweets 162: but, negation, emoticon */
  { "epic win! good game canada! ... but not good enough! #wjhc :-)", 0.6208,
    0.424, 0.415, 0.161 },
  /* tweets 211: but with boosters and negation */
  { "Unisex bathrooms: Very pc, but not very practical.", 0.0, 0.0, 1.0, 0.0 },
  /* tweets 4: ALL CAPS words only: no caps emphasis */
  { "LMAO, AMAZING!", 0.8398, 1.0, 0.0, 0.0 },
  /* tweets 64: caps emphasis in mixed-case text */
  { "@anonymous J-E-T-S Suck. Suck! SUCK! #GoPats", -0.8755, 0.0, 0.23, 0.77 },
  /* tweets 68: ? alone adds nothing */
  { "WTF?", -0.5859, 0.0, 0.0, 1.0 },
  /* tweets 139: boosters "so", "fucking" */
  { "angry. so angry. so fucking angry.", -0.8949, 0.0, 0.218, 0.782 },
  /* tweets 174: caps booster, "no", ?! mix */
  { "WHAT THE HELL HAPPENED TO NO MONOPOLIES?!?!! I am pissed @anonymous, very "
    "pissed!",
    -0.9661, 0.0, 0.327, 0.673 },
  /* tweets 1122: dampener "kinda", but */
  { "Overly productive today. A bit weird, but kinda feel like superwoman. "
    "Booyah!",
    0.4165, 0.216, 0.691, 0.093 },
  /* tweets 2276: dampener "slightly", but */
  { "Slightly muggy but cool breeze. #Orkney #ukweather "
    "#justtogetitoutofthewayearlyon",
    0.3725, 0.267, 0.733, 0.0 },
  /* tweets 824: "at least" is not negation */
  { "@anonymous Great success! At least they didn't try to send you smoke "
    "signals :)",
    0.902, 0.502, 0.498, 0.0 },
  /* tweets 1951: "at least" with a negation */
  { "@anonymous at least you're not going to starve!", 0.4015, 0.278, 0.722,
    0.0 },
  /* movieReviewSnippets 3312: without a doubt */
  { "Confessions is without a doubt a memorable directorial debut from King "
    "Hunk.",
    0.2755, 0.161, 0.839, 0.0 },
  /* tweets 3837: special case "the shit" */
  { "Glee is the shit", 0.1531, 0.429, 0.204, 0.367 },
  /* tweets 61: !! emphasis */
  { "Navy Wins!! I love football :)", 0.9097, 0.793, 0.207, 0.0 },
  /* tweets 2021: ?????? emphasis */
  { "Hey what the hell is this falling from sky??????", -0.7998, 0.0, 0.494,
    0.506 },
  /* tweets 1165: ??? emphasis */
  { "@anonymous did u have a lovely birthday???", 0.6531, 0.42, 0.58, 0.0 },
  /* tweets 97: "no" before a lexicon word */
  { "Bad bus! Smelly bus! Bad, bad bus. No biscuit!", -0.927, 0.0, 0.269,
    0.731 },
  /* tweets 260: "No" in caps, !?!? */
  { "No new LOST!?!? Damn.", -0.4852, 0.283, 0.105, 0.613 },
  /* tweets 23: emoticons kept whole */
  { "@anonymous :) :) :) :) :) :)", 0.9517, 0.947, 0.053, 0.0 },
  /* tweets 15: ":D" emoticon */
  { "I love this feeling. :D", 0.8707, 0.831, 0.169, 0.0 },
  /* tweets 187: can't as negation */
  { "@anonymous awesome! Good luck. Can't wait to hear it!", 0.8906, 0.638,
    0.362, 0.0 },
  /* demo: "never this good" (x 1.25) vs "never good" (negation) */
  { "Sentiment analysis has never been this good!", 0.5672, 0.379, 0.621, 0.0 },
  { "Sentiment analysis has never been good.", -0.3412, 0.0, 0.675, 0.325 },
  /* demo: special cases "the shit", "bad ass" */
  { "With VADER, sentiment analysis is the shit!", 0.6476, 0.417, 0.583, 0.0 },
  { "On the other hand, VADER is quite bad ass", 0.802, 0.577, 0.423, 0.0 },
  /* demo: "least" negates unless after "at" */
  { "Roger Dodger is one of the least compelling variations on this theme.",
    -0.1695, 0.0, 0.868, 0.132 },
  { "Roger Dodger is at least compelling as a variation on the theme.", 0.2263,
    0.147, 0.853, 0.0 },
  /* demo: "without a doubt" is not a negation */
  { "Without a doubt, an excellent idea.", 0.7013, 0.592, 0.408, 0.0 },
  /* demo: the "kind of" dampener phrase */
  { "The book was only kind of good.", 0.3832, 0.303, 0.697, 0.0 },
  /* demo: caps on boosters and words, uber/friggin, !!! */
  { "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469, 0.706,
    0.294, 0.0 },
  { "Today SUX!", -0.5461, 0.0, 0.221, 0.779 },
  /* emoji through their descriptions, with and without a space before */
  { "They are going to start a direct flight soon 😍", 0.4588, 0.2, 0.8, 0.0 },
  { "They are going to start a direct flight soon😠", -0.5106, 0.0, 0.752,
    0.248 },
  { "Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.875, 0.417, 0.583, 0.0 },
  { "what a stupid 🤡🤡🤡", -0.5267, 0.0, 0.702, 0.298 },
  /* no words at all */
  { "", 0.0, 0.0, 0.0, 0.0 },
  { " \t\n ", 0.0, 0.0, 0.0, 0.0 },
};

static char *
data_path (const char *name)
{
  return g_build_filename (SENTIMENT_DATA_DIR, name, NULL);
}

/* The default tables plus @extra lexicons. */
static VaderLexicon *
lexicon_new (const char *const *extra, double plain_scale, GError **error)
{
  g_autofree char *lexicon = data_path ("vader_lexicon.txt");
  g_autofree char *emoji = data_path ("emoji_utf8_lexicon.txt");
  g_autofree char *negations = data_path ("negations.txt");
  g_autofree char *boosters = data_path ("boosters.txt");
  g_autofree char *special = data_path ("special_cases.txt");
  g_autofree char *constants = data_path ("constants.txt");
  VaderLexiconFiles files = { .lexicon = lexicon,
                              .extra = extra,
                              .plain_scale = plain_scale,
                              .emoji = emoji,
                              .negations = negations,
                              .boosters = boosters,
                              .special_cases = special,
                              .constants = constants };
  return vader_lexicon_new (&files, error);
}

static void
assert_scores (const VaderScores *s, const Case *c)
{
  g_test_message ("%s", c->text);
  g_assert_cmpfloat_with_epsilon (s->compound, c->compound, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->pos, c->pos, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->neu, c->neu, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->neg, c->neg, 1e-9);
}

static void
test_vader_reference (void)
{
  g_autoptr (GError) error = NULL;
  VaderLexicon *lex = lexicon_new (NULL, 1.0, &error);
  g_assert_no_error (error);
  WeftDoc *doc = weft_doc_new ();
  for (guint i = 0; i < G_N_ELEMENTS (reference_cases); i++)
    {
      const Case *c = &reference_cases[i];
      VaderScores s;
      weft_doc_reset (doc);
      vader_score (lex, c->text, strlen (c->text), doc, &s);
      assert_scores (&s, c);
    }
  weft_doc_free (doc);
  vader_lexicon_free (lex);
}

static gpointer
score_all (gpointer lex)
{
  WeftDoc *doc = weft_doc_new ();
  gboolean ok = TRUE;
  for (guint round = 0; round < 50; round++)
    for (guint i = 0; i < G_N_ELEMENTS (reference_cases); i++)
      {
        const Case *c = &reference_cases[i];
        VaderScores s;
        weft_doc_reset (doc);
        vader_score (lex, c->text, strlen (c->text), doc, &s);
        ok = ok && s.compound == vader_round (c->compound, 4)
             && s.pos == vader_round (c->pos, 3);
      }
  weft_doc_free (doc);
  return GINT_TO_POINTER (ok);
}

static void
test_vader_threads (void)
{
  VaderLexicon *lex = lexicon_new (NULL, 1.0, NULL);
  GThread *threads[4];
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("score", score_all, lex);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
  vader_lexicon_free (lex);
}

static void
test_vader_round (void)
{
  /* Python's round(): the exact binary value decides, ties go to even. */
  g_assert_cmpfloat (vader_round (0.12345, 4), ==, 0.1235);
  g_assert_cmpfloat (vader_round (2.675, 2), ==, 2.67);
  g_assert_cmpfloat (vader_round (0.0625, 3), ==, 0.062);
  g_assert_cmpfloat (vader_round (-0.00004, 4), ==, -0.0);
  g_assert_true (signbit (vader_round (-0.00004, 4)));
}

/* What the scorer did before its arithmetic rounding, and what Python's
 * round() agrees with: decimal digits by printf, read back by strtod. */
static double
round_by_printf (double x, int digits)
{
  char buf[64];
  g_snprintf (buf, sizeof buf, "%.*f", digits, x);
  return g_ascii_strtod (buf, NULL);
}

static void
assert_rounds_as_printf (double x, int digits)
{
  double want = round_by_printf (x, digits), got = vader_round (x, digits);
  if (want != got || signbit (want) != signbit (got))
    g_error ("vader_round (%.17g, %d) = %.17g, printf gives %.17g", x, digits,
             got, want);
}

static void
test_vader_round_printf (void)
{
  /* Exact ties (k + 0.5) / 10^d, their neighbours one ulp away, and random
   * values in the ranges the scores take. */
  GRand *rand = g_rand_new_with_seed (7);
  for (int digits = 3; digits <= 4; digits++)
    {
      double p = digits == 3 ? 1e3 : 1e4;
      for (int k = -20000; k <= 20000; k++)
        {
          double t = (k + 0.5) / p;
          assert_rounds_as_printf (t, digits);
          assert_rounds_as_printf (nextafter (t, 2), digits);
          assert_rounds_as_printf (nextafter (t, -2), digits);
          assert_rounds_as_printf (k / p, digits);
        }
      for (int k = 1; k <= 64; k++)
        assert_rounds_as_printf (ldexp (1, -k) * (k % 2 ? 1 : -1), digits);
      for (int i = 0; i < 200000; i++)
        assert_rounds_as_printf (g_rand_double_range (rand, -1.5, 1.5), digits);
    }
  g_rand_free (rand);
}

/* The reference's loop, as written there:
 *   for sentiment in sentiments:
 *       si = sentiments.index(sentiment) ... */
static void
but_shift_reference (double *s, guint n, guint but)
{
  for (guint p = 0; p < n; p++)
    {
      double v = s[p];
      guint si = 0;
      while (s[si] != v)
        si++;
      if (si < but)
        s[si] = v * 0.5;
      else if (si > but)
        s[si] = v * 1.5;
    }
}

static void
test_vader_but (void)
{
  /* Values drawn from a few, so that equal values, values that become
   * equal (x * 0.5 == y), both zeros and values that underflow to zero
   * occur often; long lists take the indexed path, short ones the scan.
   * Every third round multiplies them by up to 300, so that the indexed
   * path's table grows, and its memory is reused from round to round. */
  static const double pool[]
      = { 0.0,   -0.0,  1.9,   0.95,  3.8,    -1.5,    -0.75, 2.85,
          1.425, -2.25, 0.475, 4.275, 5e-324, -5e-324, 1e-323 };
  GRand *rand = g_rand_new_with_seed (42);
  VaderButScratch scratch = { 0 };
  for (guint round = 0; round < 3000; round++)
    {
      guint n = (guint)g_rand_int_range (rand, 1, round % 2 ? 60 : 600);
      guint but = (guint)g_rand_int_range (rand, 0, (gint32)n);
      guint distinct
          = (guint)g_rand_int_range (rand, 1, G_N_ELEMENTS (pool) + 1);
      double *a = g_new (double, n), *val = g_new (double, n);
      guint32 *pos = g_new (guint32, n);
      guint m = 0;
      for (guint i = 0; i < n; i++)
        {
          a[i] = pool[g_rand_int_range (rand, 0, (gint32)distinct)];
          if (round % 3 == 2)
            a[i] *= g_rand_int_range (rand, 1, 301);
          if (a[i] != 0)
            {
              pos[m] = i;
              val[m++] = a[i];
            }
        }
      but_shift_reference (a, n, but);
      guint n_before = 0, n_upto = 0;
      for (guint j = 0; j < m; j++)
        {
          n_before += pos[j] < but;
          n_upto += pos[j] <= but;
        }
      vader_but_shift (val, m, n_before, n_upto, 0.5, 1.5, &scratch);
      /* The non-zero words end as in the reference; zeros stay zero (of
       * either sign: no score tells them apart). */
      for (guint i = 0, j = 0; i < n; i++)
        if (j < m && pos[j] == i)
          {
            g_assert_cmpfloat (a[i], ==, val[j]);
            j++;
          }
        else
          g_assert_cmpfloat (a[i], ==, 0);
      g_free (pos);
      g_free (val);
      g_free (a);
    }
  vader_but_scratch_clear (&scratch);
  g_rand_free (rand);
}

/* The reference cases' texts, one a line, @repeats times over; without
 * those with emoji unless @emoji. */
static GString *
long_text (gboolean emoji, guint repeats)
{
  GString *text = g_string_new (NULL);
  for (guint r = 0; r < repeats; r++)
    for (guint i = 0; i < G_N_ELEMENTS (reference_cases); i++)
      {
        const char *t = reference_cases[i].text;
        if ((emoji || g_str_is_ascii (t)) && !strchr (t, '\n'))
          g_string_append_printf (text, "%s\n", t);
      }
  return text;
}

/* A long text without a word of the lexicon: the window drops its words
 * while it has no hits at all (under UBSan this once passed NULL to
 * memmove()), and every score is neutral. */
static void
test_vader_long_text_without_hits (void)
{
  VaderLexicon *lex = lexicon_new (NULL, 1.0, NULL);
  WeftDoc *doc = weft_doc_new ();
  GString *text = g_string_new (NULL);
  while (text->len < 300 * 1024)
    g_string_append (text, "He said the talks, ");
  VaderText t;
  vader_text_init (&t, lex, text->str, text->len, doc);
  VaderScores s;
  vader_text_score (&t, 0, 19, &s); /* the first sentence-like span */
  g_assert_cmpfloat (s.compound, ==, 0.0);
  g_assert_cmpfloat (s.neu, ==, 1.0);
  vader_text_finish (&t, &s);
  g_assert_cmpfloat (s.compound, ==, 0.0);
  g_assert_cmpfloat (s.neu, ==, 1.0);
  g_string_free (text, TRUE);
  weft_doc_free (doc);
  vader_lexicon_free (lex);
}

/* A text of many chunks: the whole text's score is the same as scored in
 * one piece (the values the scorer gave before it streamed), and each
 * line scored as a span in order, or out of order, keeps its own. */
static void
test_vader_long_text (void)
{
  static const struct
  {
    gboolean emoji;
    const char *upper; /* a text of that in capitals instead */
    double compound, pos, neu, neg;
  } cases[] = {
    { FALSE, NULL, 1.0, 0.382, 0.353, 0.266 },
    { TRUE, NULL, 1.0, 0.365, 0.386, 0.249 },
    /* No capitals' emphasis when every word is in capitals. */
    { FALSE, "GOOD NEWS! VERY GOOD. NO BAD DAY, BUT SAD. ", 1.0, 0.627, 0.183,
      0.19 },
  };
  VaderLexicon *lex = lexicon_new (NULL, 1.0, NULL);
  WeftDoc *doc = weft_doc_new ();
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GString *text = long_text (cases[c].emoji, 40);
      if (cases[c].upper)
        {
          g_string_truncate (text, 0);
          for (guint i = 0; i < 3000; i++)
            g_string_append (text, cases[c].upper);
        }
      VaderText t;
      vader_text_init (&t, lex, text->str, text->len, doc);
      gsize start = 0, previous = 0;
      guint line = 0;
      for (const char *nl;
           !cases[c].upper && (nl = strchr (text->str + start, '\n')); line++)
        {
          gsize end = (gsize)(nl - text->str);
          const Case *expected = NULL;
          for (guint i = 0; i < G_N_ELEMENTS (reference_cases); i++)
            if (strlen (reference_cases[i].text) == end - start
                && memcmp (reference_cases[i].text, text->str + start,
                           end - start)
                       == 0)
              expected = &reference_cases[i];
          g_assert_nonnull (expected);
          VaderScores s;
          vader_text_score (&t, start, end, &s);
          assert_scores (&s, expected);
          if (line % 7 == 6)
            {
              /* Before the last span: split on its own. */
              vader_text_score (&t, previous, start, &s);
              VaderScores alone;
              vader_score (lex, text->str + previous, start - previous, doc,
                           &alone);
              g_assert_cmpmem (&s, sizeof s, &alone, sizeof alone);
            }
          previous = start;
          start = end + 1;
        }
      VaderScores s;
      vader_text_finish (&t, &s);
      g_test_message ("%s: %.17g %.17g %.17g %.17g",
                      cases[c].upper ? cases[c].upper : "cases", s.compound,
                      s.pos, s.neu, s.neg);
      g_assert_cmpfloat (s.compound, ==, cases[c].compound);
      g_assert_cmpfloat (s.pos, ==, cases[c].pos);
      g_assert_cmpfloat (s.neu, ==, cases[c].neu);
      g_assert_cmpfloat (s.neg, ==, cases[c].neg);
      g_string_free (text, TRUE);
      weft_doc_reset (doc);
    }
  weft_doc_free (doc);
  vader_lexicon_free (lex);
}

/* Scores spans of @text of up to @max_words words (words end at spaces)
 * within the text's pass and alone: they must agree.  With @cut, spans
 * start at every character and end at a word's end or one or two bytes
 * before it, so that most cut their first or last word (as a quote does
 * between its quotation marks); without, they are whole words.  Returns
 * the number of spans. */
static guint
check_spans_alone (const char *text, guint max_words, gboolean cut)
{
  VaderLexicon *lex = lexicon_new (NULL, 1.0, NULL);
  WeftDoc *doc = weft_doc_new ();
  gsize len = strlen (text);
  VaderText t;
  vader_text_init (&t, lex, text, len, doc);
  guint n_spans = 0;
  for (gsize start = 0; start < len; start++)
    {
      if (cut ? !g_utf8_validate_len (text + start, len - start, NULL)
              : start > 0 && text[start - 1] != ' ')
        continue; /* not at a character's or a word's start */
      const char *end = text + start;
      for (guint n = 1; n <= max_words && (end = strchr (end + 1, ' ')); n++)
        for (gsize back = 0; back <= (cut ? 2 : 0); back++)
          {
            gsize e = (gsize)(end - text) - back;
            if (e <= start
                || !g_utf8_validate_len (text + start, e - start, NULL))
              continue;
            VaderScores s, alone;
            vader_text_score (&t, start, e, &s);
            vader_score (lex, text + start, e - start, doc, &alone);
            g_assert_cmpmem (&s, sizeof s, &alone, sizeof alone);
            n_spans++;
          }
    }
  VaderScores s;
  vader_text_finish (&t, &s);
  weft_doc_free (doc);
  vader_lexicon_free (lex);
  return n_spans;
}

/* Spans of every few words of a text whose rules reach across them
 * (negations, boosters, idioms, "kind of", "least", "but", capitals):
 * each scores as alone, whether its words' valences can be the whole
 * text's (three or more words from its start, two or more from its end)
 * or not. */
static void
test_vader_span_edges (void)
{
  static const char text[]
      = "It was not good at all , very GOOD news . NOT BAD AT ALL . "
        "But kind of sad , no good day and isn't great . Never so happy "
        "without doubt . The shit is bad ass and sort of GREAT . At least "
        "good , very least bad , no or nor love . HAPPY HAPPY JOY . "
        "WE HAD A VERY GOOD AND HAPPY DAY TODAY . "
        "It is the shit but not a kiss of death ! ";
  g_assert_cmpuint (check_spans_alone (text, 9, FALSE), >, 500);
}

/* A span counts its own '!' and '?' from its bytes, sixteen at a time
 * with an overlapping last step: spans of every length from one word to
 * twenty, marks at every position, each as scored alone. */
static void
test_vader_span_marks (void)
{
  static const char text[]
      = "Good ! great !! what ? bad ?? happy !?! so good wow!!! sad?? "
        "love! no? It is !good! and ?bad? , ok ?!?! fine. Nice!! ! ? "
        "happy ?? sad !!!! a b c ! great day? HAPPY!! ";
  g_assert_cmpuint (check_spans_alone (text, 20, FALSE), >, 500);
}

/* Spans that cut words at either end: the parts inside them are scored
 * as words of their own, the other words as in the whole text. */
static void
test_vader_span_cut_words (void)
{
  static const char text[]
      = "He said \"good\" and \"NOT bad,\" then 'very GOOD' news. "
        "\"It isn't great,\" she said; \"kind of sad\" but good!! "
        "goodbad (happy) never-so happy \"at least good\" no \"love\"? "
        "\"THE SHIT IS BAD ASS\" WE \"HAD\" A GOOD DAY. "
        "\u201CIt wasn\u2019t good,\u201D he said, \u201Cna\u00EFve but "
        "HAPPY\u201D. ";
  g_assert_cmpuint (check_spans_alone (text, 7, TRUE), >, 3000);
}

/* ---- lexicons --------------------------------------------------------------
 */

static char *
write_temp (const char *name, const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("weft-sentiment-XXXXXX", NULL);
  g_assert_nonnull (dir);
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
remove_temp (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
}

static double
compound_of (const VaderLexicon *lex, const char *text)
{
  WeftDoc *doc = weft_doc_new ();
  VaderScores s;
  vader_score (lex, text, strlen (text), doc, &s);
  weft_doc_free (doc);
  return s.compound;
}

static void
test_lexicon_defaults (void)
{
  VaderLexicon *lex = lexicon_new (NULL, 1.0, NULL);
  /* 7520 lines, 14 of them repeating an earlier token. */
  g_assert_cmpuint (vader_lexicon_size (lex), ==, 7506);
  const VaderEntry *e = vader_lexicon_lookup (lex, "good");
  g_assert_cmpfloat (e->valence, ==, 1.9);
  /* A repeated token keeps its last value, as a Python dict does. */
  g_assert_cmpfloat (vader_lexicon_lookup (lex, "lol")->valence, ==, 1.8);
  /* '#' starts no comment in a lexicon: VADER's has such emoticons. */
  g_assert_cmpfloat (vader_lexicon_lookup (lex, "..###:")->valence, ==, -1.9);
  g_assert_true (vader_lexicon_lookup (lex, "never")->flags & VADER_NEGATION);
  g_assert_cmpfloat (vader_lexicon_lookup (lex, "kind of")->booster, ==,
                     -0.293);
  g_assert_cmpstr (vader_lexicon_emoji (lex, 0x1f60d), ==,
                   "smiling face with heart-eyes");
  g_assert_cmpfloat (vader_lexicon_constants (lex)->alpha, ==, 15);
  vader_lexicon_free (lex);
}

static void
test_lexicon_layering (void)
{
  /* VADER format: token, mean, sd, ratings; later files win. */
  char *first = write_temp ("first.txt", "good\t-2.0\t0.5\t[-2, -2]\n"
                                         "weftastic\t3.1\t0.3\t[3, 3]\n");
  char *second = write_temp ("second.txt", "weftastic\t-1.5\t0.1\t[-1]\n");
  const char *const one[] = { first, NULL };
  const char *const both[] = { first, second, NULL };
  g_autoptr (GError) error = NULL;

  VaderLexicon *lex = lexicon_new (one, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (compound_of (lex, "good"), ==, -0.4588);
  g_assert_cmpfloat (compound_of (lex, "weftastic"), ==, 0.6249);
  g_assert_cmpfloat (compound_of (lex, "bad"), ==, -0.5423);
  g_assert_cmpuint (vader_lexicon_size (lex), ==, 7507);
  vader_lexicon_free (lex);

  lex = lexicon_new (both, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (compound_of (lex, "weftastic"), ==, -0.3612);
  g_assert_cmpfloat (compound_of (lex, "not weftastic"), ==, 0.2755);
  vader_lexicon_free (lex);
  remove_temp (first);
  remove_temp (second);
}

/* Words with non-ASCII characters: their lower case can be a key only
 * through KELVIN SIGN (whose lower case is 'k') or a lexicon with
 * non-ASCII keys, which the lookup must not skip. */
static void
test_lexicon_non_ascii (void)
{
  VaderLexicon *lex = lexicon_new (NULL, 1.0, NULL);
  /* "\u212Aill".lower() == "kill" (-3.7); the sign is upper case. */
  g_assert_cmpfloat (compound_of (lex, "\xE2\x84\xAAill"), ==, -0.6908);
  g_assert_cmpfloat (compound_of (lex, "\xE2\x84\xAAILL"), ==, -0.6908);
  /* Devanagari and Cyrillic words are no key; "café" is none here. */
  g_assert_cmpfloat (compound_of (lex, "\xE0\xA4\x85\xE0\xA4\x9A good"), ==,
                     0.4404);
  g_assert_cmpfloat (compound_of (lex, "caf\xC3\xA9"), ==, 0);
  vader_lexicon_free (lex);

  char *extra_file = write_temp ("accents.txt", "caf\xC3\xA9\t2.0\n");
  const char *const extra[] = { extra_file, NULL };
  g_autoptr (GError) error = NULL;
  lex = lexicon_new (extra, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (compound_of (lex, "caf\xC3\xA9"), ==, 0.4588);
  g_assert_cmpfloat (compound_of (lex, "Caf\xC3\xA9!"), ==, 0.5093);
  g_assert_cmpfloat (compound_of (lex, "CAF\xC3\x89"), ==, 0.4588);
  vader_lexicon_free (lex);
  remove_temp (extra_file);
}

static void
test_lexicon_plain_scale (void)
{
  /* AFINN style: word<TAB>score on -5..5, scaled to VADER's -4..4. */
  char *afinn = write_temp ("afinn.txt", "weftastic\t5\nabandon\t-2\n"
                                         "does not work\t-3\n");
  const char *const extra[] = { afinn, NULL };
  g_autoptr (GError) error = NULL;
  VaderLexicon *lex = lexicon_new (extra, 0.8, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (vader_lexicon_lookup (lex, "weftastic")->valence, ==,
                     5 * 0.8);
  g_assert_cmpfloat (compound_of (lex, "weftastic"), ==, 0.7184);
  g_assert_cmpfloat (compound_of (lex, "abandon"), ==, -0.3818);
  vader_lexicon_free (lex);
  remove_temp (afinn);
}

static void
test_lexicon_bad_lines (void)
{
  static const struct
  {
    const char *contents;
    const char *message; /* after "PATH:" */
  } cases[] = {
    { "good\t1.9\t0.5\t[1]\nbad\tvery\t0.5\t[1]\n",
      "2: score 'very' of 'bad' is not a number" },
    { "good\t1.9\t0.5\t[1]\n\nnotab\n",
      "3: expected a word, a tab and a score, got 'notab'" },
    { "good\t2\nbad\t-2\t0.5\n",
      "2: expected word<TAB>score (as the file's first line), got 3 fields" },
    { "\t2\n", "1: expected a word, a tab and a score, got '2'" },
    { "good\tinf\n", "1: score 'inf' of 'good' is not a number" },
    { "good\t1\nb\xff"
      "d\t-1\n",
      "2: invalid UTF-8" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *path = write_temp ("bad.txt", cases[i].contents);
      const char *const extra[] = { path, NULL };
      g_autoptr (GError) error = NULL;
      g_assert_null (lexicon_new (extra, 1.0, &error));
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
      g_autofree char *expected
          = g_strdup_printf ("%s:%s", path, cases[i].message);
      g_assert_cmpstr (error->message, ==, expected);
      remove_temp (path);
    }

  g_autoptr (GError) error = NULL;
  const char *const missing[] = { "/nonexistent/lexicon.txt", NULL };
  g_assert_null (lexicon_new (missing, 1.0, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
  g_assert_true (
      g_str_has_prefix (error->message, "/nonexistent/lexicon.txt: "));
}

/* The rule files skip '#' comment lines; a bad line is named FILE:LINE
 * after them. */
static void
test_lexicon_rule_files (void)
{
  static const struct
  {
    const char *contents, *message;
  } cases[] = {
    { "# boosters\n\nvery\t0.293\nsuper duper 0.3\n",
      "4: expected word or phrase<TAB>number" },
    { "# boosters\nvery\tlots\n", "2: 'lots' is not a number" },
  };
  g_autofree char *lexicon = data_path ("vader_lexicon.txt");
  g_autofree char *emoji = data_path ("emoji_utf8_lexicon.txt");
  g_autofree char *negations = data_path ("negations.txt");
  g_autofree char *special = data_path ("special_cases.txt");
  g_autofree char *constants = data_path ("constants.txt");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *path = write_temp ("boosters.txt", cases[i].contents);
      VaderLexiconFiles files = { .lexicon = lexicon,
                                  .emoji = emoji,
                                  .negations = negations,
                                  .boosters = path,
                                  .special_cases = special,
                                  .constants = constants };
      g_autoptr (GError) error = NULL;
      g_assert_null (vader_lexicon_new (&files, &error));
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
      g_autofree char *expected
          = g_strdup_printf ("%s:%s", path, cases[i].message);
      g_assert_cmpstr (error->message, ==, expected);
      remove_temp (path);
    }
}

/* ---- the plugin
 * -------------------------------------------------------------- */

/* Whitespace-separated tokens, then one sentence per token range. */
static void
add_tokens_and_sentences (WeftDoc *doc, const guint *sentence_ends,
                          guint n_sentences)
{
  gsize len;
  const char *text = weft_doc_get_text (doc, &len);
  guint n = 0, first = 0, si = 0;
  for (gsize i = 0; i < len;)
    {
      while (i < len && text[i] == ' ')
        i++;
      gsize start = i;
      while (i < len && text[i] != ' ')
        i++;
      if (i == start)
        break;
      weft_doc_add_token (doc, (uint32_t)start, (uint32_t)i, WEFT_TOKEN_WORD,
                          0);
      n++;
      if (si < n_sentences && i == sentence_ends[si])
        {
          weft_doc_add_sentence (doc, first, n - first);
          first = n;
          si++;
        }
    }
}

static const char peskov[]
    = "“Azerbaijan is a sovereign state. We value our relations with "
      "Azerbaijan, these are partnership ties,” Peskov said. The fact is that "
      "Moscow reacted quite loyally. Russia will find ways to maintain "
      "friendly relations with Azerbaijan, which many are trying to destroy.";

static WeftOptions *
options_new (void)
{
  g_autoptr (GError) error = NULL;
  WeftOptions *options = weft_options_new (&weft_plugin_descriptor,
                                           SENTIMENT_DATA_DIR, NULL, &error);
  g_assert_no_error (error);
  return options;
}

static void
test_plugin_sentences_quotes (void)
{
  const WeftPlugin *plugin = &weft_plugin_descriptor;
  g_autoptr (GError) error = NULL;
  g_autoptr (WeftOptions) options = options_new ();
  gpointer state = NULL;
  g_assert_true (plugin->init (options, &state, &error));
  g_assert_no_error (error);

  WeftLayerSchema *qschema = weft_layer_schema_new ("quotes");
  guint f_speaker
      = weft_layer_schema_add_field (qschema, "speaker", WEFT_FIELD_STRING);
  weft_layer_schema_add_field (qschema, "kind", WEFT_FIELD_STRING);

  WeftDoc *doc = weft_doc_new ();
  g_assert_true (weft_doc_set_text (doc, peskov, strlen (peskov), NULL));
  const guint ends[] = { 119, 166, 270 };
  add_tokens_and_sentences (doc, ends, G_N_ELEMENTS (ends));
  WeftLayer *quotes = weft_doc_add_layer (doc, qschema);
  guint q = weft_layer_add_span (quotes, 3, 102);
  weft_layer_set_string (quotes, q, f_speaker, "Dmitry Peskov");
  g_assert_true (plugin->process (state, doc, &error));
  g_assert_no_error (error);

  double v;
  static const struct
  {
    const char *key;
    double value;
  } doc_values[] = {
    { "compound", 0.6697 },
    { "pos", 0.182 },
    { "neu", 0.748 },
    { "neg", 0.071 },
    { "mean_sentence_compound", 0.2628 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (doc_values); i++)
    {
      g_assert_true (
          weft_doc_get_value_double (doc, "sentiment", doc_values[i].key, &v));
      g_assert_cmpfloat_with_epsilon (v, doc_values[i].value, 1e-9);
    }

  static const struct
  {
    uint32_t start, end;
    const char *scope;
    double compound, pos, neu, neg;
    const char *speaker;
  } spans[] = {
    { 0, 119, "sentence", 0.34, 0.13, 0.87, 0.0, NULL },
    { 3, 102, "quote", 0.34, 0.146, 0.854, 0.0, "Dmitry Peskov" },
    { 120, 166, "sentence", 0.5256, 0.326, 0.674, 0.0, NULL },
    { 167, 270, "sentence", -0.0772, 0.155, 0.676, 0.169, NULL },
  };
  WeftLayer *layer = weft_doc_get_layer (doc, "sentiment");
  g_assert_nonnull (layer);
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, G_N_ELEMENTS (spans));
  guint f[6];
  const char *names[] = { "scope", "compound", "pos", "neu", "neg", "speaker" };
  for (guint k = 0; k < 6; k++)
    f[k] = (guint)weft_layer_schema_find_field (schema, names[k]);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      uint32_t start, end;
      weft_layer_get_span (layer, i, &start, &end);
      g_assert_cmpuint (start, ==, spans[i].start);
      g_assert_cmpuint (end, ==, spans[i].end);
      g_assert_cmpstr (weft_layer_get_string (layer, i, f[0]), ==,
                       spans[i].scope);
      g_assert_cmpfloat_with_epsilon (weft_layer_get_double (layer, i, f[1]),
                                      spans[i].compound, 1e-9);
      g_assert_cmpfloat_with_epsilon (weft_layer_get_double (layer, i, f[2]),
                                      spans[i].pos, 1e-9);
      g_assert_cmpfloat_with_epsilon (weft_layer_get_double (layer, i, f[3]),
                                      spans[i].neu, 1e-9);
      g_assert_cmpfloat_with_epsilon (weft_layer_get_double (layer, i, f[4]),
                                      spans[i].neg, 1e-9);
      g_assert_cmpstr (weft_layer_get_string (layer, i, f[5]), ==,
                       spans[i].speaker);
    }

  weft_doc_free (doc);
  weft_layer_schema_free (qschema);
  plugin->finish (state);
}

static void
test_plugin_options (void)
{
  const WeftPlugin *plugin = &weft_plugin_descriptor;
  gpointer state = NULL;

  g_autoptr (WeftOptions) bad_scope = options_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (weft_options_set (bad_scope, "scopes", "sentence,paragraph",
                                   NULL, &error));
  g_assert_false (plugin->init (bad_scope, &state, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==,
                   "stage 'sentiment': option 'scopes': unknown scope "
                   "'paragraph' (expected sentence or quote)");
  g_clear_error (&error);

  /* Only quotes: no sentence spans, no mean; AFINN lexicon on top. */
  char *afinn = write_temp ("afinn.txt", "sovereign\t-5\n");
  const char *const lexicons[] = { afinn, NULL };
  g_autoptr (WeftOptions) options = options_new ();
  g_assert_true (weft_options_set (options, "scopes", "quote", NULL, &error));
  g_assert_true (
      weft_options_set_list (options, "lexicons", lexicons, NULL, &error));
  g_assert_true (
      weft_options_set (options, "plain-scale", "0.8", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plugin->init (options, &state, &error));
  g_assert_no_error (error);
  WeftDoc *doc = weft_doc_new ();
  const char *text = "Azerbaijan is a sovereign state.";
  g_assert_true (weft_doc_set_text (doc, text, strlen (text), NULL));
  const guint ends[] = { 32 };
  add_tokens_and_sentences (doc, ends, 1);
  g_assert_true (plugin->process (state, doc, &error));
  double v;
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "compound", &v));
  g_assert_cmpfloat (v, ==, -0.7184);
  g_assert_false (weft_doc_get_value_double (doc, "sentiment",
                                             "mean_sentence_compound", &v));
  g_assert_cmpuint (
      weft_layer_get_n_spans (weft_doc_get_layer (doc, "sentiment")), ==, 0);
  weft_doc_free (doc);
  plugin->finish (state);
  remove_temp (afinn);
}

static void
test_plugin_bad_lexicon (void)
{
  const WeftPlugin *plugin = &weft_plugin_descriptor;
  char *bad = write_temp ("mine.txt", "good\t1.9\ngreat\tsuper\n");
  g_autoptr (WeftOptions) options = options_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (weft_options_set (options, "lexicons", bad, NULL, &error));
  gpointer state = NULL;
  g_assert_false (plugin->init (options, &state, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
  g_autofree char *expected
      = g_strdup_printf ("%s:2: score 'super' of 'great' is not a number", bad);
  g_assert_cmpstr (error->message, ==, expected);
  remove_temp (bad);
}

/* ---- through a pipeline -------------------------------------------------- */

static gboolean
have_plugin (const char *name)
{
  const char *path = g_getenv ("WEFT_PLUGIN_PATH");
  g_auto (GStrv) dirs = g_strsplit (path ? path : "", ":", -1);
  for (char **d = dirs; *d; d++)
    {
      g_autofree char *so = g_strdup_printf ("%s/%s/%s.so", *d, name, name);
      if (g_file_test (so, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
test_pipeline_vader (void)
{
  if (!have_plugin ("tokenizer"))
    {
      g_test_skip ("the tokenizer plugin is not built");
      return;
    }
  g_autoptr (WeftPipeline) pipeline
      = weft_test_pipeline ("stages:\n  - plugin: tokenizer\n"
                            "  - plugin: sentiment\n");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc, peskov, NULL);
  double v;
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "compound", &v));
  g_assert_cmpfloat_with_epsilon (v, 0.6697, 1e-9);
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "neu", &v));
  g_assert_cmpfloat_with_epsilon (v, 0.748, 1e-9);

  /* One span per weft sentence, each scored on its own text. */
  guint n_sentences;
  const WeftSentence *sentences = weft_doc_get_sentences (doc, &n_sentences);
  WeftLayer *layer = weft_doc_get_layer (doc, "sentiment");
  g_assert_cmpuint (n_sentences, >, 0);
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, n_sentences);
  uint32_t start, end;
  weft_layer_get_span (layer, n_sentences - 1, &start, &end);
  g_assert_cmpuint (start, ==, sentences[n_sentences - 1].start);
  g_assert_cmpuint (end, ==, sentences[n_sentences - 1].end);
  int f = weft_layer_schema_find_field (weft_layer_get_schema (layer),
                                        "compound");
  g_assert_cmpfloat_with_epsilon (
      weft_layer_get_double (layer, n_sentences - 1, (guint)f), -0.0772, 1e-9);
  weft_doc_free (doc);
}

/* With typographic-apostrophes, "can’t" negates as "can't" does; without
 * it (VADER's default), it does not. */
static void
test_pipeline_typographic (void)
{
  if (!have_plugin ("tokenizer"))
    {
      g_test_skip ("the tokenizer plugin is not built");
      return;
    }
  static const char ascii[] = "The talks can't be good.";
  static const char curly[] = "The talks can\u2019t be good.";
  g_autoptr (WeftPipeline) vader
      = weft_test_pipeline ("stages:\n  - plugin: tokenizer\n"
                            "  - plugin: sentiment\n");
  g_autoptr (WeftPipeline) news
      = weft_test_pipeline ("stages:\n  - plugin: tokenizer\n"
                            "  - plugin: sentiment\n"
                            "    options: {typographic-apostrophes: true}\n");
  WeftDoc *doc = weft_doc_new ();
  double a, b, c;
  weft_test_run (vader, doc, ascii, NULL);
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "compound", &a));
  weft_test_run (vader, doc, curly, NULL);
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "compound", &b));
  weft_test_run (news, doc, curly, NULL);
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "compound", &c));
  /* good 1.9 negated: -0.74 x 1.9 = -1.406, normalized -0.3412 */
  g_assert_cmpfloat_with_epsilon (a, -0.3412, 1e-9);
  g_assert_cmpfloat_with_epsilon (b, 0.4404, 1e-9);
  g_assert_cmpfloat_with_epsilon (c, a, 1e-12);
  weft_doc_free (doc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sentiment/vader/reference", test_vader_reference);
  g_test_add_func ("/sentiment/vader/threads", test_vader_threads);
  g_test_add_func ("/sentiment/vader/round", test_vader_round);
  g_test_add_func ("/sentiment/vader/round-printf", test_vader_round_printf);
  g_test_add_func ("/sentiment/vader/but", test_vader_but);
  g_test_add_func ("/sentiment/vader/long-text", test_vader_long_text);
  g_test_add_func ("/sentiment/vader/long-text-without-hits",
                   test_vader_long_text_without_hits);
  g_test_add_func ("/sentiment/vader/span-edges", test_vader_span_edges);
  g_test_add_func ("/sentiment/vader/span-marks", test_vader_span_marks);
  g_test_add_func ("/sentiment/vader/span-cut-words",
                   test_vader_span_cut_words);
  g_test_add_func ("/sentiment/lexicon/defaults", test_lexicon_defaults);
  g_test_add_func ("/sentiment/lexicon/layering", test_lexicon_layering);
  g_test_add_func ("/sentiment/lexicon/plain-scale", test_lexicon_plain_scale);
  g_test_add_func ("/sentiment/lexicon/non-ascii", test_lexicon_non_ascii);
  g_test_add_func ("/sentiment/lexicon/bad-lines", test_lexicon_bad_lines);
  g_test_add_func ("/sentiment/lexicon/rule-files", test_lexicon_rule_files);
  g_test_add_func ("/sentiment/plugin/sentences-quotes",
                   test_plugin_sentences_quotes);
  g_test_add_func ("/sentiment/plugin/options", test_plugin_options);
  g_test_add_func ("/sentiment/plugin/bad-lexicon", test_plugin_bad_lexicon);
  g_test_add_func ("/sentiment/pipeline/vader", test_pipeline_vader);
  g_test_add_func ("/sentiment/pipeline/typographic-apostrophes",
                   test_pipeline_typographic);
  return g_test_run ();
}
