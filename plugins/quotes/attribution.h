/* quotes — attributing quotations and finding reported speech. */
#pragma once

#include "context.h"

/* Classifies every quotation found by quotes_find_marks() (direct, mixed
 * or term) and finds its cue and speaker mention when there is one. */
void quotes_attribute (QuotesContext *ctx);

/* Appends indirect quotations ("He noted that …", "according to X, …")
 * for cues not used by a quotation. */
void quotes_find_indirect (QuotesContext *ctx);
