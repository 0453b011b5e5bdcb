/* tokenizer — numbers, dates and times written as one token: 2,500, 5.2,
 * 07.10.2019, 2021-07-26, 10:30, 01-Feb-02, telephone numbers and ZIP
 * codes; ranges split at the hyphen (1946 - 1954) and units split off
 * (81 K, 1.13 bn) as in the English Web Treebank. */
#include <string.h>

#include "scan.h"

static const char *const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun",
  "jul", "aug", "sep", "oct", "nov", "dec",
};

static gboolean
is_month_abbrev (const guchar *p, const guchar *e)
{
  if (e - p < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp ((const char *)p, months[i], 3) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a hyphen between the digit run [@run, @q) and the digits at
 * @q + 1 is part of one number: telephone numbers (853-7906,
 * 212-902-3724), ZIP+4 (94305-5015) and ISO dates (2021-07-26); ranges
 * (1946-1954) split. */
static gboolean
hyphen_joins_digits (const guchar *run, const guchar *q, const guchar *e,
                     gboolean in_iso_date)
{
  gsize before = q - run;
  const guchar *r = tok_skip_digits (q + 1, e);
  gsize after = r - (q + 1);
  if (in_iso_date)
    return after == 2 && !tok_digit_at (r, e);
  if ((before == 3 || before == 5) && after == 4)
    return TRUE;
  if (before == 3 && after == 3 && r < e && *r == '-')
    {
      const guchar *t = tok_skip_digits (r + 1, e);
      return t - (r + 1) == 4;
    }
  if (before == 4 && after == 2 && r < e && *r == '-')
    {
      const guchar *t = tok_skip_digits (r + 1, e);
      return t - (r + 1) == 2;
    }
  return FALSE;
}

static WeftTokenKind
classify_number (const guchar *s, const guchar *q, guint seps, guint n_groups,
                 gsize first, gsize last)
{
  if (seps == (1 << 2) && first <= 2 && last == 2 && n_groups <= 3)
    return WEFT_TOKEN_TIME;
  if (n_groups == 3
      && (seps == (1 << 0) || seps == (1 << 3) || seps == (1 << 4)))
    {
      if ((first <= 2 && (last == 2 || last == 4)) || (first == 4 && last <= 2))
        return WEFT_TOKEN_DATE;
    }
  (void)s;
  (void)q;
  return WEFT_TOKEN_NUMBER;
}

const guchar *
tok_scan_number (TokScanner *sc, const guchar *s)
{
  const guchar *e = sc->end;
  const guchar *run = s, *q = tok_skip_digits (s, e);
  gsize first = q - s, last = first;
  guint seps = 0, n_groups = 1;
  gboolean date = FALSE;
  /* separators: bit 0 '.', 1 ',', 2 ':', 3 '/', 4 '-' */
  while (q < e && n_groups < 64)
    {
      guchar b = *q;
      const guchar *r;
      if ((b == '.' || b == ':' || b == '/') && tok_digit_at (q + 1, e))
        seps |= b == '.' ? 1 : b == ':' ? 4 : 8;
      else if (b == ',' && tok_digit_at (q + 1, e)
               && (r = tok_skip_digits (q + 1, e)) - (q + 1) == 3
               && !(seps & ~2u))
        seps |= 2;
      else if (b == '-' && tok_digit_at (q + 1, e)
               && hyphen_joins_digits (
                   run, q, e, seps == 16 && n_groups == 2 && first == 4))
        seps |= 16;
      else if (b == '-' && q - run <= 2 && !(seps & ~16u)
               && is_month_abbrev (q + 1, e) && q + 4 < e && q[4] == '-'
               && tok_digit_at (q + 5, e) && !tok_letter_at (q + 4, e))
        {
          /* 01-Feb-02 */
          q = tok_skip_digits (q + 5, e);
          date = TRUE;
          n_groups = 3;
          break;
        }
      else
        break;
      run = ++q;
      q = tok_skip_digits (q, e);
      last = q - run;
      n_groups++;
    }
  WeftTokenKind kind
      = date ? WEFT_TOKEN_DATE
             : classify_number (s, q, seps, n_groups, first, last);
  guint ap;
  gboolean letters = FALSE;
  const guchar *t;
  if (q < e && tok_letter_at (q, e))
    {
      /* Ordinals, decades and single letters stay (26th, 1990s, 5x,
       * 3801a); units split off as in UD (81 K, 300 USD, 1.13 bn,
       * 6 am). */
      t = tok_skip_alnum (q, e);
      gsize n = t - q;
      char a = g_ascii_tolower (q[0]), b = n > 1 ? g_ascii_tolower (q[1]) : 0;
      gboolean keep
          = (n == 1 && a >= 'a' && a <= 'z' && (a == 's' || q[0] == a))
            || (n == 2 && !(seps & ~2u)
                && ((a == 's' && b == 't') || (a == 'n' && b == 'd')
                    || (a == 'r' && b == 'd') || (a == 't' && b == 'h')));
      if (keep)
        {
          if (a != 's' && n == 1)
            kind = WEFT_TOKEN_WORD;
          q = t;
          letters = TRUE;
        }
    }
  else if (q < e && (ap = tok_apostrophe_len (q, e)) && q + ap < e
           && (q[ap] == 's' || q[ap] == 'S') && !tok_alnum_at (q + ap + 1, e))
    q += ap + 1; /* 1980's */
  else if (q < e && *q == '@' && (t = tok_match_email (s, e)))
    {
      q = t;
      kind = WEFT_TOKEN_EMAIL;
    }
  if (letters)
    tok_emit (sc, s, q, kind);
  else
    tok_emit_cased (sc, s, q, kind, FALSE);
  return q;
}
