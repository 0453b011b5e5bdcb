/* dates — cutting tokens into atoms.  One pass over the bytes of each
 * token; letters are lower-cased into a small buffer and looked up once.
 * Numbers with thousands separators become A_QTY so that "2,500" can never
 * be read as a year or a day. */
#include "atoms.h"

#include <string.h>

static inline gboolean
is_digit (guint8 c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_alpha (guint8 c)
{
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Length of a UTF-8 punctuation mark at @p that dates treat as ASCII, and
 * the ASCII character in *c; 0 when it is something else. */
static inline int
utf8_punct (const guint8 *p, const guint8 *end, char *c)
{
  if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80)
    {
      if (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x90 || p[2] == 0x91)
        return *c = '-', 3;
      if (p[2] == 0x98 || p[2] == 0x99)
        return *c = '\'', 3;
      if (p[2] == 0x9C || p[2] == 0x9D)
        return *c = '"', 3;
    }
  return 0;
}

static Atom *
push (WeftDoc *doc, Atom **atoms, guint *n, guint *cap)
{
  if (*n == *cap)
    {
      guint ncap = *cap ? *cap * 2 : 256;
      Atom *na = weft_doc_alloc (doc, ncap * sizeof (Atom));
      if (*n)
        memcpy (na, *atoms, *n * sizeof (Atom));
      *atoms = na;
      *cap = ncap;
    }
  Atom *a = &(*atoms)[(*n)++];
  memset (a, 0, sizeof *a);
  return a;
}

Atom *
atoms_build (WeftDoc *doc, const Lexicon *lex, guint *n_atoms)
{
  gsize text_len;
  const guint8 *text = (const guint8 *)weft_doc_get_text (doc, &text_len);
  guint n_tokens, n_sents;
  const WeftToken *tokens = weft_doc_get_tokens (doc, &n_tokens);
  const WeftSentence *sents = weft_doc_get_sentences (doc, &n_sents);
  guint cap = n_tokens + n_tokens / 4 + 16, n = 0;
  Atom *atoms = weft_doc_alloc (doc, cap * sizeof (Atom));
  guint sent = 0;
  uint32_t prev_end = 0;

  for (guint t = 0; t < n_tokens; t++)
    {
      const WeftToken *tok = &tokens[t];
      gboolean sent_start = FALSE;
      while (sent < n_sents
             && t >= sents[sent].first_token + sents[sent].n_tokens)
        sent++;
      if (sent < n_sents && t == sents[sent].first_token)
        sent_start = TRUE;
      const guint8 *p = text + tok->start, *end = text + tok->end;
      while (p < end)
        {
          Atom *a = push (doc, &atoms, &n, &cap);
          a->start = p - text;
          a->sent = sent;
          if (a->start > prev_end)
            {
              a->flags |= AF_SPACE;
              if (memchr (text + prev_end, '\n', a->start - prev_end))
                a->flags |= AF_NEWLINE;
            }
          if (sent_start)
            a->flags |= AF_SENT, sent_start = FALSE;
          char c;
          int plen;
          if (is_digit (*p))
            {
              const guint8 *q = p;
              gint64 v = 0;
              while (q < end && is_digit (*q))
                v = v < 100000000 ? v * 10 + (*q - '0') : v, q++;
              a->kind = A_NUM;
              a->num = (int32_t)v;
              a->ndigits = MIN (q - p, 255);
              if (q + 1 < end && *q == ',' && is_digit (q[1]))
                {
                  while (q < end && (is_digit (*q) || *q == ',' || *q == '.'))
                    q++;
                  a->kind = A_QTY;
                }
              else if (q + 1 < end && is_alpha (q[0]) && is_alpha (q[1])
                       && (q + 2 == end || !is_alpha (q[2])))
                {
                  char s0 = q[0] | 0x20, s1 = q[1] | 0x20;
                  if ((s0 == 's' && s1 == 't') || (s0 == 'n' && s1 == 'd')
                      || (s0 == 'r' && s1 == 'd') || (s0 == 't' && s1 == 'h'))
                    a->flags |= AF_ORD, q += 2;
                }
              p = q;
            }
          else if (is_alpha (*p) || (*p >= 0x80 && !utf8_punct (p, end, &c)))
            {
              const guint8 *q = p;
              char buf[32];
              guint len = 0;
              gboolean upper = TRUE;
              if (*p >= 'A' && *p <= 'Z')
                a->flags |= AF_CAP;
              while (q < end
                     && (is_alpha (*q)
                         || (*q >= 0x80 && !utf8_punct (q, end, &c))))
                {
                  if (*q >= 'a' && *q <= 'z')
                    upper = FALSE;
                  if (len < sizeof buf)
                    buf[len] = *q < 0x80 ? (*q | 0x20) : *q;
                  len++;
                  q++;
                }
              if (upper && (a->flags & AF_CAP))
                a->flags |= AF_UPPER;
              a->kind = A_WORD;
              a->lex
                  = len <= sizeof buf ? lexicon_lookup (lex, buf, len) : NULL;
              p = q;
            }
          else if ((plen = utf8_punct (p, end, &c)))
            {
              a->kind = A_PUNCT;
              a->punct = c;
              p += plen;
            }
          else
            {
              a->kind = A_PUNCT;
              a->punct = *p < 0x80 ? (char)*p : '?';
              p++;
            }
          a->end = p - text;
          prev_end = a->end;
        }
    }
  *n_atoms = n;
  return atoms;
}
