/* bench-tokenizer — throughput of the tokenizer plugin alone.  Reads
 * documents separated by NUL bytes, takes them in turn up to --mb
 * megabytes, and times process() (tokens and sentences) over all of them,
 * --runs times; prints the median MB/s over this thread's CPU time (and
 * over wall-clock time, which other processes on a shared machine
 * distort). */
#include <stdio.h>
#include <stdlib.h>

#include "options.h"
#include "stage-bench.h"

extern const WeftPlugin weft_plugin_descriptor;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static guint64
count_tokens (WeftDoc *doc)
{
  guint n;
  weft_doc_get_tokens (doc, &n);
  return n;
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
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2
      || runs < 1)
    {
      g_printerr ("%s\n",
                  error ? error->message : "usage: bench-tokenizer FILE");
      return 2;
    }
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) docs = bench_read_docs (argv[1], &contents, &error);
  if (!docs || docs->len == 0)
    {
      g_printerr ("%s\n", error ? error->message : "no documents");
      return 2;
    }
  g_autoptr (WeftOptions) options = weft_options_new (
      &weft_plugin_descriptor, TOKENIZER_DATA_DIR, "tokenizer", &error);
  gpointer state = NULL;
  if (!options || !weft_plugin_descriptor.init (options, &state, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  double *rates = g_new (double, runs), *wall_rates = g_new (double, runs);
  WeftDoc *batch[64];
  for (guint b = 0; b < G_N_ELEMENTS (batch); b++)
    batch[b] = weft_doc_new ();
  BenchRun run;
  for (gint r = 0; r < runs; r++)
    {
      if (!bench_run_stage (&weft_plugin_descriptor, state, docs,
                            (gsize)mb * 1000000, batch, G_N_ELEMENTS (batch),
                            NULL, NULL, count_tokens,
                            &run, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      rates[r] = run.bytes / 1e6 / run.cpu;
      wall_rates[r] = run.bytes / 1e6 / run.wall;
    }
  qsort (rates, runs, sizeof *rates, compare_double);
  qsort (wall_rates, runs, sizeof *wall_rates, compare_double);
  printf ("{\"bytes\": %" G_GSIZE_FORMAT ", \"tokens\": %" G_GUINT64_FORMAT
          ", \"runs\": %d, \"median_mb_s\": %.1f, \"min_mb_s\": %.1f, "
          "\"max_mb_s\": %.1f, \"median_wall_mb_s\": %.1f}\n",
          run.bytes, run.counted, runs, rates[runs / 2], rates[0],
          rates[runs - 1], wall_rates[runs / 2]);
  g_free (rates);
  g_free (wall_rates);
  for (guint b = 0; b < G_N_ELEMENTS (batch); b++)
    weft_doc_free (batch[b]);
  weft_plugin_descriptor.finish (state);
  return 0;
}
