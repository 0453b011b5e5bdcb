/* sentiment — micro-benchmark of the VADER scorer alone (not installed):
 * scores every text of a file ROUNDS times and prints each round's seconds,
 * for bench/sentiment.sh to compare with other implementations. */
#include <stdio.h>
#include <string.h>

#include "vader.h"

int
main (int argc, char **argv)
{
  if (argc != 4)
    {
      fprintf (stderr, "usage: vader-bench DATA_DIR TEXTS ROUNDS\n"
                       "TEXTS: one text a line\n");
      return 2;
    }
  const char *names[]
      = { "vader_lexicon.txt", "emoji_utf8_lexicon.txt", "negations.txt",
          "boosters.txt",      "special_cases.txt",      "constants.txt" };
  char *paths[G_N_ELEMENTS (names)];
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    paths[i] = g_build_filename (argv[1], names[i], NULL);
  VaderLexiconFiles files = { .lexicon = paths[0],
                              .plain_scale = 1.0,
                              .emoji = paths[1],
                              .negations = paths[2],
                              .boosters = paths[3],
                              .special_cases = paths[4],
                              .constants = paths[5] };
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  VaderLexicon *lex = vader_lexicon_new (&files, &error);
  if (!lex || !g_file_get_contents (argv[2], &data, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  g_auto (GStrv) texts = g_strsplit (data, "\n", -1);
  guint n = g_strv_length (texts);
  if (n && !*texts[n - 1])
    n--;
  int rounds = atoi (argv[3]);
  WeftDoc *doc = weft_doc_new ();
  double checksum = 0;
  for (int r = 0; r < rounds; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        {
          VaderScores s;
          weft_doc_reset (doc);
          vader_score (lex, texts[i], strlen (texts[i]), doc, &s);
          checksum += s.compound;
        }
      printf ("%u %.6f\n", n, (g_get_monotonic_time () - t0) / 1e6);
    }
  fprintf (stderr, "checksum %.4f\n", checksum / rounds);
  weft_doc_free (doc);
  vader_lexicon_free (lex);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (paths[i]);
  return 0;
}
