/* Unit tests for src/core/script.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "script.h"
#include "support.h"

static Script *parse(const char *text, Diag *d)
{
    Script *s = script_parse("t.script", text, strlen(text), d);
    assert_non_null(s);
    return s;
}

static void assert_diag(const Diag *d, int i, int line, const char *msg)
{
    const DiagItem *it = diag_item(d, i);
    assert_non_null(it);
    assert_int_equal(it->level, DIAG_ERROR);
    assert_string_equal(it->path, "t.script");
    assert_int_equal(it->line, line);
    assert_string_equal(it->message, msg);
}

static void test_every_command(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Script *s = parse("# a comment\n"                  /* 1 */
                      "\n"                             /* 2 */
                      "click 10 20\n"                  /* 3 */
                      "click-image front 212.5 431\n"  /* 4 */
                      "click-text Start practice\n"    /* 5 */
                      "drag 1 2 3.25 -4\n"             /* 6 */
                      "key Return\n"                   /* 7 */
                      "type hello world\n"             /* 8 */
                      "wait 1500\n"                    /* 9 */
                      "scroll -3\n"                    /* 10 */
                      "resize 1280 800\n"              /* 11 */
                      "screenshot study_iliopsoas-1\n" /* 12 */
                      "expect Iliopsoas\n"             /* 13 */
                      "expect-not Error\n"             /* 14 */
                      "quit\n"                         /* 15 */
                      "expect-chart-still back\n",     /* 16 */
                      d);
    assert_int_equal(diag_count(d), 0);
    assert_string_equal(s->path, "t.script");
    assert_int_equal(s->n, 14);
    const ScriptCmd *c = s->cmds;
    assert_int_equal(c[0].op, SCRIPT_CLICK);
    assert_int_equal(c[0].line, 3);
    assert_near(c[0].num[0], 10, 0);
    assert_near(c[0].num[1], 20, 0);
    assert_null(c[0].text);
    assert_int_equal(c[1].op, SCRIPT_CLICK_IMAGE);
    assert_string_equal(c[1].text, "front");
    assert_near(c[1].num[0], 212.5, 1e-12);
    assert_near(c[1].num[1], 431, 0);
    assert_int_equal(c[2].op, SCRIPT_CLICK_TEXT);
    assert_string_equal(c[2].text, "Start practice");
    assert_int_equal(c[3].op, SCRIPT_DRAG);
    assert_near(c[3].num[0], 1, 0);
    assert_near(c[3].num[1], 2, 0);
    assert_near(c[3].num[2], 3.25, 1e-12);
    assert_near(c[3].num[3], -4, 0);
    assert_int_equal(c[4].op, SCRIPT_KEY);
    assert_string_equal(c[4].text, "Return");
    assert_int_equal(c[5].op, SCRIPT_TYPE);
    assert_string_equal(c[5].text, "hello world");
    assert_int_equal(c[6].op, SCRIPT_WAIT);
    assert_near(c[6].num[0], 1500, 0);
    assert_int_equal(c[7].op, SCRIPT_SCROLL);
    assert_near(c[7].num[0], -3, 0);
    assert_int_equal(c[8].op, SCRIPT_RESIZE);
    assert_near(c[8].num[0], 1280, 0);
    assert_near(c[8].num[1], 800, 0);
    assert_int_equal(c[9].op, SCRIPT_SCREENSHOT);
    assert_string_equal(c[9].text, "study_iliopsoas-1");
    assert_int_equal(c[10].op, SCRIPT_EXPECT);
    assert_string_equal(c[10].text, "Iliopsoas");
    assert_int_equal(c[11].op, SCRIPT_EXPECT_NOT);
    assert_string_equal(c[11].text, "Error");
    assert_int_equal(c[12].op, SCRIPT_QUIT);
    assert_int_equal(c[12].line, 15);
    assert_null(c[12].text);
    assert_int_equal(c[13].op, SCRIPT_EXPECT_CHART_STILL);
    assert_string_equal(c[13].text, "back");
    script_free(s);
    diag_free(d);
}

/* The chart commands: a right-button drag and a pointer move. */
static void test_chart_commands(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Script *s = parse("move 400 300\n"
                      "drag-right 10 20 30.5 -40\n"
                      "move 1\n"
                      "drag-right 1 2 3\n",
                      d);
    assert_int_equal(s->n, 2);
    assert_int_equal(s->cmds[0].op, SCRIPT_MOVE);
    assert_near(s->cmds[0].num[0], 400, 0);
    assert_near(s->cmds[0].num[1], 300, 0);
    assert_int_equal(s->cmds[1].op, SCRIPT_DRAG_RIGHT);
    assert_near(s->cmds[1].num[2], 30.5, 1e-12);
    assert_near(s->cmds[1].num[3], -40, 0);
    assert_int_equal(diag_count(d), 2);
    assert_int_equal(diag_item(d, 0)->line, 3);
    assert_int_equal(diag_item(d, 1)->line, 4);
    script_free(s);
    diag_free(d);
}

static void test_text_runs_to_end_of_line(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Script *s = parse("expect Iliopsoas \xE2\x80\x94 study\n"
                      "  expect   Trigger point: Iliacus (patient's right side)  \t\n"
                      "type Müller # not a comment\r\n"
                      "key Left Shift\n"
                      "click-text Übung 2\n",
                      d);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(s->n, 5);
    assert_string_equal(s->cmds[0].text, "Iliopsoas \xE2\x80\x94 study");
    assert_string_equal(s->cmds[1].text, "Trigger point: Iliacus (patient's right side)");
    assert_string_equal(s->cmds[2].text, "Müller # not a comment");
    assert_string_equal(s->cmds[3].text, "Left Shift");
    assert_string_equal(s->cmds[4].text, "Übung 2");
    script_free(s);
    diag_free(d);
}

static void test_bad_lines_reported_and_skipped(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Script *s = parse("click 1 2\n"            /* 1 ok */
                      "clik 1 2\n"             /* 2 */
                      "click 1\n"              /* 3 */
                      "click 1 2 3\n"          /* 4 */
                      "click x 2\n"            /* 5 */
                      "wait 1.5.0\n"           /* 6 */
                      "expect\n"               /* 7 */
                      "expect    \n"           /* 8 */
                      "click-image front 1\n"  /* 9 */
                      "drag 1 2 3 4e5\n"       /* 10 */
                      "wait -5\n"              /* 11 */
                      "resize 0 600\n"         /* 12 */
                      "screenshot ../escape\n" /* 13 */
                      "screenshot two words\n" /* 14 */
                      "quit now\n"             /* 15 */
                      "type \xC3\x28\n"        /* 16 bad UTF-8 */
                      "wait 1e999\n"           /* 17 */
                      "Click 1 2\n"            /* 18 */
                      "wait -\n"               /* 19 */
                      "scroll 99999999999\n"   /* 20 */
                      "key Escape\n",          /* 21 ok */
                      d);
    assert_int_equal(s->n, 2);
    assert_int_equal(s->cmds[0].line, 1);
    assert_int_equal(s->cmds[1].line, 21);
    assert_int_equal(s->cmds[1].op, SCRIPT_KEY);
    assert_int_equal(diag_count(d), 19);
    assert_int_equal(diag_error_count(d), 19);
    int i = 0;
    assert_diag(d, i++, 2, "unknown command 'clik'");
    assert_diag(d, i++, 3, "too few arguments (usage: click X Y)");
    assert_diag(d, i++, 4, "too many arguments (usage: click X Y)");
    assert_diag(d, i++, 5, "'x' is not a number (usage: click X Y)");
    assert_diag(d, i++, 6, "'1.5.0' is not a number (usage: wait MS)");
    assert_diag(d, i++, 7, "missing text (usage: expect TEXT)");
    assert_diag(d, i++, 8, "missing text (usage: expect TEXT)");
    assert_diag(d, i++, 9, "too few arguments (usage: click-image VIEW X Y)");
    assert_diag(d, i++, 10, "'4e5' is not a number (usage: drag X1 Y1 X2 Y2)");
    assert_diag(d, i++, 11, "wait time must not be negative");
    assert_diag(d, i++, 12, "window size must be positive");
    assert_diag(d, i++, 13,
                "bad screenshot name '../escape' (letters, digits, '.', '_', '-'; not starting "
                "with '.')");
    assert_diag(d, i++, 14, "too many arguments (usage: screenshot NAME)");
    assert_diag(d, i++, 15, "too many arguments (usage: quit)");
    assert_diag(d, i++, 16, "text is not valid UTF-8");
    assert_diag(d, i++, 17, "'1e999' is not a number (usage: wait MS)");
    assert_diag(d, i++, 18, "unknown command 'Click'");
    assert_diag(d, i++, 19, "'-' is not a number (usage: wait MS)");
    assert_diag(d, i++, 20, "number '99999999999' is too large (at most 1000000000)");
    script_free(s);
    diag_free(d);
}

static void test_line_numbers_with_crlf_bom_and_no_final_newline(void **state)
{
    (void)state;
    Diag *d = diag_create();
    Script *s = parse("\xEF\xBB\xBFwait 10\r\n\r\n   # indented comment\r\nbogus\r\nquit", d);
    assert_int_equal(s->n, 2);
    assert_int_equal(s->cmds[0].op, SCRIPT_WAIT);
    assert_int_equal(s->cmds[0].line, 1);
    assert_int_equal(s->cmds[1].op, SCRIPT_QUIT);
    assert_int_equal(s->cmds[1].line, 5);
    assert_int_equal(diag_count(d), 1);
    assert_diag(d, 0, 4, "unknown command 'bogus'");
    script_free(s);
    diag_free(d);
}

static void test_nul_byte_and_empty_input(void **state)
{
    (void)state;
    Diag *d = diag_create();
    static const char text[] = "wait 1\nexpect a\0b\nquit\n";
    Script *s = script_parse("t.script", text, sizeof text - 1, d);
    assert_int_equal(s->n, 2);
    assert_int_equal(diag_count(d), 1);
    assert_diag(d, 0, 2, "line contains a NUL byte");
    script_free(s);

    s = script_parse("t.script", "", 0, d);
    assert_non_null(s);
    assert_int_equal(s->n, 0);
    assert_int_equal(diag_count(d), 1);
    script_free(s);
    script_free(NULL);
    diag_free(d);
}

static void test_load_file_and_unreadable(void **state)
{
    (void)state;
    char path[] = "/tmp/tpquiz-test-script-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "click 5 6\nnope\nexpect Done\n";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);

    Diag *d = diag_create();
    Script *s = script_load(path, d);
    assert_non_null(s);
    assert_string_equal(s->path, path);
    assert_int_equal(s->n, 2);
    assert_string_equal(s->cmds[1].text, "Done");
    assert_int_equal(diag_count(d), 1);
    const DiagItem *it = diag_item(d, 0);
    assert_string_equal(it->path, path);
    assert_int_equal(it->line, 2);
    assert_string_equal(it->message, "unknown command 'nope'");
    script_free(s);
    unlink(path);
    diag_free(d);

    /* A missing file and a folder: NULL, and the reason, about the file. */
    d = diag_create();
    assert_null(script_load(path, d));
    assert_null(script_load("/tmp", d));
    assert_int_equal(diag_error_count(d), 2);
    assert_string_equal(diag_item(d, 0)->path, path);
    assert_int_equal(diag_item(d, 0)->line, 0);
    assert_non_null(strstr(diag_item(d, 0)->message, "cannot read"));
    assert_string_equal(diag_item(d, 1)->path, "/tmp");
    assert_non_null(strstr(diag_item(d, 1)->message, "cannot read"));
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_command),
        cmocka_unit_test(test_chart_commands),
        cmocka_unit_test(test_text_runs_to_end_of_line),
        cmocka_unit_test(test_bad_lines_reported_and_skipped),
        cmocka_unit_test(test_line_numbers_with_crlf_bom_and_no_final_newline),
        cmocka_unit_test(test_nul_byte_and_empty_input),
        cmocka_unit_test(test_load_file_and_unreadable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
