/* weft — the plugin registry.  Plugins are found by name on a search path,
 * opened with RTLD_NOW | RTLD_LOCAL, and their descriptor's ABI version is
 * read (data, not code) before anything of theirs runs.  A plugin that ran is
 * never closed: its code may still be referenced by the documents. */
#include "registry.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "weft-config.h"

G_LOCK_DEFINE_STATIC (registry);
static GPtrArray *search_path;  /* char* */
static GHashTable *loaded;      /* path -> WeftPluginInfo */

static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  return exe && g_str_has_prefix (exe, WEFT_BUILD_ROOT "/");
}

/* Adds @dir unless it is already there: a folder searched twice would list
 * its plugins twice. */
static void
add_dir (GPtrArray *dirs, const char *dir)
{
  if (!*dir)
    return;
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);
  for (guint i = 0; i < dirs->len; i++)
    if (g_strcmp0 (g_ptr_array_index (dirs, i), canonical) == 0)
      return;
  g_ptr_array_add (dirs, g_steal_pointer (&canonical));
}

static void
add_path_list (GPtrArray *dirs, const char *list)
{
  if (!list)
    return;
  g_auto (GStrv) parts = g_strsplit (list, G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; parts[i]; i++)
    add_dir (dirs, parts[i]);
}

static void
ensure_path_locked (void)
{
  if (search_path)
    return;
  search_path = g_ptr_array_new_with_free_func (g_free);
  add_path_list (search_path, g_getenv ("WEFT_PLUGIN_PATH"));
  if (running_from_build_tree ())
    add_dir (search_path, WEFT_BUILD_ROOT "/plugins");
  add_dir (search_path, WEFT_PLUGINDIR);
  g_ptr_array_add (search_path, NULL);
}

void
weft_registry_prepend_path (const char *dir)
{
  G_LOCK (registry);
  ensure_path_locked ();
  g_ptr_array_insert (search_path, 0, g_canonicalize_filename (dir, NULL));
  G_UNLOCK (registry);
}

const char *const *
weft_registry_get_path (void)
{
  G_LOCK (registry);
  ensure_path_locked ();
  G_UNLOCK (registry);
  return (const char *const *) search_path->pdata;
}

static gboolean
valid_name (const char *name)
{
  if (!name || !*name)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* DIR/NAME/NAME.so (a plugin with its data) or DIR/NAME.so. */
static char *
find_file (const char *dir, const char *name)
{
  g_autofree char *so = g_strconcat (name, ".so", NULL);
  char *path = g_build_filename (dir, name, so, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  path = g_build_filename (dir, so, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  return NULL;
}

static void
info_free (gpointer data)
{
  WeftPluginInfo *info = data;
  g_free (info->name);
  g_free (info->path);
  g_free (info->data_dir);
  g_free (info);
}

static gboolean
check_descriptor (const WeftPlugin *d, const char *path, GError **error)
{
  if (d->abi_major != WEFT_ABI_MAJOR || d->abi_minor > WEFT_ABI_MINOR)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                   "%s: built for plugin ABI %u.%u, but this weft supports "
                   "ABI %d.%d",
                   path, d->abi_major, d->abi_minor, WEFT_ABI_MAJOR,
                   WEFT_ABI_MINOR);
      return FALSE;
    }
  const char *problem = NULL;
  if (!valid_name (d->name))
    problem = "its name is missing or not [a-z0-9-]+";
  else if (!d->process)
    problem = "it has no process function";
  else if (!d->version || !d->description)
    problem = "its version or description is missing";
  if (problem)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                   "%s: invalid plugin descriptor: %s", path, problem);
      return FALSE;
    }
  for (const WeftOptionSpec *o = d->options; o && o->name; o++)
    if (!valid_name (o->name) || o->type > WEFT_OPTION_PATH_LIST)
      {
        g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                     "%s: invalid plugin descriptor: bad option '%s'", path,
                     o->name);
        return FALSE;
      }
  return TRUE;
}

static const WeftPluginInfo *
load_file_locked (const char *path, GError **error)
{
  if (!loaded)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, info_free);
  WeftPluginInfo *info = g_hash_table_lookup (loaded, path);
  if (info)
    return info;

  /* Code that anyone may replace is not code to run. */
  g_autofree char *dir = g_path_get_dirname (path);
  const char *const checked[] = { path, dir };
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      GStatBuf st;
      if (g_stat (checked[i], &st) == 0 && (st.st_mode & S_IWOTH)
          && !(i == 1 && (st.st_mode & S_ISVTX)))
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                       "%s: refusing to load a plugin from a %s writable by "
                       "others (%s); run 'chmod o-w %s'",
                       path, i ? "folder" : "file", checked[i], checked[i]);
          return NULL;
        }
    }

  /* Never dlclose() after a successful dlopen: a failed check leaves the
   * handle open, which is harmless and avoids running destructors. */
  void *handle = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                   "%s: cannot load plugin: %s", path, dlerror ());
      return NULL;
    }
  const WeftPlugin *d = dlsym (handle, WEFT_PLUGIN_SYMBOL);
  if (!d)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                   "%s: not a weft plugin: it does not export '%s' "
                   "(made by WEFT_PLUGIN_DEFINE)",
                   path, WEFT_PLUGIN_SYMBOL);
      return NULL;
    }
  if (!check_descriptor (d, path, error))
    return NULL;
  info = g_new0 (WeftPluginInfo, 1);
  info->name = g_strdup (d->name);
  info->path = g_strdup (path);
  info->data_dir = g_path_get_dirname (path);
  info->plugin = d;
  g_hash_table_insert (loaded, info->path, info);
  return info;
}

const WeftPluginInfo *
weft_registry_load_file (const char *path, GError **error)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  G_LOCK (registry);
  const WeftPluginInfo *info = load_file_locked (abs, error);
  G_UNLOCK (registry);
  return info;
}

const WeftPluginInfo *
weft_registry_load (const char *name, GError **error)
{
  if (!valid_name (name))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                   "'%s' is not a plugin name (names are [a-z0-9-]+)", name);
      return NULL;
    }
  const char *const *dirs = weft_registry_get_path ();
  for (guint i = 0; dirs[i]; i++)
    {
      g_autofree char *path = find_file (dirs[i], name);
      if (!path)
        continue;
      const WeftPluginInfo *info = weft_registry_load_file (path, error);
      if (info && strcmp (info->name, name) != 0)
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                       "%s: the file is named '%s' but the plugin calls itself "
                       "'%s'",
                       info->path, name, info->name);
          return NULL;
        }
      return info;
    }
  g_auto (GStrv) known = weft_registry_list_names ();
  const char *near = weft_nearest_name (name, (const char *const *) known);
  g_autofree char *searched = g_strjoinv (", ", (GStrv) dirs);
  g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
               "plugin '%s' not found%s%s%s (searched %s)", name,
               near ? "; did you mean '" : "", near ? near : "",
               near ? "'?" : "", searched);
  return NULL;
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

GStrv
weft_registry_list_names (void)
{
  const char *const *dirs = weft_registry_get_path ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, NULL);
  for (guint i = 0; dirs[i]; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *entry;
      while (dir && (entry = g_dir_read_name (dir)))
        {
          g_autofree char *name = g_str_has_suffix (entry, ".so")
                                      ? g_strndup (entry, strlen (entry) - 3)
                                      : g_strdup (entry);
          g_autofree char *path = valid_name (name) ? find_file (dirs[i], name)
                                                    : NULL;
          if (path)
            g_hash_table_add (seen, g_steal_pointer (&name));
        }
    }
  GStrv names = (GStrv) g_hash_table_get_keys_as_array (seen, NULL);
  g_hash_table_steal_all (seen);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}
