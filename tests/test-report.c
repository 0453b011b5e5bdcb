/* The reports for people, through the weft command: the HTML report's
 * marks, escaping, self-containment, error records, streaming (same file
 * with -j and --isolate, memory bounded by aggregates), rendering in
 * headless Chromium (skipped when it is not installed); the text summary's
 * terminal safety; and the progress bar (never without a terminal). */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test.h"

static char *
read_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = haystack; (p = strstr (p, needle)); p += strlen (needle))
    n++;
  return n;
}

/* Two direct quotes with named speakers, two relative dates, three
 * sentences: a positive one, a negative one, a positive one. */
static const char known_jsonl[]
    = "{\"id\": \"known\", \"date\": \"2019-01-15\", \"title\": \"A known input\", "
      "\"text\": \"\\\"We will win this race,\\\" Alice Walker said on Monday. "
      "The weather was terrible, and the roads were closed. \\\"It was a "
      "wonderful day for everyone,\\\" Tom Baker told reporters yesterday.\"}\n";

/* Markup in every field a report shows. */
static const char hostile_jsonl[]
    = "{\"id\": \"x\\\"><img src=x onerror=alert(1)>\", \"date\": \"2019-01-15\", "
      "\"title\": \"<script>alert(1)</script>\", \"url\": \"javascript:alert(1)\", "
      "\"text\": \"Hello <script>alert(2)</script> and \\\"><img src=x "
      "onerror=alert(3)> said Bob's <b>friend</b> & co on Monday.\"}\n";

/* Class attributes of the marks, by their first class and whether the
 * piece continues a mark cut by another. */
typedef struct {
  guint sentences, dates, quotes, terms, continued, speakers_named;
} Marks;

static Marks
count_marks (const char *html)
{
  Marks m = { 0 };
  for (const char *p = html; (p = strstr (p, "<span class=\"")); p++)
    {
      const char *v = p + strlen ("<span class=\"");
      const char *end = strchr (v, '"');
      g_autofree char *value = g_strndup (v, end - v);
      g_auto (GStrv) classes = g_strsplit (value, " ", -1);
      gboolean cont = classes[1] && g_str_has_suffix (classes[1], "c")
                      && strlen (classes[1]) == 2;
      if (cont)
        m.continued++;
      else if (strcmp (classes[0], "s") == 0)
        m.sentences++;
      else if (strcmp (classes[0], "d") == 0)
        m.dates++;
      else if (strcmp (classes[0], "q") == 0)
        {
          m.quotes++;
          m.terms += classes[1] && strcmp (classes[1], "term") == 0;
        }
    }
  m.speakers_named = count (html, "<span class=\"who\"");
  return m;
}

static void
test_html_marks (void)
{
  write_file ("known.jsonl", known_jsonl, -1);
  Result r = sh ("$WEFT run news known.jsonl --format html -o known.html");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_autofree char *html = read_file ("known.html");
  Marks m = count_marks (html);
  g_assert_cmpuint (m.sentences, ==, 3);
  g_assert_cmpuint (m.dates, ==, 2);
  g_assert_cmpuint (m.quotes, ==, 2);
  g_assert_cmpuint (m.speakers_named, ==, 2);
  g_assert_cmpuint (m.continued, ==, 0);
  /* the values on hover and focus, the speakers' labels, the tints */
  g_assert_nonnull (strstr (html, "<span class=\"d\" tabindex=\"0\" data-v=\"2019-01-14\" "
                                  "title=\"2019-01-14 (DATE)\">Monday</span>"));
  g_assert_nonnull (strstr (html, "data-speaker=\"Alice Walker\" title=\"Alice Walker, said"));
  g_assert_nonnull (strstr (html, "data-speaker=\"Tom Baker\" title=\"Tom Baker, told"));
  g_assert_cmpuint (count (html, "<span class=\"s t-p2\""), ==, 2);
  g_assert_cmpuint (count (html, "<span class=\"s t-n1\""), ==, 1);
  /* the overview: both speakers linked to the article, a month bar */
  g_assert_nonnull (strstr (html, "<tr><td><a href=\"#d1\">Alice Walker</a></td><td class=\"num\">1</td>"));
  g_assert_nonnull (strstr (html, "<tr><td><a href=\"#d1\">Tom Baker</a></td><td class=\"num\">1</td>"));
  g_assert_nonnull (strstr (html, "<title>Jan 2019: 2 dates</title>"));
  g_assert_nonnull (strstr (html, "<article class=\"doc\" id=\"d1\">"));
  g_assert_nonnull (strstr (html, "<a href=\"#d1\">A known input</a>"));
  /* streamed: the overview is written last and shown first */
  g_assert_true (strstr (html, "<section class=\"overview\"") > strstr (html, "</article>"));
  g_assert_nonnull (strstr (html, ".overview{order:-1}"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
}

static void
test_html_self_contained (void)
{
  write_file ("known.jsonl", known_jsonl, -1);
  Result r = sh ("$WEFT run news known.jsonl --format html");
  g_assert_cmpint (r.status, ==, 0);
  static const char *const fetches[] = { "src=", "<link", "url(", "@import",
                                         "<script", "<iframe", "://" };
  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    if (strstr (r.out, fetches[i]))
      g_error ("the report holds '%s'", fetches[i]);
  g_assert_nonnull (strstr (r.out, "<meta http-equiv=\"Content-Security-Policy\" "
                                   "content=\"default-src 'none'"));
  result_clear (&r);
}

static void
test_html_escaping (void)
{
  write_file ("hostile.jsonl", hostile_jsonl, -1);
  Result r = sh ("$WEFT run news hostile.jsonl --format html");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "<script"));
  g_assert_null (strstr (r.out, "<img"));
  g_assert_null (strstr (r.out, "<b>friend"));
  g_assert_null (strstr (r.out, "javascript:"));
  /* as text: the title, the id, the article */
  g_assert_nonnull (strstr (r.out, "<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"));
  g_assert_nonnull (strstr (r.out, "<code>x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code>"));
  g_assert_nonnull (strstr (r.out, "Hello &lt;script&gt;alert(2)&lt;/script&gt; and "));
  g_assert_nonnull (strstr (r.out, "&quot;&gt;&lt;img src=x onerror=alert(3)&gt;"));
  g_assert_nonnull (strstr (r.out, "&lt;b&gt;friend&lt;/b&gt; &amp; co"));
  result_clear (&r);
}

static void
test_html_errors_and_other_layers (void)
{
  write_file ("mixed.jsonl", "{\"id\": \"ok\", \"text\": \"NATO says NO\"}\n"
                             "{\"id\": \"bad<1>\", \"text\": \"please FAIL\"}\n", -1);
  Result r = sh ("$WEFT run fails.yaml mixed.jsonl --format html");
  g_assert_cmpint (r.status, ==, 1);
  /* a third party's layer is marked, its fields in the title */
  g_assert_nonnull (strstr (r.out, "<span class=\"x\" title=\"shouts: word=NATO, length=4, "
                                   "ratio=0.33333333333333331, all_caps=true\">NATO</span>"));
  g_assert_cmpuint (count (r.out, "<span class=\"x\""), ==, 2);
  /* the failed document is an article and a row, never dropped */
  g_assert_nonnull (strstr (r.out, "<article class=\"doc\" id=\"d2\">"));
  g_assert_nonnull (strstr (r.out, "<h2>bad&lt;1&gt;</h2>"));
  g_assert_nonnull (strstr (r.out, "</b> failed: refusing a document that says FAIL</p>"));
  g_assert_nonnull (strstr (r.out, "2 documents (1 not processed)"));
  g_assert_nonnull (strstr (r.out, "<tr class=\"failed\"><td class=\"num\">2</td>"));
  result_clear (&r);
}

/* Workers render articles in any order; the file is the same. */
static void
test_html_jobs_and_isolate (void)
{
  Result one = sh ("$WEFT run news " SAMPLE " --format html");
  Result three = sh ("$WEFT run news " SAMPLE " --format html -j 3");
  Result isolated = sh ("$WEFT run news " SAMPLE " --format html --isolate -j 2");
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpstr (one.out, ==, three.out);
  g_assert_cmpstr (one.out, ==, isolated.out);
  g_assert_cmpuint (count (one.out, "<article class=\"doc\""), ==, 3);
  g_assert_cmpuint (count (one.out, "<!DOCTYPE html>"), ==, 1);
  result_clear (&one);
  result_clear (&three);
  result_clear (&isolated);
}

/* Writes @n small articles quoting five speakers, and returns the peak
 * memory of weft writing their report, in kB. */
static long
report_peak_kb (guint n)
{
  write_file ("gen.py",
              "import json, sys\n"
              "names = ['Ann Lee', 'Bob Stone', 'Carla Diaz', 'Dan Moore', 'Eve Hart']\n"
              "for i in range(int(sys.argv[1])):\n"
              "    print(json.dumps({'id': 'n%d' % i, 'date': '2019-01-15',\n"
              "        'title': 'Article %d' % i, 'text': '\"We won,\" %s said on Monday. '\n"
              "        'Rain fell on %d May 2018.' % (names[i % 5], i % 28 + 1)}))\n", -1);
  write_file ("peak.py", "import resource, subprocess, sys\n"
                         "subprocess.run(sys.argv[1:], check=True)\n"
                         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n", -1);
  g_autofree char *command = g_strdup_printf (
      "python3 gen.py %u > big.jsonl && python3 peak.py $WEFT_PLAIN run news big.jsonl "
      "--format html -o big.html", n);
  Result r = sh (command);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  long kb = atol (r.out);
  result_clear (&r);
  g_autofree char *html = read_file ("big.html");
  g_assert_cmpuint (count (html, "<article class=\"doc\""), ==, n);
  g_assert_nonnull (strstr (html, "<tr><td><a href=\"#d1\">Ann Lee</a></td>"));
  return kb;
}

static void
test_html_memory_bounded (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer's quarantine grows with every allocation");
  return;
#endif
  long small = report_peak_kb (2000), large = report_peak_kb (40000);
  g_test_message ("peak RSS: %ld kB for 2000 documents, %ld kB for 40000", small, large);
  /* 20 times the documents; the overview keeps at most 1000 rows */
  g_assert_cmpint (large - small, <, 4096);
}

static char *
find_chromium (void)
{
  const char *names[] = { "chromium", "chromium-browser", "google-chrome", NULL };
  for (guint i = 0; names[i]; i++)
    {
      char *path = g_find_program_in_path (names[i]);
      if (path)
        return path;
    }
  return NULL;
}

/* The DOM Chromium builds from @html_file (in tmpdir). */
static char *
render (const char *chromium, const char *html_file)
{
  g_autofree char *profile = g_build_filename (tmpdir, "chromium-profile", NULL);
  g_autofree char *command = g_strdup_printf (
      "'%s' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='%s' --dump-dom 'file://%s/%s' 2>/dev/null",
      chromium, profile, tmpdir, html_file);
  Result r = sh (command);
  g_assert_cmpint (r.status, ==, 0);
  g_free (r.err);
  return r.out;
}

static void
test_html_in_chromium (void)
{
  g_autofree char *chromium = find_chromium ();
  if (!chromium)
    {
      g_test_skip ("chromium is not installed (scripts/deps with WEFT_BROWSER_TESTS=1)");
      return;
    }
  write_file ("known.jsonl", known_jsonl, -1);
  write_file ("hostile.jsonl", hostile_jsonl, -1);
  Result r = sh ("$WEFT run news known.jsonl hostile.jsonl " SAMPLE
                 " --format html -o browser.html");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_autofree char *dom = render (chromium, "browser.html");
  /* five articles as elements, the overview after them in the DOM */
  g_assert_cmpuint (count (dom, "<article class=\"doc\" id=\"d"), ==, 5);
  g_assert_nonnull (strstr (dom, "<section class=\"overview\" id=\"overview\">"));
  /* the known article's marks, as the parser built them */
  const char *first = strstr (dom, "<article class=\"doc\" id=\"d1\">");
  const char *second = strstr (dom, "<article class=\"doc\" id=\"d2\">");
  g_assert_true (first && second);
  g_autofree char *known = g_strndup (first, second - first);
  Marks m = count_marks (known);
  g_assert_cmpuint (m.sentences, ==, 3);
  g_assert_cmpuint (m.dates, ==, 2);
  g_assert_cmpuint (m.quotes, ==, 2);
  g_assert_cmpuint (m.speakers_named, ==, 2);
  /* hostile input stayed text: no element came from it, no script ran */
  g_assert_null (strstr (dom, "<script"));
  g_assert_null (strstr (dom, "<img"));
  g_assert_null (strstr (dom, "<b>friend"));
  g_assert_nonnull (strstr (dom, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (dom, "Hello &lt;script&gt;alert(2)&lt;/script&gt;"));
  /* every quote of the sample with a speaker carries the speaker's label */
  g_assert_cmpuint (count (dom, "data-speaker=\"Nancy Pelosi\""), >=, 2);
  g_assert_cmpuint (count (dom, "data-speaker=\"Sadiq Khan\""), ==, 1);
  /* the timeline is an inline SVG with a bar per month that has dates */
  g_assert_nonnull (strstr (dom, "<svg class=\"timeline\""));
  g_assert_nonnull (strstr (dom, "<title>Mar 2019: "));
}

/* Control characters in a document never reach the terminal. */
static void
test_text_terminal_safe (void)
{
  write_file ("esc.jsonl", "{\"id\": \"e\\u001b[2J\", \"title\": \"T\\u001b]0;x\\u0007\", "
                           "\"text\": \"He said \\\"all \\u001b[31mred\\\" on Monday.\"}\n", -1);
  Result r = sh ("$WEFT run news esc.jsonl --format text --date 2019-01-15");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strchr (r.out, '\x1b'));
  g_assert_null (strchr (r.out, '\x07'));
  g_assert_true (g_str_has_prefix (r.out, "== e\xEF\xBF\xBD[2J — T\xEF\xBF\xBD]0;x\xEF\xBF\xBD\n"));
  result_clear (&r);
}

/* Runs that last over a second: the second document comes from a FIFO
 * written 1.5 s late.  Text input, so the total (3) is known. */
static void
write_slow_run (void)
{
  write_file ("slow.sh",
              "rm -f f2.txt; mkfifo f2.txt; echo one > f1.txt; echo three > f3.txt\n"
              "(sleep 1.5; timeout 10 sh -c 'echo two > f2.txt') &\n"
              "\"$WEFT_PLAIN\" run tokens f1.txt f2.txt f3.txt \"$@\"\n"
              "status=$?; wait; exit $status\n", -1);
}

static void
test_progress_not_a_terminal (void)
{
  write_slow_run ();
  Result r = sh ("sh slow.sh -o slow.jsonl");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
}

static void
test_progress_on_a_terminal (void)
{
  g_autofree char *script = g_find_program_in_path ("script");
  if (!script)
    {
      g_test_skip ("no script(1) to run weft on a pseudo-terminal");
      return;
    }
  write_slow_run ();
  /* script(1) gives weft a terminal; what weft writes there comes back on
   * script's stdout */
  Result r = sh ("script -qec 'sh slow.sh -o slow.jsonl' /dev/null </dev/null");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "\rweft ["));
  g_assert_nonnull (strstr (r.out, "#.")); /* two thirds done */
  g_assert_nonnull (strstr (r.out, "]  66%  2/3 docs  "));
  g_assert_nonnull (strstr (r.out, " MB/s  0:01"));
  /* cleared at the end */
  g_assert_true (g_str_has_suffix (r.out, "\r\x1b[K"));
  result_clear (&r);
  r = sh ("script -qec 'sh slow.sh -o slow.jsonl --quiet' /dev/null </dev/null");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
  /* records written to the terminal are the progress: no bar among them */
  r = sh ("script -qec 'sh slow.sh --format text' /dev/null </dev/null");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "\rweft"));
  g_assert_nonnull (strstr (r.out, "== f3"));
  result_clear (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("weft-report-XXXXXX", NULL);
  g_setenv ("WEFT", WEFT_EXE, TRUE);
  g_setenv ("WEFT_PLAIN", WEFT_EXE, TRUE);
  write_file ("fails.yaml", "name: fails\nstages:\n  - plugin: words\n  - plugin: process-fails\n", -1);
  g_test_add_func ("/report/html/marks", test_html_marks);
  g_test_add_func ("/report/html/self-contained", test_html_self_contained);
  g_test_add_func ("/report/html/escaping", test_html_escaping);
  g_test_add_func ("/report/html/errors-and-other-layers", test_html_errors_and_other_layers);
  g_test_add_func ("/report/html/jobs-and-isolate", test_html_jobs_and_isolate);
  g_test_add_func ("/report/html/memory-bounded", test_html_memory_bounded);
  g_test_add_func ("/report/html/chromium", test_html_in_chromium);
  g_test_add_func ("/report/text/terminal-safe", test_text_terminal_safe);
  g_test_add_func ("/report/progress/not-a-terminal", test_progress_not_a_terminal);
  g_test_add_func ("/report/progress/terminal", test_progress_on_a_terminal);
  int status = g_test_run ();
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", tmpdir);
  if (system (rm) != 0)
    status = 1;
  return status;
}
