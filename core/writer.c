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
G_ALWAYS_INLINE static inline char *
put_span_head (char *p, WeftDoc *doc, uint32_t start, uint32_t end,
               gboolean first)
{
  if (!first)
    *p++ = ',';
  p = WEFT_PUT_LITERAL (p, "{\"start\":");
  p = weft_put_uint32 (p, weft_doc_char_offset (doc, start));
  p = WEFT_PUT_LITERAL (p, ",\"end\":");
  return weft_put_uint32 (p, weft_doc_char_offset (doc, end));
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

/* How a field is written, set up once per layer rather than once per span;
 * the keys themselves are the schema's (weft_field_keys_init()). */
typedef struct {
  WeftFieldType type;
  const char *key; /* ,"name": — or for a span field ,"stem_start": */
  gsize key_len;
  const char *end_key; /* span fields: ,"stem_end": ("speaker_span" -> "speaker") */
  gsize end_key_len;
  /* String fields: the last value written and the text that goes between
   * its quotes — the value itself unless it needs escaping, which is rare.
   * Spans share a value equal to the previous span's (layer.c), so a
   * repeated value ("sentence", "DATE") is looked at once, not per span. */
  const char *last;
  const char *inner;
  gsize inner_len;
  GString *escaped; /* made on the first value that needs it */
} FieldKeys;

/* Keys are copied KEY_COPY bytes at a time, one vector move instead of a
 * call to memcpy: the schema's key buffer and the room reserved for a
 * span's fields have that many spare bytes for the overrun. */
#define KEY_COPY WEFT_FIELD_KEY_PAD

static inline char *
put_key (char *p, const char *key, gsize len)
{
  if (G_UNLIKELY (len > KEY_COPY))
    return weft_put (p, key, len);
  memcpy (p, key, KEY_COPY);
  return p + len;
}

/* Writes the @n bytes at @name as they go between a JSON string's quotes:
 * names are plain words, but nothing makes a plugin keep to that. */
static char *
put_name (char *p, const char *name, gsize n)
{
  if (weft_json_plain_prefix (name, n) == n)
    return weft_put (p, name, n);
  g_autoptr (GString) escaped = g_string_new (NULL);
  weft_json_append_string (escaped, name, (gssize) n);
  return weft_put (p, escaped->str + 1, escaped->len - 2);
}

void
weft_field_keys_init (WeftField *field)
{
  const char *name = field->name;
  gsize n = strlen (name);
  /* an escaped byte can take six */
  char *text = g_malloc0 (2 * (6 * n + sizeof ",\"_start\":") + KEY_COPY);
  field->key = text;
  text = WEFT_PUT_LITERAL (text, ",\"");
  if (field->type != WEFT_FIELD_SPAN)
    {
      text = put_name (text, name, n);
      text = WEFT_PUT_LITERAL (text, "\":");
      field->key_len = (guint) (text - field->key);
      field->end_key = NULL;
      field->end_key_len = 0;
      return;
    }
  gsize stem = g_str_has_suffix (name, "_span") && n > 5 ? n - 5 : n;
  text = put_name (text, name, stem);
  text = WEFT_PUT_LITERAL (text, "_start\":");
  field->key_len = (guint) (text - field->key);
  field->end_key = text;
  text = WEFT_PUT_LITERAL (text, ",\"");
  text = put_name (text, name, stem);
  text = WEFT_PUT_LITERAL (text, "_end\":");
  field->end_key_len = (guint) (text - field->end_key);
}

/* Points @keys at the text between the quotes of @string's JSON. */
static void
string_inner (FieldKeys *keys, const char *string)
{
  keys->last = string;
  gsize len = strlen (string);
  if (weft_json_plain_prefix (string, len) == len)
    {
      keys->inner = string;
      keys->inner_len = len;
      return;
    }
  if (!keys->escaped)
    keys->escaped = g_string_new (NULL);
  g_string_truncate (keys->escaped, 0);
  weft_json_append_string (keys->escaped, string, (gssize) len);
  keys->inner = keys->escaped->str + 1;
  keys->inner_len = keys->escaped->len - 2;
}

/* The most characters of a gint64 in decimal: "-9223372036854775808". */
#define INT_MAX_CHARS 20

/* The most bytes put_field() writes for the field, not counting the text
 * between a string value's quotes (string_inner() gives that span by
 * span). */
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
      value = 2 * WEFT_UINT32_DIGITS + keys->end_key_len;
      break;
    }
  return keys->key_len + value;
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
      p = weft_put_uint32 (p, weft_doc_char_offset (doc, value->span.start));
      p = put_key (p, keys->end_key, keys->end_key_len);
      return weft_put_uint32 (p, weft_doc_char_offset (doc, value->span.end));
    }
  return p;
}

static inline char *
put_field (char *p, WeftDoc *doc, const WeftSpan *span, guint field,
           const FieldKeys *keys)
{
  p = put_key (p, keys->key, keys->key_len);
  if (span->set & (G_GUINT64_CONSTANT (1) << field))
    {
      /* doubles, the most frequent values, without put_value()'s call */
      if (keys->type == WEFT_FIELD_DOUBLE)
        return p + weft_json_format_double_len (p, span->values[field].number);
      if (keys->type != WEFT_FIELD_STRING)
        return put_value (p, doc, &span->values[field], keys);
      *p++ = '"';
      p = weft_put (p, keys->inner, keys->inner_len);
      *p++ = '"';
      return p;
    }
  p = WEFT_PUT_LITERAL (p, "null");
  if (keys->type == WEFT_FIELD_SPAN)
    {
      p = put_key (p, keys->end_key, keys->end_key_len);
      p = WEFT_PUT_LITERAL (p, "null");
    }
  return p;
}

/* Writes a span's fields and closes its record, after one capacity check:
 * @fields_max from field_max() plus the length of each string value
 * (@strings: the string fields, a bit each).  With @head, the record's
 * opening goes first, in the same room (@first: the layer's first). */
static void
append_fields (GString *out, WeftDoc *doc, const WeftSpan *span,
               FieldKeys *keys, guint n_fields, gsize fields_max,
               guint64 strings, gboolean head, gboolean first)
{
  gsize room = SPAN_HEAD_MAX + fields_max + 1 + KEY_COPY;
  for (guint64 set = span->set & strings; set; set &= set - 1)
    {
      guint f = (guint) __builtin_ctzll (set);
      if (span->values[f].string != keys[f].last)
        string_inner (&keys[f], span->values[f].string);
      room += keys[f].inner_len;
    }
  char *p = weft_out_reserve (out, room);
  if (head)
    p = put_span_head (p, doc, span->start, span->end, first);
  for (guint f = 0; f < n_fields; f++)
    p = put_field (p, doc, span, f, &keys[f]);
  *p++ = '}';
  weft_out_commit (out, p);
}

static void
append_layer (GString *out, WeftDoc *doc, const WeftLayer *layer,
              const Flush *flush)
{
  const WeftLayerSchema *schema = layer->schema;
  guint n_fields = schema->n_fields;
  FieldKeys *keys = g_newa (FieldKeys, n_fields);
  gsize fields_max = 0;
  guint64 strings = 0;
  for (guint f = 0; f < n_fields; f++)
    {
      const WeftField *field = &schema->fields[f];
      keys[f] = (FieldKeys) { .type = field->type,
                              .key = field->key,
                              .key_len = field->key_len,
                              .end_key = field->end_key,
                              .end_key_len = field->end_key_len };
      fields_max += field_max (&keys[f]);
      if (field->type == WEFT_FIELD_STRING)
        strings |= G_GUINT64_CONSTANT (1) << f;
    }
  WEFT_OUT_LITERAL (out, ",");
  weft_json_append_string (out, schema->name, -1);
  WEFT_OUT_LITERAL (out, ":[");
  gboolean with_text = schema->write_text;
  if (layer->n_spans)
    weft_doc_build_char_index (doc); /* for weft_doc_char_offset() */
  /* the records block by block (doc-private.h), not found by number */
  const guint8 *record = NULL;
  guint k = 0, left = 0;
  for (guint i = 0; i < layer->n_spans; i++)
    {
      if (!left)
        {
          record = layer->blocks[k];
          left = LAYER_FIRST_BLOCK << k++;
        }
      const WeftSpan *span = (const WeftSpan *) record;
      record += layer->span_size;
      left--;
      if (with_text)
        {
          char *p = weft_out_reserve (out, SPAN_HEAD_MAX);
          weft_out_commit (out, put_span_head (p, doc, span->start, span->end,
                                               i == 0));
          append_span_text (out, doc, span->start, span->end);
        }
      append_fields (out, doc, span, keys, n_fields, fields_max, strings,
                     !with_text, i == 0);
      maybe_flush (out, flush);
    }
  g_string_append_c (out, ']');
  for (guint f = 0; f < n_fields; f++)
    if (keys[f].escaped)
      g_string_free (keys[f].escaped, TRUE);
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
  WEFT_OUT_LITERAL (out, ",\"doc\":{");
  guint n = weft_doc_get_n_values (doc);
  /* group values by their group, keeping first-seen order; a document's
   * few groups on the stack */
  const char *stack[16];
  const char **groups
      = n <= G_N_ELEMENTS (stack) ? stack : g_new (const char *, n);
  guint n_groups = 0;
  for (guint i = 0; i < n; i++)
    {
      const char *group, *key, *json;
      weft_doc_get_nth_value (doc, i, &group, &key, &json);
      gboolean seen = FALSE;
      for (guint g = 0; g < n_groups && !seen; g++)
        seen = strcmp (groups[g], group) == 0;
      if (!seen)
        groups[n_groups++] = group;
    }
  for (guint g = 0; g < n_groups; g++)
    {
      const char *want = groups[g];
      if (g)
        g_string_append_c (out, ',');
      weft_json_append_string (out, want, -1);
      WEFT_OUT_LITERAL (out, ":{");
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
          append_str (out, json);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
  if (groups != stack)
    g_free (groups);
}

static void
write_jsonl (GString *out, WeftDoc *doc, const char *const *layers,
             const Flush *flush)
{
  WEFT_OUT_LITERAL (out, "{\"id\":");
  append_nullable (out, doc->id);
  WEFT_OUT_LITERAL (out, ",\"source\":");
  append_nullable (out, doc->source);
  WEFT_OUT_LITERAL (out, ",\"date\":");
  append_nullable (out, doc->date);
  WEFT_OUT_LITERAL (out, ",\"meta\":{");
  for (guint i = 0; i < weft_doc_get_n_meta (doc); i++)
    {
      const char *key, *json;
      weft_doc_get_nth_meta (doc, i, &key, &json);
      if (i)
        g_string_append_c (out, ',');
      weft_json_append_string (out, key, -1);
      g_string_append_c (out, ':');
      append_str (out, json);
    }
  g_string_append_c (out, '}');
  append_doc_values (out, doc);
  if (wanted (layers, "tokens", FALSE))
    {
      WEFT_OUT_LITERAL (out, ",\"tokens\":[");
      weft_doc_build_char_index (doc); /* for weft_doc_char_offset() */
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
      WEFT_OUT_LITERAL (out, ",\"sentences\":[");
      if (doc->n_sentences)
        weft_doc_build_char_index (doc);
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
  WEFT_OUT_LITERAL (out, "}\n");
}

void
weft_write_field_value (GString *out, const WeftLayer *layer, guint span,
                        guint field)
{
  const WeftSpan *record = weft_layer_span_record (layer, span);
  g_return_if_fail (field < layer->schema->n_fields);
  FieldKeys keys = { .type = layer->schema->fields[field].type };
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

gboolean
weft_writer_reads_tokens (WeftOutputFormat format, const char *const *layers)
{
  return format == WEFT_FORMAT_TEXT || wanted (layers, "tokens", FALSE);
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
  WEFT_OUT_LITERAL (out, "{\"id\":");
  append_nullable (out, id);
  WEFT_OUT_LITERAL (out, ",\"source\":");
  append_nullable (out, source);
  g_string_append (out, ",\"error\":{\"stage\":");
  weft_json_append_string (out, stage, -1);
  g_string_append (out, ",\"message\":");
  weft_json_append_string (out, message, -1);
  g_string_append (out, "}}\n");
}
