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
  guint8 upper;            /* str.isupper() of the word as written */
  guint8 negated;          /* negated([word]): a negation or "n't" in it */
};

typedef struct _VaderWord Word;

typedef struct
{
  const VaderLexicon *lex;
  const VaderConstants *k;
  const Word *w;
  guint n;
  gboolean cap_diff;
} Ctx;

static inline gboolean
has (const Word *w, guint flag)
{
  return w->entry && (w->entry->flags & flag);
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
  return w->entry && w->entry->word == id;
}

static inline gboolean
is_so_or_this (const Word *w)
{
  return is (w, VADER_W_SO) || is (w, VADER_W_THIS);
}

/* ---- the text to words --------------------------------------------------- */

/* Whether the text holds an emoji of the lexicon. */
static gboolean
has_emoji (const VaderLexicon *lex, const char *text, gsize len)
{
  const char *end = text + len;
  for (const char *p = text; p < end; p++)
    if ((guchar)*p >= 0xc2
        && vader_lexicon_maybe_emoji (lex, g_utf8_get_char (p))
        && vader_lexicon_emoji (lex, g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

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
lookup_unicode (const VaderLexicon *lex, const char *s, const char *e,
                WeftDoc *arena)
{
  gsize len = (gsize)(e - s), max = vader_lexicon_max_key (lex);
  if (len > 3 * max)
    return NULL;
  char stack[512];
  gsize need = len + len / 2 + VADER_HASH_PAD;
  char *buf = need <= sizeof stack ? stack : weft_doc_alloc (arena, need);
  gsize ll = py_lower (s, len, buf);
  if (ll > max)
    return NULL;
  memset (buf + ll, 0, VADER_HASH_PAD);
  return vader_lexicon_find (lex, buf, ll, vader_hash (buf, ll));
}

/* The entry of the ASCII word [s, e): lower-cased into a buffer and
 * hashed. */
static const VaderEntry *
lookup_ascii (const VaderLexicon *lex, const char *s, const char *e)
{
  gsize len = (gsize)(e - s);
  char buf[256 + VADER_HASH_PAD];
  if (len > vader_lexicon_max_key (lex) || len > 256)
    return NULL;
  for (gsize i = 0; i < len; i++)
    {
      guchar b = (guchar)s[i];
      buf[i] = (char)(b | (py_byte_class[b] & PY_UPPER ? 0x20 : 0));
    }
  return vader_lexicon_find (lex, buf, len, vader_hash (buf, len));
}

/* SentiText for one word [start, end) of the text: stripped of surrounding
 * punctuation unless that leaves two characters or fewer (emoticons such
 * as ":)"), then looked up lower-cased.  @classes: the py_byte_class bits
 * of its bytes. */
static void
make_word (const VaderLexicon *lex, const char *text, const char *start,
           const char *end, guint classes, WeftDoc *arena, Word *w)
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
      w->entry = lookup_unicode (lex, ws, we, arena);
    }
  else
    {
      w->upper = (classes & PY_UPPER) && !(classes & PY_LOWER);
      w->entry = lookup_ascii (lex, ws, we);
    }
  w->negated = (w->entry && (w->entry->flags & VADER_NEGATION))
               || ((classes & PY_APOSTROPHE) && has_nt (ws, we));
}

/* text.split() into SentiText's words: whitespace as str.split() sees it,
 * ASCII decided by one table load per byte.  @counts: set to the numbers of
 * '!' and '?' in the text. */
static guint
split_words (const VaderLexicon *lex, const char *text, gsize len,
             WeftDoc *arena, Word **out, guint32 counts[2])
{
  const char *end = text + len;
  const char *p = text;
  guint cap = (guint)MIN (len / 6 + 16, G_MAXUINT / 2), n = 0;
  counts[0] = counts[1] = 0;
  Word *words = weft_doc_alloc (arena, cap * sizeof (Word));
  for (;;)
    {
      gsize sl;
      while (p < end && (sl = py_space_len (p, end)))
        p += sl;
      if (p >= end)
        break;
      const char *start = p;
      guint classes = 0;
      while (p < end)
        {
          guint8 c = py_byte_class[(guchar)*p];
          if (c & PY_SPACE)
            break;
          if ((c & PY_HIGH) && py_high_space_len (p, end))
            break;
          classes |= c;
          p++;
        }
      if (n == cap)
        {
          Word *grown = weft_doc_alloc (arena, 2 * cap * sizeof (Word));
          memcpy (grown, words, cap * sizeof (Word));
          words = grown;
          cap *= 2;
        }
      Word *w = &words[n++];
      make_word (lex, text, start, p, classes, arena, w);
      /* Whitespace holds no '!' or '?': counting them in words counts them
       * all, and any run of whole words has its count by subtraction. */
      w->bangs = counts[0];
      w->questions = counts[1];
      if (classes & (PY_BANG | PY_QUESTION))
        for (const char *q = start; q < p; q++)
          {
            counts[0] += *q == '!';
            counts[1] += *q == '?';
          }
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
static const VaderEntry *
phrase (const Ctx *ctx, const Word *a, const Word *b, const Word *c)
{
  if (!has (a, VADER_PHRASE_WORD) || !has (b, VADER_PHRASE_WORD)
      || (c && !has (c, VADER_PHRASE_WORD)))
    return NULL;
  char buf[256 + VADER_HASH_PAD];
  gsize max = vader_lexicon_max_phrase (ctx->lex);
  gsize la = a->entry->key_len, lb = b->entry->key_len;
  gsize lc = c ? c->entry->key_len + 1 : 0;
  gsize total = la + 1 + lb + lc;
  if (total > max || total > 256)
    return NULL;
  memcpy (buf, a->entry->key, la);
  buf[la] = ' ';
  memcpy (buf + la + 1, b->entry->key, lb);
  if (c)
    {
      buf[la + 1 + lb] = ' ';
      memcpy (buf + la + 2 + lb, c->entry->key, lc - 1);
    }
  memset (buf + total, 0, VADER_HASH_PAD);
  return vader_lexicon_find (ctx->lex, buf, total, vader_hash (buf, total));
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

/* _but_check() */
static void
but_check (const Ctx *c, double *s, WeftDoc *arena)
{
  for (guint bi = 0; bi < c->n; bi++)
    if (is (&c->w[bi], VADER_W_BUT))
      {
        vader_but_shift (s, c->n, bi, c->k->but_before, c->k->but_after, arena);
        return;
      }
}

/* Python's round() (and printf's "%.*f" then strtod()): |x| * 10^digits
 * is rounded to the nearest integer by its exact value, ties to even,
 * then divided back, which rounds correctly once.  fma() gives the exact
 * product as y + err; the fraction y - floor (y) is exact for y >= 0, and
 * the sign of (fraction - 0.5) + err decides, exact near the tie. */
double
vader_round (double x, int digits)
{
  static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
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

/* score_valence() */
static void
score_valence (const VaderConstants *k, const double *s, guint n, guint ep,
               guint qm, VaderScores *out)
{
  double sum_s = 0;
  for (guint i = 0; i < n; i++)
    sum_s += s[i];
  double amp = punctuation_emphasis (k, ep, qm);
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

/* polarity_scores() of the words @w[0, @n), with @ep '!' and @qm '?' in
 * them; @s: room for @n valences. */
static void
score_words (const VaderLexicon *lexicon, const Word *w, guint n, guint ep,
             guint qm, double *s, WeftDoc *arena, VaderScores *out)
{
  memset (out, 0, sizeof *out);
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

  for (guint i = 0; i < n; i++)
    {
      if (is_booster (&w[i]))
        s[i] = 0;
      else if (i < n - 1 && is (&w[i], VADER_W_KIND)
               && is (&w[i + 1], VADER_W_OF))
        s[i] = 0;
      else
        s[i] = word_valence (&c, i);
    }
  but_check (&c, s, arena);
  score_valence (c.k, s, n, ep, qm, out);
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
  if (has_emoji (lexicon, text, len))
    t->words_text = translate_emoji (lexicon, text, len, arena, &t->words_len);
  Word *w;
  t->n_words = split_words (lexicon, t->words_text, t->words_len, arena, &w,
                            t->counts);
  t->words = w;
  t->scratch = weft_doc_alloc (arena, MAX (t->n_words, 1) * sizeof (double));
}

/* Whether byte @i of @t's text is at a character boundary. */
static gboolean
at_boundary (const VaderText *t, gsize i)
{
  return i >= t->len || ((guchar)t->text[i] & 0xc0) != 0x80;
}

void
vader_text_score (const VaderText *t, gsize start, gsize end, VaderScores *out)
{
  if (start == 0 && end == t->len)
    {
      score_words (t->lexicon, t->words, t->n_words, t->counts[0], t->counts[1],
                   t->scratch, t->arena, out);
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
      /* first: the first word ending after @start; last: the first word
       * starting at or after @end. */
      guint lo = 0, hi = t->n_words;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (w[mid].end <= start)
            lo = mid + 1;
          else
            hi = mid;
        }
      guint first = lo;
      hi = t->n_words;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (w[mid].start < end)
            lo = mid + 1;
          else
            hi = mid;
        }
      guint last = lo;
      if (first == last || (w[first].start >= start && w[last - 1].end <= end))
        {
          guint32 ep = last < t->n_words ? w[last].bangs : t->counts[0];
          guint32 qm = last < t->n_words ? w[last].questions : t->counts[1];
          if (first < last)
            {
              ep -= w[first].bangs;
              qm -= w[first].questions;
            }
          score_words (t->lexicon, w + first, last - first, ep, qm, t->scratch,
                       t->arena, out);
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
