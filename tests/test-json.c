/* Tests for the JSON helpers: escaping, numbers, and JSONL line parsing
 * with byte offsets in errors. */
#include <math.h>

#include "json.h"
#include "weft/plugin.h"

static void
test_escape (void)
{
  GString *out = g_string_new (NULL);
  weft_json_append_string (out, "a\"b\\c\nd\x01 “é”", -1);
  g_assert_cmpstr (out->str, ==, "\"a\\\"b\\\\c\\nd\\u0001 “é”\"");
  g_string_free (out, TRUE);
}

/* The escaper on strings of every length up to 40 with a byte that needs
 * escaping at each place, in buffers of exactly that size (so a read
 * past the end is an ASan error): the short tails are read as words that
 * overlap, and each place must still be found first. */
static void
test_escape_lengths (void)
{
  static const char specials[] = { '"', '\\', '\n', '\x01', '\x1f' };
  for (gsize n = 0; n <= 40; n++)
    for (gsize at = 0; at <= n; at++)
      for (guint c = 0; c < G_N_ELEMENTS (specials); c++)
        {
          /* n bytes, none after them, not aligned */
          char *s = (char *) g_malloc (n + 1) + 1;
          for (gsize i = 0; i < n; i++)
            s[i] = i % 3 == 2 ? (char) 0xc3 : (char) ('a' + i % 26);
          if (at < n)
            s[at] = specials[c];
          g_assert_cmpuint (weft_json_plain_prefix (s, n), ==, at);
          if (at + 2 < n) /* a second one after the first */
            {
              s[n - 1] = specials[c];
              g_assert_cmpuint (weft_json_plain_prefix (s, n), ==, at);
              GString *out = g_string_new (NULL);
              weft_json_append_string (out, s, (gssize) n);
              gsize escapes = 0;
              for (gsize i = 1; i + 1 < out->len; i++)
                if (out->str[i] == '\\')
                  escapes++, i++;
              g_assert_cmpuint (escapes, ==, 2);
              g_string_free (out, TRUE);
            }
          g_free (s - 1);
        }
}

static void
test_double (void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_assert_cmpstr (weft_json_format_double (buf, 0.4215), ==, "0.4215");
  g_assert_cmpstr (weft_json_format_double (buf, -1.0), ==, "-1");
  g_assert_cmpuint (weft_json_format_double_len (buf, 0.0), ==, 1);
  g_assert_cmpstr (buf, ==, "0");
  g_assert_cmpuint (weft_json_format_double_len (buf, -0.0), ==, 2);
  g_assert_cmpstr (buf, ==, "-0");
  g_assert_cmpuint (weft_json_format_double_len (buf, NAN), ==, 4);
  g_assert_cmpstr (buf, ==, "null");
  g_assert_cmpstr (weft_json_format_double (buf, 0.1 + 0.2), ==,
                   "0.30000000000000004");
  /* the short-decimal path prints what %.15g would */
  static const double values[] = { 0.0001, 0.00012, 1e-05, 123456.5, -0.9999,
                                   1e9, 999999999.999999, 2.0 / 3, -7, 0.5,
                                   -0.0, 1e300, 0.000123456789 };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char expected[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (expected, sizeof expected, "%.15g", values[i]);
      if (g_ascii_strtod (expected, NULL) != values[i])
        g_ascii_formatd (expected, sizeof expected, "%.17g", values[i]);
      g_assert_cmpstr (weft_json_format_double (buf, values[i]), ==, expected);
    }
}

/* The shortest text as %.15g gives it, or %.17g when that does not read
 * back: the contract of weft_json_format_double_len(). */
static void
format_reference (char *buf, double value)
{
  g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
}

static void
assert_formats_as_reference (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], expected[G_ASCII_DTOSTR_BUF_SIZE];
  format_reference (expected, value);
  gsize len = weft_json_format_double_len (buf, value);
  g_assert_cmpstr (buf, ==, expected);
  g_assert_cmpuint (len, ==, strlen (expected));
}

/* Scores and ratios, written by the digit-pair fast path, and its bounds. */
static void
test_double_short_decimal (void)
{
  static const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0.4939, "0.4939" },     { -0.2732, "-0.2732" },
    { 0.877, "0.877" },       { 0.123, "0.123" },
    { 1, "1" },               { 0.1, "0.1" },
    { 0.05, "0.05" },         { -0.5, "-0.5" },
    { 0.000123, "0.000123" }, { 0.0001, "0.0001" },
    { -0.0001, "-0.0001" },   { 0.00015, "0.00015" },
    { 0.99995, "0.99995" },   { 100, "100" },
    { 10.000001, "10.000001" }, { 4294.967295, "4294.967295" },
    { 999999999.5, "999999999.5" },
    { 123456789.123456, "123456789.123456" },
    { 999999999.999999, "999999999.999999" },
    { 1e9, "1000000000" },    { 1e-05, "1e-05" },
    { 0.30000000000000004, "0.30000000000000004" },
  };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = weft_json_format_double_len (buf, cases[i].value);
      g_assert_cmpstr (buf, ==, cases[i].text);
      g_assert_cmpuint (len, ==, strlen (cases[i].text));
    }
}

/* Every value of up to four decimals in [-3, 3], six-decimal values, and
 * the doubles on either side of each, as the reference prints them. */
static void
test_double_dense (void)
{
  for (int k = -30000; k <= 30000; k++)
    {
      double four = k / 1e4, six = k / 1e6 + 0.5;
      assert_formats_as_reference (four);
      assert_formats_as_reference (nextafter (four, INFINITY));
      assert_formats_as_reference (nextafter (four, -INFINITY));
      assert_formats_as_reference (six);
      assert_formats_as_reference (999999999.0 - k / 1e6);
    }
}

/* Offsets as they go out: every digit count. */
static void
test_put_uint32 (void)
{
  static const struct {
    uint32_t value;
    const char *text;
  } cases[] = {
    { 0, "0" },           { 7, "7" },
    { 10, "10" },         { 99, "99" },
    { 100, "100" },       { 909, "909" },
    { 1000, "1000" },     { 12345, "12345" },
    { 100001, "100001" }, { 9999999, "9999999" },
    { 10000000, "10000000" }, { 123456789, "123456789" },
    { 1000000000, "1000000000" }, { 4294967295u, "4294967295" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[WEFT_UINT32_DIGITS + 1];
      char *end = weft_put_uint32 (buf, cases[i].value);
      *end = '\0';
      g_assert_cmpstr (buf, ==, cases[i].text);
    }
  /* every length's edges, and a sweep through the word paths */
  for (uint32_t power = 1; power <= 1000000000; power *= 10)
    for (int delta = -1; delta <= 1; delta++)
      {
        uint32_t value = power + (uint32_t) delta;
        char buf[WEFT_UINT32_DIGITS + 1], want[16];
        *weft_put_uint32 (buf, value) = '\0';
        g_snprintf (want, sizeof want, "%u", value);
        g_assert_cmpstr (buf, ==, want);
      }
  for (uint32_t value = 0; value < 200000000; value += value / 7 + 1)
    {
      char buf[WEFT_UINT32_DIGITS + 1], want[16];
      *weft_put_uint32 (buf, value) = '\0';
      g_snprintf (want, sizeof want, "%u", value);
      g_assert_cmpstr (buf, ==, want);
    }
}

static void
test_parse_members (void)
{
  g_autoptr (GError) error = NULL;
  const char *line = "{\"id\": \"a1\", \"text\": \"Baku\\n\\u201cyes\\u201d \\ud83d\\ude00\","
                     " \"tags\": [1, {\"x\": null}], \"n\": -1.5e3}";
  g_autoptr (GPtrArray) m = weft_json_parse_object (line, strlen (line), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->len, ==, 4);
  WeftJsonMember *text = g_ptr_array_index (m, 1);
  g_assert_cmpstr (text->key, ==, "text");
  g_assert_cmpstr (text->string, ==, "Baku\n“yes” 😀");
  WeftJsonMember *tags = g_ptr_array_index (m, 2);
  g_assert_null (tags->string);
  g_assert_cmpstr (tags->raw, ==, "[1, {\"x\": null}]");
  WeftJsonMember *n = g_ptr_array_index (m, 3);
  g_assert_cmpstr (n->raw, ==, "-1.5e3");
}

/* Keys short and long (decoded on the stack or the heap), escaped, and
 * values of every kind: each member holds its key and raw text. */
static void
test_parse_keys (void)
{
  g_autofree char *long_key = g_strnfill (100, 'k');
  g_autofree char *line = g_strdup_printf (
      "{\"%s\": 1, \"a\\\"b\\u00e9\": \"v\", \"\": true, \"%s\\n\": \"w\"}",
      long_key, long_key);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) m
      = weft_json_parse_object (line, strlen (line), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->len, ==, 4);
  WeftJsonMember *first = g_ptr_array_index (m, 0);
  g_assert_cmpstr (first->key, ==, long_key);
  g_assert_cmpstr (first->raw, ==, "1");
  g_assert_null (first->string);
  WeftJsonMember *escaped = g_ptr_array_index (m, 1);
  g_assert_cmpstr (escaped->key, ==, "a\"bé");
  g_assert_cmpstr (escaped->raw, ==, "\"v\"");
  g_assert_cmpstr (escaped->string, ==, "v");
  g_assert_cmpuint (escaped->string_len, ==, 1);
  WeftJsonMember *empty = g_ptr_array_index (m, 2);
  g_assert_cmpstr (empty->key, ==, "");
  g_assert_cmpstr (empty->raw, ==, "true");
  WeftJsonMember *last = g_ptr_array_index (m, 3);
  g_autofree char *last_key = g_strconcat (long_key, "\n", NULL);
  g_assert_cmpstr (last->key, ==, last_key);
  g_assert_cmpstr (last->string, ==, "w");
}

static void
test_parse_errors (void)
{
  static const struct {
    const char *line;
    const char *message;
  } cases[] = {
    { "[1]", "byte 0: expected '{' (each line must be one JSON object), found '['" },
    { "{\"a\": 1,}", "byte 8: expected a member name in double quotes, found '}'" },
    { "{\"a\": \"x}", "byte 9: unexpected end of line, expected a closing '\"'" },
    { "{\"a\": tru}", "byte 6: expected a JSON value, found 't'" },
    { "{\"a\": 1} x", "byte 9: expected the end of the line after the object, found 'x'" },
    { "{\"a\": \"\\q\"}", "byte 8: expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u), found 'q'" },
    { "{\"a\": 01}", "byte 7: expected ',' or '}', found '1'" },
    { "{\"a\": \"\\ud800x\"}", "byte 13: expected a low surrogate \\uDC00-\\uDFFF, found 'x'" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GPtrArray *m = weft_json_parse_object (cases[i].line, strlen (cases[i].line), NULL,
                                             &error);
      g_assert_null (m);
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_parse_deep (void)
{
  GString *line = g_string_new ("{\"a\": ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  g_autoptr (GError) error = NULL;
  g_assert_null (weft_json_parse_object (line->str, line->len, NULL, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INPUT);
  g_assert_true (g_str_has_suffix (error->message, "expected at most 256 levels of nesting, found '['"));
  g_string_free (line, TRUE);
}

/* Each special byte at every position of strings around the 8- and
 * 16-byte strides: escaped as a byte-by-byte escaper would, and parsed
 * back. */
static void
test_escape_round_trip (void)
{
  const char specials[] = { '"', '\\', '\n', '\x1f', '\x01', '\t' };
  for (guint len = 1; len < 40; len++)
    for (guint at = 0; at < len; at++)
      for (guint k = 0; k < G_N_ELEMENTS (specials); k++)
        {
          g_autofree char *text = g_strnfill (len, 'x');
          text[at] = specials[k];
          g_autoptr (GString) expected = g_string_new ("\"");
          for (guint i = 0; i < len; i++)
            if (text[i] == '"' || text[i] == '\\')
              g_string_append_printf (expected, "\\%c", text[i]);
            else if (text[i] == '\n')
              g_string_append (expected, "\\n");
            else if (text[i] == '\t')
              g_string_append (expected, "\\t");
            else if ((guchar) text[i] < 0x20)
              g_string_append_printf (expected, "\\u%04x", text[i]);
            else
              g_string_append_c (expected, text[i]);
          g_string_append_c (expected, '"');
          g_autoptr (GString) line = g_string_new ("{\"text\":");
          weft_json_append_string (line, text, len);
          g_assert_cmpstr (line->str + 8, ==, expected->str);
          g_string_append (line, ",\"n\":\"é\"}");
          static const char *const decoded_only[] = { "text", "n", NULL };
          g_autoptr (GError) error = NULL;
          g_autoptr (GPtrArray) m = weft_json_parse_object (
              line->str, line->len, decoded_only, &error);
          g_assert_no_error (error);
          WeftJsonMember *member = g_ptr_array_index (m, 0);
          g_assert_cmpstr (member->string, ==, text);
          g_assert_null (member->raw);
        }
}

/* Only string values of the named members lose their raw text. */
static void
test_parse_decoded_only (void)
{
  const char *line = "{\"text\": 5, \"title\": \"a\\u00e9\", \"x\": \"y\"}";
  static const char *const decoded_only[] = { "text", "title", NULL };
  g_autoptr (GPtrArray) m = weft_json_parse_object (line, strlen (line),
                                                    decoded_only, NULL);
  WeftJsonMember *text = g_ptr_array_index (m, 0);
  WeftJsonMember *title = g_ptr_array_index (m, 1);
  WeftJsonMember *x = g_ptr_array_index (m, 2);
  g_assert_cmpstr (text->raw, ==, "5");
  g_assert_null (text->string);
  g_assert_null (title->raw);
  g_assert_cmpstr (title->string, ==, "aé");
  g_assert_cmpstr (x->raw, ==, "\"y\"");
  g_assert_cmpstr (x->string, ==, "y");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/escape", test_escape);
  g_test_add_func ("/json/escape/round-trip", test_escape_round_trip);
  g_test_add_func ("/json/escape/lengths", test_escape_lengths);
  g_test_add_func ("/json/parse/decoded-only", test_parse_decoded_only);
  g_test_add_func ("/json/double", test_double);
  g_test_add_func ("/json/double/short-decimal", test_double_short_decimal);
  g_test_add_func ("/json/double/dense", test_double_dense);
  g_test_add_func ("/json/put-uint32", test_put_uint32);
  g_test_add_func ("/json/parse/members", test_parse_members);
  g_test_add_func ("/json/parse/keys", test_parse_keys);
  g_test_add_func ("/json/parse/errors", test_parse_errors);
  g_test_add_func ("/json/parse/deep", test_parse_deep);
  return g_test_run ();
}
