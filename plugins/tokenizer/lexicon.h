/* tokenizer — word lists (abbreviations, hyphen prefixes, emoticons,
 * sentence starters): loaded once from data files into open-addressing
 * hash tables, then looked up by byte range without copying or
 * allocating; cheap length and first/last byte filters run first. */
#pragma once

#include <glib.h>

/* A set of words, each with a small bit set of tags.  The fields are
 * visible for the inline pre-checks below; use the functions. */
typedef struct _TokLexiconSlot TokLexiconSlot;
typedef struct
{
  GString *pool;         /* the entries, NUL-separated */
  TokLexiconSlot *slots; /* n_slots, a power of two */
  guint n_slots;
  guint n_entries;
  gboolean fold_case;
  gsize max_len;
  guint64 lengths; /* bit n: some entry is n bytes long */
  guint8 first_bytes[256];
  guint8 last_bytes[256];
  guint8 prefixes[8192]; /* bit (b0 << 8 | b1): an entry starts b0 b1 */
  /* bit n of [PAIR_KEY (b0, b1)]: an entry of n bytes starts b0 b1, or is
   * one byte b0; the key ignores ASCII case */
  guint64 pair_lengths[1024];
  /* bit n of [b]: an entry of n bytes starts (first_lengths) or ends
   * (last_lengths) with the byte b, in either ASCII case when folded */
  guint64 first_lengths[256];
  guint64 last_lengths[256];
} TokLexicon;

#define TOK_PAIR_KEY(b0, b1) (((guint)(b0)&31u) << 5 | ((guint)(b1)&31u))

/* Tag names accepted after a word in a data file, and their bits. */
typedef struct
{
  const char *name;
  guint bit;
} TokLexiconTag;

/* Returns: (transfer full) an empty lexicon; @fold_case makes it match
 * without regard to ASCII case (entries and queries are lower-cased). */
TokLexicon *tok_lexicon_new (gboolean fold_case);
void tok_lexicon_free (TokLexicon *lexicon);

/* Adds @word (NUL-terminated) with @tags, OR-ing them into an existing
 * entry's tags. */
void tok_lexicon_add (TokLexicon *lexicon, const char *word, guint tags);

/* Loads a data file: one entry a line, optionally followed by white space
 * and tag names from @tags (NULL-terminated by name); '#' at the start of
 * a line or after a blank starts a comment.  FALSE with WEFT_ERROR_DATA,
 * "FILE:LINE: why", on a bad line or when the file cannot be read. */
gboolean tok_lexicon_load (TokLexicon *lexicon, const char *path,
                           const TokLexiconTag *tags, GError **error);

/* Whether some entry is @len bytes long: a cheap test before a lookup. */
static inline gboolean
tok_lexicon_has_length (const TokLexicon *lexicon, gsize len)
{
  return len < 64 && (lexicon->lengths & (G_GUINT64_CONSTANT (1) << len));
}

/* Whether the @len bytes at @word pass the length and first and last byte
 * filters: FALSE means surely not an entry. */
static inline gboolean
tok_lexicon_may_hold (const TokLexicon *lexicon, const guchar *word, gsize len)
{
  /* Bitwise, not &&: the scanner asks for every word, and a branch per
   * filter would be mispredicted (many words have a listed length). */
  guint key = (guint)word[0] << 8 | (len > 1 ? word[1] : 0);
  return ((len < 64) & (guint)(lexicon->lengths >> (len & 63))
          & (lexicon->prefixes[key >> 3] >> (key & 7))
          & (lexicon->last_bytes[word[len - 1]] != 0));
}

/* tok_lexicon_may_hold() for the scanner's hot path, with fewer loads:
 * the first two bytes and the length in one table, then the last byte.
 * A word of 64 bytes or more is filtered by its length modulo 64, so may
 * pass (no entry is that long; the scanner looks closer and finds none).
 * @word[1] must be readable even when @len is 1 (the text ends in a NUL). */
static inline gboolean
tok_lexicon_may_hold_word (const TokLexicon *lexicon, const guchar *word,
                           gsize len)
{
  guint64 lengths = lexicon->pair_lengths[TOK_PAIR_KEY (word[0], word[1])];
  return (guint)(lengths >> (len & 63)) & lexicon->last_bytes[word[len - 1]];
}

/* A cheaper filter for a short list (the contractions), asked for every
 * word: the length with the first byte and with the last, three loads
 * and no key to compute.  It lets through about as few words as
 * tok_lexicon_may_hold_word() does for such a list.  As there, a word of
 * 64 bytes or more is filtered by its length modulo 64. */
static inline gboolean
tok_lexicon_may_hold_ends (const TokLexicon *lexicon, const guchar *word,
                           gsize len)
{
  guint64 lengths
      = lexicon->first_lengths[word[0]] & lexicon->last_lengths[word[len - 1]];
  return (lengths >> (len & 63)) & 1;
}

/* Whether some entry starts with the bytes @b0 @b1 (a one-byte entry
 * counts as @b0 followed by 0). */
static inline gboolean
tok_lexicon_has_prefix2 (const TokLexicon *lexicon, guchar b0, guchar b1)
{
  guint key = (guint)b0 << 8 | b1;
  return (lexicon->prefixes[key >> 3] & (1u << (key & 7))) != 0;
}

/* The length in bytes of the longest entry. */
static inline gsize
tok_lexicon_max_len (const TokLexicon *lexicon)
{
  return lexicon->max_len;
}

/* Whether some entry starts with byte @b. */
static inline gboolean
tok_lexicon_has_first_byte (const TokLexicon *lexicon, guchar b)
{
  return lexicon->first_bytes[b] != 0;
}

/* tok_lexicon_lookup() once the filters have passed. */
gboolean tok_lexicon_find (const TokLexicon *lexicon, const guchar *word,
                           gsize len, guint *tags);

/* Whether the @len bytes at @word are an entry; *@tags (may be NULL) gets
 * its tags.  Words of 64 bytes or more never match.  Thread-safe.  The
 * filters are inline: most words asked about are no entry. */
static inline gboolean
tok_lexicon_lookup (const TokLexicon *lexicon, const char *word, gsize len,
                    guint *tags)
{
  const guchar *w = (const guchar *)word;
  return len > 0 && tok_lexicon_may_hold (lexicon, w, len)
         && tok_lexicon_find (lexicon, w, len, tags);
}
