/* quotes — the word tables read from the plugin's data files (cue verbs,
 * roles, pronouns, demonyms, non-name words, organisation words), compiled
 * once at init into one read-only hash table keyed by lower-cased words. */
#pragma once

#include <glib.h>
#include <string.h>

/* Word classes (bit set). */
enum
{
  QW_CUE = 1 << 0,     /* the first word of at least one cue */
  QW_ROLE = 1 << 1,    /* a role that can head a description */
  QW_TITLE = 1 << 2,   /* an honorific or rank, never a head alone */
  QW_PRONOUN = 1 << 3, /* he, she, i: resolves to a person */
  QW_GROUP = 1 << 4,   /* they, we: left unresolved */
  QW_DEMONYM = 1 << 5, /* russian, azerbaijani */
  QW_NONNAME = 1 << 6, /* never part of a person's name */
  QW_ORG = 1 << 7,     /* organisation or place head word */
  /* function-words.txt */
  QW_DETERMINER = 1 << 8,    /* the, his: opens a noun phrase */
  QW_PLACE = 1 << 9,         /* of, in: a following name is a place */
  QW_FILLER = 1 << 10,       /* also, has: between subject and verb */
  QW_NP_END = 1 << 11,       /* who, during: ends an inverted subject */
  QW_CLAUSE_BLOCK = 1 << 12, /* in, goodbye: no reported clause after said */
  QW_TITLE_SMALL = 1 << 13,  /* of, and: lower case inside a title */
  QW_OBJECT = 1 << 14,       /* against, about: its object is no speaker */
  QW_QUANTIFIER = 1 << 15,   /* one, some: an indefinite source */
  QW_TIME = 1 << 16,         /* today, Monday: between a cue and a clause */
  QW_ACCUSATIVE = 1 << 17,   /* him, them: an addressee */
  QW_FINITE = 1 << 18,       /* was, would: a clause's finite auxiliary */
};

typedef enum
{
  QUOTES_CUE_VERB = 0, /* "noted that …" */
  QUOTES_CUE_SAY,      /* a verb that may take a bare clause: "said the …" */
  QUOTES_CUE_PREP,     /* "according to X" */
  QUOTES_CUE_TELL,     /* takes an addressee, then a clause: "told reporters
                          (that) …" */
  QUOTES_CUE_CLAUSE,   /* a bare clause only with a clear subject: "claimed
                          he was …", not "claimed responsibility" */
  QUOTES_CUE_NAME,     /* names with a quoted word: called the deal "lousy"
                          (the word is the speaker's, not a scare quote) */
  QUOTES_CUE_TEXT,     /* a verb whose subject is a written text, only right
                          after one: the statement read "…" */
  QUOTES_CUE_NOUN,
} QuotesCueKind;

/* One cue: its words (lower case) and kind. */
typedef struct
{
  char **words;        /* NULL-terminated */
  guint *word_lengths; /* strlen() of each word */
  guint n_words;
  QuotesCueKind kind;
  char *text; /* the words joined by spaces, as reported in `cue` */
} QuotesCue;

typedef struct
{
  /* A word of eight letters or fewer that quotes_lexicon_find_id() finds
   * by its filter bit alone: its key and length (direct_len 0: none), in
   * the cache line the caller reads the entry from next. */
  guint64 direct_key;
  guint32 classes;
  guint8 role_group; /* index into the role group names; 0 = none */
  guint8 gender;     /* QUOTES_GENDER_*: of a role or pronoun, if marked */
  guint16 cue_first; /* first index into the cue index of cues starting here */
  guint16 cue_count; /* how many; longest first */
  guint8 direct_len;
} QuotesWord;

typedef struct _QuotesLexicon QuotesLexicon;

enum
{
  QUOTES_GENDER_UNKNOWN = 0,
  QUOTES_GENDER_MALE,
  QUOTES_GENDER_FEMALE,
};

/* A word's key for the lexicon's filters and table: its first eight bytes
 * with 0x20 set in each (ASCII letters folded to lower case; other bytes
 * change too, alike on both sides), zero-padded, plus its length.  @s
 * needs @readable >= @len readable bytes; with eight or more, one load. */
static inline guint64
quotes_word_key (const char *s, gsize len, gsize readable)
{
  guint64 k = 0;
  if (G_LIKELY (readable >= 8))
    {
      memcpy (&k, s, 8);
      k = GUINT64_FROM_LE (k);
      if (len < 8)
        k &= ((guint64)1 << (8 * len)) - 1;
    }
  else
    for (gsize i = len; i-- > 0;)
      k = k << 8 | (guchar)s[i];
  return ((k | G_GUINT64_CONSTANT (0x2020202020202020)) + len)
         * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
}

/* A filter of a set of words: a 16384-bit set of the top 14 bits of
 * their keys (2 KB, in L1 cache) and their lengths; a second such set of
 * 14 lower bits of the keys, asked before the costlier lookups. */
typedef struct
{
  guint64 bits[256];
  guint64 check[256];
  guint64 lengths;         /* bit n: some word has n bytes */
  guint64 capital_lengths; /* cue filter: the same for cues matched
                              capitalized ("According to") */
} QuotesFilter;

/* FALSE when a word with key @key is not in the set; TRUE for every word
 * in it and a few others. */
static inline gboolean
quotes_filter_test (const QuotesFilter *filter, guint64 key)
{
  guint bit = key >> 50;
  return (filter->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* The same with the filter's second set: TRUE for every word in the set,
 * and for about one in eight words that quotes_filter_test() lets pass
 * but are not in it. */
static inline gboolean
quotes_filter_check (const QuotesFilter *filter, guint64 key)
{
  guint bit = (key >> 36) & 16383;
  return (filter->check[bit >> 6] >> (bit & 63)) & 1;
}

/* Adds the word with key @key and @len bytes to @filter. */
static inline void
quotes_filter_add (QuotesFilter *filter, guint64 key, gsize len)
{
  guint bit = key >> 50, check = (key >> 36) & 16383;
  filter->bits[bit >> 6] |= (guint64)1 << (bit & 63);
  filter->check[check >> 6] |= (guint64)1 << (check & 63);
  filter->lengths |= (guint64)1 << len;
}

/* What the marks pass asks of every token, one byte a token from two
 * table lookups instead of tests of each filter (lexicon.c builds them
 * from the filters): by_kind_length[kind and flags][length] & by_key[the
 * top 14 bits of the key]; the token's line-break flags come from the
 * first table. */
enum
{
  QUOTES_SCAN_WORD = 1 << 0, /* may be in some list (word filter) */
  /* 1 << 1 and 1 << 2: WEFT_TOKEN_NEWLINE_BEFORE, _PARAGRAPH_BEFORE */
  QUOTES_SCAN_CUE = 1 << 3,         /* may start a cue in lower case */
  QUOTES_SCAN_CUE_CAPITAL = 1 << 4, /* may start a cue capitalized */
  QUOTES_SCAN_PUNCT = 1 << 5,   /* punctuation or a symbol not one byte long */
  QUOTES_SCAN_QUOTE = 1 << 6,   /* one byte of punctuation, maybe " or ' */
  QUOTES_SCAN_CAPITAL = 1 << 7, /* a capitalized word or abbreviation */
};

/* Where a token's row starts in by_kind_length, from the two bytes of its
 * kind and flags (@kind_flags: kind | flags << 8): by the kind (four bits)
 * and the flags but WEFT_TOKEN_SPACE_BEFORE (the next four), 64 lengths a
 * row; the line-break flags are in the row, not or-ed in per token.  One
 * multiply places both: by 66 (64 + 2) the kind lands at bits 6-9 and the
 * flags at 10-13, the other copies outside the mask. */
#define QUOTES_SCAN_ROW(kind_flags)                                            \
  ((((guint)(kind_flags)&0x1E0F) * 66) & 0x3FC0)

typedef struct
{
  /* By the top 14 bits of a word's key: the flags whose filters pass
   * (QUOTES_SCAN_QUOTE: the key of a one-byte " or '), and always
   * QUOTES_SCAN_PUNCT, QUOTES_SCAN_CAPITAL and the line-break flags. */
  guint8 by_key[16384];
  /* By QUOTES_SCAN_ROW and the length (63: 63 bytes or more): the flags a
   * token of that kind, flags and length may have, and its line-break
   * flags. */
  guint8 by_kind_length[256 * 64];
  /* By the length (63: 63 bytes or more), the key before its multiply
   * as (loaded & key_mask) + key_add: the mask of the word's bytes
   * without their 0x20 bits, and those bits plus the length (x | 0x20…
   * is (x & ~0x20…) + 0x20…), so that no constant is or-ed in per token.
   * A token of 63 bytes or more gets another key than quotes_word_key(),
   * but by_kind_length lets no flag of its key pass at that length. */
  guint64 key_mask[64], key_add[64];
} QuotesScanTable;

/* Reads the data files in @dir (cues.txt, roles.txt, pronouns.txt,
 * demonyms.txt, nonnames.txt, organizations.txt, function-words.txt).  Returns:
 * (transfer full), or NULL with WEFT_ERROR_DATA naming file:line. */
QuotesLexicon *quotes_lexicon_load (const char *dir, GError **error);
void quotes_lexicon_free (QuotesLexicon *lexicon);

/* The entry of the word @s (@len bytes, any case), or NULL.  Borrowed. */
const QuotesWord *quotes_lexicon_lookup (const QuotesLexicon *lexicon,
                                         const char *s, gsize len);
/* The same with the word's key already computed (quotes_word_key). */
const QuotesWord *quotes_lexicon_lookup_key (const QuotesLexicon *lexicon,
                                             guint64 key, const char *s,
                                             gsize len);
/* The same as an index into quotes_lexicon_get_words(); 0 when the word is
 * in no list. */
guint quotes_lexicon_lookup_id (const QuotesLexicon *lexicon, guint64 key,
                                const char *s, gsize len);
/* The same for a word that the filter (quotes_lexicon_get_filter()) lets
 * pass, with its length (@len <= 40) and quotes_filter_test(): the marks
 * pass has told the words it asks about. */
guint quotes_lexicon_find_id (const QuotesLexicon *lexicon, guint64 key,
                              const char *s, gsize len);
/* Borrowed: the entries by id; entry 0 (no word) has no class. */
const QuotesWord *quotes_lexicon_get_words (const QuotesLexicon *lexicon);
/* How many entries quotes_lexicon_get_words() has (ids are below it). */
guint quotes_lexicon_get_n_words (const QuotesLexicon *lexicon);
/* Borrowed: the cue filter for quotes_may_be_cue(). */
const QuotesFilter *
quotes_lexicon_get_cue_filter (const QuotesLexicon *lexicon);
/* Borrowed: the filter of every word in the lexicon. */
const QuotesFilter *quotes_lexicon_get_filter (const QuotesLexicon *lexicon);
/* Borrowed: the marks pass's table of the filters. */
const QuotesScanTable *
quotes_lexicon_get_scan_table (const QuotesLexicon *lexicon);
/* Borrowed: the filter of the roles (QW_ROLE). */
const QuotesFilter *
quotes_lexicon_get_role_filter (const QuotesLexicon *lexicon);
/* The @i-th cue starting with @word (0 <= i < word->cue_count).  Borrowed. */
const QuotesCue *quotes_lexicon_get_cue (const QuotesLexicon *lexicon,
                                         const QuotesWord *word, guint i);
/* How many role groups there are, with group 0 (none). */
guint quotes_lexicon_get_n_role_groups (const QuotesLexicon *lexicon);
/* Borrowed: the name of role group @group. */
const char *quotes_lexicon_get_role_group (const QuotesLexicon *lexicon,
                                           guint group);
