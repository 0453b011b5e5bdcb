/* dates — rules for expressions that need the anchor: deictic words
 * (today, now), this/last/next + unit, weekday or month, "N units ago",
 * "the same day", "the day before yesterday" (amounts, durations and sets
 * are in amounts.c). */
#include <string.h>

#include "grammar.h"

/* A part of the day or a time after a day: "Monday morning", "tonight at
 * 8", "this afternoon at 3" (an hour of that part of the day). */
guint
attach_pod (const Ctx *c, guint j, DateSpec *s)
{
  const LexEntry *e = lex_at (c, j);
  if (e && e->cue == C_POD)
    s->pod = e->cue_val, j++;
  guint k = cue_at (c, j, C_AT) || cue_at (c, j, C_ANCHOR) ? j + 1 : j;
  DateSpec t = *s;
  if ((k = parse_time (c, k, &t)))
    {
      if (s->pod >= 2 && t.hour >= 1 && t.hour < 12
          && (s->pod != 4 || t.hour >= 6) && num_at (c, k - 1))
        t.hour += 12;
      *s = t;
      return k;
    }
  k = cue_at (c, j, C_AT) ? j + 1 : 0;
  if (k && s->pod && num_at (c, k) && c->a[k].ndigits <= 2 && c->a[k].num >= 1
      && c->a[k].num <= 12
      && !(k + 1 < c->n && glued (c, k + 1)
           && !(c->a[k + 1].kind == A_PUNCT
                && strchr (".,;!?)", c->a[k + 1].punct))))
    {
      /* "this afternoon at 3,": the part of the day says it is a time */
      int h = c->a[k].num;
      s->hour = s->pod >= 2 && h < 12 && (s->pod != 4 || h >= 6) ? h + 12 : h;
      s->minute = 0;
      return k + 1;
    }
  return j;
}

static guint
parse_deictic (const Ctx *c, guint i, Match *m)
{
  const LexEntry *e = lex_at (c, i);
  DateSpec *s = &m->s;
  if (punct_at (c, i + 1, '-') && glued (c, i + 1))
    return 0; /* "the now-cancelled deal" */
  if (e->cue_val == V_PAST_REF && unit_at (c, i + 1, FALSE)
      && is_plural_unit (c, i + 1))
    {
      /* "in recent years" */
      spec_init (s, K_DURATION);
      s->amount = -1;
      s->unit = unit_at (c, i + 1, FALSE);
      m->type = T_DURATION;
      return i + 2;
    }
  if (e->cue_val >= V_PRESENT_REF)
    {
      spec_init (s, K_REF);
      s->ref = e->cue_val;
      return i + 1;
    }
  spec_init (s, K_OFFSET);
  s->unit = U_D;
  s->dir = e->cue_val == V_YESTERDAY ? -1 : e->cue_val == V_TOMORROW ? 1 : 0;
  s->amount = s->dir ? 1 : 0;
  if (e->cue_val == V_TONIGHT)
    s->pod = 4;
  return attach_pod (c, i + 1, s);
}

static guint offset_direction (const Ctx *c, guint i, guint j, Match *m);

/* "N units ago", "N units before/after today", "N units from now", "N
 * units later"; @i is at the amount. */
static guint
parse_offset (const Ctx *c, guint i, Match *m)
{
  double amount;
  int unit;
  gboolean adj;
  guint j = parse_amount (c, i, &amount, &unit, &adj);
  if (!j || adj)
    return 0;
  /* "1 day 21 hours": summed in the finest unit; "2 months, 5 days":
   * years or months first, then the days from that day */
  static const int secs[U_N] = {
    [U_D] = 86400, [U_H] = 3600, [U_MIN] = 60, [U_S] = 1, [U_W] = 7 * 86400
  };
  int coarse = 0;
  double coarse_amount = 0;
  for (;;)
    {
      guint k = punct_at (c, j, ',') ? j + 1 : j;
      if (cue_at (c, k, C_AND))
        k++;
      double a2;
      int u2;
      gboolean adj2;
      guint e2 = num_at (c, k) ? parse_amount (c, k, &a2, &u2, &adj2) : 0;
      if (!e2 || adj2 || amount < 0 || !secs[u2])
        break;
      if ((unit == U_Y || unit == U_M) && !coarse)
        {
          coarse = unit;
          coarse_amount = amount;
        }
      else if (!secs[unit] || secs[u2] >= secs[unit])
        break;
      else
        a2 += amount * secs[unit] / secs[u2];
      amount = a2;
      unit = u2;
      j = e2;
    }
  DateSpec *s = &m->s;
  spec_init (s, K_OFFSET);
  s->unit = unit;
  s->amount = amount;
  j = offset_direction (c, i, j, m);
  if (j && coarse && s->open_anchor)
    return 0;
  if (j && coarse)
    {
      /* the months from the anchor to a day, then the days from it */
      m->e = *s;
      m->e.unit = coarse;
      m->e.amount = coarse_amount;
      m->e.gran = U_D;
      s->from_context = TRUE;
      m->based = TRUE;
    }
  return j;
}

/* What follows "N units" at @j (the amount at @i): ago, later, before,
 * from now, a sign before it, "in" before it.  Sets the direction of m->s
 * and returns the end, or 0 when it is no offset. */
static guint
offset_direction (const Ctx *c, guint i, guint j, Match *m)
{
  DateSpec *s = &m->s;
  double amount = s->amount;
  int unit = s->unit;
  const LexEntry *e = lex_at (c, j);
  if (e && e->cue == C_AGO)
    {
      s->dir = e->cue_val;
      /* "ago", "out": from now; "later", "earlier": from the date
       * just mentioned */
      s->from_context = atom_len (c, j) != 3;
      return j + 1;
    }
  if (e && e->cue == C_FROM && cue_at (c, j + 1, C_DEICTIC)
      && lex_at (c, j + 1)->cue_val == V_PRESENT_REF)
    {
      s->dir = 1;
      return j + 2;
    }
  if (e && e->cue == C_ANCHOR)
    {
      s->dir = e->cue_val;
      const LexEntry *d = lex_at (c, j + 1);
      if (d && d->cue == C_DEICTIC && d->cue_val <= V_TOMORROW && amount >= 0
          && (unit == U_D || unit == U_W))
        {
          int base = d->cue_val == V_YESTERDAY ? -1 : d->cue_val == V_TOMORROW;
          int days = (int)amount * (unit == U_W ? 7 : 1) * s->dir + base;
          s->unit = U_D;
          s->dir = days < 0 ? -1 : 1;
          s->amount = days < 0 ? -days : days;
          return j + 2;
        }
      /* "two days before," — before the last mentioned date; "2 days
       * after next Friday": the matcher reads the date after it */
      s->from_context = TRUE;
      s->open_anchor = !(j + 1 >= c->n || c->a[j + 1].kind == A_PUNCT);
      return j + 1;
    }
  /* "+2 months", "-3y"; "now + 40 minutes" */
  if (i > 0 && (punct_at (c, i - 1, '+') || punct_at (c, i - 1, '-'))
      && (glued (c, i) || punct_at (c, i - 1, '+'))
      && (i < 2 || !glued (c, i - 1)))
    {
      s->dir = punct_at (c, i - 1, '+') ? 1 : -1;
      return j;
    }
  /* "in five days", "in about five hours", "in about ~5 hours" */
  guint in = i - 1;
  while (in > 0 && in + 3 > i
         && (cue_at (c, in, C_APPROX) || punct_at (c, in, '~')))
    in--;
  if (i > 0 && cue_at (c, in, C_IN) && !cue_at (c, j, C_OF))
    {
      s->dir = 1;
      m->in_offset = TRUE;
      return j;
    }
  return 0;
}

/* this/last/next/past + unit, weekday, month, season, or N units */
static guint
parse_rel (const Ctx *c, guint i, Match *m)
{
  const LexEntry *e = lex_at (c, i);
  DateSpec *s = &m->s;
  int dir = e->cue == C_PAST ? -1 : e->cue_val;
  gboolean the = i > 0 && cue_at (c, i - 1, C_THE);
  guint j = i + 1;
  const LexEntry *n = lex_at (c, j);
  double amount;
  int unit;
  gboolean adj;
  guint k;
  if (e->cue == C_PAST && the
      && (j >= c->n || c->a[j].kind == A_PUNCT
          || (n && n->cue >= C_TO && n->cue <= C_AT)))
    {
      /* "the past," "in the past" */
      spec_init (s, K_REF);
      s->ref = V_PAST_REF;
      return j;
    }
  if (!n && !num_at (c, j))
    return 0;
  if (n && n->weekday && !n->weekday_plural && atom_len (c, j) > 3)
    {
      spec_init (s, K_WEEKDAY);
      s->weekday = n->weekday;
      s->dir = dir;
      return attach_pod (c, j + 1, s);
    }
  if (n && n->month && (c->a[j].flags & AF_CAP))
    {
      spec_init (s, K_REL);
      s->month = n->month;
      s->dir = dir;
      return j + 1;
    }
  if (n && n->cue == C_SEASON)
    {
      spec_init (s, K_REL);
      s->season = n->cue_val;
      s->dir = dir;
      return j + 1;
    }
  if (dir && n && n->cue == C_WORKDAY)
    {
      /* the last or next working day */
      spec_init (s, K_OFFSET);
      s->unit = U_D;
      s->dir = dir;
      s->business = TRUE;
      return j + 1;
    }
  if (n && n->cue == C_POD)
    {
      /* this morning; last night = yesterday night */
      spec_init (s, K_OFFSET);
      s->unit = U_D;
      s->pod = n->cue_val;
      s->dir = dir < 0 && n->cue_val == 4 ? -1 : 0;
      s->amount = s->dir ? 1 : 0;
      if (dir > 0)
        return 0;
      return attach_pod (c, j, s);
    }
  if ((k = parse_amount (c, j, &amount, &unit, &adj)) && !adj)
    {
      spec_init (s, K_DURATION);
      s->amount = amount;
      s->unit = unit;
      m->type = T_DURATION;
      return k;
    }
  if ((unit = unit_at (c, j, FALSE)) && !is_plural_unit (c, j))
    {
      /* "the last day of the convention" is no yesterday ("the last day
       * of the year" is read on) */
      if (the && dir && cue_at (c, j + 1, C_OF) && cue_at (c, j + 2, C_THE)
          && !unit_at (c, j + 3, FALSE))
        return 0;
      if (the && e->cue == C_PAST)
        {
          spec_init (s, K_DURATION);
          s->unit = unit;
          m->type = T_DURATION;
          return j + 1;
        }
      spec_init (s, K_REL);
      s->unit = unit;
      s->dir = dir;
      if (unit == U_D || unit == U_H || unit == U_MIN)
        {
          /* the next day: after the last mentioned date */
          s->kind = K_OFFSET;
          s->from_context = unit == U_D && the;
          s->amount = 1;
          if (!dir)
            return 0;
        }
      return j + 1;
    }
  return 0;
}

/* "last year", "the previous year", "a year ago / earlier / before": the
 * index after it, or 0. */
static guint
year_back (const Ctx *c, guint k)
{
  if (cue_at (c, k, C_THE))
    k++;
  const LexEntry *r = lex_at (c, k), *u = lex_at (c, k + 1);
  if (r && r->cue == C_REL && r->cue_val == V_LAST && u && u->unit == U_Y
      && !is_plural_unit (c, k + 1))
    return k + 2;
  const LexEntry *a = lex_at (c, k + 2);
  if (r && r->num == 1 && u && u->unit == U_Y && !is_plural_unit (c, k + 1) && a
      && ((a->cue == C_AGO && a->cue_val < 0)
          || (a->cue == C_ANCHOR && a->cue_val < 0)))
    return k + 3;
  return 0;
}

/* the same day / week / month / year; "the same period last year", "the
 * same month a year ago": that part of the year before */
static guint
parse_same (const Ctx *c, guint i, Match *m)
{
  int unit = unit_at (c, i + 1, FALSE);
  gboolean period = cue_at (c, i + 1, C_PERIOD);
  if ((!unit && !period) || (unit && is_plural_unit (c, i + 1))
      || !(i > 0 && cue_at (c, i - 1, C_THE)))
    return 0;
  spec_init (&m->s, K_OFFSET);
  m->s.from_context = TRUE;
  guint k = cue_at (c, i + 2, C_OF) ? i + 3 : i + 2, end;
  if ((end = year_back (c, k)) && unit != U_Y)
    {
      m->s.unit = U_Y;
      m->s.dir = -1;
      m->s.amount = 1;
      m->s.gran = period ? U_M : unit;
      m->s.same_period = period;
      return end;
    }
  if (period)
    return 0;
  m->s.unit = unit;
  m->s.amount = 0;
  return i + 2;
}

/* Whether a weekday abbreviation at @i standing alone ("Sun", "Wed",
 * "Thur") is the day: after a word that leads to a day ("on", "by",
 * "until", "next", "and"…) or a mark of a list or range, or before
 * another day ("Mon - Fri"); not "the Sun", "the Baltimore Sun", "Paul
 * Sun-Hyung Lee". */
static gboolean
abbreviation_is_day (const Ctx *c, guint i)
{
  guint k = i + 1;
  if (punct_at (c, k, '-') || punct_at (c, k, ',') || punct_at (c, k, '/')
      || cue_at (c, k, C_TO) || cue_at (c, k, C_AND))
    k++;
  if (k > i + 1 && lex_at (c, k) && lex_at (c, k)->weekday)
    return TRUE;
  if (i == 0)
    return FALSE;
  const Atom *p = &c->a[i - 1];
  if (p->kind == A_PUNCT)
    return p->punct == ',' || p->punct == '-' || p->punct == '/'
           || p->punct == '(';
  const LexEntry *e = p->lex;
  return e
         && (e->cue == C_ON || e->cue == C_BY || e->cue == C_UNTIL
             || e->cue == C_SINCE || e->cue == C_FROM || e->cue == C_TO
             || e->cue == C_AND || e->cue == C_BETWEEN || e->cue == C_REL
             || e->weekday);
}

/* "in the near term", "for the long term", "over the short term": the
 * future (TimeML's FUTURE_REF); not "the long-term plan", "the short term
 * of office". */
static guint
parse_term (const Ctx *c, guint i, Match *m)
{
  if (!cue_at (c, i + 1, C_TERM) || cue_at (c, i + 2, C_OF) || i < 2
      || !cue_at (c, i - 1, C_THE)
      || !(cue_at (c, i - 2, C_IN) || cue_at (c, i - 2, C_FOR)
           || text_is (c, i - 2, "over")))
    return 0;
  spec_init (&m->s, K_REF);
  m->s.ref = V_FUTURE_REF;
  return i + 2;
}

/* "the day" at @i - 1 … @i as the day the story happens: after "end",
 * "finish", "for", or "early / later in"; not "the day of the vote", "the
 * day after", "the day he left". */
static gboolean
trading_day (const Ctx *c, guint i)
{
  static const char *const verbs[]
      = { "end",      "ended",     "ends",  "ending", "finish",
          "finished", "finishing", "close", "closed", "closing",
          "start",    "started",   "for",   NULL };
  static const char *const times[]
      = { "early", "earlier", "late", "later", NULL };
  if (i < 2 || !cue_at (c, i - 1, C_THE))
    return FALSE;
  gboolean ok = FALSE, in = FALSE;
  if (i >= 3 && (cue_at (c, i - 2, C_IN) || cue_at (c, i - 2, C_OF)))
    {
      /* "late in the day", "at the start of the day" (not "at the end of
       * the day", mostly an idiom) */
      for (const char *const *w = times; *w; w++)
        in = in || (cue_at (c, i - 2, C_IN) && text_is (c, i - 3, *w));
      in = in
           || (cue_at (c, i - 2, C_OF)
               && (text_is (c, i - 3, "start")
                   || text_is (c, i - 3, "beginning")));
      ok = in;
    }
  for (const char *const *w = verbs; *w; w++)
    ok = ok || text_is (c, i - 2, *w);
  if (!ok || i + 1 >= c->n)
    return ok;
  const Atom *n = &c->a[i + 1];
  if (n->kind == A_PUNCT)
    return n->punct != '\'' && n->punct != '-';
  const LexEntry *e = n->lex;
  /* "the day after the vote" is another day, not "late in the day after
   * falling" */
  return !(n->kind == A_NUM
           || (e
               && (e->cue == C_OF || (e->cue == C_ANCHOR && !in)
                   || e->cue == C_THE || e->cue == C_BY))
           || text_is (c, i + 1, "when") || text_is (c, i + 1, "that")
           || text_is (c, i + 1, "which") || text_is (c, i + 1, "he")
           || text_is (c, i + 1, "she") || text_is (c, i + 1, "they"));
}

/* Whether any rule of parse_relative() can read something at atom @i: a
 * number, or a word that is deictic, this/last/next, "same", "future", a
 * weekday, a unit, a number, "half" or "few".  It is tried at "the",
 * "about", "early"… as well, and would read every rule there. */
static gboolean
relative_may_start (const Ctx *c, guint i)
{
  if (num_at (c, i))
    return TRUE;
  const LexEntry *e = lex_at (c, i);
  return e
         && (e->cue == C_DEICTIC || e->cue == C_REL || e->cue == C_PAST
             || e->cue == C_SAME || e->cue == C_FUTURE || e->cue == C_HALF
             || e->cue == C_TERMADJ || e->cue == C_FEW
             || (e->weekday && !e->weekday_plural) || e->unit || e->num >= 0);
}

/* "the year" of "the end of the year", "the beginning of the month": the
 * one the text speaks in, as "this year" (not "the year" alone, which
 * may be any: "the year before", "the year he was born"; nor "the end of
 * the day", which is mostly "in the end"). */
static gboolean
is_year_in_focus (const Ctx *c, guint i)
{
  const LexEntry *e = lex_at (c, i);
  if (!e || i < 3 || is_plural_unit (c, i) || atom_len (c, i) < 4
      || !cue_at (c, i - 1, C_THE) || !cue_at (c, i - 2, C_OF)
      || !cue_at (c, i - 3, C_POS))
    return FALSE;
  return e->unit == U_Y || e->unit == U_M || e->unit == U_W || e->unit == U_Q
         || e->unit == U_DE || e->unit == U_CE;
}

guint
parse_relative (const Ctx *c, guint i, Match *m)
{
  if (!relative_may_start (c, i))
    return 0;
  const LexEntry *e = lex_at (c, i);
  guint j;
  m->type = T_DATE;
  if (e && e->cue == C_DEICTIC)
    j = parse_deictic (c, i, m);
  else if (e && (e->cue == C_REL || e->cue == C_PAST))
    j = parse_rel (c, i, m);
  else if (e && e->cue == C_SAME)
    j = parse_same (c, i, m);
  else if (e && e->cue == C_TERMADJ)
    j = parse_term (c, i, m);
  else if (e && e->weekday && !e->weekday_plural
           && (atom_len (c, i) > 4 || (c->a[i].flags & AF_CAP)))
    {
      spec_init (&m->s, K_WEEKDAY);
      m->s.weekday = e->weekday;
      m->s.dir = 2;
      j = i + 1;
      /* "Friday next week", "Tuesday of last week" */
      guint k = punct_at (c, j, ',') || cue_at (c, j, C_OF) ? j + 1 : j;
      const LexEntry *r = lex_at (c, k);
      if (r && r->cue == C_REL && lex_at (c, k + 1)
          && lex_at (c, k + 1)->unit == U_W)
        {
          m->s.dir = r->cue_val;
          j = k + 2;
        }
      guint t = attach_pod (c, j, &m->s), h;
      DateSpec hs = m->s, he;
      if (t == j && (h = parse_hour_range (c, j, &hs, &he)))
        {
          /* "monday 7 to 9am" */
          m->s = hs;
          m->e = he;
          m->range = TRUE;
          t = h;
        }
      if (t == j && atom_len (c, i) <= 4 && !abbreviation_is_day (c, i))
        return 0;
      j = t;
    }
  else if (is_year_in_focus (c, i))
    {
      spec_init (&m->s, K_REL);
      m->s.unit = e->unit;
      m->s.from_context = TRUE; /* "the month" may be one just named */
      j = i + 1;
    }
  else if (e && e->unit == U_WE && !is_plural_unit (c, i) && i > 0
           && cue_at (c, i - 1, C_THE))
    {
      spec_init (&m->s, K_REL);
      m->s.unit = U_WE;
      j = i + 1;
    }
  else if (e && e->cue == C_FUTURE && i > 0 && cue_at (c, i - 1, C_THE)
           && !(i + 1 < c->n && c->a[i + 1].kind == A_WORD && !c->a[i + 1].lex))
    {
      spec_init (&m->s, K_REF);
      m->s.ref = V_FUTURE_REF;
      j = i + 1;
    }
  else if (e && e->unit == U_D && atom_len (c, i) == 3
           && cue_at (c, i + 1, C_ANCHOR) && cue_at (c, i + 2, C_DEICTIC)
           && lex_at (c, i + 2)->cue_val != V_TODAY
           && lex_at (c, i + 2)->cue_val <= V_TOMORROW && i > 0
           && cue_at (c, i - 1, C_THE))
    {
      /* the day before yesterday, the day after tomorrow */
      spec_init (&m->s, K_OFFSET);
      m->s.unit = U_D;
      m->s.dir = lex_at (c, i + 1)->cue_val;
      m->s.amount = 2;
      j = i + 3;
    }
  else if (e && unit_at (c, i, FALSE) && !is_plural_unit (c, i) && i > 0
           && cue_at (c, i - 1, C_THE)
           && (cue_at (c, i + 1, C_ANCHOR)
               || (cue_at (c, i + 1, C_REL)
                   && lex_at (c, i + 1)->cue_val == V_LAST
                   && !text_is (c, i + 1, "last")))
           && (i + 2 >= c->n || c->a[i + 2].kind == A_PUNCT))
    {
      /* "the year before,", "the min after", "the year previous": one
       * unit from the last mentioned date */
      spec_init (&m->s, K_OFFSET);
      m->s.unit = unit_at (c, i, FALSE);
      m->s.dir = cue_at (c, i + 1, C_ANCHOR) ? lex_at (c, i + 1)->cue_val : -1;
      m->s.from_context = TRUE;
      j = i + 2;
    }
  else if (e && e->unit == U_D && atom_len (c, i) == 3 && trading_day (c, i))
    {
      /* "to end the day at", "for the day", "later in the day": the day
       * of the story */
      spec_init (&m->s, K_OFFSET);
      m->s.unit = U_D;
      m->s.amount = 0;
      m->s.from_context = TRUE;
      j = i + 1;
    }
  else
    j = parse_offset (c, i, m);
  if (j && (m->s.hour >= 0 || m->s.pod) && m->s.kind != K_DURATION)
    m->type = T_TIME;
  return j;
}
