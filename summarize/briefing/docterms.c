/* docterms.c - an article's terms for its document vector (see docterms.h). */
#include "summarize/briefing/docterms.h"

#include <stdlib.h>
#include <string.h>

#include "summarize/text/clean.h"

/* Web pages title themselves "HEADLINE | SITE" (or "| SECTION"): the part after the last " | "
 * goes when it is short (DOCTERMS_SITE_MAX_WORDS) and the headline before it is longer. */
#define DOCTERMS_SITE_MAX_WORDS 4

static size_t docterms_words(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) n++;
    return n;
}

static size_t docterms_strip_site(const char *t, size_t len) {
    for (size_t i = len; i >= 3; i--) {
        if (memcmp(t + i - 3, " | ", 3) != 0) continue;
        size_t head = i - 3, tail_words = docterms_words(t + i, len - i);
        if (tail_words <= DOCTERMS_SITE_MAX_WORDS && docterms_words(t, head) > tail_words)
            return head;
        break;
    }
    return len;
}

ars_status docterms_article(analyzer *an, vocab *voc, const char *bytes, size_t len,
                            const char *title, uint32_t **terms, size_t *n_terms, size_t *cap,
                            docterms_info *info) {
    info->found_title = NULL;
    info->year = 0;
    size_t body = 0;
    (void)ars_text_check("", bytes, len, &body, NULL); /* only for the BOM: checked before */
    clean_doc cd = {bytes, len, body};
    clean_line *lines = NULL;
    size_t n_lines = 0;
    ars_status st = clean_documents(&cd, 1, &lines, &n_lines, NULL);
    if (st != ARS_OK) return st;
    analyze_stats stats;
    for (size_t k = 0; k < n_lines && st == ARS_OK; k++) {
        const clean_line *l = &lines[k];
        if ((l->flags & CLEAN_LINE_TITLE) && !title && !info->found_title) {
            size_t tl = docterms_strip_site(bytes + l->title_start, l->title_end - l->title_start);
            if (!(info->found_title = malloc(tl + 1))) {
                st = ARS_ENOMEM;
                break;
            }
            memcpy(info->found_title, bytes + l->title_start, tl);
            info->found_title[tl] = '\0';
        }
        if (l->reason == CLEAN_KEEP && l->end > l->start)
            st = analyzer_sentence(an, voc, bytes + l->start, l->end - l->start, terms, n_terms,
                                   cap, &stats);
    }
    const char *t = title ? title : info->found_title;
    for (int w = 0; t && w < DOCTERMS_TITLE_WEIGHT && st == ARS_OK; w++)
        st = analyzer_sentence(an, voc, t, strlen(t), terms, n_terms, cap, &stats);
    if (st == ARS_OK) info->year = clean_document_year(&cd, lines, n_lines);
    free(lines);
    if (st != ARS_OK) {
        free(info->found_title);
        info->found_title = NULL;
    }
    return st;
}
