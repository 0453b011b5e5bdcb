/* quotes — speakers.  A first pass collects the people the article names
 * with a role beside them ("military expert Aleksey Ivanov", "Viktor
 * Vodolatsky, first deputy chairman"); then the mentions are walked in
 * text order, each resolved against the people seen so far, and each
 * resolved speaker becomes the most recent person for what follows. */
#include "speakers.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "mention.h"
#include "table.h"

/* One mention of a person; a long article holds hundreds of thousands,
 * so its flags are bits (48 bytes). */
typedef struct
{
  uint32_t pos;
  guint token; /* where it is named */
  /* In the history: this person's index, and the person before it (index
   * + 1; 0: none) of the same gender, of any role group and of this one's. */
  guint index, earlier, earlier_in_group;
  guint8 group;
  guint8 person : 1; /* met with a role: a referent for "he", "the expert" */
  guint8 gender : 2; /* QUOTES_GENDER_*, from a role, title or pronoun */
  guint8 subject : 1; /* known to be its sentence's subject (a resolved
                         speaker), else told from its token when asked */
  guint8 weak : 1; /* named after "with", "in" or as a possessive: its
                      surname's full name only when no other is known */
  guint8 full : 1; /* a surname and more: "Dmitry Peskov", not "Peskov" */
  const char *name;
  const char *folded; /* its surname, last_word (), without diacritics
                         (Erdoğan -> Erdogan) */
  /* What is known about folded (NULL: not looked up yet), kept from
   * know_article() so that history_add() does not hash it again. */
  struct _Known *known_folded;
} Person;
G_STATIC_ASSERT (sizeof (Person) <= 48);

/* What one string is known as, in the article and in the history so far:
 * a full name and a folded surname ("Peskov" can be both). */
typedef struct _Known
{
  const char *first_full;  /* as a surname: the article's first name of two
                              or more words ending with it */
  const char *latest_full; /* the same, latest in the history */
  guint8 first_full_weak, latest_full_weak; /* from Person.weak */
  guint8 first_gender;     /* as a name: the article's first known gender */
  guint8 first_group;      /* and first known role group */
  guint latest_gendered;   /* history index + 1 of the latest person of that
                              name with a known gender */
} Known;

/* The people met so far in text order, with what the lookups need so that
 * each takes constant time however long the article. */
typedef struct
{
  /* Person *: the article's (in `all`) or new (arena); heap, with room for
   * every one that can join. */
  Person **people;
  guint n_people;
  QuotesTable known; /* name or folded surname -> Known (arena) */
  /* Per role group (0: any; the lexicon's groups) and gender: the latest
   * person, index + 1; each person links to the one before it
   * (Person.earlier*). */
  guint (*latest)[3];
  /* The latest speaker when it is no person ("the ministry"), for "it
   * said"; NULL once a person speaks after it. */
  const char *latest_org;
  /* Interview labels' initials ("NG", "WN": a few, each on every other
   * line), each with the person it names so far (or NULL) and how many
   * people of the history were searched for it. */
  struct
  {
    const char *word, *name;
    guint searched;
  } initials[4];
  guint initials_next;
  /* The latest person each of the last two interview labels named, by
   * the label's text (its first byte and length): an interview
   * alternates two labels for dozens of lines. */
  struct
  {
    uint32_t start, len;
    Person *person;
  } labels[2];
  guint labels_next;
  /* The article's people not in the history yet: all[next..] (for a
   * description that names someone only after it). */
  Person *later;
  guint n_later;
} History;

/* @s without diacritics ("Erdoğan" -> "Erdogan", "Łukasz" -> "Lukasz"):
 * @s itself when it is ASCII, else a copy in the arena. */
static const char *
fold (QuotesContext *ctx, const char *s)
{
  gsize n = 0;
  gboolean ascii = TRUE;
  for (; s[n]; n++)
    if ((guchar)s[n] >= 0x80)
      ascii = FALSE;
  if (ascii)
    return s;
  char *out = weft_doc_alloc (ctx->doc, n + 1), *o = out;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      if (c < 0x80)
        *o++ = (char)c;
      else if (g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d)) > 0
               && d[0] < 0x80)
        *o++ = (char)d[0]; /* every replacement is shorter than the char */
      else if (c == 0x131 || c == 0x142 || c == 0x141 || c == 0xF8 || c == 0xD8
               || c == 0x111 || c == 0x110)
        *o++ = c == 0x131   ? 'i'
               : c == 0x142 ? 'l'
               : c == 0x141 ? 'L'
               : c == 0xF8  ? 'o'
               : c == 0xD8  ? 'O'
               : c == 0x111 ? 'd'
                            : 'D'; /* ı ł Ł ø Ø đ Đ: no decomposition */
      else
        o += g_unichar_to_utf8 (c, o);
    }
  *o = '\0';
  return out;
}

/* A copy of @p in the arena, for the history. */
static Person *
person_new (QuotesContext *ctx, const Person *p)
{
  Person *copy = weft_doc_alloc (ctx->doc, sizeof (Person));
  *copy = *p;
  return copy;
}

/* The text of tokens [first, last) without a trailing possessive. */
static const char *
span_text (QuotesContext *ctx, guint first, guint last)
{
  uint32_t start = ctx->tokens[first].start, end = ctx->tokens[last - 1].end;
  const char *t = ctx->text;
  if (end - start > 2 && t[end - 1] == 's' && t[end - 2] == '\'')
    end -= 2;
  else if (end - start > 4 && t[end - 1] == 's'
           && memcmp (t + end - 4, "\xE2\x80\x99", 3) == 0)
    end -= 4;
  return weft_doc_strndup (ctx->doc, t + start, end - start);
}

/* Whether mention @m is one word: "Peskov", "Abdul-Mahdi" (three tokens). */
static gboolean
one_word (const QuotesContext *ctx, const Mention *m)
{
  for (guint i = m->first + 1; i < m->last; i++)
    if (ctx->tokens[i].start != ctx->tokens[i - 1].end)
      return FALSE;
  return TRUE;
}

/* The surname in @name: its last word, but the one before a suffix
 * ("Robert Downey Jr." -> "Downey", a copy in the arena), and without an
 * article glued to it ("Bashar al-Assad" -> "Assad"). */
static const char *
last_word (QuotesContext *ctx, const char *name)
{
  const char *space = strrchr (name, ' ');
  if (space && g_ascii_islower (space[1]))
    {
      const char *hyphen = strchr (space + 1, '-');
      if (hyphen && hyphen - space <= 4 && g_ascii_isupper (hyphen[1]))
        return hyphen + 1;
    }
  if (!space || strlen (space + 1) > 3)
    return space ? space + 1 : name;
  static const char *const suffixes[] = { "Jr.", "Sr.", "II", "III", "IV" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strcmp (space + 1, suffixes[i]) == 0)
      {
        const char *before = space;
        while (before > name && before[-1] != ' ')
          before--;
        return weft_doc_strndup (ctx->doc, before, (gsize)(space - before));
      }
  return space + 1;
}

/* Names @p @name, with its surname folded. */
static void
person_set_name (QuotesContext *ctx, Person *p, const char *name)
{
  const char *surname = last_word (ctx, name);
  p->name = name;
  p->full = surname != name;
  p->folded = fold (ctx, surname);
}

/* Whether a role word follows the run ending at @end as an appositive:
 * "Viktor Vodolatsky, first deputy chairman …".  Returns its group. */
static guint8
role_after (const QuotesContext *ctx, guint end)
{
  if (!ctx_punct_is (ctx, end, ',') || ctx_token_is (ctx, end + 1, "his")
      || ctx_token_is (ctx, end + 1, "her")
      || ctx_token_is (ctx, end + 1, "their"))
    return 0;
  for (guint i = end + 1; i < ctx->n_tokens && i < end + 6; i++)
    {
      if (!ctx_is_word (ctx, i))
        return 0;
      if ((ctx_word (ctx, i)->classes & QW_ROLE))
        return ctx_word (ctx, i)->role_group;
    }
  return 0;
}

/* "in South Africa", "of Ankara": a place, unless a title came first. */
static gboolean
placed (const QuotesContext *ctx, guint run, guint name)
{
  guint before = run;
  if (before > 0 && ctx_token_is (ctx, before - 1, "the"))
    before--;
  if (before == 0 || name > run)
    return FALSE;
  return ctx_has (ctx, before - 1, QW_PLACE);
}

/* The tokens of 64-token block @block whose word may have a lexicon
 * entry: not known to be in no list (id 1) by the marks pass or a lookup.
 * ctx->word_codes has room for whole blocks. */
static guint64
maybe_listed (const QuotesContext *ctx, guint block)
{
  const guint8 *codes = &ctx->word_codes[block * 64];
  guint64 unlisted = 0;
#ifdef __SSE2__
  const __m128i one = _mm_set1_epi8 (1);
  for (guint k = 0; k < 64; k += 16)
    unlisted |= (guint64)(guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (
                    _mm_loadu_si128 ((const __m128i *)(codes + k)), one))
                << k;
#else
  for (guint k = 0; k < 64; k++)
    unlisted |= (guint64)(codes[k] == 1) << k;
#endif
  return ~unlisted;
}

/* The capitalized words outside quotations in block @block that may start
 * a person's name: those with another capitalized word after them, or a
 * word before them that may be a role (a word in no list is none). */
static guint64
run_starts (const QuotesContext *ctx, guint block)
{
  guint64 starts = ctx->capitals[block] & ~ctx->quoted[block];
  if (!starts)
    return 0;
  guint64 capital_after = ctx->capitals[block] >> 1;
  if ((block + 1) * 64 <= ctx->n_tokens) /* the bit sets have that word */
    capital_after |= ctx->capitals[block + 1] << 63;
  guint64 listed_before = maybe_listed (ctx, block) << 1;
  if (block > 0)
    listed_before |= ctx->word_codes[block * 64 - 1] != 1;
  return starts & (capital_after | listed_before);
}

/* The people the article names, in text order (heap). */
typedef struct
{
  Person *items;
  guint n, size;
} PersonList;

static void
person_list_add (PersonList *list, const Person *p)
{
  if (list->n == list->size)
    {
      /* The few people of a news article at once. */
      list->size = list->size ? list->size * 2 : 16;
      list->items = g_renew (Person, list->items, list->size);
    }
  list->items[list->n++] = *p;
}

/* The first token of the sentence holding token @i (@i itself outside
 * every sentence). */
static guint
sentence_start (const QuotesContext *ctx, guint i)
{
  guint first, last;
  ctx_sentence_bounds (ctx, i, &first, &last);
  return first;
}

/* Whether the name starting at token @i follows a verb, a preposition or
 * a subordinating conjunction ("Trump praised Johnson", "pardoned by
 * Trump", "Biden argued that Trump had"): an object or the subject of a
 * lesser clause, which a later "he" means less often than the subject
 * before it. */
static gboolean
object_position (const QuotesContext *ctx, guint i)
{
  static const char *const subordinators[]
      = { "that", "whether", "if",   "because", "while", "when",
          "although", "though", "since", "as",  "by",    "for",
          "than", "like",    "over", "between", "among", "toward" };
  if (i == 0 || !ctx_is_word (ctx, i - 1) || ctx_capitalized (ctx, i - 1))
    return FALSE;
  return ctx_word_ends_with (ctx, i - 1, "ed", 3)
         || ctx_word_ends_with (ctx, i - 1, "ing", 4)
         || ctx_has (ctx, i - 1, QW_PLACE | QW_OBJECT | QW_CUE)
         || ctx_token_in (ctx, i - 1, subordinators);
}

/* The folded surnames met so far, by their first and last bytes (five
 * bits of each): most capitalized words are no surname, and this tells
 * them without folding, hashing and looking them up. */
typedef struct
{
  guint64 bits[16];
} SurnameEnds;

static guint
surname_ends_bit (guchar first, guchar last)
{
  return (guint)(first & 31) << 5 | (last & 31);
}

static void
surname_ends_add (SurnameEnds *ends, const char *folded)
{
  gsize n = strlen (folded);
  if (n == 0)
    return; /* no word folds to nothing */
  guint bit = surname_ends_bit (folded[0], folded[n - 1]);
  ends->bits[bit >> 6] |= (guint64)1 << (bit & 63);
}

/* FALSE when the word @s (@len bytes) cannot be a surname in @ends.  A
 * word whose first and last characters are ASCII keeps them folded; one
 * that starts or ends with another character may be any. */
static gboolean
surname_ends_test (const SurnameEnds *ends, const char *s, gsize len)
{
  guchar first = s[0], last = s[len - 1];
  if ((first | last) >= 0x80)
    return TRUE;
  guint bit = surname_ends_bit (first, last);
  return (ends->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* Whether token @i may be a surname in @ends: a word of fewer than 64
 * bytes with a surname's ends.  Inline, asked before the call of
 * add_surname_mention(): most capitalized words fail it. */
static inline gboolean
may_be_surname (const QuotesContext *ctx, const SurnameEnds *ends, guint i)
{
  const WeftToken *t = &ctx->tokens[i];
  gsize len = t->end - t->start;
  return t->kind == WEFT_TOKEN_WORD && len < 64
         && surname_ends_test (ends, ctx->text + t->start, len);
}

/* Word @i (under 64 bytes) without diacritics, as fold() gives it;
 * @word holds the copy fold() starts from. */
static const char *
folded_word (QuotesContext *ctx, guint i, char word[64])
{
  const WeftToken *t = &ctx->tokens[i];
  gsize len = t->end - t->start;
  g_assert (len < 64);
  memcpy (word, ctx->text + t->start, len);
  word[len] = '\0';
  return fold (ctx, word);
}

/* Appends to @people, as a mention of its person, the surname alone at
 * token @i (may_be_surname()) when a full name ending with it came before
 * ("President Donald Trump … Trump had asked …"): the latest one, so that
 * "he" after it finds that person.  @surnames: folded surname -> index +
 * 1 in @people of the latest full name. */
static void
add_surname_mention (QuotesContext *ctx, PersonList *people,
                     const QuotesTable *surnames, guint i)
{
  const WeftToken *t = &ctx->tokens[i];
  char word[64];
  if (ctx_classes (ctx, i) & QW_NONNAME)
    return;
  guint k = GPOINTER_TO_UINT (
      quotes_table_lookup_string (surnames, folded_word (ctx, i, word)));
  if (!k)
    return;
  Person p = people->items[k - 1];
  p.pos = t->start;
  p.token = i;
  p.subject = FALSE;
  person_list_add (people, &p);
}

/* Appends to @people the people the article names up to token @limit. */
static void
collect_people (QuotesContext *ctx, PersonList *people, guint limit)
{
  QuotesTable surnames = { 0 };
  SurnameEnds ends = { { 0 } };
  quotes_table_reserve (&surnames, QUOTES_TABLE_ARENA_ENTRIES, ctx->doc);
  /* Only capitalized words outside quotations can start a run (the marks
   * pass set their bits): 64 tokens at a time; the others may be a
   * surname alone. */
  guint next = 0;
  for (guint block = 0; block * 64 < limit; block++)
    {
      guint64 starts = run_starts (ctx, block);
      /* Capitalized words that start no run may be a surname alone, once
       * a full name has been met (maybe earlier in this block). */
      guint64 words = starts | (ctx->capitals[block] & ~ctx->quoted[block]
                                & ~(ctx->capitals[block] >> 1));
      for (; words; words &= words - 1)
        {
          guint i = block * 64 + __builtin_ctzll (words);
          if (i >= limit)
            break;
          if (i < next)
            continue;
          /* "Ursula von der Leyen", "Bashar al-Assad": two name words
           * with lower-case particles between them. */
          gboolean particles
              = i + 1 < ctx->n_tokens && !token_bit (ctx->capitals, i + 1)
                && ctx->tokens[i + 1].end - ctx->tokens[i + 1].start <= 5
                && quotes_after_particles (ctx, i + 1, ctx->n_tokens) > i + 1;
          if (!((starts >> (i % 64)) & 1) && !particles)
            {
              if (surnames.n && !token_bit (ctx->capitals, i + 1)
                  && may_be_surname (ctx, &ends, i))
                add_surname_mention (ctx, people, &surnames, i);
              continue;
            }
          /* A person needs two name words or a role before one: most
           * capitalized words (sentence starts, places) stop here. */
          gboolean role_before = i > 0 && ctx_is_role (ctx, i - 1);
          if (!token_bit (ctx->capitals, i + 1) && !role_before && !particles)
            continue;
          if (ctx_classes (ctx, i) & QW_NONNAME)
            continue;
          guint end = quotes_run_end (ctx, i, ctx->n_tokens);
          next = MAX (end, i + 1);
          if (end == i)
            continue;
          guint nf, nl;
          /* A name in a possessive or after "with", "in" is still a full
           * name for its surname ("John R. Bolton's resignation …
           * Bolton said", "disagreements with Mike Pompeo"), though only
           * a person met otherwise is one "he" may mean. */
          if (quotes_possessed_name_part (ctx, i, end, &nf, &nl)
              && (nl - nf >= 2 || (role_before && !placed (ctx, i, nf))))
            {
              guint8 group = 0;
              gboolean in_place = placed (ctx, i, nf);
              /* Named at the start of a sentence ("Sharif Hotak, of …"),
               * or as the subject of a verb ("On Monday, John Smith
               * announced …"). */
              gboolean person
                  = nl - nf >= 2 && nf == i
                    && (i == 0 || ctx_is_sentence_end (ctx, i - 1)
                        || (ctx->tokens[i].flags & WEFT_TOKEN_NEWLINE_BEFORE)
                        || (nl == end && end < ctx->n_tokens
                            && !(ctx->tokens[end].flags
                                 & WEFT_TOKEN_CAPITALIZED)
                            && (ctx_has (ctx, end, QW_FINITE | QW_CUE)
                                || ctx_word_ends_with (ctx, end, "ed", 3))));
              guint8 gender = QUOTES_GENDER_UNKNOWN;
              for (guint k = i > 0 ? i - 1 : 0; k < nf; k++)
                {
                  if ((ctx_word (ctx, k)->classes & QW_ROLE))
                    group = ctx_word (ctx, k)->role_group, person = TRUE;
                  if (ctx_word (ctx, k)->gender)
                    gender = ctx_word (ctx, k)->gender;
                }
              if (nf > i && (ctx_classes (ctx, nf - 1) & QW_TITLE))
                person = TRUE;
              guint8 after = role_after (ctx, end);
              if (after)
                group = after, person = TRUE;
              /* "a State Department spokesperson, Morgan Ortagus, …": a
               * bare name in apposition to a role (not "According to the
               * MP, President Ilham Aliyev and …"). */
              if (i >= 2 && nf == i && ctx_punct_is (ctx, i - 1, ',')
                  && ctx_is_role (ctx, i - 2) && ctx_punct_is (ctx, end, ','))
                group = ctx_word (ctx, i - 2)->role_group, person = TRUE;
              gboolean weak = in_place || quotes_is_possessive (ctx, end - 1);
              if (in_place)
                {
                  /* "of Vermont Bernie Sanders": the last two names. */
                  person = FALSE;
                  guint names = 0;
                  for (guint k = nl; k-- > nf;)
                    if (ctx_capitalized (ctx, k) && ++names == 2)
                      {
                        nf = k;
                        break;
                      }
                }
              Person p = { .pos = ctx->tokens[nf].start,
                           .name = span_text (ctx, nf, nl),
                           .group = group,
                           .person = person,
                           .gender = gender,
                           .token = i,
                           .weak = weak };
              person_set_name (ctx, &p, p.name);
              person_list_add (people, &p);
              gpointer *latest = NULL;
              if (nl - nf >= 2)
                {
                  latest = quotes_table_insert_string (&surnames, p.folded);
                  surname_ends_add (&ends, p.folded);
                }
              if (latest && (!*latest || !weak))
                *latest = GUINT_TO_POINTER (people->n);
            }
        }
    }
  quotes_table_clear (&surnames);
}

static gboolean
is_full_name (const Person *p)
{
  return p->full;
}

/* The entry of @key, added when missing. */
static Known *
known_add (QuotesContext *ctx, History *history, const char *key)
{
  gpointer *k = quotes_table_insert_string (&history->known, key);
  if (!*k)
    *k = weft_doc_alloc (ctx->doc, sizeof (Known));
  return *k;
}

/* What the article says about names and surnames before any mention is
 * resolved: the first full name of each surname, the first gender and
 * role group of each name. */
static void
know_article (QuotesContext *ctx, History *history, PersonList *all)
{
  for (guint i = 0; i < all->n; i++)
    {
      Person *p = &all->items[i];
      Known *k;
      if (is_full_name (p))
        {
          k = p->known_folded = known_add (ctx, history, p->folded);
          if (!k->first_full || (k->first_full_weak && !p->weak))
            {
              k->first_full = p->name;
              k->first_full_weak = p->weak;
            }
        }
      if (!p->gender && !p->group)
        continue; /* nothing to know: as if absent */
      k = known_add (ctx, history, p->name);
      if (!k->first_gender)
        k->first_gender = p->gender;
      if (!k->first_group)
        k->first_group = p->group;
    }
}

/* Makes history person @i the latest of its gender, in any role group and
 * in its own. */
static void
link_person (History *history, guint i)
{
  Person *p = history->people[i];
  p->earlier = history->latest[0][p->gender];
  history->latest[0][p->gender] = i + 1;
  if (p->group)
    {
      p->earlier_in_group = history->latest[p->group][p->gender];
      history->latest[p->group][p->gender] = i + 1;
    }
}

static void
history_add (QuotesContext *ctx, History *history, Person *p)
{
  guint i = history->n_people++;
  history->people[i] = p;
  p->index = i;
  if (is_full_name (p))
    {
      if (!p->known_folded)
        p->known_folded = known_add (ctx, history, p->folded);
      Known *k = p->known_folded;
      if (!k->latest_full || !p->weak || k->latest_full_weak)
        {
          k->latest_full = p->name;
          k->latest_full_weak = p->weak;
        }
    }
  if (p->gender)
    {
      known_add (ctx, history, p->name)->latest_gendered = i + 1;
    }
  if (p->person)
    link_person (history, i);
}

/* The fullest known name ending with the surname @word, compared without
 * diacritics ("Erdogan" -> "Recep Tayyip Erdoğan"): the latest in the
 * history, else the article's first. */
static const char *
expand_surname (QuotesContext *ctx, const History *history, const char *word)
{
  const Known *k
      = quotes_table_lookup_string (&history->known, fold (ctx, word));
  if (k && k->latest_full)
    return k->latest_full;
  if (k && k->first_full)
    return k->first_full;
  return word;
}

/* Whether @word may be a person's initials: two to four capitals. */
static gboolean
is_initials (const char *word)
{
  gsize n = 0;
  while (g_ascii_isupper (word[n]))
    n++;
  return word[n] == '\0' && n >= 2 && n <= 4;
}

/* Whether @name has two words or more with the initials @word (upper
 * case, @n bytes): "Natasha Gownaris" for "NG". */
static gboolean
has_initials (const char *name, const char *word, gsize n)
{
  gsize k = 0;
  while (k < n && *name == word[k])
    {
      k++;
      name = strchr (name, ' ');
      if (!name)
        break;
      name++;
    }
  return k == n && !name;
}

/* The latest person in the history whose name has the initials @word
 * (is_initials(): "NG", Natasha Gownaris), or NULL.  Each label's people
 * are searched once: an interview repeats its two labels on every other
 * line. */
static const char *
by_initials (History *history, const char *word)
{
  gsize n = strlen (word);
  guint c = 0;
  while (c < G_N_ELEMENTS (history->initials)
         && !(history->initials[c].word
              && strcmp (history->initials[c].word, word) == 0))
    c++;
  if (c == G_N_ELEMENTS (history->initials))
    {
      c = history->initials_next++ % G_N_ELEMENTS (history->initials);
      history->initials[c].word = word;
      history->initials[c].name = NULL;
      history->initials[c].searched = 0;
    }
  for (guint i = history->n_people; i-- > history->initials[c].searched;)
    {
      const Person *p = history->people[i];
      if (is_full_name (p) && has_initials (p->name, word, n))
        {
          history->initials[c].name = p->name;
          break;
        }
    }
  history->initials[c].searched = history->n_people;
  return history->initials[c].name;
}

/* The gender known for the person called @name (what is known about the
 * name: @k, maybe NULL), if any: from the history, else from the article. */
static guint8
known_gender (const History *history, const Known *k)
{
  if (!k)
    return QUOTES_GENDER_UNKNOWN;
  if (k->latest_gendered)
    return history->people[k->latest_gendered - 1]->gender;
  return k->first_gender;
}

/* The most recent person of role @group (0: any) whose gender is not known
 * to differ from @gender. */
static Person *
latest_person (History *history, guint8 group, guint8 gender)
{
  guint latest = 0;
  for (guint g = 0; g < G_N_ELEMENTS (history->latest[0]); g++)
    if (!gender || g == QUOTES_GENDER_UNKNOWN || g == gender)
      latest = MAX (latest, history->latest[group][g]);
  return latest ? history->people[latest - 1] : NULL;
}

/* Whether @p is named as an object or in a lesser clause (asked only of
 * the few a pronoun finds). */
static gboolean
is_object (const QuotesContext *ctx, const Person *p)
{
  return !p->subject && object_position (ctx, p->token);
}

/* "Trump praised Johnson. “…,” he said": the person before @object in its
 * sentence who is no object, of a gender not known to differ from
 * @gender; NULL when there is none. */
static Person *
subject_before (QuotesContext *ctx, History *history, const Person *object,
                guint8 gender)
{
  guint sentence = sentence_start (ctx, object->token);
  /* A few people back at most: a sentence naming many costs no more. */
  for (guint i = object->index; i-- > 0 && i + 8 > object->index;)
    {
      Person *p = history->people[i];
      if (p->pos >= object->pos || p->token < sentence)
        break;
      if (p->person && !is_object (ctx, p)
          && (!gender || !p->gender || p->gender == gender))
        return p;
    }
  /* "Trump praised Johnson.": a surname alone opening the sentence (not
   * kept as a mention of its own: a long article names thousands), the
   * person of that surname met last. */
  const WeftToken *t = &ctx->tokens[sentence];
  char word[64];
  if (sentence >= object->token || t->kind != WEFT_TOKEN_WORD
      || !ctx_capitalized (ctx, sentence) || t->end - t->start >= sizeof word
      || (ctx_classes (ctx, sentence) & (QW_NONNAME | QW_PRONOUN | QW_GROUP)))
    return NULL;
  const char *folded = folded_word (ctx, sentence, word);
  for (guint i = object->index; i-- > 0 && i + 64 > object->index;)
    {
      Person *p = history->people[i];
      if (p->person && strcmp (p->folded, folded) == 0
          && (!gender || !p->gender || p->gender == gender))
        return p;
    }
  return NULL;
}

/* Gives @p, the latest person whose gender is unknown or @gender
 * (latest_person (history, 0, gender)), the gender @gender. */
static void
learn_gender (QuotesContext *ctx, History *history, Person *p, guint8 gender)
{
  guint i = p->index;
  /* Being the latest such person, @p heads the lists of unknown gender. */
  g_assert (history->latest[0][QUOTES_GENDER_UNKNOWN] == i + 1);
  history->latest[0][QUOTES_GENDER_UNKNOWN] = p->earlier;
  if (p->group)
    history->latest[p->group][QUOTES_GENDER_UNKNOWN] = p->earlier_in_group;
  p->gender = gender;
  link_person (history, i);
  Known *k = known_add (ctx, history, p->name);
  k->latest_gendered = MAX (k->latest_gendered, i + 1);
}

typedef struct
{
  uint32_t key;
  guint index;
} Order;

/* @o as one number that sorts by key, then index. */
static inline guint64
order_value (const Order *o)
{
  return (guint64)o->key << 32 | o->index;
}

static void
insertion_sort (guint64 *v, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      guint64 held = v[i];
      guint j = i;
      for (; j > 0 && v[j - 1] > held; j--)
        v[j] = v[j - 1];
      v[j] = held;
    }
}

/* Sorts @order by key, then index: as numbers (order_value()), runs of 16
 * by insertion (most articles have a few quotations, often in order
 * already), then merged bottom-up, a merge of two runs in order already
 * being a copy (the quotations, the interview answers and the reports are
 * each found in text order). */
static void
sort_orders (Order *order, guint n)
{
  guint64 small[16];
  guint64 *a = n <= 16 ? small : g_new (guint64, 2 * n), *b = a + n;
  for (guint i = 0; i < n; i++)
    a[i] = order_value (&order[i]);
  for (guint s = 0; s < n; s += 16)
    insertion_sort (a + s, MIN (16, n - s));
  for (guint width = 16; width < n; width *= 2)
    {
      for (guint lo = 0; lo < n; lo += 2 * width)
        {
          guint mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          guint i = lo, j = mid, k = lo;
          if (mid < hi && a[mid - 1] > a[mid])
            while (i < mid && j < hi)
              b[k++] = a[i] <= a[j] ? a[i++] : a[j++];
          while (i < mid)
            b[k++] = a[i++];
          while (j < hi)
            b[k++] = a[j++];
        }
      guint64 *t = a;
      a = b, b = t;
    }
  for (guint i = 0; i < n; i++)
    order[i] = (Order){ (uint32_t)(a[i] >> 32), (guint)a[i] };
  if (n > 16)
    g_free (MIN (a, b));
}

/* Resolves the label of interview answer @q as the same label's last
 * time, if it is one of the last two labels: the person it named joins
 * the history again, as said here.  FALSE when it is not. */
static gboolean
resolve_label_again (QuotesContext *ctx, Quote *q, History *history)
{
  uint32_t start = ctx->tokens[q->mention.first].start;
  uint32_t len = ctx->tokens[q->mention.last - 1].end - start;
  for (guint l = 0; l < G_N_ELEMENTS (history->labels); l++)
    {
      Person *last = history->labels[l].person;
      if (!last || history->labels[l].len != len
          || memcmp (ctx->text + history->labels[l].start, ctx->text + start,
                     len)
                 != 0)
        continue;
      Person p = *last;
      p.pos = start;
      p.token = q->mention.first;
      p.subject = TRUE;
      q->speaker = p.name;
      history->latest_org = NULL;
      history->labels[l].person = person_new (ctx, &p);
      history_add (ctx, history, history->labels[l].person);
      return TRUE;
    }
  return FALSE;
}

/* "…, his surviving father says, … said his father, Abdullah Kurdi":
 * with nobody known before it, a description stands for the next person
 * met with its role, in its paragraph or the next; NULL when none is. */
static Person *
named_later (const QuotesContext *ctx, History *history, const Mention *m,
             guint8 gender)
{
  guint paragraph = ctx_line_starts_upto (ctx, m->first);
  for (guint j = 0; j < history->n_later && j < 16; j++)
    {
      Person *p = &history->later[j];
      if (ctx_line_starts_upto (ctx, p->token) > paragraph + 1)
        break;
      if (p->person && p->group == m->role_group
          && (!gender || !p->gender || p->gender == gender))
        return p;
    }
  return NULL;
}

static void
resolve (QuotesContext *ctx, Quote *q, History *history)
{
  const Mention *m = &q->mention;
  uint32_t pos = ctx->tokens[m->first].start;
  Person *found;
  guint8 gender = ctx_word (ctx, m->first)->gender;
  switch (m->kind)
    {
    case MENTION_NAME:
      {
        if (q->label && resolve_label_again (ctx, q, history))
          break;
        const char *name = span_text (ctx, m->first, m->last);
        if (one_word (ctx, m)) /* a surname: "Peskov", "Abdul-Mahdi" */
          {
            const char *word = name;
            name = expand_surname (ctx, history, word);
            /* "NG: …" in an interview: initials of a person named
             * before; initials naming nobody known ("WN") are the
             * interviewer's.  Another word is the person's name
             * ("((Jaya))"). */
            if (q->label && name == word && is_initials (word)
                && !(name = by_initials (history, word)))
              {
                q->mention.kind = MENTION_NONE;
                break;
              }
          }
        /* "Mrs Smith", "spokeswoman Jane Doe": a gendered word before. */
        for (guint k = m->first; k-- > 0 && k + 3 > m->first;)
          if (!ctx_is_word (ctx, k) || (gender = ctx_word (ctx, k)->gender))
            break;
        Known *known = quotes_table_lookup_string (&history->known, name);
        if (!gender)
          gender = known_gender (history, known);
        Person p = { .pos = pos,
                     .group = m->role_group,
                     .person = TRUE,
                     .gender = gender,
                     .token = m->first,
                     .subject = TRUE };
        person_set_name (ctx, &p, name);
        if (!p.group && known)
          p.group = known->first_group;
        q->speaker = name;
        history->latest_org = NULL;
        Person *added = person_new (ctx, &p);
        history_add (ctx, history, added);
        if (q->label)
          {
            guint l = history->labels_next++ % G_N_ELEMENTS (history->labels);
            history->labels[l].start = ctx->tokens[m->first].start;
            history->labels[l].len
                = ctx->tokens[m->last - 1].end - ctx->tokens[m->first].start;
            history->labels[l].person = added;
          }
        break;
      }
    case MENTION_PRONOUN:
      {
        found = latest_person (history, 0, gender);
        Person *subject = found && is_object (ctx, found)
                              ? subject_before (ctx, history, found, gender)
                              : NULL;
        if (subject)
          found = subject;
        else if (found && gender && !found->gender)
          learn_gender (ctx, history, found, gender); /* "he": never "she" */
        q->speaker = found ? found->name : NULL;
        if (!found)
          break;
        /* The person "he" stands for is the subject of its sentence now:
         * "He said Zelensky is …; “…,” he added". */
        history->latest_org = NULL;
        Person p = *found;
        p.pos = pos;
        p.subject = TRUE;
        p.token = m->first;
        if (gender)
          p.gender = gender;
        history_add (ctx, history, person_new (ctx, &p));
        break;
      }
    case MENTION_DESCRIPTION:
      gender = ctx_word (ctx, m->last - 1)->gender;
      /* "the senator": the latest senator, else the latest person whose
       * role is unknown; never someone known in another role (a press
       * secretary). */
      found = latest_person (history, m->role_group, gender);
      if (!found)
        {
          found = latest_person (history, 0, gender);
          if (found && found->group && m->role_group)
            found = NULL;
        }
      if (!found && m->role_group)
        found = named_later (ctx, history, m, gender);
      if (found)
        {
          Person p = *found;
          p.pos = pos;
          p.group = m->role_group;
          if (gender)
            p.gender = gender;
          q->speaker = found->name;
          history->latest_org = NULL;
          history_add (ctx, history, person_new (ctx, &p));
        }
      break;
    case MENTION_ORG:
      {
        guint first = m->first;
        if (ctx_token_is (ctx, first, "the") && first + 1 < m->last)
          first++;
        q->speaker = span_text (ctx, first, m->last);
        history->latest_org = q->speaker;
        break;
      }
    case MENTION_GROUP:
      /* "The ministry said … It also claimed …"; "they" stays unknown. */
      if (ctx_token_is (ctx, m->first, "it"))
        q->speaker = history->latest_org;
      break;
    case MENTION_NONE:
      break;
    }
}

/* Moves quotation order[i].index to place i, for every i, in place
 * (following each cycle of the permutation); marks @order done. */
static void
permute_quotes (QuotesContext *ctx, Order *order)
{
  for (guint i = 0; i < ctx->n_quotes; i++)
    {
      if (order[i].index == i)
        continue;
      Quote held = ctx->quotes[i];
      guint j = i;
      while (order[j].index != i)
        {
          guint from = order[j].index;
          ctx->quotes[j] = ctx->quotes[from];
          order[j].index = j;
          j = from;
        }
      ctx->quotes[j] = held;
      order[j].index = j;
    }
}

/* Paragraph breaks between tokens @from and @to. */
static guint
breaks_between (const QuotesContext *ctx, guint from, guint to)
{
  if (to <= from)
    return 0;
  return ctx_line_starts_upto (ctx, to) - ctx_line_starts_upto (ctx, from);
}

void
quotes_resolve_speakers (QuotesContext *ctx)
{
  guint n = ctx->n_quotes;
  if (n == 0)
    return;
  PersonList all = { 0 };
  /* The people pass only serves surnames, pronouns and descriptions, and
   * only up to the last of them. */
  guint limit = 0, last_description = 0;
  for (guint i = 0; i < n; i++)
    {
      const Mention *m = &ctx->quotes[i].mention;
      if (m->kind == MENTION_PRONOUN || m->kind == MENTION_DESCRIPTION
          || (m->kind == MENTION_NAME && one_word (ctx, m)))
        limit = MAX (limit, m->last);
      if (m->kind == MENTION_DESCRIPTION)
        last_description = MAX (last_description, m->last);
    }
  /* A description may name someone only in the next line (named_later()):
   * the last one's people are collected to its end. */
  if (last_description) /* a mention's last token is past its first */
    {
      guint line = ctx_line_starts_upto (ctx, last_description);
      limit = MAX (limit, line + 1 < ctx->line_starts.n
                              ? ctx->line_starts.items[line + 1]
                              : ctx->n_tokens);
    }
  if (limit)
    collect_people (ctx, &all, limit);
  History *history = weft_doc_alloc (ctx->doc, sizeof (History));
  history->latest = weft_doc_alloc (
      ctx->doc, quotes_lexicon_get_n_role_groups (ctx->lexicon)
                    * sizeof (*history->latest));
  /* Each person of the article and each resolved mention joins once. */
  history->people = g_new (Person *, all.n + n);
  /* At most a name and a surname per person, but most articles have a few
   * dozen: the table starts in the arena and grows past that. */
  quotes_table_reserve (&history->known,
                        MIN (2 * (all.n + n), QUOTES_TABLE_ARENA_ENTRIES),
                        ctx->doc);
  know_article (ctx, history, &all);
  Order *order = weft_doc_alloc (ctx->doc, n * sizeof (Order));

  /* Text order of the mentions, people met on the way joining history. */
  for (guint i = 0; i < n; i++)
    {
      const Quote *q = &ctx->quotes[i];
      order[i].key = q->mention.kind != MENTION_NONE
                         ? ctx->tokens[q->mention.first].start
                         : q->start;
      order[i].index = i;
    }
  sort_orders (order, n);
  guint next_person = 0;
  for (guint i = 0; i < n; i++)
    {
      Quote *q = &ctx->quotes[order[i].index];
      while (next_person < all.n && all.items[next_person].pos < order[i].key)
        history_add (ctx, history, &all.items[next_person++]);
      history->later = all.n ? all.items + next_person : NULL;
      history->n_later = all.n - next_person;
      if (q->mention.kind != MENTION_NONE)
        resolve (ctx, q, history);
    }
  g_free (history->people);
  g_free (all.items);
  quotes_table_clear (&history->known);

  /* Quotations in text order; continuations take the previous speaker. */
  for (guint i = 0; i < n; i++)
    {
      order[i].key = ctx->quotes[i].start;
      order[i].index = i;
    }
  sort_orders (order, n);
  permute_quotes (ctx, order);
  Quote *sorted = ctx->quotes;
  const Quote *previous = NULL;
  guint previous_end = 0;
  for (guint i = 0; i < n; i++)
    {
      Quote *q = &sorted[i];
      if (q->kind == QUOTE_TERM)
        continue;
      if (q->continuation && q->mention.kind == MENTION_NONE && previous
          && breaks_between (ctx, previous_end, q->open_token) <= 2)
        {
          q->mention = previous->mention;
          q->speaker = previous->speaker;
        }
      if (q->mention.kind != MENTION_NONE)
        {
          previous = q;
          previous_end
              = q->close_token != G_MAXUINT ? q->close_token : q->end_token;
        }
    }
}
