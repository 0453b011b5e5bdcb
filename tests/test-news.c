/* The news pipeline end to end: `weft run news` on the bundled Wikinews
 * sample articles.  The expected items were decided by reading the articles
 * (dates resolved against each article's own date, who said what with which
 * verb) and the quote scores computed by hand from VADER's lexicon
 * (compound = s / sqrt (s² + 15)); spans are found in the article text
 * itself, so no expected value was copied from weft's output.  Items weft
 * gets wrong today are left out (see docs/user-guide.md, "Known errors"). */
#include <glib/gstdio.h>
#include <string.h>

#include "json.h"

typedef struct {
  guint doc;         /* line of the sample file, from 0 */
  const char *layer; /* JSON key of the layer */
  const char *text;  /* the span's text, found in the article */
  guint nth;         /* which occurrence of @text, from 0 */
  const char *fields; /* the JSON fields that follow "text" */
} Golden;

static const Golden golden[] = {
  /* Nancy Pelosi again elected Speaker …, dated Friday 2019-01-04 */
  { 0, "dates", "Friday, January 4, 2019", 0, "\"type\":\"DATE\",\"value\":\"2019-01-04\"" },
  { 0, "dates", "yesterday", 0, "\"type\":\"DATE\",\"value\":\"2019-01-03\"" },
  { 0, "dates", "September", 0, "\"type\":\"DATE\",\"value\":\"2019-09\"" },
  { 0, "dates", "2007", 0, "\"type\":\"DATE\",\"value\":\"2007\"" },
  { 0, "dates", "six-year", 0, "\"type\":\"DURATION\",\"value\":\"P6Y\"" },
  { 0, "dates", "two-year", 0, "\"type\":\"DURATION\",\"value\":\"P2Y\"" },
  { 0, "quotes",
    "I pledge that this Congress will be transparent, bipartisan and unifying; "
    "that we will seek to reach across the aisle in this Chamber and across the "
    "divisions across our nation", 0,
    "\"kind\":\"direct\",\"cue\":\"told\",\"speaker\":\"Nancy Pelosi\"" },
  { 0, "quotes",
    "hopefully we're going to have a lot of things that we can get done together.", 0,
    "\"kind\":\"direct\",\"cue\":\"saying\",\"speaker\":\"Donald Trump\"" },
  { 0, "quotes",
    "her plans for the new term will begin with less controversial issues with which "
    "she could find common ground with Republicans, but Democrats also plan to address "
    "the current government shutdown promptly", 0,
    "\"kind\":\"indirect\",\"cue\":\"said\",\"speaker\":\"Nancy Pelosi\"" },
  { 0, "quotes",
    "he will not approve a budget that does not allocate funding for a wall along "
    "the country's border with Mexico", 0,
    "\"kind\":\"indirect\",\"cue\":\"said\",\"speaker\":\"Donald Trump\"" },
  /* reach 0.1 -> 0.1 / sqrt (0.01 + 15) */
  { 0, "sentiment",
    "I pledge that this Congress will be transparent, bipartisan and unifying; "
    "that we will seek to reach across the aisle in this Chamber and across the "
    "divisions across our nation", 0,
    "\"scope\":\"quote\",\"compound\":0.0258" },
  /* hopefully 1.7 -> 0.4019 */
  { 0, "sentiment",
    "hopefully we're going to have a lot of things that we can get done together.", 0,
    "\"scope\":\"quote\",\"compound\":0.4019" },

  /* Arrest made as mayor of Gdańsk …, dated Monday 2019-01-14 */
  { 1, "dates", "Monday, January 14, 2019", 0, "\"type\":\"DATE\",\"value\":\"2019-01-14\"" },
  { 1, "dates", "last night", 0, "\"type\":\"TIME\",\"value\":\"2019-01-13TNI\"" },
  { 1, "dates", "today", 0, "\"type\":\"DATE\",\"value\":\"2019-01-14\"" },
  { 1, "dates", "this year", 0, "\"type\":\"DATE\",\"value\":\"2019\"" },
  { 1, "dates", "annually", 0, "\"type\":\"SET\",\"value\":\"P1Y\"" },
  { 1, "dates", "this evening", 0, "\"type\":\"TIME\",\"value\":\"2019-01-14TEV\"" },
  { 1, "quotes", "Let's all pray for Mayor Adamowicz. Paweł, we are with you.", 0,
    "\"kind\":\"direct\",\"cue\":\"wrote\",\"speaker\":\"Donald Tusk\"" },
  { 1, "quotes", "We are with Mayor Adamowicz in our thoughts and prayers.", 0,
    "\"kind\":\"direct\",\"cue\":\"tweeted\",\"speaker\":\"Mateusz Morawiecki\"" },
  { 1, "dates", "early today", 0, "\"type\":\"DATE\",\"value\":\"2019-01-14\"" },
  { 1, "quotes",
    "I can’t find the words, an explanation, for this kind of act. Especially since "
    "the finale of the Great Orchestra of Christmas Charity has for the last 27 years "
    "always been associated with good, with something joyful, positive.", 0,
    "\"kind\":\"direct\",\"cue\":\"said\",\"speaker\":\"Joachim Brudziński\"" },
  { 1, "quotes",
    "Today I am unconditionally with him and his loved ones, just as I hope all of us "
    "compatriots are. I pray for his return to health and full strength.", 0,
    "\"kind\":\"direct\",\"cue\":\"remarked\",\"speaker\":\"Andrzej Duda\"" },
  /* a partial quote inside reported speech */
  { 1, "quotes", "and there is hope, but his condition is very difficult.", 0,
    "\"kind\":\"mixed\",\"cue\":\"told\",\"speaker\":\"Andrzej Duda\"" },
  { 1, "quotes", "The next hours will decide everything", 0,
    "\"kind\":\"direct\",\"cue\":\"said\",\"speaker\":\"Tomasz Stefaniak\"" },
  { 1, "quotes", "an act of inexplicable barbarity.", 0,
    "\"kind\":\"mixed\",\"cue\":\"called\",\"speaker\":\"Joachim Brudziński\"" },
  { 1, "quotes", "We couldn’t win", 0,
    "\"kind\":\"direct\",\"cue\":\"said\",\"speaker\":\"Łukasz Szumowski\"" },
  { 1, "quotes",
    "psychiatric assessments will be carried out to confirm if Stefan W is fit for trial", 0,
    "\"kind\":\"indirect\",\"cue\":\"told\",\"speaker\":\"Krzysztof Sierak\"" },
  /* win 2.8 negated by couldn’t (the news pipeline's typographic
   * apostrophes): -0.74 x 2.8 -> -0.4717 */
  { 1, "sentiment", "We couldn’t win", 0,
    "\"scope\":\"quote\",\"compound\":-0.4717" },
  /* pray 1.3 -> 0.3182 */
  { 1, "sentiment", "Let's all pray for Mayor Adamowicz. Paweł, we are with you.", 0,
    "\"scope\":\"quote\",\"compound\":0.3182" },
  /* no word of the lexicon */
  { 1, "sentiment", "The next hours will decide everything", 0,
    "\"scope\":\"quote\",\"compound\":0," },

  /* Thousands march in anti-Brexit protest, London, dated Thursday 2019-03-28 */
  { 2, "dates", "Thursday, March 28, 2019", 0, "\"type\":\"DATE\",\"value\":\"2019-03-28\"" },
  /* the march was on Saturday 23 March 2019 */
  { 2, "dates", "Saturday", 0, "\"type\":\"DATE\",\"value\":\"2019-03-23\"" },
  { 2, "dates", "2016", 0, "\"type\":\"DATE\",\"value\":\"2016\"" },
  { 2, "dates", "1973", 0, "\"type\":\"DATE\",\"value\":\"1973\"" },
  { 2, "dates", "March 2019", 0, "\"type\":\"DATE\",\"value\":\"2019-03\"" },
  { 2, "quotes",
    "Here in London, thousands of people from across our city and country have "
    "come together with @peoplesvote-uk to send a clear message: Enough is enough "
    "- it's time to give the British public the final say on Brexit.", 0,
    "\"kind\":\"direct\",\"cue\":\"tweeted\",\"speaker\":\"Sadiq Khan\"" },
  { 2, "quotes", "the moment of maximum opportunity", 0,
    "\"kind\":\"mixed\",\"cue\":\"said\",\"speaker\":\"Nicola Sturgeon\"" },
  { 2, "quotes", "defend [their] children's right to live and work in Europe", 0,
    "\"kind\":\"mixed\",\"cue\":\"said\",\"speaker\":\"Some of the protesters\"" },
  { 2, "quotes",
    "We know that 16 million people wanted to stay in the EU, and some of those "
    "would still like to stay in the EU, and within that quite a few would like to "
    "have another go and have another referendum — but it was always a minority", 0,
    "\"kind\":\"direct\",\"cue\":\"told\",\"speaker\":\"One MP\"" },
  /* clear 1.6 -> 0.3818 */
  { 2, "sentiment",
    "Here in London, thousands of people from across our city and country have "
    "come together with @peoplesvote-uk to send a clear message: Enough is enough "
    "- it's time to give the British public the final say on Brexit.", 0,
    "\"scope\":\"quote\",\"compound\":0.3818" },
  /* opportunity 1.8 -> 0.4215 */
  { 2, "sentiment", "the moment of maximum opportunity", 0,
    "\"scope\":\"quote\",\"compound\":0.4215" },
};

#define N_DOCS 3

static char *texts[N_DOCS];
static char *records[N_DOCS];

static char *
run (const char *args)
{
  g_autofree char *command = g_strdup_printf ("%s run news %s %s", WEFT_EXE,
                                              SAMPLE, args);
  char *out = NULL, *err = NULL;
  int status;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_command_line_sync (command, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_free (err);
  return out;
}

/* Reads the article texts and runs the pipeline once for all tests. */
static void
load (void)
{
  g_autofree char *sample = NULL;
  g_assert_true (g_file_get_contents (SAMPLE, &sample, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (sample, "\n", -1);
  g_autofree char *out = run ("--format jsonl");
  g_auto (GStrv) out_lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (out_lines), ==, N_DOCS + 1);
  for (guint d = 0; d < N_DOCS; d++)
    {
      g_autoptr (GPtrArray) members
          = weft_json_parse_object (lines[d], strlen (lines[d]), NULL, NULL);
      g_assert_nonnull (members);
      for (guint i = 0; i < members->len; i++)
        {
          WeftJsonMember *m = g_ptr_array_index (members, i);
          if (strcmp (m->key, "text") == 0)
            texts[d] = g_strdup (m->string);
        }
      g_assert_nonnull (texts[d]);
      records[d] = g_strdup (out_lines[d]);
    }
}

/* The JSON object a golden item must appear as, up to its last field. */
static char *
expected_object (const Golden *g, gboolean with_text)
{
  const char *text = texts[g->doc], *at = text;
  for (guint i = 0; at && i <= g->nth; i++)
    at = strstr (i ? at + 1 : at, g->text);
  g_assert_nonnull (at);
  glong start = g_utf8_pointer_to_offset (text, at);
  glong end = start + g_utf8_strlen (g->text, -1);
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "{\"start\":%ld,\"end\":%ld,", start, end);
  if (with_text)
    {
      g_string_append (s, "\"text\":");
      weft_json_append_string (s, g->text, -1);
      g_string_append_c (s, ',');
    }
  g_string_append (s, g->fields);
  return g_string_free (s, FALSE);
}

/* @record's array for @layer: up to the next top-level layer key. */
static char *
layer_slice (const char *record, const char *layer)
{
  g_autofree char *key = g_strdup_printf ("\"%s\":[", layer);
  const char *at = strstr (record, key);
  g_assert_nonnull (at);
  const char *next = strstr (at + 1, "}],\"");
  return next ? g_strndup (at, next - at + 2) : g_strdup (at);
}

static void
test_golden (gconstpointer data)
{
  const Golden *g = data;
  /* the sentiment layer does not repeat its spans' text (docs/output.md) */
  gboolean with_text = strcmp (g->layer, "sentiment") != 0;
  g_autofree char *object = expected_object (g, with_text);
  g_autofree char *slice = layer_slice (records[g->doc], g->layer);
  if (!strstr (slice, object))
    g_error ("%s: expected %s", g->layer, object);
  if (!with_text)
    g_assert_null (strstr (slice, "\"text\":"));
}

/* sentiment.span-text brings the text back. */
static void
test_span_text (void)
{
  g_autofree char *out = run ("--set sentiment.span-text=true");
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, N_DOCS + 1);
  for (guint i = 0; i < G_N_ELEMENTS (golden); i++)
    if (strcmp (golden[i].layer, "sentiment") == 0)
      {
        g_autofree char *object = expected_object (&golden[i], TRUE);
        g_autofree char *slice = layer_slice (lines[golden[i].doc], "sentiment");
        if (!strstr (slice, object))
          g_error ("sentiment with span-text: expected %s", object);
      }
}

static void
test_documents (void)
{
  static const char *const heads[N_DOCS] = {
    "{\"id\":\"wikinews-2019-1\",\"source\":\"" SAMPLE ":1\",\"date\":\"2019-01-04\",",
    "{\"id\":\"wikinews-2019-11\",\"source\":\"" SAMPLE ":2\",\"date\":\"2019-01-14\",",
    "{\"id\":\"wikinews-2019-43\",\"source\":\"" SAMPLE ":3\",\"date\":\"2019-03-28\",",
  };
  for (guint d = 0; d < N_DOCS; d++)
    {
      g_assert_true (g_str_has_prefix (records[d], heads[d]));
      /* every layer of the pipeline, and the document's tone */
      g_assert_nonnull (strstr (records[d], "\"doc\":{\"sentiment\":{\"compound\":"));
      for (const char *const *l = (const char *const[]){ "sentences", "dates", "quotes",
                                                         "sentiment", NULL };
           *l; l++)
        {
          g_autofree char *key = g_strdup_printf (",\"%s\":[{", *l);
          g_assert_nonnull (strstr (records[d], key));
        }
    }
}

/* The readable summary shows the same facts. */
static void
test_text (void)
{
  g_autofree char *out = run ("--format text");
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  static const char *const want[][4] = {
    { "== wikinews-2019-1 — Nancy Pelosi again elected Speaker", NULL },
    { "   source: " SAMPLE ":1   date: 2019-01-04", NULL },
    { "     yesterday ", " 2019-01-03 ", "DATE", NULL },
    { "     Nancy Pelosi ", " told ", " +0.03 neutral ", "“I pledge that this Congress" },
    { "     Donald Trump ", " saying ", " +0.40 positive ", "“hopefully we're going" },
    { "     this evening ", " 2019-01-14TEV ", "TIME", NULL },
    { "     Sadiq Khan ", " tweeted ", " +0.38 positive ", "“Here in London" },
  };
  for (guint w = 0; w < G_N_ELEMENTS (want); w++)
    {
      gboolean found = FALSE;
      for (guint i = 0; lines[i] && !found; i++)
        {
          found = g_str_has_prefix (lines[i], want[w][0]);
          for (guint k = 1; k < 4 && want[w][k] && found; k++)
            found = strstr (lines[i], want[w][k]) != NULL;
        }
      if (!found)
        g_error ("no line like '%s…' in:\n%s", want[w][0], out);
    }
  /* one tone line per document, with VADER's word */
  guint tones = 0;
  for (guint i = 0; lines[i]; i++)
    tones += g_str_has_prefix (lines[i], "   tone: ");
  g_assert_cmpuint (tones, ==, N_DOCS);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  load ();
  for (guint i = 0; i < G_N_ELEMENTS (golden); i++)
    {
      const Golden *g = &golden[i];
      /* /news/golden/1/quotes/Let-s-all-pray-for-Mayor */
      GString *name = g_string_new (NULL);
      g_string_printf (name, "/news/golden/%u/%s/", g->doc, g->layer);
      for (const char *c = g->text; *c && c - g->text < 24; c++)
        g_string_append_c (name, g_ascii_isalnum (*c) ? *c : '-');
      g_test_add_data_func (name->str, g, test_golden);
      g_string_free (name, TRUE);
    }
  g_test_add_func ("/news/documents", test_documents);
  g_test_add_func ("/news/text", test_text);
  g_test_add_func ("/news/span-text", test_span_text);
  int status = g_test_run ();
  for (guint d = 0; d < N_DOCS; d++)
    {
      g_free (texts[d]);
      g_free (records[d]);
    }
  return status;
}
