/* weft — the reader.  Inputs are listed up front (so a missing file is a
 * usage error before any work), then read one document at a time: a text
 * file whole, a JSONL file a line at a time, so memory follows the largest
 * document, not the corpus.  A document that cannot be read becomes an
 * error record; nothing is dropped silently. */
#include "reader.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "weft/plugin.h"

/* Lines longer than this have their buffer freed once parsed. */
#define BIG_LINE (1u << 20)

struct _WeftReader {
  WeftInputFormat format;
  GPtrArray *files; /* char*; "-" is stdin */
  guint next_file;
  FILE *jsonl;      /* the JSONL file being read */
  const char *jsonl_name;
  guint64 line_no;
  char *line;
  size_t line_cap;
  guint64 bytes; /* atomic: the progress bar reads it from other threads */
};

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Folders already listed, by device and inode: a symlink loop must not
 * make the listing endless. */
static gboolean
first_visit (GHashTable *visited, const char *dir)
{
  GStatBuf st;
  if (g_stat (dir, &st) != 0)
    return FALSE;
  char *key = g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev,
                               (uintmax_t) st.st_ino);
  return g_hash_table_add (visited, key);
}

static void
list_folder (const char *dir, const char *suffix, GHashTable *visited,
             GPtrArray *out)
{
  if (!first_visit (visited, dir))
    return;
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  if (!d)
    {
      /* listed as a file, so reading it yields an error record */
      g_ptr_array_add (out, g_strdup (dir));
      return;
    }
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      if (name[0] == '.')
        continue;
      char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          list_folder (path, suffix, visited, found);
          g_free (path);
        }
      else if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (found, path);
      else
        g_free (path);
    }
  g_ptr_array_sort (found, compare_paths);
  g_ptr_array_extend_and_steal (out, g_steal_pointer (&found));
}

WeftReader *
weft_reader_new (const char *const *inputs, WeftInputFormat format,
                 GError **error)
{
  static const char *const stdin_only[] = { "-", NULL };
  if (!inputs || !inputs[0])
    inputs = stdin_only;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; inputs[i]; i++)
    {
      const char *input = inputs[i];
      if (strcmp (input, "-") == 0)
        g_ptr_array_add (files, g_strdup (input));
      else if (g_file_test (input, G_FILE_TEST_IS_DIR))
        {
          guint before = files->len;
          g_autoptr (GHashTable) visited = g_hash_table_new_full (
              g_str_hash, g_str_equal, g_free, NULL);
          list_folder (input, format == WEFT_INPUT_JSONL ? ".jsonl" : ".txt",
                       visited, files);
          if (files->len == before)
            {
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO,
                           "%s: the folder holds no %s files", input,
                           format == WEFT_INPUT_JSONL ? "*.jsonl" : "*.txt");
              return NULL;
            }
        }
      else if (g_file_test (input, G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (input));
      else
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO,
                       "%s: no such file or folder", input);
          return NULL;
        }
    }
  WeftReader *reader = g_new0 (WeftReader, 1);
  reader->format = format;
  reader->files = g_steal_pointer (&files);
  return reader;
}

void
weft_reader_free (WeftReader *reader)
{
  if (!reader)
    return;
  if (reader->jsonl && reader->jsonl != stdin)
    fclose (reader->jsonl);
  g_ptr_array_unref (reader->files);
  free (reader->line);
  g_free (reader);
}

void
weft_raw_doc_free (WeftRawDoc *raw)
{
  if (!raw)
    return;
  g_free (raw->id);
  g_free (raw->source);
  g_free (raw->date);
  g_free (raw->text);
  if (raw->meta)
    g_ptr_array_unref (raw->meta);
  g_free (raw->error);
  g_free (raw);
}

guint
weft_reader_get_n_files (const WeftReader *reader)
{
  return reader->files->len;
}

guint64
weft_reader_get_bytes (const WeftReader *reader)
{
  return __atomic_load_n (&reader->bytes, __ATOMIC_RELAXED);
}

static char *
id_from_path (const char *path)
{
  if (strcmp (path, "-") == 0)
    return g_strdup ("stdin");
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

static gboolean
read_stream (FILE *f, char **text, gsize *len)
{
  GString *s = g_string_sized_new (64 * 1024);
  char buf[64 * 1024];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    g_string_append_len (s, buf, n);
  gboolean ok = !ferror (f);
  *len = s->len;
  *text = g_string_free (s, FALSE);
  return ok;
}

/* A UTF-8 byte order mark says nothing about the text; offsets start after
 * it. */
static void
strip_bom (char *text, gsize *len)
{
  if (text && *len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (text, text + 3, *len - 3 + 1);
      *len -= 3;
    }
}

static WeftRawDoc *
read_text_file (WeftReader *reader, const char *path)
{
  WeftRawDoc *raw = g_new0 (WeftRawDoc, 1);
  raw->id = id_from_path (path);
  raw->source = g_strdup (path);
  if (strcmp (path, "-") == 0)
    {
      if (!read_stream (stdin, &raw->text, &raw->len))
        raw->error = g_strdup_printf ("reading stdin: %s", g_strerror (errno));
    }
  else
    {
      GError *error = NULL;
      if (!g_file_get_contents (path, &raw->text, &raw->len, &error))
        {
          raw->error = g_strdup (error->message);
          g_error_free (error);
        }
    }
  __atomic_fetch_add (&reader->bytes, raw->len, __ATOMIC_RELAXED);
  strip_bom (raw->text, &raw->len);
  return raw;
}

/* The number written by the @n digits at @s, or -1 when one is not a
 * digit. */
static int
digits (const char *s, int n)
{
  int value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      value = 10 * value + (s[i] - '0');
    }
  return value;
}

gboolean
weft_date_prefix_is_valid (const char *s)
{
  /* a NUL stops digits() and fails the dashes: no read past the string */
  int y = digits (s, 4);
  if (y < 0 || s[4] != '-')
    return FALSE;
  int m = digits (s + 5, 2);
  if (m < 0 || s[7] != '-')
    return FALSE;
  int d = digits (s + 8, 2);
  return d >= 0 && g_date_valid_dmy (d, m, y);
}

/* "@name:@line_no", by hand: g_strdup_printf() was most of the cost of
 * a document's bookkeeping.  Returns: (transfer full). */
static char *
line_source (const char *name, guint64 line_no)
{
  char digits[20]; /* G_MAXUINT64 has 20 */
  gsize n = 0;
  do
    digits[sizeof digits - ++n] = (char) ('0' + line_no % 10);
  while ((line_no /= 10) > 0);
  gsize len = strlen (name);
  char *source = g_malloc (len + 1 + n + 1);
  memcpy (source, name, len);
  source[len] = ':';
  memcpy (source + len + 1, digits + sizeof digits - n, n);
  source[len + 1 + n] = '\0';
  return source;
}

/* Turns one JSONL line into a document (or an error record). */
static WeftRawDoc *
parse_jsonl_line (WeftReader *reader, const char *line, gsize len)
{
  WeftRawDoc *raw = g_new0 (WeftRawDoc, 1);
  raw->source = line_source (strcmp (reader->jsonl_name, "-") == 0
                                 ? "<stdin>" : reader->jsonl_name,
                             reader->line_no);
  GError *error = NULL;
  static const char *const decoded_only[] = { "text", NULL };
  GPtrArray *members = weft_json_parse_object (line, len, decoded_only, &error);
  if (!members)
    {
      raw->id = g_strdup (raw->source);
      raw->error = g_strdup_printf ("%s: %s", raw->source, error->message);
      g_error_free (error);
      return raw;
    }
  raw->meta = g_ptr_array_new_with_free_func (weft_json_member_free);
  const char *problem = NULL;
  for (guint i = 0; i < members->len; i++)
    {
      WeftJsonMember *m = g_ptr_array_index (members, i);
      char **slot = NULL;
      if (strcmp (m->key, "id") == 0)
        slot = &raw->id;
      else if (strcmp (m->key, "text") == 0)
        slot = &raw->text;
      else if (strcmp (m->key, "date") == 0)
        slot = &raw->date;
      if (!slot)
        {
          g_ptr_array_add (raw->meta, g_steal_pointer (&members->pdata[i]));
          continue;
        }
      /* an id may be a number; text and date must be strings */
      g_clear_pointer (slot, g_free); /* a repeated key: the last one counts */
      if (m->string)
        {
          *slot = g_steal_pointer (&m->string);
          if (slot == &raw->text)
            raw->len = m->string_len;
        }
      else if (slot == &raw->id && g_ascii_isdigit (m->raw[0]))
        *slot = g_strdup (m->raw);
      else if (!(slot == &raw->date && strcmp (m->raw, "null") == 0))
        problem = slot == &raw->text ? "'text' must be a string"
                  : slot == &raw->date ? "'date' must be a string YYYY-MM-DD"
                                       : "'id' must be a string or a number";
    }
  g_ptr_array_unref (members); /* moved members are NULL there */
  if (!raw->id)
    raw->id = g_strdup (raw->source);
  if (!problem && !raw->text)
    problem = "no 'text' field";
  if (!problem && raw->date)
    {
      if (!weft_date_prefix_is_valid (raw->date))
        problem = "'date' must be a date, YYYY-MM-DD";
      else
        raw->date[10] = '\0'; /* a time after the date is not needed */
    }
  if (problem)
    {
      raw->error = g_strdup_printf ("%s: %s", raw->source, problem);
      raw->len = 0;
    }
  return raw;
}

/* A huge line's buffer is not kept for the next line: the decoded text
 * is already a copy, and holding both would double a huge document's
 * memory while the pipeline runs. */
static void
drop_big_line (WeftReader *reader)
{
  if (reader->line_cap > BIG_LINE)
    {
      free (reader->line);
      reader->line = NULL;
      reader->line_cap = 0;
    }
}

WeftRawDoc *
weft_reader_next (WeftReader *reader)
{
  for (;;)
    {
      if (reader->jsonl)
        {
          ssize_t n = getline (&reader->line, &reader->line_cap, reader->jsonl);
          if (n >= 0)
            {
              reader->line_no++;
              __atomic_fetch_add (&reader->bytes, n, __ATOMIC_RELAXED);
              if (reader->line_no == 1)
                {
                  gsize len = n;
                  strip_bom (reader->line, &len);
                  n = len;
                }
              while (n > 0 && (reader->line[n - 1] == '\n'
                               || reader->line[n - 1] == '\r'))
                n--;
              gsize k = 0;
              while (k < (gsize) n && g_ascii_isspace (reader->line[k]))
                k++;
              if (k == (gsize) n)
                continue; /* blank lines are not documents */
              if (memchr (reader->line, '\0', n))
                {
                  WeftRawDoc *raw = g_new0 (WeftRawDoc, 1);
                  raw->source = g_strdup_printf ("%s:%" G_GUINT64_FORMAT,
                                                 reader->jsonl_name,
                                                 reader->line_no);
                  raw->id = g_strdup (raw->source);
                  raw->error = g_strdup_printf ("%s: a NUL byte in the line",
                                                raw->source);
                  return raw;
                }
              WeftRawDoc *raw = parse_jsonl_line (reader, reader->line, n);
              drop_big_line (reader);
              return raw;
            }
          gboolean failed = ferror (reader->jsonl);
          if (reader->jsonl != stdin)
            fclose (reader->jsonl);
          reader->jsonl = NULL;
          if (failed)
            {
              WeftRawDoc *raw = g_new0 (WeftRawDoc, 1);
              raw->source = g_strdup (reader->jsonl_name);
              raw->id = g_strdup (raw->source);
              raw->error = g_strdup_printf ("%s: read error after line %" G_GUINT64_FORMAT,
                                            reader->jsonl_name, reader->line_no);
              return raw;
            }
        }
      if (reader->next_file >= reader->files->len)
        return NULL;
      const char *path = g_ptr_array_index (reader->files, reader->next_file++);
      if (reader->format == WEFT_INPUT_TEXT)
        return read_text_file (reader, path);
      reader->jsonl_name = path;
      reader->line_no = 0;
      reader->jsonl = strcmp (path, "-") == 0 ? stdin : fopen (path, "r");
      if (!reader->jsonl)
        {
          WeftRawDoc *raw = g_new0 (WeftRawDoc, 1);
          raw->source = g_strdup (path);
          raw->id = g_strdup (path);
          raw->error = g_strdup_printf ("%s: %s", path, g_strerror (errno));
          return raw;
        }
    }
}
