/* weft — the inside of WeftDoc and WeftLayer, shared by doc.c, layer.c and
 * the writers. */
#pragma once

#include "arena.h"
#include "weft/doc.h"

/* Byte offsets become code-point offsets through a table of the code
 * points before each 64-byte block (and one after the last): 4 bytes per
 * 64 of text (doc.c). */
typedef struct _WeftCharIndex {
  uint32_t *before;
} WeftCharIndex;

typedef struct {
  const char *key;
  const char *json;   /* raw JSON value */
  const char *string; /* decoded, when the value is a JSON string */
} WeftMeta;

typedef struct {
  const char *group;
  const char *key;
  const char *json;   /* rendered value */
  const char *string; /* set by weft_doc_set_value_string() */
  double number;
  gboolean is_number;
} WeftValue;

/* The set-bit mask limits a layer to 64 fields, plenty for annotations. */
#define WEFT_LAYER_MAX_FIELDS 64

/* A field of a schema with its JSON keys, written once when it is added
 * rather than for every layer of every document. */
typedef struct {
  char *name;
  WeftFieldType type;
  /* ,"name": — for a span field ,"stem_start": then ,"stem_end": — in one
   * buffer with WEFT_FIELD_KEY_PAD spare bytes after them */
  char *key;
  guint key_len;
  const char *end_key;
  guint end_key_len;
} WeftField;

/* The JSON writer copies keys this many bytes at a time. */
#define WEFT_FIELD_KEY_PAD 16

struct _WeftLayerSchema {
  char *name;
  gboolean write_text;
  guint n_fields;
  /* the fields' types, for the setters' check */
  guint8 types[WEFT_LAYER_MAX_FIELDS];
  WeftField fields[WEFT_LAYER_MAX_FIELDS];
};

/* Writes @field's keys from its name and type (writer.c). */
void weft_field_keys_init (WeftField *field);

/* A small growable array whose storage comes from the arena. */
typedef struct {
  gpointer data;
  guint len;
  guint cap;
} WeftVec;

struct _WeftDoc {
  WeftArena arena;
  const char *text;
  char *owned_text; /* the text when taken rather than copied */
  gsize len;
  gboolean ascii;
  WeftCharIndex *char_index; /* built on the first byte_to_char() */
  const char *id;
  const char *source;
  const char *date;
  WeftVec meta;   /* WeftMeta */
  WeftVec values; /* WeftValue */
  WeftVec layers; /* WeftLayer * */
  /* Tokens and sentences live in heap buffers kept across resets: they are
   * the largest per-document arrays and reallocating them is waste. */
  WeftToken *tokens;
  guint n_tokens, cap_tokens;
  /* weft_doc_add_token()'s fast path: where the next token goes, the end
   * of the buffer, and the text's length in the 32 bits it fits */
  WeftToken *token_next, *token_limit;
  uint32_t token_text_len;
  WeftSentence *sentences;
  guint n_sentences, cap_sentences;
  gboolean tokens_released; /* by weft_doc_release_tokens() */
};

typedef union {
  const char *string;
  gint64 integer;
  double number;
  struct {
    uint32_t start, end;
  } span;
} WeftFieldValue;

/* A span's record: its values follow it inline, one per schema field. */
typedef struct {
  uint32_t start, end;
  guint64 set; /* bit i: field i was set */
  WeftFieldValue values[];
} WeftSpan;

/* Spans live in blocks from the arena that are never moved: block k holds
 * LAYER_FIRST_BLOCK << k records, so a layer of n spans takes O(log n) blocks,
 * nothing is copied as it grows, and a huge document's layer costs what
 * its spans need rather than the doubling copies of a growing array. */
#define LAYER_FIRST_BLOCK 16
#define LAYER_N_BLOCKS 29 /* block 28 starts at span 2^32 - 16 */

struct _WeftLayer {
  const WeftLayerSchema *schema;
  WeftDoc *doc;
  guint n_spans;
  gsize span_size; /* bytes of one WeftSpan with its values */
  WeftSpan *last;  /* the latest span's record, the one setters mostly fill */
  guint8 *next, *block_end; /* where the next record goes, in its block */
  guint8 *blocks[LAYER_N_BLOCKS];
};

/* The block holding span @i, and @i's index inside it. */
static inline guint
weft_layer_block_of (guint i, guint *index)
{
  guint k = g_bit_storage (i / LAYER_FIRST_BLOCK + 1) - 1;
  *index = i - LAYER_FIRST_BLOCK * ((1u << k) - 1);
  return k;
}

/* Unchecked: the writers' fast path. */
static inline WeftSpan *
weft_layer_span_record (const WeftLayer *layer, guint span)
{
  guint index;
  guint k = weft_layer_block_of (span, &index);
  return (WeftSpan *) (layer->blocks[k] + layer->span_size * index);
}

gpointer weft_vec_push (WeftDoc *doc, WeftVec *vec, gsize elem_size);

/* Like weft_doc_set_text(), but the document takes @text (g_malloc'd,
 * NUL-terminated at @len) instead of copying it: the reader's buffer
 * becomes the document's, one copy of a large text less.  On failure
 * @text stays the caller's. */
gboolean weft_doc_take_text (WeftDoc *doc, char *text, gsize len,
                             GError **error);

/* Forgets the tokens once no later stage reads them (the pipeline's
 * release, see weft_pipeline_set_release_tokens()): a huge document's
 * array, its largest, is freed; a small one is kept for the next
 * document.  Until the reset, reading them is a programmer's error. */
void weft_doc_release_tokens (WeftDoc *doc);

/* Builds the code-point index of a text that is not ASCII, unless it is
 * built already: weft_doc_char_offset() needs it. */
void weft_doc_build_char_index (WeftDoc *doc);

/* weft_doc_byte_to_char() for the JSONL writer, which converts every
 * offset it writes, after weft_doc_build_char_index(): ASCII text, and a
 * block of ASCII in other text (64 code points in 64 bytes), answer here
 * without a call.  @offset is at most the text's length. */
static inline uint32_t
weft_doc_char_offset (WeftDoc *doc, uint32_t offset)
{
  if (doc->ascii)
    return offset;
  /* the index has an entry after the block of the text's end */
  const uint32_t *before = doc->char_index->before + offset / 64;
  if (before[1] - before[0] == 64)
    return before[0] + offset % 64;
  return weft_doc_byte_to_char (doc, offset);
}
