/* bench quotes — throughput of the quotes stage alone.  Reads documents
 * separated by NUL bytes, repeats them up to --mb megabytes, tokenizes them
 * with the tokenizer plugin in batches of 8 (untimed) and times the quotes
 * plugin's process() over each batch; prints "BYTES SECONDS QUOTES CPU_SECONDS"
 * for each of
 * --runs runs (wall-clock time, then the thread's CPU time, which is the
 * steadier figure on a machine shared with other jobs). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "options.h"
#include "pipeline.h"
#include "weft/weft.h"

extern const WeftPlugin weft_plugin_descriptor;

static double
now (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  gint mb = 50, runs = 3;
  GOptionEntry entries[] = {
    { "mb", 0, 0, G_OPTION_ARG_INT, &mb, "Megabytes of text per run", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context
      = g_option_context_new ("DATA_DIR FILE - time the quotes stage");
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("%s\n",
                  error ? error->message : "usage: quotes-bench DIR FILE");
      return 2;
    }
  g_autofree char *contents = NULL;
  gsize length;
  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  GPtrArray *docs = g_ptr_array_new ();
  for (char *p = contents; p < contents + length; p += strlen (p) + 1)
    if (*p)
      g_ptr_array_add (docs, p);

  g_autoptr (WeftPipeline) tokenizer = weft_pipeline_load_data (
      "stages:\n  - plugin: tokenizer\n", -1, "bench", &error);
  if (!tokenizer || !weft_pipeline_prepare (tokenizer, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_autoptr (WeftOptions) options
      = weft_options_new (&weft_plugin_descriptor, argv[1], "quotes", &error);
  gpointer state = NULL;
  if (!options || !weft_plugin_descriptor.init (options, &state, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  /* Documents are tokenized in batches, then the batch is timed as a
   * whole: per-document clock reads (the thread CPU clock is a system
   * call) would weigh on 4 KB documents, and 8 documents still fit in the
   * L2 cache, as one document does after the stages before this one. */
  enum
  {
    BATCH = 8
  };
  WeftDoc *batch[BATCH];
  for (guint b = 0; b < BATCH; b++)
    batch[b] = weft_doc_new ();
  for (gint r = 0; r < runs; r++)
    {
      gsize bytes = 0, n_quotes = 0;
      double seconds = 0, cpu = 0;
      guint i = 0;
      while (bytes < (gsize)mb * 1000000)
        {
          guint n = 0;
          for (; n < BATCH && bytes < (gsize)mb * 1000000; n++)
            {
              const char *text = g_ptr_array_index (docs, i);
              gsize len = strlen (text);
              i = (i + 1) % docs->len;
              weft_doc_reset (batch[n]);
              if (!weft_doc_set_text (batch[n], text, len, &error)
                  || !weft_pipeline_process (tokenizer, batch[n], NULL, &error))
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
              bytes += len;
            }
          double t0 = now (CLOCK_MONOTONIC);
          double c0 = now (CLOCK_THREAD_CPUTIME_ID);
          for (guint b = 0; b < n; b++)
            if (!weft_plugin_descriptor.process (state, batch[b], &error))
              {
                g_printerr ("%s\n", error->message);
                return 1;
              }
          cpu += now (CLOCK_THREAD_CPUTIME_ID) - c0;
          seconds += now (CLOCK_MONOTONIC) - t0;
          for (guint b = 0; b < n; b++)
            n_quotes += weft_layer_get_n_spans (
                weft_doc_get_layer (batch[b], "quotes"));
        }
      printf ("%zu %.6f %zu %.6f\n", bytes, seconds, n_quotes, cpu);
    }
  for (guint b = 0; b < BATCH; b++)
    weft_doc_free (batch[b]);
  weft_plugin_descriptor.finish (state);
  g_ptr_array_unref (docs);
  return 0;
}
