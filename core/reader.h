/* weft — input: files, folders and stdin, as plain text (one document per
 * file) or JSONL (one per line).  Internal to libweft. */
#pragma once

#include <glib.h>

#include "weft/version.h"

typedef enum {
  WEFT_INPUT_TEXT,
  WEFT_INPUT_JSONL,
} WeftInputFormat;

/* One document as read, before it becomes a WeftDoc.  When @error is set
 * the document could not be read and becomes an error record. */
typedef struct {
  char *id;
  char *source;
  char *date;      /* from the JSONL "date" field, or NULL */
  char *text;
  gsize len;
  GPtrArray *meta; /* WeftJsonMember*: the other JSONL fields, or NULL */
  char *error;
} WeftRawDoc;

typedef struct _WeftReader WeftReader;

/* Expands folders (recursively: *.txt for text, *.jsonl for JSONL, sorted)
 * and checks that every input exists.  "-" is stdin.  Returns: (transfer
 * full), or NULL with an error naming the missing input. */
WeftReader *weft_reader_new (const char *const *inputs, WeftInputFormat format,
                             GError **error);
/* The next document, or NULL at the end.  Returns: (transfer full). */
WeftRawDoc *weft_reader_next (WeftReader *reader);
/* Number of input files (documents, for text input). */
guint weft_reader_get_n_files (const WeftReader *reader);
/* Bytes read so far. */
guint64 weft_reader_get_bytes (const WeftReader *reader);
void weft_reader_free (WeftReader *reader);
void weft_raw_doc_free (WeftRawDoc *raw);
/* Whether @s starts with a valid calendar date written YYYY-MM-DD (what
 * follows, such as a time, is not looked at). */
WEFT_API gboolean weft_date_prefix_is_valid (const char *s);
