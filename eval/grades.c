/* grades.c - the human grades file of meta: a small tab-separated reader (header, optional double
 * quotes) that averages the judges of each summary. Grades files come from outside: every field
 * is checked, and errors name the file and the line. Part of eval/. */
#include "eval/grades.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest grades file read (a year of MultiLing judgements is well under 1 MiB). */
#define GRADES_MAX_BYTES ((size_t)64 << 20)

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
grades_error(char *err, size_t cap, const char *fmt, ...) {
    if (!err || cap == 0) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, cap, fmt, ap);
    va_end(ap);
}

void eval_grades_free(eval_grades *g) {
    if (!g) return;
    for (size_t i = 0; i < g->n; i++) {
        free(g->topic[i]);
        free(g->peer[i]);
    }
    free(g->topic);
    free(g->peer);
    free(g->grade);
    free(g->judges);
    free(g->slots);
    memset(g, 0, sizeof *g);
}

static size_t grades_hash(const char *topic, const char *peer) {
    uint64_t h = 1469598103934665603u;
    for (const char *p = topic; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    h = (h ^ 0xff) * 1099511628211u; /* ("ab", "c") and ("a", "bc") differ */
    for (const char *p = peer; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    return (size_t)(h ^ (h >> 29));
}

/* The slot of the pair: where it is, or the empty slot where it would go (n_slots > 0). */
static size_t grades_slot(const eval_grades *g, const char *topic, const char *peer) {
    size_t k = grades_hash(topic, peer) & (g->n_slots - 1);
    for (;; k = (k + 1) & (g->n_slots - 1)) {
        size_t i = g->slots[k];
        if (i == 0 || (strcmp(g->topic[i - 1], topic) == 0 && strcmp(g->peer[i - 1], peer) == 0))
            return k;
    }
}

size_t eval_grades_find(const eval_grades *g, const char *topic, const char *peer) {
    if (g->n_slots == 0) return (size_t)-1;
    size_t i = g->slots[grades_slot(g, topic, peer)];
    return i ? i - 1 : (size_t)-1;
}

/* Makes room in the index for one more pair. Returns 0 or ENOMEM. */
static int grades_reserve(eval_grades *g) {
    if ((g->n + 1) * 2 <= g->n_slots) return 0;
    size_t n_slots = g->n_slots ? g->n_slots * 2 : 256;
    size_t *old = g->slots, old_n = g->n_slots;
    g->slots = calloc(n_slots, sizeof *g->slots);
    if (!g->slots) {
        g->slots = old;
        return ENOMEM;
    }
    g->n_slots = n_slots;
    for (size_t k = 0; k < old_n; k++)
        if (old[k]) g->slots[grades_slot(g, g->topic[old[k] - 1], g->peer[old[k] - 1])] = old[k];
    free(old);
    return 0;
}

/* One field of a line: [*s, end) up to the next tab, without surrounding double quotes ("" inside
 * quotes is one quote). Writes a malloc'd copy to *out; returns 0, ENOMEM or EINVAL (a quote
 * left open). Advances *s past the tab; *more says whether there was one. */
static int grades_field(const char **s, const char *end, char **out, int *more) {
    const char *p = *s;
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    const char *stop = tab ? tab : end;
    size_t n = (size_t)(stop - p);
    char *f = malloc(n + 1);
    if (!f) return ENOMEM;
    size_t k = 0;
    if (n >= 1 && p[0] == '"') {
        if (n < 2 || p[n - 1] != '"') {
            free(f);
            return EINVAL;
        }
        for (size_t i = 1; i + 1 < n; i++) {
            if (p[i] == '"' && i + 2 < n && p[i + 1] == '"') i++;
            f[k++] = p[i];
        }
    } else {
        memcpy(f, p, n);
        k = n;
    }
    f[k] = '\0';
    *out = f;
    *s = tab ? tab + 1 : end;
    *more = tab != NULL;
    return 0;
}

/* Splits one line into fields (at most max); *n_out gets their number. */
static int grades_fields(const char *line, const char *end, char **fields, size_t max,
                         size_t *n_out) {
    size_t n = 0;
    const char *p = line;
    for (int more = 1; more;) {
        int rc = n == max ? E2BIG : grades_field(&p, end, &fields[n], &more);
        if (rc) {
            for (size_t i = 0; i < n; i++)
                free(fields[i]);
            return rc;
        }
        n++;
    }
    *n_out = n;
    return 0;
}

static int grades_number(const char *s, double *out) {
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(x)) return -1;
    *out = x;
    return 0;
}

/* Adds one row's grade to the pair's running mean, or a new pair. */
static int grades_add(eval_grades *g, const char *topic, const char *peer, double grade) {
    if (grades_reserve(g)) return ENOMEM;
    size_t slot = grades_slot(g, topic, peer);
    if (g->slots[slot]) {
        size_t i = g->slots[slot] - 1;
        /* grade[] holds sums until the file is read; eval_grades_parse divides at the end. */
        g->judges[i]++;
        g->grade[i] += grade;
        return 0;
    }
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        char **t = realloc(g->topic, cap * sizeof *t);
        if (!t) return ENOMEM;
        g->topic = t;
        char **p = realloc(g->peer, cap * sizeof *p);
        if (!p) return ENOMEM;
        g->peer = p;
        double *v = realloc(g->grade, cap * sizeof *v);
        if (!v) return ENOMEM;
        g->grade = v;
        size_t *j = realloc(g->judges, cap * sizeof *j);
        if (!j) return ENOMEM;
        g->judges = j;
        g->cap = cap;
    }
    size_t lt = strlen(topic), lp = strlen(peer);
    char *ct = malloc(lt + 1), *cp = malloc(lp + 1);
    if (!ct || !cp) {
        free(ct);
        free(cp);
        return ENOMEM;
    }
    memcpy(ct, topic, lt + 1);
    memcpy(cp, peer, lp + 1);
    g->topic[g->n] = ct;
    g->peer[g->n] = cp;
    g->grade[g->n] = grade;
    g->judges[g->n] = 1;
    g->slots[slot] = ++g->n;
    return 0;
}

#define GRADES_MAX_FIELDS 64

int eval_grades_parse(const char *s, size_t len, const char *path, const char *column,
                      eval_grades *out, char *err, size_t err_cap) {
    const char *end = s + len;
    const char *p = s;
    size_t line_no = 0;
    long col_topic = -1, col_peer = -1, col_grade = -1;
    size_t n_cols = 0;
    int rc = 0;
    char *f[GRADES_MAX_FIELDS] = {NULL}; /* gcc's analyzer cannot tell which are set on error */
    while (p < end && rc == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        line_no++;
        if (le > p && le[-1] == '\r') le--;
        if (le == p) { /* blank lines are allowed anywhere */
            p = next;
            continue;
        }
        if (memchr(p, '\0', (size_t)(le - p))) {
            grades_error(err, err_cap, "%s: line %zu: NUL byte: not a text file", path, line_no);
            return EINVAL;
        }
        size_t nf = 0;
        rc = grades_fields(p, le, f, GRADES_MAX_FIELDS, &nf);
        if (rc == ENOMEM) return rc;
        if (rc) {
            grades_error(err, err_cap, "%s: line %zu: %s", path, line_no,
                         rc == E2BIG ? "more than 64 fields" : "unterminated quote");
            return EINVAL;
        }
        if (col_topic < 0) {
            for (size_t i = 0; i < nf; i++) {
                if (strcmp(f[i], "Topic") == 0) col_topic = (long)i;
                if (strcmp(f[i], "Peer") == 0) col_peer = (long)i;
                if (strcmp(f[i], column) == 0) col_grade = (long)i;
            }
            n_cols = nf;
            if (col_topic < 0 || col_peer < 0 || col_grade < 0) {
                grades_error(err, err_cap,
                             "%s: line %zu: the header must name the columns Topic, Peer and %s",
                             path, line_no, column);
                rc = EINVAL;
            }
        } else if (nf != n_cols) {
            grades_error(err, err_cap, "%s: line %zu: %zu fields, the header has %zu", path,
                         line_no, nf, n_cols);
            rc = EINVAL;
        } else {
            double g;
            if (grades_number(f[col_grade], &g)) {
                grades_error(err, err_cap, "%s: line %zu: %s is not a number: \"%s\"", path,
                             line_no, column, f[col_grade]);
                rc = EINVAL;
            } else if (!f[col_topic][0] || !f[col_peer][0]) {
                grades_error(err, err_cap, "%s: line %zu: empty Topic or Peer", path, line_no);
                rc = EINVAL;
            } else {
                rc = grades_add(out, f[col_topic], f[col_peer], g);
            }
        }
        for (size_t i = 0; i < nf; i++)
            free(f[i]);
        p = next;
    }
    if (rc == 0 && col_topic < 0) {
        grades_error(err, err_cap, "%s: no header line", path);
        rc = EINVAL;
    }
    if (rc == 0 && out->n == 0) {
        grades_error(err, err_cap, "%s: no grades after the header", path);
        rc = EINVAL;
    }
    for (size_t i = 0; rc == 0 && i < out->n; i++)
        out->grade[i] /= (double)out->judges[i];
    return rc;
}

int eval_grades_load(const char *path, const char *column, eval_grades *out, char *err,
                     size_t err_cap) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno ? errno : EIO;
        grades_error(err, err_cap, "%s: %s", path, strerror(e));
        return e;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    int rc = buf ? 0 : ENOMEM;
    while (rc == 0) {
        if (len == cap) {
            if (cap >= GRADES_MAX_BYTES) {
                grades_error(err, err_cap, "%s: larger than 64 MiB: not a grades file", path);
                rc = EFBIG;
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                rc = ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                /* fread on a directory fails with EISDIR. */
                rc = errno ? errno : EIO;
                grades_error(err, err_cap, "%s: %s", path, strerror(rc));
            }
            break;
        }
    }
    fclose(f);
    if (rc == 0) rc = eval_grades_parse(buf, len, path, column, out, err, err_cap);
    if (rc == ENOMEM) grades_error(err, err_cap, "%s: out of memory", path);
    free(buf);
    return rc;
}
