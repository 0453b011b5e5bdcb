/* Tests for pipelines and the plugin registry: loading YAML, every
 * validation error (with file:line:column), stage swapping, and each way a
 * fixture plugin can fail. */
#include <glib/gstdio.h>
#include <string.h>

#include "options.h"
#include "pipeline.h"
#include "registry.h"
#include "weft-test.h"

static char *
fixture (const char *name)
{
  return g_build_filename (WEFT_FIXTURE_DIR, name, NULL);
}

/* Loads and prepares @yaml; returns the error message (or NULL on success). */
static char *
prepare_error (const char *yaml, const char *const *sets)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WeftPipeline) p = weft_pipeline_load_data (yaml, -1, "p.yaml", &error);
  for (guint i = 0; p && sets && sets[i]; i++)
    if (!(g_str_has_prefix (sets[i], "R:")
              ? weft_pipeline_replace_stage (p, sets[i] + 2, &error)
              : weft_pipeline_set_option (p, sets[i], &error)))
      break;
  if (p && !error)
    weft_pipeline_prepare (p, &error);
  return error ? g_strdup (error->message) : NULL;
}

static void
test_load_ok (void)
{
  g_autoptr (WeftPipeline) p = weft_test_pipeline (
      "name: shout\ndescription: Loud words.\nstages:\n"
      "  - plugin: words\n    options: {min-length: 4, label: hi, tags: [x, y]}\n"
      "output:\n  layers: [shouts]\n");
  g_assert_cmpstr (weft_pipeline_get_name (p), ==, "shout");
  g_assert_cmpstr (weft_pipeline_get_description (p), ==, "Loud words.");
  g_assert_cmpstr (weft_pipeline_get_output_layers (p)[0], ==, "shouts");
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (p, doc, "WE say NO and OKAY\nBAKU", NULL);
  guint n;
  weft_doc_get_tokens (doc, &n);
  g_assert_cmpuint (n, ==, 6);
  weft_doc_get_sentences (doc, &n);
  g_assert_cmpuint (n, ==, 2);
  WeftLayer *shouts = weft_doc_get_layer (doc, "shouts");
  g_assert_nonnull (shouts);
  g_assert_cmpuint (weft_layer_get_n_spans (shouts), ==, 2);
  g_assert_cmpstr (weft_layer_get_string (shouts, 0, 0), ==, "OKAY");
  g_assert_cmpstr (weft_layer_get_string (shouts, 1, 0), ==, "BAKU");
  g_assert_cmpstr (weft_doc_get_value_string (doc, "words", "label"), ==, "hi");
  weft_doc_free (doc);
}

/* Runs "WE say NO and OKAY\nBAKU" through words and @then, releasing the
 * tokens when told; the sentences stay either way. */
static WeftDoc *
run_words_then (const char *then, gboolean release)
{
  g_autofree char *yaml = g_strdup_printf (
      "stages:\n  - plugin: words\n  - plugin: %s\n", then);
  g_autoptr (WeftPipeline) p = weft_test_pipeline (yaml);
  weft_pipeline_set_release_tokens (p, release);
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (p, doc, "WE say NO and OKAY\nBAKU", NULL);
  guint n_sentences;
  weft_doc_get_sentences (doc, &n_sentences);
  g_assert_cmpuint (n_sentences, ==, 2);
  return doc;
}

/* The tokens go after the last stage that declares them, when asked (the
 * runner asks when the output does not include them). */
static void
test_release_tokens (void)
{
  guint n = G_MAXUINT;
  /* quotes-fixture declares no tokens: they go after words, and reading
   * them is a programmer's error */
  WeftDoc *doc = run_words_then ("quotes-fixture", TRUE);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL,
                         "weft_doc_get_tokens: the tokens were released*");
  g_assert_null (weft_doc_get_tokens (doc, &n));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (n, ==, 0);
  weft_doc_free (doc);
  /* not asked: they stay */
  doc = run_words_then ("quotes-fixture", FALSE);
  const WeftToken *tokens = weft_doc_get_tokens (doc, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (tokens[5].start, ==, 19); /* BAKU */
  weft_doc_free (doc);
}

static void
test_errors (void)
{
  static const struct {
    const char *yaml;
    const char *sets[3];
    const char *message;
  } cases[] = {
    { "stages:\n  - plugin: words\n   bad: [", { NULL },
      "p.yaml:3:4: YAML syntax error: did not find expected '-' indicator while parsing a block collection" },
    { "stagse:\n  - plugin: words\n", { NULL },
      "p.yaml:1:1: unknown key 'stagse' in the pipeline; did you mean 'stages'?" },
    { "stages:\n  - plugin: words\n    optoins: {}\n", { NULL },
      "p.yaml:3:5: unknown key 'optoins' in a stage; did you mean 'options'?" },
    { "stages:\n  - plugin: wrods\n", { NULL },
      "p.yaml:2:5: stage 'wrods': plugin 'wrods' not found; did you mean 'words'? (searched *" },
    { "stages:\n  - plugin: words\n    options:\n      min-lenght: 3\n", { NULL },
      "p.yaml:4:7: stage 'words': plugin 'words' has no option 'min-lenght'; did you mean 'min-length'?" },
    { "stages:\n  - plugin: words\n    options:\n      min-length: three\n", { NULL },
      "p.yaml:4:7: stage 'words': option 'min-length' must be an integer, not 'three'" },
    { "stages:\n  - plugin: words\n    options:\n      loud: maybe\n", { NULL },
      "p.yaml:4:7: stage 'words': option 'loud' must be true or false, not 'maybe'" },
    { "stages:\n  - plugin: words\n    options:\n      ratio: [1]\n", { NULL },
      "p.yaml:4:7: stage 'words': option 'ratio' must be a number, not a list" },
    { "stages:\n  - plugin: process-fails\n  - plugin: words\n", { NULL },
      "p.yaml:2:5: stage 'process-fails' (plugin process-fails) requires the layer 'tokens', which stage 'words' provides only after it; move 'words' earlier" },
    { "stages:\n  - plugin: words\n  - plugin: needs-quotes\n", { NULL },
      "p.yaml:3:5: stage 'needs-quotes' (plugin needs-quotes) requires the layer 'quotes', which no earlier stage provides" },
    { "stages:\n  - plugin: words\n  - plugin: words\n", { NULL },
      "p.yaml:3:5: two stages have the id 'words'; give one an 'id' of its own" },
    { "name: x\n", { NULL }, "p.yaml:1:1: the pipeline has no 'stages'" },
    { "- a\n", { NULL },
      "p.yaml: a pipeline is a mapping with 'name', 'description' and 'stages'" },
    { "stages:\n  - plugin: words\n", { "word.min-length=3" },
      "--set: pipeline 'p.yaml' has no stage 'word'; did you mean 'words'? (stages: words)" },
    { "stages:\n  - plugin: words\n", { "words.min-length" },
      "--set 'words.min-length': expected STAGE.OPTION=VALUE" },
    { "stages:\n  - plugin: words\n", { "words.min-length=-x" },
      "--set words.min-length=-x: stage 'words': option 'min-length' must be an integer, not '-x'" },
    { "stages:\n  - plugin: words\n", { "R:words=init-fails" },
      "stage 'words' (" WEFT_FIXTURE_DIR "/init-fails.so): init failed: lexicon.txt:3: expected a number" },
    { "stages:\n  - plugin: wrong-abi\n", { NULL },
      "p.yaml:2:5: stage 'wrong-abi': " WEFT_FIXTURE_DIR "/wrong-abi.so: built for plugin ABI 2.0, but this weft supports ABI 1.3" },
    { "stages:\n  - plugin: no-symbol\n", { NULL },
      "p.yaml:2:5: stage 'no-symbol': " WEFT_FIXTURE_DIR "/no-symbol.so: not a weft plugin: it does not export 'weft_plugin_descriptor' (made by WEFT_PLUGIN_DEFINE)" },
    { "stages:\n  - plugin: Words\n", { NULL },
      "p.yaml:2:5: stage 'Words': 'Words' is not a plugin name (names are [a-z0-9-]+)" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = prepare_error (cases[i].yaml, cases[i].sets);
      g_test_message ("case %u: %s", i, cases[i].yaml);
      /* a trailing '*' stands for text that depends on the machine */
      gsize n = strlen (cases[i].message);
      if (cases[i].message[n - 1] == '*')
        {
          g_assert_nonnull (message);
          g_assert_cmpmem (message, MIN (strlen (message), n - 1), cases[i].message, n - 1);
        }
      else
        g_assert_cmpstr (message, ==, cases[i].message);
    }
}

static void
test_not_a_plugin (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("not-a-plugin.so");
  g_assert_null (weft_registry_load_file (path, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_PLUGIN);
  g_autofree char *prefix = g_strdup_printf ("%s: cannot load plugin: ", path);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_alias_bomb (void)
{
  /* Nine levels of ten aliases: a billion nodes if expanded. */
  GString *yaml = g_string_new ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
  for (int i = 1; i < 9; i++)
    {
      g_string_append_printf (yaml, "a%d: &a%d [", i, i);
      for (int k = 0; k < 10; k++)
        g_string_append_printf (yaml, "%s*a%d", k ? ", " : "", i - 1);
      g_string_append (yaml, "]\n");
    }
  g_autofree char *message = NULL;
  g_string_append (yaml, "stages:\n  - plugin: words\n    options:\n      tags: *a8\n");
  /* the unknown top-level keys are reported first; check the option path
   * alone too */
  message = prepare_error (yaml->str, NULL);
  g_assert_cmpstr (message, ==, "p.yaml:1:1: unknown key 'a0' in the pipeline (valid keys: name, description, extends, stages, output)");
  g_string_free (yaml, TRUE);

  yaml = g_string_new ("stages:\n  - plugin: words\n    options:\n      tags: &t [");
  for (int k = 0; k < 30000; k++)
    g_string_append_printf (yaml, "%sx", k ? ", " : "");
  g_string_append (yaml, "]\n");
  g_free (message);
  message = prepare_error (yaml->str, NULL);
  g_assert_true (g_str_has_suffix (message, "refusing it"));
  g_string_free (yaml, TRUE);
}

static void
test_extends (void)
{
  g_autofree char *dir = g_dir_make_tmp ("weft-test-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "base.yaml", NULL);
  g_autofree char *derived = g_build_filename (dir, "derived.yaml", NULL);
  g_assert_true (g_file_set_contents (base,
      "name: base\ndescription: Base.\nstages:\n"
      "  - plugin: words\n    id: w\n    options: {min-length: 5, label: base}\n", -1, NULL));
  g_assert_true (g_file_set_contents (derived,
      "name: derived\nextends: base.yaml\nstages:\n"
      "  - id: w\n    options: {min-length: 2}\n"
      "  - plugin: process-fails\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (WeftPipeline) p = weft_pipeline_load (derived, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (weft_pipeline_get_name (p), ==, "derived");
  g_assert_cmpstr (weft_pipeline_get_description (p), ==, "Base.");
  g_assert_cmpuint (weft_pipeline_get_n_stages (p), ==, 2);
  g_assert_true (weft_pipeline_prepare (p, &error));
  WeftDoc *doc = weft_doc_new ();
  weft_test_run (p, doc, "NO way", NULL);
  /* min-length 2 from the derived file, label from the base */
  g_assert_cmpuint (weft_layer_get_n_spans (weft_doc_get_layer (doc, "shouts")), ==, 1);
  g_assert_cmpstr (weft_doc_get_value_string (doc, "words", "label"), ==, "base");
  /* a process failure names the stage */
  weft_doc_reset (doc);
  g_assert_true (weft_doc_set_text (doc, "FAIL now", 8, NULL));
  const char *stage = NULL;
  g_assert_false (weft_pipeline_process (p, doc, &stage, &error));
  g_assert_cmpstr (stage, ==, "process-fails");
  g_assert_cmpstr (error->message, ==, "refusing a document that says FAIL");
  weft_doc_free (doc);

  /* a cycle */
  g_assert_true (g_file_set_contents (base, "extends: derived.yaml\n", -1, NULL));
  g_clear_error (&error);
  g_autoptr (WeftPipeline) cycle = weft_pipeline_load (derived, &error);
  g_assert_null (cycle);
  g_assert_true (strstr (error->message, "nests more than 16 deep (a cycle?)"));
  g_remove (base);
  g_remove (derived);
  g_rmdir (dir);
}

static void
test_options_resolve (void)
{
  g_autoptr (GError) error = NULL;
  const WeftPluginInfo *info = weft_registry_load ("words", &error);
  g_assert_no_error (error);
  g_autoptr (WeftOptions) o = weft_options_new (info->plugin, "/data/words", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (weft_options_get_path (o, "lexicon"), ==, "/data/words/words.txt");
  g_assert_cmpint (weft_options_get_int (o, "min-length"), ==, 2);
  g_assert_cmpfloat (weft_options_get_double (o, "ratio"), ==, 0.5);
  g_assert_true (weft_options_get_bool (o, "loud"));
  g_assert_cmpstrv (weft_options_get_list (o, "tags"), ((const char *[]){ "a", "b", NULL }));
  g_assert_null (weft_options_get_string (o, "label"));
  g_assert_true (weft_options_set (o, "lexicon", "mine.txt", "/home/u", &error));
  g_assert_cmpstr (weft_options_get_path (o, "lexicon"), ==, "/home/u/mine.txt");
  g_assert_cmpstr (weft_options_get_stage_id (o), ==, "words");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pipeline/load/ok", test_load_ok);
  g_test_add_func ("/pipeline/load/errors", test_errors);
  g_test_add_func ("/pipeline/load/alias-bomb", test_alias_bomb);
  g_test_add_func ("/pipeline/extends", test_extends);
  g_test_add_func ("/pipeline/release-tokens", test_release_tokens);
  g_test_add_func ("/registry/not-a-plugin", test_not_a_plugin);
  g_test_add_func ("/options/resolve", test_options_resolve);
  return g_test_run ();
}
