/* libFuzzer target: the JSONL line parser on arbitrary bytes. */
#include "json.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  GError *error = NULL;
  GPtrArray *members = weft_json_parse_object ((const char *) data, size, NULL, &error);
  g_assert ((members == NULL) != (error == NULL));
  if (members)
    g_ptr_array_unref (members);
  g_clear_error (&error);
  return 0;
}
