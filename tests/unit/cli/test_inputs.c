/* test_inputs.c - unit tests of input gathering (summarize/cli/inputs.c): folders walked
 * recursively in name order (hidden names and other extensions left out), name lists with line
 * ends or NULs, bad inputs skipped and counted (or fatal with strict), the Windows-1256 hint and
 * conversion, JSON Lines articles. Warnings go to standard error and are not checked here (the
 * end-to-end cases do). */
#include "test_util.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/cli/inputs.h"
#include "tests/digest.h"

typedef struct {
    char names[16][256];
    char first[16][64];
    ars_article_info info[16];
    size_t n;
    size_t offers; /* calls, taken or not */
} taken;

/* A sink as the library's are: it checks the bytes (the reader leaves that to the sink). */
static ars_status take(void *ctx, const inputs_article *a, ars_error *err) {
    taken *t = ctx;
    t->offers++;
    ars_status st = ars_text_check(a->name, a->bytes, a->len, NULL, err);
    if (st != ARS_OK) return st;
    assert_true(t->n < 16);
    snprintf(t->names[t->n], sizeof t->names[0], "%s", a->name);
    snprintf(t->first[t->n], sizeof t->first[0], "%.*s", (int)(a->len < 60 ? a->len : 60),
             a->bytes);
    t->info[t->n] = a->info;
    t->info[t->n].id = t->info[t->n].title = t->info[t->n].source = NULL; /* borrowed */
    t->n++;
    return ARS_OK;
}

static char dir[256];

static void put(const char *rel, const char *bytes, size_t len) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    test_util_write_file(path, bytes, len);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "%s/ars-inputs-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) return -1;
    char sub[300];
    snprintf(sub, sizeof sub, "%s/b", dir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/.hidden", dir);
    mkdir(sub, 0700);
    put("a.txt", "نص أ.", strlen("نص أ."));
    put("b/c.txt", "نص ج.", strlen("نص ج."));
    put("b/d.md", "ليس نصا.", strlen("ليس نصا."));
    put(".hidden/e.txt", "مخفي.", strlen("مخفي."));
    static const char cp1256[] = "\xde\xc7\xe1 \xc7\xe1\xd1\xc6\xed\xd3 \xc5\xe4 \xc7\xe1\xcd\xdf"
                                 "\xe6\xe3\xc9";
    put("c.txt", cp1256, sizeof cp1256 - 1);
    put("empty.txt", "\n \n", 3);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void test_folder_walk_skips_bad_inputs_and_counts_them(void **state) {
    (void)state;
    inputs_config cfg = {INPUTS_TEXT, NULL, 0, NULL, 0, 1, 0, NULL, 0};
    taken t = {{{0}}, {{0}}, {{0}}, 0, 0};
    inputs_report rep;
    ars_error err = {ARS_OK, ""};
    char *paths[] = {dir};
    assert_int_equal(inputs_read(&cfg, paths, 1, take, &t, &rep, &err), ARS_OK);
    /* a.txt, b/c.txt (folder b sorts after a.txt), then c.txt (Windows-1256) and empty.txt are
     * skipped; b/d.md and .hidden are not inputs */
    assert_int_equal(t.n, 2);
    assert_non_null(strstr(t.names[0], "/a.txt"));
    assert_non_null(strstr(t.names[1], "/b/c.txt"));
    assert_int_equal(rep.n_articles, 2);
    assert_int_equal(rep.n_skipped, 2);
}

static void test_strict_stops_at_the_first_bad_input_with_the_hint(void **state) {
    (void)state;
    inputs_config cfg = {INPUTS_TEXT, NULL, 0, NULL, 1, 1, 0, NULL, 0};
    taken t = {{{0}}, {{0}}, {{0}}, 0, 0};
    inputs_report rep;
    ars_error err = {ARS_OK, ""};
    char path[300];
    snprintf(path, sizeof path, "%s/c.txt", dir);
    char *paths[] = {path};
    assert_int_equal(inputs_read(&cfg, paths, 1, take, &t, &rep, &err), ARS_EUTF8);
    assert_non_null(strstr(err.message, "c.txt: byte 0: invalid UTF-8 (it looks like "
                                        "Windows-1256 text: --encoding cp1256"));
}

static void test_encodings_convert_legacy_files(void **state) {
    (void)state;
    const char *modes[] = {"auto", "cp1256"};
    for (size_t m = 0; m < 2; m++) {
        inputs_config cfg = {INPUTS_TEXT, NULL, 0, modes[m], 1, 1, 0, NULL, 0};
        taken t = {{{0}}, {{0}}, {{0}}, 0, 0};
        inputs_report rep;
        ars_error err = {ARS_OK, ""};
        char path[300], utf8[300];
        snprintf(path, sizeof path, "%s/c.txt", dir);
        snprintf(utf8, sizeof utf8, "%s/a.txt", dir);
        char *paths[] = {path, utf8};
        assert_int_equal(inputs_read(&cfg, paths, 2, take, &t, &rep, &err), ARS_OK);
        assert_int_equal(t.n, 2);
        assert_string_equal(t.first[0], "قال الرئيس إن الحكومة");
        assert_string_equal(t.first[1], "نص أ."); /* UTF-8 stays as it is */
        /* The legacy file is offered as it is, refused, then offered converted; the UTF-8 one
         * once. */
        assert_int_equal(t.offers, 3);
    }
}

static void test_files_from_with_nul_and_lines(void **state) {
    (void)state;
    char list[300], a[300], c[300];
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(c, sizeof c, "%s/b/c.txt", dir);
    snprintf(list, sizeof list, "%s/list0", dir);
    FILE *f = fopen(list, "wb");
    assert_non_null(f);
    fprintf(f, "%s%c%s%c", c, 0, a, 0);
    fclose(f);
    inputs_config cfg = {INPUTS_TEXT, list, 1, NULL, 1, 1, 0, NULL, 0};
    taken t = {{{0}}, {{0}}, {{0}}, 0, 0};
    inputs_report rep;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(inputs_read(&cfg, NULL, 0, take, &t, &rep, &err), ARS_OK);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.names[0], c); /* list order */
    /* the same list read by lines: one name holding a NUL byte is refused */
    cfg.nul = 0;
    t.n = 0;
    assert_int_equal(inputs_read(&cfg, NULL, 0, take, &t, &rep, &err), ARS_EIO);
    assert_non_null(strstr(err.message, "use -0"));
    cfg.files_from = "/no/such/list";
    assert_int_equal(inputs_read(&cfg, NULL, 0, take, &t, &rep, &err), ARS_EIO);
    assert_non_null(strstr(err.message, "/no/such/list"));
}

static void test_jsonl_articles(void **state) {
    (void)state;
    const char *jsonl = "{\"id\": \"x1\", \"source\": \"BBC\", \"time\": \"2018-04-10\", "
                        "\"title\": \"ع\", \"text\": \"نص أول.\"}\n"
                        "\n"
                        "broken\n"
                        "{\"text\": \"نص ثان.\"}\r\n"
                        "{\"text\": \"  \"}\n";
    put("in.jsonl", jsonl, strlen(jsonl));
    char path[300];
    snprintf(path, sizeof path, "%s/in.jsonl", dir);
    inputs_config cfg = {INPUTS_JSONL, NULL, 0, NULL, 0, 1, 0, NULL, 0};
    taken t = {{{0}}, {{0}}, {{0}}, 0, 0};
    inputs_report rep;
    ars_error err = {ARS_OK, ""};
    char *paths[] = {path};
    assert_int_equal(inputs_read(&cfg, paths, 1, take, &t, &rep, &err), ARS_OK);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.names[0], "x1");
    assert_int_equal(t.info[0].time, 1523318400);
    assert_non_null(strstr(t.names[1], "in.jsonl:4"));
    assert_int_equal(t.info[1].time, ARS_TIME_UNKNOWN);
    assert_int_equal(rep.n_skipped, 2); /* "broken" and the blank text */
    /* a folder gives its *.jsonl files in JSONL mode */
    char *folder[] = {dir};
    t.n = 0;
    assert_int_equal(inputs_read(&cfg, folder, 1, take, &t, &rep, &err), ARS_OK);
    assert_int_equal(t.n, 2);
}

static ars_status take_digest(void *ctx, const inputs_article *a, ars_error *err) {
    test_digest *d = ctx;
    ars_status st = ars_text_check(a->name, a->bytes, a->len, NULL, err);
    if (st != ARS_OK) return st;
    test_digest_add(d, a->name, strlen(a->name));
    test_digest_add(d, a->bytes, a->len);
    test_digest_add(d, &a->info.time, sizeof a->info.time);
    test_digest_add(d, a->info.source ? a->info.source : "",
                    a->info.source ? strlen(a->info.source) : 0);
    d->n++;
    return ARS_OK;
}

/* JSON Lines are parsed in batches on several threads and handed on in line order: over a file of
 * several batches (more lines than a batch holds, and more bytes), with good lines, broken ones,
 * blank ones, empty texts, lines over the limit and a text that is not UTF-8 between them, the
 * sink gets the same articles in the same order, and the same lines are skipped, for 1, 2 and 5
 * threads and for the automatic count; with --strict all stop at the same line. */
static void test_jsonl_batches_give_the_same_articles_for_any_thread_count(void **state) {
    (void)state;
    size_t n_lines = 5000, cap = n_lines * 200 + 4 * 300000, len = 0;
    char *jsonl = malloc(cap);
    assert_non_null(jsonl);
    for (size_t k = 0; k < n_lines; k++) {
        int w;
        if (k % 97 == 5)
            w = snprintf(jsonl + len, cap - len, "{\"text\": broken\n");
        else if (k % 89 == 7)
            w = snprintf(jsonl + len, cap - len, "   \n");
        else if (k % 83 == 11)
            w = snprintf(jsonl + len, cap - len, "{\"text\": \" \"}\n");
        else if (k % 79 == 13)
            w = snprintf(jsonl + len, cap - len, "{\"text\": \"%0600d\"}\n", 1); /* too long */
        else if (k % 71 == 17)
            w = snprintf(jsonl + len, cap - len, "{\"text\": \"\\u0000\"}\n");
        else if (k >= 4000 && k < 4004) /* 4 x 300,000 bytes: over 1 MiB, threads when automatic */
            w = snprintf(jsonl + len, cap - len, "{\"text\": \"%0299900d\", \"id\": %zu}\n", 2, k);
        else
            w = snprintf(jsonl + len, cap - len,
                         "{\"id\": \"a%zu\", \"source\": \"S%zu\", \"time\": %zu, \"text\": "
                         "\"نص رقم %zu.\"}\n",
                         k, k % 7, 1523318400 + k, k);
        assert_true(w > 0 && (size_t)w < cap - len);
        len += (size_t)w;
    }
    put("many.jsonl", jsonl, len);
    free(jsonl);
    char path[300];
    snprintf(path, sizeof path, "%s/many.jsonl", dir);
    char *paths[] = {path};
    const size_t threads[] = {1, 2, 5, 0};
    test_digest first = TEST_DIGEST_INIT;
    size_t first_skipped = 0;
    for (size_t m = 0; m < sizeof threads / sizeof threads[0]; m++) {
        inputs_config cfg = {INPUTS_JSONL, NULL, 0, NULL, 0, 1, 400000, NULL, threads[m]};
        test_digest d = TEST_DIGEST_INIT;
        inputs_report rep;
        ars_error err = {ARS_OK, ""};
        assert_int_equal(inputs_read(&cfg, paths, 1, take_digest, &d, &rep, &err), ARS_OK);
        assert_int_equal(rep.n_articles, d.n);
        if (m == 0) {
            first = d;
            first_skipped = rep.n_skipped;
            assert_true(d.n > 4000);
            assert_true(first_skipped > 150);
        } else {
            assert_true(d.hash == first.hash);
            assert_int_equal(d.n, first.n);
            assert_int_equal(rep.n_skipped, first_skipped);
        }
        cfg.strict = 1;
        ars_error serr = {ARS_OK, ""};
        assert_int_equal(inputs_read(&cfg, paths, 1, take_digest, &d, &rep, &serr), ARS_EUTF8);
        assert_non_null(strstr(serr.message, "many.jsonl:6: not JSON")); /* line 6 is k = 5 */
    }
}

/* A folder tree deeper than the process may hold descriptors open: read whole, as the files of
 * a folder are opened relative to it through one descriptor kept for the last folder, not one per
 * level. Then files named from two folders in turn, the same way. */
static void test_deep_folders_need_no_descriptor_per_level(void **state) {
    (void)state;
    char deep[4096];
    int at = snprintf(deep, sizeof deep, "%s/deep", dir);
    assert_int_equal(mkdir(deep, 0700), 0);
    for (int level = 0; level < 40; level++) {
        at += snprintf(deep + at, sizeof deep - (size_t)at, "/d%d", level);
        assert_int_equal(mkdir(deep, 0700), 0);
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/z.txt", deep);
    test_util_write_file(path, "نص عميق.", strlen("نص عميق."));
    snprintf(path, sizeof path, "%s/deep/a.txt", dir);
    test_util_write_file(path, "نص قريب.", strlen("نص قريب."));
    struct rlimit old, low;
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
    low = old;
    low.rlim_cur = 24; /* the standard three, cmocka's, and a few: far fewer than 40 levels */
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
    inputs_config cfg = {INPUTS_TEXT, NULL, 0, NULL, 0, 1, 0, NULL, 0};
    taken t = {{{0}}, {{0}}, {{0}}, 0, 0};
    inputs_report rep;
    ars_error err = {ARS_OK, ""};
    char top[300];
    snprintf(top, sizeof top, "%s/deep", dir);
    char *paths[] = {top};
    ars_status st = inputs_read(&cfg, paths, 1, take, &t, &rep, &err);
    char first[300], second[300];
    snprintf(first, sizeof first, "%s/a.txt", dir);
    snprintf(second, sizeof second, "%s/deep/a.txt", dir);
    char *named[] = {second, first, second};
    taken u = {{{0}}, {{0}}, {{0}}, 0, 0};
    inputs_report rep2;
    ars_status st2 = inputs_read(&cfg, named, 3, take, &u, &rep2, &err);
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
    assert_int_equal(st, ARS_OK);
    assert_int_equal(rep.n_skipped, 0);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.first[0], "نص قريب.");
    assert_string_equal(t.first[1], "نص عميق.");
    assert_int_equal(st2, ARS_OK);
    assert_int_equal(u.n, 3);
    assert_string_equal(u.first[0], "نص قريب.");
    assert_string_equal(u.first[1], "نص أ.");
    assert_string_equal(u.first[2], "نص قريب.");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_folder_walk_skips_bad_inputs_and_counts_them),
        cmocka_unit_test(test_strict_stops_at_the_first_bad_input_with_the_hint),
        cmocka_unit_test(test_encodings_convert_legacy_files),
        cmocka_unit_test(test_files_from_with_nul_and_lines),
        cmocka_unit_test(test_jsonl_articles),
        cmocka_unit_test(test_jsonl_batches_give_the_same_articles_for_any_thread_count),
        cmocka_unit_test(test_deep_folders_need_no_descriptor_per_level),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
