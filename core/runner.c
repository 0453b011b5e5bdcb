/* weft — the runner.  One thread: read, process, write, reset, repeat.
 * With -j N: the calling thread reads, N workers each run the whole chain
 * on their own WeftDoc, render the record and write the records that are
 * next in input order.  At most 16 N documents (and 64 MB of text) are in
 * flight, so memory is bounded by the queue, never by the corpus. */
#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "doc-private.h"
#include "isolate.h"
#include "json.h"
#include "reader.h"
#include "report.h"
#include "writer.h"

typedef struct {
  guint64 seq;
  gsize bytes; /* of the text, counted while in flight */
  WeftRawDoc *raw;
  GString *out;
  gboolean failed;
} Job;

typedef struct {
  WeftPipeline *pipeline;
  const WeftRunConfig *config;
  const char *const *layers;
  WeftOutputFormat format;
  WeftReport *report; /* HTML: the overview's aggregates */
  FILE *out;
  gboolean write_failed;
  int write_errno;
  /* threaded mode */
  GAsyncQueue *todo;  /* Job*; the Run itself ends a worker */
  GMutex lock;        /* guards what follows, the output and the stats */
  GCond slot_free;
  guint in_flight;
  guint max_in_flight;
  guint64 bytes_in_flight; /* of their texts */
  gboolean reader_waiting;
  GQueue pending;     /* rendered Job*s waiting for their turn, by seq */
  guint64 next_seq;   /* the next record to write */
  WeftRunStats *stats;
  WeftReader *reader;
  gint64 started;
  gint64 last_progress;
  guint64 total_bytes;     /* of the inputs, when all are files; else 0 */
  gboolean progress;       /* a bar is wanted and has a line of its own */
  gboolean progress_shown; /* the bar is on screen and must be cleared */
  gint stop; /* atomic: set when max_errors is reached */
  gboolean stream; /* inline JSONL: records go out in pieces as they grow */
  GString *batch;  /* inline JSONL: the records not yet written, in order */
} Run;

/* The batch is written once it holds this much (and a record in the
 * middle of it, by the writer's flushes, at 1 MB). */
#define BATCH_BYTES (256 * 1024)

static void put (Run *run, const GString *s);

/* Writes what a growing record holds so far (inline runs only, where the
 * record being written is always the next one out). */
static void
flush_record (GString *out, gpointer data)
{
  put (data, out);
  g_string_truncate (out, 0);
}

/* Replaces each byte that does not start valid UTF-8 (and each NUL) with
 * U+FFFD.  Returns: (transfer full). */
static char *
make_valid (const char *text, gsize len, gsize *out_len)
{
  GString *s = g_string_sized_new (len + 16);
  gsize pos = 0;
  while (pos < len)
    {
      const char *end;
      gboolean ok = g_utf8_validate_len (text + pos, len - pos, &end);
      g_string_append_len (s, text + pos, end - (text + pos));
      if (ok)
        break;
      g_string_append (s, "\xEF\xBF\xBD");
      pos = end - text + 1;
    }
  *out_len = s->len;
  return g_string_free (s, FALSE);
}

/* Fills @doc from @raw, runs the pipeline and appends the record (or an
 * error record) to @out.  Returns whether the document failed. */
static gboolean
render_doc (Run *run, WeftDoc *doc, WeftRawDoc *raw, GString *out)
{
  GError *error = NULL;
  const char *stage = "input";
  weft_doc_reset (doc);
  if (raw->error)
    {
      weft_write_error (out, run->format, raw->id, raw->source, stage,
                        raw->error);
      return TRUE;
    }
  weft_doc_set_id (doc, raw->id);
  weft_doc_set_source (doc, raw->source);
  const char *date = raw->date ? raw->date : run->config->date;
  if (date)
    weft_doc_set_date (doc, date);
  for (guint i = 0; raw->meta && i < raw->meta->len; i++)
    {
      const WeftJsonMember *m = g_ptr_array_index (raw->meta, i);
      weft_doc_add_meta (doc, m->key, m->raw, m->string);
    }
  if (run->config->replace_invalid
      && !g_utf8_validate_len (raw->text, raw->len, NULL))
    {
      gsize len;
      char *valid = make_valid (raw->text, raw->len, &len);
      g_free (raw->text);
      raw->text = valid;
      raw->len = len;
    }
  gboolean ok = weft_doc_take_text (doc, raw->text, raw->len, &error);
  if (ok)
    raw->text = NULL; /* the document's now */
  else
    g_clear_pointer (&raw->text, g_free);
  if (ok && weft_pipeline_process (run->pipeline, doc, &stage, &error))
    {
      weft_write_record (out, run->format, doc, run->layers,
                         run->stream ? flush_record : NULL, run);
      return FALSE;
    }
  g_autofree char *message = g_strdup_printf (
      "%s%s%s", strcmp (stage, "input") == 0 ? raw->source : "",
      strcmp (stage, "input") == 0 ? ": " : "", error->message);
  weft_write_error (out, run->format, raw->id, raw->source, stage, message);
  g_error_free (error);
  return TRUE;
}

static void
process_job (Run *run, WeftDoc *doc, Job *job)
{
  job->out = run->batch ? run->batch : g_string_sized_new (4096);
  job->failed = render_doc (run, doc, job->raw, job->out);
  weft_raw_doc_free (g_steal_pointer (&job->raw));
}

/* The terminal's width, for the bar; 80 when unknown. */
static guint
stderr_columns (void)
{
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
    return MIN (ws.ws_col, 200);
  return 80;
}

/* Sizes the inputs when every one is a regular file, so JSONL runs (whose
 * document count is unknown until the end) can show a fraction done. */
static guint64
inputs_size (const char *const *inputs)
{
  guint64 total = 0;
  for (guint i = 0; inputs && inputs[i]; i++)
    {
      GStatBuf st;
      if (strcmp (inputs[i], "-") == 0 || g_stat (inputs[i], &st) != 0
          || !S_ISREG (st.st_mode))
        return 0;
      total += st.st_size;
    }
  return inputs && inputs[0] ? total : 0;
}

/* A progress bar on stderr, redrawn at most 10 times a second once the run
 * takes longer than a second: documents done (of the total, when known),
 * throughput and elapsed time.  The final call clears it. */
static void
show_progress (Run *run, gboolean final)
{
  if (!run->progress)
    return;
  if (final)
    {
      if (run->progress_shown)
        fputs ("\r\033[K", stderr);
      fflush (stderr);
      return;
    }
  gint64 now = g_get_monotonic_time ();
  double seconds = (now - run->started) / 1e6;
  if (seconds < 1.0 || now - run->last_progress < 100000)
    return;
  run->last_progress = now;
  run->progress_shown = TRUE;
  guint64 done = run->stats->documents;
  guint64 bytes = weft_reader_get_bytes (run->reader);
  double fraction = -1;
  g_autofree char *count = NULL;
  if (!run->config->input_jsonl)
    {
      guint files = weft_reader_get_n_files (run->reader);
      count = g_strdup_printf ("%" G_GUINT64_FORMAT "/%u docs", done, files);
      fraction = files ? (double) done / files : -1;
    }
  else
    {
      count = g_strdup_printf ("%" G_GUINT64_FORMAT " docs", done);
      if (run->total_bytes)
        fraction = (double) bytes / run->total_bytes;
    }
  guint elapsed = (guint) seconds;
  g_autofree char *tail = g_strdup_printf (
      "  %s  %.1f MB/s  %u:%02u", count, seconds > 0 ? bytes / 1e6 / seconds : 0,
      elapsed / 60, elapsed % 60);
  GString *line = g_string_new ("\rweft ");
  if (fraction >= 0)
    {
      fraction = CLAMP (fraction, 0, 1);
      guint columns = stderr_columns ();
      guint width = columns > strlen (tail) + 18 ? columns - strlen (tail) - 18
                                                 : 10;
      width = MIN (width, 40);
      guint filled = (guint) (fraction * width);
      g_string_append_c (line, '[');
      for (guint i = 0; i < width; i++)
        g_string_append_c (line, i < filled ? '#' : '.');
      g_string_append_printf (line, "] %3u%%", (guint) (fraction * 100));
    }
  g_string_append (line, tail);
  g_string_append (line, "\033[K");
  fputs (line->str, stderr);
  fflush (stderr);
  g_string_free (line, TRUE);
}

/* Whether max_errors was reached: later records are not written, and no
 * more documents are read. */
static gboolean
stopping (Run *run)
{
  return run->config->max_errors
         && run->stats->failed >= run->config->max_errors;
}

/* Keeps the first write error: the one reported. */
static void
note_write_error (Run *run)
{
  if (run->write_failed)
    return;
  run->write_failed = TRUE;
  run->write_errno = errno;
}

/* A piece this large skips stdio's buffer: copying it there first would
 * cost a pass over every byte of the output. */
#define DIRECT_BYTES (64 * 1024)

static void
put (Run *run, const GString *s)
{
  if (run->write_failed)
    return;
  if (s->len < DIRECT_BYTES)
    {
      if (fwrite (s->str, 1, s->len, run->out) != s->len)
        note_write_error (run);
      return;
    }
  if (fflush (run->out) != 0)
    {
      note_write_error (run);
      return;
    }
  int fd = fileno (run->out);
  for (gsize done = 0; done < s->len;)
    {
      gssize n = write (fd, s->str + done, s->len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          note_write_error (run);
          return;
        }
      done += (gsize) n;
    }
}

static void
emit (Run *run, Job *job)
{
  if (stopping (run))
    {
      /* never the batch: an inline run reads nothing once stopping */
      g_string_free (job->out, TRUE);
      weft_raw_doc_free (job->raw);
      g_free (job);
      return;
    }
  run->stats->documents++;
  if (job->failed)
    run->stats->failed++;
  if (stopping (run))
    g_atomic_int_set (&run->stop, 1);
  if (run->report)
    weft_report_add (run->report, job->out);
  if (job->out != run->batch)
    {
      put (run, job->out);
      g_string_free (job->out, TRUE);
    }
  else if (run->batch->len >= BATCH_BYTES)
    flush_record (run->batch, run);
  weft_raw_doc_free (job->raw);
  g_free (job);
  show_progress (run, FALSE);
}

static gint
compare_jobs (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  guint64 x = ((const Job *) a)->seq, y = ((const Job *) b)->seq;
  return x < y ? -1 : x > y;
}

/* The documents in flight with -j N: at most 16 N of them and 64 MB of
 * text, so memory does not grow with the corpus.  The reader, once stopped
 * by either bound, waits until the queue is down to a quarter: it then
 * reads documents in bursts, not one wake-up each. */
#define MAX_BYTES_IN_FLIGHT (64u << 20)

static gboolean
queue_full (const Run *run)
{
  return run->in_flight >= run->max_in_flight
         || run->bytes_in_flight >= MAX_BYTES_IN_FLIGHT;
}

static gboolean
queue_low (const Run *run)
{
  return run->in_flight <= run->max_in_flight / 4
         && run->bytes_in_flight <= MAX_BYTES_IN_FLIGHT / 4;
}

/* Each worker renders its documents, then, holding the lock, writes every
 * finished record that is next in input order: no writer thread to wake
 * per document.  Records that finish early wait in a sorted queue (at most
 * max_in_flight of them). */
static gpointer
worker_main (gpointer data)
{
  Run *run = data;
  WeftDoc *doc = weft_doc_new ();
  Job *job;
  while ((job = g_async_queue_pop (run->todo)) != (Job *) run)
    {
      process_job (run, doc, job);
      g_mutex_lock (&run->lock);
      g_queue_insert_sorted (&run->pending, job, compare_jobs, NULL);
      while (!g_queue_is_empty (&run->pending)
             && ((Job *) g_queue_peek_head (&run->pending))->seq == run->next_seq)
        {
          Job *next = g_queue_pop_head (&run->pending);
          run->in_flight--;
          run->bytes_in_flight -= next->bytes;
          emit (run, next);
          run->next_seq++;
          if (run->reader_waiting && queue_low (run))
            g_cond_signal (&run->slot_free);
        }
      g_mutex_unlock (&run->lock);
    }
  weft_doc_free (doc);
  return NULL;
}

static void
run_threaded (Run *run)
{
  guint jobs = run->config->jobs;
  run->todo = g_async_queue_new ();
  run->max_in_flight = 16 * jobs;
  g_mutex_init (&run->lock);
  g_cond_init (&run->slot_free);
  GThread **workers = g_new (GThread *, jobs);
  for (guint i = 0; i < jobs; i++)
    workers[i] = g_thread_new ("weft-worker", worker_main, run);

  guint64 seq = 0;
  WeftRawDoc *raw;
  while (!g_atomic_int_get (&run->stop) && (raw = weft_reader_next (run->reader)))
    {
      Job *job = g_new0 (Job, 1);
      job->seq = seq++;
      job->raw = raw;
      job->bytes = raw->len;
      g_mutex_lock (&run->lock);
      if (queue_full (run))
        {
          run->reader_waiting = TRUE;
          while (!queue_low (run))
            g_cond_wait (&run->slot_free, &run->lock);
          run->reader_waiting = FALSE;
        }
      run->in_flight++;
      run->bytes_in_flight += job->bytes;
      g_mutex_unlock (&run->lock);
      g_async_queue_push (run->todo, job);
    }
  for (guint i = 0; i < jobs; i++)
    g_async_queue_push (run->todo, run);
  for (guint i = 0; i < jobs; i++)
    g_thread_join (workers[i]);
  g_assert (g_queue_is_empty (&run->pending));
  g_free (workers);
  g_async_queue_unref (run->todo);
  g_mutex_clear (&run->lock);
  g_cond_clear (&run->slot_free);
}

/* The child side of --isolate: each worker process keeps one document. */
static void
render_isolated (gpointer data, WeftRawDoc *raw, WeftIsolateResult *result)
{
  static WeftDoc *doc;
  if (!doc)
    doc = weft_doc_new ();
  result->failed = render_doc (data, doc, raw, result->out);
}

/* --isolate: this process only reads and writes; documents run in forked
 * workers (no threads here, so forking stays safe). */
static gboolean
run_isolated (Run *run, GError **error)
{
  WeftIsolate *isolate = weft_isolate_new (run->config->jobs,
                                           run->config->timeout_ms,
                                           render_isolated, run, error);
  if (!isolate)
    return FALSE;
  GQueue pending = G_QUEUE_INIT;
  guint64 seq = 0, next = 0;
  gboolean reading = TRUE;
  for (;;)
    {
      while (reading && !run->stop && weft_isolate_has_free_worker (isolate))
        {
          WeftRawDoc *raw = weft_reader_next (run->reader);
          if (!raw)
            reading = FALSE;
          else
            weft_isolate_submit (isolate, seq++, raw);
        }
      Job *job = g_new0 (Job, 1);
      WeftIsolateResult result;
      if (!weft_isolate_collect (isolate, run->format, &job->seq, &result))
        {
          g_free (job);
          if (reading && !run->stop)
            {
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO,
                           "--isolate: no worker process could be started");
              weft_isolate_free (isolate);
              return FALSE;
            }
          break;
        }
      job->out = result.out;
      job->failed = result.failed;
      g_queue_insert_sorted (&pending, job, compare_jobs, NULL);
      while (!g_queue_is_empty (&pending)
             && ((Job *) g_queue_peek_head (&pending))->seq == next)
        {
          emit (run, g_queue_pop_head (&pending));
          next++;
        }
    }
  weft_isolate_free (isolate);
  return TRUE;
}

static void
run_inline (Run *run)
{
  WeftDoc *doc = weft_doc_new ();
  run->stream = run->format == WEFT_FORMAT_JSONL && !run->report;
  if (run->stream)
    run->batch = g_string_sized_new (BATCH_BYTES + BATCH_BYTES / 4);
  WeftRawDoc *raw;
  while (!run->stop && (raw = weft_reader_next (run->reader)))
    {
      Job *job = g_new0 (Job, 1);
      job->raw = raw;
      process_job (run, doc, job);
      emit (run, job);
    }
  if (run->batch)
    {
      flush_record (run->batch, run);
      g_string_free (g_steal_pointer (&run->batch), TRUE);
    }
  weft_doc_free (doc);
}

/* Opens -o @path.  A regular file (or a new one) is written beside it as
 * *@tmp_path and renamed over *@final_path at the end: it is then whole or
 * absent, never half-written.  *@final_path is @path with symbolic links
 * resolved, so a link keeps pointing where it did; an existing file keeps
 * its mode, a new one gets the umask's.  Anything else (/dev/null, a FIFO,
 * a terminal) is written directly: renaming over it would replace the
 * device.  Returns NULL with errno set on failure. */
static FILE *
open_output (const char *path, char **tmp_path, char **final_path)
{
  struct stat st;
  gboolean exists = g_stat (path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    return fopen (path, "w");
  if (exists)
    {
      char *real = realpath (path, NULL);
      if (!real)
        return NULL;
      *final_path = g_strdup (real);
      free (real);
    }
  else
    *final_path = g_strdup (path);
  *tmp_path = g_strdup_printf ("%s.XXXXXX", *final_path);
  int fd = g_mkstemp_full (*tmp_path, O_WRONLY, 0666); /* the umask applies */
  if (fd >= 0 && exists && fchmod (fd, st.st_mode & 07777) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (*tmp_path);
      fd = -1;
      errno = saved;
    }
  FILE *out = fd < 0 ? NULL : fdopen (fd, "w");
  if (!out)
    {
      int saved = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (*tmp_path);
        }
      g_clear_pointer (tmp_path, g_free);
      errno = saved;
    }
  return out;
}

gboolean
weft_run (WeftPipeline *pipeline, const WeftRunConfig *config,
          const char *const *inputs, WeftRunStats *stats, GError **error)
{
  WeftRunStats local_stats = { 0 };
  if (!stats)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);
  Run run = { .pipeline = pipeline, .config = config, .stats = stats };
  run.layers = config->layers ? config->layers
                              : weft_pipeline_get_output_layers (pipeline);
  run.format = config->format;
  weft_pipeline_set_release_tokens (
      pipeline, !weft_writer_reads_tokens (run.format, run.layers));
  run.reader = weft_reader_new (inputs, config->input_jsonl ? WEFT_INPUT_JSONL
                                                            : WEFT_INPUT_TEXT,
                                error);
  if (!run.reader)
    return FALSE;

  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  if (config->output)
    {
      if (!(run.out = open_output (config->output, &tmp_path, &final_path)))
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s: %s",
                       config->output, g_strerror (errno));
          weft_reader_free (run.reader);
          return FALSE;
        }
    }
  else
    run.out = stdout;
  static char buffer[1 << 20];
  setvbuf (run.out, buffer, _IOFBF, sizeof buffer);

  if (run.format == WEFT_FORMAT_HTML)
    {
      run.report = weft_report_new (weft_pipeline_get_name (pipeline));
      GString *head = g_string_new (NULL);
      weft_report_begin (run.report, head);
      put (&run, head);
      g_string_free (head, TRUE);
      fflush (run.out); /* not left in a buffer that --isolate's fork copies */
    }
  /* records going to the same terminal would run into the bar's line */
  run.progress = config->progress
                 && (config->output || !isatty (STDOUT_FILENO));
  if (run.progress)
    run.total_bytes = inputs_size (inputs);
  run.started = g_get_monotonic_time ();
  gboolean ran = TRUE;
  if (config->isolate)
    ran = run_isolated (&run, error);
  else if (config->jobs > 1)
    run_threaded (&run);
  else
    run_inline (&run);
  stats->bytes = weft_reader_get_bytes (run.reader);
  stats->stopped = run.stop != 0;
  stats->seconds = (g_get_monotonic_time () - run.started) / 1e6;
  show_progress (&run, TRUE);
  weft_reader_free (run.reader);
  if (run.report)
    {
      GString *tail = g_string_new (NULL);
      weft_report_end (run.report, tail);
      put (&run, tail);
      g_string_free (tail, TRUE);
      weft_report_free (run.report);
    }

  if (fflush (run.out) != 0)
    note_write_error (&run);
  if (config->output)
    {
      if (fclose (run.out) != 0)
        note_write_error (&run);
      if (tmp_path && !run.write_failed && rename (tmp_path, final_path) != 0)
        note_write_error (&run);
      if (tmp_path && run.write_failed)
        g_unlink (tmp_path);
    }
  else
    setvbuf (stdout, NULL, _IOLBF, 0);
  if (!ran)
    {
      if (tmp_path)
        g_unlink (tmp_path);
      return FALSE;
    }
  if (run.write_failed)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "writing %s: %s",
                   config->output ? config->output : "standard output",
                   g_strerror (run.write_errno));
      return FALSE;
    }
  return TRUE;
}
