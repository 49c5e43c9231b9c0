/* segment.c - pipeline stage 3: Arabic sentence segmentation over the lines clean kept, before
 * normalisation and tokenising. Groups kept lines into paragraphs (joining hard-wrapped PDF lines),
 * then splits each paragraph at final punctuation outside numbers, abbreviations and quotes.
 * Sentences are byte spans into the original text. */
#include "summarize/text/segment.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "summarize/common/swar.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "summarize/text/chars.h"

/* Hard-wrapped lines (PDF layout) are recognised by clean.c, which marks the full-width lines of
 * such a document CLEAN_LINE_WRAPPED. A wrapped line that ends mid-sentence continues into the next
 * kept line even across blank lines; a line that stops well before the wrap width (not flagged)
 * ended there on purpose (a title, a signature). Every line feature used here (trimmed span, final
 * mark, bullet, heading, title) is measured once, in clean.c. */

/* The most words of a question segment_is_teaser takes for a teaser: a heading's length (clean.c's
 * CLEAN_HEADING_MAX_WORDS, its question sub-headings included). */
#define SEGMENT_TEASER_MAX_WORDS 15

/* A kept line as the segmenter sees it. */
typedef struct {
    size_t start, end; /* trimmed text (clean_line.start, .end) */
    int mid;           /* ends without final punctuation */
    int heading;       /* CLEAN_LINE_HEADING */
    int bullet;        /* CLEAN_LINE_BULLET */
    int wide;          /* CLEAN_LINE_WRAPPED: a full-width line of a hard-wrapped document */
    size_t index;      /* index in the clean_line array */
} segment_line;

/* A growing output array. */
typedef struct {
    segment_sentence *items;
    size_t n, cap;
} segment_out;

/* First bytes of the characters the scans below stop at: quotes (« » C2 AB/BB, “ ” E2 80 9C/9D,
 * '"') and final marks (. ! ?, ؟ D8 9F, U+06D4 DB 94, … E2 80 A6). Continuation bytes are never
 * among them, so a scan may step over every other byte one at a time. */
static const unsigned char segment_quote_lead[256] = {['"'] = 1, [0xC2] = 1, [0xE2] = 1};
static const unsigned char segment_final_lead[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xD8] = 1, [0xDB] = 1, [0xE2] = 1};

/* Sixteen bytes at a time where the compiler has vector types (gcc, clang: SSE2 on x86-64, NEON
 * on ARM): a compare per byte value sought, all sixteen lanes at once. Elsewhere the scans take
 * eight bytes at a time with swar_any_equal only. */
#if defined(__GNUC__)
#define SEGMENT_V16 1
typedef unsigned char segment_v16 __attribute__((vector_size(16)));
typedef signed char segment_m16 __attribute__((vector_size(16)));

static inline segment_v16 segment_load16(const char *p) {
    segment_v16 v;
    memcpy(&v, p, 16);
    return v;
}

/* The lanes of a comparison's result as bits, bit k for lane k: one instruction with SSE2. */
static inline unsigned segment_mask16(segment_m16 m) {
#if defined(__SSE2__)
    return (unsigned)_mm_movemask_epi8((__m128i)m);
#else
    unsigned bits = 0;
    for (unsigned k = 0; k < 16; k++)
        bits |= (unsigned)(m[k] & 1) << k;
    return bits;
#endif
}

/* The lanes of the sixteen bytes at p that may start a quote (see segment_quote_lead). */
static inline unsigned segment_quote_mask16(const char *p) {
    segment_v16 x = segment_load16(p);
    return segment_mask16((x == '"') | (x == 0xC2) | (x == 0xE2));
}

/* The lanes of the sixteen bytes at p that may be part of a final mark (see segment_final_lead),
 * and in *second those that may be the second byte of a ؟ (9F), whose D8 is the byte before. */
static inline unsigned segment_final_mask16(const char *p, unsigned *second) {
    segment_v16 x = segment_load16(p);
    *second = segment_mask16(x == 0x9F);
    return segment_mask16((x == '.') | (x == '!') | (x == '?') | (x == 0xDB) | (x == 0xE2)) |
           *second;
}
#endif

/* The first byte from i on (end when none) that may start a quote; with vectors exactly, else
 * after a run of eight-byte blocks without one (the caller steps over other bytes). The whole
 * text before end is readable, so the last sixteen bytes before end are read as one block. */
static inline size_t segment_skip_to_quote(const char *s, size_t i, size_t end) {
#if SEGMENT_V16
    for (; i + 16 <= end; i += 16) {
        unsigned m = segment_quote_mask16(s + i);
        if (m) return i + swar_lowest_bit(m);
    }
    if (i < end && end >= 16) {
        unsigned m = segment_quote_mask16(s + end - 16) >> (i - (end - 16));
        return m ? i + swar_lowest_bit(m) : end;
    }
#endif
    /* Eight bytes at a time while none of them can start a quote. */
    while (i + 8 <= end) {
        uint64_t x = swar_load((const unsigned char *)s + i);
        if (swar_any_equal(x, '"') | swar_any_equal(x, 0xC2) | swar_any_equal(x, 0xE2)) break;
        i += 8;
    }
    return i;
}

/* The same for final marks: the first byte that may be part of one, or the D8 before a 9F (the
 * byte at i - 1 is the caller's). */
static inline size_t segment_skip_to_final(const char *s, size_t i, size_t end) {
#if SEGMENT_V16
    unsigned m, second;
    for (; i + 16 <= end; i += 16) {
        m = segment_final_mask16(s + i, &second);
        if (m) goto found;
        /* a ؟ across the blocks (its 9F the first byte of the next one, if the text goes on) */
        if (i + 16 < end && (unsigned char)s[i + 16] == 0x9F) return i + 15;
    }
    if (i < end && end >= 16) {
        size_t shift = i - (end - 16);
        m = segment_final_mask16(s + end - 16, &second) >> shift;
        second >>= shift;
        if (!m) return end;
        goto found;
    }
    return i;
found : {
    size_t k = swar_lowest_bit(m);
    return k > 0 && (second >> k & 1u) ? i + k - 1 : i + k;
}
#else
    /* Eight bytes at a time while none of them can be part of a final mark: no . ! ?, no lead DB
     * or E2, no 9F (the second byte of ؟), and no 9F right after them, which would make their
     * last byte the D8 of a ؟. */
    while (i + 9 <= end && (unsigned char)s[i + 8] != 0x9F) {
        uint64_t x = swar_load((const unsigned char *)s + i);
        if (swar_any_equal(x, '.') | swar_any_equal(x, '!') | swar_any_equal(x, '?') |
            swar_any_equal(x, 0xDB) | swar_any_equal(x, 0xE2) | swar_any_equal(x, 0x9F))
            break;
        i += 8;
    }
    return i;
#endif
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
    size_t orphan;   /* the first closer met with no quote open, at a sentence end: the quote
                        began before the paragraph (SIZE_MAX when there is none) */
    int open_at_end; /* a quote opened in the paragraph is still open at its end */
    int stepwise;    /* scans step one byte at a time (segment_document_stepwise) */
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

/* 1 when only final marks, closers and blanks are left in s[i..end). */
static int segment_ends_paragraph(const char *s, size_t i, size_t end) {
    while (i < end) {
        int32_t cp;
        i += chars_next(s, i, end, &cp);
        if (!chars_is_final(cp) && !chars_is_closer(cp) && !chars_is_blank(cp)) return 0;
    }
    return 1;
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
    q->orphan = SIZE_MAX;
    for (size_t i = start; i < end;) {
        /* Only « » (C2 AB, C2 BB), “ ” (E2 80 9C, E2 80 9D) and '"' matter here: other bytes are
         * stepped over one by one (continuation bytes are never one of these leads). */
        if (!segment_quote_lead[(unsigned char)s[i]]) {
            i = q->stepwise ? i + 1 : segment_skip_to_quote(s, i + 1, end);
            continue;
        }
        int32_t cp;
        size_t n = chars_next(s, i, end, &cp);
        int k = SEGMENT_Q_NONE, opens = 0;
        if (cp == 0x00AB || cp == 0x00BB) {
            k = SEGMENT_Q_GUILLEMET;
            opens = cp == 0x00AB;
        } else if (cp == 0x201C || cp == 0x201D) {
            k = SEGMENT_Q_CURLY;
            opens = cp == 0x201C;
        } else if (cp == '"') {
            k = SEGMENT_Q_ASCII;
            int32_t before = chars_before(s, start, i);
            int32_t after = chars_at(s, i + n, end);
            int open_ctx = before < 0 || chars_is_blank(before) ||
                           chars_category(before) == UTF8PROC_CATEGORY_PS ||
                           chars_category(before) == UTF8PROC_CATEGORY_PI;
            int close_ctx = after < 0 || chars_is_blank(after) ||
                            (!chars_is_letter(after) && !chars_is_digit(after));
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
                /* A closer with nothing open ends a quotation begun in an earlier paragraph when it
                 * closes the paragraph's last sentence (`... الإلهام."` or `... الإلهام".`);
                 * elsewhere it is a typo or a misread opener (`وقالت :" ...`). */
                if (depth == 0 && q->orphan == SIZE_MAX && segment_ends_paragraph(s, i + n, end) &&
                    (chars_is_final(chars_before(s, start, i)) ||
                     chars_is_final(chars_at(s, i + n, end))))
                    q->orphan = i;
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
    q->open_at_end = depth > 0;
    if (q->n > 1) qsort(q->ev, q->n, sizeof *q->ev, segment_qevent_cmp);
    return ARS_OK;
}

/* --- abbreviations --------------------------------------------------------------------------- */

/* Latin abbreviations that are followed by a period inside a sentence (titles, "No.", months).
 * Arabic abbreviations are single letters (د. for doctor, م. for metre or AD, ص. page, ق. century),
 * handled as a rule rather than a list; so are Latin initials (U.S., George W. Bush). */
static const char segment_latin_abbrev[][5] = {
    "Mr",  "Mrs", "Ms",  "Dr",   "Prof", "Sr",  "Jr",  "St",   "Mt",  "vs",  "etc",  "No",
    "Inc", "Ltd", "Co",  "Corp", "Gen",  "Gov", "Sen", "Rep",  "Lt",  "Col", "Capt", "Jan",
    "Feb", "Mar", "Apr", "Jun",  "Jul",  "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

/* Latin letters as Arabic spells their names, which initials and acronyms are written with (سي.جيه
 * for C.J., إف.بي.آي for FBI), hamza and alef variants included. */
static const char segment_letter_names[][13] = {
    "إيه", "ايه", "أيه", "بي",  "سي",  "دي",  "إي", "إف",    "اف",     "جي",
    "إتش", "اتش", "آي",  "أي",  "جيه", "كيه", "كي", "إل",    "إم",     "ام",
    "إن",  "ان",  "أو",  "او",  "كيو", "آر",  "أر", "ار",    "إس",     "اس",
    "تي",  "يو",  "في",  "إكس", "اكس", "واي", "زد", "دبليو", "دابليو", "زي",
};

/* Letter names that are also common Arabic words (بي "by me", في "in", أو "or", إن and ان "that",
 * أي "which", كي "so that", زي "dress", ام "mother"): at a sentence's end they are the word far
 * more often than an initial. */
static const char segment_word_names[][5] = {"بي", "في", "أو", "او", "إن",
                                             "ان", "أي", "كي", "زي", "ام"};

/* Is s[from..to) one of the count words of a list whose entries are width bytes each, padded with
 * NULs (a word of n bytes is an entry whose byte n is a NUL: no strlen per entry)? */
static int segment_in_list(const char *list, size_t width, size_t count, const char *s, size_t from,
                           size_t to) {
    size_t n = to - from;
    if (n >= width) return 0;
    for (size_t k = 0; k < count; k++)
        if (list[k * width + n] == '\0' && memcmp(list + k * width, s + from, n) == 0) return 1;
    return 0;
}

#define SEGMENT_IN_LIST(list, s, from, to)                                                         \
    segment_in_list(&(list)[0][0], sizeof(list)[0], sizeof(list) / sizeof(list)[0], s, from, to)

static int segment_is_letter_name(const char *s, size_t from, size_t to) {
    return SEGMENT_IN_LIST(segment_letter_names, s, from, to);
}

static int segment_is_word_name(const char *s, size_t from, size_t to) {
    return SEGMENT_IN_LIST(segment_word_names, s, from, to);
}

/* The end of the run of letters and marks that starts at s[p] (p itself when there is none). */
static size_t segment_word_end(const char *s, size_t p, size_t end) {
    while (p < end) {
        int32_t cp;
        size_t k = chars_next(s, p, end, &cp);
        if (!chars_is_letter(cp) && !chars_is_mark(cp)) break;
        p += k;
    }
    return p;
}

/* The start of the run of letters and marks that ends at s[p] (p itself when there is none). */
static size_t segment_word_start(const char *s, size_t start, size_t p) {
    while (p > start) {
        size_t q = chars_prev(s, start, p);
        int32_t cp = chars_at(s, q, p);
        if (!chars_is_letter(cp) && !chars_is_mark(cp)) break;
        p = q;
    }
    return p;
}

/* Is the period at s[dot], after the letter name s[w..dot) and before blanks, an initial's or a
 * spaced acronym's rather than a sentence's end? A spaced acronym or run of initials: the next
 * word is a letter name too, and a period follows it or one stands before s[w] ("سي. إن. إن",
 * "أندرو اف. جي. قولد"). A middle initial: a word that is no letter name stands before it, the
 * next word is no letter name and does not open with the conjunctions و or ف, and the letter name
 * is not also a common word ("جورج دبليو. بوش", "بيتر إل. سيلا"; not "الخاص بي. لا أدري", "بي بي
 * سي. إنها", "أحمد إتش. ويبلغ"). In ant_background's 14,692 articles such periods number a few
 * dozen, with no group letter at a sentence's end among them ("المجموعة دي."), the case this would
 * join wrongly. */
static int segment_initial_period(const char *s, size_t start, size_t end, size_t w, size_t dot) {
    if (!segment_is_letter_name(s, w, dot)) return 0;
    size_t nw = dot + 1;
    while (nw < end && chars_is_blank(chars_at(s, nw, end)))
        nw += chars_next(s, nw, end, &(int32_t){0});
    size_t ne = segment_word_end(s, nw, end);
    if (ne == nw) return 0;
    size_t pe = w;
    while (pe > start && chars_is_blank(chars_before(s, start, pe)))
        pe = chars_prev(s, start, pe);
    int dotted_before = pe < w && chars_before(s, start, pe) == '.';
    if (dotted_before) pe = chars_prev(s, start, pe);
    size_t pw = pe < w ? segment_word_start(s, start, pe) : pe;
    int chain = dotted_before && pw < pe && segment_is_letter_name(s, pw, pe);
    if (segment_is_letter_name(s, nw, ne)) return chars_at(s, ne, end) == '.' || chain;
    if (!chain && (dotted_before || pw == pe || segment_is_letter_name(s, pw, pe))) return 0;
    if (segment_is_word_name(s, w, dot)) return 0;
    int32_t first = chars_at(s, nw, end);
    return first != 0x0648 /* و */ && first != 0x0641 /* ف */;
}

/* Is the period at s[dot], between the letter group s[w..dot) of one to three letters and a letter
 * right after it, inside an acronym, initials or a web address spelled in Arabic letters? Three or
 * more groups of one to three letters joined by periods are (بي.بي.سي، سي.آي.إيه، زد.دي.إف: 216 in
 * ant_background); so are two when both are the names of Latin letters (سي.جيه مكولوم), or when the
 * second is كوم (بيت.كوم). Other pairs of short words around a period are a missing space as often
 * as not: EASC has "جزر.في", "له.على", "فيه.ولا" and "نوح.و" against one "سي.آي". */
static int segment_acronym_period(const char *s, size_t start, size_t end, size_t w, size_t dot) {
    size_t q = dot + 1, n = 0;
    while (q < end && n <= 3) {
        int32_t cp;
        size_t k = chars_next(s, q, end, &cp);
        if (!chars_is_letter(cp)) break;
        n++;
        q += k;
    }
    if (n == 0 || n > 3) return 0;
    if (chars_at(s, q, end) == '.' || chars_before(s, start, w) == '.') return 1;
    static const char com[] = "كوم";
    if (q - (dot + 1) == sizeof com - 1 && memcmp(s + dot + 1, com, sizeof com - 1) == 0) return 1;
    return segment_is_letter_name(s, w, dot) && segment_is_letter_name(s, dot + 1, q);
}

/* Does the period at s[dot] end the sentence? `start` bounds the look back. */
static int segment_period_ends(const char *s, size_t start, size_t end, size_t dot) {
    int32_t before = chars_before(s, start, dot);
    int32_t after = chars_at(s, dot + 1, end);
    /* Inside a number: 2.5, 10.11.2020. */
    if (chars_is_digit(before) && chars_is_digit(after)) return 0;
    /* Glued to Latin text or a digit after it: U.S.A, example.com, v1.2. A period glued to an
     * Arabic word ("التاسعة.فجاءت") is a missing space and still ends the sentence. */
    if (chars_is_latin_letter(after) || chars_is_digit(after)) return 0;
    /* The word before: letters and combining marks back to the first other character (tatweel
     * does not count, so هـ is one letter). */
    size_t w = dot;
    size_t n_letters = 0;
    while (w > start) {
        size_t p = chars_prev(s, start, w);
        int32_t cp = chars_at(s, p, dot);
        int mark = chars_is_mark(cp); /* by the table below U+0800, as the letter test is */
        if (!chars_is_letter(cp) && !mark) break;
        if (cp != 0x0640 && !mark) n_letters++; /* harakat and shadda are not letters: بالتجسّس */
        w = p;
    }
    if (n_letters == 0) return 1;
    if (n_letters <= 3 && chars_is_letter(after) && segment_acronym_period(s, start, end, w, dot))
        return 0;
    if (n_letters <= 6 && chars_is_blank(after) && segment_initial_period(s, start, end, w, dot))
        return 0;
    if (n_letters == 1) {
        /* One letter after a number and before a blank is a unit or the era mark (1827 م.، 6ث.
         * for six seconds), which closes a sentence far more often than it abbreviates in the
         * middle of one; but ق. there opens ق.م (before Christ: "2550 ق. م"), and a letter right
         * after the period makes an abbreviation of two ("18,00 ت.غ", Greenwich time). */
        int32_t first = chars_at(s, w, dot);
        if (first != 0x0642 && chars_is_arabic_block(first) && !chars_is_letter(after)) {
            size_t p = w;
            while (p > start && chars_is_blank(chars_before(s, start, p)))
                p = chars_prev(s, start, p);
            if (chars_is_digit(chars_before(s, start, p))) return 1;
        }
        return 0; /* د. م. ص. ق. and Latin initials */
    }
    /* The list's type bounds its words to four letters: a longer word (most of them, Arabic
     * letters being two bytes) needs no look at it. */
    if (dot - w >= sizeof segment_latin_abbrev[0]) return 1;
    for (size_t k = 0; k < sizeof segment_latin_abbrev / sizeof segment_latin_abbrev[0]; k++) {
        size_t n = strlen(segment_latin_abbrev[k]);
        if (dot - w == n && memcmp(s + w, segment_latin_abbrev[k], n) == 0) return 0;
    }
    return 1;
}

/* Is the '?' at s[mark] a sign lost to an encoding rather than the end of a question? Text that
 * passed through a code page without Arabic signs comes back with '?' for each character it could
 * not carry, and after a figure that character is a percent or other sign ("لخفض 25-40 ? من
 * انبعاثات الغازات", a ٪ in the source): Arabic questions end with ؟, and in the development data
 * every ASCII '?' after a number (four of four) is such a loss, where splitting there leaves a
 * fragment ("من انبعاثات الغازات."). So a lone '?' after a digit, blanks between them allowed, ends
 * nothing; "?!" or "??" after a figure, or a '?' after a word ("ربما?"), still ends a sentence. */
static int segment_lost_sign(const char *s, size_t start, size_t end, size_t mark) {
    if (chars_is_final(chars_at(s, mark + 1, end))) return 0;
    size_t p = mark;
    while (p > start && chars_is_blank(chars_before(s, start, p)))
        p = chars_prev(s, start, p);
    return chars_is_digit(chars_before(s, start, p));
}

/* --- output ---------------------------------------------------------------------------------- */

static ars_status segment_emit(segment_out *o, const char *s, size_t start, size_t end,
                               uint32_t flags) {
    while (start < end) {
        int32_t cp;
        size_t n = chars_next(s, start, end, &cp);
        if (!chars_is_blank(cp)) break;
        start += n;
    }
    while (end > start) {
        size_t p = chars_prev(s, start, end);
        if (!chars_is_blank(chars_at(s, p, end))) break;
        end = p;
    }
    /* A span of punctuation alone (a stray "..." or "*") is not a sentence. */
    int has_text = 0;
    for (size_t i = start; i < end && !has_text;) {
        int32_t cp;
        i += chars_next(s, i, end, &cp);
        has_text = chars_is_letter(cp) || chars_is_digit(cp);
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

/* Flags a sentence [start, end) of a paragraph earns from its content: it starts inside a quote
 * that opened in the previous paragraph and closes in this one (a quotation over several
 * paragraphs), or it ends with a colon at the paragraph's end (a lead-in to a list or a quotation
 * that follows). `quote_open` says the previous paragraph ended inside a quote. */
static uint32_t segment_content_flags(const char *s, size_t start, size_t end, int at_end,
                                      const segment_quotes *q, int quote_open) {
    uint32_t f = 0;
    if (quote_open && q->orphan != SIZE_MAX && start < q->orphan) f |= SEGMENT_QUOTE_TAIL;
    if (at_end) {
        size_t p = end;
        while (p > start && chars_is_blank(chars_before(s, start, p)))
            p = chars_prev(s, start, p);
        if (chars_before(s, start, p) == ':') f |= SEGMENT_LEADIN;
    }
    return f;
}

/* Is the question s[start..j), whose final marks end at j, a paragraph's teaser: the last
 * sentence of its paragraph (only blanks from j to end), of a heading's length, one clause (no
 * comma)? Such a question asks what the next paragraph answers ("فمن هو نوري المالكي؟"), links to
 * another article ("للمزيد: من هو نيكولاس كروز؟") or leaves the reader with it, and states
 * nothing; a question after a clause that states something ("لكن لم يحصل أي طرف على الغالبية، فهل
 * تتجه إيطاليا نحو حالة انسداد سياسي؟") carries that statement and stays. */
static int segment_is_teaser(const char *s, size_t start, size_t j, size_t end) {
    for (size_t t = j; t < end;) {
        int32_t cp;
        size_t n = chars_next(s, t, end, &cp);
        if (!chars_is_blank(cp)) return 0;
        t += n;
    }
    size_t words = 0;
    int in_word = 0;
    for (size_t k = start; k < j;) {
        int32_t cp;
        k += chars_next(s, k, j, &cp);
        if (chars_is_comma(cp)) return 0;
        int part = chars_is_letter(cp) || chars_is_digit(cp) || chars_is_mark(cp);
        words += part && !in_word;
        in_word = part;
    }
    return words <= SEGMENT_TEASER_MAX_WORDS;
}

/* Splits one paragraph s[start..end) into sentences. */
static ars_status segment_paragraph(const char *s, size_t start, size_t end, uint32_t para_flags,
                                    int bullet, int quote_open, segment_out *o, segment_quotes *q) {
    if (bullet) {
        /* Skip the bullet mark and the white space after it. */
        int32_t cp;
        start += chars_next(s, start, end, &cp);
    }
    if (segment_pair_quotes(s, start, end, q) != ARS_OK) return ARS_ENOMEM;
    size_t qi = 0;
    int depth = 0;
    size_t sent = start;
    uint32_t flags = para_flags;
    for (size_t i = start; i < end;) {
        /* Only final marks matter here: . ! ? and the first bytes of ؟ (D8 9F), U+06D4 (DB 94)
         * and … (E2 80 A6). Other bytes are stepped over one by one (continuation bytes are never
         * one of these), and the quote events passed on the way are counted at the next mark. */
        unsigned char b = (unsigned char)s[i];
        if (!segment_final_lead[b] ||
            (b == 0xD8 && i + 1 < end && (unsigned char)s[i + 1] != 0x9F)) {
            i = q->stepwise ? i + 1 : segment_skip_to_final(s, i + 1, end);
            continue;
        }
        int32_t cp;
        size_t n = chars_next(s, i, end, &cp);
        if (!chars_is_final(cp)) {
            i += n;
            continue;
        }
        /* No event sits on a final mark (events are quotes), so this is the depth at i. */
        while (qi < q->n && q->ev[qi].pos <= i)
            depth += q->ev[qi++].delta;
        if ((cp == '.' && chars_at(s, i + n, end) != '.' && chars_at(s, i + n, end) != 0x2026 &&
             !segment_period_ends(s, start, end, i)) ||
            (cp == '?' && segment_lost_sign(s, start, end, i))) {
            i += n;
            continue;
        }
        /* A final mark: take the whole run of marks and closing quotes/brackets after it. */
        size_t j = i + n;
        int run_depth = depth;
        for (;;) {
            int32_t c2 = chars_at(s, j, end);
            if (c2 < 0) break;
            int is_event = qi < q->n && q->ev[qi].pos == j;
            if (chars_is_final(c2)) {
                j += chars_next(s, j, end, &c2);
            } else if (is_event && q->ev[qi].delta < 0) {
                run_depth--;
                depth--;
                qi++;
                j += chars_next(s, j, end, &c2);
            } else if (!is_event && chars_is_closer(c2)) {
                j += chars_next(s, j, end, &c2); /* unmatched: a bracket ")" or a stray quote */
            } else {
                break;
            }
        }
        /* Inside a quote the mark ends nothing, unless the quote closes right after it:
         * `قال: "نعم." وأضاف` ends after the quote. Punctuation right after the run means the
         * sentence goes on (`«نعم.»، مضيفاً`); a letter right after it is a missing space
         * ("نوح.و تعني") and the sentence ends. */
        int32_t after = chars_at(s, j, end);
        if (run_depth > 0 || (after >= 0 && !chars_is_blank(after) && !chars_is_letter(after))) {
            i = j;
            continue;
        }
        uint32_t teaser = (cp == '?' || cp == 0x061F) && segment_is_teaser(s, sent, j, end);
        if (segment_emit(o, s, sent, j,
                         flags | segment_content_flags(s, sent, j, 0, q, quote_open) |
                             (teaser ? SEGMENT_TEASER : 0)) != ARS_OK)
            return ARS_ENOMEM;
        flags = para_flags;
        sent = j;
        i = j;
    }
    size_t tail = sent;
    while (tail < end && chars_is_blank(chars_at(s, tail, end)))
        tail += chars_next(s, tail, end, &(int32_t){0});
    if (tail < end &&
        segment_emit(o, s, sent, end,
                     flags | segment_content_flags(s, sent, end, 1, q, quote_open)) != ARS_OK)
        return ARS_ENOMEM;
    return ARS_OK;
}

/* --- paragraphs ------------------------------------------------------------------------------ */

static ars_status segment_document_with(const char *text, size_t len, const clean_line *lines,
                                        size_t n_lines, segment_sentence **out, size_t *n_out,
                                        int stepwise) {
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
    int wrapped = 0;
    for (size_t k = 0; k < n_lines; k++) {
        const clean_line *l = &lines[k];
        if (l->reason != CLEAN_KEEP) continue;
        ls[m++] = (segment_line){l->start,
                                 l->end,
                                 !(l->flags & CLEAN_LINE_TERMINAL),
                                 (l->flags & CLEAN_LINE_HEADING) != 0,
                                 (l->flags & CLEAN_LINE_BULLET) != 0,
                                 (l->flags & CLEAN_LINE_WRAPPED) != 0,
                                 k};
        wrapped |= (l->flags & CLEAN_LINE_WRAPPED) != 0;
    }
    segment_out o = {0};
    segment_quotes q = {.stepwise = stepwise};
    int quote_open = 0;

    for (size_t k = 0; k < m;) {
        const clean_line *cl = &lines[ls[k].index];
        if ((cl->flags & CLEAN_LINE_TITLE) &&
            segment_emit(&o, text, cl->title_start, cl->title_end, SEGMENT_TITLE) != ARS_OK)
            goto fail;
        if (ls[k].start == ls[k].end) { /* kept but empty (a title line): nothing more */
            k++;
            continue;
        }
        /* Extend the paragraph while the next kept line continues it. */
        size_t last = k;
        while (!ls[last].heading && last + 1 < m) {
            const segment_line *cur = &ls[last], *nx = &ls[last + 1];
            if (nx->heading || nx->bullet || nx->start == nx->end ||
                (lines[nx->index].flags & CLEAN_LINE_TITLE))
                break;
            int adjacent = nx->index == cur->index + 1;
            int only_blank_between = 1;
            for (size_t b = cur->index + 1; b < nx->index; b++)
                only_blank_between &= lines[b].reason == CLEAN_BLANK;
            if (!only_blank_between) break; /* a dropped line is a paragraph break */
            /* So is text the cleaner cut off between the two (a dateline before the next line's
             * text): joined, it would come back inside a sentence. */
            int cut = 0;
            for (size_t i = cur->end; i < nx->start && !cut;) {
                int32_t cp;
                i += chars_next(text, i, nx->start, &cp);
                cut = !chars_is_blank(cp) && cp != 0x85; /* NEL ends lines too (clean.c) */
            }
            if (cut) break;
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
        if (segment_paragraph(text, ls[k].start, ls[last].end, pflags, ls[k].bullet, quote_open, &o,
                              &q) != ARS_OK)
            goto fail;
        quote_open = q.open_at_end;
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

ars_status segment_document(const char *text, size_t len, const clean_line *lines, size_t n_lines,
                            segment_sentence **out, size_t *n_out) {
    return segment_document_with(text, len, lines, n_lines, out, n_out, 0);
}

ars_status segment_document_stepwise(const char *text, size_t len, const clean_line *lines,
                                     size_t n_lines, segment_sentence **out, size_t *n_out) {
    return segment_document_with(text, len, lines, n_lines, out, n_out, 1);
}
