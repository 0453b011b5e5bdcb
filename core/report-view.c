/* weft — what the text and HTML reports read from a document: the dates,
 * quotes and sentiment layers by name, their fields by name (a third
 * party's layer of the same name may lack some), and each quote's tone
 * from the sentiment layer's quote spans. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  uint32_t start, end;
  double compound;
} ToneSpan;

static int
compare_tone_spans (const void *a, const void *b)
{
  const ToneSpan *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static const WeftLayer *
find_layer (WeftDoc *doc, const char *const *layers, const char *name)
{
  if (layers && !g_strv_contains (layers, name))
    return NULL;
  return weft_doc_get_layer (doc, name);
}

static int
find_field (const WeftLayer *layer, const char *name)
{
  return layer ? weft_layer_schema_find_field (weft_layer_get_schema (layer),
                                               name)
               : -1;
}

const char *
weft_report_view_string (const WeftLayer *layer, guint span, int field)
{
  if (!layer || field < 0 || !weft_layer_is_set (layer, span, field))
    return NULL;
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  if (weft_layer_schema_get_field_type (schema, field) != WEFT_FIELD_STRING)
    return NULL;
  return weft_layer_get_string (layer, span, field);
}

/* A numeric field as a double; FALSE when unset or not a number. */
static gboolean
get_number (const WeftLayer *layer, guint span, int field, double *value)
{
  if (field < 0 || !weft_layer_is_set (layer, span, field))
    return FALSE;
  switch (
      weft_layer_schema_get_field_type (weft_layer_get_schema (layer), field))
    {
    case WEFT_FIELD_DOUBLE:
      *value = weft_layer_get_double (layer, span, field);
      return isfinite (*value);
    case WEFT_FIELD_INT:
      *value = (double)weft_layer_get_int (layer, span, field);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
weft_report_view_is_term (const WeftReportView *view, guint i)
{
  const char *kind
      = weft_report_view_string (view->quotes, i, view->quote_kind);
  return kind && strcmp (kind, "term") == 0;
}

const char *
weft_report_doc_label (WeftDoc *doc)
{
  const char *title = weft_doc_get_meta (doc, "title");
  const char *id = weft_doc_get_id (doc);
  return title && *title ? title : id ? id : "?";
}

guint
weft_tone_bucket (double compound)
{
  if (compound <= -0.5)
    return 0;
  if (compound <= -0.05)
    return 1;
  if (compound < 0.05)
    return 2;
  return compound < 0.5 ? 3 : 4;
}

/* Sentence tones are counted; quote tones are looked up by the quote's
 * exact span among the sentiment layer's quote spans, sorted once. */
static void
read_sentiment (WeftReportView *view)
{
  const WeftLayer *layer = view->sentiment;
  guint n = weft_layer_get_n_spans (layer);
  ToneSpan *spans = weft_doc_alloc (view->doc, (n + 1) * sizeof *spans);
  guint n_quote_spans = 0;
  for (guint i = 0; i < n; i++)
    {
      const char *scope = weft_report_view_string (layer, i, view->sent_scope);
      double compound;
      if (!get_number (layer, i, view->sent_compound, &compound))
        continue;
      if (!scope || strcmp (scope, "sentence") == 0)
        view->n_sentence_tones[weft_tone_bucket (compound)]++;
      else if (strcmp (scope, "quote") == 0)
        {
          ToneSpan *t = &spans[n_quote_spans++];
          weft_layer_get_span (layer, i, &t->start, &t->end);
          t->compound = compound;
        }
    }
  if (!view->quotes || !n_quote_spans)
    return;
  qsort (spans, n_quote_spans, sizeof *spans, compare_tone_spans);
  for (guint q = 0; q < weft_layer_get_n_spans (view->quotes); q++)
    {
      ToneSpan key = { 0 };
      weft_layer_get_span (view->quotes, q, &key.start, &key.end);
      const ToneSpan *hit = bsearch (&key, spans, n_quote_spans, sizeof *spans,
                                     compare_tone_spans);
      if (hit)
        view->quote_tone[q] = hit->compound;
    }
}

void
weft_report_view_init (WeftReportView *view, WeftDoc *doc,
                       const char *const *layers)
{
  memset (view, 0, sizeof *view);
  view->doc = doc;
  view->dates = find_layer (doc, layers, "dates");
  view->date_type = find_field (view->dates, "type");
  view->date_value = find_field (view->dates, "value");
  view->date_end_value = find_field (view->dates, "end_value");
  view->date_mod = find_field (view->dates, "mod");
  view->quotes = find_layer (doc, layers, "quotes");
  view->quote_kind = find_field (view->quotes, "kind");
  view->quote_cue = find_field (view->quotes, "cue");
  view->quote_speaker = find_field (view->quotes, "speaker");
  view->quote_speaker_span = find_field (view->quotes, "speaker_span");
  if (view->quote_speaker_span >= 0
      && weft_layer_schema_get_field_type (weft_layer_get_schema (view->quotes),
                                           view->quote_speaker_span)
             != WEFT_FIELD_SPAN)
    view->quote_speaker_span = -1;
  view->sentiment = find_layer (doc, layers, "sentiment");
  view->sent_scope = find_field (view->sentiment, "scope");
  view->sent_compound = find_field (view->sentiment, "compound");
  view->has_tone
      = weft_doc_get_value_double (doc, "sentiment", "compound", &view->tone);
  if (view->quotes)
    {
      guint n = weft_layer_get_n_spans (view->quotes);
      view->quote_tone = weft_doc_alloc (doc, (n + 1) * sizeof (double));
      for (guint i = 0; i < n; i++)
        {
          view->quote_tone[i] = NAN;
          if (!weft_report_view_is_term (view, i))
            view->n_quotes++;
        }
    }
  if (view->sentiment)
    read_sentiment (view);
}
