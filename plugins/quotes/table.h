/* quotes — hash tables for per-article lookups (people by name, quotations
 * by cue token): one heap block per table, no allocation per entry. */
#pragma once

#include <glib.h>

#include "weft/doc.h"

typedef struct
{
  guint64 key; /* a string's address, or a number */
  gpointer value;
  guint hash; /* 0: empty */
} QuotesTableSlot;

/* Zero-initialised: empty. */
typedef struct
{
  QuotesTableSlot *slots;
  guint mask, n;
  gboolean in_arena; /* slots from a document's arena: never freed here */
} QuotesTable;

/* Frees the slots; the table is empty again. */
void quotes_table_clear (QuotesTable *table);
/* Makes room for @n entries in all without growing again; a few slots for
 * an empty table come from @doc's arena (most articles' tables: no heap
 * block), more from the heap. */
void quotes_table_reserve (QuotesTable *table, guint n, WeftDoc *doc);
/* The most entries quotes_table_reserve() makes room for in the arena. */
#define QUOTES_TABLE_ARENA_ENTRIES 32
/* The value for the string @key (NULL when none). */
gpointer quotes_table_lookup_string (const QuotesTable *table, const char *key);
/* Where the value for @key goes, added (NULL) when missing; @key must live
 * as long as the document.  Valid until the next insertion. */
gpointer *quotes_table_insert_string (QuotesTable *table, const char *key);
/* The same with a number as the key. */
gpointer quotes_table_lookup_uint (const QuotesTable *table, guint key);
gpointer *quotes_table_insert_uint (QuotesTable *table, guint key);
