/* tokenizer — the scanner's per-document state, helpers shared by its
 * parts (scan.c: the main loop and punctuation, word.c, number.c) and the
 * matchers for tokens with their own grammar (special.c).  Scanners get
 * the position @p of a token start and the text end @e; white space is
 * never part of a word, number or URL, so it stops every one of them. */
#pragma once

#include "chars.h"
#include "tokenizer.h"

typedef struct {
  const TokConfig *config;
  WeftDoc *doc;
  const guchar *text;
  const guchar *end;
  guint flags; /* space flags for the next token */
} TokScanner;

static inline gboolean
tok_alnum_at (const guchar *p, const guchar *e)
{
  gunichar c;
  guint n;
  if (p >= e)
    return FALSE;
  if (*p < 0x80)
    return tok_ascii_word[*p] != 0;
  return tok_class_is_alnum (tok_char_at (p, e, &c, &n));
}

static inline gboolean
tok_letter_at (const guchar *p, const guchar *e)
{
  gunichar c;
  guint n;
  if (p >= e)
    return FALSE;
  if (*p < 0x80)
    return (tok_ascii_word[*p] & (CASE_UPPER | CASE_LOWER)) != 0;
  return tok_class_is_letter (tok_char_at (p, e, &c, &n));
}

static inline gboolean
tok_digit_at (const guchar *p, const guchar *e)
{
  return p < e && *p >= '0' && *p <= '9';
}

static inline const guchar *
tok_skip_digits (const guchar *q, const guchar *e)
{
  while (q < e && *q >= '0' && *q <= '9')
    q++;
  return q;
}

/* The case bits (CASE_*) of a character >= 0x80 of class @k. */
static inline guint
tok_case_bits (CharClass k, gunichar c)
{
  switch (k)
    {
    case CH_UPPER:
      return CASE_UPPER;
    case CH_DIGIT:
      return CASE_DIGIT;
    case CH_LOWER:
      return tok_unichar_case (c) == 2 ? CASE_LOWER : 0;
    default:
      return 0;
    }
}

/* The end of a run of letters, digits and marks from @q; their CASE_* bits
 * are OR-ed into *@mask. */
static inline const guchar *
tok_skip_alnum (const guchar *q, const guchar *e, guint *mask)
{
  guint m = 0;
  while (q < e)
    {
      guchar b = *q;
      if (b < 0x80)
        {
          guint8 f = tok_ascii_word[b];
          if (!f)
            break;
          m |= f;
          q++;
          continue;
        }
      gunichar c;
      guint n;
      CharClass k = tok_char_at (q, e, &c, &n);
      if (!tok_class_is_alnum (k))
        break;
      m |= tok_case_bits (k, c);
      q += n;
    }
  *mask |= m;
  return q;
}

/* Appends the token [@s, @e) with the pending space flags and case flags
 * computed from its text. */
void tok_emit (TokScanner *sc, const guchar *s, const guchar *e,
               WeftTokenKind kind);

/* Appends a token whose case is known: @mask holds the CASE_* bits of its
 * characters, @capitalized whether the first is upper case. */
static inline void
tok_emit_cased (TokScanner *sc, const guchar *s, const guchar *e,
                WeftTokenKind kind, guint mask, gboolean capitalized)
{
  guint flags = sc->flags;
  sc->flags = 0;
  if (capitalized)
    flags |= WEFT_TOKEN_CAPITALIZED;
  if ((mask & (CASE_UPPER | CASE_LOWER)) == CASE_UPPER)
    flags |= WEFT_TOKEN_ALL_CAPS;
  weft_doc_add_token (sc->doc, (uint32_t) (s - sc->text),
                      (uint32_t) (e - sc->text), kind, flags);
}

/* word.c: a word from the letter or mark at @s; returns the end of what it
 * emitted (a word, an abbreviation, a word and its clitic, a URL). */
const guchar *tok_scan_word (TokScanner *sc, const guchar *s);
/* number.c: a number, date or time from the ASCII digit at @s. */
const guchar *tok_scan_number (TokScanner *sc, const guchar *s);

/* special.c.  Each returns the end of its match or NULL. */
/* scheme://… or www.… */
const guchar *tok_match_url (const guchar *p, const guchar *e);
/* The rest of a URL from @p (after its host), without trailing
 * punctuation; @start is the URL's start, for balancing parentheses. */
const guchar *tok_extend_url (const guchar *start, const guchar *p,
                              const guchar *e);
const guchar *tok_match_email (const guchar *p, const guchar *e);
/* @name and #tag; @p is at the '@' or '#'. */
const guchar *tok_match_handle (const guchar *p, const guchar *e);
const guchar *tok_match_hashtag (const guchar *p, const guchar *e);
/* An emoticon from @emoticons at @p; @alone tells whether white space (or
 * the start of the text) precedes @p. */
const guchar *tok_match_emoticon (const TokLexicon *emoticons,
                                  gboolean alone, const guchar *p,
                                  const guchar *e);
/* An emoji sequence (ZWJ sequences, modifiers, flags, keycaps) at @p. */
const guchar *tok_match_emoji (const guchar *p, const guchar *e);
/* Whether the character at @p (< @e) is white space. */
gboolean tok_space_at (const guchar *p, const guchar *e);
