/* sentiment — a temporary conformance driver (not installed): scores each
 * text of the VADER reference TSV with the C scorer and prints one line per
 * text, "id<TAB>neg<TAB>neu<TAB>pos<TAB>compound", for eval/sentiment.py to
 * compare.  Goes away once `weft run` exists. */
#include <stdio.h>
#include <string.h>

#include "vader.h"

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: vader-check DATA_DIR TSV\n");
      return 2;
    }
  const char *dir = argv[1];
  g_autofree char *lexicon = g_build_filename (dir, "vader_lexicon.txt", NULL);
  g_autofree char *emoji = g_build_filename (dir, "emoji_utf8_lexicon.txt", NULL);
  g_autofree char *neg = g_build_filename (dir, "negations.txt", NULL);
  g_autofree char *boost = g_build_filename (dir, "boosters.txt", NULL);
  g_autofree char *sc = g_build_filename (dir, "special_cases.txt", NULL);
  g_autofree char *k = g_build_filename (dir, "constants.txt", NULL);
  VaderLexiconFiles files = { .lexicon = lexicon, .plain_scale = 1.0,
                              .emoji = emoji, .negations = neg,
                              .boosters = boost, .special_cases = sc,
                              .constants = k };
  g_autoptr (GError) error = NULL;
  VaderLexicon *lex = vader_lexicon_new (&files, &error);
  if (!lex)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  g_autofree char *data = NULL;
  if (!g_file_get_contents (argv[2], &data, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  WeftDoc *doc = weft_doc_new ();
  char *line = data;
  gboolean header = TRUE;
  while (line && *line)
    {
      char *nl = strchr (line, '\n');
      if (nl)
        *nl = '\0';
      if (!header)
        {
          char **f = g_strsplit (line, "\t", 7);
          if (g_strv_length (f) == 7)
            {
              VaderScores s;
              weft_doc_reset (doc);
              vader_score (lex, f[6], strlen (f[6]), doc, &s);
              printf ("%s\t%s\t%.3f\t%.3f\t%.3f\t%.4f\n", f[0], f[1], s.neg,
                      s.neu, s.pos, s.compound);
            }
          g_strfreev (f);
        }
      header = FALSE;
      line = nl ? nl + 1 : NULL;
    }
  weft_doc_free (doc);
  vader_lexicon_free (lex);
  return 0;
}
