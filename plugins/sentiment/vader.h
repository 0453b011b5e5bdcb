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

/* Scores @len bytes of valid UTF-8 at @text.  Scratch memory comes from
 * @arena's arena (no other allocation); @lexicon is only read, so several
 * threads may score at once with different arenas. */
void vader_score (const VaderLexicon *lexicon, const char *text, gsize len,
                  WeftDoc *arena, VaderScores *out);

/* Python's round(@x, @digits): correctly rounded, ties to even. */
double vader_round (double x, int digits);
