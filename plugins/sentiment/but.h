/* sentiment — VADER's "but" rule (_but_check()), including its use of
 * list.index(), in O(m log m) time instead of quadratic. */
#pragma once

#include <glib.h>

/* The rule over the words with a non-zero valence, @val[0, @m) in word
 * order, of which the first @n_before precede the "but" and those from
 * @n_upto on follow it (between them: "but" itself, when it has a
 * valence): for p = 0 .. @m - 1: v = @val[p]; j = the first index whose
 * value equals v; @val[j] = v * @before when j < @n_before, v * @after
 * when j >= @n_upto.  Over all the words' valences the same happens: a
 * zero is never equal to a non-zero v, and where a zero is written back
 * does not matter. */
void vader_but_shift (double *val, guint m, guint n_before, guint n_upto,
                      double before, double after);
