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

/* Decimal digits without printf: offsets are written by the million. */
static void
append_number (GString *out, guint64 value)
{
  char digits[20];
  int n = 0;
  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  gsize at = out->len;
  g_string_set_size (out, at + n);
  for (int i = 0; i < n; i++)
    out->str[at + i] = digits[n - 1 - i];
}

static void
append_uint (GString *out, const char *key, guint64 value)
{
  g_string_append_c (out, '"');
  g_string_append (out, key);
  g_string_append (out, "\":");
  append_number (out, value);
}

static void
append_span (GString *out, WeftDoc *doc, uint32_t start, uint32_t end,
             gboolean with_text)
{
  append_uint (out, "start", weft_doc_byte_to_char (doc, start));
  g_string_append_c (out, ',');
  append_uint (out, "end", weft_doc_byte_to_char (doc, end));
  if (with_text)
    {
      g_string_append (out, ",\"text\":");
      weft_json_append_string (out, doc->text + start, end - start);
    }
}

/* The JSON key stem of a span field: "speaker_span" -> "speaker". */
static gsize
span_stem_len (const char *name)
{
  gsize n = strlen (name);
  return g_str_has_suffix (name, "_span") && n > 5 ? n - 5 : n;
}

static void
append_span_end (GString *out, WeftDoc *doc, gboolean set, uint32_t offset)
{
  if (set)
    append_number (out, weft_doc_byte_to_char (doc, offset));
  else
    g_string_append (out, "null");
}

/* Appends the JSON value of a field that is not a span. */
static void
append_value (GString *out, const WeftLayer *layer, guint span, guint field)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (!weft_layer_is_set (layer, span, field))
    {
      g_string_append (out, "null");
      return;
    }
  switch (weft_layer_schema_get_field_type (schema, field))
    {
    case WEFT_FIELD_STRING:
      weft_json_append_string (out, weft_layer_get_string (layer, span, field), -1);
      break;
    case WEFT_FIELD_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT,
                              weft_layer_get_int (layer, span, field));
      break;
    case WEFT_FIELD_DOUBLE:
      g_string_append (out, weft_json_format_double (
                                buf, weft_layer_get_double (layer, span, field)));
      break;
    case WEFT_FIELD_BOOL:
      g_string_append (out, weft_layer_get_bool (layer, span, field) ? "true"
                                                                     : "false");
      break;
    case WEFT_FIELD_SPAN:
      break;
    }
}

/* Appends ,"name":value (a span field as ,"stem_start":…,"stem_end":…). */
static void
append_field (GString *out, WeftDoc *doc, const WeftLayer *layer, guint span,
              guint field)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  const char *name = weft_layer_schema_get_field_name (schema, field);
  if (weft_layer_schema_get_field_type (schema, field) != WEFT_FIELD_SPAN)
    {
      {
      g_string_append (out, ",\"");
      g_string_append (out, name);
      g_string_append (out, "\":");
    }
      append_value (out, layer, span, field);
      return;
    }
  uint32_t s = 0, e = 0;
  gboolean set = weft_layer_get_span_field (layer, span, field, &s, &e);
  int stem = (int) span_stem_len (name);
  g_string_append_printf (out, ",\"%.*s_start\":", stem, name);
  append_span_end (out, doc, set, s);
  g_string_append_printf (out, ",\"%.*s_end\":", stem, name);
  append_span_end (out, doc, set, e);
}

static void
append_layer (GString *out, WeftDoc *doc, const WeftLayer *layer)
{
  const WeftLayerSchema *schema = weft_layer_get_schema (layer);
  guint n_fields = weft_layer_schema_get_n_fields (schema);
  g_string_append (out, ",\"");
  g_string_append (out, weft_layer_schema_get_name (schema));
  g_string_append (out, "\":[");
  for (guint i = 0; i < weft_layer_get_n_spans (layer); i++)
    {
      uint32_t start, end;
      weft_layer_get_span (layer, i, &start, &end);
      g_string_append (out, i ? ",{" : "{");
      append_span (out, doc, start, end, TRUE);
      for (guint f = 0; f < n_fields; f++)
        append_field (out, doc, layer, i, f);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
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
write_jsonl (GString *out, WeftDoc *doc, const char *const *layers)
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
          g_string_append (out, i ? ",{" : "{");
          append_span (out, doc, t->start, t->end, TRUE);
          g_string_append_printf (out, ",\"kind\":\"%s\"}",
                                  weft_token_kind_to_string (t->kind));
        }
      g_string_append_c (out, ']');
    }
  if (wanted (layers, "sentences", TRUE))
    {
      g_string_append (out, ",\"sentences\":[");
      for (guint i = 0; i < doc->n_sentences; i++)
        {
          g_string_append (out, i ? ",{" : "{");
          append_span (out, doc, doc->sentences[i].start, doc->sentences[i].end,
                       FALSE);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  for (guint i = 0; i < weft_doc_get_n_layers (doc); i++)
    {
      const WeftLayer *layer = weft_doc_get_nth_layer (doc, i);
      const char *name = weft_layer_schema_get_name (weft_layer_get_schema (layer));
      if (wanted (layers, name, TRUE))
        append_layer (out, doc, layer);
    }
  g_string_append (out, "}\n");
}

void
weft_write_field_value (GString *out, const WeftLayer *layer, guint span,
                        guint field)
{
  append_value (out, layer, span, field);
}

void
weft_write_record (GString *out, WeftOutputFormat format, WeftDoc *doc,
                   const char *const *layers)
{
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
      write_jsonl (out, doc, layers);
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
