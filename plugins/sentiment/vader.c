/* sentiment — VADER's rules over one string, step for step as
 * vaderSentiment 3.3.2's polarity_scores(): emoji become their descriptions,
 * the text is split on whitespace with punctuation stripped from each word,
 * every word gets a valence adjusted by the words before it (negation,
 * boosters, ALL CAPS, idioms, "least"), "but" shifts the weights, and the
 * sum is normalized.  The order of floating-point operations follows the
 * reference so that the results are the same to the last bit. */
#include "vader.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "but.h"
#include "pytext.h"

/* A word of the text, with what the rules need of it: its entry (found
 * once, by the lower-cased word), str.isupper() and whether it negates. */
struct _VaderWord
{
  const VaderEntry *entry; /* NULL when the word is nothing to the rules */
  guint32 start, end;      /* its bytes in the text split, before stripping */
  guint32 bangs;           /* '!' in the text before the word */
  guint32 questions;       /* '?' likewise */
  guint32 uppers;          /* words before it that are str.isupper() */
  guint16 flags;           /* the entry's, copied to save a load per rule */
  guint8 id;               /* VaderWordId, likewise */
  guint8 upper : 1;        /* str.isupper() of the word as written */
  guint8 negated : 1;      /* negated([word]): a negation or "n't" in it */
};

typedef struct _VaderWord Word;

typedef struct
{
  const VaderLexicon *lex;
  const VaderConstants *k;
  const Word *w;
  guint n;
  gboolean cap_diff;
  WeftDoc *arena;
} Ctx;

static inline gboolean
has (const Word *w, guint flag)
{
  return w->flags & flag;
}

static inline gboolean
in_lexicon (const Word *w)
{
  return has (w, VADER_IN_LEXICON);
}

static inline gboolean
is_booster (const Word *w)
{
  return has (w, VADER_BOOSTER);
}

/* Whether the word is @id ("no", "but", ...). */
static inline gboolean
is (const Word *w, VaderWordId id)
{
  return w->id == id;
}

static inline gboolean
is_so_or_this (const Word *w)
{
  return is (w, VADER_W_SO) || is (w, VADER_W_THIS);
}

/* ---- the text to words --------------------------------------------------- */

/* The text with each emoji that is one code point replaced by its
 * description, a space put before it unless a space precedes. */
static const char *
translate_emoji (const VaderLexicon *lex, const char *text, gsize len,
                 WeftDoc *arena, gsize *out_len)
{
  gsize extra = 0;
  const char *end = text + len;
  for (const char *p = text; p < end; p++)
    if ((guchar)*p >= 0xc2)
      {
        const char *d = vader_lexicon_emoji (lex, g_utf8_get_char (p));
        if (d)
          extra += strlen (d) + 1;
      }

  char *out = weft_doc_alloc (arena, len + extra + 1);
  char *o = out;
  gboolean prev_space = TRUE;
  for (const char *p = text; p < end;)
    {
      const char *next = g_utf8_next_char (p);
      const char *d = (guchar)*p >= 0xc2
                          ? vader_lexicon_emoji (lex, g_utf8_get_char (p))
                          : NULL;
      if (d)
        {
          if (!prev_space)
            *o++ = ' ';
          gsize dl = strlen (d);
          memcpy (o, d, dl);
          o += dl;
          prev_space = FALSE;
        }
      else
        {
          memcpy (o, p, (gsize)(next - p));
          o += next - p;
          prev_space = *p == ' ';
        }
      p = next;
    }
  *out_len = (gsize)(o - out);
  return out;
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
  if (len > 3 * max)
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
  if (w->entry)
    {
      w->flags = w->entry->flags;
      w->id = w->entry->word;
    }
  w->negated = (w->flags & VADER_NEGATION)
               || ((classes & PY_APOSTROPHE) && has_nt (ws, we));
}

#ifdef __SSE2__
/* Bit i set where byte i of @v is in [@lo, @hi]. */
static inline guint
in_range (__m128i v, guint8 lo, guint8 hi)
{
  __m128i t = _mm_sub_epi8 (v, _mm_set1_epi8 ((char)lo));
  return (guint)_mm_movemask_epi8 (
      _mm_cmpeq_epi8 (_mm_min_epu8 (t, _mm_set1_epi8 ((char)(hi - lo))), t));
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

/* make_word() for the word at @p when it is ASCII and ends at ASCII
 * whitespace within the 16 bytes at @p: returns its length (0 when it is
 * not such a word) and counts its '!' and '?'.  Sixteen bytes are tested
 * at once, stripping and case are bit masks, and the lower-case form is
 * one vector OR, so a word costs no branch per byte. */
static inline guint
word16 (const VaderTable *tab, const char *text, const char *p, Word *w,
        guint32 *bangs, guint32 *questions)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *)p);
  /* Bytes below '!' as signed: whitespace, control characters and every
   * byte of a multi-byte character; the word must end at whitespace. */
  guint stop
      = (guint)_mm_movemask_epi8 (_mm_cmplt_epi8 (v, _mm_set1_epi8 ('!')));
  if (!stop)
    return 0;
  guint len = (guint)__builtin_ctz (stop);
  if (!(py_byte_class[(guchar)p[len]] & PY_SPACE))
    return 0;
  guint range = (1u << len) - 1;

  __m128i t = _mm_sub_epi8 (v, _mm_set1_epi8 ('A'));
  __m128i up = _mm_cmpeq_epi8 (_mm_min_epu8 (t, _mm_set1_epi8 (25)), t);
  guint upper = (guint)_mm_movemask_epi8 (up) & range;
  guint lower = in_range (v, 'a', 'z') & range;
  guint alnum = upper | lower | in_range (v, '0', '9');
  /* string.punctuation: the printable ASCII that is neither letter nor
   * digit (the word holds no byte below '!'). */
  guint keep = range & (alnum | ~in_range (v, 0x21, 0x7e));
  guint lead = 0, kl = len;
  if (keep != range)
    {
      guint l = keep ? (guint)__builtin_ctz (keep) : len;
      guint k = keep ? top_bit (keep) + 1 - l : 0;
      /* Stripping that leaves two characters or fewer is undone. */
      if (k > 2)
        {
          lead = l;
          kl = k;
        }
    }

  guint marks = (guint)_mm_movemask_epi8 (
                    _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('!')),
                                  _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('?'))))
                & range;
  if (marks)
    for (guint i = 0; i < len; i++)
      {
        *bangs += p[i] == '!';
        *questions += p[i] == '?';
      }

  const VaderEntry *e = NULL;
  if (kl <= tab->max_key)
    {
      char buf[32];
      _mm_storeu_si128 ((__m128i *)(buf + 16), _mm_setzero_si128 ());
      _mm_storeu_si128 (
          (__m128i *)buf,
          _mm_or_si128 (v, _mm_and_si128 (up, _mm_set1_epi8 (0x20))));
      const char *key = buf + lead;
      guint64 h = vader_hash (key, kl);
      if (vader_table_maybe (tab, h))
        e = vader_table_find (tab, key, kl, h);
    }
  w->start = (guint32)(p - text);
  w->end = w->start + len;
  w->entry = e;
  w->flags = e ? e->flags : 0;
  w->id = e ? e->word : 0;
  w->upper = upper && !lower;
  w->negated
      = (w->flags & VADER_NEGATION)
        || ((equal (v, '\'') & range) && has_nt (p + lead, p + lead + kl));
  return len;
}
#endif

/* @array (of *@cap elements of @size bytes) copied into twice the room. */
static gpointer
grow (WeftDoc *arena, gpointer array, guint *cap, gsize size)
{
  gpointer grown = weft_doc_alloc (arena, 2 * (gsize)*cap * size);
  memcpy (grown, array, *cap * size);
  *cap *= 2;
  return grown;
}

/* text.split() into SentiText's words: whitespace as str.split() sees it,
 * ASCII decided by one table load per byte or sixteen bytes at once.
 * Sets @t's words (with a last one holding the totals of the counts) and
 * hits and returns the number of words; stops and returns G_MAXUINT at the
 * first emoji of the lexicon when @emoji is FALSE (the text needs
 * translating first). */
static guint
split_words (const VaderLexicon *lex, const char *text, gsize len,
             gboolean emoji, WeftDoc *arena, VaderText *t)
{
  const char *end = text + len;
  const char *p = text;
  const VaderTable *tab = vader_lexicon_table (lex);
  guint cap = (guint)MIN (len / 6 + 16, G_MAXUINT / 4);
  Word *words = weft_doc_alloc (arena, cap * sizeof (Word));
  Word *w = words, *last = words + cap - 1; /* room for the totals */
  /* Whitespace holds no '!' or '?': counting them in words counts them
   * all, and any run of whole words has its count by subtraction. */
  guint32 bangs = 0, questions = 0;
  for (;;)
    {
      while (p < end)
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
      if (p >= end)
        break;
      if (w == last)
        {
          guint n = (guint)(w - words);
          words = grow (arena, words, &cap, sizeof (Word));
          w = words + n;
          last = words + cap - 1;
        }
      w->bangs = bangs;
      w->questions = questions;
      guint wl = 0;
#ifdef __SSE2__
      if (end - p >= 16)
        wl = word16 (tab, text, p, w, &bangs, &questions);
#endif
      if (wl)
        p += wl;
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
                  if (!emoji && vader_lexicon_emoji (lex, g_utf8_get_char (p)))
                    return G_MAXUINT;
                }
              classes |= c;
              p++;
            }
          if (classes & (PY_BANG | PY_QUESTION))
            for (const char *q = start; q < p; q++)
              {
                bangs += *q == '!';
                questions += *q == '?';
              }
          make_word (tab, text, end, start, p, classes, arena, w);
        }
      w++;
    }
  w->bangs = bangs;
  w->questions = questions;
  w->start = w->end = (guint32)len;
  guint n = (guint)(w - words);

  /* The uppers before each word, and the words the rules look at. */
  guint32 *hits = weft_doc_alloc (arena, MAX (n, 1) * sizeof (guint32));
  guint32 uppers = 0, n_hits = 0;
  for (guint i = 0; i < n; i++)
    {
      words[i].uppers = uppers;
      uppers += words[i].upper;
      hits[n_hits] = i;
      n_hits
          += (words[i].flags & VADER_IN_LEXICON) || words[i].id == VADER_W_BUT;
    }
  words[n].uppers = uppers;
  t->words = words;
  t->hits = hits;
  t->n_hits = n_hits;
  return n;
}

/* ---- the rules ----------------------------------------------------------- */

/* scalar_inc_dec() */
static double
booster_scalar (const Ctx *c, const Word *w, double valence)
{
  if (!is_booster (w))
    return 0.0;
  double scalar = w->entry->booster;
  if (valence < 0)
    scalar *= -1;
  if (w->upper && c->cap_diff)
    {
      if (valence > 0)
        scalar += c->k->caps_increment;
      else
        scalar -= c->k->caps_increment;
    }
  return scalar;
}

/* _negation_check() */
static double
negation_check (const Ctx *c, double valence, guint start_i, guint i)
{
  const Word *w = c->w;
  double n_scalar = c->k->negation_scalar;
  if (start_i == 0)
    {
      if (w[i - 1].negated)
        valence = valence * n_scalar;
    }
  else if (start_i == 1)
    {
      if (is (&w[i - 2], VADER_W_NEVER) && is_so_or_this (&w[i - 1]))
        valence = valence * c->k->never_so_scalar;
      else if (is (&w[i - 2], VADER_W_WITHOUT) && is (&w[i - 1], VADER_W_DOUBT))
        ;
      else if (w[i - 2].negated)
        valence = valence * n_scalar;
    }
  else
    {
      /* The reference's precedence: (never and so/this) or so/this. */
      if ((is (&w[i - 3], VADER_W_NEVER) && is_so_or_this (&w[i - 2]))
          || is_so_or_this (&w[i - 1]))
        valence = valence * c->k->never_so_scalar;
      else if (is (&w[i - 3], VADER_W_WITHOUT)
               && (is (&w[i - 2], VADER_W_DOUBT)
                   || is (&w[i - 1], VADER_W_DOUBT)))
        ;
      else if (w[i - 3].negated)
        valence = valence * n_scalar;
    }
  return valence;
}

/* The entry of the phrase "a b" or "a b c" (NULL @c), or NULL.  Only
 * words of some phrase can make one, and those have entries holding their
 * lower-case form. */
G_GNUC_NO_INLINE static const VaderEntry *
lookup_phrase (const Ctx *ctx, const Word *a, const Word *b, const Word *c)
{
  gsize max = vader_lexicon_max_phrase (ctx->lex);
  gsize la = a->entry->key_len, lb = b->entry->key_len;
  gsize lc = c ? c->entry->key_len + 1 : 0;
  gsize total = la + 1 + lb + lc;
  if (total > max)
    return NULL;
  char stack[128 + VADER_HASH_PAD];
  char *buf = total <= 128
                  ? stack
                  : weft_doc_alloc (ctx->arena, total + VADER_HASH_PAD);
  memcpy (buf, a->entry->key, la);
  buf[la] = ' ';
  memcpy (buf + la + 1, b->entry->key, lb);
  if (c)
    {
      buf[la + 1 + lb] = ' ';
      memcpy (buf + la + 2 + lb, c->entry->key, lc - 1);
    }
  memset (buf + total, 0, VADER_HASH_PAD);
  return vader_table_find (vader_lexicon_table (ctx->lex), buf, total,
                           vader_hash (buf, total));
}

static inline const VaderEntry *
phrase (const Ctx *ctx, const Word *a, const Word *b, const Word *c)
{
  if (!has (a, VADER_PHRASE_WORD) || !has (b, VADER_PHRASE_WORD)
      || (c && !has (c, VADER_PHRASE_WORD)))
    return NULL;
  return lookup_phrase (ctx, a, b, c);
}

static gboolean
special (const VaderEntry *e, double *valence)
{
  if (e && (e->flags & VADER_SPECIAL))
    {
      *valence = e->special;
      return TRUE;
    }
  return FALSE;
}

/* _special_idioms_check(); i > 2. */
static double
special_idioms_check (const Ctx *c, double valence, guint i)
{
  const Word *w = c->w;
  const VaderEntry *threetwoone = phrase (c, &w[i - 3], &w[i - 2], &w[i - 1]);
  const VaderEntry *threetwo = phrase (c, &w[i - 3], &w[i - 2], NULL);
  const VaderEntry *twoone = phrase (c, &w[i - 2], &w[i - 1], NULL);

  (void)(special (phrase (c, &w[i - 1], &w[i], NULL), &valence)
         || special (phrase (c, &w[i - 2], &w[i - 1], &w[i]), &valence)
         || special (twoone, &valence) || special (threetwoone, &valence)
         || special (threetwo, &valence));
  if (c->n - 1 > i)
    special (phrase (c, &w[i], &w[i + 1], NULL), &valence);
  if (c->n - 1 > i + 1)
    special (phrase (c, &w[i], &w[i + 1], &w[i + 2]), &valence);

  /* Booster phrases such as "sort of" and "kind of". */
  const VaderEntry *n_grams[] = { threetwoone, threetwo, twoone };
  for (guint k = 0; k < G_N_ELEMENTS (n_grams); k++)
    if (n_grams[k] && (n_grams[k]->flags & VADER_BOOSTER))
      valence = valence + n_grams[k]->booster;
  return valence;
}

/* _least_check() */
static double
least_check (const Ctx *c, double valence, guint i)
{
  const Word *w = c->w;
  if (i > 1 && !in_lexicon (&w[i - 1]) && is (&w[i - 1], VADER_W_LEAST))
    {
      if (!is (&w[i - 2], VADER_W_AT) && !is (&w[i - 2], VADER_W_VERY))
        valence = valence * c->k->negation_scalar;
    }
  else if (i > 0 && !in_lexicon (&w[i - 1]) && is (&w[i - 1], VADER_W_LEAST))
    valence = valence * c->k->negation_scalar;
  return valence;
}

/* sentiment_valence() */
static double
word_valence (const Ctx *c, guint i)
{
  const Word *w = c->w;
  const Word *item = &w[i];
  if (!in_lexicon (item))
    return 0.0;
  double valence = item->entry->valence;

  /* "no" negates the next lexicon word instead of counting itself. */
  if (is (item, VADER_W_NO) && i != c->n - 1 && in_lexicon (&w[i + 1]))
    valence = 0.0;
  if ((i > 0 && is (&w[i - 1], VADER_W_NO))
      || (i > 1 && is (&w[i - 2], VADER_W_NO))
      || (i > 2 && is (&w[i - 3], VADER_W_NO)
          && (is (&w[i - 1], VADER_W_OR) || is (&w[i - 1], VADER_W_NOR))))
    valence = item->entry->valence * c->k->negation_scalar;

  if (item->upper && c->cap_diff)
    {
      if (valence > 0)
        valence += c->k->caps_increment;
      else
        valence -= c->k->caps_increment;
    }

  for (guint start_i = 0; start_i < 3; start_i++)
    {
      if (i > start_i && !in_lexicon (&w[i - (start_i + 1)]))
        {
          double s = booster_scalar (c, &w[i - (start_i + 1)], valence);
          if (start_i == 1 && s != 0)
            s = s * c->k->booster_decay_2;
          if (start_i == 2 && s != 0)
            s = s * c->k->booster_decay_3;
          valence = valence + s;
          valence = negation_check (c, valence, start_i, i);
          if (start_i == 2)
            valence = special_idioms_check (c, valence, i);
        }
    }
  return least_check (c, valence, i);
}

double
vader_round (double x, int digits)
{
  static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
  if (x == 0 || x == 1)
    return x; /* the commonest scores: 0 (of either sign) and neu 1 */
  double a = fabs (x);
  if (digits < 0 || digits >= (int)G_N_ELEMENTS (pow10) || !(a < 1e6))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE + 400];
      g_snprintf (buf, sizeof buf, "%.*f", digits, x);
      return g_ascii_strtod (buf, NULL);
    }
  double p = pow10[digits];
  double y = a * p;
  double err = fma (a, p, -y);
  double f = floor (y);
  double d = (y - f - 0.5) + err;
  double r = f;
  if (d > 0 || (d == 0 && fmod (f, 2) != 0))
    r = f + 1;
  return copysign (r / p, x);
}

/* _punctuation_emphasis() */
static double
punctuation_emphasis (const VaderConstants *k, guint ep, guint qm)
{
  double ep_count = ep > k->exclamation_max ? k->exclamation_max : ep;
  double ep_amplifier = ep_count * k->exclamation_weight;
  double qm_amplifier = 0;
  if (qm > 1)
    qm_amplifier = qm <= 3 ? qm * k->question_weight : k->question_max;
  return ep_amplifier + qm_amplifier;
}

/* score_valence() over the @m non-zero valences @s of @n words: zeros
 * add nothing to a sum that starts at +0.0 and never becomes -0.0. */
static void
score_valence (const VaderConstants *k, const double *s, guint m, guint n,
               guint ep, guint qm, VaderScores *out)
{
  double sum_s = 0;
  for (guint i = 0; i < m; i++)
    sum_s += s[i];
  double amp = punctuation_emphasis (k, ep, qm);
  if (sum_s > 0)
    sum_s += amp;
  else if (sum_s < 0)
    sum_s -= amp;
  double compound = sum_s / sqrt ((sum_s * sum_s) + k->alpha);
  compound = CLAMP (compound, -1.0, 1.0);

  double pos_sum = 0.0, neg_sum = 0.0;
  guint neu_count = n;
  for (guint i = 0; i < m; i++)
    {
      if (s[i] > 0)
        pos_sum += s[i] + 1;
      if (s[i] < 0)
        neg_sum += s[i] - 1;
      if (s[i] != 0)
        neu_count--;
    }
  if (pos_sum > fabs (neg_sum))
    pos_sum += amp;
  else if (pos_sum < fabs (neg_sum))
    neg_sum -= amp;
  double total = pos_sum + fabs (neg_sum) + neu_count;
  out->compound = vader_round (compound, 4);
  out->pos = vader_round (fabs (pos_sum / total), 3);
  out->neg = vader_round (fabs (neg_sum / total), 3);
  out->neu = vader_round (fabs (neu_count / total), 3);
}

/* The first index of @hits[0, @n) holding a value >= @x. */
static guint
lower_bound (const guint32 *hits, guint n, guint32 x)
{
  guint lo = 0, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (hits[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* polarity_scores() of @t's words [@first, @last): only words with a
 * valence can have a non-zero one, and only they and "but" need a look.
 * @h: the index of the first hit at or after @first; returns that of the
 * first at or after @last. */
static guint
score_words (const VaderText *t, guint first, guint last, guint h,
             VaderScores *out)
{
  memset (out, 0, sizeof *out);
  guint n = last - first;
  if (n == 0)
    return h;
  const Word *w = t->words + first, *after = t->words + last;
  guint n_upper = after->uppers - w->uppers;
  Ctx c = { .lex = t->lexicon,
            .k = vader_lexicon_constants (t->lexicon),
            .w = w,
            .n = n,
            .cap_diff = n_upper > 0 && n_upper < n,
            .arena = t->arena };

  guint m = 0;
  guint32 but = G_MAXUINT32;
  for (; h < t->n_hits && t->hits[h] < last; h++)
    {
      guint i = t->hits[h] - first;
      if (is (&w[i], VADER_W_BUT) && but == G_MAXUINT32)
        but = i;
      if (!in_lexicon (&w[i]) || is_booster (&w[i]))
        continue;
      if (i < n - 1 && is (&w[i], VADER_W_KIND) && is (&w[i + 1], VADER_W_OF))
        continue;
      double v = word_valence (&c, i);
      if (v != 0)
        {
          t->values[m] = v;
          t->indices[m++] = i;
        }
    }
  if (but != G_MAXUINT32)
    vader_but_shift (t->values, t->indices, m, but, c.k->but_before,
                     c.k->but_after, t->arena);
  score_valence (c.k, t->values, m, n, after->bangs - w->bangs,
                 after->questions - w->questions, out);
  return h;
}

void
vader_text_init (VaderText *t, const VaderLexicon *lexicon, const char *text,
                 gsize len, WeftDoc *arena)
{
  memset (t, 0, sizeof *t);
  t->lexicon = lexicon;
  t->arena = arena;
  t->text = text;
  t->len = len;
  t->words_text = text;
  t->words_len = len;
  t->n_words = split_words (lexicon, text, len, FALSE, arena, t);
  if (t->n_words == G_MAXUINT)
    {
      t->words_text
          = translate_emoji (lexicon, text, len, arena, &t->words_len);
      t->n_words
          = split_words (lexicon, t->words_text, t->words_len, TRUE, arena, t);
    }
  t->values = weft_doc_alloc (arena, MAX (t->n_hits, 1) * sizeof (double));
  t->indices = weft_doc_alloc (arena, MAX (t->n_hits, 1) * sizeof (guint32));
}

/* Whether byte @i of @t's text is at a character boundary. */
static gboolean
at_boundary (const VaderText *t, gsize i)
{
  return i >= t->len || ((guchar)t->text[i] & 0xc0) != 0x80;
}

void
vader_text_score (VaderText *t, gsize start, gsize end, VaderScores *out)
{
  if (start == 0 && end == t->len)
    {
      score_words (t, 0, t->n_words, 0, out);
      return;
    }
  /* The span's own split is the words inside it when none crosses its
   * ends: a word is a maximal run of non-space characters, so it stays
   * one within the span.  After emoji were replaced the words no longer
   * map onto the text's bytes. */
  const Word *w = t->words;
  if (t->words_text == t->text && at_boundary (t, start)
      && at_boundary (t, end))
    {
      /* first: the first word ending after @start, found from where the
       * last span ended (sentences follow each other) or by bisection;
       * last: the first word starting at or after @end. */
      guint first = t->next;
      if (!(first <= t->n_words && w[first].end > start
            && (first == 0 || w[first - 1].end <= start)))
        {
          guint lo = 0, hi = t->n_words;
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;
              if (w[mid].end <= start)
                lo = mid + 1;
              else
                hi = mid;
            }
          first = lo;
        }
      guint last = first;
      while (last < t->n_words && w[last].start < end)
        last++;
      if (first == last || (w[first].start >= start && w[last - 1].end <= end))
        {
          guint h = first == t->next
                        ? t->next_hit
                        : lower_bound (t->hits, t->n_hits, (guint32)first);
          t->next_hit = score_words (t, first, last, h, out);
          t->next = last;
          return;
        }
    }
  vader_score (t->lexicon, t->text + start, end - start, t->arena, out);
}

void
vader_score (const VaderLexicon *lexicon, const char *text, gsize len,
             WeftDoc *arena, VaderScores *out)
{
  VaderText t;
  vader_text_init (&t, lexicon, text, len, arena);
  vader_text_score (&t, 0, len, out);
}
