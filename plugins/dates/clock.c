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
