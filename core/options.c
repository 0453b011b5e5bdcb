/* weft — option values.  The plugin declares a table; the host parses every
 * value against it before init() runs, so a plugin never sees text it has to
 * validate and never parses configuration itself. */
#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const WeftOptionSpec *spec;
  gboolean set;
  char *string; /* string and path values */
  gint64 integer;
  double number;
  gboolean boolean;
  GStrv list;
} WeftOptionValue;

struct _WeftOptions {
  const WeftPlugin *plugin;
  char *data_dir;
  char *stage_id;
  GArray *values; /* WeftOptionValue, in table order */
};

static const char *const empty_list[] = { NULL };

static const char *
type_name (WeftOptionType type)
{
  switch (type)
    {
    case WEFT_OPTION_STRING: return "a string";
    case WEFT_OPTION_INT: return "an integer";
    case WEFT_OPTION_DOUBLE: return "a number";
    case WEFT_OPTION_BOOL: return "true or false";
    case WEFT_OPTION_PATH: return "a file path";
    case WEFT_OPTION_LIST: return "a list";
    case WEFT_OPTION_PATH_LIST: return "a list of file paths";
    }
  return "?";
}

static guint
edit_distance (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

const char *
weft_nearest_name (const char *word, const char *const *candidates)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  for (guint i = 0; candidates && candidates[i]; i++)
    {
      guint d = edit_distance (word, candidates[i]);
      if (d < best_distance)
        {
          best = candidates[i];
          best_distance = d;
        }
    }
  /* A suggestion further off than a third of the word helps nobody. */
  return best && best_distance <= MAX (2u, (guint) strlen (word) / 3) ? best
                                                                       : NULL;
}

static WeftOptionValue *
find_value (const WeftOptions *options, const char *name)
{
  for (guint i = 0; i < options->values->len; i++)
    {
      WeftOptionValue *v = &g_array_index (options->values, WeftOptionValue, i);
      if (strcmp (v->spec->name, name) == 0)
        return v;
    }
  return NULL;
}

static char *
resolve_path (const char *path, const char *base_dir)
{
  if (g_path_is_absolute (path))
    return g_strdup (path);
  if (path[0] == '~' && path[1] == '/')
    return g_build_filename (g_get_home_dir (), path + 2, NULL);
  g_autofree char *cwd = base_dir ? NULL : g_get_current_dir ();
  return g_build_filename (base_dir ? base_dir : cwd, path, NULL);
}

static void
value_clear (WeftOptionValue *v)
{
  g_clear_pointer (&v->string, g_free);
  g_clear_pointer (&v->list, g_strfreev);
  v->set = FALSE;
}

static gboolean
parse_bool (const char *text, gboolean *out)
{
  static const char *const yes[] = { "true", "yes", "on", "1", NULL };
  static const char *const no[] = { "false", "no", "off", "0", NULL };
  if (g_strv_contains (yes, text))
    *out = TRUE;
  else if (g_strv_contains (no, text))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_list (const WeftOptionValue *v)
{
  return v->spec->type == WEFT_OPTION_LIST
         || v->spec->type == WEFT_OPTION_PATH_LIST;
}

static gboolean
value_set_list (WeftOptionValue *v, const char *const *items,
                const char *base_dir)
{
  GPtrArray *list = g_ptr_array_new ();
  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      if (!*item)
        continue;
      g_ptr_array_add (list, v->spec->type == WEFT_OPTION_PATH_LIST
                                 ? resolve_path (item, base_dir)
                                 : g_strdup (item));
    }
  g_ptr_array_add (list, NULL);
  value_clear (v);
  v->list = (GStrv) g_ptr_array_free (list, FALSE);
  v->set = TRUE;
  return TRUE;
}

static gboolean
value_set (WeftOptionValue *v, const char *text, const char *base_dir,
           const char *stage_id, GError **error)
{
  const WeftOptionSpec *spec = v->spec;
  char *end = NULL;
  gint64 integer = 0;
  double number = 0;
  gboolean boolean = FALSE;
  errno = 0;
  switch (spec->type)
    {
    case WEFT_OPTION_INT:
      integer = g_ascii_strtoll (text, &end, 10);
      if (!*text || *end || errno)
        goto bad;
      break;
    case WEFT_OPTION_DOUBLE:
      number = g_ascii_strtod (text, &end);
      if (!*text || *end || errno)
        goto bad;
      break;
    case WEFT_OPTION_BOOL:
      if (!parse_bool (text, &boolean))
        goto bad;
      break;
    case WEFT_OPTION_LIST:
    case WEFT_OPTION_PATH_LIST:
      {
        g_auto (GStrv) items = g_strsplit (text, ",", -1);
        return value_set_list (v, (const char *const *) items, base_dir);
      }
    case WEFT_OPTION_STRING:
    case WEFT_OPTION_PATH:
      break;
    }
  value_clear (v);
  v->set = TRUE;
  v->integer = integer;
  v->number = number;
  v->boolean = boolean;
  if (spec->type == WEFT_OPTION_STRING)
    v->string = g_strdup (text);
  else if (spec->type == WEFT_OPTION_PATH)
    v->string = *text ? resolve_path (text, base_dir) : NULL;
  return TRUE;

bad:
  g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
               "stage '%s': option '%s' must be %s, not '%s'", stage_id,
               spec->name, type_name (spec->type), text);
  return FALSE;
}

WeftOptions *
weft_options_new (const WeftPlugin *plugin, const char *data_dir,
                  const char *stage_id, GError **error)
{
  g_return_val_if_fail (plugin != NULL, NULL);
  WeftOptions *options = g_new0 (WeftOptions, 1);
  options->plugin = plugin;
  options->data_dir = g_strdup (data_dir ? data_dir : ".");
  options->stage_id = g_strdup (stage_id ? stage_id : plugin->name);
  options->values = g_array_new (FALSE, TRUE, sizeof (WeftOptionValue));
  for (const WeftOptionSpec *spec = plugin->options; spec && spec->name; spec++)
    {
      WeftOptionValue v = { .spec = spec };
      g_array_append_val (options->values, v);
      WeftOptionValue *slot = &g_array_index (options->values, WeftOptionValue,
                                              options->values->len - 1);
      if (spec->default_value
          && !value_set (slot, spec->default_value, options->data_dir,
                         options->stage_id, error))
        {
          g_prefix_error (error, "plugin '%s' declares a bad default: ",
                          plugin->name);
          weft_options_free (options);
          return NULL;
        }
    }
  return options;
}

static WeftOptionValue *
lookup_for_set (WeftOptions *options, const char *name, GError **error)
{
  WeftOptionValue *v = find_value (options, name);
  if (v)
    return v;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < options->values->len; i++)
    g_ptr_array_add (names, (gpointer) g_array_index (options->values,
                                                      WeftOptionValue, i)
                                .spec->name);
  g_ptr_array_add (names, NULL);
  const char *near = weft_nearest_name (name, (const char *const *) names->pdata);
  if (near)
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                 "stage '%s': plugin '%s' has no option '%s'; did you mean '%s'?",
                 options->stage_id, options->plugin->name, name, near);
  else if (names->len > 1)
    {
      g_autofree char *all = g_strjoinv (", ", (GStrv) names->pdata);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "stage '%s': plugin '%s' has no option '%s' (it has: %s)",
                   options->stage_id, options->plugin->name, name, all);
    }
  else
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                 "stage '%s': plugin '%s' has no options, but '%s' was given",
                 options->stage_id, options->plugin->name, name);
  return NULL;
}

gboolean
weft_options_set (WeftOptions *options, const char *name, const char *value,
                  const char *base_dir, GError **error)
{
  WeftOptionValue *v = lookup_for_set (options, name, error);
  return v && value_set (v, value, base_dir, options->stage_id, error);
}

gboolean
weft_options_set_list (WeftOptions *options, const char *name,
                       const char *const *items, const char *base_dir,
                       GError **error)
{
  WeftOptionValue *v = lookup_for_set (options, name, error);
  if (!v)
    return FALSE;
  if (!is_list (v))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "stage '%s': option '%s' must be %s, not a list",
                   options->stage_id, name, type_name (v->spec->type));
      return FALSE;
    }
  return value_set_list (v, items, base_dir);
}

void
weft_options_free (WeftOptions *options)
{
  if (!options)
    return;
  for (guint i = 0; i < options->values->len; i++)
    value_clear (&g_array_index (options->values, WeftOptionValue, i));
  g_array_unref (options->values);
  g_free (options->data_dir);
  g_free (options->stage_id);
  g_free (options);
}

/* ---- typed getters for plugins ----------------------------------------- */

static const WeftOptionValue *
get_typed (const WeftOptions *options, const char *name, WeftOptionType type)
{
  g_return_val_if_fail (options != NULL && name != NULL, NULL);
  const WeftOptionValue *v = find_value (options, name);
  /* Asking for an option the plugin never declared is a programming error. */
  g_return_val_if_fail (v != NULL, NULL);
  g_return_val_if_fail (v->spec->type == type, NULL);
  return v;
}

const char *
weft_options_get_string (const WeftOptions *options, const char *name)
{
  const WeftOptionValue *v = get_typed (options, name, WEFT_OPTION_STRING);
  return v && v->set ? v->string : NULL;
}

gint64
weft_options_get_int (const WeftOptions *options, const char *name)
{
  const WeftOptionValue *v = get_typed (options, name, WEFT_OPTION_INT);
  return v && v->set ? v->integer : 0;
}

double
weft_options_get_double (const WeftOptions *options, const char *name)
{
  const WeftOptionValue *v = get_typed (options, name, WEFT_OPTION_DOUBLE);
  return v && v->set ? v->number : 0.0;
}

gboolean
weft_options_get_bool (const WeftOptions *options, const char *name)
{
  const WeftOptionValue *v = get_typed (options, name, WEFT_OPTION_BOOL);
  return v && v->set ? v->boolean : FALSE;
}

const char *
weft_options_get_path (const WeftOptions *options, const char *name)
{
  const WeftOptionValue *v = get_typed (options, name, WEFT_OPTION_PATH);
  return v && v->set ? v->string : NULL;
}

const char *const *
weft_options_get_list (const WeftOptions *options, const char *name)
{
  g_return_val_if_fail (options != NULL && name != NULL, empty_list);
  const WeftOptionValue *v = find_value (options, name);
  g_return_val_if_fail (v != NULL && is_list (v), empty_list);
  return v && v->set && v->list ? (const char *const *) v->list : empty_list;
}

const char *
weft_options_get_data_dir (const WeftOptions *options)
{
  return options->data_dir;
}

const char *
weft_options_get_stage_id (const WeftOptions *options)
{
  return options->stage_id;
}
