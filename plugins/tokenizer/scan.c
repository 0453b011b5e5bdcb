/* tokenizer — the scanner's main loop: white space and the flags it
 * sets, then one token (or a word and its clitic) at a time, dispatched on
 * the class of its first character; punctuation and symbols are handled
 * here, words in word.c, numbers in number.c, the rest in special.c.
 * ASCII goes through byte tables; only bytes >= 0x80 are decoded. */
#include <string.h>

#include "scan.h"

void
tok_emit (TokScanner *sc, const guchar *s, const guchar *e, WeftTokenKind kind)
{
  guint flags = sc->flags;
  sc->flags = 0;
  if (kind != WEFT_TOKEN_PUNCT && kind != WEFT_TOKEN_SYMBOL
      && kind != WEFT_TOKEN_EMOJI)
    {
      guint upper = 0, lower = 0;
      for (const guchar *q = s; q < e;)
        {
          guint cs;
          if (*q < 0x80)
            {
              guint8 k = tok_ascii_class[*q++];
              cs = k == CH_UPPER ? 1 : k == CH_LOWER ? 2 : 0;
            }
          else
            {
              gunichar c;
              q += tok_decode (q, e, &c);
              cs = tok_unichar_case (c);
            }
          upper |= cs & 1;
          lower |= cs & 2;
        }
      gunichar first;
      tok_decode (s, e, &first);
      if (first < 0x80 ? tok_ascii_class[first] == CH_UPPER
                       : tok_unichar_case (first) == 1)
        flags |= WEFT_TOKEN_CAPITALIZED;
      if (upper && !lower)
        flags |= WEFT_TOKEN_ALL_CAPS;
    }
  tok_append (sc, s, e, kind, flags);
}

/* Punctuation and symbols: runs of . ! ? … are one token (...), as are
 * runs of the same dash or rule character (--, ****); anything else is one
 * character with its combining marks. */
static const guchar *
scan_punct (TokScanner *sc, const guchar *p, const guchar *e)
{
  guchar b = *p;
  const guchar *q = p + 1;
  WeftTokenKind kind = WEFT_TOKEN_PUNCT;
  if (b == '.' || b == '!' || b == '?'
      || (b == 0xE2 && e - p >= 3 && p[1] == 0x80 && p[2] == 0xA6))
    {
      q = p;
      while (q < e)
        {
          if (*q == '.' || *q == '!' || *q == '?')
            q++;
          else if (*q == 0xE2 && e - q >= 3 && q[1] == 0x80 && q[2] == 0xA6)
            q += 3;
          else
            break;
        }
    }
  else if (b == '-' || b == '=')
    {
      while (q < e && (*q == '-' || *q == '='))
        q++;
    }
  else if (b == '*' || b == '_' || b == '+' || b == '~' || b == '^' || b == '#')
    {
      while (q < e && *q == b)
        q++;
      if (b != '_' && b != '*')
        kind = WEFT_TOKEN_SYMBOL;
    }
  else if (b == '\'' && tok_digit_at (q, e) && tok_digit_at (q + 1, e)
           && !tok_digit_at (q + 2, e))
    {
      /* '73, '90s: a year with its century left out */
      q = tok_skip_alnum (q, e);
      kind = WEFT_TOKEN_NUMBER;
    }
  else
    {
      gunichar c;
      guint n;
      CharClass k = tok_char_at (p, e, &c, &n);
      q = p + n;
      if (k != CH_PUNCT)
        kind = WEFT_TOKEN_SYMBOL;
      while (q < e)
        {
          gunichar m;
          guint len;
          if (tok_char_at (q, e, &m, &len) != CH_MARK)
            break;
          if (m == 0xFE0F)
            kind = WEFT_TOKEN_EMOJI;
          q += len;
        }
    }
  tok_emit (sc, p, q, kind);
  return q;
}

/* Punctuation (1), symbols (2) and terminal marks (3) that are a token of
 * one byte unless the same byte, another terminal mark after a terminal
 * mark, or a non-ASCII character follows (runs, combining marks). */
static const guint8 simple_punct[256] = {
  [','] = START_PUNCT,  ['.'] = START_TERMINAL, [';'] = START_PUNCT,
  ['('] = START_PUNCT,  [')'] = START_PUNCT,    ['['] = START_PUNCT,
  [']'] = START_PUNCT,  ['{'] = START_PUNCT,    ['}'] = START_PUNCT,
  ['"'] = START_PUNCT,  ['!'] = START_TERMINAL, ['?'] = START_TERMINAL,
  [':'] = START_PUNCT,  ['-'] = START_PUNCT,    ['/'] = START_PUNCT,
  ['$'] = START_SYMBOL, ['%'] = START_SYMBOL,   ['&'] = START_SYMBOL,
  ['\\'] = START_PUNCT,
};

void
tok_scan_prepare (TokConfig *config)
{
  for (guint b = 0; b < 256; b++)
    {
      gboolean emoticon = tok_lexicon_has_first_byte (config->emoticons, b);
      config->emoticon_start[b] = emoticon;
      if (tok_ascii_word[b] & (CASE_UPPER | CASE_LOWER))
        config->start[b] = emoticon ? START_WORD_EMOTICON : START_WORD;
      else if (tok_ascii_word[b] & CASE_DIGIT)
        config->start[b] = START_NUMBER;
      else
        config->start[b] = simple_punct[b];
    }
}

/* Whether a plain word starts at @p (<= the text's end, its NUL): an
 * ASCII letter, and not an emoticon that starts with one (xD, o_O), which
 * a lower-case letter never follows ('o' starts many words: of, on). */
static inline gboolean
starts_word (const TokConfig *config, const guchar *p)
{
  guint8 start = config->start[p[0]];
  return start == START_WORD
         || (start == START_WORD_EMOTICON
             && tok_ascii_word[p[1]] == CASE_LOWER);
}

/* Whether the punctuation or symbol byte @b of start class @start is a
 * token of one byte when @c follows: no run (--, ..., ?!), no combining
 * mark, no emoticon (:-)).  Of the bytes here only the hyphen and the
 * terminal marks make runs: doubled brackets (((WN))) are a token each. */
static inline gboolean
punct_stands_alone (const TokConfig *config, guint8 start, guchar b, guchar c)
{
  return !(c >= 0x80
           || (start == START_TERMINAL && simple_punct[c] == START_TERMINAL)
           || (b == '-' && (c == '-' || c == '='))
           || (config->emoticon_start[b]
               && tok_lexicon_has_prefix2 (config->emoticons, b, c)));
}

/* Whether the ASCII word [@s, @q) and the period at @q are two tokens
 * with nothing more to decide, as tok_scan_word_at_period() and the main
 * loop would find: the period stands alone, and the word is neither an
 * initial (one capital) nor, by the cheap filter, an abbreviation. */
static inline gboolean
period_stands_alone (const TokConfig *config, const guchar *s, const guchar *q,
                     const guchar *e)
{
  return (q + 1 == e || tok_plain_end[q[1]])
         && punct_stands_alone (config, START_TERMINAL, '.',
                                q + 1 < e ? q[1] : ' ')
         && !(q - s == 1 && tok_ascii_word[*s] == CASE_UPPER)
         && !tok_lexicon_may_hold_word (config->abbreviations, s, q + 1 - s);
}

/* Whether the splitter need not look at the hyphen at @p: its rule
 * (a dateline's dash, MOSCOW, July 26 (Reuters) -) wants a capitalized
 * word after it, and the next token here starts, after spaces at most,
 * with a lower-case letter or a digit (military-strategic, 1946 - 1954). */
static inline gboolean
dash_is_quiet (const guchar *p)
{
  const guchar *r = p + 1;
  while (*r == ' ')
    r++;
  return (tok_ascii_word[*r] & (CASE_LOWER | CASE_DIGIT)) != 0;
}

/* Appends the ASCII word [@s, @q) with the space flags @flags and its
 * case flags. */
static inline void
append_word (TokScanner *sc, const guchar *s, const guchar *q, guint flags)
{
  /* Arithmetic, not branches, on the case of the first letters: which
   * words are capitalized is hard to predict.  (The text ends in a NUL:
   * s[1] can be read.) */
  guint first = tok_ascii_word[s[0]], second = tok_ascii_word[s[1]];
  G_STATIC_ASSERT (CASE_UPPER == 1 && WEFT_TOKEN_CAPITALIZED == 1 << 3);
  flags |= (first & CASE_UPPER) << 3;
  /* upper case, then no lower case: perhaps all capitals */
  if (G_UNLIKELY (first & ~(second >> 1) & CASE_UPPER)
      && !tok_has_case (s, q, CASE_LOWER))
    flags |= WEFT_TOKEN_ALL_CAPS;
  weft_doc_add_token (sc->doc, (uint32_t)(s - sc->text),
                      (uint32_t)(q - sc->text), WEFT_TOKEN_WORD, flags);
}

/* Appends the period at @q (with the space flags @flags) and the end of
 * the sentence when, after white space, a word (a letter, and not an
 * emoticon) follows on the line: the splitter would end the sentence
 * there, whatever the word turns out to be, and need not look.  The token
 * before must be quiet.  Returns the word's start, or NULL (nothing
 * appended) when no word follows so. */
static inline const guchar *
end_sentence_at_period (TokScanner *sc, const guchar *q, guint flags)
{
  const guchar *r = q + 1;
  while (*r == ' ')
    r++;
  if (r == q + 1 || !starts_word (sc->config, r))
    return NULL;
  guint i = weft_doc_add_token (sc->doc, (uint32_t)(q - sc->text),
                                (uint32_t)(q + 1 - sc->text), WEFT_TOKEN_PUNCT,
                                flags);
  weft_doc_add_sentence (sc->doc, sc->sentences.first,
                         i + 1 - sc->sentences.first);
  sc->sentences.first = i + 1;
  return r;
}

/* Whether a period appended now with the space flags @flags would follow,
 * with no space, a number that opens the sentence (1. Implementation
 * of...): the splitter keeps such a sentence open. */
static gboolean
period_after_list_number (TokScanner *sc, guint flags)
{
  guint n;
  const WeftToken *tokens = weft_doc_get_tokens (sc->doc, &n);
  return !(flags & WEFT_TOKEN_SPACE_BEFORE) && n == sc->sentences.first + 1
         && tokens[n - 1].kind == WEFT_TOKEN_NUMBER;
}

/* A word [@s, @q) of ASCII letters and digits that does not simply end
 * at @q: a word and its period or clitic, an abbreviation, a compound, a
 * URL...  Returns the end of what it appended. */
static const guchar *
scan_word_closely (TokScanner *sc, const guchar *s, const guchar *q)
{
  const guchar *e = sc->end;
  if (*q == '.' && (q + 1 == e || tok_plain_end[q[1]]))
    return tok_scan_word_at_period (sc, s, q);
  if (*q == '\'' || *q == 0xE2)
    return tok_scan_word_at_apostrophe (sc, s, q);
  return tok_scan_word (sc, s);
}

#ifdef __SSE2__
/* Bit i set when @q[i], of the 64 bytes at @q, is no ASCII letter or
 * digit: where the words in them end. */
static inline guint64
stop_bits64 (const guchar *q)
{
  return ~(word_bits16 (q) | word_bits16 (q + 16) << 16
           | word_bits16 (q + 32) << 32 | word_bits16 (q + 48) << 48);
}
#endif

/* The hot path: a run of tokens that the sentence splitter need not look
 * at (... the vote, taken on Friday (the 2nd), was ...): ASCII words up
 * to plain punctuation, punctuation of one byte that no rule looks at,
 * and the words and numbers handed to word.c and number.c while what
 * they append is quiet.  Entered after a quiet token with no line break
 * pending, so each token is appended without asking the splitter.  A
 * word's period that is no abbreviation ends the sentence when a word
 * follows on the line, and the run otherwise.  Returns where the run
 * stopped, with sc->flags pending there (@p itself when it took
 * nothing). */
static const guchar *
scan_run (TokScanner *sc, const guchar *p)
{
  const TokConfig *config = sc->config;
  const guchar *e = sc->end, *q, *start = p;
  guint flags = sc->flags;
  /* The ends of words come from the stop bits of a 64-byte window (bit i
   * for base[i]), found for all its words at once: the end of a word then
   * waits for a shift and a count of zeros after the end of the word
   * before, not for a load and vector instructions.  (The window moves to
   * a word that does not end inside it; 0: none yet.) */
#ifdef __SSE2__
  const guchar *base = p;
  guint64 stops = 0;
#endif
  for (;;)
    {
      if (*p == ' ')
        {
          flags |= WEFT_TOKEN_SPACE_BEFORE;
          p++;
        }
      guchar b = *p;
      guint8 kind = config->start[b];
      if (starts_word (config, p))
        {
#ifdef __SSE2__
          gsize shift = p - base;
          guint64 m = shift < 64 ? stops >> shift : 0;
          if (G_UNLIKELY (m == 0) && e - p >= 64)
            {
              base = p;
              m = stops = stop_bits64 (p);
            }
          if (G_LIKELY (m != 0))
            {
              /* inside the window, so before the text's end; a byte that
               * ends a word plainly is ASCII */
              q = p + __builtin_ctzll (m);
              if (G_LIKELY (tok_plain_end[*q])
                  && !tok_lexicon_may_hold_ends (config->contractions, p,
                                                 q - p))
                {
                  append_word (sc, p, q, flags);
                  flags = 0;
                  p = q;
                  continue;
                }
              if (*q >= 0x80)
                q = tok_skip_alnum (q, e); /* decode it */
            }
          else
            q = tok_skip_word (p, e);
#else
          q = tok_skip_word (p, e);
#endif
          gboolean contraction
              = tok_lexicon_may_hold_ends (config->contractions, p, q - p);
          if ((q == e || tok_plain_end[*q]) && !contraction)
            append_word (sc, p, q, flags);
          else if (*q == '.' && !contraction
                   && period_stands_alone (config, p, q, e))
            {
              append_word (sc, p, q, flags);
              const guchar *r = end_sentence_at_period (sc, q, 0);
              if (!r)
                {
                  sc->flags = 0;
                  sc->quiet = 1;
                  sc->sentences.terminal = FALSE;
                  tok_append (sc, q, q + 1, WEFT_TOKEN_PUNCT, 0);
                  return q + 1;
                }
              start = NULL; /* appended */
              flags = WEFT_TOKEN_SPACE_BEFORE;
              p = r;
              continue;
            }
          else
            {
              sc->flags = flags;
              q = scan_word_closely (sc, p, q);
              goto appended;
            }
        }
      else if (kind == START_NUMBER && p[1] < 0x80)
        {
          /* not a keycap emoji (1 U+FE0F U+20E3) */
          sc->flags = flags;
          q = tok_scan_number (sc, p);
          goto appended;
        }
      else if ((kind == START_PUNCT || kind == START_SYMBOL) && b != ':'
               && (b != '-' || dash_is_quiet (p))
               && punct_stands_alone (config, kind, b, p + 1 < e ? p[1] : ' '))
        {
          q = p + 1;
          weft_doc_add_token (
              sc->doc, (uint32_t)(p - sc->text), (uint32_t)(q - sc->text),
              kind == START_SYMBOL ? WEFT_TOKEN_SYMBOL : WEFT_TOKEN_PUNCT,
              flags);
        }
      else if (b == ' ')
        {
          /* more than one space (after a full stop, ((WN))  Could) */
          p++;
          continue;
        }
      else if (b == '.'
               && punct_stands_alone (config, START_TERMINAL, '.', p[1])
               && !period_after_list_number (sc, flags)
               && (q = end_sentence_at_period (sc, p, flags)))
        {
          /* the full stop after a number, a quote, a bracket (aged 25.
           * Kosiec) or a word word.c looked at */
          start = NULL;
          flags = WEFT_TOKEN_SPACE_BEFORE;
          p = q;
          continue;
        }
      else
        break;
      flags = 0;
      p = q;
      continue;
    appended:
      /* by the scanner's own functions, which asked the splitter about
       * nothing (the token before was quiet): go on if what they
       * appended is quiet too */
      flags = 0;
      p = q;
      start = NULL;
      if (!sc->quiet)
        break;
    }
  if (p != start)
    sc->sentences.terminal = FALSE;
  sc->flags = flags;
  return p;
}

/* Scans one token (or a few, for clitics) at @p, which is not white
 * space and has class @k; returns the end of what it emitted. */
static const guchar *
scan_token (TokScanner *sc, const guchar *p, CharClass k, guint n)
{
  const TokConfig *config = sc->config;
  const guchar *e = sc->end, *m;
  guchar b = *p;
  gboolean alone = (sc->flags & WEFT_TOKEN_SPACE_BEFORE) || p == sc->text;

  switch (k)
    {
    case CH_UPPER:
    case CH_LOWER:
    case CH_LETTER:
      /* Emoticons starting with a letter stand alone: xD, o_O. */
      if (alone && b < 0x80 && p + 1 < e && !g_ascii_islower (p[1])
          && tok_lexicon_has_first_byte (config->emoticons, b)
          && (m = tok_match_emoticon (config->emoticons, TRUE, p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_EMOTICON);
          return m;
        }
      return tok_scan_word (sc, p);
    case CH_MARK:
      return tok_scan_word (sc, p);
    case CH_DIGIT:
      if (p + 1 < e && p[1] >= 0x80 && (m = tok_match_emoji (p, e)))
        {
          tok_emit (sc, p, m, WEFT_TOKEN_EMOJI); /* a keycap */
          return m;
        }
      return b < 0x80 ? tok_scan_number (sc, p) : tok_scan_word (sc, p);
    case CH_PUNCT:
    case CH_SYMBOL:
      if (b == '@' && (m = tok_match_handle (p, e)))
        tok_emit (sc, p, m, WEFT_TOKEN_HANDLE);
      else if (b == '#' && (m = tok_match_hashtag (p, e)))
        tok_emit (sc, p, m, WEFT_TOKEN_HASHTAG);
      else if (tok_lexicon_has_first_byte (config->emoticons, b)
               && (m = tok_match_emoticon (config->emoticons, alone, p, e)))
        tok_emit (sc, p, m, WEFT_TOKEN_EMOTICON);
      else if ((b == '#' || b == '*') && p + 1 < e && p[1] >= 0x80
               && (m = tok_match_emoji (p, e)))
        tok_emit (sc, p, m, WEFT_TOKEN_EMOJI);
      else
        m = scan_punct (sc, p, e);
      return m;
    case CH_EMOJI:
      m = tok_match_emoji (p, e);
      tok_emit (sc, p, m, WEFT_TOKEN_EMOJI);
      return m;
    default:
      /* an invalid byte */
      tok_emit (sc, p, p + n, WEFT_TOKEN_SYMBOL);
      return p + n;
    }
}

void
tok_scan (const TokConfig *config, WeftDoc *doc)
{
  gsize len;
  const guchar *text = (const guchar *)weft_doc_get_text (doc, &len);
  TokScanner sc
      = { .config = config, .doc = doc, .text = text, .end = text + len };
  const guchar *p = text, *e = text + len;
  gboolean newline = FALSE;
  while (p < e)
    {
      guchar b = *p;
      CharClass k;
      guint n = 1;
      /* The common case first: one space, then a word. */
      if (b == ' ')
        {
          sc.flags |= WEFT_TOKEN_SPACE_BEFORE;
          if (++p == e)
            break;
          b = *p;
        }
      guint8 start = config->start[b];
      if (starts_word (config, p))
        {
          /* Most words are letters up to a space or a comma. */
          newline = FALSE;
          if (sc.quiet
              && !(sc.flags
                   & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE)))
            {
              const guchar *r = scan_run (&sc, p);
              if (r != p)
                {
                  p = r;
                  continue;
                }
            }
          const guchar *q = tok_skip_word (p, e);
          if ((q == e || tok_plain_end[*q])
              && !tok_lexicon_may_hold_ends (config->contractions, p, q - p))
            {
              tok_emit_cased (&sc, p, q, WEFT_TOKEN_WORD,
                              tok_ascii_word[b] == CASE_UPPER);
              p = scan_run (&sc, q);
              continue;
            }
          /* p < q: a word that needs a closer look */
          p = scan_word_closely (&sc, p, q);
          continue;
        }
      if (start >= START_PUNCT)
        {
          guchar c = p + 1 < e ? p[1] : ' ';
          if (start == START_NUMBER)
            {
              /* not a keycap emoji (1 U+FE0F U+20E3) */
              if (c < 0x80)
                {
                  newline = FALSE;
                  p = tok_scan_number (&sc, p);
                  continue;
                }
            }
          else if (punct_stands_alone (config, start, b, c))
            {
              /* One character of punctuation with nothing special after:
               * no run (--, ...), no mark, no emoticon (:-)). */
              newline = FALSE;
              tok_emit_cased (&sc, p, p + 1,
                              start == START_SYMBOL ? WEFT_TOKEN_SYMBOL
                                                    : WEFT_TOKEN_PUNCT,
                              FALSE);
              /* plain for the sentence splitter, unless a rule looks at
               * it: terminal marks, a dateline's dash, a colon before a
               * URL */
              if (start != START_TERMINAL && b != '-' && b != ':')
                sc.quiet = !sc.sentences.terminal;
              p++;
              continue;
            }
        }
      if (b < 0x80)
        {
          k = (CharClass)tok_ascii_class[b];
          if (k == CH_SPACE)
            {
              if (G_UNLIKELY (b == '\r'))
                {
                  /* \r\n is one line break; a lone \r is one too. */
                  if (!(p + 1 < e && p[1] == '\n'))
                    {
                      sc.flags |= WEFT_TOKEN_NEWLINE_BEFORE;
                      if (newline)
                        sc.flags |= WEFT_TOKEN_PARAGRAPH_BEFORE;
                      newline = TRUE;
                    }
                }
              sc.flags |= WEFT_TOKEN_SPACE_BEFORE;
              p++;
              continue;
            }
        }
      else
        {
          gunichar c;
          k = tok_char_at (p, e, &c, &n);
          if (k == CH_SPACE)
            {
              sc.flags |= WEFT_TOKEN_SPACE_BEFORE;
              p += n;
              continue;
            }
        }
      if (k == CH_NEWLINE || k == CH_PARAGRAPH)
        {
          sc.flags |= WEFT_TOKEN_SPACE_BEFORE | WEFT_TOKEN_NEWLINE_BEFORE;
          if (newline || k == CH_PARAGRAPH)
            sc.flags |= WEFT_TOKEN_PARAGRAPH_BEFORE;
          newline = TRUE;
          p += n;
          continue;
        }
      newline = FALSE;
      p = scan_token (&sc, p, k, n);
    }
  tok_sentences_finish (doc, &sc.sentences);
}
