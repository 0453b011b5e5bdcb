/* dates — amounts of time: a number and a unit ("five years", "half an
 * hour", "a few days", "1d 21 h"), durations and sets ("every Monday",
 * "annually").  relative.c turns amounts into offsets ("three years
 * ago"). */
#include <string.h>

#include "grammar.h"

/* A unit word at @i that may stand after a number.  Single letters and
 * other short forms ("h", "mo") only when glued to the number or before
 * "ago". */
int
unit_at (const Ctx *c, guint i, gboolean after_number)
{
  const LexEntry *e = lex_at (c, i);
  if (!e || !e->unit)
    return 0;
  if (atom_len (c, i) <= 2 || (e->month && e->unit))
    {
      /* "1h ago", "3mo later", not "A400M", "737s", "3D"; spaced only
       * inside a chain after a unit ("1d 21 h 25m ago") */
      if (!after_number
          || !(glued (c, i)
               || (i >= 2 && lex_at (c, i - 2) && lex_at (c, i - 2)->unit)))
        return 0;
      guint j = i + 1, n = 1;
      /* one more number and unit is a chain: no need to read it to its
       * end, which would make "1d 1d 1d …" quadratic */
      for (; n < 2; n++)
        {
          guint k = punct_at (c, j, ',') ? j + 1 : j;
          if (cue_at (c, k, C_AND))
            k++;
          if (!(num_at (c, k) && lex_at (c, k + 1) && lex_at (c, k + 1)->unit))
            break;
          j = k + 2; /* "1d 21 h 25m ago", "1d, 2hr, and 5min" */
        }
      /* a sign before the number ("-3y", "+1m") or a chain of units says
       * these letters are units */
      guint num = i - 1;
      gboolean sign
          = num > 0 && glued (c, num)
            && (punct_at (c, num - 1, '+') || punct_at (c, num - 1, '-'))
            && !glued (c, num - 1); /* not "B-17s" */
      if (!cue_at (c, j, C_AGO) && !cue_at (c, j, C_ANCHOR) && !sign && n < 2)
        return 0;
    }
  return e->unit;
}

gboolean
is_plural_unit (const Ctx *c, guint i)
{
  return c->text[c->a[i].end - 1] == 's' && atom_len (c, i) > 3;
}

/* amount + unit: "five years", "a week", "two and a half years", "half an
 * hour", "a few days", "several months", "5-year"; *amount < 0 for an
 * unspecified count.  *adjective when written "five-year". */
static guint
read_amount (const Ctx *c, guint i, double *amount, int *unit,
             gboolean *adjective)
{
  double v;
  gboolean ord;
  guint j;
  *adjective = FALSE;
  const LexEntry *e = lex_at (c, i);
  if (e && e->cue == C_HALF && lex_at (c, i + 1) && lex_at (c, i + 1)->num == 1
      && atom_len (c, i + 1) <= 2 && (*unit = unit_at (c, i + 2, TRUE)))
    {
      *amount = 0.5;
      return i + 3;
    }
  j = i;
  if (e && e->num == 1 && atom_len (c, i) <= 2 && (cue_at (c, i + 1, C_FEW)))
    j = i + 1, e = lex_at (c, j);
  if (e && e->cue == C_FEW)
    {
      j++;
      if (cue_at (c, j, C_OF))
        j++;
      if (!(*unit = unit_at (c, j, FALSE)) || !is_plural_unit (c, j))
        return 0;
      /* "a couple of days" is two; "several", "a few" say no number */
      *amount = e->cue_val > 0 ? e->cue_val : -1;
      return j + 1;
    }
  if (c->a[i].kind == A_QTY)
    return 0;
  if (!(j = parse_number (c, i, &v, &ord)) || ord || v <= 0)
    return 0;
  if (num_at (c, i) && c->a[i].ndigits > 4)
    return 0;
  gboolean hyphen = punct_at (c, j, '-') && glued (c, j) && glued (c, j + 1);
  if (hyphen)
    j++;
  else if (unit_filler_at (c, j))
    j++;
  if (!(*unit = unit_at (c, j, TRUE)))
    return 0;
  if (lex_at (c, i) && lex_at (c, i)->num == 1 && atom_len (c, i) <= 2
      && (*unit == U_S || *unit == U_Q))
    return 0; /* "a second time", "about a quarter of" */
  /* "the 24-hour clock" is a way of writing times, not a duration */
  if (hyphen && *unit == U_H
      && (text_is (c, j + 1, "clock") || text_is (c, j + 1, "format")))
    return 0;
  *adjective = hyphen;
  *amount = v;
  j++;
  /* "a year and a half" */
  if (cue_at (c, j, C_AND) && lex_at (c, j + 1) && lex_at (c, j + 1)->num == 1
      && cue_at (c, j + 2, C_HALF))
    {
      *amount += 0.5;
      j += 3;
    }
  return j;
}

/* read_amount(), remembered for the last atom it read. */
guint
parse_amount (const Ctx *c, guint i, double *amount, int *unit,
              gboolean *adjective)
{
  AmountMemo *memo = c->amount_memo;
  if (memo->a != c->a || memo->n != c->n || memo->i != i)
    {
      memo->end
          = read_amount (c, i, &memo->amount, &memo->unit, &memo->adjective);
      memo->a = c->a;
      memo->n = c->n;
      memo->i = i;
    }
  /* (no caller reads the amount or unit when there is none) */
  if (memo->end)
    {
      *amount = memo->amount;
      *unit = memo->unit;
    }
  *adjective = memo->adjective;
  return memo->end;
}

/* A plural unit without a number, an unspecified count: "for years",
 * "in minutes", "within hours", "decades-long", and "the years" after
 * "over" or "through" ("over the years").  Not "in minutes of the
 * meeting" nor "the years 2001 to 2005".  Returns the atom after it or
 * 0. */
static guint
read_vague_amount (const Ctx *c, guint i, int *unit)
{
  if (!(*unit = unit_at (c, i, FALSE)) || !is_plural_unit (c, i) || *unit == U_Q
      || *unit == U_HALF || *unit == U_WE)
    return 0;
  if (punct_at (c, i + 1, '-') && glued (c, i + 1) && glued (c, i + 2)
      && text_is (c, i + 2, "long"))
    return i + 3;
  if (i == 0)
    return 0;
  if (cue_at (c, i - 1, C_FOR) || cue_at (c, i - 1, C_WITHIN)
      || (cue_at (c, i - 1, C_IN) && !cue_at (c, i + 1, C_OF)))
    return i + 1;
  /* match_at keeps the "the" */
  if (i >= 2 && cue_at (c, i - 1, C_THE)
      && (text_is (c, i - 2, "over") || cue_at (c, i - 2, C_TO))
      && !num_at (c, i + 1))
    return i + 1;
  return 0;
}

/* A range of counts of one unit: "60 to 90 days", "between 60 and 90
 * days", "two to three years", "5-10 minutes": a duration from the first
 * count to the second.  Returns the atom after it or 0. */
static guint
read_amount_range (const Ctx *c, guint i, Match *m)
{
  double from, to;
  gboolean ord, adj;
  int unit;
  /* (the separator first: most numbers here are "50 people", "2019") */
  guint k = i + 1;
  if (!(punct_at (c, k, '-') || cue_at (c, k, C_TO) || cue_at (c, k, C_AND))
      || parse_number (c, i, &from, &ord) != k || ord || from <= 0
      || (num_at (c, i) && c->a[i].ndigits > 4))
    return 0;
  guint j = parse_amount (c, k + 1, &to, &unit, &adj);
  if (!j || adj || to <= from || num_at (c, i) != num_at (c, k + 1)
      || cue_at (c, j, C_AGO) || cue_at (c, j, C_ANCHOR))
    return 0; /* "10 to 15 years ago" is an offset */
  spec_init (&m->s, K_DURATION);
  m->s.amount = from;
  m->s.unit = unit;
  m->e = m->s;
  m->e.amount = to;
  m->range = TRUE;
  m->type = T_DURATION;
  return j;
}

guint
parse_duration (const Ctx *c, guint i, Match *m)
{
  double amount;
  int unit;
  gboolean adj;
  guint j = parse_amount (c, i, &amount, &unit, &adj);
  if (!j && (j = read_amount_range (c, i, m)))
    return j;
  if (!j)
    {
      if (!(j = read_vague_amount (c, i, &unit)))
        return 0;
      amount = -1;
    }
  spec_init (&m->s, K_DURATION);
  m->s.amount = amount;
  m->s.unit = unit;
  m->type = T_DURATION;
  return j;
}

guint
parse_set (const Ctx *c, guint i, Match *m)
{
  const LexEntry *e = lex_at (c, i);
  DateSpec *s = &m->s;
  if (!e)
    return 0;
  spec_init (s, K_SET);
  m->type = T_SET;
  if (e->cue == C_SETADV)
    {
      s->literal = e->cue_str;
      return i + 1;
    }
  if (e->weekday && e->weekday_plural)
    {
      s->weekday = e->weekday;
      return attach_pod (c, i + 1, s);
    }
  if (e->cue != C_EVERY)
    return 0;
  guint j = i + 1;
  const LexEntry *n = lex_at (c, j);
  double amount;
  int unit;
  gboolean adj;
  if (n && n->weekday)
    {
      s->weekday = n->weekday;
      return attach_pod (c, j + 1, s);
    }
  if (n && n->month && (c->a[j].flags & AF_CAP))
    {
      s->month = n->month;
      return j + 1;
    }
  if (n && n->cue == C_POD)
    {
      s->pod = n->cue_val;
      return j + 1;
    }
  guint k;
  if ((k = parse_amount (c, j, &amount, &unit, &adj)) && !adj)
    {
      s->amount = amount;
      s->unit = unit;
      return k;
    }
  if ((unit = unit_at (c, j, FALSE)))
    {
      s->unit = unit;
      return j + 1;
    }
  return 0;
}
