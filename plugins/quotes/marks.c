/* quotes — quote marks.  Straight, curly and angle quotes are told apart
 * from apostrophes by what flanks them (a space or punctuation on one side,
 * a letter on the other), then paired on a small stack so that nested
 * quotes stay inside their outer quotation.  A quotation still open at the
 * end of a paragraph continues when the next paragraph opens with a quote
 * mark of the same family (the news convention for multi-paragraph quotes);
 * otherwise it ends with its paragraph. */
#include "marks.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef enum
{
  FAMILY_DOUBLE,
  FAMILY_SINGLE,
  FAMILY_ANGLE
} Family;

typedef enum
{
  SIDE_SPACE,
  SIDE_PUNCT,
  SIDE_ALNUM
} Side;

typedef struct
{
  uint32_t start, end; /* the mark's bytes */
  guint token;
  Family family;
} Mark;

#define MAX_DEPTH 8

typedef struct
{
  QuotesContext *ctx;
  Mark stack[MAX_DEPTH];
  guint depth;
  gboolean pending; /* a quotation left open by the previous paragraph */
  Mark pending_open;
  uint32_t pending_end; /* where its last paragraph ended */
  guint pending_last;   /* and that paragraph's last token */
} Pairing;

static gboolean
is_space_char (const char *s)
{
  guchar c = s[0];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r'
         || (c == 0xC2 && (guchar)s[1] == 0xA0);
}

static gboolean
is_alnum_char (const char *s)
{
  guchar c = s[0];
  if (c < 0x80)
    return g_ascii_isalnum (c);
  /* Multi-byte: letters, except the punctuation blocks quotes live in
   * (U+2000–U+206F), « » and the no-break space. */
  if (c == 0xE2 && (guchar)s[1] == 0x80)
    return FALSE;
  if (c == 0xC2
      && ((guchar)s[1] == 0xAB || (guchar)s[1] == 0xBB || (guchar)s[1] == 0xA0))
    return FALSE;
  return TRUE;
}

static Side
side_at (const QuotesContext *ctx, gssize at)
{
  if (at < 0 || (gsize)at >= ctx->len)
    return SIDE_SPACE;
  const char *s = ctx->text + at;
  if (is_space_char (s))
    return SIDE_SPACE;
  return is_alnum_char (s) ? SIDE_ALNUM : SIDE_PUNCT;
}

/* The start of the code point before byte @at. */
static gssize
previous_char (const QuotesContext *ctx, uint32_t at)
{
  gssize p = (gssize)at - 1;
  while (p > 0 && ((guchar)ctx->text[p] & 0xC0) == 0x80)
    p--;
  return p;
}

/* "the rivals' plan": an apostrophe after a plural s, followed by a
 * lower-case word, is a possessive rather than a closing quote. */
static gboolean
plural_possessive (const QuotesContext *ctx, uint32_t at, uint32_t end)
{
  return at > 0 && ctx->text[at - 1] == 's' && end + 1 < ctx->len
         && ctx->text[end] == ' ' && g_ascii_islower (ctx->text[end + 1]);
}

/* Whether a single quote that can close one opened on the stack follows
 * @from in the same paragraph.  Decides "the rivals' plan" (a possessive:
 * the quotation closes later) against 'fake news' and (the close). */
static gboolean
single_close_follows (const QuotesContext *ctx, uint32_t from)
{
  for (uint32_t at = from; at < ctx->len; at++)
    {
      const char *s = ctx->text + at;
      if (s[0] == '\n' && at + 1 < ctx->len && ctx->text[at + 1] == '\n')
        return FALSE;
      uint32_t end;
      if (s[0] == '\'')
        end = at + 1;
      else if ((guchar)s[0] == 0xE2 && (guchar)s[1] == 0x80
               && (guchar)s[2] == 0x99)
        end = at + 3;
      else
        continue;
      if (at > 0 && side_at (ctx, previous_char (ctx, at)) != SIDE_SPACE
          && side_at (ctx, end) != SIDE_ALNUM
          && !plural_possessive (ctx, at, end))
        return TRUE;
    }
  return FALSE;
}

static gboolean
single_open (const Pairing *p)
{
  for (guint d = 0; d < p->depth; d++)
    if (p->stack[d].family == FAMILY_SINGLE)
      return TRUE;
  return FALSE;
}

static void
emit (Pairing *p, const Mark *open, uint32_t end, guint close_token)
{
  QuotesContext *ctx = p->ctx;
  uint32_t start = open->end;
  while (start < end && is_space_char (ctx->text + start))
    start++;
  while (end > start
         && (ctx->text[end - 1] == ' ' || ctx->text[end - 1] == '\n'
             || ctx->text[end - 1] == '\t' || ctx->text[end - 1] == '\r'
             || ctx->text[end - 1] == ','))
    end--;
  if (end <= start)
    return;
  Quote *q = quotes_context_add (ctx);
  q->start = start;
  q->end = end;
  /* weft_doc_find_token (start), walking from the mark's token: the first
   * content token is next to it. */
  guint first = open->token;
  while (first < ctx->n_tokens && ctx->tokens[first].end <= start)
    first++;
  q->first_token = first;
  q->open_token = open->token;
  q->close_token = close_token;
  if (close_token == G_MAXUINT)
    q->end_token = weft_doc_find_token (ctx->doc, end);
  q->kind = QUOTE_DIRECT;
  guint last = close_token != G_MAXUINT ? close_token : p->pending_last;
  last = MIN (last + 1, ctx->n_tokens);
  if (open->token < last)
    token_bits_set_range (ctx->quoted, open->token, last);
}

/* Handles one quote mark; returns FALSE when it is not a mark. */
static void
mark (Pairing *p, const Mark *m, gboolean can_open, gboolean can_close)
{
  if (can_close)
    {
      for (guint d = p->depth; d-- > 0;)
        {
          if (p->stack[d].family == m->family)
            {
              if (d == 0)
                emit (p, &p->stack[0], m->start, m->token);
              p->depth = d;
              return;
            }
          if (m->family == FAMILY_SINGLE)
            break; /* a closing single quote only closes the innermost */
        }
    }
  if (can_open && p->depth < MAX_DEPTH)
    p->stack[p->depth++] = *m;
}

/* Classifies the quote character at @at (if it is one) and feeds it. */
static guint
scan_char (Pairing *p, uint32_t at, guint token)
{
  const QuotesContext *ctx = p->ctx;
  const guchar *s = (const guchar *)ctx->text + at;
  Mark m = { at, at + 1, token, FAMILY_DOUBLE };
  gboolean opener = FALSE, closer = FALSE, straight = FALSE;
  if (s[0] == '"')
    straight = TRUE;
  else if (s[0] == '\'')
    straight = TRUE, m.family = FAMILY_SINGLE;
  else if (s[0] == 0xE2 && s[1] == 0x80)
    {
      m.end = at + 3;
      switch (s[2])
        {
        case 0x9C:
          opener = TRUE;
          break; /* “ */
        case 0x9D:
          closer = TRUE;
          break; /* ” */
        case 0x9E:
          opener = TRUE;
          break; /* „ */
        case 0x98:
          opener = TRUE, m.family = FAMILY_SINGLE;
          break; /* ‘ */
        case 0x99:
          closer = TRUE, m.family = FAMILY_SINGLE;
          break; /* ’ */
        default:
          return 3;
        }
    }
  else if (s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB))
    {
      m.end = at + 2;
      m.family = FAMILY_ANGLE;
      opener = s[1] == 0xAB;
      closer = !opener;
    }
  else
    return s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;

  Side left = side_at (ctx, previous_char (ctx, at));
  Side right = side_at (ctx, m.end);
  gboolean can_open, can_close;
  if (straight)
    {
      can_open = right != SIDE_SPACE && left != SIDE_ALNUM;
      can_close = left != SIDE_SPACE && right != SIDE_ALNUM;
      if (m.family == FAMILY_SINGLE)
        {
          can_open = can_open && right == SIDE_ALNUM;
          can_close
              = can_close
                && (!plural_possessive (ctx, at, m.end)
                    || (single_open (p) && !single_close_follows (ctx, m.end)));
        }
    }
  else if (opener)
    {
      can_open = right != SIDE_SPACE;
      /* “ misused as a closing mark: word“ followed by a space. */
      can_close = m.family == FAMILY_DOUBLE && s[2] == 0x9C
                  && left != SIDE_SPACE && right != SIDE_ALNUM;
      if (m.family == FAMILY_SINGLE)
        can_open = can_open && left != SIDE_ALNUM;
    }
  else
    {
      (void)closer;
      can_close = left != SIDE_SPACE;
      /* ” misused as an opening mark: a space before, a letter after. */
      can_open = m.family == FAMILY_DOUBLE && left == SIDE_SPACE
                 && right == SIDE_ALNUM;
      if (m.family == FAMILY_SINGLE)
        can_close
            = can_close && right != SIDE_ALNUM
              && (!plural_possessive (ctx, at, m.end)
                  || (single_open (p) && !single_close_follows (ctx, m.end)));
    }
  mark (p, &m, can_open, can_close);
  return m.end - at;
}

static void
end_block (Pairing *p, guint last_token)
{
  if (p->depth > 0 && p->stack[0].family != FAMILY_SINGLE)
    {
      p->pending = TRUE;
      p->pending_open = p->stack[0];
      p->pending_end = p->ctx->tokens[last_token].end;
      p->pending_last = last_token;
    }
  p->depth = 0;
}

/* At the first token of a paragraph: continue or close the pending
 * quotation.  Returns TRUE when the token's opening mark was consumed as
 * a continuation. */
static gboolean
start_block (Pairing *p, guint token)
{
  if (!p->pending)
    return FALSE;
  p->pending = FALSE;
  const QuotesContext *ctx = p->ctx;
  const WeftToken *t = &ctx->tokens[token];
  const guchar *s = (const guchar *)ctx->text + t->start;
  gboolean opens = FALSE;
  if (p->pending_open.family == FAMILY_DOUBLE)
    opens = s[0] == '"'
            || (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x9E));
  else if (p->pending_open.family == FAMILY_ANGLE)
    opens = s[0] == 0xC2 && s[1] == 0xAB;
  if (opens && t->kind != WEFT_TOKEN_WORD)
    {
      p->stack[0] = p->pending_open;
      p->depth = 1;
      return TRUE;
    }
  emit (p, &p->pending_open, p->pending_end, G_MAXUINT);
  return FALSE;
}

/* Everything the pass does at token @i but its capital bit: a line start
 * (paragraph pairing), a word that may start a cue, quote marks in
 * punctuation. */
static void
visit (Pairing *p, guint i)
{
  QuotesContext *ctx = p->ctx;
  const WeftToken *t = &ctx->tokens[i];
  const char *text = ctx->text;
  uint32_t from = t->start;
  guint flags = t->flags, kind = t->kind;
  if (i > 0
      && (flags & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE)))
    {
      quotes_token_list_add (&ctx->line_starts, i);
      end_block (p, i - 1);
      if (start_block (p, i))
        from += text[from] == '"' ? 1 : text[from] == '\xC2' ? 2 : 3;
    }
  if (kind == WEFT_TOKEN_WORD || kind == WEFT_TOKEN_ABBREV)
    {
      /* Reporting verbs match in lower case only; a capitalized word can
       * start only a prepositional cue ("According to"). */
      const QuotesFilter *filter = ctx->cue_filter;
      guint32 len = t->end - t->start;
      guint64 lengths = (flags & WEFT_TOKEN_CAPITALIZED)
                            ? filter->capital_lengths
                            : filter->lengths;
      if (kind == WEFT_TOKEN_WORD && len < 64
          && (lengths & ((guint64)1 << len)))
        {
          guint64 key
              = quotes_word_key (text + t->start, len, ctx->len - t->start);
          if (quotes_filter_test (filter, key)
              && quotes_filter_check (filter, key))
            {
              guint id = quotes_lexicon_find_id (ctx->lexicon, key,
                                                 text + t->start, len);
              quotes_context_remember_word (ctx, i, id);
              if (ctx->words[id].classes & QW_CUE)
                {
                  quotes_token_list_add (&ctx->cues, i);
                  token_bit_set (ctx->cue_words, i, TRUE);
                }
            }
        }
      return;
    }
  if (kind != WEFT_TOKEN_PUNCT && kind != WEFT_TOKEN_SYMBOL)
    return;
  /* Most punctuation is one ASCII character that is no quote mark. */
  guchar c = text[from];
  if (t->end - from == 1 && c != '"' && c != '\'')
    return;
  for (uint32_t at = from; at < t->end;)
    at += scan_char (p, at, i);
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (WeftToken, flags)
                 == G_STRUCT_OFFSET (WeftToken, kind) + 1);

/* A token's byte (QuotesScanTable) from its key and its length (63: 63
 * bytes or more).  Its kind and flags are read in one load. */
static inline guint8
scan_byte (const QuotesScanTable *scan, const WeftToken *t, gsize len63,
           guint64 key)
{
  guint16 kind_flags;
  memcpy (&kind_flags, &t->kind, 2);
  kind_flags = GUINT16_FROM_LE (kind_flags);
  return scan->by_key[key >> 50]
         & scan->by_kind_length[QUOTES_SCAN_ROW (kind_flags) + len63];
}

/* Classifies the tokens [@first, @end), each with eight bytes of text
 * from its start, into one byte each (QuotesScanTable) without a branch.
 * The key is quotes_word_key()'s, from one load. */
static void
classify (const QuotesContext *ctx, const QuotesScanTable *scan, guint first,
          guint end, guint8 *bytes)
{
  const char *text = ctx->text;
  /* Two tokens an iteration: the loop's own increments and compare are a
   * tenth of its instructions. */
#pragma GCC unroll 2
  for (guint i = first; i < end; i++)
    {
      const WeftToken *t = &ctx->tokens[i];
      guint32 len = t->end - t->start;
      gsize len63 = MIN (len, 63);
      guint64 first8;
      memcpy (&first8, text + t->start, 8);
      first8 = GUINT64_FROM_LE (first8);
      guint64 key = ((first8 & scan->key_mask[len63]) + scan->key_add[len63])
                    * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      bytes[i - first] = scan_byte (scan, t, len63, key);
    }
}

/* The same for the last tokens, without eight bytes of text after their
 * start. */
static void
classify_last (const QuotesContext *ctx, const QuotesScanTable *scan,
               guint first, guint end, guint8 *bytes)
{
  for (guint i = first; i < end; i++)
    {
      const WeftToken *t = &ctx->tokens[i];
      guint32 len = t->end - t->start;
      bytes[i - first] = scan_byte (
          scan, t, MIN (len, 63),
          quotes_word_key (ctx->text + t->start, len, ctx->len - t->start));
    }
}

enum
{
  /* The bytes' flags that send a token to visit(). */
  VISIT = QUOTES_SCAN_CUE | QUOTES_SCAN_CUE_CAPITAL | QUOTES_SCAN_PUNCT
          | QUOTES_SCAN_QUOTE | WEFT_TOKEN_NEWLINE_BEFORE
          | WEFT_TOKEN_PARAGRAPH_BEFORE,
};

/* From the bytes of 64 tokens: their word codes ("in no list", 1, where
 * the word filter says so, else 0: looked up when asked), their capital
 * bits, and returns the set of those visit() must see. */
static guint64
unpack (const guint8 bytes[64], guint8 *word_codes, guint64 *capitals)
{
  G_STATIC_ASSERT (QUOTES_SCAN_CAPITAL == 0x80 && QUOTES_SCAN_WORD == 1);
#ifdef __SSE2__
  guint64 visits = 0, capital = 0;
  const __m128i zero = _mm_setzero_si128 (), one = _mm_set1_epi8 (1);
  for (guint k = 0; k < 64; k += 16)
    {
      __m128i b = _mm_loadu_si128 ((const __m128i *)(bytes + k));
      capital |= (guint64)(guint)_mm_movemask_epi8 (b) << k;
      __m128i idle
          = _mm_cmpeq_epi8 (_mm_and_si128 (b, _mm_set1_epi8 (VISIT)), zero);
      visits |= (guint64)(~(guint)_mm_movemask_epi8 (idle) & 0xFFFF) << k;
      _mm_storeu_si128 ((__m128i *)(word_codes + k),
                        _mm_xor_si128 (_mm_and_si128 (b, one), one));
    }
  *capitals = capital;
  return visits;
#else
  guint64 visits = 0, capital = 0;
  for (guint k = 0; k < 64; k++)
    {
      word_codes[k] = !(bytes[k] & QUOTES_SCAN_WORD);
      capital |= (guint64)(bytes[k] >> 7) << k;
      visits |= (guint64)((bytes[k] & VISIT) != 0) << k;
    }
  *capitals = capital;
  return visits;
#endif
}

void
quotes_find_marks (QuotesContext *ctx)
{
  Pairing p = { .ctx = ctx };
  const WeftToken *tokens = ctx->tokens;
  const QuotesScanTable *scan = quotes_lexicon_get_scan_table (ctx->lexicon);
  guint n_tokens = ctx->n_tokens;
  /* The tokens with eight bytes of text from their start: one load tells
   * most of them apart with no branch (the marks pass sees every token,
   * and a branch on each kind or length mispredicts). */
  guint n_loaded = n_tokens;
  while (n_loaded > 0 && tokens[n_loaded - 1].start + 8 > ctx->len)
    n_loaded--;
  for (guint first = 0; first < n_tokens; first += 64)
    {
      guint end = MIN (first + 64, n_tokens);
      guint loaded_end = CLAMP (n_loaded, first, end);
      /* A byte per token first, then the block's bits from them at once
       * (ctx->word_codes has room for a whole last block): one branch per
       * token visited (5% of them) and not one per token. */
      guint8 bytes[64];
      if (end - first < 64) /* the last block: unpack() reads 64 bytes */
        memset (bytes, 0, sizeof bytes);
      classify (ctx, scan, first, loaded_end, bytes);
      classify_last (ctx, scan, loaded_end, end, bytes + (loaded_end - first));
      guint64 visits
          = unpack (bytes, &ctx->word_codes[first], &ctx->capitals[first / 64]);
      for (; visits; visits &= visits - 1)
        visit (&p, first + __builtin_ctzll (visits));
    }
  if (ctx->n_tokens > 0)
    {
      end_block (&p, ctx->n_tokens - 1);
      if (p.pending)
        emit (&p, &p.pending_open, p.pending_end, G_MAXUINT);
    }
}
