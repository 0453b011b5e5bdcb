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

/* The most bytes put_span_head() writes. */
#define SPAN_HEAD_MAX (sizeof ",{\"start\":,\"end\":" + 2 * WEFT_UINT32_DIGITS)

/* Writes a span record's opening, {"start":…,"end":…, after a comma unless
 * it is the layer's @first. */
static char *
put_span_head (char *p, WeftDoc *doc, uint32_t start, uint32_t end,
               gboolean first)
{
  if (!first)
    *p++ = ',';
  p = WEFT_PUT_LITERAL (p, "{\"start\":");
  p = weft_put_uint32 (p, weft_doc_byte_to_char (doc, start));
  p = WEFT_PUT_LITERAL (p, ",\"end\":");
  return weft_put_uint32 (p, weft_doc_byte_to_char (doc, end));
}

static void
append_span_text (GString *out, WeftDoc *doc, uint32_t start, uint32_t end)
{
  WEFT_OUT_LITERAL (out, ",\"text\":");
  weft_json_append_string (out, doc->text + start, end - start);
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

/* The JSON of a string field's @string, escaped only when it differs from
 * the previous span's. */
static const GString *
string_json (FieldKeys *keys, const char *string)
{
  if (string != keys->last)
    {
      g_string_truncate (keys->last_json, 0);
      weft_json_append_string (keys->last_json, string, -1);
      keys->last = string;
    }
  return keys->last_json;
}

/* The most characters of a gint64 in decimal: "-9223372036854775808". */
#define INT_MAX_CHARS 20

/* The most bytes put_field() writes for the field, not counting a string
 * value's JSON (string_json() gives that span by span). */
static gsize
field_max (const FieldKeys *keys)
{
  gsize value = 0;
  switch (keys->type)
    {
    case WEFT_FIELD_STRING: value = sizeof "null"; break;
    case WEFT_FIELD_INT: value = INT_MAX_CHARS; break;
    case WEFT_FIELD_DOUBLE: value = G_ASCII_DTOSTR_BUF_SIZE; break;
    case WEFT_FIELD_BOOL: value = sizeof "false"; break;
    case WEFT_FIELD_SPAN:
      value = 2 * WEFT_UINT32_DIGITS + keys->end_key->len;
      break;
    }
  return keys->key->len + value;
}

static char *
put_int (char *p, gint64 value)
{
  char digits[INT_MAX_CHARS];
  int n = sizeof digits;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;
  do
    digits[--n] = (char) ('0' + u % 10);
  while ((u /= 10) > 0);
  if (value < 0)
    digits[--n] = '-';
  return weft_put (p, digits + n, sizeof digits - n);
}

/* Writes a set value that is not a string. */
static char *
put_value (char *p, WeftDoc *doc, const WeftFieldValue *value,
           const FieldKeys *keys)
{
  switch (keys->type)
    {
    case WEFT_FIELD_STRING:
      g_return_val_if_reached (p);
    case WEFT_FIELD_INT:
      return put_int (p, value->integer);
    case WEFT_FIELD_DOUBLE:
      /* the room reserved holds G_ASCII_DTOSTR_BUF_SIZE bytes */
      return p + weft_json_format_double_len (p, value->number);
    case WEFT_FIELD_BOOL:
      return value->integer ? WEFT_PUT_LITERAL (p, "true")
                            : WEFT_PUT_LITERAL (p, "false");
    case WEFT_FIELD_SPAN:
      p = weft_put_uint32 (p, weft_doc_byte_to_char (doc, value->span.start));
      p = weft_put (p, keys->end_key->str, keys->end_key->len);
      return weft_put_uint32 (p, weft_doc_byte_to_char (doc, value->span.end));
    }
  return p;
}

static char *
put_field (char *p, WeftDoc *doc, const WeftSpan *span, guint field,
           const FieldKeys *keys)
{
  p = weft_put (p, keys->key->str, keys->key->len);
  if (span->set & (G_GUINT64_CONSTANT (1) << field))
    {
      if (keys->type == WEFT_FIELD_STRING)
        return weft_put (p, keys->last_json->str, keys->last_json->len);
      return put_value (p, doc, &span->values[field], keys);
    }
  p = WEFT_PUT_LITERAL (p, "null");
  if (keys->type == WEFT_FIELD_SPAN)
    {
      p = weft_put (p, keys->end_key->str, keys->end_key->len);
      p = WEFT_PUT_LITERAL (p, "null");
    }
  return p;
}

/* Writes a span's fields and closes its record, after one capacity check:
 * @fields_max from field_max() plus the length of each string value. */
static void
append_fields (GString *out, WeftDoc *doc, const WeftSpan *span,
               FieldKeys *keys, guint n_fields, gsize fields_max)
{
  gsize room = fields_max + 1;
  for (guint f = 0; f < n_fields; f++)
    if (keys[f].type == WEFT_FIELD_STRING
        && span->set & (G_GUINT64_CONSTANT (1) << f))
      room += string_json (&keys[f], span->values[f].string)->len;
  char *p = weft_out_reserve (out, room);
  for (guint f = 0; f < n_fields; f++)
    p = put_field (p, doc, span, f, &keys[f]);
  *p++ = '}';
  weft_out_commit (out, p);
}

static void
append_layer (GString *out, WeftDoc *doc, const WeftLayer *layer,
              const Flush *flush)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  guint n_fields = weft_layer_schema_get_n_fields (schema);
  FieldKeys *keys = g_newa (FieldKeys, n_fields);
  gsize fields_max = 0;
  for (guint f = 0; f < n_fields; f++)
    {
      field_keys_init (&keys[f], schema, f);
      fields_max += field_max (&keys[f]);
    }
  WEFT_OUT_LITERAL (out, ",\"");
  append_str (out, weft_layer_schema_get_name (schema));
  WEFT_OUT_LITERAL (out, "\":[");
  gboolean with_text = weft_layer_schema_get_write_text (schema);
  for (guint i = 0; i < weft_layer_get_n_spans (layer); i++)
    {
      const WeftSpan *span = weft_layer_span_record (layer, i);
      char *p = weft_out_reserve (out, SPAN_HEAD_MAX);
      weft_out_commit (out, put_span_head (p, doc, span->start, span->end,
                                           i == 0));
      if (with_text)
        append_span_text (out, doc, span->start, span->end);
      append_fields (out, doc, span, keys, n_fields, fields_max);
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
          char *p = weft_out_reserve (out, SPAN_HEAD_MAX);
          weft_out_commit (out, put_span_head (p, doc, t->start, t->end, i == 0));
          append_span_text (out, doc, t->start, t->end);
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
          const WeftSentence *sentence = &doc->sentences[i];
          char *p = weft_out_reserve (out, SPAN_HEAD_MAX + 1);
          p = put_span_head (p, doc, sentence->start, sentence->end, i == 0);
          *p++ = '}';
          weft_out_commit (out, p);
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
  if (!(record->set & (G_GUINT64_CONSTANT (1) << field)))
    WEFT_OUT_LITERAL (out, "null");
  else if (keys.type == WEFT_FIELD_STRING)
    weft_json_append_string (out, record->values[field].string, -1);
  else
    {
      char *p = weft_out_reserve (out, MAX (INT_MAX_CHARS, G_ASCII_DTOSTR_BUF_SIZE));
      weft_out_commit (out, put_value (p, layer->doc, &record->values[field], &keys));
    }
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
