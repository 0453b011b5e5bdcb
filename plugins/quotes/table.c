/* quotes — open-addressing hash tables, doubling when half full.  A
 * table of a few slots starts in the document's arena (no heap block for
 * most articles); grown, its slots are on the heap, freed as they grow
 * and by quotes_table_clear(): in the arena every old size would stay
 * until the next document, and a 100 MB article's cue index has a few
 * hundred thousand entries. */
#include "table.h"

#include <string.h>

/* Eight bytes at a time with one multiply each (names and surnames:
 * g_str_hash() takes a multiply and more per byte). */
static guint
string_hash (const char *s)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  gsize n = strlen (s);
  guint64 h = n;
  for (; n >= 8; s += 8, n -= 8)
    {
      guint64 w;
      memcpy (&w, s, 8);
      h = (h ^ w) * k;
    }
  guint64 tail = 0;
  while (n-- > 0)
    tail = tail << 8 | (guchar)s[n];
  h = (h ^ tail) * k;
  guint hash = (guint)(h >> 32);
  return hash ? hash : 1; /* 0 marks an empty slot */
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

/* How many slots hold @n entries, at most half full. */
static guint
size_for (guint n)
{
  guint size = 16;
  while (size < 2 * n)
    size *= 2;
  return size;
}

/* Room for @n entries, at most half full, on the heap. */
static void
grow (QuotesTable *table, guint n)
{
  guint size = size_for (n);
  QuotesTable grown = { 0 };
  grown.slots = g_new0 (QuotesTableSlot, size);
  grown.mask = size - 1;
  grown.n = table->n;
  for (guint i = 0; table->slots && i <= table->mask; i++)
    if (table->slots[i].hash)
      *find (&grown, table->slots[i].key, table->slots[i].hash, FALSE)
          = table->slots[i];
  if (!table->in_arena)
    g_free (table->slots);
  *table = grown;
}

void
quotes_table_clear (QuotesTable *table)
{
  if (!table->in_arena)
    g_free (table->slots);
  *table = (QuotesTable){ 0 };
}

/* The most slots taken from a document's arena (1.5 KB), where they stay
 * until the document ends. */
#define ARENA_SLOTS (2 * QUOTES_TABLE_ARENA_ENTRIES)

void
quotes_table_reserve (QuotesTable *table, guint n, WeftDoc *doc)
{
  if (2 * n <= (table->slots ? table->mask + 1 : 0))
    return;
  guint size = size_for (n);
  if (table->slots || size > ARENA_SLOTS)
    {
      grow (table, n);
      return;
    }
  *table = (QuotesTable){
    .slots = weft_doc_alloc (doc, size * sizeof (QuotesTableSlot)),
    .mask = size - 1,
    .in_arena = TRUE,
  };
}

static gpointer *
insert (QuotesTable *table, guint64 key, guint hash, gboolean strings)
{
  if ((table->n + 1) * 2 > (table->slots ? table->mask + 1 : 0))
    grow (table, MAX (table->n + 1, table->slots ? table->mask + 1 : 8));
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
quotes_table_insert_string (QuotesTable *table, const char *key)
{
  return insert (table, (gsize)key, string_hash (key), TRUE);
}

gpointer
quotes_table_lookup_uint (const QuotesTable *table, guint key)
{
  return lookup (table, key, uint_hash (key), FALSE);
}

gpointer *
quotes_table_insert_uint (QuotesTable *table, guint key)
{
  return insert (table, key, uint_hash (key), FALSE);
}
