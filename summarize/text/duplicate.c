/* duplicate.c - repeated documents by shared word sequences (see duplicate.h): word hashes,
 * 5-word shingles, winnowing (the smallest shingle hash of every window of four, so any 8 shared
 * words share a fingerprint), and one hash table of fingerprints over the run. Linear in the text.
 */
#include "summarize/text/duplicate.h"

#include <stdint.h>
#include <stdlib.h>

#include "vectors/hugemem.h"
#include "summarize/text/chars.h"

/* A fingerprint, the document that brought it in (+1; 0: empty slot) and the last document (+1)
 * that counted it, so a fingerprint repeated inside a document counts once. Sixteen bytes, so that
 * four share a cache line: the table holds a few million fingerprints on a month of news, and
 * every look-up is a miss. */
typedef struct {
    uint64_t hash;
    uint32_t owner1;
    uint32_t seen;
} duplicate_slot;

typedef struct {
    duplicate_slot *slots;
    size_t cap; /* a power of two */
} duplicate_index;

static int duplicate_is_word_char(int32_t cp) {
    return chars_is_letter(cp) || chars_is_mark(cp) || chars_is_digit(cp);
}

/* Word characters of ASCII and of the Arabic block U+0600..U+06FF, looked up once per call:
 * they are nearly all the text, and the Unicode look-up per code point would cost more than the
 * rest of this pass. */
typedef struct {
    unsigned char ascii[128], arabic[256];
} duplicate_classes;

static void duplicate_classes_init(duplicate_classes *c) {
    for (int k = 0; k < 128; k++)
        c->ascii[k] = (unsigned char)duplicate_is_word_char(k);
    for (int k = 0; k < 256; k++)
        c->arabic[k] = (unsigned char)duplicate_is_word_char(0x600 + k);
}

/* The length of the code point at s[i] (i < end) and whether it belongs to a word. */
static inline size_t duplicate_step(const duplicate_classes *c, const char *s, size_t i, size_t end,
                                    int *word) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *word = c->ascii[b];
        return 1;
    }
    if (b >= 0xD8 && b <= 0xDB && i + 1 < end && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
        *word = c->arabic[((b & 0x03) << 6) | ((unsigned char)s[i + 1] & 0x3F)];
        return 2;
    }
    int32_t cp;
    size_t n = chars_next(s, i, end, &cp);
    *word = duplicate_is_word_char(cp);
    return n;
}

/* The hashes of the document's words into *words (grown as needed, *cap its room); returns their
 * count or SIZE_MAX when out of memory. */
static size_t duplicate_words(uint64_t **words, size_t *cap, const duplicate_classes *c,
                              const clean_doc *d) {
    size_t n = 0;
    int word = 0;
    const unsigned char *t = (const unsigned char *)d->text;
    for (size_t i = d->body_start; i < d->len;) {
        size_t step = duplicate_step(c, d->text, i, d->len, &word);
        if (!word) {
            i += step;
            continue;
        }
        size_t start = i;
        while (word) {
            i += step;
            /* Letters of the Arabic block straight from the bytes: most of a word. */
            while (i + 1 < d->len && t[i] >= 0xD8 && t[i] <= 0xDB && (t[i + 1] & 0xC0) == 0x80 &&
                   c->arabic[((t[i] & 0x03) << 6) | (t[i + 1] & 0x3F)])
                i += 2;
            if (i >= d->len) break;
            step = duplicate_step(c, d->text, i, d->len, &word);
        }
        if (n == *cap) {
            size_t nc = *cap ? 2 * *cap : 1024;
            uint64_t *w = realloc(*words, nc * sizeof *w);
            if (!w) return SIZE_MAX;
            *words = w;
            *cap = nc;
        }
        (*words)[n++] = duplicate_word_hash(t, start, i);
    }
    return n;
}

/* The slot of hash: where it is, or the empty slot where it would go. */
static duplicate_slot *duplicate_find(duplicate_index *ix, uint64_t hash) {
    for (size_t k = (size_t)hash & (ix->cap - 1);; k = (k + 1) & (ix->cap - 1)) {
        duplicate_slot *s = &ix->slots[k];
        if (s->owner1 == 0 || s->hash == hash) return s;
    }
}

/* A 5-word shingle's hash: FNV-1a over the word hashes, mixed. */
_Static_assert(DUPLICATE_WORDS == 5, "duplicate_shingle spells out five words");
static inline uint64_t duplicate_shingle(const uint64_t *w) {
    const uint64_t p = 1099511628211u;
    return duplicate_hash_mix((((((w[0] * p) ^ w[1]) * p ^ w[2]) * p ^ w[3]) * p ^ w[4]) * p);
}

/* Winnowing over the shingle hashes in[0..n_sh), the fingerprints written to fp. When words is
 * not NULL the shingles are not there yet: each is computed from words as it comes in and stored
 * at put (the same array as in), so that hashing and winnowing are one pass.
 *
 * The first window (all of the shingles when fewer), then one window per shingle that comes in:
 * its rightmost minimum is found afresh from its four shingles, by selects rather than branches
 * (which shingle is smallest is a coin toss: a branch on it went the wrong way for about one
 * shingle in three, in cachegrind's model), and it is a new fingerprint when its position is new.
 * fp may be in: the fingerprints written so far sit before the window being read (a window ending
 * at end comes after end - DUPLICATE_WINDOW + 1 windows, so at most that many fingerprints), and
 * the slot after them, written at every step whether it is kept or not, lies before the window once
 * the window has been read. */
_Static_assert(DUPLICATE_WINDOW == 4, "duplicate_winnow_pass spells out a window of four");
static inline size_t duplicate_winnow_pass(const uint64_t *in, size_t n_sh, uint64_t *fp,
                                           const uint64_t *words, uint64_t *put) {
    if (n_sh == 0) return 0;
    size_t w = n_sh < DUPLICATE_WINDOW ? n_sh : DUPLICATE_WINDOW;
    if (words)
        for (size_t i = 0; i < w; i++)
            put[i] = duplicate_shingle(words + i);
    size_t min = 0;
    for (size_t i = 1; i < w; i++)
        if (in[i] <= in[min]) min = i;
    fp[0] = in[min];
    size_t n_fp = 1;
    for (size_t end = w; end < n_sh; end++) {
        uint64_t x;
        if (words)
            x = put[end] = duplicate_shingle(words + end);
        else
            x = in[end];
        uint64_t a = in[end - 3], b = in[end - 2], c = in[end - 1];
        size_t m = end - 3;
        uint64_t low = a;
        m = b <= low ? end - 2 : m;
        low = b <= low ? b : low;
        m = c <= low ? end - 1 : m;
        low = c <= low ? c : low;
        m = x <= low ? end : m;
        low = x <= low ? x : low;
        fp[n_fp] = low;
        n_fp += m != min;
        min = m;
    }
    return n_fp;
}

size_t duplicate_winnow(const uint64_t *sh, size_t n_sh, uint64_t *fp) {
    return duplicate_winnow_pass(sh, n_sh, fp, NULL, NULL);
}

/* Slots ahead of the one being counted whose cache lines are asked for in advance. */
#define DUPLICATE_PREFETCH 8

size_t duplicate_fingerprints(const uint64_t *words, size_t n_words, uint64_t *fp) {
    if (n_words < DUPLICATE_WORDS) return 0;
    return duplicate_winnow_pass(fp, n_words - DUPLICATE_WORDS + 1, fp, words, fp);
}

/* Counts a document's distinct fingerprints fp (n_fp of them; document d) in *total and those an
 * earlier document that is not a repeat brought in in *shared, and takes over the others. The
 * table has room for them. */
static void duplicate_document(duplicate_index *ix, size_t d, const uint64_t *fp, size_t n_fp,
                               const unsigned char *dup, size_t *total, size_t *shared) {
    *total = *shared = 0;
    const uint32_t d1 = (uint32_t)(d + 1);
    for (size_t j = 0; j < n_fp; j++) {
#if defined(__GNUC__)
        if (j + DUPLICATE_PREFETCH < n_fp)
            __builtin_prefetch(&ix->slots[(size_t)fp[j + DUPLICATE_PREFETCH] & (ix->cap - 1)], 1);
#endif
        duplicate_slot *s = duplicate_find(ix, fp[j]);
        if (s->owner1 == 0) {
            *s = (duplicate_slot){fp[j], d1, d1};
            (*total)++;
            continue;
        }
        if (s->seen == d1) continue;
        s->seen = d1;
        (*total)++;
        if (s->owner1 != d1 && !dup[s->owner1 - 1])
            (*shared)++;
        else
            s->owner1 = d1; /* brought in by a repeat only: this document's now */
    }
}

ars_status duplicate_mark_fingerprints(const uint64_t *const *fp, const size_t *n_fp, size_t n_docs,
                                       unsigned char *dup) {
    if (n_docs >= UINT32_MAX) return ARS_ELIMIT; /* slots keep document numbers in 32 bits */
    /* The table is sized once from the number of fingerprints rather than grown and rehashed. */
    size_t total_fp = 0;
    for (size_t d = 0; d < n_docs; d++)
        if (!dup[d]) total_fp += n_fp[d];
    unsigned char *found = calloc(n_docs ? n_docs : 1, 1);
    duplicate_index ix = {NULL, 0};
    ars_status st = found ? ARS_OK : ARS_ENOMEM;
    if (st == ARS_OK) {
        /* At most three quarters full, as every fingerprint may be new. */
        size_t cap = 4096;
        while (cap / 4 * 3 < total_fp + 1 && cap <= SIZE_MAX / 2 / sizeof(duplicate_slot))
            cap *= 2;
        /* Tens of megabytes on a large run, probed at random: hugemem's huge pages. */
        ix.slots = cap / 4 * 3 >= total_fp + 1 ? hugemem_zalloc(cap * sizeof *ix.slots) : NULL;
        ix.cap = cap;
        if (!ix.slots) st = ARS_ENOMEM;
    }
    for (size_t d = 0; st == ARS_OK && d < n_docs; d++) {
        if (dup[d]) {
            found[d] = 1;
            continue;
        }
        size_t total = 0, shared = 0;
        duplicate_document(&ix, d, fp[d], n_fp[d], found, &total, &shared);
        if (total && (double)shared >= DUPLICATE_SHARE * (double)total) found[d] = 1;
    }
    if (st == ARS_OK)
        for (size_t d = 0; d < n_docs; d++)
            dup[d] = found[d];
    free(found);
    hugemem_free(ix.slots, ix.cap * sizeof *ix.slots);
    return st;
}

ars_status duplicate_mark_words(const uint64_t *const *words, const size_t *n_words, size_t n_docs,
                                unsigned char *dup) {
    if (n_docs >= UINT32_MAX) return ARS_ELIMIT;
    /* The fingerprints of every document one after the other in all (from at[d]). */
    size_t most = 0;
    for (size_t d = 0; d < n_docs; d++)
        if (!dup[d] && n_words[d] > most) most = n_words[d];
    size_t *at = malloc((n_docs + 1) * sizeof *at), *n_fp = malloc((n_docs + 1) * sizeof *n_fp);
    const uint64_t **fp = malloc((n_docs + 1) * sizeof *fp);
    uint64_t *all = NULL, *scratch = malloc((most ? most : 1) * sizeof *scratch);
    size_t n_all = 0, cap_all = 0;
    ars_status st = at && n_fp && fp && scratch ? ARS_OK : ARS_ENOMEM;
    for (size_t d = 0; st == ARS_OK && d < n_docs; d++) {
        at[d] = n_all;
        n_fp[d] = dup[d] ? 0 : duplicate_fingerprints(words[d], n_words[d], scratch);
        if (n_all + n_fp[d] > cap_all) {
            size_t nc = cap_all ? 2 * cap_all : 4096;
            while (nc < n_all + n_fp[d])
                nc *= 2;
            uint64_t *g = realloc(all, nc * sizeof *g);
            if (!g) {
                st = ARS_ENOMEM;
                break;
            }
            all = g;
            cap_all = nc;
        }
        for (size_t k = 0; k < n_fp[d]; k++)
            all[n_all + k] = scratch[k];
        n_all += n_fp[d];
    }
    /* all is NULL while no document has a fingerprint, and NULL + 0 is undefined. */
    for (size_t d = 0; st == ARS_OK && d < n_docs; d++)
        fp[d] = n_fp[d] ? all + at[d] : NULL;
    if (st == ARS_OK) st = duplicate_mark_fingerprints(fp, n_fp, n_docs, dup);
    free(scratch);
    free(at);
    free(n_fp);
    free(fp);
    free(all);
    return st;
}

ars_status duplicate_text_words(const clean_doc *doc, uint64_t **words, size_t *n_words,
                                size_t *cap) {
    duplicate_classes classes;
    duplicate_classes_init(&classes);
    size_t n = duplicate_words(words, cap, &classes, doc);
    if (n == SIZE_MAX) return ARS_ENOMEM;
    *n_words = n;
    return ARS_OK;
}

ars_status duplicate_mark(const clean_doc *docs, size_t n_docs, unsigned char *dup) {
    if (n_docs >= UINT32_MAX) return ARS_ELIMIT;
    uint64_t **words = calloc(n_docs ? n_docs : 1, sizeof *words);
    size_t *n_words = calloc(n_docs ? n_docs : 1, sizeof *n_words);
    ars_status st = words && n_words ? ARS_OK : ARS_ENOMEM;
    for (size_t d = 0; st == ARS_OK && d < n_docs; d++) {
        size_t cap = 0;
        if (!dup[d]) st = duplicate_text_words(&docs[d], &words[d], &n_words[d], &cap);
    }
    if (st == ARS_OK)
        st = duplicate_mark_words((const uint64_t *const *)words, n_words, n_docs, dup);
    for (size_t d = 0; words && d < n_docs; d++)
        free(words[d]);
    free(words);
    free(n_words);
    return st;
}
