/* libFuzzer target: UTF-8 validation and the byte -> code point table. */
#include "weft/weft.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static WeftDoc *doc;

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  if (!doc)
    doc = weft_doc_new ();
  weft_doc_reset (doc);
  GError *error = NULL;
  gboolean ok = weft_doc_set_text (doc, (const char *) data, size, &error);
  /* the same verdict as GLib's validator (which refuses NUL too) */
  g_assert (ok == g_utf8_validate_len ((const char *) data, size, NULL));
  if (!ok)
    {
      g_assert (error != NULL);
      g_error_free (error);
      return 0;
    }
  /* code points grow by one per lead byte and end at the character count */
  g_autofree uint32_t *forward = g_new (uint32_t, size + 1);
  uint32_t last = 0;
  for (size_t i = 0; i <= size; i++)
    {
      uint32_t c = weft_doc_byte_to_char (doc, i);
      g_assert (c >= last && c <= last + 1);
      forward[i] = last = c;
    }
  g_assert (last == g_utf8_strlen ((const char *) data, size));
  /* the same answers asked backwards and by jumps */
  for (size_t i = size + 1; i-- > 0;)
    g_assert (weft_doc_byte_to_char (doc, i) == forward[i]);
  for (size_t i = 0; i <= size; i += 1 + i % 97)
    g_assert (weft_doc_byte_to_char (doc, i) == forward[i]);
  return 0;
}
