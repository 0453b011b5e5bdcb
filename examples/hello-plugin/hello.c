/* hello — a complete out-of-tree weft plugin.  It marks every "hello" in the
 * text as a span of a "greetings" layer, with the word as written and its
 * length, and counts them in doc.hello.count.
 *
 * Build it against an installed weft:
 *   cc -shared -fPIC -fvisibility=hidden -o hello.so hello.c \
 *      $(pkg-config --cflags --libs weft)
 */
#include <string.h>
#include <weft/weft.h>

typedef struct {
  WeftLayerSchema *schema;
  guint f_word, f_length;
  gboolean ignore_case;
} Hello;

static gboolean
hello_init (const WeftOptions *options, gpointer *state, GError **error)
{
  (void) error;
  Hello *h = g_new0 (Hello, 1);
  h->schema = weft_layer_schema_new ("greetings");
  h->f_word = weft_layer_schema_add_field (h->schema, "word", WEFT_FIELD_STRING);
  h->f_length = weft_layer_schema_add_field (h->schema, "length", WEFT_FIELD_INT);
  h->ignore_case = weft_options_get_bool (options, "ignore-case");
  *state = h;
  return TRUE;
}

static gboolean
hello_process (gpointer state, WeftDoc *doc, GError **error)
{
  Hello *h = state;
  gsize len;
  const char *text = weft_doc_get_text (doc, &len);
  (void) error;
  WeftLayer *layer = weft_doc_add_layer (doc, h->schema);
  gint64 count = 0;
  for (gsize i = 0; i + 5 <= len; i++)
    {
      gboolean match = h->ignore_case ? g_ascii_strncasecmp (text + i, "hello", 5) == 0
                                      : strncmp (text + i, "hello", 5) == 0;
      if (!match)
        continue;
      guint span = weft_layer_add_span (layer, i, i + 5);
      weft_layer_set_string (layer, span, h->f_word,
                             weft_doc_strndup (doc, text + i, 5));
      weft_layer_set_int (layer, span, h->f_length, 5);
      count++;
    }
  weft_doc_set_value_int (doc, "hello", "count", count);
  return TRUE;
}

static void
hello_finish (gpointer state)
{
  Hello *h = state;
  weft_layer_schema_free (h->schema);
  g_free (h);
}

static const WeftOptionSpec hello_options[] = {
  { "ignore-case", WEFT_OPTION_BOOL, "true", "Match Hello and HELLO too." },
  { NULL },
};

WEFT_PLUGIN_DEFINE (.name = "hello", .version = "1.0",
                    .description = "Marks every 'hello' (an example plugin)",
                    .provides = WEFT_LAYERS ("greetings"),
                    .options = hello_options, .init = hello_init,
                    .process = hello_process, .finish = hello_finish);
