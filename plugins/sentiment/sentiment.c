/* sentiment — the plugin: VADER scores for the whole document (doc.sentiment),
 * for each sentence and for each quote (the `sentiment` layer).  The tables
 * are loaded once at init; process() only reads them. */
#include <string.h>

#include <weft/weft.h>

#include "lexicon.h"
#include "vader.h"

typedef struct
{
  VaderLexicon *lexicon;
  WeftLayerSchema *schema;
  guint f_scope, f_compound, f_pos, f_neu, f_neg, f_speaker;
  gboolean sentences;
  gboolean quotes;
} Sentiment;

static const WeftOptionSpec sentiment_options[] = {
  { "lexicon", WEFT_OPTION_PATH, "vader_lexicon.txt",
    "the valence lexicon, in VADER's format (token<TAB>mean<TAB>...)" },
  { "lexicons", WEFT_OPTION_PATH_LIST, NULL,
    "further lexicons layered on top, later ones overriding earlier ones: "
    "VADER's format, or word<TAB>score (scaled by plain-scale)" },
  { "plain-scale", WEFT_OPTION_DOUBLE, "1.0",
    "multiplier for word<TAB>score lexicons (0.8 maps AFINN's -5..5 to "
    "VADER's -4..4)" },
  { "emoji-lexicon", WEFT_OPTION_PATH, "emoji_utf8_lexicon.txt",
    "emoji<TAB>description: emoji are scored through their descriptions" },
  { "negations", WEFT_OPTION_PATH, "negations.txt",
    "negation words, one a line" },
  { "boosters", WEFT_OPTION_PATH, "boosters.txt",
    "boosters and dampeners: word or phrase<TAB>scalar" },
  { "special-cases", WEFT_OPTION_PATH, "special_cases.txt",
    "idioms that replace a word's valence: phrase<TAB>valence" },
  { "constants", WEFT_OPTION_PATH, "constants.txt",
    "VADER's rule constants: name<TAB>value" },
  { "scopes", WEFT_OPTION_LIST, "sentence,quote",
    "which spans get a score in the sentiment layer: sentence, quote" },
  { "span-text", WEFT_OPTION_BOOL, "false",
    "repeat each span's text as \"text\" in the layer's output: off by "
    "default, because the spans are sentences and quotes whose text the "
    "input and the quotes layer already hold" },
  { "typographic-apostrophes", WEFT_OPTION_BOOL, "false",
    "Let words with a typographic apostrophe (U+2019) negate as VADER's "
    "\"n't\" rule does for the ASCII one (can’t, don’t): off by default, "
    "because VADER does not; the news pipeline turns it on" },
  { NULL },
};

static gboolean
sentiment_init (const WeftOptions *options, gpointer *state, GError **error)
{
  VaderLexiconFiles files = {
    .lexicon = weft_options_get_path (options, "lexicon"),
    .extra = weft_options_get_list (options, "lexicons"),
    .plain_scale = weft_options_get_double (options, "plain-scale"),
    .emoji = weft_options_get_path (options, "emoji-lexicon"),
    .negations = weft_options_get_path (options, "negations"),
    .boosters = weft_options_get_path (options, "boosters"),
    .special_cases = weft_options_get_path (options, "special-cases"),
    .constants = weft_options_get_path (options, "constants"),
    .typographic = weft_options_get_bool (options, "typographic-apostrophes"),
  };
  const char *const required[] = { "lexicon",  "emoji-lexicon", "negations",
                                   "boosters", "special-cases", "constants" };
  const char *const paths[]
      = { files.lexicon,  files.emoji,         files.negations,
          files.boosters, files.special_cases, files.constants };
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (!paths[i])
      {
        g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                     "stage '%s': option '%s' must name a file",
                     weft_options_get_stage_id (options), required[i]);
        return FALSE;
      }

  gboolean sentences = FALSE, quotes = FALSE;
  for (const char *const *s = weft_options_get_list (options, "scopes"); *s;
       s++)
    {
      if (strcmp (*s, "sentence") == 0)
        sentences = TRUE;
      else if (strcmp (*s, "quote") == 0)
        quotes = TRUE;
      else
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                       "stage '%s': option 'scopes': unknown scope '%s' "
                       "(expected sentence or quote)",
                       weft_options_get_stage_id (options), *s);
          return FALSE;
        }
    }

  VaderLexicon *lexicon = vader_lexicon_new (&files, error);
  if (!lexicon)
    return FALSE;
  Sentiment *self = g_new0 (Sentiment, 1);
  self->lexicon = lexicon;
  self->sentences = sentences;
  self->quotes = quotes;
  self->schema = weft_layer_schema_new ("sentiment");
  weft_layer_schema_set_write_text (
      self->schema, weft_options_get_bool (options, "span-text"));
  self->f_scope
      = weft_layer_schema_add_field (self->schema, "scope", WEFT_FIELD_STRING);
  self->f_compound = weft_layer_schema_add_field (self->schema, "compound",
                                                  WEFT_FIELD_DOUBLE);
  self->f_pos
      = weft_layer_schema_add_field (self->schema, "pos", WEFT_FIELD_DOUBLE);
  self->f_neu
      = weft_layer_schema_add_field (self->schema, "neu", WEFT_FIELD_DOUBLE);
  self->f_neg
      = weft_layer_schema_add_field (self->schema, "neg", WEFT_FIELD_DOUBLE);
  self->f_speaker = weft_layer_schema_add_field (self->schema, "speaker",
                                                 WEFT_FIELD_STRING);
  *state = self;
  return TRUE;
}

static void
sentiment_finish (gpointer state)
{
  Sentiment *self = state;
  vader_lexicon_free (self->lexicon);
  weft_layer_schema_free (self->schema);
  g_free (self);
}

/* Scores text[start, end) and appends it to @layer as a span of @scope. */
static double
add_span (const Sentiment *self, VaderText *text, WeftLayer *layer,
          uint32_t start, uint32_t end, const char *scope, const char *speaker)
{
  VaderScores s;
  vader_text_score (text, start, end, &s);
  guint span = weft_layer_add_span (layer, start, end);
  /* the scope is a literal and the speaker the quotes layer's string, in
   * the document's arena: neither needs a copy */
  weft_layer_set_static_string (layer, span, self->f_scope, scope);
  weft_layer_set_double (layer, span, self->f_compound, s.compound);
  weft_layer_set_double (layer, span, self->f_pos, s.pos);
  weft_layer_set_double (layer, span, self->f_neu, s.neu);
  weft_layer_set_double (layer, span, self->f_neg, s.neg);
  if (speaker)
    weft_layer_set_static_string (layer, span, self->f_speaker, speaker);
  return s.compound;
}

static gboolean
sentiment_process (gpointer state, WeftDoc *doc, GError **error)
{
  const Sentiment *self = state;
  (void)error;
  gsize len;
  const char *text = weft_doc_get_text (doc, &len);

  /* One pass: sentences and quotes reuse the words split for the whole
   * text, scored at the end. */
  VaderText vt;
  vader_text_init (&vt, self->lexicon, text, len, doc);

  guint n_sentences = 0, n_quotes = 0;
  const WeftSentence *sentences = weft_doc_get_sentences (doc, &n_sentences);
  if (!self->sentences)
    n_sentences = 0;
  WeftLayer *quotes = self->quotes ? weft_doc_get_layer (doc, "quotes") : NULL;
  int f_speaker = -1;
  if (quotes)
    {
      n_quotes = weft_layer_get_n_spans (quotes);
      const WeftLayerSchema *qs = weft_layer_get_schema (quotes);
      f_speaker = weft_layer_schema_find_field (qs, "speaker");
      if (f_speaker >= 0
          && weft_layer_schema_get_field_type (qs, (guint)f_speaker)
                 != WEFT_FIELD_STRING)
        f_speaker = -1;
    }

  /* Sentences and quotes merged in text order. */
  WeftLayer *layer = weft_doc_add_layer (doc, self->schema);
  double sum = 0;
  guint si = 0, qi = 0;
  while (si < n_sentences || qi < n_quotes)
    {
      uint32_t qs = 0, qe = 0;
      if (qi < n_quotes)
        weft_layer_get_span (quotes, qi, &qs, &qe);
      if (si < n_sentences && (qi == n_quotes || sentences[si].start <= qs))
        {
          sum += add_span (self, &vt, layer, sentences[si].start,
                           sentences[si].end, "sentence", NULL);
          si++;
        }
      else
        {
          const char *speaker
              = f_speaker >= 0
                        && weft_layer_is_set (quotes, qi, (guint)f_speaker)
                    ? weft_layer_get_string (quotes, qi, (guint)f_speaker)
                    : NULL;
          add_span (self, &vt, layer, qs, qe, "quote", speaker);
          qi++;
        }
    }
  VaderScores s;
  vader_text_finish (&vt, &s);
  weft_doc_set_value_double (doc, "sentiment", "compound", s.compound);
  weft_doc_set_value_double (doc, "sentiment", "pos", s.pos);
  weft_doc_set_value_double (doc, "sentiment", "neu", s.neu);
  weft_doc_set_value_double (doc, "sentiment", "neg", s.neg);
  if (n_sentences)
    weft_doc_set_value_double (doc, "sentiment", "mean_sentence_compound",
                               vader_round (sum / n_sentences, 4));
  return TRUE;
}

WEFT_PLUGIN_DEFINE (.name = "sentiment", .version = "1.0",
                    .description = "VADER sentiment scores for the document, "
                                   "each sentence and each quote",
                    .requires = WEFT_LAYERS ("sentences"),
                    .uses = WEFT_LAYERS ("quotes"),
                    .provides = WEFT_LAYERS ("sentiment"),
                    .options = sentiment_options, .init = sentiment_init,
                    .process = sentiment_process, .finish = sentiment_finish);
