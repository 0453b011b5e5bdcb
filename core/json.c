/* weft — JSON helpers.  Writing is a hand-rolled escaper (the output path is
 * hot and GString appends are all it needs); reading parses one object per
 * JSONL line strictly and keeps non-string values as their raw text, so
 * pass-through metadata comes out exactly as it went in. */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string.h>

#include "weft/plugin.h"

/* Bit 7 set in each byte of @w (eight bytes, the first lowest) that a JSON
 * string cannot hold as it is ('"', '\\' or a control).  A borrow only
 * runs upwards from such a byte, so the lowest bit set is exact. */
static inline uint64_t
special_bytes (uint64_t w)
{
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
  uint64_t control = (w - ones * 0x20) & ~w;      /* a byte < 0x20 */
  uint64_t quotes = (quote - ones) & ~quote;     /* a zero byte */
  uint64_t backslashes = (backslash - ones) & ~backslash;
  return (control | quotes | backslashes) & high;
}

static inline uint64_t
load64 (const char *s)
{
  uint64_t w;
  memcpy (&w, s, 8);
  return GUINT64_FROM_LE (w);
}

static inline uint64_t
load32 (const char *s)
{
  uint32_t w;
  memcpy (&w, s, 4);
  return GUINT32_FROM_LE (w);
}

/* plain_run_end() for the last @n - @i < 16 bytes, most of a short string
 * (a key, "DATE", "2018-12-31"): words that overlap rather than a loop
 * over the bytes, and never a byte outside [@i, @n). */
static inline gsize
plain_tail_end (const char *s, gsize i, gsize n)
{
  gsize left = n - i;
  uint64_t hits;
  if (left >= 8)
    {
      if ((hits = special_bytes (load64 (s + i))))
        return i + (gsize) __builtin_ctzll (hits) / 8;
      if ((hits = special_bytes (load64 (s + n - 8))))
        return n - 8 + (gsize) __builtin_ctzll (hits) / 8;
      return n;
    }
  if (left >= 4) /* bytes [i, i + 4) low, [n - 4, n) high */
    {
      hits = special_bytes (load32 (s + i) | load32 (s + n - 4) << 32);
      if (!hits)
        return n;
      gsize k = (gsize) __builtin_ctzll (hits) / 8;
      return k < 4 ? i + k : n - 8 + k;
    }
  while (i < n && (guchar) s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
    i++;
  return i;
}

/* The first byte at or after @i that a JSON string cannot hold as it is
 * ('"', '\\' or a control), or @n.  Sixteen or eight bytes at a time: text
 * is long and such bytes are rare. */
static gsize
plain_run_end (const char *s, gsize i, gsize n)
{
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8 ('"'), backslash = _mm_set1_epi8 ('\\');
  const __m128i space_less_one = _mm_set1_epi8 (0x1f);
#define SPECIAL_MASK(v)                                                      \
  _mm_movemask_epi8 (_mm_or_si128 (                                          \
      _mm_cmpeq_epi8 (_mm_max_epu8 ((v), space_less_one), space_less_one),   \
      _mm_or_si128 (_mm_cmpeq_epi8 ((v), quote),                             \
                    _mm_cmpeq_epi8 ((v), backslash))))
  for (; i + 16 <= n; i += 16)
    {
      int mask = SPECIAL_MASK (_mm_loadu_si128 ((const __m128i *) (s + i)));
      if (mask)
        return i + (gsize) __builtin_ctz ((unsigned) mask);
    }
  if (i < n && n >= 16)
    {
      /* the last sixteen bytes, those before @i shifted out */
      unsigned mask = (unsigned) SPECIAL_MASK (
                          _mm_loadu_si128 ((const __m128i *) (s + n - 16)))
                      >> (16 - (n - i));
      return mask ? i + (gsize) __builtin_ctz (mask) : n;
    }
#undef SPECIAL_MASK
#else
  for (; i + 8 <= n; i += 8)
    {
      uint64_t hits = special_bytes (load64 (s + i));
      if (hits)
        return i + (gsize) __builtin_ctzll (hits) / 8;
    }
#endif
  return plain_tail_end (s, i, n);
}

gsize
weft_json_plain_prefix (const char *s, gsize n)
{
  return plain_run_end (s, 0, n);
}

void
weft_json_append_string (GString *out, const char *s, gssize len)
{
  static const char hex[] = "0123456789abcdef";
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  g_string_append_c (out, '"');
  gsize run = 0; /* start of the pending run of plain bytes */
  for (gsize i = plain_run_end (s, 0, n); i < n; i = plain_run_end (s, i, n))
    {
      guchar c = (guchar) s[i];
      weft_out_append (out, s + run, i - run);
      run = ++i;
      switch (c)
        {
        case '"': WEFT_OUT_LITERAL (out, "\\\""); break;
        case '\\': WEFT_OUT_LITERAL (out, "\\\\"); break;
        case '\n': WEFT_OUT_LITERAL (out, "\\n"); break;
        case '\r': WEFT_OUT_LITERAL (out, "\\r"); break;
        case '\t': WEFT_OUT_LITERAL (out, "\\t"); break;
        default:
          {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            weft_out_append (out, u, sizeof u);
          }
        }
    }
  weft_out_append (out, s + run, n - run);
  g_string_append_c (out, '"');
}

const char weft_json_digit_pairs[] = "00010203040506070809"
                                    "10111213141516171819"
                                    "20212223242526272829"
                                    "30313233343536373839"
                                    "40414243444546474849"
                                    "50515253545556575859"
                                    "60616263646566676869"
                                    "70717273747576777879"
                                    "80818283848586878889"
                                    "90919293949596979899";

const uint32_t weft_json_powers_of_ten[10]
    = { 0, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
        1000000000 };

/* The fast path for the common case, a value with at most six decimals
 * (scores rounded to 4, ratios): if n / 10^6 reads back as @value, @value is
 * the double nearest that decimal, so the decimal, trimmed, is its shortest
 * form and what %.15g would print.  Limited to where %g prints no exponent.
 * Returns the length written, 0 when @value is not such a decimal. */
G_ALWAYS_INLINE static inline gsize
format_short_decimal (char *buf, double value)
{
  double magnitude = fabs (value);
  if (!(magnitude >= 1e-4 && magnitude < 1e9))
    return 0;
  /* Rounded by hand, not llround(), a libm call: a wrong u only fails the
   * check below and takes the slow path.  Signed, as converting between
   * double and int64_t is one instruction and uint64_t is several. */
  int64_t u = (int64_t) (magnitude * 1e6 + 0.5);
  if ((double) u / 1e6 != magnitude)
    return 0;
  char *p = buf;
  *p = '-';
  p += value < 0;
  /* u / 10^6 reads back as @magnitude, and doubles below 10^9 lie closer
   * than 10^-6: the whole part is the magnitude's, with no 64-bit
   * division */
  uint32_t whole = (uint32_t) magnitude;
  uint32_t fraction = (uint32_t) (u - (int64_t) whole * 1000000);
  if (whole < 10) /* scores and ratios: one digit */
    *p++ = (char) ('0' + whole);
  else
    p = weft_put_uint32 (p, whole);
  if (fraction)
    {
      /* '.' and the six digits as the bytes of one word, first byte
       * lowest; the trailing zeros are dropped by finding the last byte
       * that is not '0' rather than by testing digit after digit */
      const char *digits = weft_json_digit_pairs;
      uint16_t pairs[3];
      memcpy (&pairs[0], digits + 2 * (fraction / 10000), 2);
      memcpy (&pairs[1], digits + 2 * (fraction / 100 % 100), 2);
      memcpy (&pairs[2], digits + 2 * (fraction % 100), 2);
      uint64_t word = '.' | (uint64_t) GUINT16_FROM_LE (pairs[0]) << 8
                      | (uint64_t) GUINT16_FROM_LE (pairs[1]) << 24
                      | (uint64_t) GUINT16_FROM_LE (pairs[2]) << 40;
      /* fraction > 0: some byte is not zero */
      uint64_t not_zero = word ^ 0x30303030303000ull;
      word = GUINT64_TO_LE (word);
      memcpy (p, &word, 8); /* buf holds G_ASCII_DTOSTR_BUF_SIZE bytes */
      p += (63 - __builtin_clzll (not_zero)) / 8 + 1;
    }
  *p = '\0';
  return (gsize) (p - buf);
}

/* The general case, out of line: its calls need a stack frame, which
 * the fast paths above then do without. */
static G_GNUC_NO_INLINE gsize
format_shortest (char *buf, double value)
{
  /* %.15g is exact for the values people read (0.4215); fall back to %.17g
   * only when it would not read back the same. */
  g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
  return strlen (buf);
}

gsize
weft_json_format_double_len (char *buf, double value)
{
  if (!isfinite (value))
    {
      memcpy (buf, "null", 5);
      return 4;
    }
  if (value == 0) /* frequent: scores are often 0 */
    {
      gsize n = 0;
      if (signbit (value))
        buf[n++] = '-';
      buf[n++] = '0';
      buf[n] = '\0';
      return n;
    }
  gsize n = format_short_decimal (buf, value);
  if (n)
    return n;
  return format_shortest (buf, value);
}

const char *
weft_json_format_double (char *buf, double value)
{
  weft_json_format_double_len (buf, value);
  return buf;
}

/* ---- parsing -------------------------------------------------------------- */

typedef struct {
  const char *s;
  gsize len;
  gsize pos;
  GError **error;
  int depth;
} Parser;

#define MAX_DEPTH 256

static gboolean
fail (Parser *p, const char *expected)
{
  if (p->pos >= p->len)
    g_set_error (p->error, WEFT_ERROR, WEFT_ERROR_INPUT,
                 "byte %" G_GSIZE_FORMAT ": unexpected end of line, expected %s",
                 p->pos, expected);
  else
    g_set_error (p->error, WEFT_ERROR, WEFT_ERROR_INPUT,
                 "byte %" G_GSIZE_FORMAT ": expected %s, found '%c'", p->pos,
                 expected, g_ascii_isprint (p->s[p->pos]) ? p->s[p->pos] : '?');
  return FALSE;
}

static void
skip_space (Parser *p)
{
  while (p->pos < p->len
         && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'
             || p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
    p->pos++;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
parse_hex4 (Parser *p, gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      int d = p->pos < p->len ? hex_digit (p->s[p->pos]) : -1;
      if (d < 0)
        return fail (p, "four hex digits after \\u");
      *out = (*out << 4) | (gunichar) d;
      p->pos++;
    }
  return TRUE;
}

/* Parses a string at p->pos (the opening quote).  With @out, decodes it
 * there and NUL-terminates it: decoding never makes a string longer, so
 * @out needs the bytes between the quotes plus one.  @n_out (may be NULL)
 * gets the decoded length. */
static gboolean
parse_string (Parser *p, char *out, gsize *n_out)
{
  gsize n = 0;
  p->pos++;
  while (p->pos < p->len)
    {
      guchar c = (guchar) p->s[p->pos];
      if (c == '"')
        {
          p->pos++;
          if (out)
            out[n] = '\0';
          if (n_out)
            *n_out = n;
          return TRUE;
        }
      if (c < 0x20)
        return fail (p, "an escaped control character");
      if (c != '\\')
        {
          gsize run = p->pos;
          p->pos = plain_run_end (p->s, p->pos, p->len);
          if (out)
            memcpy (out + n, p->s + run, p->pos - run);
          n += p->pos - run;
          continue;
        }
      p->pos++;
      if (p->pos >= p->len)
        break;
      char e = p->s[p->pos++];
      gunichar u;
      switch (e)
        {
        case '"': u = '"'; break;
        case '\\': u = '\\'; break;
        case '/': u = '/'; break;
        case 'b': u = '\b'; break;
        case 'f': u = '\f'; break;
        case 'n': u = '\n'; break;
        case 'r': u = '\r'; break;
        case 't': u = '\t'; break;
        case 'u':
          if (!parse_hex4 (p, &u))
            return FALSE;
          if (u >= 0xD800 && u < 0xDC00)
            {
              gunichar low;
              if (p->pos + 1 >= p->len || p->s[p->pos] != '\\'
                  || p->s[p->pos + 1] != 'u')
                return fail (p, "a low surrogate \\uDC00-\\uDFFF");
              p->pos += 2;
              if (!parse_hex4 (p, &low))
                return FALSE;
              if (low < 0xDC00 || low > 0xDFFF)
                return fail (p, "a low surrogate \\uDC00-\\uDFFF");
              u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            }
          else if (u >= 0xDC00 && u <= 0xDFFF)
            return fail (p, "a high surrogate before a low one");
          if (u == 0)
            return fail (p, "no NUL character (\\u0000) in text");
          break;
        default:
          p->pos--;
          return fail (p, "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)");
        }
      if (out)
        n += g_unichar_to_utf8 (u, out + n);
      else
        n++;
    }
  return fail (p, "a closing '\"'");
}

/* The bytes between the quotes of the string at p->pos, or up to the end of
 * the line when it is not closed: the room parse_string() decodes into. */
static gsize
string_extent (const Parser *p)
{
  gsize i = p->pos + 1;
  while (i < p->len && p->s[i] != '"')
    {
      i = plain_run_end (p->s, i, p->len);
      if (i < p->len && p->s[i] == '\\')
        i += 2;
      else if (i < p->len && p->s[i] != '"')
        i++;
    }
  return MIN (i, p->len) - (p->pos + 1);
}

/* Parses and decodes the string at p->pos.  Returns: (transfer full), or
 * NULL on error. */
static char *
parse_string_dup (Parser *p, gsize *n)
{
  char *out = g_malloc (string_extent (p) + 1);
  if (!parse_string (p, out, n))
    g_clear_pointer (&out, g_free);
  return out;
}

/* The same for a long string, the text: decoded into room for the rest of
 * the line, then shrunk to fit, which saves a pass over it to measure it
 * first. */
static char *
parse_long_string_dup (Parser *p, gsize *n)
{
  char *out = g_malloc (p->len - p->pos);
  if (!parse_string (p, out, n))
    {
      g_free (out);
      return NULL;
    }
  return g_realloc (out, *n + 1);
}

static gboolean parse_value (Parser *p);

static gboolean
parse_number (Parser *p)
{
  gsize start = p->pos;
  if (p->s[p->pos] == '-')
    p->pos++;
  if (p->pos < p->len && p->s[p->pos] == '0')
    p->pos++;
  else if (p->pos < p->len && g_ascii_isdigit (p->s[p->pos]))
    while (p->pos < p->len && g_ascii_isdigit (p->s[p->pos]))
      p->pos++;
  else
    return fail (p, "a digit");
  if (p->pos < p->len && p->s[p->pos] == '.')
    {
      p->pos++;
      if (p->pos >= p->len || !g_ascii_isdigit (p->s[p->pos]))
        return fail (p, "a digit after '.'");
      while (p->pos < p->len && g_ascii_isdigit (p->s[p->pos]))
        p->pos++;
    }
  if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E'))
    {
      p->pos++;
      if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
        p->pos++;
      if (p->pos >= p->len || !g_ascii_isdigit (p->s[p->pos]))
        return fail (p, "a digit in the exponent");
      while (p->pos < p->len && g_ascii_isdigit (p->s[p->pos]))
        p->pos++;
    }
  return p->pos > start;
}

static gboolean
parse_literal (Parser *p, const char *word)
{
  gsize n = strlen (word);
  if (p->len - p->pos < n || memcmp (p->s + p->pos, word, n) != 0)
    return fail (p, "a JSON value");
  p->pos += n;
  return TRUE;
}

static gboolean
parse_container (Parser *p, char close)
{
  if (++p->depth > MAX_DEPTH)
    return fail (p, "at most 256 levels of nesting");
  p->pos++;
  skip_space (p);
  if (p->pos < p->len && p->s[p->pos] == close)
    {
      p->pos++;
      p->depth--;
      return TRUE;
    }
  for (;;)
    {
      skip_space (p);
      if (close == '}')
        {
          if (p->pos >= p->len || p->s[p->pos] != '"')
            return fail (p, "a member name in double quotes");
          if (!parse_string (p, NULL, NULL))
            return FALSE;
          skip_space (p);
          if (p->pos >= p->len || p->s[p->pos] != ':')
            return fail (p, "':'");
          p->pos++;
        }
      if (!parse_value (p))
        return FALSE;
      skip_space (p);
      if (p->pos < p->len && p->s[p->pos] == ',')
        {
          p->pos++;
          continue;
        }
      if (p->pos < p->len && p->s[p->pos] == close)
        {
          p->pos++;
          p->depth--;
          return TRUE;
        }
      return fail (p, close == '}' ? "',' or '}'" : "',' or ']'");
    }
}

static gboolean
parse_value (Parser *p)
{
  skip_space (p);
  if (p->pos >= p->len)
    return fail (p, "a JSON value");
  switch (p->s[p->pos])
    {
    case '"': return parse_string (p, NULL, NULL);
    case '{': return parse_container (p, '}');
    case '[': return parse_container (p, ']');
    case 't': return parse_literal (p, "true");
    case 'f': return parse_literal (p, "false");
    case 'n': return parse_literal (p, "null");
    default: return parse_number (p);
    }
}

void
weft_json_member_free (gpointer data)
{
  WeftJsonMember *m = data;
  if (!m)
    return;
  if (!m->packed)
    {
      g_free (m->key);
      g_free (m->raw);
    }
  g_free (m->string);
  g_free (m);
}

GPtrArray *
weft_json_parse_object (const char *line, gsize len,
                        const char *const *decoded_only, GError **error)
{
  Parser p = { line, len, 0, error, 0 };
  /* room for a JSONL record's usual members: no regrowth per line */
  g_autoptr (GPtrArray) members
      = g_ptr_array_new_full (8, weft_json_member_free);
  skip_space (&p);
  if (p.pos >= len || line[p.pos] != '{')
    {
      fail (&p, "'{' (each line must be one JSON object)");
      return NULL;
    }
  p.pos++;
  skip_space (&p);
  if (p.pos < len && line[p.pos] == '}')
    p.pos++;
  else
    for (;;)
      {
        skip_space (&p);
        if (p.pos >= len || line[p.pos] != '"')
          {
            fail (&p, "a member name in double quotes");
            return NULL;
          }
        /* the key decoded on the stack when short; the member made once
         * its value is read, in one block with its key and raw text:
         * allocations per member 4 -> 2 */
        char key_stack[64];
        g_autofree char *key_heap = NULL;
        gsize extent = string_extent (&p), key_len;
        if (extent >= sizeof key_stack)
          key_heap = g_malloc (extent + 1);
        char *key = key_heap ? key_heap : key_stack;
        if (!parse_string (&p, key, &key_len))
          return NULL;
        skip_space (&p);
        if (p.pos >= len || line[p.pos] != ':')
          {
            fail (&p, "':'");
            return NULL;
          }
        p.pos++;
        skip_space (&p);
        gsize start = p.pos;
        gboolean decoded = decoded_only && g_strv_contains (decoded_only, key);
        g_autofree char *string = NULL;
        gsize string_len = 0;
        if (p.pos < len && line[p.pos] == '"')
          {
            string = decoded ? parse_long_string_dup (&p, &string_len)
                             : parse_string_dup (&p, &string_len);
            if (!string)
              return NULL;
          }
        else if (!parse_value (&p))
          return NULL;
        gsize raw_len = string && decoded ? 0 : p.pos - start;
        WeftJsonMember *m = g_malloc (sizeof *m + key_len + 1
                                      + (raw_len ? raw_len + 1 : 0));
        m->key = memcpy ((char *) (m + 1), key, key_len + 1);
        m->raw = NULL;
        if (raw_len)
          {
            m->raw = m->key + key_len + 1;
            memcpy (m->raw, line + start, raw_len);
            m->raw[raw_len] = '\0';
          }
        m->string = g_steal_pointer (&string);
        m->string_len = string_len;
        m->packed = TRUE;
        g_ptr_array_add (members, m);
        skip_space (&p);
        if (p.pos < len && line[p.pos] == ',')
          {
            p.pos++;
            continue;
          }
        if (p.pos < len && line[p.pos] == '}')
          {
            p.pos++;
            break;
          }
        fail (&p, "',' or '}'");
        return NULL;
      }
  skip_space (&p);
  if (p.pos < len)
    {
      fail (&p, "the end of the line after the object");
      return NULL;
    }
  return g_steal_pointer (&members);
}
