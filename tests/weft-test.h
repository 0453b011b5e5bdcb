/* weft — helpers for plugin tests: run text through a pipeline given as
 * YAML, with plugins found on WEFT_PLUGIN_PATH (set by meson test). */
#pragma once

#include "pipeline.h"
#include "weft/weft.h"

/* A prepared pipeline from YAML text; fails the test on error. */
static inline WeftPipeline *
weft_test_pipeline (const char *yaml)
{
  g_autoptr (GError) error = NULL;
  WeftPipeline *pipeline = weft_pipeline_load_data (yaml, -1, "test", &error);
  g_assert_no_error (error);
  g_assert_true (weft_pipeline_prepare (pipeline, &error));
  g_assert_no_error (error);
  return pipeline;
}

/* Resets @doc, sets @text (and @date, may be NULL), runs @pipeline on it;
 * fails the test on error. */
static inline void
weft_test_run (WeftPipeline *pipeline, WeftDoc *doc, const char *text,
               const char *date)
{
  g_autoptr (GError) error = NULL;
  weft_doc_reset (doc);
  weft_doc_set_id (doc, "test");
  g_assert_true (weft_doc_set_text (doc, text, strlen (text), &error));
  if (date)
    weft_doc_set_date (doc, date);
  g_assert_true (weft_pipeline_process (pipeline, doc, NULL, &error));
  g_assert_no_error (error);
}
