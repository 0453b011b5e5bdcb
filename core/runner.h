/* weft — running a prepared pipeline over inputs: reading, worker threads,
 * ordered output.  Exported for the CLI; not an installed header. */
#pragma once

#include "pipeline.h"
#include "writer.h"

G_BEGIN_DECLS

typedef struct {
  gboolean input_jsonl;       /* else plain text, one document per file */
  const char *date;           /* --date: reference date for documents without one */
  const char *const *layers;  /* layers written; NULL: the pipeline's choice */
  WeftOutputFormat format;    /* JSONL (0), text, or an HTML report */
  guint jobs;                 /* worker threads; 0 or 1: run in this thread */
  const char *output;         /* file written atomically; NULL: stdout */
  gboolean progress;          /* a progress bar on stderr (a terminal) */
  guint64 max_errors;         /* stop after this many failed documents; 0: never */
  gboolean replace_invalid;   /* invalid UTF-8 and NUL become U+FFFD, not errors */
  gboolean isolate;           /* run documents in forked worker processes */
  guint timeout_ms;           /* with isolate: time limit per document; 0: none */
} WeftRunConfig;

typedef struct {
  guint64 documents;
  guint64 failed;
  guint64 bytes;
  gboolean stopped;  /* max_errors was reached; later documents were not run */
  double seconds;
} WeftRunStats;

/* Runs every document of @inputs (files, folders, "-"; none: stdin) through
 * @pipeline.  FALSE with an error only when the run could not happen (a
 * missing input, an unwritable output); documents that fail are counted in
 * @stats and written as error records. */
WEFT_API gboolean weft_run (WeftPipeline *pipeline, const WeftRunConfig *config,
                            const char *const *inputs, WeftRunStats *stats,
                            GError **error);

G_END_DECLS
