/* quotes — interview transcripts: answers after a speaker's label. */
#pragma once

#include "context.h"

/* Appends a direct quotation for each line that opens with a speaker's
 * label ("Natasha Gownaris: …", "((Naomi Martisius)) …", "(Smith) …",
 * "NG: …"): the rest of the line, its mention the label.  Marks the
 * answers quoted, so that no reported speech is looked for inside them. */
void quotes_find_labels (QuotesContext *ctx);
