/* weft — output for people: the text summary (report-text.c), the HTML
 * article (report-html.c) and the corpus overview around the articles
 * (report-corpus.c).  Internal to libweft.
 *
 * Articles are rendered by the workers, in any order; the overview is built
 * by the writer in input order from a few lines of summary that each HTML
 * record carries in front of its article (cut off before it is written), so
 * the report's memory is bounded by aggregates, not by the corpus, and the
 * same path works with -j and with --isolate. */
#pragma once

#include "weft/doc.h"

/* ---- shared helpers (report-html.c) ----------------------------------- */

/* Appends @len bytes of @s (all of it when @len < 0) escaped for HTML text
 * or a double-quoted attribute value.  Control characters, NULs and
 * invalid UTF-8 become U+FFFD. */
void weft_html_append_escaped (GString *out, const char *s, gssize len);
/* VADER's reading of a compound score: "positive" (>= 0.05), "negative"
 * (<= -0.05) or "neutral".  Static. */
const char *weft_tone_word (double compound);
/* The tint bucket of a compound score for CSS classes: "n2", "n1", "z",
 * "p1" or "p2".  Static. */
const char *weft_tone_class (double compound);
/* Fills @buf with a signed score, "+0.44", "-0.07", "0.00".  Returns @buf. */
const char *weft_tone_format (char buf[16], double compound);

/* ---- what the reports read from a document (report-view.c) ------------ */

/* The layers a report knows, found by name, with their field handles (-1
 * when the layer lacks the field), and each quote's tone.  A layer not
 * chosen by --layers, or absent, is NULL. */
typedef struct
{
  WeftDoc *doc;
  const WeftLayer *dates;
  int date_type, date_value, date_end_value, date_mod;
  const WeftLayer *quotes;
  int quote_kind, quote_cue, quote_speaker, quote_speaker_span;
  const WeftLayer *sentiment;
  int sent_scope, sent_compound;
  double *quote_tone; /* per quote span, NAN when unknown; arena memory */
  gboolean has_tone;  /* doc.sentiment.compound is set */
  double tone;
  guint n_quotes;            /* quotes that are not terms (kind "term") */
  guint n_sentence_tones[5]; /* sentences per tone bucket, n2 … p2 */
} WeftReportView;

void weft_report_view_init (WeftReportView *view, WeftDoc *doc,
                            const char *const *layers);
/* Borrowed: a string field of @layer, or NULL when unset or @field < 0. */
const char *weft_report_view_string (const WeftLayer *layer, guint span,
                                     int field);
/* Whether quote @i is a quoted term (a name, a title, scare quotes). */
gboolean weft_report_view_is_term (const WeftReportView *view, guint i);
/* Borrowed: the document's title (metadata "title"), else its id. */
const char *weft_report_doc_label (WeftDoc *doc);
/* The tone bucket index 0..4 (n2, n1, z, p1, p2) of a compound score. */
guint weft_tone_bucket (double compound);

/* ---- per document ------------------------------------------------------ */

/* Appends @doc's readable summary: header, tone, dates, a quotes table, and
 * a generic listing of any layer the summary does not know. */
void weft_report_text_write (GString *out, WeftDoc *doc,
                             const char *const *layers);
void weft_report_text_write_error (GString *out, const char *id,
                                   const char *source, const char *stage,
                                   const char *message);

/* Appends @doc's HTML record: its summary lines, a NUL, then the inside of
 * its <article> (header and marked-up text).  weft_report_add() turns it
 * into the article.  The summary lines, tab-separated, strings without
 * tabs or newlines:
 *   D <sentences> <tone|""> <date|""> <dates> <quotes> <title or id>
 *   E <id>                      (instead of D, for an error record)
 *   Q <speaker|""> <tone|"">    (one per quote that is not a term)
 *   V <value>                   (one per date whose value starts with a
 *                               digit: not durations, sets, PAST_REF) */
void weft_report_html_write (GString *out, WeftDoc *doc,
                             const char *const *layers);
void weft_report_html_write_error (GString *out, const char *id,
                                   const char *source, const char *stage,
                                   const char *message);
/* The summary lines and their NUL (report-summary.c). */
void weft_report_summary_append (GString *out, const WeftReportView *view);
void weft_report_summary_append_error (GString *out, const char *id);

/* ---- the corpus overview (report-corpus.c) ----------------------------- */

typedef struct _WeftReport WeftReport;

/* Returns: (transfer full) an empty report for @pipeline_name (borrowed
 * only during the call); free with weft_report_free(). */
WeftReport *weft_report_new (const char *pipeline_name);
/* Appends the start of the HTML file (head, style, the articles' folder). */
void weft_report_begin (WeftReport *report, GString *out);
/* Takes one HTML record in input order: adds its summary to the aggregates
 * and rewrites @record in place into the <article> to write. */
void weft_report_add (WeftReport *report, GString *record);
/* Appends the overview (speakers, timeline, tone per document, legend) and
 * the end of the file; CSS shows the overview first. */
void weft_report_end (WeftReport *report, GString *out);
void weft_report_free (WeftReport *report);

/* The dates of the overview (report-dates.c). */
typedef struct _WeftDateStats WeftDateStats;

/* Returns: (transfer full); free with weft_date_stats_free(). */
WeftDateStats *weft_date_stats_new (void);
void weft_date_stats_free (WeftDateStats *stats);
/* Counts one mention of the date @value in document number @doc (from 1,
 * in input order). */
void weft_date_stats_add (WeftDateStats *stats, const char *value, guint64 doc);
/* Appends the "Dates mentioned" panel: a bar chart by month and the values
 * mentioned most; @n_dates counts every date, for the note. */
void weft_date_stats_append_panel (WeftDateStats *stats, guint64 n_dates,
                                   GString *out);

/* The style sheet (report-style.c), in pieces (C limits a literal's
 * length), NULL-terminated. */
extern const char *const weft_report_css[];
