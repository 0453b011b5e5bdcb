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

#include "but.h"
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
  t->n_words = vader_words_split (lexicon, text, len, FALSE, arena, t);
  if (t->n_words == G_MAXUINT)
    {
      t->words_text = vader_words_translate_emoji (lexicon, text, len, arena,
                                                   &t->words_len);
      t->n_words = vader_words_split (lexicon, t->words_text, t->words_len,
                                      TRUE, arena, t);
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
