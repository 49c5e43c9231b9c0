/* dateline.c - dates and wire datelines at the edges of news lines (see dateline.h), for clean.c.
 * A small word lexer over the original bytes and folded comparison against the name tables below;
 * no allocation, and every scan is bounded by the span it is given. */
#include "summarize/text/dateline.h"

#include <stdint.h>
#include <string.h>

#include "summarize/common/swar.h"
#include "summarize/text/chars.h"
#include "summarize/text/normalize.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/* The lanes of v whose unsigned byte is in [lo, lo + n], all ones. */
static inline __m128i dl_in_range_sse2(__m128i v, unsigned char lo, unsigned char n) {
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)n)), d);
}
#endif

/* How the scans run: the plain reading of the rules (for tests), with the early decisions read
 * from the bytes, and with those also sixteen bytes at a time (SSE2) where the machine can. */
enum { DL_PLAIN = 0, DL_FAST, DL_WIDE };

/* A wire dateline has at most this many place words before an agency in brackets, and at most
 * DL_WIRE_BARE_WORDS before a bare double dash. */
#define DL_WIRE_PLACE_WORDS 6
#define DL_WIRE_BARE_WORDS  4

/* Years that can date a news text. */
#define DL_YEAR_MIN 1900
#define DL_YEAR_MAX 2099

/* Word classes. A two-word month is a head (كانون, تشرين, ربيع, جمادى, ذو) and a tail (الثاني,
 * الأول, الآخر, القعدة ...); a tail counts only right after a head. */
enum {
    DL_OTHER = 0,
    DL_NUMBER,
    DL_YEAR, /* four digits, possibly with the era mark glued on: 2005, 2005م */
    DL_WEEKDAY,
    DL_MONTH,
    DL_MONTH_HEAD,
    DL_MONTH_TAIL,
    DL_FILLER
};

/* The names are written folded, as chars_fold_next spells them (ا for أ إ آ, ي for ى, ه for ة,
 * no tatweel), so that a word is folded once and compared byte for byte (dl_class), with their
 * lengths in bytes: a word is compared only with names of its length. */
typedef struct {
    const char *s;
    size_t len;
} dl_name;
#define DL_NAME(lit)                                                                               \
    { lit, sizeof lit - 1 }

static const dl_name dl_weekdays[] = {DL_NAME("السبت"),    DL_NAME("الاحد"),    DL_NAME("الاثنين"),
                                      DL_NAME("الثلاثاء"), DL_NAME("الاربعاء"), DL_NAME("الخميس"),
                                      DL_NAME("الجمعه")};

static const dl_name dl_months[] = {
    /* Gregorian, Arab East and Egypt, Maghreb */
    DL_NAME("يناير"), DL_NAME("فبراير"), DL_NAME("مارس"), DL_NAME("ابريل"), DL_NAME("افريل"),
    DL_NAME("مايو"), DL_NAME("ماي"), DL_NAME("يونيو"), DL_NAME("يونيه"), DL_NAME("جوان"),
    DL_NAME("يوليو"), DL_NAME("يوليه"), DL_NAME("جويليه"), DL_NAME("اغسطس"), DL_NAME("غشت"),
    DL_NAME("اوت"), DL_NAME("سبتمبر"), DL_NAME("شتنبر"), DL_NAME("اكتوبر"), DL_NAME("نوفمبر"),
    DL_NAME("نونبر"), DL_NAME("ديسمبر"), DL_NAME("دجنبر"), DL_NAME("جانفي"), DL_NAME("فيفري"),
    /* Syriac (Levant, Iraq) */
    DL_NAME("شباط"), DL_NAME("اذار"), DL_NAME("نيسان"), DL_NAME("ايار"), DL_NAME("حزيران"),
    DL_NAME("تموز"), DL_NAME("اب"), DL_NAME("ايلول"),
    /* Hijri */
    DL_NAME("محرم"), DL_NAME("صفر"), DL_NAME("رجب"), DL_NAME("شعبان"), DL_NAME("رمضان"),
    DL_NAME("شوال")};

static const dl_name dl_month_heads[] = {DL_NAME("كانون"), DL_NAME("تشرين"), DL_NAME("ربيع"),
                                         DL_NAME("جمادي"), DL_NAME("ذو")};

static const dl_name dl_month_tails[] = {DL_NAME("الاول"),  DL_NAME("الثاني"), DL_NAME("الاخر"),
                                         DL_NAME("الاولي"), DL_NAME("الاخره"), DL_NAME("القعده"),
                                         DL_NAME("الحجه")};

/* يوم "day", الموافق "corresponding to" (between a Hijri and a Gregorian date), the era marks. */
static const dl_name dl_fillers[] = {DL_NAME("يوم"), DL_NAME("الموافق"), DL_NAME("م"),
                                     DL_NAME("ه")};

/* Separators allowed between the words of a date. */
static int dl_is_date_gap(int32_t cp) {
    return chars_is_blank(cp) || cp == ',' || cp == 0x060C || cp == '/' || cp == '\\' ||
           cp == '.' || cp == ':' || cp == 0x061B || cp == ';' || chars_is_dash(cp);
}

static int dl_is_word_char(int32_t cp) {
    return (chars_classes(cp) & (CHARS_LETTER | CHARS_MARK | CHARS_DIGIT)) != 0;
}

/* Does the word s[ws..we) read as `name` once both are folded? */
static int dl_word_is(const char *s, size_t ws, size_t we, const char *name) {
    chars_fold a = {s, ws, we}, b = {name, 0, strlen(name)};
    for (;;) {
        int32_t x = chars_fold_next(&a), y = chars_fold_next(&b);
        if (x != y) return 0;
        if (x < 0) return 1;
    }
}

/* Longer folded words than this (in bytes) are no name of the tables. */
#define DL_FOLD_MAX 32

/* The word s[ws..we) folded (chars_fold_next) into buf as UTF-8: returns its length, or
 * DL_FOLD_MAX + 1 when it is longer than any name. */
static size_t dl_fold_word(const char *s, size_t ws, size_t we, char *buf) {
    chars_fold f = {s, ws, we};
    size_t n = 0;
    for (int32_t cp = chars_fold_next(&f); cp >= 0; cp = chars_fold_next(&f)) {
        if (n + 4 > DL_FOLD_MAX) return DL_FOLD_MAX + 1;
        n += (size_t)chars_encode(cp, buf + n);
    }
    return n;
}

/* Is the folded word w (wl bytes) one of the (folded) names? Compared byte by byte from the
 * first, where nearly every other word of the same length already differs (a call of memcmp
 * would cost more than the compare). */
static int dl_in(const char *w, size_t wl, const dl_name *names, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (names[k].len != wl) continue;
        size_t b = 0;
        while (b < wl && names[k].s[b] == w[b])
            b++;
        if (b == wl) return 1;
    }
    return 0;
}

#define DL_IN(w, wl, table) dl_in(w, wl, table, sizeof table / sizeof table[0])

/* The class of a folded word (wl bytes) by the name tables: DL_OTHER when it is none. */
static int dl_name_class(const char *w, size_t wl) {
    if (DL_IN(w, wl, dl_weekdays)) return DL_WEEKDAY;
    if (DL_IN(w, wl, dl_months)) return DL_MONTH;
    if (DL_IN(w, wl, dl_month_heads)) return DL_MONTH_HEAD;
    if (DL_IN(w, wl, dl_month_tails)) return DL_MONTH_TAIL;
    if (DL_IN(w, wl, dl_fillers)) return DL_FILLER;
    return DL_OTHER;
}

/* The word s[ws..we) folded into buf (DL_FOLD_MAX bytes) straight from the bytes when it is made
 * of the commonest Arabic letters only (chars_is_arabic_letter2), as most words are: they fold to
 * letters of the same range, as chars_fold_next spells them (آ أ إ to ا, ى to ي, ة to ه), two
 * bytes for two. Returns the folded length, or 0 when the word holds anything else or is longer
 * than buf (dl_class then takes the general way). */
static size_t dl_fold_common(const unsigned char *t, size_t ws, size_t we, char *buf) {
    if (we - ws > DL_FOLD_MAX) return 0;
    size_t n = 0;
    for (size_t i = ws; i < we; i += 2) {
        if (i + 1 >= we || !chars_is_arabic_letter2(t[i], t[i + 1])) return 0;
        unsigned char b = t[i], c = t[i + 1];
        if (b == 0xD8 && (c == 0xA2 || c == 0xA3 || c == 0xA5)) {
            c = 0xA7; /* آ أ إ: ا */
        } else if (b == 0xD8 && c == 0xA9) {
            b = 0xD9; /* ة: ه */
            c = 0x87;
        } else if (b == 0xD9 && c == 0x89) {
            c = 0x8A; /* ى: ي */
        }
        buf[n++] = (char)b;
        buf[n++] = (char)c;
    }
    return n;
}

/* The class of the word s[ws..we); beyond DL_PLAIN, folded straight from the bytes when it can be
 * (dl_fold_common), which is what the _plain functions turn off for the tests. */
static int dl_class(const char *s, size_t ws, size_t we, int mode) {
    const unsigned char *t = (const unsigned char *)s;
    char w[DL_FOLD_MAX];
    size_t wl = mode != DL_PLAIN ? dl_fold_common(t, ws, we, w) : 0;
    if (wl) return dl_name_class(w, wl);
    size_t digits = 0, letters = 0, i = ws;
    while (i < we) {
        if (i + 1 < we && chars_is_arabic_letter2(t[i], t[i + 1])) {
            letters++;
            i += 2;
            continue;
        }
        int32_t cp;
        i += chars_next(s, i, we, &cp);
        if (chars_is_digit(cp))
            digits++;
        else if (!chars_is_mark(cp) && cp != 0x0640)
            letters++;
    }
    if (digits) {
        if (digits > 4) return DL_OTHER;
        if (letters == 0) return digits == 4 ? DL_YEAR : DL_NUMBER;
        /* 2005م, 1426هـ: a year with its era mark glued on. */
        if (digits == 4 && letters == 1) {
            int32_t last = chars_before(s, ws, we);
            while (last == 0x0640 || chars_is_mark(last)) {
                we = chars_prev(s, ws, we);
                last = chars_before(s, ws, we);
            }
            if (last == 0x0645 || last == 0x0647) return DL_YEAR;
        }
        return DL_OTHER;
    }
    wl = dl_fold_word(s, ws, we, w);
    if (wl > DL_FOLD_MAX) return DL_OTHER;
    return dl_name_class(w, wl);
}

/* The end of the word at p: word characters, and tatweel when `tatweel` is set. */
static size_t dl_word_end(const char *s, size_t p, size_t end, int tatweel) {
    const unsigned char *t = (const unsigned char *)s;
    while (p < end) {
        if (p + 1 < end && chars_is_arabic_letter2(t[p], t[p + 1])) {
            p += 2;
            continue;
        }
        int32_t cp;
        size_t n = chars_next(s, p, end, &cp);
        if (!dl_is_word_char(cp) && !(tatweel && cp == 0x0640)) break;
        p += n;
    }
    return p;
}

/* The start of the next word at or after i: skips date separators; end when it meets any other
 * character that is not part of a word, or the end. */
static size_t dl_word_start(const char *s, size_t i, size_t end) {
    while (i < end) {
        int32_t cp;
        size_t n = chars_next(s, i, end, &cp);
        if (dl_is_word_char(cp)) return i;
        if (!dl_is_date_gap(cp)) return end;
        i += n;
    }
    return end;
}

/* The next word at or after i (dl_word_start); returns 0 when there is none. */
static int dl_next_word(const char *s, size_t i, size_t end, size_t *ws, size_t *we) {
    size_t w = dl_word_start(s, i, end);
    if (w >= end) return 0;
    *ws = w;
    *we = dl_word_end(s, w, end, 1);
    return 1;
}

/* What a run of date words holds. */
typedef struct {
    size_t end; /* byte after its last word */
    size_t n_words;
    int named;   /* a day or month name */
    int month;   /* a month name */
    int weekday; /* starts with a day name (after an optional يوم) */
    int number;  /* a day number or a year */
    int year;
} dl_run;

/* Reads the longest run of date words starting at i; a year ends it. */
static void dl_read_run(const char *s, size_t i, size_t end, dl_run *r, int mode) {
    memset(r, 0, sizeof *r);
    r->end = i;
    int prev = DL_OTHER;
    size_t ws, we;
    while (dl_next_word(s, r->end, end, &ws, &we)) {
        int c = dl_class(s, ws, we, mode);
        if (c == DL_OTHER || (c == DL_MONTH_TAIL && prev != DL_MONTH_HEAD)) break;
        if (c == DL_WEEKDAY && r->n_words == (prev == DL_FILLER)) r->weekday = 1;
        r->named |= c == DL_WEEKDAY || c == DL_MONTH || c == DL_MONTH_HEAD;
        r->month |= c == DL_MONTH || c == DL_MONTH_HEAD;
        r->number |= c == DL_NUMBER || c == DL_YEAR;
        r->n_words++;
        r->end = we;
        prev = c;
        if (c == DL_YEAR) {
            /* The era mark may follow as a word of its own: 2005 م. */
            size_t ms, me;
            if (dl_next_word(s, r->end, end, &ms, &me) && dl_class(s, ms, me, mode) == DL_FILLER &&
                me - ms <= 4) {
                r->end = me;
                r->n_words++;
            }
            r->year = 1;
            /* A second calendar may follow: "1426 هـ الموافق 6 أكتوبر 2005 م". */
            size_t ns, ne;
            if (!dl_next_word(s, r->end, end, &ns, &ne) || !dl_word_is(s, ns, ne, "الموافق")) break;
        }
    }
}

/* The common Arabic letter b c (chars_is_arabic_letter2) folded as chars_fold_next folds it (آ أ
 * إ to ا, ى to ي, ة to ه), its two bytes as b << 8 | c; 0 for any other two bytes. */
static inline unsigned dl_letter_fold(unsigned char b, unsigned char c) {
    if (!chars_is_arabic_letter2(b, c)) return 0;
    if (b == 0xD8 && (c == 0xA2 || c == 0xA3 || c == 0xA5)) return 0xD8A7;
    if (b == 0xD8 && c == 0xA9) return 0xD987;
    if (b == 0xD9 && c == 0x89) return 0xD98A;
    return (unsigned)b << 8 | c;
}

/* The folded common letter at i, 0 when there is none (another character or the end). */
static inline unsigned dl_letter_at(const unsigned char *t, size_t i, size_t end) {
    return i + 1 < end ? dl_letter_fold(t[i], t[i + 1]) : 0;
}

#define DL_ALEF 0xD8A7u /* ا */
#define DL_LAM  0xD984u /* ل */
#define DL_WAW  0xD988u /* و */
#define DL_YEH  0xD98Au /* ي */
#define DL_MEEM 0xD985u /* م */
#define DL_HEH  0xD987u /* ه */

/* 0 when the word at i cannot fold to a day name or a filler, read from its first three letters
 * where they are common ones: the day names and الموافق open with ال and then س ا ث خ ج or م,
 * يوم with يو, and م and ه are one letter. 1 when it may, or when a character other than a
 * common letter leaves the question to the names themselves. */
static inline int dl_may_open_name(const unsigned char *t, size_t i, size_t end) {
    unsigned l1 = dl_letter_at(t, i, end);
    if (l1 != DL_ALEF && l1 != DL_YEH && l1 != DL_MEEM && l1 != DL_HEH) return l1 == 0;
    unsigned l2 = dl_letter_at(t, i + 2, end);
    if (l1 == DL_MEEM || l1 == DL_HEH) return l2 == 0;
    if (l1 == DL_YEH) return l2 == 0 || l2 == DL_WAW;
    if (l2 == 0) return 1; /* ا */
    if (l2 != DL_LAM) return 0;
    unsigned l3 = dl_letter_at(t, i + 4, end);
    return l3 == 0 || l3 == 0xD8B3u /* س */ || l3 == DL_ALEF || l3 == 0xD8ABu /* ث */ ||
           l3 == 0xD8AEu /* خ */ || l3 == 0xD8ACu /* ج */ || l3 == DL_MEEM;
}

/* Whether the run of date words at i would start with a day name (dl_run.weekday): its first
 * word is one, or the first is a filler (يوم) and the second one. Only those two tables are read
 * (a word with a digit folds to no name), and most words are ruled out by their first letters
 * (dl_may_open_name) before their end is sought, so most lines are decided after a few bytes. */
static int dl_opens_with_weekday(const char *s, size_t i, size_t end) {
    const unsigned char *t = (const unsigned char *)s;
    for (int k = 0; k < 2; k++) {
        /* The word ruled out by its first letters before its end is sought; a common letter at i
         * starts it. */
        size_t ws = dl_letter_at(t, i, end) ? i : dl_word_start(s, i, end);
        if (ws >= end || !dl_may_open_name(t, ws, end)) return 0;
        size_t we = dl_word_end(s, ws, end, 1);
        char w[DL_FOLD_MAX];
        size_t wl = dl_fold_common(t, ws, we, w);
        if (!wl) wl = dl_fold_word(s, ws, we, w);
        if (wl > DL_FOLD_MAX) return 0;
        if (DL_IN(w, wl, dl_weekdays)) return 1;
        if (!DL_IN(w, wl, dl_fillers)) return 0;
        i = we;
    }
    return 0;
}

/* Skips blanks and the characters in `also` (a predicate) from i. */
static size_t dl_skip(const char *s, size_t i, size_t end, int (*also)(int32_t)) {
    while (i < end) {
        if (s[i] == ' ') { /* the common blank, without decoding */
            i++;
            continue;
        }
        int32_t cp;
        size_t n = chars_next(s, i, end, &cp);
        if (!chars_is_blank(cp) && !(also && also(cp))) break;
        i += n;
    }
    return i;
}

static int dl_is_tail_punct(int32_t cp) {
    return cp == '.' || cp == ',' || cp == 0x060C || chars_is_dash(cp) || cp == ':';
}

int dateline_is_date_only(const char *s, size_t start, size_t end) {
    dl_run r;
    dl_read_run(s, start, end, &r, DL_WIDE);
    if (r.n_words == 0 || dl_skip(s, r.end, end, dl_is_tail_punct) != end) return 0;
    if (r.named) return r.number;
    /* Numbers alone: a numeric date has three parts and a year (14/07/2005, 2005-07-14). */
    return r.year && r.n_words == 3;
}

static int dl_is_blank_or_comma(int32_t cp) {
    return cp == ',' || cp == 0x060C;
}

/* Skips a run of dashes at i; returns the byte after it and sets *n_dashes and *em (an em dash
 * was among them). */
static size_t dl_dashes(const char *s, size_t i, size_t end, size_t *n_dashes, int *em) {
    *n_dashes = 0;
    *em = 0;
    while (i < end) {
        int32_t cp;
        size_t n = chars_next(s, i, end, &cp);
        if (!chars_is_dash(cp)) break;
        *em |= cp == 0x2014;
        (*n_dashes)++;
        i += n;
    }
    return i;
}

#if defined(__SSE2__)
/* The sixteen characters' worth of bytes at p (p[16] is read) for dl_may_be_wire, when every
 * character that starts among them is one its byte loop passes without a decision: a common
 * letter, a haraka or an Arabic-Indic digit (D9 8B-A9), the Arabic comma, a space, a comma, an
 * ASCII letter or digit. Returns 0 when another character starts there (the byte loop then
 * decides at it); else 1 with, one bit a byte, *word: the first byte of each word character,
 * *sep: every byte of each separator (space, comma, Arabic comma), *lead: whether byte 15 starts
 * a two-byte character (which ends past the block). */
static inline int dl_wire_block_sse2(const unsigned char *p, unsigned *word, unsigned *sep,
                                     unsigned *lead) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i d8 = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xD8));
    __m128i d9 = _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xD9));
    __m128i pair_word = _mm_or_si128(_mm_and_si128(d8, dl_in_range_sse2(y, 0xA0, 0x1F)),
                                     _mm_and_si128(d9, dl_in_range_sse2(y, 0x81, 0x28)));
    __m128i pair_sep = _mm_and_si128(d8, _mm_cmpeq_epi8(y, _mm_set1_epi8((char)0x8C)));
    __m128i ascii_word =
        _mm_or_si128(dl_in_range_sse2(x, '0', 9),
                     dl_in_range_sse2(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 25));
    __m128i ascii_sep =
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(x, _mm_set1_epi8(',')));
    __m128i cont = _mm_cmpgt_epi8(_mm_set1_epi8(-64), x); /* 80-BF, as signed bytes */
    __m128i leads = _mm_or_si128(pair_word, pair_sep);
    __m128i word_v = _mm_or_si128(ascii_word, pair_word);
    __m128i sep_v = _mm_or_si128(_mm_or_si128(ascii_sep, pair_sep), _mm_slli_si128(pair_sep, 1));
    /* Every byte placed: a word character, a separator, or the second byte of a pair read here
     * (the block starts at a character). */
    __m128i placed =
        _mm_or_si128(_mm_or_si128(word_v, sep_v), _mm_and_si128(cont, _mm_slli_si128(leads, 1)));
    if (_mm_movemask_epi8(placed) != 0xFFFF) return 0;
    *word = (unsigned)_mm_movemask_epi8(word_v);
    *sep = (unsigned)_mm_movemask_epi8(sep_v);
    *lead = p[15] >= 0xC0; /* a lead at byte 15 is one of a pair */
    return 1;
}
#endif

/* 0 when no wire dateline (dl_skip_wire) can start at i, read from the bytes as far as that
 * decision needs: the place words are runs of word characters between blanks and commas, and the
 * seventh word, the end of the text, or any other character before a bracket or a dash ends the
 * search. Lines of prose are decided after a few words of common Arabic letters, harakat, digits
 * and ASCII letters between spaces and commas, or at a mark such as ؛ ؟ « » . or a quote; a
 * bracket, a dash, a control and any other byte beyond ASCII (a dash, a blank or a rarer letter)
 * leave the decision to dl_skip_wire (1). With DL_WIDE, sixteen bytes at a time while they hold
 * none of the characters that decide (dl_wire_block_sse2). */
static int dl_may_be_wire(const char *s, size_t i, size_t end, int mode) {
    const unsigned char *t = (const unsigned char *)s;
    size_t words = 0;
    int in_word = 0;
#if defined(__SSE2__)
    if (mode == DL_WIDE)
        while (i + 17 <= end) {
            unsigned word, sep, lead;
            if (!dl_wire_block_sse2(t + i, &word, &sep, &lead)) break; /* decided in it */
            /* A word starts where a word character follows a separator, or the start. */
            for (unsigned starts = word & (sep << 1 | (unsigned)!in_word); starts;
                 starts &= starts - 1)
                if (++words > DL_WIRE_PLACE_WORDS) return 0;
            in_word = !(sep >> 15 & 1u);
            i += 16 + lead; /* a character that starts in the block ends it */
        }
#else
    (void)mode;
#endif
    while (i < end) {
        unsigned char b = t[i];
        if (i + 1 < end && chars_is_arabic_letter2(b, t[i + 1])) {
            words += !in_word;
            in_word = 1;
            i += 2;
        } else if (b >= 0x80) {
            unsigned char c = i + 1 < end ? t[i + 1] : 0;
            if ((b == 0xD8 && (c == 0x9B || c == 0x9F)) || (b == 0xC2 && (c == 0xAB || c == 0xBB)))
                return 0;                 /* ؛ ؟ « »: punctuation that is no comma */
            if (b == 0xD8 && c == 0x8C) { /* the Arabic comma */
                in_word = 0;
                i += 2;
            } else if (b == 0xD9 && c >= 0x8B && c <= 0xA9) { /* harakat, Arabic-Indic digits */
                words += !in_word;
                in_word = 1;
                i += 2;
            } else {
                return 1;
            }
        } else if (b == '(' || b == '-' || (b >= '\t' && b <= '\r')) {
            return 1;
        } else if (b == ' ' || b == ',') {
            in_word = 0;
            i++;
        } else if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
            words += !in_word;
            in_word = 1;
            i++;
        } else {
            return 0; /* ASCII that is neither blank, comma, word, bracket nor dash */
        }
        if (words > DL_WIRE_PLACE_WORDS) return 0;
    }
    return 0;
}

/* The letters in s[i..end), counted up to two. */
static size_t dl_count_letters(const char *s, size_t i, size_t end) {
    size_t n = 0;
    while (i < end && n < 2) {
        int32_t cp;
        i += chars_next(s, i, end, &cp);
        n += chars_is_letter(cp) != 0;
    }
    return n;
}

/* A wire dateline at i: place words (commas allowed), then either a parenthesised agency of one
 * to three words followed by dashes or a colon ("دبي، الإمارات (CNN)--", "بيروت (رويترز) -"), or,
 * without an agency, at most DL_WIRE_BARE_WORDS place words and a double or em dash
 * ("لندن ، انكلترا --"): a single dash after a few words is too often a parenthesis in prose.
 * The place may be left out before an agency followed by dashes ("(CNN)-- تلقت", as CNN Arabic
 * opens 406 paragraphs of ant_background), when the agency has two letters or more: "(أ) -" and
 * "(1) -" open the items of a list. Returns the byte after it and the blanks that follow, or i. */
static size_t dl_skip_wire(const char *s, size_t i, size_t end, int mode) {
    if (mode != DL_PLAIN && !dl_may_be_wire(s, i, end, mode)) return i;
    size_t p = i, words = 0;
    for (;;) {
        p = dl_skip(s, p, end, dl_is_blank_or_comma);
        int32_t cp = chars_at(s, p, end);
        if (cp == '(' || chars_is_dash(cp)) break;
        if (cp < 0 || !dl_is_word_char(cp) || ++words > DL_WIRE_PLACE_WORDS) return i;
        p = dl_word_end(s, p, end, 1);
    }
    size_t n_dashes;
    int em;
    if (chars_at(s, p, end) != '(') {
        if (words == 0) return i;
        p = dl_dashes(s, p, end, &n_dashes, &em);
        if (words > DL_WIRE_BARE_WORDS || (n_dashes < 2 && !em)) return i;
        return dl_skip(s, p, end, NULL);
    }
    size_t open = ++p; /* after '(' */
    size_t inner = 0;
    for (;;) {
        p = dl_skip(s, p, end, NULL);
        int32_t cp = chars_at(s, p, end);
        if (cp == ')') break;
        if (cp < 0 || !dl_is_word_char(cp) || ++inner > 3) return i;
        p = dl_word_end(s, p, end, 0);
    }
    if (inner == 0) return i;
    size_t close = p;
    p = dl_skip(s, p + 1, end, NULL);
    int32_t cp = chars_at(s, p, end);
    if (!chars_is_dash(cp) && (cp != ':' || words == 0)) return i;
    if (words == 0 && dl_count_letters(s, open, close) < 2) return i;
    return dl_skip(s, p, end, dl_is_tail_punct);
}

/* 1 when a letter occurs in s[i..end). */
static int dl_has_letter(const char *s, size_t i, size_t end) {
    while (i < end) {
        int32_t cp;
        i += chars_next(s, i, end, &cp);
        if (chars_is_letter(cp)) return 1;
    }
    return 0;
}

/* dateline_skip; beyond DL_PLAIN, with the early decisions (dl_opens_with_weekday,
 * dl_may_be_wire, dl_fold_common), which dateline_skip_plain leaves out. */
static size_t dl_skip_line(const char *s, size_t start, size_t end, int mode) {
    size_t p = start;
    if (mode == DL_PLAIN || dl_opens_with_weekday(s, start, end)) {
        dl_run r;
        dl_read_run(s, start, end, &r, mode);
        if (r.weekday && r.number) p = dl_skip(s, r.end, end, dl_is_tail_punct);
    }
    p = dl_skip_wire(s, p, end, mode);
    return p != start && dl_has_letter(s, p, end) ? p : start;
}

size_t dateline_skip(const char *s, size_t start, size_t end) {
    return dl_skip_line(s, start, end, DL_WIDE);
}

size_t dateline_skip_portable(const char *s, size_t start, size_t end) {
    return dl_skip_line(s, start, end, DL_FAST);
}

size_t dateline_skip_plain(const char *s, size_t start, size_t end) {
    return dl_skip_line(s, start, end, DL_PLAIN);
}

/* dateline_find; beyond DL_PLAIN, a run is read only where it may open with a day name
 * (dl_opens_with_weekday), which a full date needs; dateline_find_plain reads one at every word. */
static int dl_find(const char *s, size_t start, size_t end, size_t *date_start, size_t *date_end,
                   int mode) {
    size_t i = start;
    for (;;) {
        /* Word by word, over any characters between words (the common space without decoding). */
        while (i < end) {
            if (s[i] == ' ') {
                i++;
                continue;
            }
            int32_t cp;
            size_t n = chars_next(s, i, end, &cp);
            if (dl_is_word_char(cp)) break;
            i += n;
        }
        if (i >= end) return 0;
        if (mode == DL_PLAIN || dl_opens_with_weekday(s, i, end)) {
            dl_run r;
            dl_read_run(s, i, end, &r, mode);
            if (r.weekday && r.month && r.number) {
                *date_start = i;
                *date_end = r.end;
                return 1;
            }
        }
        i = dl_word_end(s, i, end, 1); /* the word at i, as dl_next_word reads it */
    }
}

int dateline_find(const char *s, size_t start, size_t end, size_t *date_start, size_t *date_end) {
    return dl_find(s, start, end, date_start, date_end, DL_WIDE);
}

int dateline_find_plain(const char *s, size_t start, size_t end, size_t *date_start,
                        size_t *date_end) {
    return dl_find(s, start, end, date_start, date_end, DL_PLAIN);
}

/* The lanes of the eight bytes at p (next: the byte after them, 0 past the end) where a decimal
 * digit may start: an ASCII digit, a lead D9 or DB followed by A0-A9 or B0-B9 (the Arabic-Indic
 * digits are D9 A0-A9 and DB B0-B9; the other two pairs are let through to be decoded), and any
 * lead byte from DC on (NKo digits are DF 80-89; three- and four-byte sequences hold many
 * more). Every other byte is ASCII that is not a digit, a continuation byte, or the lead of a
 * two-byte character that is no digit; none of those is a digit or part of one. */
static inline uint64_t dl_digit_lanes(const unsigned char *p, unsigned char next) {
    uint64_t x = swar_load(p);
    uint64_t y = (x >> 8) | ((uint64_t)next << 56); /* lane k: the byte after byte k */
    uint64_t ascii_digit = swar_lanes_below(x ^ ('0' * SWAR_ONES), 10);
    uint64_t high_lead =
        x & ((x & SWAR_LOWS) + (0x80u - 0x5Cu) * SWAR_ONES) & SWAR_HIGHS; /* >= DC */
    uint64_t d9_or_db = swar_lanes_below((x | 0x02u * SWAR_ONES) ^ (0xDBu * SWAR_ONES), 1);
    uint64_t then_digit = swar_lanes_below((y & ~(0x10u * SWAR_ONES)) ^ (0xA0u * SWAR_ONES), 10);
    return ascii_digit | high_lead | (d9_or_db & then_digit);
}

#if defined(__SSE2__)
/* dl_digit_lanes on the sixteen bytes at p (p[16] is read as the byte after them), one bit a
 * byte: the same tests with SSE2's unsigned byte minimum and maximum. */
static inline __m128i dl_digit_lanes_sse2(const unsigned char *p) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i ascii_digit = dl_in_range_sse2(x, '0', 9);
    __m128i high_lead = _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8((char)0xDC)), x);
    __m128i d9_or_db =
        _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(0x02)), _mm_set1_epi8((char)0xDB));
    __m128i then_digit = dl_in_range_sse2(_mm_andnot_si128(_mm_set1_epi8(0x10), y), 0xA0, 9);
    return _mm_or_si128(_mm_or_si128(ascii_digit, high_lead), _mm_and_si128(d9_or_db, then_digit));
}
#endif

/* The value of the decimal digit cp (chars_is_digit) as normalize_codepoint reads it, the ASCII
 * and Arabic-Indic ones without the call: a digit of another script folds to none (< 0 or > 9). */
static inline int dl_digit_value(int32_t cp) {
    if (cp < 0x80) return cp - '0';
    if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660;
    if (cp >= 0x06F0 && cp <= 0x06F9) return cp - 0x06F0;
    return normalize_codepoint(cp) - '0';
}

/* The first byte at or after i that may start a decimal digit (a lane dl_digit_lanes marks), or
 * where the whole blocks from i end: sixteen bytes at a time with SSE2 in DL_WIDE, then eight.
 * A block that ends inside a character leaves its continuation byte to the next block or to the
 * byte loop, where it is no digit either (no lane marks a continuation byte), so the blocks need
 * not follow characters. */
static inline size_t dl_skip_digitless(const unsigned char *t, size_t i, size_t end, int mode) {
#if defined(__SSE2__)
    if (mode == DL_WIDE) {
        for (; i + 33 <= end; i += 32) { /* two blocks, one test */
            __m128i a = dl_digit_lanes_sse2(t + i), b = dl_digit_lanes_sse2(t + i + 16);
            if (_mm_movemask_epi8(_mm_or_si128(a, b))) {
                uint32_t f = (uint32_t)_mm_movemask_epi8(a) | (uint32_t)_mm_movemask_epi8(b) << 16;
                return i + swar_lowest_bit(f);
            }
        }
        for (; i + 17 <= end; i += 16) {
            unsigned f = (unsigned)_mm_movemask_epi8(dl_digit_lanes_sse2(t + i));
            if (f) return i + swar_lowest_bit(f);
        }
    }
#else
    (void)mode;
#endif
    for (; i + 8 <= end; i += 8) {
        uint64_t f = dl_digit_lanes(t + i, i + 8 < end ? t[i + 8] : 0);
        if (f) return i + swar_lowest_bit(f) / 8;
    }
    return i;
}

/* dateline_latest_year; DL_WIDE: the blocks of sixteen bytes (SSE2) where the machine has them,
 * which dateline_latest_year_portable leaves out for the tests. */
static inline int dl_latest_year(const char *s, size_t start, size_t end, int mode) {
    const unsigned char *t = (const unsigned char *)s;
    int latest = 0;
    for (size_t i = start; i < end;) {
        /* Blocks without a possible digit are passed whole, up to the first byte that may start
         * one: it starts a character, since no byte it can be is a continuation byte. */
        i = dl_skip_digitless(t, i, end, mode);
        if (i >= end) break;
        /* The only decimal digits between U+0080 and U+06FF (lead bytes C2-DB) are the
         * Arabic-Indic ones, U+0660-0669 (D9 A0-A9) and U+06F0-06F9 (DB B0-B9): every other
         * two-byte character there is stepped over without decoding, as are ASCII bytes other
         * than digits. */
        unsigned char b = t[i];
        if (b < 0x80) {
            if (b < '0' || b > '9') {
                i++;
                continue;
            }
        } else if (b >= 0xC2 && b <= 0xDB && i + 1 < end && (t[i + 1] & 0xC0) == 0x80) {
            unsigned char c = t[i + 1];
            if (!(b == 0xD9 && c >= 0xA0 && c <= 0xA9) && !(b == 0xDB && c >= 0xB0 && c <= 0xB9)) {
                i += 2;
                continue;
            }
        }
        int32_t cp;
        size_t n = chars_next(s, i, end, &cp);
        if (!chars_is_digit(cp)) {
            i += n;
            continue;
        }
        /* A run of digits: its value when it has exactly four. */
        int value = 0, digits = 0;
        while (i < end) {
            int d = t[i] - '0';
            if (d >= 0 && d <= 9) { /* an ASCII digit, without decoding */
                n = 1;
            } else {
                n = chars_next(s, i, end, &cp);
                if (!chars_is_digit(cp)) break;
                d = dl_digit_value(cp);
            }
            if (d < 0 || d > 9)
                value = -1;
            else if (value >= 0 && digits < 4) /* more digits are no year: the value is not read */
                value = value * 10 + d;
            digits++;
            i += n;
        }
        if (digits == 4 && value >= DL_YEAR_MIN && value <= DL_YEAR_MAX && value > latest)
            latest = value;
    }
    return latest;
}

int dateline_latest_year(const char *s, size_t start, size_t end) {
    return dl_latest_year(s, start, end, DL_WIDE);
}

int dateline_latest_year_portable(const char *s, size_t start, size_t end) {
    return dl_latest_year(s, start, end, DL_FAST);
}
