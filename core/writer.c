/* weft — writers.  Every layer is written from its schema, so a third
 * party's layer appears in the output without a line of core code.  Offsets
 * go out as Unicode code points.  JSONL lives here; the formats for people
 * (text, HTML) in report-*.c. */
#include "writer.h"

#include <string.h>

#include "doc-private.h"
#include "json.h"
#include "report.h"

static gboolean
wanted (const char *const *layers, const char *name, gboolean by_default)
{
  return layers ? g_strv_contains (layers, name) : by_default;
}

/* Where a JSONL record goes when it grows large (see weft_write_record). */
typedef struct {
  WeftFlushFunc func;
  gpointer data;
} Flush;

#define FLUSH_BYTES (1 << 20)

static inline void
maybe_flush (GString *out, const Flush *flush)
{
  if (G_UNLIKELY (out->len >= FLUSH_BYTES) && flush->func)
    flush->func (out, flush->data);
}

/* Decimal digits without printf: offsets are written by the million. */
static void
append_number (GString *out, guint64 value)
{
  char digits[20];
  int n = sizeof digits;
  do
    digits[--n] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  weft_out_append (out, digits + n, sizeof digits - n);
}

static void
append_int (GString *out, gint64 value)
{
  if (value < 0)
    g_string_append_c (out, '-');
  append_number (out, value < 0 ? -(guint64) value : (guint64) value);
}

static void
append_span (GString *out, WeftDoc *doc, uint32_t start, uint32_t end,
             gboolean with_text)
{
  WEFT_OUT_LITERAL (out, "\"start\":");
  append_number (out, weft_doc_byte_to_char (doc, start));
  WEFT_OUT_LITERAL (out, ",\"end\":");
  append_number (out, weft_doc_byte_to_char (doc, end));
  if (with_text)
    {
      WEFT_OUT_LITERAL (out, ",\"text\":");
      weft_json_append_string (out, doc->text + start, end - start);
    }
}

static void
append_str (GString *out, const char *s)
{
  weft_out_append (out, s, strlen (s));
}

/* The keys a field is written under, made once per layer rather than once
 * per span: ,"name": — or for a span field ,"stem_start": and ,"stem_end":
 * ("speaker_span" -> "speaker"). */
typedef struct {
  WeftFieldType type;
  GString *key;
  GString *end_key; /* span fields only */
  /* String fields: the last value written and its JSON.  Spans share a
   * value equal to the previous span's (layer.c), so a repeated value
   * ("sentence", "DATE") is escaped once per layer, not once per span. */
  const char *last;
  GString *last_json;
} FieldKeys;

static void
field_keys_init (FieldKeys *keys, const WeftLayerSchema *schema, guint field)
{
  const char *name = weft_layer_schema_get_field_name (schema, field);
  keys->type = weft_layer_schema_get_field_type (schema, field);
  keys->key = g_string_new (",\"");
  keys->end_key = NULL;
  keys->last = NULL;
  keys->last_json = keys->type == WEFT_FIELD_STRING ? g_string_new (NULL) : NULL;
  if (keys->type != WEFT_FIELD_SPAN)
    {
      g_string_append (keys->key, name);
      g_string_append (keys->key, "\":");
      return;
    }
  gsize n = strlen (name);
  gsize stem = g_str_has_suffix (name, "_span") && n > 5 ? n - 5 : n;
  g_string_append_len (keys->key, name, stem);
  keys->end_key = g_string_new (keys->key->str);
  g_string_append (keys->key, "_start\":");
  g_string_append (keys->end_key, "_end\":");
}

/* Appends a set value of a field. */
static void
append_string (GString *out, const char *string, FieldKeys *keys)
{
  if (!keys->last_json)
    {
      weft_json_append_string (out, string, -1);
      return;
    }
  if (string != keys->last)
    {
      g_string_truncate (keys->last_json, 0);
      weft_json_append_string (keys->last_json, string, -1);
      keys->last = string;
    }
  weft_out_append (out, keys->last_json->str, keys->last_json->len);
}

static void
append_value (GString *out, WeftDoc *doc, const WeftFieldValue *value,
              FieldKeys *keys)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  switch (keys->type)
    {
    case WEFT_FIELD_STRING:
      append_string (out, value->string, keys);
      break;
    case WEFT_FIELD_INT:
      append_int (out, value->integer);
      break;
    case WEFT_FIELD_DOUBLE:
      weft_out_append (out, buf, weft_json_format_double_len (buf, value->number));
      break;
    case WEFT_FIELD_BOOL:
      if (value->integer)
        WEFT_OUT_LITERAL (out, "true");
      else
        WEFT_OUT_LITERAL (out, "false");
      break;
    case WEFT_FIELD_SPAN:
      append_number (out, weft_doc_byte_to_char (doc, value->span.start));
      weft_out_append (out, keys->end_key->str, keys->end_key->len);
      append_number (out, weft_doc_byte_to_char (doc, value->span.end));
      break;
    }
}

static void
append_field (GString *out, WeftDoc *doc, const WeftSpan *span, guint field,
              FieldKeys *keys)
{
  weft_out_append (out, keys->key->str, keys->key->len);
  if (span->set & (G_GUINT64_CONSTANT (1) << field))
    append_value (out, doc, &span->values[field], keys);
  else if (keys->type == WEFT_FIELD_SPAN)
    {
      WEFT_OUT_LITERAL (out, "null");
      weft_out_append (out, keys->end_key->str, keys->end_key->len);
      WEFT_OUT_LITERAL (out, "null");
    }
  else
    WEFT_OUT_LITERAL (out, "null");
}

static void
append_layer (GString *out, WeftDoc *doc, const WeftLayer *layer,
              const Flush *flush)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  guint n_fields = weft_layer_schema_get_n_fields (schema);
  FieldKeys *keys = g_newa (FieldKeys, n_fields);
  for (guint f = 0; f < n_fields; f++)
    field_keys_init (&keys[f], schema, f);
  WEFT_OUT_LITERAL (out, ",\"");
  append_str (out, weft_layer_schema_get_name (schema));
  WEFT_OUT_LITERAL (out, "\":[");
  gboolean with_text = weft_layer_schema_get_write_text (schema);
  for (guint i = 0; i < weft_layer_get_n_spans (layer); i++)
    {
      const WeftSpan *span = weft_layer_span_record (layer, i);
      if (i)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      append_span (out, doc, span->start, span->end, with_text);
      for (guint f = 0; f < n_fields; f++)
        append_field (out, doc, span, f, &keys[f]);
      g_string_append_c (out, '}');
      maybe_flush (out, flush);
    }
  g_string_append_c (out, ']');
  for (guint f = 0; f < n_fields; f++)
    {
      g_string_free (keys[f].key, TRUE);
      if (keys[f].end_key)
        g_string_free (keys[f].end_key, TRUE);
      if (keys[f].last_json)
        g_string_free (keys[f].last_json, TRUE);
    }
}

static void
append_nullable (GString *out, const char *s)
{
  if (s)
    weft_json_append_string (out, s, -1);
  else
    g_string_append (out, "null");
}

static void
append_doc_values (GString *out, WeftDoc *doc)
{
  g_string_append (out, ",\"doc\":{");
  guint n = weft_doc_get_n_values (doc);
  /* group values by their group, keeping first-seen order */
  g_autoptr (GPtrArray) groups = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      const char *group, *key, *json;
      weft_doc_get_nth_value (doc, i, &group, &key, &json);
      gboolean seen = FALSE;
      for (guint g = 0; g < groups->len && !seen; g++)
        seen = strcmp (g_ptr_array_index (groups, g), group) == 0;
      if (!seen)
        g_ptr_array_add (groups, (gpointer) group);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      const char *want = g_ptr_array_index (groups, g);
      if (g)
        g_string_append_c (out, ',');
      weft_json_append_string (out, want, -1);
      g_string_append (out, ":{");
      gboolean first = TRUE;
      for (guint i = 0; i < n; i++)
        {
          const char *group, *key, *json;
          weft_doc_get_nth_value (doc, i, &group, &key, &json);
          if (strcmp (group, want) != 0)
            continue;
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          weft_json_append_string (out, key, -1);
          g_string_append_c (out, ':');
          g_string_append (out, json);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

static void
write_jsonl (GString *out, WeftDoc *doc, const char *const *layers,
             const Flush *flush)
{
  g_string_append (out, "{\"id\":");
  append_nullable (out, doc->id);
  g_string_append (out, ",\"source\":");
  append_nullable (out, doc->source);
  g_string_append (out, ",\"date\":");
  append_nullable (out, doc->date);
  g_string_append (out, ",\"meta\":{");
  for (guint i = 0; i < weft_doc_get_n_meta (doc); i++)
    {
      const char *key, *json;
      weft_doc_get_nth_meta (doc, i, &key, &json);
      if (i)
        g_string_append_c (out, ',');
      weft_json_append_string (out, key, -1);
      g_string_append_c (out, ':');
      g_string_append (out, json);
    }
  g_string_append_c (out, '}');
  append_doc_values (out, doc);
  if (wanted (layers, "tokens", FALSE))
    {
      g_string_append (out, ",\"tokens\":[");
      for (guint i = 0; i < doc->n_tokens; i++)
        {
          const WeftToken *t = &doc->tokens[i];
          if (i)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          append_span (out, doc, t->start, t->end, TRUE);
          WEFT_OUT_LITERAL (out, ",\"kind\":\"");
          append_str (out, weft_token_kind_to_string (t->kind));
          WEFT_OUT_LITERAL (out, "\"}");
          maybe_flush (out, flush);
        }
      g_string_append_c (out, ']');
    }
  if (wanted (layers, "sentences", TRUE))
    {
      g_string_append (out, ",\"sentences\":[");
      for (guint i = 0; i < doc->n_sentences; i++)
        {
          if (i)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          append_span (out, doc, doc->sentences[i].start, doc->sentences[i].end,
                       FALSE);
          g_string_append_c (out, '}');
          maybe_flush (out, flush);
        }
      g_string_append_c (out, ']');
    }
  for (guint i = 0; i < weft_doc_get_n_layers (doc); i++)
    {
      const WeftLayer *layer = weft_doc_get_nth_layer (doc, i);
      const char *name = weft_layer_schema_get_name (weft_layer_get_schema (layer));
      if (wanted (layers, name, TRUE))
        append_layer (out, doc, layer, flush);
    }
  g_string_append (out, "}\n");
}

void
weft_write_field_value (GString *out, const WeftLayer *layer, guint span,
                        guint field)
{
  const WeftSpan *record = weft_layer_span_record (layer, span);
  FieldKeys keys = { .type = weft_layer_schema_get_field_type (layer->schema, field) };
  g_return_if_fail (keys.type != WEFT_FIELD_SPAN);
  if (record->set & (G_GUINT64_CONSTANT (1) << field))
    append_value (out, layer->doc, &record->values[field], &keys);
  else
    WEFT_OUT_LITERAL (out, "null");
}

void
weft_write_record (GString *out, WeftOutputFormat format, WeftDoc *doc,
                   const char *const *layers, WeftFlushFunc flush_func,
                   gpointer flush_data)
{
  Flush flush = { flush_func, flush_data };
  switch (format)
    {
    case WEFT_FORMAT_TEXT:
      weft_report_text_write (out, doc, layers);
      break;
    case WEFT_FORMAT_HTML:
      weft_report_html_write (out, doc, layers);
      break;
    case WEFT_FORMAT_JSONL:
    default:
      write_jsonl (out, doc, layers, &flush);
      break;
    }
}

void
weft_write_error (GString *out, WeftOutputFormat format, const char *id,
                  const char *source, const char *stage, const char *message)
{
  if (format == WEFT_FORMAT_TEXT)
    {
      weft_report_text_write_error (out, id, source, stage, message);
      return;
    }
  if (format == WEFT_FORMAT_HTML)
    {
      weft_report_html_write_error (out, id, source, stage, message);
      return;
    }
  g_string_append (out, "{\"id\":");
  append_nullable (out, id);
  g_string_append (out, ",\"source\":");
  append_nullable (out, source);
  g_string_append (out, ",\"error\":{\"stage\":");
  weft_json_append_string (out, stage, -1);
  g_string_append (out, ",\"message\":");
  weft_json_append_string (out, message, -1);
  g_string_append (out, "}}\n");
}
