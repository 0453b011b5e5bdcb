/* weft — process isolation.  Each worker is a child forked after the
 * pipeline's init, talking over a socket pair: the parent sends one
 * document, the child sends back its rendered record.  A child that dies or
 * overruns its time limit is killed and replaced, and its document becomes
 * an error record.  Sockets rather than pipes, so that writing to a dead
 * child is an error (MSG_NOSIGNAL) and not a SIGPIPE. */
#include "isolate.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "json.h"
#include "weft/plugin.h"

typedef struct {
  pid_t pid;
  int fd;
  gboolean busy;
  guint64 seq;
  char *id, *source;  /* of the document in flight, for an error record */
  gint64 deadline;    /* monotonic µs; 0: none */
} Worker;

struct _WeftIsolate {
  Worker *workers;
  guint n_workers;
  guint timeout_ms;
  WeftIsolateFunc func;
  gpointer data;
};

/* ---- framing ------------------------------------------------------------- */

static gboolean
send_all (int fd, const void *buf, gsize len)
{
  const char *p = buf;
  while (len)
    {
      ssize_t n = send (fd, p, len, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
recv_all (int fd, void *buf, gsize len)
{
  char *p = buf;
  while (len)
    {
      ssize_t n = recv (fd, p, len, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static void
put_string (GString *frame, const char *s, gsize len)
{
  guint32 n = s ? (guint32) len : G_MAXUINT32;
  g_string_append_len (frame, (const char *) &n, sizeof n);
  if (s)
    g_string_append_len (frame, s, len);
}

static void
put_cstring (GString *frame, const char *s)
{
  put_string (frame, s, s ? strlen (s) : 0);
}

static gboolean
get_string (const char **p, const char *end, char **out, gsize *len)
{
  guint32 n;
  if (end - *p < (gssize) sizeof n)
    return FALSE;
  memcpy (&n, *p, sizeof n);
  *p += sizeof n;
  if (n == G_MAXUINT32)
    {
      *out = NULL;
      return TRUE;
    }
  if ((gsize) (end - *p) < n)
    return FALSE;
  *out = g_strndup (*p, n);
  if (len)
    *len = n;
  *p += n;
  return TRUE;
}

static GString *
encode_doc (const WeftRawDoc *raw)
{
  GString *frame = g_string_new (NULL);
  put_cstring (frame, raw->id);
  put_cstring (frame, raw->source);
  put_cstring (frame, raw->date);
  put_string (frame, raw->text, raw->len);
  put_cstring (frame, raw->error);
  guint32 n_meta = raw->meta ? raw->meta->len : 0;
  g_string_append_len (frame, (const char *) &n_meta, sizeof n_meta);
  for (guint i = 0; i < n_meta; i++)
    {
      const WeftJsonMember *m = g_ptr_array_index (raw->meta, i);
      put_cstring (frame, m->key);
      put_cstring (frame, m->raw);
      put_cstring (frame, m->string);
    }
  return frame;
}

static WeftRawDoc *
decode_doc (const char *p, const char *end)
{
  WeftRawDoc *raw = g_new0 (WeftRawDoc, 1);
  guint32 n_meta = 0;
  gboolean ok = get_string (&p, end, &raw->id, NULL)
                && get_string (&p, end, &raw->source, NULL)
                && get_string (&p, end, &raw->date, NULL)
                && get_string (&p, end, &raw->text, &raw->len)
                && get_string (&p, end, &raw->error, NULL)
                && end - p >= (gssize) sizeof n_meta;
  if (ok)
    {
      memcpy (&n_meta, p, sizeof n_meta);
      p += sizeof n_meta;
      raw->meta = g_ptr_array_new_with_free_func (weft_json_member_free);
    }
  for (guint i = 0; ok && i < n_meta; i++)
    {
      WeftJsonMember *m = g_new0 (WeftJsonMember, 1);
      g_ptr_array_add (raw->meta, m);
      ok = get_string (&p, end, &m->key, NULL) && get_string (&p, end, &m->raw, NULL)
           && get_string (&p, end, &m->string, NULL);
    }
  if (!ok)
    {
      weft_raw_doc_free (raw);
      return NULL;
    }
  return raw;
}

/* ---- workers -------------------------------------------------------------- */

G_GNUC_NORETURN static void
child_main (WeftIsolate *isolate, int fd)
{
  for (;;)
    {
      guint32 len;
      if (!recv_all (fd, &len, sizeof len))
        _exit (0);
      char *buf = g_malloc (len);
      if (!recv_all (fd, buf, len))
        _exit (0);
      WeftRawDoc *raw = decode_doc (buf, buf + len);
      g_free (buf);
      if (!raw)
        _exit (3);
      WeftIsolateResult result = { g_string_new (NULL), FALSE };
      isolate->func (isolate->data, raw, &result);
      weft_raw_doc_free (raw);
      guint8 failed = result.failed ? 1 : 0;
      guint32 out_len = result.out->len;
      if (!send_all (fd, &failed, 1) || !send_all (fd, &out_len, sizeof out_len)
          || !send_all (fd, result.out->str, out_len))
        _exit (0);
      g_string_free (result.out, TRUE);
    }
}

static gboolean
spawn (WeftIsolate *isolate, Worker *w, GError **error)
{
  int sv[2];
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "socketpair: %s",
                   g_strerror (errno));
      return FALSE;
    }
  /* flushed here so the child never writes the parent's buffered output */
  fflush (NULL);
  pid_t pid = fork ();
  if (pid < 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "fork: %s",
                   g_strerror (errno));
      close (sv[0]);
      close (sv[1]);
      return FALSE;
    }
  if (pid == 0)
    {
      close (sv[0]);
      for (guint i = 0; i < isolate->n_workers; i++)
        if (isolate->workers[i].pid > 0)
          close (isolate->workers[i].fd);
      child_main (isolate, sv[1]);
    }
  close (sv[1]);
  w->pid = pid;
  w->fd = sv[0];
  w->busy = FALSE;
  return TRUE;
}

WeftIsolate *
weft_isolate_new (guint n_workers, guint timeout_ms, WeftIsolateFunc func,
                  gpointer data, GError **error)
{
  WeftIsolate *isolate = g_new0 (WeftIsolate, 1);
  isolate->n_workers = MAX (1, n_workers);
  isolate->workers = g_new0 (Worker, isolate->n_workers);
  isolate->timeout_ms = timeout_ms;
  isolate->func = func;
  isolate->data = data;
  for (guint i = 0; i < isolate->n_workers; i++)
    if (!spawn (isolate, &isolate->workers[i], error))
      {
        weft_isolate_free (isolate);
        return NULL;
      }
  return isolate;
}

static void
stop_worker (Worker *w)
{
  if (w->pid <= 0)
    return;
  close (w->fd);
  kill (w->pid, SIGKILL);
  waitpid (w->pid, NULL, 0);
  w->pid = 0;
}

void
weft_isolate_free (WeftIsolate *isolate)
{
  if (!isolate)
    return;
  for (guint i = 0; i < isolate->n_workers; i++)
    {
      Worker *w = &isolate->workers[i];
      if (w->pid > 0)
        {
          close (w->fd); /* EOF: the child exits by itself */
          waitpid (w->pid, NULL, 0);
        }
      g_free (w->id);
      g_free (w->source);
    }
  g_free (isolate->workers);
  g_free (isolate);
}

gboolean
weft_isolate_has_free_worker (WeftIsolate *isolate)
{
  for (guint i = 0; i < isolate->n_workers; i++)
    if (!isolate->workers[i].busy && isolate->workers[i].pid > 0)
      return TRUE;
  return FALSE;
}

void
weft_isolate_submit (WeftIsolate *isolate, guint64 seq, WeftRawDoc *raw)
{
  Worker *w = NULL;
  for (guint i = 0; i < isolate->n_workers && !w; i++)
    if (!isolate->workers[i].busy && isolate->workers[i].pid > 0)
      w = &isolate->workers[i];
  g_return_if_fail (w != NULL);
  GString *frame = encode_doc (raw);
  guint32 len = frame->len;
  w->busy = TRUE;
  w->seq = seq;
  g_free (w->id);
  g_free (w->source);
  w->id = g_strdup (raw->id);
  w->source = g_strdup (raw->source);
  w->deadline = isolate->timeout_ms
                    ? g_get_monotonic_time () + (gint64) isolate->timeout_ms * 1000
                    : 0;
  /* a dead child shows up in collect() as a lost document */
  if (send_all (w->fd, &len, sizeof len))
    send_all (w->fd, frame->str, len);
  g_string_free (frame, TRUE);
  weft_raw_doc_free (raw);
}

/* Ends @w's document as an error record and starts a fresh child. */
static void
fail_worker (WeftIsolate *isolate, Worker *w, WeftOutputFormat format,
             const char *message, WeftIsolateResult *result)
{
  result->out = g_string_new (NULL);
  result->failed = TRUE;
  weft_write_error (result->out, format, w->id, w->source, "isolate", message);
  stop_worker (w);
  w->busy = FALSE;
  /* without a replacement the slot stays empty (pid 0); the runner fails
   * the run when no worker is left */
  GError *error = NULL;
  if (!spawn (isolate, w, &error))
    g_error_free (error);
}

static char *
describe_exit (int status)
{
  if (WIFSIGNALED (status))
    return g_strdup_printf ("the pipeline crashed on this document (signal %d, %s)",
                            WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  return g_strdup_printf ("the worker process exited with status %d on this document",
                          WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

gboolean
weft_isolate_collect (WeftIsolate *isolate, WeftOutputFormat format,
                      guint64 *seq, WeftIsolateResult *result)
{
  guint n = isolate->n_workers;
  g_autofree struct pollfd *fds = g_new0 (struct pollfd, n);
  for (;;)
    {
      guint busy = 0;
      gint64 now = g_get_monotonic_time (), wait_us = -1;
      for (guint i = 0; i < n; i++)
        {
          Worker *w = &isolate->workers[i];
          fds[i].fd = w->busy && w->pid > 0 ? w->fd : -1;
          fds[i].events = POLLIN;
          fds[i].revents = 0;
          if (fds[i].fd < 0)
            continue;
          busy++;
          if (w->deadline)
            {
              gint64 left = MAX (0, w->deadline - now);
              wait_us = wait_us < 0 ? left : MIN (wait_us, left);
            }
        }
      if (!busy)
        return FALSE;
      int ready = poll (fds, n, wait_us < 0 ? -1 : (int) ((wait_us + 999) / 1000));
      if (ready < 0 && errno == EINTR)
        continue;
      now = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        {
          Worker *w = &isolate->workers[i];
          if (fds[i].fd < 0)
            continue;
          *seq = w->seq;
          if (fds[i].revents)
            {
              guint8 failed;
              guint32 len;
              if (recv_all (w->fd, &failed, 1) && recv_all (w->fd, &len, sizeof len))
                {
                  result->out = g_string_sized_new (len + 1);
                  g_string_set_size (result->out, len);
                  if (recv_all (w->fd, result->out->str, len))
                    {
                      result->failed = failed;
                      w->busy = FALSE;
                      return TRUE;
                    }
                  g_string_free (result->out, TRUE);
                }
              int status = 0;
              close (w->fd);
              waitpid (w->pid, &status, 0);
              w->pid = 0;
              g_autofree char *message = describe_exit (status);
              fail_worker (isolate, w, format, message, result);
              return TRUE;
            }
          if (w->deadline && now >= w->deadline)
            {
              g_autofree char *message = g_strdup_printf (
                  "timed out after %.3g s (--timeout); the worker was killed",
                  isolate->timeout_ms / 1000.0);
              fail_worker (isolate, w, format, message, result);
              return TRUE;
            }
        }
    }
}
