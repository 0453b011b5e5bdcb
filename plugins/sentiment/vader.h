/* sentiment — the VADER scorer: a pure function from a UTF-8 string to
 * VADER's four scores, reproducing vaderSentiment 3.3.2's
 * polarity_scores(). */
#pragma once

#include <weft/doc.h>

#include "but.h"
#include "lexicon.h"

typedef struct
{
  double compound; /* rounded to 4 decimals, as the reference */
  double pos;      /* rounded to 3 decimals */
  double neu;
  double neg;
} VaderScores;

typedef struct _VaderWord VaderWord;

/* Words split so far (words.h). */
typedef struct
{
  VaderWord *words;
  guint n, cap;
  guint32 uppers; /* words in capitals split so far */
  /* The numbers of the words with a valence or "but", in order, noted as
   * their lookups find them: the whole text's rules visit only these. */
  guint32 *scored;
  guint n_scored, scored_cap;
} VaderWords;

/* A text scored in one pass: its words are split a few kilobytes at a
 * time into a window that spans (sentences, quotes) given in text order
 * reuse, while the whole text's score accumulates as the words go by.
 * Memory stays in proportion to the longest span plus 8 bytes per word
 * with a valence. */
typedef struct
{
  const VaderLexicon *lexicon;
  WeftDoc *arena;
  const char *text; /* as given */
  gsize len;
  gsize split_to;      /* the bytes split into words so far */
  gsize keep_from;     /* words ending at or before it may be dropped */
  gboolean translated; /* emoji were replaced: words no longer map onto
                          the text, so spans are split on their own */
  guint bangs, questions; /* the '!' and '?' of the bytes split so far */
  GString *translation;
  VaderWords words; /* the window: words.words[0] is word number base */
  guint base;
  /* The whole text's score so far. */
  guint doc_next;       /* the next word for it */
  guint scored_next;    /* the next of words.scored for it */
  gboolean no_cap_diff; /* scoring again a text that is all in capitals */
  double *values;       /* its non-zero valences */
  guint n_values, values_cap;
  gboolean but_seen; /* the first "but": the valences before it and up */
  guint but_before, but_upto; /* to it, itself included */
  /* The window's words with a valence or "but" before doc_next: their
   * numbers and their valences in the whole text, for the spans. */
  guint32 *hit_words;
  double *hit_valences;
  guint n_hits, hits_cap;
  guint span_hit;      /* the first hit after the last span scored */
  double *span_values; /* scratch for a span: its valences */
  guint span_cap;
  guint span_next; /* the word after the last span scored */
  /* The offsets of the '!' and '?' split so far, from keep_from on, so
   * that a span need not scan its bytes for them; not kept (spans scan)
   * once there are too many. */
  guint32 *marks;
  guint n_marks, marks_cap;
  gboolean marks_off;
  guint span_mark; /* the first mark at or after the last span's start */
  VaderWords part; /* scratch: the part of a word a span cuts */
  VaderButScratch but_scratch;
} VaderText;

/* Starts scoring @len bytes of valid UTF-8 at @text; @text must stay valid
 * until vader_text_finish().  Memory comes from GLib's allocator (freed by
 * vader_text_finish()) and, for rare long words, @arena's arena. */
void vader_text_init (VaderText *t, const VaderLexicon *lexicon,
                      const char *text, gsize len, WeftDoc *arena);

/* Scores bytes [@start, @end) of @t's text (on character boundaries) as
 * vader_score() scores them alone.  Spans given in order of @start reuse
 * the words split for the whole text when no word crosses their ends;
 * others are split again on their own. */
void vader_text_score (VaderText *t, gsize start, gsize end, VaderScores *out);

/* Scores the whole text and frees @t's memory. */
void vader_text_finish (VaderText *t, VaderScores *out);

/* Scores @len bytes of valid UTF-8 at @text.  Scratch memory comes from
 * GLib's allocator and @arena's arena; @lexicon is only read, so several
 * threads may score at once with different arenas. */
void vader_score (const VaderLexicon *lexicon, const char *text, gsize len,
                  WeftDoc *arena, VaderScores *out);

/* Python's round(@x, @digits): correctly rounded, ties to even. */
double vader_round (double x, int digits);
