/* dates — times of day: "10:30", "8 pm", "a.m.", "noon", zones after
 * them ("18:00 UTC"), a time joined to a date ("…, 9:30", "… at 19:00") or
 * followed by a weekday ("12:00 UTC Monday"). */
#include <string.h>

#include "grammar.h"

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

/* "o'clock", "o clock" at @i: the index after it, else 0. */
static guint
parse_oclock (const Ctx *c, guint i)
{
  if (!text_is (c, i, "o"))
    return 0;
  guint j = punct_at (c, i + 1, '\'') && glued (c, i + 1) ? i + 2 : i + 1;
  return text_is (c, j, "clock") ? j + 1 : 0;
}

/* An hour of 1-12 made a 24-hour one by a part of the day after it: "6 in
 * the morning", "1 in the afternoon", "11 at night", "11 tonight".  Returns
 * the index after the part of the day, or 0. */
static guint
hour_of_day (const Ctx *c, guint j, int *h)
{
  guint k = j;
  if (cue_at (c, k, C_IN) && cue_at (c, k + 1, C_THE))
    k += 2;
  else if (cue_at (c, k, C_AT))
    k++;
  const LexEntry *e = lex_at (c, k);
  int pod;
  if (e && e->cue == C_POD && (k > j || e->cue_val != 4))
    pod = e->cue_val;
  else if (k == j && e && e->cue == C_DEICTIC && e->cue_val == V_TONIGHT)
    pod = 4;
  else
    return 0;
  if (k == j + 1 && pod != 4)
    return 0; /* "at morning" */
  if (*h < 1 || *h > 12)
    return 0;
  if (pod == 1)
    *h %= 12;
  else if (pod == 4 ? *h >= 6 && *h < 12 : *h < 12)
    *h += 12;
  else if (*h == 12)
    *h = pod == 4 ? 0 : 12;
  return k + 1;
}

/* A bare hour after "at" ("at 8", "at 12"): only where what follows says
 * it is a time ("at 8 tomorrow", "at 10 on Monday") or at the end of a
 * line; not "at 8 percent", "at 10 Downing Street", "flew at 10.". */
static gboolean
bare_hour_ok (const Ctx *c, guint i, guint end)
{
  if (i == 0 || !cue_at (c, i - 1, C_AT) || (c->a[i].flags & AF_ORD))
    return FALSE;
  if (end >= c->n)
    return TRUE; /* the end of the line: "Meet at 8" */
  const LexEntry *e = c->a[end].lex;
  return e
         && (e->cue == C_ON || e->cue == C_DEICTIC || e->cue == C_TZ
             || e->cue == C_REL || (e->weekday && !e->weekday_plural)
             || e->month);
}

/* A zone after a time: "UTC", "+14", "+1400", "-05:00". */
static guint
parse_zone (const Ctx *c, guint j, DateSpec *s)
{
  const LexEntry *e = lex_at (c, j);
  if (e && e->cue == C_TZ && (c->a[j].flags & AF_UPPER))
    {
      s->has_tz = TRUE;
      s->tz = e->cue_val;
      return j + 1;
    }
  if ((punct_at (c, j, '+') || punct_at (c, j, '-')) && glued (c, j)
      && num_at (c, j + 1) && glued (c, j + 1))
    {
      const Atom *n = &c->a[j + 1];
      int hh = n->ndigits == 4 ? n->num / 100 : n->num;
      int mm = n->ndigits == 4 ? n->num % 100 : 0;
      guint end = j + 2;
      if (n->ndigits == 2 && punct_at (c, end, ':') && glued (c, end)
          && num_at (c, end + 1) && c->a[end + 1].ndigits == 2)
        mm = c->a[end + 1].num, end += 2;
      if ((n->ndigits != 2 && n->ndigits != 4) || hh > 14 || mm >= 60)
        return j;
      s->has_tz = TRUE;
      s->tz = (punct_at (c, j, '-') ? -1 : 1) * (hh * 60 + mm);
      return end;
    }
  return j;
}

guint
parse_time (const Ctx *c, guint i, DateSpec *s)
{
  const LexEntry *e = lex_at (c, i);
  guint j;
  if (e && (e->cue == C_NOON || e->cue == C_MIDNIGHT))
    {
      /* midnight alone is the end of the day: T24:00 */
      s->hour = e->cue == C_NOON ? 12 : 24;
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
  /* 10:30, and 12.30 after "at" */
  char sep = punct_at (c, j, ':') ? ':' : '.';
  if ((sep == ':' || (i > 0 && cue_at (c, i - 1, C_AT))) && punct_at (c, j, sep)
      && glued (c, j) && num_at (c, j + 1) && glued (c, j + 1)
      && c->a[j + 1].ndigits == 2 && c->a[j + 1].num < 60)
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
      if ((punct_at (c, j, ':') || punct_at (c, j, '.')) && glued (c, j)
          && num_at (c, j + 1))
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
  else if ((k = hour_of_day (c, j, &h)))
    j = k;
  else if (m < 0 && (k = parse_oclock (c, j)) && h >= 1 && h <= 12)
    j = k;
  else if (m < 0 && !bare_hour_ok (c, i, j))
    return 0;
  s->hour = h;
  s->minute = m < 0 ? 0 : m;
  s->second = sec;
  /* a zone gives the offset: 18:00 UTC is T18:00Z */
  return parse_zone (c, j, s);
}

/* "8 - 11pm", "10 - 11 at night", "7 to 9am": a bare hour before a time
 * range's end takes the end's half of the day.  Returns the index after
 * the end with @s the start and @e the end, or 0. */
guint
parse_hour_range (const Ctx *c, guint i, DateSpec *s, DateSpec *e)
{
  if (!num_at (c, i) || c->a[i].ndigits > 2 || c->a[i].num < 1
      || c->a[i].num > 12 || (c->a[i].flags & AF_ORD))
    return 0;
  guint j = i + 1;
  if (!punct_at (c, j, '-') && !cue_at (c, j, C_TO))
    return 0;
  DateSpec t = *s;
  guint end = num_at (c, j + 1) ? parse_time (c, j + 1, &t) : 0;
  if (!end || t.hour > 23)
    return 0;
  int h = c->a[i].num % 12 + (t.hour >= 12 ? 12 : 0);
  if (h > t.hour)
    return 0;
  *e = t;
  s->hour = h;
  s->minute = 0;
  return end;
}

/* A time after a date: "…, 9:30", "… at 19:00", "… 02:00 AM". */
guint
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

/* A time followed by a weekday or today: "12:00 UTC Monday". */
guint
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
