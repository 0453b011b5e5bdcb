/* sentiment — VADER's tables: the valence lexicon (with further lexicons
 * layered on top), the emoji lexicon, the negation, booster and special-case
 * lists and the rule constants.  Built once at init, read-only afterwards. */
#pragma once

#include <glib.h>
#include <string.h>

/* What a (lower-case) word or phrase is to the rules; one lookup per word. */
enum
{
  VADER_IN_LEXICON = 1 << 0,  /* has a valence */
  VADER_BOOSTER = 1 << 1,     /* booster or dampener */
  VADER_NEGATION = 1 << 2,    /* in the negation list */
  VADER_SPECIAL = 1 << 3,     /* a special-case phrase ("the shit") */
  VADER_PHRASE_WORD = 1 << 4, /* a word of some booster or special phrase:
                                 phrases of other words need no lookup */
};

/* The words the rules test by name ("no", "but", ...), so that a rule
 * compares a small number instead of a string. */
typedef enum
{
  VADER_W_NONE = 0,
  VADER_W_NO,
  VADER_W_NEVER,
  VADER_W_SO,
  VADER_W_THIS,
  VADER_W_WITHOUT,
  VADER_W_DOUBT,
  VADER_W_LEAST,
  VADER_W_AT,
  VADER_W_VERY,
  VADER_W_BUT,
  VADER_W_KIND,
  VADER_W_OF,
  VADER_W_OR,
  VADER_W_NOR,
} VaderWordId;

typedef struct
{
  /* What a lookup reads first, in one cache line with the valence. */
  guint64 head[2]; /* the key's first 16 bytes, zero-padded */
  guint32 key_len;
  guint16 flags;
  guint8 word; /* VaderWordId */
  double valence;
  const char *key; /* the word or phrase, NUL-terminated */
  double booster;
  double special;
} VaderEntry;

/* The constants of constants.txt, named as there. */
typedef struct
{
  double caps_increment;
  double negation_scalar;
  double booster_decay_2;
  double booster_decay_3;
  double never_so_scalar;
  double but_before;
  double but_after;
  double exclamation_weight;
  double exclamation_max;
  double question_weight;
  double question_max;
  double alpha;
} VaderConstants;

typedef struct _VaderLexicon VaderLexicon;

/* Where each table comes from; every path is required except @extra. */
typedef struct
{
  const char *lexicon;       /* VADER format */
  const char *const *extra;  /* layered in order, later overriding earlier;
                                NULL-terminated, may be NULL */
  double plain_scale;        /* multiplies word<TAB>score lexicons */
  const char *emoji;         /* emoji<TAB>description */
  const char *negations;     /* one word a line */
  const char *boosters;      /* word or phrase<TAB>scalar */
  const char *special_cases; /* phrase<TAB>valence */
  const char *constants;     /* name<TAB>value */
  gboolean typographic;      /* "n’t" (U+2019) negates like "n't" */
} VaderLexiconFiles;

/* Returns: (transfer full) the tables, or NULL with a WEFT_ERROR_DATA error
 * ("FILE:LINE: cause" for a bad line, "FILE: cause" for an unreadable
 * file). */
VaderLexicon *vader_lexicon_new (const VaderLexiconFiles *files,
                                 GError **error);
void vader_lexicon_free (VaderLexicon *lexicon);

/* Borrowed; the entry for @word (lower case, NUL-terminated) or NULL. */
const VaderEntry *vader_lexicon_lookup (const VaderLexicon *lexicon,
                                        const char *word);

/* Room to leave readable after a key for vader_hash(). */
#define VADER_HASH_PAD 16

/* The first @n bytes (0..8) of an 8-byte word read from memory. */
static inline guint64
vader_first_bytes_mask (gsize n)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return n >= 8 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
#else
  return n >= 8 ? G_MAXUINT64 : n == 0 ? 0 : G_MAXUINT64 << (64 - 8 * n);
#endif
}

static inline guint64
vader_hash_mix (guint64 h, guint64 v)
{
  h = (h ^ v) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h ^ (h >> 32);
}

/* vader_hash() of a key of @len <= 16 bytes whose first eight are @a
 * and next eight @b, each zero past @len. */
static inline guint64
vader_hash16 (guint64 a, guint64 b, gsize len)
{
  guint64 h = (guint64)len * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  h = vader_hash_mix (vader_hash_mix (h, a), b);
  return h ^ (h >> 29);
}

/* The hash of @len bytes at @s; reads whole 8-byte words, so
 * MAX (16, @len rounded up to 8) bytes at @s must be readable (pad buffers
 * by VADER_HASH_PAD); bytes past @len do not count.  Words of up to 16
 * bytes, nearly all, take two rounds without a branch on their length. */
static inline guint64
vader_hash (const char *s, gsize len)
{
  guint64 h = (guint64)len * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 v, w;
  if (len <= 16)
    {
      memcpy (&v, s, 8);
      memcpy (&w, s + 8, 8);
      h = vader_hash_mix (h, v & vader_first_bytes_mask (len));
      h = vader_hash_mix (h,
                          w & vader_first_bytes_mask (len < 8 ? 0 : len - 8));
    }
  else
    {
      for (; len >= 8; s += 8, len -= 8)
        {
          memcpy (&v, s, 8);
          h = vader_hash_mix (h, v);
        }
      if (len)
        {
          memcpy (&v, s, 8);
          h = vader_hash_mix (h, v & vader_first_bytes_mask (len));
        }
    }
  return h ^ (h >> 29);
}

/* The word table, read once per word of every text: visible so that
 * lookups inline.  Open addressing over 32-bit slots: entry index + 1 in
 * the bits of index_mask, the hash's top bits above, so that a miss seldom
 * reads an entry and the slots stay small enough for the cache.  Keys are
 * stored 8-byte aligned and zero-padded to a multiple of 8 bytes. */
typedef struct
{
  const guint32 *slots;
  guint32 mask; /* number of slots - 1 */
  guint32 index_mask;
  const VaderEntry *entries;
  gsize max_key; /* the longest key, in bytes: longer words need no lookup */
  const guint64 *bloom; /* VADER_BLOOM_BITS bits, two set per key */
  gboolean typographic; /* "n’t" negates too (not VADER's default) */
  /* Whether some key has a non-ASCII character and is its own lower case:
   * otherwise only a word whose lower case is ASCII can be a key. */
  gboolean high_keys;
  guint64 emoji_leads[4]; /* the first bytes of the emoji's UTF-8 */
} VaderTable;

/* Whether a character whose UTF-8 starts with byte @b may be an emoji of
 * the lexicon. */
static inline gboolean
vader_table_emoji_lead (const VaderTable *t, guchar b)
{
  return (t->emoji_leads[b / 64] >> (b % 64)) & 1;
}

/* 16 KiB: most words are no key, and this answers for them from the
 * fastest cache. */
#define VADER_BLOOM_BITS (1u << 17)

/* FALSE when no key has hash @hash; TRUE when one may have. */
static inline gboolean
vader_table_maybe (const VaderTable *t, guint64 hash)
{
  guint32 a = (guint32)(hash >> 14) & (VADER_BLOOM_BITS - 1);
  guint32 b = (guint32)(hash >> 31) & (VADER_BLOOM_BITS - 1);
  return (t->bloom[a / 64] >> (a % 64)) & (t->bloom[b / 64] >> (b % 64)) & 1;
}

/* Borrowed. */
const VaderTable *vader_lexicon_table (const VaderLexicon *lexicon);

/* The entry for a word of @len <= 16 bytes given as for vader_hash16()
 * (its bytes in @a and @b, zero past the end), or NULL. */
static inline const VaderEntry *
vader_table_find16 (const VaderTable *t, guint64 a, guint64 b, gsize len,
                    guint64 hash)
{
  guint32 tag = (guint32)(hash >> 32) & ~t->index_mask;
  for (guint32 s = (guint32)hash & t->mask;; s = (s + 1) & t->mask)
    {
      guint32 slot = t->slots[s];
      if (!slot)
        return NULL;
      if ((slot & ~t->index_mask) != tag)
        continue;
      const VaderEntry *e = &t->entries[(slot & t->index_mask) - 1];
      if (e->key_len == len && e->head[0] == a && e->head[1] == b)
        return e;
    }
}

/* Borrowed; the entry for @len bytes at @word (lower case; readable as
 * for vader_hash()) whose vader_hash() is @hash, or NULL. */
static inline const VaderEntry *
vader_table_find (const VaderTable *t, const char *word, gsize len,
                  guint64 hash)
{
  guint64 a, b;
  memcpy (&a, word, 8);
  memcpy (&b, word + 8, 8);
  if (len <= 16)
    return vader_table_find16 (t, a & vader_first_bytes_mask (len),
                               b & vader_first_bytes_mask (len < 8 ? 0 : len - 8),
                               len, hash);
  guint32 tag = (guint32)(hash >> 32) & ~t->index_mask;
  for (guint32 s = (guint32)hash & t->mask;; s = (s + 1) & t->mask)
    {
      guint32 slot = t->slots[s];
      if (!slot)
        return NULL;
      if ((slot & ~t->index_mask) != tag)
        continue;
      const VaderEntry *e = &t->entries[(slot & t->index_mask) - 1];
      if (e->key_len != len)
        continue;
      for (gsize i = 0;; i += 8)
        {
          memcpy (&a, e->key + i, 8);
          memcpy (&b, word + i, 8);
          if (len - i <= 8)
            {
              if (a == (b & vader_first_bytes_mask (len - i)))
                return e;
              break;
            }
          if (a != b)
            break;
        }
    }
}

/* Borrowed; the description replacing emoji @c, or NULL. */
const char *vader_lexicon_emoji (const VaderLexicon *lexicon, gunichar c);
/* Whether code point @c may be an emoji of the lexicon (a bitmap test; no
 * false negatives). */
gboolean vader_lexicon_maybe_emoji (const VaderLexicon *lexicon, gunichar c);
/* Borrowed. */
const VaderConstants *vader_lexicon_constants (const VaderLexicon *lexicon);
/* The longest phrase key, in bytes: longer n-grams need no lookup. */
gsize vader_lexicon_max_phrase (const VaderLexicon *lexicon);
/* Number of words with a valence. */
guint vader_lexicon_size (const VaderLexicon *lexicon);
