/* dates — atoms: the document's tokens cut at the boundaries dates care
 * about (digits, letters, single punctuation marks), each word looked up in
 * the lexicon once.  The grammar only ever looks at atoms, so it does not
 * depend on how the tokenizer groups "mid-September" or "2021-2022".
 * Only tokens near a trigger (a number, a month, "yesterday"…) become
 * atoms: most of a text is skipped after a test on a few bytes. */
#pragma once

#include "lexicon.h"
#include "weft/doc.h"

enum
{
  A_WORD = 0,
  A_NUM,
  A_PUNCT,
  A_QTY
};

enum
{
  AF_SPACE = 1 << 0,   /* whitespace before the atom */
  AF_NEWLINE = 1 << 1, /* a line break before it */
  AF_CAP = 1 << 2,     /* starts with an upper-case letter */
  AF_ORD = 1 << 3,     /* a number written 1st, 2nd, 26th */
  AF_UPPER = 1 << 4,   /* all upper case */
  AF_SENT = 1 << 5,    /* first atom of a sentence */
  AF_GAP = 1 << 6,     /* tokens before it were skipped */
  AF_START = 1 << 7,   /* a number, an apostrophe or a word whose entry
                          may_start: the matcher tries no other atom */
};

/* Tokens kept before and after each trigger token: enough for every rule
 * ("the end of the same week", "two days before,"). */
#define ATOMS_BEFORE 6
#define ATOMS_AFTER 6
/* Tokens kept after the last context word, for the rules that look one
 * token ahead ("2019 elections", "the future of"). */
#define ATOMS_LOOKAHEAD 1

typedef struct
{
  uint32_t start, end;
  uint8_t kind;
  uint8_t flags;
  uint8_t ndigits;     /* A_NUM */
  char punct;          /* A_PUNCT: the ASCII character ('-' for dashes) */
  int32_t num;         /* A_NUM value (saturated) */
  uint32_t sent;       /* sentence index */
  uint32_t tok;        /* token index */
  const LexEntry *lex; /* A_WORD, may be NULL; NULL for other kinds */
} Atom;

/* A growing array in a document's arena; the copies it outgrows stay
 * there until the document is done (less than its largest size). */
typedef struct
{
  void *data;
  guint len, cap;
} DocVec;

/* Returns: a new last element of @elem_size bytes, not cleared. */
void *doc_vec_push (WeftDoc *doc, DocVec *v, gsize elem_size);

/* Returns: the place after the last element, with room made for one, not
 * cleared and not counted until v->len++ keeps it (an element built in
 * place, then kept or not). */
static inline void *
doc_vec_next (WeftDoc *doc, DocVec *v, gsize elem_size)
{
  if (G_UNLIKELY (v->len == v->cap))
    {
      doc_vec_push (doc, v, elem_size);
      v->len--;
    }
  return (guint8 *)v->data + elem_size * v->len;
}

/* Cuts a document's tokens near triggers into atoms, one run of
 * consecutive tokens at a time, into a buffer reused across runs: memory
 * follows the longest run, not the document. */
typedef struct _AtomScanner AtomScanner;

/* Returns: a scanner over @doc's tokens and sentences, in its arena. */
AtomScanner *atom_scanner_new (WeftDoc *doc, const Lexicon *lex);
/* A run longer than ATOMS_WINDOW atoms ("May May May …", "1 2 3 …") comes
 * in windows: the rules start on a window's atoms up to
 * ATOMS_WINDOW_AHEAD before its end (no rule reads that far ahead), and
 * the next window repeats ATOMS_WINDOW_BACK atoms (no rule reads that far
 * back), so memory stays bounded and matches are the same. */
#define ATOMS_WINDOW 8192
#define ATOMS_WINDOW_AHEAD 1024
#define ATOMS_WINDOW_BACK 64

/* The atoms of the next run or window of a run: tokens around triggers
 * with no token skipped between them; a run's first atom has AF_GAP when
 * tokens before it were skipped.  *first gets the atom to start matching
 * at (after the atoms repeated from the window before); *more is TRUE
 * when the run goes on, and atom_scanner_resume() must then say where.
 * Returns: borrowed until the next call, or NULL at the end; *n_atoms
 * gets the count. */
const Atom *atom_scanner_next (AtomScanner *scanner, guint *n_atoms,
                               guint *first, gboolean *more);
/* The run goes on from atom @i of the window (where matching stopped). */
void atom_scanner_resume (AtomScanner *scanner, guint i);
/* The lexicon entry of token @tok when it is one word (a leading
 * apostrophe skipped: "'ll"), else NULL. */
const LexEntry *atoms_token_lex (const Lexicon *lex, const char *text,
                                 gsize text_len, const WeftToken *tok);
