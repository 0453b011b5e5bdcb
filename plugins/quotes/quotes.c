/* quotes — the plugin: finds quotations and reported speech in news text
 * and who said them.  Passes, each in its own file: marks.c (quote marks
 * into quotations), attribution.c (cues and mentions, indirect speech),
 * speakers.c (mentions to names).  Word lists are data, read at init. */
#include "attribution.h"
#include "labels.h"
#include "lexicon.h"
#include "marks.h"
#include "mention.h"
#include "speakers.h"
#include "weft/plugin.h"

typedef struct
{
  QuotesLexicon *lexicon;
  WeftLayerSchema *schema;
  guint kind, cue, speaker, speaker_span, cue_span;
  gboolean terms, indirect;
} QuotesState;

static const char *const kind_names[]
    = { "direct", "mixed", "indirect", "term" };

Quote *
quotes_context_add (QuotesContext *ctx)
{
  if (ctx->n_quotes == ctx->quotes_size)
    {
      /* GLib's allocator, not the arena: growing leaves no copies behind. */
      ctx->quotes_size = ctx->quotes_size ? ctx->quotes_size * 2 : 16;
      ctx->quotes = g_renew (Quote, ctx->quotes, ctx->quotes_size);
    }
  Quote *q = &ctx->quotes[ctx->n_quotes++];
  memset (q, 0, sizeof *q);
  return q;
}

guint
quotes_context_look_up_word (const QuotesContext *ctx, guint i)
{
  /* Only words the marks pass found the word filter to let pass are asked
   * (their id is 0): the filter is not tested again. */
  const WeftToken *t = &ctx->tokens[i];
  guint id = quotes_lexicon_find_id (ctx->lexicon, ctx_key (ctx, i),
                                     ctx->text + t->start, t->end - t->start);
  return quotes_context_remember_word (ctx, i, id);
}

guint
quotes_context_remember_word (const QuotesContext *ctx, guint i, guint id)
{
  WordSlots *slots = ctx->word_slots;
  guint code = id == 0 ? 1 : slots->codes[id];
  if (code == 0 && slots->n < G_N_ELEMENTS (slots->ids))
    {
      code = slots->n++;
      slots->codes[id] = code;
      slots->ids[code] = id + 1;
    }
  ctx->word_codes[i] = code;
  return id + 1;
}

void
quotes_token_list_grow (TokenList *list)
{
  list->size *= 2;
  if (list->heap)
    {
      list->items = g_renew (guint, list->items, list->size);
      return;
    }
  guint *items = g_new (guint, list->size);
  memcpy (items, list->items, list->n * sizeof (guint));
  list->items = items;
  list->heap = TRUE;
}

static gboolean
quotes_init (const WeftOptions *options, gpointer *state, GError **error)
{
  const char *dir = weft_options_get_path (options, "lexicon-dir");
  if (!dir)
    dir = weft_options_get_data_dir (options);
  QuotesLexicon *lexicon = quotes_lexicon_load (dir, error);
  if (!lexicon)
    return FALSE;
  QuotesState *st = g_new0 (QuotesState, 1);
  st->lexicon = lexicon;
  st->terms = weft_options_get_bool (options, "terms");
  st->indirect = weft_options_get_bool (options, "indirect");
  st->schema = weft_layer_schema_new ("quotes");
  st->kind
      = weft_layer_schema_add_field (st->schema, "kind", WEFT_FIELD_STRING);
  st->cue = weft_layer_schema_add_field (st->schema, "cue", WEFT_FIELD_STRING);
  st->speaker
      = weft_layer_schema_add_field (st->schema, "speaker", WEFT_FIELD_STRING);
  st->speaker_span = weft_layer_schema_add_field (st->schema, "speaker_span",
                                                  WEFT_FIELD_SPAN);
  st->cue_span
      = weft_layer_schema_add_field (st->schema, "cue_span", WEFT_FIELD_SPAN);
  *state = st;
  return TRUE;
}

static void
quotes_finish (gpointer state)
{
  QuotesState *st = state;
  quotes_lexicon_free (st->lexicon);
  weft_layer_schema_free (st->schema);
  g_free (st);
}

static void
write_layer (const QuotesState *st, QuotesContext *ctx)
{
  WeftLayer *layer = weft_doc_add_layer (ctx->doc, st->schema);
  for (guint i = 0; i < ctx->n_quotes; i++)
    {
      const Quote *q = &ctx->quotes[i];
      if ((q->kind == QUOTE_TERM && !st->terms)
          || (q->label && q->mention.kind == MENTION_NONE))
        continue; /* a label that names nobody: "WN: …" */
      guint span = weft_layer_add_span (layer, q->start, q->end);
      /* Names, cues and speakers are the lexicon's or in the document's
       * arena: they outlive the document's layers. */
      weft_layer_set_static_string (layer, span, st->kind, kind_names[q->kind]);
      if (q->cue)
        {
          weft_layer_set_static_string (layer, span, st->cue, q->cue);
          weft_layer_set_span (layer, span, st->cue_span,
                               ctx->tokens[q->cue_first].start,
                               ctx->tokens[q->cue_last - 1].end);
        }
      if (q->speaker)
        weft_layer_set_static_string (layer, span, st->speaker, q->speaker);
      if (q->mention.kind != MENTION_NONE)
        weft_layer_set_span (layer, span, st->speaker_span,
                             ctx->tokens[q->mention.first].start,
                             ctx->tokens[q->mention.last - 1].end);
    }
}

static gboolean
quotes_process (gpointer state, WeftDoc *doc, GError **error)
{
  const QuotesState *st = state;
  (void)error;
  QuotesContext ctx
      = { .lexicon = st->lexicon,
          .cue_filter = quotes_lexicon_get_cue_filter (st->lexicon),
          .word_filter = quotes_lexicon_get_filter (st->lexicon),
          .role_filter = quotes_lexicon_get_role_filter (st->lexicon),
          .words = quotes_lexicon_get_words (st->lexicon),
          .doc = doc };
  ctx.text = weft_doc_get_text (doc, &ctx.len);
  ctx.tokens = weft_doc_get_tokens (doc, &ctx.n_tokens);
  ctx.sentences = weft_doc_get_sentences (doc, &ctx.n_sentences);
  guint n = ctx.n_tokens;
  if (n == 0)
    {
      weft_doc_add_layer (doc, st->schema);
      return TRUE;
    }
  /* Scratch on the heap, not in the document's arena: it is freed before
   * the next stage runs, which matters for a huge document. */
  guint words = n / 64 + 1;
  guint n_entries = quotes_lexicon_get_n_words (st->lexicon);
  /* One block: the bit sets (zeroed), the word codes (every one set by
   * the marks pass, a whole block of 64 at a time), the first items of
   * the token lists, the word slots. */
  TokenBits *bits = g_malloc (
      words * (5 * sizeof (TokenBits) + 64) + 2 * TOKEN_LIST_START * sizeof (guint)
      + sizeof (WordSlots) + n_entries);
  memset (bits, 0, 5 * words * sizeof (TokenBits));
  ctx.quoted = bits;
  ctx.terms = bits + words;
  ctx.used = bits + 2 * words;
  ctx.capitals = bits + 3 * words;
  ctx.cue_words = bits + 4 * words;
  ctx.word_codes = (guint8 *)(bits + 5 * words);
  guint *lists = (guint *)(ctx.word_codes + 64 * words);
  ctx.cues = (TokenList){ lists, 0, TOKEN_LIST_START, FALSE };
  ctx.line_starts
      = (TokenList){ lists + TOKEN_LIST_START, 0, TOKEN_LIST_START, FALSE };
  ctx.word_slots = (WordSlots *)(lists + 2 * TOKEN_LIST_START);
  ctx.word_slots->ids[1] = 1;
  ctx.word_slots->n = 2;
  memset (ctx.word_slots->codes, 0, n_entries);
  quotes_find_marks (&ctx);
  quotes_attribute (&ctx);
  quotes_find_labels (&ctx);
  if (st->indirect)
    quotes_find_indirect (&ctx);
  /* "Trump's statement read “…”": the text's owner speaks. */
  for (guint i = 0; i < ctx.n_quotes; i++)
    if (ctx.quotes[i].cue_first < ctx.quotes[i].cue_last)
      quotes_text_owner (&ctx, ctx.quotes[i].cue_first, &ctx.quotes[i].mention);
  quotes_resolve_speakers (&ctx);
  write_layer (st, &ctx);
  g_free (ctx.quotes);
  if (ctx.cues.heap)
    g_free (ctx.cues.items);
  if (ctx.line_starts.heap)
    g_free (ctx.line_starts.items);
  g_free (bits);
  return TRUE;
}

static const WeftOptionSpec quotes_options[] = {
  { "terms", WEFT_OPTION_BOOL, "true",
    "Report quoted names, titles and scare quotes with kind \"term\"" },
  { "indirect", WEFT_OPTION_BOOL, "true",
    "Report reported speech without quote marks (kind \"indirect\")" },
  { "lexicon-dir", WEFT_OPTION_PATH, NULL,
    "Folder with the word lists (cues.txt, roles.txt, …); default: the "
    "plugin's own" },
  { NULL },
};

WEFT_PLUGIN_DEFINE (.name = "quotes", .version = "0.1.0",
                    .description = "Quotations and reported speech with "
                                   "their cues and speakers",
                    .requires = WEFT_LAYERS ("tokens", "sentences"),
                    .provides = WEFT_LAYERS ("quotes"),
                    .options = quotes_options, .init = quotes_init,
                    .process = quotes_process, .finish = quotes_finish);
