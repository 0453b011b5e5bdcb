/* tokenizer — word lists.  Entries live in one string pool; an
 * open-addressing table of (hash, offset, length, tags) finds them.  A
 * lookup hashes the queried bytes in place (lower-casing ASCII on the fly
 * for case-folded lists), so process() never copies or allocates. */
#include "lexicon.h"

#include <string.h>

#include "weft/plugin.h"

#define MAX_WORD 64

struct _TokLexiconSlot
{
  guint32 hash;
  guint32 offset; /* into the pool; 0 marks an empty slot */
  guint32 len;
  guint32 tags;
};

static inline guchar
fold (guchar b)
{
  return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
}

/* FNV-1a; never 0. */
static inline guint32
hash_bytes (const guchar *p, gsize len, gboolean fold_case)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (fold_case ? fold (p[i]) : p[i])) * 16777619u;
  return h | 1;
}

static inline gboolean
equal (const guchar *a, const guchar *b, gsize len, gboolean fold_case)
{
  if (!fold_case)
    return memcmp (a, b, len) == 0;
  for (gsize i = 0; i < len; i++)
    if (fold (a[i]) != b[i])
      return FALSE;
  return TRUE;
}

TokLexicon *
tok_lexicon_new (gboolean fold_case)
{
  TokLexicon *lexicon = g_new0 (TokLexicon, 1);
  lexicon->pool = g_string_new ("");
  g_string_append_c (lexicon->pool, '\0'); /* offset 0 means empty */
  lexicon->n_slots = 64;
  lexicon->slots = g_new0 (TokLexiconSlot, lexicon->n_slots);
  lexicon->fold_case = fold_case;
  return lexicon;
}

void
tok_lexicon_free (TokLexicon *lexicon)
{
  if (!lexicon)
    return;
  g_string_free (lexicon->pool, TRUE);
  g_free (lexicon->slots);
  g_free (lexicon);
}

static TokLexiconSlot *
find_slot (TokLexiconSlot *slots, guint n_slots, const GString *pool,
           const guchar *word, gsize len, guint32 hash, gboolean fold_case)
{
  guint mask = n_slots - 1;
  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      TokLexiconSlot *slot = &slots[i];
      if (slot->offset == 0
          || (slot->hash == hash && slot->len == len
              && equal (word, (const guchar *)pool->str + slot->offset, len,
                        fold_case)))
        return slot;
    }
}

static void
grow (TokLexicon *lexicon)
{
  guint n = lexicon->n_slots * 2;
  TokLexiconSlot *slots = g_new0 (TokLexiconSlot, n);
  for (guint i = 0; i < lexicon->n_slots; i++)
    {
      TokLexiconSlot *old = &lexicon->slots[i];
      if (old->offset == 0)
        continue;
      for (guint j = old->hash & (n - 1);; j = (j + 1) & (n - 1))
        if (slots[j].offset == 0)
          {
            slots[j] = *old;
            break;
          }
    }
  g_free (lexicon->slots);
  lexicon->slots = slots;
  lexicon->n_slots = n;
}

void
tok_lexicon_add (TokLexicon *lexicon, const char *word, guint tags)
{
  gsize len = strlen (word);
  if (len == 0 || len >= MAX_WORD)
    return;
  if (2 * (lexicon->n_entries + 1) > lexicon->n_slots)
    grow (lexicon);
  const guchar *w = (const guchar *)word;
  guint32 hash = hash_bytes (w, len, lexicon->fold_case);
  TokLexiconSlot *slot
      = find_slot (lexicon->slots, lexicon->n_slots, lexicon->pool, w, len,
                   hash, lexicon->fold_case);
  if (slot->offset == 0)
    {
      slot->hash = hash;
      slot->offset = lexicon->pool->len;
      slot->len = len;
      for (gsize i = 0; i < len; i++)
        g_string_append_c (lexicon->pool,
                           lexicon->fold_case ? fold (w[i]) : w[i]);
      g_string_append_c (lexicon->pool, '\0');
      lexicon->n_entries++;
    }
  slot->tags |= tags;
  lexicon->max_len = MAX (lexicon->max_len, len);
  lexicon->lengths |= G_GUINT64_CONSTANT (1) << len;
  guchar first = w[0], last = w[len - 1], second = len > 1 ? w[1] : 0;
  for (guint variant = 0; variant < 4; variant++)
    {
      guchar a = first, b = second;
      if (lexicon->fold_case)
        {
          a = variant & 1 ? g_ascii_toupper (a) : fold (a);
          b = variant & 2 ? g_ascii_toupper (b) : fold (b);
        }
      guint key = (guint)a << 8 | b;
      lexicon->prefixes[key >> 3] |= 1u << (key & 7);
    }
  for (guint b = 0; b < 32; b++)
    if (len == 1 || b == TOK_PAIR_KEY (0, second))
      lexicon->pair_lengths[TOK_PAIR_KEY (first, b)] |= G_GUINT64_CONSTANT (1)
                                                        << len;
  guint64 bit = G_GUINT64_CONSTANT (1) << len;
  lexicon->first_bytes[first] = lexicon->last_bytes[last] = 1;
  lexicon->first_lengths[first] |= bit;
  lexicon->last_lengths[last] |= bit;
  if (lexicon->fold_case)
    {
      lexicon->first_bytes[(guchar)g_ascii_toupper (first)] = 1;
      lexicon->first_bytes[fold (first)] = 1;
      lexicon->last_bytes[(guchar)g_ascii_toupper (last)] = 1;
      lexicon->last_bytes[fold (last)] = 1;
      lexicon->first_lengths[(guchar)g_ascii_toupper (first)] |= bit;
      lexicon->first_lengths[fold (first)] |= bit;
      lexicon->last_lengths[(guchar)g_ascii_toupper (last)] |= bit;
      lexicon->last_lengths[fold (last)] |= bit;
    }
}

typedef struct
{
  TokLexicon *lexicon;
  const TokLexiconTag *tags;
} LoadState;

/* One line of a word list: the entry, then tag names. */
static gboolean
load_line (char *line, gpointer user_data, GError **error)
{
  LoadState *load = user_data;
  g_auto (GStrv) fields = g_strsplit_set (line, " \t", -1);
  const char *word = fields[0];
  if (strlen (word) >= MAX_WORD)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "entry longer than %d bytes", MAX_WORD - 1);
      return FALSE;
    }
  guint bits = 0;
  for (guint f = 1; fields[f]; f++)
    {
      if (fields[f][0] == '\0')
        continue;
      const TokLexiconTag *tag = load->tags;
      while (tag && tag->name && strcmp (tag->name, fields[f]) != 0)
        tag++;
      if (!tag || !tag->name)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                       "unknown tag '%s' after '%s'", fields[f], word);
          return FALSE;
        }
      bits |= tag->bit;
    }
  tok_lexicon_add (load->lexicon, word, bits);
  return TRUE;
}

gboolean
tok_lexicon_load (TokLexicon *lexicon, const char *path,
                  const TokLexiconTag *tags, GError **error)
{
  LoadState load = { lexicon, tags };
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_HASH_COMMENTS,
                                      load_line, &load, error);
}

gboolean
tok_lexicon_find (const TokLexicon *lexicon, const guchar *word, gsize len,
                  guint *tags)
{
  guint32 hash = hash_bytes (word, len, lexicon->fold_case);
  const TokLexiconSlot *slot
      = find_slot (lexicon->slots, lexicon->n_slots, lexicon->pool, word, len,
                   hash, lexicon->fold_case);
  if (slot->offset == 0)
    return FALSE;
  if (tags)
    *tags = slot->tags;
  return TRUE;
}
