/* quotes — finding who speaks.  Works on the token view: capitalized runs
 * are candidate names, the word lists say which words are titles, roles,
 * nationalities or organisation heads, and a handful of grammatical words
 * (articles, prepositions, auxiliaries) mark clause and phrase edges. */
#include "mention.h"

/* Whether token @i names a written text, the subject of a cue of kind
 * text ("the statement read").  Not inline: its fifty tests, unrolled by
 * ctx_token_in(), are one copy. */
static G_GNUC_NO_INLINE gboolean
is_writing (const QuotesContext *ctx, guint i)
{
  static const char *const nouns[]
      = { "statement", "statements",  "letter",     "message",   "note",
          "sign",      "post",        "tweet",      "caption",   "banner",
          "notice",    "headline",    "release",    "memo",      "email",
          "e-mail",    "inscription", "placard",    "poster",    "plaque",
          "card",      "text",        "document",   "editorial", "announcement",
          "petition",  "communique",  "leaflet",    "flyer",     "telegram",
          "summary",   "decision",    "ruling",     "judgment",  "judgement",
          "verdict",   "opinion",     "resolution", "bill",      "law",
          "order",     "tweets",      "posts",      "notes",     "letters",
          "messages",  "signs",       "banners",    "placards",  "headlines" };
  return ctx_token_in (ctx, i, nouns);
}

/* Whether the noun phrase of the noun at @i (with a determiner or a
 * possessor before it) opens its clause: a subject, not the object of
 * "during his message to … read out". */
static gboolean
opens_clause (const QuotesContext *ctx, guint i)
{
  if (i > 1 && ctx->tokens[i - 1].kind == WEFT_TOKEN_CLITIC)
    i -= 2;
  else if (i > 0 && ctx_is_word (ctx, i - 1) && quotes_is_possessive (ctx, i - 1))
    i--;
  if (i > 0 && ctx_has (ctx, i - 1, QW_DETERMINER))
    i--;
  return i == 0 || ctx_is_sentence_end (ctx, i - 1)
         || ctx_punct_is (ctx, i - 1, ',') || ctx_punct_is (ctx, i - 1, ':')
         || (ctx->tokens[i].flags
             & (WEFT_TOKEN_NEWLINE_BEFORE | WEFT_TOKEN_PARAGRAPH_BEFORE));
}

/* The noun for a written text that is the subject of a cue of kind text
 * at @i: right before it ("the statement read"), or before a short
 * phrase of a preposition ("The summary of the decision read", "The
 * family's statement on the death read"); G_MAXUINT when there is none. */
static guint
writing_before (const QuotesContext *ctx, guint i)
{
  if (i == 0)
    return G_MAXUINT;
  if (is_writing (ctx, i - 1))
    return i - 1;
  for (guint k = i - 1; k > 1 && k + 5 > i; k--)
    {
      if (!ctx_is_word (ctx, k) || ctx_quoted (ctx, k))
        return G_MAXUINT;
      if (ctx_has (ctx, k, QW_PLACE) && k + 1 < i)
        return is_writing (ctx, k - 1) && opens_clause (ctx, k - 1)
                   ? k - 1
                   : G_MAXUINT;
    }
  return G_MAXUINT;
}

const QuotesCue *
quotes_match_cue_at (const QuotesContext *ctx, guint i, guint *end)
{
  const QuotesWord *w = ctx_word (ctx, i);
  if (!w || !(w->classes & QW_CUE) || ctx_quoted (ctx, i))
    return NULL;
  /* "the claim", "his promise", "the proposed end point": a noun or an
   * adjective after a determiner ("that" is more often a conjunction). */
  if (i > 0 && ctx_has (ctx, i - 1, QW_DETERMINER)
      && !ctx_token_is (ctx, i - 1, "that"))
    return NULL;
  /* "in four states", "several reports": a plural noun after a number or
   * a quantifier (but "several said", "one says"). */
  if (i > 0 && ctx->text[ctx->tokens[i].end - 1] == 's'
      && (ctx->tokens[i - 1].kind == WEFT_TOKEN_NUMBER
          || (ctx_has (ctx, i - 1, QW_QUANTIFIER)
              && !ctx_token_is (ctx, i - 1, "one"))))
    return NULL;
  /* "Theresa May's proposed Brexit deal": after a possessive too. */
  if (i > 0
      && ((ctx->tokens[i - 1].kind == WEFT_TOKEN_CLITIC
           && ctx->text[ctx->tokens[i - 1].end - 1] == 's')
          || (ctx_is_word (ctx, i - 1) && quotes_is_possessive (ctx, i - 1)
              && ctx->tokens[i - 1].end - ctx->tokens[i - 1].start > 2
              && ctx->text[ctx->tokens[i - 1].end - 1] == 's')))
    return NULL;
  for (guint c = 0; c < w->cue_count; c++)
    {
      const QuotesCue *cue = quotes_lexicon_get_cue (ctx->lexicon, w, c);
      if (cue->kind != QUOTES_CUE_PREP
          && (ctx->tokens[i].flags & WEFT_TOKEN_CAPITALIZED))
        continue;
      if (cue->kind == QUOTES_CUE_TEXT && writing_before (ctx, i) == G_MAXUINT)
        continue;
      guint k = 1;
      for (; k < cue->n_words; k++)
        if (!ctx_token_is_n (ctx, i + k, cue->words[k], cue->word_lengths[k]))
          break;
      if (k == cue->n_words)
        {
          *end = i + k;
          return cue;
        }
    }
  return NULL;
}

gboolean
quotes_is_possessive (const QuotesContext *ctx, guint i)
{
  /* ' and ’ (E2 80 99) before or after an s; the text is NUL-terminated,
   * so the byte tests stop at its end. */
  const guchar *s;
  if (i + 1 < ctx->n_tokens && ctx->tokens[i + 1].start == ctx->tokens[i].end)
    {
      s = (const guchar *)ctx->text + ctx->tokens[i + 1].start;
      if ((s[0] == '\'' && (s[1] == 's' || s[1] == ' ' || s[1] == '\0'))
          || (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99 && s[3] == 's'))
        return TRUE;
    }
  const WeftToken *t = &ctx->tokens[i];
  s = (const guchar *)ctx->text + t->end;
  return (t->end - t->start > 2 && s[-1] == 's' && s[-2] == '\'')
         || (t->end - t->start > 4 && s[-1] == 's' && s[-4] == 0xE2
             && s[-3] == 0x80 && s[-2] == 0x99);
}

/* Inline: the run and mention scans call it for every capitalized token. */
static inline gboolean
is_name_word (const QuotesContext *ctx, guint i)
{
  return ctx_capitalized (ctx, i) && !ctx_quoted (ctx, i)
         && !(ctx_classes (ctx, i) & (QW_NONNAME | QW_PRONOUN | QW_GROUP));
}

/* Token @i's lower-case letters as a key (up to four, the length in the
 * top byte), or 0 when it is no such word. */
static guint32
short_word_key (const QuotesContext *ctx, guint i)
{
  const WeftToken *t = &ctx->tokens[i];
  guint len = t->end - t->start;
  if (len < 2 || len > 4)
    return 0;
  guint32 key = len << 24;
  for (guint k = 0; k < len; k++)
    {
      guchar c = (guchar)ctx->text[t->start + k];
      if (c < 'a' || c > 'z')
        return 0;
      key |= (guint32)(c - 'a' + 1) << (5 * k);
    }
  return key;
}

#define KEY2(a, b) ((2u << 24) | ((a) - 'a' + 1) | (((b) - 'a' + 1) << 5))
#define KEY3(a, b, c) \
  ((3u << 24) | ((a) - 'a' + 1) | (((b) - 'a' + 1) << 5) \
   | (((c) - 'a' + 1) << 10))
#define KEY4(a, b, c, d) \
  ((4u << 24) | ((a) - 'a' + 1) | (((b) - 'a' + 1) << 5) \
   | (((c) - 'a' + 1) << 10) | (((d) - 'a' + 1) << 15))

/* Whether @key (short_word_key()) is one of @keys. */
static gboolean
key_in (guint32 key, const guint32 *keys, guint n)
{
  for (guint k = 0; k < n; k++)
    if (key == keys[k])
      return TRUE;
  return FALSE;
}

guint
quotes_after_particles_at (const QuotesContext *ctx, guint i, guint limit)
{
  /* von van der den de da di du del dos das la le bin ibn bint */
  static const guint32 particles[]
      = { KEY3 ('v', 'o', 'n'), KEY3 ('v', 'a', 'n'), KEY3 ('d', 'e', 'r'),
          KEY3 ('d', 'e', 'n'), KEY2 ('d', 'e'),      KEY2 ('d', 'a'),
          KEY2 ('d', 'i'),      KEY2 ('d', 'u'),      KEY3 ('d', 'e', 'l'),
          KEY3 ('d', 'o', 's'), KEY3 ('d', 'a', 's'), KEY2 ('l', 'a'),
          KEY2 ('l', 'e'),      KEY3 ('b', 'i', 'n'), KEY3 ('i', 'b', 'n'),
          KEY4 ('b', 'i', 'n', 't') };
  /* al el ad as an ash, glued to a name by a hyphen */
  static const guint32 articles[]
      = { KEY2 ('a', 'l'), KEY2 ('e', 'l'), KEY2 ('a', 'd'),
          KEY2 ('a', 's'), KEY2 ('a', 'n'), KEY3 ('a', 's', 'h') };
  const WeftToken *t = ctx->tokens;
  /* "Jean-Claude Juncker", "Abdul-Mahdi": a hyphen inside a name. */
  if (i > 0 && ctx_punct_is (ctx, i, '-') && t[i].start == t[i - 1].end
      && t[i + 1].start == t[i].end)
    return is_name_word (ctx, i + 1) ? i + 1 : i;
  guint32 key = short_word_key (ctx, i);
  if (!key)
    return i;
  if (i + 2 < limit && ctx_punct_is (ctx, i + 1, '-')
      && t[i + 1].start == t[i].end && t[i + 2].start == t[i + 1].end
      && key_in (key, articles, G_N_ELEMENTS (articles)))
    return is_name_word (ctx, i + 2) ? i + 2 : i;
  guint j = i;
  while (j < limit && j < i + 2 && key
         && key_in (key, particles, G_N_ELEMENTS (particles)))
    key = ++j < limit ? short_word_key (ctx, j) : 0;
  return j > i && j < limit && is_name_word (ctx, j) ? j : i;
}

guint
quotes_run_end (const QuotesContext *ctx, guint i, guint limit)
{
  guint start = i;
  while (i < limit)
    {
      if (i > start && !is_name_word (ctx, i))
        {
          guint name = quotes_after_particles (ctx, i, limit);
          if (name == i)
            break;
          i = name;
        }
      if (!is_name_word (ctx, i))
        break;
      i++;
      /* A possessive ends the run: "Azerbaijan's representative". */
      if (quotes_is_possessive (ctx, i - 1))
        break;
    }
  return i;
}

/* Whether token @i is an initial: one capital and its period ("R."). */
static gboolean
is_initial (const QuotesContext *ctx, guint i)
{
  const WeftToken *t = &ctx->tokens[i];
  return t->kind == WEFT_TOKEN_ABBREV && t->end - t->start == 2;
}

/* Whether token @i, after a name, is a suffix of it ("Jr.", "III"). */
static gboolean
is_name_suffix (const QuotesContext *ctx, guint i)
{
  return ctx_token_is (ctx, i, "Jr.") || ctx_token_is (ctx, i, "Sr.")
         || ctx_token_is (ctx, i, "II") || ctx_token_is (ctx, i, "III")
         || ctx_token_is (ctx, i, "IV");
}

/* quotes_name_part(), a possessive name included ("Ilham Aliyev’s"). */
static gboolean
name_part (const QuotesContext *ctx, guint first, guint last, guint *name_first,
           guint *name_last)
{
  /* "John R. Bolton", "Robert Downey Jr.", "Bashar al-Assad": initials, a
   * suffix after a name and particles inside it are part of it, and do
   * not count towards its length. */
  guint k = first, extra = 0;
  for (guint i = first; i < last; i++)
    {
      const WeftToken *t = &ctx->tokens[i];
      gboolean part = is_initial (ctx, i)
                      || (i == last - 1 && i > k && is_name_suffix (ctx, i))
                      || (i > k && !ctx_capitalized (ctx, i)); /* "bin" */
      extra += part;
      if (part)
        continue;
      if ((ctx_classes (ctx, i)
           & (QW_ROLE | QW_TITLE | QW_DEMONYM | QW_NONNAME | QW_ORG))
          || ((t->flags & WEFT_TOKEN_ALL_CAPS) && t->end - t->start > 1)
          || (t->kind == WEFT_TOKEN_ABBREV && t->end - t->start > 2))
        {
          k = i + 1;
          extra = 0;
        }
    }
  /* A name starts with a name word: not "-Journal" after "Review". */
  while (k < last && !ctx_capitalized (ctx, k))
    k++;
  if (k >= last)
    return FALSE;
  if (last - k - extra > 3)
    k = last - 2;
  *name_first = k;
  *name_last = last;
  return TRUE;
}

gboolean
quotes_name_part (const QuotesContext *ctx, guint first, guint last,
                  guint *name_first, guint *name_last)
{
  return !quotes_is_possessive (ctx, last - 1)
         && name_part (ctx, first, last, name_first, name_last);
}

gboolean
quotes_possessed_name_part (const QuotesContext *ctx, guint first, guint last,
                            guint *name_first, guint *name_last)
{
  return name_part (ctx, first, last, name_first, name_last);
}

/* The role group of the last role word in [first, last), or 0. */
static guint8
role_group_in (const QuotesContext *ctx, guint first, guint last)
{
  guint8 group = 0;
  for (guint i = first; i < last; i++)
    if ((ctx_word (ctx, i)->classes & QW_ROLE))
      group = ctx_word (ctx, i)->role_group;
  return group;
}

/* Words that cannot stand inside a plain noun phrase. */
#define NOT_IN_NP                                                              \
  (QW_FILLER | QW_PLACE | QW_OBJECT | QW_CLAUSE_BLOCK | QW_NP_END | QW_PRONOUN \
   | QW_GROUP | QW_DETERMINER | QW_CUE | QW_TIME)

/* A source named by a plain noun phrase filling [@first, @last): "the
 * attacker", "some of the protesters", "a source", "critics".  An
 * optional determiner or quantifier ("some of the"), then one to three
 * lower-case words; without a determiner, one plural word. */
static MentionKind
plain_np (const QuotesContext *ctx, guint first, guint last, Mention *out)
{
  guint i = first;
  gboolean determiner = FALSE;
  if (i < last && ctx_has (ctx, i, QW_DETERMINER | QW_QUANTIFIER))
    {
      determiner = TRUE;
      i++;
      if (ctx_has (ctx, i - 1, QW_QUANTIFIER) && ctx_token_is (ctx, i, "of"))
        {
          i++;
          if (ctx_has (ctx, i, QW_DETERMINER))
            i++;
        }
    }
  guint words = last - i;
  if (words == 0 || words > 3 || (!determiner && words > 1))
    return MENTION_NONE;
  for (guint k = i; k < last; k++)
    if (!ctx_is_word (ctx, k) || ctx_quoted (ctx, k)
        || ((ctx->tokens[k].flags & WEFT_TOKEN_CAPITALIZED) && k != first)
        || ctx_has (ctx, k, NOT_IN_NP) || ctx_token_is (ctx, k, "and")
        || ctx_token_is (ctx, k, "or") || quotes_is_possessive (ctx, k))
      return MENTION_NONE;
  const WeftToken *t = &ctx->tokens[last - 1];
  if (!determiner && !(t->end - t->start > 3 && ctx->text[t->end - 1] == 's'))
    return MENTION_NONE;
  *out = (Mention){ first, last, MENTION_ORG, 0 };
  return MENTION_ORG;
}

/* Whether token @i is part of a time of day or a date: "Friday", "5:00",
 * "pm", "EDT", "(2100 UTC)". */
static gboolean
in_time_phrase (const QuotesContext *ctx, guint i)
{
  const WeftToken *t = &ctx->tokens[i];
  return ctx_has (ctx, i, QW_TIME) || t->kind == WEFT_TOKEN_TIME
         || t->kind == WEFT_TOKEN_NUMBER || t->kind == WEFT_TOKEN_DATE
         || ctx_punct_is (ctx, i, '(') || ctx_punct_is (ctx, i, ')')
         || (t->flags & WEFT_TOKEN_ALL_CAPS) || ctx_token_is (ctx, i, "am")
         || ctx_token_is (ctx, i, "pm") || ctx_token_is (ctx, i, "a.m.")
         || ctx_token_is (ctx, i, "p.m.");
}

/* Where a name filling [@first, @last) ends once a time phrase at its
 * end is left out: "the government of Burundi on Tuesday (announced …)". */
static guint
before_closing_time (const QuotesContext *ctx, guint first, guint last)
{
  guint end = last;
  while (end > first + 1 && ctx_has (ctx, end - 1, QW_TIME)
         && !ctx_token_is (ctx, end - 2, "the"))
    end--;
  if (end < last && end > first + 1
      && (ctx_token_is (ctx, end - 1, "on")
          || ctx_token_is (ctx, end - 1, "last")
          || ctx_token_is (ctx, end - 1, "this")
          || ctx_token_is (ctx, end - 1, "next")))
    end--;
  return end;
}

/* Where a name filling [@first, @last) starts once an opening word of the
 * clause ("While the House of Representatives confirmed") or a time phrase
 * after one ("On Friday Ford Motor Company announced", "By 5:00 pm EDT
 * (2100 UTC) the city stated") is left out: a capitalized preposition or
 * conjunction followed by a determiner or by a time. */
static guint
after_opening_phrase (const QuotesContext *ctx, guint first, guint last)
{
  if (last - first >= 3 && ctx_capitalized (ctx, first)
      && ctx_has (ctx, first, QW_CLAUSE_BLOCK | QW_NP_END))
    {
      guint i = first + 1;
      if (ctx_has (ctx, i, QW_DETERMINER))
        return i;
      const WeftToken *t = &ctx->tokens[i];
      if (ctx_has (ctx, i, QW_TIME) || t->kind == WEFT_TOKEN_TIME
          || t->kind == WEFT_TOKEN_NUMBER || t->kind == WEFT_TOKEN_DATE)
        {
          while (i + 1 < last && in_time_phrase (ctx, i)
                 && !ctx_has (ctx, i, QW_DETERMINER))
            i++;
          return i;
        }
    }
  /* "but the Senate", "and local officials", "When UN officials": a
   * conjunction or a relative word is never part of the name. */
  static const char *const conjunctions[]
      = { "and",    "or",    "but",     "so",    "because", "although",
          "though", "while", "whereas", "when",  "which",   "who",
          "as",     "if",    "since",   "until", "unless" };
  if (last - first >= 2 && ctx_token_in (ctx, first, conjunctions))
    return first + 1;
  return first;
}

/* Whether token @i is a verb in the past with its object or an
 * infinitive after it: "declined the request", "refused to provide",
 * "issued a statement" (not "a statement released by …"). */
static gboolean
verb_with_object (const QuotesContext *ctx, guint i)
{
  gboolean past
      = ctx_has (ctx, i, QW_FINITE) || ctx_word_ends_with (ctx, i, "ed", 3);
  return past && i + 1 < ctx->n_tokens && !ctx_has (ctx, i - 1, QW_DETERMINER)
         && (ctx_has (ctx, i + 1, QW_DETERMINER | QW_QUANTIFIER)
             || ctx->tokens[i + 1].kind == WEFT_TOKEN_NUMBER
             || ctx_token_is (ctx, i + 1, "to"));
}

/* The token after up to two lower-case modifiers from @i ("regional",
 * "state"): plain words, not verbs in -ed, -s or -ing nor function words,
 * so that "Warren commended Biden" keeps its subject. */
static guint
role_after (const QuotesContext *ctx, guint i, guint last)
{
  for (guint n = 0; n < 2 && i + 1 < last && ctx_is_word (ctx, i)
                    && !(ctx->tokens[i].flags & WEFT_TOKEN_CAPITALIZED)
                    && ctx_classes (ctx, i) == 0;
       n++)
    {
      const WeftToken *t = &ctx->tokens[i];
      const char *e = ctx->text + t->end;
      if (t->end - t->start < 4 || e[-1] == 's'
          || (e[-2] == 'e' && e[-1] == 'd') || memcmp (e - 3, "ing", 3) == 0)
        break;
      i++;
    }
  return i;
}

/* Whether cue word @i inside a noun phrase is a noun: after a
 * determiner ("the reports"), or, in a phrase that has no verb (@any:
 * after "according to"), when plural ("local reports"). */
static gboolean
cue_is_noun (const QuotesContext *ctx, guint i, gboolean any)
{
  if (ctx_has (ctx, i - 1, QW_DETERMINER))
    return TRUE;
  return any && ctx_word_ends_with (ctx, i, "s", 4)
         && !ctx_word_ends_with (ctx, i, "ss", 4);
}

MentionKind
quotes_find_mention (const QuotesContext *ctx, guint first, guint last,
                     gboolean any, Mention *out)
{
  /* Capitalized tokens other than words are sites: "Znak.com". */
  while (first < last && !ctx_is_word (ctx, first)
         && !ctx_capitalized (ctx, first)
         && ctx->tokens[first].kind != WEFT_TOKEN_NUMBER)
    first++;
  while (last > first && !ctx_is_word (ctx, last - 1)
         && !ctx_capitalized (ctx, last - 1)
         && ctx->tokens[last - 1].kind != WEFT_TOKEN_NUMBER
         && !ctx_punct_is (ctx, last - 1, ')'))
    last--;
  if (first >= last)
    return MENTION_NONE;

  guint32 head = ctx_classes (ctx, last - 1);
  if (ctx_classes (ctx, first) & (QW_PRONOUN | QW_GROUP))
    head = ctx_classes (ctx, first), last = first + 1;
  if (head & (QW_PRONOUN | QW_GROUP) && !ctx_quoted (ctx, last - 1))
    {
      *out
          = (Mention){ last - 1, last,
                       head & QW_PRONOUN ? MENTION_PRONOUN : MENTION_GROUP, 0 };
      return out->kind;
    }

  /* The last person-like capitalized run. */
  gboolean found = FALSE;
  guint best_first = 0, best_last = 0, best_run = 0;
  /* The end of the latest run placed after "of", "for"…: an
   * organisation's name goes on after "and" for a few words ("Institute
   * for Health Metrics and Evaluation"; but "for the South Caucasus and
   * Central Asia James Appathurai" ends with the person). */
  guint no_person_end = G_MAXUINT;
  for (guint i = first; i < last;)
    {
      if (!is_name_word (ctx, i))
        {
          i++;
          continue;
        }
      guint end = quotes_run_end (ctx, i, last);
      if (i == no_person_end + 1 && end - i <= 3
          && ctx_token_is (ctx, i - 1, "and"))
        {
          i = end;
          continue;
        }
      guint nf, nl;
      /* "Sea-Eye spokesperson Carlotta Weibl", "Chelyabinsk regional
       * Deputy Governor Oleg Klimov": a run before a role word or a hyphen
       * names the organisation or place, not the person; so does one
       * right before an organisation word ("The Seoul government", "Forest
       * officials"). */
      gboolean modifier = end < last
                          && ((ctx_classes (ctx, role_after (ctx, end, last))
                               & (QW_ROLE | QW_TITLE))
                              || ctx_punct_is (ctx, end, '-')
                              || (ctx_has (ctx, end, QW_ORG)
                                  && !ctx_capitalized (ctx, end)));
      if (!modifier && quotes_name_part (ctx, i, end, &nf, &nl))
        {
          guint before = i;
          if (before > first && ctx_token_is (ctx, before - 1, "the"))
            before--;
          gboolean placed = before > first
                            && ctx_has (ctx, before - 1, QW_PLACE | QW_OBJECT);
          /* "of the Russian President Dmitry Peskov", "to NATO Kamil
           * Khasiev" still name a person. */
          gboolean titled = FALSE;
          for (guint k = i; k < nf; k++)
            if (!(ctx_classes (ctx, k) & QW_DEMONYM))
              titled = TRUE;
          /* "Prime Minister of India Narendra Modi wrote": a run of
           * three names or more after "of" ends with the person's two
           * when it ends the subject. */
          if (placed && !titled && nl - nf >= 3 && nl == last && end == last
              && ctx_capitalized (ctx, nl - 2) && ctx_classes (ctx, nl - 2) == 0
              && ctx_classes (ctx, nl - 1) == 0)
            nf = nl - 2, placed = FALSE;
          if (!placed || (titled && nl - nf >= 2))
            {
              /* The first name is the subject ("Warren commended Biden"). */
              found = TRUE;
              best_first = nf, best_last = nl, best_run = i;
              break;
            }
          no_person_end = end;
        }
      i = end > i ? end : i + 1;
    }
  if (found)
    {
      guint from = best_run > first ? best_run - 1 : best_run;
      *out = (Mention){ best_first, best_last, MENTION_NAME,
                        role_group_in (ctx, from, best_first) };
      return MENTION_NAME;
    }

  /* A role before any organisation word: a description of a person. */
  guint role = G_MAXUINT, org = G_MAXUINT;
  for (guint i = first; i < last; i++)
    {
      guint32 c = ctx_classes (ctx, i);
      /* "the minister's aide": the aide speaks; "official statements":
       * a role word before a plain plural noun is an adjective (not
       * "chief executive"). */
      if ((c & QW_ROLE) && role == G_MAXUINT && !quotes_is_possessive (ctx, i)
          && !(i + 1 < last && ctx_is_word (ctx, i + 1)
               && !(ctx->tokens[i + 1].flags & WEFT_TOKEN_CAPITALIZED)
               && ctx_classes (ctx, i + 1) == 0
               && ctx->text[ctx->tokens[i + 1].end - 1] == 's'
               && ctx->text[ctx->tokens[i + 1].end - 2] != 's'))
        role = i;
      if ((c & QW_ORG) && org == G_MAXUINT)
        org = i;
    }
  if (role != G_MAXUINT && role < org)
    {
      guint head_role = role;
      while (head_role + 1 < last
             && (ctx_classes (ctx, head_role + 1) & (QW_ROLE | QW_TITLE)))
        head_role++;
      guint start = head_role;
      for (guint back = 0; start > first && back < 4; back++)
        {
          if (ctx_has (ctx, start - 1, QW_DETERMINER))
            {
              start--;
              break;
            }
          if (!ctx_is_word (ctx, start - 1))
            break;
          start--;
        }
      /* "One MP", "a spokesman": someone new, not a person met before. */
      MentionKind kind = ctx_has (ctx, start, QW_QUANTIFIER)
                             ? MENTION_ORG
                             : MENTION_DESCRIPTION;
      *out = (Mention){ start, head_role + 1, kind,
                        ctx_word (ctx, head_role)->role_group };
      return kind;
    }
  gboolean capitalized = FALSE;
  for (guint i = first; i < last && i < first + 4; i++)
    if (is_name_word (ctx, i))
      capitalized = TRUE;
  if (org != G_MAXUINT || (any && last - first <= 12)
      || (capitalized && last - first <= 4))
    {
      first = after_opening_phrase (ctx, first, last);
      /* "officials told state media", "the embassy declined the request",
       * "… Agency when announcing": the noun phrase ends at its verb or
       * at a conjunction. */
      for (guint i = first + 1; i < last; i++)
        if (!(ctx->tokens[i].flags & WEFT_TOKEN_CAPITALIZED)
            && ((ctx_has (ctx, i, QW_CUE) && !cue_is_noun (ctx, i, any))
                || ctx_has (ctx, i, QW_FILLER)
                || (ctx_has (ctx, i, QW_NP_END)
                    && !ctx_has (ctx, i, QW_PLACE | QW_TIME))
                || verb_with_object (ctx, i)))
          {
            last = i;
            break;
          }
      last = before_closing_time (ctx, first, last);
      *out = (Mention){ first, last, MENTION_ORG, 0 };
      return MENTION_ORG;
    }
  return plain_np (ctx, first, last, out);
}

MentionKind
quotes_text_subject (const QuotesContext *ctx, guint cue, Mention *out)
{
  guint text = writing_before (ctx, cue);
  if (text == G_MAXUINT)
    return MENTION_NONE;
  guint first = text;
  /* "the family's statement": the possessor's phrase too. */
  if (first > 1 && ctx->tokens[first - 1].kind == WEFT_TOKEN_CLITIC)
    first -= 2;
  else if (first > 0 && ctx_is_word (ctx, first - 1)
           && quotes_is_possessive (ctx, first - 1))
    first--;
  if (first > 0 && ctx_has (ctx, first - 1, QW_DETERMINER))
    first--;
  *out = (Mention){ first, cue, MENTION_ORG, 0 };
  return MENTION_ORG;
}

MentionKind
quotes_text_owner (const QuotesContext *ctx, guint cue, Mention *out)
{
  /* The cue's word first: it is seldom "read". */
  if (cue < 2
      || !(ctx_token_is (ctx, cue, "read") || ctx_token_is (ctx, cue, "reads")))
    return MENTION_NONE;
  guint text = writing_before (ctx, cue);
  if (text == G_MAXUINT || text == 0)
    return MENTION_NONE;
  guint owner = text - 1;
  gboolean clitic = ctx->tokens[owner].kind == WEFT_TOKEN_CLITIC;
  if (clitic && owner > 0)
    owner--;
  if (quotes_possessor (ctx, owner, out) == MENTION_NAME)
    return MENTION_NAME;
  /* "Part of the judge's statement reads": the text itself. */
  if (!clitic && !quotes_is_possessive (ctx, owner))
    return MENTION_NONE;
  guint first = owner;
  if (first > 0 && ctx_has (ctx, first - 1, QW_DETERMINER))
    first--;
  *out = (Mention){ first, text + 1, MENTION_ORG, 0 };
  return MENTION_ORG;
}

MentionKind
quotes_possessor (const QuotesContext *ctx, guint owner, Mention *out)
{
  if (!is_name_word (ctx, owner) || !quotes_is_possessive (ctx, owner))
    return MENTION_NONE;
  guint first = owner, nf, nl;
  while (first > 0 && owner - first < 6 && is_name_word (ctx, first - 1))
    first--;
  if (!name_part (ctx, first, owner + 1, &nf, &nl))
    return MENTION_NONE;
  *out = (Mention){ nf, nl, MENTION_NAME, role_group_in (ctx, first, nf) };
  return MENTION_NAME;
}

static gboolean
is_boundary (const QuotesContext *ctx, guint i)
{
  if (ctx_quoted (ctx, i))
    return TRUE;
  const WeftToken *t = &ctx->tokens[i];
  if (t->kind == WEFT_TOKEN_PUNCT)
    {
      char c = ctx->text[t->start];
      return c == ',' || c == ';' || c == ':' || c == '.' || c == '!'
             || c == '?' || (guchar)c == 0xE2 /* dashes, ellipsis */;
    }
  return ctx_token_is (ctx, i, "that");
}

/* Whether token @i starts a segment that is not itself a subject: an
 * indefinite appositive ("a professor at …") or a participle phrase. */
static gboolean
is_parenthetical (const QuotesContext *ctx, guint i)
{
  if (!ctx_is_word (ctx, i))
    return FALSE;
  if (ctx_token_is (ctx, i, "and") || ctx_token_is (ctx, i, "but")
      || ctx_token_is (ctx, i, "or") || ctx_token_is (ctx, i, "so"))
    return FALSE; /* a clause, not an aside */
  if (ctx_token_is (ctx, i, "a") || ctx_token_is (ctx, i, "an")
      || ctx_token_is (ctx, i, "who") || ctx_token_is (ctx, i, "which"))
    return TRUE;
  /* "…, the son of …, says": a definite description as an aside. */
  if (ctx_token_is (ctx, i, "the"))
    for (guint k = i + 1; k < i + 4 && ctx_is_word (ctx, k); k++)
      if (ctx_classes (ctx, k) & QW_ROLE)
        return ctx_token_is (ctx, k + 1, "of");
  return !(ctx->tokens[i].flags & WEFT_TOKEN_CAPITALIZED)
         && !ctx_has (ctx, i, QW_DETERMINER)
         && !(ctx_classes (ctx, i) & (QW_PRONOUN | QW_GROUP));
}

/* Where the subject starts in the segment [@s, @limit) when a time
 * adverb with no comma opens it: "A few days later the administration
 * said", "Two weeks ago the ministry said", "Meanwhile the ministry
 * said"; else @s. */
static guint
after_time_adverb (const QuotesContext *ctx, guint s, guint limit)
{
  static const char *const opening[]
      = { "meanwhile", "then", "now", "afterwards", "subsequently" };
  if (s + 1 < limit && ctx_token_in (ctx, s, opening))
    return s + 1;
  /* A span of time before "later", "ago", "earlier" ("NDTV later
   * reported" is a subject and its verb). */
  static const char *const units[]
      = { "moments", "minutes", "hours", "days",  "weeks", "months", "years",
          "decades", "day",     "week",  "month", "year",  "time" };
  static const char *const after[] = { "later", "ago", "earlier" };
  for (guint i = s + 1; i < limit - 1 && i < s + 5; i++)
    if (ctx_token_in (ctx, i, after))
      {
        if (ctx_token_in (ctx, i - 1, units))
          return i + 1;
        break;
      }
  if (ctx_token_is (ctx, s, "later") || ctx_token_is (ctx, s, "earlier"))
    return s + 1 < limit ? s + 1 : s;
  return s;
}

/* Whether tokens [@first, @last) are only titles, roles and
 * nationalities ("Dr.", "Russian President"): what a name's mention leaves
 * out before it. */
static gboolean
titles_only (const QuotesContext *ctx, guint first, guint last)
{
  for (guint i = first; i < last; i++)
    if (!ctx_has (ctx, i, QW_TITLE | QW_ROLE | QW_DEMONYM)
        && ctx->tokens[i].kind != WEFT_TOKEN_ABBREV)
      return FALSE;
  return TRUE;
}

/* "Znak.com reported its source said": the subject of a report inside
 * another starts after the outer one's verb, when a short noun phrase
 * with a determiner lies between them (the subject of a participle is
 * the sentence's: "posted a message on Facebook announcing"). */
static guint
after_outer_report (const QuotesContext *ctx, guint cue, guint pos,
                    guint floor)
{
  if (ctx_word_ends_with (ctx, cue, "ing", 4)
      || ctx_token_is (ctx, pos, "and") || ctx_token_is (ctx, pos - 1, "and"))
    return floor; /* "proposed an option and claimed": one subject */
  for (guint d = pos; d-- > floor + 1 && d + 4 >= pos;)
    {
      if (!ctx_is_word (ctx, d) || ctx_capitalized (ctx, d)
          || ctx_quoted (ctx, d))
        return floor;
      if (ctx_has (ctx, d, QW_DETERMINER))
        return ctx_has (ctx, d - 1, QW_CUE) && !ctx_capitalized (ctx, d - 1)
                       && d + 1 < pos
                   ? d
                   : floor;
      if (ctx_has (ctx, d, NOT_IN_NP))
        return floor;
    }
  return floor;
}

MentionKind
quotes_subject_before (const QuotesContext *ctx, guint cue, guint floor,
                       Mention *out, guint *start)
{
  guint pos = ctx_skip_fillers_back (ctx, cue, floor);
  floor = after_outer_report (ctx, cue, pos, floor);
  /* "a statement which said": the noun phrase the relative pronoun stands
   * for ("that" is left alone: "a study … in the past that did
   * confirm"). */
  if (pos > floor + 2 && ctx_token_is (ctx, pos - 1, "which"))
    {
      guint first = pos - 1;
      while (first > floor + 1 && first + 4 > pos
             && ctx_is_word (ctx, first - 1)
             && !(ctx->tokens[first - 1].flags & WEFT_TOKEN_CAPITALIZED)
             && !ctx_has (ctx, first - 1, QW_DETERMINER | NOT_IN_NP))
        first--;
      if (first > floor && ctx_has (ctx, first - 1, QW_DETERMINER))
        first--;
      MentionKind kind = plain_np (ctx, first, pos - 1, out);
      if (kind != MENTION_NONE)
        {
          *start = first;
          return kind;
        }
    }
  /* "the government of Burundi on Tuesday announced": a time phrase
   * between the subject and its verb belongs to neither.  ("… during
   * the weekend said" is left whole: "the weekend" reads as a noun.) */
  while (pos > floor + 1 && !ctx_quoted (ctx, pos - 1)
         && ctx_has (ctx, pos - 1, QW_TIME)
         && !ctx_token_is (ctx, pos - 2, "the"))
    {
      pos--;
      if (ctx_token_is (ctx, pos - 1, "on")
          || ctx_token_is (ctx, pos - 1, "last")
          || ctx_token_is (ctx, pos - 1, "this")
          || ctx_token_is (ctx, pos - 1, "next"))
        pos--;
    }
  /* "The attacker … jumped on stage … and claimed": the subject of the
   * clause, not a name in between. */
  if (pos > floor
      && (ctx_token_is (ctx, pos - 1, "and")
          || ctx_token_is (ctx, pos - 1, "but")))
    {
      MentionKind kind = quotes_clause_subject (ctx, floor, pos - 1, out);
      if (kind != MENTION_NONE)
        {
          *start = floor; /* no "CLAUSE, X said" before it */
          return kind;
        }
    }
  /* "with Zinichev describing …": the name right before a participle. */
  if (pos == cue && pos > floor + 1 && ctx_capitalized (ctx, pos - 1)
      && ctx->tokens[cue].end - ctx->tokens[cue].start > 4
      && memcmp (ctx->text + ctx->tokens[cue].end - 3, "ing", 3) == 0)
    {
      guint run = pos - 1;
      while (run > floor && is_name_word (ctx, run - 1))
        run--;
      if (ctx_token_is (ctx, run - 1, "with") && is_name_word (ctx, run))
        {
          *out = (Mention){ run, pos, MENTION_NAME, 0 };
          *start = run;
          return MENTION_NAME;
        }
    }
  /* "X, explaining Y, said": step over the parenthetical.  But "CLAUSE,
   * said NP" has no subject before the verb at all. */
  gboolean stepped = FALSE;
  if (pos > floor && ctx_punct_is (ctx, pos - 1, ','))
    pos--, stepped = TRUE;
  MentionKind fallback = MENTION_NONE;
  Mention fallback_mention = { 0 };
  guint fallback_start = pos;
  for (guint n = 0; n < 3 && pos > floor; n++)
    {
      guint s = pos;
      while (s > floor && !is_boundary (ctx, s - 1) && pos - s < 16)
        s--;
      if (s == pos)
        break;
      /* "In a press release issued …, the Ministry denounced …, calling":
       * an opening phrase, not a noun phrase the aside was about. */
      if (fallback != MENTION_NONE && ctx_has (ctx, s, QW_PLACE | QW_OBJECT))
        break;
      s = after_time_adverb (ctx, s, pos);
      Mention m;
      MentionKind kind = quotes_find_mention (ctx, s, pos, FALSE, &m);
      /* "Some of the protesters Wikinews interviewed said": a name followed
       * by a verb is the subject of a relative clause; the noun phrase
       * before it is the speaker. */
      if (kind == MENTION_NAME && m.last + 1 == pos && m.first > s
          && ctx_is_word (ctx, m.last)
          && !(ctx->tokens[m.last].flags & WEFT_TOKEN_CAPITALIZED)
          && !ctx_has (ctx, m.last, QW_ROLE | NOT_IN_NP)
          && !ctx_has (ctx, m.first - 1, QW_ROLE | QW_TITLE | NOT_IN_NP))
        {
          Mention np;
          if (plain_np (ctx, s, m.first, &np) != MENTION_NONE)
            m = np;
        }
      gboolean parenthetical
          = s > floor && ctx_punct_is (ctx, s - 1, ',')
            && (is_parenthetical (ctx, s)
                || (n == 0 && stepped
                    && (kind == MENTION_DESCRIPTION || kind == MENTION_ORG)
                    && (ctx_has (ctx, s, QW_DETERMINER)
                        || quotes_is_possessive (ctx, s))));
      /* "CLAUSE, officials said", "CLAUSE, a spokesman for the ministry
       * said": a bare or indefinite noun phrase right before the verb is
       * its subject, not an aside. */
      if (parenthetical && n == 0 && !stepped
          && (kind == MENTION_ORG || kind == MENTION_DESCRIPTION)
          && m.first == s
          && (m.last == pos || ctx_token_is (ctx, s, "a")
              || ctx_token_is (ctx, s, "an")))
        parenthetical = FALSE;
      if (parenthetical && n == 0 && ctx_token_is (ctx, s, "who"))
        stepped = TRUE; /* "Sevinj Osmangyzy, who promised to say" */
      if (n == 0 && stepped && !parenthetical
          && !(s > floor && ctx_punct_is (ctx, s - 1, ',')
               && kind == MENTION_NAME && titles_only (ctx, s, m.first)
               && m.last == pos))
        return MENTION_NONE;
      if (fallback == MENTION_NAME && kind != MENTION_NAME && !parenthetical)
        break; /* "The study's lead author, … Maninder Thind, said" */
      if ((kind == MENTION_NAME && !(parenthetical && stepped))
          || kind == MENTION_PRONOUN || (kind == MENTION_GROUP && m.last == pos)
          || (kind != MENTION_NONE && !parenthetical))
        {
          *out = m;
          *start = s;
          return kind;
        }
      if (!parenthetical || !stepped)
        break;
      if (kind != MENTION_NONE && fallback == MENTION_NONE)
        fallback = kind, fallback_mention = m, fallback_start = s;
      pos = s - 1;
    }
  if (fallback != MENTION_NONE)
    {
      *out = fallback_mention;
      *start = fallback_start;
    }
  return fallback;
}

MentionKind
quotes_clause_subject (const QuotesContext *ctx, guint floor, guint limit,
                       Mention *m)
{
  /* Skips introductory phrases: "In a video message posted to Twitter,
   * Warren commended …". */
  for (guint n = 0; n < 3 && floor < limit; n++)
    {
      guint e = floor;
      while (e < limit && e < floor + 10 && !ctx_quoted (ctx, e)
             && !ctx_punct_is (ctx, e, ','))
        e++;
      /* "Speaking to Portfolio.hu, Matt Simister …", "In Moscow, …": a
       * participle phrase, or a prepositional one with no verb ("In the
       * filing Ford made this point, …" has one), is no subject. */
      gboolean participle = ctx_word_ends_with (ctx, floor, "ing", 4);
      gboolean phrase = ctx_has (ctx, floor, QW_PLACE | QW_OBJECT);
      for (guint i = floor + 1; phrase && i < e; i++)
        if (ctx_has (ctx, i, QW_FINITE | QW_FILLER | QW_CUE))
          phrase = FALSE;
      /* "First, he …", "However, …": an opening adverb. */
      static const char *const adverbs[]
          = { "first",   "second",  "third",   "finally", "however",
              "meanwhile", "instead", "still", "then",    "later",
              "now",     "today",   "yesterday", "also", "moreover",
              "furthermore", "additionally", "indeed", "nevertheless",
              "again",   "well",    "so",      "yet",     "separately" };
      gboolean adverb = e == floor + 1 && ctx_token_in (ctx, floor, adverbs);
      if (ctx_punct_is (ctx, e, ',') && (participle || phrase || adverb))
        {
          floor = e + 1;
          continue;
        }
      /* The subject before its verb: "The Air Force issued warnings
       * against …", not a name in the object. */
      guint v = floor + 1;
      while (v < e
             && (ctx_capitalized (ctx, v)
                 || !(ctx_has (ctx, v, QW_FINITE | QW_CUE | QW_FILLER)
                      || ctx_word_ends_with (ctx, v, "ed", 3))))
        v++;
      if (v < e
          && quotes_find_mention (ctx, floor, v, FALSE, m) != MENTION_NONE)
        return m->kind;
      /* "It also credited Leonov with …, noting": "it" (a group left to
       * the organisation that spoke last), not the name in its object. */
      if (v == floor + 1 && v < e && ctx_token_is (ctx, floor, "it"))
        {
          *m = (Mention){ floor, floor + 1, MENTION_GROUP, 0 };
          return MENTION_GROUP;
        }
      MentionKind kind = quotes_find_mention (ctx, floor, e, FALSE, m);
      if (kind == MENTION_NONE)
        {
          /* "The attacker is reported …": the words before the verb. */
          guint v = floor;
          while (v < e && !ctx_has (ctx, v, QW_FILLER | QW_CUE))
            v++;
          if (v < e)
            kind = plain_np (ctx, floor, v, m);
        }
      if (kind != MENTION_NONE || !ctx_punct_is (ctx, e, ','))
        return kind;
      floor = e + 1;
    }
  return MENTION_NONE;
}

/* Whether token @i is the comma of a date ("a March 14, 2019 NATO press
 * release"): between a day and a year. */
static gboolean
date_comma (const QuotesContext *ctx, guint i)
{
  if (i == 0 || i + 1 >= ctx->n_tokens || !ctx_punct_is (ctx, i, ',')
      || ctx->tokens[i - 1].kind != WEFT_TOKEN_NUMBER
      || ctx->tokens[i + 1].kind != WEFT_TOKEN_NUMBER)
    return FALSE;
  const WeftToken *day = &ctx->tokens[i - 1], *year = &ctx->tokens[i + 1];
  return day->end - day->start <= 2 && year->end - year->start == 4;
}

MentionKind
quotes_np_after (const QuotesContext *ctx, guint from, gboolean any,
                 Mention *out, guint *end)
{
  guint e = from;
  while (e < ctx->n_tokens && e - from < 20
         && (!is_boundary (ctx, e) || date_comma (ctx, e))
         && !(e > from && (ctx->tokens[e].flags & WEFT_TOKEN_NEWLINE_BEFORE))
         && !(e > from && ctx_has (ctx, e, QW_NP_END)))
    e++;
  *end = e;
  MentionKind kind = quotes_find_mention (ctx, from, e, any, out);
  /* "according to Smith's statistics": the owner speaks; "WHO's
   * statistics" whole, not "'s statistics". */
  if (kind != MENTION_NONE && out->first > from
      && ctx->tokens[out->first].kind == WEFT_TOKEN_CLITIC)
    {
      Mention owner;
      if (quotes_possessor (ctx, out->first - 1, &owner) == MENTION_NAME)
        *out = owner;
      else
        *out = (Mention){ out->first - 1, out->last, MENTION_ORG, 0 };
      return out->kind;
    }
  /* "said his father, Abdullah Kurdi, following …": the name in
   * apposition to a description that fills the phrase (not to "official"
   * in "According to official statements, Trump, …"). */
  if (kind == MENTION_DESCRIPTION && out->last == e
      && ctx_punct_is (ctx, e, ','))
    {
      guint last = quotes_run_end (ctx, e + 1, MIN (e + 6, ctx->n_tokens));
      guint nf, nl;
      if (last > e + 1 && (last == ctx->n_tokens || is_boundary (ctx, last))
          && quotes_name_part (ctx, e + 1, last, &nf, &nl))
        {
          *out = (Mention){ nf, nl, MENTION_NAME, out->role_group };
          *end = last;
          return MENTION_NAME;
        }
    }
  return kind;
}
