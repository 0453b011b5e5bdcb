/* tokenizer — tokens with a grammar of their own: URLs, e-mail addresses,
 * @handles, #hashtags, emoticons and emoji sequences.  Each matcher only
 * reads bytes up to the end of the current chunk, so none can run past the
 * text or loop. */
#include <string.h>

#include "scan.h"

static inline gboolean
is_ascii_alnum (guchar b)
{
  return g_ascii_isalnum (b);
}

/* Characters that may end a URL; others are trailing punctuation. */
static gboolean
url_may_end_with (guchar b)
{
  return !strchr (".,;:!?'\"`)]}>*", b) || b == '\0';
}

const guchar *
tok_extend_url (const guchar *start, const guchar *p, const guchar *e)
{
  const guchar *q = p;
  int parens = 0;
  for (const guchar *r = start; r < p; r++)
    parens += (*r == '(') - (*r == ')');
  while (q < e)
    {
      guchar b = *q;
      if (b < 0x80)
        {
          if (b <= ' ' || b == '<' || b == '>' || b == '"' || b == '`'
              || b == '\\' || b == '{' || b == '}' || b == '|' || b == 0x7F)
            break;
          if (b == '(')
            parens++;
          else if (b == ')')
            {
              if (parens == 0)
                break;
              parens--;
            }
          q++;
          continue;
        }
      gunichar c;
      guint n;
      CharClass k = tok_char_at (q, e, &c, &n);
      /* Curly quotes, dashes and the like end a URL written in prose. */
      if (k == CH_PUNCT || k == CH_SPACE || k == CH_NEWLINE || k == CH_PARAGRAPH
          || k == CH_INVALID)
        break;
      q += n;
    }
  while (q > p && q[-1] < 0x80 && !url_may_end_with (q[-1]))
    {
      if (q[-1] == ')')
        {
          int balance = 0;
          for (const guchar *r = start; r < q; r++)
            balance += (*r == '(') - (*r == ')');
          if (balance == 0)
            break;
        }
      q--;
    }
  return q;
}

const guchar *
tok_match_url (const guchar *p, const guchar *e)
{
  const guchar *q = p;
  while (q < e && q - p <= 10 && (g_ascii_isalpha (*q)))
    q++;
  const guchar *host;
  if (q > p && e - q > 3 && q[0] == ':' && q[1] == '/' && q[2] == '/')
    host = q + 3;
  else if (e - p > 4 && g_ascii_strncasecmp ((const char *)p, "www.", 4) == 0)
    host = p + 4;
  else if (q - p == 6 && q < e && *q == ':'
           && g_ascii_strncasecmp ((const char *)p, "mailto", 6) == 0)
    host = q + 1;
  else
    return NULL;
  if (host >= e || !(is_ascii_alnum (*host) || *host >= 0x80 || *host == '['))
    return NULL;
  const guchar *end = tok_extend_url (p, host, e);
  return end > host ? end : NULL;
}

static gboolean
is_email_local (guchar b)
{
  return is_ascii_alnum (b) || (b && strchr ("._%+-'", b));
}

/* A host name: labels of ASCII letters, digits and hyphens separated by
 * dots.  Returns the end without a trailing dot or hyphen. */
static const guchar *
match_host (const guchar *p, const guchar *e)
{
  const guchar *q = p, *last = NULL;
  while (q < e && is_ascii_alnum (*q))
    {
      while (q < e && (is_ascii_alnum (*q) || *q == '-'))
        q++;
      while (q > p && q[-1] == '-')
        q--;
      last = q;
      if (q + 1 < e && *q == '.' && is_ascii_alnum (q[1]))
        q++;
      else
        break;
    }
  return last;
}

const guchar *
tok_match_email (const guchar *p, const guchar *e)
{
  if (!is_ascii_alnum (*p))
    return NULL;
  const guchar *q = p;
  while (q < e && is_email_local (*q))
    q++;
  if (q >= e || *q != '@')
    return NULL;
  return match_host (q + 1, e);
}

static const guchar *
match_word_chars (const guchar *p, const guchar *e, gboolean *has_letter)
{
  const guchar *q = p;
  while (q < e)
    {
      gunichar c;
      guint n;
      CharClass k = tok_char_at (q, e, &c, &n);
      if (tok_class_is_letter (k) || k == CH_MARK)
        *has_letter = TRUE;
      else if (!(k == CH_DIGIT || c == '_'))
        break;
      q += n;
    }
  return q;
}

const guchar *
tok_match_handle (const guchar *p, const guchar *e)
{
  gboolean letter = FALSE;
  const guchar *q = match_word_chars (p + 1, e, &letter);
  return q > p + 1 && (letter || q - p > 2) ? q : NULL;
}

const guchar *
tok_match_hashtag (const guchar *p, const guchar *e)
{
  gboolean letter = FALSE;
  const guchar *q = match_word_chars (p + 1, e, &letter);
  return q > p + 1 && letter ? q : NULL;
}

gboolean
tok_space_at (const guchar *p, const guchar *e)
{
  gunichar c;
  guint n;
  CharClass k = tok_char_at (p, e, &c, &n);
  return k == CH_SPACE || k == CH_NEWLINE || k == CH_PARAGRAPH;
}

const guchar *
tok_match_emoticon (const TokLexicon *emoticons, gboolean alone,
                    const guchar *p, const guchar *e)
{
  if (!tok_lexicon_has_first_byte (emoticons, *p))
    return NULL;
  /* Emoticons that start like words or brackets ("XD", "(:") only count
   * between white space; ":)" may follow a word and precede . , ! ? */
  gboolean whole = g_ascii_isalnum (*p) || *p == '(' || *p == ')';
  if (whole && !alone)
    return NULL;
  gsize max = MIN ((gsize)(e - p), tok_lexicon_max_len (emoticons));
  for (gsize len = max; len >= 2; len--)
    {
      if (!tok_lexicon_lookup (emoticons, (const char *)p, len, NULL))
        continue;
      const guchar *r = p + len, *t = r;
      if (!whole)
        while (t < e && strchr (".,!?", *t) && *t)
          t++;
      if (t == e || tok_space_at (t, e))
        return r;
    }
  return NULL;
}

const guchar *
tok_match_emoji (const guchar *p, const guchar *e)
{
  gunichar c;
  guint n = tok_decode (p, e, &c);
  const guchar *q = p + n;
  if (c < 0x80)
    {
      /* A keycap: digit, '#' or '*', an optional U+FE0F, then U+20E3. */
      gunichar d;
      if (q < e)
        {
          guint m = tok_decode (q, e, &d);
          if (d == 0xFE0F && q + m < e)
            {
              q += m;
              m = tok_decode (q, e, &d);
            }
          if (d == 0x20E3)
            return q + m;
        }
      return NULL;
    }
  if (tok_is_regional_indicator (c))
    {
      gunichar d;
      if (q < e && tok_decode (q, e, &d) == 4 && tok_is_regional_indicator (d))
        return q + 4;
      return q;
    }
  while (q < e)
    {
      gunichar d;
      guint m = tok_decode (q, e, &d);
      if (tok_is_emoji_modifier (d))
        q += m;
      else if (d == 0x200D && q + m < e)
        {
          gunichar f;
          guint k = tok_decode (q + m, e, &f);
          if (f < 0x80 || tok_unichar_class (f) != CH_EMOJI)
            break;
          q += m + k;
        }
      else
        break;
    }
  return q;
}
