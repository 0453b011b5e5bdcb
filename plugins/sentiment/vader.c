/* sentiment — VADER's rules over one string, step for step as
 * vaderSentiment 3.3.2's polarity_scores(): emoji become their descriptions,
 * the text is split on whitespace with punctuation stripped from each word,
 * every word gets a valence adjusted by the words before it (negation,
 * boosters, ALL CAPS, idioms, "least"), "but" shifts the weights, and the
 * sum is normalized.  The order of floating-point operations follows the
 * reference so that the results are the same to the last bit. */
#include "vader.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "but.h"
#include "pytext.h"
#include "words.h"

typedef VaderWord Word;

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

/* Whether word @w is nothing to the rules that look back from a word:
 * no entry's flags nor name, no negation. */
static inline gboolean
is_plain (const Word *w)
{
  return (w->flags | w->id | w->negated) == 0;
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

  /* About half the words with a valence follow three plain words (or
   * start the text after plain ones) and are neither named by the rules
   * nor of any phrase: every rule below leaves the valence then, but for
   * the capitals and the boosters' scalar of 0.0 added (which turns a
   * -0.0 into +0.0, once as three times). */
  if (item->id == VADER_W_NONE && !has (item, VADER_PHRASE_WORD)
      && (i < 1 || is_plain (&w[i - 1])) && (i < 2 || is_plain (&w[i - 2]))
      && (i < 3 || is_plain (&w[i - 3])))
    {
      if (item->upper && c->cap_diff)
        {
          if (valence > 0)
            valence += c->k->caps_increment;
          else
            valence -= c->k->caps_increment;
        }
      return i > 0 ? valence + 0.0 : valence;
    }

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

/* a * p - y for y = a * p rounded, exactly, as fma (a, p, -y) gives it
 * (Dekker's product): a's halves of 26 bits times p, a power of ten up to
 * 1e8 (at most 19 significant bits), are exact.  fma() itself is a
 * library call where the FMA instruction is not known to exist. */
static inline double
product_error (double a, double p, double y)
{
  double c = 134217729.0 * a; /* 2^27 + 1 */
  double hi = c - (c - a);
  double lo = a - hi;
  return (hi * p - y) + lo * p;
}

/* vader_round() of @x, 0 < |@x| < 1e6, to @digits 0..8. */
static inline double
round_small (double x, int digits)
{
  static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
  double a = fabs (x);
  double p = pow10[digits];
  double y = a * p;
  double err = product_error (a, p, y);
  double f = floor (y);
  double d = (y - f - 0.5) + err;
  /* f < 1e14: exact as an integer, whose parity is a tie's.  Whether a
   * score rounds up is no predictor's guess: no branch on it. */
  gboolean up = (d > 0) | ((d == 0) & (gboolean)((gint64)f & 1));
  double r = f + (double)up;
  return copysign (r / p, x);
}

/* vader_round() inlined where @digits is 0..8. */
static inline double
round_to (double x, int digits)
{
  if (x == 0 || x == 1)
    return x; /* the commonest scores: 0 (of either sign) and neu 1 */
  if (G_UNLIKELY (!(fabs (x) < 1e6)))
    return vader_round (x, digits);
  return round_small (x, digits);
}

double
vader_round (double x, int digits)
{
  if (x == 0 || x == 1)
    return x;
  if (digits < 0 || digits > 8 || !(fabs (x) < 1e6))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE + 400];
      g_snprintf (buf, sizeof buf, "%.*f", digits, x);
      return g_ascii_strtod (buf, NULL);
    }
  return round_small (x, digits);
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
  out->compound = round_to (compound, 4);
  out->pos = round_to (fabs (pos_sum / total), 3);
  out->neg = round_to (fabs (neg_sum / total), 3);
  out->neu = round_to (fabs (neu_count / total), 3);
}

/* Words are split this many bytes at a time (up to the next
 * whitespace): the window stays in the cache. */
#define CHUNK 4096
/* Spans longer than this are split on their own, so that the window never
 * holds more than about this much text's words. */
#define LONG_SPAN (256 * 1024)

/* The valences of a text's words, in order: the non-zero ones, and where
 * the first "but" falls among them. */
typedef struct
{
  double *values;
  guint n;
  gboolean but_seen;
  guint but_before, but_upto;
} Valences;

/* The valence word @i of @c adds to the sum (score_valence()'s loop
 * body): none for words outside the lexicon, boosters and the "kind" of
 * "kind of". */
static inline double
valence_of (const Ctx *c, guint i)
{
  const Word *w = &c->w[i];
  if (in_lexicon (w) && !is_booster (w)
      && !(i < c->n - 1 && is (w, VADER_W_KIND) && is (&w[1], VADER_W_OF)))
    return word_valence (c, i);
  return 0;
}

/* Adds valence @x of word @w (one with a valence or "but") to @v, which
 * has room. */
static inline void
add_valence (Valences *v, const Word *w, double x)
{
  gboolean first_but = is (w, VADER_W_BUT) && !v->but_seen;
  if (first_but)
    {
      v->but_seen = TRUE;
      v->but_before = v->n;
    }
  if (x != 0)
    v->values[v->n++] = x;
  if (first_but)
    v->but_upto = v->n;
}

/* polarity_scores()' end, from the valences of @n words and their counts
 * of '!' and '?'. */
static void
score (VaderText *t, Valences *v, guint n, guint bangs, guint questions,
       VaderScores *out)
{
  const VaderConstants *k = vader_lexicon_constants (t->lexicon);
  memset (out, 0, sizeof *out);
  if (n == 0)
    return;
  /* Four spans in ten have no valence.  Their sums are all +0.0, which
   * the emphasis of '!' and '?' leaves alone: compound, pos and neg are 0
   * and neu is n / n, without the square root and four divisions. */
  if (v->n == 0)
    {
      out->neu = 1;
      return;
    }
  if (v->but_seen)
    vader_but_shift (v->values, v->n, v->but_before, v->but_upto, k->but_before,
                     k->but_after, &t->but_scratch);
  score_valence (k, v->values, v->n, n, bangs, questions, out);
}

/* ---- the window -------------------------------------------------------- */

#ifdef __SSE2__
/* Bit j set where byte j of the 16 at @p is '!' or '?'. */
static inline guint
marks16 (const char *p)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *)p);
  return (guint)_mm_movemask_epi8 (
      _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('!')),
                    _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('?'))));
}

/* Whether the 64 bytes at @p hold a '!' or '?': rare in prose, so blocks
 * are tested before their marks are counted. */
static inline gboolean
marks64 (const char *p)
{
  return (marks16 (p) | marks16 (p + 16) | marks16 (p + 32) | marks16 (p + 48))
         != 0;
}
#endif

/* The '!' and '?' in the @len bytes at @s, added to @bangs and
 * @questions: a span's own, as whitespace holds none of them. */
static void
count_marks (const char *s, gsize len, guint *bangs, guint *questions)
{
  gsize i = 0;
#ifdef __SSE2__
  const __m128i bang = _mm_set1_epi8 ('!'), question = _mm_set1_epi8 ('?');
  for (; i + 64 <= len; i += 64)
    {
      if (G_LIKELY (!marks64 (s + i)))
        continue;
      for (guint j = 0; j < 64; j++)
        {
          *bangs += s[i + j] == '!';
          *questions += s[i + j] == '?';
        }
    }
  if (len >= 16)
    {
      /* Sixteen bytes at a time, the last step ending at @len and
       * overlapping the one before it: its bytes counted already are
       * masked out. */
      guint seen = 0;
      for (;; i += 16)
        {
          if (i + 16 > len)
            {
              seen = 16 - (guint)(len - i);
              i = len - 16;
            }
          __m128i v = _mm_loadu_si128 ((const __m128i *)(s + i));
          guint keep = 0xffffu << seen;
          guint b = keep & (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, bang));
          guint q
              = keep & (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, question));
          if (G_UNLIKELY (b | q))
            {
              *bangs += (guint)__builtin_popcount (b);
              *questions += (guint)__builtin_popcount (q);
            }
          if (i + 16 >= len)
            return;
        }
    }
#endif
  for (; i < len; i++)
    {
      *bangs += s[i] == '!';
      *questions += s[i] == '?';
    }
}

/* The most marks kept at once: a text of little else has spans scan. */
#define MAX_MARKS 4096

/* Notes the '!' or '?' at offset @i of @t's text. */
static void
note_mark (VaderText *t, gsize i)
{
  if (t->text[i] == '!')
    t->bangs++;
  else
    t->questions++;
  if (t->marks_off)
    return;
  if (t->n_marks == MAX_MARKS)
    {
      t->marks_off = TRUE;
      return;
    }
  if (t->n_marks == t->marks_cap)
    {
      t->marks_cap = MAX (64, 2 * t->marks_cap);
      t->marks = g_renew (guint32, t->marks, t->marks_cap);
    }
  t->marks[t->n_marks++] = (guint32)i;
}

/* Counts and notes the '!' and '?' of bytes [@from, @to) of @t's text. */
static void
note_marks (VaderText *t, gsize from, gsize to)
{
  const char *s = t->text;
  gsize i = from;
#ifdef __SSE2__
  for (; i + 64 <= to; i += 64)
    {
      if (G_LIKELY (!marks64 (s + i)))
        continue;
      for (guint j = 0; j < 64; j += 16)
        for (guint m = marks16 (s + i + j); m; m &= m - 1)
          note_mark (t, i + j + (guint)__builtin_ctz (m));
    }
#endif
  for (; i < to; i++)
    if (s[i] == '!' || s[i] == '?')
      note_mark (t, i);
}

/* The '!' and '?' of bytes [@start, @end) of @t's text, a span's, from
 * the marks noted (spans come in order of their start). */
static void
span_marks (VaderText *t, gsize start, gsize end, guint *bangs,
            guint *questions)
{
  if (t->marks_off)
    {
      count_marks (t->text + start, end - start, bangs, questions);
      return;
    }
  const guint32 *m = t->marks;
  guint n = t->n_marks, h = MIN (t->span_mark, n);
  if (h > 0 && m[h - 1] >= start)
    h = 0;
  while (h < n && m[h] < start)
    h++;
  t->span_mark = h;
  for (; h < n && m[h] < end; h++)
    {
      *bangs += t->text[m[h]] == '!';
      *questions += t->text[m[h]] == '?';
    }
}

/* Adds the valences of the window's words to the whole text's, up to two
 * words from its end (the rules look two words ahead) or, when @all, to
 * its end (the text's end). */
static void
score_document_words (VaderText *t, gboolean all)
{
  guint n = t->words.n;
  guint end = all ? n : n > 2 ? n - 2 : 0;
  guint i = t->doc_next - t->base;
  if (i >= end)
    return;
  if (t->values_cap - t->n_values < end - i)
    {
      t->values_cap = MAX (2 * t->values_cap, t->n_values + (end - i));
      t->values = g_renew (double, t->values, t->values_cap);
    }
  /* The window keeps three words before doc_next, so the rules' look back
   * sees the words of the text. */
  Ctx c = { .lex = t->lexicon,
            .k = vader_lexicon_constants (t->lexicon),
            .w = t->words.words,
            .n = n,
            .cap_diff = !t->no_cap_diff,
            .arena = t->arena };
  Valences v
      = { t->values, t->n_values, t->but_seen, t->but_before, t->but_upto };
  const guint32 *scored = t->words.scored;
  guint k = t->scored_next, n_scored = t->words.n_scored;
  if (t->hits_cap - t->n_hits < n_scored - k)
    {
      t->hits_cap = MAX (2 * t->hits_cap, t->n_hits + (n_scored - k));
      t->hit_words = g_renew (guint32, t->hit_words, t->hits_cap);
      t->hit_valences = g_renew (double, t->hit_valences, t->hits_cap);
    }
  for (; k < n_scored && scored[k] < end; k++)
    {
      guint j = scored[k];
      double x = valence_of (&c, j);
      t->hit_words[t->n_hits] = t->base + j;
      t->hit_valences[t->n_hits++] = x;
      add_valence (&v, &c.w[j], x);
    }
  t->scored_next = k;
  t->n_values = v.n;
  t->but_seen = v.but_seen;
  t->but_before = v.but_before;
  t->but_upto = v.but_upto;
  t->doc_next = t->base + end;
}

/* The number of the window's first words that end at or before @offset:
 * a binary search of fixed steps, a conditional move each, as for
 * words_starting_before() (a quote inside a sentence comes here). */
static guint
words_ending_by (const VaderText *t, gsize offset)
{
  const Word *w = t->words.words, *base = w;
  guint m = t->words.n;
  if (m == 0)
    return 0;
  while (m > 1)
    {
      guint half = m / 2;
      base = base[half].end <= offset ? base + half : base;
      m -= half;
    }
  return (guint)(base - w) + (base->end <= offset);
}

/* The number of the window's first words that start before @offset,
 * @from or more: galloping from @from, as a span holds a few dozen words
 * and the window a thousand. */
static guint
words_gallop (const VaderText *t, guint from, gsize offset)
{
  const Word *w = t->words.words;
  guint n = t->words.n, lo = from, step = 16;
  guint hi = MIN (n, lo + step);
  while (hi < n && w[hi].start < offset)
    {
      lo = hi + 1;
      step *= 2;
      hi = MIN (n, lo + step);
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (w[mid].start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* words_gallop(): most spans end within 64 words of @from, found by a
 * search of fixed steps without a branch on the words (whose outcomes no
 * predictor knows). */
static guint
words_starting_before (const VaderText *t, guint from, gsize offset)
{
  const Word *w = t->words.words;
  guint m = MIN (t->words.n - from, 64);
  if (m == 0)
    return from;
  if (m == 64 && w[from + 63].start < offset)
    return words_gallop (t, from + 64, offset);
  const Word *base = w + from;
  while (m > 1)
    {
      guint half = m / 2;
      base = base[half].start < offset ? base + half : base;
      m -= half;
    }
  return (guint)(base - w) + (base->start < offset);
}

/* The number of hits on words numbered below @word. */
static guint
hits_before (const VaderText *t, guint word)
{
  const guint32 *h = t->hit_words, *base = h;
  guint m = t->n_hits;
  if (m == 0)
    return 0;
  while (m > 1)
    {
      guint half = m / 2;
      base = base[half] < word ? base + half : base;
      m -= half;
    }
  return (guint)(base - h) + (*base < word);
}

/* Drops the window's words no span nor the whole text's score needs any
 * more, once they are half of it, so each word moves O(1) times. */
static void
drop_old_words (VaderText *t)
{
  /* Spans start at keep_from or later: marks before it are done with. */
  guint done = 0;
  while (done < t->n_marks && t->marks[done] < t->keep_from)
    done++;
  if (done)
    {
      memmove (t->marks, t->marks + done,
               (t->n_marks - done) * sizeof (guint32));
      t->n_marks -= done;
      t->span_mark -= MIN (t->span_mark, done);
    }
  guint scored = t->doc_next - t->base;
  guint drop = scored > 3 ? scored - 3 : 0;
  if (!t->translated)
    drop = MIN (drop, words_ending_by (t, t->keep_from));
  if (drop == 0 || drop < t->words.n / 2)
    return;
  memmove (t->words.words, t->words.words + drop,
           (t->words.n - drop) * sizeof (Word));
  t->words.n -= drop;
  /* The scored words not yet scored come after doc_next, so after the
   * dropped ones. */
  guint kept = t->words.n_scored - t->scored_next;
  for (guint k = 0; k < kept; k++)
    t->words.scored[k] = t->words.scored[t->scored_next + k] - drop;
  t->words.n_scored = kept;
  t->scored_next = 0;
  t->base += drop;
  guint gone = hits_before (t, t->base);
  /* Without hits yet the arrays are NULL, and memmove (NULL, …, 0) is
   * undefined. */
  if (gone < t->n_hits)
    {
      memmove (t->hit_words, t->hit_words + gone,
               (t->n_hits - gone) * sizeof (guint32));
      memmove (t->hit_valences, t->hit_valences + gone,
               (t->n_hits - gone) * sizeof (double));
    }
  t->n_hits -= gone;
  t->span_hit -= MIN (t->span_hit, gone);
}

/* Where the chunk of text from @from ends: just after the first
 * whitespace at or after @from + CHUNK, or at the text's end. */
static gsize
chunk_end (const VaderText *t, gsize from)
{
  const char *end = t->text + t->len;
  for (const char *p = t->text + MIN (from + CHUNK, t->len); p < end; p++)
    {
      gsize sl = py_space_len (p, end);
      if (sl)
        return (gsize)(p + sl - t->text);
    }
  return t->len;
}

/* Splits the next chunk of text into the window and scores its words for
 * the whole text.  A chunk with an emoji is split from its translation. */
static void
split_chunk (VaderText *t)
{
  drop_old_words (t);
  gsize from = t->split_to, to = chunk_end (t, from);
  VaderWords before = t->words;
  if (!vader_words_split (t->lexicon, t->text, t->len, from, to, FALSE,
                          t->arena, &t->words))
    {
      t->words.n = before.n;
      t->words.uppers = before.uppers;
      t->words.n_scored = before.n_scored;
      if (!t->translation)
        t->translation = g_string_new (NULL);
      g_string_truncate (t->translation, 0);
      vader_words_translate_emoji (t->lexicon, t->text + from, to - from,
                                   from == 0 || t->text[from - 1] == ' ',
                                   t->translation);
      vader_words_split (t->lexicon, t->translation->str, t->translation->len,
                         0, t->translation->len, TRUE, t->arena, &t->words);
      count_marks (t->translation->str, t->translation->len, &t->bangs,
                   &t->questions);
      t->translated = TRUE;
    }
  else
    note_marks (t, from, to);
  t->split_to = to;
  score_document_words (t, FALSE);
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
}

/* Whether byte @i of @t's text is at a character boundary. */
static gboolean
at_boundary (const VaderText *t, gsize i)
{
  return i >= t->len || ((guchar)t->text[i] & 0xc0) != 0x80;
}

/* Whether word @w has a valence or is "but": one the rules score. */
static inline gboolean
is_scored (const Word *w)
{
  return (w->flags & VADER_IN_LEXICON) || w->id == VADER_W_BUT;
}

/* polarity_scores() of the window's words [@first, @last), which are
 * the words of bytes [@start, @end) of the text, @n_upper of them
 * str.isupper(); @cut_head, @cut_tail: 1 when the first or last word is
 * not the text's but the part of it inside the span. */
static void
score_words (VaderText *t, guint first, guint last, gsize start, gsize end,
             guint n_upper, guint cut_head, guint cut_tail, VaderScores *out)
{
  guint n = last - first;
  Ctx c = { .lex = t->lexicon,
            .k = vader_lexicon_constants (t->lexicon),
            /* No words, perhaps no array yet: NULL + 0 is undefined. */
            .w = n ? t->words.words + first : NULL,
            .n = n,
            .cap_diff = n_upper > 0 && n_upper < n,
            .arena = t->arena };
  if (t->span_cap < n)
    {
      t->span_cap = MAX (n, 2 * t->span_cap);
      t->span_values = g_renew (double, t->span_values, t->span_cap);
    }
  Valences v = { .values = t->span_values };
  /* A word three or more from the span's start and two or more from its
   * end sees the same words as in the whole text (the rules look three
   * back and two ahead), so its valence is the whole text's, unless the
   * span is all in capitals: the whole text's pass assumes a mix, which
   * for a span without capitals changes nothing.  A cut word is not the
   * text's: one more word on its side is scored again. */
  guint head = MIN (n, 3 + cut_head);
  guint same_to = n_upper < n && n > 2 + cut_tail ? n - 2 - cut_tail : 0;
  /* The words [head, mid) that the whole text's pass has seen, but a
   * cut last word, come from its hits (its words with a valence or
   * "but"); the others are tested one by one. */
  guint seen = MIN (n, MAX (first, t->doc_next - t->base) - first);
  guint mid = MAX (head, MIN (seen, n - cut_tail));
  for (guint j = 0; j < head; j++)
    if (is_scored (&c.w[j]))
      add_valence (&v, &c.w[j], valence_of (&c, j));
  /* The hits: mostly from the hit after the last span's. */
  guint from = t->base + first;
  guint h = t->span_hit;
  if (!(h <= t->n_hits && (h == t->n_hits || t->hit_words[h] >= from)
        && (h == 0 || t->hit_words[h - 1] < from)))
    h = hits_before (t, from);
  while (h < t->n_hits && t->hit_words[h] < from + head)
    h++;
  for (; h < t->n_hits && t->hit_words[h] < from + mid; h++)
    {
      guint j = t->hit_words[h] - from;
      double x = j < same_to ? t->hit_valences[h] : valence_of (&c, j);
      add_valence (&v, &c.w[j], x);
    }
  t->span_hit = h;
  for (guint j = mid; j < n; j++)
    if (is_scored (&c.w[j]))
      add_valence (&v, &c.w[j], valence_of (&c, j));
  guint bangs = 0, questions = 0;
  span_marks (t, start, end, &bangs, &questions);
  score (t, &v, n, bangs, questions, out);
}

/* The word that bytes [@from, @to) of the text, part of a word, make
 * alone, in @w.  FALSE when they hold an emoji of the lexicon. */
static gboolean
split_part (VaderText *t, gsize from, gsize to, Word *w)
{
  if (vader_words_part (t->lexicon, t->text + from, to - from, w))
    return TRUE;
  VaderWords *part = &t->part;
  part->n = part->n_scored = 0;
  part->uppers = 0; /* the count of this part */
  if (!vader_words_split (t->lexicon, t->text + from, to - from, 0, to - from,
                          FALSE, t->arena, part)
      || part->n != 1)
    return FALSE;
  *w = part->words[0];
  return TRUE;
}

/* score_words() for a span that cuts its first or last word, as a quote
 * does between its quotation marks: the parts inside it stand in for
 * those words while it is scored, so only they are split again.  FALSE
 * (nothing scored) when a part holds an emoji. */
static gboolean
score_cut_words (VaderText *t, guint first, guint last, gsize start, gsize end,
                 guint n_upper, VaderScores *out)
{
  Word *w = t->words.words;
  guint ends[2] = { first, last - 1 };
  guint n_ends = first == last - 1 ? 1 : 2;
  Word saved[2], part[2];
  gboolean cut[2];
  for (guint e = 0; e < n_ends; e++)
    {
      const Word *x = &w[ends[e]];
      gsize from = MAX (x->start, start), to = MIN (x->end, end);
      cut[e] = from != x->start || to != x->end;
      if (cut[e] && !split_part (t, from, to, &part[e]))
        return FALSE;
    }
  for (guint e = 0; e < n_ends; e++)
    if (cut[e])
      {
        saved[e] = w[ends[e]];
        n_upper += (guint)part[e].upper - saved[e].upper;
        w[ends[e]] = part[e];
      }
  score_words (t, first, last, start, end, n_upper, cut[0], cut[n_ends - 1],
               out);
  for (guint e = n_ends; e-- > 0;)
    if (cut[e])
      w[ends[e]] = saved[e];
  return TRUE;
}

void
vader_text_score (VaderText *t, gsize start, gsize end, VaderScores *out)
{
  /* The span's own split is the words inside it when none crosses its
   * ends: a word is a maximal run of non-space characters, so it stays
   * one within the span.  Words ending by keep_from may be gone. */
  if (t->translated || start < t->keep_from || end - start > LONG_SPAN
      || !at_boundary (t, start) || !at_boundary (t, end))
    {
      vader_score (t->lexicon, t->text + start, end - start, t->arena, out);
      return;
    }
  t->keep_from = start;
  /* Split up to the first word starting at or after @end. */
  while (t->split_to < t->len
         && (t->words.n == 0 || t->words.words[t->words.n - 1].start < end))
    split_chunk (t);
  if (t->translated)
    {
      vader_score (t->lexicon, t->text + start, end - start, t->arena, out);
      return;
    }
  /* The first word ending after @start: mostly the one after the last
   * span's, as sentences follow each other. */
  const Word *w = t->words.words;
  guint first = t->span_next - MIN (t->span_next, t->base);
  if (!(first <= t->words.n && (first == t->words.n || w[first].end > start)
        && (first == 0 || w[first - 1].end <= start)))
    first = words_ending_by (t, start);
  guint last = words_starting_before (t, first, end);
  guint n_upper = first == last ? 0
                                : w[last - 1].uppers_before + w[last - 1].upper
                                      - w[first].uppers_before;
  t->span_next = t->base + last;
  if (first == last || (w[first].start >= start && w[last - 1].end <= end))
    score_words (t, first, last, start, end, n_upper, 0, 0, out);
  else if (!score_cut_words (t, first, last, start, end, n_upper, out))
    vader_score (t->lexicon, t->text + start, end - start, t->arena, out);
}

/* Frees @t's memory. */
static void
clear (VaderText *t)
{
  g_free (t->words.words);
  g_free (t->words.scored);
  g_free (t->part.words);
  g_free (t->part.scored);
  g_free (t->values);
  g_free (t->span_values);
  g_free (t->hit_words);
  g_free (t->hit_valences);
  g_free (t->marks);
  if (t->translation)
    g_string_free (t->translation, TRUE);
  vader_but_scratch_clear (&t->but_scratch);
  memset (t, 0, sizeof *t);
}

void
vader_text_finish (VaderText *t, VaderScores *out)
{
  t->keep_from = t->len;
  while (t->split_to < t->len)
    split_chunk (t);
  score_document_words (t, TRUE);
  guint n = t->base + t->words.n;
  if (n > 0 && t->words.uppers == n && !t->no_cap_diff)
    {
      /* All in capitals: VADER adds nothing for capitals then, while the
       * pass added it as for a text with words in capitals and others. */
      VaderText again;
      vader_text_init (&again, t->lexicon, t->text, t->len, t->arena);
      again.no_cap_diff = TRUE;
      clear (t);
      vader_text_finish (&again, out);
      return;
    }
  Valences v
      = { t->values, t->n_values, t->but_seen, t->but_before, t->but_upto };
  score (t, &v, n, t->bangs, t->questions, out);
  clear (t);
}

void
vader_score (const VaderLexicon *lexicon, const char *text, gsize len,
             WeftDoc *arena, VaderScores *out)
{
  VaderText t;
  vader_text_init (&t, lexicon, text, len, arena);
  vader_text_finish (&t, out);
}
