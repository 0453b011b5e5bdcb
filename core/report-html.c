/* weft — one article of the HTML report: a header, then the text with its
 * sentences tinted by tone, quotes labelled with their speakers, dates that
 * show their value on hover or focus, and any other layer's spans.  Marks
 * that cross (a quote over two sentences) are closed and reopened so the
 * HTML nests; a reopened piece carries a continuation class.  Every byte of
 * input goes through weft_html_append_escaped(). */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- escaping and tone words ------------------------------------------- */

void
weft_html_append_escaped (GString *out, const char *s, gssize len)
{
  const char *p = s, *end = s + (len < 0 ? (gssize)strlen (s) : len);
  while (p < end)
    {
      const char *run = p;
      while (p < end && (guchar)*p >= 0x20 && (guchar)*p < 0x7f && *p != '&'
             && *p != '<' && *p != '>' && *p != '"' && *p != '\'')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;
      guchar c = *p;
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          p++;
          continue;
        case '<':
          g_string_append (out, "&lt;");
          p++;
          continue;
        case '>':
          g_string_append (out, "&gt;");
          p++;
          continue;
        case '"':
          g_string_append (out, "&quot;");
          p++;
          continue;
        case '\'':
          g_string_append (out, "&#39;");
          p++;
          continue;
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, c);
          p++;
          continue;
        default:
          break;
        }
      gunichar u = c < 0x80 ? c : g_utf8_get_char_validated (p, end - p);
      if (c < 0x80 || u == (gunichar)-1 || u == (gunichar)-2
          || (u >= 0x80 && u < 0xa0))
        {
          /* C0/C1 controls and broken UTF-8 have no business in HTML */
          g_string_append (out, "\xEF\xBF\xBD");
          p++;
          continue;
        }
      int n = g_utf8_skip[c];
      g_string_append_len (out, p, n);
      p += n;
    }
}

const char *
weft_tone_word (double compound)
{
  return compound >= 0.05    ? "positive"
         : compound <= -0.05 ? "negative"
                             : "neutral";
}

const char *
weft_tone_class (double compound)
{
  static const char *const classes[] = { "n2", "n1", "z", "p1", "p2" };
  return classes[weft_tone_bucket (compound)];
}

const char *
weft_tone_format (char buf[16], double compound)
{
  if (fabs (compound) < 0.005)
    return strcpy (buf, "0.00");
  g_snprintf (buf, 16, "%+.2f", compound);
  return buf;
}

/* ---- the article header ------------------------------------------------- */

static void
append_header (GString *out, const WeftReportView *v)
{
  WeftDoc *doc = v->doc;
  const char *id = weft_doc_get_id (doc), *date = weft_doc_get_date (doc);
  const char *url = weft_doc_get_meta (doc, "url");
  const char *source = weft_doc_get_source (doc);
  char buf[16];
  g_string_append (out, "<header class=\"dh\"><a class=\"up\" "
                        "href=\"#overview\" title=\"back to the overview\">"
                        "\xE2\x86\x91 overview</a><h2>");
  weft_html_append_escaped (out, weft_report_doc_label (doc), -1);
  g_string_append (out, "</h2><p class=\"meta\"><code>");
  weft_html_append_escaped (out, id ? id : "?", -1);
  g_string_append (out, "</code>");
  if (date)
    {
      g_string_append (out, " · dated <b>");
      weft_html_append_escaped (out, date, -1);
      g_string_append (out, "</b>");
    }
  if (source)
    {
      g_string_append (out, " · ");
      weft_html_append_escaped (out, source, -1);
    }
  /* only web links: a javascript: URL in the metadata stays text */
  if (url
      && (g_str_has_prefix (url, "https://")
          || g_str_has_prefix (url, "http://")))
    {
      g_string_append (out, " · <a rel=\"noreferrer noopener\" href=\"");
      weft_html_append_escaped (out, url, -1);
      g_string_append (out, "\">source page</a>");
    }
  guint n_sentences;
  weft_doc_get_sentences (doc, &n_sentences);
  g_string_append (out, "</p><p class=\"stats\">");
  if (v->has_tone)
    g_string_append_printf (
        out, "<span class=\"tone t-%s\">tone %s %s</span> · ",
        weft_tone_class (v->tone), weft_tone_format (buf, v->tone),
        weft_tone_word (v->tone));
  if (v->dates)
    {
      guint n = weft_layer_get_n_spans (v->dates);
      g_string_append_printf (out, "%u date%s · ", n, n == 1 ? "" : "s");
    }
  if (v->quotes)
    g_string_append_printf (out, "%u quote%s · ", v->n_quotes,
                            v->n_quotes == 1 ? "" : "s");
  g_string_append_printf (out, "%u sentence%s</p></header>\n", n_sentences,
                          n_sentences == 1 ? "" : "s");
}

/* ---- marks -------------------------------------------------------------- */

/* In nesting order: a sentence holds quotes, a quote holds dates. */
typedef enum
{
  MARK_SENTENCE,
  MARK_QUOTE,
  MARK_OTHER,
  MARK_SPEAKER,
  MARK_DATE,
} MarkKind;

typedef struct
{
  uint32_t start, end;
  MarkKind kind;
  guint span;             /* in @layer */
  const WeftLayer *layer; /* NULL: a sentence without a tone */
} Mark;

static int
compare_by_start (const void *a, const void *b)
{
  const Mark *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/* Outer marks first: by kind, then the earlier and longer one. */
static int
compare_nesting (gconstpointer a, gconstpointer b)
{
  const Mark *x = *(Mark *const *)a, *y = *(Mark *const *)b;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
add_mark (GArray *marks, uint32_t start, uint32_t end, uint32_t len,
          MarkKind kind, const WeftLayer *layer, guint span)
{
  end = MIN (end, len);
  if (start >= end)
    return;
  Mark m = { start, end, kind, span, layer };
  g_array_append_val (marks, m);
}

static gboolean
has_prefix_at (const char *text, uint32_t at, uint32_t len, const char *mark)
{
  size_t n = strlen (mark);
  return at + n <= len && memcmp (text + at, mark, n) == 0;
}

/* Widens a quote over its quotation marks (and a comma or stop before the
 * closing one), so the speaker's label sits before the opening mark. */
static void
widen_quote (const char *text, uint32_t len, uint32_t *start, uint32_t *end)
{
  static const char *const opening[]
      = { "\"", "\xE2\x80\x9C", "\xE2\x80\x98", "'", "\xC2\xAB" };
  static const char *const closing[]
      = { "\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", "\xC2\xBB" };
  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    {
      uint32_t n = strlen (opening[i]);
      if (*start >= n && has_prefix_at (text, *start - n, len, opening[i]))
        {
          *start -= n;
          break;
        }
    }
  uint32_t e = *end;
  if (e < len && text[e] && strchr (",.!?;:", text[e]))
    e++;
  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    if (has_prefix_at (text, e, len, closing[i]))
      {
        *end = e + strlen (closing[i]);
        break;
      }
}

static void
collect_marks (GArray *marks, const WeftReportView *v,
               const char *const *layers)
{
  WeftDoc *doc = v->doc;
  gsize len;
  const char *text = weft_doc_get_text (doc, &len);
  guint n_tone_sentences = 0;
  for (guint i = 0; v->sentiment && i < weft_layer_get_n_spans (v->sentiment);
       i++)
    {
      const char *scope
          = weft_report_view_string (v->sentiment, i, v->sent_scope);
      uint32_t s, e;
      weft_layer_get_span (v->sentiment, i, &s, &e);
      if (scope && strcmp (scope, "sentence") == 0)
        {
          add_mark (marks, s, e, len, MARK_SENTENCE, v->sentiment, i);
          n_tone_sentences++;
        }
    }
  if (!n_tone_sentences && (!layers || g_strv_contains (layers, "sentences")))
    {
      guint n;
      const WeftSentence *sentences = weft_doc_get_sentences (doc, &n);
      for (guint i = 0; i < n; i++)
        add_mark (marks, sentences[i].start, sentences[i].end, len,
                  MARK_SENTENCE, NULL, i);
    }
  for (guint i = 0; v->quotes && i < weft_layer_get_n_spans (v->quotes); i++)
    {
      uint32_t s, e;
      weft_layer_get_span (v->quotes, i, &s, &e);
      if (!weft_report_view_is_term (v, i))
        widen_quote (text, len, &s, &e);
      add_mark (marks, s, e, len, MARK_QUOTE, v->quotes, i);
      if (v->quote_speaker_span >= 0
          && weft_layer_get_span_field (v->quotes, i, v->quote_speaker_span, &s,
                                        &e))
        add_mark (marks, s, e, len, MARK_SPEAKER, v->quotes, i);
    }
  for (guint i = 0; v->dates && i < weft_layer_get_n_spans (v->dates); i++)
    {
      uint32_t s, e;
      weft_layer_get_span (v->dates, i, &s, &e);
      add_mark (marks, s, e, len, MARK_DATE, v->dates, i);
    }
  for (guint l = 0; l < weft_doc_get_n_layers (doc); l++)
    {
      const WeftLayer *layer = weft_doc_get_nth_layer (doc, l);
      if (layer == v->dates || layer == v->quotes || layer == v->sentiment)
        continue;
      const char *name
          = weft_layer_schema_get_name (weft_layer_get_schema (layer));
      if ((layers && !g_strv_contains (layers, name))
          || (!layers
              && (!strcmp (name, "dates") || !strcmp (name, "quotes")
                  || !strcmp (name, "sentiment"))))
        continue;
      for (guint i = 0; i < weft_layer_get_n_spans (layer); i++)
        {
          uint32_t s, e;
          weft_layer_get_span (layer, i, &s, &e);
          add_mark (marks, s, e, len, MARK_OTHER, layer, i);
        }
    }
}

/* A title listing a generic span's fields: "entities: type=PER". */
static void
append_other_title (GString *out, const WeftLayer *layer, guint span)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  GString *t = g_string_new (weft_layer_schema_get_name (schema));
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *sep = ": ";
  for (guint f = 0; f < weft_layer_schema_get_n_fields (schema); f++)
    {
      if (!weft_layer_is_set (layer, span, f))
        continue;
      const char *name = weft_layer_schema_get_field_name (schema, f);
      switch (weft_layer_schema_get_field_type (schema, f))
        {
        case WEFT_FIELD_STRING:
          g_string_append_printf (t, "%s%s=%s", sep, name,
                                  weft_layer_get_string (layer, span, f));
          break;
        case WEFT_FIELD_INT:
          g_string_append_printf (t, "%s%s=%" G_GINT64_FORMAT, sep, name,
                                  weft_layer_get_int (layer, span, f));
          break;
        case WEFT_FIELD_DOUBLE:
          g_string_append_printf (
              t, "%s%s=%s", sep, name,
              g_ascii_dtostr (buf, sizeof buf,
                              weft_layer_get_double (layer, span, f)));
          break;
        case WEFT_FIELD_BOOL:
          g_string_append_printf (
              t, "%s%s=%s", sep, name,
              weft_layer_get_bool (layer, span, f) ? "true" : "false");
          break;
        case WEFT_FIELD_SPAN:
          continue;
        }
      sep = ", ";
    }
  weft_html_append_escaped (out, t->str, t->len);
  g_string_free (t, TRUE);
}

static void
open_mark (GString *out, const WeftReportView *v, const Mark *m,
           gboolean continued)
{
  char buf[16];
  double tone;
  switch (m->kind)
    {
    case MARK_SENTENCE:
      g_string_append (out,
                       continued ? "<span class=\"s sc" : "<span class=\"s");
      if (m->layer && v->sent_compound >= 0
          && weft_layer_is_set (m->layer, m->span, v->sent_compound))
        {
          tone = weft_layer_get_double (m->layer, m->span, v->sent_compound);
          g_string_append_printf (out, " t-%s\" title=\"sentence tone %s\">",
                                  weft_tone_class (tone),
                                  weft_tone_format (buf, tone));
        }
      else
        g_string_append (out, "\">");
      return;
    case MARK_QUOTE:
      {
        if (weft_report_view_is_term (v, m->span))
          {
            g_string_append (out, continued ? "<span class=\"q qc term\">"
                                            : "<span class=\"q term\">");
            return;
          }
        const char *speaker
            = weft_report_view_string (v->quotes, m->span, v->quote_speaker);
        const char *cue
            = weft_report_view_string (v->quotes, m->span, v->quote_cue);
        tone = v->quote_tone[m->span];
        g_string_append_printf (out, "<span class=\"q%s t-%s\"",
                                continued ? " qc" : "",
                                isnan (tone) ? "z" : weft_tone_class (tone));
        if (speaker && !continued)
          {
            g_string_append (out, " data-speaker=\"");
            weft_html_append_escaped (out, speaker, -1);
            g_string_append_c (out, '"');
          }
        g_string_append (out, " title=\"");
        weft_html_append_escaped (out, speaker ? speaker : "unknown speaker",
                                  -1);
        if (cue)
          {
            g_string_append (out, ", ");
            weft_html_append_escaped (out, cue, -1);
          }
        if (!isnan (tone))
          g_string_append_printf (out, " · tone %s",
                                  weft_tone_format (buf, tone));
        g_string_append (out, "\">");
        return;
      }
    case MARK_SPEAKER:
      g_string_append (out, "<span class=\"who\" title=\"speaker\">");
      return;
    case MARK_DATE:
      {
        const char *value
            = weft_report_view_string (v->dates, m->span, v->date_value);
        const char *end_value
            = weft_report_view_string (v->dates, m->span, v->date_end_value);
        const char *type
            = weft_report_view_string (v->dates, m->span, v->date_type);
        const char *mod
            = weft_report_view_string (v->dates, m->span, v->date_mod);
        GString *shown = g_string_new (value ? value : "?");
        if (end_value)
          g_string_append_printf (shown, " \xE2\x86\x92 %s", end_value);
        g_string_append (out, continued ? "<span class=\"d dc\""
                                        : "<span class=\"d\" tabindex=\"0\"");
        g_string_append (out, " data-v=\"");
        weft_html_append_escaped (out, shown->str, shown->len);
        g_string_append (out, "\" title=\"");
        weft_html_append_escaped (out, shown->str, shown->len);
        if (type || mod)
          {
            g_string_append (out, " (");
            weft_html_append_escaped (out, type ? type : "", -1);
            g_string_append (out, type && mod ? ", " : "");
            weft_html_append_escaped (out, mod ? mod : "", -1);
            g_string_append_c (out, ')');
          }
        g_string_append (out, "\">");
        g_string_free (shown, TRUE);
        return;
      }
    case MARK_OTHER:
      g_string_append_printf (out, "<span class=\"x%s\" title=\"",
                              continued ? " xc" : "");
      append_other_title (out, m->layer, m->span);
      g_string_append (out, "\">");
      return;
    }
}

/* Appends text, a run of white space holding line breaks as one break or
 * one blank line, so the layout of paragraphs survives pre-wrap without
 * the gaps of web-scraped text. */
static void
append_text (GString *out, const char *text, uint32_t from, uint32_t to)
{
  uint32_t p = from;
  while (p < to)
    {
      uint32_t q = p;
      while (q < to && !g_ascii_isspace (text[q]))
        q++;
      weft_html_append_escaped (out, text + p, q - p);
      uint32_t r = q;
      guint breaks = 0;
      while (r < to && g_ascii_isspace (text[r]))
        breaks += text[r++] == '\n';
      if (breaks == 0)
        g_string_append_len (out, text + q, r - q);
      else
        g_string_append (out, breaks == 1 ? "\n" : "\n\n");
      p = r;
    }
}

static int
compare_offsets (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Cuts the text at every mark's start and end; before each piece, closes
 * the open marks that no longer nest as wanted and opens the missing ones. */
static void
append_marked_text (GString *out, const WeftReportView *v, GArray *marks)
{
  gsize len;
  const char *text = weft_doc_get_text (v->doc, &len);
  g_array_sort (marks, compare_by_start);
  guint n = marks->len;
  uint32_t *cuts = g_new (uint32_t, 2 * n + 2);
  guint n_cuts = 0;
  cuts[n_cuts++] = 0;
  cuts[n_cuts++] = len;
  for (guint i = 0; i < n; i++)
    {
      cuts[n_cuts++] = g_array_index (marks, Mark, i).start;
      cuts[n_cuts++] = g_array_index (marks, Mark, i).end;
    }
  qsort (cuts, n_cuts, sizeof *cuts, compare_offsets);
  GPtrArray *active = g_ptr_array_new ();
  Mark **open = g_new (Mark *, n + 1);
  guint n_open = 0, next = 0;
  for (guint c = 0; c + 1 < n_cuts; c++)
    {
      uint32_t pos = cuts[c], stop = cuts[c + 1];
      if (pos == stop)
        continue;
      for (guint i = 0; i < active->len;)
        if (((Mark *)active->pdata[i])->end <= pos)
          g_ptr_array_remove_index_fast (active, i);
        else
          i++;
      for (; next < n && g_array_index (marks, Mark, next).start <= pos; next++)
        if (g_array_index (marks, Mark, next).end > pos)
          g_ptr_array_add (active, &g_array_index (marks, Mark, next));
      g_ptr_array_sort (active, compare_nesting);
      guint keep = 0;
      while (keep < n_open && keep < active->len
             && open[keep] == active->pdata[keep])
        keep++;
      for (; n_open > keep; n_open--)
        g_string_append (out, "</span>");
      for (; n_open < active->len; n_open++)
        {
          open[n_open] = active->pdata[n_open];
          open_mark (out, v, open[n_open], open[n_open]->start < pos);
        }
      append_text (out, text, pos, stop);
    }
  for (; n_open > 0; n_open--)
    g_string_append (out, "</span>");
  g_free (open);
  g_ptr_array_unref (active);
  g_free (cuts);
}

void
weft_report_html_write (GString *out, WeftDoc *doc, const char *const *layers)
{
  WeftReportView v;
  weft_report_view_init (&v, doc, layers);
  weft_report_summary_append (out, &v);
  append_header (out, &v);
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  collect_marks (marks, &v, layers);
  g_string_append (out, "<div class=\"text\">");
  append_marked_text (out, &v, marks);
  g_string_append (out, "</div>\n");
  g_array_unref (marks);
}

void
weft_report_html_write_error (GString *out, const char *id, const char *source,
                              const char *stage, const char *message)
{
  weft_report_summary_append_error (out, id);
  g_string_append (out,
                   "<header class=\"dh\"><a class=\"up\" href=\"#overview\">"
                   "\xE2\x86\x91 overview</a><h2>");
  weft_html_append_escaped (out, id ? id : "?", -1);
  g_string_append (out, "</h2><p class=\"meta\">");
  weft_html_append_escaped (out, source ? source : "-", -1);
  g_string_append (out, "</p></header>\n<p class=\"error\">Not processed: "
                        "stage <b>");
  weft_html_append_escaped (out, stage, -1);
  g_string_append (out, "</b> failed: ");
  weft_html_append_escaped (out, message, -1);
  g_string_append (out, "</p>\n");
}
