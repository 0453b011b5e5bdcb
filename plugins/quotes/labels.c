/* quotes — interview transcripts.  A line that opens with a name in
 * parentheses or a name and a colon is that person's answer (or the
 * interviewer's question: a label that names nobody the article knows is
 * dropped when speakers are resolved).  Only the line starts listed by
 * the marks pass are visited. */
#include "labels.h"

/* A label names one person: a few words. */
#define LABEL_MAX_WORDS 4
/* An answer has a sentence at least: "Image: John Lubbock (flickr)." is
 * a credit.  Counted in tokens, which costs nothing. */
#define ANSWER_MIN_TOKENS 7

/* Whether token @i may be a word of a speaker's label: a capitalized
 * word in no list that says it is no name ("Note", "Update", "Editor"),
 * no role ("Reporter") and no organisation ("News"). */
static gboolean
label_word (const QuotesContext *ctx, guint i)
{
  return ctx_capitalized (ctx, i) && !ctx_quoted (ctx, i)
         && !ctx_has (ctx, i,
                      QW_NONNAME | QW_PRONOUN | QW_GROUP | QW_ROLE | QW_TITLE
                          | QW_ORG | QW_DETERMINER | QW_CUE);
}

/* The label opening the line at token @i, [*@first, *@last), and the
 * token after it; 0 when the line opens with none.  Its shape is asked
 * first, from the capital bits: most lines open with a sentence. */
static guint
label_at (const QuotesContext *ctx, guint i, guint *first, guint *last)
{
  guint open = 0;
  while (open < 2 && ctx_punct_is (ctx, i + open, '('))
    open++;
  guint k = i + open;
  *first = k;
  while (k < ctx->n_tokens && k - *first < LABEL_MAX_WORDS
         && ctx_capitalized (ctx, k)
         && !(k > *first
              && (ctx->tokens[k].flags
                  & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE))))
    k++;
  if (k == *first)
    return 0;
  *last = k;
  guint after;
  if (open)
    {
      /* "((Wayne Tseng)": one closing parenthesis will do. */
      guint close = 0;
      while (close < open && ctx_punct_is (ctx, k + close, ')'))
        close++;
      if (!close)
        return 0;
      after = k + close;
    }
  else if (ctx_punct_is (ctx, k, ':'))
    after = k + 1;
  else
    return 0;
  for (guint w = *first; w < k; w++)
    if (!label_word (ctx, w))
      return 0;
  return after;
}

/* The answer on line @l (of the marks pass's line starts) when the line
 * opens with a label: its label [*@first, *@last) and its tokens
 * [*@content, *@end). */
static gboolean
labelled_line (const QuotesContext *ctx, guint l, guint *first, guint *last,
               guint *content, guint *end)
{
  guint i = ctx->line_starts.items[l];
  /* The cheap tests first: most lines open with a sentence, a capitalized
   * word and then a word in lower case, not ":". */
  if (ctx_capitalized (ctx, i))
    {
      guint k = i + 1;
      while (k < i + LABEL_MAX_WORDS && ctx_capitalized (ctx, k))
        k++;
      if (!ctx_punct_is (ctx, k, ':'))
        return FALSE;
    }
  else if (!ctx_punct_is (ctx, i, '('))
    return FALSE;
  *content = label_at (ctx, i, first, last);
  if (*content == 0 || *content >= ctx->n_tokens
      || ctx_quoted (ctx, *content)
      || (ctx->tokens[*content].flags
          & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE)))
    return FALSE;
  *end = l + 1 < ctx->line_starts.n ? ctx->line_starts.items[l + 1]
                                    : ctx->n_tokens;
  return *end - *content >= ANSWER_MIN_TOKENS;
}

void
quotes_find_labels (QuotesContext *ctx)
{
  /* A transcript has two labelled lines at least: one line opening with a
   * name and a colon ("Washington Post: A new report shows …") is a
   * source or a heading, not an answer. */
  guint first, last, content, end, n_labelled = 0;
  for (guint l = 0; l < ctx->line_starts.n && n_labelled < 2; l++)
    n_labelled += labelled_line (ctx, l, &first, &last, &content, &end);
  if (n_labelled < 2)
    return;
  for (guint l = 0; l < ctx->line_starts.n; l++)
    {
      if (!labelled_line (ctx, l, &first, &last, &content, &end))
        continue;
      Quote *q = quotes_context_add (ctx);
      q->start = ctx->tokens[content].start;
      q->end = ctx->tokens[end - 1].end;
      q->first_token = content;
      q->open_token = q->close_token = G_MAXUINT;
      q->end_token = end;
      q->kind = QUOTE_DIRECT;
      q->mention = (Mention){ first, last, MENTION_NAME, 0 };
      q->label = TRUE;
      token_bits_set_range (ctx->quoted, content, end);
    }
}
