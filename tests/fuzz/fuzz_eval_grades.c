/* fuzz_eval_grades.c - libFuzzer target: summarize-eval's human grades reader (eval/grades.c, a
 * quoted TSV with a header row) on arbitrary bytes. The first byte picks the grade column asked
 * for. Checks: a parse succeeds or fails with EINVAL and a message naming the file and line; every
 * grade read is finite and the mean of at least one judge, every pair is found again by
 * eval_grades_find. Replayed over its corpus as a ctest in every build. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "eval/grades.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static const char *const columns[] = {"Grade", "LengthAwareGrade", "Topic", ""};
    const char *column = columns[data[0] & 3];
    eval_grades g;
    memset(&g, 0, sizeof g);
    char err[256] = "";
    int rc =
        eval_grades_parse((const char *)data + 1, size - 1, "g.tsv", column, &g, err, sizeof err);
    FUZZ_CHECK(rc == 0 || rc == EINVAL);
    if (rc) {
        FUZZ_CHECK(strncmp(err, "g.tsv: ", 7) == 0);
    } else {
        for (size_t i = 0; i < g.n; i++) {
            FUZZ_CHECK(isfinite(g.grade[i]) && g.judges[i] >= 1);
            FUZZ_CHECK(eval_grades_find(&g, g.topic[i], g.peer[i]) == i);
        }
    }
    eval_grades_free(&g);
    return 0;
}
