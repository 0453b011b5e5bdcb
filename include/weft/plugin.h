/* weft — the plugin ABI.  A plugin is a shared object that exports exactly
 * one symbol, the const descriptor made by WEFT_PLUGIN_DEFINE().  The host
 * reads the ABI version out of it before calling any plugin code. */
#pragma once

#include <glib.h>

#include "weft/doc.h"
#include "weft/version.h"

G_BEGIN_DECLS

/* ---- errors ------------------------------------------------------------ */

#define WEFT_ERROR (weft_error_quark ())
WEFT_API GQuark weft_error_quark (void);

typedef enum {
  WEFT_ERROR_FAILED,   /* a plugin's process() or init() failed */
  WEFT_ERROR_INPUT,    /* bad input: not UTF-8, bad JSON, too large */
  WEFT_ERROR_CONFIG,   /* bad pipeline or options */
  WEFT_ERROR_PLUGIN,   /* a plugin could not be found or loaded */
  WEFT_ERROR_DATA,     /* a plugin's data file is malformed */
  WEFT_ERROR_IO,       /* reading or writing a file failed */
} WeftError;

/* ---- options ----------------------------------------------------------- */

typedef enum {
  WEFT_OPTION_STRING = 0,
  WEFT_OPTION_INT,
  WEFT_OPTION_DOUBLE,
  WEFT_OPTION_BOOL,
  WEFT_OPTION_PATH, /* a file name; relative ones are resolved by the host */
  WEFT_OPTION_LIST, /* a list of strings (YAML sequence or comma-separated) */
  WEFT_OPTION_PATH_LIST, /* a list of file paths, each resolved as a path */
} WeftOptionType;

/* One entry of a plugin's option table; the table ends with {NULL}.
 * @default_value is written as it would be on the command line (a list is
 * comma-separated; NULL means unset/empty). */
typedef struct {
  const char *name; /* [a-z0-9-]+ */
  WeftOptionType type;
  const char *default_value;
  const char *help;
} WeftOptionSpec;

/* Opaque: the typed, validated option values handed to init(). */
typedef struct _WeftOptions WeftOptions;

/* Borrowed; NULL when unset. */
WEFT_API const char *weft_options_get_string (const WeftOptions *options,
                                              const char *name);
WEFT_API gint64 weft_options_get_int (const WeftOptions *options,
                                      const char *name);
WEFT_API double weft_options_get_double (const WeftOptions *options,
                                         const char *name);
WEFT_API gboolean weft_options_get_bool (const WeftOptions *options,
                                         const char *name);
/* Borrowed absolute path, or NULL when unset.  A relative path written in a
 * pipeline file is resolved against that file's folder; a relative default
 * against the plugin's data directory. */
WEFT_API const char *weft_options_get_path (const WeftOptions *options,
                                            const char *name);
/* Borrowed NULL-terminated array (never NULL; empty when unset), for LIST and
 * PATH_LIST options; PATH_LIST entries are resolved as for paths. */
WEFT_API const char *const *weft_options_get_list (const WeftOptions *options,
                                                   const char *name);
/* Borrowed: the folder holding the plugin's own data files (the folder of
 * its .so). */
WEFT_API const char *weft_options_get_data_dir (const WeftOptions *options);
/* Borrowed: the stage id this instance runs as (e.g. "tokenizer"). */
WEFT_API const char *weft_options_get_stage_id (const WeftOptions *options);

/* ---- data files -------------------------------------------------------- */

typedef enum {
  WEFT_DATA_FILE_DEFAULT = 0,
  /* '#' at the start of a line or after a blank starts a comment */
  WEFT_DATA_FILE_HASH_COMMENTS = 1 << 0,
} WeftDataFileFlags;

/* Called with each line, comments cut, surrounding whitespace stripped and
 * never empty; the line may be modified in place.  To reject it, set @error
 * (domain WEFT_ERROR, code WEFT_ERROR_DATA) to the reason alone and return
 * FALSE: the host prefixes "FILE:LINE: ". */
typedef gboolean (*WeftDataLineFunc) (char *line, gpointer user_data,
                                      GError **error);

/* Reads the UTF-8 text file @path (a leading byte-order mark skipped) and
 * calls @func on every line in order.
 * A file that cannot be read or is not UTF-8 (NUL bytes included) is a
 * WEFT_ERROR_DATA error naming the file (and line).  Since ABI 1.1. */
WEFT_API gboolean weft_data_file_foreach_line (const char *path,
                                               WeftDataFileFlags flags,
                                               WeftDataLineFunc func,
                                               gpointer user_data,
                                               GError **error);

/* ---- the descriptor ------------------------------------------------------ */

/* init() runs once per pipeline and returns the plugin's state in *state;
 * after it the state is read-only.  process() may then run on several
 * documents at once from different threads.  finish() frees the state. */
typedef gboolean (*WeftPluginInitFunc) (const WeftOptions *options,
                                        gpointer *state, GError **error);
typedef gboolean (*WeftPluginProcessFunc) (gpointer state, WeftDoc *doc,
                                           GError **error);
typedef void (*WeftPluginFinishFunc) (gpointer state);

typedef struct {
  /* Always first, so the host can check them before reading the rest. */
  guint32 abi_major;
  guint32 abi_minor;
  const char *name;        /* [a-z0-9-]+, the same as the file name */
  const char *version;     /* the plugin's own version */
  const char *description; /* one line */
  const char *const *requires; /* layers that must exist, NULL-terminated */
  const char *const *uses;     /* layers read when present */
  const char *const *provides; /* layers (or doc.GROUP values) written */
  const WeftOptionSpec *options; /* ends with {NULL}; may be NULL */
  WeftPluginInitFunc init;       /* may be NULL */
  WeftPluginProcessFunc process; /* required */
  WeftPluginFinishFunc finish;   /* may be NULL */
  gpointer reserved[8];          /* room to grow within ABI major 1 */
} WeftPlugin;

/* The one exported symbol's name. */
#define WEFT_PLUGIN_SYMBOL "weft_plugin_descriptor"

/* A NULL-terminated list of layer names for .requires/.uses/.provides. */
#define WEFT_LAYERS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Defines the plugin's descriptor from designated initializers:
 *   WEFT_PLUGIN_DEFINE (.name = "upper", .version = "1.0",
 *                       .description = "…", .requires = WEFT_LAYERS ("tokens"),
 *                       .process = upper_process)
 * Build the plugin with -fvisibility=hidden: this is its only export. */
#define WEFT_PLUGIN_DEFINE(...)                                               \
  WEFT_EXPORT const WeftPlugin weft_plugin_descriptor = {                     \
    .abi_major = WEFT_ABI_MAJOR, .abi_minor = WEFT_ABI_MINOR, __VA_ARGS__    \
  }

G_END_DECLS
