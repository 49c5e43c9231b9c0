/* textstore.h - the summarizer's own copies of its documents and their names, kept one after
 * another in a few large blocks rather than in a malloc'd block each. Fourteen thousand articles
 * were 29,000 calls to malloc and as many first writes to fresh 4 KB pages, a fifth of the read
 * stage; in blocks of megabytes on huge pages (vectors/hugemem.h) they take a few dozen. Nothing
 * is freed alone: a document lives until the summarizer is reset or freed, and textstore_free
 * then gives every block back at once. */
#ifndef ARS_VECTORS_TEXTSTORE_H
#define ARS_VECTORS_TEXTSTORE_H

#include <stddef.h>

typedef struct textstore_block textstore_block;

/* All zero is an empty store. */
typedef struct {
    textstore_block *blocks; /* every block, the newest first */
    char *at;                /* the free bytes of the block being filled */
    size_t left;             /* how many */
    size_t next;             /* the size of its next block (0: TEXTSTORE_FIRST_BLOCK) */
} textstore;

/* The first block's size; each next one is twice the last, up to TEXTSTORE_MAX_BLOCK. A small
 * run (one article) takes one block of malloc; a large one grows into huge pages. */
#define TEXTSTORE_FIRST_BLOCK ((size_t)64 << 10)
#define TEXTSTORE_MAX_BLOCK   ((size_t)8 << 20)

/* n bytes of the store (n >= 1), not aligned (text); NULL when out of memory or n is too large.
 * A request of more than a quarter of the next block's size gets a block of its own, so the tail
 * a block leaves unused is small beside what it holds. */
char *textstore_alloc(textstore *ts, size_t n);

/* A copy of len bytes of s with a NUL after them; NULL when out of memory. */
char *textstore_copy(textstore *ts, const char *s, size_t len);

/* Gives every block back; the store is empty again. */
void textstore_free(textstore *ts);

#endif
