/* sentiment — a text to VADER's words: SentiText's split on whitespace,
 * each word stripped of surrounding punctuation, looked up once and
 * described by what the rules need. */
#pragma once

#include "lexicon.h"
#include "vader.h"

/* A word of the text, with what the rules need of it: its entry (found
 * once, by the lower-cased word), str.isupper() and whether it negates.
 * Counts of '!' and '?' are not kept per word: a span counts its own
 * (whitespace holds no '!' or '?'). */
struct _VaderWord
{
  const VaderEntry *entry; /* NULL when the word is nothing to the rules */
  guint32 start, end;      /* its bytes in the text split, before stripping */
  guint8 flags;            /* the entry's, copied to save a load per rule */
  guint8 id;               /* VaderWordId, likewise */
  guint8 upper;            /* str.isupper() of the word as written */
  guint8 negated;          /* negated([word]): a negation or "n't" in it */
  guint32 uppers_before;   /* words in capitals before it in the split, so
                              that a span counts its own by subtraction */
};

/* Appends to @out the text of @len bytes at @text, with each emoji of the
 * lexicon that is one code point replaced by its description, a space put
 * before it unless a space precedes (@prev_space: whether the character
 * before @text is a space). */
void vader_words_translate_emoji (const VaderLexicon *lex, const char *text,
                                  gsize len, gboolean prev_space,
                                  GString *out);

/* text.split() of bytes [@from, @to) of @text (@len bytes; @to is @len or
 * just after a whitespace character) into SentiText's words, appended to
 * @out with their count of words in capitals (their '!' and '?' are the
 * bytes', as whitespace holds none).  Stops and returns FALSE at the
 * first emoji of the lexicon when @emoji is FALSE (the text needs
 * translating first; @out may hold some of the words then). */
gboolean vader_words_split (const VaderLexicon *lex, const char *text,
                            gsize len, gsize from, gsize to, gboolean emoji,
                            WeftDoc *arena, VaderWords *out);

/* The word that the @len bytes at @s, part of a word of a text (no
 * whitespace in them), make alone, as vader_words_split() makes it, in
 * @w; FALSE when they are not a short ASCII word, for
 * vader_words_split() to make (@w may have been written then). */
gboolean vader_words_part (const VaderLexicon *lex, const char *s, gsize len,
                           VaderWord *w);
