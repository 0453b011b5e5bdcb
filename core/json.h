/* weft — JSON text: escaping and number formatting for the writers, and a
 * strict parser for one JSONL input line. */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* Appends @n bytes to @out.  g_string_append_len() is a call per piece and
 * the JSONL writer appends millions of small pieces: copy in place while
 * the buffer has room. */
static inline void
weft_out_append (GString *out, const char *s, gsize n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

/* Appends a string literal, its length known at compile time. */
#define WEFT_OUT_LITERAL(out, literal) \
  weft_out_append ((out), "" literal, sizeof (literal) - 1)

/* Makes room for @n more bytes at the end of @out and returns where they
 * go: a span record is written with a plain pointer after one capacity
 * check, not one check and NUL store per piece.  Finish with
 * weft_out_commit(). */
static inline char *
weft_out_reserve (GString *out, gsize n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      gsize len = out->len;
      g_string_set_size (out, len + n);
      out->len = len;
    }
  return out->str + out->len;
}

/* Ends a write begun by weft_out_reserve() at @end. */
static inline void
weft_out_commit (GString *out, char *end)
{
  out->len = (gsize) (end - out->str);
  *end = '\0';
}

/* Copies @n bytes to @p; returns the byte after them. */
static inline char *
weft_put (char *p, const char *s, gsize n)
{
  memcpy (p, s, n);
  return p + n;
}

#define WEFT_PUT_LITERAL(p, literal) \
  weft_put ((p), "" literal, sizeof (literal) - 1)

/* "00" "01" … "99": decimals are written two digits at a time. */
extern const char weft_json_digit_pairs[200];

/* The most digits weft_put_uint32() writes. */
#define WEFT_UINT32_DIGITS 10

/* 0, then 10^1 … 10^9: the thresholds of weft_uint32_digits(). */
extern const uint32_t weft_json_powers_of_ten[10];

/* How many decimal digits @value has: its bit length gives the count or
 * one less (1233 / 4096 is just above log10 2), and one compare decides.
 * Ten compares, one per possible length, cost four times as much. */
static inline int
weft_uint32_digits (uint32_t value)
{
  int guess = ((32 - __builtin_clz (value | 1)) * 1233) >> 12;
  return guess + (value >= weft_json_powers_of_ten[guess]);
}

/* Writes @value in decimal at @p; returns the byte after it. */
static inline char *
weft_put_uint32 (char *p, uint32_t value)
{
  char *end = p + weft_uint32_digits (value);
  char *d = end; /* the digits go in from the end */
  for (; value >= 100; value /= 100)
    {
      d -= 2;
      memcpy (d, weft_json_digit_pairs + 2 * (value % 100), 2);
    }
  if (value >= 10)
    memcpy (d - 2, weft_json_digit_pairs + 2 * value, 2);
  else
    d[-1] = (char) ('0' + value);
  return end;
}

/* Appends @s (@len bytes, or NUL-terminated when < 0) as a JSON string. */
void weft_json_append_string (GString *out, const char *s, gssize len);
/* How many of @s's first @n bytes a JSON string holds as they are: @n
 * when @s needs no escaping. */
gsize weft_json_plain_prefix (const char *s, gsize n);
/* Shortest text that reads back as @value (null for NaN/inf); returns @buf,
 * which must hold G_ASCII_DTOSTR_BUF_SIZE bytes. */
const char *weft_json_format_double (char *buf, double value);
/* The same, returning the length written. */
gsize weft_json_format_double_len (char *buf, double value);

/* One member of a parsed JSON object. */
typedef struct {
  char *key;     /* decoded */
  char *raw;     /* the value's JSON text, exactly as written */
  char *string;  /* decoded, when the value is a string; else NULL */
  gsize string_len; /* its bytes (JSON text holds no NUL that decodes) */
  gboolean packed;  /* key and raw live in the member's own block */
} WeftJsonMember;

/* Frees a member (NULL is fine). */
void weft_json_member_free (gpointer member);

/* Parses @line (one JSON object) into its top-level members.  A member
 * named in @decoded_only (NULL-terminated, may be NULL) whose value is a
 * string keeps only the decoded string, raw NULL: one copy less of a long
 * text.  Returns: (transfer full) a GPtrArray of WeftJsonMember, or NULL
 * with an error giving the byte offset and what was expected. */
GPtrArray *weft_json_parse_object (const char *line, gsize len,
                                   const char *const *decoded_only,
                                   GError **error);
