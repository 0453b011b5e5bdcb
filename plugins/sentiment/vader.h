/* sentiment — the VADER scorer: a pure function from a UTF-8 string to
 * VADER's four scores, reproducing vaderSentiment 3.3.2's
 * polarity_scores(). */
#pragma once

#include <weft/doc.h>

#include "lexicon.h"

typedef struct
{
  double compound; /* rounded to 4 decimals, as the reference */
  double pos;      /* rounded to 3 decimals */
  double neu;
  double neg;
} VaderScores;

typedef struct _VaderWord VaderWord;

/* A text split into VADER's words once, so that the whole text and spans of
 * it (sentences, quotes) are scored without splitting again.  Lives in the
 * arena of the document given to vader_text_init(). */
typedef struct
{
  const VaderLexicon *lexicon;
  WeftDoc *arena;
  const char *text; /* as given */
  gsize len;
  const char *words_text; /* what the words were split from: @text, or a
                             copy with emoji replaced by descriptions */
  gsize words_len;
  const VaderWord *words; /* n_words, then one holding the totals */
  guint n_words;
  const guint32 *hits; /* the words with a valence or "but", ascending */
  guint n_hits;
  double *values;   /* scratch: room for n_hits valences */
  guint32 *indices; /* and their word indices */
  guint next;       /* the word after the last span scored */
  guint next_hit;   /* the first hit at or after it */
} VaderText;

/* Splits @len bytes of valid UTF-8 at @text into words; @text must stay
 * valid while @t is used.  Memory comes from @arena's arena. */
void vader_text_init (VaderText *t, const VaderLexicon *lexicon,
                      const char *text, gsize len, WeftDoc *arena);

/* Scores bytes [@start, @end) of @t's text (on character boundaries) as
 * vader_score() scores them alone: the words already split are reused when
 * no word crosses @start or @end and no emoji was replaced, else the span
 * is split again.  Not thread-safe for one @t (uses its scratch). */
void vader_text_score (VaderText *t, gsize start, gsize end, VaderScores *out);

/* Scores @len bytes of valid UTF-8 at @text.  Scratch memory comes from
 * @arena's arena (no other allocation); @lexicon is only read, so several
 * threads may score at once with different arenas. */
void vader_score (const VaderLexicon *lexicon, const char *text, gsize len,
                  WeftDoc *arena, VaderScores *out);

/* Python's round(@x, @digits): correctly rounded, ties to even. */
double vader_round (double x, int digits);
