/* Tests for the document model: text, arena, tokens, layers, values. */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "weft/plugin.h"
#include "weft/weft.h"

static void
test_text_invalid_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  WeftDoc *doc = weft_doc_new ();
  g_assert_false (weft_doc_set_text (doc, "ab\xff" "cd", 5, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "invalid UTF-8 at byte offset 2");
  /* a NUL, a stray continuation byte or a cut character at every place
   * around the 8- and 16-byte steps of the ASCII scan, after ASCII and
   * after a valid character */
  const char *bad[] = { "\0", "\x80", "\xe2\x80" };
  for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
    for (guint at = 0; at < 40; at++)
      for (guint accent = 0; accent < 2; accent++)
        {
          g_autoptr (GString) text = g_string_new (accent ? "é" : "");
          while (text->len < at)
            g_string_append_c (text, 'a');
          g_string_append_len (text, bad[b], b == 0 ? 1 : strlen (bad[b]));
          g_string_append (text, b == 2 ? "" : "bc");
          g_autofree char *want = g_strdup_printf (
              "invalid UTF-8 at byte offset %u",
              MAX (at, accent ? 2 : 0));
          g_clear_error (&error);
          g_assert_false (weft_doc_set_text (doc, text->str, text->len, &error));
          g_assert_cmpstr (error->message, ==, want);
        }
  weft_doc_free (doc);
}

static void
test_byte_to_char (void)
{
  WeftDoc *doc = weft_doc_new ();
  const char *text = "“Baku” é.";
  g_assert_true (weft_doc_set_text (doc, text, strlen (text), NULL));
  /* “ is 3 bytes, é 2 */
  g_assert_cmpuint (weft_doc_byte_to_char (doc, 3), ==, 1);
  g_assert_cmpuint (weft_doc_byte_to_char (doc, 7), ==, 5);
  g_assert_cmpuint (weft_doc_byte_to_char (doc, 10), ==, 6);
  g_assert_cmpuint (weft_doc_byte_to_char (doc, strlen (text)), ==, 9);
  weft_doc_reset (doc);
  g_assert_true (weft_doc_set_text (doc, "plain", 5, NULL));
  g_assert_cmpuint (weft_doc_byte_to_char (doc, 4), ==, 4);
  /* a refused text leaves the document as it was */
  weft_doc_reset (doc);
  g_assert_true (weft_doc_set_text (doc, "été", 5, NULL));
  g_assert_false (weft_doc_set_text (doc, "ab\0", 3, NULL));
  g_assert_cmpuint (weft_doc_byte_to_char (doc, 5), ==, 3);
  weft_doc_free (doc);
}

/* Every code-point boundary of @text against GLib's own count, asked out
 * of order: the answer must not depend on earlier ones. */
static void
check_every_offset (WeftDoc *doc, const GString *text)
{
  weft_doc_reset (doc);
  g_assert_true (weft_doc_set_text (doc, text->str, text->len, NULL));
  for (const char *p = text->str + text->len;; p = g_utf8_prev_char (p))
    {
      uint32_t offset = (uint32_t) (p - text->str);
      g_assert_cmpuint (weft_doc_byte_to_char (doc, offset), ==,
                        g_utf8_pointer_to_offset (text->str, p));
      if (p == text->str)
        break;
    }
}

/* Texts around the 64-byte block size, with 1- to 4-byte characters, and
 * ASCII blocks before and after a block that is not. */
static void
test_byte_to_char_blocks (void)
{
  const char *pieces[] = { "a", "é", "“", "😀", " ", "Ж" };
  WeftDoc *doc = weft_doc_new ();
  for (guint n = 0; n < 140; n++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[(i * 7 + n) % G_N_ELEMENTS (pieces)]);
      check_every_offset (doc, text);

      g_string_assign (text, "");
      for (guint i = 0; i < n; i++)
        g_string_append_c (text, 'a');
      g_string_append (text, "“Baku”");
      for (guint i = 0; i < 130; i++)
        g_string_append_c (text, 'z');
      check_every_offset (doc, text);
    }
  weft_doc_free (doc);
}

/* The host's own check of multi-byte sequences against GLib's: every
 * lead byte from 0x80 with every second byte and a few third and fourth
 * ones, after "abé", must be accepted or refused as g_utf8_validate_len()
 * does, at the same offset. */
static void
test_text_utf8_like_glib (void)
{
  WeftDoc *doc = weft_doc_new ();
  static const guchar rest[]
      = { 0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0 };
  for (guint lead = 0x80; lead <= 0xff; lead++)
    for (guint second = 0; second <= 0xff; second++)
      for (guint r = 0; r < G_N_ELEMENTS (rest) * G_N_ELEMENTS (rest); r++)
        {
          char text[16] = "ab\xc3\xa9";
          gsize n = 4;
          text[n++] = (char) lead;
          text[n++] = (char) second;
          text[n++] = (char) rest[r % G_N_ELEMENTS (rest)];
          text[n++] = (char) rest[r / G_N_ELEMENTS (rest)];
          gsize len = n - (r % 3); /* sometimes cut short */
          const char *end;
          gboolean valid = g_utf8_validate_len (text, len, &end);
          g_autoptr (GError) error = NULL;
          g_assert_cmpint (weft_doc_set_text (doc, text, len, &error), ==,
                           valid);
          if (!valid)
            {
              g_autofree char *want = g_strdup_printf (
                  "invalid UTF-8 at byte offset %u", (guint) (end - text));
              g_assert_cmpstr (error->message, ==, want);
            }
        }
  weft_doc_free (doc);
}

/* Tokens across the buffer's growth and a reset: the order check reads
 * the token before, which for the first is the buffer's guard. */
static void
test_tokens_grow_reset (void)
{
  WeftDoc *doc = weft_doc_new ();
  char *text = g_strnfill (5000, 'a');
  for (guint round = 0; round < 2; round++)
    {
      weft_doc_reset (doc);
      g_assert_true (weft_doc_set_text (doc, text, 5000, NULL));
      for (guint i = 0; i < 2500; i++)
        g_assert_cmpuint (weft_doc_add_token (doc, 2 * i, 2 * i + 1,
                                              WEFT_TOKEN_WORD, 0), ==, i);
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL,
                             "*weft_doc_add_token*");
      g_assert_cmpuint (
          weft_doc_add_token (doc, 4997, 5000, WEFT_TOKEN_WORD, 0), ==, 2500);
      g_test_assert_expected_messages ();
      guint n;
      const WeftToken *tokens = weft_doc_get_tokens (doc, &n);
      g_assert_cmpuint (n, ==, 2500);
      g_assert_cmpuint (tokens[0].start, ==, 0);
      g_assert_cmpuint (tokens[2499].end, ==, 4999);
    }
  g_free (text);
  weft_doc_free (doc);
}

/* A token out of order or past the text, or a sentence past the tokens,
 * is refused with a critical and nothing is appended. */
static void
test_tokens_refused (void)
{
  WeftDoc *doc = weft_doc_new ();
  g_assert_true (weft_doc_set_text (doc, "Hi there.", 9, NULL));
  g_assert_cmpuint (weft_doc_add_token (doc, 3, 8, WEFT_TOKEN_WORD, 0), ==, 0);
  const struct { uint32_t start, end; } bad[] = { { 0, 2 }, { 8, 10 }, { 8, 8 } };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*weft_doc_add_token*");
      g_assert_cmpuint (
          weft_doc_add_token (doc, bad[i].start, bad[i].end, WEFT_TOKEN_WORD, 0),
          ==, 1);
      g_test_assert_expected_messages ();
    }
  const guint bad_sentences[][2] = { { 0, 2 }, { 0, 0 }, { 1, G_MAXUINT } };
  for (guint i = 0; i < G_N_ELEMENTS (bad_sentences); i++)
    {
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL,
                             "*weft_doc_add_sentence*");
      g_assert_cmpuint (weft_doc_add_sentence (doc, bad_sentences[i][0],
                                               bad_sentences[i][1]),
                        ==, 0);
      g_test_assert_expected_messages ();
    }
  guint n_tokens, n_sentences;
  const WeftToken *tokens = weft_doc_get_tokens (doc, &n_tokens);
  g_assert_cmpuint (n_tokens, ==, 1);
  g_assert_cmpuint (tokens[0].end, ==, 8);
  g_assert_null (weft_doc_get_sentences (doc, &n_sentences));
  g_assert_cmpuint (weft_doc_add_token (doc, 8, 9, WEFT_TOKEN_PUNCT, 0), ==, 1);
  g_assert_cmpuint (weft_doc_add_sentence (doc, 0, 2), ==, 0);
  weft_doc_free (doc);
}

static void
test_tokens_sentences (void)
{
  WeftDoc *doc = weft_doc_new ();
  g_assert_true (weft_doc_set_text (doc, "Hi there. Bye.", 14, NULL));
  weft_doc_add_token (doc, 0, 2, WEFT_TOKEN_WORD, WEFT_TOKEN_CAPITALIZED);
  weft_doc_add_token (doc, 3, 8, WEFT_TOKEN_WORD, WEFT_TOKEN_SPACE_BEFORE);
  weft_doc_add_token (doc, 8, 9, WEFT_TOKEN_PUNCT, 0);
  weft_doc_add_token (doc, 10, 13, WEFT_TOKEN_WORD, 0);
  weft_doc_add_token (doc, 13, 14, WEFT_TOKEN_PUNCT, 0);
  weft_doc_add_sentence (doc, 0, 3);
  weft_doc_add_sentence (doc, 3, 2);
  guint n;
  const WeftSentence *s = weft_doc_get_sentences (doc, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (s[1].start, ==, 10);
  g_assert_cmpuint (s[1].end, ==, 14);
  g_assert_cmpuint (weft_doc_find_token (doc, 9), ==, 3);
  g_assert_cmpuint (weft_doc_find_token (doc, 4), ==, 1);
  g_assert_cmpuint (weft_doc_find_token (doc, 14), ==, 5);
  weft_doc_reset (doc);
  g_assert_null (weft_doc_get_tokens (doc, &n));
  g_assert_cmpuint (n, ==, 0);
  weft_doc_free (doc);
}

static void
test_layer_values (void)
{
  WeftLayerSchema *schema = weft_layer_schema_new ("quotes");
  guint speaker = weft_layer_schema_add_field (schema, "speaker", WEFT_FIELD_STRING);
  guint where = weft_layer_schema_add_field (schema, "mention", WEFT_FIELD_SPAN);
  guint score = weft_layer_schema_add_field (schema, "tone", WEFT_FIELD_DOUBLE);
  g_assert_cmpint (weft_layer_schema_find_field (schema, "tone"), ==, 2);
  g_assert_cmpint (weft_layer_schema_find_field (schema, "nope"), ==, -1);

  WeftDoc *doc = weft_doc_new ();
  for (int round = 0; round < 2; round++)
    {
      g_assert_true (weft_doc_set_text (doc, "“No,” Peskov said.", 20, NULL));
      WeftLayer *layer = weft_doc_add_layer (doc, schema);
      for (guint i = 0; i < 100; i++)
        {
          guint span = weft_layer_add_span (layer, 3, 5);
          g_assert_cmpuint (span, ==, i);
          if (i % 2)
            weft_layer_set_string (layer, span, speaker, "Dmitry Peskov");
          weft_layer_set_span (layer, span, where, 9, 15);
          weft_layer_set_double (layer, span, score, -0.296);
        }
      g_assert_true (weft_doc_get_layer (doc, "quotes") == layer);
      g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, 100);
      g_assert_null (weft_layer_get_string (layer, 98, speaker));
      g_assert_false (weft_layer_is_set (layer, 98, speaker));
      g_assert_cmpstr (weft_layer_get_string (layer, 99, speaker), ==, "Dmitry Peskov");
      uint32_t s, e;
      g_assert_true (weft_layer_get_span_field (layer, 50, where, &s, &e));
      g_assert_cmpuint (s, ==, 9);
      g_assert_cmpuint (e, ==, 15);
      g_assert_cmpfloat (weft_layer_get_double (layer, 7, score), ==, -0.296);
      /* a static string is kept as given, and NULL unsets like a copy */
      static const char attribution[] = "Kremlin spokesman";
      weft_layer_set_static_string (layer, 98, speaker, attribution);
      g_assert_true (weft_layer_get_string (layer, 98, speaker) == attribution);
      weft_layer_set_static_string (layer, 99, speaker, NULL);
      g_assert_false (weft_layer_is_set (layer, 99, speaker));
      g_assert_null (weft_layer_get_string (layer, 99, speaker));
      weft_doc_reset (doc);
      g_assert_null (weft_doc_get_layer (doc, "quotes"));
    }
  weft_doc_free (doc);
  weft_layer_schema_free (schema);
}

/* Spans live in blocks that double in size: values must survive every
 * block boundary, and a string equal to the previous span's is shared. */
static void
test_layer_many_spans (void)
{
  WeftLayerSchema *schema = weft_layer_schema_new ("many");
  g_assert_true (weft_layer_schema_get_write_text (schema));
  weft_layer_schema_set_write_text (schema, FALSE);
  g_assert_false (weft_layer_schema_get_write_text (schema));
  guint label = weft_layer_schema_add_field (schema, "label", WEFT_FIELD_STRING);
  guint number = weft_layer_schema_add_field (schema, "number", WEFT_FIELD_INT);
  WeftLayerSchema *bare = weft_layer_schema_new ("bare");

  WeftDoc *doc = weft_doc_new ();
  g_assert_true (weft_doc_set_text (doc, "Peskov said.", 12, NULL));
  WeftLayer *layer = weft_doc_add_layer (doc, schema);
  WeftLayer *empty = weft_doc_add_layer (doc, bare);
  const guint n = 200000;
  for (guint i = 0; i < n; i++)
    {
      char buf[32];
      g_snprintf (buf, sizeof buf, "label %u", i / 3);
      g_assert_cmpuint (weft_layer_add_span (layer, i % 12, 12), ==, i);
      weft_layer_set_string (layer, i, label, buf);
      memset (buf, 'x', sizeof buf - 1); /* the layer holds a copy */
      if (i % 5)
        weft_layer_set_int (layer, i, number, (gint64) i * 7);
      g_assert_cmpuint (weft_layer_add_span (empty, 0, i % 13), ==, i);
    }
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *want = g_strdup_printf ("label %u", i / 3);
      const char *got = weft_layer_get_string (layer, i, label);
      g_assert_cmpstr (got, ==, want);
      if (i % 3)
        g_assert_true (got == weft_layer_get_string (layer, i - 1, label));
      else if (i)
        g_assert_true (got != weft_layer_get_string (layer, i - 1, label));
      g_assert_cmpint (weft_layer_is_set (layer, i, number), ==, i % 5 != 0);
      g_assert_cmpint (weft_layer_get_int (layer, i, number), ==,
                       i % 5 ? (gint64) i * 7 : 0);
      uint32_t start, end;
      weft_layer_get_span (layer, i, &start, &end);
      g_assert_cmpuint (start, ==, i % 12);
      g_assert_cmpuint (end, ==, 12);
      weft_layer_get_span (empty, i, &start, &end);
      g_assert_cmpuint (end, ==, i % 13);
    }
  weft_doc_free (doc);
  weft_layer_schema_free (schema);
  weft_layer_schema_free (bare);
}

static void
test_values (void)
{
  WeftDoc *doc = weft_doc_new ();
  weft_doc_set_value_double (doc, "sentiment", "compound", 0.4215);
  weft_doc_set_value_double (doc, "sentiment", "compound", -0.1);
  weft_doc_set_value_string (doc, "lang", "code", "en\"");
  g_assert_cmpuint (weft_doc_get_n_values (doc), ==, 2);
  double v = 0;
  g_assert_true (weft_doc_get_value_double (doc, "sentiment", "compound", &v));
  g_assert_cmpfloat (v, ==, -0.1);
  const char *group, *key, *json;
  weft_doc_get_nth_value (doc, 0, &group, &key, &json);
  g_assert_cmpstr (json, ==, "-0.1");
  weft_doc_get_nth_value (doc, 1, &group, &key, &json);
  g_assert_cmpstr (json, ==, "\"en\\\"\"");
  g_assert_cmpstr (weft_doc_get_value_string (doc, "lang", "code"), ==, "en\"");
  weft_doc_free (doc);
}

static void
test_arena_reuse (void)
{
  WeftDoc *doc = weft_doc_new ();
  /* Many documents of the same size must not grow the memory held. */
  for (int i = 0; i < 1000; i++)
    {
      weft_doc_reset (doc);
      for (int j = 0; j < 100; j++)
        g_assert_nonnull (weft_doc_alloc (doc, 1000));
    }
  weft_doc_free (doc);
}

/* Collects each line; rejects one that says "bad". */
static gboolean
collect_line (char *line, gpointer user_data, GError **error)
{
  if (strcmp (line, "bad") == 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA, "a bad entry");
      return FALSE;
    }
  g_ptr_array_add (user_data, g_strdup (line));
  return TRUE;
}

/* Writes @contents to a temporary file and reads it back line by line;
 * returns the lines joined by '|' or the error message. */
static char *
read_data (const char *contents, gssize len, WeftDataFileFlags flags,
           char **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  char *path = NULL;
  int fd = g_file_open_tmp ("weft-data-XXXXXX.txt", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  char *result;
  if (weft_data_file_foreach_line (path, flags, collect_line, lines, &error))
    {
      g_ptr_array_add (lines, NULL);
      result = g_strjoinv ("|", (char **) lines->pdata);
    }
  else
    {
      g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
      result = g_strdup (error->message);
    }
  g_unlink (path);
  *path_out = path;
  return result;
}

static void
test_data_file (void)
{
  struct {
    const char *contents;
    gssize len;
    WeftDataFileFlags flags;
    const char *expected; /* "FILE" stands for the file's path */
  } cases[] = {
    { "a\tb \n\n  c\r\nlast", -1, WEFT_DATA_FILE_DEFAULT, "a\tb|c|last" },
    { "# head\nword # note\n:-#\nx#y\n", -1, WEFT_DATA_FILE_HASH_COMMENTS,
      "word|:-#|x#y" },
    { "# head\n#-o\n", -1, WEFT_DATA_FILE_DEFAULT, "# head|#-o" },
    { "ok\n\nbad\nnever\n", -1, WEFT_DATA_FILE_DEFAULT, "FILE:3: a bad entry" },
    { "ok\n\xff\n", -1, WEFT_DATA_FILE_DEFAULT, "FILE:2: invalid UTF-8" },
    { "ok\nn\0l\n", 6, WEFT_DATA_FILE_DEFAULT, "FILE:2: invalid UTF-8" },
    { "", -1, WEFT_DATA_FILE_DEFAULT, "" },
    { "\xEF\xBB\xBF" "first\nsecond", -1, WEFT_DATA_FILE_DEFAULT, "first|second" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *got = read_data (cases[i].contents, cases[i].len,
                                        cases[i].flags, &path);
      g_autofree char *expected = NULL;
      if (g_str_has_prefix (cases[i].expected, "FILE"))
        expected = g_strconcat (path, cases[i].expected + 4, NULL);
      else
        expected = g_strdup (cases[i].expected);
      g_assert_cmpstr (got, ==, expected);
    }
  g_autoptr (GError) error = NULL;
  g_assert_false (weft_data_file_foreach_line ("/nonexistent/weft.txt", 0,
                                               collect_line, NULL, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/weft.txt: "));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/doc/text/invalid-utf8", test_text_invalid_utf8);
  g_test_add_func ("/doc/text/utf8-like-glib", test_text_utf8_like_glib);
  g_test_add_func ("/doc/text/byte-to-char", test_byte_to_char);
  g_test_add_func ("/doc/text/byte-to-char-blocks", test_byte_to_char_blocks);
  g_test_add_func ("/doc/tokens-sentences", test_tokens_sentences);
  g_test_add_func ("/doc/tokens-refused", test_tokens_refused);
  g_test_add_func ("/doc/tokens-grow-reset", test_tokens_grow_reset);
  g_test_add_func ("/doc/layer/values", test_layer_values);
  g_test_add_func ("/doc/layer/many-spans", test_layer_many_spans);
  g_test_add_func ("/doc/values", test_values);
  g_test_add_func ("/doc/arena/reuse", test_arena_reuse);
  g_test_add_func ("/doc/data-file", test_data_file);
  return g_test_run ();
}
