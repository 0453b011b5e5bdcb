/* quotes — source mentions: the noun phrase that names who is speaking. */
#pragma once

#include "context.h"

/* quotes_match_cue() at a token that may start a cue. */
const QuotesCue *quotes_match_cue_at (const QuotesContext *ctx, guint i,
                                      guint *end);

/* The cue starting at token @i (NULL when none); *end gets the token after
 * it.  Reporting verbs match in lower case only ("State Duma" is no cue).
 * Inline: most tokens asked are no cue word, known from the marks pass's
 * bit (an abbreviation's entry is looked up; other kinds have none). */
static inline const QuotesCue *
quotes_match_cue (const QuotesContext *ctx, guint i, guint *end)
{
  if (i >= ctx->n_tokens) /* callers look one past a span's end */
    return NULL;
  if (ctx->tokens[i].kind != WEFT_TOKEN_ABBREV
      && !token_bit (ctx->cue_words, i))
    return NULL;
  return quotes_match_cue_at (ctx, i, end);
}

/* The speaker mention inside tokens [@first, @last): a pronoun, the last
 * person's name (titles and nationalities stripped), an organisation, or a
 * role description ("the Russian expert").  With @any, an otherwise
 * unrecognised noun phrase is returned as MENTION_ORG ("according to local
 * media").  Returns the kind; MENTION_NONE leaves *out untouched. */
MentionKind quotes_find_mention (const QuotesContext *ctx, guint first,
                                 guint last, gboolean any, Mention *out);

/* The subject of the reporting verb at @cue (scanning left, no further than
 * @floor): skips auxiliaries and adverbs, looks past appositives ("Salih
 * Yilmaz, a professor at …, said") and participle phrases.  *start gets
 * the first token of the subject's segment. */
MentionKind quotes_subject_before (const QuotesContext *ctx, guint cue,
                                   guint floor, Mention *out, guint *start);

/* The subject at the start of the clause beginning at @floor (before
 * @limit), after up to three introductory phrases ending in commas. */
MentionKind quotes_clause_subject (const QuotesContext *ctx, guint floor,
                                   guint limit, Mention *m);

/* The noun phrase right after @from (an inverted subject, "said the
 * deputy", or the source after "according to"), up to a comma, clause
 * boundary or the end of the sentence.  *end gets the token after it. */
MentionKind quotes_np_after (const QuotesContext *ctx, guint from, gboolean any,
                             Mention *out, guint *end);

/* The written text whose noun phrase is the subject of the cue at token
 * @cue, of kind text, with a phrase after its noun ("The summary of the
 * decision read in part", "The family's statement on the death read"),
 * or MENTION_NONE. */
MentionKind quotes_text_subject (const QuotesContext *ctx, guint cue,
                                 Mention *out);

/* "Trump's statement read": the name owning the written text before the
 * cue at token @cue, of kind text ("the judge's statement" itself when
 * no name owns it), or MENTION_NONE. */
MentionKind quotes_text_owner (const QuotesContext *ctx, guint cue,
                               Mention *out);

/* The person whose possessive name ends at token @owner ("President
 * Ilham Aliyev’s" gives "Ilham Aliyev"), or MENTION_NONE. */
MentionKind quotes_possessor (const QuotesContext *ctx, guint owner,
                              Mention *out);

/* quotes_after_particles() at a token that may start particles. */
guint quotes_after_particles_at (const QuotesContext *ctx, guint i,
                                 guint limit);

/* The name word after the lower-case particles or the hyphen at token @i
 * inside a name ("Ursula von der Leyen", "Mohammed bin Salman", "Bashar
 * al-Assad": "al" "-" "Assad"), or @i when there are none.  Inline up to
 * the first byte: most tokens after a name start with none of the
 * particles' first letters. */
static inline guint
quotes_after_particles (const QuotesContext *ctx, guint i, guint limit)
{
  if (i + 1 >= limit)
    return i;
  guchar c = (guchar)ctx->text[ctx->tokens[i].start];
  if (c != '-'
      && !(c >= 'a' && c <= 'z'
           && ((1u << (c - 'a'))
               & (1u << ('a' - 'a') | 1u << ('b' - 'a') | 1u << ('d' - 'a')
                  | 1u << ('e' - 'a') | 1u << ('i' - 'a') | 1u << ('l' - 'a')
                  | 1u << ('v' - 'a')))))
    return i;
  return quotes_after_particles_at (ctx, i, limit);
}

/* Person-name helpers for the speaker pass.  The name part of the
 * capitalized run [@first, @last): titles, roles, nationalities and
 * organisation words are stripped from its left.  FALSE when nothing
 * person-like remains. */
gboolean quotes_name_part (const QuotesContext *ctx, guint first, guint last,
                           guint *name_first, guint *name_last);

/* The same, a possessive name included ("John R. Bolton's resignation"
 * names John R. Bolton). */
gboolean quotes_possessed_name_part (const QuotesContext *ctx, guint first,
                                     guint last, guint *name_first,
                                     guint *name_last);
/* The end of the capitalized run starting at @i (@i itself when none). */
guint quotes_run_end (const QuotesContext *ctx, guint i, guint limit);
/* Whether token @i is followed by a possessive 's. */
gboolean quotes_is_possessive (const QuotesContext *ctx, guint i);
