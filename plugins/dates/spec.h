/* dates — what the grammar found (a DateSpec: calendar fields, or an
 * offset, or a duration) and what it is resolved against (an Anchor).  The
 * normalizer turns the two into a TIMEX3 value. */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "lexicon.h"

#define NONE (-32768)

typedef enum
{
  K_DATE = 0, /* calendar fields; missing ones come from the anchor */
  K_OFFSET,   /* amount × unit from the anchor: "three years ago" */
  K_REL,      /* this/last/next unit: "last month", "next week" */
  K_WEEKDAY,  /* a weekday, dir -1/0/+1 for last/this/next, 2 = nearest */
  K_REF,      /* PRESENT_REF, PAST_REF, FUTURE_REF */
  K_DURATION, /* amount × unit */
  K_SET,      /* every …; the value is the calendar fields with X */
} SpecKind;

typedef enum
{
  T_DATE = 0,
  T_TIME,
  T_DURATION,
  T_SET
} TimexType;

typedef struct
{
  uint8_t kind;      /* SpecKind */
  int16_t year;      /* NONE when not given */
  int8_t ylen;       /* 4 a year, 3 a decade (199), 2 a century (19) */
  int8_t month, day; /* 0 when not given */
  int8_t week, quarter, half, season, weekday, pod, weekend;
  int8_t hour, minute, second; /* -1 when not given */
  int8_t has_tz; /* tz: the zone's offset east of UTC in minutes */
  int16_t tz;
  int8_t has_rel_year; /* "January next year": rel_year -1 / 0 / +1 */
  int8_t rel_year;
  int8_t unit;         /* DateUnit, for offsets, durations, sets */
  int8_t gran;         /* an offset of years kept at this unit: "the same month
                          last year" is a month */
  int8_t same_period;  /* "the same period last year": the unit of the month
                          or quarter named before, else a month */
  int8_t dir;          /* -1 / 0 / +1 for offsets and relative units */
  int8_t from_context; /* offsets: from the last mentioned date; "the
                          month" after "the end of": the month named in
                          the sentence or the one before, if any */
  int8_t ref;          /* V_PRESENT_REF … for K_REF */
  int8_t business;     /* days are working days ("next weekday") */
  int8_t open_anchor;  /* an offset ending in before/after: a date may
                          follow ("2 days after next Friday") */
  int8_t invalid;      /* a date that cannot be ("February 30"): its whole
                          extent is skipped, no part of it is an expression */
  double amount;       /* < 0: unspecified ("several") */
  const char *literal; /* a ready value (annually -> P1Y) */
  const Holiday *holiday; /* a movable holiday's rule, for its day */
} DateSpec;

typedef struct
{
  gboolean has_date;
  int year, month, day;
  gboolean has_time;
  int hour, minute, second;
} RefDate;

typedef struct
{
  RefDate dct;      /* the reference date, from metadata or a dateline */
  RefDate last;     /* the last full date mentioned before */
  guint last_sent;  /* the sentence of last */
  guint sent;       /* the sentence of the expression being resolved */
  int ctx_year;     /* a year mentioned just before (0 none) */
  int last_year;    /* the year of the last date mentioned (0 none), for
                       "the year before" after "in 2008" or "last year" */
  RefDate period;   /* the first day of the month or quarter named last in
                       this sentence or the one before, for "the same
                       month last year" after "in January" */
  int period_unit;  /* U_M, U_Q, or 0 when there is none */
  int tense;        /* -1 past, 0 unknown, +1 future */
  gboolean forward; /* the forward-dates option: times after the reference */
} Anchor;

/* An empty spec of @kind: no field given, an amount of 1.  Inline: the
 * rules start one at nearly every atom they try. */
static inline void
spec_init (DateSpec *s, SpecKind kind)
{
  memset (s, 0, sizeof *s);
  s->kind = kind;
  s->year = NONE;
  s->ylen = 4;
  s->hour = s->minute = s->second = -1;
  s->amount = 1;
}
/* Parses "YYYY-MM-DD[THH:MM[:SS]]"; FALSE when it is not one. */
gboolean refdate_parse (RefDate *r, const char *text);
/* Writes the TIMEX3 value of @s into @buf (at least 48 bytes) and returns
 * the anchor used: "dct", "context:…" (into @anchor_buf, 32 bytes) or
 * "none".  Fields of @s taken from the anchor are filled in, so a range end
 * can inherit them. */
const char *spec_normalize (DateSpec *s, const Anchor *a, char *buf,
                            char *anchor_buf);
/* format.c: the value of calendar fields into @b (at least 48 bytes),
 * the TIMEX3 duration of @amount units (< 0: "X"), the part of the day. */
void fmt_calendar (char *b, const DateSpec *s);
void fmt_duration (char *b, double amount, int unit);
const char *fmt_pod_name (int pod);
/* "context:YYYY-MM-DD" into @b (at least 32 bytes), as printf's
 * "context:%04d-%02d-%02d" writes it, without printf. */
void fmt_context_day (char *b, int year, int month, int day);
/* Whether @s needs the anchor for its value at all. */
gboolean spec_is_relative (const DateSpec *s);

/* Calendar helpers. */
int days_from_civil (int y, int m, int d);
void civil_from_days (int z, int *y, int *m, int *d);
int days_in_month (int y, int m);
int iso_weekday (int y, int m, int d);
