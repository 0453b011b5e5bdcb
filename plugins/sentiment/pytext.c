/* sentiment — Python 3 string semantics on UTF-8 bytes: which characters
 * str.split() splits on, which ones str.isupper() counts as cased, and what
 * str.lower() makes of them.  ASCII takes a table-driven fast path. */
#include "pytext.h"

#include <string.h>

#define S PY_SPACE
#define P PY_PUNCT
#define A PY_APOSTROPHE
#define U PY_UPPER
#define L PY_LOWER
#define H PY_HIGH
/* Whitespace is Py_UNICODE_ISSPACE of ASCII (\t..\r and \x1c..' ');
 * punctuation is string.punctuation. */
/* clang-format off */
const guint8 py_byte_class[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S,
  S, P, P, P, P, P, P, P | A, P, P, P, P, P, P, P, P,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, P, P, P, P, P, P,
  P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
  U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
  P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
  L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, 0,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
  H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
/* clang-format on */
#undef S
#undef P
#undef A
#undef U
#undef L
#undef H

static gboolean
is_punct (guchar c)
{
  return py_byte_class[c] & PY_PUNCT;
}

void
py_strip_punct (const char **start, const char **end)
{
  const char *s = *start, *e = *end;
  while (s < e && is_punct ((guchar)*s))
    s++;
  while (e > s && is_punct ((guchar)e[-1]))
    e--;
  *start = s;
  *end = e;
}

gsize
py_n_chars (const char *s, gsize len)
{
  gsize n = 0;
  for (gsize i = 0; i < len; i++)
    n += ((guchar)s[i] & 0xc0) != 0x80;
  return n;
}

/* Python counts Other_Uppercase / Other_Lowercase characters as cased too
 * (Roman numerals, circled letters, modifier letters); GLib does not. */
static gboolean
is_other_upper (gunichar c)
{
  return (c >= 0x2160 && c <= 0x216f) || (c >= 0x24b6 && c <= 0x24cf)
         || (c >= 0x1f130 && c <= 0x1f149) || (c >= 0x1f150 && c <= 0x1f169)
         || (c >= 0x1f170 && c <= 0x1f189);
}

static gboolean
is_other_lower (gunichar c)
{
  return c == 0xaa || c == 0xba || (c >= 0x2b0 && c <= 0x2b8) || c == 0x2c0
         || c == 0x2c1 || (c >= 0x2e0 && c <= 0x2e4) || c == 0x345 || c == 0x37a
         || (c >= 0x1d2c && c <= 0x1d6a) || c == 0x1d78
         || (c >= 0x1d9b && c <= 0x1dbf) || c == 0x2071 || c == 0x207f
         || (c >= 0x2090 && c <= 0x209c) || (c >= 0x2170 && c <= 0x217f)
         || (c >= 0x24d0 && c <= 0x24e9) || c == 0x2c7c || c == 0x2c7d
         || c == 0xa69c || c == 0xa69d || c == 0xa770 || c == 0xa7f8
         || c == 0xa7f9 || (c >= 0xab5c && c <= 0xab5f);
}

/* Scripts and punctuation frequent in news that have no case: Hebrew to
 * Tibetan (Devanagari among them), General Punctuation up to U+203F, CJK,
 * Hangul.  GLib finds every character there neither lower, upper nor
 * title case, and its own lower case, so the tests below may skip it. */
static inline gboolean
is_uncased (gunichar c)
{
  return (c >= 0x590 && c <= 0xfff) || (c >= 0x2000 && c <= 0x203f)
         || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

gboolean
py_is_upper (const char *s, gsize len)
{
  gboolean cased = FALSE;
  const char *end = s + len;
  while (s < end)
    {
      guchar b = (guchar)*s;
      if (b < 0x80)
        {
          if (b >= 'a' && b <= 'z')
            return FALSE;
          if (b >= 'A' && b <= 'Z')
            cased = TRUE;
          s++;
          continue;
        }
      gunichar c = g_utf8_get_char (s);
      s = g_utf8_next_char (s);
      if (is_uncased (c))
        continue;
      if (g_unichar_islower (c) || g_unichar_istitle (c) || is_other_lower (c))
        return FALSE;
      if (g_unichar_isupper (c) || is_other_upper (c))
        cased = TRUE;
    }
  return cased;
}

gsize
py_lower (const char *s, gsize len, char *out)
{
  char *o = out;
  const char *end = s + len;
  while (s < end)
    {
      guchar b = (guchar)*s;
      if (b < 0x80)
        {
          *o++ = (char)g_ascii_tolower (b);
          s++;
          continue;
        }
      gunichar c = g_utf8_get_char (s);
      const char *next = g_utf8_next_char (s);
      if (is_uncased (c))
        {
          memcpy (o, s, (gsize)(next - s));
          o += next - s;
          s = next;
          continue;
        }
      s = next;
      if (c == 0x130)
        {
          /* The one unconditional multi-character lower-case mapping. */
          *o++ = 'i';
          o += g_unichar_to_utf8 (0x307, o);
          continue;
        }
      o += g_unichar_to_utf8 (g_unichar_tolower (c), o);
    }
  return (gsize)(o - out);
}
