/* sentiment — loading VADER's tables from their data files.  Every word or
 * phrase gets one VaderEntry holding all it is to the rules, so scoring
 * needs one hash lookup per word.  Errors name FILE:LINE and the cause. */
#include "lexicon.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "weft/plugin.h"

#include "pytext.h"

struct _VaderLexicon
{
  GHashTable *entries; /* while loading: char * (in strings) -> VaderEntry * */
  /* Afterwards (freeze()): the entries in one array behind the table. */
  VaderTable table;
  VaderEntry *array;
  guint32 *slots;
  char *keys; /* every key 8-byte aligned, zero-padded */
  guint64 *bloom;
  GHashTable *emoji;   /* code point -> description (in strings) */
  guint64 *emoji_bits; /* bitmap of the emoji code points below emoji_limit */
  gunichar emoji_limit;
  GStringChunk *strings;
  VaderConstants constants;
  gsize max_phrase;
  guint n_valences;
};

/* ---- reading data files ------------------------------------------------- */

/* Fails the line being read with @format as the cause;
 * weft_data_file_foreach_line() puts "FILE:LINE: " before it. */
static gboolean bad_line (GError **error, const char *format, ...)
    G_GNUC_PRINTF (2, 3);

static gboolean
bad_line (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *cause = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_DATA, cause);
  return FALSE;
}

/* A finite number written as the whole of @text (surrounding blanks
 * allowed, as Python's float()). */
static gboolean
parse_number (const char *text, double *out)
{
  while (*text == ' ')
    text++;
  if (!*text)
    return FALSE;
  char *end = NULL;
  errno = 0;
  double v = g_ascii_strtod (text, &end);
  while (*end == ' ')
    end++;
  if (*end || errno || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* Splits @line at tabs in place; returns the number of fields (at most
 * @max are stored, the rest counted). */
static guint
split_tabs (char *line, char **fields, guint max)
{
  guint n = 0;
  for (char *p = line;;)
    {
      char *tab = strchr (p, '\t');
      if (n < max)
        fields[n] = p;
      n++;
      if (!tab)
        break;
      *tab = '\0';
      p = tab + 1;
    }
  return n;
}

/* The rule files allow comment lines; the lexicons do not, since VADER's
 * has tokens starting with '#'. */
static gboolean
is_comment (const char *line)
{
  return line[0] == '#';
}

/* ---- the tables ---------------------------------------------------------- */

static VaderEntry *
entry_for (VaderLexicon *lex, const char *key)
{
  VaderEntry *e = g_hash_table_lookup (lex->entries, key);
  if (!e)
    {
      e = g_new0 (VaderEntry, 1);
      g_hash_table_insert (lex->entries,
                           g_string_chunk_insert_const (lex->strings, key), e);
    }
  return e;
}

/* A phrase's words are marked, so that the rules look up only phrases
 * made of marked words. */
static void
note_phrase (VaderLexicon *lex, const char *key)
{
  if (!strchr (key, ' '))
    return;
  lex->max_phrase = MAX (lex->max_phrase, strlen (key));
  g_auto (GStrv) words = g_strsplit (key, " ", -1);
  for (char **w = words; *w; w++)
    if (**w)
      entry_for (lex, *w)->flags |= VADER_PHRASE_WORD;
}

/* A lexicon being read: VADER's format (token, mean, sd, ratings; only the
 * first two are read, as the reference does) or word<TAB>score, told apart
 * by the number of fields of the first line. */
typedef struct
{
  VaderLexicon *lex;
  double plain_scale;
  int plain; /* -1 until the first line is read */
} ValenceFile;

static gboolean
valence_line (char *line, gpointer user_data, GError **error)
{
  ValenceFile *file = user_data;
  char *f[2];
  guint n = split_tabs (line, f, 2);
  if (file->plain < 0)
    file->plain = n == 2;
  if (n < 2)
    return bad_line (error, "expected a word, a tab and a score, got '%s'",
                     line);
  if (file->plain && n != 2)
    return bad_line (error,
                     "expected word<TAB>score (as the file's first line), "
                     "got %u fields",
                     n);
  if (!*f[0])
    return bad_line (error, "empty word");
  double v;
  if (!parse_number (f[1], &v))
    return bad_line (error, "score '%s' of '%s' is not a number", f[1], f[0]);
  VaderEntry *e = entry_for (file->lex, f[0]);
  if (!(e->flags & VADER_IN_LEXICON))
    file->lex->n_valences++;
  e->valence = file->plain ? v * file->plain_scale : v;
  e->flags |= VADER_IN_LEXICON;
  return TRUE;
}

static gboolean
load_valences (VaderLexicon *lex, const char *path, double plain_scale,
               GError **error)
{
  ValenceFile file = { lex, plain_scale, -1 };
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_DEFAULT,
                                      valence_line, &file, error);
}

static gboolean
emoji_line (char *line, gpointer user_data, GError **error)
{
  VaderLexicon *lex = user_data;
  char *f[2];
  if (split_tabs (line, f, 2) < 2 || !*f[0])
    return bad_line (error, "expected emoji<TAB>description");
  /* The reference translates character by character, so only
   * one-code-point emoji can ever match. */
  if (g_utf8_strlen (f[0], -1) == 1)
    g_hash_table_insert (lex->emoji, GUINT_TO_POINTER (g_utf8_get_char (f[0])),
                         g_string_chunk_insert (lex->strings, f[1]));
  return TRUE;
}

static gboolean
negation_line (char *line, gpointer user_data, GError **error)
{
  if (is_comment (line))
    return TRUE;
  if (strpbrk (line, " \t"))
    return bad_line (error, "expected one word, got '%s'", line);
  entry_for (user_data, line)->flags |= VADER_NEGATION;
  return TRUE;
}

/* A file of phrase<TAB>number lines, for boosters and special cases. */
typedef struct
{
  VaderLexicon *lex;
  guint flag;
} PhraseFile;

static gboolean
phrase_line (char *line, gpointer user_data, GError **error)
{
  const PhraseFile *file = user_data;
  if (is_comment (line))
    return TRUE;
  char *f[2];
  double v;
  if (split_tabs (line, f, 2) != 2 || !*f[0])
    return bad_line (error, "expected word or phrase<TAB>number");
  if (!parse_number (f[1], &v))
    return bad_line (error, "'%s' is not a number", f[1]);
  VaderEntry *e = entry_for (file->lex, f[0]);
  e->flags |= file->flag;
  if (file->flag == VADER_BOOSTER)
    e->booster = v;
  else
    e->special = v;
  note_phrase (file->lex, f[0]);
  return TRUE;
}

static gboolean
load_phrases (VaderLexicon *lex, const char *path, guint flag, GError **error)
{
  PhraseFile file = { lex, flag };
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_DEFAULT,
                                      phrase_line, &file, error);
}

static const struct
{
  const char *name;
  gsize offset;
} constant_names[] = {
#define C(name)                                                                \
  {                                                                            \
#name, G_STRUCT_OFFSET(VaderConstants, name)                               \
  }
  C (caps_increment),  C (negation_scalar),    C (booster_decay_2),
  C (booster_decay_3), C (never_so_scalar),    C (but_before),
  C (but_after),       C (exclamation_weight), C (exclamation_max),
  C (question_weight), C (question_max),       C (alpha),
#undef C
};

/* The constants file being read: which constants it has set. */
typedef struct
{
  VaderConstants *constants;
  guint seen;
} ConstantsFile;

static gboolean
constant_line (char *line, gpointer user_data, GError **error)
{
  ConstantsFile *file = user_data;
  if (is_comment (line))
    return TRUE;
  char *f[2];
  double v;
  if (split_tabs (line, f, 2) != 2)
    return bad_line (error, "expected name<TAB>number");
  if (!parse_number (f[1], &v))
    return bad_line (error, "'%s' is not a number", f[1]);
  guint i;
  for (i = 0; i < G_N_ELEMENTS (constant_names); i++)
    if (strcmp (f[0], constant_names[i].name) == 0)
      break;
  if (i == G_N_ELEMENTS (constant_names))
    return bad_line (error, "unknown constant '%s'", f[0]);
  G_STRUCT_MEMBER (double, file->constants, constant_names[i].offset) = v;
  file->seen |= 1u << i;
  return TRUE;
}

static gboolean
load_constants (VaderLexicon *lex, const char *path, GError **error)
{
  ConstantsFile file = { &lex->constants, 0 };
  if (!weft_data_file_foreach_line (path, WEFT_DATA_FILE_DEFAULT,
                                    constant_line, &file, error))
    return FALSE;
  guint seen = file.seen;
  for (guint i = 0; i < G_N_ELEMENTS (constant_names); i++)
    if (!(seen & (1u << i)))
      {
        g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                     "%s: constant '%s' is missing", path,
                     constant_names[i].name);
        return FALSE;
      }
  if (lex->constants.alpha <= 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "%s: alpha must be positive", path);
      return FALSE;
    }
  return TRUE;
}

static const char *const word_names[] = {
  [VADER_W_NO] = "no",           [VADER_W_NEVER] = "never",
  [VADER_W_SO] = "so",           [VADER_W_THIS] = "this",
  [VADER_W_WITHOUT] = "without", [VADER_W_DOUBT] = "doubt",
  [VADER_W_LEAST] = "least",     [VADER_W_AT] = "at",
  [VADER_W_VERY] = "very",       [VADER_W_BUT] = "but",
  [VADER_W_KIND] = "kind",       [VADER_W_OF] = "of",
  [VADER_W_OR] = "or",           [VADER_W_NOR] = "nor",
};

/* The hash of a NUL-terminated key, copied so that vader_hash() may read
 * past its end. */
static guint64
hash_key (const char *key, gsize len)
{
  char stack[256];
  char *buf = len + VADER_HASH_PAD <= sizeof stack
                  ? stack
                  : g_malloc (len + VADER_HASH_PAD);
  memcpy (buf, key, len);
  memset (buf + len, 0, VADER_HASH_PAD);
  guint64 h = vader_hash (buf, len);
  if (buf != stack)
    g_free (buf);
  return h;
}

/* Moves the entries into one array behind an open-addressing table, with
 * the words the rules name marked; the table holds at most half its slots
 * so probes stay short. */
/* Whether the key of @len bytes at @key has a non-ASCII character and
 * some word could still be it: its own lower case (":Þ" is not, so no
 * lower-cased word is ":Þ"). */
static gboolean
matchable_high_key (const char *key, gsize len)
{
  gboolean high = FALSE;
  for (gsize i = 0; i < len; i++)
    high = high || (guchar)key[i] >= 0x80;
  if (!high)
    return FALSE;
  char *lower = g_malloc (len + len / 2 + 1);
  gboolean same
      = py_lower (key, len, lower) == len && memcmp (lower, key, len) == 0;
  g_free (lower);
  return same;
}

static void
freeze (VaderLexicon *lex)
{
  for (guint i = 1; i < G_N_ELEMENTS (word_names); i++)
    entry_for (lex, word_names[i])->word = (guint8)i;

  guint n = g_hash_table_size (lex->entries);
  /* A quarter full: a lookup seldom reads a second slot, whose test
   * the batches' lookups mispredicted (at half full, 1.4 slots a
   * lookup; the stage 1 to 3 ms faster on the 50 MB corpus). */
  guint32 n_slots = 16;
  while (n_slots < 4 * n)
    n_slots *= 2;
  guint32 index_mask = 1;
  while (index_mask < n && index_mask < G_MAXUINT32 / 2)
    index_mask = 2 * index_mask + 1;
  lex->slots = g_new0 (guint32, n_slots);
  lex->array = g_new0 (VaderEntry, MAX (n, 1));

  GHashTableIter it;
  gpointer key, value;
  gsize keys_size = 0;
  g_hash_table_iter_init (&it, lex->entries);
  while (g_hash_table_iter_next (&it, &key, NULL))
    keys_size += (strlen (key) + 8) & ~(gsize)7;
  lex->keys = g_malloc0 (MAX (keys_size, 1));
  lex->bloom = g_new0 (guint64, VADER_BLOOM_BITS / 64);

  gsize max_key = 0, at = 0;
  gboolean high_keys = FALSE;
  guint i = 0;
  g_hash_table_iter_init (&it, lex->entries);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      VaderEntry *e = &lex->array[i];
      *e = *(VaderEntry *)value;
      e->key_len = (guint32)strlen (key);
      e->key = memcpy (lex->keys + at, key, e->key_len);
      memcpy (e->head, key, MIN (e->key_len, sizeof e->head));
      at += (e->key_len + 8) & ~(gsize)7;
      max_key = MAX (max_key, e->key_len);
      high_keys = high_keys || matchable_high_key (e->key, e->key_len);
      guint64 h = hash_key (key, e->key_len);
      guint32 s = (guint32)h & (n_slots - 1);
      while (lex->slots[s])
        s = (s + 1) & (n_slots - 1);
      lex->slots[s] = ((guint32)(h >> 32) & ~index_mask) | (i + 1);
      guint32 a = (guint32)(h >> 14) & (VADER_BLOOM_BITS - 1);
      guint32 b = (guint32)(h >> 31) & (VADER_BLOOM_BITS - 1);
      lex->bloom[a / 64] |= G_GUINT64_CONSTANT (1) << (a % 64);
      lex->bloom[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
      i++;
    }
  lex->table = (VaderTable){ .slots = lex->slots,
                             .mask = n_slots - 1,
                             .index_mask = index_mask,
                             .entries = lex->array,
                             .max_key = max_key,
                             .high_keys = high_keys,
                             .bloom = lex->bloom };
  g_clear_pointer (&lex->entries, g_hash_table_unref);

  GHashTableIter ei;
  g_hash_table_iter_init (&ei, lex->emoji);
  while (g_hash_table_iter_next (&ei, &key, NULL))
    lex->emoji_limit = MAX (lex->emoji_limit, GPOINTER_TO_UINT (key) + 1);
  lex->emoji_bits = g_new0 (guint64, lex->emoji_limit / 64 + 1);
  g_hash_table_iter_init (&ei, lex->emoji);
  while (g_hash_table_iter_next (&ei, &key, NULL))
    {
      guint c = GPOINTER_TO_UINT (key);
      lex->emoji_bits[c / 64] |= G_GUINT64_CONSTANT (1) << (c % 64);
      char utf8[6];
      g_unichar_to_utf8 (c, utf8);
      guchar lead = (guchar)utf8[0];
      lex->table.emoji_leads[lead / 64] |= G_GUINT64_CONSTANT (1)
                                           << (lead % 64);
    }
}

VaderLexicon *
vader_lexicon_new (const VaderLexiconFiles *files, GError **error)
{
  VaderLexicon *lex = g_new0 (VaderLexicon, 1);
  lex->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  lex->emoji = g_hash_table_new (NULL, NULL);
  lex->strings = g_string_chunk_new (64 * 1024);

  gboolean ok = load_valences (lex, files->lexicon, 1.0, error);
  for (const char *const *p = files->extra; ok && p && *p; p++)
    ok = load_valences (lex, *p, files->plain_scale, error);
  ok = ok
       && weft_data_file_foreach_line (files->emoji, WEFT_DATA_FILE_DEFAULT,
                                       emoji_line, lex, error)
       && weft_data_file_foreach_line (files->negations,
                                       WEFT_DATA_FILE_DEFAULT, negation_line,
                                       lex, error)
       && load_phrases (lex, files->boosters, VADER_BOOSTER, error)
       && load_phrases (lex, files->special_cases, VADER_SPECIAL, error)
       && load_constants (lex, files->constants, error);
  if (!ok)
    {
      vader_lexicon_free (lex);
      return NULL;
    }
  freeze (lex);
  lex->table.typographic = files->typographic;
  return lex;
}

void
vader_lexicon_free (VaderLexicon *lex)
{
  if (!lex)
    return;
  g_clear_pointer (&lex->entries, g_hash_table_unref);
  g_hash_table_unref (lex->emoji);
  g_free (lex->array);
  g_free (lex->slots);
  g_free (lex->keys);
  g_free (lex->bloom);
  g_free (lex->emoji_bits);
  g_string_chunk_free (lex->strings);
  g_free (lex);
}

const VaderEntry *
vader_lexicon_lookup (const VaderLexicon *lex, const char *word)
{
  gsize len = strlen (word);
  if (len > lex->table.max_key)
    return NULL;
  char *buf = g_malloc0 (len + VADER_HASH_PAD);
  memcpy (buf, word, len);
  const VaderEntry *e
      = vader_table_find (&lex->table, buf, len, vader_hash (buf, len));
  g_free (buf);
  return e;
}

const VaderTable *
vader_lexicon_table (const VaderLexicon *lex)
{
  return &lex->table;
}

const char *
vader_lexicon_emoji (const VaderLexicon *lex, gunichar c)
{
  return vader_lexicon_maybe_emoji (lex, c)
             ? g_hash_table_lookup (lex->emoji, GUINT_TO_POINTER (c))
             : NULL;
}

gboolean
vader_lexicon_maybe_emoji (const VaderLexicon *lex, gunichar c)
{
  return c < lex->emoji_limit && (lex->emoji_bits[c / 64] >> (c % 64) & 1);
}

const VaderConstants *
vader_lexicon_constants (const VaderLexicon *lex)
{
  return &lex->constants;
}

gsize
vader_lexicon_max_phrase (const VaderLexicon *lex)
{
  return lex->max_phrase;
}

guint
vader_lexicon_size (const VaderLexicon *lex)
{
  return lex->n_valences;
}
