/* libFuzzer target: the reader on arbitrary bytes as a JSONL file: every
 * line a document or an error record, each whole (a file a run: slower
 * than fuzz-jsonl, which takes the line parser alone). */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "reader.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static void
read_as_file (const unsigned char *data, size_t size)
{
  static char *path;
  if (!path)
    {
      int fd = g_file_open_tmp ("weft-fuzz-XXXXXX.jsonl", &path, NULL);
      g_assert (fd >= 0);
      g_close (fd, NULL);
    }
  /* not g_file_set_contents(): its fsync would be most of the run */
  FILE *f = fopen (path, "wb");
  g_assert (f && fwrite (data, 1, size, f) == size && fclose (f) == 0);
  const char *inputs[] = { path, NULL };
  WeftReader *reader = weft_reader_new (inputs, WEFT_INPUT_JSONL, NULL);
  g_assert (reader);
  WeftRawDoc *raw;
  while ((raw = weft_reader_next (reader)))
    {
      g_assert (raw->id && raw->source);
      g_assert ((raw->error != NULL) || (raw->text && strlen (raw->text) == raw->len));
      if (!raw->error && raw->date)
        g_assert (strlen (raw->date) == 10);
      weft_raw_doc_free (raw);
    }
  weft_reader_free (reader);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  read_as_file (data, size);
  return 0;
}
