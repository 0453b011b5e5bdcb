/* End-to-end tests of the weft command: exact records, exit statuses,
 * error records, ordering under -j, atomic -o, and quiet pipes. */
#include <glib/gstdio.h>
#include <string.h>

#include "cli-test.h"

static void
test_run_jsonl (void)
{
  write_file ("in.jsonl",
              "{\"id\": \"a\", \"text\": \"NATO says NO\\nok\", \"date\": \"2021-07-26\", \"title\": \"T\", \"n\": 1}\n",
              -1);
  Result r = sh ("$WEFT run words.yaml in.jsonl");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "{\"id\":\"a\",\"source\":\"in.jsonl:1\",\"date\":\"2021-07-26\","
                   "\"meta\":{\"title\":\"T\",\"n\":1},\"doc\":{\"words\":{\"count\":4}},"
                   "\"sentences\":[{\"start\":0,\"end\":12},{\"start\":13,\"end\":15}],"
                   "\"shouts\":[{\"start\":0,\"end\":4,\"text\":\"NATO\",\"word\":\"NATO\",\"length\":4,"
                   "\"ratio\":0.26666666666666666,\"all_caps\":true,\"first_start\":0,\"first_end\":4},"
                   "{\"start\":10,\"end\":12,\"text\":\"NO\",\"word\":\"NO\",\"length\":2,"
                   "\"ratio\":0.13333333333333333,\"all_caps\":true,\"first_start\":0,\"first_end\":4}]}\n");
  result_clear (&r);
  /* a repeated key: the last value counts (and the first is not leaked:
   * the cli-valgrind suite runs this too) */
  write_file ("dup.jsonl",
              "{\"id\": \"a\", \"id\": 7, \"text\": \"one\", \"text\": \"TWO\","
              " \"date\": \"2020-01-01\", \"date\": \"2021-02-03\"}\n", -1);
  r = sh ("$WEFT run words.yaml dup.jsonl --layers shouts");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "{\"id\":\"7\",\"source\":\"dup.jsonl:1\","
                                          "\"date\":\"2021-02-03\""));
  g_assert_nonnull (strstr (r.out, "\"text\":\"TWO\""));
  result_clear (&r);
}

static void
test_code_points (void)
{
  /* offsets are code points: “ is one character, three bytes */
  write_file ("cp/a.txt", "“Baku” SAYS", -1);
  Result r = sh ("$WEFT run words.yaml cp/a.txt --layers shouts --date 2020-02-29");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "{\"id\":\"a\",\"source\":\"cp/a.txt\",\"date\":\"2020-02-29\",\"meta\":{},"
                   "\"doc\":{\"words\":{\"count\":2}},\"shouts\":[{\"start\":7,\"end\":11,"
                   "\"text\":\"SAYS\",\"word\":\"SAYS\",\"length\":4,\"ratio\":0.26666666666666666,"
                   "\"all_caps\":true,\"first_start\":0,\"first_end\":6}]}\n");
  result_clear (&r);
}

/* A plugin's field name is its own: one that needs escaping comes out as
 * valid JSON, and one of 600 KB (keys once sat on the stack) is written
 * whole, with -j 2 on a worker thread's stack too. */
static void
test_field_names (void)
{
  write_file ("fn/a.txt", "HELLO world", -1);
  write_file ("odd.yaml", "name: odd\nstages:\n  - plugin: words\n    options:\n"
                          "      field-name: \"say \\\"hi\\\" \\\\ now\"\n", -1);
  Result r = sh ("$WEFT run odd.yaml fn/a.txt --layers shouts");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, ",\"first_start\":0,\"first_end\":5,"
                                   "\"say \\\"hi\\\" \\\\ now\":\"x\"}]}\n"));
  result_clear (&r);

  g_autoptr (GString) yaml = g_string_new (
      "name: long\nstages:\n  - plugin: words\n    options:\n      field-name: ");
  for (guint i = 0; i < 600000; i++)
    g_string_append_c (yaml, 'n');
  g_string_append_c (yaml, '\n');
  write_file ("long.yaml", yaml->str, yaml->len);
  r = sh ("$WEFT run long.yaml fn/a.txt fn/a.txt --layers shouts -j 2");
  g_assert_cmpint (r.status, ==, 0);
  g_autoptr (GString) key = g_string_new (",\"");
  for (guint i = 0; i < 600000; i++)
    g_string_append_c (key, 'n');
  g_string_append (key, "\":\"x\"}]}");
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_suffix (lines[0], key->str));
  g_assert_true (g_str_has_suffix (lines[1], key->str));
  result_clear (&r);
}

static void
test_error_records (void)
{
  write_file ("bad/1.txt", "fine TEXT", -1);
  write_file ("bad/2.txt", "bad \xff byte", -1);
  write_file ("bad/sub/3.txt", "please FAIL", -1);
  write_file ("bad/skip.md", "not read", -1);
  Result r = sh ("$WEFT run fails.yaml bad --layers shouts");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "weft: 2 of 3 documents failed (see their error records)\n");
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\":\"1\",\"source\":\"bad/1.txt\","));
  g_assert_cmpstr (lines[1], ==,
                   "{\"id\":\"2\",\"source\":\"bad/2.txt\",\"error\":{\"stage\":\"input\","
                   "\"message\":\"bad/2.txt: invalid UTF-8 at byte offset 4\"}}");
  g_assert_cmpstr (lines[2], ==,
                   "{\"id\":\"3\",\"source\":\"bad/sub/3.txt\",\"error\":{\"stage\":\"process-fails\","
                   "\"message\":\"refusing a document that says FAIL\"}}");
  result_clear (&r);
}

static void
test_jobs_keep_order (void)
{
  GString *in = g_string_new (NULL);
  for (int i = 0; i < 2000; i++)
    g_string_append_printf (in, "{\"id\": \"d%d\", \"text\": \"%s doc %d %s\"}\n", i,
                            i % 7 ? "AB" : "FAIL", i, i % 3 ? "" : "lorem ipsum dolor sit amet");
  write_file ("many.jsonl", in->str, in->len);
  g_string_free (in, TRUE);
  Result one = sh ("$WEFT run fails.yaml many.jsonl -j 1");
  Result four = sh ("$WEFT run fails.yaml many.jsonl -j 4");
  g_assert_cmpint (one.status, ==, 1);
  g_assert_cmpint (four.status, ==, 1);
  g_assert_cmpstr (one.out, ==, four.out);
  g_assert_cmpstr (four.err, ==, "weft: 286 of 2000 documents failed (see their error records)\n");
  result_clear (&one);
  result_clear (&four);
}

static void
test_output_atomic (void)
{
  write_file ("o/a.txt", "SOME TEXT", -1);
  Result r = sh ("$WEFT run words.yaml o/a.txt -o o/out.jsonl && ls o");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "a.txt\nout.jsonl\n");
  result_clear (&r);
  /* a configuration error leaves no file behind */
  r = sh ("$WEFT run words.yaml o/a.txt --set words.min-length=x -o o/new.jsonl; echo $?; ls o");
  g_assert_cmpstr (r.out, ==, "2\na.txt\nout.jsonl\n");
  g_assert_cmpstr (r.err, ==, "weft: --set words.min-length=x: stage 'words': option 'min-length' must be an integer, not 'x'\n");
  result_clear (&r);
  /* an unwritable output is an error, not silence */
  r = sh ("$WEFT run words.yaml o/a.txt -o /nonexistent/dir/out.jsonl");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "weft: /nonexistent/dir/out.jsonl: No such file or directory\n");
  result_clear (&r);
  /* a new file gets the mode the umask gives, an old one keeps its own */
  r = sh ("umask 022 && $WEFT run words.yaml o/a.txt -o o/mode.jsonl && chmod 640 o/out.jsonl && "
          "$WEFT run words.yaml o/a.txt -o o/out.jsonl && stat -c %a o/mode.jsonl o/out.jsonl");
  g_assert_cmpstr (r.out, ==, "644\n640\n");
  result_clear (&r);
  /* a stricter umask does not change an existing file's mode; a symbolic
   * link stays a link and its target gets the output */
  r = sh ("chmod 664 o/out.jsonl && ln -s out.jsonl o/link.jsonl && "
          "(umask 077 && $WEFT run words.yaml o/a.txt -o o/out.jsonl) && "
          "$WEFT run words.yaml o/a.txt --layers shouts -o o/link.jsonl && "
          "stat -c %a o/out.jsonl && test -L o/link.jsonl && grep -c shouts o/out.jsonl");
  g_assert_cmpstr (r.out, ==, "664\n1\n");
  result_clear (&r);
  /* what is not a regular file is written, never replaced: a FIFO here,
   * /dev/null in the benchmarks */
  r = sh ("mkfifo o/fifo && (cat o/fifo > o/from-fifo &) && "
          "$WEFT run words.yaml o/a.txt -o o/fifo && wait && sleep 0.2 && "
          "test -p o/fifo && grep -c SOME o/from-fifo && ls o | grep -c XXXXXX\\|fifo\\.");
  g_assert_cmpstr (r.out, ==, "1\n0\n");
  result_clear (&r);
  /* -o - is standard output (JSONL in a pipe), never a file named "-" */
  r = sh ("$WEFT run words.yaml o/a.txt -o - | grep -c '^{\"id\":\"a\"' && test ! -e ./-");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  result_clear (&r);
}

static void
test_head_is_quiet (void)
{
  GString *in = g_string_new (NULL);
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (in, "{\"text\": \"LINE %d of a long input that goes on\"}\n", i);
  write_file ("big.jsonl", in->str, in->len);
  g_string_free (in, TRUE);
  /* not under valgrind: a process killed by SIGPIPE leaves its in-flight
   * memory behind, which valgrind reports as lost */
  Result r = sh ("$WEFT_PLAIN run words.yaml big.jsonl -j 2 | head -1 | cut -c1-28");
  g_assert_cmpstr (r.out, ==, "{\"id\":\"big.jsonl:1\",\"source\"\n");
  g_assert_cmpstr (r.err, ==, "");
  result_clear (&r);
}

static void
test_usage_errors (void)
{
  static const struct {
    const char *command;
    int status;
    const char *err;
  } cases[] = {
    { "$WEFT runn", 2, "weft: unknown command 'runn' (did you mean 'run'?); see 'weft --help'\n" },
    { "$WEFT run", 2, "weft: run: which pipeline? (see 'weft list')\n" },
    { "$WEFT run words.yaml nothing.txt", 2, "weft: nothing.txt: no such file or folder\n" },
    { "$WEFT run words.yaml --date 2021-02-30 -", 2, "weft: --date must be a date, YYYY-MM-DD, not '2021-02-30'\n" },
    { "$WEFT run words.yaml --format xml -", 2, "weft: --format must be jsonl, text or html, not 'xml'\n" },
    { "$WEFT run words.yaml --layers shout -", 2,
      "weft: --layers: pipeline 'words' writes no layer 'shout'; did you mean 'shouts'? (it writes: tokens, sentences, shouts)\n" },
    { "$WEFT run nosuch", 2, "weft: no pipeline named 'nosuch' (searched *" },
    { "$WEFT run words.yaml --replace words=init-fails -", 2,
      "weft: stage 'words' (" WEFT_FIXTURE_DIR "/init-fails.so): init failed: lexicon.txt:3: expected a number\n" },
    { "$WEFT run --bogus", 2, "weft run: Unknown option --bogus (see 'weft run --help')\n" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r = sh (cases[i].command);
      g_test_message ("%s", cases[i].command);
      g_assert_cmpint (r.status, ==, cases[i].status);
      gsize n = strlen (cases[i].err);
      if (cases[i].err[n - 1] == '*')
        g_assert_cmpmem (r.err, MIN (strlen (r.err), n - 1), cases[i].err, n - 1);
      else
        g_assert_cmpstr (r.err, ==, cases[i].err);
      g_assert_cmpstr (r.out, ==, "");
      result_clear (&r);
    }
}

static void
test_describe_check_version (void)
{
  Result r = sh ("$WEFT describe words");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "words 1.0 — Fixture: whitespace tokens and a shouts layer\n"));
  g_assert_nonnull (strstr (r.out, "  provides   tokens, sentences, shouts\n"));
  g_assert_nonnull (strstr (r.out, "  min-length             int       default: 2\n      Shortest all-caps word reported.\n"));
  result_clear (&r);
  r = sh ("$WEFT check fails.yaml --set words.min-length=3");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "fails: ok, 2 stages: words → process-fails\n");
  result_clear (&r);
  r = sh ("$WEFT --version");
  g_assert_cmpstr (r.out, ==, "weft 0.2.0 (plugin ABI 1.3)\n");
  result_clear (&r);
  r = sh ("$WEFT run --help");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--set=STAGE.OPTION=VALUE"));
  result_clear (&r);
}

static void
test_text_format (void)
{
  write_file ("t/a.txt", "Hello WORLD\n", -1);
  Result r = sh ("$WEFT run words.yaml t/a.txt --format text");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "== a\n   source: t/a.txt   date: unknown\n   2 tokens, 1 sentences\n"
                   "   words.count = 2\n   shouts (1)\n"
                   "          6  \"WORLD\"  word=\"WORLD\"  length=5  ratio=0.41666666666666669  all_caps=true\n\n");
  result_clear (&r);
}

static void
test_symlink_loop_and_bom (void)
{
  write_file ("loop/sub/a.txt", "\xEF\xBB\xBF" "BOM TEXT\r\n", -1);
  Result r = sh ("ln -s .. loop/sub/up && $WEFT run words.yaml loop --layers shouts");
  g_assert_cmpint (r.status, ==, 0);
  /* listed once despite the loop; offsets start after the BOM */
  g_assert_cmpstr (r.out, ==,
                   "{\"id\":\"a\",\"source\":\"loop/sub/a.txt\",\"date\":null,\"meta\":{},"
                   "\"doc\":{\"words\":{\"count\":2}},\"shouts\":[{\"start\":0,\"end\":3,"
                   "\"text\":\"BOM\",\"word\":\"BOM\",\"length\":3,\"ratio\":0.3,"
                   "\"all_caps\":true,\"first_start\":0,\"first_end\":3},{\"start\":4,\"end\":8,"
                   "\"text\":\"TEXT\",\"word\":\"TEXT\",\"length\":4,\"ratio\":0.4,"
                   "\"all_caps\":true,\"first_start\":0,\"first_end\":3}]}\n");
  result_clear (&r);
}

static void
test_stop_after_errors (void)
{
  /* many.jsonl from /cli/run/jobs-keep-order: every 7th document fails */
  static const char *const commands[] = {
    "$WEFT run fails.yaml many.jsonl --max-errors 3 | wc -l",
    "$WEFT run fails.yaml many.jsonl --max-errors 3 -j 4 | wc -l",
  };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      Result r = sh (commands[i]);
      g_assert_cmpstr (r.out, ==, "15\n");
      g_assert_cmpstr (r.err, ==, "weft: stopped after 3 failed documents; the "
                                  "documents after the last record were not run\n");
      result_clear (&r);
    }
  Result r = sh ("$WEFT run fails.yaml many.jsonl --fail-fast; echo $?");
  g_assert_true (g_str_has_suffix (r.out, "\"message\":\"refusing a document that says FAIL\"}}\n1\n"));
  g_assert_cmpuint (strlen (r.out), ==, strlen (strchr (r.out, '\n')) + strcspn (r.out, "\n"));
  result_clear (&r);
}

static void
test_invalid_utf8_replace (void)
{
  /* two invalid bytes and a NUL: three U+FFFD, offsets in code points */
  write_file ("u/a.txt", "bad \xff\xfe NO\0 OK", 13);
  Result r = sh ("$WEFT run words.yaml u/a.txt --invalid-utf8=replace --layers sentences,shouts");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "{\"id\":\"a\",\"source\":\"u/a.txt\",\"date\":null,\"meta\":{},"
                   "\"doc\":{\"words\":{\"count\":4}},\"sentences\":[{\"start\":0,\"end\":13}],"
                   "\"shouts\":[{\"start\":11,\"end\":13,\"text\":\"OK\",\"word\":\"OK\","
                   "\"length\":2,\"ratio\":0.10526315789473684,\"all_caps\":true,\"first_start\":0,\"first_end\":3}]}\n");
  result_clear (&r);
}

static void
test_isolate (void)
{
  write_file ("crash.yaml", "name: crash\nstages:\n  - plugin: words\n  - plugin: crashes\n", -1);
  write_file ("iso.jsonl",
              "{\"id\": \"1\", \"text\": \"fine\"}\n{\"id\": \"2\", \"text\": \"CRASH now\"}\n"
              "{\"id\": \"3\", \"text\": \"HANG now\"}\n{\"id\": \"4\", \"text\": \"fine too\"}\n"
              "{\"id\": \"5\", \"text\": \"FAIL\"}\n", -1);
  static const char *const commands[] = {
    /* under ASan, let the crash be a real SIGSEGV as in a normal build */
    "ASAN_OPTIONS=${ASAN_OPTIONS:-}:handle_segv=0 $WEFT run crash.yaml iso.jsonl --isolate --timeout 1 --layers sentences",
    "ASAN_OPTIONS=${ASAN_OPTIONS:-}:handle_segv=0 $WEFT run crash.yaml iso.jsonl --isolate --timeout 1 -j 3 --layers sentences",
  };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      Result r = sh (commands[i]);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.out, ==,
                       "{\"id\":\"1\",\"source\":\"iso.jsonl:1\",\"date\":null,\"meta\":{},\"doc\":{\"words\":{\"count\":1}},\"sentences\":[{\"start\":0,\"end\":4}]}\n"
                       "{\"id\":\"2\",\"source\":\"iso.jsonl:2\",\"error\":{\"stage\":\"isolate\",\"message\":\"the pipeline crashed on this document (signal 11, Segmentation fault)\"}}\n"
                       "{\"id\":\"3\",\"source\":\"iso.jsonl:3\",\"error\":{\"stage\":\"isolate\",\"message\":\"timed out after 1 s (--timeout); the worker was killed\"}}\n"
                       "{\"id\":\"4\",\"source\":\"iso.jsonl:4\",\"date\":null,\"meta\":{},\"doc\":{\"words\":{\"count\":2}},\"sentences\":[{\"start\":0,\"end\":8}]}\n"
                       "{\"id\":\"5\",\"source\":\"iso.jsonl:5\",\"error\":{\"stage\":\"crashes\",\"message\":\"refusing a document that says FAIL\"}}\n");
      g_assert_cmpstr (r.err, ==, "weft: 3 of 5 documents failed (see their error records)\n");
      result_clear (&r);
    }
}

static void
test_full_disk (void)
{
  write_file ("full/a.txt", "SOME TEXT", -1);
  Result r = sh ("$WEFT run words.yaml full/a.txt > /dev/full");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "weft: writing standard output: No space left on device\n");
  result_clear (&r);
  /* past the first batch of records, which goes out with write(2) */
  GString *in = g_string_new (NULL);
  for (int i = 0; i < 5000; i++)
    g_string_append_printf (in, "{\"id\": \"f%d\", \"text\": \"FULL DISK %d\"}\n", i, i);
  write_file ("full/many.jsonl", in->str, in->len);
  g_string_free (in, TRUE);
  r = sh ("$WEFT run words.yaml full/many.jsonl | wc -c && $WEFT run words.yaml full/many.jsonl > /dev/full");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "2034783\n");
  g_assert_cmpstr (r.err, ==, "weft: writing standard output: No space left on device\n");
  result_clear (&r);
}

static void
test_writable_plugin_refused (void)
{
  Result r = sh ("mkdir -p ww && cp " WEFT_FIXTURE_DIR "/words.so ww/ && chmod o+w ww/words.so "
                 "&& $WEFT run words.yaml --plugin-path ww -");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "/ww/words.so: refusing to load a plugin from a file writable by others"));
  result_clear (&r);
}

static void
test_hostile_small (void)
{
  /* an empty file, CRLF line ends, a dangling symlink among good files */
  write_file ("h/empty.txt", "", 0);
  write_file ("h/crlf.jsonl", "{\"id\": \"c1\", \"text\": \"A\"}\r\n\r\n{\"id\": \"c2\", \"text\": \"B\"}\r\n", -1);
  Result r = sh ("ln -sf /nonexistent/target h/dangling.txt && "
                 "$WEFT run words.yaml h --layers sentences; echo \"exit $?\"; "
                 "$WEFT run words.yaml h/crlf.jsonl --layers sentences");
  g_assert_cmpstr (r.out, ==,
                   "{\"id\":\"dangling\",\"source\":\"h/dangling.txt\",\"error\":{\"stage\":\"input\","
                   "\"message\":\"Failed to open file “h/dangling.txt”: No such file or directory\"}}\n"
                   "{\"id\":\"empty\",\"source\":\"h/empty.txt\",\"date\":null,\"meta\":{},"
                   "\"doc\":{\"words\":{\"count\":0}},\"sentences\":[]}\n"
                   "exit 1\n"
                   "{\"id\":\"c1\",\"source\":\"h/crlf.jsonl:1\",\"date\":null,\"meta\":{},"
                   "\"doc\":{\"words\":{\"count\":1}},\"sentences\":[{\"start\":0,\"end\":1}]}\n"
                   "{\"id\":\"c2\",\"source\":\"h/crlf.jsonl:3\",\"date\":null,\"meta\":{},"
                   "\"doc\":{\"words\":{\"count\":1}},\"sentences\":[{\"start\":0,\"end\":1}]}\n");
  result_clear (&r);

  /* JSONL lines without text or with a bad date */
  write_file ("h2.jsonl", "{\"id\": \"a\", \"title\": \"no text\"}\n{\"id\": \"b\", \"text\": \"x\", \"date\": \"yesterday\"}\n"
              "{\"id\": \"c\", \"text\": \"x\", \"date\": \"2019-10-07T10:00:00Z\"}\n"
              /* short: once written past its end to cut a time off */
              "{\"id\": \"d\", \"text\": \"x\", \"date\": \"2019-1-5\"}\n"
              "{\"id\": \"e\", \"text\": \"x\", \"date\": \"2019-02-29\"}\n", -1);
  r = sh ("$WEFT run words.yaml h2.jsonl --layers sentences");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==,
                   "{\"id\":\"a\",\"source\":\"h2.jsonl:1\",\"error\":{\"stage\":\"input\",\"message\":\"h2.jsonl:1: no 'text' field\"}}\n"
                   "{\"id\":\"b\",\"source\":\"h2.jsonl:2\",\"error\":{\"stage\":\"input\",\"message\":\"h2.jsonl:2: 'date' must be a date, YYYY-MM-DD\"}}\n"
                   "{\"id\":\"c\",\"source\":\"h2.jsonl:3\",\"date\":\"2019-10-07\",\"meta\":{},\"doc\":{\"words\":{\"count\":1}},\"sentences\":[{\"start\":0,\"end\":1}]}\n"
                   "{\"id\":\"d\",\"source\":\"h2.jsonl:4\",\"error\":{\"stage\":\"input\",\"message\":\"h2.jsonl:4: 'date' must be a date, YYYY-MM-DD\"}}\n"
                   "{\"id\":\"e\",\"source\":\"h2.jsonl:5\",\"error\":{\"stage\":\"input\",\"message\":\"h2.jsonl:5: 'date' must be a date, YYYY-MM-DD\"}}\n");
  result_clear (&r);

  /* a deeply nested YAML file is an error, not a crash */
  GString *deep = g_string_new ("stages: ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  write_file ("deep.yaml", deep->str, deep->len);
  g_string_free (deep, TRUE);
  r = sh ("$WEFT check deep.yaml");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (g_str_has_suffix (r.err, "deep.yaml:1:73: brackets nest more than 64 deep; refusing the pipeline\n"));
  result_clear (&r);
}

/* Large inputs: run with -m slow (the cli-slow test). */
static void
test_hostile_large (void)
{
  if (!g_test_slow ())
    {
      g_test_skip ("large inputs run in the cli-slow test");
      return;
    }
  /* one 204 MB document: 6 million lines, a sentence each */
  Result r = sh ("python3 -c \"import sys; w=sys.stdout.write\n"
                 "for i in range(6_000_000): w('WORD %07d and some more words.\\n' % i)\" > huge.txt && "
                 "ls -l huge.txt | cut -d' ' -f5 && $WEFT run words.yaml huge.txt --layers sentences | "
                 "python3 -c \"import json, sys; d = json.load(sys.stdin); s = d['sentences']; "
                 "print(len(s), s[-1]['start'], s[-1]['end'], d['doc']['words']['count'])\"");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "204000000\n6000000 203999966 203999999 36000000\n");
  result_clear (&r);
  /* memory bounded by the document: at most 64 MB + 4x its size through
   * the tokenizer (tokens, sentences and their JSONL) */
  r = sh ("python3 -c \"import resource, subprocess, sys\n"
          "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
          "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 <= 64e6 + 4 * 204e6)\" "
          "$WEFT_PLAIN run tokens huge.txt --layers tokens,sentences");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "True\n");
  result_clear (&r);
  /* a million one-line JSONL documents, every one accounted for */
  r = sh ("python3 -c \"import sys; w=sys.stdout.write\n"
          "for i in range(1_000_000): w('{\\\"id\\\": %d, \\\"text\\\": \\\"LINE %d\\\"}\\n' % (i, i))\" > million.jsonl && "
          "$WEFT run words.yaml million.jsonl -j 2 --layers shouts | grep -c '\"shouts\":\\[{\"start\":0,\"end\":4'");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1000000\n");
  result_clear (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("weft-cli-XXXXXX", NULL);
  /* WEFT_VALGRIND=1 runs every weft command under valgrind: any leak or
   * memory error makes it exit 99, which fails the test that ran it. */
  g_autofree char *weft = g_strdup_printf (
      "%s%s", g_getenv ("WEFT_VALGRIND") ? "valgrind -q --leak-check=full --show-leak-kinds=definite "
                                           "--errors-for-leak-kinds=definite "
                                           "--error-exitcode=99 " : "",
      WEFT_EXE);
  g_setenv ("WEFT", weft, TRUE);
  g_setenv ("WEFT_PLAIN", WEFT_EXE, TRUE);
  write_file ("words.yaml", "name: words\nstages:\n  - plugin: words\n", -1);
  write_file ("fails.yaml", "name: fails\nstages:\n  - plugin: words\n  - plugin: process-fails\n", -1);
  g_test_add_func ("/cli/run/jsonl", test_run_jsonl);
  g_test_add_func ("/cli/run/code-points", test_code_points);
  g_test_add_func ("/cli/run/field-names", test_field_names);
  g_test_add_func ("/cli/run/error-records", test_error_records);
  g_test_add_func ("/cli/run/jobs-keep-order", test_jobs_keep_order);
  g_test_add_func ("/cli/run/output-atomic", test_output_atomic);
  g_test_add_func ("/cli/run/head-is-quiet", test_head_is_quiet);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/describe-check-version", test_describe_check_version);
  g_test_add_func ("/cli/run/text-format", test_text_format);
  g_test_add_func ("/cli/run/symlink-loop-and-bom", test_symlink_loop_and_bom);
  g_test_add_func ("/cli/run/stop-after-errors", test_stop_after_errors);
  g_test_add_func ("/cli/run/invalid-utf8-replace", test_invalid_utf8_replace);
  g_test_add_func ("/cli/plugin/writable-refused", test_writable_plugin_refused);
  g_test_add_func ("/cli/run/full-disk", test_full_disk);
  g_test_add_func ("/cli/run/isolate", test_isolate);
  g_test_add_func ("/cli/hostile/small", test_hostile_small);
  g_test_add_func ("/cli/hostile/large", test_hostile_large);
  int status = g_test_run ();
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", tmpdir);
  if (system (rm) != 0)
    status = 1;
  return status;
}
