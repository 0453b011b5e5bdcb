/* dates — the plugin's state, reachable without the descriptor so that
 * tests and tools can run the matcher on a document directly. */
#pragma once

#include <glib.h>

#include "weft/doc.h"

typedef struct _DatesState DatesState;

/* Loads the data files from @data_dir; @day_first and @forward are the
 * plugin's options.  Returns: (transfer full). */
DatesState *dates_state_new (const char *data_dir, gboolean day_first,
                             gboolean forward, GError **error);
void dates_state_free (DatesState *st);
/* Adds the "dates" layer to @doc (which must have tokens and sentences)
 * and sets its date when a dateline gives one. */
gboolean dates_state_process (DatesState *st, WeftDoc *doc, GError **error);
