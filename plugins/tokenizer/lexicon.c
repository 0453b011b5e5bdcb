/* tokenizer — word lists.  A GHashTable of NUL-terminated keys; a lookup
 * copies the queried bytes into a stack buffer, so process() never
 * allocates and only reads the table. */
#include "lexicon.h"

#include <string.h>

#include "weft/plugin.h"

#define MAX_WORD 64


/* Stored with every entry so that an entry without tags is not NULL. */
#define TAG_PRESENT (1u << 31)

TokLexicon *
tok_lexicon_new (gboolean fold_case)
{
  TokLexicon *lexicon = g_new0 (TokLexicon, 1);
  lexicon->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          NULL);
  lexicon->fold_case = fold_case;
  return lexicon;
}

void
tok_lexicon_free (TokLexicon *lexicon)
{
  if (!lexicon)
    return;
  g_hash_table_unref (lexicon->words);
  g_free (lexicon);
}

void
tok_lexicon_add (TokLexicon *lexicon, const char *word, guint tags)
{
  gsize len = strlen (word);
  if (len == 0 || len >= MAX_WORD)
    return;
  char *key = lexicon->fold_case ? g_ascii_strdown (word, -1)
                                 : g_strdup (word);
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon->words, key));
  g_hash_table_replace (lexicon->words, key,
                        GUINT_TO_POINTER (old | tags | TAG_PRESENT));
  lexicon->max_len = MAX (lexicon->max_len, len);
  lexicon->lengths |= G_GUINT64_CONSTANT (1) << len;
  lexicon->first_bytes[(guchar) key[0]] = 1;
  if (lexicon->fold_case)
    lexicon->first_bytes[(guchar) g_ascii_toupper (key[0])] = 1;
}

gboolean
tok_lexicon_load (TokLexicon *lexicon, const char *path,
                  const TokLexiconTag *tags, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint n = 0; lines[n]; n++)
    {
      char *line = g_strstrip (lines[n]);
      if (line[0] == '\0' || line[0] == '#')
        continue;
      g_auto (GStrv) fields = g_strsplit_set (line, " \t", -1);
      const char *word = fields[0];
      if (strlen (word) >= MAX_WORD)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                       "%s:%u: entry longer than %d bytes", path, n + 1,
                       MAX_WORD - 1);
          return FALSE;
        }
      guint bits = 0;
      for (guint f = 1; fields[f]; f++)
        {
          if (fields[f][0] == '\0')
            continue;
          const TokLexiconTag *tag = tags;
          while (tag && tag->name && strcmp (tag->name, fields[f]) != 0)
            tag++;
          if (!tag || !tag->name)
            {
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                           "%s:%u: unknown tag '%s' after '%s'", path, n + 1,
                           fields[f], word);
              return FALSE;
            }
          bits |= tag->bit;
        }
      tok_lexicon_add (lexicon, word, bits);
    }
  return TRUE;
}

gboolean
tok_lexicon_lookup (const TokLexicon *lexicon, const char *word, gsize len,
                    guint *tags)
{
  char key[MAX_WORD];
  if (len == 0 || len > lexicon->max_len
      || !(lexicon->lengths & (G_GUINT64_CONSTANT (1) << len))
      || !lexicon->first_bytes[(guchar) word[0]])
    return FALSE;
  if (lexicon->fold_case)
    for (gsize i = 0; i < len; i++)
      key[i] = g_ascii_tolower (word[i]);
  else
    memcpy (key, word, len);
  key[len] = '\0';
  gpointer value = g_hash_table_lookup (lexicon->words, key);
  if (!value)
    return FALSE;
  if (tags)
    *tags = GPOINTER_TO_UINT (value) & ~TAG_PRESENT;
  return TRUE;
}
