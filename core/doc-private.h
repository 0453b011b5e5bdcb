/* weft — the inside of WeftDoc and WeftLayer, shared by doc.c, layer.c and
 * the writers. */
#pragma once

#include "arena.h"
#include "weft/doc.h"

typedef struct _WeftCharIndex WeftCharIndex;

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
  WeftSentence *sentences;
  guint n_sentences, cap_sentences;
};

gpointer weft_vec_push (WeftDoc *doc, WeftVec *vec, gsize elem_size);

/* Like weft_doc_set_text(), but the document takes @text (g_malloc'd,
 * NUL-terminated at @len) instead of copying it: the reader's buffer
 * becomes the document's, one copy of a large text less.  On failure
 * @text stays the caller's. */
gboolean weft_doc_take_text (WeftDoc *doc, char *text, gsize len,
                             GError **error);
