/* dates — writing TIMEX3 values: calendar fields (with movable holidays
 * placed in their year and midnight as the next day's 00:00) and
 * durations.  The hot path of every value, so no printf for dates. */
#include <stdio.h>
#include <string.h>

#include "spec.h"

/* Writes @v (>= 0) with at least @width digits at @b; returns the end.
 * The hot path of every value: no printf. */
static char *
put_num (char *b, int v, int width)
{
  /* months, days, hours and years, nearly every call: no loop */
  if (width == 2 && v >= 0 && v < 100)
    {
      b[0] = (char)('0' + v / 10);
      b[1] = (char)('0' + v % 10);
      return b + 2;
    }
  if (width == 4 && v >= 0 && v < 10000)
    {
      b[0] = (char)('0' + v / 1000);
      b[1] = (char)('0' + v / 100 % 10);
      b[2] = (char)('0' + v / 10 % 10);
      b[3] = (char)('0' + v % 10);
      return b + 4;
    }
  char d[12];
  int n = 0;
  do
    d[n++] = (char)('0' + v % 10), v /= 10;
  while (v);
  while (n < width)
    d[n++] = '0';
  while (n)
    *b++ = d[--n];
  return b;
}

static char *
put_str (char *b, const char *s)
{
  while (*s)
    *b++ = *s++;
  return b;
}

static char *
fmt_year (char *b, int year, int ylen)
{
  if (ylen == 3)
    return put_num (b, year / 10, 3);
  if (ylen == 2)
    return put_num (b, year / 100, 2);
  if (year < 0)
    {
      *b++ = '-';
      year = -year;
    }
  return put_num (b, year, 4);
}

void
fmt_context_day (char *b, int year, int month, int day)
{
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99)
    {
      sprintf (b, "context:%04d-%02d-%02d", year, month, day);
      return;
    }
  b = put_num (put_str (b, "context:"), year, 4);
  b = put_num (put_str (b, "-"), month, 2);
  b = put_num (put_str (b, "-"), day, 2);
  *b = '\0';
}

static const char *const season_names[] = { "", "SP", "SU", "FA", "WI" };
static const char *const pod_names[] = { "", "MO", "AF", "EV", "NI" };

const char *
fmt_pod_name (int pod)
{
  return pod_names[pod];
}

/* Easter Sunday of year @y (the anonymous Gregorian algorithm). */
static int
easter (int y)
{
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return days_from_civil (y, month, day);
}

/* The month and day of a movable holiday in year @y. */
static void
holiday_date (const Holiday *h, int y, DateSpec *s)
{
  int z;
  if (h->kind == HOL_EASTER)
    z = easter (y) + h->easter_offset;
  else if (h->nth > 0)
    z = days_from_civil (y, h->month, 1)
        + (h->weekday - iso_weekday (y, h->month, 1) + 7) % 7
        + 7 * (h->nth - 1);
  else
    {
      int last = days_in_month (y, h->month);
      z = days_from_civil (y, h->month, last)
          - (iso_weekday (y, h->month, last) - h->weekday + 7) % 7;
    }
  int yy, m, d;
  civil_from_days (z, &yy, &m, &d);
  s->month = m;
  s->day = d;
}

void
fmt_calendar (char *b, const DateSpec *spec)
{
  DateSpec midnight, movable;
  const DateSpec *s = spec;
  if (s->holiday && s->holiday->kind != HOL_FIXED && s->year != NONE)
    {
      movable = *s;
      holiday_date (s->holiday, s->year, &movable);
      s = &movable;
    }
  if (s->hour == 24 && s->year != NONE && s->month && s->day)
    {
      /* midnight ends the day: the next day at 00:00 */
      int y, m, d;
      civil_from_days (days_from_civil (s->year, s->month, s->day) + 1, &y, &m,
                       &d);
      midnight = *s;
      midnight.year = y;
      midnight.month = m;
      midnight.day = d;
      midnight.hour = 0;
      s = &midnight;
    }
  if (s->year == NONE)
    b = put_str (b, "XXXX");
  else
    b = fmt_year (b, s->year, s->ylen);
  if (s->quarter)
    b = put_num (put_str (b, "-Q"), s->quarter, 1);
  else if (s->half)
    b = put_num (put_str (b, "-H"), s->half, 1);
  else if (s->season)
    b = put_str (put_str (b, "-"), season_names[s->season]);
  else if (s->week)
    {
      b = put_num (put_str (b, "-W"), s->week, 2);
      if (s->weekend)
        b = put_str (b, "-WE");
    }
  else if (s->month)
    {
      b = put_num (put_str (b, "-"), s->month, 2);
      if (s->day)
        b = put_num (put_str (b, "-"), s->day, 2);
    }
  else if (s->hour >= 0 || s->pod)
    b = put_str (b, "-XX-XX");
  if (s->hour >= 0)
    {
      b = put_num (put_str (b, "T"), s->hour, 2);
      b = put_num (put_str (b, ":"), s->minute < 0 ? 0 : s->minute, 2);
      if (s->second >= 0)
        b = put_num (put_str (b, ":"), s->second, 2);
      if (s->has_tz && s->tz == 0)
        b = put_str (b, "Z");
      else if (s->has_tz)
        {
          *b++ = s->tz < 0 ? '-' : '+';
          b = put_num (b, ABS (s->tz) / 60, 2);
          b = put_num (put_str (b, ":"), ABS (s->tz) % 60, 2);
        }
    }
  else if (s->pod)
    b = put_str (put_str (b, "T"), pod_names[s->pod]);
  *b = '\0';
}

/* Writes @amount ("X" when unspecified) at @b; returns the end.  Whole
 * numbers, nearly all of them, without printf. */
static char *
put_amount (char *b, double amount)
{
  if (amount < 0)
    return put_str (b, "X");
  if (amount == (int)amount)
    return put_num (b, (int)amount, 1);
  return b + sprintf (b, "%g", amount);
}

/* The TIMEX3 letters of a duration's unit (after "PT" for H, M, S). */
static const char *
duration_letters (int unit)
{
  switch (unit)
    {
    case U_H:
      return "H";
    case U_MIN:
    case U_M:
      return "M";
    case U_S:
      return "S";
    case U_W:
      return "W";
    case U_D:
      return "D";
    case U_DE:
      return "DE";
    case U_CE:
      return "CE";
    case U_Q:
      return "Q";
    case U_WE:
      return "WE";
    default:
      return "Y";
    }
}

void
fmt_duration (char *b, double amount, int unit)
{
  if (amount > 0 && amount != (int)amount)
    {
      /* half an hour is PT30M, not PT0.5H */
      if (unit == U_H)
        amount *= 60, unit = U_MIN;
      else if (unit == U_D)
        amount *= 24, unit = U_H;
    }
  if (unit == U_FN)
    amount = amount < 0 ? amount : amount * 2, unit = U_W;
  if (unit == U_HALF)
    amount = amount < 0 ? amount : amount * 6, unit = U_M;
  gboolean clock = unit == U_H || unit == U_MIN || unit == U_S;
  b = put_str (b, clock ? "PT" : "P");
  b = put_amount (b, amount);
  b = put_str (b, duration_letters (unit));
  *b = '\0';
}
