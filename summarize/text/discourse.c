/* discourse.c - sentences that lean on the sentence before them (see discourse.h). Asked only of
 * the few sentences a selection is about to take, so it reads a sentence's opening plainly. */
#include "summarize/text/discourse.h"

#include <stdint.h>
#include <string.h>

#include "summarize/text/chars.h"
#include "summarize/text/normalize.h"

/* The words of an opening that are read, and the bytes kept of each: a longer word is none of the
 * listed ones. */
#define DISCOURSE_WORDS    4
#define DISCOURSE_WORD_MAX 40

/* A sentence's opening: its first words, normalised, joined by single spaces. */
typedef struct {
    char text[DISCOURSE_WORDS * (DISCOURSE_WORD_MAX + 1)];
    size_t len;
    size_t n;                                        /* words read */
    size_t at[DISCOURSE_WORDS], wl[DISCOURSE_WORDS]; /* where each is in text, its bytes */
    int32_t mark; /* what follows the first word and its blanks when that is no letter, else -1 */
    int more;     /* the first word is followed by another (read, or too long to be) */
} discourse_head;

/* Opening phrases that continue what was said before: contrast ("but", "however", "on the other
 * hand"), addition ("also", "moreover"), consequence ("so"), sequence ("after that", "meanwhile").
 * In normalised spelling (normalize_codepoint), each with its conjunction و where the press writes
 * one. Not "for his part" (ومن جهته، بدوره): the press names the party right after it ("ومن جهته
 * أعلن عضو الجمعية الوطنية راسم العوادي"), so the sentence stands on its own. */
static const char discourse_phrases[] =
    "لكن|لكنه|لكنها|لكنهم|ولكن|ولكنه|ولكنها|ولكنهم|الا ان|الا انه|الا انها|الا انهم|غير ان|"
    "غير انه|غير انها|غير انهم|مع ذلك|ومع ذلك|رغم ذلك|ورغم ذلك|كما|كذلك|وكذلك|ايضا|وايضا|لذلك|"
    "ولذلك|لذا|ولذا|لهذا|ولهذا|بالتالي|وبالتالي|ثم|عندئذ|وعندئذ|حينئذ|وحينئذ|بعد ذلك|وبعد ذلك|"
    "اثر ذلك|واثر ذلك|علي اثر ذلك|وعلي اثر ذلك|الي ذلك|والي ذلك|في المقابل|وفي المقابل|"
    "من جهة اخري|ومن جهة اخري|من ناحية اخري|ومن ناحية اخري|في غضون ذلك|وفي غضون ذلك|في الاثناء|"
    "وفي الاثناء|في هذه الاثناء|وفي هذه الاثناء|في هذا السياق|وفي هذا السياق|في السياق ذاته|"
    "وفي السياق ذاته|في السياق نفسه|وفي السياق نفسه|في الوقت نفسه|وفي الوقت نفسه|في الوقت ذاته|"
    "وفي الوقت ذاته|في وقت لاحق|وفي وقت لاحق|علاوة علي ذلك|وعلاوة علي ذلك|فضلا عن ذلك|"
    "وفضلا عن ذلك|اضافة الي ذلك|واضافة الي ذلك|بالاضافة الي ذلك|وبالاضافة الي ذلك|هو|وهو|فهو|هي|"
    "وهي|فهي|هم|وهم|هما|وهما";

/* Demonstratives that open a sentence point back ("وهذا يعني", "ذلك أن"), unless a word of time
 * follows: "هذا العام" is this year, not the thing said before. */
static const char discourse_demonstratives[] =
    "هذا|وهذا|فهذا|هذه|وهذه|ذلك|وذلك|تلك|وتلك|هؤلاء|وهؤلاء";
static const char discourse_time_words[] =
    "العام|السنة|الشهر|الاسبوع|اليوم|الصباح|المساء|الليلة|الموسم|الصيف|الشتاء|الربيع|الخريف|"
    "العقد|القرن";

/* Verbs of saying, third person past: each also with ت (she said) and وا (they said), and with the
 * conjunction و or ف before it. Whoever says it is named after the verb or not at all: "وأضاف
 * الوزير أن" names him, "وأضاف أن" leans on the sentence that did. */
static const char discourse_verbs[] =
    "قال|اضاف|تابع|اوضح|اشار|اكد|لفت|اعتبر|ذكر|شدد|اعرب|اعلن|افاد|اردف|ختم|زعم|كشف|حذر|طالب|"
    "اعترف|اقر|علق|وصف|نوه|اشاد|انتقد|استطرد|لاحظ";
/* The same for the verbs whose last letter changes: saw, denied, called, went on. */
static const char discourse_verb_forms[] = "راي|رات|راوا|نفي|نفت|نفوا|دعا|دعت|دعوا|مضي|مضت";

/* What follows a verb of saying that has no subject: "that", a preposition, "also", a day,
 * "saying". */
static const char discourse_after_verb[] =
    "ان|انه|انها|انهم|انهما|انني|اننا|بان|بانه|بانها|بانهم|في|خلال|امام|عن|علي|الي|من|ايضا|اليوم|"
    "امس|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعة|السبت|الاحد|قائلا|قائلة|مضيفا|مضيفة";

/* Reads the first words of s[0..len) into h: runs of letters separated by blanks, until a
 * character that is neither, each code point as the analysis copy has it (normalize_codepoint:
 * diacritics and tatweel dropped, alef forms and alef maqsura folded). */
static void discourse_read(const char *s, size_t len, discourse_head *h) {
    h->len = h->n = 0;
    h->mark = -1;
    h->more = 0;
    size_t i = 0;
    while (h->n < DISCOURSE_WORDS && i < len) {
        char word[DISCOURSE_WORD_MAX];
        size_t wl = 0;
        int over = 0;
        while (i < len) {
            int32_t cp;
            size_t k = chars_next(s, i, len, &cp);
            int m = normalize_codepoint(cp);
            if (m >= 0 && !chars_is_mark(m)) {
                if (!chars_is_letter(m)) break;
                char e[4];
                int b = chars_encode(m, e);
                if (wl + (size_t)b > sizeof word)
                    over = 1;
                else
                    memcpy(word + wl, e, (size_t)b);
                wl += (size_t)b;
            }
            i += k;
        }
        /* Words start with a letter; none is this long: what came before is the opening. */
        if (wl == 0 || over) return;
        if (h->n) h->text[h->len++] = ' ';
        h->at[h->n] = h->len;
        h->wl[h->n] = wl;
        memcpy(h->text + h->len, word, wl);
        h->len += wl;
        h->n++;
        int32_t cp = -1;
        while (i < len) {
            size_t k = chars_next(s, i, len, &cp);
            if (!chars_is_blank(cp)) break;
            i += k;
        }
        if (i >= len) return;
        int next = normalize_codepoint(cp);
        int letter = next >= 0 && chars_is_letter(next);
        if (h->n == 1) {
            if (letter)
                h->more = 1;
            else
                h->mark = cp;
        }
        if (!letter) return;
    }
}

/* Is s[0..n) one of the entries of list (entries separated by '|')? With prefix set, is it an entry
 * followed by a space or its end (an entry of whole words that s opens with)? */
static int discourse_list_has(const char *list, const char *s, size_t n, int prefix) {
    for (const char *e = list; *e;) {
        const char *bar = strchr(e, '|');
        size_t el = bar ? (size_t)(bar - e) : strlen(e);
        if (prefix ? el <= n && memcmp(e, s, el) == 0 && (el == n || s[el] == ' ')
                   : el == n && memcmp(e, s, n) == 0)
            return 1;
        if (!bar) break;
        e = bar + 1;
    }
    return 0;
}

/* Is word w of h (when it was read) an entry of list? */
static int discourse_word_in(const discourse_head *h, size_t w, const char *list) {
    return w < h->n && discourse_list_has(list, h->text + h->at[w], h->wl[w], 0);
}

/* Is the first word of h a verb of saying (discourse_verbs with an ending, or
 * discourse_verb_forms), with و or ف before it or not? */
static int discourse_is_saying(const discourse_head *h) {
    static const char *const prefixes[] = {"", "و", "ف"};
    static const char *const endings[] = {"", "ت", "وا"};
    for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++) {
        size_t pl = strlen(prefixes[p]);
        const char *w = h->text + h->at[0];
        if (h->wl[0] <= pl || memcmp(w, prefixes[p], pl) != 0) continue;
        const char *rest = w + pl;
        size_t rl = h->wl[0] - pl;
        if (discourse_list_has(discourse_verb_forms, rest, rl, 0)) return 1;
        for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
            size_t el = strlen(endings[e]);
            if (el < rl && memcmp(rest + rl - el, endings[e], el) == 0 &&
                discourse_list_has(discourse_verbs, rest, rl - el, 0))
                return 1;
        }
    }
    return 0;
}

int discourse_needs_previous(const char *s, size_t len, size_t position) {
    return position > 0 && discourse_leans_back(s, len);
}

int discourse_leans_back(const char *s, size_t len) {
    discourse_head h;
    discourse_read(s, len, &h);
    if (h.n == 0) return 0;
    if (discourse_list_has(discourse_phrases, h.text, h.len, 1)) return 1;
    if (discourse_word_in(&h, 0, discourse_demonstratives))
        return !discourse_word_in(&h, 1, discourse_time_words);
    if (!discourse_is_saying(&h)) return 0;
    /* A verb of saying with no subject: a colon, comma or quotation right after it, "that" or
     * another word that is no subject, or nothing at all. */
    if (h.mark >= 0)
        return h.mark == ':' || h.mark == ',' || h.mark == 0x060C /* ، */ || h.mark == '"' ||
               h.mark == 0x00AB /* « */ || h.mark == 0x201C /* “ */ || h.mark == 0x201D ||
               h.mark == '\'';
    if (!h.more) return 1;
    return discourse_word_in(&h, 1, discourse_after_verb);
}
