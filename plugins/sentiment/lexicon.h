/* sentiment — VADER's tables: the valence lexicon (with further lexicons
 * layered on top), the emoji lexicon, the negation, booster and special-case
 * lists and the rule constants.  Built once at init, read-only afterwards. */
#pragma once

#include <glib.h>

/* What a (lower-case) word or phrase is to the rules; one lookup per word. */
enum
{
  VADER_IN_LEXICON = 1 << 0, /* has a valence */
  VADER_BOOSTER = 1 << 1,    /* booster or dampener */
  VADER_NEGATION = 1 << 2,   /* in the negation list */
  VADER_SPECIAL = 1 << 3,    /* a special-case phrase ("the shit") */
};

typedef struct
{
  double valence;
  double booster;
  double special;
  guint flags;
} VaderEntry;

/* The constants of constants.txt, named as there. */
typedef struct
{
  double caps_increment;
  double negation_scalar;
  double booster_decay_2;
  double booster_decay_3;
  double never_so_scalar;
  double but_before;
  double but_after;
  double exclamation_weight;
  double exclamation_max;
  double question_weight;
  double question_max;
  double alpha;
} VaderConstants;

typedef struct _VaderLexicon VaderLexicon;

/* Where each table comes from; every path is required except @extra. */
typedef struct
{
  const char *lexicon;       /* VADER format */
  const char *const *extra;  /* layered in order, later overriding earlier;
                                NULL-terminated, may be NULL */
  double plain_scale;        /* multiplies word<TAB>score lexicons */
  const char *emoji;         /* emoji<TAB>description */
  const char *negations;     /* one word a line */
  const char *boosters;      /* word or phrase<TAB>scalar */
  const char *special_cases; /* phrase<TAB>valence */
  const char *constants;     /* name<TAB>value */
} VaderLexiconFiles;

/* Returns: (transfer full) the tables, or NULL with a WEFT_ERROR_DATA (bad
 * line: "FILE:LINE: cause") or WEFT_ERROR_IO error. */
VaderLexicon *vader_lexicon_new (const VaderLexiconFiles *files,
                                 GError **error);
void vader_lexicon_free (VaderLexicon *lexicon);

/* Borrowed; the entry for @word (lower case, NUL-terminated) or NULL. */
const VaderEntry *vader_lexicon_lookup (const VaderLexicon *lexicon,
                                        const char *word);
/* Borrowed; the description replacing emoji @c, or NULL. */
const char *vader_lexicon_emoji (const VaderLexicon *lexicon, gunichar c);
/* Borrowed. */
const VaderConstants *vader_lexicon_constants (const VaderLexicon *lexicon);
/* The longest phrase key, in bytes: longer n-grams need no lookup. */
gsize vader_lexicon_max_phrase (const VaderLexicon *lexicon);
/* Number of words with a valence. */
guint vader_lexicon_size (const VaderLexicon *lexicon);
