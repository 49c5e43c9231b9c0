/* test_batch.c - unit tests of the JSON Lines batch mode (summarize/cli/batch.c): one output
 * line per cluster in input order, ids echoed as given, empty summaries for clusters without a
 * usable sentence, error lines for bad lines (or a stop with strict), the same output whichever
 * way the input is split. */
#include "test_util.h"

#include <jansson.h>

#include "summarize/cli/batch.h"

static const char INPUT[] =
    "{\"id\": \"c1\", \"docs\": [\"أصدر الرئيس السوداني عمر البشير قرارا بالإفراج عن جميع "
    "المعتقلين السياسيين في البلاد.\", {\"text\": \"أمر الرئيس السوداني بإطلاق سراح جميع "
    "السجناء السياسيين المعتقلين فورا.\", \"id\": \"bbc\"}]}\n"
    "\n"
    "{\"id\": 2, \"docs\": [\"قصير.\"]}\n"
    "not json\n"
    "{\"id\": [3], \"docs\": [\"فاز فريق ريال مدريد على يوفنتوس بثلاثة أهداف نظيفة في دوري "
    "الأبطال.\"]}\n";

static char *path_of(const char *text, char *buf, size_t size) {
    snprintf(buf, size, "%s/ars-batch-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(buf);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return buf;
}

static char *run(const char *path, int strict, ars_status *st, batch_report *rep) {
    ars_options opt;
    ars_options_init(&opt);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ars_error err = {ARS_OK, ""};
    char *paths[] = {(char *)path};
    int write_failed = 0;
    *st = batch_run(&opt, paths, 1, out, "memory", strict, 1, 1 << 20, rep, &write_failed, &err);
    assert_false(write_failed);
    fclose(out);
    return buf;
}

static void test_one_line_per_cluster(void **state) {
    (void)state;
    char path[256];
    path_of(INPUT, path, sizeof path);
    ars_status st;
    batch_report rep;
    char *out = run(path, 0, &st, &rep);
    assert_int_equal(st, ARS_OK);
    assert_int_equal(rep.n_lines, 4);
    assert_int_equal(rep.n_bad, 1);
    json_error_t je;
    json_t *lines[4];
    char *p = out;
    for (int i = 0; i < 4; i++) {
        char *nl = strchr(p, '\n');
        assert_non_null(nl);
        *nl = '\0';
        lines[i] = json_loads(p, 0, &je);
        assert_non_null(lines[i]);
        p = nl + 1;
    }
    assert_string_equal(p, "");
    assert_string_equal(json_string_value(json_object_get(lines[0], "id")), "c1");
    assert_true(json_array_size(json_object_get(lines[0], "summary")) >= 1);
    assert_int_equal(json_array_size(json_object_get(lines[0], "docs")),
                     json_array_size(json_object_get(lines[0], "summary")));
    assert_int_equal(json_integer_value(json_object_get(lines[1], "id")), 2);
    assert_int_equal(json_array_size(json_object_get(lines[1], "summary")), 0);
    assert_true(json_is_null(json_object_get(lines[2], "id")));
    assert_true(strncmp(json_string_value(json_object_get(lines[2], "error")), "not JSON", 8) == 0);
    assert_true(json_is_array(json_object_get(lines[3], "id")));
    for (int i = 0; i < 4; i++)
        json_decref(lines[i]);
    free(out);
    remove(path);
}

static void test_strict_stops_at_the_bad_line(void **state) {
    (void)state;
    char path[256];
    path_of(INPUT, path, sizeof path);
    ars_status st;
    batch_report rep;
    char *out = run(path, 1, &st, &rep);
    assert_int_equal(st, ARS_EUTF8);
    assert_int_equal(rep.n_lines, 3); /* the lines before it are written */
    size_t n = 0;
    for (char *p = out; *p; p++)
        n += *p == '\n';
    assert_int_equal(n, 2);
    free(out);
    remove(path);
}

static void test_split_input_gives_the_same_lines(void **state) {
    (void)state;
    char whole[256], first[256], second[256];
    path_of(INPUT, whole, sizeof whole);
    const char *cut = strstr(INPUT, "not json");
    char head[sizeof INPUT];
    snprintf(head, sizeof head, "%.*s", (int)(cut - INPUT), INPUT);
    path_of(head, first, sizeof first);
    path_of(cut, second, sizeof second);
    ars_status st;
    batch_report rep;
    char *all = run(whole, 0, &st, &rep), *a = run(first, 0, &st, &rep),
         *b = run(second, 0, &st, &rep);
    size_t la = strlen(a);
    assert_int_equal(strncmp(all, a, la), 0);
    assert_string_equal(all + la, b); /* error lines included: they do not name the place */
    free(all);
    free(a);
    free(b);
    remove(whole);
    remove(first);
    remove(second);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_line_per_cluster),
        cmocka_unit_test(test_strict_stops_at_the_bad_line),
        cmocka_unit_test(test_split_input_gives_the_same_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
