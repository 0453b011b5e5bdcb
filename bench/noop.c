/* noop — a bench-only plugin that does nothing, so `weft run` with it alone
 * measures the host: reading JSONL, checking the text, writing records.
 * bench/run subtracts it to give the tokenizer's own speed. */
#include <weft/weft.h>

static gboolean
noop_process (gpointer state, WeftDoc *doc, GError **error)
{
  (void) state;
  (void) doc;
  (void) error;
  return TRUE;
}

WEFT_PLUGIN_DEFINE (.name = "noop", .version = "1.0",
                    .description = "Does nothing (the host's own cost, for bench/run)",
                    .process = noop_process);
