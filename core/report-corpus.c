/* weft — the HTML report around the articles: the head of the file, then
 * each article as it comes (numbered d1, d2, … for the overview's links),
 * then the corpus overview at the end of the file, which CSS shows first.
 * Only aggregates are kept: per speaker, per month, per tone bucket, and a
 * row for each of the first MAX_DOC_ROWS documents. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DOC_ROWS 1000
#define MAX_SPEAKER_ROWS 100

typedef struct
{
  char *name;
  guint64 quotes, toned, docs, first_doc, last_doc;
  double tone_sum;
} Speaker;

typedef struct
{
  char *label, *date;
  guint64 seq;
  guint n_dates, n_quotes;
  gboolean failed, has_tone;
  double tone;
} DocRow;

struct _WeftReport
{
  char *pipeline;
  guint64 n_docs, n_failed, n_quotes, n_unattributed, n_dates;
  guint64 n_toned, tone_buckets[5];
  double tone_sum;
  GHashTable *speakers; /* name -> Speaker* */
  WeftDateStats *dates;
  GArray *rows; /* DocRow */
};

static void
speaker_free (gpointer data)
{
  Speaker *s = data;
  g_free (s->name);
  g_free (s);
}

static void
row_clear (gpointer data)
{
  DocRow *row = data;
  g_free (row->label);
  g_free (row->date);
}

WeftReport *
weft_report_new (const char *pipeline_name)
{
  WeftReport *report = g_new0 (WeftReport, 1);
  report->pipeline = g_strdup (pipeline_name ? pipeline_name : "");
  report->speakers
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, speaker_free);
  report->dates = weft_date_stats_new ();
  report->rows = g_array_new (FALSE, TRUE, sizeof (DocRow));
  g_array_set_clear_func (report->rows, row_clear);
  return report;
}

void
weft_report_free (WeftReport *report)
{
  if (!report)
    return;
  g_free (report->pipeline);
  g_hash_table_unref (report->speakers);
  weft_date_stats_free (report->dates);
  g_array_unref (report->rows);
  g_free (report);
}

void
weft_report_begin (WeftReport *report, GString *out)
{
  g_string_append (out,
                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, "
                   "initial-scale=1\">\n"
                   /* nothing is fetched and no script runs, whatever the
                    * input held */
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src 'unsafe-inline'; "
                   "img-src data:\">\n"
                   "<meta name=\"generator\" content=\"weft " WEFT_VERSION
                   "\">\n<title>weft report: ");
  weft_html_append_escaped (out, report->pipeline, -1);
  g_string_append (out, "</title>\n<style>\n");
  for (guint i = 0; weft_report_css[i]; i++)
    g_string_append (out, weft_report_css[i]);
  g_string_append (out, "</style>\n</head>\n<body>\n<main class=\"report\">\n"
                        "<div class=\"articles\">\n");
}

/* ---- taking records -------------------------------------------------------
 */

static double
parse_tone (const char *s, gboolean *known)
{
  char *end;
  double v = *s ? g_ascii_strtod (s, &end) : NAN;
  *known = *s && !*end && isfinite (v);
  return *known ? v : 0;
}

static void
add_quote (WeftReport *report, const char *speaker, const char *tone_text)
{
  report->n_quotes++;
  if (!*speaker)
    {
      report->n_unattributed++;
      return;
    }
  Speaker *s = g_hash_table_lookup (report->speakers, speaker);
  if (!s)
    {
      s = g_new0 (Speaker, 1);
      s->name = g_strdup (speaker);
      s->first_doc = report->n_docs;
      g_hash_table_insert (report->speakers, s->name, s);
    }
  s->quotes++;
  if (s->last_doc != report->n_docs)
    {
      s->docs++;
      s->last_doc = report->n_docs;
    }
  gboolean known;
  double tone = parse_tone (tone_text, &known);
  if (known)
    {
      s->toned++;
      s->tone_sum += tone;
    }
}

static void
add_doc (WeftReport *report, char **cells, gboolean failed)
{
  DocRow row = { .seq = report->n_docs, .failed = failed };
  if (failed)
    {
      report->n_failed++;
      row.label = g_strdup (cells[1] ? cells[1] : "?");
    }
  else if (g_strv_length (cells) >= 7)
    {
      row.tone = parse_tone (cells[2], &row.has_tone);
      row.date = *cells[3] ? g_strdup (cells[3]) : NULL;
      row.n_dates = (guint)g_ascii_strtoull (cells[4], NULL, 10);
      row.n_quotes = (guint)g_ascii_strtoull (cells[5], NULL, 10);
      row.label = g_strdup (cells[6]);
      report->n_dates += row.n_dates;
      if (row.has_tone)
        {
          report->n_toned++;
          report->tone_sum += row.tone;
          report->tone_buckets[weft_tone_bucket (row.tone)]++;
        }
    }
  if (!row.label)
    row.label = g_strdup ("?");
  if (report->rows->len < MAX_DOC_ROWS)
    g_array_append_val (report->rows, row);
  else
    row_clear (&row);
}

void
weft_report_add (WeftReport *report, GString *record)
{
  const char *nul = memchr (record->str, '\0', record->len);
  if (!nul)
    return;
  report->n_docs++;
  g_autofree char *summary = g_strndup (record->str, nul - record->str);
  g_auto (GStrv) lines = g_strsplit (summary, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", -1);
      if (!cells[0] || !cells[1])
        continue;
      if (strcmp (cells[0], "D") == 0 || strcmp (cells[0], "E") == 0)
        add_doc (report, cells, cells[0][0] == 'E');
      else if (strcmp (cells[0], "Q") == 0)
        add_quote (report, cells[1], cells[2] ? cells[2] : "");
      else if (strcmp (cells[0], "V") == 0)
        weft_date_stats_add (report->dates, cells[1], report->n_docs);
    }
  g_string_erase (record, 0, nul - record->str + 1);
  g_autofree char *open = g_strdup_printf (
      "<article class=\"doc\" id=\"d%" G_GUINT64_FORMAT "\">\n",
      report->n_docs);
  g_string_prepend (record, open);
  g_string_append (record, "</article>\n");
}

/* ---- the overview ---------------------------------------------------------
 */

/* A diverging bar: the tone's share of half the width, left of the middle
 * when negative. */
static void
append_tone_bar (GString *out, gboolean known, double tone)
{
  char buf[16];
  if (!known)
    {
      g_string_append (out, "<td class=\"tone\">-</td>");
      return;
    }
  double half = fabs (tone) * 50;
  g_string_append_printf (
      out,
      "<td class=\"tone\"><span class=\"tb\"><span class=\"tbf t-%s\" "
      "style=\"left:%.1f%%;width:%.1f%%\"></span></span> %s %s</td>",
      weft_tone_class (tone), tone < 0 ? 50 - half : 50.0, half,
      weft_tone_format (buf, tone), weft_tone_word (tone));
}

static int
compare_speakers (const void *a, const void *b)
{
  const Speaker *x = *(Speaker *const *)a, *y = *(Speaker *const *)b;
  if (x->quotes != y->quotes)
    return x->quotes > y->quotes ? -1 : 1;
  if (x->docs != y->docs)
    return x->docs > y->docs ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
append_speakers (WeftReport *report, GString *out)
{
  guint n = g_hash_table_size (report->speakers);
  g_autofree Speaker **speakers = g_new (Speaker *, n + 1);
  GHashTableIter iter;
  gpointer value;
  guint k = 0;
  g_hash_table_iter_init (&iter, report->speakers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    speakers[k++] = value;
  qsort (speakers, n, sizeof *speakers, compare_speakers);
  g_string_append_printf (out,
                          "<section class=\"panel p-speakers\"><h2>Speakers "
                          "<small>%u</small></h2>\n",
                          n);
  if (!n)
    g_string_append (out, "<p class=\"note\">No quote has a speaker.</p>");
  else
    g_string_append (out, "<table class=\"speakers\"><thead><tr><th>speaker"
                          "</th><th class=\"num\">quotes</th><th>mean tone"
                          "</th><th class=\"num\">docs</th></tr></thead>"
                          "<tbody>\n");
  for (guint i = 0; i < n && i < MAX_SPEAKER_ROWS; i++)
    {
      const Speaker *s = speakers[i];
      g_string_append_printf (
          out, "<tr><td><a href=\"#d%" G_GUINT64_FORMAT "\">", s->first_doc);
      weft_html_append_escaped (out, s->name, -1);
      g_string_append_printf (
          out, "</a></td><td class=\"num\">%" G_GUINT64_FORMAT "</td>",
          s->quotes);
      append_tone_bar (out, s->toned > 0,
                       s->toned ? s->tone_sum / s->toned : 0);
      g_string_append_printf (
          out, "<td class=\"num\">%" G_GUINT64_FORMAT "</td></tr>\n", s->docs);
    }
  if (n)
    g_string_append (out, "</tbody></table>\n");
  if (n > MAX_SPEAKER_ROWS)
    g_string_append_printf (out,
                            "<p class=\"note\">The %u speakers quoted "
                            "most; %u more not listed.</p>\n",
                            MAX_SPEAKER_ROWS, n - MAX_SPEAKER_ROWS);
  if (report->n_unattributed)
    g_string_append_printf (out,
                            "<p class=\"note\">%" G_GUINT64_FORMAT
                            " quote%s without a speaker.</p>\n",
                            report->n_unattributed,
                            report->n_unattributed == 1 ? "" : "s");
  g_string_append (out, "</section>\n");
}

static void
append_documents (WeftReport *report, GString *out)
{
  g_string_append (out, "<section class=\"panel p-docs\"><h2>Tone per document"
                        "</h2>\n<table class=\"docs\"><thead><tr><th class="
                        "\"num\">#</th><th>document</th><th>date</th><th "
                        "class=\"num\">dates</th><th class=\"num\">quotes</th>"
                        "<th>tone</th></tr></thead><tbody>\n");
  for (guint i = 0; i < report->rows->len; i++)
    {
      const DocRow *row = &g_array_index (report->rows, DocRow, i);
      g_string_append_printf (out,
                              "<tr%s><td class=\"num\">%" G_GUINT64_FORMAT
                              "</td><td><a href=\"#d%" G_GUINT64_FORMAT "\">",
                              row->failed ? " class=\"failed\"" : "", row->seq,
                              row->seq);
      weft_html_append_escaped (out, row->label, -1);
      g_string_append (out, "</a></td><td>");
      if (row->date)
        weft_html_append_escaped (out, row->date, -1);
      if (row->failed)
        {
          g_string_append (out, "</td><td colspan=\"3\">not processed</td>"
                                "</tr>\n");
          continue;
        }
      g_string_append_printf (out,
                              "</td><td class=\"num\">%u</td><td class="
                              "\"num\">%u</td>",
                              row->n_dates, row->n_quotes);
      append_tone_bar (out, row->has_tone, row->tone);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  if (report->n_docs > report->rows->len)
    g_string_append_printf (out,
                            "<p class=\"note\">The first %u documents; "
                            "%" G_GUINT64_FORMAT " more below, not "
                            "listed.</p>\n",
                            report->rows->len,
                            report->n_docs - report->rows->len);
  const guint64 *b = report->tone_buckets;
  if (report->n_toned)
    g_string_append_printf (
        out,
        "<p class=\"note\">%" G_GUINT64_FORMAT " positive, %" G_GUINT64_FORMAT
        " neutral, %" G_GUINT64_FORMAT " negative (VADER's \xC2\xB1"
        "0.05 on the "
        "compound score).</p>\n",
        b[3] + b[4], b[2], b[0] + b[1]);
  g_string_append (out, "</section>\n");
}

static const char legend[]
    = "<div class=\"legend\"><b>Legend</b> "
      "<span class=\"key s t-p2\">very positive</span> "
      "<span class=\"key s t-p1\">positive</span> "
      "<span class=\"key s t-z\">neutral</span> "
      "<span class=\"key s t-n1\">negative</span> "
      "<span class=\"key s t-n2\">very negative</span> sentence tone "
      "(VADER compound \xE2\x89\xA5 0.5, \xE2\x89\xA5 0.05, between, "
      "\xE2\x89\xA4 \xE2\x88\x92"
      "0.05, \xE2\x89\xA4 \xE2\x88\x92"
      "0.5) "
      "\xC2\xB7 "
      "<span class=\"key d\" tabindex=\"0\" data-v=\"2019-01-03\" "
      "title=\"2019-01-03\">yesterday</span> a date: hover or focus for its "
      "value \xC2\xB7 "
      "<span class=\"key q\" data-speaker=\"Speaker\">\xE2\x80\x9Cquoted "
      "words\xE2\x80\x9D</span> a quote and its speaker \xC2\xB7 "
      "<span class=\"key who\">Speaker</span> where the speaker is named "
      "\xC2\xB7 <span class=\"key q term\">term</span> quoted term "
      "\xC2\xB7 <span class=\"key x\">span</span> another layer</div>\n";

void
weft_report_end (WeftReport *report, GString *out)
{
  char buf[16];
  g_string_append (out, "</div>\n<section class=\"overview\" id=\"overview\">\n"
                        "<header class=\"oh\"><h1>weft report</h1><p>");
  g_string_append (out, "pipeline <b>");
  weft_html_append_escaped (out, report->pipeline, -1);
  g_string_append_printf (out, "</b> \xC2\xB7 %" G_GUINT64_FORMAT " document%s",
                          report->n_docs, report->n_docs == 1 ? "" : "s");
  if (report->n_failed)
    g_string_append_printf (out, " (%" G_GUINT64_FORMAT " not processed)",
                            report->n_failed);
  g_string_append_printf (
      out,
      " \xC2\xB7 %" G_GUINT64_FORMAT " dates \xC2\xB7 %" G_GUINT64_FORMAT
      " quotes \xC2\xB7 %u speakers",
      report->n_dates, report->n_quotes, g_hash_table_size (report->speakers));
  if (report->n_toned)
    {
      double mean = report->tone_sum / report->n_toned;
      g_string_append_printf (out,
                              " \xC2\xB7 mean tone <span class=\"tone "
                              "t-%s\">%s %s</span>",
                              weft_tone_class (mean),
                              weft_tone_format (buf, mean),
                              weft_tone_word (mean));
    }
  g_string_append (out, "</p></header>\n");
  g_string_append (out, legend);
  g_string_append (out, "<div class=\"panels\">\n");
  append_speakers (report, out);
  weft_date_stats_append_panel (report->dates, report->n_dates, out);
  append_documents (report, out);
  g_string_append (out, "</div>\n</section>\n</main>\n</body>\n</html>\n");
}
