/* bench-tokenizer — throughput of the tokenizer plugin alone.  Reads
 * documents separated by NUL bytes, repeats them up to --mb megabytes, and
 * times process() (tokens and sentences) over all of them, --runs times;
 * prints the median MB/s over this thread's CPU time (and over wall-clock
 * time, which other processes on a shared machine distort). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "options.h"
#include "weft/weft.h"

extern const WeftPlugin weft_plugin_descriptor;

/* CPU time of this thread, in seconds: the machine may be shared, and
 * time spent preempted is not the tokenizer's. */
static double
thread_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  gint mb = 50, runs = 5;

  GOptionEntry entries[] = {
    { "mb", 0, 0, G_OPTION_ARG_INT, &mb, "Megabytes of text per run", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context
      = g_option_context_new ("FILE - time the tokenizer");
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n",
                  error ? error->message : "usage: bench-tokenizer FILE");
      return 2;
    }
  g_autofree char *contents = NULL;
  gsize length;
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  GPtrArray *docs = g_ptr_array_new ();
  for (char *p = contents; p < contents + length; p += strlen (p) + 1)
    if (*p)
      g_ptr_array_add (docs, p);

  g_autoptr (WeftOptions) options = weft_options_new (
      &weft_plugin_descriptor, TOKENIZER_DATA_DIR, "tokenizer", &error);
  gpointer state = NULL;
  if (!options || !weft_plugin_descriptor.init (options, &state, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gsize total = 0;
  for (guint d = 0; d < docs->len; d++)
    total += strlen (docs->pdata[d]);
  if (total == 0)
    return 2;
  guint repeat = (guint)((mb * 1000000.0 + total - 1) / total);
  double *rates = g_new (double, runs), *wall_rates = g_new (double, runs);
  guint64 tokens = 0;
  /* Documents are prepared (text copied and validated) in batches, then a
   * batch is processed in one timed window, so that neither the copying
   * nor the clocks count. */
  enum
  {
    BATCH = 64
  };
  WeftDoc *batch[BATCH];
  for (guint i = 0; i < BATCH; i++)
    batch[i] = weft_doc_new ();
  guint64 n_docs = (guint64)repeat * docs->len;
  for (gint r = 0; r < runs; r++)
    {
      double seconds = 0, wall = 0;
      tokens = 0;
      for (guint64 next = 0; next < n_docs;)
        {
          guint n = 0;
          for (; n < BATCH && next < n_docs; n++, next++)
            {
              const char *text = docs->pdata[next % docs->len];
              weft_doc_reset (batch[n]);
              weft_doc_set_text (batch[n], text, strlen (text), NULL);
            }
          gint64 start = g_get_monotonic_time ();
          double cpu = thread_seconds ();
          for (guint i = 0; i < n; i++)
            weft_plugin_descriptor.process (state, batch[i], NULL);
          seconds += thread_seconds () - cpu;
          wall += (g_get_monotonic_time () - start) / 1e6;
          for (guint i = 0; i < n; i++)
            {
              guint n_tokens;
              weft_doc_get_tokens (batch[i], &n_tokens);
              tokens += n_tokens;
            }
        }
      rates[r] = total * (double)repeat / 1e6 / seconds;
      wall_rates[r] = total * (double)repeat / 1e6 / wall;
    }
  qsort (rates, runs, sizeof *rates, compare_double);
  qsort (wall_rates, runs, sizeof *wall_rates, compare_double);
  printf ("{\"bytes\": %" G_GSIZE_FORMAT ", \"tokens\": %" G_GUINT64_FORMAT
          ", \"runs\": %d, \"median_mb_s\": %.1f, \"min_mb_s\": %.1f, "
          "\"max_mb_s\": %.1f, \"median_wall_mb_s\": %.1f}\n",
          total * repeat, tokens, runs, rates[runs / 2], rates[0],
          rates[runs - 1], wall_rates[runs / 2]);
  g_free (rates);
  g_free (wall_rates);
  for (guint i = 0; i < BATCH; i++)
    weft_doc_free (batch[i]);
  weft_plugin_descriptor.finish (state);
  g_ptr_array_free (docs, TRUE);
  return 0;
}
