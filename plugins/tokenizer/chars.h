/* tokenizer — character classes.  ASCII bytes are classified by a 256-entry
 * table; only bytes >= 0x80 are decoded and looked up in GLib's Unicode
 * tables.  Everything here is pure and thread-safe. */
#pragma once

#include <glib.h>
#include <stdint.h>

typedef enum
{
  CH_SPACE = 0, /* horizontal white space, ignorable format characters */
  CH_NEWLINE,   /* \n, U+2028, U+0085 */
  CH_PARAGRAPH, /* U+2029: a paragraph separator counts as a blank line */
  CH_UPPER,     /* upper- or title-case letter */
  CH_LOWER,     /* lower-case letter */
  CH_LETTER,    /* other letters: uncased scripts, modifiers, letter numbers */
  CH_DIGIT,     /* decimal digit */
  CH_MARK,      /* combining mark: sticks to what precedes it */
  CH_PUNCT,     /* punctuation */
  CH_SYMBOL,    /* symbols, control characters, anything else */
  CH_EMOJI,     /* a pictograph that starts an emoji sequence */
  CH_INVALID,   /* an invalid or truncated byte sequence (one byte) */
} CharClass;

/* The class of every byte < 0x80; entries >= 0x80 are CH_INVALID. */
extern const guint8 tok_ascii_class[256];

/* Word characters among bytes < 0x80, as bits: letters and digits are
 * non-zero, everything else 0. */
enum
{
  CASE_UPPER = 1,
  CASE_LOWER = 2,
  CASE_DIGIT = 4,
};
extern const guint8 tok_ascii_word[256];

/* Decodes the code point at @p (which must be < @end) into *@c and returns
 * its length in bytes (1 for an invalid or truncated sequence, *@c then
 * being U+FFFD). */
static inline guint
tok_decode (const guchar *p, const guchar *end, gunichar *c)
{
  guchar b = p[0];
  if (b < 0x80)
    {
      *c = b;
      return 1;
    }
  if (b >= 0xC2 && b < 0xE0 && end - p >= 2 && (p[1] & 0xC0) == 0x80)
    {
      *c = ((gunichar)(b & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }
  if (b >= 0xE0 && b < 0xF0 && end - p >= 3 && (p[1] & 0xC0) == 0x80
      && (p[2] & 0xC0) == 0x80)
    {
      *c = ((gunichar)(b & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6)
           | (p[2] & 0x3F);
      if (*c >= 0x800 && (*c < 0xD800 || *c > 0xDFFF))
        return 3;
    }
  else if (b >= 0xF0 && b < 0xF5 && end - p >= 4 && (p[1] & 0xC0) == 0x80
           && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
    {
      *c = ((gunichar)(b & 0x07) << 18) | ((gunichar)(p[1] & 0x3F) << 12)
           | ((gunichar)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      if (*c >= 0x10000 && *c <= 0x10FFFF)
        return 4;
    }
  *c = 0xFFFD;
  return 1;
}

/* The class of a code point >= 0x80. */
CharClass tok_unichar_class (gunichar c);

/* tok_unichar_class() of every code point below 0x10000, filled by
 * tok_chars_init(). */
extern guint8 tok_bmp_class[0x10000];
/* Fills tok_bmp_class once per process; thread-safe. */
void tok_chars_init (void);

/* The class of the character at @p (< @end); *@len gets its byte length and
 * *@c the code point. */
static inline CharClass
tok_char_at (const guchar *p, const guchar *end, gunichar *c, guint *len)
{
  if (*p < 0x80)
    {
      *c = *p;
      *len = 1;
      return (CharClass)tok_ascii_class[*p];
    }
  *len = tok_decode (p, end, c);
  if (*len == 1)
    return CH_INVALID;
  return *c < 0x10000 ? (CharClass)tok_bmp_class[*c] : tok_unichar_class (*c);
}

/* Whether the class is part of a word: a letter, digit or mark. */
static inline gboolean
tok_class_is_alnum (CharClass k)
{
  return k == CH_UPPER || k == CH_LOWER || k == CH_LETTER || k == CH_DIGIT
         || k == CH_MARK;
}

static inline gboolean
tok_class_is_letter (CharClass k)
{
  return k == CH_UPPER || k == CH_LOWER || k == CH_LETTER;
}

/* Apostrophes that may join a clitic: ' U+2019 U+02BC U+00B4. */
static inline guint
tok_apostrophe_len (const guchar *p, const guchar *end)
{
  if (p[0] == '\'')
    return 1;
  if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
    return 3;
  if (end - p >= 2
      && ((p[0] == 0xCA && p[1] == 0xBC) || (p[0] == 0xC2 && p[1] == 0xB4)))
    return 2;
  return 0;
}

/* Continuations of an emoji sequence: variation selectors, skin tones,
 * tags, the keycap mark. */
static inline gboolean
tok_is_emoji_modifier (gunichar c)
{
  return c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF)
         || (c >= 0xE0020 && c <= 0xE007F) || c == 0x20E3;
}

static inline gboolean
tok_is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Upper- or lower-case information for case flags: 1 upper, 2 lower, 0
 * uncased (digits, punctuation, uncased scripts). */
guint tok_unichar_case (gunichar c);
