/* weft — helpers for the tests that run the weft command: a scratch folder,
 * shell command lines run in it, and files written into it. */
#pragma once

#include <glib.h>
#include <sys/wait.h>

/* The scratch folder the commands run in; main() creates it. */
static char *tmpdir;

typedef struct {
  int status; /* exit status, or 128 + the signal that ended it */
  char *out;
  char *err;
} Result;

static inline void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs a shell command line in tmpdir (the tests set $WEFT for it). */
static inline Result
sh (const char *command)
{
  Result r = { 0 };
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status;
  g_assert_true (g_spawn_sync (tmpdir, (char **) argv, NULL, 0, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status)
                                     : 128 + WTERMSIG (wait_status);
  return r;
}

/* Writes @len bytes (all of @contents when < 0) to tmpdir/@name, making
 * folders as needed. */
static inline void
write_file (const char *name, const char *contents, gssize len)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}
