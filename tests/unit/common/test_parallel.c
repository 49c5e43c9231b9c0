/* test_parallel.c - unit tests of summarize/common/parallel.c: every index is visited exactly once
 * whatever the thread count and chunk size, workers stay in range, and a failure reports the
 * failed chunk that starts first. */
#include "test_util.h"

#include <stdatomic.h>

#include "summarize/common/parallel.h"

typedef struct {
    atomic_int *visits;
    size_t n_threads;
    atomic_int bad_worker;
    size_t fail_from; /* indices at or past this fail (SIZE_MAX: none) */
} job;

static ars_status body(void *ctx, size_t worker, size_t begin, size_t end) {
    job *j = ctx;
    if (worker >= (j->n_threads ? j->n_threads : 1)) atomic_store(&j->bad_worker, 1);
    for (size_t i = begin; i < end; i++) {
        if (i >= j->fail_from) return i == j->fail_from ? ARS_EIO : ARS_ENOMEM;
        atomic_fetch_add(&j->visits[i], 1);
    }
    return ARS_OK;
}

static void test_parallel_visits_every_index_once(void **state) {
    (void)state;
    enum { N = 1000 };
    static atomic_int visits[N];
    for (size_t threads = 0; threads <= 5; threads++)
        for (size_t chunk = 0; chunk <= 7; chunk += 7) {
            for (size_t i = 0; i < N; i++)
                atomic_init(&visits[i], 0);
            job j = {visits, threads, 0, SIZE_MAX};
            parallel_plan plan = {threads};
            assert_int_equal(parallel_for(&plan, N, chunk, body, &j), ARS_OK);
            for (size_t i = 0; i < N; i++)
                assert_int_equal(atomic_load(&visits[i]), 1);
            assert_int_equal(atomic_load(&j.bad_worker), 0);
        }
    /* No plan, no work, more threads than indices. */
    atomic_init(&visits[0], 0);
    job j = {visits, 1, 0, SIZE_MAX};
    assert_int_equal(parallel_for(NULL, 1, 0, body, &j), ARS_OK);
    assert_int_equal(atomic_load(&visits[0]), 1);
    parallel_plan many = {64};
    assert_int_equal(parallel_for(&many, 0, 0, body, &j), ARS_OK);
    assert_true(parallel_cpu_count() >= 1);
    assert_true(parallel_idle_cpu_count() >= 1);
    assert_true(parallel_idle_cpu_count() <= parallel_cpu_count());
}

/* Indices from 600 on fail; the chunk holding 600 starts first among the failed ones and fails
 * with ARS_EIO (the others with ARS_ENOMEM): that is the status reported, for any timing. */
static void test_parallel_reports_the_first_failed_chunk(void **state) {
    (void)state;
    enum { N = 1000 };
    static atomic_int visits[N];
    for (int round = 0; round < 20; round++)
        for (size_t threads = 1; threads <= 4; threads++) {
            job j = {visits, threads, 0, 600};
            parallel_plan plan = {threads};
            assert_int_equal(parallel_for(&plan, N, 10, body, &j), ARS_EIO);
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parallel_visits_every_index_once),
        cmocka_unit_test(test_parallel_reports_the_first_failed_chunk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
