/* sentiment — VADER's "but" rule (_but_check()), including its use of
 * list.index(), in time linear in practice instead of quadratic. */
#pragma once

#include <weft/doc.h>

/* The rule over the words with a non-zero valence, @val[0, @m) at word
 * positions @pos (ascending): for p = 0 .. @m - 1: v = @val[p]; j = the
 * first index whose value equals v; @val[j] = v * @before when @pos[j] <
 * @but, v * @after when @pos[j] > @but.  Over all the words' valences the
 * same happens: a zero is never equal to a non-zero v, and where a zero
 * is written back does not matter.  Scratch memory comes from @arena. */
void vader_but_shift (double *val, const guint32 *pos, guint m, guint32 but,
                      double before, double after, WeftDoc *arena);
