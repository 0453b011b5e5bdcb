/* weft — output records: JSONL (the public format in docs/output.md), a
 * readable text summary and an HTML report.  Internal to libweft. */
#pragma once

#include "weft/doc.h"

typedef enum {
  WEFT_FORMAT_JSONL,
  WEFT_FORMAT_TEXT,
  WEFT_FORMAT_HTML, /* records need weft_report_add() (report.h) */
} WeftOutputFormat;

/* Takes what @out holds so far (writes it and empties @out). */
typedef void (*WeftFlushFunc) (GString *out, gpointer data);

/* Appends @doc's record.  @layers chooses the layers written ("tokens",
 * "sentences" or annotation layer names); NULL writes sentences and every
 * annotation layer, not tokens.  With @flush, a JSONL record is handed over
 * in pieces of about a megabyte as it grows, so a huge document's record is
 * never held whole. */
void weft_write_record (GString *out, WeftOutputFormat format, WeftDoc *doc,
                        const char *const *layers, WeftFlushFunc flush,
                        gpointer flush_data);
/* Whether weft_write_record() reads the tokens in @format with @layers:
 * when they are written, and for the text summary's count. */
gboolean weft_writer_reads_tokens (WeftOutputFormat format,
                                   const char *const *layers);
/* Appends an error record for a document that failed in @stage. */
void weft_write_error (GString *out, WeftOutputFormat format, const char *id,
                       const char *source, const char *stage,
                       const char *message);
/* Appends the JSON value of a field that is not a span (null when unset). */
void weft_write_field_value (GString *out, const WeftLayer *layer, guint span,
                             guint field);
