/* quotes — finding quotations from quote marks. */
#pragma once

#include "context.h"

/* Pairs the quote marks found in the punctuation tokens of @ctx into
 * quotations and appends one Quote per outermost quotation (kind DIRECT,
 * not yet attributed), in text order; marks their tokens in ctx->quoted.
 * The same pass over the tokens lists the words that may start a cue in
 * ctx->cues, the capitalized words in ctx->capitals and the tokens after
 * a line break in ctx->line_starts. */
void quotes_find_marks (QuotesContext *ctx);
