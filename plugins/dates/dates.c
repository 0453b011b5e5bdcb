/* dates — the plugin: finds temporal expressions in the tokens and writes
 * the "dates" layer with TIMEX3 types and values.  The reference date is
 * the document's date, else a dateline at the top of the text; relative
 * expressions without one keep an underspecified value. */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "grammar.h"
#include "weft/plugin.h"

#define DATELINE_BYTES 600

struct _DatesState
{
  Lexicon *lex;
  WeftLayerSchema *schema;
  guint f_type, f_value, f_end_value, f_mod, f_anchor;
  gboolean day_first;
  gboolean forward;
};

static const char *const type_names[] = { "DATE", "TIME", "DURATION", "SET" };
static const char *const mod_names[]
    = { NULL,        "EARLY",     "MID",    "LATE", "APPROX",
        "LESS_THAN", "MORE_THAN", "BEFORE", "AFTER" };

DatesState *
dates_state_new (const char *data_dir, gboolean day_first, gboolean forward,
                 GError **error)
{
  Lexicon *lex = lexicon_load (data_dir, error);
  if (!lex)
    return NULL;
  DatesState *st = g_new0 (DatesState, 1);
  st->lex = lex;
  st->day_first = day_first;
  st->forward = forward;
  st->schema = weft_layer_schema_new ("dates");
  st->f_type
      = weft_layer_schema_add_field (st->schema, "type", WEFT_FIELD_STRING);
  st->f_value
      = weft_layer_schema_add_field (st->schema, "value", WEFT_FIELD_STRING);
  st->f_end_value = weft_layer_schema_add_field (st->schema, "end_value",
                                                 WEFT_FIELD_STRING);
  st->f_mod
      = weft_layer_schema_add_field (st->schema, "mod", WEFT_FIELD_STRING);
  st->f_anchor
      = weft_layer_schema_add_field (st->schema, "anchor", WEFT_FIELD_STRING);
  return st;
}

void
dates_state_free (DatesState *st)
{
  if (!st)
    return;
  lexicon_free (st->lex);
  weft_layer_schema_free (st->schema);
  g_free (st);
}

/* The document's tokens, for the rules that look further than the atoms
 * around a trigger (tense, superlatives, sentence starts). */
typedef struct
{
  const char *text;
  gsize text_len;
  const WeftToken *tokens;
  guint n_tokens;
  const WeftSentence *sents;
  guint n_sents;
  const Lexicon *lex;
  const TriggerFilter *filter; /* lex's */
} Tokens;

static gboolean
token_is (const Tokens *t, guint i, const char *word)
{
  const WeftToken *k = &t->tokens[i];
  gsize len = strlen (word);
  return k->end - k->start == len
         && g_ascii_strncasecmp (t->text + k->start, word, len) == 0;
}

/* Whether token @i after "due to" may be a verb ("due to arrive"), not
 * the start of a noun phrase ("due to the storm", "due to its debts",
 * "due to COVID-19", "due to 2 injuries"). */
static gboolean
due_to_verb (const Tokens *t, guint i)
{
  static const char *const nouns[]
      = { "the",   "a",     "an",   "his",   "her",  "its",
          "their", "our",   "my",   "your",  "this", "that",
          "these", "those", "lack", "heavy", NULL };
  const WeftToken *k = &t->tokens[i];
  if (k->kind != WEFT_TOKEN_WORD || (k->flags & WEFT_TOKEN_CAPITALIZED))
    return FALSE;
  for (const char *const *w = nouns; *w; w++)
    if (token_is (t, i, *w))
      return FALSE;
  return TRUE;
}

/* word_tense() of a word its length and letters let through: a lookup. */
static G_NO_INLINE int
word_tense_lookup (const Tokens *t, guint i, gboolean ed)
{
  const WeftToken *k = &t->tokens[i];
  gsize len = k->end - k->start;
  const LexEntry *e = len >= 2 && len <= 10
                          ? atoms_token_lex (t->lex, t->text, t->text_len, k)
                          : NULL;
  if (e && e->cue == C_TENSE && e->cue_val > 0 && len == 3
      && g_ascii_strncasecmp (t->text + k->start, "due", 3) == 0
      && i + 2 < t->n_tokens && token_is (t, i + 1, "to")
      && !due_to_verb (t, i + 2))
    return 0; /* "died due to the injuries": a cause, not "due to arrive" */
  if (e)
    return e->cue == C_TENSE ? e->cue_val : 0;
  if (ed)
    {
      /* a passive ("will be held", "is expected", "to remain closed")
       * is not a past */
      const WeftToken *p = i > 0 ? &t->tokens[i - 1] : NULL;
      const LexEntry *pe = p && p->end - p->start <= 10
                               ? atoms_token_lex (t->lex, t->text, t->text_len, p)
                               : NULL;
      /* "be" and "am" are in cues.txt as an era and a.m.: auxiliaries too */
      return pe
                     && (pe->cue == C_AUX
                         || (pe->cue == C_ERA && pe->cue_val == V_BE)
                         || (pe->cue == C_AMPM && pe->cue_val == V_AM))
                 ? 0
                 : -1;
    }
  return 0;
}

/* The tense a word marks: a cue word (was, will, scheduled…) or any
 * lower-case word ending in -ed; 0 for other words.  Inline in the walk
 * of local_tense() over a dozen tokens, most of them told from a tense
 * word by their kind, length and letters. */
G_ALWAYS_INLINE static inline int
word_tense (const Tokens *t, guint i)
{
  const WeftToken *k = &t->tokens[i];
  if (k->kind != WEFT_TOKEN_WORD && k->kind != WEFT_TOKEN_CLITIC)
    return 0;
  gsize len = k->end - k->start;
  gboolean ed = len > 4 && t->text[k->end - 1] == 'd'
                && t->text[k->end - 2] == 'e'
                && !(k->flags & WEFT_TOKEN_CAPITALIZED);
  /* tense words in cues.txt are 2 to 10 bytes ("'ll", "scheduled"); most
   * words are told from them by their length and first and last letters */
  const guint8 *w = (const guint8 *)t->text + k->start;
  gsize skip = len >= 2 && *w == '\'';
  if (!ed
      && !(len >= 2 && len <= 10
           && tense_word_maybe (t->filter, w + skip, len - skip)))
    return 0;
  return word_tense_lookup (t, i, ed);
}

/* -1 past, +1 future, 0 unknown: the tense marker nearest to tokens
 * [first, last) in sentence @sent (the one before on a tie), which is
 * usually the verb the expression modifies. */
static int
local_tense (const Tokens *t, guint sent, guint first, guint last)
{
  if (sent >= t->n_sents)
    return 0;
  guint lo = t->sents[sent].first_token;
  guint hi = lo + t->sents[sent].n_tokens;
  for (guint d = 1; d <= 12; d++)
    {
      int v;
      if (first >= lo + d && (v = word_tense (t, first - d)))
        return v;
      if (last + d - 1 < hi && (v = word_tense (t, last + d - 1)))
        return v;
    }
  return 0;
}

/* "the lowest level in six years": a duration after a superlative or
 * "first", not a date six years ahead. */
static gboolean
after_superlative (const Tokens *t, guint first)
{
  for (guint d = 2; d <= 7 && d <= first; d++)
    {
      const WeftToken *k = &t->tokens[first - d];
      guint len = k->end - k->start;
      if (k->kind == WEFT_TOKEN_WORD && len > 4
          && memcmp (t->text + k->end - 3, "est", 3) == 0)
        return TRUE;
      if (token_is (t, first - d, "first") || token_is (t, first - d, "best")
          || token_is (t, first - d, "worst"))
        return TRUE;
    }
  return FALSE;
}

/* An offset from a date written with it ("2 days after next Friday",
 * "now + 40 minutes"): the date first, then the offset from it. */
static const char *
normalize_based (Match *m, const Anchor *anchor, char *value, char *abuf)
{
  char base[64], babuf[40];
  Anchor a = *anchor;
  const char *an;
  if (m->e.kind == K_REF)
    {
      a.last = a.dct; /* now */
      an = a.dct.has_date ? "dct" : "none";
    }
  else
    {
      an = spec_normalize (&m->e, anchor, base, babuf);
      if (!refdate_parse (&a.last, base))
        {
          /* the date is not a day ("next week"): no value to count from */
          memset (&a.last, 0, sizeof a.last);
          a.dct = a.last;
        }
      else if (!a.last.has_time && a.dct.has_time)
        {
          a.last.has_time = TRUE;
          a.last.hour = a.dct.hour;
          a.last.minute = a.dct.minute;
          a.last.second = a.dct.second;
        }
    }
  m->s.from_context = TRUE;
  spec_normalize (&m->s, &a, value, abuf);
  if (an == babuf)
    an = strcpy (abuf, babuf);
  return an;
}

/* A full date written at the top of the text ("07.10.2019", "Friday,
 * January 4, 2019", "AzerNews (05 October 2019)"). */
static gboolean
find_dateline (const Match *ms, guint n, RefDate *r)
{
  for (guint k = 0; k < n; k++)
    {
      const Match *m = &ms[k];
      if (m->start > DATELINE_BYTES)
        break;
      if (m->s.kind == K_DATE && m->explicit_year && m->s.month && m->s.day
          && m->s.ylen == 4 && !m->range)
        {
          r->has_date = TRUE;
          r->year = m->s.year;
          r->month = m->s.month;
          r->day = m->s.day;
          return TRUE;
        }
    }
  return FALSE;
}

/* Notes what later expressions may be resolved against: the last full
 * date, and a year that opens its sentence ("In 2018, … in April"). */
static void
note_date (Anchor *a, const DateSpec *s, gboolean explicit_year,
           gboolean opens_sentence, uint32_t sent, uint32_t *ctx_sent,
           int *ctx_year)
{
  if (s->kind == K_DATE && explicit_year && s->ylen == 4 && s->year != NONE
      && opens_sentence)
    {
      *ctx_year = s->year;
      *ctx_sent = sent;
    }
  if ((s->kind == K_DATE || s->kind == K_OFFSET || s->kind == K_REL)
      && s->year != NONE && s->ylen == 4 && !s->week)
    a->last_year = s->year;
  if ((s->kind == K_DATE || s->kind == K_OFFSET || s->kind == K_WEEKDAY)
      && s->year != NONE && s->month && s->day && s->ylen == 4)
    {
      a->last.has_date = TRUE;
      a->last.year = s->year;
      a->last.month = s->month;
      a->last.day = s->day;
      a->last_sent = sent;
    }
}

/* What writing the layer carries from one expression to the next. */
typedef struct
{
  DatesState *st;
  WeftDoc *doc;
  WeftLayer *layer;
  Tokens toks;
  Anchor anchor;
  /* Match: one run's, or while there is no reference date yet all those
   * up to the place of a dateline */
  DocVec matches;
  gboolean dct_pending;
  int ctx_year;
  uint32_t ctx_sent;
  RefDate period; /* the month or quarter named last, and where */
  int period_unit;
  uint32_t period_sent;
} Writer;

/* Notes a month or quarter of a known year ("in January", "the third
 * quarter of this year", "on March 3"), which "the same month / period /
 * quarter last year" shortly after it is one year before. */
static void
note_period (Writer *w, const DateSpec *s, uint32_t sent)
{
  if (s->kind != K_DATE || s->year == NONE || s->ylen != 4
      || !(s->month || s->quarter) || s->week || s->hour >= 0)
    return;
  w->period.has_date = TRUE;
  w->period.year = s->year;
  w->period.month = s->month ? s->month : s->quarter * 3 - 2;
  w->period.day = 1;
  w->period_unit = s->month ? U_M : U_Q;
  w->period_sent = sent;
}

/* Sets a string field of the latest span to a copy of @value in the
 * document's arena: weft_layer_set_string() checks the handle and compares
 * with the span before, which costs more than the copy (values rarely
 * repeat from one expression to the next). */
static inline void
set_copied_string (Writer *w, guint span, guint field, const char *value)
{
  weft_layer_set_static_string (w->layer, span, field,
                                weft_doc_strndup (w->doc, value, -1));
}

/* Normalizes expression @m and writes it to the layer. */
static void
write_match (Writer *w, Match *m)
{
  DatesState *st = w->st;
  WeftLayer *layer = w->layer;
  Anchor *anchor = &w->anchor;
  uint32_t sent = m->sent;
  guint tok_first = m->tok_first, tok_last = m->tok_last;
  char value[64], end_value[64], abuf[40], abuf2[40];
  gboolean needs
      = spec_is_relative (&m->s) || (m->range && spec_is_relative (&m->e));
  anchor->tense = !needs      ? 0
                  : st->forward ? 2
                              : local_tense (&w->toks, sent, tok_first,
                                             tok_last + 1);
  anchor->sent = sent;
  anchor->period = w->period;
  anchor->period_unit = sent == w->period_sent || sent == w->period_sent + 1
                            ? w->period_unit
                            : 0;
  anchor->ctx_year
      = w->ctx_year && sent == w->ctx_sent
                && (!anchor->dct.has_date || w->ctx_year != anchor->dct.year)
            ? w->ctx_year
            : 0;
  if (m->in_offset
      && (anchor->tense < 0 || after_superlative (&w->toks, tok_first)))
    {
      m->s.kind = K_DURATION;
      m->type = T_DURATION;
    }
  const char *an;
  if (m->based)
    an = normalize_based (m, anchor, value, abuf);
  else
    an = spec_normalize (&m->s, anchor, value, abuf);
  if (m->s.kind == K_DATE && m->s.year != NONE && m->s.month && m->s.day
      && !valid_day (m->s.year, m->s.month, m->s.day))
    return; /* "29 February" placed in 2013 */
  guint span = weft_layer_add_span (layer, m->start, m->end);
  weft_layer_set_static_string (layer, span, st->f_type, type_names[m->type]);
  set_copied_string (w, span, st->f_value, value);
  if (m->range)
    {
      /* the end of "July 26 to August 6" is in the start's year */
      if (m->e.kind == K_DATE && m->e.year == NONE && m->s.year != NONE
          && m->e.month && m->s.ylen == 4)
        m->e.year = m->s.year + (m->s.month && m->e.month < m->s.month);
      const char *an2 = spec_normalize (&m->e, anchor, end_value, abuf2);
      if (m->s.kind == K_WEEKDAY && m->e.kind == K_WEEKDAY && m->s.year != NONE
          && m->e.year != NONE && m->e.dir == 2)
        {
          /* "Monday to Friday" ends on the first Friday from that Monday,
           * whichever way the tense placed each */
          int z = days_from_civil (m->s.year, m->s.month, m->s.day), y, mo, d;
          civil_from_days (z + (m->e.weekday - m->s.weekday + 7) % 7, &y, &mo,
                           &d);
          m->e.year = y, m->e.month = mo, m->e.day = d;
          fmt_calendar (end_value, &m->e);
        }
      set_copied_string (w, span, st->f_end_value, end_value);
      if (strcmp (an, "none") == 0)
        an = an2 == abuf2 ? strcpy (abuf, abuf2) : an2;
    }
  if (m->mod)
    weft_layer_set_static_string (layer, span, st->f_mod, mod_names[m->mod]);
  /* anchors are names from a table, or a date written into abuf */
  if (an == abuf)
    set_copied_string (w, span, st->f_anchor, an);
  else
    weft_layer_set_static_string (layer, span, st->f_anchor, an);
  gboolean opens = sent >= w->toks.n_sents
                   || tok_first < w->toks.sents[sent].first_token + 3;
  note_date (anchor, &m->s, m->explicit_year, opens, sent, &w->ctx_sent,
             &w->ctx_year);
  note_period (w, &m->s, sent);
}

/* Takes the reference date from a dateline among the waiting
 * expressions, then writes them. */
static void
flush_matches (Writer *w)
{
  DocVec *ms = &w->matches;
  if (w->dct_pending && find_dateline (ms->data, ms->len, &w->anchor.dct))
    {
      char d[32];
      snprintf (d, sizeof d, "%04d-%02d-%02d", w->anchor.dct.year,
                w->anchor.dct.month, w->anchor.dct.day);
      weft_doc_set_date (w->doc, d);
    }
  w->dct_pending = FALSE;
  for (guint k = 0; k < ms->len; k++)
    write_match (w, (Match *)ms->data + k);
  ms->len = 0;
}

gboolean
dates_state_process (DatesState *st, WeftDoc *doc, GError **error)
{
  (void)error;
  Writer w;
  memset (&w, 0, sizeof w);
  w.st = st;
  w.doc = doc;
  w.toks.text = weft_doc_get_text (doc, &w.toks.text_len);
  w.toks.lex = st->lex;
  w.toks.filter = lexicon_get_filter (st->lex);
  w.toks.tokens = weft_doc_get_tokens (doc, &w.toks.n_tokens);
  w.toks.sents = weft_doc_get_sentences (doc, &w.toks.n_sents);
  w.anchor.forward = st->forward;
  RefDate t;
  if (refdate_parse (&w.anchor.dct, weft_doc_get_date (doc)))
    {
      /* the host keeps only the day; a "datetime" field gives the time */
      if (refdate_parse (&t, weft_doc_get_meta (doc, "datetime"))
          && t.has_time && t.year == w.anchor.dct.year
          && t.month == w.anchor.dct.month && t.day == w.anchor.dct.day)
        w.anchor.dct = t;
    }
  else
    w.dct_pending = TRUE;
  w.layer = weft_doc_add_layer (doc, st->schema);

  AtomScanner *scanner = atom_scanner_new (doc, st->lex);
  AmountMemo amount_memo = { NULL, 0, 0, 0, 0, 0, FALSE };
  Ctx c = { NULL, 0, w.toks.text, st->day_first, &amount_memo };
  DocVec *ms = &w.matches;
  guint first;
  gboolean more;
  while ((c.a = atom_scanner_next (scanner, &c.n, &first, &more)))
    {
      guint stop = more ? c.n - ATOMS_WINDOW_AHEAD : c.n;
      guint end = matcher_run (&c, first, stop, doc, ms);
      if (more)
        atom_scanner_resume (scanner, end);
      /* each run's expressions are written at once, unless the reference
       * date may still come from a dateline further on */
      if (ms->len
          && (!w.dct_pending
              || ((Match *)ms->data)[ms->len - 1].start > DATELINE_BYTES))
        flush_matches (&w);
    }
  flush_matches (&w);
  return TRUE;
}

/* ---- the plugin descriptor ---- */

static const WeftOptionSpec dates_options[]
    = { { "day-first", WEFT_OPTION_BOOL, "false",
          "read dates written with slashes or dashes (8/10/2012) day first; "
          "dotted dates (07.10.2019) are always day first" },
        { "forward-dates", WEFT_OPTION_BOOL, "false",
          "resolve a month, weekday or time without a date to its next "
          "occurrence (schedules) instead of by the tense of the verb" },
        { NULL } };

static gboolean
dates_init (const WeftOptions *options, gpointer *state, GError **error)
{
  DatesState *st = dates_state_new (
      weft_options_get_data_dir (options),
      weft_options_get_bool (options, "day-first"),
      weft_options_get_bool (options, "forward-dates"), error);
  *state = st;
  return st != NULL;
}

static gboolean
dates_process (gpointer state, WeftDoc *doc, GError **error)
{
  return dates_state_process (state, doc, error);
}

static void
dates_finish (gpointer state)
{
  dates_state_free (state);
}

WEFT_PLUGIN_DEFINE (.name = "dates", .version = "0.1.0",
                    .description = "Temporal expressions with TIMEX3 "
                                   "types and values",
                    .requires = WEFT_LAYERS ("tokens", "sentences"),
                    .provides = WEFT_LAYERS ("dates"), .options = dates_options,
                    .init = dates_init, .process = dates_process,
                    .finish = dates_finish);
