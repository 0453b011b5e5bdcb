/* dates — rules for absolute expressions: calendar dates written with month
 * names or digits, years and decades, quarters, halves and seasons, and
 * times of day.  Missing fields (a year, a day) are left for the
 * normalizer to fill from the anchor. */
#include <string.h>

#include "grammar.h"

static gboolean
valid_day (int y, int m, int d)
{
  if (m < 1 || m > 12 || d < 1)
    return FALSE;
  return d <= (y == NONE ? (m == 2 ? 29 : days_in_month (2001, m))
                         : days_in_month (y, m));
}

static gboolean
text_is (const Ctx *c, guint i, const char *s)
{
  guint len = strlen (s);
  return i < c->n && atom_len (c, i) == len
         && g_ascii_strncasecmp (c->text + c->a[i].start, s, len) == 0;
}

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
  if (atom_len (c, i) <= 4 && punct_at (c, i + 1, '.') && glued (c, i + 1))
    return i + 2;
  return i + 1;
}

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

/* "am", "PM", "a.m.", "p.m." at @i: 1 am, 2 pm, 0 none; *end after it. */
static int
parse_ampm (const Ctx *c, guint i, guint *end)
{
  const LexEntry *e = lex_at (c, i);
  if (e && e->cue == C_AMPM)
    return *end = i + 1, e->cue_val;
  if ((text_is (c, i, "a") || text_is (c, i, "p")) && punct_at (c, i + 1, '.')
      && glued (c, i + 1) && text_is (c, i + 2, "m") && glued (c, i + 2))
    {
      *end = i + 3 + (punct_at (c, i + 3, '.') && glued (c, i + 3));
      return text_is (c, i, "a") ? V_AM : V_PM;
    }
  return 0;
}

guint
parse_time (const Ctx *c, guint i, DateSpec *s)
{
  const LexEntry *e = lex_at (c, i);
  guint j;
  if (e && (e->cue == C_NOON || e->cue == C_MIDNIGHT))
    {
      s->hour = e->cue == C_NOON ? 12 : 0;
      s->minute = 0;
      return i + 1;
    }
  if (num_at (c, i) && c->a[i].ndigits == 4 && c->a[i].num % 100 < 60
      && c->a[i].num < 2400 && (e = lex_at (c, i + 1)) && e->cue == C_TZ
      && (c->a[i + 1].flags & AF_UPPER))
    {
      s->hour = c->a[i].num / 100;
      s->minute = c->a[i].num % 100;
      s->has_tz = TRUE;
      s->tz = e->cue_val;
      return i + 2;
    }
  if (!num_at (c, i) || c->a[i].ndigits > 2 || c->a[i].num > 24)
    return 0;
  int h = c->a[i].num, m = -1, sec = -1;
  j = i + 1;
  if (punct_at (c, j, ':') && glued (c, j) && num_at (c, j + 1)
      && glued (c, j + 1) && c->a[j + 1].ndigits == 2 && c->a[j + 1].num < 60)
    {
      m = c->a[j + 1].num;
      j += 2;
      if (punct_at (c, j, ':') && glued (c, j) && num_at (c, j + 1)
          && glued (c, j + 1) && c->a[j + 1].ndigits == 2
          && c->a[j + 1].num < 60)
        {
          sec = c->a[j + 1].num;
          j += 2;
          if (punct_at (c, j, '.') && glued (c, j) && num_at (c, j + 1)
              && glued (c, j + 1))
            j += 2;
        }
      if (punct_at (c, j, ':') && glued (c, j))
        return 0;
    }
  guint k;
  int ampm = parse_ampm (c, j, &k);
  if (ampm)
    {
      if (h > 12 || h == 0)
        return 0;
      h = ampm == V_PM ? (h % 12) + 12 : h % 12;
      j = k;
    }
  else if (m < 0)
    return 0;
  s->hour = h;
  s->minute = m < 0 ? 0 : m;
  s->second = sec;
  /* a zone abbreviation gives the offset: 18:00 UTC is T18:00Z */
  e = lex_at (c, j);
  if (e && e->cue == C_TZ && (c->a[j].flags & AF_UPPER))
    {
      s->has_tz = TRUE;
      s->tz = e->cue_val;
      j++;
    }
  return j;
}

/* Day-month-year or month-day-year with numbers joined by one separator. */
static guint
parse_numeric (const Ctx *c, guint i, DateSpec *s)
{
  if (!num_at (c, i) || !punct_at (c, i + 1, c->a[i + 1].punct)
      || !glued (c, i + 1) || !num_at (c, i + 2) || !glued (c, i + 2))
    return 0;
  char sep = c->a[i + 1].punct;
  if (sep != '-' && sep != '/' && sep != '.')
    return 0;
  const Atom *a = &c->a[i], *b = &c->a[i + 2];
  gboolean three = punct_at (c, i + 3, sep) && glued (c, i + 3)
                   && num_at (c, i + 4) && glued (c, i + 4);
  if (i > 0 && glued (c, i)
      && (punct_at (c, i - 1, sep) || c->a[i - 1].kind == A_WORD
          || num_at (c, i - 1)))
    return 0;
  if (!three)
    {
      /* 04/2016 */
      if (sep != '/' || a->ndigits > 2 || b->ndigits != 4 || a->num < 1
          || a->num > 12)
        return 0;
      s->year = b->num;
      s->month = a->num;
      return i + 3;
    }
  const Atom *d = &c->a[i + 4];
  guint end = i + 5;
  if (glued (c, end) && (punct_at (c, end, sep) || num_at (c, end)))
    return 0;
  int y, m, day;
  if (a->ndigits == 4 && b->ndigits <= 2 && d->ndigits <= 2)
    y = a->num, m = b->num, day = d->num;
  else if (a->ndigits <= 2 && b->ndigits <= 2
           && (d->ndigits == 4 || (d->ndigits == 2 && sep != '.')))
    {
      y = d->ndigits == 4 ? d->num
          : d->num < 50   ? 2000 + d->num
                          : 1900 + d->num;
      if (c->day_first)
        day = a->num, m = b->num;
      else
        m = a->num, day = b->num;
    }
  else
    return 0;
  if (m > 12 && day <= 12)
    {
      int t = m;
      m = day;
      day = t;
    }
  if (!valid_day (y, m, day))
    return 0;
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
static gboolean
year_ends (const Ctx *c, guint end)
{
  if (punct_at (c, end, ':') && glued (c, end) && c->a[end - 1].ndigits <= 2)
    return FALSE;
  if (c->a[end - 1].ndigits == 2 && end < c->n && c->a[end].kind == A_WORD
      && !(c->a[end].flags & AF_CAP))
    return FALSE;
  return TRUE;
}

static gboolean
is_sep (const Ctx *c, guint i)
{
  return (punct_at (c, i, '-') || punct_at (c, i, '/')) && glued (c, i);
}

/* Whether a month name standing alone at @i reads as a month: capitalised,
 * and "May" or an abbreviation only after a preposition or modifier. */
static gboolean
bare_month_ok (const Ctx *c, guint i, int month)
{
  if (!(c->a[i].flags & AF_CAP))
    return FALSE;
  gboolean weak = month == 5 || atom_len (c, i) <= 4;
  if (!weak)
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
      if ((k = parse_day (c, k, &day))
          && !(punct_at (c, k, ':') && glued (c, k)))
        {
          t = *s;
          t.month = month;
          t.day = day;
          best = k;
          guint y = k;
          if (punct_at (c, y, ',') || is_sep (c, y))
            y++;
          if ((y = parse_year (c, y, TRUE, &year)) && year_ends (c, y))
            t.year = year, best = y;
          if (!valid_day (t.year, month, day))
            return 0; /* "February 29, 2014" is no date at all */
          *s = t;
        }
      else if (num_at (c, k) && !glued (c, k)
               && (c->a[k].ndigits >= 5
                   || (c->a[k].ndigits == 2 && c->a[k].num > 31
                       && atom_len (c, i) > 4)))
        return 0; /* "August 32", "February 151998" */
      if (i > 0 && num_at (c, i - 1) && c->a[i - 1].ndigits <= 2
          && !(c->a[i - 1].flags & AF_ORD) && !(c->a[i].flags & AF_NEWLINE)
          && !punct_at (c, i - 2, '\''))
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
          else if (bare_month_ok (c, i, month))
            {
              s->month = month;
              best = j;
            }
        }
      return best;
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
        return 0;
      *s = t;
      return best;
    }
  if (num_at (c, i) && c->a[i].ndigits == 4
      && (j = parse_year (c, i, FALSE, &year)))
    {
      /* year [sep] month [[sep] day] */
      k = is_sep (c, j) ? j + 1 : j;
      if (!(k = parse_month (c, k, &month)) || atom_len (c, k - 1) < 3)
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

/* A year standing alone: only when nothing around it says it is a count. */
static gboolean
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

/* "Q3 2021", "the third quarter of 2009", "third-quarter", "H1 2020",
 * "the first half of 2020". */
static guint
parse_quarter (const Ctx *c, guint i, DateSpec *s)
{
  guint j;
  int q = 0, h = 0, year;
  const LexEntry *e = lex_at (c, i);
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
      double v;
      gboolean ord;
      if (!(j = parse_number (c, i, &v, &ord)) || !ord)
        return 0;
      if (punct_at (c, j, '-') && glued (c, j))
        j++;
      const LexEntry *u = lex_at (c, j);
      if (u && u->unit == U_Q && v >= 1 && v <= 4 && atom_len (c, j) > 3)
        q = (int)v;
      else if (u && u->cue == C_HALF && v >= 1 && v <= 2)
        h = (int)v;
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
  /* "their Autumn meetings": capitalised inside a sentence */
  gboolean named = (c->a[i].flags & AF_CAP)
                   && !(c->a[i].flags & (AF_SENT | AF_NEWLINE)) && i > 0
                   && c->a[i - 1].kind == A_WORD;
  gboolean prep = p > 0
                  && (cue_at (c, p - 1, C_IN) || cue_at (c, p - 1, C_SINCE)
                      || cue_at (c, p - 1, C_BY) || cue_at (c, p - 1, C_UNTIL)
                      || cue_at (c, p - 1, C_POS));
  if (!named && !prep)
    return 0;
  s->season = e->cue_val;
  return j;
}

/* A time after a date: "…, 9:30", "… at 19:00", "… 02:00 AM". */
static guint
attach_time (const Ctx *c, guint j, DateSpec *s)
{
  guint k = j;
  if (punct_at (c, k, ',') || punct_at (c, k, '.') || punct_at (c, k, '-')
      || (punct_at (c, k, ':') && glued (c, k)))
    k++;
  if (cue_at (c, k, C_AT))
    k++;
  DateSpec t = *s;
  guint e = parse_time (c, k, &t);
  if (e)
    {
      *s = t;
      return e;
    }
  const LexEntry *p = lex_at (c, j);
  if (p && p->cue == C_POD)
    {
      s->pod = p->cue_val;
      e = j + 1;
      if (lex_at (c, e) && lex_at (c, e)->cue == C_TZ
          && (c->a[e].flags & AF_UPPER))
        e++;
      return e;
    }
  return j;
}

/* "[of] next year", ", this year" after a month, quarter or season. */
static guint
parse_rel_year (const Ctx *c, guint j, DateSpec *s)
{
  guint k = cue_at (c, j, C_OF) || punct_at (c, j, ',') ? j + 1 : j;
  const LexEntry *r = lex_at (c, k), *u = lex_at (c, k + 1);
  if (!r || r->cue != C_REL || !u || u->unit != U_Y || atom_len (c, k + 1) != 4)
    return j;
  s->has_rel_year = TRUE;
  s->rel_year = r->cue_val;
  return k + 2;
}

/* A time followed by a weekday or today: "12:00 UTC Monday". */
static guint
time_then_day (const Ctx *c, guint d, DateSpec *s)
{
  const LexEntry *e = lex_at (c, d);
  if (e && e->weekday && !e->weekday_plural && atom_len (c, d) > 3)
    {
      s->kind = K_WEEKDAY;
      s->weekday = e->weekday;
      s->dir = 2;
      return d + 1;
    }
  if (e && e->cue == C_DEICTIC && e->cue_val <= V_TOMORROW
      && e->cue_val != V_TONIGHT)
    {
      s->kind = K_OFFSET;
      s->unit = U_D;
      s->dir = e->cue_val == V_YESTERDAY ? -1 : e->cue_val == V_TOMORROW;
      s->amount = s->dir ? 1 : 0;
      return d + 1;
    }
  return 0;
}

guint
parse_absolute (const Ctx *c, guint i, Match *m)
{
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
  if ((k = parse_named (c, j, &t)) > best)
    best = k, s = t;
  if (best)
    {
      m->explicit_year = s.year != NONE;
      if (s.day || !s.month)
        best = attach_time (c, best, &s);
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
          guint d = punct_at (c, k, ',') ? k + 1 : k, e2;
          t = s;
          if (!(e2 = parse_numeric (c, d, &t)))
            {
              t = s;
              e2 = parse_named (c, d, &t);
            }
          if (e2 && t.day)
            best = e2, s = t, m->explicit_year = s.year != NONE;
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
  if (s.kind == K_DATE && s.year == NONE && !s.day
      && (s.month || s.quarter || s.season || s.half))
    best = parse_rel_year (c, best, &s);
  m->s = s;
  m->type = s.hour >= 0 || s.pod ? T_TIME : T_DATE;
  return best;
}
