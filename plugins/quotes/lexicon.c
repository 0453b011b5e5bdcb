/* quotes — loading the word lists.  Every list is data (one entry a line,
 * '#' comments); this file only knows their column layout.  Lookups hash
 * the lower-cased bytes of a token straight from the document text, so the
 * hot path never copies or allocates. */
#include "lexicon.h"

#include <string.h>

#include "weft/plugin.h"

#define MAX_WORD 40

typedef struct
{
  char *word;  /* lower case, NUL-terminated */
  guint64 key; /* quotes_word_key() */
  guint8 len;
  /* Its first eight bytes (or fewer) are all a-z: then equal keys and
   * lengths already mean equal words there, whatever the case. */
  gboolean letters8;
  guint id; /* index into entries */
} Slot;

struct _QuotesLexicon
{
  Slot *slots;
  guint mask;
  guint n_used;
  GArray *entries;        /* QuotesWord by id; [0]: no word (all zero) */
  GPtrArray *cues;        /* QuotesCue *, in file order */
  GArray *cue_index;      /* guint16 into cues, grouped by first word */
  GPtrArray *role_groups; /* char *; [0] = "" */
  /* Cheap pre-filters: most tokens are in no list, and their length or
   * one bit of their key already says so. */
  QuotesFilter filter;      /* every word */
  QuotesFilter cue_filter;  /* the first words of cues */
  QuotesFilter role_filter; /* roles (QW_ROLE) */
  QuotesScanTable scan;     /* the word and cue filters, for marks.c */
  /* By the filter's bit of a key: the id of a word of eight letters or
   * fewer with that bit (0: none), whose key and length (in its entry,
   * QuotesWord.direct_key) then decide a lookup in one probe (most
   * lookups: function words). */
  guint16 direct[16384];
};

static inline guint
slot_of (const QuotesLexicon *lexicon, guint64 key)
{
  return (guint)(key >> 32) & lexicon->mask;
}

static gboolean
equal_lower (const char *key, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar)s[i];
      if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
      if ((guchar)key[i] != c)
        return FALSE;
    }
  return TRUE;
}

guint
quotes_lexicon_lookup_id (const QuotesLexicon *lexicon, guint64 key,
                          const char *s, gsize len)
{
  if (len == 0 || len > MAX_WORD
      || !(lexicon->filter.lengths & ((guint64)1 << len))
      || !quotes_filter_test (&lexicon->filter, key))
    return 0;
  return quotes_lexicon_find_id (lexicon, key, s, len);
}

guint
quotes_lexicon_find_id (const QuotesLexicon *lexicon, guint64 key,
                        const char *s, gsize len)
{
  guint id = lexicon->direct[key >> 50];
  if (id)
    {
      const QuotesWord *direct
          = &g_array_index (lexicon->entries, QuotesWord, id);
      if (direct->direct_key == key && direct->direct_len == len)
        return id;
    }
  /* The probes below miss the cache: most words not in the table are
   * known here. */
  if (!quotes_filter_check (&lexicon->filter, key))
    return 0;
  for (guint i = slot_of (lexicon, key);; i = (i + 1) & lexicon->mask)
    {
      const Slot *slot = &lexicon->slots[i];
      if (!slot->word)
        return 0;
      /* The key is a bijection of the first eight bytes with 0x20 set,
       * plus the length: where those bytes are letters, equal keys are
       * equal words in either case. */
      if (slot->key == key && slot->len == len
          && (slot->letters8
                  ? len <= 8 || equal_lower (slot->word + 8, s + 8, len - 8)
                  : equal_lower (slot->word, s, len)))
        return slot->id;
    }
}

static QuotesWord *
entry (const QuotesLexicon *lexicon, guint id)
{
  return &g_array_index (lexicon->entries, QuotesWord, id);
}

const QuotesWord *
quotes_lexicon_lookup_key (const QuotesLexicon *lexicon, guint64 key,
                           const char *s, gsize len)
{
  guint id = quotes_lexicon_lookup_id (lexicon, key, s, len);
  return id ? entry (lexicon, id) : NULL;
}

const QuotesWord *
quotes_lexicon_get_words (const QuotesLexicon *lexicon)
{
  return entry (lexicon, 0);
}

guint
quotes_lexicon_get_n_words (const QuotesLexicon *lexicon)
{
  return lexicon->entries->len;
}

const QuotesWord *
quotes_lexicon_lookup (const QuotesLexicon *lexicon, const char *s, gsize len)
{
  if (len == 0 || len > MAX_WORD)
    return NULL;
  return quotes_lexicon_lookup_key (lexicon, quotes_word_key (s, len, len), s,
                                    len);
}

static void
grow (QuotesLexicon *lexicon)
{
  guint old_size = lexicon->mask + 1;
  Slot *old = lexicon->slots;
  guint size = old_size * 2;
  lexicon->slots = g_new0 (Slot, size);
  lexicon->mask = size - 1;
  for (guint i = 0; i < old_size; i++)
    if (old[i].word)
      {
        guint j = slot_of (lexicon, old[i].key);
        while (lexicon->slots[j].word)
          j = (j + 1) & lexicon->mask;
        lexicon->slots[j] = old[i];
      }
  g_free (old);
}

/* The entry for @word (lower case), added when missing. */
static QuotesWord *
intern (QuotesLexicon *lexicon, const char *word)
{
  gsize len = strlen (word);
  QuotesWord *found = (QuotesWord *)quotes_lexicon_lookup (lexicon, word, len);
  if (found)
    return found;
  if ((lexicon->n_used + 1) * 2 > lexicon->mask + 1)
    grow (lexicon);
  guint64 key = quotes_word_key (word, len, len);
  guint i = slot_of (lexicon, key);
  while (lexicon->slots[i].word)
    i = (i + 1) & lexicon->mask;
  lexicon->slots[i].word = g_ascii_strdown (word, len);
  lexicon->slots[i].key = key;
  lexicon->slots[i].len = len;
  lexicon->slots[i].letters8 = TRUE;
  lexicon->slots[i].id = lexicon->entries->len;
  g_array_set_size (lexicon->entries, lexicon->entries->len + 1);
  for (gsize k = 0; k < len && k < 8; k++)
    if (!g_ascii_islower (lexicon->slots[i].word[k]))
      lexicon->slots[i].letters8 = FALSE;
  lexicon->n_used++;
  quotes_filter_add (&lexicon->filter, key, len);
  return entry (lexicon, lexicon->slots[i].id);
}

typedef gboolean (*LineFunc) (QuotesLexicon *lexicon, char **columns,
                              guint n_columns, GError **error);

typedef struct
{
  QuotesLexicon *lexicon;
  LineFunc func;
} ListReader;

/* One line of a list, split at tabs. */
static gboolean
read_line (char *line, gpointer user_data, GError **error)
{
  const ListReader *reader = user_data;
  g_auto (GStrv) columns = g_strsplit (line, "\t", -1);
  guint n_columns = g_strv_length (columns);
  for (guint c = 0; c < n_columns; c++)
    g_strstrip (columns[c]);
  if (strlen (columns[0]) > MAX_WORD)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "entry longer than %d bytes", MAX_WORD);
      return FALSE;
    }
  return reader->func (reader->lexicon, columns, n_columns, error);
}

/* Calls @func on every entry of @dir/@name ('#' starts a comment; no
 * entry holds one). */
static gboolean
read_list (QuotesLexicon *lexicon, const char *dir, const char *name,
           LineFunc func, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ListReader reader = { lexicon, func };
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_HASH_COMMENTS,
                                      read_line, &reader, error);
}

static gboolean
add_cue (QuotesLexicon *lexicon, char **columns, guint n_columns,
         GError **error)
{
  QuotesCueKind kind = QUOTES_CUE_VERB;
  if (n_columns > 1 && g_str_equal (columns[1], "prep"))
    kind = QUOTES_CUE_PREP;
  else if (n_columns > 1 && g_str_equal (columns[1], "say"))
    kind = QUOTES_CUE_SAY;
  else if (n_columns > 1 && g_str_equal (columns[1], "noun"))
    kind = QUOTES_CUE_NOUN;
  else if (n_columns > 1 && g_str_equal (columns[1], "tell"))
    kind = QUOTES_CUE_TELL;
  else if (n_columns > 1 && g_str_equal (columns[1], "clause"))
    kind = QUOTES_CUE_CLAUSE;
  else if (n_columns > 1 && g_str_equal (columns[1], "name"))
    kind = QUOTES_CUE_NAME;
  else if (n_columns > 1 && g_str_equal (columns[1], "text"))
    kind = QUOTES_CUE_TEXT;
  else if (n_columns > 1 && !g_str_equal (columns[1], "verb"))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "unknown cue kind '%s' (expected verb, say, clause, "
                   "tell, name, text, prep or noun)",
                   columns[1]);
      return FALSE;
    }
  QuotesCue *cue = g_new0 (QuotesCue, 1);
  cue->words = g_strsplit_set (columns[0], " ", -1);
  cue->n_words = g_strv_length (cue->words);
  cue->kind = kind;
  cue->text = g_strjoinv (" ", cue->words);
  cue->word_lengths = g_new (guint, cue->n_words);
  for (guint i = 0; i < cue->n_words; i++)
    {
      char *lower = g_ascii_strdown (cue->words[i], -1);
      g_free (cue->words[i]);
      cue->words[i] = lower;
      cue->word_lengths[i] = strlen (lower);
    }
  g_ptr_array_add (lexicon->cues, cue);
  intern (lexicon, cue->words[0])->classes |= QW_CUE;
  const char *w = cue->words[0];
  quotes_filter_add (&lexicon->cue_filter,
                     quotes_word_key (w, strlen (w), strlen (w)), strlen (w));
  if (kind == QUOTES_CUE_PREP)
    lexicon->cue_filter.capital_lengths |= (guint64)1 << strlen (w);
  return TRUE;
}

/* The optional gender column (m or f) of roles.txt and pronouns.txt. */
static gboolean
read_gender (QuotesWord *word, char **columns, guint n_columns, GError **error)
{
  if (n_columns < 3 || !*columns[2])
    return TRUE;
  if (g_str_equal (columns[2], "m"))
    word->gender = QUOTES_GENDER_MALE;
  else if (g_str_equal (columns[2], "f"))
    word->gender = QUOTES_GENDER_FEMALE;
  else
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "unknown gender '%s' (expected m or f)", columns[2]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_role (QuotesLexicon *lexicon, char **columns, guint n_columns,
          GError **error)
{
  if (n_columns < 2 || !*columns[1])
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "expected a role and its group separated by a tab");
      return FALSE;
    }
  QuotesWord *word = intern (lexicon, columns[0]);
  if (!read_gender (word, columns, n_columns, error))
    return FALSE;
  if (g_str_equal (columns[1], "title"))
    {
      word->classes |= QW_TITLE;
      return TRUE;
    }
  guint group;
  for (group = 1; group < lexicon->role_groups->len; group++)
    if (g_str_equal (g_ptr_array_index (lexicon->role_groups, group),
                     columns[1]))
      break;
  if (group == lexicon->role_groups->len)
    {
      if (group > G_MAXUINT8)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                       "too many role groups");
          return FALSE;
        }
      g_ptr_array_add (lexicon->role_groups, g_strdup (columns[1]));
    }
  word->classes |= QW_ROLE;
  word->role_group = group;
  return TRUE;
}

static gboolean
add_pronoun (QuotesLexicon *lexicon, char **columns, guint n_columns,
             GError **error)
{
  guint32 cls;
  if (n_columns > 1 && g_str_equal (columns[1], "person"))
    cls = QW_PRONOUN;
  else if (n_columns > 1 && g_str_equal (columns[1], "group"))
    cls = QW_GROUP;
  else
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "expected a pronoun, a tab and 'person' or 'group'");
      return FALSE;
    }
  QuotesWord *word = intern (lexicon, columns[0]);
  word->classes |= cls;
  return read_gender (word, columns, n_columns, error);
}

#define DEFINE_PLAIN(fn, cls)                                                  \
  static gboolean fn (QuotesLexicon *lexicon, char **columns, guint n_columns, \
                      GError **error)                                          \
  {                                                                            \
    (void)n_columns;                                                           \
    (void)error;                                                               \
    intern (lexicon, columns[0])->classes |= (cls);                            \
    return TRUE;                                                               \
  }

static const struct
{
  const char *name;
  guint32 cls;
} function_classes[] = {
  { "determiner", QW_DETERMINER },
  { "place", QW_PLACE },
  { "filler", QW_FILLER },
  { "np-end", QW_NP_END },
  { "clause-block", QW_CLAUSE_BLOCK },
  { "title-small", QW_TITLE_SMALL },
  { "object", QW_OBJECT },
  { "quantifier", QW_QUANTIFIER },
  { "time", QW_TIME },
  { "accusative", QW_ACCUSATIVE },
  { "finite", QW_FINITE },
};

static gboolean
add_function_word (QuotesLexicon *lexicon, char **columns, guint n_columns,
                   GError **error)
{
  for (guint i = 0; n_columns > 1 && i < G_N_ELEMENTS (function_classes); i++)
    if (g_str_equal (columns[1], function_classes[i].name))
      {
        intern (lexicon, columns[0])->classes |= function_classes[i].cls;
        return TRUE;
      }
  g_set_error (
      error, WEFT_ERROR, WEFT_ERROR_DATA,
      "expected a word, a tab and one of determiner, place, "
      "object, filler, np-end, clause-block, title-small, quantifier, time, "
      "accusative, finite");
  return FALSE;
}

DEFINE_PLAIN (add_demonym, QW_DEMONYM)
DEFINE_PLAIN (add_nonname, QW_NONNAME)
DEFINE_PLAIN (add_org, QW_ORG)

static void
cue_free (gpointer data)
{
  QuotesCue *cue = data;
  g_strfreev (cue->words);
  g_free (cue->word_lengths);
  g_free (cue->text);
  g_free (cue);
}

/* Groups cue indices by first word, longest cue first, so matching tries
 * "pointed out" before "pointed".  Each cue finds its first word by a
 * lookup (a scan of every cue for every cue word cost 3% of a 10 MB run). */
static void
index_cues (QuotesLexicon *lexicon)
{
  guint n_cues = lexicon->cues->len;
  QuotesWord **firsts = g_new0 (QuotesWord *, n_cues);
  for (guint c = 0; c < n_cues; c++)
    {
      const QuotesCue *cue = g_ptr_array_index (lexicon->cues, c);
      if (cue->n_words == 0 || cue->n_words > 8)
        continue;
      firsts[c] = (QuotesWord *)quotes_lexicon_lookup (lexicon, cue->words[0],
                                                       cue->word_lengths[0]);
      if (firsts[c])
        firsts[c]->cue_count++;
    }
  /* Each word's place, in slot order. */
  guint n = 0;
  for (guint s = 0; s <= lexicon->mask; s++)
    {
      const Slot *slot = &lexicon->slots[s];
      if (!slot->word)
        continue;
      QuotesWord *word = entry (lexicon, slot->id);
      if (!word->cue_count)
        continue;
      word->cue_first = n;
      n += word->cue_count;
      word->cue_count = 0;
    }
  g_array_set_size (lexicon->cue_index, n);
  for (guint words = 8; words > 0; words--)
    for (guint c = 0; c < n_cues; c++)
      {
        const QuotesCue *cue = g_ptr_array_index (lexicon->cues, c);
        if (cue->n_words != words || !firsts[c])
          continue;
        QuotesWord *word = firsts[c];
        g_array_index (lexicon->cue_index, guint16,
                       word->cue_first + word->cue_count++)
            = c;
      }
  g_free (firsts);
}

static guint8
filter_bit (const QuotesFilter *filter, guint bit)
{
  return (filter->bits[bit >> 6] >> (bit & 63)) & 1;
}

static guint8
length_bit (guint64 lengths, guint len)
{
  return (lengths >> len) & 1;
}

/* The words of eight letters or fewer by their filter bit (direct), the
 * first of each bit. */
static void
build_direct (QuotesLexicon *lexicon)
{
  for (guint s = 0; s <= lexicon->mask; s++)
    {
      const Slot *slot = &lexicon->slots[s];
      guint bit = slot->key >> 50;
      if (!slot->word || !slot->letters8 || slot->len > 8
          || lexicon->direct[bit])
        continue;
      lexicon->direct[bit] = slot->id;
      entry (lexicon, slot->id)->direct_key = slot->key;
      entry (lexicon, slot->id)->direct_len = slot->len;
    }
}

/* What a token of kind @kind (capitalized or not) and @len bytes may be
 * (QUOTES_SCAN_*): cues are matched in words only, a capitalized one only
 * if listed capitalized ("According to"); lexicon entries in words and
 * abbreviations; quote marks in punctuation and symbols. */
static guint8
kind_length_flags (const QuotesLexicon *lexicon, guint kind,
                   gboolean capitalized, guint len)
{
  const QuotesFilter *words = &lexicon->filter, *cues = &lexicon->cue_filter;
  switch (kind)
    {
    case WEFT_TOKEN_WORD:
      return (length_bit (words->lengths, len) * QUOTES_SCAN_WORD)
             | (capitalized
                    ? length_bit (cues->capital_lengths, len)
                              * QUOTES_SCAN_CUE_CAPITAL
                          | QUOTES_SCAN_CAPITAL
                    : length_bit (cues->lengths, len) * QUOTES_SCAN_CUE);
    case WEFT_TOKEN_ABBREV:
      return (length_bit (words->lengths, len) * QUOTES_SCAN_WORD)
             | (capitalized ? QUOTES_SCAN_CAPITAL : 0);
    case WEFT_TOKEN_URL:
      /* "Znak.com reported": a site names its publisher. */
      return capitalized ? QUOTES_SCAN_CAPITAL : 0;
    case WEFT_TOKEN_PUNCT:
    case WEFT_TOKEN_SYMBOL:
      return len == 1 ? QUOTES_SCAN_QUOTE : QUOTES_SCAN_PUNCT;
    default:
      return 0;
    }
}

/* The word and cue filters as one table (QuotesScanTable). */
static void
build_scan_table (QuotesLexicon *lexicon)
{
  QuotesScanTable *scan = &lexicon->scan;
  const QuotesFilter *words = &lexicon->filter, *cues = &lexicon->cue_filter;
  for (guint bit = 0; bit < G_N_ELEMENTS (scan->by_key); bit++)
    scan->by_key[bit] = (filter_bit (words, bit) * QUOTES_SCAN_WORD)
                        | (filter_bit (cues, bit)
                           * (QUOTES_SCAN_CUE | QUOTES_SCAN_CUE_CAPITAL))
                        | QUOTES_SCAN_PUNCT | QUOTES_SCAN_CAPITAL
                        | WEFT_TOKEN_NEWLINE_BEFORE
                        | WEFT_TOKEN_PARAGRAPH_BEFORE;
  /* No entry has 63 bytes (MAX_WORD): that length stands for longer ones. */
  G_STATIC_ASSERT (MAX_WORD < 63);
  G_STATIC_ASSERT (WEFT_TOKEN_N_KINDS <= 16);
  for (guint len = 0; len < 64; len++)
    {
      guint bytes = MIN (len, 8);
      /* quotes_word_key() of an empty word: the loaded bytes unmasked. */
      const guint64 lower = G_GUINT64_CONSTANT (0x2020202020202020);
      scan->key_mask[len]
          = (bytes ? G_MAXUINT64 >> (64 - 8 * bytes) : G_MAXUINT64) & ~lower;
      scan->key_add[len] = lower + len;
      for (guint kind = 0; kind < 16; kind++)
        for (guint flags = 0; flags < 32; flags += 2)
          scan->by_kind_length[QUOTES_SCAN_ROW (kind | flags << 8) + len]
              = kind_length_flags (lexicon, kind,
                                   (flags & WEFT_TOKEN_CAPITALIZED) != 0, len)
                | (flags
                   & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE));
    }
  /* The one-byte quote marks, by their key as the marks pass makes it. */
  static const char quote_bytes[] = { '"', '\'' };
  for (guint q = 0; q < G_N_ELEMENTS (quote_bytes); q++)
    scan->by_key[quotes_word_key (&quote_bytes[q], 1, 1) >> 50]
        |= QUOTES_SCAN_QUOTE;
}

QuotesLexicon *
quotes_lexicon_load (const char *dir, GError **error)
{
  QuotesLexicon *lexicon = g_new0 (QuotesLexicon, 1);
  lexicon->slots = g_new0 (Slot, 256);
  lexicon->mask = 255;
  lexicon->entries = g_array_sized_new (FALSE, TRUE, sizeof (QuotesWord), 256);
  g_array_set_size (lexicon->entries, 1);
  lexicon->cues = g_ptr_array_new_with_free_func (cue_free);
  lexicon->cue_index = g_array_new (FALSE, FALSE, sizeof (guint16));
  lexicon->role_groups = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (lexicon->role_groups, g_strdup (""));
  if (!read_list (lexicon, dir, "cues.txt", add_cue, error)
      || !read_list (lexicon, dir, "roles.txt", add_role, error)
      || !read_list (lexicon, dir, "pronouns.txt", add_pronoun, error)
      || !read_list (lexicon, dir, "demonyms.txt", add_demonym, error)
      || !read_list (lexicon, dir, "nonnames.txt", add_nonname, error)
      || !read_list (lexicon, dir, "organizations.txt", add_org, error)
      || !read_list (lexicon, dir, "function-words.txt", add_function_word,
                     error))
    {
      quotes_lexicon_free (lexicon);
      return NULL;
    }
  /* Documents keep ids as 16 bits (context.h, WordSlots). */
  if (lexicon->entries->len >= G_MAXUINT16)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA, "%s: too many words",
                   dir);
      quotes_lexicon_free (lexicon);
      return NULL;
    }
  if (lexicon->cues->len > G_MAXUINT16)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                   "%s/cues.txt: too many cues", dir);
      quotes_lexicon_free (lexicon);
      return NULL;
    }
  index_cues (lexicon);
  for (guint s = 0; s <= lexicon->mask; s++)
    {
      const Slot *slot = &lexicon->slots[s];
      if (!slot->word || !(entry (lexicon, slot->id)->classes & QW_ROLE))
        continue;
      quotes_filter_add (&lexicon->role_filter, slot->key, slot->len);
    }
  build_scan_table (lexicon);
  build_direct (lexicon);
  return lexicon;
}

void
quotes_lexicon_free (QuotesLexicon *lexicon)
{
  if (!lexicon)
    return;
  for (guint i = 0; i <= lexicon->mask; i++)
    g_free (lexicon->slots[i].word);
  g_free (lexicon->slots);
  g_array_unref (lexicon->entries);
  g_ptr_array_unref (lexicon->cues);
  g_array_unref (lexicon->cue_index);
  g_ptr_array_unref (lexicon->role_groups);
  g_free (lexicon);
}

const QuotesCue *
quotes_lexicon_get_cue (const QuotesLexicon *lexicon, const QuotesWord *word,
                        guint i)
{
  g_return_val_if_fail (i < word->cue_count, NULL);
  guint16 index
      = g_array_index (lexicon->cue_index, guint16, word->cue_first + i);
  return g_ptr_array_index (lexicon->cues, index);
}

guint
quotes_lexicon_get_n_role_groups (const QuotesLexicon *lexicon)
{
  return lexicon->role_groups->len;
}

const char *
quotes_lexicon_get_role_group (const QuotesLexicon *lexicon, guint group)
{
  g_return_val_if_fail (group < lexicon->role_groups->len, "");
  return g_ptr_array_index (lexicon->role_groups, group);
}

const QuotesFilter *
quotes_lexicon_get_cue_filter (const QuotesLexicon *lexicon)
{
  return &lexicon->cue_filter;
}

const QuotesFilter *
quotes_lexicon_get_filter (const QuotesLexicon *lexicon)
{
  return &lexicon->filter;
}

const QuotesScanTable *
quotes_lexicon_get_scan_table (const QuotesLexicon *lexicon)
{
  return &lexicon->scan;
}

const QuotesFilter *
quotes_lexicon_get_role_filter (const QuotesLexicon *lexicon)
{
  return &lexicon->role_filter;
}
