/* libFuzzer target: the YAML pipeline loader on arbitrary bytes.  It must
 * return a pipeline or an error, never crash, hang or leak. */
#include "pipeline.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  GError *error = NULL;
  WeftPipeline *p = weft_pipeline_load_data ((const char *) data, size,
                                             "fuzz.yaml", &error);
  g_assert ((p == NULL) != (error == NULL));
  weft_pipeline_free (p);
  g_clear_error (&error);
  return 0;
}
