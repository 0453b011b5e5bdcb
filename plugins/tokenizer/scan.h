/* tokenizer — the scanner's per-document state and the matchers for
 * tokens with their own grammar (special.c).  A matcher gets the text from
 * @p to the end of the white-space-delimited chunk @e and returns the end
 * of its match, or NULL. */
#pragma once

#include "chars.h"
#include "tokenizer.h"

typedef struct {
  const TokConfig *config;
  WeftDoc *doc;
  const guchar *text;
  const guchar *end;
  guint flags; /* space flags for the next token */
} TokScanner;

/* Appends the token [@s, @e) with the pending space flags and its case
 * flags. */
void tok_emit (TokScanner *sc, const guchar *s, const guchar *e,
               WeftTokenKind kind);

/* scheme://… or www.… */
const guchar *tok_match_url (const guchar *p, const guchar *e);
/* The rest of a URL from @p (after its host), without trailing
 * punctuation. */
const guchar *tok_extend_url (const guchar *start, const guchar *p,
                              const guchar *e);
const guchar *tok_match_email (const guchar *p, const guchar *e);
/* @name and #tag; @p is at the '@' or '#'. */
const guchar *tok_match_handle (const guchar *p, const guchar *e);
const guchar *tok_match_hashtag (const guchar *p, const guchar *e);
/* An emoticon from @emoticons at @p, inside the chunk starting at @chunk. */
const guchar *tok_match_emoticon (const TokLexicon *emoticons,
                                  const guchar *chunk, const guchar *p,
                                  const guchar *e);
/* An emoji sequence (ZWJ sequences, modifiers, flags, keycaps) at @p. */
const guchar *tok_match_emoji (const guchar *p, const guchar *e);
