/* dates — cutting tokens into atoms.  One pass over the bytes of each
 * token; letters are lower-cased into a small buffer and looked up once.
 * Numbers with thousands separators become A_QTY so that "2,500" can never
 * be read as a year or a day. */
#include "atoms.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline gboolean
is_digit (guint8 c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_alpha (guint8 c)
{
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Length of a UTF-8 punctuation mark at @p that dates treat as ASCII, and
 * the ASCII character in *c; 0 when it is something else. */
static inline int
utf8_punct (const guint8 *p, const guint8 *end, char *c)
{
  if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80)
    {
      if (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x90 || p[2] == 0x91)
        return *c = '-', 3;
      if (p[2] == 0x98 || p[2] == 0x99)
        return *c = '\'', 3;
      if (p[2] == 0x9C || p[2] == 0x9D)
        return *c = '"', 3;
    }
  if (*p >= 0xC0)
    {
      /* other symbols and punctuation ("∙", "·"): one '?' atom */
      gunichar u = g_utf8_get_char_validated ((const char *)p, end - p);
      if (u != (gunichar)-1 && u != (gunichar)-2 && !g_unichar_isalnum (u)
          && !g_unichar_ismark (u))
        return *c = '?', g_utf8_skip[*p];
    }
  return 0;
}

/* Byte classes for the scan over every token. */
enum
{
  B_LETTER = 1,
  B_DIGIT = 2
};

static inline guint8
byte_class (guint8 c)
{
  return (guint8)(c - '0') < 10            ? B_DIGIT
         : (guint8)((c | 0x20) - 'a') < 26 ? B_LETTER
                                           : 0;
}

static inline guint64
load64 (const guint8 *p)
{
  guint64 v;
  memcpy (&v, p, 8);
  return v;
}

static inline guint32
load32 (const guint8 *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return v;
}

#define ONES64 G_GUINT64_CONSTANT (0x0101010101010101)

/* The bytes of a token of 1 to 16 bytes in its 8-byte loads, by its
 * length: tables, not shifts by the length, on the path of every token. */
#define LOW_BYTES(n)                                                          \
  ((n) >= 8 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << (8 * (n) & 63)) - 1)
#ifndef __SSE2__
#define KEEP(n) { LOW_BYTES (n), (n) > 8 ? LOW_BYTES ((n) - 8) : 0 }
static const guint64 keep_bytes[17][2]
    = { KEEP (0),  KEEP (1),  KEEP (2),  KEEP (3),  KEEP (4),  KEEP (5),
        KEEP (6),  KEEP (7),  KEEP (8),  KEEP (9),  KEEP (10), KEEP (11),
        KEEP (12), KEEP (13), KEEP (14), KEEP (15), KEEP (16) };
#endif

/* Whether every byte of @x is an ASCII letter: no byte (lower-cased) is
 * below 'a' or above 'z' (Hacker's Delight's hasless / hasmore). */
static inline gboolean
letters64 (guint64 x)
{
  guint64 y = x | (ONES64 * 0x20);
  guint64 lt = (y - ONES64 * 'a') & ~y;
  guint64 gt = (y + ONES64 * (127 - 'z')) | y;
  return ((lt | gt) & (ONES64 * 0x80)) == 0;
}

static inline gboolean
letters32 (guint32 x)
{
  guint32 y = x | 0x20202020u;
  guint32 lt = (y - 0x61616161u) & ~y;
  guint32 gt = (y + 0x05050505u) | y;
  return ((lt | gt) & 0x80808080u) == 0;
}

/* Whether the @len >= 1 bytes at @p are ASCII letters, read a word at a
 * time (never outside the token). */
static inline gboolean
all_letters (const guint8 *p, gsize len)
{
  if (len >= 8)
    {
      for (gsize i = 0; i + 8 < len; i += 8)
        if (!letters64 (load64 (p + i)))
          return FALSE;
      return letters64 (load64 (p + len - 8));
    }
  if (len >= 4)
    return letters32 (load32 (p)) && letters32 (load32 (p + len - 4));
  for (gsize i = 0; i < len; i++)
    if (byte_class (p[i]) != B_LETTER)
      return FALSE;
  return TRUE;
}

/* Whether a token of mixed letters, digits and punctuation can hold the
 * heart of an expression: "mid-September", "Sept.", "Q3". */
static gboolean
mixed_is_trigger (const Lexicon *lex, const TriggerFilter *f, const guint8 *p,
                  const guint8 *end)
{
  while (p < end)
    {
      guint8 k = byte_class (*p);
      if (k == B_DIGIT)
        return TRUE;
      if (k == B_LETTER)
        {
          const guint8 *q = p + 1;
          while (q < end && byte_class (*q) == B_LETTER)
            q++;
          if (trigger_filter_maybe (f, p, q - p)
              && lexicon_is_trigger (lex, p, q - p))
            return TRUE;
          p = q;
        }
      else
        p++;
    }
  return FALSE;
}

/* Whether the bytes [p, end) of a token can hold the heart of an
 * expression: a digit, or a trigger word in one of its runs of letters.
 * The filter goes first: for a word of letters only its answer is exact,
 * so the common word costs two bit tests and a test of its letters. */
static inline gboolean
is_trigger (const Lexicon *lex, const TriggerFilter *f, const guint8 *p,
            const guint8 *end)
{
  gsize len = end - p;
  guint8 k = byte_class (*p);
  if (k == B_DIGIT)
    return TRUE;
  if (k == B_LETTER)
    {
      if (!trigger_filter_maybe (f, p, len))
        {
          if (G_LIKELY (all_letters (p, len)))
            return FALSE;
        }
      else if (all_letters (p, len))
        return lexicon_is_trigger (lex, p, len);
    }
  else if (len == 1)
    return FALSE;
  return mixed_is_trigger (lex, f, p, end);
}

struct _AtomScanner
{
  const Lexicon *lex;
  const TriggerFilter *filter;
  const guint8 *text;
  gsize text_len;
  const WeftToken *tokens;
  guint n_tokens;
  guint n_safe; /* tokens before it have 16 bytes of text from their start */
  /* the text's last bytes from tail_start on, zero-padded: the tokens
   * from n_safe on are tested there */
  guint8 tail[32];
  guint tail_start;
  const WeftSentence *sents;
  guint n_sents, sent;
  guint sent_first, sent_end; /* of sentence sent; G_MAXUINT past the last */
  WeftDoc *doc;
  DocVec atoms; /* Atom: the current run's, reused across runs */
  /* tokens before done are cut or skipped; [from, to) is the next piece
   * to cut when has_next, from token cut on */
  guint done, from, to, cut;
  gboolean has_next;
  guint resume; /* > 0: the next window goes on with the run from here */
  /* the lexicon entries of the last words looked up, by token index: the
   * walk around a trigger and the cutting look at the same tokens */
  struct
  {
    guint32 tok;
    const LexEntry *e;
  } cache[16];
};

typedef AtomScanner Builder;

#ifdef __SSE2__
/* Whether the @len <= 16 bytes at @p (16 readable) are ASCII letters;
 * then *k0 and *k1 get them lower case and zero-padded: one load, and a
 * compare for all of them. */
static inline gboolean
letters16_key (const guint8 *p, gsize len, guint64 *k0, guint64 *k1)
{
  static const guint8 ones_then_zeros[32]
      = { 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
          255, 255, 255, 255, 255 };
  __m128i keep = _mm_loadu_si128 ((const __m128i *)(ones_then_zeros + 16 - len));
  __m128i low = _mm_or_si128 (_mm_loadu_si128 ((const __m128i *)p),
                              _mm_set1_epi8 (0x20));
  __m128i a = _mm_set1_epi8 ('a'), z = _mm_set1_epi8 ('z');
  __m128i in = _mm_and_si128 (_mm_cmpeq_epi8 (_mm_max_epu8 (low, a), low),
                              _mm_cmpeq_epi8 (_mm_min_epu8 (low, z), low));
  guint mask = (1u << len) - 1;
  if ((_mm_movemask_epi8 (in) & mask) != mask)
    return FALSE;
  guint64 key[2];
  _mm_storeu_si128 ((__m128i *)key, _mm_and_si128 (low, keep));
  *k0 = key[0];
  *k1 = key[1];
  return TRUE;
}
#else
static inline gboolean
letters16_key (const guint8 *p, gsize len, guint64 *k0, guint64 *k1)
{
  guint64 keep0 = keep_bytes[len][0], keep1 = keep_bytes[len][1];
  guint64 x0 = load64 (p) & keep0, x1 = load64 (p + 8) & keep1;
  if (!letters64 (x0 | (~keep0 & (ONES64 * 'a')))
      || !letters64 (x1 | (~keep1 & (ONES64 * 'a'))))
    return FALSE;
  *k0 = x0 | (keep0 & (ONES64 * 0x20));
  *k1 = x1 | (keep1 & (ONES64 * 0x20));
  return TRUE;
}
#endif

/* The lexicon entry of the @len >= 1 bytes at @p (the text ends at @end)
 * when they are ASCII letters (*letters set), else NULL. */
static inline const LexEntry *
letters_lex (const Lexicon *lex, const TriggerFilter *f, const guint8 *p,
             gsize len, const guint8 *end, gboolean *letters)
{
  if (len <= 16 && end - p >= 16)
    {
      guint64 k0, k1;
      if (!letters16_key (p, len, &k0, &k1))
        return *letters = FALSE, NULL;
      *letters = TRUE;
      return word_index_find (f, k0, k1, len);
    }
  if (len > 24 || !all_letters (p, len))
    return *letters = FALSE, NULL;
  *letters = TRUE;
  return lexicon_lookup (lex, (const char *)p, len);
}

/* The lexicon entry of token @t when it is a word of ASCII letters only
 * (*plain set), else NULL. */
G_ALWAYS_INLINE static inline const LexEntry *
plain_word (Builder *b, guint t, gboolean *plain)
{
  guint slot = t & (G_N_ELEMENTS (b->cache) - 1);
  if (b->cache[slot].tok == t)
    {
      *plain = TRUE;
      return b->cache[slot].e;
    }
  const WeftToken *tok = &b->tokens[t];
  const LexEntry *e
      = letters_lex (b->lex, b->filter, b->text + tok->start,
                     tok->end - tok->start, b->text + b->text_len, plain);
  if (*plain)
    {
      b->cache[slot].tok = t;
      b->cache[slot].e = e;
    }
  return e;
}

/* Whether a token may belong to an expression around a trigger: a word
 * of the lexicon ("the", "of", "ago"), punctuation, or anything mixed. */
static inline gboolean
is_context (Builder *b, guint t)
{
  gboolean plain;
  if (byte_class (b->text[b->tokens[t].start]) != B_LETTER)
    return TRUE;
  const LexEntry *e = plain_word (b, t, &plain);
  if (e && e->name_only && b->text[b->tokens[t].start] >= 'a')
    return FALSE; /* "new", "good" count only in names ("New Year's Day") */
  /* tense words and auxiliaries are read from the tokens, never inside an
   * expression */
  return (e && e->cue != C_TENSE && e->cue != C_AUX) || !plain;
}

static inline Atom *
push (Builder *b)
{
  DocVec *v = &b->atoms;
  Atom *a = G_LIKELY (v->len < v->cap)
                ? (Atom *)v->data + v->len++
                : doc_vec_push (b->doc, v, sizeof (Atom));
  memset (a, 0, sizeof *a);
  return a;
}

/* Makes sentence @i the current one. */
static void
set_sentence (Builder *b, guint i)
{
  b->sent = i;
  b->sent_first = b->sent_end = G_MAXUINT;
  if (i < b->n_sents)
    {
      b->sent_first = b->sents[i].first_token;
      b->sent_end = b->sent_first + b->sents[i].n_tokens;
    }
}

/* Cuts token @t into atoms; @gap: tokens before it were skipped.  A word
 * of letters is one atom; other tokens are cut at every change between
 * letters, digits and punctuation. */
static void
cut_token (Builder *b, guint t, gboolean gap)
{
  const WeftToken *tok = &b->tokens[t];
  const guint8 *text = b->text;
  if (t >= b->sent_end)
    {
      /* runs are sparse: skip the sentences between them in a tight loop */
      guint i = b->sent + 1;
      while (i < b->n_sents
             && t >= b->sents[i].first_token + b->sents[i].n_tokens)
        i++;
      set_sentence (b, i);
    }
  guint8 first = AF_SENT * (t == b->sent_first);
  if (gap)
    first |= AF_GAP;
  if (t > 0 && tok->start > b->tokens[t - 1].end)
    first |= AF_SPACE;
  if (tok->flags & WEFT_TOKEN_NEWLINE_BEFORE)
    first |= AF_NEWLINE;
  const guint8 *p = text + tok->start, *end = text + tok->end;
  gboolean plain;
  const LexEntry *e = plain_word (b, t, &plain);
  if (plain)
    {
      Atom *a = push (b);
      a->start = tok->start;
      a->end = tok->end;
      a->sent = b->sent;
      a->tok = t;
      a->kind = A_WORD;
      a->lex = e;
      a->flags = first | (e ? e->may_start : 0) * AF_START;
      if (*p <= 'Z')
        {
          a->flags |= AF_CAP | AF_UPPER;
          for (const guint8 *q = p + 1; q < end; q++)
            if (*q >= 'a')
              {
                a->flags &= ~AF_UPPER;
                break;
              }
        }
      return;
    }
  while (p < end)
    {
      Atom *a = push (b);
      a->start = p - text;
      a->sent = b->sent;
      a->tok = t;
      a->flags = first;
      first = 0;
      char c;
      int plen;
      if (is_digit (*p))
        {
          const guint8 *q = p;
          gint64 v = 0;
          while (q < end && is_digit (*q))
            v = v < 100000000 ? v * 10 + (*q - '0') : v, q++;
          a->kind = A_NUM;
          a->flags |= AF_START;
          a->num = (int32_t)v;
          a->ndigits = MIN (q - p, 255);
          if (q + 1 < end && *q == ',' && is_digit (q[1]))
            {
              while (q < end && (is_digit (*q) || *q == ',' || *q == '.'))
                q++;
              a->kind = A_QTY;
              a->flags &= ~AF_START;
            }
          else if (q + 1 < end && is_alpha (q[0]) && is_alpha (q[1])
                   && (q + 2 == end || !is_alpha (q[2])))
            {
              char s0 = q[0] | 0x20, s1 = q[1] | 0x20;
              if ((s0 == 's' && s1 == 't') || (s0 == 'n' && s1 == 'd')
                  || (s0 == 'r' && s1 == 'd') || (s0 == 't' && s1 == 'h'))
                a->flags |= AF_ORD, q += 2;
            }
          p = q;
        }
      else if (is_alpha (*p) || (*p >= 0x80 && !utf8_punct (p, end, &c)))
        {
          const guint8 *q = p;
          char buf[32];
          guint len = 0;
          gboolean upper = TRUE;
          if (*p >= 'A' && *p <= 'Z')
            a->flags |= AF_CAP;
          while (q < end
                 && (is_alpha (*q) || (*q >= 0x80 && !utf8_punct (q, end, &c))))
            {
              if (*q >= 'a' && *q <= 'z')
                upper = FALSE;
              if (len < sizeof buf)
                buf[len] = *q < 0x80 ? (*q | 0x20) : *q;
              len++;
              q++;
            }
          if (upper && (a->flags & AF_CAP))
            a->flags |= AF_UPPER;
          a->kind = A_WORD;
          a->lex = len <= sizeof buf ? lexicon_lookup (b->lex, buf, len) : NULL;
          if (a->lex && a->lex->may_start)
            a->flags |= AF_START;
          p = q;
        }
      else if ((plen = utf8_punct (p, end, &c)))
        {
          a->kind = A_PUNCT;
          a->punct = c;
          if (c == '\'')
            a->flags |= AF_START; /* "’90s" */
          p += plen;
        }
      else
        {
          /* other symbols, one atom per character ("∙" is '?') */
          a->kind = A_PUNCT;
          a->punct = *p < 0x80 ? (char)*p : '?';
          if (a->punct == '\'')
            a->flags |= AF_START; /* "'90s" */
          if (*p++ >= 0xC0)
            while (p < end && (*p & 0xC0) == 0x80)
              p++;
        }
      a->end = p - text;
    }
}

/* By a token's length (up to 16): which of its 16 bytes make it a
 * candidate besides the filter.  In a token of four bytes or more any
 * byte below 'A' does ("2020", "mid-2020", "Sept."); in a shorter one
 * only a digit or one of ":;<=>?@" ("12", "$5", "'90"; not "'s", "n't",
 * "...": a trigger word inside a token has three letters or more); in a
 * single byte none (its digit passes the filter).  A byte is in the range
 * [lo, '@'] when byte + 0x3F, a signed byte, is above lo + 0x3E: '@' goes
 * to 127, the bytes above it to negative values or below lo + 0x3F.
 * Tables by length, so the test needs no shift or branch on it. */
#define MARK_LO(n) ((n) < 4 ? '0' : 0)
#define MARK_SHIFT (0x7F - '@')
#define MARK_FLOOR(n) (MARK_LO (n) + MARK_SHIFT - 1)
/* Past the token, and in a single byte, the floor is 127, which no
 * signed byte is above: the compare marks only the token's bytes. */
#define FLOOR_AT(n, i) ((i) < (n) && (n) > 1 ? MARK_FLOOR (n) : 0x7F)
#define FLOORS(n)                                                             \
  { FLOOR_AT (n, 0),  FLOOR_AT (n, 1),  FLOOR_AT (n, 2),  FLOOR_AT (n, 3),   \
    FLOOR_AT (n, 4),  FLOOR_AT (n, 5),  FLOOR_AT (n, 6),  FLOOR_AT (n, 7),   \
    FLOOR_AT (n, 8),  FLOOR_AT (n, 9),  FLOOR_AT (n, 10), FLOOR_AT (n, 11),  \
    FLOOR_AT (n, 12), FLOOR_AT (n, 13), FLOOR_AT (n, 14), FLOOR_AT (n, 15) }
#define BY_LENGTH(f)                                                          \
  { f (0),  f (1),  f (2),  f (3),  f (4),  f (5),  f (6),  f (7),  f (8),   \
    f (9),  f (10), f (11), f (12), f (13), f (14), f (15), f (16) }
/* Two tables of 16-byte rows, so that one length shifted once indexes
 * both: the token's bytes in its first eight (folded for the filter's
 * hash), and the floors. */
#define KEEP_FOLDED(n) { LOW_BYTES (n) & TRIGGER_FOLD, 0 }
static _Alignas (16) const guint64 keep_by_length[17][2]
    = BY_LENGTH (KEEP_FOLDED);

#ifdef __SSE2__
static _Alignas (16) const guint8 floor_by_length[17][16] = BY_LENGTH (FLOORS);

/* One bit for each of the @len <= 16 bytes at @p in the range for a
 * token of @len bytes, none for the bytes after them. */
static inline guint
bytes_marked16 (const guint8 *p, guint len)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *)p);
  __m128i x = _mm_add_epi8 (v, _mm_set1_epi8 (MARK_SHIFT));
  __m128i floor = _mm_load_si128 ((const __m128i *)floor_by_length[len]);
  return _mm_movemask_epi8 (_mm_cmpgt_epi8 (x, floor));
}
#else
#define HIGH64 (ONES64 * 0x80)
/* The high bit of each byte of @x in [lo, '@'], exactly: the differences
 * and the compare keep each byte's arithmetic inside it. */
static inline guint64
bytes_marked (guint64 x, guint8 lo)
{
  guint64 lo8 = ONES64 * lo, top = ONES64 * ('@' - lo);
  /* each byte's (x - lo) mod 256, without borrows between bytes */
  guint64 d = ((x | HIGH64) - (lo8 & ~HIGH64)) ^ ((x ^ ~lo8) & HIGH64);
  /* the high bit of each byte of d above top */
  guint64 above = (((d & ~HIGH64) + (ONES64 * 0x7F - top)) | d) & HIGH64;
  return ~above & HIGH64;
}

static inline guint
bytes_marked16 (const guint8 *p, guint len)
{
  guint8 lo = MARK_LO (len);
  guint64 x = bytes_marked (load64 (p), lo),
          y = bytes_marked (load64 (p + 8), lo);
  /* gathers the high bit of byte k into bit 56 + k (no two products
   * meet, so nothing carries) */
  const guint64 gather = G_GUINT64_CONSTANT (0x0002040810204081);
  guint marks
      = (guint)((x * gather) >> 56) | (guint)(((y * gather) >> 56) << 8);
  return len == 1 ? 0 : marks & ((1u << len) - 1);
}
#endif

/* Whether the token of @len bytes at @p may hold a trigger (a digit, a
 * trigger word, or a word with punctuation inside, "mid-September"),
 * decided without branches for a token of up to 16 bytes with 16 bytes
 * readable from its start:
 * every token of the text goes through here, and a branch on its length
 * or letters would be mispredicted. */
G_ALWAYS_INLINE static inline gboolean
token_may_trigger (const guint8 *p, guint len, const guint8 *trigger_bits)
{
  if (G_UNLIKELY (len > 16))
    return TRUE;
  guint marks = bytes_marked16 (p, len);
  /* a trigger word or a single digit (single digits are in the filter) */
  guint pass = filter_test (
      trigger_bits, trigger_hash_folded (load64 (p) & keep_by_length[len][0]));
  return (pass | marks) != 0;
}

/* token_confirm_trigger() of a token that opens with no digit. */
static G_NO_INLINE gboolean
confirm_word_trigger (Builder *b, guint t)
{
  const WeftToken *tok = &b->tokens[t];
  const guint8 *p = b->text + tok->start;
  gsize len = tok->end - tok->start;
  gboolean plain;
  const LexEntry *e = plain_word (b, t, &plain);
  if (plain)
    return lex_is_trigger (e, *p <= 'Z');
  return is_trigger (b->lex, b->filter, p, p + len);
}

/* Whether token @t, which the filter let through, holds a trigger: a
 * digit first, most triggers, is told inline without a call. */
static inline gboolean
token_confirm_trigger (Builder *b, guint t)
{
  return is_digit (b->text[b->tokens[t].start]) || confirm_word_trigger (b, t);
}

static inline gboolean
token_is_trigger (Builder *b, guint t)
{
  const WeftToken *tok = &b->tokens[t];
  const guint8 *p = t < b->n_safe ? b->text + tok->start
                                  : b->tail + (tok->start - b->tail_start);
  return token_may_trigger (p, tok->end - tok->start, b->filter->trigger)
         && token_confirm_trigger (b, t);
}

/* The first token in [@t, @n) that may hold a trigger, or @n: a loop
 * without calls, so that its constants stay in registers. */
static guint
next_candidate (const guint8 *text, const guint8 *trigger_bits,
                const WeftToken *tokens, guint t, guint n)
{
  if (t >= n)
    return t; /* tokens is NULL in a document without any */
  const WeftToken *k = tokens + t, *end = tokens + n;
  for (; k < end; k++)
    if (G_UNLIKELY (token_may_trigger (text + k->start, k->end - k->start,
                                       trigger_bits)))
      break;
  return k - tokens;
}

/* The first trigger token at or after @t, or n_tokens. */
static guint
next_trigger (Builder *b, guint t)
{
  for (guint n = b->n_safe;
       (t = next_candidate (b->text, b->filter->trigger, b->tokens, t, n)) < n;
       t++)
    if (token_confirm_trigger (b, t))
      return t;
  for (; t < b->n_tokens; t++)
    if (token_is_trigger (b, t))
      break;
  return t;
}

void *
doc_vec_push (WeftDoc *doc, DocVec *v, gsize elem_size)
{
  if (v->len == v->cap)
    {
      /* the first block is 512 bytes, 16 atoms or 3 matches (168 bytes): a
       * document with one run of one expression need not clear 2.7 KB */
      guint cap = v->cap ? v->cap * 2 : MAX (512 / elem_size, 1);
      void *data = weft_doc_alloc (doc, cap * elem_size);
      if (v->len)
        memcpy (data, v->data, v->len * elem_size);
      v->data = data;
      v->cap = cap;
    }
  return (guint8 *)v->data + elem_size * v->len++;
}

AtomScanner *
atom_scanner_new (WeftDoc *doc, const Lexicon *lex)
{
  AtomScanner *b = weft_doc_alloc (doc, sizeof *b);
  b->lex = lex;
  b->filter = lexicon_get_filter (lex);
  b->doc = doc;
  b->text = (const guint8 *)weft_doc_get_text (doc, &b->text_len);
  b->tokens = weft_doc_get_tokens (doc, &b->n_tokens);
  b->n_safe = b->n_tokens;
  while (b->n_safe > 0 && b->tokens[b->n_safe - 1].start + 16 > b->text_len)
    b->n_safe--;
  gsize tail_len = MIN (b->text_len, 16);
  b->tail_start = b->text_len - tail_len;
  memcpy (b->tail, b->text + b->tail_start, tail_len);
  b->sents = weft_doc_get_sentences (doc, &b->n_sents);
  set_sentence (b, 0);
  for (guint i = 0; i < G_N_ELEMENTS (b->cache); i++)
    b->cache[i].tok = G_MAXUINT32;
  return b;
}

/* Finds the next trigger after the tokens done and the tokens around it
 * to cut, [b->from, b->to); FALSE when there is none. */
static gboolean
find_piece (Builder *b)
{
  guint done = b->done;
  guint t = next_trigger (b, done);
  if (t >= b->n_tokens)
    {
      b->done = b->n_tokens; /* nothing left to scan */
      return b->has_next = FALSE;
    }
  /* back over context words, and one token more for the rules that
   * look behind an expression ("his 80s") */
  guint from = t, k = 0;
  while (from > done && k < ATOMS_BEFORE && is_context (b, from - 1))
    from--, k++;
  if (from > done)
    from--;
  /* on over triggers and context words, and the lookahead */
  guint to = t + 1, extra = 0;
  k = 0;
  while (to < b->n_tokens)
    {
      if (token_is_trigger (b, to))
        k = extra = 0;
      else if (k < ATOMS_AFTER && extra == 0 && is_context (b, to))
        k++;
      else if (extra < ATOMS_LOOKAHEAD)
        extra++;
      else
        break;
      to++;
    }
  b->from = b->cut = from;
  b->to = to;
  return b->has_next = TRUE;
}

const Atom *
atom_scanner_next (AtomScanner *b, guint *n_atoms, guint *first,
                   gboolean *more)
{
  DocVec *v = &b->atoms;
  *first = 0;
  if (b->resume)
    {
      /* the same run: keep the atoms the rules may look back at */
      guint keep = b->resume - MIN (b->resume, ATOMS_WINDOW_BACK);
      memmove (v->data, (Atom *)v->data + keep, (v->len - keep) * sizeof (Atom));
      v->len -= keep;
      *first = b->resume - keep;
      b->resume = 0;
    }
  else
    {
      v->len = 0;
      if (!b->has_next && !find_piece (b))
        return NULL;
    }
  /* pieces that touch join into one run, cut into windows when long */
  *more = FALSE;
  do
    {
      /* in locals: cut_token's stores could alias b's fields */
      guint cut = b->cut;
      guint gap_at = b->from > 0 && b->from != b->done ? b->from : G_MAXUINT;
      for (; cut < b->to; cut++)
        {
          if (v->len >= ATOMS_WINDOW)
            {
              b->cut = cut;
              *more = TRUE;
              goto full;
            }
          cut_token (b, cut, cut == gap_at);
        }
      b->cut = cut;
      b->done = b->to;
    }
  while (find_piece (b) && b->from == b->done);
full:
  *n_atoms = v->len;
  return v->data;
}

void
atom_scanner_resume (AtomScanner *b, guint i)
{
  b->resume = i;
}

const LexEntry *
atoms_token_lex (const Lexicon *lex, const char *text, gsize text_len,
                 const WeftToken *tok)
{
  const guint8 *p = (const guint8 *)text + tok->start;
  const guint8 *end = (const guint8 *)text + tok->end;
  if (p < end && *p == '\'')
    p++;
  gboolean letters;
  return p < end ? letters_lex (lex, lexicon_get_filter (lex), p, end - p,
                                (const guint8 *)text + text_len, &letters)
                 : NULL;
}
