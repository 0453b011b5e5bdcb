/* sentiment — the "but" rule of vaderSentiment 3.3.2: each valence is
 * multiplied (0.5 before "but", 1.5 after) and written back through
 * list.index(), i.e. at the first position holding an equal value, which
 * may be an earlier word whose value was equal or has become equal.  A
 * scan for that position costs O(n) per word; instead every value keeps
 * the sorted list of indices (below the current one) that hold it.  Only
 * the words with a non-zero valence take part. */
#include "but.h"

#include <string.h>

/* The positions holding one value, as a list in ascending order through
 * next[]; positions are stored + 1, 0 ends a list. */
typedef struct
{
  double value;
  guint32 head;
  guint32 tail; /* never 0 once the bucket is used */
} Bucket;

typedef struct
{
  Bucket *b;
  guint32 mask;
  guint32 *next;
} Positions;

/* The bucket of @v, created when @create, else NULL when absent. */
static Bucket *
bucket (Positions *ps, double v, gboolean create)
{
  /* 0.0 == -0.0: one bucket for both. */
  guint64 bits = 0;
  if (v != 0)
    memcpy (&bits, &v, sizeof bits);
  guint32 i = (guint32)((bits * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 32)
              & ps->mask;
  while (ps->b[i].tail && ps->b[i].value != v)
    i = (i + 1) & ps->mask;
  Bucket *b = &ps->b[i];
  if (!b->tail)
    {
      if (!create)
        return NULL;
      b->value = v;
    }
  return b;
}

/* Adds position @p to @b's list, in order; positions mostly arrive in
 * ascending order, so mostly at the tail. */
static void
insert (Positions *ps, Bucket *b, guint32 p)
{
  guint32 x = p + 1, *next = ps->next;
  if (!b->head)
    {
      b->head = b->tail = x;
      next[p] = 0;
    }
  else if (x > b->tail)
    {
      next[b->tail - 1] = x;
      b->tail = x;
      next[p] = 0;
    }
  else if (x < b->head)
    {
      next[p] = b->head;
      b->head = x;
    }
  else
    {
      guint32 prev = b->head;
      while (next[prev - 1] && next[prev - 1] < x)
        prev = next[prev - 1];
      next[p] = next[prev - 1];
      next[prev - 1] = x;
    }
}

static void
but_shift_scan (double *val, const guint32 *pos, guint m, guint32 but,
                double before, double after)
{
  for (guint p = 0; p < m; p++)
    {
      double v = val[p];
      guint si = 0;
      while (val[si] != v)
        si++;
      if (pos[si] < but)
        val[si] = v * before;
      else if (pos[si] > but)
        val[si] = v * after;
    }
}

void
vader_but_shift (double *val, const guint32 *pos, guint m, guint32 but,
                 double before, double after, WeftDoc *arena)
{
  if (m <= 32)
    {
      but_shift_scan (val, pos, m, but, before, after);
      return;
    }
  /* Each step may add a value (v * before or v * after), so at most 2m
   * values occur. */
  guint32 n_buckets = 16;
  while (n_buckets < 4 * m)
    n_buckets *= 2;
  Positions ps = { .b = weft_doc_alloc (arena, n_buckets * sizeof (Bucket)),
                   .mask = n_buckets - 1,
                   .next = weft_doc_alloc (arena, m * sizeof (guint32)) };
  for (guint p = 0; p < m; p++)
    {
      /* val[p] is as yet unchanged: earlier steps write at or before their
       * own index. */
      double v = val[p];
      Bucket *b = bucket (&ps, v, FALSE);
      guint32 si = b && b->head ? b->head - 1 : p;
      double w = pos[si] < but   ? v * before
                 : pos[si] > but ? v * after
                                 : val[si];
      val[si] = w;
      /* A value that underflowed to zero is never looked for again. */
      if (si < p && w != v)
        {
          b->head = ps.next[si];
          if (w != 0)
            insert (&ps, bucket (&ps, w, TRUE), si);
        }
      if (val[p] != 0)
        insert (&ps, bucket (&ps, val[p], TRUE), p);
    }
}
