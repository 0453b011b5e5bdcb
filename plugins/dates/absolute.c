/* dates — rules for absolute expressions with words: month names
 * ("February 22, 2022", "22 February", "Oct. 3"), decades, quarters,
 * halves and seasons, and the driver that tries them with the numeric
 * forms (numeric.c) and times (clock.c).  Missing fields (a year, a day)
 * are left for the normalizer to fill from the anchor. */
#include <string.h>

#include "grammar.h"

guint
parse_month (const Ctx *c, guint i, int *month)
{
  const LexEntry *e = lex_at (c, i);
  if (!e || !e->month)
    return 0;
  /* "May", "Mar", "dec" are also words: capitalised or nothing */
  if ((e->month == 5 || atom_len (c, i) <= 3) && !(c->a[i].flags & AF_CAP))
    return 0;
  *month = e->month;
  /* the period of "Oct. 3", not the full stop of "in May." */
  if (atom_len (c, i) <= 4 && punct_at (c, i + 1, '.') && glued (c, i + 1)
      && i + 2 < c->n && !(c->a[i + 2].flags & AF_SENT))
    return i + 2;
  return i + 1;
}

static gboolean
is_sep (const Ctx *c, guint i)
{
  return (punct_at (c, i, '-') || punct_at (c, i, '/')) && glued (c, i);
}

/* Whether a month name standing alone at [@i, @j) reads as a month:
 * capitalised, and "May" or an abbreviation only after a preposition or
 * modifier, or alone before a punctuation mark or the end of the line
 * ("May.", "May, June and July"; not "May I", "Theresa May."). */
static gboolean
bare_month_ok (const Ctx *c, guint i, guint j, int month)
{
  if (!(c->a[i].flags & AF_CAP))
    return FALSE;
  gboolean weak = month == 5 || atom_len (c, i) <= 4;
  if (!weak)
    return TRUE;
  gboolean ends = j >= c->n
                  || (c->a[j].kind == A_PUNCT && c->a[j].punct != '\''
                      && c->a[j].punct != '-');
  gboolean name = i > 0 && c->a[i - 1].kind == A_WORD
                  && (c->a[i - 1].flags & AF_CAP) && !(c->a[i].flags & AF_SENT);
  if (ends && !name)
    return TRUE;
  const LexEntry *p = i > 0 ? lex_at (c, i - 1) : NULL;
  if (i > 0 && punct_at (c, i - 1, '-'))
    p = lex_at (c, i - 2);
  return p
         && (p->cue == C_IN || p->cue == C_OF || p->cue == C_SINCE
             || p->cue == C_UNTIL || p->cue == C_BY || p->cue == C_FROM
             || p->cue == C_TO || p->cue == C_POS || p->cue == C_BETWEEN
             || p->cue == C_REL || p->cue == C_EVERY || p->cue == C_AND);
}

/* Dates with a month name: month-day-year, day-month-year, month-year,
 * year-month-day; *explicit set when a year was written. */
static guint
parse_named (const Ctx *c, guint i, DateSpec *s)
{
  int month, day, year;
  guint j, k, best = 0;
  DateSpec t;
  if ((j = parse_month (c, i, &month)))
    {
      /* month [sep] day [,] [year] */
      k = is_sep (c, j) ? j + 1 : j;
      if (punct_at (c, k, ',') && num_at (c, k + 1)
          && (c->a[k + 1].flags & AF_ORD))
        k++;
      guint dk = parse_day (c, k, &day);
      if (dk && !(punct_at (c, dk, ':') && glued (c, dk)))
        {
          t = *s;
          t.month = month;
          t.day = day;
          best = dk;
          guint y = dk;
          if (punct_at (c, y, ',') || is_sep (c, y))
            y++;
          if ((y = parse_year (c, y, TRUE, &year)) && year_ends (c, y))
            t.year = year, best = y;
          else if (c->day_first && dk == k + 1 && c->a[k].ndigits == 2
                   && !(c->a[k].flags & AF_ORD))
            {
              /* day-first writers put the day first: "Dec. 21" is
               * December 2021 */
              s->month = month;
              s->year = 2000 + c->a[k].num;
              return dk;
            }
          if (!valid_day (t.year, month, day))
            t.invalid = TRUE; /* "February 29, 2014" is no date at all */
          *s = t;
          return best;
        }
      else if (num_at (c, k) && !glued (c, k)
               && (c->a[k].ndigits >= 5
                   || (c->a[k].ndigits == 2 && c->a[k].num > 31
                       && atom_len (c, i) > 4)))
        {
          /* "August 32", "February 151998": no date, and no year either */
          if (c->a[k].ndigits == 2 && c->a[k].num > 39)
            return 0;
          s->invalid = TRUE;
          guint y = punct_at (c, k + 1, ',') ? k + 2 : k + 1;
          return (y = parse_year (c, y, FALSE, &year)) ? y : k + 1;
        }
      if (i > 0 && num_at (c, i - 1) && c->a[i - 1].ndigits <= 2
          && c->a[i - 1].num <= 39 && !(c->a[i - 1].flags & AF_ORD)
          && !(c->a[i].flags & AF_NEWLINE) && !punct_at (c, i - 2, '\''))
        {
          /* "32 August": the day-first reading at the number failed */
          int d2;
          if (!parse_day (c, i - 1, &d2))
            return 0;
        }
      if (!best)
        {
          /* month [,|of|sep] year */
          k = j;
          if (punct_at (c, k, ',') || cue_at (c, k, C_OF) || is_sep (c, k))
            k++;
          if ((k = parse_year (
                   c, k, !(c->a[j].flags & AF_SPACE) || atom_len (c, i) <= 4,
                   &year)))
            {
              s->month = month;
              s->year = year;
              best = k;
            }
          else if (bare_month_ok (c, i, j, month))
            {
              s->month = month;
              best = j;
            }
        }
      return best;
    }
  if (num_at (c, i) && c->a[i].ndigits == 2 && c->a[i].num >= 32
      && c->a[i].num <= 39 && !(c->a[i].flags & AF_ORD)
      && (k = parse_month (c, i + 1, &month)))
    {
      /* "32 August 2014": no date, and no year either */
      s->invalid = TRUE;
      guint y = punct_at (c, k, ',') ? k + 1 : k;
      return (y = parse_year (c, y, FALSE, &year)) ? y : k;
    }
  if ((j = parse_day (c, i, &day)))
    {
      /* day [of|sep] month [,|sep] [year] */
      k = cue_at (c, j, C_OF) || is_sep (c, j) ? j + 1 : j;
      if (!(k = parse_month (c, k, &month)))
        return 0;
      best = k;
      t = *s;
      t.month = month;
      t.day = day;
      if (punct_at (c, k, ',') || is_sep (c, k))
        k++;
      if ((k = parse_year (c, k, TRUE, &year)) && year_ends (c, k))
        t.year = year, best = k;
      if (!valid_day (t.year, month, day))
        t.invalid = TRUE;
      *s = t;
      return best;
    }
  if (num_at (c, i) && c->a[i].ndigits == 4
      && (j = parse_year (c, i, FALSE, &year)))
    {
      /* year [sep] month [[sep] day]; "2012/aug/10" in any case */
      k = is_sep (c, j) ? j + 1 : j;
      const LexEntry *e = lex_at (c, k);
      if (is_sep (c, j) && e && e->month && atom_len (c, k) >= 3
          && is_sep (c, k + 1))
        month = e->month, k++;
      else if (!(k = parse_month (c, k, &month)) || atom_len (c, k - 1) < 3)
        return 0;
      if (!glued (c, j) && !is_sep (c, j) && !(c->a[k - 1].flags & AF_CAP))
        return 0;
      s->year = year;
      s->month = month;
      best = k;
      guint d = is_sep (c, k) ? k + 1 : k;
      if ((d = parse_day (c, d, &day)) && valid_day (year, month, day))
        s->day = day, best = d;
      return best;
    }
  return 0;
}

/* "his 80s" is an age */
static gboolean
possessive (const Ctx *c, guint i)
{
  static const char *const words[]
      = { "his", "her", "their", "its", "my", "our", "your", NULL };
  if (i >= c->n || c->a[i].kind != A_WORD)
    return FALSE;
  for (const char *const *w = words; *w; w++)
    if (text_is (c, i, *w))
      return TRUE;
  return FALSE;
}

/* "the 1990s", "1990s", "'90s", "the 80s" */
static guint
parse_decade (const Ctx *c, guint i, DateSpec *s)
{
  guint j = i;
  gboolean apos = punct_at (c, j, '\'');
  if (apos)
    j++;
  if (!num_at (c, j) || c->a[j].num % 10 != 0 || !text_is (c, j + 1, "s")
      || !glued (c, j + 1))
    return 0;
  int nd = c->a[j].ndigits, v = c->a[j].num;
  if (nd == 4 && v >= 1000)
    s->year = v;
  else if (nd == 2 && (apos || !possessive (c, i - 1)))
    s->year = 1900 + v;
  else
    return 0;
  s->ylen = 3;
  return j + 2;
}

/* "last" or "final" as the ordinal of a year's last quarter or half. */
static gboolean
is_last_ordinal (const Ctx *c, guint i)
{
  const LexEntry *e = lex_at (c, i);
  return e
         && ((e->cue == C_REL && e->cue_val == V_LAST && text_is (c, i, "last"))
             || e->cue == C_FINAL);
}

/* "Q3 2021", "the third quarter of 2009", "third-quarter", "H1 2020",
 * "the first half of 2020", "the final quarter of 2009" (a year needed:
 * "the last quarter" alone is the one before this). */
static guint
parse_quarter (const Ctx *c, guint i, DateSpec *s)
{
  guint j;
  int q = 0, h = 0, year;
  const LexEntry *e = lex_at (c, i);
  gboolean last = is_last_ordinal (c, i);
  if (e && (e->cue == C_Q || e->cue == C_H) && num_at (c, i + 1)
      && glued (c, i + 1) && (c->a[i].flags & AF_CAP))
    {
      int v = c->a[i + 1].num;
      if (e->cue == C_Q && v >= 1 && v <= 4)
        q = v;
      else if (e->cue == C_H && v >= 1 && v <= 2)
        h = v;
      else
        return 0;
      j = i + 2;
    }
  else
    {
      double v = 0;
      gboolean ord = FALSE;
      if (last)
        j = i + 1;
      else if (!(j = parse_number (c, i, &v, &ord)) || !ord)
        return 0;
      if (punct_at (c, j, '-') && glued (c, j))
        j++;
      const LexEntry *u = lex_at (c, j);
      if (u && u->unit == U_Q && atom_len (c, j) > 3
          && (last || (v >= 1 && v <= 4)))
        q = last ? 4 : (int)v;
      else if (u && u->cue == C_HALF && (last || (v >= 1 && v <= 2)))
        h = last ? 2 : (int)v;
      else
        return 0;
      j++;
    }
  s->quarter = q;
  s->half = h;
  guint k = cue_at (c, j, C_OF) || punct_at (c, j, ',') ? j + 1 : j;
  guint y;
  if ((y = parse_year (c, k, FALSE, &year)))
    s->year = year, j = y;
  else if (last)
    return 0;
  else if (h
           && !(cue_at (c, j, C_OF) && lex_at (c, j + 1)
                && (lex_at (c, j + 1)->cue == C_REL
                    || lex_at (c, j + 1)->cue == C_THE)))
    return 0; /* "in the second half" of a match, not of a year */
  return j;
}

static guint
parse_season (const Ctx *c, guint i, DateSpec *s)
{
  const LexEntry *e = lex_at (c, i);
  int year;
  if (!e || e->cue != C_SEASON)
    return 0;
  guint j = i + 1;
  guint k = cue_at (c, j, C_OF) || punct_at (c, j, ',') ? j + 1 : j;
  if ((k = parse_year (c, k, FALSE, &year)))
    {
      s->season = e->cue_val;
      s->year = year;
      return k;
    }
  if (cue_at (c, j, C_OF))
    return 0;
  /* "in the fall", "in summer": not "prices fall" */
  guint p = i > 0 && cue_at (c, i - 1, C_THE) ? i - 1 : i;
  /* "their Autumn meetings": capitalised inside a sentence, but not
   * after a capitalised word of a name ("the Arab Spring") */
  const Atom *b = i > 0 ? &c->a[i - 1] : NULL;
  gboolean named = (c->a[i].flags & AF_CAP)
                   && !(c->a[i].flags & (AF_SENT | AF_NEWLINE)) && b
                   && b->kind == A_WORD
                   && !((b->flags & AF_CAP) && !b->lex
                        && !(b->flags & (AF_SENT | AF_NEWLINE)));
  gboolean prep = p > 0
                  && (cue_at (c, p - 1, C_IN) || cue_at (c, p - 1, C_SINCE)
                      || cue_at (c, p - 1, C_BY) || cue_at (c, p - 1, C_UNTIL)
                      || cue_at (c, p - 1, C_POS));
  if (!named && !prep)
    return 0;
  s->season = e->cue_val;
  return j;
}

/* "[of] next year", ", this year" after a month, quarter or season, and
 * "last year" after a day ("March 20 last year"); not "in March, last
 * year's winner". */
static guint
parse_rel_year (const Ctx *c, guint j, DateSpec *s)
{
  guint k
      = cue_at (c, j, C_OF) || (punct_at (c, j, ',') && !s->day) ? j + 1 : j;
  const LexEntry *r = lex_at (c, k), *u = lex_at (c, k + 1);
  if (!r || r->cue != C_REL || !u || u->unit != U_Y || atom_len (c, k + 1) != 4
      || (punct_at (c, k + 2, '\'') && glued (c, k + 2)))
    return j;
  s->has_rel_year = TRUE;
  s->rel_year = r->cue_val;
  return k + 2;
}

/* Whether any rule of parse_absolute() can read something at atom @i: a
 * number, an apostrophe ("'90s"), or a word that names a month, weekday,
 * holiday, number, quarter, half, season, noon or midnight.  It is tried
 * at "the", "last", "about"… as well, and would read every rule there. */
static gboolean
absolute_may_start (const Ctx *c, guint i)
{
  if (num_at (c, i) || punct_at (c, i, '\''))
    return TRUE;
  const LexEntry *e = lex_at (c, i);
  return (e
          && (e->month || (e->weekday && !e->weekday_plural) || e->holiday
              || e->num >= 0 || e->cue == C_Q || e->cue == C_H
              || e->cue == C_SEASON || e->cue == C_NOON
              || e->cue == C_MIDNIGHT))
         || is_last_ordinal (c, i);
}

guint
parse_absolute (const Ctx *c, guint i, Match *m)
{
  if (!absolute_may_start (c, i))
    return 0;
  DateSpec s;
  spec_init (&s, K_DATE);
  guint j = i, best = 0;
  int year;
  const LexEntry *e = lex_at (c, i);
  /* weekday prefix: "Friday, January 4, 2019", "SUN 15SEP" */
  if (e && e->weekday && !e->weekday_plural)
    {
      j = i + 1;
      if (punct_at (c, j, '.') && glued (c, j))
        j++;
      if (punct_at (c, j, ','))
        j++;
      s.weekday = e->weekday;
    }
  guint k;
  DateSpec t = s;
  if ((k = parse_numeric (c, j, &t)) > best)
    best = k, s = t;
  t = s;
  if (j == i && (k = parse_holiday (c, j, &t)) > best)
    best = k, s = t;
  t = s;
  if ((k = parse_named (c, j, &t)) > best)
    best = k, s = t;
  if (best)
    {
      m->explicit_year = s.year != NONE;
      if (s.day || !s.month)
        best = attach_time (c, best, &s);
      /* "Thu Oct 26 11:00:09 2023": the year after the time */
      if (s.year == NONE && s.day && s.hour >= 0 && num_at (c, best)
          && c->a[best].ndigits == 4 && (k = parse_year (c, best, FALSE, &year))
          && year_ends (c, k))
        s.year = year, best = k, m->explicit_year = TRUE;
    }
  else if (j == i)
    {
      if ((k = parse_decade (c, i, &s)))
        best = k;
      else if ((k = parse_quarter (c, i, &s)) || (k = parse_season (c, i, &s)))
        best = k, m->explicit_year = s.year != NONE;
      else if ((k = parse_time (c, i, &s)))
        {
          /* a time before a date: "14:15 05/31/2024", "8:23 AM, Jul 9" */
          best = k;
          guint d = k, e2;
          if (punct_at (c, d, ',') || punct_at (c, d, '?')
              || cue_at (c, d, C_ON))
            d++;
          t = s;
          if (!(e2 = parse_numeric (c, d, &t)))
            {
              t = s;
              e2 = parse_named (c, d, &t);
            }
          if (e2 && t.day)
            {
              best = e2, s = t, m->explicit_year = s.year != NONE;
              if (s.hour == 24)
                s.hour = 0; /* "midnight on 12th August" starts that day */
            }
          else if ((e2 = time_then_day (c, d, &s)))
            best = e2;
        }
      else if ((k = parse_year (c, i, punct_at (c, i, '\''), &year))
               && (punct_at (c, i, '\'') || plausible_year (c, i, k, year)))
        {
          s.year = year;
          best = k;
          m->explicit_year = TRUE;
        }
    }
  if (!best)
    return 0;
  if (s.kind == K_DATE && s.year == NONE && s.hour < 0
      && (s.month || s.quarter || s.season || s.half))
    best = parse_rel_year (c, best, &s);
  m->s = s;
  m->type = s.hour >= 0 || s.pod ? T_TIME : T_DATE;
  return best;
}
