/* quotes — small open-addressing hash tables in the document's arena,
 * doubling when half full (the old slots stay in the arena: tables here
 * hold a few thousand entries at most per article). */
#include "table.h"

static guint
string_hash (const char *s)
{
  guint h = g_str_hash (s);
  return h ? h : 1; /* 0 marks an empty slot */
}

static guint
uint_hash (guint key)
{
  guint h
      = (guint)(((guint64)key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
  return h ? h : 1;
}

static gboolean
same_key (guint64 a, guint64 b, gboolean strings)
{
  return a == b
         || (strings
             && strcmp ((const char *)(gsize)a, (const char *)(gsize)b) == 0);
}

/* The slot of @key, or the empty slot where it would go. */
static QuotesTableSlot *
find (const QuotesTable *table, guint64 key, guint hash, gboolean strings)
{
  for (guint i = hash & table->mask;; i = (i + 1) & table->mask)
    {
      QuotesTableSlot *slot = &table->slots[i];
      if (!slot->hash
          || (slot->hash == hash && same_key (slot->key, key, strings)))
        return slot;
    }
}

static gpointer
lookup (const QuotesTable *table, guint64 key, guint hash, gboolean strings)
{
  if (!table->slots)
    return NULL;
  QuotesTableSlot *slot = find (table, key, hash, strings);
  return slot->hash ? slot->value : NULL;
}

/* Room for @n entries, at most half full. */
static void
grow (QuotesContext *ctx, QuotesTable *table, guint n)
{
  guint size = 16;
  while (size < 2 * n)
    size *= 2;
  QuotesTable grown = { 0 };
  grown.slots = weft_doc_alloc (ctx->doc, size * sizeof (QuotesTableSlot));
  grown.mask = size - 1;
  grown.n = table->n;
  for (guint i = 0; table->slots && i <= table->mask; i++)
    if (table->slots[i].hash)
      *find (&grown, table->slots[i].key, table->slots[i].hash, FALSE)
          = table->slots[i];
  *table = grown;
}

void
quotes_table_reserve (QuotesContext *ctx, QuotesTable *table, guint n)
{
  if (2 * n > (table->slots ? table->mask + 1 : 0))
    grow (ctx, table, n);
}

static gpointer *
insert (QuotesContext *ctx, QuotesTable *table, guint64 key, guint hash,
        gboolean strings)
{
  if ((table->n + 1) * 2 > (table->slots ? table->mask + 1 : 0))
    grow (ctx, table, MAX (table->n + 1, table->slots ? table->mask + 1 : 8));
  QuotesTableSlot *slot = find (table, key, hash, strings);
  if (!slot->hash)
    {
      *slot = (QuotesTableSlot){ key, NULL, hash };
      table->n++;
    }
  return &slot->value;
}

gpointer
quotes_table_lookup_string (const QuotesTable *table, const char *key)
{
  return lookup (table, (gsize)key, string_hash (key), TRUE);
}

gpointer *
quotes_table_insert_string (QuotesContext *ctx, QuotesTable *table,
                            const char *key)
{
  return insert (ctx, table, (gsize)key, string_hash (key), TRUE);
}

gpointer
quotes_table_lookup_uint (const QuotesTable *table, guint key)
{
  return lookup (table, key, uint_hash (key), FALSE);
}

gpointer *
quotes_table_insert_uint (QuotesContext *ctx, QuotesTable *table, guint key)
{
  return insert (ctx, table, key, uint_hash (key), FALSE);
}
