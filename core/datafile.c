/* weft — reading plugins' data files (word lists, lexicons, tables) line by
 * line, so every plugin reports a bad line the same way: "FILE:LINE: why". */
#include <string.h>

#include "weft/plugin.h"

/* Cuts a comment: '#' at the start of the line or after a blank. */
static void
cut_comment (char *line)
{
  for (char *p = line; (p = strchr (p, '#')); p++)
    if (p == line || p[-1] == ' ' || p[-1] == '\t')
      {
        *p = '\0';
        return;
      }
}

gboolean
weft_data_file_foreach_line (const char *path, WeftDataFileFlags flags,
                             WeftDataLineFunc func, gpointer user_data,
                             GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) io_error = NULL;
  g_return_val_if_fail (path && func, FALSE);
  if (!g_file_get_contents (path, &data, &len, &io_error))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA, "%s: %s", path,
                   io_error->message);
      return FALSE;
    }
  const char *bad = NULL;
  gboolean valid = g_utf8_validate_len (data, len, &bad);
  guint lineno = 0;
  char *line = data;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    line += 3; /* a byte-order mark is not part of the first entry */
  while (line < data + len)
    {
      char *nl = memchr (line, '\n', data + len - line);
      char *next = nl ? nl + 1 : data + len;
      lineno++;
      if (!valid && bad < next)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_DATA,
                       "%s:%u: invalid UTF-8", path, lineno);
          return FALSE;
        }
      if (nl)
        *nl = '\0';
      if (flags & WEFT_DATA_FILE_HASH_COMMENTS)
        cut_comment (line);
      g_strstrip (line);
      if (*line && !func (line, user_data, error))
        {
          g_prefix_error (error, "%s:%u: ", path, lineno);
          return FALSE;
        }
      line = next;
    }
  return TRUE;
}
