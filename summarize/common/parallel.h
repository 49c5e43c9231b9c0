/* parallel.h - the library's one way to run a loop over documents on several threads: a
 * parallel_for over [0, n) with chunks handed out in order to a fixed set of workers (the calling
 * thread is worker 0). The driver (summarizer.c) decides the thread count; stages that can use it
 * take a parallel_plan and know nothing else of threads. Results must not depend on which worker
 * ran which chunk: each index writes only its own outputs, or a worker's own scratch that the
 * caller merges in index order afterwards. */
#ifndef ARS_COMMON_PARALLEL_H
#define ARS_COMMON_PARALLEL_H

#include <stddef.h>
#include "summarize/summarize.h"

/* How many workers a loop may use. A plan of 0 or 1 thread (or a NULL plan) runs everything on
 * the calling thread, in index order. */
typedef struct {
    size_t n_threads;
} parallel_plan;

/* The body of a loop: handles indices [begin, end) on the given worker (0 .. n_threads-1, each
 * worker runs on one thread at a time, so worker-owned scratch needs no lock). Returns ARS_OK or
 * a failure status, which stops the loop: chunks not yet started are skipped. */
typedef ars_status (*parallel_body)(void *ctx, size_t worker, size_t begin, size_t end);

/* Runs body over [0, n) in chunks of at most `chunk` indices (0: a size chosen for balance).
 * Returns ARS_OK, or the status of the failed chunk that starts first (so the same failure is
 * reported whatever the timing when chunks fail deterministically). When a thread cannot be
 * started the loop runs on the threads it has: it never fails for that. */
ars_status parallel_for(const parallel_plan *plan, size_t n, size_t chunk, parallel_body body,
                        void *ctx);

/* The number of processors this process may run on (its affinity mask: taskset, cpusets), or
 * else online; at least 1. */
size_t parallel_cpu_count(void);

/* parallel_cpu_count less the tasks of other programs runnable right now (Linux's
 * /proc/loadavg; all of them where it cannot be read); at least 1. A second thread on a busy
 * processor costs more than it brings (docs/BENCHMARKS.md). */
size_t parallel_idle_cpu_count(void);

#endif
