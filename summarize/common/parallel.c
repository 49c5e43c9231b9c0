/* parallel.c - parallel_for on POSIX threads (see parallel.h): workers take chunks from a shared
 * counter in order; the first failure, by chunk position, is the one reported. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "summarize/common/parallel.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
    parallel_body body;
    void *ctx;
    size_t n, chunk;
    atomic_size_t next;     /* start of the next chunk to hand out */
    atomic_size_t fail_at;  /* start of the first failed chunk, SIZE_MAX while none */
    ars_status fail_status; /* its status, under lock */
    pthread_mutex_t lock;
} parallel_job;

typedef struct {
    parallel_job *job;
    size_t worker;
} parallel_worker;

static void parallel_run(parallel_job *job, size_t worker) {
    for (;;) {
        size_t begin = atomic_fetch_add(&job->next, job->chunk);
        if (begin >= job->n || begin > atomic_load(&job->fail_at)) return;
        size_t end = job->n - begin < job->chunk ? job->n : begin + job->chunk;
        ars_status st = job->body(job->ctx, worker, begin, end);
        if (st != ARS_OK) {
            pthread_mutex_lock(&job->lock);
            if (begin < atomic_load(&job->fail_at)) {
                atomic_store(&job->fail_at, begin);
                job->fail_status = st;
            }
            pthread_mutex_unlock(&job->lock);
        }
    }
}

static void *parallel_thread(void *arg) {
    parallel_worker *w = arg;
    parallel_run(w->job, w->worker);
    return NULL;
}

ars_status parallel_for(const parallel_plan *plan, size_t n, size_t chunk, parallel_body body,
                        void *ctx) {
    size_t threads = plan && plan->n_threads > 1 ? plan->n_threads : 1;
    if (n == 0) return ARS_OK;
    if (threads > n) threads = n;
    if (threads == 1) return body(ctx, 0, 0, n);
    if (chunk == 0) {
        /* Small enough chunks that a slow one does not leave the others idle at the end. */
        chunk = n / (threads * 16);
        if (chunk == 0) chunk = 1;
    }
    parallel_job job = {body, ctx, n, chunk, 0, SIZE_MAX, ARS_OK, PTHREAD_MUTEX_INITIALIZER};
    atomic_init(&job.next, 0);
    atomic_init(&job.fail_at, SIZE_MAX);
    pthread_t *tid = malloc((threads - 1) * sizeof *tid);
    parallel_worker *w = malloc((threads - 1) * sizeof *w);
    size_t started = 0;
    if (tid && w)
        for (; started < threads - 1; started++) {
            w[started] = (parallel_worker){&job, started + 1};
            if (pthread_create(&tid[started], NULL, parallel_thread, &w[started]) != 0) break;
        }
    parallel_run(&job, 0);
    for (size_t k = 0; k < started; k++)
        pthread_join(tid[k], NULL);
    free(tid);
    free(w);
    pthread_mutex_destroy(&job.lock);
    return atomic_load(&job.fail_at) == SIZE_MAX ? ARS_OK : job.fail_status;
}

size_t parallel_cpu_count(void) {
    /* The processors this process may run on (taskset, cgroup cpusets), else those online. */
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (size_t)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

size_t parallel_idle_cpu_count(void) {
    size_t cpus = parallel_cpu_count();
    /* /proc/loadavg's fourth field: tasks runnable now (this thread among them) / all tasks. The
     * load average itself would count this program's own earlier runs as other work. */
    FILE *f = fopen("/proc/loadavg", "r");
    long running = 0;
    int got = f ? fscanf(f, "%*f %*f %*f %ld/", &running) : 0;
    if (f) fclose(f);
    if (got != 1 || running < 1) return cpus;
    size_t others = (size_t)(running - 1);
    return others < cpus ? cpus - others : 1;
}
