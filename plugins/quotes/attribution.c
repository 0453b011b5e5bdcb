/* quotes — attribution.  A quotation's source is looked for where news
 * puts it: after the closing mark (", Peskov said." / ", said the
 * deputy."), before the opening mark in the same sentence ("Hajiyev said
 * that “…”", "According to X, “…”"), or in a previous sentence ending with
 * a colon.  A quotation with none that opens its paragraph continues the
 * previous speaker (resolved later, in speakers.c).  Reported speech
 * without marks comes from the same cues: "X said that …", "…, X said.",
 * "according to X, …", "This was stated by X". */
#include "attribution.h"

#include "mention.h"
#include "table.h"

#define NO_TOKEN G_MAXUINT

static gboolean
newline_before (const QuotesContext *ctx, guint i)
{
  return i < ctx->n_tokens
         && (ctx->tokens[i].flags
             & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE));
}

/* Whether the quotation opening at @open begins a sentence: nothing but
 * punctuation since the sentence or paragraph start, or a colon before. */
static gboolean
starts_sentence (const QuotesContext *ctx, guint open)
{
  for (guint i = open; i-- > 0;)
    {
      if (newline_before (ctx, i + 1))
        return TRUE;
      if (ctx_is_sentence_end (ctx, i) || ctx_punct_is (ctx, i, ':'))
        return TRUE;
      /* “… disappointed.” “I think …”: the quotation before ended the
       * sentence inside its marks. */
      if (ctx_quoted (ctx, i) && ctx->tokens[i].kind == WEFT_TOKEN_PUNCT
          && i > 0 && ctx_is_sentence_end (ctx, i - 1))
        return TRUE;
      if (ctx->tokens[i].kind == WEFT_TOKEN_WORD
          || ctx->tokens[i].kind == WEFT_TOKEN_NUMBER
          || ctx->tokens[i].kind == WEFT_TOKEN_ABBREV || ctx_quoted (ctx, i))
        {
          /* A closing mark from an earlier quotation followed by its own
           * sentence end is handled above; anything else is text. */
          return FALSE;
        }
    }
  return TRUE;
}

/* Quotations by a token (the first of their cue, of their mention):
 * chains of links, the latest first.  A quotation given another cue later
 * stays in its old chain, so readers check that token again. */
typedef struct
{
  guint quote, earlier; /* earlier: link + 1, 0: none */
} QuoteLink;

typedef struct _QuoteIndex
{
  QuotesTable latest; /* token -> the latest link into links + 1 */
  QuoteLink *links;   /* heap: n_links of links_size */
  guint n_links, links_size;
} QuoteIndex;

/* An empty index with room for about @n links, allocated once.  Its
 * table starts in the arena, and grows for an article whose quotations
 * name more than a few dozen tokens (bounds such as @n are far above the
 * entries made: 19 on average in a heap table of 277 slots). */
static void
quote_index_init (QuoteIndex *index, guint n, WeftDoc *doc)
{
  n = CLAMP (n, 1, 512);
  *index = (QuoteIndex){ .links = g_new (QuoteLink, n), .links_size = n };
  quotes_table_reserve (&index->latest, MIN (n, QUOTES_TABLE_ARENA_ENTRIES),
                        doc);
}

static void
quote_index_clear (QuoteIndex *index)
{
  quotes_table_clear (&index->latest);
  g_free (index->links);
}

static void
quote_index_add (QuotesContext *ctx, QuoteIndex *index, guint token,
                 const Quote *q)
{
  gpointer *latest = quotes_table_insert_uint (&index->latest, token);
  QuoteLink link = { (guint)(q - ctx->quotes), GPOINTER_TO_UINT (*latest) };
  if (index->n_links == index->links_size)
    {
      index->links_size *= 2;
      index->links = g_renew (QuoteLink, index->links, index->links_size);
    }
  index->links[index->n_links++] = link;
  *latest = GUINT_TO_POINTER (index->n_links);
}

/* The link + 1 of the latest quotation at token @token (0: none);
 * QuoteLink.earlier leads to the ones before it. */
static guint
quote_index_latest (const QuoteIndex *index, guint token)
{
  return GPOINTER_TO_UINT (quotes_table_lookup_uint (&index->latest, token));
}

static const QuoteLink *
quote_link (const QuoteIndex *index, guint link)
{
  return &index->links[link - 1];
}

static void
set_cue (QuotesContext *ctx, Quote *q, const char *cue, guint first, guint last)
{
  q->cue = cue;
  q->cue_first = first;
  q->cue_last = last;
  if (ctx->cue_index)
    quote_index_add (ctx, ctx->cue_index, first, q);
  for (guint i = first; i < last; i++)
    token_bit_set (ctx->used, i, TRUE);
}

/* The cue is the verb at token @verb, as written ("thanked"). */
static void
set_verb_cue (QuotesContext *ctx, Quote *q, guint verb)
{
  const WeftToken *t = &ctx->tokens[verb];
  set_cue (ctx, q,
           weft_doc_strndup (ctx->doc, ctx->text + t->start, t->end - t->start),
           verb, verb + 1);
}

/* The cue of a quotation introduced by a colon after the sentence that
 * holds it ("X stressed that …:") stays free for that sentence's own
 * reported speech. */
static void
share_cue (QuotesContext *ctx, Quote *q, const char *cue, guint first,
           guint last)
{
  set_cue (ctx, q, cue, first, last);
  for (guint i = first; i < last; i++)
    token_bit_set (ctx->used, i, FALSE);
}

/* “…,” Rep. Adam Schiff, D-Calif., said Tuesday.  The name [@j, @comma),
 * an aside between commas (a party and state, an age, a title), then the
 * cue. */
static gboolean
trailing_appositive (QuotesContext *ctx, Quote *q, guint j, guint comma)
{
  guint k = comma + 1;
  while (k < ctx->n_tokens && k < comma + 9 && !ctx_punct_is (ctx, k, ',')
         && !ctx_is_sentence_end (ctx, k) && !ctx_quoted (ctx, k)
         && !newline_before (ctx, k))
    k++;
  if (!ctx_punct_is (ctx, k, ',') || k == comma + 1)
    return FALSE;
  guint end;
  const QuotesCue *cue = quotes_match_cue (ctx, k + 1, &end);
  if (!cue || cue->kind == QUOTES_CUE_PREP)
    return FALSE;
  Mention m;
  MentionKind kind = quotes_find_mention (ctx, j, comma, FALSE, &m);
  if (kind != MENTION_NAME && kind != MENTION_DESCRIPTION
      && kind != MENTION_PRONOUN)
    return FALSE;
  q->mention = m;
  set_cue (ctx, q, cue->text, k + 1, end);
  return TRUE;
}

/* ", Peskov said." / ", said the deputy." / ", the Azerbaijani
 * parliamentarian launched into …" right after the closing mark. */
static gboolean
trailing (QuotesContext *ctx, Quote *q, gboolean lenient)
{
  if (q->close_token == NO_TOKEN)
    return FALSE;
  guint j = q->close_token + 1;
  if (ctx_punct_is (ctx, j, ','))
    j++;
  if (j >= ctx->n_tokens || newline_before (ctx, j))
    return FALSE;
  /* “… barbarity.” He said …: a period inside the marks ended the
   * sentence, and what follows is a new one. */
  if (!lenient && ctx->text[ctx->tokens[q->close_token].start - 1] == '.'
      && ctx_capitalized (ctx, j)
      && !ctx_punct_is (ctx, q->close_token + 1, ','))
    return FALSE;
  for (guint k = j; k < ctx->n_tokens && k < j + 10; k++)
    {
      if (k > j && newline_before (ctx, k))
        break;
      if (ctx_punct_is (ctx, k, ',') && k > j
          && trailing_appositive (ctx, q, j, k))
        return TRUE;
      if (ctx_quoted (ctx, k) || ctx_is_sentence_end (ctx, k)
          || ctx_punct_is (ctx, k, ';') || ctx_punct_is (ctx, k, ','))
        break;
      guint end;
      const QuotesCue *cue = quotes_match_cue (ctx, k, &end);
      if (!cue)
        continue;
      Mention m;
      guint np_end;
      MentionKind kind;
      if (cue->kind == QUOTES_CUE_PREP || k == j)
        kind = quotes_np_after (ctx, end, cue->kind == QUOTES_CUE_PREP, &m,
                                &np_end);
      else
        kind = quotes_find_mention (ctx, j, k, FALSE, &m);
      if (kind == MENTION_NONE)
        return FALSE;
      q->mention = m;
      set_cue (ctx, q, cue->text, k, end);
      return TRUE;
    }
  if (!lenient)
    return FALSE;
  /* No listed cue: accept "NP verb" when the quotation ended with a comma,
   * a question or exclamation mark (it continues into this clause). */
  guchar before = ctx->text[ctx->tokens[q->close_token].start - 1];
  if (before != ',' && before != '?' && before != '!'
      && !ctx_punct_is (ctx, q->close_token + 1, ','))
    return FALSE;
  Mention m;
  MentionKind kind = MENTION_NONE;
  guint k = j;
  if (ctx_classes (ctx, j) & (QW_PRONOUN | QW_GROUP))
    kind = quotes_find_mention (ctx, j, j + 1, FALSE, &m), k = j + 1;
  else if (ctx_token_is (ctx, j, "the"))
    {
      for (k = j + 1; k < j + 5 && ctx_is_word (ctx, k); k++)
        if (ctx_classes (ctx, k) & QW_ROLE)
          {
            kind = quotes_find_mention (ctx, j, k + 1, FALSE, &m);
            k++;
            break;
          }
    }
  else if (ctx_capitalized (ctx, j))
    {
      k = quotes_run_end (ctx, j, MIN (j + 5, ctx->n_tokens));
      kind = quotes_find_mention (ctx, j, k, FALSE, &m);
    }
  if (kind == MENTION_NONE || kind == MENTION_ORG || !ctx_is_word (ctx, k)
      || (ctx->tokens[k].flags & WEFT_TOKEN_CAPITALIZED))
    return FALSE;
  q->mention = m;
  set_verb_cue (ctx, q, k);
  return TRUE;
}

/* "commenting", "adding": a participle phrase after an attribution. */
/* Whether quotation @q opens like a sentence: with a capital, also past
 * a bracket glued to its word ("[I]ncreasingly …"), or with a nested
 * quotation ("'one in, all in'. I did …"). */
static gboolean
opens_capitalized (const QuotesContext *ctx, const Quote *q)
{
  guint i = q->first_token;
  if (i + 1 < ctx->n_tokens && ctx->tokens[i].kind == WEFT_TOKEN_PUNCT
      && ctx->tokens[i + 1].start == ctx->tokens[i].end)
    {
      const char *s = ctx->text + ctx->tokens[i].start;
      if (s[0] == '\'' || s[0] == '"' || memcmp (s, "\xE2\x80\x98", 3) == 0)
        return TRUE;
      i++;
    }
  return ctx_capitalized (ctx, i);
}

static gboolean
is_participle (const QuotesContext *ctx, guint i)
{
  return ctx_word_ends_with (ctx, i, "ing", 4)
         && !(ctx->tokens[i].flags & WEFT_TOKEN_CAPITALIZED);
}

/* Whether token @i can open a bare clause: "the talks", "68 people". */
static inline gboolean
word_or_number (const QuotesContext *ctx, guint i)
{
  return ctx_is_word (ctx, i)
         || (i < ctx->n_tokens && ctx->tokens[i].kind == WEFT_TOKEN_NUMBER);
}

/* Whether token @j is a word of at least four bytes ending in "ed". */
static gboolean
ends_in_ed (const QuotesContext *ctx, guint j)
{
  return ctx_word_ends_with (ctx, j, "ed", 3);
}

/* Whether token @j may stand inside a subject noun phrase: a word, a
 * number, a clitic ("'s"), or the punctuation of "firecracker-laden",
 * "PG&E", "Works (DPW)". */
static gboolean
in_noun_phrase (const QuotesContext *ctx, guint j)
{
  return word_or_number (ctx, j) || ctx->tokens[j].kind == WEFT_TOKEN_CLITIC
         || ctx_punct_is (ctx, j, '-') || ctx_punct_is (ctx, j, '&')
         || ctx_punct_is (ctx, j, '(') || ctx_punct_is (ctx, j, ')');
}

/* Whether token @j ends the subject noun phrase of a clause: a relative
 * clause or a conjunction ("which", "because", "so", "if"), but not a
 * preposition ("the leader of the opposition", "tests by a laboratory"). */
static gboolean
ends_subject (const QuotesContext *ctx, guint j)
{
  if (ctx_has (ctx, j, QW_PLACE | QW_OBJECT) || ctx_token_is (ctx, j, "by"))
    return FALSE;
  return ctx_has (ctx, j, QW_NP_END | QW_CLAUSE_BLOCK);
}

/* Whether token @j is a clause's verb: a finite verb (an auxiliary, an
 * irregular past), or when @regular, a regular past that does not follow
 * a determiner or a number (not "the estimated cost", "1,051 confirmed
 * cases"). */
static gboolean
is_verb (const QuotesContext *ctx, guint j, gboolean regular)
{
  /* Capitalized, "May" and "Will" are names. */
  if (ctx_has (ctx, j, QW_FINITE))
    return !(ctx->tokens[j].flags & WEFT_TOKEN_CAPITALIZED);
  return regular && ends_in_ed (ctx, j)
         && !(ctx->tokens[j].flags & WEFT_TOKEN_CAPITALIZED)
         && !ctx_has (ctx, j - 1, QW_DETERMINER)
         && ctx->tokens[j - 1].kind != WEFT_TOKEN_NUMBER;
}

/* Whether tokens [@first, @last) before "…, X said" are only an opening
 * phrase with no verb, a time or a place ("During his eulogy", "Later in
 * the day", "This past Friday, the princess, 67"), and so report
 * nothing. */
static gboolean
opening_phrase_only (const QuotesContext *ctx, guint first, guint last)
{
  if (last - first > 12)
    return FALSE; /* not short: a clause, whatever it holds */
  /* "Asked about the deal, Putin said …": a participle phrase. */
  gboolean participle = ends_in_ed (ctx, first)
                        || ctx_word_ends_with (ctx, first, "ing", 4);
  gboolean opening
      = participle
        || ctx_has (ctx, first, QW_PLACE | QW_OBJECT | QW_TIME | QW_NP_END)
        || (ctx_has (ctx, first, QW_DETERMINER)
            && (ctx_has (ctx, first + 1, QW_TIME)
                || ctx_has (ctx, first + 2, QW_TIME)));
  if (!opening)
    return FALSE;
  for (guint i = first + participle; i < last; i++)
    if (ctx_has (ctx, i, QW_FINITE | QW_CUE) || ends_in_ed (ctx, i))
      return FALSE;
  return TRUE;
}

/* Whether the bare clause at @i opens with a noun phrase of up to ten
 * tokens and then its verb: "68 people were missing", "this would take",
 * "the number of cases in the outbreak rose", "the talks failed"; an
 * insert between commas may stand before the verb ("Leonov, who died in
 * Moscow, will be buried").  After a verb of kind clause a noun phrase
 * alone is its object: "claimed the lives of 39 people", "confirmed the
 * nomination", "declared a state of emergency and deployed …" (a second
 * verb of the same subject). */
static gboolean
verb_follows (const QuotesContext *ctx, guint i, guint s1)
{
  /* "him to be", not "US troops would"; a verb that is a cue reports a
   * clause of its own ("reported its source claimed …"), the one the
   * inner cue finds. */
  if (ctx_has (ctx, i, QW_CUE | QW_FINITE | QW_NP_END)
      || (ctx_has (ctx, i, QW_ACCUSATIVE)
          && !(ctx->tokens[i].flags & WEFT_TOKEN_ALL_CAPS)))
    return FALSE;
  for (guint j = i + 1; j < s1 && j <= i + 10; j++)
    {
      if (ctx_quoted (ctx, j))
        return FALSE;
      /* A regular past further on is more often a participle: "an FBI
       * money laundering probe connected to …". */
      if (is_verb (ctx, j, j <= i + 6))
        return !ctx_token_is (ctx, j - 1, "and")
               && !ctx_token_is (ctx, j - 1, "or") && !ctx_has (ctx, j, QW_CUE);
      if (ctx_punct_is (ctx, j, ','))
        {
          guint k = j + 1;
          while (k < s1 && k < j + 12 && !ctx_punct_is (ctx, k, ',')
                 && !ctx_is_sentence_end (ctx, k) && !ctx_quoted (ctx, k))
            k++;
          return ctx_punct_is (ctx, k, ',') && k + 1 < s1
                 && is_verb (ctx, k + 1, TRUE);
        }
      if (!in_noun_phrase (ctx, j) || ends_subject (ctx, j))
        return FALSE;
    }
  return FALSE;
}

/* The source of a cue found at @k (ending at @end): a subject before it,
 * else an inverted subject after it. */
static MentionKind
cue_source (const QuotesContext *ctx, const QuotesCue *cue, guint k, guint end,
            guint floor, Mention *m)
{
  guint start, np_end;
  if (cue->kind == QUOTES_CUE_PREP)
    return quotes_np_after (ctx, end, TRUE, m, &np_end);
  if (ctx_token_is (ctx, end, "by") && k > 0
      && (ctx_token_is (ctx, k - 1, "was")
          || ctx_token_is (ctx, k - 1, "were")))
    return quotes_np_after (ctx, end + 1, FALSE, m, &np_end); /* told by X */
  MentionKind kind = quotes_subject_before (ctx, k, floor, m, &start);
  if (kind == MENTION_NONE && k > floor
      && (ctx_token_is (ctx, k - 1, "and") || ctx_token_is (ctx, k - 1, "but")
          || is_participle (ctx, k)))
    /* "X called it “…” and described it as “…”", "X praised Y, stating
     * …": the clause's subject. */
    kind = quotes_clause_subject (ctx, floor, k, m);
  if (kind == MENTION_NONE && cue->kind == QUOTES_CUE_TEXT)
    kind = quotes_text_subject (ctx, k, m);
  if (kind == MENTION_NONE)
    kind = quotes_np_after (ctx, end, FALSE, m, &np_end);
  return kind;
}

/* A cue before the opening mark, in the same sentence ("Hajiyev said that
 * “…”"), or in the sentence before when that one ends with a colon. */
/* "Politico quoted Tim Manning, a former official, as saying “…”", "It
 * cited the Air Force as stating …": the speaker of the cue at @k after
 * "as" is the object of the quoting verb before it (in the sentence from
 * @s0), else MENTION_NONE. */
static MentionKind
quoted_as (const QuotesContext *ctx, guint k, guint s0, Mention *m)
{
  static const char *const quoting[]
      = { "quoted", "quotes", "quoting", "cited", "cites", "citing" };
  if (k < s0 + 3 || !ctx_token_is (ctx, k - 1, "as"))
    return MENTION_NONE;
  for (guint j = k - 2; j > s0 && j + 16 > k; j--)
    {
      if (ctx_quoted (ctx, j) || ctx_is_sentence_end (ctx, j))
        return MENTION_NONE;
      if (!ctx_token_in (ctx, j - 1, quoting))
        continue;
      /* The object up to its appositive: "Tim Manning, formerly …". */
      guint e = j;
      while (e < k - 1 && !ctx_punct_is (ctx, e, ','))
        e++;
      MentionKind kind = quotes_find_mention (ctx, j, e, FALSE, m);
      return kind == MENTION_GROUP ? MENTION_NONE : kind;
    }
  return MENTION_NONE;
}

static gboolean
leading (QuotesContext *ctx, Quote *q, guint *cue_end)
{
  guint open = q->open_token;
  guint i = open;
  gboolean colon = FALSE;
  /* "…law.:" then a new paragraph opening with the quotation. */
  if (i > 0 && ctx_punct_is (ctx, i - 1, ':'))
    {
      i--;
      colon = newline_before (ctx, open);
      if (i > 0 && ctx_is_sentence_end (ctx, i - 1))
        i--;
    }
  guint floor = i > 40 ? i - 40 : 0;
  while (i > floor)
    {
      i--;
      if ((ctx_is_sentence_end (ctx, i) || ctx_punct_is (ctx, i, ':')
           || ctx_punct_is (ctx, i, ';'))
          && !ctx_quoted (ctx, i))
        return FALSE;
      if (newline_before (ctx, i + 1) && !(colon && i + 1 == open))
        return FALSE;
      guint end;
      const QuotesCue *cue = quotes_match_cue (ctx, i, &end);
      if (!cue)
        continue;
      /* "— as reported by Hurriyet —" is not the speaker, but "quoted X
       * as saying" is X's. */
      Mention as_source = { 0 };
      if (i > 0 && ctx_token_is (ctx, i - 1, "as")
          && quoted_as (ctx, i, floor, &as_source) == MENTION_NONE)
        continue;
      if (token_bit (ctx->used, i))
        {
          /* “…,” wrote Trump, “and therefore …”: the rest of a quotation
           * split by its attribution. */
          const Quote *split = NULL; /* the first such quotation */
          for (guint l = quote_index_latest (ctx->cue_index, i); l;
               l = quote_link (ctx->cue_index, l)->earlier)
            {
              const Quote *p
                  = &ctx->quotes[quote_link (ctx->cue_index, l)->quote];
              if (p->cue_first == i && p != q && p->cue && p->close_token < i
                  && ctx_punct_is (ctx, open - 1, ','))
                split = p;
            }
          if (split)
            {
              q->mention = split->mention;
              q->cue = split->cue;
              q->cue_first = i, q->cue_last = end;
              quote_index_add (ctx, ctx->cue_index, i, q);
              *cue_end = G_MAXUINT;
              return TRUE;
            }
        }
      guint s0, s1;
      ctx_sentence_bounds (ctx, i, &s0, &s1);
      Mention m = as_source;
      if (m.kind == MENTION_NONE
          && cue_source (ctx, cue, i, end, MIN (s0, i), &m) == MENTION_NONE)
        continue;
      q->mention = m;
      q->named = cue->kind == QUOTES_CUE_NAME;
      if (colon)
        share_cue (ctx, q, cue->text, i, end);
      else
        set_cue (ctx, q, cue->text, i, end);
      *cue_end = end;
      return TRUE;
    }
  return FALSE;
}

/* Counts the words of a quotation and tells whether it reads like a title
 * ("Azerbaijan's Contribution to the Euro-Atlantic Peace and Security") or
 * a name ("MK").  The rules compare the count with 8 at most: a quotation
 * that is no title stops at 8 words (whether it holds a sentence end then
 * matters to no rule), so a long one is not read to its end. */
#define SHAPE_WORDS 8
static void
shape (const QuotesContext *ctx, const Quote *q, guint *words,
       gboolean *sentence, gboolean *title)
{
  guint last = q->close_token != NO_TOKEN ? q->close_token : q->end_token;
  *words = 0;
  *sentence = FALSE;
  gboolean all_caps = TRUE;
  for (guint i = q->first_token; i < last && i < ctx->n_tokens; i++)
    {
      const WeftToken *t = &ctx->tokens[i];
      if (t->kind == WEFT_TOKEN_WORD || t->kind == WEFT_TOKEN_NUMBER
          || t->kind == WEFT_TOKEN_ABBREV)
        {
          (*words)++;
          if (all_caps && t->kind == WEFT_TOKEN_WORD
              && !(t->flags & WEFT_TOKEN_CAPITALIZED)
              && !ctx_has (ctx, i, QW_TITLE_SMALL))
            all_caps = FALSE;
        }
      else if (ctx_is_sentence_end (ctx, i))
        *sentence = TRUE;
      if (*words >= SHAPE_WORDS && !all_caps)
        break;
    }
  *title = all_caps && *words > 0;
}

/* Turns @q into a term; its cue is free again for reported speech unless
 * another quotation shares it. */
static void
make_term (QuotesContext *ctx, Quote *q)
{
  gboolean shared = FALSE;
  for (guint l = q->cue ? quote_index_latest (ctx->cue_index, q->cue_first) : 0;
       l; l = quote_link (ctx->cue_index, l)->earlier)
    {
      const Quote *p = &ctx->quotes[quote_link (ctx->cue_index, l)->quote];
      if (p != q && p->cue && p->cue_first == q->cue_first
          && p->kind != QUOTE_TERM)
        shared = TRUE;
    }
  for (guint i = q->cue_first; q->cue && !shared && i < q->cue_last; i++)
    token_bit_set (ctx->used, i, FALSE);
  q->kind = QUOTE_TERM;
  q->mention.kind = MENTION_NONE;
  q->cue = NULL;
  q->cue_first = q->cue_last = 0;
  q->continuation = FALSE;
}

/* Whether the naming cue of @q has a person as its subject, right before
 * it ("Trump called it a “witch hunt”", "Schiff has called it …"), not a
 * thing named ("a pattern commonly called “glider”", "was called"). */
static gboolean
named_by_speaker (const QuotesContext *ctx, const Quote *q)
{
  const Mention *m = &q->mention;
  if (m->kind != MENTION_NAME && m->kind != MENTION_PRONOUN
      && m->kind != MENTION_DESCRIPTION)
    return FALSE;
  if (m->last > q->cue_first || m->last + 3 < q->cue_first)
    return FALSE;
  for (guint i = m->last; i < q->cue_first; i++)
    if (!ctx_has (ctx, i, QW_FILLER) || ctx_token_is (ctx, i, "was")
        || ctx_token_is (ctx, i, "were") || ctx_token_is (ctx, i, "is")
        || ctx_token_is (ctx, i, "are") || ctx_token_is (ctx, i, "be")
        || ctx_token_is (ctx, i, "been") || ctx_token_is (ctx, i, "being"))
      return FALSE;
  return TRUE;
}

/* Whether token @i names what someone said: "phrase", "words". */
static gboolean
is_words_noun (const QuotesContext *ctx, guint i)
{
  static const char *const nouns[]
      = { "phrase",  "words",    "statement", "remark",   "remarks",
          "comment", "comments", "slogan",    "motto",    "catchphrase",
          "quip",    "tweet",    "message",   "promise",  "pledge",
          "vow",     "warning",  "saying",    "question", "answer",
          "reply",   "response", "claim",     "assertion" };
  return ctx_token_in (ctx, i, nouns);
}

/* "President Ilham Aliyev’s famous phrase “…”", "Peskov's words “…”":
 * a quotation right after a noun for words, owned by a name, is that
 * person's.  Up to two lower-case modifiers may stand between them. */
static gboolean
possessive_source (QuotesContext *ctx, Quote *q)
{
  if (q->open_token < 3 || !is_words_noun (ctx, q->open_token - 1))
    return FALSE;
  guint i = q->open_token - 1;
  for (guint n = 0; n < 2 && i > 1 && ctx_is_word (ctx, i - 1)
                    && !(ctx->tokens[i - 1].flags & WEFT_TOKEN_CAPITALIZED)
                    && !ctx_has (ctx, i - 1, QW_DETERMINER);
       n++)
    i--;
  /* The owner: "Aliyev’s" as one token, or "Aliyev" + "’s". */
  guint owner = i - 1;
  if (ctx->tokens[owner].kind == WEFT_TOKEN_CLITIC && owner > 0)
    owner--;
  Mention m;
  if (quotes_possessor (ctx, owner, &m) != MENTION_NAME)
    return FALSE;
  q->mention = m;
  return TRUE;
}

/* A quotation woven into a clause with no cue ("Khosla talked of Munk's
 * “…”", "Sadiq Khan thanked “…”", "Trump characterized the call as
 * “…”"): the words of the clause's subject, when a person or a pronoun
 * for one is, with its verb as the cue; not after a passive ("He was
 * charged with “…”": the words of whoever charged him). */
static gboolean
woven_source (QuotesContext *ctx, Quote *q)
{
  guint s0, s1;
  ctx_sentence_bounds (ctx, q->open_token - 1, &s0, &s1);
  Mention m;
  MentionKind kind = quotes_clause_subject (ctx, s0, q->open_token, &m);
  /* "Having the left explore “…”": a gerund, no name. */
  if ((kind != MENTION_NAME && kind != MENTION_PRONOUN
       && kind != MENTION_DESCRIPTION)
      || ctx_word_ends_with (ctx, m.first, "ing", 4))
    return FALSE;
  /* Past fillers and an appositive: "The mayor of London, Sadiq Khan,
   * thanked “…”", whose name is the mention. */
  guint verb = m.last, comma = G_MAXUINT;
  while (verb < q->open_token && verb < m.last + 12 && !ctx_quoted (ctx, verb)
         && (ctx_has (ctx, verb, QW_FILLER) || ctx_is_ly_adverb (ctx, verb)
             || ctx_capitalized (ctx, verb) || ctx_punct_is (ctx, verb, ',')
             || ctx_has (ctx, verb, QW_PLACE | QW_DETERMINER)))
    {
      Mention name;
      if (ctx_punct_is (ctx, verb, ','))
        {
          if (comma != G_MAXUINT && kind == MENTION_DESCRIPTION
              && quotes_find_mention (ctx, comma + 1, verb, FALSE, &name)
                     == MENTION_NAME)
            m = name;
          comma = verb;
        }
      verb++;
    }
  static const char *const passive[]
      = { "was", "were", "is", "are", "been", "being", "be" };
  /* "Politico quoted X as saying “…”": another's words. */
  static const char *const quoting[] = { "quoted", "quotes", "quoting" };
  if (verb >= q->open_token || !ctx_is_word (ctx, verb)
      || (ctx->tokens[verb].flags & WEFT_TOKEN_CAPITALIZED)
      || ctx_token_in (ctx, verb, passive)
      || (verb > m.last && ctx_token_in (ctx, verb - 1, passive))
      || ctx_token_in (ctx, verb, quoting))
    return FALSE;
  /* A verb: "characterized", "chooses", "thanked" (not "the court", "of
   * the statement": no clause). */
  if (!is_verb (ctx, verb, TRUE)
      && !(ctx_word_ends_with (ctx, verb, "s", 3)
           && !ctx_word_ends_with (ctx, verb, "ss", 3)
           && !ctx_has (ctx, verb,
                        QW_DETERMINER | QW_PLACE | QW_OBJECT | QW_FILLER
                            | QW_PRONOUN | QW_GROUP)))
    return FALSE;
  /* "… the novel, which the New York Times called “…”", "…, when they
   * were the “…”": a lesser clause, its own subject's. */
  static const char *const lesser[]
      = { "which", "who", "whom", "whose", "that",  "when",  "where",
          "while", "because", "after", "before", "if",   "although" };
  for (guint i = verb + 1; i < q->open_token; i++)
    if (!ctx_quoted (ctx, i) && ctx_token_in (ctx, i, lesser))
      return FALSE;
  q->mention = m;
  set_verb_cue (ctx, q, verb);
  return TRUE;
}

void
quotes_attribute (QuotesContext *ctx)
{
  if (ctx->n_quotes == 0)
    return;
  QuoteIndex index;
  quote_index_init (&index, ctx->n_quotes, ctx->doc);
  ctx->cue_index = &index;
  for (guint n = 0; n < ctx->n_quotes; n++)
    {
      Quote *q = &ctx->quotes[n];
      guint words;
      gboolean sentence, title;
      shape (ctx, q, &words, &sentence, &title);
      gboolean first = starts_sentence (ctx, q->open_token);
      guint cue_end = 0;
      gboolean found = FALSE;
      /* “No,” Cruz replied: a capitalized quotation ending in a comma,
       * question or exclamation mark, then its attribution, is speech. */
      guchar before_close
          = q->close_token != NO_TOKEN
                ? ctx->text[ctx->tokens[q->close_token].start - 1]
                : 0;
      if (title && !(sentence && words > 3)
          && !(first
               && (before_close == ',' || before_close == '?'
                   || before_close == '!')
               && trailing (ctx, q, FALSE)))
        {
          q->kind = QUOTE_TERM;
          continue;
        }
      if (first)
        {
          found = trailing (ctx, q, TRUE);
          if (!found && q->open_token > 0
              && ctx_punct_is (ctx, q->open_token - 1, ':'))
            found = leading (ctx, q, &cue_end);
          if (!found && words > 3)
            q->continuation = TRUE;
        }
      else
        {
          found = leading (ctx, q, &cue_end);
          if (found)
            {
              /* Direct when introduced by "X said:" / "X said," / "said
               * “Capital…"; mixed when woven into the sentence. */
              guint before = q->open_token - 1;
              gboolean capital = opens_capitalized (ctx, q);
              guint ignored;
              if (cue_end == G_MAXUINT || ctx_punct_is (ctx, before, ':')
                  || (ctx->tokens[before].kind == WEFT_TOKEN_PUNCT
                      && (guchar)ctx->text[ctx->tokens[before].start] == 0xE2)
                  || quotes_match_cue (ctx, before, &ignored)
                  || (ctx_punct_is (ctx, before, ',')
                      && (capital || before == cue_end))
                  || (before + 1 == cue_end && capital))
                q->kind = QUOTE_DIRECT;
              else
                q->kind = QUOTE_MIXED;
            }
          else
            {
              found = trailing (ctx, q, FALSE);
              if (found)
                q->kind = QUOTE_MIXED;
            }
        }
      if (!found && q->open_token > 0 && opens_capitalized (ctx, q)
          && (ctx_punct_is (ctx, q->open_token - 1, ':')
              || ctx_punct_is (ctx, q->open_token - 1, ','))
          && !newline_before (ctx, q->open_token))
        {
          /* "Tanya Chan spoke to the press after the speech: “…”". */
          guint s0, s1;
          ctx_sentence_bounds (ctx, q->open_token - 1, &s0, &s1);
          Mention m;
          MentionKind kind = quotes_clause_subject (ctx, s0, q->open_token, &m);
          if (kind == MENTION_NAME || kind == MENTION_PRONOUN
              || kind == MENTION_DESCRIPTION)
            {
              q->mention = m;
              q->kind = QUOTE_DIRECT;
              q->continuation = FALSE;
              found = TRUE;
            }
        }
      if (!found && !first)
        found = possessive_source (ctx, q);
      if (!found && !first && (words >= SHAPE_WORDS || sentence)
          && q->open_token > 0
          && (ctx_is_word (ctx, q->open_token - 1)
              || ctx->tokens[q->open_token - 1].kind == WEFT_TOKEN_CLITIC)
          && woven_source (ctx, q))
        {
          found = TRUE;
          q->kind = QUOTE_MIXED;
        }
      if (!found && !first && words > 3 && q->open_token > 0
          && ctx_punct_is (ctx, q->open_token - 1, ','))
        {
          /* "In this regard, “…”": an adverbial, then the quotation. */
          guint s0, s1;
          ctx_sentence_bounds (ctx, q->open_token - 1, &s0, &s1);
          if (q->open_token - s0 <= 5)
            q->continuation = TRUE, first = TRUE;
        }
      /* A short quotation is speech when it opens its sentence with an
       * attribution, or stands right after the cue as a whole utterance
       * (said “We couldn’t win,”); else a name or scare quote. */
      gboolean utterance = found && !first && q->kind == QUOTE_DIRECT
                           && words >= 2
                           && opens_capitalized (ctx, q);
      /* called the deal “lousy”: the speaker's word. */
      gboolean named = found && !first && q->named && named_by_speaker (ctx, q);
      if (named)
        q->kind = QUOTE_MIXED;
      if ((words <= 3 && !(first && found) && !utterance && !named)
          || (!found && !first && words < SHAPE_WORDS && !sentence))
        make_term (ctx, q);
    }
  for (guint n = 0; n < ctx->n_quotes; n++)
    {
      Quote *q = &ctx->quotes[n];
      if (q->kind != QUOTE_TERM)
        continue;
      guint last = q->close_token != NO_TOKEN ? q->close_token : q->first_token;
      last = MIN (last + 1, ctx->n_tokens);
      if (q->open_token < last)
        token_bits_set_range (ctx->terms, q->open_token, last);
    }
  ctx->cue_index = NULL;
  quote_index_clear (&index);
}

/* Whether token @i is a cue word ending in -ing ("adding", "saying"). */
static gboolean
is_cue_participle (const QuotesContext *ctx, guint i)
{
  guint end;
  return quotes_match_cue (ctx, i, &end)
         && ctx_word_ends_with (ctx, i, "ing", 4);
}

/* Where reported speech that starts at @first ends, at the latest @last:
 * before a semicolon, ", adding …", ", according to …", "without
 * elaborating", or "and added …" (the speaker's next act, not the
 * report), and with @contrast before ", while …" (the writer's). */
static guint
content_end (const QuotesContext *ctx, guint first, guint last,
             gboolean contrast)
{
  for (guint i = first + 1; i < last; i++)
    {
      if (ctx_quoted (ctx, i))
        continue;
      if (ctx_punct_is (ctx, i, ';'))
        {
          /* "…; TVN24 reported he …": a new attribution, not more of it. */
          guint end;
          for (guint k = i + 1; k < last; k++)
            if (quotes_match_cue (ctx, k, &end))
              return i;
        }
      if (ctx_punct_is (ctx, i, ','))
        {
          if (is_cue_participle (ctx, i + 1))
            return i;
          /* "…, while footage from the scene showed …": the writer's
           * contrast, not more of the report. */
          if (contrast
              && (ctx_token_is (ctx, i + 1, "while")
                  || ctx_token_is (ctx, i + 1, "whereas")))
            return i;
          Mention m;
          guint np_end;
          if (ctx_token_is (ctx, i + 1, "according")
              && ctx_token_is (ctx, i + 2, "to")
              && quotes_np_after (ctx, i + 3, TRUE, &m, &np_end) != MENTION_NONE
              && (np_end >= last || ctx_is_sentence_end (ctx, np_end)))
            return i; /* "…, according to the ministry." closes it */
          continue; /* none of the word tests below */
        }
      if (ctx_token_is (ctx, i, "without") && is_participle (ctx, i + 1)
          && i + 2 <= last
          && (i + 2 == last || ctx->tokens[i + 2].kind == WEFT_TOKEN_PUNCT))
        return i; /* "without elaborating." */
      /* "and added …", "and several said …": a new report. */
      guint end;
      if (ctx_token_is (ctx, i, "and") || ctx_token_is (ctx, i, "but"))
        for (guint k = i + 1; k < last && k <= i + 3; k++)
          {
            if (!ctx_is_word (ctx, k) || ctx_quoted (ctx, k)
                || (k > i + 1 && ctx_has (ctx, k - 1, QW_FILLER)))
              break; /* "can and may declare": one clause */
            if (quotes_match_cue (ctx, k, &end)
                && !(ctx->tokens[k].flags & WEFT_TOKEN_CAPITALIZED)
                && !ctx_token_is (ctx, k - 1, "to"))
              return ctx_punct_is (ctx, i - 1, ',') ? i - 1 : i;
          }
    }
  return last;
}

/* Whether a token of [@first, @last) is quoted and no term: 64 tokens at
 * a time from the bit sets. */
static gboolean
holds_quotation (const QuotesContext *ctx, guint first, guint last)
{
  for (guint w = first / 64; w * 64 < last; w++)
    {
      guint64 bits = ctx->quoted[w] & ~ctx->terms[w];
      if (w == first / 64)
        bits &= G_MAXUINT64 << (first & 63);
      if ((w + 1) * 64 > last)
        bits &= G_MAXUINT64 >> (64 - (last & 63));
      if (bits)
        return TRUE;
    }
  return FALSE;
}

/* Whether tokens @i and @i + 1 are a whole clause of two words, a
 * subject and its verb: "he agreed", "Putin agrees", "she would" (the
 * shortest report: "Peskov said he agreed."). */
static gboolean
two_word_clause (const QuotesContext *ctx, guint i)
{
  if (i + 1 >= ctx->n_tokens || ctx_quoted (ctx, i) || ctx_quoted (ctx, i + 1)
      || !(ctx_has (ctx, i, QW_PRONOUN | QW_GROUP) || ctx_token_is (ctx, i, "it")
           || (ctx_capitalized (ctx, i) && !ctx_has (ctx, i, QW_NONNAME))))
    return FALSE;
  return is_verb (ctx, i + 1, TRUE)
         || (ctx_word_ends_with (ctx, i + 1, "s", 2)
             && !(ctx->tokens[i + 1].flags & WEFT_TOKEN_CAPITALIZED)
             && !ctx_has (ctx, i + 1, QW_GROUP | QW_PRONOUN)
             && (ctx_word (ctx, i)->gender || ctx_token_is (ctx, i, "it")
                 || ctx_capitalized (ctx, i)));
}

/* The most tokens reported speech runs to. */
#define REPORT_MAX_TOKENS 160

/* Appends an indirect quotation over tokens [@first, @last). */
static void
add_indirect (QuotesContext *ctx, guint first, guint last, const char *cue,
              guint cue_first, guint cue_last, const Mention *m)
{
  /* Reported speech ends with its paragraph. */
  guint line = ctx_line_starts_upto (ctx, first);
  if (line < ctx->line_starts.n)
    last = MIN (last, ctx->line_starts.items[line]);
  /* Bounded, so that a sentence of thousands of reports costs (and
   * writes) linear work; the longest report in 10 MB of news has 63
   * words. */
  if (first >= cue_last)
    /* "according to X, …" vouches for the whole sentence: "…, while …"
     * is still the source's. */
    last = content_end (ctx, first, MIN (last, first + REPORT_MAX_TOKENS),
                        !ctx_token_is (ctx, cue_first, "according"));
  else if (last - first > REPORT_MAX_TOKENS)
    return;
  else
    for (guint i = last; i-- > first;)
      if (ctx_punct_is (ctx, i, ';') && !ctx_quoted (ctx, i))
        {
          first = i + 1; /* "A; B, X said": only B */
          break;
        }
  while (last > first && ctx->tokens[last - 1].kind == WEFT_TOKEN_PUNCT
         && !ctx_quoted (ctx, last - 1))
    last--;
  while (first < last && ctx->tokens[first].kind == WEFT_TOKEN_PUNCT
         && !ctx_quoted (ctx, first))
    first++;
  if (last < first + 3 && !(last == first + 2 && two_word_clause (ctx, first)))
    return;
  if (holds_quotation (ctx, first, last))
    return; /* reported speech holding a quotation: it is that quotation */
  Quote *q = quotes_context_add (ctx);
  q->start = ctx->tokens[first].start;
  q->end = ctx->tokens[last - 1].end;
  q->first_token = first;
  q->open_token = q->close_token = NO_TOKEN;
  q->end_token = last; /* the first token ending after tokens[last - 1] */
  q->kind = QUOTE_INDIRECT;
  q->mention = *m;
  set_cue (ctx, q, cue, cue_first, cue_last);
  if (m->kind != MENTION_NONE)
    quote_index_add (ctx, ctx->mention_index, m->first, q);
}

/* After a time word or phrase at @i ("today", "on Monday", "last
 * week"): the token after it, else @i. */
static guint
skip_time (const QuotesContext *ctx, guint i, guint limit)
{
  while (i < limit)
    {
      if (ctx_has (ctx, i, QW_TIME))
        i++;
      else if ((ctx_token_is (ctx, i, "on") || ctx_token_is (ctx, i, "last")
                || ctx_token_is (ctx, i, "this")
                || ctx_token_is (ctx, i, "next"))
               && ctx_has (ctx, i + 1, QW_TIME))
        i += 2;
      else
        break;
    }
  return i;
}

/* After the addressee of a tell-verb at @i: an object pronoun ("him"), a
 * name ("Wikinews", "the BBC") or up to three lower-case words before a
 * clause starts ("reporters", "local media").  @i when there is none. */
static guint
skip_addressee (const QuotesContext *ctx, guint i, guint limit)
{
  /* "warned that Russia would …": "that" opens the clause, it is no
   * determiner of an addressee. */
  if (i >= limit || ctx_quoted (ctx, i) || ctx_token_is (ctx, i, "that"))
    return i;
  if (ctx_has (ctx, i, QW_ACCUSATIVE) && !ctx_has (ctx, i + 1, QW_ROLE))
    return i + 1;
  guint j = i;
  if (ctx_has (ctx, j, QW_DETERMINER | QW_QUANTIFIER))
    j++;
  if (ctx_capitalized (ctx, j))
    {
      guint e = j;
      while (e < limit && ctx_capitalized (ctx, e) && !ctx_quoted (ctx, e))
        e++;
      return e;
    }
  guint e = j;
  while (e < limit && e < j + 3 && ctx_is_word (ctx, e) && !ctx_quoted (ctx, e)
         && !(ctx->tokens[e].flags & WEFT_TOKEN_CAPITALIZED)
         && !ctx_has (ctx, e,
                      QW_PRONOUN | QW_GROUP | QW_TIME | QW_CLAUSE_BLOCK
                          | QW_DETERMINER | QW_FILLER)
         && !ctx_token_is (ctx, e, "that"))
    e++;
  return e > j ? e : i;
}

/* What the cue at @k (ending at @end) is followed by before its clause:
 * an addressee ("told reporters"), time words ("said Monday", "told him
 * today").  Returns the token after them. */
static guint
clause_after (const QuotesContext *ctx, const QuotesCue *cue, guint end,
              guint s1)
{
  guint after = end;
  if (cue->kind == QUOTES_CUE_TELL)
    after = skip_addressee (ctx, after, s1);
  return skip_time (ctx, after, s1);
}

/* The "that" opening a clause within nine tokens of @after (before a
 * quotation, a comma, a sentence end or a subject pronoun: "X said [to
 * …] that CLAUSE"), else G_MAXUINT. */
static guint
that_after (const QuotesContext *ctx, guint after, guint s1)
{
  for (guint i = after; i < s1 && i < after + 9; i++)
    {
      if (ctx_quoted (ctx, i) || ctx_punct_is (ctx, i, ',')
          || ctx_is_sentence_end (ctx, i)
          || ctx_has (ctx, i, QW_PRONOUN | QW_GROUP))
        break;
      if (ctx_token_is (ctx, i, "that"))
        return i;
    }
  return G_MAXUINT;
}

/* Whether @cue (ending at @end) can take the bare clause at
 * @after, its subject aside: "X said the talks would …", "told reporters
 * today psychiatric assessments will …" (a verb of kind say, clause, or
 * tell after its addressee), not "said in a statement". */
static gboolean
bare_clause_at (const QuotesContext *ctx, const QuotesCue *cue, guint end,
                guint after, guint s1)
{
  /* "said “three terrorists” were killed": a clause may open with a
   * quoted term. */
  gboolean word = after < s1 && word_or_number (ctx, after);
  gboolean term = !word && after + 1 < s1 && token_bit (ctx->terms, after)
                  && ctx->tokens[after].kind == WEFT_TOKEN_PUNCT
                  && word_or_number (ctx, after + 1);
  if (term)
    {
      /* …and its verb after it: not "saying “united in diversity”". */
      guint close = after + 1;
      while (close < s1 && token_bit (ctx->terms, close))
        close++;
      term = close < s1 && is_verb (ctx, close, TRUE);
    }
  return (cue->kind == QUOTES_CUE_SAY || cue->kind == QUOTES_CUE_CLAUSE
          || (cue->kind == QUOTES_CUE_TELL && after > end))
         && (word || term)
         && (!ctx_has (ctx, after, QW_CLAUSE_BLOCK | QW_FILLER)
             || ((ctx_token_is (ctx, after, "it")
                  || ctx_token_is (ctx, after, "this"))
                 && ctx_has (ctx, after + 1, QW_FILLER))
             || ((ctx_token_is (ctx, after, "no")
                  || ctx_token_is (ctx, after, "nothing"))
                 && verb_follows (ctx, after, s1)))
         && (!ctx_quoted (ctx, after) || term)
         && (s1 - after >= 4
             || (s1 - after == 3 && ctx_is_sentence_end (ctx, after + 2)
                 && two_word_clause (ctx, after)));
}

/* A cheap test before the subject is looked for: whether the cue at @k
 * (ending at @end) can report anything in the sentence [@s0, @s1) — a
 * "that" clause or a bare clause after it, a comma before it (an inverted
 * subject, a participle), or the sentence ending soon after it with a
 * comma before the subject ("…, X said."). The rules in indirect_at()
 * add nothing when it is FALSE (they test the same things, the subject
 * aside), so most cues that report nothing cost no subject.
 * *@after gets clause_after() and *@that that_after() of it when it is
 * TRUE without a comma before. */
static gboolean
may_report (const QuotesContext *ctx, const QuotesCue *cue, guint k, guint end,
            guint s0, guint s1, guint *after_out, guint *that_out)
{
  if (k > s0 && ctx_punct_is (ctx, k - 1, ','))
    return TRUE;
  guint after = clause_after (ctx, cue, end, s1);
  *after_out = after;
  *that_out = that_after (ctx, after, s1);
  if (*that_out != G_MAXUINT)
    return TRUE;
  if (bare_clause_at (ctx, cue, end, after, s1))
    return TRUE;
  guint tail = end;
  while (tail < s1 && !ctx_punct_is (ctx, tail, ',')
         && !ctx_is_sentence_end (ctx, tail) && tail < end + 4)
    tail++;
  if (!(tail >= s1 || ctx_is_sentence_end (ctx, tail)
        || (ctx_punct_is (ctx, tail, ',')
            && (is_participle (ctx, tail + 1) || is_verb (ctx, tail + 1, TRUE)
                || ctx_has (ctx, tail + 1, QW_FILLER)))))
    return FALSE;
  /* "CLAUSE, X said.": only with a comma before the subject. */
  for (guint i = s0; i + 1 < k; i++)
    if (ctx_punct_is (ctx, i, ','))
      return TRUE;
  return FALSE;
}

/* Whether "it" is the subject of the cue at @k (after the sentence's
 * start @s0) and speaks: "It said", "it also stated" (a company, a
 * statement), with verbs of speech only (not "it shows", "it suggests
 * that", "it tells us", "it says at the top of the paper") and not the
 * impersonal "it is said".  Returns its token, or G_MAXUINT. */
static guint
it_speaks (const QuotesContext *ctx, guint k, guint s0)
{
  static const char *const verbs[]
      = { "said",     "stated",  "states",   "added",     "adds",
          "announced", "announces", "reported", "reports", "claimed",
          "claims",   "warned",  "warns",    "wrote",     "noted",
          "notes",    "denied",  "denies",   "insisted",  "insists",
          "urged",    "urges",   "alleged",  "alleges",   "argued",
          "argues",   "confirmed", "confirms", "asked",   "asks" };
  if (!ctx_token_in (ctx, k, verbs))
    return G_MAXUINT;
  guint it = ctx_skip_fillers_back (ctx, k, s0);
  if (it == s0 || !ctx_token_is (ctx, it - 1, "it"))
    return G_MAXUINT;
  for (guint i = it; i < k; i++)
    if (ctx_token_is (ctx, i, "is") || ctx_token_is (ctx, i, "was")
        || ctx_token_is (ctx, i, "be") || ctx_token_is (ctx, i, "been"))
      return G_MAXUINT;
  return it - 1;
}

/* "This was stated by X": the previous sentence is what X said. */
static gboolean
passive (QuotesContext *ctx, const QuotesCue *cue, guint k, guint end, guint s0)
{
  if (!ctx_token_is (ctx, end, "by") || k == 0
      || !(ctx_token_is (ctx, k - 1, "was") || ctx_token_is (ctx, k - 1, "were")
           || ctx_token_is (ctx, k - 1, "been"))
      || !(ctx_token_is (ctx, s0, "this") || ctx_token_is (ctx, s0, "that")
           || ctx_token_is (ctx, s0, "it"))
      || s0 == 0)
    return FALSE;
  Mention m;
  guint np_end;
  if (quotes_np_after (ctx, end + 1, FALSE, &m, &np_end) == MENTION_NONE)
    return FALSE;
  guint p0, p1;
  ctx_sentence_bounds (ctx, s0 - 1, &p0, &p1);
  add_indirect (ctx, p0, p1, cue->text, k, end, &m);
  return TRUE;
}

/* The mention of the latest quotation (in ctx->quotes) whose speaker is
 * named inside tokens [@first, @last). */
static MentionKind
latest_mention_in (const QuotesContext *ctx, guint first, guint last,
                   Mention *m)
{
  guint latest = G_MAXUINT;
  for (guint t = first; t <= last; t++)
    for (guint l = quote_index_latest (ctx->mention_index, t); l;
         l = quote_link (ctx->mention_index, l)->earlier)
      {
        guint p = quote_link (ctx->mention_index, l)->quote;
        if (ctx->quotes[p].mention.last <= last
            && (latest == G_MAXUINT || p > latest))
          latest = p;
      }
  if (latest == G_MAXUINT)
    return MENTION_NONE;
  *m = ctx->quotes[latest].mention;
  return m->kind;
}

/* "did not say he'd ordered it", "never confirmed": a verb of speech
 * denied reports nothing its subject said (a denied belief, "I don't
 * believe this is the end", still gives the speaker's view). */
static gboolean
denied_speech (const QuotesContext *ctx, guint k, guint s0)
{
  static const char *const speech[]
      = { "say",       "said",      "says",      "tell",     "told",
          "confirm",   "confirmed", "deny",      "denied",   "specify",
          "specified", "mention",   "mentioned", "disclose", "disclosed",
          "reveal",    "revealed",  "comment",   "commented" };
  if (k == s0
      || !(ctx_token_is (ctx, k - 1, "not")
           || ctx_token_is (ctx, k - 1, "never")
           || ctx_token_is (ctx, k - 1, "n't")
           || ctx_token_is (ctx, k - 1, "n\xE2\x80\x99t")))
    return FALSE;
  return ctx_token_in (ctx, k, speech);
}

/* Whether the source of a closing "according to X" (ending at @np_end)
 * ends its sentence, perhaps with a phrase of its own: "a statement posted
 * to his official Twitter account", "police in Kabul". */
static gboolean
source_closes (const QuotesContext *ctx, guint np_end, guint s1)
{
  static const char *const phrase[]
      = { "in", "on", "at", "from", "to", "by", "for", "with", "of" };
  if (np_end >= s1 || ctx_is_sentence_end (ctx, np_end))
    return TRUE;
  if (!ctx_token_in (ctx, np_end, phrase)
      && !ctx_word_ends_with (ctx, np_end, "ed", 3))
    return FALSE;
  /* A short phrase: each cue looks this far at most. */
  guint i = np_end;
  for (; i < s1 && i < np_end + 12 && !ctx_is_sentence_end (ctx, i); i++)
    if (!ctx_is_word (ctx, i) || ctx_quoted (ctx, i) || ctx_has (ctx, i, QW_CUE))
      return FALSE;
  return i >= s1 || ctx_is_sentence_end (ctx, i);
}

/* "Twelve people were killed according to police.": a clause with its
 * verb, then "according to" and a source that ends the sentence; not
 * "according to their choice", "according to the rules". */
static gboolean
closing_without_comma (const QuotesContext *ctx, guint k, guint s0, guint s1,
                       guint np_end)
{
  static const char *const rules[]
      = { "law",   "laws",     "rules",  "rule",   "plan",   "plans",
          "schedule", "tradition", "custom", "customs", "procedure",
          "procedures", "protocol", "need", "needs", "size", "age" };
  if (k < s0 + 3 || ctx_punct_is (ctx, k - 1, ',')
      || !source_closes (ctx, np_end, s1))
    return FALSE;
  static const char *const possessive[]
      = { "their", "his", "her", "its", "our", "your", "my" };
  guint src = k + 2;
  if (ctx_token_in (ctx, src, possessive) || ctx_token_in (ctx, src, rules)
      || ctx_token_in (ctx, src + 1, rules)
      || ctx_token_in (ctx, np_end - 1, rules))
    return FALSE;
  /* The source is a noun phrase, not "the Ministry he died at" (a clause
   * after an opening "according to X" with no comma). */
  for (guint i = src; i < np_end; i++)
    if (ctx_has (ctx, i, QW_FINITE | QW_PRONOUN | QW_GROUP))
      return FALSE;
  /* The clause's last 40 tokens at most, so that cues in a long
   * sentence cost no more than in a short one. */
  gboolean verb = FALSE;
  for (guint i = k > s0 + 40 ? k - 40 : s0; i < k; i++)
    {
      if (ctx_quoted (ctx, i))
        return FALSE;
      verb = verb || ctx_has (ctx, i, QW_FINITE) || ends_in_ed (ctx, i);
    }
  return verb;
}

/* The end of the clause going on at @i: its sentence's end @s1, or the
 * first semicolon before it ("…, according to CNN, was called …; the
 * massacres saw …" reports only the first). */
static guint
clause_end (const QuotesContext *ctx, guint i, guint s1)
{
  for (; i < s1; i++)
    if (ctx_punct_is (ctx, i, ';') && !ctx_quoted (ctx, i))
      return i;
  return s1;
}

static void
indirect_at (QuotesContext *ctx, guint k, guint s0, guint s1)
{
  guint end;
  if (token_bit (ctx->used, k)) /* a quotation's cue already */
    return;
  /* A naming verb ("called", "hailed") quotes its word; it reports no
   * clause. */
  const QuotesCue *cue = quotes_match_cue (ctx, k, &end);
  if (!cue || cue->kind == QUOTES_CUE_NAME)
    return;
  /* "… under a tropical storm warning.": a participle reports what
   * follows it, so one that ends its sentence is a noun. */
  if (ctx_word_ends_with (ctx, end - 1, "ing", 4)
      && (end >= ctx->n_tokens || ctx_is_sentence_end (ctx, end)))
    return;
  Mention m;
  guint np_end, start;
  if (cue->kind == QUOTES_CUE_PREP)
    {
      if (quotes_np_after (ctx, end, TRUE, &m, &np_end) == MENTION_NONE)
        return;
      /* "According to X, …" opening its clause, also after a
       * conjunction: "…, but, according to his agent, Hunter had …". */
      guint i = k;
      if (i > s0 && ctx_punct_is (ctx, i - 1, ','))
        i--;
      while (i > s0
             && (ctx_token_is (ctx, i - 1, "but")
                 || ctx_token_is (ctx, i - 1, "and")
                 || ctx_token_is (ctx, i - 1, "however")
                 || ctx_token_is (ctx, i - 1, "yet")))
        i--;
      gboolean initial
          = i == s0 || (i + 1 < k && ctx_punct_is (ctx, i - 1, ','));
      if (initial && ctx_punct_is (ctx, np_end, ','))
        add_indirect (ctx, np_end + 1, s1, cue->text, k, end, &m);
      else if (!initial && ctx_punct_is (ctx, k - 1, ',')
               && source_closes (ctx, np_end, s1)
               && !opening_phrase_only (ctx, s0, k - 1))
        add_indirect (ctx, s0, k - 1, cue->text, k, end, &m);
      else if (!initial && closing_without_comma (ctx, k, s0, s1, np_end))
        add_indirect (ctx, s0, k, cue->text, k, end, &m);
      /* "The deal, according to officials, will be signed …": inside its
       * clause, whose verb follows it. */
      else if (!initial && ctx_punct_is (ctx, k - 1, ',')
               && ctx_punct_is (ctx, np_end, ',') && np_end + 1 < s1
               && !ctx_quoted (ctx, np_end + 1)
               && (is_verb (ctx, np_end + 1, TRUE)
                   || ctx_has (ctx, np_end + 1, QW_FILLER))
               && !opening_phrase_only (ctx, s0, k - 1))
        add_indirect (ctx, s0, clause_end (ctx, np_end, s1), cue->text, k, end,
                      &m);
      return;
    }
  if (denied_speech (ctx, k, s0))
    return;
  /* "declined to say", "continued to write songs"; but "went on to say"
   * says it. */
  if (k > s0 && ctx_token_is (ctx, k - 1, "to")
      && !(k > s0 + 3 && ctx_token_is (ctx, k - 2, "on")
           && (ctx_token_is (ctx, k - 3, "went")
               || ctx_token_is (ctx, k - 3, "goes"))))
    return;
  if (passive (ctx, cue, k, end, s0))
    return;
  /* "were openly called to join", "was told": a passive without "by"
   * names no source. */
  guint b = k;
  while (b > s0 && ctx_is_ly_adverb (ctx, b - 1))
    b--;
  if (b > s0
      && (ctx_token_is (ctx, b - 1, "was") || ctx_token_is (ctx, b - 1, "were")
          || ctx_token_is (ctx, b - 1, "been")
          || ctx_token_is (ctx, b - 1, "being")
          || ctx_token_is (ctx, b - 1, "is") || ctx_token_is (ctx, b - 1, "are")
          || ctx_token_is (ctx, b - 1, "be")))
    return;
  /* clause_after() and that_after(), when may_report() made them */
  guint after = G_MAXUINT, that = G_MAXUINT;
  if (!may_report (ctx, cue, k, end, s0, s1, &after, &that))
    return;
  /* "CLAUSE, forecasters said, warning that …": a participle after a
   * comma takes the speaker of a report before it in its sentence, not
   * the reported clause's words. */
  MentionKind kind = MENTION_NONE;
  if (is_participle (ctx, k) && k > s0 && ctx_punct_is (ctx, k - 1, ','))
    {
      kind = latest_mention_in (ctx, s0, k, &m);
      start = s0;
    }
  if (kind == MENTION_NONE && (kind = quoted_as (ctx, k, s0, &m)))
    start = m.first;
  if (kind == MENTION_NONE)
    kind = quotes_subject_before (ctx, k, s0, &m, &start);
  gboolean inverted = FALSE;
  if (kind == MENTION_NONE && k > s0 && ctx_punct_is (ctx, k - 1, ',')
      && !is_participle (ctx, k))
    {
      kind = quotes_np_after (ctx, end, FALSE, &m, &np_end);
      inverted = TRUE, start = k;
    }
  guint it;
  if (kind == MENTION_NONE && (it = it_speaks (ctx, k, s0)) != G_MAXUINT)
    {
      kind = MENTION_GROUP;
      m = (Mention){ it, it + 1, MENTION_GROUP, 0 };
      start = it;
    }
  if (kind == MENTION_NONE && is_participle (ctx, k) && k > s0
      && ctx_punct_is (ctx, k - 1, ','))
    {
      /* "Peskov said …, adding that …": the sentence's subject, or the
       * speaker of its quotation ("“…,” Kudlow said, adding that …"). */
      kind = quotes_clause_subject (ctx, s0, k, &m);
      if (kind == MENTION_NONE)
        kind = latest_mention_in (ctx, s0, k, &m);
      start = s0;
    }
  /* An unnamed group: "they"/"we" report mostly opinions in interviews
   * ("we believe …") or inside a named report ("Police said they believe
   * …"); "it said" is a company or a text speaking (it_speaks()). */
  if (kind == MENTION_NONE
      || (kind == MENTION_GROUP && !ctx_token_is (ctx, m.first, "it")))
    return;
  /* "no candidate mentioned that …": nobody said it. */
  if (ctx_token_is (ctx, m.first, "no") || ctx_token_is (ctx, m.first, "nobody")
      || ctx_token_is (ctx, m.first, "none")
      || (m.first > 0 && ctx_token_is (ctx, m.first - 1, "no")))
    return;
  if (inverted)
    after = end;
  else if (after == G_MAXUINT)
    {
      after = clause_after (ctx, cue, end, s1);
      that = that_after (ctx, after, s1);
    }
  /* "X said [to …] that CLAUSE"; not "a budget that does …" (a relative
   * clause: a subject pronoun came first, or a verb follows "that"). */
  if (!inverted && that != G_MAXUINT)
    {
      if (!ctx_has (ctx, that + 1, QW_FILLER))
        add_indirect (ctx, that + 1, s1, cue->text, k, end, &m);
      return;
    }
  /* "X said the talks would …", "told reporters today psychiatric
   * assessments will …"; a verb of kind clause only before a subject
   * pronoun or a noun phrase with its verb ("claimed 190 were dead"). */
  gboolean bare = !inverted && bare_clause_at (ctx, cue, end, after, s1);
  /* ", commenting on …", ", adding …": a participle phrase reports with
   * "that" or a clause with its subject and verb (", saying the talks
   * would fail", ", adding he would resign"); else it describes the
   * sentence's own attribution. */
  if (is_participle (ctx, k) && k > s0 && ctx_punct_is (ctx, k - 1, ','))
    {
      if (bare && verb_follows (ctx, after, s1))
        add_indirect (ctx, after, s1, cue->text, k, end, &m);
      return;
    }
  gboolean subject = ctx_has (ctx, after, QW_PRONOUN | QW_GROUP)
                     || ctx_token_is (ctx, after, "there")
                     || ctx_token_is (ctx, after, "it")
                     || (cue->kind == QUOTES_CUE_CLAUSE
                             ? verb_follows (ctx, after, s1)
                             : ctx_capitalized (ctx, after)
                                   || ctx_token_is (ctx, after, "the"));
  if (bare
      && (subject
          || (cue->kind != QUOTES_CUE_CLAUSE && !is_participle (ctx, after)
              && !(start > s0 && ctx_punct_is (ctx, start - 1, ',')))))
    {
      add_indirect (ctx, after, s1, cue->text, k, end, &m);
      return;
    }
  /* "CLAUSE, X said [to Trend]." or "CLAUSE, X said, adding …". */
  if (start > s0 && ctx_punct_is (ctx, start - 1, ','))
    {
      guint tail = end;
      if (inverted)
        tail = np_end;
      while (tail < s1 && !ctx_punct_is (ctx, tail, ',')
             && !ctx_is_sentence_end (ctx, tail) && tail < end + 4)
        tail++;
      if ((tail >= s1 || ctx_is_sentence_end (ctx, tail)
           || (ctx_punct_is (ctx, tail, ',') && is_participle (ctx, tail + 1)))
          && !opening_phrase_only (ctx, s0, start - 1))
        add_indirect (ctx, s0, start - 1, cue->text, k, end, &m);
      /* "The talks, Peskov said, would resume …", "they had, his father
       * says, paid …": the attribution inside its clause, whose verb
       * follows it; the report is the whole clause. */
      else if (ctx_punct_is (ctx, tail, ',') && !inverted && tail + 1 < s1
               && !ctx_quoted (ctx, tail + 1)
               && (is_verb (ctx, tail + 1, TRUE)
                   || ctx_has (ctx, tail + 1, QW_FILLER))
               && !opening_phrase_only (ctx, s0, start - 1))
        add_indirect (ctx, s0, clause_end (ctx, tail, s1), cue->text, k, end,
                      &m);
      return;
    }
}

/* The first of the reports [@from, @n), whose cues come in text order,
 * with its cue at or after token @token. */
static guint
first_cue_from (const QuotesContext *ctx, guint from, guint n, guint token)
{
  guint lo = from, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (ctx->quotes[mid].cue_first < token)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The report of [@from, @n) that report @q holds whole, or G_MAXUINT:
 * that one's cue is inside @q's content, and its content or its speaker
 * opens @q's ("RBC reports: X, said the press secretary", "Znak.com reported
 * its source said that …"), not a later clause of it ("he lost control,
 * with some local press claiming …"). */
static guint
holds_report (const QuotesContext *ctx, guint from, guint n, const Quote *q)
{
  /* A few cues at most: a long content with many cues costs no more. */
  guint j0 = first_cue_from (ctx, from, n, q->first_token);
  for (guint j = j0;
       j < n && j < j0 + 8 && ctx->quotes[j].cue_first < q->end_token; j++)
    {
      const Quote *r = &ctx->quotes[j];
      if (r == q || r->first_token < q->first_token
          || r->end_token > q->end_token)
        continue;
      if (r->first_token == q->first_token
          || (r->mention.kind != MENTION_NONE
              && r->mention.first >= q->first_token
              && r->mention.first <= q->first_token + 2))
        return j;
    }
  return G_MAXUINT;
}

/* A report that holds another is that report's; the inner one, found
 * from its own cue, is kept.  Its "he" or "she" opening the outer one's
 * content is the outer one's speaker ("Greco said he does not believe
 * …"). */
static void
drop_outer_reports (QuotesContext *ctx, guint from)
{
  guint n = ctx->n_quotes, kept = from;
  if (n == from)
    return;
  /* Decided first: the tests read the reports that the copying moves. */
  guint *inner = weft_doc_alloc (ctx->doc, (n - from) * sizeof *inner);
  for (guint i = from; i < n; i++)
    {
      const Quote *q = &ctx->quotes[i], *next = &ctx->quotes[i + 1];
      inner[i - from] = holds_report (ctx, from, n, q);
      /* "Znak.com reported its source said that X": both found X after
       * "that"; the report nearer to it is the inner one. */
      if (inner[i - from] == G_MAXUINT && i + 1 < n
          && next->first_token == q->first_token
          && next->end_token == q->end_token)
        inner[i - from] = i + 1;
    }
  for (guint i = from; i < n; i++)
    {
      const Quote *q = &ctx->quotes[i];
      guint j = inner[i - from];
      if (j == G_MAXUINT || q->mention.kind == MENTION_PRONOUN
          || q->mention.kind == MENTION_NONE)
        continue;
      Quote *r = &ctx->quotes[j];
      if (r->mention.kind == MENTION_PRONOUN
          && r->mention.first == q->first_token
          && ctx_word (ctx, r->mention.first)->gender)
        r->mention = q->mention;
    }
  for (guint i = from; i < n; i++)
    if (inner[i - from] == G_MAXUINT)
      ctx->quotes[kept++] = ctx->quotes[i];
  ctx->n_quotes = kept;
}

void
quotes_find_indirect (QuotesContext *ctx)
{
  if (ctx->cues.n == 0)
    return;
  guint from = ctx->n_quotes;
  QuoteIndex mentions;
  quote_index_init (&mentions, ctx->n_quotes + ctx->cues.n, ctx->doc);
  ctx->mention_index = &mentions;
  /* Not the interview labels': reported speech is not looked for in
   * their lines. */
  for (guint p = 0; p < ctx->n_quotes; p++)
    if (ctx->quotes[p].mention.kind != MENTION_NONE && !ctx->quotes[p].label)
      quote_index_add (ctx, &mentions, ctx->quotes[p].mention.first,
                       &ctx->quotes[p]);
  /* Only the cue words listed by the marks pass, each with its sentence
   * (tokens outside every sentence are skipped, as before). */
  guint s = 0;
  for (guint c = 0; c < ctx->cues.n; c++)
    {
      guint k = ctx->cues.items[c];
      while (s < ctx->n_sentences
             && ctx->sentences[s].first_token + ctx->sentences[s].n_tokens <= k)
        s++;
      if (s == ctx->n_sentences)
        break;
      guint s0 = ctx->sentences[s].first_token;
      guint s1 = s0 + ctx->sentences[s].n_tokens;
      if (k >= s0 && !ctx_quoted (ctx, k))
        indirect_at (ctx, k, s0, s1);
    }
  ctx->mention_index = NULL;
  quote_index_clear (&mentions);
  drop_outer_reports (ctx, from);
}
