/* sentiment — VADER's "but" rule (_but_check()), including its use of
 * list.index(), in time linear in practice instead of quadratic. */
#pragma once

#include <weft/doc.h>

/* For p = 0 .. @n - 1: v = @s[p]; i = the first index whose value equals v
 * (==, so 0.0 and -0.0 are equal); @s[i] = v * @before when i < @but, v *
 * @after when i > @but.  Scratch memory comes from @arena. */
void vader_but_shift (double *s, guint n, guint but, double before,
                      double after, WeftDoc *arena);
