/* weft — pipelines.  A YAML file is read into stages of unresolved settings
 * (plugin names, option text with its file:line:column); prepare() then
 * loads the plugins, checks every option against their tables and the layer
 * chain, and runs init().  No document is read before all of that passed. */
#include "pipeline.h"

#include <string.h>
#include <yaml.h>

#include "doc-private.h"
#include "options.h"
#include "registry.h"
#include "weft-config.h"

/* The most YAML nodes a pipeline may visit: aliases can make a small file
 * name the same large node many times, and each visit costs. */
#define MAX_NODE_VISITS 20000
#define MAX_EXTENDS_DEPTH 16
#define MAX_FLOW_DEPTH 64
#define MAX_FILE_SIZE (1024 * 1024)

typedef struct {
  char *name;
  char *value;  /* scalar form, or NULL */
  GStrv items;  /* sequence form, or NULL */
  char *where;  /* "file:line:col" or "--set …" */
  char *base_dir;
} Setting;

typedef struct {
  char *id;
  char *plugin;
  char *where;
  GPtrArray *settings; /* Setting* */
  const WeftPluginInfo *info;
  WeftOptions *options;
  gpointer state;
  gboolean initialized;
} Stage;

struct _WeftPipeline {
  char *name;
  char *description;
  char *origin;
  GPtrArray *stages; /* Stage* */
  GStrv output_layers;
  gboolean prepared;
  /* The last stage that requires, uses or provides tokens (G_MAXUINT:
   * none), and whether process() releases them after it. */
  guint tokens_last_stage;
  gboolean release_tokens;
};

typedef struct {
  const char *origin;
  const char *base_dir;
  yaml_document_t *document;
  guint visits;
  GError **error;
} Loader;

static void
setting_free (gpointer data)
{
  Setting *s = data;
  g_free (s->name);
  g_free (s->value);
  g_strfreev (s->items);
  g_free (s->where);
  g_free (s->base_dir);
  g_free (s);
}

static Stage *
stage_new (const char *id, const char *plugin, const char *where)
{
  Stage *stage = g_new0 (Stage, 1);
  stage->id = g_strdup (id);
  stage->plugin = g_strdup (plugin);
  stage->where = g_strdup (where);
  stage->settings = g_ptr_array_new_with_free_func (setting_free);
  return stage;
}

static void
stage_free (gpointer data)
{
  Stage *stage = data;
  if (stage->initialized && stage->info->plugin->finish)
    stage->info->plugin->finish (stage->state);
  weft_options_free (stage->options);
  g_ptr_array_unref (stage->settings);
  g_free (stage->id);
  g_free (stage->plugin);
  g_free (stage->where);
  g_free (stage);
}

static WeftPipeline *
pipeline_new (const char *origin)
{
  WeftPipeline *pipeline = g_new0 (WeftPipeline, 1);
  pipeline->origin = g_strdup (origin);
  pipeline->stages = g_ptr_array_new_with_free_func (stage_free);
  return pipeline;
}

void
weft_pipeline_free (WeftPipeline *pipeline)
{
  if (!pipeline)
    return;
  g_ptr_array_unref (pipeline->stages);
  g_strfreev (pipeline->output_layers);
  g_free (pipeline->name);
  g_free (pipeline->description);
  g_free (pipeline->origin);
  g_free (pipeline);
}

/* ---- reading YAML ---------------------------------------------------------- */

static char *
where (Loader *l, yaml_node_t *node)
{
  return g_strdup_printf ("%s:%zu:%zu", l->origin, node->start_mark.line + 1,
                          node->start_mark.column + 1);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail_at (Loader *l, yaml_node_t *node, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_autofree char *at = where (l, node);
  g_set_error (l->error, WEFT_ERROR, WEFT_ERROR_CONFIG, "%s: %s", at, message);
  return FALSE;
}

static yaml_node_t *
node_at (Loader *l, int index)
{
  l->visits++;
  return yaml_document_get_node (l->document, index);
}

static gboolean
visit_budget_ok (Loader *l, yaml_node_t *node)
{
  if (l->visits <= MAX_NODE_VISITS)
    return TRUE;
  return fail_at (l, node,
                  "the pipeline expands to more than %d YAML nodes (through "
                  "aliases?); refusing it",
                  MAX_NODE_VISITS);
}

static const char *
scalar (yaml_node_t *node)
{
  return node->type == YAML_SCALAR_NODE ? (const char *) node->data.scalar.value
                                        : NULL;
}

static const char *
node_kind (yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_SCALAR_NODE: return "a scalar";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a mapping";
    default: return "nothing";
    }
}

static gboolean
expect_scalar (Loader *l, yaml_node_t *node, const char *what)
{
  if (node->type == YAML_SCALAR_NODE)
    return TRUE;
  return fail_at (l, node, "%s must be a single value, not %s", what,
                  node_kind (node));
}

static gboolean
check_key (Loader *l, yaml_node_t *key, const char *context,
           const char *const *valid)
{
  const char *name = scalar (key);
  if (name && g_strv_contains (valid, name))
    return TRUE;
  if (!name)
    return fail_at (l, key, "keys in %s must be plain names", context);
  const char *near = weft_nearest_name (name, valid);
  g_autofree char *all = g_strjoinv (", ", (GStrv) valid);
  if (near)
    return fail_at (l, key, "unknown key '%s' in %s; did you mean '%s'?", name,
                    context, near);
  return fail_at (l, key, "unknown key '%s' in %s (valid keys: %s)", name,
                  context, all);
}

static GStrv
read_string_list (Loader *l, yaml_node_t *node, const char *what)
{
  if (node->type == YAML_SCALAR_NODE)
    return g_strsplit (scalar (node), ",", -1);
  if (node->type != YAML_SEQUENCE_NODE)
    {
      fail_at (l, node, "%s must be a list", what);
      return NULL;
    }
  GPtrArray *items = g_ptr_array_new ();
  for (yaml_node_item_t *i = node->data.sequence.items.start;
       i < node->data.sequence.items.top; i++)
    {
      yaml_node_t *item = node_at (l, *i);
      if (!visit_budget_ok (l, item) || !expect_scalar (l, item, what))
        {
          g_ptr_array_add (items, NULL);
          g_strfreev ((GStrv) g_ptr_array_free (items, FALSE));
          return NULL;
        }
      g_ptr_array_add (items, g_strdup (scalar (item)));
    }
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_free (items, FALSE);
}

static gboolean
read_options (Loader *l, Stage *stage, yaml_node_t *node)
{
  if (node->type == YAML_SCALAR_NODE && !*scalar (node))
    return TRUE; /* "options:" with nothing after it */
  if (node->type != YAML_MAPPING_NODE)
    return fail_at (l, node, "options of stage '%s' must be a mapping",
                    stage->id);
  for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
       p < node->data.mapping.pairs.top; p++)
    {
      yaml_node_t *key = node_at (l, p->key), *value = node_at (l, p->value);
      if (!visit_budget_ok (l, value) || !expect_scalar (l, key, "an option name"))
        return FALSE;
      Setting *s = g_new0 (Setting, 1);
      s->name = g_strdup (scalar (key));
      s->where = where (l, key);
      s->base_dir = g_strdup (l->base_dir);
      g_ptr_array_add (stage->settings, s);
      if (value->type == YAML_SCALAR_NODE)
        s->value = g_strdup (scalar (value));
      else if (!(s->items = read_string_list (l, value, "an option value")))
        return FALSE;
    }
  return TRUE;
}

static Stage *
find_stage (WeftPipeline *pipeline, const char *id)
{
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      if (strcmp (stage->id, id) == 0)
        return stage;
    }
  return NULL;
}

static gboolean
read_stage (Loader *l, WeftPipeline *pipeline, yaml_node_t *node,
            gboolean extending)
{
  static const char *const keys[] = { "plugin", "id", "options", NULL };
  if (node->type != YAML_MAPPING_NODE)
    return fail_at (l, node,
                    "each stage must be a mapping with 'plugin' (and optional "
                    "'id', 'options'), not %s",
                    node_kind (node));
  const char *plugin = NULL, *id = NULL;
  yaml_node_t *options = NULL;
  for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
       p < node->data.mapping.pairs.top; p++)
    {
      yaml_node_t *key = node_at (l, p->key), *value = node_at (l, p->value);
      if (!check_key (l, key, "a stage", keys))
        return FALSE;
      const char *name = scalar (key);
      if (strcmp (name, "options") == 0)
        options = value;
      else if (!expect_scalar (l, value, name))
        return FALSE;
      else if (strcmp (name, "plugin") == 0)
        plugin = scalar (value);
      else
        id = scalar (value);
    }
  if (!id)
    id = plugin;
  if (!id)
    return fail_at (l, node, "a stage needs 'plugin' (or, in a pipeline that "
                             "extends another, the 'id' of a stage to change)");
  Stage *stage = find_stage (pipeline, id);
  if (stage && !extending)
    return fail_at (l, node,
                    "two stages have the id '%s'; give one an 'id' of its own",
                    id);
  if (stage && plugin && strcmp (plugin, stage->plugin) != 0)
    {
      /* A different plugin in a derived pipeline: the base's options were
       * for the old one. */
      g_free (stage->plugin);
      stage->plugin = g_strdup (plugin);
      g_ptr_array_set_size (stage->settings, 0);
    }
  if (!stage)
    {
      if (!plugin)
        return fail_at (l, node,
                        "no stage '%s' to change in the base pipeline, and "
                        "no 'plugin' for a new one",
                        id);
      g_autofree char *at = where (l, node);
      stage = stage_new (id, plugin, at);
      g_ptr_array_add (pipeline->stages, stage);
    }
  return !options || read_options (l, stage, options);
}

static char *resolve_pipeline_file (const char *name_or_path,
                                    const char *base_dir, GError **error);
static WeftPipeline *load_file (const char *path, guint depth, GError **error);

static WeftPipeline *
load_node (Loader *l, yaml_node_t *root, guint depth)
{
  static const char *const keys[] = { "name", "description", "extends",
                                      "stages", "output", NULL };
  static const char *const output_keys[] = { "layers", NULL };
  if (!root || root->type != YAML_MAPPING_NODE)
    {
      g_set_error (l->error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "%s: a pipeline is a mapping with 'name', 'description' and "
                   "'stages'",
                   l->origin);
      return NULL;
    }
  g_autoptr (WeftPipeline) pipeline = NULL;
  yaml_node_t *stages = NULL, *output = NULL;
  const char *name = NULL, *description = NULL, *extends = NULL;
  yaml_node_t *extends_node = NULL;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
       p < root->data.mapping.pairs.top; p++)
    {
      yaml_node_t *key = node_at (l, p->key), *value = node_at (l, p->value);
      if (!check_key (l, key, "the pipeline", keys))
        return NULL;
      const char *k = scalar (key);
      if (strcmp (k, "stages") == 0)
        stages = value;
      else if (strcmp (k, "output") == 0)
        output = value;
      else if (!expect_scalar (l, value, k))
        return NULL;
      else if (strcmp (k, "name") == 0)
        name = scalar (value);
      else if (strcmp (k, "description") == 0)
        description = scalar (value);
      else
        {
          extends = scalar (value);
          extends_node = value;
        }
    }
  if (extends)
    {
      if (depth >= MAX_EXTENDS_DEPTH)
        {
          fail_at (l, extends_node,
                   "'extends' nests more than %d deep (a cycle?)",
                   MAX_EXTENDS_DEPTH);
          return NULL;
        }
      GError *local = NULL;
      g_autofree char *path = resolve_pipeline_file (extends, l->base_dir,
                                                     &local);
      if (path)
        pipeline = load_file (path, depth + 1, &local);
      if (!pipeline)
        {
          fail_at (l, extends_node, "cannot extend '%s': %s", extends,
                   local->message);
          g_error_free (local);
          return NULL;
        }
      g_free (pipeline->origin);
      pipeline->origin = g_strdup (l->origin);
    }
  else
    pipeline = pipeline_new (l->origin);
  if (name)
    {
      g_free (pipeline->name);
      pipeline->name = g_strdup (name);
    }
  if (description)
    {
      g_free (pipeline->description);
      pipeline->description = g_strdup (description);
    }
  if (!stages && !extends)
    {
      fail_at (l, root, "the pipeline has no 'stages'");
      return NULL;
    }
  if (stages && stages->type != YAML_SEQUENCE_NODE)
    {
      fail_at (l, stages, "'stages' must be a list");
      return NULL;
    }
  for (yaml_node_item_t *i = stages ? stages->data.sequence.items.start : NULL;
       stages && i < stages->data.sequence.items.top; i++)
    {
      yaml_node_t *stage = node_at (l, *i);
      if (!visit_budget_ok (l, stage)
          || !read_stage (l, pipeline, stage, extends != NULL))
        return NULL;
    }
  if (output)
    {
      if (output->type != YAML_MAPPING_NODE)
        {
          fail_at (l, output, "'output' must be a mapping");
          return NULL;
        }
      for (yaml_node_pair_t *p = output->data.mapping.pairs.start;
           p < output->data.mapping.pairs.top; p++)
        {
          yaml_node_t *key = node_at (l, p->key), *value = node_at (l, p->value);
          if (!check_key (l, key, "'output'", output_keys))
            return NULL;
          GStrv layers = read_string_list (l, value, "output layers");
          if (!layers)
            return NULL;
          g_strfreev (pipeline->output_layers);
          pipeline->output_layers = layers;
        }
    }
  if (!pipeline->name)
    pipeline->name = g_strdup (l->origin);
  return g_steal_pointer (&pipeline);
}

/* libyaml's scanner takes time quadratic in the nesting of flow
 * collections ([[[[…), so a pipeline's depth and size are checked before it
 * sees the text.  Brackets inside quotes and comments are not counted. */
static gboolean
check_shape (const char *yaml, gsize len, const char *origin, GError **error)
{
  if (len > MAX_FILE_SIZE)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "%s: %" G_GSIZE_FORMAT " bytes is too large for a pipeline "
                   "(the limit is %d)", origin, len, MAX_FILE_SIZE);
      return FALSE;
    }
  guint depth = 0, line = 1, column = 1;
  char quote = 0;
  for (gsize i = 0; i < len; i++, column++)
    {
      char c = yaml[i];
      if (c == '\n')
        {
          line++;
          column = 0;
          if (quote == '#')
            quote = 0;
          continue;
        }
      if (quote)
        {
          if (c == quote && quote != '#')
            quote = 0;
          continue;
        }
      if (c == '"' || c == '\'' || (c == '#' && (i == 0 || g_ascii_isspace (yaml[i - 1]))))
        quote = c;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_FLOW_DEPTH)
            {
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                           "%s:%u:%u: brackets nest more than %d deep; refusing "
                           "the pipeline",
                           origin, line, column, MAX_FLOW_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static WeftPipeline *
load_data (const char *yaml, gsize len, const char *origin,
           const char *base_dir, guint depth, GError **error)
{
  if (!check_shape (yaml, len, origin, error))
    return NULL;
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, len);
  if (!yaml_parser_load (&parser, &document))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "%s:%zu:%zu: YAML syntax error: %s%s%s", origin,
                   parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                   parser.problem ? parser.problem : "unknown",
                   parser.context ? " " : "",
                   parser.context ? parser.context : "");
      yaml_parser_delete (&parser);
      return NULL;
    }
  Loader l = { origin, base_dir, &document, 0, error };
  WeftPipeline *pipeline = load_node (&l, yaml_document_get_root_node (&document),
                                      depth);
  yaml_document_delete (&document);
  yaml_parser_delete (&parser);
  return pipeline;
}

static WeftPipeline *
load_file (const char *path, guint depth, GError **error)
{
  g_autofree char *contents = NULL;
  gsize len;
  GError *local = NULL;
  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  return load_data (contents, len, path, dir, depth, error);
}

WeftPipeline *
weft_pipeline_load_data (const char *yaml, gssize len, const char *origin,
                         GError **error)
{
  g_return_val_if_fail (yaml != NULL, NULL);
  g_autofree char *cwd = g_get_current_dir ();
  return load_data (yaml, len < 0 ? strlen (yaml) : (gsize) len,
                    origin ? origin : "<pipeline>", cwd, 0, error);
}

/* ---- finding pipeline files --------------------------------------------------- */

static gboolean
is_path (const char *name)
{
  return strchr (name, '/') || g_str_has_suffix (name, ".yaml")
         || g_str_has_suffix (name, ".yml");
}

GStrv
weft_pipeline_get_search_path (void)
{
  GPtrArray *dirs = g_ptr_array_new ();
  const char *env = g_getenv ("WEFT_PIPELINE_PATH");
  g_auto (GStrv) parts = g_strsplit (env ? env : "", G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_ptr_array_add (dirs, g_strdup (parts[i]));
  g_ptr_array_add (dirs, g_build_filename (g_get_user_config_dir (), "weft",
                                           "pipelines", NULL));
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe && g_str_has_prefix (exe, WEFT_BUILD_ROOT "/"))
    g_ptr_array_add (dirs, g_strdup (WEFT_SOURCE_ROOT "/pipelines"));
  g_ptr_array_add (dirs, g_strdup (WEFT_PIPELINEDIR));
  g_ptr_array_add (dirs, NULL);
  return (GStrv) g_ptr_array_free (dirs, FALSE);
}

static char *
resolve_pipeline_file (const char *name_or_path, const char *base_dir,
                       GError **error)
{
  if (is_path (name_or_path))
    {
      char *path = g_canonicalize_filename (name_or_path, base_dir);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "pipeline file '%s' does not exist", name_or_path);
      g_free (path);
      return NULL;
    }
  g_auto (GStrv) dirs = weft_pipeline_get_search_path ();
  g_autofree char *file = g_strconcat (name_or_path, ".yaml", NULL);
  for (guint i = 0; dirs[i]; i++)
    {
      char *path = g_build_filename (dirs[i], file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  g_autofree char *searched = g_strjoinv (", ", dirs);
  g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
               "no pipeline named '%s' (searched %s; give a path to use a file)",
               name_or_path, searched);
  return NULL;
}

WeftPipeline *
weft_pipeline_load (const char *name_or_path, GError **error)
{
  g_autofree char *path = resolve_pipeline_file (name_or_path, NULL, error);
  return path ? load_file (path, 0, error) : NULL;
}

/* ---- command-line changes ------------------------------------------------------- */

static gboolean
split_assignment (const char *assignment, const char *flag, char **left,
                  char **right, GError **error)
{
  const char *eq = strchr (assignment, '=');
  if (!eq || eq == assignment)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "%s '%s': expected %s", flag, assignment,
                   strcmp (flag, "--set") == 0 ? "STAGE.OPTION=VALUE"
                                               : "STAGE=PLUGIN");
      return FALSE;
    }
  *left = g_strndup (assignment, eq - assignment);
  *right = g_strdup (eq + 1);
  return TRUE;
}

static gboolean
no_such_stage (WeftPipeline *pipeline, const char *flag, const char *id,
               GError **error)
{
  GPtrArray *ids = g_ptr_array_new ();
  for (guint i = 0; i < pipeline->stages->len; i++)
    g_ptr_array_add (ids, ((Stage *) g_ptr_array_index (pipeline->stages, i))->id);
  g_ptr_array_add (ids, NULL);
  const char *near = weft_nearest_name (id, (const char *const *) ids->pdata);
  g_autofree char *all = g_strjoinv (", ", (GStrv) ids->pdata);
  g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
               "%s: pipeline '%s' has no stage '%s'%s%s%s (stages: %s)", flag,
               pipeline->name, id, near ? "; did you mean '" : "",
               near ? near : "", near ? "'?" : "", all);
  g_ptr_array_free (ids, TRUE);
  return FALSE;
}

gboolean
weft_pipeline_set_option (WeftPipeline *pipeline, const char *assignment,
                          GError **error)
{
  g_return_val_if_fail (!pipeline->prepared, FALSE);
  g_autofree char *left = NULL, *value = NULL;
  if (!split_assignment (assignment, "--set", &left, &value, error))
    return FALSE;
  const char *dot = strchr (left, '.');
  if (!dot)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "--set '%s': expected STAGE.OPTION=VALUE", assignment);
      return FALSE;
    }
  g_autofree char *id = g_strndup (left, dot - left);
  Stage *stage = find_stage (pipeline, id);
  if (!stage)
    return no_such_stage (pipeline, "--set", id, error);
  Setting *s = g_new0 (Setting, 1);
  s->name = g_strdup (dot + 1);
  s->value = g_steal_pointer (&value);
  s->where = g_strdup_printf ("--set %s", assignment);
  g_ptr_array_add (stage->settings, s);
  return TRUE;
}

gboolean
weft_pipeline_replace_stage (WeftPipeline *pipeline, const char *assignment,
                             GError **error)
{
  g_return_val_if_fail (!pipeline->prepared, FALSE);
  g_autofree char *id = NULL, *plugin = NULL;
  if (!split_assignment (assignment, "--replace", &id, &plugin, error))
    return FALSE;
  Stage *stage = find_stage (pipeline, id);
  if (!stage)
    return no_such_stage (pipeline, "--replace", id, error);
  g_free (stage->plugin);
  stage->plugin = g_steal_pointer (&plugin);
  g_free (stage->where);
  stage->where = g_strdup_printf ("--replace %s", assignment);
  g_ptr_array_set_size (stage->settings, 0);
  return TRUE;
}

/* ---- preparing and running ------------------------------------------------------- */

static gboolean
apply_settings (Stage *stage, GError **error)
{
  for (guint i = 0; i < stage->settings->len; i++)
    {
      Setting *s = g_ptr_array_index (stage->settings, i);
      gboolean ok = s->items ? weft_options_set_list (stage->options, s->name,
                                                      (const char *const *) s->items,
                                                      s->base_dir, error)
                             : weft_options_set (stage->options, s->name,
                                                 s->value, s->base_dir, error);
      if (!ok)
        {
          g_prefix_error (error, "%s: ", s->where);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether the NULL-terminated @layers (may be NULL) names @layer. */
static gboolean
declares (const char *const *layers, const char *layer)
{
  return layers && g_strv_contains (layers, layer);
}

/* Which stage provides @layer, at or after index @from; NULL if none. */
static const char *
later_provider (WeftPipeline *pipeline, guint from, const char *layer)
{
  for (guint i = from; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      if (declares (stage->info->plugin->provides, layer))
        return stage->id;
    }
  return NULL;
}

static gboolean
check_layer_chain (WeftPipeline *pipeline, GError **error)
{
  g_autoptr (GHashTable) available = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      const WeftPlugin *plugin = stage->info->plugin;
      for (guint r = 0; plugin->requires && plugin->requires[r]; r++)
        {
          const char *layer = plugin->requires[r];
          if (g_hash_table_contains (available, layer))
            continue;
          const char *later = later_provider (pipeline, i + 1, layer);
          if (later)
            g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                         "%s: stage '%s' (plugin %s) requires the layer '%s', "
                         "which stage '%s' provides only after it; move '%s' "
                         "earlier",
                         stage->where, stage->id, plugin->name, layer, later,
                         later);
          else
            g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                         "%s: stage '%s' (plugin %s) requires the layer '%s', "
                         "which no earlier stage provides",
                         stage->where, stage->id, plugin->name, layer);
          return FALSE;
        }
      for (guint p = 0; plugin->provides && plugin->provides[p]; p++)
        g_hash_table_add (available, (gpointer) plugin->provides[p]);
    }
  return TRUE;
}

gboolean
weft_pipeline_prepare (WeftPipeline *pipeline, GError **error)
{
  g_return_val_if_fail (pipeline != NULL && !pipeline->prepared, FALSE);
  if (pipeline->stages->len == 0)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_CONFIG,
                   "%s: the pipeline has no stages", pipeline->origin);
      return FALSE;
    }
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      stage->info = weft_registry_load (stage->plugin, error);
      if (!stage->info)
        {
          g_prefix_error (error, "%s: stage '%s': ", stage->where, stage->id);
          return FALSE;
        }
      stage->options = weft_options_new (stage->info->plugin,
                                         stage->info->data_dir, stage->id,
                                         error);
      if (!stage->options || !apply_settings (stage, error))
        return FALSE;
    }
  if (!check_layer_chain (pipeline, error))
    return FALSE;
  pipeline->tokens_last_stage = G_MAXUINT;
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const WeftPlugin *plugin
          = ((Stage *) g_ptr_array_index (pipeline->stages, i))->info->plugin;
      if (declares (plugin->requires, "tokens")
          || declares (plugin->uses, "tokens")
          || declares (plugin->provides, "tokens"))
        pipeline->tokens_last_stage = i;
    }
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      const WeftPlugin *plugin = stage->info->plugin;
      GError *local = NULL;
      if (plugin->init && !plugin->init (stage->options, &stage->state, &local))
        {
          g_set_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN,
                       "stage '%s' (%s): init failed: %s", stage->id,
                       stage->info->path,
                       local ? local->message : "no reason given");
          g_clear_error (&local);
          return FALSE;
        }
      stage->initialized = TRUE;
    }
  pipeline->prepared = TRUE;
  return TRUE;
}

gboolean
weft_pipeline_process (WeftPipeline *pipeline, WeftDoc *doc,
                       const char **failed_stage, GError **error)
{
  g_return_val_if_fail (pipeline->prepared, FALSE);
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      GError *local = NULL;
      if (!stage->info->plugin->process (stage->state, doc, &local))
        {
          if (failed_stage)
            *failed_stage = stage->id;
          if (local)
            g_propagate_error (error, local);
          else
            g_set_error (error, WEFT_ERROR, WEFT_ERROR_FAILED,
                         "plugin '%s' failed without saying why",
                         stage->info->name);
          return FALSE;
        }
      if (local)
        g_error_free (local); /* an error set on success is ignored */
      if (i == pipeline->tokens_last_stage && pipeline->release_tokens)
        weft_doc_release_tokens (doc);
    }
  return TRUE;
}

void
weft_pipeline_set_release_tokens (WeftPipeline *pipeline, gboolean release)
{
  pipeline->release_tokens = release;
}

const char *
weft_pipeline_get_name (const WeftPipeline *pipeline)
{
  return pipeline->name;
}

const char *
weft_pipeline_get_description (const WeftPipeline *pipeline)
{
  return pipeline->description;
}

const char *const *
weft_pipeline_get_output_layers (const WeftPipeline *pipeline)
{
  return (const char *const *) pipeline->output_layers;
}

guint
weft_pipeline_get_n_stages (const WeftPipeline *pipeline)
{
  return pipeline->stages->len;
}

void
weft_pipeline_get_stage (const WeftPipeline *pipeline, guint i,
                         const char **id, const char **plugin)
{
  Stage *stage = g_ptr_array_index (pipeline->stages, i);
  *id = stage->id;
  *plugin = stage->plugin;
}

gboolean
weft_pipeline_provides (const WeftPipeline *pipeline, const char *layer)
{
  g_return_val_if_fail (pipeline->prepared, FALSE);
  return later_provider ((WeftPipeline *) pipeline, 0, layer) != NULL;
}

GStrv
weft_pipeline_get_layers (const WeftPipeline *pipeline)
{
  g_return_val_if_fail (pipeline->prepared, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (pipeline->stages, i);
      const char *const *provides = stage->info->plugin->provides;
      for (guint p = 0; provides && provides[p]; p++)
        g_strv_builder_add (builder, provides[p]);
    }
  GStrv layers = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return layers;
}
