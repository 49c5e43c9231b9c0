/* ta_marbuta.c - measures whether ة -> ه belongs before or after Snowball stemming, over the word
 * types of a JSONL corpus (field "text"), with the library's own normaliser and tokenizer. It
 * reports figures, it is not a test. The result is recorded in summarize/text/stem.c. Build and run
 * from the repository root, after configuring build/ (for the generated summarize_version.h):
 *   cc -O2 -I. -Ibuild/include/summarize bench/ta_marbuta.c summarize/text/normalize.c \
 *      summarize/text/tokenize.c -lutf8proc -lstemmer -ljansson -o /tmp/ta_marbuta
 *   /tmp/ta_marbuta ../shared/data/ant_background/ant_background.jsonl */
#include <jansson.h>
#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/text/normalize.h"
#include "summarize/text/tokenize.h"

#define TA "\xd8\xa9" /* ة */
#define HA "\xd9\x87" /* ه */

typedef struct {
    char *word; /* normalised, ة kept */
    size_t len;
    size_t count;
    char *stem_a; /* (a) fold, then stem */
    char *stem_b; /* (b) stem, then fold */
} type_entry;

static type_entry *types;
static size_t n_types, cap_types;
static size_t *slots; /* index + 1 into types; 0 = empty */
static size_t n_slots;

static uint64_t bench_hash(const char *s, size_t len) {
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

static void *bench_xalloc(void *p, size_t size) {
    void *r = realloc(p, size);
    if (!r) {
        fputs("ta_marbuta: out of memory\n", stderr);
        exit(3);
    }
    return r;
}

static size_t *bench_slot(const char *s, size_t len) {
    for (size_t i = bench_hash(s, len) & (n_slots - 1);; i = (i + 1) & (n_slots - 1)) {
        if (!slots[i]) return &slots[i];
        type_entry *t = &types[slots[i] - 1];
        if (t->len == len && memcmp(t->word, s, len) == 0) return &slots[i];
    }
}

static void bench_rehash(void) {
    size_t n = n_slots ? n_slots * 2 : 1u << 16;
    free(slots);
    slots = bench_xalloc(NULL, n * sizeof *slots);
    memset(slots, 0, n * sizeof *slots);
    n_slots = n;
    for (size_t i = 0; i < n_types; i++)
        *bench_slot(types[i].word, types[i].len) = i + 1;
}

static void bench_add(const char *s, size_t len) {
    if ((n_types + 1) * 2 > n_slots) bench_rehash();
    size_t *slot = bench_slot(s, len);
    if (*slot) {
        types[*slot - 1].count++;
        return;
    }
    if (n_types == cap_types) {
        cap_types = cap_types ? cap_types * 2 : 4096;
        types = bench_xalloc(types, cap_types * sizeof *types);
    }
    char *w = bench_xalloc(NULL, len + 1);
    memcpy(w, s, len);
    w[len] = '\0';
    types[n_types] = (type_entry){.word = w, .len = len, .count = 1};
    *slot = ++n_types;
}

/* Index of a type, or -1. */
static long bench_find(const char *s, size_t len) {
    size_t *slot = bench_slot(s, len);
    return *slot ? (long)(*slot - 1) : -1;
}

static char *bench_stem(struct sb_stemmer *sb, const char *s, size_t len) {
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)s, (int)len);
    if (!r) exit(3);
    size_t n = (size_t)sb_stemmer_length(sb);
    char *out = bench_xalloc(NULL, n + 1);
    memcpy(out, r, n);
    out[n] = '\0';
    return out;
}

static int ends_with(const type_entry *t, const char *suffix) {
    size_t n = strlen(suffix);
    return t->len >= n && memcmp(t->word + t->len - n, suffix, n) == 0;
}

static int starts_with(const type_entry *t, const char *prefix) {
    size_t n = strlen(prefix);
    return t->len >= n && memcmp(t->word, prefix, n) == 0;
}

typedef struct {
    const char *title;
    size_t pairs, tokens;
    size_t same_a, same_b, tokens_a, tokens_b;
} pair_stats;

static void pair_count(pair_stats *ps, long i, long j) {
    if (i < 0 || j < 0) return;
    size_t w = types[i].count < types[j].count ? types[i].count : types[j].count;
    ps->pairs++;
    ps->tokens += w;
    if (strcmp(types[i].stem_a, types[j].stem_a) == 0) ps->same_a++, ps->tokens_a += w;
    if (strcmp(types[i].stem_b, types[j].stem_b) == 0) ps->same_b++, ps->tokens_b += w;
}

static void pair_print(const pair_stats *ps) {
    if (!ps->pairs) return;
    printf("%-44s %6zu pairs (%7zu tokens on the rarer side): same stem (a) %5.1f%% [%5.1f%% of "
           "tokens]  (b) %5.1f%% [%5.1f%%]\n",
           ps->title, ps->pairs, ps->tokens, 100.0 * ps->same_a / ps->pairs,
           100.0 * ps->tokens_a / ps->tokens, 100.0 * ps->same_b / ps->pairs,
           100.0 * ps->tokens_b / ps->tokens);
}

/* Looks up prefix + t.word[0 .. len-cut] + suffix. */
static long lookup_variant(const type_entry *t, const char *prefix, size_t cut,
                           const char *suffix) {
    char buf[1024];
    size_t pl = strlen(prefix), sl = strlen(suffix), body = t->len - cut;
    if (pl + body + sl > sizeof buf) return -1;
    memcpy(buf, prefix, pl);
    memcpy(buf + pl, t->word, body);
    memcpy(buf + pl + body, suffix, sl);
    return bench_find(buf, pl + body + sl);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fputs("usage: ta_marbuta CORPUS.jsonl\n", stderr);
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    char *line = NULL;
    size_t line_cap = 0, n_docs = 0, n_tokens = 0;
    ssize_t line_len;
    token_span *toks = NULL;
    size_t n_toks = 0, cap_toks = 0;
    while ((line_len = getline(&line, &line_cap, f)) > 0) {
        json_error_t jerr;
        json_t *doc = json_loadb(line, (size_t)line_len, 0, &jerr);
        const char *text = doc ? json_string_value(json_object_get(doc, "text")) : NULL;
        if (text) {
            char *norm;
            size_t norm_len;
            if (normalize_text(text, json_string_length(json_object_get(doc, "text")), &norm,
                               &norm_len) == ARS_OK) {
                n_toks = 0;
                if (tokenize(norm, norm_len, &toks, &n_toks, &cap_toks) != ARS_OK) return 3;
                for (size_t i = 0; i < n_toks; i++) {
                    if (!(toks[i].flags & TOKEN_ARABIC)) continue;
                    bench_add(norm + toks[i].start, toks[i].len);
                    n_tokens++;
                }
                free(norm);
            }
            n_docs++;
        }
        json_decref(doc);
    }
    free(line);
    free(toks);
    fclose(f);

    struct sb_stemmer *sb = sb_stemmer_new("arabic", "UTF_8");
    if (!sb) return 3;
    size_t dis_types = 0, dis_tokens = 0, ta_types = 0, ta_tokens = 0;
    for (size_t i = 0; i < n_types; i++) {
        type_entry *t = &types[i];
        char *folded = bench_xalloc(NULL, t->len + 1);
        memcpy(folded, t->word, t->len + 1);
        normalize_fold_ta_marbuta(folded, t->len);
        t->stem_a = bench_stem(sb, folded, t->len);
        t->stem_b = bench_stem(sb, t->word, t->len);
        normalize_fold_ta_marbuta(t->stem_b, strlen(t->stem_b));
        free(folded);
        if (strstr(t->word, TA)) ta_types++, ta_tokens += t->count;
        if (strcmp(t->stem_a, t->stem_b) != 0) dis_types++, dis_tokens += t->count;
    }
    sb_stemmer_delete(sb);

    printf("%zu documents, %zu Arabic-letter tokens, %zu types; %zu types (%zu tokens) hold ة\n",
           n_docs, n_tokens, n_types, ta_types, ta_tokens);
    printf("(a) fold ة -> ه, then stem;  (b) stem, then fold ة -> ه\n");
    printf("(a) and (b) disagree on %zu types (%.2f%%), %zu tokens (%.2f%%)\n", dis_types,
           100.0 * dis_types / n_types, dis_tokens, 100.0 * dis_tokens / n_tokens);

    pair_stats definite = {.title = "X / الX, X ends in ة"},
               bi = {.title = "X / بالX, X ends in ة"}, wa = {.title = "X / وX, X ends in ة"},
               fem = {.title = "X / Xة (masculine / feminine)"}, fem_def = {.title = "الX / الXة"},
               plural = {.title = "Xة / Xات (singular / plural)"},
               variant = {.title = "الXة / الXه (ة written as ه after ال)"},
               pronoun = {.title = "Xة / Xه, no ال (ta marbuta / pronoun ه)"};
    for (size_t i = 0; i < n_types; i++) {
        const type_entry *t = &types[i];
        if (ends_with(t, TA)) {
            pair_count(&definite, (long)i, lookup_variant(t, "\xd8\xa7\xd9\x84", 0, ""));
            pair_count(&bi, (long)i, lookup_variant(t, "\xd8\xa8\xd8\xa7\xd9\x84", 0, ""));
            pair_count(&wa, (long)i, lookup_variant(t, "\xd9\x88", 0, ""));
            pair_count(&plural, (long)i, lookup_variant(t, "", 2, "\xd8\xa7\xd8\xaa"));
            if (starts_with(t, "\xd8\xa7\xd9\x84"))
                pair_count(&variant, (long)i, lookup_variant(t, "", 2, HA));
            else
                pair_count(&pronoun, (long)i, lookup_variant(t, "", 2, HA));
        } else {
            long j = lookup_variant(t, "", 0, TA);
            pair_count(starts_with(t, "\xd8\xa7\xd9\x84") ? &fem_def : &fem, (long)i, j);
        }
    }
    pair_print(&definite);
    pair_print(&bi);
    pair_print(&wa);
    pair_print(&fem);
    pair_print(&fem_def);
    pair_print(&plural);
    pair_print(&variant);
    pair_print(&pronoun);

    for (size_t i = 0; i < n_types; i++) {
        free(types[i].word);
        free(types[i].stem_a);
        free(types[i].stem_b);
    }
    free(types);
    free(slots);
    return 0;
}
