/* weft — a stage's option values: parsed from text (YAML scalars, --set)
 * against the plugin's option table and handed typed to init().  Exported
 * for the CLI and tests; not an installed header. */
#pragma once

#include "weft/plugin.h"

G_BEGIN_DECLS

/* Options with every default of @plugin applied.  @data_dir is the plugin's
 * data folder (relative path defaults resolve against it).  Returns:
 * (transfer full), or NULL with WEFT_ERROR_CONFIG when a default in the
 * plugin's own table does not parse (a plugin bug, named as such). */
WEFT_API WeftOptions *weft_options_new (const WeftPlugin *plugin,
                                        const char *data_dir,
                                        const char *stage_id, GError **error);
/* Sets option @name from its text form; relative paths resolve against
 * @base_dir (NULL: the current directory).  Unknown names and values of the
 * wrong type are WEFT_ERROR_CONFIG errors naming the option (and the
 * nearest valid name). */
WEFT_API gboolean weft_options_set (WeftOptions *options, const char *name,
                                    const char *value, const char *base_dir,
                                    GError **error);
/* Sets a list option from separate items (a YAML sequence). */
WEFT_API gboolean weft_options_set_list (WeftOptions *options,
                                         const char *name,
                                         const char *const *items,
                                         const char *base_dir, GError **error);
WEFT_API void weft_options_free (WeftOptions *options);

/* The nearest of @candidates (NULL-terminated) to @word by edit distance, or
 * NULL when none is close.  Borrowed. */
WEFT_API const char *weft_nearest_name (const char *word,
                                        const char *const *candidates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftOptions, weft_options_free)

G_END_DECLS
