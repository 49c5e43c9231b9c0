/* hugemem.h - zeroed blocks of megabytes: hash tables read at random (vocab.c's slots, the
 * token cache's among them, and the fingerprints of summarize/text/duplicate.c) and large buffers
 * written once (the printed text of every sentence). Such a block is mapped on its own, aligned on
 * and asking for huge pages where the system gives them on request (Linux's transparent huge
 * pages in "madvise" mode), and faulted in writable at once: 64 MB then cost a few dozen page
 * faults instead of sixteen thousand, and a random look-up one TLB miss fewer. Smaller ones come
 * from malloc. Either way every page is written before it is read (see hugemem.c). */
#ifndef ARS_VECTORS_HUGEMEM_H
#define ARS_VECTORS_HUGEMEM_H

#include <stddef.h>

/* Tables of at least this many bytes are mapped (2 MiB: a huge page on x86-64 and most arm64
 * kernels). */
#define HUGEMEM_MIN_BYTES ((size_t)2 << 20)

/* bytes zeroed bytes (at least 1), aligned on 64 bytes; NULL when out of memory. Free with
 * hugemem_free and the same bytes. */
void *hugemem_zalloc(size_t bytes);
void hugemem_free(void *p, size_t bytes);

#endif
