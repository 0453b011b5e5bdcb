/* weft — the summary lines an HTML record carries in front of its article
 * (the format is in report.h): what the overview needs of a document,
 * written by the worker that rendered it, read by report-corpus.c. */
#include "report.h"

#include <math.h>
#include <string.h>

/* Appends a tab, then @s with tabs and line breaks as spaces, cut to @max
 * characters. */
static void
append_cell (GString *out, const char *s, guint max)
{
  g_string_append_c (out, '\t');
  for (guint n = 0; s && *s && n < max; n++)
    {
      const char *next = g_utf8_find_next_char (s, NULL);
      gsize len = next ? (gsize)(next - s) : strlen (s);
      if (*s == '\t' || *s == '\n' || *s == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, s, len);
      s += len;
    }
}

static void
append_tone_cell (GString *out, gboolean known, double tone)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_c (out, '\t');
  if (known)
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, tone));
}

void
weft_report_summary_append (GString *out, const WeftReportView *v)
{
  guint n_sentences, n_dates = v->dates ? weft_layer_get_n_spans (v->dates) : 0;
  weft_doc_get_sentences (v->doc, &n_sentences);
  g_string_append_printf (out, "D\t%u", n_sentences);
  append_tone_cell (out, v->has_tone, v->tone);
  append_cell (out, weft_doc_get_date (v->doc), 10);
  g_string_append_printf (out, "\t%u\t%u", n_dates, v->n_quotes);
  append_cell (out, weft_report_doc_label (v->doc), 120);
  g_string_append_c (out, '\n');
  for (guint i = 0; v->quotes && i < weft_layer_get_n_spans (v->quotes); i++)
    if (!weft_report_view_is_term (v, i))
      {
        g_string_append_c (out, 'Q');
        append_cell (
            out, weft_report_view_string (v->quotes, i, v->quote_speaker), 80);
        append_tone_cell (out, !isnan (v->quote_tone[i]), v->quote_tone[i]);
        g_string_append_c (out, '\n');
      }
  for (guint i = 0; i < n_dates; i++)
    {
      const char *value = weft_report_view_string (v->dates, i, v->date_value);
      if (value && g_ascii_isdigit (value[0]))
        {
          g_string_append_c (out, 'V');
          append_cell (out, value, 40);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_c (out, '\0');
}

void
weft_report_summary_append_error (GString *out, const char *id)
{
  g_string_append_c (out, 'E');
  append_cell (out, id ? id : "?", 120);
  g_string_append_c (out, '\n');
  g_string_append_c (out, '\0');
}
