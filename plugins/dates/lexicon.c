/* dates — loading the word lists into one table.  Each data file gives a
 * word and what it means; a word found in several files collects all of its
 * meanings in one entry, so the matcher does a single lookup per word.  The
 * table is open addressing over words packed into three 64-bit keys (a
 * multiply to hash, three compares to match): lookups are the hot path. */
#include "lexicon.h"

#include <string.h>

#include "weft/plugin.h"

#define MAX_WORD 24
#define N_SLOTS 1024 /* at most N_SLOTS / 2 words */

typedef struct
{
  union
  {
    guint64 key[3]; /* the word's bytes, zero-padded */
    char word[MAX_WORD];
  };
  guint32 len;
  guint32 entry; /* index into entries */
} Slot;

struct _Lexicon
{
  Slot *slots;
  LexEntry *entries;
  guint mask;
  guint n;
  GStringChunk *strings;
  GPtrArray *kept;
  TriggerFilter filter;
};

/* Packs @len <= MAX_WORD bytes into @key, ASCII letters lower-cased. */
static inline void
pack_key (const char *word, gsize len, guint64 key[3])
{
  union
  {
    guint64 k[3];
    guint8 b[MAX_WORD];
  } u = { { 0, 0, 0 } };
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = (guint8)word[i];
      u.b[i] = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
    }
  key[0] = u.k[0];
  key[1] = u.k[1];
  key[2] = u.k[2];
}

static inline guint
hash_key (const guint64 key[3], gsize len)
{
  guint64 h = (key[0] ^ (key[1] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
               ^ (key[2] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)) ^ len)
              * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  return (guint)(h >> 40);
}

static Slot *
find_slot (const Lexicon *lex, const guint64 key[3], gsize len)
{
  guint i = hash_key (key, len) & lex->mask;
  for (;;)
    {
      Slot *s = &lex->slots[i];
      if (s->len == 0
          || (s->len == len && s->key[0] == key[0] && s->key[1] == key[1]
              && s->key[2] == key[2]))
        return s;
      i = (i + 1) & lex->mask;
    }
}

const LexEntry *
lexicon_lookup (const Lexicon *lex, const char *word, gsize len)
{
  if (len == 0 || len > MAX_WORD)
    return NULL;
  guint64 key[3];
  pack_key (word, len, key);
  Slot *s = find_slot (lex, key, len);
  return s->len ? &lex->entries[s->entry] : NULL;
}

const TriggerFilter *
lexicon_get_filter (const Lexicon *lex)
{
  return &lex->filter;
}

gboolean
lexicon_is_trigger (const Lexicon *lex, const guint8 *word, gsize len)
{
  if (len > TRIGGER_MAX_LEN)
    return FALSE;
  return lex_is_trigger (lexicon_lookup (lex, (const char *)word, len),
                         word[0] <= 'Z');
}

/* Which meanings make a word a trigger (see lexicon.h). */
static int
trigger_of (const Slot *s, const LexEntry *e)
{
  int t = TRIGGER_NO;
  switch (e->cue)
    {
    case C_DEICTIC:
    case C_SEASON:
    case C_SETADV:
    case C_PAST:
    case C_FUTURE:
    case C_NOON:
    case C_MIDNIGHT:
    case C_POD:
    case C_WORKDAY:
    case C_TERM:
      return TRIGGER_ALWAYS;
    default:
      break;
    }
  if ((e->num >= 0 && !(e->num == 1 && s->len <= 2)) || (e->unit && s->len > 2)
      || e->weekday_plural)
    return TRIGGER_ALWAYS;
  if (e->month)
    t = e->month == 5 || s->len <= 3 ? TRIGGER_CAPITALISED : TRIGGER_ALWAYS;
  if (e->weekday && t != TRIGGER_ALWAYS)
    t = s->len <= 4 ? TRIGGER_CAPITALISED : TRIGGER_ALWAYS;
  if (!t && e->holiday_last)
    t = TRIGGER_CAPITALISED; /* "Christmas", "Halloween" */
  return t;
}

/* Puts the word of slot @s (16 bytes or less) into the short-word index
 * as its @n'th word: at most N_SLOTS / 2 words in 1 << WORD_INDEX_BITS
 * slots, so that there is always an empty one. */
static void
index_short_word (TriggerFilter *f, guint n, const Slot *s, const LexEntry *e)
{
  const guint mask = (1 << WORD_INDEX_BITS) - 1;
  ShortWord *w = &f->words[n];
  w->key[0] = s->key[0];
  w->key[1] = s->key[1];
  w->len = s->len;
  w->entry = e;
  guint i = word_index_hash (s->key[0], s->key[1], s->len);
  while (f->word_slot[i])
    i = (i + 1) & mask;
  f->word_slot[i] = n + 1;
}

/* Whether the matcher may start an expression at a word with entry @e
 * (can_start's first test): a number word, a month, weekday, unit or
 * holiday, "the", or a cue that begins expressions ("last", "early",
 * "about", "every"…). */
static gboolean
may_start (const LexEntry *e)
{
  if (e->month || e->weekday || e->unit || e->holiday || e->num >= 0)
    return TRUE;
  switch (e->cue)
    {
    case C_DEICTIC:
    case C_REL:
    case C_POS:
    case C_APPROX:
    case C_SEASON:
    case C_SETADV:
    case C_EVERY:
    case C_FEW:
    case C_THE:
    case C_PAST:
    case C_NOON:
    case C_MIDNIGHT:
    case C_Q:
    case C_H:
    case C_HALF:
    case C_SAME:
    case C_FINAL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The atomizer relies on triggers being three letters or more. */
static void
index_triggers (Lexicon *lex)
{
  for (guint i = 0; i < lex->n; i++)
    {
      LexEntry *e = &lex->entries[i];
      e->name_only = e->holiday_word && !e->month && !e->weekday && !e->unit
                     && e->num < 0 && !e->cue;
      e->may_start = may_start (e);
    }
  lex->filter.words = g_new0 (ShortWord, lex->n);
  guint n_words = 0;
  for (guint i = 0; i <= lex->mask; i++)
    {
      Slot *s = &lex->slots[i];
      LexEntry *e = &lex->entries[s->entry];
      if (!s->len)
        continue;
      /* a unit of one or two letters and nothing else ("s", "d", "hr")
       * starts no expression: such a unit is read only after a number
       * (unit_at), and no rule starts at one */
      if (s->len <= 2 && e->unit && !e->month && !e->weekday
          && !e->weekday_plural && !e->holiday && e->num < 0 && !e->cue)
        e->may_start = FALSE;
      if (s->len <= 16)
        index_short_word (&lex->filter, n_words++, s, e);
      if (s->len < 3 || !(e->trigger = trigger_of (s, e)))
        continue;
      gboolean letters = TRUE;
      for (guint k = 0; k < s->len; k++)
        letters = letters && s->word[k] >= 'a' && s->word[k] <= 'z';
      if (!letters || s->len > TRIGGER_MAX_LEN)
        continue; /* the atomizer never looks such a word up as a trigger */
      filter_set (lex->filter.trigger, trigger_hash (s->key[0]));
    }
  /* single digits pass the filter as trigger words do, so that the scan
   * over the tokens needs no test of its own for them */
  for (guint64 d = '0'; d <= '9'; d++)
    {
      filter_set (lex->filter.trigger, trigger_hash (d));
    }
}

/* The tense words by length, first and last letter (tense_word_maybe). */
static void
index_tense_words (Lexicon *lex)
{
  for (guint i = 0; i <= lex->mask; i++)
    {
      Slot *s = &lex->slots[i];
      if (s->len && s->len <= TENSE_MAX_LEN
          && lex->entries[s->entry].cue == C_TENSE)
        lex->filter.tense_ends[s->len][(s->word[0] | 0x20) & 31]
            |= 1u << ((s->word[s->len - 1] | 0x20) & 31);
    }
}

static LexEntry *add_word (Lexicon *lex, const char *word);

LexEntry *
lexicon_add_word (Lexicon *lex, const char *word)
{
  if ((lex->n + 1) * 2 > lex->mask || strlen (word) > MAX_WORD)
    return NULL;
  return add_word (lex, word);
}

const char *
lexicon_keep_string (Lexicon *lex, const char *s)
{
  return g_string_chunk_insert_const (lex->strings, s);
}

gpointer
lexicon_keep (Lexicon *lex, gsize size)
{
  gpointer p = g_malloc0 (size);
  g_ptr_array_add (lex->kept, p);
  return p;
}

static LexEntry *
add_word (Lexicon *lex, const char *word)
{
  gsize len = strlen (word);
  guint64 key[3];
  pack_key (word, len, key);
  Slot *s = find_slot (lex, key, len);
  if (s->len == 0)
    {
      memcpy (s->key, key, sizeof key);
      s->len = len;
      s->entry = lex->n++;
      lex->entries[s->entry].num = -1;
    }
  return &lex->entries[s->entry];
}

typedef struct
{
  const char *name;
  int value;
} Symbol;

static const Symbol unit_symbols[]
    = { { "Y", U_Y },   { "M", U_M },     { "W", U_W },       { "D", U_D },
        { "H", U_H },   { "MIN", U_MIN }, { "S", U_S },       { "DE", U_DE },
        { "CE", U_CE }, { "Q", U_Q },     { "HALF", U_HALF }, { "WE", U_WE },
        { "FN", U_FN }, { NULL, 0 } };

static const Symbol cue_symbols[] = { { "DEICTIC", C_DEICTIC },
                                      { "REL", C_REL },
                                      { "AGO", C_AGO },
                                      { "ANCHOR", C_ANCHOR },
                                      { "POS", C_POS },
                                      { "APPROX", C_APPROX },
                                      { "SEASON", C_SEASON },
                                      { "POD", C_POD },
                                      { "SETADV", C_SETADV },
                                      { "EVERY", C_EVERY },
                                      { "FEW", C_FEW },
                                      { "TO", C_TO },
                                      { "UNTIL", C_UNTIL },
                                      { "BETWEEN", C_BETWEEN },
                                      { "AND", C_AND },
                                      { "FROM", C_FROM },
                                      { "IN", C_IN },
                                      { "ON", C_ON },
                                      { "AT", C_AT },
                                      { "OF", C_OF },
                                      { "THE", C_THE },
                                      { "SINCE", C_SINCE },
                                      { "SAME", C_SAME },
                                      { "FOR", C_FOR },
                                      { "WITHIN", C_WITHIN },
                                      { "PAST", C_PAST },
                                      { "AMPM", C_AMPM },
                                      { "NOON", C_NOON },
                                      { "MIDNIGHT", C_MIDNIGHT },
                                      { "ERA", C_ERA },
                                      { "TZ", C_TZ },
                                      { "Q", C_Q },
                                      { "H", C_H },
                                      { "HALF", C_HALF },
                                      { "FUTURE", C_FUTURE },
                                      { "PRESENT", C_PRESENT },
                                      { "PERIOD", C_PERIOD },
                                      { "FINAL", C_FINAL },
                                      { "TENSE", C_TENSE },
                                      { "BY", C_BY },
                                      { "WORKDAY", C_WORKDAY },
                                      { "CLOCK", C_CLOCK },
                                      { "AUX", C_AUX },
                                      { "TERM", C_TERM },
                                      { "TERMADJ", C_TERMADJ },
                                      { NULL, 0 } };

/* Symbolic values of cue words; anything else must be an integer. */
static const Symbol value_symbols[] = { { "today", V_TODAY },
                                        { "yesterday", V_YESTERDAY },
                                        { "tomorrow", V_TOMORROW },
                                        { "tonight", V_TONIGHT },
                                        { "PRESENT_REF", V_PRESENT_REF },
                                        { "PAST_REF", V_PAST_REF },
                                        { "FUTURE_REF", V_FUTURE_REF },
                                        { "LAST", V_LAST },
                                        { "THIS", V_THIS },
                                        { "NEXT", V_NEXT },
                                        { "BEFORE", V_BEFORE },
                                        { "AFTER", V_AFTER },
                                        { "EARLY", V_EARLY },
                                        { "MID", V_MID },
                                        { "LATE", V_LATE },
                                        { "APPROX", V_APPROX },
                                        { "LESS", V_LESS },
                                        { "MORE", V_MORE },
                                        { "SP", 1 },
                                        { "SU", 2 },
                                        { "FA", 3 },
                                        { "WI", 4 },
                                        { "MO", 1 },
                                        { "AF", 2 },
                                        { "EV", 3 },
                                        { "NI", 4 },
                                        { "AM", V_AM },
                                        { "PM", V_PM },
                                        { "BC", V_BC },
                                        { "AD", V_AD },
                                        { "BE", V_BE },
                                        { "PAST", -1 },
                                        { "FUTURE", 1 },
                                        { NULL, 0 } };

static gboolean
symbol_value (const Symbol *table, const char *name, int *value)
{
  for (const Symbol *s = table; s->name; s++)
    if (strcmp (s->name, name) == 0)
      {
        *value = s->value;
        return TRUE;
      }
  return FALSE;
}

typedef enum
{
  F_MONTHS,
  F_WEEKDAYS,
  F_NUMBERS,
  F_UNITS,
  F_CUES
} FileKind;

static gboolean
parse_int (const char *s, int lo, int hi, int *out)
{
  char *end;
  gint64 v = g_ascii_strtoll (s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < lo || v > hi)
    return FALSE;
  *out = (int)v;
  return TRUE;
}

/* One line split on whitespace into at most 3 fields; FALSE with a cause
 * in *why when it does not fit @kind. */
static gboolean
apply_line (Lexicon *lex, FileKind kind, char **f, int nf, const char **why)
{
  int v;
  if (nf < 2 && kind != F_CUES)
    return (*why = "expected WORD VALUE", FALSE);
  if (strlen (f[0]) > MAX_WORD)
    return (*why = "word longer than 24 bytes", FALSE);
  for (const char *p = f[0]; *p; p++)
    if (g_ascii_isupper (*p))
      return (*why = "words must be lower case", FALSE);
  LexEntry *e = add_word (lex, f[0]);
  switch (kind)
    {
    case F_MONTHS:
      if (!parse_int (f[1], 1, 12, &v))
        return (*why = "month must be 1-12", FALSE);
      e->month = v;
      return TRUE;
    case F_WEEKDAYS:
      if (!parse_int (f[1], 1, 7, &v))
        return (*why = "weekday must be 1-7", FALSE);
      e->weekday = v;
      e->weekday_plural = nf > 2 && strcmp (f[2], "plural") == 0;
      return TRUE;
    case F_NUMBERS:
      if (!parse_int (f[1], 0, 10000, &v))
        return (*why = "value must be an integer 0-10000", FALSE);
      e->num = v;
      e->ordinal = nf > 2 && strcmp (f[2], "ordinal") == 0;
      return TRUE;
    case F_UNITS:
      if (!symbol_value (unit_symbols, f[1], &v))
        return (*why = "unknown unit (Y M W D H MIN S DE CE Q HALF WE FN)",
                FALSE);
      e->unit = v;
      return TRUE;
    case F_CUES:
      if (nf < 2 || !symbol_value (cue_symbols, f[1], &v))
        return (*why = "unknown cue class", FALSE);
      if (e->cue && e->cue != v)
        return (*why = "word listed twice with different cue classes", FALSE);
      e->cue = v;
      if (nf > 2)
        {
          if (v == C_SETADV)
            e->cue_str = g_string_chunk_insert (lex->strings, f[2]);
          else if (!symbol_value (value_symbols, f[2], &v)
                   && !parse_int (f[2], -1000, 1000, &v))
            return (*why = "unknown cue value", FALSE);
          e->cue_val = v;
        }
      return TRUE;
    }
  return TRUE;
}

typedef struct
{
  Lexicon *lex;
  FileKind kind;
} LoadLine;

/* One line of a word list: up to three fields split on blanks. */
static gboolean
load_line (char *line, gpointer user_data, GError **error)
{
  LoadLine *ll = user_data;
  char *f[4];
  int nf = 0;
  for (char *tok = strtok (line, " \t\r"); tok && nf < 4;
       tok = strtok (NULL, " \t\r"))
    f[nf++] = tok;
  const char *why = NULL;
  if ((ll->lex->n + 1) * 2 > ll->lex->mask)
    why = "too many words";
  else if (nf > 3)
    why = "too many fields";
  else
    apply_line (ll->lex, ll->kind, f, nf, &why);
  if (why)
    g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_DATA, why);
  return why == NULL;
}

static gboolean
load_file (Lexicon *lex, const char *dir, const char *name, FileKind kind,
           GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  LoadLine ll = { lex, kind };
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_HASH_COMMENTS,
                                      load_line, &ll, error);
}

Lexicon *
lexicon_load (const char *dir, GError **error)
{
  static const struct
  {
    const char *name;
    FileKind kind;
  } files[] = { { "months.txt", F_MONTHS },
                { "weekdays.txt", F_WEEKDAYS },
                { "numbers.txt", F_NUMBERS },
                { "units.txt", F_UNITS },
                { "cues.txt", F_CUES } };
  Lexicon *lex = g_new0 (Lexicon, 1);
  lex->mask = N_SLOTS - 1;
  lex->slots = g_new0 (Slot, N_SLOTS);
  lex->entries = g_new0 (LexEntry, N_SLOTS / 2);
  lex->strings = g_string_chunk_new (256);
  lex->kept = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    if (!load_file (lex, dir, files[i].name, files[i].kind, error))
      {
        lexicon_free (lex);
        return NULL;
      }
  if (!holidays_load (lex, dir, error))
    {
      lexicon_free (lex);
      return NULL;
    }
  index_triggers (lex);
  index_tense_words (lex);
  return lex;
}

void
lexicon_free (Lexicon *lex)
{
  if (!lex)
    return;
  g_free (lex->slots);
  g_free (lex->entries);
  g_free (lex->filter.words);
  g_string_chunk_free (lex->strings);
  g_ptr_array_free (lex->kept, TRUE);
  g_free (lex);
}
