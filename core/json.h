/* weft — JSON text: escaping and number formatting for the writers, and a
 * strict parser for one JSONL input line. */
#pragma once

#include <glib.h>
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

/* Appends @s (@len bytes, or NUL-terminated when < 0) as a JSON string. */
void weft_json_append_string (GString *out, const char *s, gssize len);
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
