/* oom_alloc.c - the counting, failing allocator of the out-of-memory test (see oom_alloc.h).
 * Interposition: a program that defines malloc and friends replaces them for every shared object
 * of the process (glibc supports this, and its own functions such as strdup call malloc through
 * the interposable symbol). The real allocator is glibc's __libc_* entry points, or in an
 * AddressSanitizer build the sanitizer's __interceptor_* ones (gcc's libasan and clang's runtime
 * both export them), so blocks stay under ASan and LSan. Single-threaded use (the test sets
 * OPENBLAS_NUM_THREADS=1). */
#include "tests/oom/oom_alloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define OOM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OOM_ASAN 1
#endif
#endif

#ifdef OOM_ASAN
void *__interceptor_malloc(size_t n);
void *__interceptor_calloc(size_t n, size_t size);
void *__interceptor_realloc(void *p, size_t n);
void __interceptor_free(void *p);
int __interceptor_posix_memalign(void **p, size_t align, size_t n);
void *__interceptor_aligned_alloc(size_t align, size_t n);
void *__interceptor_memalign(size_t align, size_t n);
#define REAL_MALLOC(n)               __interceptor_malloc(n)
#define REAL_CALLOC(n, s)            __interceptor_calloc(n, s)
#define REAL_REALLOC(p, n)           __interceptor_realloc(p, n)
#define REAL_FREE(p)                 __interceptor_free(p)
#define REAL_POSIX_MEMALIGN(p, a, n) __interceptor_posix_memalign(p, a, n)
#define REAL_ALIGNED_ALLOC(a, n)     __interceptor_aligned_alloc(a, n)
#define REAL_MEMALIGN(a, n)          __interceptor_memalign(a, n)
#else
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);
void __libc_free(void *p);
void *__libc_memalign(size_t align, size_t n);
#define REAL_MALLOC(n)               __libc_malloc(n)
#define REAL_CALLOC(n, s)            __libc_calloc(n, s)
#define REAL_REALLOC(p, n)           __libc_realloc(p, n)
#define REAL_FREE(p)                 __libc_free(p)
#define REAL_ALIGNED_ALLOC(a, n)     __libc_memalign(a, n)
#define REAL_MEMALIGN(a, n)          __libc_memalign(a, n)
static int oom_real_posix_memalign(void **p, size_t align, size_t n) {
    *p = __libc_memalign(align, n);
    return *p ? 0 : ENOMEM;
}
#define REAL_POSIX_MEMALIGN(p, a, n) oom_real_posix_memalign(p, a, n)
#endif

/* The replacements' prototypes are the C library's (stdlib.h; memalign is in malloc.h). */
void *memalign(size_t align, size_t n);

#define OOM_MAX_SITES 8192

static int oom_armed, oom_persistent, oom_recording, oom_did_fail;
static size_t oom_calls, oom_fail_at;
static long oom_blocks;
static void *oom_sites[OOM_MAX_SITES]; /* open addressing on the address */
static size_t oom_n_sites;
static void *oom_fail_site; /* where the first failed call came from */

static void oom_record(void *site) {
    size_t h = ((uintptr_t)site >> 2) % OOM_MAX_SITES;
    for (size_t probe = 0; probe < OOM_MAX_SITES; probe++, h = (h + 1) % OOM_MAX_SITES) {
        if (oom_sites[h] == site) return;
        if (!oom_sites[h]) {
            oom_sites[h] = site;
            oom_n_sites++;
            return;
        }
    }
}

/* Counts one allocation call from site; 1 when it must fail. */
static int oom_should_fail(void *site) {
    if (!oom_armed) return 0;
    oom_calls++;
    if (oom_recording) oom_record(site);
    if (oom_fail_at && (oom_calls == oom_fail_at || (oom_persistent && oom_calls > oom_fail_at))) {
        if (!oom_did_fail) oom_fail_site = site;
        oom_did_fail = 1;
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t n) {
    if (oom_should_fail(__builtin_return_address(0))) return NULL;
    void *p = REAL_MALLOC(n);
    if (p) oom_blocks++;
    return p;
}

void *calloc(size_t n, size_t size) {
    if (oom_should_fail(__builtin_return_address(0))) return NULL;
    void *p = REAL_CALLOC(n, size);
    if (p) oom_blocks++;
    return p;
}

void *realloc(void *p, size_t n) {
    if (!p) {
        if (oom_should_fail(__builtin_return_address(0))) return NULL;
        void *q = REAL_REALLOC(NULL, n);
        if (q) oom_blocks++;
        return q;
    }
    if (n == 0) { /* glibc frees the block */
        oom_blocks--;
        return REAL_REALLOC(p, 0);
    }
    if (oom_should_fail(__builtin_return_address(0))) return NULL; /* p stays valid */
    return REAL_REALLOC(p, n);
}

void free(void *p) {
    if (!p) return;
    oom_blocks--;
    REAL_FREE(p);
}

int posix_memalign(void **p, size_t align, size_t n) {
    if (oom_should_fail(__builtin_return_address(0))) return ENOMEM;
    int rc = REAL_POSIX_MEMALIGN(p, align, n);
    if (rc == 0) oom_blocks++;
    return rc;
}

void *aligned_alloc(size_t align, size_t n) {
    if (oom_should_fail(__builtin_return_address(0))) return NULL;
    void *p = REAL_ALIGNED_ALLOC(align, n);
    if (p) oom_blocks++;
    return p;
}

void *memalign(size_t align, size_t n) {
    if (oom_should_fail(__builtin_return_address(0))) return NULL;
    void *p = REAL_MEMALIGN(align, n);
    if (p) oom_blocks++;
    return p;
}

void oom_arm(size_t fail_at, int persistent, int record) {
    oom_calls = 0;
    oom_fail_at = fail_at;
    oom_persistent = persistent;
    oom_recording = record;
    oom_did_fail = 0;
    oom_fail_site = NULL;
    if (record) {
        for (size_t k = 0; k < OOM_MAX_SITES; k++)
            oom_sites[k] = NULL;
        oom_n_sites = 0;
    }
    oom_armed = 1;
}

size_t oom_disarm(void) {
    oom_armed = 0;
    return oom_calls;
}

int oom_failed(void) {
    return oom_did_fail;
}

void *oom_failed_site(void) {
    return oom_fail_site;
}

long oom_live(void) {
    return oom_blocks;
}

size_t oom_site_count(void) {
    return oom_n_sites;
}

void *oom_site(size_t i) {
    for (size_t h = 0, seen = 0; h < OOM_MAX_SITES; h++)
        if (oom_sites[h] && seen++ == i) return oom_sites[h];
    return NULL;
}
