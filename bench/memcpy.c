/* A reference point for bench/run: how fast this machine copies the corpus
 * in memory (the ceiling for anything that reads every byte).  Prints MB/s
 * of the median of RUNS copies. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: memcpy FILE RUNS\n");
      return 2;
    }
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  int runs = atoi (argv[2]);
  char *copy = g_malloc (len);
  memcpy (copy, data, len); /* fault the pages in first */
  double *rates = g_new (double, runs);
  for (int r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      memcpy (copy, data, len);
      gint64 t1 = g_get_monotonic_time ();
      rates[r] = len / 1e6 / ((t1 - t0) / 1e6);
      data[r % len] ^= copy[(r * 7919) % len] & 1; /* keep the copy alive */
    }
  qsort (rates, runs, sizeof *rates, compare);
  printf ("%.1f\n", rates[runs / 2]);
  g_free (copy);
  g_free (rates);
  return 0;
}
