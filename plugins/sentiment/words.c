/* sentiment — splitting a text into VADER's words, as SentiText does:
 * str.split() on Python's whitespace, string.punctuation stripped from
 * both ends unless that leaves two characters or fewer, str.lower() looked
 * up in the lexicon, str.isupper() and "n't" noted.  ASCII words take a
 * 16-byte SSE2 step with no branch per byte; others follow Python's rules
 * character by character (pytext.c). */
#include "words.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pytext.h"

typedef VaderWord Word;

/* Words keep their entry's flags in a byte. */
G_STATIC_ASSERT (VADER_PHRASE_WORD <= G_MAXUINT8);

void
vader_words_translate_emoji (const VaderLexicon *lex, const char *text,
                             gsize len, gboolean prev_space, GString *out)
{
  const char *end = text + len;
  for (const char *p = text; p < end;)
    {
      const char *next = g_utf8_next_char (p);
      const char *d = (guchar)*p >= 0xc2
                          ? vader_lexicon_emoji (lex, g_utf8_get_char (p))
                          : NULL;
      if (d)
        {
          if (!prev_space)
            g_string_append_c (out, ' ');
          g_string_append (out, d);
          prev_space = FALSE;
        }
      else
        {
          g_string_append_len (out, p, next - p);
          prev_space = *p == ' ';
        }
      p = next;
    }
}

/* Whether "n't" is in the lower-cased word: only 'N' and 'T' lower to 'n'
 * and 't' (no other character lowers to ASCII but U+0130 and U+212A, to 'i'
 * and 'k'), so the bytes as written tell. */
static gboolean
has_nt (const char *s, const char *e)
{
  for (const char *p = s + 1; p + 1 < e; p++)
    if (*p == '\'' && (p[-1] | 0x20) == 'n' && (p[1] | 0x20) == 't')
      return TRUE;
  return FALSE;
}

/* Whether "n’t" (RIGHT SINGLE QUOTATION MARK, as news text writes it) is in
 * the word, for the typographic-apostrophes option. */
static gboolean
has_nt_typographic (const char *s, const char *e)
{
  for (const char *p = s + 1; p + 3 < e; p++)
    if (memcmp (p, "\xE2\x80\x99", 3) == 0 && (p[-1] | 0x20) == 'n'
        && (p[3] | 0x20) == 't')
      return TRUE;
  return FALSE;
}

/* Whether [s, e) holds KELVIN SIGN, the one non-ASCII character whose
 * lower case is ASCII ('k'). */
static gboolean
has_kelvin (const char *s, const char *e)
{
  for (const char *p = s; p + 2 < e; p++)
    if (memcmp (p, "\xE2\x84\xAA", 3) == 0)
      return TRUE;
  return FALSE;
}

/* The entry of the word [s, e) with non-ASCII characters in it: lower-cased
 * as str.lower() (at most 1.5 times as long), then looked up; a lower-case
 * form longer than any key needs no lookup, and since no character lowers
 * to fewer than a third of its bytes, nor does a word over three times
 * that. */
static const VaderEntry *
lookup_unicode (const VaderTable *tab, const char *s, const char *e,
                WeftDoc *arena)
{
  gsize len = (gsize)(e - s), max = tab->max_key;
  /* Its lower case is not ASCII, and no such key can be met. */
  if (len > 3 * max || (!tab->high_keys && !has_kelvin (s, e)))
    return NULL;
  char stack[512];
  gsize need = len + len / 2 + VADER_HASH_PAD;
  char *buf = need <= sizeof stack ? stack : weft_doc_alloc (arena, need);
  gsize ll = py_lower (s, len, buf);
  if (ll > max)
    return NULL;
  memset (buf + ll, 0, VADER_HASH_PAD);
  return vader_table_find (tab, buf, ll, vader_hash (buf, ll));
}

/* The entry of the ASCII word [s, e) (@limit: the end of the readable
 * text): lower-cased eight bytes at a time into a buffer. */
static inline const VaderEntry *
lookup_ascii (const VaderTable *tab, const char *s, const char *e,
              const char *limit, WeftDoc *arena)
{
  gsize len = (gsize)(e - s);
  if (len > tab->max_key)
    return NULL;
  char stack[64 + VADER_HASH_PAD];
  char *buf = len <= 64 ? stack : weft_doc_alloc (arena, len + VADER_HASH_PAD);
  for (gsize i = 0; i < len + 8; i += 8)
    {
      guint64 x = 0;
      gsize n = i < len ? MIN (8, len - i) : 0;
      if (s + i + 8 <= limit)
        {
          memcpy (&x, s + i, 8);
          x &= vader_first_bytes_mask (n);
        }
      else
        memcpy (&x, s + i, n);
      /* Bytes are ASCII: bit 7 of x + 0x3f is set from 'A' up, of
       * x + 0x25 from '[' up, and no byte carries into the next. */
      guint64 upper = (x + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f))
                      & ~(x + G_GUINT64_CONSTANT (0x2525252525252525))
                      & G_GUINT64_CONSTANT (0x8080808080808080);
      memcpy (buf + i, &(guint64){ x | upper >> 2 }, 8);
    }
  guint64 h = vader_hash (buf, len);
  if (!vader_table_maybe (tab, h))
    return NULL;
  return vader_table_find (tab, buf, len, h);
}

/* SentiText for one word [start, end) of the text: stripped of surrounding
 * punctuation unless that leaves two characters or fewer (emoticons such
 * as ":)"), then looked up lower-cased.  @classes: the py_byte_class bits
 * of its bytes; @limit: the end of the text. */
static void
make_word (const VaderTable *tab, const char *text, const char *limit,
           const char *start, const char *end, guint classes, WeftDoc *arena,
           Word *w)
{
  const char *ws = start, *we = end;
  if (classes & PY_PUNCT)
    {
      py_strip_punct (&ws, &we);
      if ((ws != start || we != end)
          && ((classes & PY_HIGH) ? py_n_chars (ws, (gsize)(we - ws))
                                  : (gsize)(we - ws))
                 <= 2)
        {
          ws = start;
          we = end;
        }
    }
  w->start = (guint32)(start - text);
  w->end = (guint32)(end - text);
  /* Stripping removes no letters, so the word's classes hold for what is
   * left of it. */
  if (classes & PY_HIGH)
    {
      w->upper = py_is_upper (ws, (gsize)(we - ws));
      w->entry = lookup_unicode (tab, ws, we, arena);
    }
  else
    {
      w->upper = (classes & PY_UPPER) && !(classes & PY_LOWER);
      w->entry = lookup_ascii (tab, ws, we, limit, arena);
    }
  w->flags = w->entry ? w->entry->flags : 0;
  w->id = w->entry ? w->entry->word : 0;
  w->negated = (w->flags & VADER_NEGATION)
               || ((classes & PY_APOSTROPHE) && has_nt (ws, we))
               || (tab->typographic && (classes & PY_HIGH)
                   && has_nt_typographic (ws, we));
}

#ifdef __SSE2__
/* A word whose lookup waits for its batch: its lower-case key of len
 * <= 16 bytes as for vader_hash16(), its hash (made by the batch), and
 * its number in the window. */
typedef struct
{
  guint64 a, b; /* stored as one vector */
  guint64 hash;
  guint32 word, len;
} Pending;

/* Words are looked up this many at a time: some 60 candidates, whose
 * table misses overlap. */
#define BATCH 256
#endif

/* Room in @out's scored list for @n more. */
static void
reserve_scored (VaderWords *out, guint n)
{
  if (out->scored_cap - out->n_scored >= n)
    return;
  out->scored_cap = MAX (MAX (256, 2 * out->scored_cap), out->n_scored + n);
  out->scored = g_renew (guint32, out->scored, out->scored_cap);
}

/* Whether the rules score a word of entry @e for the whole text. */
static inline gboolean
is_scored (const VaderEntry *e)
{
  return (e->flags & VADER_IN_LEXICON) || e->word == VADER_W_BUT;
}

#ifdef __SSE2__

/* A hint to fetch the cache line at @p, where the compiler can give one. */
static inline void
prefetch (const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch (p);
#else
  (void)p;
#endif
}

/* Looks up the @n pending words, fills in their entries in @out's words
 * (made without one) and lists those the rules score.  Their hashes and
 * the Bloom filter's tests are made here, not in each word's step: a
 * word's last instructions there waited on the hash's multiplications
 * and then on the filter's loads, and held back the words after it (the
 * stage 10 ms faster on the 50 MB corpus for 1% fewer instructions);
 * here the tests of a batch overlap.  The filter's answers, right for a
 * few words in four and wrong for the rest, are not branched on word by
 * word: they only keep the candidates, whose table lookups, mostly hits,
 * follow each other without waiting on a mispredicted branch. */
static void
lookup_batch (const VaderTable *tab, Pending *pending, guint n, VaderWords *out)
{
  Word *words = out->words;
  reserve_scored (out, n);
  guint32 *scored = out->scored;
  guint n_scored = out->n_scored;
  guint16 cand[BATCH]; /* the candidates' numbers in @pending */
  guint n_cand = 0;
  for (guint i = 0; i < n; i++)
    {
      Pending *k = &pending[i];
      k->hash = vader_hash16 (k->a, k->b, k->len);
      cand[n_cand] = (guint16)i;
      n_cand += vader_table_maybe (tab, k->hash);
    }
  /* The table is a few hundred kilobytes, mostly outside the first
   * cache: each candidate's first slot is read and its entry fetched
   * ahead, so that their misses overlap instead of following each
   * other. */
  for (guint c = 0; c < n_cand; c++)
    {
      guint32 slot = tab->slots[(guint32)pending[cand[c]].hash & tab->mask];
      if (slot)
        prefetch (&tab->entries[(slot & tab->index_mask) - 1]);
    }
  for (guint c = 0; c < n_cand; c++)
    {
      const Pending *k = &pending[cand[c]];
      const VaderEntry *e
          = vader_table_find16 (tab, k->a, k->b, k->len, k->hash);
      if (e)
        {
          Word *w = &words[k->word];
          w->entry = e;
          w->flags = (guint8)e->flags;
          w->id = e->word;
          w->negated |= (e->flags & VADER_NEGATION) != 0;
          scored[n_scored] = k->word;
          n_scored += is_scored (e);
        }
    }
  out->n_scored = n_scored;
}

static inline guint
equal (__m128i v, char c)
{
  return (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 (c)));
}

/* The highest set bit of @x (non-zero). */
static inline guint
top_bit (guint x)
{
  return 31 - (guint)__builtin_clz (x);
}

/* Sixteen bytes of all ones, then sixteen of zeros: the first n bytes
 * of a vector are kept by the 16 at 16 - n. */
static const guint8 first_bytes[32] = {
  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

/* make_word() for the word at @p when it is ASCII and ends at ASCII
 * whitespace within the 16 bytes at @p: returns its length (0 when it is
 * not such a word) and fills in @key for the lookup.  Sixteen bytes are
 * tested at once, stripping and case are bit masks, and the lower-case
 * form is one vector OR, so a word costs no branch per byte. */
static inline guint
word16 (const char *text, const char *p, Word *w, Pending *key)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *)p);
  /* Bytes below '!' as signed: whitespace, control characters and every
   * byte of a multi-byte character; the word must end at whitespace. */
  guint stop = (guint)_mm_movemask_epi8 (
      _mm_subs_epi8 (v, _mm_set1_epi8 ('!'))); /* signed, saturating */
  if (!stop)
    return 0;
  guint len = (guint)__builtin_ctz (stop);
  if (!(py_byte_class[(guchar)p[len]] & PY_SPACE))
    return 0;
  guint range = (1u << len) - 1;

  /* The word's bytes are '!' to DEL: OR 0x20 maps its letters, and only
   * them, onto 'a' to 'z'; signed compares against a shifted range find
   * them and the digits.  Bit 5 of a letter is its case. */
  __m128i alpha
      = _mm_cmplt_epi8 (_mm_add_epi8 (_mm_or_si128 (v, _mm_set1_epi8 (0x20)),
                                      _mm_set1_epi8 ((char)(0x80 - 'a'))),
                        _mm_set1_epi8 ((char)(0x80 + 26)));
  __m128i digit
      = _mm_cmplt_epi8 (_mm_add_epi8 (v, _mm_set1_epi8 ((char)(0x80 - '0'))),
                        _mm_set1_epi8 ((char)(0x80 + 10)));
  guint letters = (guint)_mm_movemask_epi8 (alpha) & range;
  guint case_bit = (guint)_mm_movemask_epi8 (_mm_slli_epi16 (v, 2));
  guint upper = letters & ~case_bit;
  guint lower = letters & case_bit;
  /* string.punctuation is the rest of '!' to '~': DEL stays. */
  guint keep = range
               & (guint)_mm_movemask_epi8 (
                   _mm_or_si128 (_mm_or_si128 (alpha, digit),
                                 _mm_cmpeq_epi8 (v, _mm_set1_epi8 (0x7f))));
  /* What stripping keeps, from its first to its last byte (k <= 0 when
   * nothing), without a branch: whether a word ends in punctuation is
   * not predictable. */
  guint l = (guint)__builtin_ctz (keep | (1u << 16));
  gint k = (gint)top_bit (keep | 1) + 1 - (gint)l;
  /* Stripping that leaves two characters or fewer is undone. */
  guint strip = -(guint)(k > 2); /* all ones or zero: compilers branch on ?: */
  guint lead = l & strip;
  guint kl = ((guint)k & strip) | (len & ~strip);

  /* The lower-case word from the vector, not through memory, its
   * leading punctuation shifted out through a buffer. */
  __m128i lo = _mm_or_si128 (v, _mm_and_si128 (alpha, _mm_set1_epi8 (0x20)));
  if (lead != 0)
    {
      char buf[32];
      _mm_storeu_si128 ((__m128i *)(buf + 16), _mm_setzero_si128 ());
      _mm_storeu_si128 ((__m128i *)buf, lo);
      lo = _mm_loadu_si128 ((const __m128i *)(buf + lead));
    }
  /* The key's kl bytes, zeros after them, stored as they are. */
  lo = _mm_and_si128 (
      lo, _mm_loadu_si128 ((const __m128i *)(first_bytes + 16 - kl)));
  _mm_storeu_si128 ((__m128i *)&key->a, lo);
  /* A key longer than any of the table's finds none, as it should. */
  key->len = kl;
  w->start = (guint32)(p - text);
  w->end = w->start + len;
  w->entry = NULL;
  w->flags = 0;
  w->id = 0;
  w->upper = (upper != 0) & (lower == 0);
  w->negated = (equal (v, '\'') & range) && has_nt (p + lead, p + lead + kl);
  return len;
}
#endif

gboolean
vader_words_part (const VaderLexicon *lex, const char *s, gsize len,
                  VaderWord *w)
{
#ifdef __SSE2__
  /* A short ASCII part is word16()'s from a copy that a space ends, and
   * is looked up at once: a quote's first and last words are, and the
   * split with its batch cost some 500 instructions a part. */
  if (len == 0 || len >= 16)
    return FALSE;
  char buf[32] = { 0 };
  memcpy (buf, s, len);
  buf[len] = ' ';
  const VaderTable *tab = vader_lexicon_table (lex);
  Pending key;
  if (word16 (buf, buf, w, &key) != len)
    return FALSE;
  w->uppers_before = 0;
  guint64 hash = vader_hash16 (key.a, key.b, key.len);
  const VaderEntry *e
      = vader_table_maybe (tab, hash)
            ? vader_table_find16 (tab, key.a, key.b, key.len, hash)
            : NULL;
  if (e)
    {
      w->entry = e;
      w->flags = (guint8)e->flags;
      w->id = e->word;
      w->negated |= (e->flags & VADER_NEGATION) != 0;
    }
  return TRUE;
#else
  (void)lex;
  (void)s;
  (void)len;
  (void)w;
  return FALSE;
#endif
}

/* Room in @out for one more word. */
static void
reserve (VaderWords *out)
{
  if (out->n < out->cap)
    return;
  /* A chunk of text holds some 700 words: room for them at once. */
  out->cap = MAX (1024, 2 * out->cap);
  out->words = g_renew (Word, out->words, out->cap);
}

gboolean
vader_words_split (const VaderLexicon *lex, const char *text, gsize len,
                   gsize from, gsize to, gboolean emoji, WeftDoc *arena,
                   VaderWords *out)
{
  const char *end = text + len, *stop = text + to;
  const char *p = text + from;
  const VaderTable *tab = vader_lexicon_table (lex);
  /* The counts stay in locals: stores through @out's array could
   * otherwise be @out's own fields. */
  guint32 uppers = out->uppers;
  guint n = out->n, cap = out->cap;
  Word *words = out->words;
  gboolean done = TRUE;
#ifdef __SSE2__
  /* On an emoji, the caller drops this call's words: pending ones too. */
  Pending pending[BATCH];
  guint n_pending = 0;
  /* Sixteen bytes at p are readable while p is at most this (as an
   * address; never when the text is shorter). */
  const guintptr last16 = (guintptr)end - 16;
#endif
  for (;;)
    {
#ifdef __SSE2__
      /* Runs of words that word16() makes, each after the single space
       * stepped over with the word before, take this loop: one test of
       * the room left (in the window and in the batch) and one of the
       * text left stand for the four tests below, some 10 instructions a
       * word. */
      guintptr fast_end = MIN ((guintptr)stop, last16 + 1);
      guint n_limit = MIN (cap, n + (BATCH - n_pending));
      while ((guintptr)p < fast_end && n < n_limit && (signed char)*p > ' ')
        {
          Word *w = &words[n];
          Pending *key = &pending[n_pending];
          guint wl = word16 (text, p, w, key);
          if (!wl)
            break;
          key->word = n;
          n_pending++;
          p += wl + 1;
          w->uppers_before = uppers;
          uppers += w->upper;
          n++;
        }
      if (n_pending == BATCH)
        {
          out->n = n;
          lookup_batch (tab, pending, n_pending, out);
          n_pending = 0;
        }
#endif
      /* Most words follow a single space, stepped over with the word
       * before: a byte from '!' to DEL starts a word. */
      while (p < stop && (signed char)*p <= ' ')
        {
          guint8 c = py_byte_class[(guchar)*p];
          gsize sl;
          if (c & PY_SPACE)
            p++;
          else if ((c & PY_HIGH) && (sl = py_high_space_len (p, end)))
            p += sl;
          else
            break;
        }
      if (p >= stop)
        break;
      if (n == cap)
        {
          /* Pending words are found by number, not by pointer. */
          out->n = n;
          reserve (out);
          words = out->words;
          cap = out->cap;
        }
      /* Made in place; stores through it alias none of the locals. */
      Word *w = &words[n];
      guint wl = 0;
#ifdef __SSE2__
      if ((guintptr)p <= last16)
        {
          Pending *key = &pending[n_pending];
          wl = word16 (text, p, w, key);
          key->word = n;
          n_pending += wl != 0;
        }
#endif
      if (wl)
        p += wl + 1; /* and the whitespace byte that ends the word */
      else
        {
          const char *start = p;
          guint classes = 0;
          while (p < end)
            {
              guint8 c = py_byte_class[(guchar)*p];
              if (c & PY_SPACE)
                break;
              if ((c & PY_HIGH) && (guchar)*p >= 0xc2)
                {
                  if (py_high_space_len (p, end))
                    break;
                  if (!emoji && vader_table_emoji_lead (tab, (guchar)*p)
                      && vader_lexicon_emoji (lex, g_utf8_get_char (p)))
                    {
                      done = FALSE;
                      goto out;
                    }
                }
              classes |= c;
              p++;
            }
          make_word (tab, text, end, start, p, classes, arena, w);
          if (w->entry && is_scored (w->entry))
            {
#ifdef __SSE2__
              /* The pending words come before it in the list. */
              out->n = n;
              lookup_batch (tab, pending, n_pending, out);
              n_pending = 0;
#endif
              reserve_scored (out, 1);
              out->scored[out->n_scored++] = n;
            }
        }
      w->uppers_before = uppers;
      uppers += w->upper;
      n++;
#ifdef __SSE2__
      if (n_pending == BATCH)
        {
          lookup_batch (tab, pending, n_pending, out);
          n_pending = 0;
        }
#endif
    }
#ifdef __SSE2__
  out->n = n;
  lookup_batch (tab, pending, n_pending, out);
#endif
out:
  out->n = n;
  out->uppers = uppers;
  return done;
}
