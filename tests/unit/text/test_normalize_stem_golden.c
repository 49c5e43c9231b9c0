/* test_normalize_stem_golden.c - golden test of the analysis chain on single words: every row of
 * tests/data/golden/normalize_stem.tsv is "input<TAB>normalize_text(input)<TAB>stemmer_term(that)"
 * with Snowball Arabic, as the pipeline produces index terms. Lines starting with '#' are comments.
 * To regenerate after an intended change, run from the build directory:
 *     ARS_REGENERATE_GOLDEN=1 tests/test_normalize_stem_golden
 * which rewrites the file from its first column (comments kept); then check the diff row by row. */
#include "test_util.h"

#include "summarize/text/normalize.h"
#include "summarize/text/stem.h"

#define GOLDEN_REL      "tests/data/golden/normalize_stem.tsv"
#define GOLDEN_MIN_ROWS 100

typedef struct {
    const char *line; /* the whole line, not NUL-terminated */
    size_t line_len;
    const char *col[3]; /* pointers into the line */
    size_t col_len[3];
    size_t n_cols;
} golden_row;

/* Splits [line, line+len) at tabs into at most 3 columns; returns the number of columns found
 * (4 stands for "more than 3"). */
static size_t golden_split(golden_row *row, const char *line, size_t len) {
    row->line = line;
    row->line_len = len;
    row->n_cols = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (row->n_cols == 3) return row->n_cols = 4;
            row->col[row->n_cols] = line + start;
            row->col_len[row->n_cols] = i - start;
            row->n_cols++;
            start = i + 1;
        }
    }
    return row->n_cols;
}

/* The two outputs for one input word: normalised form (malloc'd) and the term (malloc'd). */
static void golden_compute(stemmer *st, const char *in, size_t in_len, char **norm,
                           size_t *norm_len, char **term, size_t *term_len) {
    assert_int_equal(normalize_text(in, in_len, norm, norm_len), ARS_OK);
    const char *t = NULL;
    assert_int_equal(stemmer_term(st, *norm, *norm_len, &t, term_len), ARS_OK);
    *term = malloc(*term_len + 1);
    assert_non_null(*term);
    memcpy(*term, t, *term_len + 1);
}

static void golden_regenerate(const char *path, const char *buf, size_t len, stemmer *st) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    size_t pos = 0, rows = 0;
    while (pos < len) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        const char *line = buf + pos;
        size_t line_len = end - pos;
        pos = nl ? end + 1 : len;
        if (line_len == 0 || line[0] == '#') {
            fwrite(line, 1, line_len, f);
            fputc('\n', f);
            continue;
        }
        golden_row row;
        golden_split(&row, line, line_len);
        char *norm, *term;
        size_t norm_len, term_len;
        golden_compute(st, row.col[0], row.col_len[0], &norm, &norm_len, &term, &term_len);
        fprintf(f, "%.*s\t%s\t%s\n", (int)row.col_len[0], row.col[0], norm, term);
        free(norm);
        free(term);
        rows++;
    }
    assert_int_equal(fclose(f), 0);
    fprintf(stderr, "regenerated %s (%zu rows): check the diff before committing\n", path, rows);
}

static void test_golden_normalize_stem_rows(void **state) {
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s", test_util_source_path(GOLDEN_REL));
    size_t len = 0;
    char *buf = test_util_read_file(path, &len);
    if (!buf) print_error("cannot read %s\n", path);
    assert_non_null(buf);
    stemmer *st = NULL;
    assert_int_equal(stemmer_new(ARS_STEM_SNOWBALL, &st, NULL), ARS_OK);

    const char *regen = getenv("ARS_REGENERATE_GOLDEN");
    if (regen && strcmp(regen, "1") == 0) {
        golden_regenerate(path, buf, len, st);
        stemmer_free(st);
        free(buf);
        return;
    }

    size_t pos = 0, line_no = 0, rows = 0, failures = 0;
    while (pos < len) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        const char *line = buf + pos;
        size_t line_len = end - pos;
        pos = nl ? end + 1 : len;
        line_no++;
        if (line_len == 0 || line[0] == '#') continue;
        golden_row row;
        if (golden_split(&row, line, line_len) != 3 || row.col_len[0] == 0) {
            print_error("%s:%zu: want 3 tab-separated columns: %.*s\n", GOLDEN_REL, line_no,
                        (int)line_len, line);
            failures++;
            continue;
        }
        rows++;
        char *norm, *term;
        size_t norm_len, term_len;
        golden_compute(st, row.col[0], row.col_len[0], &norm, &norm_len, &term, &term_len);
        if (norm_len != row.col_len[1] || memcmp(norm, row.col[1], norm_len) != 0 ||
            term_len != row.col_len[2] || memcmp(term, row.col[2], term_len) != 0) {
            print_error("%s:%zu: %.*s\n    expected normalised [%.*s] term [%.*s]\n"
                        "    got      normalised [%s] term [%s]\n",
                        GOLDEN_REL, line_no, (int)row.col_len[0], row.col[0], (int)row.col_len[1],
                        row.col[1], (int)row.col_len[2], row.col[2], norm, term);
            failures++;
        }
        free(norm);
        free(term);
    }
    stemmer_free(st);
    free(buf);
    if (failures)
        print_error("%zu of %zu rows differ (ARS_REGENERATE_GOLDEN=1 rewrites the file)\n",
                    failures, rows);
    assert_int_equal(failures, 0);
    assert_true(rows >= GOLDEN_MIN_ROWS);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_normalize_stem_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
