/* tokenize.c - the evaluation tokenizer: NFKC through utf8proc, then a fixed Arabic fold and
 * category-based token runs, optionally stemmed with libstemmer's Snowball Arabic. Part of eval/;
 * deliberately independent of summarize/text so the yardstick stays fixed. */
#include "eval/tokenize.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

struct eval_tokenizer {
    eval_tokenize_options opts;
    struct sb_stemmer *stemmer;
    char *buf; /* the token being built */
    size_t len, cap;
};

void eval_tokenize_options_init(eval_tokenize_options *o) {
    o->normalize = 1;
    o->stem = 0;
    o->pretokenized = 0;
}

int eval_tokenizer_new(const eval_tokenize_options *o, eval_tokenizer **out) {
    *out = NULL;
    eval_tokenizer *t = calloc(1, sizeof *t);
    if (!t) return ENOMEM;
    if (o)
        t->opts = *o;
    else
        eval_tokenize_options_init(&t->opts);
    if (t->opts.stem) {
        t->stemmer = sb_stemmer_new("arabic", "UTF_8");
        if (!t->stemmer) {
            free(t);
            return ENOENT;
        }
    }
    *out = t;
    return 0;
}

void eval_tokenizer_free(eval_tokenizer *t) {
    if (!t) return;
    if (t->stemmer) sb_stemmer_delete(t->stemmer);
    free(t->buf);
    free(t);
}

int eval_tokenize_fold(int cp) {
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) return -1;
    switch (cp) {
    case 0x0623: /* alef with hamza above */
    case 0x0625: /* alef with hamza below */
    case 0x0622: /* alef with madda */
    case 0x0671: /* alef wasla */
        return 0x0627;
    case 0x0649: /* alef maqsura */
        return 0x064A;
    case 0x0629: /* teh marbuta */
        return 0x0647;
    default:
        break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    return (int)utf8proc_tolower((utf8proc_int32_t)cp);
}

static int tokenize_is_word(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
        return 1;
    default:
        return 0;
    }
}

static int tokenize_reserve(eval_tokenizer *t, size_t extra) {
    if (t->len + extra <= t->cap) return 0;
    size_t cap = t->cap ? t->cap * 2 : 64;
    while (cap < t->len + extra)
        cap *= 2;
    char *b = realloc(t->buf, cap);
    if (!b) return ENOMEM;
    t->buf = b;
    t->cap = cap;
    return 0;
}

/* Hands the built token to the callback (through the stemmer when asked) and clears it. */
static int tokenize_flush(eval_tokenizer *t, eval_token_fn fn, void *user) {
    if (t->len == 0) return 0;
    size_t len = t->len;
    t->len = 0;
    if (t->stemmer) {
        const sb_symbol *st = sb_stemmer_stem(t->stemmer, (const sb_symbol *)t->buf, (int)len);
        if (!st) return ENOMEM;
        int st_len = sb_stemmer_length(t->stemmer);
        /* An empty stem would silently drop a word; keep the surface form instead. */
        if (st_len > 0) return fn(user, (const char *)st, (size_t)st_len);
    }
    return fn(user, t->buf, len);
}

static int tokenize_pretokenized(eval_tokenizer *t, const char *s, size_t len, eval_token_fn fn,
                                 void *user) {
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            i++;
        size_t start = i;
        while (i < len && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            i++;
        if (i > start) {
            if (tokenize_reserve(t, i - start) != 0) return ENOMEM;
            memcpy(t->buf, s + start, i - start);
            t->len = i - start;
            int rc = tokenize_flush(t, fn, user);
            if (rc) return rc;
        }
    }
    return 0;
}

int eval_tokenizer_each(eval_tokenizer *t, const char *s, size_t len, eval_token_fn fn,
                        void *user) {
    t->len = 0;
    if (t->opts.pretokenized) return tokenize_pretokenized(t, s, len, fn, user);
    if (len > (size_t)INTPTR_MAX / 8) return ENOMEM;
    const utf8proc_uint8_t *text = (const utf8proc_uint8_t *)s;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = (utf8proc_ssize_t)len;
    if (t->opts.normalize) {
        utf8proc_ssize_t got =
            utf8proc_map(text, n, &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
        if (got < 0) return got == UTF8PROC_ERROR_NOMEM ? ENOMEM : EILSEQ;
        text = mapped;
        n = got;
    }
    int rc = 0;
    utf8proc_ssize_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate(text + i, n - i, &cp);
        if (step < 0) {
            rc = EILSEQ;
            break;
        }
        i += step;
        if (!tokenize_is_word(cp)) {
            rc = tokenize_flush(t, fn, user);
            if (rc) break;
            continue;
        }
        int out = t->opts.normalize ? eval_tokenize_fold(cp) : cp;
        if (out < 0) continue;
        if ((rc = tokenize_reserve(t, 4)) != 0) break;
        t->len += (size_t)utf8proc_encode_char(out, (utf8proc_uint8_t *)t->buf + t->len);
    }
    if (rc == 0) rc = tokenize_flush(t, fn, user);
    t->len = 0;
    free(mapped);
    return rc;
}

static int tokenize_count_one(void *user, const char *tok, size_t len) {
    (void)tok;
    (void)len;
    (*(size_t *)user)++;
    return 0;
}

size_t eval_tokenizer_count(eval_tokenizer *t, const char *s, size_t len) {
    size_t n = 0;
    if (eval_tokenizer_each(t, s, len, tokenize_count_one, &n) != 0) return (size_t)-1;
    return n;
}
