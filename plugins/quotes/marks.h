/* quotes — finding quotations from quote marks. */
#pragma once

#include "context.h"

/* Pairs the quote marks found in the punctuation tokens of @ctx into
 * quotations and appends one Quote per outermost quotation (kind DIRECT,
 * not yet attributed), in text order; marks their tokens in ctx->quoted. */
void quotes_find_marks (QuotesContext *ctx);
