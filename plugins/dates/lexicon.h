/* dates — the word lexicon: month and weekday names, number words, units
 * and cue words, read once from the plugin's data files into a hash table
 * that the matcher consults for every word. */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* Calendar and clock units (units.txt). */
typedef enum
{
  U_NONE = 0,
  U_Y,
  U_M,
  U_W,
  U_D,
  U_H,
  U_MIN,
  U_S,
  U_DE,
  U_CE,
  U_Q,
  U_HALF,
  U_WE,
  U_FN,
  U_N
} DateUnit;

/* Cue classes (cues.txt). */
typedef enum
{
  C_NONE = 0,
  C_DEICTIC,
  C_REL,
  C_AGO,
  C_ANCHOR,
  C_POS,
  C_APPROX,
  C_SEASON,
  C_POD,
  C_SETADV,
  C_EVERY,
  C_FEW,
  C_TO,
  C_UNTIL,
  C_BETWEEN,
  C_AND,
  C_FROM,
  C_IN,
  C_ON,
  C_AT,
  C_OF,
  C_THE,
  C_SINCE,
  C_SAME,
  C_FOR,
  C_WITHIN,
  C_PAST,
  C_AMPM,
  C_NOON,
  C_MIDNIGHT,
  C_ERA,
  C_TZ,
  C_Q,
  C_H,
  C_HALF,
  C_FUTURE,
  C_PRESENT,
  C_PERIOD,
  C_TENSE,
  C_BY,
  C_WORKDAY,
  C_CLOCK,
  C_AUX,
  C_FINAL, /* "final": a year's last quarter or half */
  C_TERM,  /* "term", and TERMADJ "near", "long", "short" before it */
  C_TERMADJ,
  C_N
} CueClass;

/* Symbolic cue values. */
enum
{
  V_TODAY = 1,
  V_YESTERDAY,
  V_TOMORROW,
  V_TONIGHT,
  V_PRESENT_REF,
  V_PAST_REF,
  V_FUTURE_REF,
};
enum
{
  V_LAST = -1,
  V_THIS = 0,
  V_NEXT = 1
};
enum
{
  V_BEFORE = -1,
  V_AFTER = 1
};
enum
{
  V_EARLY = 1,
  V_MID,
  V_LATE
};
enum
{
  V_APPROX = 1,
  V_LESS,
  V_MORE
};
enum
{
  V_AM = 1,
  V_PM
};
enum
{
  V_BC = 1,
  V_AD,
  V_BE
};

/* A holiday (holidays.txt): the words of its name, lower case, without
 * apostrophes and periods ("new year s day"), and its date: a fixed
 * month and day, the nth weekday of a month (n = -1 the last), or days
 * from Easter Sunday. */
typedef enum
{
  HOL_FIXED = 0,
  HOL_NTH_WEEKDAY,
  HOL_EASTER
} HolidayKind;

typedef struct _Holiday Holiday;
struct _Holiday
{
  const char *words[8];
  guint8 n_words;
  guint8 kind;         /* HolidayKind */
  int8_t month;        /* FIXED, NTH_WEEKDAY */
  int8_t day;          /* FIXED */
  int8_t weekday, nth; /* NTH_WEEKDAY */
  int16_t easter_offset;
  const Holiday *next; /* the next holiday whose name starts with the same
                          word, longest first */
};

/* What one word can be; a word may be several things ("may", "sun"). */
typedef struct
{
  int8_t month;   /* 1-12, 0 none */
  int8_t weekday; /* 1-7 (Monday 1), 0 none */
  int8_t weekday_plural;
  int8_t unit; /* DateUnit */
  int16_t num; /* number word value, -1 none */
  int8_t ordinal;
  uint8_t cue; /* CueClass */
  int16_t cue_val;
  uint8_t holiday_last; /* the last word of a holiday's name */
  uint8_t holiday_word; /* a word of a holiday's name */
  uint8_t name_only;    /* … and nothing else ("new", "good") */
  uint8_t trigger;      /* TRIGGER_* */
  uint8_t may_start;    /* a meaning the matcher starts expressions at */
  /* the pointers last: what the scan and the matcher read of every word
   * is in its first 16 bytes, and an entry is 32 */
  const char *cue_str;    /* a TIMEX3 value for SETADV, else NULL */
  const Holiday *holiday; /* holidays whose name starts with this word */
} LexEntry;

/* Whether a word can be the heart of an expression, so that the matcher
 * has to look at the words around it.  Function words ("the", "of", "in")
 * and modifiers ("about", "early", "last") never are: an expression always
 * holds a trigger besides them. */
enum
{
  TRIGGER_NO = 0,
  TRIGGER_ALWAYS,
  TRIGGER_CAPITALISED /* "May", "Sat": only capitalised */
};

typedef struct _Lexicon Lexicon;

/* Reads months.txt, weekdays.txt, numbers.txt, units.txt, cues.txt and
 * holidays.txt from @dir.  Returns: (transfer full) or NULL with
 * WEFT_ERROR_DATA naming file:line. */
Lexicon *lexicon_load (const char *dir, GError **error);
void lexicon_free (Lexicon *lex);
/* For the loaders: the entry of @word (lower case), added when new, or
 * NULL when the table is full; a string or block kept as long as @lex. */
LexEntry *lexicon_add_word (Lexicon *lex, const char *word);
const char *lexicon_keep_string (Lexicon *lex, const char *s);
gpointer lexicon_keep (Lexicon *lex, gsize size);
/* holidays.c: reads holidays.txt into @lex. */
gboolean holidays_load (Lexicon *lex, const char *dir, GError **error);

/* The entry for the lower-case word @word of @len bytes, or NULL.
 * Borrowed from @lex. */
const LexEntry *lexicon_lookup (const Lexicon *lex, const char *word,
                                gsize len);
/* The lookups on the path of every token.  A byte per hash of a word's
 * first eight bytes (case folded, zero-padded), set for every trigger
 * word, so that most words are rejected with one load (a byte, not a
 * bit: 16 KB, and no shift to find the bit); never wrong
 * about a word of letters only up to TRIGGER_MAX_LEN bytes that it
 * rejects.  And the words of up to 16 bytes in an open-addressing index
 * of 2-byte slots (an empty slot rejects a word that is in no list), each
 * slot naming a key to compare and its entry. */
#define TRIGGER_MAX_LEN 16
#define TENSE_MAX_LEN 10
#define FILTER_BITS 14
#define WORD_INDEX_BITS 12
typedef struct
{
  guint64 key[2]; /* lower case, zero-padded */
  guint32 len;
  const LexEntry *entry;
} ShortWord;

typedef struct
{
  guint8 trigger[1 << FILTER_BITS];        /* 1 for a trigger word's hash */
  guint16 word_slot[1 << WORD_INDEX_BITS]; /* 1 + index into words, 0 empty */
  ShortWord *words;
  /* tense words (cues.txt) by length and first letter: a bit per last
   * letter, letters taken as (c | 0x20) & 31 */
  guint32 tense_ends[TENSE_MAX_LEN + 1][32];
} TriggerFilter;

/* The slot a word of up to 16 bytes hashes to. */
static inline guint
word_index_hash (guint64 k0, guint64 k1, gsize len)
{
  guint64 h = (k0 ^ (k1 * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^ len)
              * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  return (guint)(h >> (64 - WORD_INDEX_BITS));
}

/* The entry of the word of @len <= 16 bytes packed lower case and
 * zero-padded into @k0 and @k1, or NULL. */
static inline const LexEntry *
word_index_find (const TriggerFilter *f, guint64 k0, guint64 k1, gsize len)
{
  const guint mask = (1 << WORD_INDEX_BITS) - 1;
  for (guint i = word_index_hash (k0, k1, len);; i = (i + 1) & mask)
    {
      guint slot = f->word_slot[i];
      if (!slot)
        return NULL;
      const ShortWord *w = &f->words[slot - 1];
      if (w->key[0] == k0 && w->key[1] == k1 && w->len == len)
        return w->entry;
    }
}

static inline gboolean
filter_test (const guint8 *bits, guint h)
{
  return bits[h];
}

static inline void
filter_set (guint8 *bits, guint h)
{
  bits[h] = 1;
}

/* Bit 5 of every byte, cleared to fold the case of letters. */
#define TRIGGER_FOLD G_GUINT64_CONSTANT (0xDFDFDFDFDFDFDFDF)

/* The trigger filter's hash of a word's first eight bytes @x, zero-padded
 * past its length and folded (& TRIGGER_FOLD), so that the scan over every
 * token needs one load, one AND (its length's mask, folding included) and
 * one multiply for it. */
static inline guint
trigger_hash_folded (guint64 x)
{
  return (guint)((x * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD))
                 >> (64 - FILTER_BITS));
}

/* The same of unfolded bytes. */
static inline guint
trigger_hash (guint64 x)
{
  return trigger_hash_folded (x & TRIGGER_FOLD);
}

/* Whether the word of @len bytes at @w may be a trigger (@len >= 1), read
 * without going past them. */
static inline gboolean
trigger_filter_maybe (const TriggerFilter *f, const guint8 *w, gsize len)
{
  if (len > TRIGGER_MAX_LEN)
    return FALSE;
  union
  {
    guint64 k;
    guint8 b[8];
  } u = { 0 };
  memcpy (u.b, w, MIN (len, 8));
  return filter_test (f->trigger, trigger_hash (u.k));
}

/* Whether the @len bytes at @w may be a tense word (TENSE in cues.txt),
 * read without going past them: never FALSE for one, whatever its case. */
static inline gboolean
tense_word_maybe (const TriggerFilter *f, const guint8 *w, gsize len)
{
  return len >= 1 && len <= TENSE_MAX_LEN
         && (f->tense_ends[len][(w[0] | 0x20) & 31]
             >> ((w[len - 1] | 0x20) & 31) & 1);
}

/* Whether a word with entry @e (may be NULL) is a trigger; @cap: the word
 * is capitalised. */
static inline gboolean
lex_is_trigger (const LexEntry *e, gboolean cap)
{
  return e
         && (e->trigger == TRIGGER_ALWAYS
             || (e->trigger == TRIGGER_CAPITALISED && cap));
}

/* Borrowed from @lex. */
const TriggerFilter *lexicon_get_filter (const Lexicon *lex);
/* Whether the word of @len ASCII letters (any case) at @word is a trigger
 * (after the filter said it may be). */
gboolean lexicon_is_trigger (const Lexicon *lex, const guint8 *word, gsize len);
