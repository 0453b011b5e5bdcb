/* Tests for the quotes plugin: table-driven cases run through the
 * tokenizer and quotes stages, with exact content spans, kinds, cues,
 * speaker mentions and resolved speakers.  Sentences are from the sample
 * news articles and Wikinews. */
#include <glib/gstdio.h>
#include <string.h>

#include "lexicon.h"
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
    { { "term", "cruel", NULL, NULL, NULL },
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
  { "/quotes/none",
    "Relations between Russia and Azerbaijan are experiencing another "
    "aggravation these days. It's the country's problem.",
    { { NULL } } },
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
  g_autofree char *expected = g_strdup_printf (
      "%s:3: unknown cue kind 'shout' (expected verb, say, clause, tell, prep or noun)",
      cues);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (
      cues, "pointed out\tverb\npointed\tverb\n", -1, NULL));
  QuotesLexicon *lexicon = quotes_lexicon_load (dir, &error);
  g_assert_no_error (error);
  const QuotesWord *w = quotes_lexicon_lookup (lexicon, "Pointed", 7);
  g_assert_nonnull (w);
  g_assert_cmpuint (w->cue_count, ==, 2);
  g_assert_cmpstr (quotes_lexicon_get_cue (lexicon, w, 0)->text, ==,
                   "pointed out");
  g_assert_null (quotes_lexicon_lookup (lexicon, "point", 5));
  quotes_lexicon_free (lexicon);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_remove (p);
    }
  g_remove (cues);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);
  g_test_add_func ("/quotes/options/terms-indirect-off", test_terms_option);
  g_test_add_func ("/quotes/lexicon/errors-and-phrases", test_lexicon_errors);
  return g_test_run ();
}
