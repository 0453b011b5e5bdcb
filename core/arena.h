/* weft — bump allocator behind every document: allocation is a pointer
 * increment, reset rewinds to the first chunk and keeps the memory. */
#pragma once

#include <glib.h>

typedef struct _WeftArenaChunk WeftArenaChunk;

typedef struct {
  WeftArenaChunk *first;
  WeftArenaChunk *current;
} WeftArena;

void weft_arena_init (WeftArena *arena);
void weft_arena_clear (WeftArena *arena);
/* Rewinds; the chunks stay for the next document. */
void weft_arena_reset (WeftArena *arena);
/* Zeroed, 8-byte aligned, valid until reset. */
gpointer weft_arena_alloc (WeftArena *arena, gsize size);
/* Like weft_arena_alloc() but not zeroed: pages of a large block that are
 * never written are never touched. */
gpointer weft_arena_alloc_uninit (WeftArena *arena, gsize size);
/* Bytes held by the arena's chunks. */
gsize weft_arena_capacity (const WeftArena *arena);
