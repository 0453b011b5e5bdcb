/* dates — the grammar: rules over atoms that recognise temporal
 * expressions and describe them as DateSpecs (no calendar arithmetic here;
 * see normalize.c).  numeric.c holds numbers, years and dates in digits;
 * clock.c times of day; absolute.c dates with month names, decades,
 * quarters and seasons; relative.c deictic words, offsets, durations and
 * sets; matcher.c drives them over a document and joins ranges. */
#pragma once

#include <string.h>

#include "atoms.h"
#include "spec.h"

typedef enum
{
  MOD_NONE = 0,
  MOD_EARLY,
  MOD_MID,
  MOD_LATE,
  MOD_APPROX,
  MOD_LESS,
  MOD_MORE,
  MOD_BEFORE,
  MOD_AFTER,
  MOD_N
} Mod;

/* The last parse_amount() read: at a number the offset rules and then
 * the duration rule read the same amount at the same atom. */
typedef struct
{
  const Atom *a; /* NULL: none */
  guint n, i, end;
  double amount;
  int unit;
  gboolean adjective;
} AmountMemo;

typedef struct
{
  const Atom *a;
  guint n;
  const char *text;
  gboolean day_first;
  AmountMemo *amount_memo; /* matcher_run() clears it */
} Ctx;

/* One expression found: atoms [first, last), its spec and, for a range,
 * the spec of its end; where it is in the text once found (its atoms
 * live only as long as their run). */
typedef struct
{
  guint first, last;
  uint32_t start, end;          /* bytes */
  uint32_t sent;                /* the sentence of its first atom */
  uint32_t tok_first, tok_last; /* tokens of its first and last atoms */
  DateSpec s, e;
  gboolean range;
  uint8_t type;           /* TimexType */
  uint8_t mod;            /* Mod */
  gboolean explicit_year; /* the year is written in the text */
  gboolean in_offset; /* "in five days": a date, or a duration in the past */
  gboolean based;     /* s is an offset from the date e ("2 days after
                         next Friday"), not a range */
} Match;

/* ---- atom tests ---- */
/* The lexicon entry of atom @i when it is a word (only words have one). */
static inline const LexEntry *
lex_at (const Ctx *c, guint i)
{
  return i < c->n ? c->a[i].lex : NULL;
}

static inline gboolean
cue_at (const Ctx *c, guint i, CueClass cue)
{
  const LexEntry *e = lex_at (c, i);
  return e && e->cue == cue;
}

static inline gboolean
punct_at (const Ctx *c, guint i, char ch)
{
  return i < c->n && c->a[i].kind == A_PUNCT && c->a[i].punct == ch;
}

static inline gboolean
num_at (const Ctx *c, guint i)
{
  return i < c->n && c->a[i].kind == A_NUM;
}

/* No whitespace between atom i-1 and atom i. */
static inline gboolean
glued (const Ctx *c, guint i)
{
  return i < c->n && i > 0 && !(c->a[i].flags & AF_SPACE);
}

static inline guint
atom_len (const Ctx *c, guint i)
{
  return c->a[i].end - c->a[i].start;
}

/* Always inline, so that the length of a literal @s is a constant and
 * most atoms are told from it by their length without a call. */
G_ALWAYS_INLINE static inline gboolean
text_is (const Ctx *c, guint i, const char *s)
{
  guint len = strlen (s);
  return i < c->n && atom_len (c, i) == len
         && g_ascii_strncasecmp (c->text + c->a[i].start, s, len) == 0;
}

/* A word between a count and its unit, followed by a unit: "six straight
 * days", "two consecutive quarters", "five trading days", "ten working
 * days". */
static inline gboolean
unit_filler_at (const Ctx *c, guint i)
{
  return i + 1 < c->n && c->a[i + 1].lex && c->a[i + 1].lex->unit
         && (text_is (c, i, "straight") || text_is (c, i, "consecutive")
             || text_is (c, i, "successive") || text_is (c, i, "trading")
             || text_is (c, i, "business") || text_is (c, i, "working"));
}

static inline gboolean
valid_day (int y, int m, int d)
{
  if (m < 1 || m > 12 || d < 1)
    return FALSE;
  return d <= (y == NONE ? (m == 2 ? 29 : days_in_month (2001, m))
                         : days_in_month (y, m));
}

/* ---- numeric.c ---- */
/* Each parser tries to read an expression starting at atom @i; it returns
 * the index after the last atom read and fills @m, or 0 when nothing
 * matches. */
guint parse_day (const Ctx *c, guint i, int *day);
guint parse_year (const Ctx *c, guint i, gboolean two_digits, int *year);
guint parse_number (const Ctx *c, guint i, double *value, gboolean *ordinal);
guint parse_numeric (const Ctx *c, guint i, DateSpec *s);
/* After a year read at the end of a date: not "5, 12 people", not "20:30". */
gboolean year_ends (const Ctx *c, guint end);
/* A year standing alone: only when nothing around it says it is a count. */
gboolean plausible_year (const Ctx *c, guint i, guint end, int year);

/* ---- clock.c ---- */
guint parse_time (const Ctx *c, guint i, DateSpec *s);
/* "8 - 11pm": @s gets the start, @e the end; 0 when there is none. */
guint parse_hour_range (const Ctx *c, guint i, DateSpec *s, DateSpec *e);
/* A time after a date at @j; @j when there is none. */
guint attach_time (const Ctx *c, guint j, DateSpec *s);
/* A weekday or today after a time; 0 when there is none. */
guint time_then_day (const Ctx *c, guint d, DateSpec *s);

/* ---- holidays.c ---- */
/* "Christmas Day", "Thanksgiving 2019": the month (and day when fixed). */
guint parse_holiday (const Ctx *c, guint i, DateSpec *s);

/* ---- absolute.c ---- */
guint parse_month (const Ctx *c, guint i, int *month);
/* Writes @m only when it matches (parse_core counts on it). */
guint parse_absolute (const Ctx *c, guint i, Match *m);

/* ---- amounts.c ---- */
/* The unit word at @i (a DateUnit), or 0; short forms ("h") only after a
 * number, glued or in a chain. */
int unit_at (const Ctx *c, guint i, gboolean after_number);
gboolean is_plural_unit (const Ctx *c, guint i);
/* amount + unit ("five years", "half an hour", "a few days": *amount < 0
 * when unspecified); *adjective for "five-year". */
guint parse_amount (const Ctx *c, guint i, double *amount, int *unit,
                    gboolean *adjective);
guint parse_duration (const Ctx *c, guint i, Match *m);
guint parse_set (const Ctx *c, guint i, Match *m);

/* ---- relative.c ---- */
guint parse_relative (const Ctx *c, guint i, Match *m);
/* A part of the day or a time after a day at @j ("Monday morning",
 * "tonight at 8"); @j when there is none. */
guint attach_pod (const Ctx *c, guint j, DateSpec *s);

/* ---- matcher.c ---- */
/* Finds the expressions that start at atoms @first to @stop - 1 of one
 * run (consecutive tokens) or window of a run, in text order, without
 * overlaps, and appends them to @out (Match, in @doc's arena).
 * Returns: the atom after the last one read, >= @stop. */
guint matcher_run (const Ctx *c, guint first, guint stop, WeftDoc *doc,
                   DocVec *out);
