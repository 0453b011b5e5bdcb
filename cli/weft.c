/* weft — the command line: parses arguments and calls libweft; nothing
 * else.  Exit status: 0 every document processed, 1 some documents failed
 * (each has an error record), 2 usage or configuration error. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "pipeline.h"
#include "reader.h"
#include "registry.h"
#include "runner.h"

#define EXIT_FAILED_DOCS 1
#define EXIT_USAGE 2

static const char summary[] =
    "Commands:\n"
    "  run PIPELINE [INPUT…]   run a pipeline (a name or a .yaml file) over files,\n"
    "                          folders (*.txt, or *.jsonl with --input jsonl) or - (stdin)\n"
    "  list                    the pipelines and plugins found, and where\n"
    "  describe PLUGIN         a plugin's options and layers\n"
    "  check PIPELINE          validate a pipeline without reading documents\n"
    "\n"
    "Run 'weft COMMAND --help' for a command's options.  Exit status: 0 all\n"
    "documents processed, 1 some failed (each has an error record), 2 usage or\n"
    "configuration error.";

static int
fail_usage (const char *format, const char *arg)
{
  fprintf (stderr, "weft: ");
  fprintf (stderr, format, arg);
  fprintf (stderr, "\n");
  return EXIT_USAGE;
}

static int
fail_error (GError *error)
{
  fprintf (stderr, "weft: %s\n", error->message);
  g_error_free (error);
  return EXIT_USAGE;
}

/* Options shared by run and check: how the pipeline is changed. */
static char **opt_set, **opt_replace, **opt_plugin_path;

static const GOptionEntry pipeline_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_set,
    "Set a stage option (repeatable)", "STAGE.OPTION=VALUE" },
  { "replace", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_replace,
    "Run another plugin in a stage (repeatable)", "STAGE=PLUGIN" },
  { "plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_plugin_path,
    "Search this folder for plugins first (repeatable)", "DIR" },
  G_OPTION_ENTRY_NULL
};

static WeftPipeline *
open_pipeline (const char *name, GError **error)
{
  for (guint i = 0; opt_plugin_path && opt_plugin_path[i]; i++)
    weft_registry_prepend_path (opt_plugin_path[i]);
  g_autoptr (WeftPipeline) pipeline = weft_pipeline_load (name, error);
  if (!pipeline)
    return NULL;
  for (guint i = 0; opt_replace && opt_replace[i]; i++)
    if (!weft_pipeline_replace_stage (pipeline, opt_replace[i], error))
      return NULL;
  for (guint i = 0; opt_set && opt_set[i]; i++)
    if (!weft_pipeline_set_option (pipeline, opt_set[i], error))
      return NULL;
  if (!weft_pipeline_prepare (pipeline, error))
    return NULL;
  return g_steal_pointer (&pipeline);
}

static GOptionContext *
command_context (const char *params, const char *description,
                 const GOptionEntry *entries, gboolean pipeline_options)
{
  GOptionContext *context = g_option_context_new (params);
  g_option_context_set_summary (context, description);
  if (entries)
    g_option_context_add_main_entries (context, entries, NULL);
  if (pipeline_options)
    g_option_context_add_main_entries (context, pipeline_entries, NULL);
  return context;
}

static gboolean
parse_args (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  fprintf (stderr, "%s: %s (see '%s --help')\n", g_get_prgname (),
           error->message, g_get_prgname ());
  return FALSE;
}

/* ---- run ---------------------------------------------------------------- */

static gboolean
all_jsonl (char **inputs)
{
  if (!inputs || !inputs[0])
    return FALSE;
  for (guint i = 0; inputs[i]; i++)
    if (!g_str_has_suffix (inputs[i], ".jsonl"))
      return FALSE;
  return TRUE;
}

static gboolean
valid_date (const char *date)
{
  return strlen (date) == 10 && weft_date_prefix_is_valid (date);
}

static int
check_layers (WeftPipeline *pipeline, char **layers)
{
  g_auto (GStrv) known = weft_pipeline_get_layers (pipeline);
  for (guint i = 0; layers[i]; i++)
    if (!g_strv_contains ((const char *const *) known, layers[i]))
      {
        const char *near = weft_nearest_name (layers[i], (const char *const *) known);
        g_autofree char *all = g_strjoinv (", ", known);
        fprintf (stderr, "weft: --layers: pipeline '%s' writes no layer '%s'%s%s%s (it writes: %s)\n",
                 weft_pipeline_get_name (pipeline), layers[i],
                 near ? "; did you mean '" : "", near ? near : "",
                 near ? "'?" : "", all);
        return EXIT_USAGE;
      }
  return 0;
}

static int
cmd_run (int argc, char **argv)
{
  g_autofree char *input = NULL, *format = NULL, *layers = NULL,
                  *output = NULL, *date = NULL;
  gint jobs = 1, max_errors = 0;
  gboolean quiet = FALSE, fail_fast = FALSE, isolate = FALSE;
  double timeout = 0;
  g_autofree char *invalid_utf8 = NULL;
  const GOptionEntry entries[] = {
    { "input", 'i', 0, G_OPTION_ARG_STRING, &input,
      "Input format: text (a document per file; the default) or jsonl (a "
      "document per line: id, text, optional date, other fields kept under "
      "meta; the default when every input ends in .jsonl)", "text|jsonl" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: jsonl (default when writing to a file or pipe), text "
      "(a readable summary; default on a terminal) or html (one "
      "self-contained report: each article marked up, and an overview of "
      "speakers, dates and tone)", "jsonl|text|html" },
    { "layers", 'l', 0, G_OPTION_ARG_STRING, &layers,
      "Layers to write, e.g. tokens,sentences (default: the pipeline's "
      "output.layers, else every layer but tokens)", "LIST" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to FILE, atomically (whole or not at all; a device or FIFO directly; - for standard output)", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Worker threads (output stays in input order)", "N" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      "Reference date for documents that carry none", "YYYY-MM-DD" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress on stderr",
      NULL },
    { "fail-fast", 0, 0, G_OPTION_ARG_NONE, &fail_fast,
      "Stop at the first document that fails", NULL },
    { "max-errors", 0, 0, G_OPTION_ARG_INT, &max_errors,
      "Stop after N documents failed (default: never stop)", "N" },
    { "isolate", 0, 0, G_OPTION_ARG_NONE, &isolate,
      "Run documents in forked worker processes (-j of them): a plugin that "
      "crashes or hangs costs that document (an error record), not the run",
      NULL },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &timeout,
      "With --isolate: the time limit per document, in seconds", "SECONDS" },
    { "invalid-utf8", 0, 0, G_OPTION_ARG_STRING, &invalid_utf8,
      "error: a document that is not UTF-8 gets an error record (default); "
      "replace: invalid bytes and NULs become U+FFFD", "error|replace" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = command_context (
      "PIPELINE [INPUT…] - run a pipeline over documents",
      "Runs every document through the pipeline's stages and writes one "
      "record per document: the annotations, or an error record.",
      entries, TRUE);
  if (!parse_args (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    return fail_usage ("run: which pipeline? (see 'weft list')%s", "");
  if (input && strcmp (input, "text") != 0 && strcmp (input, "jsonl") != 0)
    return fail_usage ("--input must be text or jsonl, not '%s'", input);
  if (format && strcmp (format, "text") != 0 && strcmp (format, "jsonl") != 0
      && strcmp (format, "html") != 0)
    return fail_usage ("--format must be jsonl, text or html, not '%s'", format);
  if (date && !valid_date (date))
    return fail_usage ("--date must be a date, YYYY-MM-DD, not '%s'", date);
  if (invalid_utf8 && strcmp (invalid_utf8, "error") != 0
      && strcmp (invalid_utf8, "replace") != 0)
    return fail_usage ("--invalid-utf8 must be error or replace, not '%s'",
                       invalid_utf8);
  if (timeout < 0 || timeout > 86400 || (timeout > 0 && !isolate))
    return fail_usage ("--timeout needs --isolate and 0 to 86400 seconds%s", "");
  if (max_errors < 0)
    return fail_usage ("--max-errors must be 0 or more%s", "");
  if (jobs < 1 || jobs > 256)
    return fail_usage ("--jobs must be between 1 and 256%s", "");
  if (g_strcmp0 (output, "-") == 0) /* as for inputs: standard output */
    g_clear_pointer (&output, g_free);

  GError *error = NULL;
  g_autoptr (WeftPipeline) pipeline = open_pipeline (argv[1], &error);
  if (!pipeline)
    return fail_error (error);
  g_auto (GStrv) layer_list = layers ? g_strsplit (layers, ",", -1) : NULL;
  if (layer_list && check_layers (pipeline, layer_list))
    return EXIT_USAGE;

  char **inputs = argv + 2;
  WeftRunConfig config = {
    .input_jsonl = input ? strcmp (input, "jsonl") == 0 : all_jsonl (inputs),
    .date = date,
    .layers = (const char *const *) layer_list,
    .format = !format ? (!output && isatty (STDOUT_FILENO) ? WEFT_FORMAT_TEXT
                                                           : WEFT_FORMAT_JSONL)
              : strcmp (format, "html") == 0 ? WEFT_FORMAT_HTML
              : strcmp (format, "text") == 0 ? WEFT_FORMAT_TEXT
                                             : WEFT_FORMAT_JSONL,
    .jobs = jobs,
    .output = output,
    .progress = !quiet && isatty (STDERR_FILENO),
    .max_errors = fail_fast ? 1 : (guint64) max_errors,
    .replace_invalid = invalid_utf8 && strcmp (invalid_utf8, "replace") == 0,
    .isolate = isolate,
    .timeout_ms = (guint) (timeout * 1000),
  };
  WeftRunStats stats;
  if (!weft_run (pipeline, &config, (const char *const *) inputs, &stats, &error))
    return fail_error (error);
  if (stats.stopped)
    {
      fprintf (stderr, "weft: stopped after %" G_GUINT64_FORMAT
               " failed documents; the documents after the last record were not run\n",
               stats.failed);
      return EXIT_FAILED_DOCS;
    }
  if (stats.failed)
    {
      fprintf (stderr, "weft: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
               " documents failed (see their error records)\n",
               stats.failed, stats.documents);
      return EXIT_FAILED_DOCS;
    }
  return 0;
}

/* ---- check, list, describe ---------------------------------------------- */

static int
cmd_check (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = command_context (
      "PIPELINE - validate a pipeline",
      "Loads the pipeline, its plugins and their data, and checks options and "
      "the layer chain, without reading any document.",
      NULL, TRUE);
  if (!parse_args (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return fail_usage ("check: give one pipeline%s", "");
  GError *error = NULL;
  g_autoptr (WeftPipeline) pipeline = open_pipeline (argv[1], &error);
  if (!pipeline)
    return fail_error (error);
  printf ("%s: ok, %u stages:", weft_pipeline_get_name (pipeline),
          weft_pipeline_get_n_stages (pipeline));
  for (guint i = 0; i < weft_pipeline_get_n_stages (pipeline); i++)
    {
      const char *id, *plugin;
      weft_pipeline_get_stage (pipeline, i, &id, &plugin);
      if (strcmp (id, plugin) == 0)
        printf ("%s %s", i ? " →" : "", id);
      else
        printf ("%s %s (%s)", i ? " →" : "", id, plugin);
    }
  printf ("\n");
  return 0;
}

static const char *
option_type_name (WeftOptionType type)
{
  static const char *const names[] = { "string", "int", "double", "bool",
                                       "path",   "list", "path-list" };
  return type <= WEFT_OPTION_PATH_LIST ? names[type] : "?";
}

static void
print_layers (const char *label, const char *const *layers)
{
  g_autofree char *joined = layers ? g_strjoinv (", ", (GStrv) layers) : NULL;
  printf ("  %-10s %s\n", label, joined && *joined ? joined : "-");
}

static int
cmd_describe (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = command_context (
      "PLUGIN - describe a plugin", "Shows a plugin's layers and options.",
      NULL, TRUE);
  if (!parse_args (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return fail_usage ("describe: give one plugin name%s", "");
  for (guint i = 0; opt_plugin_path && opt_plugin_path[i]; i++)
    weft_registry_prepend_path (opt_plugin_path[i]);
  GError *error = NULL;
  const WeftPluginInfo *info = weft_registry_load (argv[1], &error);
  if (!info)
    return fail_error (error);
  const WeftPlugin *p = info->plugin;
  printf ("%s %s — %s\n", p->name, p->version, p->description);
  printf ("  %-10s %s\n", "file", info->path);
  printf ("  %-10s %u.%u\n", "abi", p->abi_major, p->abi_minor);
  print_layers ("requires", p->requires);
  print_layers ("uses", p->uses);
  print_layers ("provides", p->provides);
  printf ("\nOptions (set in a pipeline's 'options:' or with --set %s.NAME=VALUE):\n",
          p->name);
  if (!p->options || !p->options[0].name)
    printf ("  none\n");
  for (const WeftOptionSpec *o = p->options; o && o->name; o++)
    printf ("  %-22s %-9s default: %s\n      %s\n", o->name,
            option_type_name (o->type),
            o->default_value && *o->default_value ? o->default_value : "(none)",
            o->help ? o->help : "");
  return 0;
}

static int
cmd_list (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = command_context (
      "- list pipelines and plugins",
      "Lists the named pipelines and the plugins found, with where each is.",
      NULL, TRUE);
  if (!parse_args (context, &argc, &argv))
    return EXIT_USAGE;
  for (guint i = 0; opt_plugin_path && opt_plugin_path[i]; i++)
    weft_registry_prepend_path (opt_plugin_path[i]);
  printf ("Pipelines:\n");
  g_auto (GStrv) dirs = weft_pipeline_get_search_path ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, NULL);
  for (guint d = 0; dirs[d]; d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *entry;
      while (dir && (entry = g_dir_read_name (dir)))
        if (g_str_has_suffix (entry, ".yaml"))
          g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 5));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = *(char **) &names->pdata[i];
          if (g_hash_table_contains (seen, name))
            continue; /* hidden by an earlier folder */
          g_hash_table_add (seen, g_strdup (name));
          g_autofree char *path = g_strconcat (dirs[d], "/", name, ".yaml", NULL);
          GError *error = NULL;
          g_autoptr (WeftPipeline) p = weft_pipeline_load (path, &error);
          printf ("  %-14s %s\n  %-14s %s\n", name,
                  p ? (weft_pipeline_get_description (p)
                           ? weft_pipeline_get_description (p) : "")
                    : error->message,
                  "", path);
          g_clear_error (&error);
        }
    }
  printf ("\nPlugins:\n");
  g_auto (GStrv) plugins = weft_registry_list_names ();
  for (guint i = 0; plugins[i]; i++)
    {
      GError *error = NULL;
      const WeftPluginInfo *info = weft_registry_load (plugins[i], &error);
      if (info)
        printf ("  %-14s %s\n  %-14s %s\n", plugins[i], info->plugin->description,
                "", info->path);
      else
        printf ("  %-14s cannot load: %s\n", plugins[i], error->message);
      g_clear_error (&error);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  static const struct {
    const char *name;
    int (*run) (int argc, char **argv);
  } commands[] = {
    { "run", cmd_run },
    { "list", cmd_list },
    { "describe", cmd_describe },
    { "check", cmd_check },
  };
  if (argc >= 2 && (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "-V") == 0))
    {
      printf ("weft %s (plugin ABI %d.%d)\n", WEFT_VERSION, WEFT_ABI_MAJOR,
              WEFT_ABI_MINOR);
      return 0;
    }
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      printf ("Usage: weft COMMAND [OPTION…]\n\nweft runs text through a chain "
              "of plugins described in YAML.\n\n%s\n", summary);
      return argc < 2 ? EXIT_USAGE : 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        /* hand the command its own argv; usage lines say "weft run" */
        g_autofree char *prgname = g_strconcat ("weft ", argv[1], NULL);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }
  const char *names[] = { "run", "list", "describe", "check", NULL };
  const char *near = weft_nearest_name (argv[1], names);
  fprintf (stderr, "weft: unknown command '%s'%s%s%s; see 'weft --help'\n",
           argv[1], near ? " (did you mean '" : "", near ? near : "",
           near ? "'?)" : "");
  return EXIT_USAGE;
}
