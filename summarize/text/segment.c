/* segment.c - pipeline stage 3: Arabic sentence segmentation over the lines clean kept, before
 * normalisation and tokenising. Groups kept lines into paragraphs (joining hard-wrapped PDF lines),
 * then splits each paragraph at final punctuation outside numbers, abbreviations and quotes.
 * Sentences are byte spans into the original text. */
#include "summarize/text/segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Hard-wrapped lines (PDF layout) are recognised by clean.c, which marks the full-width lines of
 * such a document CLEAN_LINE_WRAPPED. A wrapped line that ends mid-sentence continues into the next
 * kept line even across blank lines; a line that stops well before the wrap width (not flagged)
 * ended there on purpose (a title, a signature). */

/* A kept line as the segmenter sees it. */
typedef struct {
    size_t start, end; /* trimmed content */
    size_t n_cp;
    int mid;      /* ends without final punctuation */
    int heading;  /* CLEAN_LINE_HEADING */
    int bullet;   /* starts with "- ", "• " ... */
    int wide;     /* CLEAN_LINE_WRAPPED: a full-width line of a hard-wrapped document */
    size_t index; /* index in the clean_line array */
} segment_line;

/* A growing output array. */
typedef struct {
    segment_sentence *items;
    size_t n, cap;
} segment_out;

static size_t segment_next(const char *s, size_t i, size_t end, int32_t *cp) {
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), cp);
    if (n <= 0) { /* not reached on validated input; keeps the scan moving on bad bytes */
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)n;
}

static size_t segment_prev(const char *s, size_t start, size_t i) {
    do {
        i--;
    } while (i > start && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static int32_t segment_cp_at(const char *s, size_t i, size_t end) {
    int32_t cp = -1;
    if (i < end) segment_next(s, i, end, &cp);
    return cp;
}

static int32_t segment_cp_before(const char *s, size_t start, size_t i) {
    int32_t cp = -1;
    if (i > start) segment_next(s, segment_prev(s, start, i), i, &cp);
    return cp;
}

/* White space, or an invisible format character (RLM, ZWNJ) that trimming removes too. */
static int segment_is_blank(int32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v') return 1;
    if (cp < 0) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
           c == UTF8PROC_CATEGORY_CF;
}

static int segment_is_letter(int32_t cp) {
    if (cp < 0) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int segment_is_digit(int32_t cp) {
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static int segment_is_latin_letter(int32_t cp) {
    return segment_is_letter(cp) && cp < 0x0250;
}

static int segment_is_final(int32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F /* ؟ */ || cp == 0x2026 /* … */ ||
           cp == 0x06D4 /* Arabic full stop */;
}

/* Closing brackets and quotes that belong to the sentence they follow: `قال: "نعم."`. */
static int segment_is_closer(int32_t cp) {
    if (cp < 0) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return cp == '"' || cp == '\'' || c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF;
}

/* --- quotes ---------------------------------------------------------------------------------- */

/* Quote kinds: paired marks «» “” and the ASCII '"' that opens and closes alike. */
enum { SEGMENT_Q_NONE = 0, SEGMENT_Q_GUILLEMET, SEGMENT_Q_CURLY, SEGMENT_Q_ASCII };

typedef struct {
    size_t pos;
    int delta; /* +1 opens, -1 closes */
} segment_qevent;

typedef struct {
    segment_qevent *ev;
    size_t n, cap;
} segment_quotes;

static ars_status segment_qpush(segment_quotes *q, size_t pos, int delta) {
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 16;
        segment_qevent *ev = realloc(q->ev, cap * sizeof *ev);
        if (!ev) return ARS_ENOMEM;
        q->ev = ev;
        q->cap = cap;
    }
    q->ev[q->n].pos = pos;
    q->ev[q->n].delta = delta;
    q->n++;
    return ARS_OK;
}

static int segment_qevent_cmp(const void *a, const void *b) {
    const segment_qevent *x = a, *y = b;
    if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
    return x->delta - y->delta;
}

/* Pairs the quotes of one paragraph and records an event at each matched opener and closer.
 * Only matched pairs count: a quote that never closes inside the paragraph (extraction damage,
 * a typo) is ignored rather than swallowing every sentence after it. A closer matches the nearest
 * open quote of its kind; openers above it that never closed are dropped. An ASCII '"' opens
 * when white space or an opening mark is before it, closes when white space or punctuation is
 * after it, and otherwise (inside a word, as in بـ"ضغوط") does whichever is possible. */
static ars_status segment_pair_quotes(const char *s, size_t start, size_t end, segment_quotes *q) {
    enum { SEGMENT_QSTACK = 32 };
    int kind[SEGMENT_QSTACK];
    size_t pos[SEGMENT_QSTACK];
    size_t depth = 0;
    q->n = 0;
    for (size_t i = start; i < end;) {
        int32_t cp;
        size_t n = segment_next(s, i, end, &cp);
        int k = SEGMENT_Q_NONE, opens = 0;
        if (cp == 0x00AB || cp == 0x00BB) {
            k = SEGMENT_Q_GUILLEMET;
            opens = cp == 0x00AB;
        } else if (cp == 0x201C || cp == 0x201D) {
            k = SEGMENT_Q_CURLY;
            opens = cp == 0x201C;
        } else if (cp == '"') {
            k = SEGMENT_Q_ASCII;
            int32_t before = segment_cp_before(s, start, i);
            int32_t after = segment_cp_at(s, i + n, end);
            int open_ctx = before < 0 || segment_is_blank(before) ||
                           (before >= 0 && (utf8proc_category(before) == UTF8PROC_CATEGORY_PS ||
                                            utf8proc_category(before) == UTF8PROC_CATEGORY_PI));
            int close_ctx = after < 0 || segment_is_blank(after) ||
                            (!segment_is_letter(after) && !segment_is_digit(after));
            int ascii_open = 0;
            for (size_t d = 0; d < depth; d++)
                ascii_open |= kind[d] == SEGMENT_Q_ASCII;
            if (open_ctx && !close_ctx) {
                opens = 1;
            } else if (close_ctx && !open_ctx) {
                opens = 0;
            } else {
                opens = !ascii_open;
            }
        }
        if (k != SEGMENT_Q_NONE) {
            if (opens) {
                if (depth == SEGMENT_QSTACK) { /* absurd nesting: forget the oldest opener */
                    memmove(kind, kind + 1, (SEGMENT_QSTACK - 1) * sizeof kind[0]);
                    memmove(pos, pos + 1, (SEGMENT_QSTACK - 1) * sizeof pos[0]);
                    depth--;
                }
                kind[depth] = k;
                pos[depth] = i;
                depth++;
            } else {
                size_t d = depth;
                while (d > 0 && kind[d - 1] != k)
                    d--;
                if (d > 0) {
                    if (segment_qpush(q, pos[d - 1], +1) != ARS_OK ||
                        segment_qpush(q, i, -1) != ARS_OK)
                        return ARS_ENOMEM;
                    depth = d - 1;
                }
            }
        }
        i += n;
    }
    if (q->n > 1) qsort(q->ev, q->n, sizeof *q->ev, segment_qevent_cmp);
    return ARS_OK;
}

/* --- abbreviations --------------------------------------------------------------------------- */

/* Latin abbreviations that are followed by a period inside a sentence (titles, "No.", months).
 * Arabic abbreviations are single letters (د. for doctor, م. for metre or AD, ص. page, ق. century),
 * handled as a rule rather than a list; so are Latin initials (U.S., George W. Bush). */
static const char *const segment_latin_abbrev[] = {
    "Mr",  "Mrs", "Ms",  "Dr",   "Prof", "Sr",  "Jr",  "St",   "Mt",  "vs",  "etc",  "No",
    "Inc", "Ltd", "Co",  "Corp", "Gen",  "Gov", "Sen", "Rep",  "Lt",  "Col", "Capt", "Jan",
    "Feb", "Mar", "Apr", "Jun",  "Jul",  "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

/* Does the period at s[dot] end the sentence? `start` bounds the look back. */
static int segment_period_ends(const char *s, size_t start, size_t end, size_t dot) {
    int32_t before = segment_cp_before(s, start, dot);
    int32_t after = segment_cp_at(s, dot + 1, end);
    /* Inside a number: 2.5, 10.11.2020. */
    if (segment_is_digit(before) && segment_is_digit(after)) return 0;
    /* Glued to Latin text or a digit after it: U.S.A, example.com, v1.2. A period glued to an
     * Arabic word ("التاسعة.فجاءت") is a missing space and still ends the sentence. */
    if (segment_is_latin_letter(after) || segment_is_digit(after)) return 0;
    /* The word before: letters and combining marks back to the first other character (tatweel
     * does not count, so هـ is one letter). */
    size_t w = dot;
    size_t n_letters = 0;
    while (w > start) {
        size_t p = segment_prev(s, start, w);
        int32_t cp = segment_cp_at(s, p, dot);
        utf8proc_category_t c = cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
        int mark =
            c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
        if (!segment_is_letter(cp) && !mark) break;
        if (cp != 0x0640 && !mark) n_letters++; /* harakat and shadda are not letters: بالتجسّس */
        w = p;
    }
    if (n_letters == 0) return 1;
    if (n_letters == 1) {
        /* م. or هـ. after a year is the era mark (1827 م.), which closes a sentence far more often
         * than it abbreviates in the middle of one. */
        int32_t first = segment_cp_at(s, w, dot);
        if (first == 0x0645 || first == 0x0647) {
            size_t p = w;
            while (p > start && segment_is_blank(segment_cp_before(s, start, p)))
                p = segment_prev(s, start, p);
            if (segment_is_digit(segment_cp_before(s, start, p))) return 1;
        }
        return 0; /* د. م. ص. ق. and Latin initials */
    }
    for (size_t k = 0; k < sizeof segment_latin_abbrev / sizeof segment_latin_abbrev[0]; k++) {
        size_t n = strlen(segment_latin_abbrev[k]);
        if (dot - w == n && memcmp(s + w, segment_latin_abbrev[k], n) == 0) return 0;
    }
    return 1;
}

/* --- output ---------------------------------------------------------------------------------- */

static ars_status segment_emit(segment_out *o, const char *s, size_t start, size_t end,
                               uint32_t flags) {
    while (start < end) {
        int32_t cp;
        size_t n = segment_next(s, start, end, &cp);
        if (!segment_is_blank(cp)) break;
        start += n;
    }
    while (end > start) {
        size_t p = segment_prev(s, start, end);
        if (!segment_is_blank(segment_cp_at(s, p, end))) break;
        end = p;
    }
    /* A span of punctuation alone (a stray "..." or "*") is not a sentence. */
    int has_text = 0;
    for (size_t i = start; i < end && !has_text;) {
        int32_t cp;
        i += segment_next(s, i, end, &cp);
        has_text = segment_is_letter(cp) || segment_is_digit(cp);
    }
    if (!has_text) return ARS_OK;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 32;
        segment_sentence *items = realloc(o->items, cap * sizeof *items);
        if (!items) return ARS_ENOMEM;
        o->items = items;
        o->cap = cap;
    }
    o->items[o->n].start = start;
    o->items[o->n].end = end;
    o->items[o->n].flags = flags;
    o->n++;
    return ARS_OK;
}

/* Splits one paragraph s[start..end) into sentences. */
static ars_status segment_paragraph(const char *s, size_t start, size_t end, uint32_t para_flags,
                                    int bullet, segment_out *o, segment_quotes *q) {
    if (bullet) {
        /* Skip the bullet mark and the white space after it. */
        int32_t cp;
        start += segment_next(s, start, end, &cp);
    }
    if (segment_pair_quotes(s, start, end, q) != ARS_OK) return ARS_ENOMEM;
    size_t qi = 0;
    int depth = 0;
    size_t sent = start;
    uint32_t flags = para_flags;
    for (size_t i = start; i < end;) {
        int32_t cp;
        size_t n = segment_next(s, i, end, &cp);
        while (qi < q->n && q->ev[qi].pos == i)
            depth += q->ev[qi++].delta;
        if (!segment_is_final(cp) ||
            (cp == '.' && segment_cp_at(s, i + n, end) != '.' &&
             segment_cp_at(s, i + n, end) != 0x2026 && !segment_period_ends(s, start, end, i))) {
            i += n;
            continue;
        }
        /* A final mark: take the whole run of marks and closing quotes/brackets after it. */
        size_t j = i + n;
        int run_depth = depth;
        for (;;) {
            int32_t c2 = segment_cp_at(s, j, end);
            if (c2 < 0) break;
            int is_event = qi < q->n && q->ev[qi].pos == j;
            if (segment_is_final(c2)) {
                j += segment_next(s, j, end, &c2);
            } else if (is_event && q->ev[qi].delta < 0) {
                run_depth--;
                depth--;
                qi++;
                j += segment_next(s, j, end, &c2);
            } else if (!is_event && segment_is_closer(c2)) {
                j += segment_next(s, j, end, &c2); /* unmatched: a bracket ")" or a stray quote */
            } else {
                break;
            }
        }
        /* Inside a quote the mark ends nothing, unless the quote closes right after it:
         * `قال: "نعم." وأضاف` ends after the quote. Punctuation right after the run means the
         * sentence goes on (`«نعم.»، مضيفاً`); a letter right after it is a missing space
         * ("نوح.و تعني") and the sentence ends. */
        int32_t after = segment_cp_at(s, j, end);
        if (run_depth > 0 ||
            (after >= 0 && !segment_is_blank(after) && !segment_is_letter(after))) {
            i = j;
            continue;
        }
        if (segment_emit(o, s, sent, j, flags) != ARS_OK) return ARS_ENOMEM;
        flags = para_flags;
        sent = j;
        i = j;
    }
    size_t tail = sent;
    while (tail < end && segment_is_blank(segment_cp_at(s, tail, end)))
        tail += segment_next(s, tail, end, &(int32_t){0});
    if (tail < end && segment_emit(o, s, sent, end, flags) != ARS_OK) return ARS_ENOMEM;
    return ARS_OK;
}

/* --- paragraphs ------------------------------------------------------------------------------ */

static void segment_measure(const char *s, const clean_line *l, size_t index, segment_line *out) {
    size_t start = l->start, end = l->end;
    while (start < end && segment_is_blank(segment_cp_at(s, start, end)))
        start += segment_next(s, start, end, &(int32_t){0});
    while (end > start && segment_is_blank(segment_cp_before(s, start, end)))
        end = segment_prev(s, start, end);
    out->start = start;
    out->end = end;
    out->index = index;
    out->heading = (l->flags & CLEAN_LINE_HEADING) != 0;
    out->wide = (l->flags & CLEAN_LINE_WRAPPED) != 0;
    out->n_cp = 0;
    for (size_t i = start; i < end; out->n_cp++)
        i += segment_next(s, i, end, &(int32_t){0});
    size_t p = end;
    out->mid = 1;
    while (p > start) {
        p = segment_prev(s, start, p);
        int32_t cp = segment_cp_at(s, p, end);
        if (segment_is_closer(cp)) continue;
        out->mid = !segment_is_final(cp);
        break;
    }
    int32_t first = segment_cp_at(s, start, end);
    int32_t second = -1;
    if (first >= 0) {
        int32_t tmp;
        second = segment_cp_at(s, start + segment_next(s, start, end, &tmp), end);
    }
    out->bullet =
        (first == '-' || first == 0x2022 /* • */ || first == 0x2013 /* – */ || first == '*') &&
        segment_is_blank(second);
}

ars_status segment_document(const char *text, size_t len, const clean_line *lines, size_t n_lines,
                            segment_sentence **out, size_t *n_out) {
    (void)len; /* lines carry their own bounds inside text[0..len) */
    *out = NULL;
    *n_out = 0;
    size_t n_kept = 0;
    for (size_t k = 0; k < n_lines; k++)
        n_kept += lines[k].reason == CLEAN_KEEP;
    if (n_kept == 0) return ARS_OK;
    segment_line *ls = malloc(n_kept * sizeof *ls);
    if (!ls) return ARS_ENOMEM;
    size_t m = 0;
    for (size_t k = 0; k < n_lines; k++) {
        if (lines[k].reason == CLEAN_KEEP) segment_measure(text, &lines[k], k, &ls[m++]);
    }
    int wrapped = 0;
    for (size_t k = 0; k < m; k++)
        wrapped |= ls[k].wide;
    segment_out o = {0};
    segment_quotes q = {0};

    for (size_t k = 0; k < m;) {
        if (ls[k].n_cp == 0) { /* kept but empty: nothing to segment */
            k++;
            continue;
        }
        /* Extend the paragraph while the next kept line continues it. */
        size_t last = k;
        while (!ls[last].heading && last + 1 < m) {
            const segment_line *cur = &ls[last], *nx = &ls[last + 1];
            if (nx->heading || nx->bullet || nx->n_cp == 0) break;
            int adjacent = nx->index == cur->index + 1;
            int only_blank_between = 1;
            for (size_t b = cur->index + 1; b < nx->index; b++)
                only_blank_between &= lines[b].reason == CLEAN_BLANK;
            if (!only_blank_between) break; /* a dropped line is a paragraph break */
            if (wrapped) {
                /* Continue across blank lines only mid-sentence and from a full-width line. */
                if (!adjacent && !(cur->mid && cur->wide)) break;
                if (adjacent && cur->mid && !cur->wide) break;
            } else {
                /* Not hard-wrapped: each line is a paragraph, as web text and corpora lay it out;
                 * joining would glue an unpunctuated paragraph onto the next one. */
                break;
            }
            last++;
        }
        uint32_t pflags = ls[k].heading ? SEGMENT_HEADING : 0;
        if (segment_paragraph(text, ls[k].start, ls[last].end, pflags, ls[k].bullet, &o, &q) !=
            ARS_OK)
            goto fail;
        k = last + 1;
    }
    free(q.ev);
    free(ls);
    *out = o.items;
    *n_out = o.n;
    return ARS_OK;

fail:
    free(q.ev);
    free(o.items);
    free(ls);
    return ARS_ENOMEM;
}
