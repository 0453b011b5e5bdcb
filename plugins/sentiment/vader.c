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

#include "pytext.h"

typedef struct
{
  const char *lower; /* str.lower() of the word, NUL-terminated (arena) */
  const VaderEntry *entry;
  gboolean upper; /* str.isupper() of the word as written */
} Word;

typedef struct
{
  const VaderLexicon *lex;
  const VaderConstants *k;
  const Word *w;
  guint n;
  gboolean cap_diff;
} Ctx;

static gboolean
in_lexicon (const Word *w)
{
  return w->entry && (w->entry->flags & VADER_IN_LEXICON);
}

static gboolean
is_booster (const Word *w)
{
  return w->entry && (w->entry->flags & VADER_BOOSTER);
}

static gboolean
is (const Word *w, const char *word)
{
  return strcmp (w->lower, word) == 0;
}

static gboolean
is_so_or_this (const Word *w)
{
  return is (w, "so") || is (w, "this");
}

/* negated([word]) */
static gboolean
negated (const Word *w)
{
  return (w->entry && (w->entry->flags & VADER_NEGATION))
         || strstr (w->lower, "n't") != NULL;
}

/* ---- the text to words --------------------------------------------------- */

/* The text with each emoji that is one code point replaced by its
 * description, a space put before it unless a space precedes.  Returns
 * @text itself when it holds no such emoji. */
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
  *out_len = len;
  if (!extra)
    return text;

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

/* The next whitespace-separated word at or after *p: its start, with *p
 * moved past it; NULL when there is none. */
static const char *
next_word (const char **p, const char *end)
{
  const char *q = *p;
  gsize sl;
  while (q < end && (sl = py_space_len (q, end)))
    q += sl;
  if (q >= end)
    return NULL;
  const char *start = q;
  while (q < end && !py_space_len (q, end))
    q = g_utf8_next_char (q);
  *p = q;
  return start;
}

/* SentiText: text.split(), each word stripped of surrounding punctuation
 * unless that leaves two characters or fewer (emoticons such as ":)"). */
static guint
split_words (const VaderLexicon *lex, const char *text, gsize len,
             WeftDoc *arena, Word **out)
{
  const char *end = text + len;
  const char *p = text;
  guint n = 0;
  while (next_word (&p, end))
    n++;
  *out = NULL;
  if (!n)
    return 0;

  Word *words = weft_doc_alloc (arena, n * sizeof (Word));
  /* Lower case is at most 1.5 times as long in UTF-8 (e.g. U+0130). */
  char *lower = weft_doc_alloc (arena, len + len / 2 + n + 1);
  p = text;
  const char *start;
  for (guint i = 0; (start = next_word (&p, end)); i++)
    {
      const char *ws = start, *we = p;
      py_strip_punct (&ws, &we);
      if (py_n_chars (ws, (gsize)(we - ws)) <= 2)
        {
          ws = start;
          we = p;
        }
      Word *w = &words[i];
      w->upper = py_is_upper (ws, (gsize)(we - ws));
      gsize ll = py_lower (ws, (gsize)(we - ws), lower);
      lower[ll] = '\0';
      w->lower = lower;
      w->entry = vader_lexicon_lookup (lex, lower);
      lower += ll + 1;
    }
  *out = words;
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
      if (negated (&w[i - 1]))
        valence = valence * n_scalar;
    }
  else if (start_i == 1)
    {
      if (is (&w[i - 2], "never") && is_so_or_this (&w[i - 1]))
        valence = valence * c->k->never_so_scalar;
      else if (is (&w[i - 2], "without") && is (&w[i - 1], "doubt"))
        ;
      else if (negated (&w[i - 2]))
        valence = valence * n_scalar;
    }
  else
    {
      /* The reference's precedence: (never and so/this) or so/this. */
      if ((is (&w[i - 3], "never") && is_so_or_this (&w[i - 2]))
          || is_so_or_this (&w[i - 1]))
        valence = valence * c->k->never_so_scalar;
      else if (is (&w[i - 3], "without")
               && (is (&w[i - 2], "doubt") || is (&w[i - 1], "doubt")))
        ;
      else if (negated (&w[i - 3]))
        valence = valence * n_scalar;
    }
  return valence;
}

/* The entry of the phrase "a b" or "a b c" (NULL @c), or NULL. */
static const VaderEntry *
phrase (const Ctx *ctx, const Word *a, const Word *b, const Word *c)
{
  char buf[256];
  gsize max = vader_lexicon_max_phrase (ctx->lex);
  gsize la = strlen (a->lower), lb = strlen (b->lower);
  gsize lc = c ? strlen (c->lower) + 1 : 0;
  gsize total = la + 1 + lb + lc;
  if (total > max || total >= sizeof buf)
    return NULL;
  memcpy (buf, a->lower, la);
  buf[la] = ' ';
  memcpy (buf + la + 1, b->lower, lb);
  if (c)
    {
      buf[la + 1 + lb] = ' ';
      memcpy (buf + la + 2 + lb, c->lower, lc - 1);
    }
  buf[total] = '\0';
  return vader_lexicon_lookup (ctx->lex, buf);
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
  if (i > 1 && !in_lexicon (&w[i - 1]) && is (&w[i - 1], "least"))
    {
      if (!is (&w[i - 2], "at") && !is (&w[i - 2], "very"))
        valence = valence * c->k->negation_scalar;
    }
  else if (i > 0 && !in_lexicon (&w[i - 1]) && is (&w[i - 1], "least"))
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
  if (is (item, "no") && i != c->n - 1 && in_lexicon (&w[i + 1]))
    valence = 0.0;
  if ((i > 0 && is (&w[i - 1], "no")) || (i > 1 && is (&w[i - 2], "no"))
      || (i > 2 && is (&w[i - 3], "no")
          && (is (&w[i - 1], "or") || is (&w[i - 1], "nor"))))
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

/* _but_check(), including its use of list.index(): each value is written
 * back at the first position holding an equal value. */
static void
but_check (const Ctx *c, double *s)
{
  guint bi;
  for (bi = 0; bi < c->n; bi++)
    if (is (&c->w[bi], "but"))
      break;
  if (bi == c->n)
    return;
  for (guint p = 0; p < c->n; p++)
    {
      double v = s[p];
      guint si = 0;
      while (s[si] != v)
        si++;
      if (si < bi)
        s[si] = v * c->k->but_before;
      else if (si > bi)
        s[si] = v * c->k->but_after;
    }
}

double
vader_round (double x, int digits)
{
  char buf[64];
  g_snprintf (buf, sizeof buf, "%.*f", digits, x);
  return g_ascii_strtod (buf, NULL);
}

/* _punctuation_emphasis() */
static double
punctuation_emphasis (const VaderConstants *k, const char *text, gsize len)
{
  guint ep = 0, qm = 0;
  for (gsize i = 0; i < len; i++)
    {
      ep += text[i] == '!';
      qm += text[i] == '?';
    }
  double ep_count = ep > k->exclamation_max ? k->exclamation_max : ep;
  double ep_amplifier = ep_count * k->exclamation_weight;
  double qm_amplifier = 0;
  if (qm > 1)
    qm_amplifier = qm <= 3 ? qm * k->question_weight : k->question_max;
  return ep_amplifier + qm_amplifier;
}

/* score_valence() */
static void
score_valence (const VaderConstants *k, const double *s, guint n,
               const char *text, gsize len, VaderScores *out)
{
  double sum_s = 0;
  for (guint i = 0; i < n; i++)
    sum_s += s[i];
  double amp = punctuation_emphasis (k, text, len);
  if (sum_s > 0)
    sum_s += amp;
  else if (sum_s < 0)
    sum_s -= amp;
  double compound = sum_s / sqrt ((sum_s * sum_s) + k->alpha);
  compound = CLAMP (compound, -1.0, 1.0);

  double pos_sum = 0.0, neg_sum = 0.0;
  guint neu_count = 0;
  for (guint i = 0; i < n; i++)
    {
      if (s[i] > 0)
        pos_sum += s[i] + 1;
      if (s[i] < 0)
        neg_sum += s[i] - 1;
      if (s[i] == 0)
        neu_count++;
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

void
vader_score (const VaderLexicon *lexicon, const char *text, gsize len,
             WeftDoc *arena, VaderScores *out)
{
  memset (out, 0, sizeof *out);
  text = translate_emoji (lexicon, text, len, arena, &len);
  Word *w;
  guint n = split_words (lexicon, text, len, arena, &w);
  if (n == 0)
    return;

  guint n_upper = 0;
  for (guint i = 0; i < n; i++)
    n_upper += w[i].upper;
  Ctx c = { .lex = lexicon,
            .k = vader_lexicon_constants (lexicon),
            .w = w,
            .n = n,
            .cap_diff = n_upper > 0 && n_upper < n };

  double *s = weft_doc_alloc (arena, n * sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      if (is_booster (&w[i]))
        s[i] = 0;
      else if (i < n - 1 && is (&w[i], "kind") && is (&w[i + 1], "of"))
        s[i] = 0;
      else
        s[i] = word_valence (&c, i);
    }
  but_check (&c, s);
  score_valence (c.k, s, n, text, len, out);
}
