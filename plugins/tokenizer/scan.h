/* tokenizer — the scanner's per-document state, helpers shared by its
 * parts (scan.c: the main loop and punctuation, word.c, number.c) and the
 * matchers for tokens with their own grammar (special.c).  Scanners get
 * the position @p of a token start and the text end @e; white space is
 * never part of a word, number or URL, so it stops every one of them. */
#pragma once

#include "chars.h"
#include "tokenizer.h"

typedef struct
{
  const TokConfig *config;
  WeftDoc *doc;
  const guchar *text;
  const guchar *end;
  guint flags; /* space flags for the next token */
  /* Sentences: 1 when the splitter need not look at the last token
   * appended unless a line break follows it: a word, or plain punctuation
   * (a comma, a bracket) with no full stop before. */
  guint quiet;
  TokSentences sentences;
} TokScanner;

/* Appends a token with its final flags and lets the sentence splitter
 * look at the token before it. */
static inline void
tok_append (TokScanner *sc, const guchar *s, const guchar *e,
            WeftTokenKind kind, guint flags)
{
  guint i = weft_doc_add_token (sc->doc, (uint32_t)(s - sc->text),
                                (uint32_t)(e - sc->text), kind, flags);
  if (sc->quiet
      & !(flags & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE)))
    sc->sentences.terminal = FALSE;
  else if (i > 0)
    tok_sentences_step (sc->config, sc->doc, sc->text, &sc->sentences, i - 1);
  /* Kinds no sentence rule looks at: words, numbers, dates, times,
   * clitics, handles, hashtags, e-mail addresses. */
  sc->quiet = ((1u << WEFT_TOKEN_WORD | 1u << WEFT_TOKEN_NUMBER
                | 1u << WEFT_TOKEN_DATE | 1u << WEFT_TOKEN_TIME
                | 1u << WEFT_TOKEN_CLITIC | 1u << WEFT_TOKEN_HANDLE
                | 1u << WEFT_TOKEN_HASHTAG | 1u << WEFT_TOKEN_EMAIL)
               >> kind)
              & 1;
}

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* The end of a run of ASCII digits from @q; 16 bytes at a time where
 * SSE2 exists, for the long ones (a line of digits). */
static inline const guchar *
tok_skip_digits (const guchar *q, const guchar *e)
{
#ifdef __SSE2__
  while (e - q >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(const void *)q);
      __m128i digit
          = _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 ('0' - 1)),
                           _mm_cmplt_epi8 (v, _mm_set1_epi8 ('9' + 1)));
      guint stop = (guint)_mm_movemask_epi8 (digit) ^ 0xFFFF;
      if (stop)
        return q + __builtin_ctz (stop);
      q += 16;
    }
#endif
  while (q < e && *q >= '0' && *q <= '9')
    q++;
  return q;
}

/* The case bits (CASE_*) of a character >= 0x80 of class @k. */
static inline guint
tok_case_bits (CharClass k)
{
  switch (k)
    {
    case CH_UPPER:
      return CASE_UPPER;
    case CH_DIGIT:
      return CASE_DIGIT;
    case CH_LOWER:
      return CASE_LOWER;
    default:
      return 0;
    }
}

/* The end of a run of letters, digits and marks from @q (scalar). */
static inline const guchar *
tok_skip_alnum (const guchar *q, const guchar *e)
{
  while (q < e)
    {
      guchar b = *q;
      if (b < 0x80)
        {
          if (!tok_ascii_word[b])
            break;
          q++;
          continue;
        }
      gunichar c;
      guint n;
      if (!tok_class_is_alnum (tok_char_at (q, e, &c, &n)))
        break;
      q += n;
    }
  return q;
}

#ifdef __SSE2__
static inline guint64
word_bits16 (const guchar *q)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *)(const void *)q);
  /* one signed comparison a range: a-z (after or-ing in the case bit)
   * and 0-9 are moved to the bottom of the signed bytes, -128 and up */
  __m128i letter
      = _mm_cmplt_epi8 (_mm_add_epi8 (_mm_or_si128 (v, _mm_set1_epi8 (0x20)),
                                      _mm_set1_epi8 ((char)(0x80 - 'a'))),
                        _mm_set1_epi8 (-128 + 26));
  __m128i digit
      = _mm_cmplt_epi8 (_mm_add_epi8 (v, _mm_set1_epi8 ((char)(0x80 - '0'))),
                        _mm_set1_epi8 (-128 + 10));
  return (guint)_mm_movemask_epi8 (_mm_or_si128 (letter, digit));
}
#endif

/* tok_skip_alnum() for the hot path.  Words are short and end
 * unpredictably, so where SSE2 exists the letters and digits of the 16
 * bytes from @q are found at once and a word's end is a count of
 * trailing zeros, not a branch per letter. */
static inline const guchar *
tok_skip_word (const guchar *q, const guchar *e)
{
#ifdef __SSE2__
  while (G_LIKELY (e - q >= 16))
    {
      guint stop = (guint)word_bits16 (q) ^ 0xFFFF;
      if (G_LIKELY (stop))
        {
          q += __builtin_ctz (stop);
          if (*q < 0x80)
            return q;
          break; /* a non-ASCII character: decode it */
        }
      q += 16;
    }
#endif
  return tok_skip_alnum (q, e);
}

/* Whether [@s, @e) holds a lower-case letter, or a digit with
 * @digits. */
static inline gboolean
tok_has_case (const guchar *s, const guchar *e, guint bits)
{
  while (s < e)
    {
      if (*s < 0x80)
        {
          if (tok_ascii_word[*s++] & bits)
            return TRUE;
          continue;
        }
      gunichar c;
      guint n;
      CharClass k = tok_char_at (s, e, &c, &n);
      if (tok_case_bits (k) & bits)
        return TRUE;
      s += n;
    }
  return FALSE;
}

/* Appends the token [@s, @e) with the pending space flags and case flags
 * computed from its text. */
void tok_emit (TokScanner *sc, const guchar *s, const guchar *e,
               WeftTokenKind kind);

/* Appends a token starting with a letter; @capitalized tells whether that
 * letter is upper case (only then can the token be all capitals). */
static inline void
tok_emit_cased (TokScanner *sc, const guchar *s, const guchar *e,
                WeftTokenKind kind, gboolean capitalized)
{
  guint cap = capitalized != 0;
  guint flags = sc->flags | (cap ? WEFT_TOKEN_CAPITALIZED : 0);
  sc->flags = 0;
  /* Most capitalized words have a lower-case second letter (the text
   * ends in a NUL, so s[1] can be read): only the others are searched
   * for one.  No branch on the case of the first letter. */
  guint lower_second = (e - s > 1) & ((tok_ascii_word[s[1]] & CASE_LOWER) != 0);
  if (G_UNLIKELY (cap & !lower_second) && !tok_has_case (s, e, CASE_LOWER))
    flags |= WEFT_TOKEN_ALL_CAPS;
  tok_append (sc, s, e, kind, flags);
}

/* Bytes after which a word ends with nothing more to decide: white space,
 * commas, brackets... (not '.', '-', apostrophes, ':', '@'). */
extern const guint8 tok_plain_end[256];

/* word.c: a word from the letter or mark at @s; returns the end of what it
 * emitted (a word, an abbreviation, a word and its clitic, a URL). */
const guchar *tok_scan_word (TokScanner *sc, const guchar *s);
/* The same for an ASCII word [@s, @q) followed by a period and white
 * space or plain punctuation: a word or an abbreviation. */
const guchar *tok_scan_word_at_period (TokScanner *sc, const guchar *s,
                                       const guchar *q);
/* The same for an ASCII word [@s, @q) followed by an apostrophe: a word
 * and its clitic (Baku 's, do n't) or, for anything else, tok_scan_word().
 */
const guchar *tok_scan_word_at_apostrophe (TokScanner *sc, const guchar *s,
                                           const guchar *q);
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
const guchar *tok_match_emoticon (const TokLexicon *emoticons, gboolean alone,
                                  const guchar *p, const guchar *e);
/* An emoji sequence (ZWJ sequences, modifiers, flags, keycaps) at @p. */
const guchar *tok_match_emoji (const guchar *p, const guchar *e);
/* Whether the character at @p (< @e) is white space. */
gboolean tok_space_at (const guchar *p, const guchar *e);
