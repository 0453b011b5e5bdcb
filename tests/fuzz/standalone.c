/* A main() for the fuzz targets when libFuzzer is not there (gcc builds):
 * runs the target once on each file named on the command line, so the
 * regression inputs in tests/fuzz/regressions/ run in every test run. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      g_autoptr (GError) error = NULL;
      if (!g_file_get_contents (argv[i], &data, &len, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* An exact-size copy, as libFuzzer gives: GLib's adds a NUL after the
       * data, which would hide a read one past the end from ASan. */
      g_autofree unsigned char *exact = g_malloc (len ? len : 1);
      memcpy (exact, data, len);
      LLVMFuzzerTestOneInput (exact, len);
    }
  printf ("1..1\nok 1 - %d inputs\n", argc - 1);
  return 0;
}
