/* tokenizer — the scanner: splits the text at white space into chunks and
 * each chunk into tokens, left to right, following the Universal
 * Dependencies (English Web Treebank) conventions: clitics and hyphenated
 * compounds split, abbreviations keep their period, numbers, dates and
 * times stay whole.  ASCII goes through the byte table; only bytes >= 0x80
 * are decoded. */
#include <string.h>

#include "scan.h"

/* Bits summarising a chunk, to skip matchers that cannot apply. */
enum {
  CHUNK_AT = 1 << 0,    /* '@' */
  CHUNK_URL = 1 << 1,   /* ':' or "www." may start a URL */
};

static inline gboolean
alnum_at (const guchar *p, const guchar *e)
{
  gunichar c;
  guint n;
  return p < e && tok_class_is_alnum (tok_char_at (p, e, &c, &n));
}

static inline gboolean
letter_at (const guchar *p, const guchar *e)
{
  gunichar c;
  guint n;
  return p < e && tok_class_is_letter (tok_char_at (p, e, &c, &n));
}

static inline gboolean
digit_at (const guchar *p, const guchar *e)
{
  return p < e && *p >= '0' && *p <= '9';
}

/* The end of a run of letters, digits and marks. */
static const guchar *
skip_alnum (const guchar *q, const guchar *e)
{
  while (q < e)
    {
      guchar b = *q;
      if (b < 0x80)
        {
          guint8 k = tok_ascii_class[b];
          if (k == CH_UPPER || k == CH_LOWER || k == CH_DIGIT)
            {
              q++;
              continue;
            }
          break;
        }
      gunichar c;
      guint n;
      if (!tok_class_is_alnum (tok_char_at (q, e, &c, &n)))
        break;
      q += n;
    }
  return q;
}

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

static const guchar *
skip_digits (const guchar *q, const guchar *e)
{
  while (q < e && *q >= '0' && *q <= '9')
    q++;
  return q;
}

void
tok_emit (TokScanner *sc, const guchar *s, const guchar *e,
          WeftTokenKind kind)
{
  guint flags = sc->flags;
  sc->flags = 0;
  if (kind != WEFT_TOKEN_PUNCT && kind != WEFT_TOKEN_SYMBOL
      && kind != WEFT_TOKEN_EMOJI)
    {
      guint upper = 0, lower = 0;
      for (const guchar *q = s; q < e;)
        {
          gunichar c;
          guint n = tok_decode (q, e, &c);
          guint cs = tok_unichar_case (c);
          if (q == s && cs == 1)
            flags |= WEFT_TOKEN_CAPITALIZED;
          upper |= cs == 1;
          lower |= cs == 2;
          q += n;
        }
      if (upper && !lower)
        flags |= WEFT_TOKEN_ALL_CAPS;
    }
  weft_doc_add_token (sc->doc, (uint32_t) (s - sc->text),
                      (uint32_t) (e - sc->text), kind, flags);
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

/* Letter sequences joined by '&' or '/' stay one token when both sides are
 * short: AT&T, Q&A, b/c, w/o. */
static gboolean
joins_short_letters (const guchar *seg, const guchar *q, const guchar *e)
{
  if (q - seg > 3 || !letter_at (q + 1, e))
    return FALSE;
  const guchar *r = skip_alnum (q + 1, e);
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
  if (seg == s && tok_lexicon_lookup (sc->config->abbreviations,
                                      (const char *) s, q + 1 - s, NULL))
    return TRUE;
  if (q - seg < 2)
    return FALSE;
  for (const guchar *t = seg; t < q; t++)
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
  const guchar *limit = s - MIN ((gsize) (s - sc->text), 300);
  for (const guchar *p = s; p > limit; p--)
    {
      const guchar *c = p - 1;
      if (*c == '\n')
        break;
      if (curly)
        {
          if (c >= sc->text + 2 && *c == 0x98 && c[-1] == 0x80
              && c[-2] == 0xE2)
            return TRUE;
        }
      else if (*c == '\'' && (c == sc->text || c[-1] == ' ' || c[-1] == '('
                               || c[-1] == '"' || c[-1] == '\n')
               && g_ascii_isalpha (c[1]))
        return TRUE;
    }
  return FALSE;
}

/* Whether the period after the word [@s, @q) belongs to it. */
static gboolean
takes_period (TokScanner *sc, const guchar *s, const guchar *q,
              guint n_dots, gsize max_seg, gboolean all_letters)
{
  guint tags;
  const TokLexicon *abbr = sc->config->abbreviations;
  gboolean found = tok_lexicon_lookup (abbr, (const char *) s, q + 1 - s,
                                       &tags);
  if (!found && s[0] >= 'A' && s[0] <= 'Z' && q - s < 63)
    {
      /* A capitalized form of a lower-case abbreviation (Approx.). */
      char lower[64];
      memcpy (lower, s, q + 1 - s);
      lower[0] = g_ascii_tolower (lower[0]);
      found = tok_lexicon_lookup (abbr, lower, q + 1 - s, &tags);
    }
  if (found)
    {
      if (!(tags & ABBR_NUMBER))
        return TRUE;
      const guchar *r = q + 1;
      while (r < sc->end && (*r == ' ' || *r == '\t'))
        r++;
      return digit_at (r, sc->end);
    }
  if (n_dots > 0)
    return all_letters && max_seg <= 3;
  /* An initial: one upper-case letter (but not the pronoun I). */
  gunichar c;
  guint n;
  CharClass k = tok_char_at (s, q, &c, &n);
  return k == CH_UPPER && s + n == q && c != 'I';
}

static const guchar *
scan_word (TokScanner *sc, const guchar *s, const guchar *e)
{
  const TokConfig *config = sc->config;
  const guchar *q = s, *seg = s;
  guint n_dots = 0;
  gsize max_seg = 0;
  gboolean all_letters = TRUE;

  for (;;)
    {
      const guchar *run = q;
      q = skip_alnum (q, e);
      for (const guchar *r = run; r < q; r++)
        if (*r >= '0' && *r <= '9')
          all_letters = FALSE;
      if (q >= e)
        break;
      guchar b = *q;
      guint ap;
      if (b == '.')
        {
          if (!alnum_at (q + 1, e) || missing_space (sc, s, seg, q, e))
            break;
          max_seg = MAX (max_seg, (gsize) (q - seg));
          n_dots++;
          seg = ++q;
        }
      else if ((ap = tok_apostrophe_len (q, e)) && letter_at (q + ap, e))
        {
          const guchar *r = q + ap, *t = skip_letters (r, e);
          gboolean ends = !alnum_at (t, e)
                          && !(tok_apostrophe_len (t, e)
                               && letter_at (t + tok_apostrophe_len (t, e), e));
          if (config->split_clitics && ends && q > s)
            {
              if (is_clitic (r, t - r))
                {
                  tok_emit (sc, s, q, WEFT_TOKEN_WORD);
                  tok_emit (sc, q, t, WEFT_TOKEN_CLITIC);
                  return t;
                }
              if (t - r == 1 && (*r == 't' || *r == 'T') && q - 1 > s
                  && (q[-1] == 'n' || q[-1] == 'N'))
                {
                  tok_emit (sc, s, q - 1, WEFT_TOKEN_WORD);
                  tok_emit (sc, q - 1, t, WEFT_TOKEN_CLITIC);
                  return t;
                }
            }
          q = r;
        }
      else if (ap && (q[-1] == 's' || q[-1] == 'S') && !alnum_at (q + ap, e)
               && !closes_single_quote (sc, s, ap == 3))
        {
          /* A plural possessive: players' -> players ' */
          if (config->split_clitics)
            {
              tok_emit (sc, s, q, WEFT_TOKEN_WORD);
              tok_emit (sc, q, q + ap, WEFT_TOKEN_CLITIC);
            }
          else
            tok_emit (sc, s, q + ap, WEFT_TOKEN_WORD);
          return q + ap;
        }
      else if ((b == '-' && alnum_at (q + 1, e))
               || (b == 0xE2 && e - q >= 3 && q[1] == 0x80
                   && (q[2] == 0x90 || q[2] == 0x91) && alnum_at (q + 3, e)))
        {
          /* Hyphenated compounds split (search - engine) unless the first
           * part is a bound prefix (e-mail, anti-war, re-elect). */
          if (config->split_hyphens
              && !tok_lexicon_lookup (config->prefixes, (const char *) seg,
                                      q - seg, NULL))
            break;
          q += b == '-' ? 1 : 3;
          seg = q;
        }
      else if ((b == '&' || b == '/') && joins_short_letters (seg, q, e))
        {
          q = skip_alnum (q + 1, e);
          all_letters = FALSE;
        }
      else if (b == '_' && alnum_at (q + 1, e))
        q++;
      else
        break;
    }
  max_seg = MAX (max_seg, (gsize) (q - seg));

  /* Words split before a fixed suffix without an apostrophe: cannot,
   * gonna, gotta (case-folded list; the tag is the split offset). */
  guint at;
  if (config->split_clitics && n_dots == 0
      && tok_lexicon_lookup (config->contractions, (const char *) s, q - s,
                             &at)
      && at > 0 && at < (guint) (q - s))
    {
      tok_emit (sc, s, s + at, WEFT_TOKEN_WORD);
      tok_emit (sc, s + at, q, WEFT_TOKEN_CLITIC);
      return q;
    }

  WeftTokenKind kind = WEFT_TOKEN_WORD;
  if (q < e && *q == '.' && takes_period (sc, s, q, n_dots, max_seg,
                                          all_letters))
    {
      q++;
      kind = WEFT_TOKEN_ABBREV;
    }
  else if (n_dots > 0
           && tok_lexicon_lookup (sc->config->tlds, (const char *) seg,
                                  q - seg, NULL))
    {
      /* A bare domain name (wikinews.org), perhaps with a path. */
      kind = WEFT_TOKEN_URL;
      if (q < e && *q == '/')
        q = tok_extend_url (s, q, e);
    }
  tok_emit (sc, s, q, kind);
  return q;
}

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
    if (g_ascii_strncasecmp ((const char *) p, months[i], 3) == 0)
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
  const guchar *r = skip_digits (q + 1, e);
  gsize after = r - (q + 1);
  if (in_iso_date)
    return after == 2 && !digit_at (r, e);
  if ((before == 3 || before == 5) && after == 4)
    return TRUE;
  if (before == 3 && after == 3 && r < e && *r == '-')
    {
      const guchar *t = skip_digits (r + 1, e);
      return t - (r + 1) == 4;
    }
  if (before == 4 && after == 2 && r < e && *r == '-')
    {
      const guchar *t = skip_digits (r + 1, e);
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
  if (n_groups == 3 && (seps == (1 << 0) || seps == (1 << 3)
                        || seps == (1 << 4)))
    {
      if ((first <= 2 && (last == 2 || last == 4))
          || (first == 4 && last <= 2))
        return WEFT_TOKEN_DATE;
    }
  (void) s;
  (void) q;
  return WEFT_TOKEN_NUMBER;
}

static const guchar *
scan_number (TokScanner *sc, const guchar *s, const guchar *e)
{
  const guchar *run = s, *q = skip_digits (s, e);
  gsize first = q - s, last = first;
  guint seps = 0, n_groups = 1;
  gboolean date = FALSE;
  /* separators: bit 0 '.', 1 ',', 2 ':', 3 '/', 4 '-' */
  while (q < e && n_groups < 64)
    {
      guchar b = *q;
      const guchar *r;
      if ((b == '.' || b == ':' || b == '/') && digit_at (q + 1, e))
        seps |= b == '.' ? 1 : b == ':' ? 4 : 8;
      else if (b == ',' && digit_at (q + 1, e)
               && (r = skip_digits (q + 1, e)) - (q + 1) == 3
               && !(seps & ~2u))
        seps |= 2;
      else if (b == '-' && digit_at (q + 1, e)
               && hyphen_joins_digits (run, q, e,
                                       seps == 16 && n_groups == 2
                                           && first == 4))
        seps |= 16;
      else if (b == '-' && q - run <= 2 && !(seps & ~16u)
               && is_month_abbrev (q + 1, e) && q + 4 < e && q[4] == '-'
               && digit_at (q + 5, e) && !letter_at (q + 4, e))
        {
          /* 01-Feb-02 */
          q = skip_digits (q + 5, e);
          date = TRUE;
          n_groups = 3;
          break;
        }
      else
        break;
      run = ++q;
      q = skip_digits (q, e);
      last = q - run;
      n_groups++;
    }
  WeftTokenKind kind = date ? WEFT_TOKEN_DATE
                            : classify_number (s, q, seps, n_groups, first,
                                               last);
  guint ap;
  if (q < e && letter_at (q, e))
    {
      /* Ordinals, decades and single letters stay (26th, 1990s, 5x,
       * 3801a); units split off as in UD (81 K, 300 USD, 1.13 bn,
       * 6 am). */
      const guchar *t = skip_alnum (q, e);
      gsize n = t - q;
      char a = g_ascii_tolower (q[0]), b = n > 1 ? g_ascii_tolower (q[1]) : 0;
      gboolean keep = (n == 1 && a >= 'a' && a <= 'z' && (a == 's' || q[0] == a))
                      || (n == 2 && !(seps & ~2u)
                          && ((a == 's' && b == 't') || (a == 'n' && b == 'd')
                              || (a == 'r' && b == 'd') || (a == 't' && b == 'h')));
      if (keep)
        {
          if (a != 's' && n == 1)
            kind = WEFT_TOKEN_WORD;
          q = t;
        }
    }
  else if (q < e && (ap = tok_apostrophe_len (q, e))
           && q + ap < e && (q[ap] == 's' || q[ap] == 'S')
           && !alnum_at (q + ap + 1, e))
    q += ap + 1; /* 1980's */
  tok_emit (sc, s, q, kind);
  return q;
}

/* Punctuation and symbols: runs of . ! ? … are one token (...), as are
 * runs of the same dash or rule character (--, ****); anything else is one
 * character with its combining marks. */
static const guchar *
scan_punct (TokScanner *sc, const guchar *p, const guchar *e)
{
  guchar b = *p;
  const guchar *q = p + 1;
  WeftTokenKind kind = WEFT_TOKEN_PUNCT;
  if (b == '.' || b == '!' || b == '?'
      || (b == 0xE2 && e - p >= 3 && p[1] == 0x80 && p[2] == 0xA6))
    {
      q = p;
      while (q < e)
        {
          if (*q == '.' || *q == '!' || *q == '?')
            q++;
          else if (*q == 0xE2 && e - q >= 3 && q[1] == 0x80 && q[2] == 0xA6)
            q += 3;
          else
            break;
        }
    }
  else if (b == '-' || b == '=')
    {
      while (q < e && (*q == '-' || *q == '='))
        q++;
    }
  else if (b < 0x80 && strchr ("*_+~^#", b))
    {
      while (q < e && *q == b)
        q++;
      if (b != '_' && b != '*')
        kind = WEFT_TOKEN_SYMBOL;
    }
  else if (b == '\'' && digit_at (q, e) && digit_at (q + 1, e)
           && !digit_at (q + 2, e))
    {
      /* '73, '90s: a year with its century left out */
      q = skip_alnum (q, e);
      kind = WEFT_TOKEN_NUMBER;
    }
  else
    {
      gunichar c;
      guint n;
      CharClass k = tok_char_at (p, e, &c, &n);
      q = p + n;
      if (k != CH_PUNCT)
        kind = WEFT_TOKEN_SYMBOL;
      while (q < e)
        {
          gunichar m;
          guint len;
          if (tok_char_at (q, e, &m, &len) != CH_MARK)
            break;
          if (m == 0xFE0F)
            kind = WEFT_TOKEN_EMOJI;
          q += len;
        }
    }
  tok_emit (sc, p, q, kind);
  return q;
}

/* Tokenizes the chunk [@s, @e), which holds no white space. */
static void
scan_chunk (TokScanner *sc, const guchar *s, const guchar *e, guint bits)
{
  const TokConfig *config = sc->config;
  const guchar *p = s;
  while (p < e)
    {
      guchar b = *p;
      const guchar *m = NULL;
      gunichar c;
      guint n;
      CharClass k = tok_char_at (p, e, &c, &n);

      if ((bits & CHUNK_URL) && g_ascii_isalpha (b)
          && (m = tok_match_url (p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_URL);
          p = m;
          continue;
        }
      if ((bits & CHUNK_AT) && g_ascii_isalnum (b)
          && (m = tok_match_email (p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_EMAIL);
          p = m;
          continue;
        }
      if (b == '@' && (m = tok_match_handle (p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_HANDLE);
          p = m;
          continue;
        }
      if (b == '#' && (m = tok_match_hashtag (p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_HASHTAG);
          p = m;
          continue;
        }
      if ((m = tok_match_emoticon (config->emoticons, s, p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_EMOTICON);
          p = m;
          continue;
        }
      if ((k == CH_EMOJI || ((k == CH_DIGIT || b == '#' || b == '*')
                             && n == 1 && p + 1 < e && p[1] >= 0x80))
          && (m = tok_match_emoji (p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_EMOJI);
          p = m;
          continue;
        }
      switch (k)
        {
        case CH_UPPER:
        case CH_LOWER:
        case CH_MARK:
          p = scan_word (sc, p, e);
          break;
        case CH_DIGIT:
          p = b < 0x80 ? scan_number (sc, p, e) : scan_word (sc, p, e);
          break;
        case CH_PUNCT:
        case CH_SYMBOL:
          p = scan_punct (sc, p, e);
          break;
        case CH_EMOJI:
          tok_emit (sc, p, p + n, WEFT_TOKEN_EMOJI);
          p += n;
          break;
        case CH_SPACE:
        case CH_NEWLINE:
        case CH_PARAGRAPH:
        case CH_INVALID:
        default:
          tok_emit (sc, p, p + n, WEFT_TOKEN_SYMBOL);
          p += n;
          break;
        }
    }
}

void
tok_scan (const TokConfig *config, WeftDoc *doc)
{
  gsize len;
  const guchar *text = (const guchar *) weft_doc_get_text (doc, &len);
  TokScanner sc = { config, doc, text, text + len, 0 };
  const guchar *p = text, *e = text + len;
  gboolean newline = FALSE;
  while (p < e)
    {
      guchar b = *p;
      if (G_UNLIKELY (b == '\r'))
        {
          /* \r\n is one line break; a lone \r is one too. */
          if (!(p + 1 < e && p[1] == '\n'))
            {
              sc.flags |= WEFT_TOKEN_SPACE_BEFORE | WEFT_TOKEN_NEWLINE_BEFORE;
              if (newline)
                sc.flags |= WEFT_TOKEN_PARAGRAPH_BEFORE;
              newline = TRUE;
            }
          p++;
          continue;
        }
      guint8 k = tok_ascii_class[b];
      guint n = 1;
      if (k == CH_INVALID)
        {
          gunichar c;
          k = tok_char_at (p, e, &c, &n);
        }
      if (k == CH_SPACE)
        {
          sc.flags |= WEFT_TOKEN_SPACE_BEFORE;
          p += n;
          continue;
        }
      if (k == CH_NEWLINE || k == CH_PARAGRAPH)
        {
          sc.flags |= WEFT_TOKEN_SPACE_BEFORE | WEFT_TOKEN_NEWLINE_BEFORE;
          if (newline || k == CH_PARAGRAPH)
            sc.flags |= WEFT_TOKEN_PARAGRAPH_BEFORE;
          newline = TRUE;
          p += n;
          continue;
        }
      newline = FALSE;
      /* The chunk: up to the next white space. */
      const guchar *q = p;
      guint bits = 0;
      while (q < e)
        {
          guchar c = *q;
          if (c < 0x80)
            {
              guint8 ck = tok_ascii_class[c];
              if (ck == CH_SPACE || ck == CH_NEWLINE || c == '\r')
                break;
              if (c == '@')
                bits |= CHUNK_AT;
              else if (c == ':' || c == 'w' || c == 'W')
                bits |= CHUNK_URL;
              q++;
            }
          else
            {
              gunichar u;
              guint len2;
              CharClass uk = tok_char_at (q, e, &u, &len2);
              if (uk == CH_SPACE || uk == CH_NEWLINE || uk == CH_PARAGRAPH)
                break;
              q += len2;
            }
        }
      scan_chunk (&sc, p, q, bits);
      p = q;
    }
}
