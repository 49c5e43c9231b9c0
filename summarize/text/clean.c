/* clean.c - pipeline stage 2: marks which lines of each document are article prose, after read
 * (UTF-8 checked) and before segmentation. General signals decide: Arabic share, length, final
 * punctuation, repetition within and across documents, what follows a short line; a small table
 * of common web phrases is one signal among them. Bytes are never changed, lines are only marked.
 */
#include "summarize/text/clean.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/common/parallel.h"
#include "summarize/common/swar.h"
#include "summarize/text/chars.h"
#include "summarize/text/dateline.h"
#include "summarize/text/duplicate.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Thresholds, in words (a word is a run of non-space characters holding at least one letter, so
 * numbers and dates do not count: "السبت 8 يناير 2005" has two words).
 * - A line without final punctuation of at most CLEAN_FRAGMENT_MAX_WORDS words is a fragment:
 *   section labels ("اخبار", "رئيسيشؤون دولية"), datelines ("موسكو/دبي-وكالات"), menu items and
 *   bylines are one to three words, while real headlines and sub-headings have four or more.
 * - A line without final punctuation of at most CLEAN_HEADING_MAX_WORDS words is a heading when
 *   prose follows it (headlines run 4-15 words); otherwise it is a fragment (a caption before a
 *   dateline, "discover more from SITE" before a subscribe box), except as the text's last line
 *   after prose, the last sentence that lost its period, when it has more than
 *   CLEAN_TRAILER_MAX_WORDS words: shorter, it is a credit or a sign-off ("فرانس24/ أ ف ب", "كافة
 *   حقوق الصور محفوظة لأصحابها"; every such last line of ant_background's is, while the
 *   development sets' unpunctuated last sentences have 11 words or more). Longer unpunctuated
 *   lines are kept as prose: they are paragraphs that lost their period, or hard-wrapped PDF
 *   lines.
 * - In a hard-wrapped document (a PDF extraction: at least CLEAN_WRAP_MIN_LINES kept lines, at
 *   least CLEAN_WRAP_MID_SHARE of them ending without final punctuation, at least
 *   CLEAN_WRAP_SIMILAR_SHARE within CLEAN_WRAP_SIMILAR of the median length, a median of at
 *   least CLEAN_WRAP_MIN_WIDTH code points, as a page column has) most lines end
 *   mid-sentence, so only a line shorter than CLEAN_WRAP_SHORT times the median can be a heading
 *   or a fragment; a full-width line is wrapped prose whatever its word count. Such lines carry
 *   CLEAN_LINE_WRAPPED, which is what segment.c joins on.
 * - A line ending with a comma or semicolon (، , ؛ ;) continues a sentence: never a heading.
 * - A question of a heading's length standing alone between two paragraphs (after a line that
 *   ends a sentence, before prose) is a sub-heading, as news sites set them ("كيف وقعت الحادثة؟");
 *   after a line that ends mid-sentence it is the end of that sentence.
 * - Phrase-table prefixes only count on lines of at most CLEAN_PHRASE_PREFIX_MAX_WORDS words, so
 *   a paragraph that merely begins like a phrase is not dropped.
 * - A line is Latin chrome when fewer than half its letters are Arabic (CLEAN_ARABIC_MIN_SHARE);
 *   Arabic prose with a Latin name or acronym, e.g. "(APA)", stays far above that.
 * - A repeated line is dropped in every copy (captions printed twice, site chrome on every page),
 *   except when it reads like a sentence (final punctuation and at least CLEAN_PROSE_MIN_WORDS
 *   words): then the first copy is kept, since two outlets printing the same wire sentence should
 *   not lose it altogether. A document that repeats an earlier one line for line is dropped whole
 *   instead (CLEAN_DUPLICATE), so a file given twice counts once.
 * - A line of at most CLEAN_DATE_MAX_WORDS words that is a date and nothing else
 *   (dateline_is_date_only) is a date line (CLEAN_DATE): it is never summary material. Right
 *   below a wrapped line that ends mid-sentence it is the end of that sentence instead.
 * - The article's title is its first kept line, when that line has at most CLEAN_TITLE_MAX_WORDS
 *   words and is either a heading (unpunctuated, prose follows) or followed by a date line, as
 *   wire copy and MultiLing's sources lay out "headline / date / text" (their headlines often end
 *   with a period). Directly followed by prose, the first line is a headline too when it is
 *   unpunctuated and longer than a heading (news headlines run to 20 words and more), or when it
 *   has a heading's length and ends with a question or exclamation mark, as click-led headlines do
 *   ("برهم صالح الرئيس الثامن للعراق.. فمن هو؟"); a lead paragraph that ends with a question runs
 *   longer. Failing all that, a full date inside the first line splits it into a title before it
 *   (unpunctuated, at most CLEAN_TITLE_MAX_WORDS words) and the text after it. */
#define CLEAN_FRAGMENT_MAX_WORDS      3
#define CLEAN_TRAILER_MAX_WORDS       7
#define CLEAN_HEADING_MAX_WORDS       15
#define CLEAN_HEADING_LOOKAHEAD       6
#define CLEAN_PHRASE_PREFIX_MAX_WORDS 15
#define CLEAN_ARABIC_MIN_SHARE        0.5
#define CLEAN_PROSE_MIN_WORDS         6
#define CLEAN_WRAP_MIN_LINES          4
#define CLEAN_WRAP_MIN_WIDTH          40
#define CLEAN_WRAP_MID_SHARE          0.5
#define CLEAN_WRAP_SIMILAR            0.3
#define CLEAN_WRAP_SIMILAR_SHARE      0.6
#define CLEAN_WRAP_SHORT              0.6
#define CLEAN_DATE_MAX_WORDS          8
#define CLEAN_TITLE_MAX_WORDS         25

/* Common web phrases, one signal among the others above (most boilerplate is caught by
 * repetition, Latin share and the fragment rule without it). Each is a phrase that sites print as
 * a line of its own, written once: matching folds alef/hamza forms, alef maqsura, ta marbuta,
 * harakat, tatweel, ASCII case and white space, so "اقرأ أيضاً:" matches "اقرا ايضا". A
 * whole-line entry must make up the line apart from punctuation; a prefix entry may be followed by
 * more words (a linked title, "... من موقع X") on a short line. */
typedef struct {
    const char *phrase;
    int prefix; /* 1: may start a short line; 0: must be the whole line */
} clean_phrase;

static const clean_phrase clean_phrases[] = {
    /* back to top */
    {"زر الذهاب إلى الأعلى", 0},
    {"الذهاب إلى الأعلى", 0},
    {"العودة إلى الأعلى", 0},
    {"back to top", 0},
    /* related articles */
    {"مقالات ذات صلة", 1},
    {"أخبار ذات صلة", 1},
    {"مواضيع ذات صلة", 1},
    {"related articles", 1},
    {"related posts", 1},
    /* read also, read more */
    {"اقرأ أيضا", 1},
    {"اقرأ المزيد", 1},
    {"شاهد أيضا", 1},
    {"تابع القراءة", 1},
    {"أكمل القراءة", 1},
    /* "for more:" and "read:" before a linked title (France24, CNN Arabic); with the mark, since
     * "للمزيد سألنا ..." ("for more, we asked ...") opens real sentences */
    {"للمزيد:", 1},
    {"للمزيد :", 1},
    {"للمزيد -", 1},
    {"اقرأ:", 1},
    {"اقرأ :", 1},
    {"read also", 1},
    {"read more", 1},
    {"continue reading", 1},
    /* categories, tags */
    {"تصنيفات", 0},
    {"التصنيفات", 0},
    {"الوسوم", 0},
    {"وسوم", 0},
    {"الكلمات المفتاحية", 0},
    {"categories", 0},
    {"tags", 0},
    /* comments (the last Arabic one is WordPress's comment-form notice) */
    {"اترك تعليقا", 1},
    {"أضف تعليقا", 1},
    {"أضف تعليق", 1},
    {"اترك ردا", 1},
    {"التعليقات", 0},
    {"لن يتم نشر عنوان بريدك الإلكتروني", 1},
    {"leave a comment", 1},
    {"leave a reply", 1},
    /* share */
    {"شارك", 0},
    {"شارك المقال", 1},
    {"شارك هذا", 1},
    {"مشاركة", 0},
    {"share", 0},
    {"share this", 1},
    /* subscribe */
    {"اشترك الآن", 1},
    {"اشترك للحصول", 1},
    {"اشترك في النشرة", 1},
    {"اشترك في نشرتنا", 1},
    {"subscribe", 1},
    /* rights */
    {"جميع الحقوق محفوظة", 1},
    {"all rights reserved", 1},
};

/* What the classifier needs to know about one line. */
typedef struct {
    size_t start, end; /* trimmed content */
    size_t n_words;
    size_t n_letters, n_arabic;
    int terminal; /* ends with . ! ? ؟ … (closing quotes/brackets after it allowed) */
    int colon;    /* ends with ':' (introduces what follows: neither heading nor fragment) */
    int comma;    /* ends with a comma or semicolon: the sentence goes on */
    int32_t last; /* the last code point but closing quotes and brackets (-1: none), which the
                     three above are read from; kept for the rules on questions, so that they
                     need not read the line again */
    size_t n_cp;  /* code points in the trimmed content */
    int wide;     /* a full-width line of a hard-wrapped document */
    int bullet;   /* starts with a bullet mark and a blank */
    int digit;    /* holds a decimal digit (a date line needs one) */
    uint64_t hash;
    size_t first; /* global index of the first line with the same normalised text */
    size_t count; /* on that first line: how many lines share its text */
    /* Read from the text in phase 2, while its bytes are in cache, for phase 4 (which would have
     * to bring every line back from memory): the reason clean_first_reason gives, and for a line
     * it keeps, where its text starts after a leading dateline (clean_mark_frame). */
    clean_reason first_reason;
    size_t body;
} clean_info;

/* --- the phrase table ----------------------------------------------------------------------- */

#define CLEAN_N_PHRASES (sizeof clean_phrases / sizeof clean_phrases[0])

/* Folded code points of the longest phrase, and more. */
#define CLEAN_PHRASE_MAX 48

/* The phrases folded once (clean_phrase_fold), so that matching a line folds only the line, and
 * by_first[c & 63]: bit k set for each phrase k whose first folded code point c is, so that a line
 * is only held against the few phrases that begin as it does. */
_Static_assert(CLEAN_N_PHRASES <= 64, "by_first holds a phrase per bit of 64");
typedef struct {
    int32_t cp[CLEAN_N_PHRASES][CLEAN_PHRASE_MAX];
    size_t len[CLEAN_N_PHRASES];
    uint64_t by_first[64];
} clean_phrase_index;

static void clean_phrase_fold(clean_phrase_index *ix) {
    for (size_t k = 0; k < CLEAN_N_PHRASES; k++) {
        chars_fold ph = {clean_phrases[k].phrase, 0, strlen(clean_phrases[k].phrase)};
        size_t n = 0;
        for (int32_t cp = chars_fold_next(&ph); cp >= 0; cp = chars_fold_next(&ph)) {
            assert(n < CLEAN_PHRASE_MAX);
            ix->cp[k][n++] = cp;
        }
        ix->len[k] = n;
    }
    memset(ix->by_first, 0, sizeof ix->by_first);
    for (size_t k = 0; k < CLEAN_N_PHRASES; k++)
        if (ix->len[k]) ix->by_first[(uint32_t)ix->cp[k][0] & 63] |= (uint64_t)1 << k;
}

/* The start of a line folded as far as the phrases have asked for it: every code point is
 * folded once however many phrases share its beginning. */
typedef struct {
    chars_fold rest; /* what is not folded yet */
    int32_t cp[CLEAN_PHRASE_MAX + 1];
    size_t n;
    int done; /* rest is used up */
} clean_folded;

/* The folded code point k (k <= CLEAN_PHRASE_MAX) of the line, or -1 past its end. */
static int32_t clean_folded_at(clean_folded *f, size_t k) {
    while (f->n <= k && !f->done) {
        int32_t cp = chars_fold_next(&f->rest);
        if (cp < 0)
            f->done = 1;
        else
            f->cp[f->n++] = cp;
    }
    return k < f->n ? f->cp[k] : -1;
}

/* Does the line match phrase k (see clean_phrases)? */
static int clean_phrase_matches(clean_folded *line, const clean_phrase_index *ix, size_t k,
                                size_t n_words) {
    size_t len = ix->len[k];
    for (size_t i = 0; i < len; i++)
        if (clean_folded_at(line, i) != ix->cp[k][i]) return 0;
    /* The phrase must end at a word boundary: "شارك" does not match "شاركت". */
    int32_t next = clean_folded_at(line, len);
    if (next < 0) return 1;
    if (next != ' ' && !chars_is_punct(next)) return 0;
    if (clean_phrases[k].prefix) return n_words <= CLEAN_PHRASE_PREFIX_MAX_WORDS;
    /* Whole-line entry: only punctuation and white space may follow ("اقرأ أيضاً:"). */
    for (size_t i = len + 1; i < line->n; i++)
        if (line->cp[i] != ' ' && !chars_is_punct(line->cp[i])) return 0;
    if (line->done) return 1;
    chars_fold rest = line->rest;
    for (int32_t cp = chars_fold_next(&rest); cp >= 0; cp = chars_fold_next(&rest))
        if (cp != ' ' && !chars_is_punct(cp)) return 0;
    return 1;
}

static int clean_is_boilerplate(const char *s, const clean_info *in, const clean_phrase_index *ix) {
    clean_folded line = {{s, in->start, in->end}, {0}, 0, 0};
    int32_t first = clean_folded_at(&line, 0);
    for (uint64_t m = ix->by_first[(uint32_t)first & 63]; m; m &= m - 1) {
        size_t k = swar_lowest_bit(m);
        if (ix->cp[k][0] != first) continue;
        if (clean_phrase_matches(&line, ix, k, in->n_words)) return 1;
    }
    return 0;
}

/* --- line features --------------------------------------------------------------------------- */

/* Compares two trimmed lines with white-space runs folded, as the line hash of clean_measure
 * sees them. */
static int clean_same_text(const char *a, size_t ai, size_t ae, const char *b, size_t bi,
                           size_t be) {
    /* Repeats are nearly always byte for byte the same (site chrome, wire copy): one memcmp
     * settles those without decoding anything. */
    if (ae - ai == be - bi && memcmp(a + ai, b + bi, ae - ai) == 0) return 1;
    for (;;) {
        int32_t ca = -1, cb = -1;
        int sa = 0, sb = 0;
        while (ai < ae) {
            size_t n = chars_next(a, ai, ae, &ca);
            if (!chars_is_blank(ca)) break;
            sa = 1;
            ai += n;
            ca = -1;
        }
        while (bi < be) {
            size_t n = chars_next(b, bi, be, &cb);
            if (!chars_is_blank(cb)) break;
            sb = 1;
            bi += n;
            cb = -1;
        }
        if (ca < 0 || cb < 0) return ca < 0 && cb < 0;
        if (sa != sb || ca != cb) return 0;
        ai += chars_next(a, ai, ae, &ca);
        bi += chars_next(b, bi, be, &cb);
    }
}

/* Whether a line end starts at t[p] (p < len): "\n", "\r", U+2028, U+2029 or NEL. */
static inline int clean_is_break(const unsigned char *t, size_t p, size_t len) {
    unsigned char c = t[p];
    if (c == '\n' || c == '\r') return 1;
    if (c == 0xE2) return p + 2 < len && t[p + 1] == 0x80 && (t[p + 2] == 0xA8 || t[p + 2] == 0xA9);
    return c == 0xC2 && p + 1 < len && t[p + 1] == 0x85;
}

/* clean_line_break over eight bytes at a time (SWAR): a block is only looked at byte by byte
 * where it holds one of the four bytes a line end starts with (in Arabic text, 0xE2 and 0xC2 also
 * start quotes, dashes, "…" and NBSP). */
static size_t clean_line_break_swar(const unsigned char *t, size_t i, size_t len) {
    for (; i + 8 <= len; i += 8) {
        uint64_t x = swar_load(t + i);
        uint64_t m = swar_lanes_below(x ^ ('\n' * SWAR_ONES), 1) |
                     swar_lanes_below(x ^ ('\r' * SWAR_ONES), 1) |
                     swar_lanes_below(x ^ (0xE2u * SWAR_ONES), 1) |
                     swar_lanes_below(x ^ (0xC2u * SWAR_ONES), 1);
        for (; m; m &= m - 1) {
            size_t p = i + swar_lowest_bit(m) / 8;
            if (clean_is_break(t, p, len)) return p;
        }
    }
    for (; i < len; i++)
        if (clean_is_break(t, i, len)) return i;
    return len;
}

size_t clean_line_break_portable(const char *s, size_t i, size_t len) {
    return clean_line_break_swar((const unsigned char *)s, i, len);
}

size_t clean_line_break(const char *s, size_t i, size_t len) {
    const unsigned char *t = (const unsigned char *)s;
#if defined(__SSE2__)
    /* Thirty-two bytes a step: one pass for the four bytes a line end starts with, where four
     * memchr calls (one per kind of line end) each went over the line. 0xE2 and 0xC2 differ
     * only in bit 5, so one comparison finds both. */
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    const __m128i lead = _mm_set1_epi8((char)0xC2), no5 = _mm_set1_epi8((char)0xDF);
    for (; i + 32 <= len; i += 32) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 16));
        __m128i hv = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)),
                                  _mm_cmpeq_epi8(_mm_and_si128(v, no5), lead));
        __m128i hw = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, nl), _mm_cmpeq_epi8(w, cr)),
                                  _mm_cmpeq_epi8(_mm_and_si128(w, no5), lead));
        uint32_t m = (uint32_t)_mm_movemask_epi8(hv) | (uint32_t)_mm_movemask_epi8(hw) << 16;
        for (; m; m &= m - 1) {
            size_t p = i + swar_lowest_bit(m);
            if (clean_is_break(t, p, len)) return p;
        }
    }
#endif
    return clean_line_break_swar(t, i, len);
}

/* Where one line ends: at "\n", "\r\n", a lone "\r" (old Mac files), U+2028 LINE SEPARATOR,
 * U+2029 PARAGRAPH SEPARATOR or U+0085 NEXT LINE. Sets *content_end (the line without its end)
 * and returns where the next line starts (len when this is the last). */
static size_t clean_line_end(const char *t, size_t i, size_t len, size_t *content_end) {
    size_t at = clean_line_break(t, i, len);
    *content_end = at;
    if (at == len) return len;
    unsigned char c = (unsigned char)t[at];
    if (c == '\n') return at + 1;
    if (c == '\r') return at + 1 < len && t[at + 1] == '\n' ? at + 2 : at + 1;
    return at + (c == 0xE2 ? 3 : 2); /* U+2028, U+2029 or NEL */
}

/* Narrows [*start, *end) past blanks and invisible format characters at both ends. */
static void clean_trim(const char *s, size_t *start, size_t *end) {
    while (*start < *end) {
        int32_t cp;
        size_t n = chars_next(s, *start, *end, &cp);
        if (!chars_is_blank(cp)) break;
        *start += n;
    }
    while (*end > *start && chars_is_blank(chars_before(s, *start, *end)))
        *end = chars_prev(s, *start, *end);
}

/* The word hashes of a document as duplicate.c reads them (duplicate_fingerprints), collected by
 * clean_measure as it goes over the lines; failed is set when growing them ran out of memory. */
typedef struct {
    uint64_t *h;
    size_t n, cap;
    int failed;
} clean_words;

/* Room for k more word hashes; 0 (and failed set) when growing ran out of memory. A line of
 * len bytes holds at most len / 2 + 1 words (each is a byte or more, with a byte between two), so
 * clean_measure asks once per line and then stores each word without a test. */
static int clean_words_reserve(clean_words *w, size_t k) {
    if (w->cap - w->n >= k) return 1;
    size_t nc = w->cap ? 2 * w->cap : 256;
    if (nc < w->n + k) nc = w->n + k;
    uint64_t *g = w->failed ? NULL : realloc(w->h, nc * sizeof *g);
    if (!g) {
        w->failed = 1;
        return 0;
    }
    w->h = g;
    w->cap = nc;
    return 1;
}

/* One step of the line hash (FNV-1a over 64-bit units). */
static inline uint64_t clean_hash_step(uint64_t h, uint64_t v) {
    return (h ^ v) * 1099511628211u;
}

/* Closes the open word of duplicate.c, t[ws..we): its hash goes into the line hash h (returned)
 * and to *out, which then moves on (when not NULL). */
static inline uint64_t clean_word_close(uint64_t h, const unsigned char *t, size_t ws, size_t we,
                                        uint64_t **out) {
    uint64_t wh = duplicate_word_hash(t, ws, we);
    if (*out) *(*out)++ = wh;
    return clean_hash_step(h, wh);
}

/* How many of the four byte pairs at p, from the first, are common Arabic letters
 * (chars_is_arabic_letter2): 0 to 4. */
static inline size_t clean_arabic_pairs(const unsigned char *p) {
    uint64_t x = swar_load(p); /* byte k in lane k; x >> 8: the second byte of each pair */
    uint64_t bad = ~chars_arabic_letter_lanes(x, x >> 8) & (uint64_t)0x0080008000800080u;
    return bad ? swar_lowest_bit(bad) / 16 : 4;
}

/* How many of the eight byte pairs at p, from the first, are common Arabic letters: 0 to 8. With
 * SSE2 (every x86-64) the pairs are eight 16-bit lanes, byte-swapped so that a letter is one
 * number (D8A0-D8BF or D981-D98A), tested against both ranges by a saturating subtraction; about
 * a dozen instructions for what clean_arabic_pairs takes twice forty. */
static inline size_t clean_arabic_pairs16(const unsigned char *p) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i w = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8)); /* lead byte high */
    __m128i a =
        _mm_subs_epu16(_mm_sub_epi16(w, _mm_set1_epi16((short)0xD8A0)), _mm_set1_epi16(0x1F));
    __m128i b = _mm_subs_epu16(_mm_sub_epi16(w, _mm_set1_epi16((short)0xD981)), _mm_set1_epi16(9));
    __m128i zero = _mm_setzero_si128();
    __m128i ok = _mm_or_si128(_mm_cmpeq_epi16(a, zero), _mm_cmpeq_epi16(b, zero));
    unsigned bad = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu;
    return bad ? swar_lowest_bit(bad) / 2 : 8;
#else
    size_t n = clean_arabic_pairs(p);
    return n < 4 ? n : 4 + clean_arabic_pairs(p + 8);
#endif
}

/* The last code point of s[start..end) but closing quotes and brackets (what a line ends with, as
 * far as its punctuation goes), or -1 when there is none. */
static int32_t clean_last_mark(const char *s, size_t start, size_t end) {
    size_t p = end;
    while (p > start) {
        p = chars_prev(s, start, p);
        int32_t cp = chars_at(s, p, end);
        if (!chars_is_closer(cp)) return cp;
    }
    return -1;
}

/* Measures the line s[start..end) into *in; when words is not NULL, also appends the hash of each
 * of its words (runs of letters, marks and digits) to it. One pass over the bytes feeds every
 * measure; a run of common Arabic letters (most of the text) is taken in a loop of its own that
 * only finds where it ends, eight letters at a time (clean_arabic_pairs16), and is counted once
 * there. A word is hashed once, when it ends, over its bytes eight at a time
 * (duplicate_word_hash): hashing it a byte at a time as the scan went cost a multiply per byte on
 * one serial chain. */
static void clean_measure(const char *s, size_t start, size_t end, clean_info *in,
                          clean_words *words) {
    memset(in, 0, sizeof *in);
    clean_trim(s, &start, &end);
    in->start = start;
    in->end = end;
    const unsigned char *t = (const unsigned char *)s;
    /* Counted in locals (stores through `in` could alias the text, as char may alias anything). */
    int in_word = 0, word_has_letter = 0, blank = 0, digit = 0;
    size_t n_cp = 0, n_words = 0, n_letters = 0, n_arabic = 0;
    /* Bytes of the common Arabic letter runs: two per letter, each a code point, a letter and
     * Arabic, added to those counts once at the end. */
    size_t run_bytes = 0;
    /* The line hash: over the words of duplicate.c (by their word hash), the other code points,
     * and one space for each run of blanks (the line is trimmed, so every run lies between two
     * other characters). It depends only on the code points with blank runs folded, so the same
     * text laid out with other spacing is the same line; it only groups lines that
     * clean_same_text then compares. */
    uint64_t h = 1469598103934665603u;
    /* The open word of duplicate.c (letters, marks, digits), if any, from ws: it is hashed as a
     * whole when it ends (duplicate_word_hash). */
    size_t ws = 0;
    int dword = 0;
    /* Where the next word hash goes, when they are collected. */
    uint64_t *out =
        words && clean_words_reserve(words, (end - start) / 2 + 1) ? words->h + words->n : NULL;
    for (size_t i = start; i < end;) {
        if (t[i] == ' ') { /* ends a word */
            n_cp++;
            if (dword) h = clean_word_close(h, t, ws, i, &out);
            dword = 0;
            if (!blank) h = clean_hash_step(h, ' ');
            blank = 1;
            if (in_word && word_has_letter) n_words++;
            in_word = word_has_letter = 0;
            i++;
            continue;
        }
        /* A run of common Arabic letters: eight at a time, then what is left. */
        size_t run = i;
        for (;;) {
            if (i + 16 <= end) {
                size_t np = clean_arabic_pairs16(t + i);
                i += 2 * np;
                if (np == 8) continue;
            } else {
                if (i + 8 <= end) {
                    size_t np = clean_arabic_pairs(t + i);
                    i += 2 * np;
                    if (np < 4) break;
                }
                while (i + 1 < end && chars_is_arabic_letter2(t[i], t[i + 1]))
                    i += 2;
            }
            break;
        }
        if (i != run) {
            if (!dword) ws = run;
            run_bytes += i - run;
            if (i < end && t[i] == ' ') {
                /* The word ends at a space, as most do: what the space branch above would do,
                 * knowing that a word with a letter is open. */
                h = clean_hash_step(clean_word_close(h, t, ws, i, &out), ' ');
                n_cp++;
                n_words++;
                in_word = word_has_letter = dword = 0;
                blank = 1;
                i++;
                continue;
            }
            in_word = word_has_letter = dword = 1;
            blank = 0;
            continue;
        }
        n_cp++;
        int32_t cp;
        size_t cp_start = i;
        i += chars_next(s, i, end, &cp);
        unsigned c = chars_classes(cp);
        if (c & (CHARS_LETTER | CHARS_MARK | CHARS_DIGIT)) {
            if (!dword) ws = cp_start;
            dword = 1;
        } else {
            if (dword) h = clean_word_close(h, t, ws, cp_start, &out);
            dword = 0;
            if (!(c & CHARS_BLANK))
                h = clean_hash_step(h, (uint32_t)cp);
            else if (!blank)
                h = clean_hash_step(h, ' ');
        }
        blank = (c & CHARS_BLANK) != 0;
        if (c & CHARS_SPACE) {
            if (in_word && word_has_letter) n_words++;
            in_word = word_has_letter = 0;
            continue;
        }
        in_word = 1;
        if (c & CHARS_LETTER) {
            word_has_letter = 1;
            n_letters++;
            n_arabic += chars_is_arabic_block(cp);
        } else if (c & CHARS_DIGIT) {
            digit = 1;
        }
    }
    if (in_word && word_has_letter) n_words++;
    if (dword) h = clean_word_close(h, t, ws, end, &out);
    if (out) words->n = (size_t)(out - words->h);
    in->n_cp = n_cp + run_bytes / 2;
    in->n_words = n_words;
    in->n_letters = n_letters + run_bytes / 2;
    in->n_arabic = n_arabic + run_bytes / 2;
    in->digit = digit;
    in->hash = h;
    /* The last mark, looking through closing quotes and brackets. */
    int32_t last = clean_last_mark(s, start, end);
    in->last = last;
    if (last >= 0) {
        in->terminal = chars_is_final(last);
        in->colon = last == ':';
        in->comma = chars_is_comma(last);
    }
    int32_t first = chars_at(s, start, end);
    in->bullet =
        (first == '-' || first == 0x2022 /* • */ || first == 0x2013 /* – */ || first == '*') &&
        chars_is_blank(chars_at(s, start + (first < 0x80 ? 1 : 3), end));
}

/* A short line without final punctuation, colon or trailing comma, not at the wrap width of a
 * hard-wrapped document. Kept lines that are not candidates read as running text (prose). */
static int clean_is_heading_candidate(const clean_info *in) {
    return !in->terminal && !in->colon && !in->comma && !in->wide &&
           in->n_words <= CLEAN_HEADING_MAX_WORDS;
}

static int clean_size_cmp(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Marks the full-width lines of a hard-wrapped document (see the thresholds at the top) among
 * the lines still kept. `scratch` holds n entries. */
static void clean_mark_wrapped(const clean_line *lines, clean_info *info, size_t n,
                               size_t *scratch) {
    size_t m = 0, mid = 0;
    for (size_t j = 0; j < n; j++) {
        if (lines[j].reason != CLEAN_KEEP) continue;
        scratch[m++] = info[j].n_cp;
        mid += !info[j].terminal;
    }
    if (m < CLEAN_WRAP_MIN_LINES || (double)mid < CLEAN_WRAP_MID_SHARE * (double)m) return;
    qsort(scratch, m, sizeof *scratch, clean_size_cmp);
    double med = (double)scratch[m / 2];
    if (med < CLEAN_WRAP_MIN_WIDTH) return;
    size_t similar = 0;
    for (size_t k = 0; k < m; k++) {
        double r = (double)scratch[k] / med;
        similar += r >= 1.0 - CLEAN_WRAP_SIMILAR && r <= 1.0 + CLEAN_WRAP_SIMILAR;
    }
    if ((double)similar < CLEAN_WRAP_SIMILAR_SHARE * (double)m) return;
    for (size_t j = 0; j < n; j++) {
        info[j].wide =
            lines[j].reason == CLEAN_KEEP && (double)info[j].n_cp >= CLEAN_WRAP_SHORT * med;
    }
}

/* Reasons that do not depend on neighbouring lines, nor on the other documents. */
static clean_reason clean_first_reason(const char *s, const clean_info *in,
                                       const clean_phrase_index *ix) {
    if (in->start == in->end) return CLEAN_BLANK;
    if (in->digit && in->n_words <= CLEAN_DATE_MAX_WORDS &&
        dateline_is_date_only(s, in->start, in->end))
        return CLEAN_DATE;
    if (clean_is_boilerplate(s, in, ix)) return CLEAN_BOILERPLATE;
    if (in->n_letters > 0 && (double)in->n_arabic < CLEAN_ARABIC_MIN_SHARE * (double)in->n_letters)
        return CLEAN_NOT_ARABIC;
    return CLEAN_KEEP;
}

/* A line kept so far that is a fragment whatever its neighbours: no letter and no final mark
 * (numbers, dates, separators like "* * *"), or short and unpunctuated. */
static int clean_is_fragment(const clean_info *in) {
    if (in->n_letters == 0 && !in->terminal) return 1;
    return !in->terminal && !in->colon && !in->comma && in->n_words <= CLEAN_FRAGMENT_MAX_WORDS;
}

/* --- the driver ------------------------------------------------------------------------------ */

/* Splits a document into lines, found once: *lines (malloc'd, *n_lines of them; NULL when none)
 * gets each line's bounds without its line end in start and end, every other field 0; the
 * measures trim them later. Returns ARS_OK or ARS_ENOMEM (*lines is then what was grown so far,
 * for the caller to free). */
static ars_status clean_split_lines(const clean_doc *d, clean_line **lines, size_t *cap,
                                    size_t *n_lines) {
    size_t n = 0;
    for (size_t i = d->body_start; i < d->len; n++) {
        if (n == *cap) {
            size_t nc = *cap ? 2 * *cap : 64;
            clean_line *g = realloc(*lines, nc * sizeof *g);
            if (!g) return ARS_ENOMEM;
            *lines = g;
            *cap = nc;
        }
        size_t content_end;
        size_t next = clean_line_end(d->text, i, d->len, &content_end);
        (*lines)[n] = (clean_line){i, content_end, 0, 0, CLEAN_KEEP, 0};
        i = next;
    }
    *n_lines = n;
    return ARS_OK;
}

/* Marks every line of a document that repeats an earlier document of the run (the same lines,
 * blank lines aside) as CLEAN_DUPLICATE, so a file given twice counts once rather than having
 * all its lines dropped as repeated in both copies. `base[d]` is the global index of document d's
 * first line; the line hashes are in info. */
static void clean_mark_duplicate_documents(const clean_doc *docs, size_t n_docs, clean_line **lines,
                                           const size_t *n_lines, const clean_info *info,
                                           const size_t *base, uint64_t *doc_hash, size_t *slots,
                                           size_t n_slots, size_t *prev_same) {
    /* Earlier documents by hash: slots (open addressing, n_slots a power of two above twice the
     * documents with text) holds the latest document of each hash, prev_same[d] the one before
     * it with the same hash, so only documents of equal hash are ever compared. */
    for (size_t k = 0; k < n_slots; k++)
        slots[k] = SIZE_MAX;
    for (size_t d = 0; d < n_docs; d++) {
        uint64_t h = 1469598103934665603u;
        size_t n_text = 0;
        for (size_t j = 0; j < n_lines[d]; j++) {
            const clean_info *in = &info[base[d] + j];
            if (in->start == in->end) continue;
            h = (h ^ in->hash) * 1099511628211u;
            n_text++;
        }
        doc_hash[d] = h;
        if (n_text == 0) continue; /* blank documents hold nothing to repeat */
        size_t slot = (size_t)h & (n_slots - 1);
        while (slots[slot] != SIZE_MAX && doc_hash[slots[slot]] != h)
            slot = (slot + 1) & (n_slots - 1);
        prev_same[d] = slots[slot];
        slots[slot] = d;
        for (size_t e = prev_same[d]; e != SIZE_MAX; e = prev_same[e]) {
            /* Same hash: compare the non-blank lines one by one. */
            size_t i = 0, j = 0;
            int same = 1;
            for (;;) {
                while (i < n_lines[e] && info[base[e] + i].start == info[base[e] + i].end)
                    i++;
                while (j < n_lines[d] && info[base[d] + j].start == info[base[d] + j].end)
                    j++;
                if (i == n_lines[e] || j == n_lines[d]) {
                    same = i == n_lines[e] && j == n_lines[d];
                    break;
                }
                const clean_info *x = &info[base[e] + i], *y = &info[base[d] + j];
                if (x->hash != y->hash || !clean_same_text(docs[e].text, x->start, x->end,
                                                           docs[d].text, y->start, y->end)) {
                    same = 0;
                    break;
                }
                i++;
                j++;
            }
            if (!same) continue;
            for (size_t k = 0; k < n_lines[d]; k++)
                lines[d][k].reason = CLEAN_DUPLICATE;
            break;
        }
    }
}

/* Where the text of the line s[start..end) starts after a leading dateline (dateline_skip) and
 * the blanks after it; start when there is none. */
static size_t clean_body_start(const char *s, size_t start, size_t end) {
    size_t body = dateline_skip(s, start, end);
    if (body == start) return start;
    clean_trim(s, &body, &end);
    return body;
}

/* The next line after j that is not blank, or n. */
static size_t clean_next_nonblank(const clean_line *lines, size_t n, size_t j) {
    for (j++; j < n && lines[j].reason == CLEAN_BLANK; j++)
        ;
    return j;
}

/* Whether prose directly follows a line: `next`, the next line that is not blank, is kept and no
 * heading candidate. */
static int clean_prose_at(const clean_line *lines, const clean_info *info, size_t n, size_t next) {
    return next < n && lines[next].reason == CLEAN_KEEP && !clean_is_heading_candidate(&info[next]);
}

/* Whether a line's last mark (clean_info.last) asks a question: ? or ؟. */
static int clean_asks(int32_t mark) {
    return mark == '?' || mark == 0x061F;
}

/* Whether the kept line j, which follows a finished sentence, is a question set as a sub-heading:
 * of a heading's length, ending with ؟ or ?, and directly followed by prose (the next line that
 * is not blank is kept and no heading candidate). After a line that ends mid-sentence (a wrapped
 * or run-on sentence) it is that sentence's end instead. */
static int clean_is_question_heading(const clean_line *lines, const clean_info *info, size_t n,
                                     size_t j) {
    const clean_info *in = &info[j];
    if (!in->terminal || in->wide || in->n_words > CLEAN_HEADING_MAX_WORDS ||
        (lines[j].flags & CLEAN_LINE_HEADING))
        return 0;
    return clean_prose_at(lines, info, n, clean_next_nonblank(lines, n, j)) && clean_asks(in->last);
}

/* Whether the first kept line (measured *in, at most CLEAN_TITLE_MAX_WORDS words), which is no
 * heading, is still the article's headline: prose directly follows it (the next line that is not
 * blank, `next`, is kept and is no heading candidate), and it is either unpunctuated and longer
 * than a heading or of a heading's length and ending with a question or exclamation mark (see the
 * title rule at the top). */
static int clean_is_headline(const clean_info *in, const clean_line *lines, const clean_info *info,
                             size_t n, size_t next) {
    if (!clean_prose_at(lines, info, n, next) || in->wide || in->colon || in->comma) return 0;
    if (!in->terminal) return 1; /* a heading but for its length */
    return in->n_words <= CLEAN_HEADING_MAX_WORDS && (clean_asks(in->last) || in->last == '!');
}

/* The document's frame, on the lines classified so far: the title (see CLEAN_LINE_TITLE), and a
 * dateline skipped at the start of every line that opens a paragraph. */
static void clean_mark_frame(const clean_doc *doc, clean_line *lines, size_t n,
                             const clean_info *info) {
    const char *s = doc->text;
    /* The article starts at its first kept line; chrome and date lines may come before it. */
    size_t f = 0;
    while (f < n && lines[f].reason != CLEAN_KEEP)
        f++;
    if (f < n && info[f].n_words <= CLEAN_TITLE_MAX_WORDS) {
        clean_line *l = &lines[f];
        size_t next = clean_next_nonblank(lines, n, f);
        int date_next = next < n && lines[next].reason == CLEAN_DATE;
        if ((l->flags & CLEAN_LINE_HEADING) || date_next ||
            clean_is_headline(&info[f], lines, info, n, next)) {
            l->flags = (l->flags & ~CLEAN_LINE_HEADING) | CLEAN_LINE_TITLE;
            l->title_start = l->start;
            l->title_end = l->end;
            l->start = l->end;
        }
    }
    /* Not a title line by itself: the title may still be glued to the text by a full date. */
    if (f < n && !(lines[f].flags & CLEAN_LINE_TITLE)) {
        clean_line *l = &lines[f];
        size_t ds, de;
        if (dateline_find(s, l->start, l->end, &ds, &de) && ds > l->start) {
            size_t ts = l->start, te = ds;
            clean_trim(s, &ts, &te);
            clean_info head;
            clean_measure(s, ts, te, &head, NULL);
            size_t body = dateline_skip(s, ds, l->end);
            if (body == ds) body = de;
            size_t be = l->end;
            clean_trim(s, &body, &be);
            if (head.n_words >= 1 && head.n_words <= CLEAN_TITLE_MAX_WORDS && !head.terminal &&
                !head.colon && !head.comma && body < be) {
                l->flags |= CLEAN_LINE_TITLE;
                l->title_start = ts;
                l->title_end = te;
                l->start = body;
            }
        }
    }
    /* Datelines: a line that opens a paragraph may start with one. In a hard-wrapped document a
     * line that continues a sentence is not a paragraph start. */
    int continues = 0;
    for (size_t j = 0; j < n; j++) {
        clean_line *l = &lines[j];
        if (l->reason != CLEAN_KEEP) {
            if (l->reason != CLEAN_BLANK) continues = 0;
            continue;
        }
        if (!continues && l->start < l->end) {
            /* Phase 2 found where the line's text starts after a dateline, unless the title
             * moved its start since. */
            if (l->start == info[j].start && l->end == info[j].end)
                l->start = info[j].body;
            else
                l->start = clean_body_start(s, l->start, l->end);
        }
        continues = (l->flags & CLEAN_LINE_WRAPPED) && !(l->flags & CLEAN_LINE_TERMINAL);
    }
}

/* What a worker reuses from one document to the next: the lines being split, the word hashes of
 * the document being measured and its fingerprints. Only the lines and the fingerprints are kept,
 * copied at their size: growing an array per document (64 lines at first, words doubling) had
 * every document leave pages behind that were touched once, a quarter of the run's page faults. */
typedef struct {
    clean_line *lines;
    size_t lines_cap;
    clean_words words;
    uint64_t *fp;
    size_t fp_cap;
} clean_scratch;

/* What the per-document phases of clean_documents share. */
typedef struct {
    const clean_doc *docs;
    clean_line **lines;
    size_t *n_lines;
    clean_info *info; /* every line of every document, document d from base[d] */
    const size_t *base;
    size_t *doc_of; /* the document of each global line */
    const clean_phrase_index *phrases;
    clean_scratch *scratch; /* one per worker */
    uint64_t **fp;          /* the fingerprints of each document, for duplicate.c */
    size_t *n_fp;
} clean_job;

/* Phase 1, per document: split into lines (lines[d], n_lines[d]). */
static ars_status clean_split_body(void *ctx, size_t worker, size_t begin, size_t end) {
    clean_job *job = ctx;
    clean_scratch *sc = &job->scratch[worker];
    for (size_t d = begin; d < end; d++) {
        size_t n = 0;
        ars_status st = clean_split_lines(&job->docs[d], &sc->lines, &sc->lines_cap, &n);
        if (st != ARS_OK) return st;
        if (!n) continue;
        job->lines[d] = malloc(n * sizeof *job->lines[d]);
        if (!job->lines[d]) return ARS_ENOMEM;
        memcpy(job->lines[d], sc->lines, n * sizeof *job->lines[d]);
        job->n_lines[d] = n;
    }
    return ARS_OK;
}

/* Phase 2, per document: measure the lines. */
static ars_status clean_measure_body(void *ctx, size_t worker, size_t begin, size_t end) {
    clean_job *job = ctx;
    for (size_t d = begin; d < end; d++) {
        const clean_doc *doc = &job->docs[d];
        size_t g = job->base[d];
        clean_scratch *sc = &job->scratch[worker];
        clean_words *words = &sc->words;
        words->n = 0;
        clean_line *lines = job->lines[d];
        for (size_t j = 0; j < job->n_lines[d]; j++, g++) {
            clean_info *in = &job->info[g];
            clean_measure(doc->text, lines[j].start, lines[j].end, in, words);
            lines[j].start = in->start;
            lines[j].end = in->end;
            job->doc_of[g] = d;
            /* What phase 4 reads from the text, read now that it is in cache; neither depends
             * on the other documents. */
            in->first_reason = clean_first_reason(doc->text, in, job->phrases);
            /* Only a line phase 4 may keep needs its dateline skipped: not a fragment. */
            in->body = in->first_reason == CLEAN_KEEP && !clean_is_fragment(in)
                           ? clean_body_start(doc->text, in->start, in->end)
                           : in->start;
        }
        if (words->failed) return ARS_ENOMEM;
        if (words->n > sc->fp_cap) {
            uint64_t *grown = realloc(sc->fp, words->n * sizeof *grown);
            if (!grown) return ARS_ENOMEM;
            sc->fp = grown;
            sc->fp_cap = words->n;
        }
        size_t n_fp = duplicate_fingerprints(words->h, words->n, sc->fp);
        if (!n_fp) continue;
        job->fp[d] = malloc(n_fp * sizeof *job->fp[d]);
        if (!job->fp[d]) return ARS_ENOMEM;
        memcpy(job->fp[d], sc->fp, n_fp * sizeof *job->fp[d]);
        job->n_fp[d] = n_fp;
    }
    return ARS_OK;
}

/* Phase 4, per document, once repeats are counted over all documents: reasons that need no
 * look-ahead, the layout, headings and the frame. */
/* The flags a kept line takes from its measures. */
static uint32_t clean_kept_flags(const clean_info *in) {
    return (in->terminal ? CLEAN_LINE_TERMINAL : 0) | (in->colon ? CLEAN_LINE_COLON : 0) |
           (in->bullet ? CLEAN_LINE_BULLET : 0) | (in->digit ? CLEAN_LINE_DIGIT : 0);
}

static ars_status clean_classify_body(void *ctx, size_t worker, size_t begin, size_t end) {
    clean_job *job = ctx;
    (void)worker;
    for (size_t d = begin; d < end; d++) {
        clean_line *lines = job->lines[d];
        size_t n = job->n_lines[d], base_g = job->base[d];
        const clean_info *info = job->info + base_g;
        /* First pass: reasons that need no look-ahead. */
        for (size_t j = 0; j < n; j++) {
            const clean_info *in = &info[j];
            clean_line *l = &lines[j];
            if (l->reason == CLEAN_DUPLICATE) continue;
            l->reason = in->first_reason;
            if (l->reason != CLEAN_KEEP) continue;
            if (job->info[in->first].count > 1) {
                int sentence_like = in->terminal && in->n_words >= CLEAN_PROSE_MIN_WORDS;
                if (!sentence_like || in->first != base_g + j) l->reason = CLEAN_REPEATED;
                if (l->reason != CLEAN_KEEP) continue;
            }
            if (clean_is_fragment(in)) l->reason = CLEAN_FRAGMENT;
            l->flags = clean_kept_flags(in);
        }

        /* Layout: measured on the lines that are left, so chrome does not skew the median. */
        if (n) {
            size_t *scratch = malloc(n * sizeof *scratch);
            if (!scratch) return ARS_ENOMEM;
            /* clean_mark_wrapped writes the wide flags into info, which this document owns. */
            clean_mark_wrapped(lines, job->info + base_g, n, scratch);
            free(scratch);
        }
        for (size_t j = 0; j < n; j++)
            if (info[j].wide) lines[j].flags |= CLEAN_LINE_WRAPPED;
        /* A date line right below a wrapped line that ends mid-sentence is that sentence's end
         * ("... الى سكرتارية معهد ثربانتس في عمان قبل يوم" / "23 ايار 2005."), not a date line. */
        for (size_t j = 1; j < n; j++)
            if (lines[j].reason == CLEAN_DATE && lines[j - 1].reason == CLEAN_KEEP &&
                info[j - 1].wide && !info[j - 1].terminal && !info[j - 1].colon) {
                lines[j].reason = CLEAN_KEEP;
                lines[j].flags = clean_kept_flags(&info[j]);
            }

        /* Second pass: a short unpunctuated line is a heading when prose follows it, skipping
         * lines already dropped and further heading candidates (headline, sub-headline, then
         * text). When no prose follows, it is a fragment if dropped chrome follows it or no prose
         * came before it (a caption, "discover more from SITE" above a subscribe box), or if it
         * is the text's last line and no longer than a credit (CLEAN_TRAILER_MAX_WORDS);
         * otherwise it is the body's last sentence that lost its period (EASC has such articles)
         * and is kept. */
        int prose_before = 0;
        size_t last_kept = n;
        for (size_t j = 0; j < n; j++)
            if (lines[j].reason == CLEAN_KEEP) last_kept = j;
        for (size_t j = 0; j < n; j++) {
            clean_line *l = &lines[j];
            if (l->reason != CLEAN_KEEP) continue;
            if (!clean_is_heading_candidate(&info[j])) {
                prose_before = 1;
                continue;
            }
            int found = 0, chrome_after = 0;
            size_t seen = 0;
            for (size_t k = j + 1; k < n && seen < CLEAN_HEADING_LOOKAHEAD; k++) {
                const clean_line *next = &lines[k];
                if (next->reason == CLEAN_BLANK) continue;
                seen++;
                if (next->reason != CLEAN_KEEP) {
                    chrome_after = 1;
                    continue;
                }
                if (clean_is_heading_candidate(&info[k])) continue;
                found = 1; /* kept and not a candidate: prose */
                break;
            }
            if (found) {
                l->flags |= CLEAN_LINE_HEADING;
            } else if (chrome_after || !prose_before ||
                       (j == last_kept && info[j].n_words <= CLEAN_TRAILER_MAX_WORDS)) {
                l->reason = CLEAN_FRAGMENT;
            }
        }

        /* Third pass: a short question standing alone between two paragraphs is a sub-heading
         * ("كيف وقعت الحادثة؟", as BBC and CNN Arabic set them), not a sentence of the text. */
        size_t prev = n; /* the last kept line before j */
        for (size_t j = 0; j < n; j++) {
            if (lines[j].reason != CLEAN_KEEP) continue;
            if (prev < n && info[prev].terminal && clean_is_question_heading(lines, info, n, j))
                lines[j].flags |= CLEAN_LINE_HEADING;
            prev = j;
        }
        clean_mark_frame(&job->docs[d], lines, n, info);
    }
    return ARS_OK;
}

ars_status clean_documents(const clean_doc *docs, size_t n_docs, clean_line **lines,
                           size_t *n_lines, const parallel_plan *plan) {
    for (size_t d = 0; d < n_docs; d++) {
        lines[d] = NULL;
        n_lines[d] = 0;
    }
    clean_phrase_index phrases;
    clean_phrase_fold(&phrases);
    size_t n_workers = plan && plan->n_threads > 1 ? plan->n_threads : 1;
    clean_job job = {docs, lines, n_lines, NULL, NULL, NULL, &phrases, NULL, NULL, NULL};
    job.scratch = calloc(n_workers, sizeof *job.scratch);
    job.fp = calloc(n_docs ? n_docs : 1, sizeof *job.fp);
    job.n_fp = calloc(n_docs ? n_docs : 1, sizeof *job.n_fp);
    size_t *base = calloc(n_docs ? n_docs : 1, sizeof *base);
    uint64_t *doc_hash = calloc(n_docs ? n_docs : 1, sizeof *doc_hash);
    size_t *prev_same = malloc((n_docs ? n_docs : 1) * sizeof *prev_same);
    clean_info *info = NULL;
    size_t *doc_of = NULL, *slots = NULL;
    ars_status st =
        job.scratch && job.fp && job.n_fp && base && doc_hash && prev_same ? ARS_OK : ARS_ENOMEM;
    if (st == ARS_OK) st = parallel_for(plan, n_docs, 0, clean_split_body, &job);
    size_t total = 0;
    for (size_t d = 0; st == ARS_OK && d < n_docs; d++) {
        base[d] = total;
        total += n_lines[d];
    }
    size_t n_slots = 16;
    while (n_slots < 2 * total)
        n_slots *= 2;
    if (st == ARS_OK) {
        info = calloc(total ? total : 1, sizeof *info);
        doc_of = calloc(total ? total : 1, sizeof *doc_of);
        slots = malloc(n_slots * sizeof *slots); /* hash table of global line indices */
        if (!info || !doc_of || !slots) st = ARS_ENOMEM;
    }
    job.info = info;
    job.base = base;
    job.doc_of = doc_of;
    if (st == ARS_OK) st = parallel_for(plan, n_docs, 0, clean_measure_body, &job);
    if (st == ARS_OK) {
        clean_mark_duplicate_documents(docs, n_docs, lines, n_lines, info, base, doc_hash, slots,
                                       n_slots, prev_same);
        /* The same article with other chrome or another line width: its lines differ, its words
         * do not (duplicate.c). doc_hash is done with and serves as the flags. */
        unsigned char *dup = (unsigned char *)doc_hash;
        for (size_t d = 0; d < n_docs; d++)
            dup[d] = n_lines[d] && lines[d][0].reason == CLEAN_DUPLICATE;
        st = duplicate_mark_fingerprints((const uint64_t *const *)job.fp, job.n_fp, n_docs, dup);
        for (size_t d = 0; st == ARS_OK && d < n_docs; d++)
            for (size_t j = 0; dup[d] && j < n_lines[d]; j++)
                lines[d][j].reason = CLEAN_DUPLICATE;
    }
    if (st == ARS_OK) {

        /* Count repeats of each non-blank text over all documents (open addressing, linear
         * probe); duplicate documents are left out, they are gone already. */
        for (size_t k = 0; k < n_slots; k++)
            slots[k] = SIZE_MAX;
        for (size_t k = 0; k < total; k++) {
            clean_info *in = &info[k];
            in->first = k;
            if (in->start == in->end || lines[doc_of[k]][k - base[doc_of[k]]].reason != CLEAN_KEEP)
                continue;
            size_t h = (size_t)(in->hash & (n_slots - 1));
            for (;; h = (h + 1) & (n_slots - 1)) {
                size_t o = slots[h];
                if (o == SIZE_MAX) {
                    slots[h] = k;
                    in->count = 1;
                    break;
                }
                clean_info *other = &info[o];
                if (other->hash == in->hash &&
                    clean_same_text(docs[doc_of[o]].text, other->start, other->end,
                                    docs[doc_of[k]].text, in->start, in->end)) {
                    in->first = o;
                    other->count++;
                    break;
                }
            }
        }
        st = parallel_for(plan, n_docs, 0, clean_classify_body, &job);
    }
    free(info);
    free(doc_of);
    free(base);
    free(doc_hash);
    free(prev_same);
    free(slots);
    for (size_t d = 0; job.fp && d < n_docs; d++)
        free(job.fp[d]);
    free(job.fp);
    free(job.n_fp);
    for (size_t w = 0; job.scratch && w < n_workers; w++) {
        free(job.scratch[w].lines);
        free(job.scratch[w].words.h);
        free(job.scratch[w].fp);
    }
    free(job.scratch);
    if (st != ARS_OK)
        for (size_t d = 0; d < n_docs; d++) {
            free(lines[d]);
            lines[d] = NULL;
            n_lines[d] = 0;
        }
    return st;
}

ars_status clean_document_words(const clean_doc *doc, uint64_t **words, size_t *n_words) {
    clean_words w = {NULL, 0, 0, 0};
    for (size_t i = doc->body_start; i < doc->len;) {
        size_t content_end;
        size_t next = clean_line_end(doc->text, i, doc->len, &content_end);
        clean_info in;
        clean_measure(doc->text, i, content_end, &in, &w);
        i = next;
    }
    if (w.failed) {
        free(w.h);
        return ARS_ENOMEM;
    }
    *words = w.h;
    *n_words = w.n;
    return ARS_OK;
}

void clean_line_measures(const char *s, size_t start, size_t end, clean_measures *m) {
    clean_info in;
    clean_measure(s, start, end, &in, NULL);
    *m = (clean_measures){in.start, in.end,      in.n_cp,  in.n_words, in.n_letters, in.n_arabic,
                          in.digit, in.terminal, in.colon, in.comma,   in.bullet,    in.hash};
}

int clean_document_year(const clean_doc *doc, const clean_line *lines, size_t n_lines) {
    for (size_t j = 0; j < n_lines; j++)
        if (lines[j].reason == CLEAN_DATE) {
            int y = dateline_latest_year(doc->text, lines[j].start, lines[j].end);
            if (y) return y;
        }
    int latest = 0;
    for (size_t j = 0; j < n_lines; j++) {
        const clean_line *l = &lines[j];
        /* No digit on the line (title included): no year to read. */
        if (l->reason != CLEAN_KEEP || !(l->flags & CLEAN_LINE_DIGIT)) continue;
        int y = dateline_latest_year(doc->text, l->start, l->end);
        if (l->flags & CLEAN_LINE_TITLE) {
            int t = dateline_latest_year(doc->text, l->title_start, l->title_end);
            if (t > y) y = t;
        }
        if (y > latest) latest = y;
    }
    return latest;
}

const char *clean_reason_name(clean_reason r) {
    switch (r) {
    case CLEAN_KEEP:
        return "keep";
    case CLEAN_BLANK:
        return "blank";
    case CLEAN_NOT_ARABIC:
        return "not-arabic";
    case CLEAN_REPEATED:
        return "repeated";
    case CLEAN_BOILERPLATE:
        return "boilerplate";
    case CLEAN_FRAGMENT:
        return "fragment";
    case CLEAN_DATE:
        return "date";
    case CLEAN_DUPLICATE:
        return "duplicate";
    }
    return "unknown";
}
