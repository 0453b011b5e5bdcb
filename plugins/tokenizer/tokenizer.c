/* tokenizer — the plugin: options, loading the word lists at init, and
 * process(), which appends the `tokens` and `sentences` of a document.
 * The scanner lives in scan.c and special.c, sentence splitting in
 * sentences.c. */
#include "tokenizer.h"

#include <string.h>

#include "chars.h"

static const WeftOptionSpec tokenizer_options[] = {
  { "split-clitics", WEFT_OPTION_BOOL, "true",
    "Split contractions and possessives as Universal Dependencies does: "
    "don't -> do n't, can't -> ca n't, Baku's -> Baku 's, I'm -> I 'm, "
    "cannot -> can not (the pieces after the first have kind clitic)" },
  { "split-hyphens", WEFT_OPTION_BOOL, "true",
    "Split hyphenated compounds at the hyphen (Euro-Atlantic -> Euro - "
    "Atlantic), as the English Web Treebank does, except after the bound "
    "prefixes in hyphen-prefixes.txt (e-mail, anti-Russian, re-elect)" },
  { "abbreviations", WEFT_OPTION_PATH_LIST, NULL,
    "Extra abbreviation files, read after the shipped abbreviations.txt: "
    "one abbreviation a line with its period (Gen.), optionally followed by "
    "the tag 'title' (never ends a sentence: Mr.) or 'number' (only before "
    "a number: No. 5); '#' starts a comment" },
  { "line-breaks", WEFT_OPTION_BOOL, "true",
    "Let a single line break end a sentence when the line does not end in "
    "a comma or hyphen and the next line does not start in lower case (a "
    "blank line always ends a sentence)" },
  { NULL, 0, NULL, NULL },
};

static const TokLexiconTag abbreviation_tags[] = {
  { "title", ABBR_TITLE },
  { "number", ABBR_NUMBER },
  { "unit", ABBR_UNIT },
  { NULL, 0 },
};

static void
tokenizer_finish (gpointer state)
{
  TokConfig *config = state;
  if (!config)
    return;
  tok_lexicon_free (config->abbreviations);
  tok_lexicon_free (config->prefixes);
  tok_lexicon_free (config->emoticons);
  tok_lexicon_free (config->starters);
  tok_lexicon_free (config->tlds);
  tok_lexicon_free (config->contractions);
  g_free (config);
}

static gboolean
load_data (TokLexicon *lexicon, const char *dir, const char *file,
           const TokLexiconTag *tags, GError **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  return tok_lexicon_load (lexicon, path, tags, error);
}

/* A line of contractions.txt: one word with '|' where it splits
 * (can|not); the tag is the split offset. */
static gboolean
load_contraction (char *line, gpointer user_data, GError **error)
{
  char *bar = strchr (line, '|');
  if (!bar || bar == line || bar[1] == '\0' || strchr (bar + 1, '|'))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "expected one '|' inside the word, as in can|not");
      return FALSE;
    }
  guint at = bar - line;
  memmove (bar, bar + 1, strlen (bar));
  tok_lexicon_add (user_data, line, at);
  return TRUE;
}

static gboolean
load_contractions (TokLexicon *lexicon, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "contractions.txt", NULL);
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_HASH_COMMENTS,
                                      load_contraction, lexicon, error);
}

static gboolean
tokenizer_init (const WeftOptions *options, gpointer *state, GError **error)
{
  const char *dir = weft_options_get_data_dir (options);
  tok_chars_init ();
  TokConfig *config = g_new0 (TokConfig, 1);
  config->abbreviations = tok_lexicon_new (FALSE);
  config->prefixes = tok_lexicon_new (TRUE);
  config->emoticons = tok_lexicon_new (FALSE);
  config->starters = tok_lexicon_new (FALSE);
  config->tlds = tok_lexicon_new (TRUE);
  config->contractions = tok_lexicon_new (TRUE);
  config->split_clitics = weft_options_get_bool (options, "split-clitics");
  config->split_hyphens = weft_options_get_bool (options, "split-hyphens");
  config->line_breaks = weft_options_get_bool (options, "line-breaks");

  gboolean ok
      = load_data (config->abbreviations, dir, "abbreviations.txt",
                   abbreviation_tags, error)
        && load_data (config->prefixes, dir, "hyphen-prefixes.txt", NULL, error)
        && load_data (config->emoticons, dir, "emoticons.txt", NULL, error)
        && load_data (config->starters, dir, "sentence-starters.txt", NULL,
                      error)
        && load_data (config->tlds, dir, "tlds.txt", NULL, error)
        && load_contractions (config->contractions, dir, error);
  const char *const *extra = weft_options_get_list (options, "abbreviations");
  for (guint i = 0; ok && extra[i]; i++)
    ok = tok_lexicon_load (config->abbreviations, extra[i], abbreviation_tags,
                           error);
  if (!ok)
    {
      tokenizer_finish (config);
      return FALSE;
    }
  tok_scan_prepare (config);
  *state = config;
  return TRUE;
}

static gboolean
tokenizer_process (gpointer state, WeftDoc *doc, GError **error)
{
  const TokConfig *config = state;
  (void)error;
  tok_scan (config, doc);
  return TRUE;
}

WEFT_PLUGIN_DEFINE (.name = "tokenizer", .version = "1.0",
                    .description = "Splits text into tokens (words, numbers, "
                                   "URLs, emoji, clitics as in Universal "
                                   "Dependencies) and sentences",
                    .provides = WEFT_LAYERS ("tokens", "sentences"),
                    .options = tokenizer_options, .init = tokenizer_init,
                    .process = tokenizer_process, .finish = tokenizer_finish);
