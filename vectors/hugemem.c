/* hugemem.c - zeroed tables for random access, on huge pages where the system allows (see
 * hugemem.h). */
#define _DEFAULT_SOURCE 1 /* mmap flags and madvise in C11 mode */
#include "vectors/hugemem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#if defined(__linux__) && defined(MADV_HUGEPAGE)
#define HUGEMEM_MAP 1
#else
#define HUGEMEM_MAP 0
#endif

/* memset through a pointer the compiler cannot follow: gcc turns a malloc followed by a memset of
 * the whole block into calloc. calloc's fresh pages are first read, which maps the shared zero
 * page, and the first write after that replaces it and flushes the TLB of every processor running
 * the process: with the front end's threads that was a fifth of their time. Written first, each
 * page is mapped once, writable. */
static void *(*volatile hugemem_clear)(void *, int, size_t) = memset;

#if HUGEMEM_MAP
/* The mapped size of a table of bytes: whole huge pages; 0 when that overflows. */
static size_t hugemem_span(size_t bytes) {
    if (bytes > SIZE_MAX - 2 * HUGEMEM_MIN_BYTES) return 0;
    return (bytes + HUGEMEM_MIN_BYTES - 1) / HUGEMEM_MIN_BYTES * HUGEMEM_MIN_BYTES;
}
#endif

void *hugemem_zalloc(size_t bytes) {
#if HUGEMEM_MAP
    if (bytes >= HUGEMEM_MIN_BYTES) {
        size_t size = hugemem_span(bytes);
        if (!size) return NULL;
        /* One huge page more than needed, then the ends cut so the table starts on one. */
        char *p = mmap(NULL, size + HUGEMEM_MIN_BYTES, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) return NULL;
        size_t lead = (HUGEMEM_MIN_BYTES - (uintptr_t)p % HUGEMEM_MIN_BYTES) % HUGEMEM_MIN_BYTES;
        if (lead) munmap(p, lead);
        munmap(p + lead + size, HUGEMEM_MIN_BYTES - lead); /* lead < HUGEMEM_MIN_BYTES */
        p += lead;
        (void)madvise(p, size, MADV_HUGEPAGE); /* a hint: no huge pages is no error */
        /* Faulted in writable by one call (Linux 5.14 and later); else written first. */
#if defined(MADV_POPULATE_WRITE)
        if (madvise(p, size, MADV_POPULATE_WRITE) == 0) return p;
#endif
        hugemem_clear(p, 0, size);
        return p;
    }
#endif
    if (bytes > SIZE_MAX - 64) return NULL;
    void *p = aligned_alloc(64, bytes ? (bytes + 63) / 64 * 64 : 64); /* a multiple, as C11 asks */
    if (p) hugemem_clear(p, 0, bytes);
    return p;
}

void hugemem_free(void *p, size_t bytes) {
    if (!p) return;
#if HUGEMEM_MAP
    if (bytes >= HUGEMEM_MIN_BYTES) {
        munmap(p, hugemem_span(bytes));
        return;
    }
#endif
    (void)bytes;
    free(p);
}
