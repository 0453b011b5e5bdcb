/* weft — pipelines: loading YAML, resolving and validating stages, and
 * running a document through them.  Exported from libweft for the CLI and
 * the tests; not an installed header. */
#pragma once

#include "weft/plugin.h"

G_BEGIN_DECLS

typedef struct _WeftPipeline WeftPipeline;

/* Loads a pipeline by name (searched on the pipeline path) or by file path
 * (anything containing '/' or ending in .yaml).  Returns: (transfer full). */
WEFT_API WeftPipeline *weft_pipeline_load (const char *name_or_path,
                                           GError **error);
/* Loads a pipeline from YAML text; @origin names it in error messages and
 * relative paths resolve against the current directory. */
WEFT_API WeftPipeline *weft_pipeline_load_data (const char *yaml, gssize len,
                                                const char *origin,
                                                GError **error);
/* "STAGE.OPTION=VALUE", as given to --set. */
WEFT_API gboolean weft_pipeline_set_option (WeftPipeline *pipeline,
                                            const char *assignment,
                                            GError **error);
/* "STAGE=PLUGIN", as given to --replace; the stage's options are dropped. */
WEFT_API gboolean weft_pipeline_replace_stage (WeftPipeline *pipeline,
                                               const char *assignment,
                                               GError **error);
/* Finds and loads every plugin, checks options and the layer chain, and
 * runs each stage's init().  Nothing is read before this succeeds. */
WEFT_API gboolean weft_pipeline_prepare (WeftPipeline *pipeline,
                                         GError **error);
/* Runs @doc through every stage.  On failure *failed_stage (if not NULL)
 * gets the id of the stage that failed (borrowed). */
WEFT_API gboolean weft_pipeline_process (WeftPipeline *pipeline, WeftDoc *doc,
                                         const char **failed_stage,
                                         GError **error);
/* Whether weft_pipeline_process() frees the tokens after the last stage
 * that requires, uses or provides them: for a run whose output does not
 * include them, so that a huge document's largest array does not outlive
 * its readers.  Off by default. */
WEFT_API void weft_pipeline_set_release_tokens (WeftPipeline *pipeline,
                                                gboolean release);
WEFT_API void weft_pipeline_free (WeftPipeline *pipeline);

WEFT_API const char *weft_pipeline_get_name (const WeftPipeline *pipeline);
WEFT_API const char *weft_pipeline_get_description (const WeftPipeline *pipeline);
/* Borrowed NULL-terminated list of the layers named in output.layers, or
 * NULL when the pipeline does not say. */
WEFT_API const char *const *weft_pipeline_get_output_layers (
    const WeftPipeline *pipeline);

WEFT_API guint weft_pipeline_get_n_stages (const WeftPipeline *pipeline);
/* Borrowed: stage @i's id and plugin name. */
WEFT_API void weft_pipeline_get_stage (const WeftPipeline *pipeline, guint i,
                                       const char **id, const char **plugin);
/* Whether a stage of the prepared @pipeline writes @layer ("tokens" and
 * "sentences" included). */
WEFT_API gboolean weft_pipeline_provides (const WeftPipeline *pipeline,
                                          const char *layer);
/* Returns: (transfer full) every layer the prepared pipeline writes. */
WEFT_API GStrv weft_pipeline_get_layers (const WeftPipeline *pipeline);
/* Returns: (transfer full) the folders searched for named pipelines. */
WEFT_API GStrv weft_pipeline_get_search_path (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftPipeline, weft_pipeline_free)

G_END_DECLS
