/* tokenizer — words, following the Universal Dependencies (English Web
 * Treebank) conventions: clitics split off (do n't, Baku 's), hyphenated
 * compounds split except after bound prefixes, abbreviations and initials
 * keep their period, dotted names (U.S., wikinews.org) stay whole.  Words
 * that turn out to be URLs or e-mail addresses are handed to special.c. */
#include <string.h>

#include "scan.h"

const guint8 tok_plain_end[256] = {
  [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1,
  [';'] = 1, ['('] = 1,  [')'] = 1,  ['['] = 1,  [']'] = 1,
  ['{'] = 1, ['}'] = 1,  ['"'] = 1,  ['!'] = 1,  ['?'] = 1,
  ['<'] = 1, ['>'] = 1,  ['='] = 1,  ['*'] = 1,  ['|'] = 1,
  ['~'] = 1, ['^'] = 1,  ['`'] = 1,  ['#'] = 1,  ['$'] = 1,
};

static const guchar *
skip_letters (const guchar *q, const guchar *e)
{
  while (q < e)
    {
      gunichar c;
      guint n;
      CharClass k = tok_char_at (q, e, &c, &n);
      if (!tok_class_is_letter (k) && k != CH_MARK)
        break;
      q += n;
    }
  return q;
}

static gboolean
is_clitic (const guchar *p, gsize len)
{
  guchar a = g_ascii_tolower (p[0]);
  if (len == 1)
    return a == 's' || a == 'm' || a == 'd';
  if (len == 2)
    {
      guchar b = g_ascii_tolower (p[1]);
      return (a == 'l' && b == 'l') || (a == 'r' && b == 'e')
             || (a == 'v' && b == 'e');
    }
  return FALSE;
}

/* Splits the word [@s, @t) at the apostrophe @q before the letters
 * [@r, @t) when they are a clitic (Baku 's, they 're; do n't, where the
 * clitic takes the n): appends the word and the clitic and returns @t,
 * or returns NULL.  @capitalized tells whether the word starts with an
 * upper-case letter. */
static const guchar *
split_clitic (TokScanner *sc, const guchar *s, const guchar *q, const guchar *r,
              const guchar *t, gboolean capitalized)
{
  if (is_clitic (r, t - r))
    {
      tok_emit_cased (sc, s, q, WEFT_TOKEN_WORD, capitalized);
      tok_emit (sc, q, t, WEFT_TOKEN_CLITIC);
      return t;
    }
  if (t - r == 1 && (*r == 't' || *r == 'T') && q - 1 > s
      && (q[-1] == 'n' || q[-1] == 'N'))
    {
      /* case flags counted over the word (it may start with a mark);
       * for an ASCII word the same as tok_emit_cased() */
      tok_emit (sc, s, q - 1, WEFT_TOKEN_WORD);
      tok_emit (sc, q - 1, t, WEFT_TOKEN_CLITIC);
      return t;
    }
  return NULL;
}

/* Letter sequences joined by '&' or '/' stay one token when both sides are
 * short: AT&T, Q&A, b/c, w/o. */
static gboolean
joins_short_letters (const guchar *seg, const guchar *q, const guchar *e)
{
  if (q - seg > 3 || !tok_letter_at (q + 1, e))
    return FALSE;
  const guchar *r = tok_skip_alnum (q + 1, e);
  if (r - (q + 1) > 3)
    return FALSE;
  if (*q == '/')
    return q - seg <= 2 && r - (q + 1) <= 2
           && !(r < e && (*r == '/' || *r == '-'));
  return TRUE;
}

/* Whether the period at @q, between the segment [@seg, @q) of the word
 * starting at @s and a capitalized word, ends a sentence or an
 * abbreviation with the space left out (school.But, J.Aron, Inc.One).
 * Domains and dotted abbreviations (Amazon.com, U.S.) do not look like
 * that. */
static gboolean
missing_space (TokScanner *sc, const guchar *s, const guchar *seg,
               const guchar *q, const guchar *e)
{
  if (!(q + 2 < e && q[1] >= 'A' && q[1] <= 'Z'))
    return FALSE;
  const guchar *r = q + 2;
  while (r < e && *r >= 'a' && *r <= 'z')
    r++;
  gsize lower_after = r - (q + 2);
  if (lower_after == 0 || (r < e && (*r == '.' || *r == '/')))
    return FALSE;
  if (seg == s && q - s == 1 && *s >= 'A' && *s <= 'Z')
    return lower_after >= 2; /* an initial */
  if (seg == s
      && tok_lexicon_lookup (sc->config->abbreviations, (const char *)s,
                             q + 1 - s, NULL))
    return TRUE;
  if (q - seg < 2)
    return FALSE;
  /* A lower-case word, or a capitalized one ("Afghanistan.Trump", but
   * not the domain "Newsfeeds.Com"). */
  const guchar *t = seg;
  if (*t >= 'A' && *t <= 'Z' && q - seg >= 3)
    {
      char tld[8];
      gsize n = (gsize)(r - (q + 1));
      if (n < sizeof tld)
        {
          for (gsize i = 0; i < n; i++)
            tld[i] = g_ascii_tolower ((char)q[1 + i]);
          if (tok_lexicon_lookup (sc->config->tlds, tld, n, NULL))
            return FALSE;
        }
      t++;
    }
  for (; t < q; t++)
    if (*t < 'a' || *t > 'z')
      return FALSE;
  return TRUE;
}

/* Whether an apostrophe after a word ending in s closes a single quote
 * opened earlier on the line ('the friends') rather than marking a plural
 * possessive (the players' union). */
static gboolean
closes_single_quote (TokScanner *sc, const guchar *s, gboolean curly)
{
  const guchar *limit = s - MIN ((gsize)(s - sc->text), 300);
  for (const guchar *p = s; p > limit; p--)
    {
      const guchar *c = p - 1;
      if (*c == '\n')
        break;
      if (curly)
        {
          if (c >= sc->text + 2 && *c == 0x98 && c[-1] == 0x80 && c[-2] == 0xE2)
            return TRUE;
        }
      else if (*c == '\''
               && (c == sc->text || c[-1] == ' ' || c[-1] == '(' || c[-1] == '"'
                   || c[-1] == '\n')
               && g_ascii_isalpha (c[1]))
        return TRUE;
    }
  return FALSE;
}

/* Whether the word [@s, @q) with the period at @q is in the abbreviation
 * list, as it is or as the capitalized form of a lower-case entry
 * (Approx.); *@tags gets its tags. */
static gboolean
is_abbreviation (const TokLexicon *abbr, const guchar *s, const guchar *q,
                 guint *tags)
{
  gsize len = q + 1 - s;
  if (tok_lexicon_lookup (abbr, (const char *)s, len, tags))
    return TRUE;
  if (!(s[0] >= 'A' && s[0] <= 'Z') || len >= 64
      || !tok_lexicon_has_prefix2 (abbr, g_ascii_tolower (s[0]), s[1]))
    return FALSE;
  char lower[64];
  memcpy (lower, s, len);
  lower[0] = g_ascii_tolower (lower[0]);
  return tok_lexicon_lookup (abbr, lower, len, tags);
}

/* Whether "I." at [@s, @q] is an initial, not the pronoun ending a
 * sentence: right after another initial or a title ("Wayne A. I.
 * Frederick", "Mr. I. Smith") and before a capitalized word.  After a
 * name alone it stays a full stop, as the numeral of "Charles I." and
 * "World War I." mostly is. */
static gboolean
initial_i (TokScanner *sc, const guchar *s, const guchar *q)
{
  guint n;
  const WeftToken *tokens = weft_doc_get_tokens (sc->doc, &n);
  if (n == 0 || !(q + 2 < sc->end && q[1] == ' ' && q[2] >= 'A' && q[2] <= 'Z'))
    return FALSE;
  const WeftToken *t = &tokens[n - 1];
  const guchar *b = sc->text + t->start, *e = sc->text + t->end;
  if (t->kind != WEFT_TOKEN_ABBREV || e + 1 != s || e[-1] != '.'
      || !(b[0] >= 'A' && b[0] <= 'Z'))
    return FALSE;
  /* One capital (an initial) or a capital and lower-case letters (Mr.,
   * Dr., Gen.), no inner period (U.S.). */
  for (const guchar *r = b + 1; r < e - 1; r++)
    if (*r < 'a' || *r > 'z')
      return FALSE;
  return e - b <= 5;
}

/* Whether the period after the word [@s, @q) belongs to it. */
static gboolean
takes_period (TokScanner *sc, const guchar *s, const guchar *q, guint n_dots,
              gsize max_seg)
{
  guint tags;
  gboolean found = is_abbreviation (sc->config->abbreviations, s, q, &tags);
  if (found)
    {
      if (!(tags & ABBR_NUMBER))
        return TRUE;
      const guchar *r = q + 1;
      while (r < sc->end && (*r == ' ' || *r == '\t'))
        r++;
      /* "p. 5"; without a number, "P." may still be an initial ("P.
       * damicornis"), which the test below tells. */
      if (tok_digit_at (r, sc->end))
        return TRUE;
    }
  if (n_dots > 0)
    return max_seg <= 3 && !tok_has_case (s, q, CASE_DIGIT);
  /* An initial: one upper-case letter (but not the pronoun I). */
  gunichar c;
  guint n;
  CharClass k = tok_char_at (s, q, &c, &n);
  return k == CH_UPPER && s + n == q && (c != 'I' || initial_i (sc, s, q));
}

/* Whether an e-mail address may start at the word [@s, @q): the word stops
 * at '@', or at characters of an address's local part followed by '@'
 * (john-smith@, franz371...@). */
static inline gboolean
is_local_punct (guchar b)
{
  return b == '.' || b == '_' || b == '%' || b == '+' || b == '-';
}

static gboolean
may_be_email (const guchar *q, const guchar *e)
{
  while (q < e && *q != '@' && (g_ascii_isalnum (*q) || is_local_punct (*q)))
    q++;
  return q < e && *q == '@';
}

const guchar *
tok_scan_word (TokScanner *sc, const guchar *s)
{
  const TokConfig *config = sc->config;
  const guchar *e = sc->end;
  const guchar *q = s, *seg = s;
  guint n_dots = 0;
  gsize max_seg = 0;
  gboolean capitalized;
  if (*s < 0x80)
    capitalized = tok_ascii_word[*s] == CASE_UPPER;
  else
    {
      /* a letter, mark or digit (the callers' classes): the word goes on
       * after it, and the bytes after are likely not ASCII either, so no
       * vector test of them below */
      gunichar c;
      guint n;
      capitalized = tok_char_at (s, e, &c, &n) == CH_UPPER;
      q = s + n;
    }
  const guchar *m;
  if ((*s == 'w' || *s == 'W') && e - s > 4 && (s[1] | 0x20) == 'w'
      && (s[2] | 0x20) == 'w' && s[3] == '.' && (m = tok_match_url (s, e)))
    {
      tok_emit (sc, s, m, WEFT_TOKEN_URL);
      return m;
    }

  /* Most words end at a space or a comma: nothing else to decide. */
  q = q == s ? tok_skip_word (q, e) : tok_skip_alnum (q, e);
  if ((q == e || tok_plain_end[*q])
      && !tok_lexicon_may_hold (config->contractions, s, q - s))
    {
      tok_emit_cased (sc, s, q, WEFT_TOKEN_WORD, capitalized);
      return q;
    }
  /* q is at the end of the letters and digits; after each step past a
   * joining character the loop finds the end of the next ones */
  for (;; q = tok_skip_word (q, e))
    {
      if (q >= e)
        break;
      guchar b = *q;
      guint ap;
      if (b == '.')
        {
          if (!tok_alnum_at (q + 1, e) || missing_space (sc, s, seg, q, e))
            break;
          max_seg = MAX (max_seg, (gsize)(q - seg));
          n_dots++;
          seg = ++q;
        }
      else if (b == ':' && seg == s && e - q > 3
               && ((q[1] == '/' && q[2] == '/')
                   || (q - s == 6
                       && g_ascii_strncasecmp ((const char *)s, "mailto", 6)
                              == 0))
               && (m = tok_match_url (s, e)))
        {
          tok_emit (sc, s, m, WEFT_TOKEN_URL);
          return m;
        }
      else if ((ap = tok_apostrophe_len (q, e)) && tok_letter_at (q + ap, e))
        {
          const guchar *r = q + ap, *t = skip_letters (r, e);
          guint ap2 = tok_apostrophe_len (t, e);
          gboolean ends
              = !tok_alnum_at (t, e) && !(ap2 && tok_letter_at (t + ap2, e));
          const guchar *split;
          if (config->split_clitics && ends && q > s
              && (split = split_clitic (sc, s, q, r, t, capitalized)))
            return split;
          q = r;
        }
      else if (ap && (q[-1] == 's' || q[-1] == 'S') && !tok_alnum_at (q + ap, e)
               && !closes_single_quote (sc, s, ap == 3))
        {
          /* A plural possessive: players' -> players ' */
          if (config->split_clitics)
            {
              tok_emit_cased (sc, s, q, WEFT_TOKEN_WORD, capitalized);
              tok_emit (sc, q, q + ap, WEFT_TOKEN_CLITIC);
            }
          else
            tok_emit_cased (sc, s, q + ap, WEFT_TOKEN_WORD, capitalized);
          return q + ap;
        }
      else if ((b == '-' && tok_alnum_at (q + 1, e))
               || (b == 0xE2 && e - q >= 3 && q[1] == 0x80
                   && (q[2] == 0x90 || q[2] == 0x91)
                   && tok_alnum_at (q + 3, e)))
        {
          /* Hyphenated compounds split (search - engine) unless the first
           * part is a bound prefix (e-mail, anti-war, re-elect). */
          if (config->split_hyphens
              && !tok_lexicon_lookup (config->prefixes, (const char *)seg,
                                      q - seg, NULL))
            break;
          q += b == '-' ? 1 : 3;
          seg = q;
        }
      else if ((b == '&' || b == '/') && joins_short_letters (seg, q, e))
        q = tok_skip_alnum (q + 1, e);
      else if (b == '_' && tok_alnum_at (q + 1, e))
        q++;
      else
        break;
    }
  max_seg = MAX (max_seg, (gsize)(q - seg));

  if (q < e && (*q == '@' || is_local_punct (*q)) && may_be_email (q, e)
      && (m = tok_match_email (s, e)))
    {
      tok_emit (sc, s, m, WEFT_TOKEN_EMAIL);
      return m;
    }

  /* Words split before a fixed suffix without an apostrophe: cannot,
   * gonna, gotta (case-folded list; the tag is the split offset). */
  guint at;
  if (config->split_clitics && n_dots == 0
      && tok_lexicon_has_length (config->contractions, q - s)
      && tok_lexicon_lookup (config->contractions, (const char *)s, q - s, &at)
      && at > 0 && at < (guint)(q - s))
    {
      tok_emit (sc, s, s + at, WEFT_TOKEN_WORD);
      tok_emit (sc, s + at, q, WEFT_TOKEN_CLITIC);
      return q;
    }

  WeftTokenKind kind = WEFT_TOKEN_WORD;
  if (q < e && *q == '.' && takes_period (sc, s, q, n_dots, max_seg))
    {
      q++;
      kind = WEFT_TOKEN_ABBREV;
    }
  else if (n_dots > 0
           && tok_lexicon_lookup (config->tlds, (const char *)seg, q - seg,
                                  NULL))
    {
      /* A bare domain name (wikinews.org), perhaps with a path. */
      kind = WEFT_TOKEN_URL;
      if (q < e && *q == '/')
        q = tok_extend_url (s, q, e);
    }
  tok_emit_cased (sc, s, q, kind, capitalized);
  return q;
}

const guchar *
tok_scan_word_at_period (TokScanner *sc, const guchar *s, const guchar *q)
{
  if (tok_lexicon_may_hold (sc->config->contractions, s, q - s))
    return tok_scan_word (sc, s);
  gboolean capitalized = tok_ascii_word[*s] == CASE_UPPER;
  WeftTokenKind kind = WEFT_TOKEN_WORD;
  if (takes_period (sc, s, q, 0, q - s))
    {
      q++;
      kind = WEFT_TOKEN_ABBREV;
    }
  tok_emit_cased (sc, s, q, kind, capitalized);
  return q;
}

const guchar *
tok_scan_word_at_apostrophe (TokScanner *sc, const guchar *s, const guchar *q)
{
  const guchar *e = sc->end;
  guint ap = tok_apostrophe_len (q, e);
  if (!sc->config->split_clitics || ap == 0)
    return tok_scan_word (sc, s);
  const guchar *r = q + ap, *t = r;
  while (t < e && t - r < 3 && g_ascii_isalpha (*t))
    t++;
  gboolean ends = t == e || tok_plain_end[*t]
                  || (*t == '.' && (t + 1 == e || tok_plain_end[t[1]]));
  if (t == r || !ends)
    return tok_scan_word (sc, s);
  const guchar *split
      = split_clitic (sc, s, q, r, t, tok_ascii_word[*s] == CASE_UPPER);
  return split ? split : tok_scan_word (sc, s);
}
