/* quotes — the per-document working state shared by the passes (marks,
 * attribution, speakers): the token view of the document with each word's
 * lexicon entry, and the quotations found so far.  All memory is arena. */
#pragma once

#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "weft/doc.h"

typedef enum
{
  QUOTE_DIRECT = 0,
  QUOTE_MIXED,
  QUOTE_INDIRECT,
  QUOTE_TERM,
} QuoteKind;

typedef enum
{
  MENTION_NONE = 0,
  MENTION_NAME,        /* a person's name: "Dmitry Peskov", "Peskov" */
  MENTION_PRONOUN,     /* he, she */
  MENTION_GROUP,       /* they, we: never resolved */
  MENTION_DESCRIPTION, /* "the Russian expert" */
  MENTION_ORG,         /* "the Ministry of Defense", any other source NP */
} MentionKind;

/* A source mention: a token range [first, last) and what it is. */
typedef struct
{
  guint first, last;
  guint8 kind;       /* MentionKind */
  guint8 role_group; /* the role word's group, for descriptions */
} Mention;

/* One bit per token (arena). */
typedef guint64 TokenBits;

static inline gboolean
token_bit (const TokenBits *bits, guint i)
{
  return (bits[i >> 6] >> (i & 63)) & 1;
}

static inline void
token_bit_set (TokenBits *bits, guint i, gboolean on)
{
  bits[i >> 6]
      = (bits[i >> 6] & ~((guint64)1 << (i & 63))) | ((guint64)on << (i & 63));
}

/* Sets the bits of tokens [@first, @last) (@last > @first), a word at a
 * time: quotations run for dozens of tokens. */
static inline void
token_bits_set_range (TokenBits *bits, guint first, guint last)
{
  guint w = first >> 6, last_w = (last - 1) >> 6;
  guint64 head = G_MAXUINT64 << (first & 63);
  guint64 tail = G_MAXUINT64 >> (63 - ((last - 1) & 63));
  if (w == last_w)
    {
      bits[w] |= head & tail;
      return;
    }
  bits[w] |= head;
  while (++w < last_w)
    bits[w] = G_MAXUINT64;
  bits[last_w] |= tail;
}

/* A growable list of token indices: its first items in the plugin's
 * scratch block, then on the heap. */
typedef struct
{
  guint *items;
  guint n, size;
  gboolean heap; /* items is the list's own (freed by process()) */
} TokenList;

/* How many items a TokenList holds in the scratch block: the cue words and
 * line starts of most news articles. */
#define TOKEN_LIST_START 64

/* One quotation, direct or not; byte offsets, end exclusive. */
typedef struct
{
  uint32_t start, end; /* content */
  guint first_token;   /* first content token */
  guint open_token;    /* token of the opening mark; G_MAXUINT: none */
  guint close_token;   /* token of the closing mark; G_MAXUINT: none */
  /* Without a closing mark: weft_doc_find_token (end), the token after the
   * content, known when the quotation is made (no search later). */
  guint end_token;
  guint cue_first, cue_last; /* cue tokens [first, last); first == last: none */
  const char *cue;           /* canonical cue text, or NULL */
  Mention mention;
  guint8 kind;             /* QuoteKind */
  guint8 continuation : 1; /* speaker carried over from the previous quote */
  guint8 named : 1;        /* introduced by a naming cue: called X "…" */
  guint8 label : 1; /* an answer after its speaker's label ("Smith: …") */
  const char *speaker; /* resolved name (arena), or NULL */
} Quote;
/* A long article's candidates number hundreds of thousands. */
G_STATIC_ASSERT (sizeof (Quote) <= 64);

typedef struct
{
  const QuotesLexicon *lexicon;
  const QuotesFilter *cue_filter;  /* quotes_lexicon_get_cue_filter() */
  const QuotesFilter *word_filter; /* quotes_lexicon_get_filter() */
  const QuotesFilter *role_filter; /* quotes_lexicon_get_role_filter() */
  WeftDoc *doc;
  const char *text;
  gsize len;
  const WeftToken *tokens;
  guint n_tokens;
  const WeftSentence *sentences;
  guint n_sentences;
  const QuotesWord *words; /* quotes_lexicon_get_words() */
  /* Per token, what ctx_word() found: 0 until it is looked up (a word the
   * word filter lets pass, told by the marks pass), 1 when it is in no
   * list, else the code of its entry in word_slots.  The passes ask about
   * 0.4 words a token, often the same ones, and a lookup costs more than
   * reading them back; a byte a token and not the id's two, since a huge
   * document's tokens are many. */
  guint8 *word_codes;
  struct _WordSlots *word_slots;
  TokenBits *quoted;   /* inside a quotation (marks included) */
  TokenBits *terms;    /* inside a quotation found to be a term */
  TokenBits *used;     /* part of an attribution already */
  TokenBits *capitals; /* capitalized words, set by the marks pass */
  /* Words whose lexicon entry starts a cue, set by the marks pass: every
   * word quotes_match_cue() can match is one (the pass looks up each word
   * that may start a cue in its case). */
  TokenBits *cue_words;
  Quote *quotes;
  guint n_quotes, quotes_size;
  /* Listed by the marks pass, in text order, so that later passes visit
   * only these tokens: words that may start a cue and tokens after a line
   * break (NEWLINE_BEFORE or PARAGRAPH_BEFORE). */
  TokenList cues, line_starts;
  /* Quotations by the first token of their cue while they are attributed,
   * and by the first token of their mention while reported speech is
   * found (attribution.c): found without visiting every quotation. */
  struct _QuoteIndex *cue_index, *mention_index;
} QuotesContext;

static inline gboolean
ctx_quoted (const QuotesContext *ctx, guint i)
{
  return token_bit (ctx->quoted, i);
}

static inline gboolean
ctx_is_word (const QuotesContext *ctx, guint i)
{
  return i < ctx->n_tokens
         && (ctx->tokens[i].kind == WEFT_TOKEN_WORD
             || ctx->tokens[i].kind == WEFT_TOKEN_ABBREV);
}

/* Whether token @i is a word of more than @min bytes ending in @suffix:
 * the shape of a participle ("-ing") or a past ("-ed"). */
static inline gboolean
ctx_word_ends_with (const QuotesContext *ctx, guint i, const char *suffix,
                    gsize min)
{
  if (!ctx_is_word (ctx, i))
    return FALSE;
  const WeftToken *t = &ctx->tokens[i];
  gsize n = strlen (suffix);
  return t->end - t->start > min
         && memcmp (ctx->text + t->end - n, suffix, n) == 0;
}

/* Token @i's key for the lexicon (quotes_word_key()). */
static inline guint64
ctx_key (const QuotesContext *ctx, guint i)
{
  const WeftToken *t = &ctx->tokens[i];
  return quotes_word_key (ctx->text + t->start, t->end - t->start,
                          ctx->len - t->start);
}

/* The entries a document's words were found to be, by code (word_codes):
 * the first 254 distinct ones get a code, later ones are looked up each
 * time they are asked about (an article names a few dozen). */
typedef struct _WordSlots
{
  guint16 ids[256]; /* code -> lexicon id + 1; ids[1] = 1: in no list */
  guint n;          /* codes given, from 2 */
  guint8 codes[];   /* lexicon id -> code; 0: none yet */
} WordSlots;

/* Remembers that token @i is lexicon entry @id (0: in no list); returns
 * @id + 1. */
guint quotes_context_remember_word (const QuotesContext *ctx, guint i,
                                    guint id);

/* Looks token @i up in the lexicon, remembers and returns its id + 1. */
guint quotes_context_look_up_word (const QuotesContext *ctx, guint i);

/* Token @i's lexicon entry (the empty entry 0 when none), looked up on
 * first use: most tokens are never asked about. */
static inline const QuotesWord *
ctx_word (const QuotesContext *ctx, guint i)
{
  guint code = ctx->word_codes[i];
  guint id = G_LIKELY (code) ? ctx->word_slots->ids[code]
                             : quotes_context_look_up_word (ctx, i);
  return &ctx->words[id - 1];
}

/* Whether token @i is a role word (QW_ROLE): its key is tested against
 * the roles' filter first, which most words (the, of, said) fail without
 * the lookup ctx_word() would make. */
static inline gboolean
ctx_is_role (const QuotesContext *ctx, guint i)
{
  if (ctx->word_codes[i])
    return (ctx_word (ctx, i)->classes & QW_ROLE) != 0;
  const WeftToken *t = &ctx->tokens[i];
  guint32 len = t->end - t->start;
  if ((t->kind != WEFT_TOKEN_WORD && t->kind != WEFT_TOKEN_ABBREV) || len >= 64
      || !((ctx->role_filter->lengths >> len) & 1))
    return FALSE;
  guint64 key = ctx_key (ctx, i);
  if (!quotes_filter_test (ctx->role_filter, key)
      || !quotes_filter_check (ctx->role_filter, key))
    return FALSE;
  return (ctx_word (ctx, i)->classes & QW_ROLE) != 0;
}

static inline guint32
ctx_classes (const QuotesContext *ctx, guint i)
{
  return i < ctx->n_tokens ? ctx_word (ctx, i)->classes : 0;
}

/* Whether token @i is a word with any of the lexicon classes @classes. */
static inline gboolean
ctx_has (const QuotesContext *ctx, guint i, guint32 classes)
{
  return (ctx_classes (ctx, i) & classes) != 0;
}

/* Whether token @i is a capitalized word (from the marks pass's bits). */
static inline gboolean
ctx_capitalized (const QuotesContext *ctx, guint i)
{
  return i < ctx->n_tokens && token_bit (ctx->capitals, i);
}

/* Whether token @i is the ASCII word @word (@n bytes, lower case),
 * ignoring case. */
static inline gboolean
ctx_token_is_n (const QuotesContext *ctx, guint i, const char *word, gsize n)
{
  if (i >= ctx->n_tokens)
    return FALSE;
  const WeftToken *t = &ctx->tokens[i];
  if (t->end - t->start != n)
    return FALSE;
  const guchar *s = (const guchar *)ctx->text + t->start;
  for (gsize k = 0; k < n; k++)
    {
      guchar c = s[k], w = word[k];
      c += (c >= 'A' && c <= 'Z') << 5;
      w += (w >= 'A' && w <= 'Z') << 5;
      if (c != w)
        return FALSE;
    }
  return TRUE;
}

/* The same for a NUL-terminated @word.  Inline, with the length compared
 * first: most calls name a literal ("that", "was"), whose length the
 * compiler knows. */
static inline gboolean
ctx_token_is (const QuotesContext *ctx, guint i, const char *word)
{
  return ctx_token_is_n (ctx, i, word, strlen (word));
}

/* Whether token @i is one of @words (lower case), a static array.  The
 * loop is unrolled whole, so that each word's length is a constant: the
 * tests then share the token's load and length compare, and a word's
 * bytes are compared only when the lengths match (with strlen() called
 * per word and call, a list of 15 costs about 60 instructions). */
#define ctx_token_in(ctx, i, words)                                            \
  ctx_token_in_n (ctx, i, words, G_N_ELEMENTS (words))

static inline gboolean
ctx_token_in_n (const QuotesContext *ctx, guint i, const char *const *words,
                gsize n)
{
#pragma GCC unroll 64
  for (gsize k = 0; k < n; k++)
    if (ctx_token_is (ctx, i, words[k]))
      return TRUE;
  return FALSE;
}

/* Whether token @i is a lower-case adverb in -ly ("also", "openly",
 * "specifically"), not one of the nouns of that shape that speak in news
 * ("the family said", "the assembly said"). */
static inline gboolean
ctx_is_ly_adverb (const QuotesContext *ctx, guint i)
{
  static const char *const nouns[]
      = { "family",  "assembly",  "ally",    "rally", "supply",
          "reply",   "monopoly",  "anomaly", "daily", "weekly",
          "monthly", "quarterly", "bully",   "tally", "homily" };
  return ctx_word_ends_with (ctx, i, "ly", 3)
         && !(ctx->tokens[i].flags & WEFT_TOKEN_CAPITALIZED)
         && !ctx_token_in (ctx, i, nouns);
}

/* The first of the words from @pos back to @floor that may stand between
 * a subject and its verb ("Peskov also said", "it repeatedly stated"). */
static inline guint
ctx_skip_fillers_back (const QuotesContext *ctx, guint pos, guint floor)
{
  while (pos > floor && !ctx_quoted (ctx, pos - 1)
         && (ctx_has (ctx, pos - 1, QW_FILLER) || ctx_is_ly_adverb (ctx, pos - 1)))
    pos--;
  return pos;
}

/* The tokens [*@first, *@last) of the sentence holding token @i; [@i, @i
 * + 1) outside every sentence. */
static inline void
ctx_sentence_bounds (const QuotesContext *ctx, guint i, guint *first,
                     guint *last)
{
  /* Binary search: only tokens near cues, quote marks and names ask. */
  guint lo = 0, hi = ctx->n_sentences;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ctx->sentences[mid].first_token + ctx->sentences[mid].n_tokens <= i)
        lo = mid + 1;
      else
        hi = mid;
    }
  guint s = lo;
  if (i >= ctx->n_tokens || s >= ctx->n_sentences
      || ctx->sentences[s].first_token > i)
    {
      *first = i;
      *last = MIN (i + 1, ctx->n_tokens);
      return;
    }
  *first = ctx->sentences[s].first_token;
  *last = ctx->sentences[s].first_token + ctx->sentences[s].n_tokens;
}

/* Whether token @i is the single punctuation character @c. */
static inline gboolean
ctx_punct_is (const QuotesContext *ctx, guint i, char c)
{
  if (i >= ctx->n_tokens)
    return FALSE;
  const WeftToken *t = &ctx->tokens[i];
  return t->end - t->start == 1 && ctx->text[t->start] == c;
}

static inline gboolean
ctx_is_sentence_end (const QuotesContext *ctx, guint i)
{
  return ctx_punct_is (ctx, i, '.') || ctx_punct_is (ctx, i, '!')
         || ctx_punct_is (ctx, i, '?');
}

/* How many tokens in [1, @i] start a line (ctx->line_starts). */
static inline guint
ctx_line_starts_upto (const QuotesContext *ctx, guint i)
{
  guint lo = 0, hi = ctx->line_starts.n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ctx->line_starts.items[mid] <= i)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Appends a zeroed quote and returns it (may move earlier ones; ctx->quotes
 * is freed by the plugin's process()). */
Quote *quotes_context_add (QuotesContext *ctx);
/* Appends token @token to @list (freed by the plugin's process()). */
void quotes_token_list_grow (TokenList *list);
static inline void
quotes_token_list_add (TokenList *list, guint token)
{
  if (G_UNLIKELY (list->n == list->size))
    quotes_token_list_grow (list);
  list->items[list->n++] = token;
}
