/* dates — the matcher: walks the atoms, rejects most of them with one test
 * on their lexicon entry, tries the rules at the rest and keeps the longest
 * match, then reads modifiers in front ("early", "the end of", "about")
 * and a range after ("to August 6", "-2022"). */
#include <string.h>

#include "grammar.h"

/* Whether the number at atom @i is of up to three digits and no ordinal,
 * and followed by ",", ";", ")", "]", "%", "!", a quote, or a "." with no
 * number after it ("COVID-19,", "(see 2)", "in 5."): every rule that
 * starts at such a number reads a word, a number, or "-", "/", ":", or a
 * "." and a number after it (a year has four digits), so none does. */
static gboolean
number_ends_here (const Ctx *c, guint i)
{
  const Atom *a = &c->a[i];
  if (i + 1 >= c->n || c->a[i + 1].kind != A_PUNCT || a->ndigits > 3
      || (a->flags & AF_ORD))
    return FALSE;
  switch (c->a[i + 1].punct)
    {
    case ',':
    case ';':
    case ')':
    case ']':
    case '%':
    case '!':
    case '"':
      return TRUE;
    case '.':
      return !num_at (c, i + 2);
    default:
      return FALSE;
    }
}

/* Whether an expression can start at atom @i, which has AF_START (a
 * number, an apostrophe, a word that may start one): not where its
 * neighbours say it is something else. */
static gboolean
can_start (const Ctx *c, guint i)
{
  const Atom *a = &c->a[i];
  if (a->kind == A_NUM)
    {
      /* not the "3" of "1.5.3": a version or a decimal */
      if (i >= 2 && glued (c, i) && glued (c, i - 1)
          && (punct_at (c, i - 1, '.') || punct_at (c, i - 1, ','))
          && num_at (c, i - 2))
        return FALSE;
      /* not "$5", "5%", "13 NATO countries", "50 people": a number that
       * is no year can only start a date before a word the rules know */
      const Atom *n = i + 1 < c->n ? &c->a[i + 1] : NULL;
      if ((i > 0 && glued (c, i) && punct_at (c, i - 1, '$'))
          || (n && glued (c, i + 1) && n->kind == A_PUNCT && n->punct == '%'))
        return FALSE;
      if (number_ends_here (c, i))
        return FALSE;
      return !(a->ndigits != 4 && !(a->flags & AF_ORD) && n && n->kind == A_WORD
               && !n->lex && !glued (c, i + 1) && !text_is (c, i + 1, "p")
               && !unit_filler_at (c, i + 1));
    }
  if (a->kind == A_PUNCT)
    return num_at (c, i + 1); /* an apostrophe: "'90s", "' 90s" (every
                                 rule that starts at one reads a number) */
  const LexEntry *e = a->lex;
  /* "the" and "a" are everywhere: only before a number or a cue word */
  if (e->cue == C_THE || (e->num == 1 && a->end - a->start <= 2))
    {
      const Atom *n = i + 1 < c->n ? &c->a[i + 1] : NULL;
      return n && (n->kind == A_NUM || (n->kind == A_WORD && n->lex))
             && !(e->num == 1 && n->kind == A_NUM);
    }
  if (e->unit && !e->month && !e->weekday && !e->weekday_plural && !e->holiday
      && e->num < 0 && e->cue == C_NONE)
    {
      /* a unit and nothing else starts an expression only after "the",
       * "for", "in" or "within" ("the day before yesterday", "the year
       * before", "later in the day", "for years", "in minutes") or
       * before "-long" ("decades-long"): after a number it is part of an
       * amount that starts there */
      return (i > 0
              && (cue_at (c, i - 1, C_THE) || cue_at (c, i - 1, C_FOR)
                  || cue_at (c, i - 1, C_IN) || cue_at (c, i - 1, C_WITHIN)))
             || (punct_at (c, i + 1, '-') && text_is (c, i + 2, "long"));
    }
  if (e->month || e->weekday || e->unit || e->holiday)
    return TRUE;
  if (e->num >= 0)
    {
      /* "one", "first" start an expression only before a word the rules
       * know ("two years", "first quarter", "one and a half") or a hyphen
       * ("twenty-four"), not "one of the", "the first time" */
      const Atom *n = i + 1 < c->n ? &c->a[i + 1] : NULL;
      return n
             && ((n->kind == A_WORD && (n->lex || unit_filler_at (c, i + 1)))
                 || (n->kind == A_PUNCT && n->punct == '-'));
    }
  return TRUE; /* a cue that begins expressions */
}

/* Whether atom @i, a word with entry @e, is a count and nothing else: a
 * number word that is no ordinal ("one", "two", "a"; not "first",
 * "twenty-fourth", "second") and has no other meaning. */
static gboolean
is_count_word (const Ctx *c, guint i, const LexEntry *e)
{
  double v;
  gboolean ord;
  return e->num >= 0 && !e->ordinal && !e->month && !e->weekday
         && !e->weekday_plural && !e->unit && !e->holiday && e->cue == C_NONE
         && parse_number (c, i, &v, &ord) && !ord;
}

/* Whether a word with entry @e is an ordinal and nothing else ("first",
 * "third"; not "second", also a unit). */
static gboolean
is_ordinal_word (const LexEntry *e)
{
  return e->num >= 0 && e->ordinal && !e->month && !e->weekday
         && !e->weekday_plural && !e->unit && !e->holiday && e->cue == C_NONE;
}

/* Whether atom @j after an ordinal word may go on with it: a month ("first
 * May"), "of" ("first of May"), a quarter or half ("third quarter"), or a
 * range ("first - third May", "first to third"); the only rules that
 * start at such a word. */
static gboolean
ordinal_may_go_on (const Ctx *c, guint j)
{
  if (punct_at (c, j, '-') || punct_at (c, j, '/'))
    return TRUE;
  const LexEntry *n = lex_at (c, j);
  return n
         && (n->month || n->unit == U_Q || n->cue == C_OF || n->cue == C_HALF
             || n->cue == C_TO || n->cue == C_UNTIL);
}

static guint
parse_core (const Ctx *c, guint i, Match *m)
{
  Match t;
  guint best = 0, k;
  const LexEntry *e = lex_at (c, i);
  gboolean num = num_at (c, i);
  /* a count word starts an expression only as an amount ("two years", "a
   * few days", "one and a half hours"; the other rules want digits, an
   * ordinal or a word of another meaning): not at "one of", "a man" */
  double amount;
  int unit;
  gboolean adjective;
  if (e && is_count_word (c, i, e)
      && !parse_amount (c, i, &amount, &unit, &adjective)
      && !cue_at (c, i + 1, C_TO) && !cue_at (c, i + 1, C_AND))
    return 0; /* (but "two to three years") */
  if (e && is_ordinal_word (e) && !ordinal_may_go_on (c, i + 1))
    return 0; /* "the first time" */
  if (num && number_ends_here (c, i))
    return 0; /* "about 70 %" */
  memset (&t, 0, sizeof t);
  if ((k = parse_absolute (c, i, &t)) > best)
    {
      best = k, *m = t;
      memset (&t, 0, sizeof t);
    }
  /* (parse_absolute writes t only when it matches: t is still clear) */
  if (!num && !e)
    return best;
  /* the other rules start with a number or a word they know */
  if ((k = parse_relative (c, i, &t)) > best)
    best = k, *m = t;
  if (num
      || (e && (e->num >= 0 || e->unit || e->cue == C_FEW || e->cue == C_HALF)))
    {
      memset (&t, 0, sizeof t);
      if ((k = parse_duration (c, i, &t)) > best)
        best = k, *m = t;
    }
  if (e && (e->cue == C_SETADV || e->cue == C_EVERY || e->weekday_plural))
    {
      memset (&t, 0, sizeof t);
      if ((k = parse_set (c, i, &t)) > best)
        best = k, *m = t;
    }
  return best;
}

/* "early", "mid-", "late", "the beginning of", "the end of": *mod and
 * the index after them, or @i. */
static guint
parse_position (const Ctx *c, guint i, int *mod)
{
  const LexEntry *e = lex_at (c, i);
  if (!e || e->cue != C_POS)
    return i;
  guint len = atom_len (c, i);
  /* early, mid, late stand before a date; end, start, beginning, middle
   * need "of" */
  gboolean adjective = (len == 5 || len == 3 || len == 4)
                       && !text_is (c, i, "end") && !text_is (c, i, "start");
  guint j = i + 1;
  if (cue_at (c, j, C_OF))
    j++;
  else if (!adjective)
    return i;
  else if (punct_at (c, j, '-') && glued (c, j))
    j++;
  *mod = e->cue_val == V_EARLY ? MOD_EARLY
         : e->cue_val == V_MID ? MOD_MID
                               : MOD_LATE;
  return j;
}

static gboolean
is_connector (const Ctx *c, guint i, gboolean between)
{
  if (i >= c->n || (c->a[i].flags & AF_NEWLINE))
    return FALSE;
  if (punct_at (c, i, '-'))
    return TRUE;
  if (between)
    return cue_at (c, i, C_AND);
  return cue_at (c, i, C_TO) || cue_at (c, i, C_UNTIL);
}

static gboolean
is_plain_date (const Match *m)
{
  return m->s.kind == K_DATE && !m->range;
}

/* After a date at [.., j): "- 2022", "to August 6", "-6", "and 2011". */
static guint
parse_range (const Ctx *c, guint j, gboolean between, Match *m)
{
  if (!is_connector (c, j, between))
    return 0;
  guint k = j + 1;
  if (k >= c->n || (c->a[k].flags & AF_NEWLINE))
    return 0;
  DateSpec *s = &m->s;
  Match r;
  memset (&r, 0, sizeof r);
  guint end = 0;
  if (s->kind == K_DATE && s->month && s->day && s->hour < 0)
    {
      int day, year;
      guint d = parse_day (c, k, &day);
      if (d && !(lex_at (c, d) && lex_at (c, d)->month))
        {
          r.s = *s;
          r.s.day = day;
          r.s.weekday = 0;
          end = d;
          guint y = punct_at (c, d, ',') ? d + 1 : d;
          if (s->year == NONE && (y = parse_year (c, y, FALSE, &year)))
            {
              s->year = r.s.year = year;
              m->explicit_year = TRUE;
              end = y;
            }
        }
    }
  if (!end && s->kind == K_DATE && s->year != NONE && !s->month && !s->quarter
      && !s->season && !s->half && s->ylen == 4 && num_at (c, k)
      && (c->a[k].ndigits == 2 || c->a[k].ndigits == 4)
      && !(glued (c, k + 1) && c->a[k + 1].kind != A_PUNCT))
    {
      /* 2021-22, 2021-2022, 2001 and 2011 */
      r.s = *s;
      r.s.year = c->a[k].ndigits == 4 ? c->a[k].num
                                      : s->year / 100 * 100 + c->a[k].num;
      if (r.s.year > s->year && r.s.year - s->year < 200
          && (c->a[k].ndigits == 4 || glued (c, k)))
        end = k + 1;
    }
  if (!end && s->hour >= 0 && s->kind == K_DATE)
    {
      r.s = *s;
      if ((end = parse_time (c, k, &r.s)))
        {
          if (r.s.hour >= 12 && s->hour + 12 <= r.s.hour && s->hour < 12)
            s->hour += 12;
        }
    }
  if (!end && (end = parse_core (c, k, &r)))
    {
      gboolean ok
          = (r.s.kind == K_DATE && s->kind == K_DATE)
            || (r.s.kind == K_WEEKDAY && s->kind == K_WEEKDAY)
            || (s->kind == K_DATE && r.s.kind == K_OFFSET && r.s.unit == U_D)
            || (s->kind == K_OFFSET && s->unit == U_D
                && (r.s.kind == K_WEEKDAY || r.s.kind == K_OFFSET));
      if (!ok || r.range || r.s.open_anchor)
        return 0;
      if (s->kind == K_DATE && r.s.kind == K_DATE)
        {
          /* a bare number is not a range end: "2018 - 15 people" */
          if (!!s->month != !!r.s.month && s->year != NONE && !s->month)
            return 0;
          if (r.s.year != NONE && s->year == NONE && s->month)
            {
              s->year = r.s.year - (s->month > r.s.month && r.s.month);
              m->explicit_year = TRUE;
            }
          else if (s->year != NONE && r.s.year == NONE && r.s.month)
            r.s.year = s->year + (r.s.month < s->month);
        }
    }
  if (!end)
    return 0;
  if (r.s.kind == K_DATE && r.s.month && r.s.day
      && !valid_day (r.s.year, r.s.month, r.s.day))
    r.s.invalid = TRUE; /* "June 10 - 31, 2022" */
  m->e = r.s;
  m->range = TRUE;
  return end;
}

/* "10 - 22 August 2012", "Eighth to eleventh May 2010", "22-23 Feb" */
static guint
parse_left_partial (const Ctx *c, guint i, Match *m)
{
  /* both forms start with a number or a number word */
  const LexEntry *n = lex_at (c, i);
  if (!num_at (c, i) && !(n && n->num >= 0))
    return 0;
  DateSpec hs, he;
  spec_init (&hs, K_DATE);
  guint h = parse_hour_range (c, i, &hs, &he);
  if (h)
    {
      memset (m, 0, sizeof *m);
      m->s = hs;
      m->e = he;
      m->range = TRUE;
      m->type = T_TIME;
      return h;
    }
  int day;
  guint j = parse_day (c, i, &day);
  if (!j || !is_connector (c, j, FALSE)
      || (c->a[j].punct == '-' && !glued (c, j) && glued (c, j + 1)))
    return 0;
  Match r;
  memset (&r, 0, sizeof r);
  guint end = parse_absolute (c, j + 1, &r);
  if (!end || r.s.kind != K_DATE || !r.s.day || !r.s.month)
    return 0;
  *m = r;
  m->e = r.s;
  m->s.day = day;
  m->s.hour = r.s.hour;
  m->range = TRUE;
  return end;
}

/* The date an open offset ("2 days after") counts from: "next Friday",
 * "02/02", "the election"… only dates.  Returns the end, or 0. */
static guint
parse_base (const Ctx *c, guint j, Match *m)
{
  Match b;
  memset (&b, 0, sizeof b);
  guint end = parse_core (c, j, &b);
  if (!end || b.range
      || !((b.s.kind == K_DATE && b.s.month) || b.s.kind == K_WEEKDAY
           || (b.s.kind == K_OFFSET && b.s.unit == U_D)
           || (b.s.kind == K_REL && b.s.unit == U_D)))
    return 0;
  m->e = b.s;
  m->based = TRUE;
  m->explicit_year = b.explicit_year;
  if (b.type == T_TIME)
    m->type = T_TIME;
  return end;
}

/* "next Tuesday +10 days", "2023-12-29 -10days", "now + 40 minutes": a
 * date (@m) and a signed offset after it.  Returns the end, or 0. */
static guint
parse_signed_offset (const Ctx *c, guint j, Match *m)
{
  gboolean plus = punct_at (c, j, '+');
  if (!plus && !(punct_at (c, j, '-') && !glued (c, j) && glued (c, j + 1)))
    return 0;
  Match r;
  memset (&r, 0, sizeof r);
  guint end = parse_relative (c, j + 1, &r);
  if (!end || r.s.kind != K_OFFSET || r.s.from_context || r.range)
    return 0;
  m->e = m->s;
  m->s = r.s;
  m->s.from_context = TRUE;
  m->based = TRUE;
  if (r.type == T_TIME || (r.s.unit >= U_H && r.s.unit <= U_S))
    m->type = T_TIME;
  return end;
}

/* parse_core, then what may follow a core: the date an open offset counts
 * from ("2 days after next Friday"; else the duration "2 days"), or a
 * signed offset after a date ("next Tuesday +10 days"). */
static guint
parse_core_based (const Ctx *c, guint j, Match *m)
{
  guint end = parse_core (c, j, m);
  if (!end)
    return 0;
  if (m->s.kind == K_OFFSET && m->s.open_anchor)
    {
      guint b = parse_base (c, end, m);
      if (b)
        end = b;
      else
        {
          memset (m, 0, sizeof *m);
          if (!(end = parse_duration (c, j, m)))
            return 0;
        }
      m->s.open_anchor = FALSE;
    }
  else if (m->s.kind == K_DATE || m->s.kind == K_WEEKDAY
           || (m->s.kind == K_REF && m->s.ref == V_PRESENT_REF))
    {
      guint b = parse_signed_offset (c, end, m);
      if (b)
        end = b;
    }
  return end;
}

/* Whether a word with entry @e is "the", a modifier ("about", "over") or
 * a position ("early", "end") and nothing else. */
static gboolean
leads_only (const LexEntry *e)
{
  return e && (e->cue == C_THE || e->cue == C_APPROX || e->cue == C_POS)
         && e->num < 0 && !e->unit && !e->month && !e->weekday
         && !e->weekday_plural && !e->holiday;
}

/* match_at; *no_core is an atom where parse_core_based is known to find
 * nothing (G_MAXUINT none): "the first time" tries "first time" after
 * "the", and then again at "first". */
static guint
match_at (const Ctx *c, guint i, Match *m, guint *no_core)
{
  guint j = i, end;
  int mod = 0;
  /* m is not cleared: parse_core and parse_left_partial write all of it
   * when they match, and it is read only then */
  gboolean between = i > 0 && cue_at (c, i - 1, C_BETWEEN);
  const LexEntry *e = lex_at (c, j);
  if (e && e->cue == C_APPROX)
    {
      mod = e->cue_val == V_APPROX ? MOD_APPROX
            : e->cue_val == V_LESS ? MOD_LESS
                                   : MOD_MORE;
      j++;
      e = lex_at (c, j);
      if (e && e->cue == C_THE)
        return 0; /* "over the past five years": "over" is a signal */
    }
  guint the = G_MAXUINT;
  if (e && e->cue == C_THE)
    the = j++;
  j = parse_position (c, j, &mod);
  if (cue_at (c, j, C_THE))
    the = j++;
  if (j > i && !(end = parse_core_based (c, j, m)))
    *no_core = j;
  if (j > i && end)
    {
      gboolean dur = m->type == T_DURATION;
      const LexEntry *core = lex_at (c, j);
      /* "about", "over" only go with durations, numbers of years and
       * offsets from now: "over a decade ago" is before the day a decade
       * ago, "nearly a year ago" after it (TIMEX2's BEFORE and AFTER) */
      gboolean ago = m->s.kind == K_OFFSET && m->s.dir && !m->s.from_context
                     && !m->based;
      if (mod >= MOD_APPROX && !dur && m->s.kind != K_DATE && !m->in_offset
          && !ago)
        return 0;
      if (ago && (mod == MOD_MORE || mod == MOD_LESS))
        mod = (mod == MOD_MORE) == (m->s.dir < 0) ? MOD_BEFORE : MOD_AFTER;
      if (mod >= MOD_APPROX && !dur && c->a[i].flags & AF_CAP)
        return 0;
      /* "the" belongs to "the 1990s", "the past five years", "the end
       * of", "over the years", not to "the 2018 elections" nor to "the
       * minutes-long ride" */
      gboolean keep_the
          = (mod && mod < MOD_APPROX) || m->s.kind == K_REL
            || m->s.kind == K_OFFSET || m->s.kind == K_REF
            || (core && (core->cue == C_REL || core->cue == C_PAST))
            || m->s.season || m->s.quarter || m->s.half || m->s.ylen != 4
            || (dur && m->s.amount < 0 && !text_is (c, end - 1, "long"));
      if (the != G_MAXUINT && !keep_the)
        {
          if (the == i)
            i++;
          else if (mod < MOD_APPROX)
            return 0;
        }
    }
  else
    {
      /* a word that only leads into a core ("the", "about", "early":
       * no rule starts at one) starts nothing where that core is none */
      if (j > i && leads_only (lex_at (c, i)))
        return 0;
      j = i;
      mod = 0;
      end = i == *no_core ? 0 : parse_core_based (c, i, m);
      guint l;
      Match lm;
      if ((l = parse_left_partial (c, i, &lm)) > end)
        {
          *m = lm;
          end = l;
        }
      if (!end)
        return 0;
    }
  /* "until 2024", "since 2003": TimeML leaves the preposition outside as
   * a signal, and the date keeps no mod (mod is for modifiers inside the
   * extent: "early", "about", "over") */
  m->mod = mod;
  if (!m->range && !m->based
      && (is_plain_date (m) || m->s.kind == K_WEEKDAY
          || (m->s.kind == K_OFFSET && m->s.unit == U_D)))
    {
      guint r = parse_range (c, end, between, m);
      if (r)
        end = r;
    }
  /* "2012-1400": a year glued to a number that makes no range */
  if (!m->range && m->s.kind == K_DATE && m->s.ylen == 4 && !m->s.month
      && !m->s.quarter && !m->s.half && !m->s.season && m->s.hour < 0
      && punct_at (c, end, '-') && glued (c, end) && num_at (c, end + 1)
      && glued (c, end + 1))
    {
      m->s.invalid = TRUE;
      end += 2;
    }
  m->first = i;
  m->last = end;
  return end;
}

guint
matcher_run (const Ctx *c, guint first, guint stop, WeftDoc *doc,
             DocVec *out)
{
  guint line_end = 0, no_core = G_MAXUINT;
  /* expressions never cross a line break: the rules see one line at a
   * time */
  Ctx line = *c;
  /* the atoms' buffer is reused from run to run: forget the last amount */
  c->amount_memo->a = NULL;
  guint i;
  for (i = first; i < stop;)
    {
      /* most atoms are words, prepositions and punctuation no rule starts
       * at: passed over by a bit the cutter set, their entries not read */
      while (!(c->a[i].flags & AF_START))
        if (++i == stop)
          return i;
      if (i >= line_end)
        {
          line_end = i + 1;
          no_core = G_MAXUINT; /* the rules see the line's end */
          while (line_end < c->n && !(c->a[line_end].flags & AF_NEWLINE))
            line_end++;
          line.n = line_end;
        }
      guint end;
      if (!can_start (&line, i))
        {
          i++;
          continue;
        }
      /* built in place in @out, kept by counting it */
      Match *m = doc_vec_next (doc, out, sizeof (Match));
      if (!(end = match_at (&line, i, m, &no_core)))
        {
          i++;
          continue;
        }
      if (m->s.invalid || (m->range && m->e.invalid))
        {
          i = end; /* no part of an impossible date is a date */
          continue;
        }
      m->start = c->a[m->first].start;
      m->end = c->a[m->last - 1].end;
      m->sent = c->a[m->first].sent;
      m->tok_first = c->a[m->first].tok;
      m->tok_last = c->a[m->last - 1].tok;
      out->len++;
      i = end;
    }
  return i;
}
