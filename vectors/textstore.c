/* textstore.c - documents' copies in large blocks (see textstore.h). */
#include "vectors/textstore.h"

#include <stdint.h>
#include <string.h>

#include "vectors/hugemem.h"

struct textstore_block {
    textstore_block *prev;
    size_t bytes; /* the whole block's, this header included, for hugemem_free */
};

/* A block of `bytes` (header included) put at the head of the list; NULL when out of memory. */
static textstore_block *textstore_block_new(textstore *ts, size_t bytes) {
    textstore_block *b = hugemem_zalloc(bytes);
    if (!b) return NULL;
    b->prev = ts->blocks;
    b->bytes = bytes;
    ts->blocks = b;
    return b;
}

char *textstore_alloc(textstore *ts, size_t n) {
    if (n == 0 || n > SIZE_MAX / 2 - sizeof(textstore_block)) return NULL;
    if (n <= ts->left) {
        char *p = ts->at;
        ts->at += n;
        ts->left -= n;
        return p;
    }
    size_t next = ts->next ? ts->next : TEXTSTORE_FIRST_BLOCK;
    if (n > next / 4) {
        /* A block of its own, behind the one being filled (which goes on being filled). */
        textstore_block *b = textstore_block_new(ts, sizeof *b + n);
        return b ? (char *)(b + 1) : NULL;
    }
    textstore_block *b = textstore_block_new(ts, next);
    if (!b) return NULL;
    ts->next = next < TEXTSTORE_MAX_BLOCK ? 2 * next : next;
    ts->at = (char *)(b + 1) + n;
    ts->left = next - sizeof *b - n;
    return (char *)(b + 1);
}

char *textstore_copy(textstore *ts, const char *s, size_t len) {
    if (len == SIZE_MAX) return NULL;
    char *p = textstore_alloc(ts, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void textstore_free(textstore *ts) {
    for (textstore_block *b = ts->blocks; b;) {
        textstore_block *prev = b->prev;
        hugemem_free(b, b->bytes);
        b = prev;
    }
    *ts = (textstore){NULL, NULL, 0, 0};
}
