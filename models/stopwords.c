/* stopwords.c - the Arabic stopword set: parses the stopwords_ar.txt format (the built-in copy is
 * compiled into the library), normalises each word through the caller's callback, and answers
 * membership for tokens before stemming. Knows nothing of summarize/: normalisation comes in. */
#include "models/stopwords.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Generated from models/stopwords_ar.txt by cmake/embed.cmake. */
extern const unsigned char models_stopwords_ar[];
extern const size_t models_stopwords_ar_size;

/* Open addressing with linear probing over a power-of-two table kept at most half full; words
 * live back to back in one pool, so a lookup touches the slot array and one string. */
typedef struct {
    uint64_t hash;
    size_t off; /* into pool */
    size_t len; /* 0 marks an empty slot: empty words are never stored */
} stopwords_slot;

struct stopwords {
    stopwords_slot *slots;
    size_t n_slots;
    size_t count;
    char *pool;
    size_t pool_len, pool_cap;
};

static uint64_t stopwords_hash(const char *s, size_t len) {
    uint64_t h = 14695981039346656037u; /* FNV-1a, 64-bit */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

static stopwords_slot *stopwords_find(const stopwords *sw, const char *s, size_t len,
                                      uint64_t hash) {
    size_t mask = sw->n_slots - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        stopwords_slot *slot = &sw->slots[i];
        if (slot->len == 0) return slot;
        if (slot->hash == hash && slot->len == len && memcmp(sw->pool + slot->off, s, len) == 0)
            return slot;
    }
}

static ars_status stopwords_grow_table(stopwords *sw) {
    size_t n = sw->n_slots * 2;
    if (n < sw->n_slots || n > SIZE_MAX / sizeof *sw->slots) return ARS_ENOMEM;
    stopwords_slot *fresh = calloc(n, sizeof *fresh);
    if (!fresh) return ARS_ENOMEM;
    for (size_t i = 0; i < sw->n_slots; i++) {
        stopwords_slot *old = &sw->slots[i];
        if (old->len == 0) continue;
        size_t j = (size_t)old->hash & (n - 1);
        while (fresh[j].len != 0)
            j = (j + 1) & (n - 1);
        fresh[j] = *old;
    }
    free(sw->slots);
    sw->slots = fresh;
    sw->n_slots = n;
    return ARS_OK;
}

static ars_status stopwords_add(stopwords *sw, const char *s, size_t len) {
    if (len == 0) return ARS_OK; /* a word the normaliser removed entirely (harakat only) */
    uint64_t hash = stopwords_hash(s, len);
    if (stopwords_find(sw, s, len, hash)->len != 0) return ARS_OK;
    if ((sw->count + 1) * 2 > sw->n_slots && stopwords_grow_table(sw) != ARS_OK) return ARS_ENOMEM;
    if (!sw->pool || len > sw->pool_cap - sw->pool_len) { /* no pool yet: pool_cap is 0 */
        size_t cap = sw->pool_cap ? sw->pool_cap : 4096;
        while (cap - sw->pool_len < len) {
            if (cap > SIZE_MAX / 2) return ARS_ENOMEM;
            cap *= 2;
        }
        char *grown = realloc(sw->pool, cap);
        if (!grown) return ARS_ENOMEM;
        sw->pool = grown;
        sw->pool_cap = cap;
    }
    memcpy(sw->pool + sw->pool_len, s, len);
    stopwords_slot *slot = stopwords_find(sw, s, len, hash);
    *slot = (stopwords_slot){.hash = hash, .off = sw->pool_len, .len = len};
    sw->pool_len += len;
    sw->count++;
    return ARS_OK;
}

/* The list format trims ASCII blanks only (CR too, so a list saved with CRLF works); compared as
 * bytes, never through ctype.h. */
static int stopwords_is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

ars_status stopwords_load(const char *buf, size_t len, stopwords_normalizer norm, void *ctx,
                          stopwords **out) {
    *out = NULL;
    stopwords *sw = calloc(1, sizeof *sw);
    if (!sw) return ARS_ENOMEM;
    ars_status st = ARS_ENOMEM;
    sw->n_slots = 256;
    sw->slots = calloc(sw->n_slots, sizeof *sw->slots);
    if (!sw->slots) goto fail;

    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t a = pos, b = end;
        pos = nl ? end + 1 : len;
        while (a < b && stopwords_is_blank(buf[a]))
            a++;
        while (b > a && stopwords_is_blank(buf[b - 1]))
            b--;
        if (a == b || buf[a] == '#') continue;
        if (!norm) {
            st = stopwords_add(sw, buf + a, b - a);
            if (st != ARS_OK) goto fail;
            continue;
        }
        char *word = NULL;
        size_t word_len = 0;
        st = norm(ctx, buf + a, b - a, &word, &word_len);
        if (st != ARS_OK) goto fail;
        st = stopwords_add(sw, word, word_len);
        free(word);
        if (st != ARS_OK) goto fail;
    }
    *out = sw;
    return ARS_OK;
fail:
    stopwords_free(sw);
    return st;
}

ars_status stopwords_load_builtin(stopwords_normalizer norm, void *ctx, stopwords **out) {
    return stopwords_load((const char *)models_stopwords_ar, models_stopwords_ar_size, norm, ctx,
                          out);
}

void stopwords_free(stopwords *sw) {
    if (!sw) return;
    free(sw->slots);
    free(sw->pool);
    free(sw);
}

int stopwords_contains(const stopwords *sw, const char *s, size_t len) {
    if (len == 0) return 0;
    return stopwords_find(sw, s, len, stopwords_hash(s, len))->len != 0;
}

size_t stopwords_count(const stopwords *sw) {
    return sw->count;
}
