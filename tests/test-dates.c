/* Tests for the dates plugin: table-driven cases through a pipeline
 * (tokenizer -> dates), each with the exact spans, types and TIMEX3 values
 * expected.  Sentences are quoted from the seed articles where they have
 * the construction under test. */
#include <glib/gstdio.h>
#include <string.h>

#include "weft-test.h"

#include "../plugins/dates/dates.h"
#include "../plugins/dates/spec.h"

typedef struct
{
  const char *text;
  const char *date;     /* reference date, or NULL */
  const char *expected; /* "text|TYPE|value[|end_value][|mod]; …" */
} Case;

static WeftPipeline *pipeline;
static WeftPipeline *pipeline_gb;
static WeftPipeline *pipeline_fwd;

/* The layer as "text|TYPE|value|end|mod" items joined by "; ". */
static char *
describe (WeftDoc *doc, gboolean with_anchor)
{
  GString *out = g_string_new (NULL);
  WeftLayer *layer = weft_doc_get_layer (doc, "dates");
  g_assert_nonnull (layer);
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  int f_type = weft_layer_schema_find_field (schema, "type");
  int f_value = weft_layer_schema_find_field (schema, "value");
  int f_end = weft_layer_schema_find_field (schema, "end_value");
  int f_mod = weft_layer_schema_find_field (schema, "mod");
  int f_anchor = weft_layer_schema_find_field (schema, "anchor");
  const char *text = weft_doc_get_text (doc, NULL);
  for (guint i = 0; i < weft_layer_get_n_spans (layer); i++)
    {
      uint32_t s, e;
      weft_layer_get_span (layer, i, &s, &e);
      if (out->len)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%.*s|%s|%s", (int)(e - s), text + s,
                              weft_layer_get_string (layer, i, f_type),
                              weft_layer_get_string (layer, i, f_value));
      if (weft_layer_is_set (layer, i, f_end))
        g_string_append_printf (out, "|%s",
                                weft_layer_get_string (layer, i, f_end));
      if (weft_layer_is_set (layer, i, f_mod))
        g_string_append_printf (out, "|%s",
                                weft_layer_get_string (layer, i, f_mod));
      if (with_anchor)
        g_string_append_printf (out, "@%s",
                                weft_layer_get_string (layer, i, f_anchor));
    }
  return g_string_free (out, FALSE);
}

static void
run_cases (WeftPipeline *p, const Case *cases, gsize n)
{
  WeftDoc *doc = weft_doc_new ();
  for (gsize i = 0; i < n; i++)
    {
      weft_test_run (p, doc, cases[i].text, cases[i].date);
      g_autofree char *got = describe (doc, FALSE);
      if (g_strcmp0 (got, cases[i].expected) != 0)
        g_test_message ("text: %s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  weft_doc_free (doc);
}

#define RUN(cases) run_cases (pipeline, cases, G_N_ELEMENTS (cases))

static void
test_absolute_day_month_year (void)
{
  static const Case cases[] = {
    { "Russia and Ukraine signed it on February 22, 2022.", NULL,
      "February 22, 2022|DATE|2022-02-22" },
    { "It was signed on 22 February 2022 in Moscow.", NULL,
      "22 February 2022|DATE|2022-02-22" },
    { "AzerNews (05 October 2019) reported it.", NULL,
      "05 October 2019|DATE|2019-10-05" },
    { "Judging by the words of President Ilham Aliyev voiced Oct. 3 at the "
      "plenary session",
      "2019-10-07", "Oct. 3|DATE|2019-10-03" },
    { "The exercises started on 2021-07-26.", NULL,
      "2021-07-26|DATE|2021-07-26" },
    { "07.10.2019", NULL, "07.10.2019|DATE|2019-10-07" },
    { "Friday, January 4, 2019", NULL,
      "Friday, January 4, 2019|DATE|2019-01-04" },
  };
  RUN (cases);
}

static void
test_absolute_coarse (void)
{
  static const Case cases[] = {
    { "The last of them took place in February 2020, when in Baku.", NULL,
      "February 2020|DATE|2020-02" },
    { "ADEX-2018 Defense Exhibition opened in 2018.", NULL, "2018|DATE|2018" },
    /* "May" alone before punctuation; the nearer May from November 22 */
    { "Deadline: May.", "2020-11-22", "May|DATE|2021-05" },
    { "Issue of Aug 96.", "2012-08-10", "Aug 96|DATE|1996-08" },
    { "Exports grew through the 1990s.", NULL, "the 1990s|DATE|199" },
    { "Profits rose in Q3 2021.", NULL, "Q3 2021|DATE|2021-Q3" },
    { "Talks resumed in the fall of 2020.", NULL,
      "the fall of 2020|DATE|2020-FA" },
    { "Prices fell in early 2020.", NULL, "early 2020|DATE|2020|EARLY" },
    { "The drills end in mid-September.", "2021-07-26",
      "mid-September|DATE|2021-09|MID" },
    /* a year relative to the reference after a day, as after a month */
    { "Pompeo joined the meeting on March 20 last year; in March, last "
      "year's host spoke.",
      "2020-01-10",
      "March 20 last year|DATE|2019-03-20; March|DATE|2019-03; "
      "last year|DATE|2019" },
    { "Results for the third quarter of 2009 were weak.", NULL,
      "the third quarter of 2009|DATE|2009-Q3" },
    /* "last" and "final" are the fourth quarter of a year named, and the
     * quarter before this one without a year */
    { "Sales rose in the final quarter of 2009 and fell in the last "
      "quarter of 2008.",
      "2010-01-28",
      "the final quarter of 2009|DATE|2009-Q4; "
      "the last quarter of 2008|DATE|2008-Q4" },
    { "Losses narrowed in the last quarter and the final half of 2012.",
      "2010-01-28",
      "the last quarter|DATE|2009-Q4; the final half of 2012|DATE|2012-H2" },
    { "The final week of the campaign was calm.", "2010-01-28", "" },
  };
  RUN (cases);
}

static void
test_ranges (void)
{
  static const Case cases[] = {
    { "The training exercises will be held from July 26 to August 6.",
      "2021-07-20", "July 26 to August 6|DATE|2021-07-26|2021-08-06" },
    { "The drills run August 1-6.", "2021-07-20",
      "August 1-6|DATE|2021-08-01|2021-08-06" },
    { "Output doubled between 2001 and 2011.", NULL,
      "2001 and 2011|DATE|2001|2011" },
    { "The 2021-2022 plan was approved.", NULL, "2021-2022|DATE|2021|2022" },
    { "From December to May 2022 it was closed.", NULL,
      "December to May 2022|DATE|2021-12|2022-05" },
  };
  RUN (cases);
}

static void
test_context_year (void)
{
  static const Case cases[] = {
    /* 000_67bed60a32caf099.txt */
    { "In 2018, Gerasimov met twice in the capital of Azerbaijan (in April "
      "and December) with Supreme Commander of the NATO Joint Forces Curtis "
      "Scaparrotti.",
      "2021-07-26",
      "2018|DATE|2018; April|DATE|2018-04; December|DATE|2018-12" },
    /* a month alone takes the reference year, the past one when reported
     * in the past */
    { "The deal was signed in November.", "2021-07-26",
      "November|DATE|2020-11" },
    { "The deal will be signed in November.", "2021-07-26",
      "November|DATE|2021-11" },
    { "A meeting is planned for March.", "2021-07-26", "March|DATE|2022-03" },
  };
  RUN (cases);
}

static void
test_relative (void)
{
  static const Case cases[] = {
    { "Baku said today that talks went well.", "2019-10-07",
      "today|DATE|2019-10-07" },
    { "He arrived yesterday.", "2019-10-07", "yesterday|DATE|2019-10-06" },
    /* short and irregular past forms mark the past; "due to" a noun is a
     * cause, not a schedule */
    { "Mathematician John Horton Conway died on Saturday at his home, "
      "reportedly due to COVID-19.",
      "2020-04-14", "Saturday|DATE|2020-04-11" },
    { "The flight is due to arrive on Saturday.", "2020-04-14",
      "Saturday|DATE|2020-04-18" },
    /* "the last day of" an event is that event's, not yesterday */
    { "A group protested outside the White House on the last day of the "
      "convention.",
      "2020-09-30", "" },
    /* "the year" after "the end of": the year of the text */
    { "Sales fell at the beginning of the year and the plant closes by "
      "the end of the month.",
      "2008-05-24",
      "the beginning of the year|DATE|2008|EARLY; "
      "the end of the month|DATE|2008-05|LATE" },
    { "The year before was worse; at the end of the day, it held.",
      "2008-05-24", "" },
    /* "the month" after a month just named is that month */
    { "Cases rose in June. By the end of the month, deaths passed 100,000.",
      "2020-07-15",
      "June|DATE|2020-06; the end of the month|DATE|2020-06|LATE" },
    { "The agreement was reached last month.", "2019-10-07",
      "last month|DATE|2019-09" },
    { "Last Monday the minister resigned.", "2019-10-07",
      "Last Monday|DATE|2019-09-30" },
    { "Talks continue next week.", "2019-10-07", "next week|DATE|2019-W42" },
    { "The base closed three years ago.", "2019-10-07",
      "three years ago|DATE|2016" },
    { "Trade grew this year.", "2019-10-07", "this year|DATE|2019" },
    /* TimeML: "until", "since" are signals outside the date, no mod */
    { "The lease runs until 2024.", "2019-10-07", "2024|DATE|2024" },
    /* wikinews-2019-1 */
    { "Nancy Pelosi became the first woman to serve as Speaker of the House "
      "in 2007 and held the post until 2011.",
      "2019-01-04", "2007|DATE|2007; 2011|DATE|2011" },
    { "He left over a decade ago; she came nearly a year ago.", "2019-10-07",
      "over a decade ago|DATE|200|BEFORE; nearly a year ago|DATE|2018|AFTER" },
    { "Sales fell in 2008. The year before, they rose.", "2010-01-28",
      "2008|DATE|2008; The year before|DATE|2007" },
    { "The ceasefire began on November 10, 2020. Two days before, the city "
      "fell.",
      NULL,
      "November 10, 2020|DATE|2020-11-10; Two days before|DATE|2020-11-08" },
    { "Troops left on October 3, 2019. The same day, talks began.", NULL,
      "October 3, 2019|DATE|2019-10-03; The same day|DATE|2019-10-03" },
    { "He called the day before yesterday.", "2019-10-07",
      "the day before yesterday|DATE|2019-10-05" },
    { "It is now clear.", "2019-10-07", "now|DATE|PRESENT_REF" },
    /* a participle after "remain", "be" is no past */
    { "Russian markets to remain closed until Friday", "2008-09-18",
      "Friday|DATE|2008-09-19" },
    { "The deal will be finalized by June 10.", "2011-05-29",
      "June 10|DATE|2011-06-10" },
    { "The deadline is midnight.", "2012-08-10",
      "midnight|TIME|2012-08-11T00:00" },
    { "The deadline was midnight.", "2012-08-10",
      "midnight|TIME|2012-08-10T00:00" },
    /* the near, long or short term after in, for, over: the future */
    { "Prospects for growth in the near term appear good, and the firm will "
      "stay for the long term despite its long-term debt.",
      "2009-03-03",
      "the near term|DATE|FUTURE_REF; the long term|DATE|FUTURE_REF" },
  };
  RUN (cases);
}

static void
test_durations_sets (void)
{
  static const Case cases[] = {
    { "The contract lasts five years.", NULL, "five years|DURATION|P5Y" },
    { "Trade tripled over the past five years.", "2019-10-07",
      "the past five years|DURATION|P5Y" },
    { "It has a 25-year service life.", NULL, "25-year|DURATION|P25Y" },
    { "The flight took half an hour.", NULL, "half an hour|DURATION|PT30M" },
    /* hours and minutes as adjectives too, but not a way of writing times */
    { "The jet landed after a 12-hour flight from Toulouse, its clock set "
      "to the 24-hour clock.",
      NULL, "12-hour|DURATION|PT12H" },
    { "It was the worst single-day decline since the crash.", NULL,
      "single-day|DURATION|P1D" },
    /* a range of counts of one unit: both ends; an offset stays one */
    { "The bankruptcy process would take between 60 and 90 days, a stay of "
      "two to three years, and he left 10 to 15 years ago.",
      "2009-06-01",
      "60 and 90 days|DURATION|P60D|P90D; two to three years|DURATION|P2Y|P3Y; "
      "15 years ago|DATE|1994" },
    /* a plural unit without a number after "for", "in", "within", "over
     * the", or before "-long": an unspecified count */
    { "Over the years, the decades-long dispute was the biggest story in "
      "years; the index fell within minutes of the news, not in minutes of "
      "the meeting.",
      NULL,
      "the years|DURATION|PXY; decades-long|DURATION|PXDE; "
      "years|DURATION|PXY; minutes|DURATION|PTXM" },
    { "It took two and a half years.", NULL,
      "two and a half years|DURATION|P2.5Y" },
    { "Officials meet every Monday.", NULL, "every Monday|SET|XXXX-WXX-1" },
    { "The forum is held annually.", NULL, "annually|SET|P1Y" },
    { "Rates are reviewed every two weeks.", NULL, "every two weeks|SET|P2W" },
  };
  RUN (cases);
}

static void
test_not_dates (void)
{
  static const Case cases[] = {
    /* 000_67bed60a32caf099.txt */
    { "In addition to Georgia and the US, servicemen from 13 NATO countries "
      "and partner states of the alliance will take part in them.",
      NULL, "" },
    { "In total, more than 2,500 military personnel will be involved in the "
      "exercises.",
      NULL, "" },
    { "Azerbaijan bought F-16 jets under Section 7 for $5 billion.", NULL, "" },
    { "Theresa may become PM soon. I may be here.", NULL, "" },
    { "May I ask? Theresa May. May God help us.", NULL, "" },
    { "The Airbus A400M and 24 A320s flew at 10.", NULL, "" },
    /* a season capitalised after a word of a name is part of the name */
    { "He named it Operation Peace Spring, after the Arab Spring.",
      "2019-10-10", "" },
    /* a weekday abbreviation alone needs a word or a day that leads to it */
    { "The Baltimore Sun reported the star is cooler than the Sun; the SAT "
      "is on Sat and Sun, the office open Mon - Fri.",
      "2019-10-07",
      "Sat|DATE|2019-10-05; Sun|DATE|2019-10-06; "
      "Mon - Fri|DATE|2019-10-07|2019-10-11" },
    { "The talks began at 10:30.", "2019-10-07",
      "10:30|TIME|2019-10-07T10:30" },
  };
  RUN (cases);
}

/* Clock times: hours with a part of the day, o'clock, hour ranges, a
 * time after "at" where what follows makes it one. */
static void
test_clock (void)
{
  static const Case cases[] = {
    /* Wikinews, 2019-09-04 */
    { "I mean, it's 3:30 in the morning.", "2019-09-04",
      "3:30 in the morning|TIME|2019-09-04T03:30" },
    { "The ferry left at 11 at night and sank.", "2019-09-04",
      "11 at night|TIME|2019-09-04T23:00" },
    { "We will meet tonight at 8.", "2012-01-01",
      "tonight at 8|TIME|2012-01-01T20:00" },
    { "The bar is open 8 - 11pm.", "2016-10-01",
      "8 - 11pm|TIME|2016-10-01T20:00|2016-10-01T23:00" },
    /* Wikinews, 2020-12-15 */
    { "I went to bed at 1 o'clock and Trump was ahead.", "2020-12-15",
      "1 o'clock|TIME|2020-12-15T01:00" },
    { "The talks resume at 12.30 on Monday.", "2019-09-04",
      "12.30 on Monday|TIME|2019-09-02T12:30" },
    { "The rate grew at 8 percent.", "2019-09-04", "" },
    /* a time alone is on the day named before it in its sentence, else on
     * the reference date */
    { "The 787 made its first test flight Tuesday in Everett, Washington "
      "at 18:00 UTC. It landed at 21:00 UTC.",
      "2009-12-16",
      "Tuesday|DATE|2009-12-15; 18:00 UTC|TIME|2009-12-15T18:00Z; "
      "21:00 UTC|TIME|2009-12-16T21:00Z" },
  };
  RUN (cases);
}

/* Holidays from holidays.txt: fixed, nth weekday, Easter-based; not in
 * names. */
static void
test_holidays (void)
{
  static const Case cases[] = {
    { "Stores close early on Christmas Eve.", "2020-12-01",
      "Christmas Eve|DATE|2020-12-24" },
    { "He spoke on Thanksgiving 2019 and on Good Friday.", "2020-12-01",
      "Thanksgiving 2019|DATE|2019-11-28; Good Friday|DATE|2020-04-10" },
    /* Wikinews, 2019-01-12 */
    { "the large statues that dot the island of Rapa Nui, also called "
      "Easter Island.",
      "2019-01-12", "" },
  };
  RUN (cases);
}

/* Offsets from a written date, the same period last year, the day of the
 * story. */
static void
test_arithmetic (void)
{
  static const Case cases[] = {
    { "The party is 2 days after next Friday.", "2022-02-02",
      "2 days after next Friday|DATE|2022-02-13" },
    { "Due next tuesday +10 days.", "2023-12-29",
      "next tuesday +10 days|DATE|2024-01-12" },
    /* Wikinews, 2019-09-24: after a phrase that is no date, a duration */
    { "On September 13 — two days after the Court of Session ruling — he "
      "said he remained",
      "2019-09-24", "September 13|DATE|2019-09-13; two days|DURATION|P2D" },
    { "Sales rose 5% from the same period last year.", "2020-10-01",
      "the same period last year|DATE|2019-10" },
    { "Sales fell 20% from the same month a year ago.", "2009-02-03",
      "the same month a year ago|DATE|2008-02" },
    /* the month or quarter named just before, a year earlier */
    { "Sales fell 35% in January, compared to the same month a year ago.",
      "2009-02-03",
      "January|DATE|2009-01; the same month a year ago|DATE|2008-01" },
    { "The bank lost $2.2 billion in the third quarter of this year. In the "
      "same period a year earlier, it had gained $704 million.",
      "2009-10-16",
      "the third quarter of this year|DATE|2009-Q3; the same period a year "
      "earlier|DATE|2008-Q3" },
    { "The Dow gained 1.67%, to end the day at 9505.96.", "2009-08-21",
      "the day|DATE|2009-08-21" },
    { "Following a large fall at the start of the day, the Dow rebounded "
      "late in the day after falling 200 points.",
      "2008-10-10",
      "the start of the day|DATE|2008-10-10|EARLY; the day|DATE|2008-10-10" },
    { "We ship it next weekday.", "2024-10-18",
      "next weekday|DATE|2024-10-21" },
    { "After six straight days of losses, stocks rose.", "2019-09-04",
      "six straight days|DURATION|P6D" },
    { "For the past five trading days, stocks have fallen; refunds take 10 "
      "working days.",
      "2011-03-18",
      "the past five trading days|DURATION|P5D; 10 working days|DURATION|P10D" },
    /* months, then days from that day */
    { "Renewal: +2 months, 5 days.", "2016-10-01",
      "2 months, 5 days|DATE|2016-12-06" },
    { "The files were deleted 1d 21 h ago.", "2012-08-10",
      "1d 21 h ago|DATE|PAST_REF" },
    { "Revenue fell last year, and the year previous.", "2010-01-28",
      "last year|DATE|2009; the year previous|DATE|2008" },
    { "The ceasefire began on November 10, 2020. The week after, talks "
      "resumed.",
      NULL, "November 10, 2020|DATE|2020-11-10; The week after|DATE|2020-W47" },
  };
  RUN (cases);
}

/* An impossible date is no date, and none of its parts is one either. */
static void
test_impossible (void)
{
  static const Case cases[] = {
    { "It was filed on February 29, 2014.", NULL, "" },
    { "It was filed on 32 August 2014.", NULL, "" },
    { "It was filed on 2014-02-30.", NULL, "" },
    { "It runs June 10 - 31, 2022.", NULL, "" },
    { "In the second half, the team scored twice.", "2008-03-01", "" },
    { "The hotline is open 24/7 for callers.", "2012-06-01", "" },
    { "The vote is on 8/10.", "2012-06-01", "8/10|DATE|2012-08-10" },
  };
  RUN (cases);
}

/* forward-dates: a month, weekday or time without a date is the next. */
static void
test_forward_option (void)
{
  static const Case fwd[] = {
    { "The meeting was moved to December.", "2023-04-09",
      "December|DATE|2023-12" },
    { "The meeting is on Monday.", "2012-08-09", "Monday|DATE|2012-08-13" },
  };
  static const Case news[] = {
    { "The meeting was moved to December.", "2023-04-09",
      "December|DATE|2022-12" },
  };
  run_cases (pipeline_fwd, fwd, G_N_ELEMENTS (fwd));
  RUN (news);
}

static void
test_no_reference (void)
{
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc, "The drills start on July 26, not today.",
                 NULL);
  g_autofree char *got = describe (doc, TRUE);
  g_assert_cmpstr (got, ==,
                   "July 26|DATE|XXXX-07-26@none; today|DATE|PRESENT_REF@none");
  g_assert_null (weft_doc_get_date (doc));
  weft_doc_free (doc);
}

static void
test_dateline (void)
{
  /* the top of 001_9f58cf50519153e2.txt */
  const char *text = "RUSSIA-AZERBAIJAN CO-OP IN MILITARY SPHERE\n\n-\n\n"
                     "07.10.2019\n\n---\n\nAzerNews (05 October 2019)\n\n"
                     "Relations improved last month.";
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc, text, NULL);
  g_assert_cmpstr (weft_doc_get_date (doc), ==, "2019-10-07");
  g_autofree char *got = describe (doc, TRUE);
  g_assert_cmpstr (got, ==,
                   "07.10.2019|DATE|2019-10-07@none; "
                   "05 October 2019|DATE|2019-10-05@none; "
                   "last month|DATE|2019-09@dct");
  /* a date given with the document wins over the dateline */
  weft_test_run (pipeline, doc, text, "2019-12-01");
  g_assert_cmpstr (weft_doc_get_date (doc), ==, "2019-12-01");
  g_clear_pointer (&got, g_free);
  got = describe (doc, TRUE);
  g_assert_true (g_str_has_suffix (got, "last month|DATE|2019-11@dct"));
  weft_doc_free (doc);
}

/* Slashes and dashes are month-first unless day-first is set; dots are
 * always day-first; an impossible month-first reading is swapped. */
static void
test_day_first_option (void)
{
  static const Case us[] = {
    { "Filed on 8/10/2012.", NULL, "8/10/2012|DATE|2012-08-10" },
    { "Filed on 13/10/2012.", NULL, "13/10/2012|DATE|2012-10-13" },
    { "07.10.2019", NULL, "07.10.2019|DATE|2019-10-07" },
  };
  static const Case gb[] = {
    { "Filed on 8/10/2012.", NULL, "8/10/2012|DATE|2012-10-08" },
    { "07.10.2019", NULL, "07.10.2019|DATE|2019-10-07" },
  };
  run_cases (pipeline, us, G_N_ELEMENTS (us));
  run_cases (pipeline_gb, gb, G_N_ELEMENTS (gb));
}

/* A data directory with one file replaced by @bad; the load error. */
static char *
load_error (const char *bad_file, const char *bad)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("weft-dates-XXXXXX", NULL);
  const char *files[] = { "months.txt", "weekdays.txt", "numbers.txt",
                          "units.txt",  "cues.txt",     "holidays.txt" };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *src = g_build_filename (DATES_DATA_DIR, files[i], NULL);
      g_autofree char *dst = g_build_filename (dir, files[i], NULL);
      g_autofree char *data = NULL;
      g_assert_true (g_file_get_contents (src, &data, NULL, NULL));
      if (strcmp (files[i], bad_file) == 0)
        {
          g_free (data);
          data = g_strdup (bad);
        }
      g_assert_true (g_file_set_contents (dst, data, -1, NULL));
    }
  g_assert_null (dates_state_new (dir, TRUE, FALSE, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_DATA);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *dst = g_build_filename (dir, files[i], NULL);
      g_remove (dst);
    }
  g_rmdir (dir);
  return g_strdup (error->message);
}

static void
test_data_errors (void)
{
  g_autofree char *months
      = load_error ("months.txt", "# months\njanuary 1\nfebruary 13\n");
  g_assert_true (g_str_has_suffix (months, "months.txt:3: month must be 1-12"));
  g_autofree char *holidays
      = load_error ("holidays.txt", "christmas | 12-25\nxmas | 13-25\n");
  g_assert_true (g_str_has_suffix (
      holidays, "holidays.txt:2: date must be MM-DD, MM WEEKDAY N (N 1-5 or "
                "-1) or easter[+-N]"));
  g_autofree char *cues = load_error ("cues.txt", "today DEICTIC today\n"
                                                  "ago AGO BEFORE\n"
                                                  "today AGO BEFORE\n");
  g_assert_true (g_str_has_suffix (
      cues, "cues.txt:3: word listed twice with different cue classes"));
  /* the shared reader: comments after a blank, blank lines counted,
   * UTF-8 checked; the message is "FILE:LINE: why" */
  g_autofree char *comment = load_error (
      "weekdays.txt", "monday 1 # first\n\n  \ntuesday 2#x\n");
  g_assert_true (
      g_str_has_suffix (comment, "/weekdays.txt:4: weekday must be 1-7"));
  g_autofree char *utf8
      = load_error ("holidays.txt", "christmas | 12-25\nno\xc3l | 12-25\n");
  g_assert_true (g_str_has_suffix (utf8, "/holidays.txt:2: invalid UTF-8"));
  g_autofree char *fields
      = load_error ("numbers.txt", "one 1\ntwo 2 ordinal extra\n");
  g_assert_true (g_str_has_suffix (fields, "/numbers.txt:2: too many fields"));
}

/* The text is read one run of tokens around triggers at a time: no token
 * skipped between runs, runs longer than the buffers start with, and
 * expressions held back until the place of a dateline is passed; a long
 * run in windows. */
static void
test_runs (void)
{
  static const Case cases[] = {
    /* the scan tests tokens four at a time: "Wednesday" follows a block
     * that held a candidate ("Ivan's") */
    { "Trapped for over 30 hours. Ivan's condition was on Wednesday "
      "reported to be fine.",
      "2019-01-04", "over 30 hours|DURATION|PT30H|MORE_THAN; "
                    "Wednesday|DATE|2019-01-02" },
  };
  RUN (cases);

  /* one run of 28 dates (more atoms and matches than the buffers start
   * with), the first of them the dateline "Yesterday" waits for, and an
   * expression after the dateline's place */
  GString *text = g_string_new ("Yesterday, on ");
  GString *expected = g_string_new ("Yesterday|DATE|2019-09-30");
  for (int d = 1; d <= 28; d++)
    {
      g_string_append_printf (text, "%d October 2019, ", d);
      g_string_append_printf (expected, "; %d October 2019|DATE|2019-10-%02d",
                              d, d);
    }
  for (int k = 0; k < 30; k++)
    g_string_append (text, "words words ");
  g_string_append (text, "and last month.");
  g_string_append (expected, "; last month|DATE|2019-09");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc, text->str, NULL);
  g_assert_cmpstr (weft_doc_get_date (doc), ==, "2019-10-01");
  g_autofree char *got = describe (doc, FALSE);
  g_assert_cmpstr (got, ==, expected->str);
  g_string_free (text, TRUE);
  g_string_free (expected, TRUE);

  /* one run of 18,000 atoms comes in windows of ATOMS_WINDOW: the ranges
   * across a window's end are read whole, once */
  text = g_string_new (NULL);
  expected = g_string_new (NULL);
  for (int k = 0; k < 3000; k++)
    {
      g_string_append (text, "May 5 to May 6, ");
      g_string_append (expected, k ? "; " : "");
      g_string_append (expected, "May 5 to May 6|DATE|2019-05-05|2019-05-06");
    }
  weft_test_run (pipeline, doc, text->str, "2019-01-04");
  g_clear_pointer (&got, g_free);
  got = describe (doc, FALSE);
  g_assert_cmpstr (got, ==, expected->str);
  weft_doc_free (doc);
  g_string_free (text, TRUE);
  g_string_free (expected, TRUE);
}

/* The trigger scan reads 16 bytes from each token's start and hashes a
 * word's first eight bytes: triggers longer than eight bytes, a hyphen
 * inside a token, single digits, and triggers in the last 16 bytes of the
 * text (tested on a copy of them) are all found. */
static void
test_scan_edges (void)
{
  static const Case cases[] = {
    { "Sales rose yesterday, in mid-September and on Thanksgiving, at 5 "
      "pm. It ended on May 5",
      "2019-01-04", "yesterday|DATE|2019-01-03; mid-September|DATE|2018-09|MID; "
                    "Thanksgiving|DATE|2018-11-22; 5 pm|TIME|2019-01-03T17:00; "
                    "May 5|DATE|2018-05-05" },
    { "Wednesday-Thursday, 2 weeks", "2019-01-04",
      "Wednesday-Thursday|DATE|2019-01-02|2019-01-03; 2 weeks|DURATION|P2W" },
    { "Counterrevolutionaries met 7", "2019-01-04", "" },
    /* tokens of two or three bytes pass the scan by a digit only ("'80"),
     * not by an apostrophe ("'s", "n't"); the text's last 16 bytes are
     * tested on a copy */
    { "Back in the '90s and in '80 they met, and talked for a long while.",
      "2019-01-04", "'90s|DATE|199; '80|DATE|1980" },
    { "They met in '19", "2019-01-04", "'19|DATE|2019" },
    { "It's 12 o'clock, isn't it? At 7", "2019-01-04",
      "12 o'clock|TIME|2019-01-04T12:00; 7|TIME|2019-01-04T07:00" },
  };
  RUN (cases);
}

/* The matcher tries only atoms the cutter marked as able to start an
 * expression: numbers (not quantities such as "2,500"), apostrophes,
 * straight or curly ("'90s", "’19"), and words that may start one, also
 * inside a token ("twenty-four"); prepositions and punctuation are
 * passed over. */
static void
test_start_atoms (void)
{
  static const Case cases[] = {
    { "Back in the ’90s, prices rose.", "2019-01-04", "’90s|DATE|199" },
    { "It lasted twenty-four hours and 2,500 days.", "2019-01-04",
      "twenty-four hours|DURATION|PT24H" },
    { "They met on the 2nd; ’19 was good.", "2019-01-04", "’19|DATE|2019" },
    { "In the 80s and in ‘the 1990s’ they met", "2019-01-04",
      "the 80s|DATE|198; the 1990s|DATE|199" },
  };
  RUN (cases);
}

/* The month-name, numeric and clock rules are read only at a number, an
 * apostrophe or a word that names a month, weekday, holiday, number,
 * quarter, half, season, noon or midnight; a partial range ("8 to 11
 * May") only at a number or a number word; the relative rules only at a
 * number or a deictic, this/last/next, "same", "future", weekday, unit,
 * number, "half" or "few" word.  Each of those still starts its
 * expression, and "the", "last", "about" still start theirs. */
static void
test_rule_starts (void)
{
  static const Case cases[] = {
    { "They met from Eighth to eleventh May 2010 and at noon.", "2019-01-04",
      "Eighth to eleventh May 2010|DATE|2010-05-08|2010-05-11; "
      "noon|TIME|2010-05-08T12:00" },
    { "Sales in H1 2020 beat the last quarter, about five years ago.",
      "2019-01-04",
      "H1 2020|DATE|2020-H1; the last quarter|DATE|2018-Q4; "
      "about five years ago|DATE|2014|APPROX" },
    { "On Friday, January 4, 2019 the first of the twenty-two rallies began.",
      "2019-01-04", "Friday, January 4, 2019|DATE|2019-01-04" },
    { "The third-quarter results came in the fall, before Christmas Eve.",
      "2019-01-04",
      "The third-quarter|DATE|2018-Q3; the fall|DATE|2018-FA; "
      "Christmas Eve|DATE|2018-12-24" },
    { "The day before yesterday, a few days ago and half an hour later "
      "they met again.",
      "2019-01-04",
      "The day before yesterday|DATE|2019-01-02; "
      "a few days ago|DATE|PAST_REF; half an hour later|DATE|FUTURE_REF" },
    { "They spoke the same day, then next week, and about the future.",
      "2019-01-04",
      "the same day|DATE|2019-01-04; next week|DATE|2019-W02; "
      "the future|DATE|FUTURE_REF" },
  };
  RUN (cases);
}

/* Long repetitions stay linear: each "1d" of a chain used to read the
 * chain to its end: 200,000 of them took 80 s, now milliseconds.  The last "1d" is no
 * chain: a lone "d" is a unit only in a chain or before "ago". */
static void
test_long_chains (void)
{
  GString *text = g_string_new (NULL);
  for (int k = 0; k < 200000; k++)
    g_string_append (text, "1d ");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (pipeline, doc, text->str, "2019-01-04");
  WeftLayer *layer = weft_doc_get_layer (doc, "dates");
  g_assert_cmpuint (weft_layer_get_n_spans (layer), ==, 199999);
  uint32_t s, e;
  weft_layer_get_span (layer, 199998, &s, &e);
  g_assert_cmpuint (s, ==, 3 * 199998);
  g_assert_cmpuint (e, ==, 3 * 199998 + 2);
  weft_doc_free (doc);
  g_string_free (text, TRUE);
}

static void
test_calendar (void)
{
  int y, m, d;
  g_assert_cmpint (days_from_civil (1970, 1, 1), ==, 0);
  civil_from_days (days_from_civil (2020, 2, 29) + 1, &y, &m, &d);
  g_assert_cmpint (m * 100 + d, ==, 301);
  g_assert_cmpint (iso_weekday (2019, 10, 7), ==, 1);
  g_assert_cmpint (days_in_month (2100, 2), ==, 28);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  pipeline = weft_test_pipeline ("stages:\n  - plugin: tokenizer\n"
                                 "  - plugin: dates\n");
  pipeline_gb = weft_test_pipeline ("stages:\n  - plugin: tokenizer\n"
                                    "  - plugin: dates\n    options:\n"
                                    "      day-first: true\n");
  pipeline_fwd = weft_test_pipeline ("stages:\n  - plugin: tokenizer\n"
                                     "  - plugin: dates\n    options:\n"
                                     "      forward-dates: true\n");
  g_test_add_func ("/dates/absolute/day-month-year",
                   test_absolute_day_month_year);
  g_test_add_func ("/dates/absolute/coarse", test_absolute_coarse);
  g_test_add_func ("/dates/ranges", test_ranges);
  g_test_add_func ("/dates/context-year", test_context_year);
  g_test_add_func ("/dates/relative", test_relative);
  g_test_add_func ("/dates/durations-sets", test_durations_sets);
  g_test_add_func ("/dates/not-dates", test_not_dates);
  g_test_add_func ("/dates/clock", test_clock);
  g_test_add_func ("/dates/holidays", test_holidays);
  g_test_add_func ("/dates/arithmetic", test_arithmetic);
  g_test_add_func ("/dates/impossible", test_impossible);
  g_test_add_func ("/dates/option/forward-dates", test_forward_option);
  g_test_add_func ("/dates/reference/none", test_no_reference);
  g_test_add_func ("/dates/reference/dateline", test_dateline);
  g_test_add_func ("/dates/option/day-first", test_day_first_option);
  g_test_add_func ("/dates/data/errors", test_data_errors);
  g_test_add_func ("/dates/calendar", test_calendar);
  g_test_add_func ("/dates/runs", test_runs);
  g_test_add_func ("/dates/scan-edges", test_scan_edges);
  g_test_add_func ("/dates/start-atoms", test_start_atoms);
  g_test_add_func ("/dates/rule-starts", test_rule_starts);
  g_test_add_func ("/dates/long-chains", test_long_chains);
  int status = g_test_run ();
  weft_pipeline_free (pipeline);
  weft_pipeline_free (pipeline_gb);
  weft_pipeline_free (pipeline_fwd);
  return status;
}
