/* Fuzz target for the tokenizer: any valid UTF-8 goes through the plugin
 * and the token and sentence invariants are checked (ordered,
 * non-overlapping, on character boundaries, every non-space character in
 * exactly one token, sentences covering the tokens in order).  Built with
 * -Dfuzzing=true (clang) it is a libFuzzer target; otherwise main() runs a
 * seeded random search: `fuzz-tokenizer [ITERATIONS [SEED]]`. */
#include <stdlib.h>
#include <string.h>

#include "weft-test.h"

static WeftPipeline *pipeline;
static WeftDoc *doc;

static gboolean
is_gap_char (gunichar c)
{
  return g_unichar_isspace (c) || c == '\v' || c == 0x85
         || g_unichar_type (c) == G_UNICODE_FORMAT
         || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static void
check (const char *text, gsize len)
{
  weft_doc_reset (doc);
  if (!weft_doc_set_text (doc, text, len, NULL))
    return; /* the host hands plugins valid UTF-8 only */
  g_autoptr (GError) error = NULL;
  if (!weft_pipeline_process (pipeline, doc, NULL, &error))
    g_error ("process failed: %s", error->message);
  guint n, n_sent;
  const WeftToken *t = weft_doc_get_tokens (doc, &n);
  const WeftSentence *s = weft_doc_get_sentences (doc, &n_sent);
  guint32 pos = 0;
  for (guint i = 0; i <= n; i++)
    {
      guint32 start = i < n ? t[i].start : len;
      for (const char *p = text + pos; p < text + start;
           p = g_utf8_next_char (p))
        if (!is_gap_char (g_utf8_get_char (p)))
          g_error ("byte %u is in no token", (guint)(p - text));
      if (i == n)
        break;
      if (!(t[i].start < t[i].end && t[i].end <= len
            && (text[t[i].start] & 0xC0) != 0x80
            && (t[i].end == len || (text[t[i].end] & 0xC0) != 0x80)
            && t[i].kind < WEFT_TOKEN_N_KINDS))
        g_error ("bad token %u [%u, %u)", i, t[i].start, t[i].end);
      pos = t[i].end;
    }
  guint next = 0;
  for (guint i = 0; i < n_sent; i++)
    {
      if (s[i].first_token != next || s[i].n_tokens == 0)
        g_error ("sentence %u does not follow the one before", i);
      next += s[i].n_tokens;
    }
  if (next != n)
    g_error ("sentences cover %u of %u tokens", next, n);
}

static void
setup (void)
{
  if (pipeline)
    return;
  g_autoptr (GError) error = NULL;
  pipeline = weft_pipeline_load_data ("stages:\n  - plugin: tokenizer\n", -1,
                                      "fuzz", &error);
  if (!pipeline || !weft_pipeline_prepare (pipeline, &error))
    g_error ("%s", error->message);
  doc = weft_doc_new ();
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  setup ();
  check ((const char *)data, size);
  return 0;
}

#ifndef WEFT_LIBFUZZER
/* Pieces that reach every path of the scanner. */
static const char *const pieces[] = {
  "a",
  "Z",
  "é",
  "ß",
  "1",
  "0",
  ".",
  ",",
  ":",
  "/",
  "-",
  "'",
  "’",
  "\"",
  "“",
  "”",
  "(",
  ")",
  "[",
  "@",
  "#",
  "$",
  "%",
  "&",
  "_",
  "*",
  "=",
  "!",
  "?",
  "…",
  "—",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "\t",
  "\xc2\xa0",
  "👍",
  "🏽",
  "\xe2\x80\x8d",
  "🇦",
  "\xef\xb8\x8f",
  "\xe2\x83\xa3",
  "n't",
  "'s",
  "http://",
  "www.",
  ".com",
  "U.S.",
  "Mr.",
  "e-",
  ":-)",
  "(:",
  "<3",
  "xD",
  "\xcc\x81",
  "\xe2\x80\x8b",
  "\xf3\xa0\x80\xa1",
  "\x01",
  "2021-07-",
  "10:3",
  "2,50",
  "gonna",
  "can",
  "No.",
  "mailto:",
  "a@b",
  "कि",
  "\xe2\x80\xa8",
  "\xe2\x80\xa9",
  "players'",
  "'73",
  "01-Feb-",
};

int
main (int argc, char **argv)
{
  guint64 iterations = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  guint32 seed = argc > 2 ? (guint32)g_ascii_strtoull (argv[2], NULL, 10) : 1;
  setup ();
  GRand *rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);
  for (guint64 iter = 0; iter < iterations; iter++)
    {
      g_string_truncate (text, 0);
      /* mostly short inputs, now and then one longer than the scanner's
       * 64-byte blocks */
      guint n = g_rand_int_range (rand, 0, iter % 16 == 0 ? 200 : 30);
      for (guint i = 0; i < n; i++)
        {
          if (g_rand_int_range (rand, 0, 6) == 0)
            {
              gunichar c = g_rand_int_range (rand, 1, 0x20000);
              if (g_unichar_validate (c))
                g_string_append_unichar (text, c);
            }
          else
            g_string_append (
                text,
                pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
        }
      if (iter % 3 == 2 && text->len > 0)
        text->str[g_rand_int_range (rand, 0, text->len)]
            = g_rand_int_range (rand, 1, 256);
      check (text->str, text->len);
    }
  g_print ("1..1\nok 1 /fuzz/tokenizer/random %" G_GUINT64_FORMAT
           " inputs, seed %u\n",
           iterations, seed);
  g_string_free (text, TRUE);
  g_rand_free (rand);
  weft_doc_free (doc);
  weft_pipeline_free (pipeline);
  return 0;
}
#endif
