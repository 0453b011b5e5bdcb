/* weft — the document arena.  Chunks form a list that reset() walks again
 * from the start, so a run's memory settles at what its largest document
 * needed and never grows with the number of documents. */
#include "arena.h"

#include <string.h>

#define CHUNK_MIN (64 * 1024)
#define CHUNK_MAX (64 * 1024 * 1024)

struct _WeftArenaChunk {
  WeftArenaChunk *next;
  gsize size; /* usable bytes in data */
  gsize used;
  /* data follows, 16-byte aligned */
};

#define CHUNK_HEADER ((sizeof (WeftArenaChunk) + 15) & ~(gsize) 15)

static WeftArenaChunk *
chunk_new (gsize size)
{
  WeftArenaChunk *chunk = g_malloc (CHUNK_HEADER + size);
  chunk->next = NULL;
  chunk->size = size;
  chunk->used = 0;
  return chunk;
}

void
weft_arena_init (WeftArena *arena)
{
  arena->first = arena->current = chunk_new (CHUNK_MIN);
}

void
weft_arena_clear (WeftArena *arena)
{
  WeftArenaChunk *chunk = arena->first;
  while (chunk)
    {
      WeftArenaChunk *next = chunk->next;
      g_free (chunk);
      chunk = next;
    }
  arena->first = arena->current = NULL;
}

void
weft_arena_reset (WeftArena *arena)
{
  for (WeftArenaChunk *chunk = arena->first; chunk; chunk = chunk->next)
    chunk->used = 0;
  arena->current = arena->first;
}

gpointer
weft_arena_alloc_uninit (WeftArena *arena, gsize size)
{
  size = (size + 7) & ~(gsize) 7;
  WeftArenaChunk *chunk = arena->current;
  /* Walk kept chunks first; append a new one only when none fits. */
  while (chunk->used + size > chunk->size)
    {
      if (!chunk->next)
        chunk->next = chunk_new (MAX (size, MIN (2 * chunk->size, CHUNK_MAX)));
      chunk = chunk->next;
      arena->current = chunk;
    }
  guint8 *p = (guint8 *) chunk + CHUNK_HEADER + chunk->used;
  chunk->used += size;
  return p;
}

gpointer
weft_arena_alloc (WeftArena *arena, gsize size)
{
  return memset (weft_arena_alloc_uninit (arena, size), 0, size);
}

gsize
weft_arena_capacity (const WeftArena *arena)
{
  gsize total = 0;
  for (WeftArenaChunk *chunk = arena->first; chunk; chunk = chunk->next)
    total += chunk->size;
  return total;
}
