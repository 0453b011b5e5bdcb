/* weft — finding plugins by name and loading them safely.  Exported for the
 * CLI and tests; not an installed header. */
#pragma once

#include "weft/plugin.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *path;     /* the .so */
  char *data_dir; /* its folder */
  const WeftPlugin *plugin;
} WeftPluginInfo;

/* Adds a folder searched before all others (--plugin-path). */
WEFT_API void weft_registry_prepend_path (const char *dir);
/* Borrowed NULL-terminated list of the folders searched, in order. */
WEFT_API const char *const *weft_registry_get_path (void);
/* Finds, opens and checks plugin @name.  Loaded plugins stay loaded and are
 * cached.  Returns: borrowed, or NULL with WEFT_ERROR_PLUGIN naming the file
 * and the cause. */
WEFT_API const WeftPluginInfo *weft_registry_load (const char *name,
                                                   GError **error);
/* Opens and checks the plugin file @path.  Returns: borrowed, or NULL. */
WEFT_API const WeftPluginInfo *weft_registry_load_file (const char *path,
                                                        GError **error);
/* Returns: (transfer full) sorted names of every plugin file found on the
 * search path (not loaded). */
WEFT_API GStrv weft_registry_list_names (void);

G_END_DECLS
