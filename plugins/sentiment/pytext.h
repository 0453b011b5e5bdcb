/* sentiment — the few string operations of Python 3 that VADER's reference
 * implementation relies on (str.split, str.strip (string.punctuation),
 * str.isupper, str.lower), reproduced on UTF-8 bytes so the scores match. */
#pragma once

#include <glib.h>

/* Length in bytes of the Python-whitespace character at @p (< @end), or 0
 * when the character there is not whitespace for str.split(). */
gsize py_space_len (const char *p, const char *end);

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
