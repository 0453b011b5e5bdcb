/* weft — annotation layers: a schema declared once by the producing plugin,
 * and per-document spans whose field values are indexed by handle, so the
 * hot path never looks a field up by name. */
#include <string.h>

#include "doc-private.h"

WeftLayerSchema *
weft_layer_schema_new (const char *name)
{
  g_return_val_if_fail (name != NULL && *name, NULL);
  WeftLayerSchema *schema = g_new0 (WeftLayerSchema, 1);
  schema->name = g_strdup (name);
  schema->write_text = TRUE;
  return schema;
}

guint
weft_layer_schema_add_field (WeftLayerSchema *schema, const char *name,
                             WeftFieldType type)
{
  g_return_val_if_fail (schema != NULL && name != NULL, 0);
  g_return_val_if_fail (schema->n_fields < WEFT_LAYER_MAX_FIELDS, 0);
  g_return_val_if_fail (weft_layer_schema_find_field (schema, name) < 0, 0);
  WeftField *field = &schema->fields[schema->n_fields];
  field->name = g_strdup (name);
  field->type = type;
  schema->types[schema->n_fields] = (guint8) type;
  weft_field_keys_init (field);
  return schema->n_fields++;
}

void
weft_layer_schema_free (WeftLayerSchema *schema)
{
  if (!schema)
    return;
  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_free (schema->fields[i].name);
      g_free (schema->fields[i].key);
    }
  g_free (schema->name);
  g_free (schema);
}

const char *
weft_layer_schema_get_name (const WeftLayerSchema *schema)
{
  return schema->name;
}

guint
weft_layer_schema_get_n_fields (const WeftLayerSchema *schema)
{
  return schema->n_fields;
}

const char *
weft_layer_schema_get_field_name (const WeftLayerSchema *schema, guint field)
{
  g_return_val_if_fail (field < schema->n_fields, NULL);
  return schema->fields[field].name;
}

WeftFieldType
weft_layer_schema_get_field_type (const WeftLayerSchema *schema, guint field)
{
  g_return_val_if_fail (field < schema->n_fields, WEFT_FIELD_STRING);
  return schema->fields[field].type;
}

int
weft_layer_schema_find_field (const WeftLayerSchema *schema, const char *name)
{
  for (guint i = 0; i < schema->n_fields; i++)
    if (strcmp (schema->fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

void
weft_layer_schema_set_write_text (WeftLayerSchema *schema, gboolean write_text)
{
  g_return_if_fail (schema != NULL);
  schema->write_text = write_text != FALSE;
}

gboolean
weft_layer_schema_get_write_text (const WeftLayerSchema *schema)
{
  g_return_val_if_fail (schema != NULL, TRUE);
  return schema->write_text;
}

/* ---- layers in a document ----------------------------------------------- */

WeftLayer *
weft_doc_add_layer (WeftDoc *doc, const WeftLayerSchema *schema)
{
  g_return_val_if_fail (doc != NULL && schema != NULL, NULL);
  WeftLayer *layer = weft_doc_alloc (doc, sizeof (WeftLayer));
  layer->schema = schema;
  layer->doc = doc;
  layer->span_size = sizeof (WeftSpan)
                     + sizeof (WeftFieldValue) * schema->n_fields;
  WeftLayer **layers = doc->layers.data;
  for (guint i = 0; i < doc->layers.len; i++)
    if (strcmp (layers[i]->schema->name, schema->name) == 0)
      {
        layers[i] = layer;
        return layer;
      }
  *(WeftLayer **) weft_vec_push (doc, &doc->layers, sizeof (WeftLayer *))
      = layer;
  return layer;
}

WeftLayer *
weft_doc_get_layer (const WeftDoc *doc, const char *name)
{
  WeftLayer **layers = doc->layers.data;
  for (guint i = 0; i < doc->layers.len; i++)
    if (strcmp (layers[i]->schema->name, name) == 0)
      return layers[i];
  return NULL;
}

guint
weft_doc_get_n_layers (const WeftDoc *doc)
{
  return doc->layers.len;
}

WeftLayer *
weft_doc_get_nth_layer (const WeftDoc *doc, guint i)
{
  g_return_val_if_fail (i < doc->layers.len, NULL);
  return ((WeftLayer **) doc->layers.data)[i];
}

const WeftLayerSchema *
weft_layer_get_schema (const WeftLayer *layer)
{
  return layer->schema;
}

guint
weft_layer_add_span (WeftLayer *layer, uint32_t start, uint32_t end)
{
  g_return_val_if_fail (start <= end && end <= layer->doc->len,
                        layer->n_spans);
  g_return_val_if_fail (layer->n_spans < G_MAXUINT32, layer->n_spans);
  WeftSpan *span = (WeftSpan *) layer->next;
  if (G_UNLIKELY (layer->next == layer->block_end))
    {
      guint index;
      guint k = weft_layer_block_of (layer->n_spans, &index);
      gsize size = layer->span_size * ((gsize) LAYER_FIRST_BLOCK << k);
      if (!layer->blocks[k])
        layer->blocks[k] = weft_arena_alloc_uninit (&layer->doc->arena, size);
      span = (WeftSpan *) (layer->blocks[k] + layer->span_size * index);
      layer->block_end = layer->blocks[k] + size;
    }
  layer->next = (guint8 *) span + layer->span_size;
  span->start = start;
  span->end = end;
  span->set = 0;
  layer->last = span;
  return layer->n_spans++;
}

guint
weft_layer_get_n_spans (const WeftLayer *layer)
{
  return layer->n_spans;
}

void
weft_layer_get_span (const WeftLayer *layer, guint span, uint32_t *start,
                     uint32_t *end)
{
  g_return_if_fail (span < layer->n_spans);
  *start = weft_layer_span_record (layer, span)->start;
  *end = weft_layer_span_record (layer, span)->end;
}

/* Checks the handle and type; returns the value slot to write, or NULL. */
static WeftFieldValue *
slot_for_write (WeftLayer *layer, guint span, guint field, WeftFieldType type)
{
  g_return_val_if_fail (span < layer->n_spans, NULL);
  g_return_val_if_fail (field < layer->schema->n_fields, NULL);
  g_return_val_if_fail (layer->schema->types[field] == type, NULL);
  WeftSpan *s = weft_layer_span_record (layer, span);
  s->set |= G_GUINT64_CONSTANT (1) << field;
  return &s->values[field];
}

/* Whether @span is the latest span (the one plugins fill, layer->last)
 * and @field a field of @type; if not, the setter takes the checked path.
 * Four values a span in the sentiment layer make the setters some of the
 * host's most frequent calls: this is their whole fast path, inline, with
 * no call whose arguments must be kept. */
static inline gboolean
is_latest (const WeftLayer *layer, guint span, guint field, WeftFieldType type)
{
  const WeftLayerSchema *schema = layer->schema;
  /* 64-bit, so span G_MAXUINT is not the latest of no spans */
  return (guint64) span + 1 == layer->n_spans && field < schema->n_fields
         && schema->types[field] == type;
}

/* Sets a value that is not a string by the checked path. */
static G_GNUC_NO_INLINE void
set_value (WeftLayer *layer, guint span, guint field, WeftFieldType type,
           WeftFieldValue value)
{
  WeftFieldValue *slot = slot_for_write (layer, span, field, type);
  if (slot)
    *slot = value;
}

static const WeftFieldValue *
slot_for_read (const WeftLayer *layer, guint span, guint field)
{
  g_return_val_if_fail (span < layer->n_spans, NULL);
  g_return_val_if_fail (field < layer->schema->n_fields, NULL);
  const WeftSpan *s = weft_layer_span_record (layer, span);
  if (!(s->set & (G_GUINT64_CONSTANT (1) << field)))
    return NULL;
  return &s->values[field];
}

/* A copy of @value for field @field of span @span.  Values repeat from span
 * to span ("sentence", "said", a speaker's name): the previous span's copy
 * is shared when equal, so a huge layer does not hold a copy per span. */
static const char *
string_copy (WeftLayer *layer, guint span, guint field, const char *value)
{
  if (span > 0)
    {
      const char *previous = weft_layer_get_string (layer, span - 1, field);
      if (previous && strcmp (previous, value) == 0)
        return previous;
    }
  return weft_doc_strndup (layer->doc, value, -1);
}

/* Sets a string field to @value, copied when @copy; NULL unsets it.  Not
 * inline: weft_layer_set_static_string()'s fast path must not pay for
 * its frame. */
static G_GNUC_NO_INLINE void
set_string (WeftLayer *layer, guint span, guint field, const char *value,
            gboolean copy)
{
  WeftFieldValue *slot = slot_for_write (layer, span, field, WEFT_FIELD_STRING);
  if (!slot)
    return;
  if (value)
    slot->string = copy ? string_copy (layer, span, field, value) : value;
  else
    weft_layer_span_record (layer, span)->set &= ~(G_GUINT64_CONSTANT (1) << field);
}

void
weft_layer_set_string (WeftLayer *layer, guint span, guint field,
                       const char *value)
{
  set_string (layer, span, field, value, TRUE);
}

void
weft_layer_set_static_string (WeftLayer *layer, guint span, guint field,
                              const char *value)
{
  if (G_LIKELY (is_latest (layer, span, field, WEFT_FIELD_STRING) && value))
    {
      WeftSpan *s = layer->last;
      s->set |= G_GUINT64_CONSTANT (1) << field;
      s->values[field].string = value;
    }
  else
    set_string (layer, span, field, value, FALSE);
}

void
weft_layer_set_int (WeftLayer *layer, guint span, guint field, gint64 value)
{
  if (G_LIKELY (is_latest (layer, span, field, WEFT_FIELD_INT)))
    {
      WeftSpan *s = layer->last;
      s->set |= G_GUINT64_CONSTANT (1) << field;
      s->values[field].integer = value;
    }
  else
    set_value (layer, span, field, WEFT_FIELD_INT,
               (WeftFieldValue) { .integer = value });
}

void
weft_layer_set_double (WeftLayer *layer, guint span, guint field, double value)
{
  if (G_LIKELY (is_latest (layer, span, field, WEFT_FIELD_DOUBLE)))
    {
      WeftSpan *s = layer->last;
      s->set |= G_GUINT64_CONSTANT (1) << field;
      s->values[field].number = value;
    }
  else
    set_value (layer, span, field, WEFT_FIELD_DOUBLE,
               (WeftFieldValue) { .number = value });
}

void
weft_layer_set_bool (WeftLayer *layer, guint span, guint field,
                     gboolean value)
{
  set_value (layer, span, field, WEFT_FIELD_BOOL,
             (WeftFieldValue) { .integer = value ? 1 : 0 });
}

void
weft_layer_set_span (WeftLayer *layer, guint span, guint field,
                     uint32_t start, uint32_t end)
{
  g_return_if_fail (start <= end && end <= layer->doc->len);
  if (G_LIKELY (is_latest (layer, span, field, WEFT_FIELD_SPAN)))
    {
      WeftSpan *s = layer->last;
      s->set |= G_GUINT64_CONSTANT (1) << field;
      s->values[field].span.start = start;
      s->values[field].span.end = end;
    }
  else
    set_value (layer, span, field, WEFT_FIELD_SPAN,
               (WeftFieldValue) { .span = { start, end } });
}

gboolean
weft_layer_is_set (const WeftLayer *layer, guint span, guint field)
{
  return slot_for_read (layer, span, field) != NULL;
}

const char *
weft_layer_get_string (const WeftLayer *layer, guint span, guint field)
{
  const WeftFieldValue *slot = slot_for_read (layer, span, field);
  return slot ? slot->string : NULL;
}

gint64
weft_layer_get_int (const WeftLayer *layer, guint span, guint field)
{
  const WeftFieldValue *slot = slot_for_read (layer, span, field);
  return slot ? slot->integer : 0;
}

double
weft_layer_get_double (const WeftLayer *layer, guint span, guint field)
{
  const WeftFieldValue *slot = slot_for_read (layer, span, field);
  return slot ? slot->number : 0.0;
}

gboolean
weft_layer_get_bool (const WeftLayer *layer, guint span, guint field)
{
  const WeftFieldValue *slot = slot_for_read (layer, span, field);
  return slot ? slot->integer != 0 : FALSE;
}

gboolean
weft_layer_get_span_field (const WeftLayer *layer, guint span, guint field,
                           uint32_t *start, uint32_t *end)
{
  const WeftFieldValue *slot = slot_for_read (layer, span, field);
  if (!slot)
    return FALSE;
  *start = slot->span.start;
  *end = slot->span.end;
  return TRUE;
}
