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
/* Bytes held by the arena's chunks. */
gsize weft_arena_capacity (const WeftArena *arena);
