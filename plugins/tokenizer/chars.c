/* tokenizer — character classes: the ASCII byte table and the mapping of
 * other code points onto the same classes through GLib's Unicode data,
 * with the common news characters (curly quotes, dashes) answered first. */
#include "chars.h"

#define S CH_SPACE
#define N CH_NEWLINE
#define U CH_UPPER
#define L CH_LOWER
#define D CH_DIGIT
#define P CH_PUNCT
#define Y CH_SYMBOL
#define X CH_INVALID

/* clang-format off */
const guint8 tok_ascii_class[256] = {
  /* 0x00 */ Y, Y, Y, Y, Y, Y, Y, Y, Y, S, N, S, S, S, Y, Y,
  /* 0x10 */ Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y,
  /* ' ' ! " # $ % & ' ( ) * + , - . / */
  S, P, P, Y, Y, Y, Y, P, P, P, Y, Y, P, P, P, P,
  /* 0-9 : ; < = > ? */
  D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P,
  /* @ A-O */
  Y, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
  /* P-Z [ \ ] ^ _ */
  U, U, U, U, U, U, U, U, U, U, U, P, P, P, Y, P,
  /* ` a-o */
  Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
  /* p-z { | } ~ DEL */
  L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, Y,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
};
/* clang-format on */

const guint8 tok_ascii_word[256] = {
  ['0'] = CASE_DIGIT, ['1'] = CASE_DIGIT, ['2'] = CASE_DIGIT,
  ['3'] = CASE_DIGIT, ['4'] = CASE_DIGIT, ['5'] = CASE_DIGIT,
  ['6'] = CASE_DIGIT, ['7'] = CASE_DIGIT, ['8'] = CASE_DIGIT,
  ['9'] = CASE_DIGIT, ['A'] = CASE_UPPER, ['B'] = CASE_UPPER,
  ['C'] = CASE_UPPER, ['D'] = CASE_UPPER, ['E'] = CASE_UPPER,
  ['F'] = CASE_UPPER, ['G'] = CASE_UPPER, ['H'] = CASE_UPPER,
  ['I'] = CASE_UPPER, ['J'] = CASE_UPPER, ['K'] = CASE_UPPER,
  ['L'] = CASE_UPPER, ['M'] = CASE_UPPER, ['N'] = CASE_UPPER,
  ['O'] = CASE_UPPER, ['P'] = CASE_UPPER, ['Q'] = CASE_UPPER,
  ['R'] = CASE_UPPER, ['S'] = CASE_UPPER, ['T'] = CASE_UPPER,
  ['U'] = CASE_UPPER, ['V'] = CASE_UPPER, ['W'] = CASE_UPPER,
  ['X'] = CASE_UPPER, ['Y'] = CASE_UPPER, ['Z'] = CASE_UPPER,
  ['a'] = CASE_LOWER, ['b'] = CASE_LOWER, ['c'] = CASE_LOWER,
  ['d'] = CASE_LOWER, ['e'] = CASE_LOWER, ['f'] = CASE_LOWER,
  ['g'] = CASE_LOWER, ['h'] = CASE_LOWER, ['i'] = CASE_LOWER,
  ['j'] = CASE_LOWER, ['k'] = CASE_LOWER, ['l'] = CASE_LOWER,
  ['m'] = CASE_LOWER, ['n'] = CASE_LOWER, ['o'] = CASE_LOWER,
  ['p'] = CASE_LOWER, ['q'] = CASE_LOWER, ['r'] = CASE_LOWER,
  ['s'] = CASE_LOWER, ['t'] = CASE_LOWER, ['u'] = CASE_LOWER,
  ['v'] = CASE_LOWER, ['w'] = CASE_LOWER, ['x'] = CASE_LOWER,
  ['y'] = CASE_LOWER, ['z'] = CASE_LOWER,
};

#undef S
#undef N
#undef U
#undef L
#undef D
#undef P
#undef Y
#undef X

/* Pictographs that are emoji by default or commonly written with U+FE0F;
 * Unicode has no GLib accessor for the Emoji property. */
static gboolean
is_pictograph (gunichar c)
{
  if (c >= 0x1F000 && c <= 0x1FAFF)
    return TRUE;
  if (c >= 0x2600 && c <= 0x27BF)
    return TRUE;
  switch (c)
    {
    case 0x231A:
    case 0x231B:
    case 0x2328:
    case 0x23CF:
    case 0x2B50:
    case 0x2B55:
    case 0x2B1B:
    case 0x2B1C:
    case 0x2B05:
    case 0x2B06:
    case 0x2B07:
    case 0x3030:
    case 0x303D:
    case 0x3297:
    case 0x3299:
    case 0x2934:
    case 0x2935:
      return TRUE;
    default:
      return c >= 0x23E9 && c <= 0x23FA;
    }
}

CharClass
tok_unichar_class (gunichar c)
{
  switch (c)
    {
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D: /* curly quotes */
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0x00AB:
    case 0x00BB:
      return CH_PUNCT;
    case 0x00A0:
    case 0x200B:
    case 0xFEFF:
    case 0x2060:
      return CH_SPACE;
    case 0x2028:
    case 0x0085:
      return CH_NEWLINE;
    case 0x2029:
      return CH_PARAGRAPH;
    case 0x200D:
    case 0x200C:
    case 0x00AD:
      return CH_MARK;
    default:
      break;
    }
  if (is_pictograph (c))
    return CH_EMOJI;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
      return CH_UPPER;
    case G_UNICODE_LOWERCASE_LETTER:
      return CH_LOWER;
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return CH_LETTER;
    case G_UNICODE_DECIMAL_NUMBER:
      return CH_DIGIT;
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return CH_MARK;
    case G_UNICODE_SPACE_SEPARATOR:
      return CH_SPACE;
    case G_UNICODE_LINE_SEPARATOR:
      return CH_NEWLINE;
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return CH_PARAGRAPH;
    case G_UNICODE_FORMAT:
      /* Invisible format characters (bidi marks, word joiners) separate
       * nothing visible: treat them as space rather than as tokens. */
      return c >= 0xE0000 ? CH_MARK : CH_SPACE;
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
      return CH_PUNCT;
    default:
      return CH_SYMBOL;
    }
}

guint
tok_unichar_case (gunichar c)
{
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? 1 : (c >= 'a' && c <= 'z') ? 2 : 0;
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return 1;
  if (g_unichar_islower (c))
    return 2;
  return 0;
}

guint8 tok_bmp_class[0x10000];

void
tok_chars_init (void)
{
  static gsize done = 0;
  if (g_once_init_enter (&done))
    {
      for (gunichar c = 0; c < 0x10000; c++)
        tok_bmp_class[c]
            = c < 0x80 ? tok_ascii_class[c] : (guint8)tok_unichar_class (c);
      g_once_init_leave (&done, 1);
    }
}
