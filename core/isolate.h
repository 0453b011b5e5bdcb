/* weft — running documents in forked worker processes (--isolate), so a
 * plugin that crashes or loops costs one document, never the run.
 * Internal to libweft. */
#pragma once

#include "reader.h"
#include "writer.h"
#include "pipeline.h"

typedef struct _WeftIsolate WeftIsolate;

/* What a worker returns for one document. */
typedef struct {
  GString *out;
  gboolean failed;
} WeftIsolateResult;

/* Renders one document into @result (runs in the child). */
typedef void (*WeftIsolateFunc) (gpointer data, WeftRawDoc *raw,
                                 WeftIsolateResult *result);

/* Forks @n_workers children that run @func on documents; @timeout_ms
 * limits each document (0: none).  Call from a single-threaded process.
 * Returns: (transfer full), or NULL with an error. */
WeftIsolate *weft_isolate_new (guint n_workers, guint timeout_ms,
                               WeftIsolateFunc func, gpointer data,
                               GError **error);
/* Whether a worker is free to take a document. */
gboolean weft_isolate_has_free_worker (WeftIsolate *isolate);
/* Hands @raw (taken) to a free worker as document number @seq. */
void weft_isolate_submit (WeftIsolate *isolate, guint64 seq, WeftRawDoc *raw);
/* Waits until some worker finished, crashed or timed out, and returns its
 * document number and result (a crash or timeout is an error record).
 * FALSE when no document is in flight. */
gboolean weft_isolate_collect (WeftIsolate *isolate, WeftOutputFormat format,
                               guint64 *seq, WeftIsolateResult *result);
void weft_isolate_free (WeftIsolate *isolate);
