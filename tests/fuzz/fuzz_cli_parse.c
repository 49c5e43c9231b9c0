/* fuzz_cli_parse.c - libFuzzer target: the parsers of command-line values both programs share or
 * own (summarize/cli/parse.c numbers, the ars_*_from_name enum names, summarize-eval's metric
 * names and NAME=DIR folder labels), on arbitrary strings. The input is cut at NUL bytes into up
 * to eight arguments. Checks: a number accepted is in range and prints back to the same value, a
 * name accepted names itself back, labels are unique or the duplicate is reported. Replayed as a
 * ctest in every build. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "eval/dataset.h"
#include "eval/rouge.h"
#include "summarize/cli/parse.h"
#include "summarize/summarize.h"
#include "tests/fuzz/fuzz.h"

#define FUZZ_CLI_MAX_ARGS 8

static void fuzz_cli_one(const char *s) {
    size_t z = 0;
    if (parse_size(s, &z) == ARS_OK) {
        char back[32];
        snprintf(back, sizeof back, "%zu", z);
        /* Leading zeros aside, the digits are the number. */
        const char *digits = s;
        while (digits[0] == '0' && digits[1])
            digits++;
        FUZZ_CHECK(strcmp(back, digits) == 0);
    }
    double d = 0.0;
    if (parse_double(s, -1.0, 1.0, &d) == ARS_OK) FUZZ_CHECK(isfinite(d) && d >= -1.0 && d <= 1.0);

    ars_method m;
    if (ars_method_from_name(s, &m) == ARS_OK) FUZZ_CHECK(strcmp(ars_method_name(m), s) == 0);
    ars_format f;
    if (ars_format_from_name(s, &f) == ARS_OK) FUZZ_CHECK(strcmp(ars_format_name(f), s) == 0);
    ars_order o;
    if (ars_order_from_name(s, &o) == ARS_OK) FUZZ_CHECK(strcmp(ars_order_name(o), s) == 0);
    ars_stem st;
    if (ars_stem_from_name(s, &st) == ARS_OK) FUZZ_CHECK(strcmp(ars_stem_name(st), s) == 0);
    ars_spread sp;
    if (ars_spread_from_name(s, &sp) == ARS_OK) FUZZ_CHECK(strcmp(ars_spread_name(sp), s) == 0);

    rouge_metric r;
    if (eval_rouge_metric_parse(s, &r) == 0) {
        char name[ROUGE_NAME_MAX];
        rouge_metric again;
        FUZZ_CHECK(
            eval_rouge_metric_parse(eval_rouge_metric_name(&r, 0, name, sizeof name), &again) == 0);
        FUZZ_CHECK(eval_rouge_metric_equal(&r, &again));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *copy = malloc(size + 1);
    FUZZ_CHECK(copy != NULL);
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *args[FUZZ_CLI_MAX_ARGS];
    size_t n = 0;
    for (size_t i = 0; i <= size && n < FUZZ_CLI_MAX_ARGS;) {
        args[n++] = copy + i;
        i += strlen(copy + i) + 1;
    }
    for (size_t k = 0; k < n; k++)
        fuzz_cli_one(args[k]);

    static const char *const taken[] = {"default", "lead"};
    eval_label labels[FUZZ_CLI_MAX_ARGS];
    size_t dup = (size_t)-1;
    int rc = eval_labels_make(args, n, taken, 2, labels, &dup);
    FUZZ_CHECK(rc == 0 || rc == EEXIST);
    if (rc == 0) {
        for (size_t i = 0; i < n; i++) {
            FUZZ_CHECK(labels[i].name && labels[i].dir);
            for (size_t j = 0; j < i; j++)
                FUZZ_CHECK(strcmp(labels[i].name, labels[j].name) != 0);
        }
        eval_labels_free(labels, n);
    } else {
        FUZZ_CHECK(dup < n);
    }
    free(copy);
    return 0;
}
