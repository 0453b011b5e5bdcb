/* dates — numbers in dates: counts and ordinals ("twenty-four",
 * "26th"), days, years with eras, and dates written with digits only
 * ("07.10.2019", "8/10/2012", "2021-07-26").  Which number is the day and
 * which the month follows the separator: dots are day-first, slashes and
 * dashes month-first unless the day-first option is set. */
#include <string.h>

#include "grammar.h"

guint
parse_number (const Ctx *c, guint i, double *value, gboolean *ordinal)
{
  *ordinal = FALSE;
  if (num_at (c, i))
    {
      if (c->a[i].ndigits > 6)
        return 0;
      *value = c->a[i].num;
      *ordinal = (c->a[i].flags & AF_ORD) != 0;
      if (punct_at (c, i + 1, '.') && glued (c, i + 1) && num_at (c, i + 2)
          && glued (c, i + 2) && c->a[i + 2].ndigits <= 2
          && !punct_at (c, i + 3, '.'))
        {
          *value += c->a[i + 2].num / (c->a[i + 2].ndigits == 1 ? 10.0 : 100.0);
          return i + 3;
        }
      return i + 1;
    }
  const LexEntry *e = lex_at (c, i);
  if (!e || e->num < 0)
    return 0;
  *value = e->num;
  *ordinal = e->ordinal;
  guint j = i + 1;
  if (e->num >= 20 && e->num <= 90 && e->num % 10 == 0 && !e->ordinal)
    {
      guint k = punct_at (c, j, '-') && glued (c, j) ? j + 1 : j;
      const LexEntry *u = lex_at (c, k);
      if (u && u->num >= 1 && u->num <= 9 && atom_len (c, k) > 2)
        {
          *value += u->num;
          *ordinal = u->ordinal;
          j = k + 1;
        }
    }
  /* "two and a half" */
  if (!*ordinal && cue_at (c, j, C_AND) && lex_at (c, j + 1)
      && lex_at (c, j + 1)->num == 1 && atom_len (c, j + 1) <= 2
      && cue_at (c, j + 2, C_HALF))
    {
      *value += 0.5;
      j += 3;
    }
  return j;
}

guint
parse_day (const Ctx *c, guint i, int *day)
{
  if (num_at (c, i))
    {
      if (c->a[i].ndigits > 2 || c->a[i].num < 1 || c->a[i].num > 31)
        return 0;
      *day = c->a[i].num;
      return i + 1;
    }
  double v;
  gboolean ord;
  guint j = parse_number (c, i, &v, &ord);
  if (!j || !ord || v < 1 || v > 31)
    return 0;
  *day = (int)v;
  return j;
}

static guint
parse_era (const Ctx *c, guint i, int *year)
{
  const LexEntry *e = lex_at (c, i);
  if (!e || e->cue != C_ERA || !(c->a[i].flags & AF_UPPER))
    return 0;
  if (e->cue_val == V_BC)
    *year = 1 - *year;
  else if (e->cue_val == V_BE)
    *year -= 543;
  return i + 1;
}

guint
parse_year (const Ctx *c, guint i, gboolean two_digits, int *year)
{
  if (punct_at (c, i, '\'') && num_at (c, i + 1) && glued (c, i + 1)
      && c->a[i + 1].ndigits == 2 && two_digits)
    {
      int y = c->a[i + 1].num;
      *year = y < 50 ? 2000 + y : 1900 + y;
      return i + 2;
    }
  if (!num_at (c, i) || (c->a[i].flags & AF_ORD))
    return 0;
  int nd = c->a[i].ndigits, y = c->a[i].num;
  guint j;
  if (nd == 4)
    {
      *year = y;
      j = parse_era (c, i + 1, year);
      return j ? j : i + 1;
    }
  if (nd <= 3 && y > 0)
    {
      *year = y;
      if ((j = parse_era (c, i + 1, year)))
        return j;
    }
  if (two_digits && nd == 2)
    {
      *year = y < 50 ? 2000 + y : 1900 + y;
      return i + 1;
    }
  return 0;
}

/* Day-month-year or month-day-year with numbers joined by one separator. */
/* Whether atom @i is a word that introduces a date: "on", "by", "from",
 * "until", "since", "to", a weekday. */
static gboolean
date_cue_before (const Ctx *c, guint i)
{
  const LexEntry *p = lex_at (c, i);
  return p
         && (p->cue == C_ON || p->cue == C_BY || p->cue == C_FROM
             || p->cue == C_UNTIL || p->cue == C_SINCE || p->cue == C_TO
             || p->cue == C_ANCHOR || (p->weekday && !p->weekday_plural));
}

/* Two numbers joined by a slash: "04/2016" (month and year), and "8/10",
 * "5/31" (month and day; day-first with the option) when something says
 * it is a date and not a fraction or "24/7": a cue word before, "at" or
 * a time after, or nothing else on its line. */
static guint
parse_two_part (const Ctx *c, guint i, DateSpec *s)
{
  const Atom *a = &c->a[i], *b = &c->a[i + 2];
  if (c->a[i + 1].punct != '/' || a->ndigits > 2 || a->num < 1)
    return 0;
  if (b->ndigits == 4)
    {
      if (a->num > 12)
        return 0;
      s->year = b->num;
      s->month = a->num;
      return i + 3;
    }
  guint end = i + 3;
  if (b->ndigits > 2
      || (end < c->n && glued (c, end)
          && !(c->a[end].kind == A_PUNCT && strchr (".,;!?)", c->a[end].punct)
               && !num_at (c, end + 1))))
    return 0;
  gboolean alone
      = (c->a[i].start == 0 || (c->a[i].flags & AF_NEWLINE)) && end >= c->n;
  gboolean cue = (i > 0 && date_cue_before (c, i - 1)) || cue_at (c, end, C_AT)
                 || (num_at (c, end) && punct_at (c, end + 1, ':'));
  if (!alone && !cue)
    return 0;
  int m = c->day_first ? b->num : a->num, day = c->day_first ? a->num : b->num;
  if (!valid_day (NONE, m, day))
    return 0;
  s->month = m;
  s->day = day;
  return end;
}

/* "2014 12 28": year, month and day apart, alone up to the end of the
 * line or a punctuation mark; "2012 80 10" is no date at all. */
static guint
parse_spaced (const Ctx *c, guint i, DateSpec *s)
{
  if (c->a[i].ndigits != 4 || !num_at (c, i + 1) || !num_at (c, i + 2)
      || glued (c, i + 1) || glued (c, i + 2) || c->a[i + 1].ndigits > 2
      || c->a[i + 2].ndigits > 2
      || (i + 3 < c->n && c->a[i + 3].kind != A_PUNCT)
      || (i > 0 && c->a[i - 1].kind == A_NUM))
    return 0;
  int y = c->a[i].num, m = c->a[i + 1].num, d = c->a[i + 2].num;
  if (!valid_day (y, m, d))
    s->invalid = TRUE;
  else
    s->year = y, s->month = m, s->day = d;
  return i + 3;
}

guint
parse_numeric (const Ctx *c, guint i, DateSpec *s)
{
  if (num_at (c, i) && num_at (c, i + 1))
    return parse_spaced (c, i, s);
  if (!num_at (c, i) || !punct_at (c, i + 1, c->a[i + 1].punct)
      || !glued (c, i + 1) || !num_at (c, i + 2) || !glued (c, i + 2))
    return 0;
  char sep = c->a[i + 1].punct;
  if (sep != '-' && sep != '/' && sep != '.')
    return 0;
  const Atom *a = &c->a[i], *b = &c->a[i + 2];
  gboolean three = punct_at (c, i + 3, sep) && glued (c, i + 3)
                   && num_at (c, i + 4) && glued (c, i + 4);
  /* not inside "1/05/25/2015" or "A-12-3"; a stray leading separator
   * ("/05/25/2015") is no more than punctuation */
  if (i > 0 && glued (c, i)
      && ((punct_at (c, i - 1, sep) && i > 1 && glued (c, i - 1)
           && c->a[i - 2].kind != A_PUNCT)
          || c->a[i - 1].kind == A_WORD || num_at (c, i - 1)))
    return 0;
  if (!three)
    return parse_two_part (c, i, s);
  const Atom *d = &c->a[i + 4];
  guint end = i + 5;
  if (glued (c, end) && (punct_at (c, end, sep) || num_at (c, end)))
    return 0;
  int y, m, day;
  if (a->ndigits == 4 && b->ndigits <= 2 && d->ndigits <= 2)
    y = a->num, m = b->num, day = d->num; /* year first: never swapped */
  else if (a->ndigits <= 2 && b->ndigits <= 2
           && (d->ndigits == 4 || (d->ndigits == 2 && sep != '.')))
    {
      y = d->ndigits == 4 ? d->num
          : d->num < 50   ? 2000 + d->num
                          : 1900 + d->num;
      /* 07.10.2019 is day-first everywhere; 8/10/2012 and 8-10-2012
       * are month-first unless the day-first option says otherwise */
      if (sep == '.' || c->day_first)
        day = a->num, m = b->num;
      else
        m = a->num, day = b->num;
      if (m > 12 && day <= 12)
        {
          int t = m;
          m = day;
          day = t;
        }
    }
  else
    return 0;
  if (!valid_day (y, m, day))
    {
      s->invalid = TRUE; /* "2014-02-30": no date, and no year either */
      return end;
    }
  s->year = y;
  s->month = m;
  s->day = day;
  /* ISO 8601 time: 1994-11-05T08:15:30 */
  if (text_is (c, end, "t") && glued (c, end) && glued (c, end + 1))
    {
      guint k = parse_time (c, end + 1, s);
      if (k)
        end = k;
      if (text_is (c, end, "z") && glued (c, end))
        end++;
      else if ((punct_at (c, end, '+') || punct_at (c, end, '-'))
               && glued (c, end) && num_at (c, end + 1) && glued (c, end + 1))
        end += punct_at (c, end + 2, ':') && num_at (c, end + 3) ? 4 : 2;
    }
  return end;
}

/* After a year read at the end of a date: not "5, 12 people", not "20:30". */
gboolean
year_ends (const Ctx *c, guint end)
{
  if (punct_at (c, end, ':') && glued (c, end) && c->a[end - 1].ndigits <= 2)
    return FALSE;
  if (c->a[end - 1].ndigits == 2 && end < c->n && c->a[end].kind == A_WORD
      && !(c->a[end].flags & AF_CAP))
    return FALSE;
  return TRUE;
}

/* A year standing alone: only when nothing around it says it is a count. */
gboolean
plausible_year (const Ctx *c, guint i, guint end, int year)
{
  const Atom *a = &c->a[i];
  if (a->ndigits != 4 && end == i + 1)
    return FALSE;
  if (i > 0 && glued (c, i))
    {
      const Atom *p = &c->a[i - 1];
      gboolean pos = p->kind == A_PUNCT && p->punct == '-' && i > 1
                     && cue_at (c, i - 2, C_POS);
      if (!pos
          && (p->kind == A_WORD || p->kind == A_NUM
              || (p->kind == A_PUNCT && strchr ("$#.,-:/", p->punct))))
        return FALSE;
    }
  if (end < c->n && glued (c, end)
      && (c->a[end].kind == A_WORD || c->a[end].kind == A_NUM
          || (c->a[end].kind == A_PUNCT && strchr ("%:/", c->a[end].punct))
          || (punct_at (c, end, '.') && num_at (c, end + 1))))
    return FALSE;
  const LexEntry *p = i > 0 ? lex_at (c, i - 1) : NULL;
  gboolean prep
      = p
        && (p->cue == C_IN || p->cue == C_SINCE || p->cue == C_OF
            || p->cue == C_BY || p->cue == C_FROM || p->cue == C_UNTIL
            || p->cue == C_BETWEEN || p->cue == C_TO || p->cue == C_AND);
  if (end > i + 1)
    return TRUE; /* an era was written */
  if (year < 1800 || year > 2100)
    return prep && year >= 1000 && year <= 2100;
  const Atom *n = end < c->n ? &c->a[end] : NULL;
  if (!prep && n && n->kind == A_WORD && !n->lex && !(n->flags & AF_CAP)
      && c->text[n->end - 1] == 's')
    return FALSE;
  const LexEntry *ne = lex_at (c, end);
  if (!prep && ne && ne->unit && ne->unit != U_Q)
    return FALSE;
  return TRUE;
}
