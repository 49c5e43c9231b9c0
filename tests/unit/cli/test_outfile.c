/* test_outfile.c - unit tests of the atomic output file (summarize/cli/outfile.c): the target
 * appears only on commit, an abort or a failed open leaves it as it was, and failures name the
 * path. */
#include "test_util.h"

#include <sys/stat.h>
#include <unistd.h>

#include "summarize/cli/outfile.h"

/* A fresh directory for one test; removed (with what the test left) by cleanup_dir. */
static void make_dir(char *dir, size_t size) {
    snprintf(dir, size, "%s/ars-outfile-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
}

static size_t count_entries(const char *dir) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    unsigned long n = 0;
    assert_int_equal(fscanf(p, "%lu", &n), 1);
    pclose(p);
    return (size_t)n;
}

static void cleanup_dir(const char *dir) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_outfile_target_appears_only_on_commit(void **state) {
    (void)state;
    char dir[256], path[512];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/brief.txt", dir);
    outfile o;
    ars_error err = {ARS_OK, ""};
    assert_int_equal(outfile_open(&o, path, &err), ARS_OK);
    fputs("سطر واحد\n", o.f);
    assert_int_equal(access(path, F_OK), -1); /* only the temporary file exists so far */
    assert_int_equal(count_entries(dir), 1);
    assert_int_equal(outfile_commit(&o, &err), ARS_OK);
    size_t len = 0;
    char *got = test_util_read_file(path, &len);
    assert_non_null(got);
    assert_string_equal(got, "سطر واحد\n");
    free(got);
    assert_int_equal(count_entries(dir), 1); /* no temporary file left behind */
    cleanup_dir(dir);
}

static void test_outfile_abort_keeps_the_old_target(void **state) {
    (void)state;
    char dir[256], path[512];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/brief.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    outfile o;
    assert_int_equal(outfile_open(&o, path, NULL), ARS_OK);
    fputs("new\n", o.f);
    outfile_abort(&o);
    char *got = test_util_read_file(path, NULL);
    assert_string_equal(got, "old\n");
    free(got);
    assert_int_equal(count_entries(dir), 1);
    outfile_abort(&o); /* a second abort on the zeroed struct is harmless */
    cleanup_dir(dir);
}

static void test_outfile_open_in_missing_folder_names_the_path(void **state) {
    (void)state;
    outfile o;
    ars_error err = {ARS_OK, ""};
    const char *path = "/nonexistent-ars-dir/brief.txt";
    assert_int_equal(outfile_open(&o, path, &err), ARS_EIO);
    assert_int_equal(err.status, ARS_EIO);
    assert_non_null(strstr(err.message, "/nonexistent-ars-dir/brief.txt: cannot create output: "));
    assert_null(o.f);
    outfile_abort(&o);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outfile_target_appears_only_on_commit),
        cmocka_unit_test(test_outfile_abort_keeps_the_old_target),
        cmocka_unit_test(test_outfile_open_in_missing_folder_names_the_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
