/* dates — the normalizer: a DateSpec plus an Anchor (reference date, last
 * mentioned date, context year, tense) gives a TIMEX3 value.  Everything
 * about calendars lives here; the grammar never computes a date. */
#include <stdio.h>
#include <string.h>

#include "spec.h"

/* Howard Hinnant's days_from_civil: days since 1970-01-01. */
int
days_from_civil (int y, int m, int d)
{
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void
civil_from_days (int z, int *y, int *m, int *d)
{
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

int
days_in_month (int y, int m)
{
  static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return n[(m - 1) % 12];
}

int
iso_weekday (int y, int m, int d)
{
  int z = days_from_civil (y, m, d);
  int w = (z + 3) % 7; /* 1970-01-01 was a Thursday */
  if (w < 0)
    w += 7;
  return w + 1;
}

static void
iso_week (int z, int *wyear, int *week)
{
  int y, m, d;
  civil_from_days (z, &y, &m, &d);
  int w = iso_weekday (y, m, d);
  int thursday = z - w + 4;
  int ty, tm, td;
  civil_from_days (thursday, &ty, &tm, &td);
  *wyear = ty;
  *week = (thursday - days_from_civil (ty, 1, 1)) / 7 + 1;
}

/* The value of the @n digits at @t, or -1 when one is no digit (a NUL
 * stops the scan before reading past the string). */
static int
digits (const char *t, int n)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (t[i]))
        return -1;
      v = v * 10 + (t[i] - '0');
    }
  return v;
}

gboolean
refdate_parse (RefDate *r, const char *t)
{
  memset (r, 0, sizeof *r);
  if (!t)
    return FALSE;
  int y = digits (t, 4), m, d;
  if (y < 0 || t[4] != '-' || (m = digits (t + 5, 2)) < 1 || m > 12
      || t[7] != '-' || (d = digits (t + 8, 2)) < 1 || d > days_in_month (y, m)
      || g_ascii_isdigit (t[10]))
    return FALSE;
  r->has_date = TRUE;
  r->year = y;
  r->month = m;
  r->day = d;
  int h, mi, s = 0;
  if ((t[10] == 'T' || t[10] == ' ') && (h = digits (t + 11, 2)) >= 0
      && t[13] == ':' && (mi = digits (t + 14, 2)) >= 0)
    {
      if (t[16] == ':' && (s = digits (t + 17, 2)) < 0)
        s = 0;
      r->has_time = TRUE;
      r->hour = h;
      r->minute = mi;
      r->second = s;
    }
  return TRUE;
}

static void
set_day (DateSpec *s, int z)
{
  int y, m, d;
  civil_from_days (z, &y, &m, &d);
  s->year = y;
  s->month = m;
  s->day = d;
}

static void
set_week (DateSpec *s, int z)
{
  int wy, w;
  iso_week (z, &wy, &w);
  s->year = wy;
  s->week = w;
}

/* A weekday relative to day @z: dir -1 the last one before, +1 the one in
 * the next ISO week, 0 the next on or after, 2 by tense or nearest. */
static int
resolve_weekday (int z, int weekday, int dir, int tense)
{
  int y, m, d;
  civil_from_days (z, &y, &m, &d);
  int w = iso_weekday (y, m, d);
  int diff = weekday - w; /* -6 … 6 */
  switch (dir)
    {
    case -1:
      return z + (diff < 0 ? diff : diff - 7);
    case 1:
      return z - w + 1 + 7 + weekday - 1;
    case 0:
      return z + (diff >= 0 ? diff : diff + 7);
    default:
      if (tense < 0)
        return z + (diff <= 0 ? diff : diff - 7);
      if (tense > 0)
        return z + (diff >= 0 ? diff : diff + 7);
      if (diff > 3)
        return z + diff - 7;
      if (diff < -3)
        return z + diff + 7;
      return z + diff;
    }
}

/* The year for a month (and day) without one, seen from @r. */
static int
place_year (const RefDate *r, int month, int day, int tense)
{
  int after = month > r->month || (month == r->month && day > r->day);
  int before = month < r->month || (month == r->month && day && day < r->day);
  if (tense < 0)
    return after && month > r->month ? r->year - 1 : r->year;
  if (tense > 1)
    return before ? r->year + 1 : r->year; /* forward-dates */
  if (tense > 0)
    return before && month < r->month ? r->year + 1 : r->year;
  /* the nearer one, in half days (a month of 30.5 days; a month without
   * a day at its middle): from November 22, May is next year's */
  int ahead = 61 * (month - r->month) + 2 * ((day ? day : 15) - r->day);
  if (ahead > 365)
    return r->year - 1;
  if (ahead < -365)
    return r->year + 1;
  return r->year;
}

static const char *const ref_names[] = {
  [V_PRESENT_REF] = "PRESENT_REF",
  [V_PAST_REF] = "PAST_REF",
  [V_FUTURE_REF] = "FUTURE_REF",
};

static const char *
dir_ref (int dir)
{
  return ref_names[dir < 0   ? V_PAST_REF
                   : dir > 0 ? V_FUTURE_REF
                             : V_PRESENT_REF];
}

static void
shift_months (DateSpec *s, const RefDate *r, int months)
{
  int t = r->year * 12 + (r->month - 1) + months;
  s->year = t / 12;
  s->month = t % 12 + 1;
}

static const char *
normalize_offset (DateSpec *s, const RefDate *r, char *buf)
{
  if (s->amount < 0 || (s->unit >= U_H && s->unit <= U_S && !r->has_time))
    return strcpy (buf, dir_ref (s->dir));
  int n = (int)(s->amount + 0.5) * s->dir;
  int z = days_from_civil (r->year, r->month, r->day);
  switch (s->unit)
    {
    case U_Y:
      s->year = r->year + n;
      if (s->gran == U_M || s->gran == U_Q)
        s->month = r->month;
      if (s->gran == U_Q)
        s->quarter = (s->month - 1) / 3 + 1, s->month = 0;
      else if (s->gran == U_W)
        set_week (s, days_from_civil (r->year + n, r->month, r->day));
      else if (s->gran == U_D)
        set_day (s, days_from_civil (
                        r->year + n, r->month,
                        MIN (r->day, days_in_month (r->year + n, r->month))));
      break;
    case U_M:
      shift_months (s, r, n);
      if (s->gran == U_D)
        s->day = MIN (r->day, days_in_month (s->year, s->month));
      break;
    case U_Q:
      shift_months (s, r, 3 * n);
      s->quarter = (s->month - 1) / 3 + 1;
      s->month = 0;
      break;
    case U_HALF:
      shift_months (s, r, 6 * n);
      s->month = 0;
      break;
    case U_W:
    case U_WE:
    case U_FN:
      set_week (s, z + 7 * n * (s->unit == U_FN ? 2 : 1));
      s->weekend = s->unit == U_WE;
      break;
    case U_DE:
      s->year = r->year + 10 * n;
      s->ylen = 3;
      break;
    case U_CE:
      s->year = r->year + 100 * n;
      s->ylen = 2;
      break;
    case U_D:
      if (s->business)
        {
          /* step over Saturdays and Sundays */
          for (int k = ABS (n); k > 0; k--)
            do
              z += n < 0 ? -1 : 1;
            while (((z % 7 + 7) + 3) % 7 >= 5);
          n = 0;
        }
      set_day (s, z + n);
      break;
    default:
      {
        double secs = s->amount * s->dir
                      * (s->unit == U_H     ? 3600
                         : s->unit == U_MIN ? 60
                                            : 1);
        gint64 t = (gint64)z * 86400 + r->hour * 3600 + r->minute * 60
                   + r->second + (gint64)secs;
        int day = (int)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
        int rest = (int)(t - (gint64)day * 86400);
        set_day (s, day);
        s->hour = rest / 3600;
        s->minute = rest / 60 % 60;
        s->second = s->unit == U_S || r->second ? rest % 60 : -1;
      }
    }
  fmt_calendar (buf, s);
  return buf;
}

static const char *
normalize_rel (DateSpec *s, const RefDate *r, int tense, char *buf)
{
  int z = days_from_civil (r->year, r->month, r->day);
  int d = s->dir;
  if (s->month)
    {
      s->year = r->year + (d < 0 && s->month >= r->month ? -1 : 0)
                + (d > 0 && s->month <= r->month ? 1 : 0);
      if (d == 2)
        s->year = place_year (r, s->month, 0, tense);
    }
  else if (s->season)
    {
      int cur = r->month == 12 ? 4 : (r->month + 9) / 3 % 4 + 1;
      s->year = r->year + (d < 0 && s->season >= cur ? -1 : 0)
                + (d > 0 && s->season <= cur ? 1 : 0);
    }
  else
    switch (s->unit)
      {
      case U_Y:
        s->year = r->year + d;
        break;
      case U_M:
        shift_months (s, r, d);
        break;
      case U_Q:
        shift_months (s, r, 3 * d);
        s->quarter = (s->month - 1) / 3 + 1;
        s->month = 0;
        break;
      case U_HALF:
        shift_months (s, r, 6 * d);
        s->half = s->month <= 6 ? 1 : 2;
        s->month = 0;
        break;
      case U_W:
      case U_WE:
      case U_FN:
        set_week (s, z + 7 * d);
        s->weekend = s->unit == U_WE;
        break;
      case U_DE:
        s->year = r->year + 10 * d;
        s->ylen = 3;
        break;
      case U_CE:
        s->year = r->year + 100 * d;
        s->ylen = 2;
        break;
      case U_D:
        set_day (s, z + d);
        break;
      default:
        return normalize_offset (s, r, buf);
      }
  fmt_calendar (buf, s);
  return buf;
}

gboolean
spec_is_relative (const DateSpec *s)
{
  switch (s->kind)
    {
    case K_DATE:
      return s->year == NONE
             && (s->month || s->season || s->quarter || s->half || s->weekday
                 || s->hour >= 0 || s->day || s->pod);
    case K_OFFSET:
    case K_REL:
    case K_WEEKDAY:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
spec_normalize (DateSpec *s, const Anchor *a, char *buf, char *anchor_buf)
{
  const RefDate *dct = &a->dct;
  const char *anchor = "none";
  switch ((SpecKind)s->kind)
    {
    case K_REF:
      strcpy (buf, ref_names[s->ref]);
      return anchor;
    case K_DURATION:
      fmt_duration (buf, s->amount, s->unit);
      return anchor;
    case K_SET:
      if (s->literal)
        strcpy (buf, s->literal);
      else if (s->weekday)
        sprintf (buf, "XXXX-WXX-%d%s%s", s->weekday, s->pod ? "T" : "",
                 fmt_pod_name (s->pod));
      else if (s->month || s->pod)
        fmt_calendar (buf, s);
      else
        fmt_duration (buf, s->amount, s->unit);
      return anchor;
    case K_OFFSET:
      {
        const RefDate *base
            = s->from_context && a->last.has_date ? &a->last : dct;
        RefDate year_base;
        if (s->from_context && s->unit == U_Y && !s->gran && a->last_year
            && base->year != a->last_year)
          {
            /* "the year before" the year just mentioned */
            year_base = *base;
            year_base.year = a->last_year;
            if (!year_base.has_date)
              year_base.has_date = TRUE, year_base.month = year_base.day = 1;
            sprintf (anchor_buf, "context:%d", a->last_year);
            normalize_offset (s, &year_base, buf);
            return anchor_buf;
          }
        if (s->from_context && s->unit == U_Y && a->period_unit
            && (s->gran == a->period_unit
                || (s->same_period && s->gran == U_M)))
          {
            /* "in January, compared to the same month a year ago" */
            s->gran = a->period_unit;
            if (a->period_unit == U_Q)
              sprintf (anchor_buf, "context:%04d-Q%d", a->period.year,
                       (a->period.month - 1) / 3 + 1);
            else
              sprintf (anchor_buf, "context:%04d-%02d", a->period.year,
                       a->period.month);
            normalize_offset (s, &a->period, buf);
            return anchor_buf;
          }
        if (!base->has_date)
          return strcpy (buf, dir_ref (s->dir)), anchor;
        if (base == &a->last)
          {
            fmt_context_day (anchor_buf, base->year, base->month, base->day);
            anchor = anchor_buf;
          }
        else
          anchor = "dct";
        normalize_offset (s, base, buf);
        return anchor;
      }
    case K_REL:
      if (s->from_context && s->unit == U_M && a->period_unit == U_M)
        {
          /* "In June, … By the end of the month" */
          normalize_rel (s, &a->period, 0, buf);
          sprintf (anchor_buf, "context:%04d-%02d", a->period.year,
                   a->period.month);
          return anchor_buf;
        }
      if (!dct->has_date)
        return strcpy (buf, dir_ref (s->dir)), anchor;
      normalize_rel (s, dct, a->tense, buf);
      return "dct";
    case K_WEEKDAY:
    case K_DATE:
      break;
    }
  if (!spec_is_relative (s))
    {
      fmt_calendar (buf, s);
      return anchor;
    }
  if (s->kind == K_WEEKDAY || (s->weekday && !s->month && !s->day))
    {
      if (!dct->has_date)
        {
          sprintf (buf, "XXXX-WXX-%d", s->weekday);
          return anchor;
        }
      int z = days_from_civil (dct->year, dct->month, dct->day);
      set_day (s,
               resolve_weekday (z, s->weekday,
                                s->kind == K_WEEKDAY ? s->dir : 2, a->tense));
      fmt_calendar (buf, s);
      return "dct";
    }
  if (!s->month && !s->season && !s->quarter && !s->half && !s->day)
    {
      /* a time of day alone: on the reference day; midnight is the one
       * that ends it ("the deadline is midnight"), unless the verb looks
       * back ("the deadline was midnight") */
      if (s->hour == 24 && a->tense < 0)
        s->hour = 0;
      if (a->last.has_date && a->last_sent == a->sent)
        {
          /* "made its first flight Tuesday in Everett at 18:00 UTC" */
          set_day (s,
                   days_from_civil (a->last.year, a->last.month, a->last.day));
          fmt_context_day (anchor_buf, a->last.year, a->last.month,
                           a->last.day);
          fmt_calendar (buf, s);
          return anchor_buf;
        }
      if (dct->has_date)
        {
          int z = days_from_civil (dct->year, dct->month, dct->day);
          if (a->forward && dct->has_time && s->hour < 24
              && s->hour * 60 + MAX (s->minute, 0)
                     < dct->hour * 60 + dct->minute)
            z++; /* "1am" seen at 01:57: tomorrow's */
          set_day (s, z);
          anchor = "dct";
        }
      fmt_calendar (buf, s);
      return anchor;
    }
  if (s->has_rel_year)
    {
      if (dct->has_date)
        {
          s->year = dct->year + s->rel_year;
          anchor = "dct";
        }
    }
  else if (a->ctx_year)
    {
      s->year = a->ctx_year;
      sprintf (anchor_buf, "context:%d", a->ctx_year);
      anchor = anchor_buf;
    }
  else if (dct->has_date)
    {
      int month = s->month     ? s->month
                  : s->quarter ? s->quarter * 3 - 2
                  : s->half    ? s->half * 6 - 5
                  : s->season  ? s->season * 3
                               : dct->month;
      s->year = place_year (dct, month, s->day, a->tense);
      anchor = "dct";
    }
  fmt_calendar (buf, s);
  return anchor;
}
