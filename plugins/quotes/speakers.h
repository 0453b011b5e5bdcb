/* quotes — resolving speaker mentions to names. */
#pragma once

#include "context.h"

/* Sets each quotation's speaker: names are expanded to the fullest form
 * seen in the document ("Peskov" -> "Dmitry Peskov"), pronouns and
 * descriptions resolve to the most recent compatible person, and
 * quotations that continue a speaker take the previous one's mention.
 * Leaves ctx->quotes sorted by start. */
void quotes_resolve_speakers (QuotesContext *ctx);
