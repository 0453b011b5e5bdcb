/* What the single-stage benches (bench-tokenizer.c, quotes.c) share: the
 * documents of a NUL-separated file, and one stage's process() timed over
 * batches of documents prepared outside the timed window. */
#pragma once

#include <string.h>
#include <time.h>

#include "weft/weft.h"

static inline double
bench_clock (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The non-empty documents of @path, separated by NUL bytes: pointers into
 * *@contents, which the caller frees after the array. */
static inline GPtrArray *
bench_read_docs (const char *path, char **contents, GError **error)
{
  gsize length;
  if (!g_file_get_contents (path, contents, &length, error))
    return NULL;
  GPtrArray *docs = g_ptr_array_new ();
  for (char *p = *contents; p < *contents + length; p += strlen (p) + 1)
    if (*p)
      g_ptr_array_add (docs, p);
  return docs;
}

/* Runs what comes before the timed stage on a document whose text is set. */
typedef gboolean (*BenchPrepareFunc) (WeftDoc *doc, gpointer data,
                                      GError **error);
/* What a processed document counts (tokens, quotes). */
typedef guint64 (*BenchCountFunc) (WeftDoc *doc);

typedef struct {
  gsize bytes;    /* of text processed */
  double wall;    /* seconds in process(), wall clock */
  double cpu;     /* and this thread's CPU time: steadier on a shared machine */
  guint64 counted;
} BenchRun;

/* Times @plugin's process() over @docs, taken in turn until @bytes of text,
 * @batch documents at a time in @prepared (kept by the caller from run to
 * run, as the host keeps its documents): each batch is set up (text, then
 * @prepare, if any) and then processed in one timed window, so that neither
 * the setting up nor the clocks (a system call) count. */
static inline gboolean
bench_run_stage (const WeftPlugin *plugin, gpointer state, GPtrArray *docs,
                 gsize bytes, WeftDoc **prepared, guint batch,
                 BenchPrepareFunc prepare, gpointer data, BenchCountFunc count,
                 BenchRun *run, GError **error)
{
  memset (run, 0, sizeof *run);
  gboolean ok = TRUE;
  for (guint next = 0; ok && run->bytes < bytes;)
    {
      guint n = 0;
      for (; ok && n < batch && run->bytes < bytes; n++)
        {
          const char *text = docs->pdata[next];
          gsize len = strlen (text);
          next = (next + 1) % docs->len;
          weft_doc_reset (prepared[n]);
          ok = weft_doc_set_text (prepared[n], text, len, error)
               && (!prepare || prepare (prepared[n], data, error));
          run->bytes += len;
        }
      double wall = bench_clock (CLOCK_MONOTONIC);
      double cpu = bench_clock (CLOCK_THREAD_CPUTIME_ID);
      for (guint b = 0; ok && b < n; b++)
        ok = plugin->process (state, prepared[b], error);
      run->cpu += bench_clock (CLOCK_THREAD_CPUTIME_ID) - cpu;
      run->wall += bench_clock (CLOCK_MONOTONIC) - wall;
      for (guint b = 0; ok && count && b < n; b++)
        run->counted += count (prepared[b]);
    }
  return ok;
}
