/* weft — WeftDoc: the text, its metadata, tokens, sentences and document
 * values.  Layers are in layer.c.  All per-document memory is the arena's,
 * except the token and sentence buffers, which are kept across resets. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "doc-private.h"
#include "json.h"
#include "weft/plugin.h"

G_DEFINE_QUARK (weft - error - quark, weft_error)

static const char *const token_kind_names[WEFT_TOKEN_N_KINDS] = {
  "word",   "number",  "punct",    "symbol", "url",  "email",  "emoji",
  "handle", "hashtag", "emoticon", "date",   "time", "abbrev", "clitic",
};

const char *
weft_token_kind_to_string (WeftTokenKind kind)
{
  return (guint)kind < WEFT_TOKEN_N_KINDS ? token_kind_names[kind] : "unknown";
}

gpointer
weft_vec_push (WeftDoc *doc, WeftVec *vec, gsize elem_size)
{
  if (vec->len == vec->cap)
    {
      guint cap = vec->cap ? vec->cap * 2 : 8;
      gpointer data = weft_arena_alloc (&doc->arena, cap * elem_size);
      if (vec->len)
        memcpy (data, vec->data, vec->len * elem_size);
      vec->data = data;
      vec->cap = cap;
    }
  return (guint8 *)vec->data + elem_size * vec->len++;
}

WeftDoc *
weft_doc_new (void)
{
  WeftDoc *doc = g_new0 (WeftDoc, 1);
  weft_arena_init (&doc->arena);
  weft_doc_reset (doc);
  return doc;
}

void
weft_doc_free (WeftDoc *doc)
{
  if (!doc)
    return;
  weft_arena_clear (&doc->arena);
  g_free (doc->owned_text);
  g_free (doc->tokens ? doc->tokens - 1 : NULL);
  g_free (doc->sentences);
  g_free (doc);
}

void
weft_doc_reset (WeftDoc *doc)
{
  g_return_if_fail (doc != NULL);
  weft_arena_reset (&doc->arena);
  g_clear_pointer (&doc->owned_text, g_free);
  doc->text = "";
  doc->len = 0;
  doc->ascii = TRUE;
  doc->char_index = NULL;
  doc->id = doc->source = doc->date = NULL;
  memset (&doc->meta, 0, sizeof doc->meta);
  memset (&doc->values, 0, sizeof doc->values);
  memset (&doc->layers, 0, sizeof doc->layers);
  doc->n_tokens = doc->n_sentences = 0;
  doc->token_next = doc->tokens;
  doc->token_text_len = 0;
  doc->tokens_released = FALSE;
}

gpointer
weft_doc_alloc (WeftDoc *doc, gsize size)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return weft_arena_alloc (&doc->arena, size);
}

char *
weft_doc_strndup (WeftDoc *doc, const char *s, gssize len)
{
  g_return_val_if_fail (doc != NULL, NULL);
  if (!s)
    return NULL;
  gsize n = len < 0 ? strlen (s) : (gsize)len;
  char *copy = weft_arena_alloc_uninit (&doc->arena, n + 1);
  memcpy (copy, s, n);
  copy[n] = '\0';
  return copy;
}

/* The end of the run of ASCII without NUL at @i, to a multiple of the
 * step from @i (the bytes after it are for the caller to look at): sixteen
 * bytes a step with SSE2, else eight. */
static gsize
ascii_run_end (const char *text, gsize i, gsize len)
{
#ifdef __SSE2__
  for (; i + 16 <= len; i += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(text + i));
      __m128i nul = _mm_cmpeq_epi8 (v, _mm_setzero_si128 ());
      if (_mm_movemask_epi8 (_mm_or_si128 (v, nul)))
        break;
    }
#endif
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  for (; i + 8 <= len; i += 8)
    {
      uint64_t w;
      memcpy (&w, text + i, 8);
      if ((w & high) || ((w - ones) & ~w & high)) /* non-ASCII or NUL */
        break;
    }
  return i;
}

/* Whether @c is between @lo and @hi. */
#define IN_RANGE(c, lo, hi) ((guchar)((c) - (lo)) <= (guchar)((hi) - (lo)))

/* The length of the valid sequence of two to four bytes at @s (@n bytes
 * left), by GLib's rules (no overlong form, no surrogate, nothing past
 * U+10FFFF); else 0, and GLib looks at it to say where the error is.  A
 * call to GLib per run of non-ASCII cost more than this check, and in
 * Hindi or Russian news nearly every word is such a run. */
static inline gsize
valid_sequence (const guchar *s, gsize n)
{
  guchar c = s[0];
  if (IN_RANGE (c, 0xc2, 0xdf))
    return n >= 2 && IN_RANGE (s[1], 0x80, 0xbf) ? 2 : 0;
  if (IN_RANGE (c, 0xe0, 0xef))
    return n >= 3
                   && IN_RANGE (s[1], c == 0xe0 ? 0xa0 : 0x80,
                                c == 0xed ? 0x9f : 0xbf)
                   && IN_RANGE (s[2], 0x80, 0xbf)
               ? 3
               : 0;
  if (IN_RANGE (c, 0xf0, 0xf4))
    return n >= 4
                   && IN_RANGE (s[1], c == 0xf0 ? 0x90 : 0x80,
                                c == 0xf4 ? 0x8f : 0xbf)
                   && IN_RANGE (s[2], 0x80, 0xbf) && IN_RANGE (s[3], 0x80, 0xbf)
               ? 4
               : 0;
  return 0;
}

/* Checks that @text is UTF-8 without NUL and whether it is all ASCII, in one
 * pass: ASCII a block at a time, other characters one by one, and GLib
 * only where they are not valid, for the place of the error. */
static gboolean
check_text (const char *text, gsize len, gboolean *ascii, gsize *bad_offset)
{
  *ascii = TRUE;
  gsize i = 0;
  while (i < len)
    {
      i = ascii_run_end (text, i, len);
      while (i < len && (guchar)text[i] < 0x80 && text[i])
        i++;
      if (i == len || !text[i])
        break;
      *ascii = FALSE;
      gsize step;
      while (i < len
             && (step = valid_sequence ((const guchar *)text + i, len - i)))
        i += step;
      if (i == len || (guchar)text[i] < 0x80)
        continue;
      /* not valid: what is left of the run goes to GLib, which finds the
       * same first error as in the whole run (what came before it was
       * whole sequences) */
      gsize run = i;
      while (i < len && (guchar)text[i] >= 0x80)
        i++;
      const char *end;
      if (!g_utf8_validate_len (text + run, i - run, &end))
        {
          *bad_offset = end - text;
          return FALSE;
        }
    }
  *bad_offset = i;
  return i == len;
}

static gboolean
check_length_and_text (WeftDoc *doc, const char *text, gsize len,
                       GError **error)
{
  if (len > G_MAXUINT32 - 1)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INPUT,
                   "document is %" G_GSIZE_FORMAT " bytes; the limit is 4 GiB",
                   len);
      return FALSE;
    }
  gsize bad;
  gboolean ascii;
  if (!check_text (text, len, &ascii, &bad))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INPUT,
                   "invalid UTF-8 at byte offset %" G_GSIZE_FORMAT, bad);
      return FALSE;
    }
  doc->ascii
      = ascii; /* only now: a refused text leaves the document as it was */
  return TRUE;
}

gboolean
weft_doc_set_text (WeftDoc *doc, const char *text, gsize len, GError **error)
{
  g_return_val_if_fail (doc != NULL && text != NULL, FALSE);
  if (!check_length_and_text (doc, text, len, error))
    return FALSE;
  doc->text = weft_doc_strndup (doc, text, len);
  doc->len = len;
  doc->token_text_len = (uint32_t)len; /* checked: under 4 GiB */
  doc->char_index = NULL;
  return TRUE;
}

gboolean
weft_doc_take_text (WeftDoc *doc, char *text, gsize len, GError **error)
{
  g_return_val_if_fail (doc != NULL && text != NULL && !text[len], FALSE);
  if (!check_length_and_text (doc, text, len, error))
    return FALSE;
  g_free (doc->owned_text);
  doc->text = doc->owned_text = text;
  doc->len = len;
  doc->token_text_len = (uint32_t)len; /* checked: under 4 GiB */
  doc->char_index = NULL;
  return TRUE;
}

const char *
weft_doc_get_text (const WeftDoc *doc, gsize *len)
{
  g_return_val_if_fail (doc != NULL, NULL);
  if (len)
    *len = doc->len;
  return doc->text;
}

/* The continuation bytes (10xxxxxx) among the @n <= 64 bytes at @p, read
 * a word at a time where the text (ending at @end) allows: each byte's
 * flag is summed in its own byte, and the eight sums at the end. */
static uint32_t
continuation_bytes (const char *p, gsize n, const char *end)
{
  const uint64_t high = 0x8080808080808080ull;
  uint64_t sums = 0, w;
  for (; n >= 8; p += 8, n -= 8)
    {
      memcpy (&w, p, 8);
      sums += (w & high & ~(w << 1)) >> 7;
    }
  if (n)
    {
      w = 0;
      memcpy (&w, p, end - p >= 8 ? 8 : n);
      w = GUINT64_FROM_LE (w) & ((1ull << (8 * n)) - 1);
      sums += (w & high & ~(w << 1)) >> 7;
    }
  return (uint32_t)((sums * 0x0101010101010101ull) >> 56);
}

#ifdef __SSE2__
/* Bit i set when byte i of the 64 at @p is a continuation byte. */
static inline uint64_t
continuation_mask_64 (const char *p)
{
  /* 0x80-0xbf, as signed bytes: -128 to -65 */
  const __m128i top = _mm_set1_epi8 (-64);
  uint64_t m0 = (uint16_t)_mm_movemask_epi8 (
      _mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *)p), top));
  uint64_t m1 = (uint16_t)_mm_movemask_epi8 (
      _mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *)(p + 16)), top));
  uint64_t m2 = (uint16_t)_mm_movemask_epi8 (
      _mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *)(p + 32)), top));
  uint64_t m3 = (uint16_t)_mm_movemask_epi8 (
      _mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *)(p + 48)), top));
  return m0 | m1 << 16 | m2 << 32 | m3 << 48;
}

/* The bits set in @x (no popcnt instruction in baseline x86-64). */
static inline uint32_t
bits_set (uint64_t x)
{
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (uint32_t)((x * 0x0101010101010101ull) >> 56);
}
#endif

/* The continuation bytes among the 64 at @p: with SSE2 a vector compare
 * per sixteen bytes, the four added bytewise and then summed by psadbw;
 * written out, as GCC keeps the loop over four vectors a loop. */
static inline uint32_t
continuation_bytes_64 (const char *p)
{
#ifdef __SSE2__
  /* 0x80-0xbf, as signed bytes: -128 to -65; each compare gives -1 */
  const __m128i top = _mm_set1_epi8 (-64);
  const __m128i *v = (const __m128i *)p;
  __m128i c0 = _mm_cmplt_epi8 (_mm_loadu_si128 (v), top);
  __m128i c1 = _mm_cmplt_epi8 (_mm_loadu_si128 (v + 1), top);
  __m128i c2 = _mm_cmplt_epi8 (_mm_loadu_si128 (v + 2), top);
  __m128i c3 = _mm_cmplt_epi8 (_mm_loadu_si128 (v + 3), top);
  __m128i counts = _mm_sub_epi8 (
      _mm_setzero_si128 (),
      _mm_add_epi8 (_mm_add_epi8 (c0, c1), _mm_add_epi8 (c2, c3)));
  __m128i sums = _mm_sad_epu8 (counts, _mm_setzero_si128 ());
  return (uint32_t)(_mm_cvtsi128_si32 (sums) + _mm_extract_epi16 (sums, 4));
#else
  return continuation_bytes (p, 64, p + 64);
#endif
}

static void
build_char_index (WeftDoc *doc)
{
  gsize full = doc->len / 64; /* blocks of 64 bytes; then one of the rest */
  WeftCharIndex *index = weft_arena_alloc (&doc->arena, sizeof *index);
  uint32_t *before = index->before
      = weft_arena_alloc_uninit (&doc->arena, (full + 2) * sizeof (uint32_t));
  uint32_t chars = 0;
  for (gsize b = 0; b < full; b++)
    {
      before[b] = chars;
      chars += 64 - continuation_bytes_64 (doc->text + 64 * b);
    }
  before[full] = chars;
  gsize rest = doc->len % 64;
  before[full + 1] = chars + (uint32_t)rest
                     - continuation_bytes (doc->text + 64 * full, rest,
                                           doc->text + doc->len);
  doc->char_index = index;
}

void
weft_doc_build_char_index (WeftDoc *doc)
{
  if (!doc->ascii && !doc->char_index)
    build_char_index (doc);
}

/* Inside a block of ASCII (64 code points) the offset adds on; inside
 * others the continuation bytes before it are counted: from the block's
 * bit mask when it is whole, else eight bytes at a time. */
uint32_t
weft_doc_byte_to_char (WeftDoc *doc, uint32_t offset)
{
  g_return_val_if_fail (offset <= doc->len, 0);
  if (doc->ascii)
    return offset;
  if (G_UNLIKELY (!doc->char_index))
    build_char_index (doc);
  const uint32_t *before = doc->char_index->before + offset / 64;
  uint32_t in_block = offset % 64;
  if (before[1] - before[0] == 64)
    return before[0] + in_block;
  const char *block = doc->text + (offset - in_block);
#ifdef __SSE2__
  if (offset - in_block + 64 <= doc->len)
    return before[0] + in_block
           - bits_set (continuation_mask_64 (block)
                       & ((G_GUINT64_CONSTANT (1) << in_block) - 1));
#endif
  return before[0] + in_block
         - continuation_bytes (block, in_block, doc->text + doc->len);
}

void
weft_doc_set_id (WeftDoc *doc, const char *id)
{
  doc->id = weft_doc_strndup (doc, id, -1);
}

const char *
weft_doc_get_id (const WeftDoc *doc)
{
  return doc->id;
}

void
weft_doc_set_source (WeftDoc *doc, const char *source)
{
  doc->source = weft_doc_strndup (doc, source, -1);
}

const char *
weft_doc_get_source (const WeftDoc *doc)
{
  return doc->source;
}

void
weft_doc_set_date (WeftDoc *doc, const char *date)
{
  doc->date = weft_doc_strndup (doc, date, -1);
}

const char *
weft_doc_get_date (const WeftDoc *doc)
{
  return doc->date;
}

void
weft_doc_add_meta (WeftDoc *doc, const char *key, const char *json,
                   const char *string)
{
  WeftMeta *meta = weft_vec_push (doc, &doc->meta, sizeof (WeftMeta));
  meta->key = weft_doc_strndup (doc, key, -1);
  meta->json = weft_doc_strndup (doc, json, -1);
  meta->string = weft_doc_strndup (doc, string, -1);
}

const char *
weft_doc_get_meta (const WeftDoc *doc, const char *key)
{
  const WeftMeta *meta = doc->meta.data;
  for (guint i = 0; i < doc->meta.len; i++)
    if (strcmp (meta[i].key, key) == 0)
      return meta[i].string;
  return NULL;
}

guint
weft_doc_get_n_meta (const WeftDoc *doc)
{
  return doc->meta.len;
}

void
weft_doc_get_nth_meta (const WeftDoc *doc, guint i, const char **key,
                       const char **json)
{
  g_return_if_fail (i < doc->meta.len);
  const WeftMeta *meta = (const WeftMeta *)doc->meta.data + i;
  *key = meta->key;
  *json = meta->json;
}

/* ---- tokens and sentences -------------------------------------------- */

/* Appending is the tokenizer's call per token: the checks and the store
 * stay a leaf function without a stack frame, and whatever needs a call
 * (growing, refusing) is the slow path's, reached by a tail call.  The
 * fast path works on a pointer to the next slot, not an index, and the
 * buffer holds a token before the first, ending at 0, so the order check
 * needs no test for the first token. */
static inline guint
store_token (WeftDoc *doc, WeftToken *token, uint32_t start, uint32_t end,
             WeftTokenKind kind, guint flags)
{
  token->start = start;
  token->end = end;
  token->kind = kind;
  token->flags = flags;
  token->reserved = 0;
  doc->token_next = token + 1;
  return doc->n_tokens++;
}

static G_GNUC_NO_INLINE guint
add_token_slow (WeftDoc *doc, uint32_t start, uint32_t end, WeftTokenKind kind,
                guint flags)
{
  guint n = doc->n_tokens;
  if (!(start < end && end <= doc->len))
    {
      g_critical ("weft_doc_add_token: token [%u, %u) is empty or past the "
                  "text's %" G_GSIZE_FORMAT " bytes",
                  start, end, doc->len);
      return n;
    }
  if (n > 0 && doc->tokens[n - 1].end > start)
    {
      g_critical ("weft_doc_add_token: token [%u, %u) starts before the end "
                  "of token %u [%u, %u)",
                  start, end, n - 1, doc->tokens[n - 1].start,
                  doc->tokens[n - 1].end);
      return n;
    }
  if (doc->n_tokens == doc->cap_tokens)
    {
      /* by half: the largest array of a huge document, and realloc moves
       * large blocks by remapping pages, not by copying */
      doc->cap_tokens
          = doc->cap_tokens ? doc->cap_tokens + doc->cap_tokens / 2 : 1024;
      WeftToken *buffer = doc->tokens ? doc->tokens - 1 : NULL;
      buffer = g_renew (WeftToken, buffer, doc->cap_tokens + 1);
      buffer[0] = (WeftToken){ 0 }; /* the token before the first */
      doc->tokens = buffer + 1;
      doc->token_limit = doc->tokens + doc->cap_tokens;
    }
  return store_token (doc, doc->tokens + n, start, end, kind, flags);
}

guint
weft_doc_add_token (WeftDoc *doc, uint32_t start, uint32_t end,
                    WeftTokenKind kind, guint flags)
{
  WeftToken *token = doc->token_next;
  /* token_next is NULL until the first slow call: token[-1] is only read
   * once token < token_limit says there is a buffer */
  if (G_LIKELY (token < doc->token_limit && start < end
                && end <= doc->token_text_len && token[-1].end <= start))
    return store_token (doc, token, start, end, kind, flags);
  return add_token_slow (doc, start, end, kind, flags);
}

/* Whether tokens [first_token, first_token + n_tokens) exist (the sum
 * may not fit a guint). */
static inline gboolean
sentence_fits (const WeftDoc *doc, guint first_token, guint n_tokens)
{
  return n_tokens > 0 && first_token < doc->n_tokens
         && n_tokens <= doc->n_tokens - first_token;
}

static inline guint
store_sentence (WeftDoc *doc, guint first_token, guint n_tokens)
{
  WeftSentence *sentence = &doc->sentences[doc->n_sentences];
  sentence->first_token = first_token;
  sentence->n_tokens = n_tokens;
  sentence->start = doc->tokens[first_token].start;
  sentence->end = doc->tokens[first_token + n_tokens - 1].end;
  return doc->n_sentences++;
}

static G_GNUC_NO_INLINE guint
add_sentence_slow (WeftDoc *doc, guint first_token, guint n_tokens)
{
  if (!sentence_fits (doc, first_token, n_tokens))
    {
      g_critical ("weft_doc_add_sentence: tokens [%u, %u) are empty or past "
                  "the %u tokens",
                  first_token, first_token + n_tokens, doc->n_tokens);
      return doc->n_sentences;
    }
  if (doc->n_sentences == doc->cap_sentences)
    {
      doc->cap_sentences = doc->cap_sentences
                               ? doc->cap_sentences + doc->cap_sentences / 2
                               : 64;
      doc->sentences
          = g_renew (WeftSentence, doc->sentences, doc->cap_sentences);
    }
  return store_sentence (doc, first_token, n_tokens);
}

guint
weft_doc_add_sentence (WeftDoc *doc, guint first_token, guint n_tokens)
{
  if (G_LIKELY (sentence_fits (doc, first_token, n_tokens)
                && doc->n_sentences < doc->cap_sentences))
    return store_sentence (doc, first_token, n_tokens);
  return add_sentence_slow (doc, first_token, n_tokens);
}

/* Buffers up to this size (about a 500 KB article's tokens) are kept for
 * the next document when released; larger ones are freed. */
#define TOKENS_KEPT_BYTES (1 << 20)

void
weft_doc_release_tokens (WeftDoc *doc)
{
  if (doc->cap_tokens * sizeof (WeftToken) > TOKENS_KEPT_BYTES)
    {
      g_free (doc->tokens - 1);
      doc->tokens = doc->token_limit = NULL;
      doc->cap_tokens = 0;
    }
  doc->n_tokens = 0;
  doc->token_next = doc->tokens;
  doc->tokens_released = TRUE;
}

/* Whether the tokens were released, with a critical for the stage that
 * reads them without declaring them. */
static gboolean
tokens_were_released (const WeftDoc *doc, const char *function)
{
  if (G_LIKELY (!doc->tokens_released))
    return FALSE;
  g_critical ("%s: the tokens were released after the last stage that "
              "declares them; a plugin that reads tokens must name them in "
              "its requires or uses",
              function);
  return TRUE;
}

const WeftToken *
weft_doc_get_tokens (const WeftDoc *doc, guint *n_tokens)
{
  if (n_tokens)
    *n_tokens = doc->n_tokens;
  if (tokens_were_released (doc, G_STRFUNC))
    return NULL;
  return doc->n_tokens ? doc->tokens : NULL;
}

const WeftSentence *
weft_doc_get_sentences (const WeftDoc *doc, guint *n_sentences)
{
  if (n_sentences)
    *n_sentences = doc->n_sentences;
  return doc->n_sentences ? doc->sentences : NULL;
}

guint
weft_doc_find_token (const WeftDoc *doc, uint32_t offset)
{
  tokens_were_released (doc, G_STRFUNC);
  guint lo = 0, hi = doc->n_tokens;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (doc->tokens[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- document values ---------------------------------------------------- */

static WeftValue *
value_slot (WeftDoc *doc, const char *group, const char *key)
{
  WeftValue *values = doc->values.data;
  for (guint i = 0; i < doc->values.len; i++)
    if (strcmp (values[i].group, group) == 0
        && strcmp (values[i].key, key) == 0)
      return &values[i];
  WeftValue *value = weft_vec_push (doc, &doc->values, sizeof (WeftValue));
  value->group = weft_doc_strndup (doc, group, -1);
  value->key = weft_doc_strndup (doc, key, -1);
  return value;
}

void
weft_doc_set_value_double (WeftDoc *doc, const char *group, const char *key,
                           double number)
{
  WeftValue *value = value_slot (doc, group, key);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  value->json
      = weft_doc_strndup (doc, weft_json_format_double (buf, number), -1);
  value->number = number;
  value->is_number = TRUE;
}

void
weft_doc_set_value_int (WeftDoc *doc, const char *group, const char *key,
                        gint64 number)
{
  WeftValue *value = value_slot (doc, group, key);
  char buf[32];
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, number);
  value->json = weft_doc_strndup (doc, buf, -1);
  value->number = (double)number;
  value->is_number = TRUE;
}

void
weft_doc_set_value_string (WeftDoc *doc, const char *group, const char *key,
                           const char *string)
{
  WeftValue *value = value_slot (doc, group, key);
  GString *json = g_string_new (NULL);
  weft_json_append_string (json, string, -1);
  value->json = weft_doc_strndup (doc, json->str, json->len);
  value->string = weft_doc_strndup (doc, string, -1);
  g_string_free (json, TRUE);
  value->is_number = FALSE;
}

gboolean
weft_doc_get_value_double (const WeftDoc *doc, const char *group,
                           const char *key, double *number)
{
  const WeftValue *values = doc->values.data;
  for (guint i = 0; i < doc->values.len; i++)
    if (values[i].is_number && strcmp (values[i].group, group) == 0
        && strcmp (values[i].key, key) == 0)
      {
        *number = values[i].number;
        return TRUE;
      }
  return FALSE;
}

const char *
weft_doc_get_value_string (const WeftDoc *doc, const char *group,
                           const char *key)
{
  const WeftValue *values = doc->values.data;
  for (guint i = 0; i < doc->values.len; i++)
    if (strcmp (values[i].group, group) == 0
        && strcmp (values[i].key, key) == 0)
      return values[i].string;
  return NULL;
}

guint
weft_doc_get_n_values (const WeftDoc *doc)
{
  return doc->values.len;
}

void
weft_doc_get_nth_value (const WeftDoc *doc, guint i, const char **group,
                        const char **key, const char **json)
{
  g_return_if_fail (i < doc->values.len);
  const WeftValue *value = (const WeftValue *)doc->values.data + i;
  *group = value->group;
  *key = value->key;
  *json = value->json;
}
