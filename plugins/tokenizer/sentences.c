/* tokenizer — sentence boundaries over the finished token array.  A
 * sentence ends at terminal punctuation (with the closing quotes and
 * brackets after it) unless the next word is lower case, after an
 * abbreviation only when a typical sentence opener follows, and always at a
 * blank line, which also makes headlines and datelines sentences. */
#include <string.h>

#include "chars.h"
#include "tokenizer.h"

typedef enum {
  T_OTHER,
  T_TERMINAL, /* . ! ? … and runs of them */
  T_CLOSER,   /* ) ] } ” ’ » */
  T_QUOTE,    /* " ' : closing when attached to what precedes */
  T_COMMA,    /* , ; : — punctuation that continues a sentence */
} TokenRole;

static TokenRole
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

/* Whether the token starts with a lower-case letter. */
static gboolean
starts_lower (const guchar *text, const WeftToken *t)
{
  gunichar c;
  guint n;
  const guchar *p = text + t->start;
  CharClass k = tok_char_at (p, text + t->end, &c, &n);
  return k == CH_LOWER && tok_unichar_case (c) == 2;
}

/* Whether a sentence ends after the abbreviation @t, followed by @next. */
static gboolean
abbreviation_ends (const TokConfig *config, const guchar *text,
                   const WeftToken *t, const WeftToken *next)
{
  guint tags = 0;
  const char *p = (const char *) text + t->start;
  tok_lexicon_lookup (config->abbreviations, p, t->end - t->start, &tags);
  if (tags & (ABBR_TITLE | ABBR_NUMBER))
    return FALSE;
  if (!(next->flags & WEFT_TOKEN_CAPITALIZED))
    return FALSE;
  return tok_lexicon_lookup (config->starters, (const char *) text + next->start,
                             next->end - next->start, NULL);
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
tok_split_sentences (const TokConfig *config, WeftDoc *doc)
{
  guint n;
  const WeftToken *tokens = weft_doc_get_tokens (doc, &n);
  const guchar *text = (const guchar *) weft_doc_get_text (doc, NULL);
  guint first = 0;
  gboolean terminal = FALSE; /* a terminal mark, perhaps with closers */

  for (guint i = 0; i < n; i++)
    {
      const WeftToken *t = &tokens[i];
      TokenRole role = token_role (text, t);
      if (role == T_TERMINAL)
        terminal = TRUE;
      else if (terminal && (role == T_CLOSER
                            || (role == T_QUOTE
                                && !(t->flags & WEFT_TOKEN_SPACE_BEFORE))))
        ;
      else
        terminal = FALSE;

      if (i + 1 == n)
        break;
      const WeftToken *next = &tokens[i + 1];
      gboolean end = FALSE;
      if (next->flags & WEFT_TOKEN_PARAGRAPH_BEFORE)
        end = TRUE;
      else if (config->line_breaks && (next->flags & WEFT_TOKEN_NEWLINE_BEFORE)
               && line_break_ends (text, t, next))
        end = TRUE;
      else if (terminal)
        {
          TokenRole next_role = token_role (text, next);
          if (next_role == T_CLOSER || next_role == T_COMMA
              || next_role == T_TERMINAL
              || (next_role == T_QUOTE
                  && !(next->flags & WEFT_TOKEN_SPACE_BEFORE)))
            end = FALSE;
          else if (!(next->flags & WEFT_TOKEN_SPACE_BEFORE)
                   && next->kind != WEFT_TOKEN_PUNCT)
            end = FALSE;
          else
            end = !starts_lower (text, next);
        }
      else if (t->kind == WEFT_TOKEN_ABBREV)
        end = abbreviation_ends (config, text, t, next);

      if (end)
        {
          weft_doc_add_sentence (doc, first, i + 1 - first);
          first = i + 1;
          terminal = FALSE;
        }
    }
  if (n > first)
    weft_doc_add_sentence (doc, first, n - first);
}
