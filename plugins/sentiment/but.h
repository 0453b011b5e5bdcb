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
/* Memory the rule keeps from one call to the next (a text's spans call it
 * thousands of times): zero-initialized before the first call, freed by
 * vader_but_scratch_clear(). */
typedef struct
{
  gpointer buckets;
  guint32 n_buckets;
  guint32 *links;
  guint32 n_links;
} VaderButScratch;

/* @scratch: reused memory (see above). */
void vader_but_shift (double *val, guint m, guint n_before, guint n_upto,
                      double before, double after, VaderButScratch *scratch);

/* Frees @scratch's memory; it may be used again. */
void vader_but_scratch_clear (VaderButScratch *scratch);
