/* sentiment — the "but" rule of vaderSentiment 3.3.2: each valence is
 * multiplied (0.5 before "but", 1.5 after) and written back through
 * list.index(), i.e. at the first position holding an equal value, which
 * may be an earlier word whose value was equal or has become equal.  A
 * scan for that position costs O(m) per word; instead each value keeps
 * the positions that hold it in a pairing heap, whose minimum is the
 * position list.index() finds.  Only the words with a non-zero valence
 * take part. */
#include "but.h"

#include <string.h>

/* A value and the heap of the positions holding it. */
typedef struct
{
  double value;
  guint32 root; /* position + 1 of the heap's minimum; 0: empty */
  guint32 used;
} Bucket;

/* Every position is in at most one heap at a time, so the heaps share
 * their links: child[] and sibling[], indexed by position + 1. */
typedef struct
{
  Bucket *b;
  guint32 n_buckets; /* a power of two */
  guint32 n_used;
  guint32 *child;
  guint32 *sibling;
  const Bucket *reused; /* the scratch's buckets: not freed on growth */
} Heaps;

/* The bucket a value starts probing at.  Its high half is folded into
 * the low one first: the product's bits taken depend only on the value's
 * lower bits, and valences such as 2.0 and 1.5, or v and v * 0.5, differ
 * only in their high bits (they all fell in one bucket). */
static guint32
bucket_index (const Heaps *h, double v)
{
  guint64 bits;
  memcpy (&bits, &v, sizeof bits);
  bits ^= bits >> 32;
  return (guint32)((bits * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 32)
         & (h->n_buckets - 1);
}

/* The bucket of @v (non-zero), or NULL when it has none. */
static Bucket *
find (const Heaps *h, double v)
{
  for (guint32 i = bucket_index (h, v);; i = (i + 1) & (h->n_buckets - 1))
    {
      Bucket *b = &h->b[i];
      if (!b->used)
        return NULL;
      if (b->value == v)
        return b;
    }
}

/* The bucket of @v (non-zero), made when absent; the table doubles when
 * half full, so it stays in proportion to the values that occur. */
static Bucket *
find_or_add (Heaps *h, double v)
{
  Bucket *b = find (h, v);
  if (b)
    return b;
  if (2 * (h->n_used + 1) > h->n_buckets)
    {
      Bucket *old = h->b;
      guint32 n_old = h->n_buckets;
      h->n_buckets *= 2;
      h->b = g_new0 (Bucket, h->n_buckets);
      for (guint32 i = 0; i < n_old; i++)
        if (old[i].used)
          {
            guint32 j = bucket_index (h, old[i].value);
            while (h->b[j].used)
              j = (j + 1) & (h->n_buckets - 1);
            h->b[j] = old[i];
          }
      if (old != h->reused)
        g_free (old);
    }
  guint32 i = bucket_index (h, v);
  while (h->b[i].used)
    i = (i + 1) & (h->n_buckets - 1);
  h->n_used++;
  h->b[i] = (Bucket){ .value = v, .used = 1 };
  return &h->b[i];
}

/* The heap of roots @a and @b (either may be 0), @b's root without a
 * sibling. */
static guint32
meld (Heaps *h, guint32 a, guint32 b)
{
  if (!a || !b)
    return a | b;
  if (b < a)
    {
      guint32 t = a;
      a = b;
      b = t;
    }
  h->sibling[b] = h->child[a];
  h->child[a] = b;
  return a;
}

static void
push (Heaps *h, Bucket *b, guint32 pos)
{
  guint32 x = pos + 1;
  h->child[x] = h->sibling[x] = 0;
  b->root = meld (h, b->root, x);
}

/* Removes @b's minimum: its children melded in pairs left to right, then
 * the pairs right to left (the two passes that keep pairing heaps
 * O(log n) amortized); the pairs wait on a stack linked through
 * sibling[]. */
static void
pop (Heaps *h, Bucket *b)
{
  guint32 next = h->child[b->root], stack = 0;
  while (next)
    {
      guint32 a = next, c = h->sibling[a];
      next = c ? h->sibling[c] : 0;
      h->sibling[a] = 0;
      if (c)
        {
          h->sibling[c] = 0;
          a = meld (h, a, c);
        }
      h->sibling[a] = stack;
      stack = a;
    }
  guint32 root = 0;
  while (stack)
    {
      guint32 below = h->sibling[stack];
      h->sibling[stack] = 0;
      root = meld (h, root, stack);
      stack = below;
    }
  b->root = root;
}

static void
but_shift_scan (double *val, guint m, guint n_before, guint n_upto,
                double before, double after)
{
  for (guint p = 0; p < m; p++)
    {
      double v = val[p];
      guint si = 0;
      while (val[si] != v)
        si++;
      if (si < n_before)
        val[si] = v * before;
      else if (si >= n_upto)
        val[si] = v * after;
    }
}

void
vader_but_shift (double *val, guint m, guint n_before, guint n_upto,
                 double before, double after, VaderButScratch *scratch)
{
  if (m <= 32)
    {
      but_shift_scan (val, m, n_before, n_upto, before, after);
      return;
    }
  /* The buckets are the scratch's, as many as earlier calls needed, of
   * which the first 64, or as many as @m distinct values would fill
   * half of, start empty. */
  if (scratch->n_buckets < 64)
    {
      g_free (scratch->buckets);
      scratch->buckets = g_new (Bucket, 64);
      scratch->n_buckets = 64;
    }
  guint32 n_buckets = 64;
  while (n_buckets < 2 * m && n_buckets < scratch->n_buckets)
    n_buckets *= 2;
  if (scratch->n_links < 2 * (m + 1))
    {
      scratch->n_links = MAX (2 * (m + 1), 2 * scratch->n_links);
      scratch->links = g_renew (guint32, scratch->links, scratch->n_links);
    }
  Heaps h = { .b = scratch->buckets,
              .n_buckets = n_buckets,
              .child = scratch->links,
              .sibling = scratch->links + (m + 1),
              .reused = scratch->buckets };
  memset (h.b, 0, n_buckets * sizeof (Bucket));
  for (guint p = 0; p < m; p++)
    {
      /* val[p] is as yet unchanged: earlier steps write at or before their
       * own index. */
      double v = val[p];
      Bucket *b = find (&h, v);
      guint32 si = b && b->root ? b->root - 1 : p;
      double w = si < n_before ? v * before : si >= n_upto ? v * after : v;
      val[si] = w;
      if (si < p && w != v)
        {
          pop (&h, b);
          /* A value that underflowed to zero is never looked for again. */
          if (w != 0)
            push (&h, find_or_add (&h, w), si);
        }
      if (val[p] != 0)
        push (&h, find_or_add (&h, val[p]), p);
    }
  /* A table that grew is kept for the next call. */
  if (h.b != h.reused)
    {
      g_free (scratch->buckets);
      scratch->buckets = h.b;
      scratch->n_buckets = h.n_buckets;
    }
}

void
vader_but_scratch_clear (VaderButScratch *scratch)
{
  g_free (scratch->buckets);
  g_free (scratch->links);
  memset (scratch, 0, sizeof *scratch);
}
