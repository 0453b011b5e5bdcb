/* libFuzzer target: every shipped plugin's process() on arbitrary valid
 * UTF-8 text, through the pipeline in $WEFT_FUZZ_PIPELINE (default: the
 * whole news pipeline).  Invariants of the tokens and sentences are checked
 * on every input. */
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static WeftPipeline *pipeline;
static WeftDoc *doc;

static void
check_invariants (WeftDoc *d, gsize len)
{
  guint n_tokens, n_sentences;
  const WeftToken *t = weft_doc_get_tokens (d, &n_tokens);
  const WeftSentence *s = weft_doc_get_sentences (d, &n_sentences);
  const char *text = weft_doc_get_text (d, NULL);
  for (guint i = 0; i < n_tokens; i++)
    {
      g_assert (t[i].start < t[i].end && t[i].end <= len);
      g_assert (i == 0 || t[i - 1].end <= t[i].start);
      /* on character boundaries */
      g_assert (((guchar) text[t[i].start] & 0xC0) != 0x80);
      g_assert (t[i].end == len || ((guchar) text[t[i].end] & 0xC0) != 0x80);
    }
  for (guint i = 0; i < n_sentences; i++)
    {
      g_assert (s[i].n_tokens > 0 && s[i].first_token + s[i].n_tokens <= n_tokens);
      g_assert (i == 0 || s[i - 1].first_token + s[i - 1].n_tokens <= s[i].first_token);
    }
}

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  if (!pipeline)
    {
      const char *name = g_getenv ("WEFT_FUZZ_PIPELINE");
      GError *error = NULL;
      pipeline = weft_pipeline_load (name ? name : "news", &error);
      if (!pipeline || !weft_pipeline_prepare (pipeline, &error))
        g_error ("fuzz-plugins: %s", error->message);
      doc = weft_doc_new ();
    }
  const char *text = (const char *) data;
  if (!g_utf8_validate_len (text, size, NULL))
    return 0; /* the host hands plugins valid UTF-8 only */
  weft_doc_reset (doc);
  weft_doc_set_id (doc, "fuzz");
  if (size > 10 && data[0] == '2')
    weft_doc_set_date (doc, "2019-10-07"); /* with and without a date */
  g_assert (weft_doc_set_text (doc, text, size, NULL));
  GError *error = NULL;
  if (!weft_pipeline_process (pipeline, doc, NULL, &error))
    g_clear_error (&error); /* failing is allowed; crashing is not */
  check_invariants (doc, size);
  return 0;
}
