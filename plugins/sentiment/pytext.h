/* sentiment — the few string operations of Python 3 that VADER's reference
 * implementation relies on (str.split, str.strip (string.punctuation),
 * str.isupper, str.lower), reproduced on UTF-8 bytes so the scores match. */
#pragma once

#include <glib.h>

/* What each byte is, for the ASCII fast paths: one table load answers
 * whether a byte is whitespace for str.split(), string.punctuation, an
 * upper- or lower-case letter, an apostrophe, or part of a
 * multi-byte character (whose properties need decoding). */
enum
{
  PY_SPACE = 1 << 0,
  PY_PUNCT = 1 << 1,
  PY_UPPER = 1 << 2,
  PY_LOWER = 1 << 3,
  PY_HIGH = 1 << 4,
  PY_APOSTROPHE = 1 << 5,
};

extern const guint8 py_byte_class[256];

/* Length in bytes of the whitespace character at @p (< @end) whose first
 * byte is >= 0x80, or 0 when it is not whitespace for str.split():
 * U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
 * and U+3000, matched on their UTF-8 bytes. */
static inline gsize
py_high_space_len (const char *p, const char *end)
{
  const guchar *q = (const guchar *)p;
  gsize room = (gsize)(end - p);
  switch (q[0])
    {
    case 0xc2:
      return room >= 2 && (q[1] == 0x85 || q[1] == 0xa0) ? 2 : 0;
    case 0xe1:
      return room >= 3 && q[1] == 0x9a && q[2] == 0x80 ? 3 : 0;
    case 0xe2:
      if (room < 3)
        return 0;
      if (q[1] == 0x80)
        return q[2] <= 0x8a || q[2] == 0xa8 || q[2] == 0xa9 || q[2] == 0xaf ? 3
                                                                            : 0;
      return q[1] == 0x81 && q[2] == 0x9f ? 3 : 0;
    case 0xe3:
      return room >= 3 && q[1] == 0x80 && q[2] == 0x80 ? 3 : 0;
    default:
      return 0;
    }
}

/* Length in bytes of the Python-whitespace character at @p (< @end), or 0
 * when the character there is not whitespace for str.split(). */
static inline gsize
py_space_len (const char *p, const char *end)
{
  guint8 c = py_byte_class[(guchar)*p];
  if (c & PY_SPACE)
    return 1;
  return c & PY_HIGH ? py_high_space_len (p, end) : 0;
}

/* Narrows [*start, *end) as token.strip (string.punctuation) does: ASCII
 * punctuation is removed from both ends. */
void py_strip_punct (const char **start, const char **end);

/* Number of code points in @len bytes of valid UTF-8. */
gsize py_n_chars (const char *s, gsize len);

/* str.isupper(): at least one cased character and no lower or title case
 * one. */
gboolean py_is_upper (const char *s, gsize len);

/* Writes str.lower() of @len bytes at @s to @out and returns the bytes
 * written; no NUL is added.  @out needs room for @len * 3 / 2 bytes: no
 * character's lower case is longer than 1.5 times it in UTF-8. */
gsize py_lower (const char *s, gsize len, char *out);
