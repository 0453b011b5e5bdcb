/* tokenizer — sentence boundaries, decided as the scanner appends tokens
 * (scan.h calls tok_sentences_step() for a token once the next one is
 * known, skipping words inside a line, which never end a sentence).  A
 * sentence ends at terminal punctuation (with the closing quotes and
 * brackets after it) unless the next word is lower case, after an
 * abbreviation only when a typical sentence opener follows, and always at a
 * blank line, which also makes headlines and datelines sentences. */
#include <string.h>

#include "chars.h"
#include "tokenizer.h"

typedef enum
{
  T_OTHER,
  T_TERMINAL, /* . ! ? … and runs of them */
  T_CLOSER,   /* ) ] } ” ’ » */
  T_QUOTE,    /* " ' : closing when attached to what precedes */
  T_COMMA,    /* , ; : — punctuation that continues a sentence */
} TokenRole;

static inline TokenRole
token_role (const guchar *text, const WeftToken *t)
{
  if (t->kind != WEFT_TOKEN_PUNCT)
    return T_OTHER;
  const guchar *p = text + t->start;
  guint len = t->end - t->start;
  switch (p[0])
    {
    case '.':
    case '!':
    case '?':
      return T_TERMINAL;
    case ')':
    case ']':
    case '}':
      return T_CLOSER;
    case '"':
    case '\'':
      return T_QUOTE;
    case ',':
    case ';':
    case ':':
      return T_COMMA;
    case 0xE2:
      if (len >= 3 && p[1] == 0x80)
        {
          if (p[2] == 0xA6)
            return T_TERMINAL; /* … */
          if (p[2] == 0x9D || p[2] == 0x99 || p[2] == 0xBA)
            return T_CLOSER; /* ” ’ › */
        }
      return T_OTHER;
    case 0xC2:
      return len == 2 && p[1] == 0xBB ? T_CLOSER : T_OTHER; /* » */
    default:
      return T_OTHER;
    }
}

static gboolean
is_ellipsis (const guchar *text, const WeftToken *t)
{
  return text[t->start] == 0xE2
         || (t->end - t->start >= 2 && text[t->start] == '.'
             && text[t->start + 1] == '.');
}

/* Whether the token starts with a lower-case letter. */
static gboolean
starts_lower (const guchar *text, const WeftToken *t)
{
  gunichar c;
  guint n;
  const guchar *p = text + t->start;
  CharClass k = tok_char_at (p, text + t->end, &c, &n);
  return k == CH_LOWER;
}

/* Whether a sentence ends after the abbreviation @t, followed by @next. */
static gboolean
abbreviation_ends (const TokConfig *config, const guchar *text,
                   const WeftToken *t, const WeftToken *next)
{
  guint tags = 0;
  const char *p = (const char *)text + t->start;
  tok_lexicon_lookup (config->abbreviations, p, t->end - t->start, &tags);
  if (tags & (ABBR_TITLE | ABBR_NUMBER))
    return FALSE;
  if (!(next->flags & WEFT_TOKEN_CAPITALIZED))
    return FALSE;
  /* "130 mph. Hurricanes": news writes units without a period but at
   * the end of a sentence. */
  if (tags & ABBR_UNIT)
    return TRUE;
  return tok_lexicon_lookup (config->starters, (const char *)text + next->start,
                             next->end - next->start, NULL);
}

static gboolean
is_dash (const guchar *text, const WeftToken *t)
{
  const guchar *p = text + t->start;
  return t->kind == WEFT_TOKEN_PUNCT
         && ((p[0] == '-' && (t->end - t->start <= 2))
             || (t->end - t->start == 3 && p[0] == 0xE2 && p[1] == 0x80
                 && (p[2] == 0x93 || p[2] == 0x94)));
}

/* A dateline opening a story is a sentence of its own: "MOSCOW, July 26
 * (Reuters) -", a word in capitals, then place, date and agency words, then
 * a dash before a capitalized word.  Returns the index of its first token,
 * or G_MAXUINT.  It may start inside the current sentence when the text
 * before it ended without a break (a colon, a headline). */
static guint
dateline_start (const guchar *text, const WeftToken *tokens, guint first,
                guint dash, const WeftToken *next)
{
  if (!(next->flags & WEFT_TOKEN_CAPITALIZED) || dash == first)
    return G_MAXUINT;
  guint start = G_MAXUINT;
  for (guint j = dash; j-- > first && dash - j <= 12;)
    {
      const WeftToken *t = &tokens[j];
      if (t->kind == WEFT_TOKEN_WORD && (t->flags & WEFT_TOKEN_ALL_CAPS)
          && t->end - t->start >= 3
          && (j == first || token_role (text, &tokens[j - 1]) != T_OTHER
              || !(tokens[j - 1].flags & WEFT_TOKEN_ALL_CAPS)))
        start = j;
      gboolean fits
          = (t->flags & WEFT_TOKEN_CAPITALIZED) || t->kind == WEFT_TOKEN_NUMBER
            || t->kind == WEFT_TOKEN_DATE || t->kind == WEFT_TOKEN_ABBREV
            || (t->kind == WEFT_TOKEN_PUNCT && strchr ("(),/", text[t->start]));
      if (!fits)
        break;
    }
  /* MOSCOW, … or WASHINGTON (Reuters) … */
  if (start != G_MAXUINT
      && !(start + 1 < dash && strchr (",(", text[tokens[start + 1].start])))
    return G_MAXUINT;
  return start;
}

/* Whether a single line break before @next ends the sentence: not when the
 * line ended in a comma or hyphen-like continuation or the next line starts
 * in lower case. */
static gboolean
line_break_ends (const guchar *text, const WeftToken *prev,
                 const WeftToken *next)
{
  TokenRole role = token_role (text, prev);
  if (role == T_COMMA)
    return FALSE;
  if (prev->kind == WEFT_TOKEN_PUNCT && text[prev->start] == '-')
    return FALSE;
  return !starts_lower (text, next);
}

void
tok_sentences_step (const TokConfig *config, WeftDoc *doc, const guchar *text,
                    TokSentences *state, guint i)
{
  const WeftToken *tokens = weft_doc_get_tokens (doc, NULL);
  const WeftToken *t = &tokens[i];
  const WeftToken *next = &tokens[i + 1];
  guint first = state->first;
  gboolean terminal = state->terminal;

  TokenRole role = token_role (text, t);
  if (role == T_TERMINAL)
    terminal = TRUE;
  else if (terminal
           && (role == T_CLOSER
               || (role == T_QUOTE && !(t->flags & WEFT_TOKEN_SPACE_BEFORE))))
    ;
  else
    terminal = FALSE;

  gboolean end = FALSE;
  guint dateline;
  if (next->flags & WEFT_TOKEN_PARAGRAPH_BEFORE)
    end = TRUE;
  else if (config->line_breaks && (next->flags & WEFT_TOKEN_NEWLINE_BEFORE)
           && line_break_ends (text, t, next))
    end = TRUE;
  else if (terminal && role == T_TERMINAL && i == first + 1
           && text[t->start] == '.' && t->end - t->start == 1
           && !(t->flags & WEFT_TOKEN_SPACE_BEFORE)
           && tokens[first].kind == WEFT_TOKEN_NUMBER)
    end = FALSE; /* the number of a list item: "1. Implementation of" */
  else if (terminal)
    {
      TokenRole next_role = token_role (text, next);
      if (next->kind == WEFT_TOKEN_EMOTICON || next->kind == WEFT_TOKEN_EMOJI)
        end = FALSE; /* it ends the sentence; see below */
      else if (next_role == T_CLOSER || next_role == T_COMMA
               || next_role == T_TERMINAL
               || (next_role == T_QUOTE
                   && !(next->flags & WEFT_TOKEN_SPACE_BEFORE)))
        end = FALSE;
      else if (starts_lower (text, next))
        {
          /* Web text starts sentences in lower case too; a lower-case
           * word after a closing quote ("Why?" he asked) or an ellipsis
           * (and then... we) continues the sentence. */
          end = role == T_TERMINAL && !is_ellipsis (text, t);
        }
      else
        end = TRUE;
    }
  else if (t->kind == WEFT_TOKEN_ABBREV)
    end = abbreviation_ends (config, text, t, next);
  else if (is_dash (text, t)
           && (dateline = dateline_start (text, tokens, first, i, next))
                  != G_MAXUINT)
    {
      if (dateline > first)
        weft_doc_add_sentence (doc, first, dateline - first);
      first = dateline;
      end = TRUE;
    }
  else if ((t->kind == WEFT_TOKEN_EMOTICON || t->kind == WEFT_TOKEN_EMOJI)
           && (next->flags & WEFT_TOKEN_CAPITALIZED))
    end = TRUE; /* "great food :) Prices are fair" */
  else if (t->kind == WEFT_TOKEN_URL && next->kind == WEFT_TOKEN_URL)
    end = TRUE; /* a list of links */
  else if (text[t->start] == ':' && t->kind == WEFT_TOKEN_PUNCT
           && next->kind == WEFT_TOKEN_URL)
    end = TRUE; /* "here is the link: http://…" */
  else if (text[t->start] == '>' && i > 0
           && (tokens[i - 1].kind == WEFT_TOKEN_EMAIL
               || tokens[i - 1].kind == WEFT_TOKEN_URL)
           && (next->flags & WEFT_TOKEN_CAPITALIZED))
    end = TRUE; /* a header line: "From: Name <name@host>" */

  if (end)
    {
      weft_doc_add_sentence (doc, first, i + 1 - first);
      first = i + 1;
      terminal = FALSE;
    }
  state->first = first;
  state->terminal = terminal;
}

void
tok_sentences_finish (WeftDoc *doc, TokSentences *state)
{
  guint n;
  weft_doc_get_tokens (doc, &n);
  if (n > state->first)
    weft_doc_add_sentence (doc, state->first, n - state->first);
}
