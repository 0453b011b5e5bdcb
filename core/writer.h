/* weft — output records: JSONL (the public format in docs/output.md) and a
 * readable text summary.  Internal to libweft. */
#pragma once

#include "weft/doc.h"

typedef enum {
  WEFT_FORMAT_JSONL,
  WEFT_FORMAT_TEXT,
} WeftOutputFormat;

/* Appends @doc's record.  @layers chooses the layers written ("tokens",
 * "sentences" or annotation layer names); NULL writes sentences and every
 * annotation layer, not tokens. */
void weft_write_record (GString *out, WeftOutputFormat format, WeftDoc *doc,
                        const char *const *layers);
/* Appends an error record for a document that failed in @stage. */
void weft_write_error (GString *out, WeftOutputFormat format, const char *id,
                       const char *source, const char *stage,
                       const char *message);
