/* bench quotes — throughput of the quotes stage alone.  Reads documents
 * separated by NUL bytes, takes them in turn up to --mb megabytes,
 * tokenizes them with the tokenizer plugin in batches of 8 (untimed) and
 * times the quotes plugin's process() over each batch; prints
 * "BYTES SECONDS QUOTES CPU_SECONDS" for each of --runs runs (wall-clock
 * time, then the thread's CPU time, which is the steadier figure on a
 * machine shared with other jobs). */
#include <stdio.h>

#include "options.h"
#include "pipeline.h"
#include "stage-bench.h"

extern const WeftPlugin weft_plugin_descriptor;

static gboolean
tokenize (WeftDoc *doc, gpointer tokenizer, GError **error)
{
  return weft_pipeline_process (tokenizer, doc, NULL, error);
}

static guint64
count_quotes (WeftDoc *doc)
{
  return weft_layer_get_n_spans (weft_doc_get_layer (doc, "quotes"));
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
  g_autoptr (GPtrArray) docs = bench_read_docs (argv[2], &contents, &error);
  if (!docs || docs->len == 0)
    {
      g_printerr ("%s\n", error ? error->message : "no documents");
      return 2;
    }
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
  /* Batches of 8: the clock reads would weigh on 4 KB documents, and 8
   * documents still fit in the L2 cache, as one document does after the
   * stages before this one. */
  WeftDoc *batch[8];
  for (guint b = 0; b < G_N_ELEMENTS (batch); b++)
    batch[b] = weft_doc_new ();
  for (gint r = 0; r < runs; r++)
    {
      BenchRun run;
      if (!bench_run_stage (&weft_plugin_descriptor, state, docs,
                            (gsize)mb * 1000000, batch, G_N_ELEMENTS (batch),
                            tokenize, tokenizer, count_quotes, &run, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%zu %.6f %" G_GUINT64_FORMAT " %.6f\n", run.bytes, run.wall,
              run.counted, run.cpu);
    }
  for (guint b = 0; b < G_N_ELEMENTS (batch); b++)
    weft_doc_free (batch[b]);
  weft_plugin_descriptor.finish (state);
  return 0;
}
