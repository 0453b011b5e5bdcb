/* dates — holidays: holidays.txt read into the lexicon (each holiday hangs
 * off the first word of its name, every word of the name becomes a
 * lexicon word so that the atomizer keeps it), and the rule that reads a
 * holiday's name in the text ("Christmas Day", "New Year's Eve 2019").
 * The normalizer computes movable dates (Thanksgiving, Easter) once the
 * year is known. */
#include <stdio.h>
#include <string.h>

#include "grammar.h"
#include "weft/plugin.h"

static const char *const weekday_names[]
    = { "monday", "tuesday",  "wednesday", "thursday",
        "friday", "saturday", "sunday",    NULL };

/* The date part of a line: "12-25", "11 thursday 4", "easter-2". */
static gboolean
parse_rule (Holiday *h, char *rule)
{
  int a, b, n;
  char wd[16];
  g_strstrip (rule);
  if (g_str_has_prefix (rule, "easter"))
    {
      char *end;
      h->kind = HOL_EASTER;
      h->month = 4; /* for placing the year before the date is known */
      h->easter_offset
          = rule[6] ? (int16_t)g_ascii_strtoll (rule + 6, &end, 10) : 0;
      return !rule[6] || (*end == '\0' && ABS (h->easter_offset) < 60);
    }
  if (sscanf (rule, "%d-%d%n", &a, &b, &n) == 2 && rule[n] == '\0')
    {
      h->kind = HOL_FIXED;
      h->month = a;
      h->day = b;
      return a >= 1 && a <= 12 && b >= 1 && b <= days_in_month (2000, a);
    }
  if (sscanf (rule, "%d %15s %d%n", &a, wd, &b, &n) == 3 && rule[n] == '\0')
    {
      h->kind = HOL_NTH_WEEKDAY;
      h->month = a;
      h->nth = b;
      for (int k = 0; weekday_names[k]; k++)
        if (strcmp (wd, weekday_names[k]) == 0)
          h->weekday = k + 1;
      return a >= 1 && a <= 12 && h->weekday && (b == -1 || (b >= 1 && b <= 5));
    }
  return FALSE;
}

/* Adds @h to the chain of its first word, longest name first. */
static void
chain (LexEntry *first, Holiday *h)
{
  const Holiday **p = &first->holiday;
  while (*p && (*p)->n_words >= h->n_words)
    p = (const Holiday **)&(*p)->next;
  h->next = *p;
  *p = h;
}

static const char *
add_line (Lexicon *lex, char *line)
{
  char *bar = strchr (line, '|');
  if (!bar)
    return "expected NAME | DATE";
  *bar = '\0';
  Holiday *h = lexicon_keep (lex, sizeof *h);
  if (!parse_rule (h, bar + 1))
    return "date must be MM-DD, MM WEEKDAY N (N 1-5 or -1) or easter[+-N]";
  for (char *p = line; *p; p++)
    if (*p == '\'' || *p == '.')
      *p = ' '; /* "new year's day" is read as new, year, s, day */
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (line), " \t", -1);
  LexEntry *first = NULL, *e = NULL;
  for (char **w = words; *w; w++)
    {
      if (!**w)
        continue;
      for (const char *q = *w; *q; q++)
        if (!g_ascii_islower (*q))
          return "names must be lower-case letters";
      if (h->n_words == G_N_ELEMENTS (h->words))
        return "name longer than 8 words";
      if (!(e = lexicon_add_word (lex, *w)))
        return "too many words";
      e->holiday_word = TRUE;
      h->words[h->n_words++] = lexicon_keep_string (lex, *w);
      if (!first)
        first = e;
    }
  if (!first)
    return "expected NAME | DATE";
  e->holiday_last = TRUE;
  chain (first, h);
  return NULL;
}

static gboolean
load_line (char *line, gpointer user_data, GError **error)
{
  const char *why = add_line (user_data, line);
  if (why)
    g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_DATA, why);
  return why == NULL;
}

gboolean
holidays_load (Lexicon *lex, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "holidays.txt", NULL);
  return weft_data_file_foreach_line (path, WEFT_DATA_FILE_HASH_COMMENTS,
                                      load_line, lex, error);
}

/* The words of @h from atom @i, apostrophes and periods skipped: the
 * index after the name, or 0. */
static guint
match_name (const Ctx *c, guint i, const Holiday *h)
{
  guint k = i;
  for (guint w = 0; w < h->n_words; w++)
    {
      while (w > 0 && (punct_at (c, k, '\'') || punct_at (c, k, '.'))
             && glued (c, k))
        k++;
      if (!text_is (c, k, h->words[w]))
        return 0;
      k++;
    }
  return k;
}

guint
parse_holiday (const Ctx *c, guint i, DateSpec *s)
{
  const LexEntry *e = lex_at (c, i);
  if (!e || !e->holiday || !(c->a[i].flags & AF_CAP))
    return 0;
  for (const Holiday *h = e->holiday; h; h = h->next)
    {
      guint end = match_name (c, i, h);
      if (!end)
        continue;
      /* part of a name ("Easter Island", "Halloween-themed") */
      if (end < c->n && glued (c, end) && punct_at (c, end, '-'))
        return 0;
      if (end < c->n && c->a[end].kind == A_WORD && (c->a[end].flags & AF_CAP)
          && !(c->a[end].flags & AF_UPPER)
          && !(c->a[end].lex
               && (c->a[end].lex->month || c->a[end].lex->weekday)))
        return 0;
      s->holiday = h;
      s->month = h->month;
      s->day = h->kind == HOL_FIXED ? h->day : 0;
      /* "Christmas 2019", "New Year's Day, 2020" */
      int year;
      guint y = punct_at (c, end, ',') ? end + 1 : end;
      if (num_at (c, y) && c->a[y].ndigits == 4
          && (y = parse_year (c, y, FALSE, &year)))
        s->year = year, end = y;
      return end;
    }
  return 0;
}
