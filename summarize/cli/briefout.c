/* briefout.c - briefing formats (see briefout.h). Labels are Arabic, like the brief: "موجز
 * الأخبار" (news brief) heads the Markdown and HTML pages and "المصادر" (sources) introduces
 * where a story comes from. Names (paths, ids) may be Latin or not even UTF-8: they are written
 * with invalid bytes replaced (U+FFFD) where the format needs text, and isolated (<bdi>) in HTML
 * so that a Latin name does not reorder the Arabic around it. */
#include "summarize/cli/briefout.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/cli/timeparse.h"
#include "summarize/common/error.h"

#define BRIEFOUT_TITLE   "موجز الأخبار"
#define BRIEFOUT_SOURCES "المصادر"

ars_status briefout_format_from_name(const char *name, briefout_format *out) {
    static const char *const names[] = {"markdown", "text", "json", "jsonl", "html"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (briefout_format)i;
            return ARS_OK;
        }
    return ARS_EARG;
}

/* A copy of s with each byte that does not start a valid UTF-8 sequence replaced by U+FFFD
 * (malloc'd), or NULL when out of memory. */
static size_t briefout_seq(const char *s, size_t n, size_t i);
static char *briefout_utf8(const char *s) {
    size_t n = strlen(s), o = 0;
    char *out = malloc(n * 3 + 1);
    if (!out) return NULL;
    for (size_t i = 0; i < n;) {
        size_t take = briefout_seq(s, n, i);
        memcpy(out + o, take ? s + i : "\xEF\xBF\xBD", take ? take : 3);
        o += take ? take : 3;
        i += take ? take : 1;
    }
    out[o] = '\0';
    return out;
}

/* The length of the valid UTF-8 sequence at s[i] (n bytes in s), or 0 when none starts there. */
static size_t briefout_seq(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    size_t take = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    ars_error e;
    return i + take <= n && ars_text_check("", s + i, take, NULL, &e) == ARS_OK ? take : 0;
}

static int briefout_md_text(FILE *f, const char *s, size_t len);
static int briefout_html_text(FILE *f, const char *s, size_t len);

/* Writes a name that may not be UTF-8, invalid bytes as U+FFFD, escaped for the format (0
 * plain, 1 Markdown, 2 HTML). */
static int briefout_name_out(FILE *f, const char *name, int escape) {
    size_t n = strlen(name);
    for (size_t i = 0; i < n;) {
        size_t take = briefout_seq(name, n, i);
        const char *p = take ? name + i : "\xEF\xBF\xBD";
        size_t len = take ? take : 3;
        int bad = escape == 1   ? briefout_md_text(f, p, len)
                  : escape == 2 ? briefout_html_text(f, p, len)
                                : fwrite(p, 1, len, f) != len;
        if (bad) return -1;
        i += take ? take : 1;
    }
    return 0;
}

/* What to call an article when citing it: its name (the JSONL id, or the path). */
static const char *briefout_name(const ars_briefing *b, size_t article) {
    return ars_briefing_article_get(b, article)->name;
}

/* The distinct outlets of a story, in the order of its articles. */
static size_t briefout_sources(const ars_briefing *b, const ars_story *s, const char **out) {
    size_t n = 0;
    for (size_t k = 0; k < s->n_articles; k++) {
        const char *src = ars_briefing_article_get(b, s->articles[k])->source;
        int seen = !src;
        for (size_t j = 0; j < n && !seen; j++)
            seen = strcmp(out[j], src) == 0;
        if (!seen) out[n++] = src;
    }
    return n;
}

/* ---- text and Markdown ---- */

static int briefout_name_out(FILE *f, const char *name, int escape);

/* A name as a Markdown code span: `name`, with enough backticks around it that none inside can
 * end it, so paths keep their underscores and stars unescaped. */
static int briefout_md_code(FILE *f, const char *name) {
    size_t run = 0, longest = 0;
    for (const char *p = name; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    for (size_t k = 0; k <= longest; k++)
        if (fputc('`', f) == EOF) return -1;
    if ((longest && fputc(' ', f) == EOF) || briefout_name_out(f, name, 0) ||
        (longest && fputc(' ', f) == EOF))
        return -1;
    for (size_t k = 0; k <= longest; k++)
        if (fputc('`', f) == EOF) return -1;
    return 0;
}

/* Writes s escaping what Markdown would read as markup (a backslash before each such ASCII
 * character is always allowed in CommonMark). */
static int briefout_md_text(FILE *f, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (strchr("\\`*_[]<>#|", s[i]) && fputc('\\', f) == EOF) return -1;
        if (fputc(s[i], f) == EOF) return -1;
    }
    return 0;
}

static int briefout_put(FILE *f, const char *s, size_t len, int markdown) {
    if (markdown) return briefout_md_text(f, s, len);
    return fwrite(s, 1, len, f) == len ? 0 : -1;
}

static int briefout_cite(FILE *f, const char *name, int markdown) {
    if (fputs(" [", f) == EOF || briefout_name_out(f, name, markdown)) return -1;
    return fputc(']', f) == EOF ? -1 : 0;
}

/* One story in text or Markdown; a blank line separates it from the one before. */
static int briefout_story_text(const ars_briefing *b, const ars_story *s, size_t rank, FILE *f,
                               int markdown, int cite) {
    if (rank > 1 && fputc('\n', f) == EOF) return -1;
    if (fprintf(f, markdown ? "## %zu. " : "%zu. ", rank) < 0) return -1;
    if (briefout_put(f, s->headline, strlen(s->headline), markdown)) return -1;
    if (cite && briefout_cite(f, briefout_name(b, s->headline_article), markdown)) return -1;
    if (fputs(markdown ? "\n\n" : "\n", f) == EOF) return -1;
    for (size_t k = 0; k < s->n_sentences; k++) {
        const ars_sentence *x = &s->sentences[k];
        if (markdown && fputs("- ", f) == EOF) return -1;
        if (briefout_put(f, x->text, x->text_len, markdown)) return -1;
        if (cite && briefout_cite(f, x->doc_name, markdown)) return -1;
        if (fputc('\n', f) == EOF) return -1;
    }
    if (markdown) {
        /* Sources: each article as OUTLET: NAME (or NAME alone), Arabic commas between. */
        if (fprintf(f, "\n%s: ", BRIEFOUT_SOURCES) < 0) return -1;
        for (size_t k = 0; k < s->n_articles; k++) {
            const ars_article *a = ars_briefing_article_get(b, s->articles[k]);
            if ((k && fputs("، ", f) == EOF) ||
                (a->source &&
                 (briefout_md_text(f, a->source, strlen(a->source)) || fputs(": ", f) == EOF)) ||
                briefout_md_code(f, a->name))
                return -1;
        }
        if (fputc('\n', f) == EOF) return -1;
    }
    return 0;
}

/* ---- JSON ---- */

json_t *briefout_json_text(const char *name) {
    json_t *v = json_string(name);
    if (v) return v;
    char *u = briefout_utf8(name);
    v = u ? json_string(u) : NULL;
    free(u);
    return v;
}

static json_t *briefout_story_json(const ars_briefing *b, const ars_story *s, size_t rank,
                                   const char **srcbuf) {
    json_t *o = json_object(), *summary = json_array(), *docs = json_array(),
           *sources = json_array();
    int bad = !o || !summary || !docs || !sources;
    for (size_t k = 0; !bad && k < s->n_sentences; k++)
        bad |= json_array_append_new(summary,
                                     json_stringn(s->sentences[k].text, s->sentences[k].text_len));
    for (size_t k = 0; !bad && k < s->n_articles; k++)
        bad |= json_array_append_new(docs, briefout_json_text(briefout_name(b, s->articles[k])));
    size_t ns = bad ? 0 : briefout_sources(b, s, srcbuf);
    for (size_t k = 0; !bad && k < ns; k++)
        bad |= json_array_append_new(sources, json_string(srcbuf[k]));
    if (!bad) {
        char iso[21];
        if (s->time != ARS_TIME_UNKNOWN) timeparse_format(s->time, iso);
        bad |= json_object_set_new(o, "rank", json_integer((json_int_t)rank));
        bad |= json_object_set_new(o, "headline", json_string(s->headline));
        bad |= json_object_set_new(o, "summary", summary);
        bad |= json_object_set_new(o, "documents", docs);
        bad |= json_object_set_new(o, "sources", sources);
        bad |= json_object_set_new(o, "time",
                                   s->time != ARS_TIME_UNKNOWN ? json_string(iso) : json_null());
        bad |= json_object_set_new(o, "score", json_real(s->score));
        summary = docs = sources = NULL;
    }
    json_decref(summary);
    json_decref(docs);
    json_decref(sources);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* ---- HTML ---- */

static int briefout_html_text(FILE *f, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        const char *rep = s[i] == '&'   ? "&amp;"
                          : s[i] == '<' ? "&lt;"
                          : s[i] == '>' ? "&gt;"
                          : s[i] == '"' ? "&quot;"
                                        : NULL;
        if (rep ? fputs(rep, f) == EOF : fputc(s[i], f) == EOF) return -1;
    }
    return 0;
}

static const char briefout_html_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"ar\" dir=\"rtl\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>" BRIEFOUT_TITLE "</title>\n"
    "<style>\n"
    "body { font-family: \"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"Amiri\", \"DejaVu Sans\", "
    "sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.8; "
    "color: #1b1b1b; background: #fff; }\n"
    "h1 { font-size: 1.6rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .3rem; }\n"
    "article { border-bottom: 1px solid #d8d8d8; padding: .4rem 0 .8rem; }\n"
    "h2 { font-size: 1.2rem; margin: .6rem 0 .3rem; }\n"
    "ul { margin: .2rem 0; padding-inline-start: 1.4rem; }\n"
    ".sources { color: #555; font-size: .85rem; margin: .3rem 0 0; }\n"
    "</style>\n"
    "</head>\n"
    "<body>\n"
    "<main>\n"
    "<h1>" BRIEFOUT_TITLE "</h1>\n";

static int briefout_story_html(const ars_briefing *b, const ars_story *s, size_t rank, FILE *f) {
    if (fprintf(f, "<article id=\"story-%zu\">\n<h2>%zu. ", rank, rank) < 0) return -1;
    if (briefout_html_text(f, s->headline, strlen(s->headline))) return -1;
    if (fputs("</h2>\n<ul>\n", f) == EOF) return -1;
    for (size_t k = 0; k < s->n_sentences; k++) {
        if (fputs("<li>", f) == EOF) return -1;
        if (briefout_html_text(f, s->sentences[k].text, s->sentences[k].text_len)) return -1;
        if (fputs("</li>\n", f) == EOF) return -1;
    }
    if (fprintf(f, "</ul>\n<p class=\"sources\">%s: ", BRIEFOUT_SOURCES) < 0) return -1;
    for (size_t k = 0; k < s->n_articles; k++) {
        const ars_article *a = ars_briefing_article_get(b, s->articles[k]);
        if ((k && fputs("، ", f) == EOF) || fputs("<bdi>", f) == EOF ||
            (a->source &&
             (briefout_html_text(f, a->source, strlen(a->source)) || fputs(": ", f) == EOF)) ||
            briefout_name_out(f, a->name, 2) || fputs("</bdi>", f) == EOF)
            return -1;
    }
    return fputs("</p>\n</article>\n", f) == EOF ? -1 : 0;
}

ars_status briefout_write(const ars_briefing *b, FILE *f, briefout_format format, int cite,
                          const char *what, ars_error *err) {
    size_t n = ars_briefing_story_count(b), most = 1;
    for (size_t i = 0; i < n; i++)
        if (ars_briefing_story_get(b, i)->n_articles > most)
            most = ars_briefing_story_get(b, i)->n_articles;
    const char **srcbuf = malloc(most * sizeof *srcbuf);
    if (!srcbuf) return error_at(err, ARS_ENOMEM, "%s", what);
    int bad = 0, nomem = 0;
    json_t *stories = NULL;
    if (format == BRIEFOUT_MARKDOWN) bad = fprintf(f, "# %s\n\n", BRIEFOUT_TITLE) < 0;
    if (format == BRIEFOUT_HTML) bad = fputs(briefout_html_head, f) == EOF;
    if (format == BRIEFOUT_JSON) nomem = !(stories = json_array());
    for (size_t i = 0; i < n && !bad && !nomem; i++) {
        const ars_story *s = ars_briefing_story_get(b, i);
        switch (format) {
        case BRIEFOUT_MARKDOWN:
        case BRIEFOUT_TEXT:
            bad = briefout_story_text(b, s, i + 1, f, format == BRIEFOUT_MARKDOWN, cite);
            break;
        case BRIEFOUT_HTML:
            bad = briefout_story_html(b, s, i + 1, f);
            break;
        case BRIEFOUT_JSON:
        case BRIEFOUT_JSONL: {
            json_t *o = briefout_story_json(b, s, i + 1, srcbuf);
            if (!o) {
                nomem = 1;
            } else if (format == BRIEFOUT_JSON) {
                nomem = json_array_append_new(stories, o) != 0;
            } else {
                bad = json_dumpf(o, f, JSON_COMPACT | JSON_REAL_PRECISION(6)) != 0 ||
                      fputc('\n', f) == EOF;
                json_decref(o);
            }
            break;
        }
        }
    }
    if (format == BRIEFOUT_HTML && !bad) bad = fputs("</main>\n</body>\n</html>\n", f) == EOF;
    if (format == BRIEFOUT_JSON && !bad && !nomem) {
        json_t *root = json_object();
        nomem = !root || json_object_set_new(root, "stories", stories) != 0;
        stories = NULL;
        if (!nomem)
            nomem = json_object_set_new(root, "articles",
                                        json_integer((json_int_t)ars_briefing_article_count(b))) ||
                    json_object_set_new(root, "stories_found",
                                        json_integer((json_int_t)ars_briefing_story_total(b)));
        if (!nomem)
            bad = json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) != 0 ||
                  fputc('\n', f) == EOF;
        json_decref(root);
    }
    json_decref(stories);
    free(srcbuf);
    if (nomem) return error_at(err, ARS_ENOMEM, "%s", what);
    if (bad) return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno));
    return ARS_OK;
}

ars_status briefout_cited_summary(const ars_summarizer *s, FILE *f, const char *what,
                                  ars_error *err) {
    for (size_t i = 0; i < ars_summary_count(s); i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        if (fwrite(x->text, 1, x->text_len, f) != x->text_len || briefout_cite(f, x->doc_name, 0) ||
            fputc('\n', f) == EOF)
            return error_set(err, ARS_EIO, "%s: write failed: %s", what, strerror(errno));
    }
    return ARS_OK;
}
