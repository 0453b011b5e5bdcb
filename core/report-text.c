/* weft — the text summary (--format text): per document its header, tone,
 * the dates with their values, a table of quotes, and any other layer listed
 * span by span, so a third party's layer still shows.  Columns are aligned
 * by display width; control characters never reach the terminal. */
#include "report.h"

#include <math.h>
#include <string.h>

#include "writer.h"

#define DATE_TEXT_MAX 28
#define SPEAKER_MAX 24
#define CUE_MAX 12
#define WORDS_MAX 54

/* Appends @s (@len bytes, or all when < 0) on one line, at most @max columns
 * wide (an ellipsis ends a cut); white space becomes a space, control
 * characters and broken UTF-8 U+FFFD.  Returns the columns written. */
static guint
append_clean (GString *out, const char *s, gssize len, guint max)
{
  const char *p = s, *end = s + (len < 0 ? (gssize)strlen (s) : len);
  guint cols = 0;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next = c == (gunichar)-1 || c == (gunichar)-2
                             ? p + 1
                             : g_utf8_next_char (p);
      guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
      /* keep a column for the ellipsis unless this is the last character */
      if (cols + w > max - (next < end ? 1 : 0))
        {
          g_string_append (out, "…");
          return cols + 1;
        }
      if (c == (gunichar)-1 || c == (gunichar)-2
          || (g_unichar_iscntrl (c) && !g_unichar_isspace (c)))
        g_string_append (out, "\xEF\xBF\xBD");
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, next - p);
      cols += w;
      p = next;
    }
  return cols;
}

static guint
clean_width (const char *s, guint max)
{
  GString *scratch = g_string_new (NULL);
  guint w = append_clean (scratch, s ? s : "", -1, max);
  g_string_free (scratch, TRUE);
  return w;
}

static void
append_padded (GString *out, const char *s, guint width, guint max)
{
  guint w = append_clean (out, s ? s : "", -1, max);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

/* ---- document values, dates, quotes -------------------------------------- */

static void
append_tone (GString *out, const WeftReportView *v)
{
  char buf[16];
  double pos, neu, neg;
  g_string_append_printf (out, "   tone: %s %s",
                          weft_tone_format (buf, v->tone),
                          weft_tone_word (v->tone));
  if (weft_doc_get_value_double (v->doc, "sentiment", "pos", &pos)
      && weft_doc_get_value_double (v->doc, "sentiment", "neu", &neu)
      && weft_doc_get_value_double (v->doc, "sentiment", "neg", &neg))
    g_string_append_printf (out, "  (pos %.3f, neu %.3f, neg %.3f)", pos, neu,
                            neg);
  const guint *b = v->n_sentence_tones;
  if (b[0] + b[1] + b[2] + b[3] + b[4])
    g_string_append_printf (out,
                            "; sentences: %u positive, %u neutral, "
                            "%u negative",
                            b[3] + b[4], b[2], b[0] + b[1]);
  g_string_append_c (out, '\n');
}

static void
append_doc_values (GString *out, const WeftReportView *v)
{
  for (guint i = 0; i < weft_doc_get_n_values (v->doc); i++)
    {
      const char *group, *key, *json;
      weft_doc_get_nth_value (v->doc, i, &group, &key, &json);
      if (v->has_tone && strcmp (group, "sentiment") == 0)
        continue; /* the tone line says it */
      g_string_append (out, "   ");
      append_clean (out, group, -1, 40);
      g_string_append_c (out, '.');
      append_clean (out, key, -1, 40);
      g_string_append (out, " = ");
      append_clean (out, json, -1, 200);
      g_string_append_c (out, '\n');
    }
  if (v->has_tone)
    append_tone (out, v);
}

/* "2019-01-03", "2021-07-26 → 2021-08-06 BEFORE" */
static char *
date_value (const WeftReportView *v, guint i)
{
  const char *value = weft_report_view_string (v->dates, i, v->date_value);
  const char *end = weft_report_view_string (v->dates, i, v->date_end_value);
  const char *mod = weft_report_view_string (v->dates, i, v->date_mod);
  return g_strdup_printf ("%s%s%s%s%s", value ? value : "?", end ? " → " : "",
                          end ? end : "", mod ? " " : "", mod ? mod : "");
}

static void
append_dates (GString *out, const WeftReportView *v)
{
  const WeftLayer *layer = v->dates;
  guint n = weft_layer_get_n_spans (layer);
  gsize len;
  const char *text = weft_doc_get_text (v->doc, &len);
  guint text_w = 0, value_w = 0;
  for (guint i = 0; i < n; i++)
    {
      uint32_t s, e;
      weft_layer_get_span (layer, i, &s, &e);
      g_autofree char *span = g_strndup (text + s, e - s);
      g_autofree char *value = date_value (v, i);
      text_w = MAX (text_w, clean_width (span, DATE_TEXT_MAX));
      value_w = MAX (value_w, clean_width (value, 40));
    }
  g_string_append_printf (out, "   dates (%u)\n", n);
  for (guint i = 0; i < n; i++)
    {
      uint32_t s, e;
      weft_layer_get_span (layer, i, &s, &e);
      g_autofree char *value = date_value (v, i);
      const char *type = weft_report_view_string (layer, i, v->date_type);
      g_string_append (out, "     ");
      guint w = append_clean (out, text + s, e - s, DATE_TEXT_MAX);
      for (; w < text_w + 2; w++)
        g_string_append_c (out, ' ');
      if (type)
        {
          append_padded (out, value, value_w + 2, 40);
          append_clean (out, type, -1, 12);
        }
      else
        append_clean (out, value, -1, 40);
      g_string_append_c (out, '\n');
    }
}

/* The tone column: "+0.03 neutral" or "-" when the quote has no score. */
static char *
quote_tone (const WeftReportView *v, guint i)
{
  char buf[16];
  double tone = v->quote_tone[i];
  if (isnan (tone))
    return g_strdup ("-");
  /* " 0.00" lines up with "+0.42" */
  weft_tone_format (buf, tone);
  return g_strdup_printf ("%s%s %s", buf[0] == '+' || buf[0] == '-' ? "" : " ",
                          buf, weft_tone_word (tone));
}

static void
append_quotes (GString *out, const WeftReportView *v)
{
  const WeftLayer *layer = v->quotes;
  guint n = weft_layer_get_n_spans (layer);
  gsize len;
  const char *text = weft_doc_get_text (v->doc, &len);
  guint speaker_w = strlen ("speaker"), cue_w = strlen ("cue"),
        tone_w = strlen ("tone"), n_terms = n - v->n_quotes;
  for (guint i = 0; i < n; i++)
    {
      if (weft_report_view_is_term (v, i))
        continue;
      g_autofree char *tone = quote_tone (v, i);
      speaker_w = MAX (speaker_w, clean_width (weft_report_view_string (
                                                   layer, i, v->quote_speaker),
                                               SPEAKER_MAX));
      cue_w = MAX (
          cue_w, clean_width (weft_report_view_string (layer, i, v->quote_cue),
                              CUE_MAX));
      tone_w = MAX (tone_w, clean_width (tone, 20));
    }
  g_string_append_printf (out, "   quotes (%u)\n", v->n_quotes);
  if (v->n_quotes)
    {
      g_string_append (out, "     ");
      append_padded (out, "speaker", speaker_w + 2, SPEAKER_MAX);
      append_padded (out, "cue", cue_w + 2, CUE_MAX);
      append_padded (out, "tone", tone_w + 2, 20);
      g_string_append (out, "words\n");
    }
  for (guint i = 0; i < n; i++)
    {
      if (weft_report_view_is_term (v, i))
        continue;
      uint32_t s, e;
      weft_layer_get_span (layer, i, &s, &e);
      const char *speaker
          = weft_report_view_string (layer, i, v->quote_speaker);
      const char *kind = weft_report_view_string (layer, i, v->quote_kind);
      g_autofree char *tone = quote_tone (v, i);
      g_string_append (out, "     ");
      append_padded (out, speaker ? speaker : "?", speaker_w + 2, SPEAKER_MAX);
      append_padded (out, weft_report_view_string (layer, i, v->quote_cue),
                     cue_w + 2, CUE_MAX);
      append_padded (out, tone, tone_w + 2, 20);
      gboolean direct = !kind || strcmp (kind, "indirect") != 0;
      g_string_append (out, direct ? "“" : "");
      append_clean (out, text + s, e - s, WORDS_MAX);
      g_string_append (out, direct ? "”" : " (indirect)");
      g_string_append_c (out, '\n');
    }
  if (!n_terms)
    return;
  g_string_append_printf (out, "   terms (%u):", n_terms);
  guint cols = 14;
  for (guint i = 0; i < n; i++)
    if (weft_report_view_is_term (v, i))
      {
        uint32_t s, e;
        weft_layer_get_span (layer, i, &s, &e);
        if (cols > 90)
          {
            g_string_append (out, " …");
            break;
          }
        g_string_append (out, " “");
        cols += 4 + append_clean (out, text + s, e - s, 30);
        g_string_append (out, "”");
      }
  g_string_append_c (out, '\n');
}

/* ---- any other layer ---------------------------------------------------- */

static void
append_generic (GString *out, WeftDoc *doc, const WeftLayer *layer)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  guint n = weft_layer_get_n_spans (layer);
  gsize len;
  const char *text = weft_doc_get_text (doc, &len);
  g_string_append (out, "   ");
  append_clean (out, weft_layer_schema_get_name (schema), -1, 40);
  g_string_append_printf (out, " (%u)\n", n);
  for (guint s = 0; s < n; s++)
    {
      uint32_t start, end;
      weft_layer_get_span (layer, s, &start, &end);
      g_string_append_printf (out, "     %6u  \"",
                              weft_doc_byte_to_char (doc, start));
      append_clean (out, text + start, end - start, 49);
      g_string_append_c (out, '"');
      for (guint f = 0; f < weft_layer_schema_get_n_fields (schema); f++)
        {
          if (!weft_layer_is_set (layer, s, f)
              || weft_layer_schema_get_field_type (schema, f)
                     == WEFT_FIELD_SPAN)
            continue;
          g_string_append (out, "  ");
          append_clean (out, weft_layer_schema_get_field_name (schema, f), -1,
                        40);
          g_string_append_c (out, '=');
          /* JSON: control characters come out as \u escapes */
          weft_write_field_value (out, layer, s, f);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_sentence_tones (GString *out, const WeftReportView *v)
{
  guint n = weft_layer_get_n_spans (v->sentiment);
  const guint *b = v->n_sentence_tones;
  guint sentences = b[0] + b[1] + b[2] + b[3] + b[4];
  g_string_append_printf (out,
                          "   sentiment (%u): %u sentence%s, %u quote%s "
                          "scored\n",
                          n, sentences, sentences == 1 ? "" : "s",
                          n - sentences, n - sentences == 1 ? "" : "s");
}

void
weft_report_text_write (GString *out, WeftDoc *doc, const char *const *layers)
{
  WeftReportView v;
  weft_report_view_init (&v, doc, layers);
  const char *title = weft_doc_get_meta (doc, "title");
  const char *id = weft_doc_get_id (doc), *source = weft_doc_get_source (doc),
             *date = weft_doc_get_date (doc);
  guint n_tokens, n_sentences;
  weft_doc_get_tokens (doc, &n_tokens);
  weft_doc_get_sentences (doc, &n_sentences);
  g_string_append (out, "== ");
  append_clean (out, id ? id : "?", -1, 80);
  if (title)
    {
      g_string_append (out, " — ");
      append_clean (out, title, -1, 120);
    }
  g_string_append (out, "\n   source: ");
  append_clean (out, source ? source : "-", -1, 200);
  g_string_append (out, "   date: ");
  append_clean (out, date ? date : "unknown", -1, 40);
  g_string_append_printf (out, "\n   %u tokens, %u sentences\n", n_tokens,
                          n_sentences);
  append_doc_values (out, &v);
  for (guint i = 0; i < weft_doc_get_n_layers (doc); i++)
    {
      const WeftLayer *layer = weft_doc_get_nth_layer (doc, i);
      const char *name
          = weft_layer_schema_get_name (weft_layer_get_schema (layer));
      if (layers && !g_strv_contains (layers, name))
        continue;
      if (layer == v.dates && v.date_value >= 0)
        append_dates (out, &v);
      else if (layer == v.quotes && v.quote_speaker >= 0)
        append_quotes (out, &v);
      else if (layer == v.sentiment && v.sent_compound >= 0)
        append_sentence_tones (out, &v);
      else
        append_generic (out, doc, layer);
    }
  g_string_append_c (out, '\n');
}

void
weft_report_text_write_error (GString *out, const char *id, const char *source,
                              const char *stage, const char *message)
{
  g_string_append (out, "== ");
  append_clean (out, id ? id : "?", -1, 80);
  g_string_append (out, "\n   source: ");
  append_clean (out, source ? source : "-", -1, 200);
  g_string_append (out, "\n   ERROR in ");
  append_clean (out, stage, -1, 40);
  g_string_append (out, ": ");
  append_clean (out, message, -1, 1000);
  g_string_append (out, "\n\n");
}
