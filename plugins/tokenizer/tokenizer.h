/* tokenizer — the plugin's read-only state, shared by the scanner
 * (scan.c, special.c) and the sentence splitter (sentences.c). */
#pragma once

#include "lexicon.h"
#include "weft/weft.h"

/* Tags of abbreviations.txt entries. */
enum
{
  ABBR_TITLE = 1 << 0,  /* precedes a name: never ends a sentence */
  ABBR_NUMBER = 1 << 1, /* only an abbreviation before a number (No. 5) */
  ABBR_UNIT = 1 << 2,   /* a unit: ends a sentence before any capital */
};

typedef struct
{
  TokLexicon *abbreviations; /* "Mr.", "U.S." -> ABBR_* tags */
  TokLexicon *prefixes;      /* hyphen prefixes kept joined (case-folded) */
  TokLexicon *emoticons;     /* ":-)", "<3" */
  TokLexicon *starters;      /* words that begin sentences ("The", "He") */
  TokLexicon *tlds;          /* top-level domains (case-folded) */
  TokLexicon *contractions;  /* "cannot" -> split offset 3 (case-folded) */
  gboolean split_clitics;
  gboolean split_hyphens;
  gboolean line_breaks; /* a single line break may end a sentence */
  /* What a byte starting a token allows the scanner's fast paths to
   * assume (START_*), made by tok_scan_prepare() once the lists are
   * loaded. */
  guint8 start[256];
  guint8 emoticon_start[256]; /* the byte starts some emoticon */
} TokConfig;

enum
{
  START_OTHER = 0,
  START_WORD,          /* an ASCII letter that starts no emoticon */
  START_WORD_EMOTICON, /* an ASCII letter that starts an emoticon (xD) */
  START_PUNCT,         /* one byte of punctuation, unless repeated */
  START_SYMBOL,        /* one byte of symbol, unless repeated */
  START_TERMINAL,      /* . ! ? unless another of them follows */
  START_NUMBER,        /* an ASCII digit */
};

/* Fills config->start from the loaded word lists. */
void tok_scan_prepare (TokConfig *config);

/* Appends the tokens and sentences of @doc's text. */
void tok_scan (const TokConfig *config, WeftDoc *doc);

/* Sentence splitting state while tokens are appended. */
typedef struct
{
  guint first;       /* first token of the open sentence */
  gboolean terminal; /* after a terminal mark, perhaps with closers */
} TokSentences;

/* Decides whether a sentence ends after token @i, the one before the last
 * token appended, and appends it if so; @text is @doc's text. */
void tok_sentences_step (const TokConfig *config, WeftDoc *doc,
                         const guchar *text, TokSentences *state, guint i);
/* Appends the last sentence. */
void tok_sentences_finish (WeftDoc *doc, TokSentences *state);
