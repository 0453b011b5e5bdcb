/* bench-tokenizer — throughput of the tokenizer plugin alone.  Reads
 * documents separated by NUL bytes, repeats them up to --mb megabytes, and
 * times process() (tokens and sentences) over all of them, --runs times;
 * prints the median MB/s.  With --dump it instead writes one JSON line per
 * document with the byte spans of tokens and sentences (used by
 * eval/ud.py when the weft CLI is not built). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "weft/weft.h"

extern const WeftPlugin weft_plugin_descriptor;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  gint mb = 50, runs = 5;
  gboolean dump = FALSE, clitics = TRUE;
  GOptionEntry entries[] = {
    { "mb", 0, 0, G_OPTION_ARG_INT, &mb, "Megabytes of text per run", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs", "N" },
    { "dump", 0, 0, G_OPTION_ARG_NONE, &dump, "Write spans as JSON lines",
      NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context
      = g_option_context_new ("FILE - time the tokenizer");
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-tokenizer FILE");
      return 2;
    }
  (void) clitics;
  g_autofree char *contents = NULL;
  gsize length;
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  GPtrArray *docs = g_ptr_array_new ();
  for (char *p = contents; p < contents + length; p += strlen (p) + 1)
    if (*p)
      g_ptr_array_add (docs, p);

  g_autoptr (WeftOptions) options = weft_options_new (
      &weft_plugin_descriptor, TOKENIZER_DATA_DIR, "tokenizer", &error);
  gpointer state = NULL;
  if (!options || !weft_plugin_descriptor.init (options, &state, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  WeftDoc *doc = weft_doc_new ();

  if (dump)
    {
      for (guint d = 0; d < docs->len; d++)
        {
          const char *text = docs->pdata[d];
          weft_doc_reset (doc);
          if (!weft_doc_set_text (doc, text, strlen (text), &error)
              || !weft_plugin_descriptor.process (state, doc, &error))
            {
              g_printerr ("document %u: %s\n", d, error->message);
              return 1;
            }
          guint n, n_sent;
          const WeftToken *t = weft_doc_get_tokens (doc, &n);
          const WeftSentence *s = weft_doc_get_sentences (doc, &n_sent);
          printf ("{\"tokens\":[");
          for (guint i = 0; i < n; i++)
            printf ("%s[%u,%u,\"%s\"]", i ? "," : "", t[i].start, t[i].end,
                    weft_token_kind_to_string (t[i].kind));
          printf ("],\"sentences\":[");
          for (guint i = 0; i < n_sent; i++)
            printf ("%s[%u,%u]", i ? "," : "", s[i].start, s[i].end);
          printf ("]}\n");
        }
      return 0;
    }

  gsize total = 0;
  for (guint d = 0; d < docs->len; d++)
    total += strlen (docs->pdata[d]);
  if (total == 0)
    return 2;
  guint repeat = (guint) ((mb * 1000000.0 + total - 1) / total);
  double *rates = g_new (double, runs);
  guint64 tokens = 0;
  for (gint r = 0; r < runs; r++)
    {
      double seconds = 0;
      tokens = 0;
      for (guint k = 0; k < repeat; k++)
        for (guint d = 0; d < docs->len; d++)
          {
            const char *text = docs->pdata[d];
            weft_doc_reset (doc);
            weft_doc_set_text (doc, text, strlen (text), NULL);
            gint64 start = g_get_monotonic_time ();
            weft_plugin_descriptor.process (state, doc, NULL);
            seconds += (g_get_monotonic_time () - start) / 1e6;
            guint n;
            weft_doc_get_tokens (doc, &n);
            tokens += n;
          }
      rates[r] = total * (double) repeat / 1e6 / seconds;
    }
  qsort (rates, runs, sizeof *rates, compare_double);
  printf ("{\"bytes\": %" G_GSIZE_FORMAT ", \"tokens\": %" G_GUINT64_FORMAT
          ", \"runs\": %d, \"median_mb_s\": %.1f, \"min_mb_s\": %.1f, "
          "\"max_mb_s\": %.1f}\n",
          total * repeat, tokens, runs, rates[runs / 2], rates[0],
          rates[runs - 1]);
  g_free (rates);
  weft_doc_free (doc);
  weft_plugin_descriptor.finish (state);
  g_ptr_array_free (docs, TRUE);
  return 0;
}
