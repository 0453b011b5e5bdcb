/* weft — the dates of the HTML report's overview: how often each value is
 * mentioned and in how many documents, and how many dates fall in each
 * month, drawn as an inline SVG bar chart.  Counts only: bounded by the
 * distinct values, not by the corpus. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DATE_ROWS 8
#define MAX_BINS 120

typedef struct
{
  char *value;
  guint64 mentions, docs, first_doc, last_doc;
} DateValue;

struct _WeftDateStats
{
  GHashTable *months; /* month number (year * 12 + month - 1) -> count */
  GHashTable *values; /* date value -> DateValue* */
};

static void
date_value_free (gpointer data)
{
  DateValue *d = data;
  g_free (d->value);
  g_free (d);
}

WeftDateStats *
weft_date_stats_new (void)
{
  WeftDateStats *stats = g_new0 (WeftDateStats, 1);
  stats->months = g_hash_table_new (g_direct_hash, g_direct_equal);
  stats->values
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, date_value_free);
  return stats;
}

void
weft_date_stats_free (WeftDateStats *stats)
{
  if (!stats)
    return;
  g_hash_table_unref (stats->months);
  g_hash_table_unref (stats->values);
  g_free (stats);
}

/* Counts the value, and its month when it starts with YYYY-MM. */
void
weft_date_stats_add (WeftDateStats *stats, const char *value, guint64 doc)
{
  DateValue *d = g_hash_table_lookup (stats->values, value);
  if (!d)
    {
      d = g_new0 (DateValue, 1);
      d->value = g_strdup (value);
      d->first_doc = doc;
      g_hash_table_insert (stats->values, d->value, d);
    }
  d->mentions++;
  if (d->last_doc != doc)
    {
      d->docs++;
      d->last_doc = doc;
    }
  if (strlen (value) < 7 || g_ascii_isdigit (value[7]))
    return;
  for (int i = 0; i < 7; i++)
    if (i == 4 ? value[i] != '-' : !g_ascii_isdigit (value[i]))
      return;
  int y = atoi (value), m = atoi (value + 5);
  if (m < 1 || m > 12)
    return;
  gpointer key = GINT_TO_POINTER (y * 12 + m - 1);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (stats->months, key));
  g_hash_table_insert (stats->months, key, GUINT_TO_POINTER (count + 1));
}

static int
compare_values (const void *a, const void *b)
{
  const DateValue *x = *(DateValue *const *)a, *y = *(DateValue *const *)b;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  if (x->docs != y->docs)
    return x->docs > y->docs ? -1 : 1;
  return strcmp (y->value, x->value);
}

/* The values mentioned most, each linked to the first article naming it. */
static void
append_top_dates (WeftDateStats *stats, GString *out)
{
  guint n = g_hash_table_size (stats->values);
  if (!n)
    return;
  g_autofree DateValue **values = g_new (DateValue *, n);
  GHashTableIter iter;
  gpointer value;
  guint k = 0;
  g_hash_table_iter_init (&iter, stats->values);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    values[k++] = value;
  qsort (values, n, sizeof *values, compare_values);
  g_string_append (out, "<h3>Mentioned most</h3>\n<table class=\"dates\">"
                        "<thead><tr><th>value</th><th class=\"num\">mentions"
                        "</th><th class=\"num\">docs</th></tr></thead>"
                        "<tbody>\n");
  for (guint i = 0; i < n && i < MAX_DATE_ROWS; i++)
    {
      g_string_append_printf (out,
                              "<tr><td><a href=\"#d%" G_GUINT64_FORMAT "\">",
                              values[i]->first_doc);
      weft_html_append_escaped (out, values[i]->value, -1);
      g_string_append_printf (out,
                              "</a></td><td class=\"num\">%" G_GUINT64_FORMAT
                              "</td><td class=\"num\">%" G_GUINT64_FORMAT
                              "</td></tr>\n",
                              values[i]->mentions, values[i]->docs);
    }
  g_string_append (out, "</tbody></table>\n");
}

static const char *const month_names[]
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The dates by month as an SVG bar chart; by year when the months span more
 * than MAX_BINS, the latest MAX_BINS years. */

void
weft_date_stats_append_panel (WeftDateStats *stats, guint64 n_dates,
                              GString *out)
{
  g_string_append (
      out, "<section class=\"panel p-dates\"><h2>Dates mentioned</h2>\n");
  GHashTableIter iter;
  gpointer key, value;
  int first = G_MAXINT, last = G_MININT;
  guint64 total = 0;
  g_hash_table_iter_init (&iter, stats->months);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      first = MIN (first, GPOINTER_TO_INT (key));
      last = MAX (last, GPOINTER_TO_INT (key));
      total += GPOINTER_TO_UINT (value);
    }
  if (!total)
    {
      g_string_append (out, "<p class=\"note\">No date with a month.</p>");
      append_top_dates (stats, out);
      g_string_append (out, "</section>\n");
      return;
    }
  gboolean by_year = last - first + 1 > MAX_BINS;
  int unit = by_year ? 12 : 1;
  int lo = by_year ? MAX (first / 12, last / 12 - MAX_BINS + 1) : first;
  int n_bins = (by_year ? last / 12 : last) - lo + 1;
  guint64 *bins = g_new0 (guint64, n_bins), max = 0, hidden = 0;
  g_hash_table_iter_init (&iter, stats->months);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int b = GPOINTER_TO_INT (key) / unit - lo;
      if (b < 0)
        hidden += GPOINTER_TO_UINT (value);
      else
        bins[b] += GPOINTER_TO_UINT (value);
    }
  for (int b = 0; b < n_bins; b++)
    max = MAX (max, bins[b]);
  const double width = 560, height = 180, left = 28, bottom = 30, top = 14;
  double slot = (width - left) / n_bins, bar = CLAMP (slot * 0.72, 1.0, 44.0);
  g_string_append_printf (out,
                          "<svg class=\"timeline\" viewBox=\"0 0 %.0f %.0f\" "
                          "role=\"img\" aria-label=\"%" G_GUINT64_FORMAT
                          " dates by %s\">\n",
                          width, height, total, by_year ? "year" : "month");
  g_string_append_printf (out,
                          "<line class=\"axis\" x1=\"%.0f\" y1=\"%.0f\" "
                          "x2=\"%.0f\" y2=\"%.0f\"/>\n",
                          left, height - bottom, width, height - bottom);
  g_string_append_printf (
      out,
      "<text class=\"ylab\" x=\"%.0f\" y=\"%.0f\">%" G_GUINT64_FORMAT
      "</text>\n",
      left - 6, top + 4, max);
  int label_every = n_bins <= 14   ? 1
                    : n_bins <= 40 ? (by_year ? 5 : 3)
                                   : (by_year ? 10 : 12);
  for (int b = 0; b < n_bins; b++)
    {
      int unit_no = lo + b;
      double h = max ? (height - bottom - top) * bins[b] / (double)max : 0;
      double x = left + b * slot + (slot - bar) / 2;
      g_autofree char *name
          = by_year ? g_strdup_printf ("%d", unit_no)
                    : g_strdup_printf ("%s %d", month_names[unit_no % 12],
                                       unit_no / 12);
      if (bins[b])
        g_string_append_printf (
            out,
            "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
            "height=\"%.1f\"><title>%s: %" G_GUINT64_FORMAT
            " dates</title></rect>\n",
            x, height - bottom - h, bar, h, name, bins[b]);
      if (bins[b] && n_bins <= 24)
        g_string_append_printf (
            out,
            "<text class=\"count\" x=\"%.1f\" y=\"%.1f\">%" G_GUINT64_FORMAT
            "</text>\n",
            x + bar / 2, height - bottom - h - 3, bins[b]);
      gboolean label = unit_no % label_every == 0;
      if (label)
        g_string_append_printf (out,
                                "<text class=\"xlab\" x=\"%.1f\" y=\"%.1f\">"
                                "%s</text>\n",
                                x + bar / 2, height - bottom + 14, name);
    }
  g_string_append (out, "</svg>\n");
  g_string_append_printf (out,
                          "<p class=\"note\">%" G_GUINT64_FORMAT
                          " of %" G_GUINT64_FORMAT " dates name a month "
                          "(years alone, durations and sets do not).",
                          total, n_dates);
  if (hidden)
    g_string_append_printf (out,
                            " %" G_GUINT64_FORMAT " dates before %d "
                            "not shown.",
                            hidden, lo);
  g_string_append (out, "</p>\n");
  append_top_dates (stats, out);
  g_string_append (out, "</section>\n");
  g_free (bins);
}
