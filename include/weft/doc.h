/* weft — the document model: text, metadata, tokens, sentences, annotation
 * layers and document-level values.  Everything a plugin reads or writes
 * about one article goes through this header. */
#pragma once

#include <glib.h>
#include <stdint.h>

#include "weft/version.h"

G_BEGIN_DECLS

/* Opaque: one article on its way through a pipeline.  Owned by the host. */
typedef struct _WeftDoc WeftDoc;
/* Opaque: one named annotation layer inside a document (arena memory). */
typedef struct _WeftLayer WeftLayer;
/* Opaque: the name and typed fields of a layer, declared once by a plugin. */
typedef struct _WeftLayerSchema WeftLayerSchema;

/* ---- tokens and sentences: the hot path, plain structs ---------------- */

typedef enum {
  WEFT_TOKEN_WORD = 0,
  WEFT_TOKEN_NUMBER,
  WEFT_TOKEN_PUNCT,
  WEFT_TOKEN_SYMBOL,
  WEFT_TOKEN_URL,
  WEFT_TOKEN_EMAIL,
  WEFT_TOKEN_EMOJI,
  WEFT_TOKEN_HANDLE,   /* @name */
  WEFT_TOKEN_HASHTAG,  /* #tag */
  WEFT_TOKEN_EMOTICON, /* :-) */
  WEFT_TOKEN_DATE,     /* 07.10.2019, 2021-07-26 written as one token */
  WEFT_TOKEN_TIME,     /* 10:30 */
  WEFT_TOKEN_ABBREV,   /* Mr., U.S., e.g. */
  WEFT_TOKEN_CLITIC,   /* n't, 's, 're split off a word */
  WEFT_TOKEN_N_KINDS
} WeftTokenKind;

/* Token flags (bit set). */
enum {
  WEFT_TOKEN_SPACE_BEFORE = 1 << 0,   /* whitespace precedes the token */
  WEFT_TOKEN_NEWLINE_BEFORE = 1 << 1, /* a line break precedes it */
  WEFT_TOKEN_PARAGRAPH_BEFORE = 1 << 2, /* a blank line precedes it */
  WEFT_TOKEN_CAPITALIZED = 1 << 3,    /* first character is upper case */
  WEFT_TOKEN_ALL_CAPS = 1 << 4,       /* every letter is upper case */
};

/* A token: byte offsets into the document text, end exclusive.  12 bytes. */
typedef struct {
  uint32_t start;
  uint32_t end;
  uint8_t kind;  /* WeftTokenKind */
  uint8_t flags; /* WEFT_TOKEN_* flags */
  uint16_t reserved;
} WeftToken;

/* A sentence: a range of tokens plus its byte span (end exclusive). */
typedef struct {
  uint32_t first_token;
  uint32_t n_tokens;
  uint32_t start;
  uint32_t end;
} WeftSentence;

WEFT_API const char *weft_token_kind_to_string (WeftTokenKind kind);

/* ---- text and metadata ------------------------------------------------ */

/* Borrowed; valid UTF-8, NUL-terminated; @len (may be NULL) gets its bytes. */
WEFT_API const char *weft_doc_get_text (const WeftDoc *doc, gsize *len);
/* Borrowed; the document id (never NULL once the reader has set it). */
WEFT_API const char *weft_doc_get_id (const WeftDoc *doc);
/* Borrowed; the reference date (YYYY-MM-DD) or NULL when none is known. */
WEFT_API const char *weft_doc_get_date (const WeftDoc *doc);
/* Sets the reference date; @date is copied into the document's arena. */
WEFT_API void weft_doc_set_date (WeftDoc *doc, const char *date);
/* Borrowed; a string metadata field passed through from the input (e.g.
 * "title"), or NULL.  JSON values that are not strings are not returned. */
WEFT_API const char *weft_doc_get_meta (const WeftDoc *doc, const char *key);

/* ---- arena memory ----------------------------------------------------- */

/* Zeroed memory that lives until the document is reset; never free it. */
WEFT_API gpointer weft_doc_alloc (WeftDoc *doc, gsize size);
/* A NUL-terminated copy of @len bytes (or all of @s when @len < 0), in the
 * document's arena. */
WEFT_API char *weft_doc_strndup (WeftDoc *doc, const char *s, gssize len);

/* ---- tokens and sentences --------------------------------------------- */

/* Appends a token; tokens must be appended in text order and not overlap.
 * Returns its index. */
WEFT_API guint weft_doc_add_token (WeftDoc *doc, uint32_t start, uint32_t end,
                                   WeftTokenKind kind, guint flags);
/* Appends a sentence covering tokens [@first_token, @first_token + @n_tokens). */
WEFT_API guint weft_doc_add_sentence (WeftDoc *doc, guint first_token,
                                      guint n_tokens);
/* Borrowed; valid until the document is reset.  NULL when there are none. */
WEFT_API const WeftToken *weft_doc_get_tokens (const WeftDoc *doc,
                                               guint *n_tokens);
WEFT_API const WeftSentence *weft_doc_get_sentences (const WeftDoc *doc,
                                                     guint *n_sentences);
/* Index of the token containing byte @offset, or of the first token after
 * it; n_tokens when there is none.  Binary search. */
WEFT_API guint weft_doc_find_token (const WeftDoc *doc, uint32_t offset);

/* ---- annotation layers ------------------------------------------------ */

typedef enum {
  WEFT_FIELD_STRING = 0,
  WEFT_FIELD_INT,
  WEFT_FIELD_DOUBLE,
  WEFT_FIELD_BOOL,
  /* A span of the text (byte offsets); written as NAME_start / NAME_end in
   * code points, where a trailing "_span" is dropped from NAME first (so the
   * span field "speaker_span" beside the string "speaker" is written as
   * speaker_start / speaker_end). */
  WEFT_FIELD_SPAN,
} WeftFieldType;

/* A new schema for the layer @name ([a-z0-9_]+).  Returns: (transfer full),
 * free with weft_layer_schema_free() after the last document using it. */
WEFT_API WeftLayerSchema *weft_layer_schema_new (const char *name);
/* Adds a field and returns its handle (0, 1, 2… in order of addition). */
WEFT_API guint weft_layer_schema_add_field (WeftLayerSchema *schema,
                                            const char *name,
                                            WeftFieldType type);
WEFT_API void weft_layer_schema_free (WeftLayerSchema *schema);
/* Borrowed. */
WEFT_API const char *weft_layer_schema_get_name (const WeftLayerSchema *schema);
WEFT_API guint weft_layer_schema_get_n_fields (const WeftLayerSchema *schema);
/* Borrowed. */
WEFT_API const char *weft_layer_schema_get_field_name (
    const WeftLayerSchema *schema, guint field);
WEFT_API WeftFieldType weft_layer_schema_get_field_type (
    const WeftLayerSchema *schema, guint field);
/* The handle of field @name, or -1. */
WEFT_API int weft_layer_schema_find_field (const WeftLayerSchema *schema,
                                           const char *name);
/* Whether the JSON writers repeat each span's covered text as "text"
 * (TRUE for a new schema).  A layer whose spans are sentences or another
 * layer's spans turns it off: its readers have the text already, and
 * repeating it would be most of the output.  Since ABI 1.2. */
WEFT_API void weft_layer_schema_set_write_text (WeftLayerSchema *schema,
                                                gboolean write_text);
WEFT_API gboolean weft_layer_schema_get_write_text (
    const WeftLayerSchema *schema);

/* Adds an empty layer to @doc.  A document holds at most one layer of each
 * name; adding a second one replaces the first.  Returns: borrowed, arena. */
WEFT_API WeftLayer *weft_doc_add_layer (WeftDoc *doc,
                                        const WeftLayerSchema *schema);
/* Borrowed; the layer called @name, or NULL. */
WEFT_API WeftLayer *weft_doc_get_layer (const WeftDoc *doc, const char *name);
WEFT_API guint weft_doc_get_n_layers (const WeftDoc *doc);
WEFT_API WeftLayer *weft_doc_get_nth_layer (const WeftDoc *doc, guint i);
/* Borrowed. */
WEFT_API const WeftLayerSchema *weft_layer_get_schema (const WeftLayer *layer);

/* Appends a span (byte offsets, end exclusive) with every field unset.
 * Returns its index. */
WEFT_API guint weft_layer_add_span (WeftLayer *layer, uint32_t start,
                                    uint32_t end);
WEFT_API guint weft_layer_get_n_spans (const WeftLayer *layer);
WEFT_API void weft_layer_get_span (const WeftLayer *layer, guint span,
                                   uint32_t *start, uint32_t *end);

/* Setters: the value is copied (strings into the arena), except by
 * weft_layer_set_static_string(). */
WEFT_API void weft_layer_set_string (WeftLayer *layer, guint span, guint field,
                                     const char *value);
/* Like weft_layer_set_string(), but @value is kept, not copied: it must
 * stay valid and unchanged until the document is reset (a literal, a string
 * of the plugin's state, which lives until its finish(), or one in the
 * document's arena).  It saves a compare and a copy per span.  Since ABI
 * 1.3. */
WEFT_API void weft_layer_set_static_string (WeftLayer *layer, guint span,
                                            guint field, const char *value);
WEFT_API void weft_layer_set_int (WeftLayer *layer, guint span, guint field,
                                  gint64 value);
WEFT_API void weft_layer_set_double (WeftLayer *layer, guint span, guint field,
                                     double value);
WEFT_API void weft_layer_set_bool (WeftLayer *layer, guint span, guint field,
                                   gboolean value);
WEFT_API void weft_layer_set_span (WeftLayer *layer, guint span, guint field,
                                   uint32_t start, uint32_t end);
/* Whether the field was set on this span; unset fields are written as null. */
WEFT_API gboolean weft_layer_is_set (const WeftLayer *layer, guint span,
                                     guint field);
/* Getters return 0 / NULL for unset fields.  Strings are borrowed. */
WEFT_API const char *weft_layer_get_string (const WeftLayer *layer, guint span,
                                            guint field);
WEFT_API gint64 weft_layer_get_int (const WeftLayer *layer, guint span,
                                    guint field);
WEFT_API double weft_layer_get_double (const WeftLayer *layer, guint span,
                                       guint field);
WEFT_API gboolean weft_layer_get_bool (const WeftLayer *layer, guint span,
                                       guint field);
WEFT_API gboolean weft_layer_get_span_field (const WeftLayer *layer, guint span,
                                             guint field, uint32_t *start,
                                             uint32_t *end);

/* ---- document-level values (written under "doc": {group: {key: …}}) -- */

WEFT_API void weft_doc_set_value_double (WeftDoc *doc, const char *group,
                                         const char *key, double value);
WEFT_API void weft_doc_set_value_int (WeftDoc *doc, const char *group,
                                      const char *key, gint64 value);
WEFT_API void weft_doc_set_value_string (WeftDoc *doc, const char *group,
                                         const char *key, const char *value);
/* TRUE and *value when a double or int value group.key is set. */
WEFT_API gboolean weft_doc_get_value_double (const WeftDoc *doc,
                                             const char *group,
                                             const char *key, double *value);
/* Borrowed, or NULL. */
WEFT_API const char *weft_doc_get_value_string (const WeftDoc *doc,
                                                const char *group,
                                                const char *key);

/* ---- host side: creating and recycling documents ---------------------- */

/* Returns: (transfer full) an empty document; free with weft_doc_free(). */
WEFT_API WeftDoc *weft_doc_new (void);
WEFT_API void weft_doc_free (WeftDoc *doc);
/* Forgets everything (text, metadata, tokens, layers, values) and rewinds
 * the arena, keeping its memory for the next document. */
WEFT_API void weft_doc_reset (WeftDoc *doc);
/* Sets the text (copied into the arena).  FALSE with WEFT_ERROR_INPUT when
 * it is not valid UTF-8 (the message gives the byte offset) or is larger
 * than 4 GiB - 1. */
WEFT_API gboolean weft_doc_set_text (WeftDoc *doc, const char *text,
                                     gsize len, GError **error);
/* Copied into the arena. */
WEFT_API void weft_doc_set_id (WeftDoc *doc, const char *id);
WEFT_API void weft_doc_set_source (WeftDoc *doc, const char *source);
/* Borrowed, or NULL. */
WEFT_API const char *weft_doc_get_source (const WeftDoc *doc);
/* Adds a pass-through metadata field; @json is its value as JSON text,
 * copied; @string its decoded value when it is a JSON string, else NULL. */
WEFT_API void weft_doc_add_meta (WeftDoc *doc, const char *key,
                                 const char *json, const char *string);
WEFT_API guint weft_doc_get_n_meta (const WeftDoc *doc);
/* Borrowed: the key and raw JSON value of metadata field @i. */
WEFT_API void weft_doc_get_nth_meta (const WeftDoc *doc, guint i,
                                     const char **key, const char **json);
/* Byte offset -> Unicode code point offset, for writers.  Fast for ASCII
 * text; otherwise builds a table once per document. */
WEFT_API uint32_t weft_doc_byte_to_char (WeftDoc *doc, uint32_t offset);
WEFT_API guint weft_doc_get_n_values (const WeftDoc *doc);
/* Borrowed: group, key, and the value rendered as JSON text. */
WEFT_API void weft_doc_get_nth_value (const WeftDoc *doc, guint i,
                                      const char **group, const char **key,
                                      const char **json);

G_END_DECLS
