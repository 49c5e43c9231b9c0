/* dataset.c - sorted directory listings for the evaluation data layout (topics, docs, refs,
 * system summary folders). Part of eval/, below main.c. */
#include "eval/dataset.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void eval_names_free(eval_names *l) {
    if (!l) return;
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

int eval_names_push(eval_names *l, const char *s) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **n = realloc(l->items, cap * sizeof *n);
        if (!n) return ENOMEM;
        l->items = n;
        l->cap = cap;
    }
    size_t len = strlen(s);
    char *copy = malloc(len + 1);
    if (!copy) return ENOMEM;
    memcpy(copy, s, len + 1);
    l->items[l->n++] = copy;
    return 0;
}

char *eval_path_join(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + lb + 2);
    if (!p) return NULL;
    memcpy(p, a, la);
    size_t k = la;
    if (la > 0 && a[la - 1] != '/') p[k++] = '/';
    memcpy(p + k, b, lb + 1);
    return p;
}

static int dataset_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int dataset_has_suffix(const char *name, const char *suffix) {
    size_t ln = strlen(name), ls = strlen(suffix);
    return ln > ls && memcmp(name + ln - ls, suffix, ls) == 0;
}

int eval_list_dir(const char *dir, int want_dirs, const char *suffix, eval_names *out) {
    DIR *d = opendir(dir);
    if (!d) return errno ? errno : ENOENT;
    int rc = 0;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            rc = errno;
            break;
        }
        const char *name = e->d_name;
        if (name[0] == '.') continue;
        if (want_dirs && name[0] == '_') continue;
        if (!want_dirs && suffix && !dataset_has_suffix(name, suffix)) continue;
        char *path = eval_path_join(dir, name);
        if (!path) {
            rc = ENOMEM;
            break;
        }
        struct stat st;
        int ok = stat(path, &st) == 0 && (want_dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
        free(path);
        if (!ok) continue;
        if ((rc = eval_names_push(out, name)) != 0) break;
    }
    closedir(d);
    if (rc) {
        eval_names_free(out);
        return rc;
    }
    if (out->n > 1) qsort(out->items, out->n, sizeof *out->items, dataset_cmp);
    return 0;
}

/* A copy of [s, s+len) as a string; NULL when out of memory. */
static char *dataset_strndup(const char *s, size_t len) {
    char *c = malloc(len + 1);
    if (!c) return NULL;
    memcpy(c, s, len);
    c[len] = '\0';
    return c;
}

/* The path without trailing '/' (a lone "/" stays), and where its last component starts. */
static size_t dataset_trim(const char *path, size_t *start) {
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    size_t b = len;
    while (b > 0 && path[b - 1] != '/')
        b--;
    *start = b;
    return len;
}

void eval_labels_free(eval_label *l, size_t n) {
    for (size_t i = 0; l && i < n; i++) {
        free(l[i].name);
        free(l[i].dir);
        l[i].name = l[i].dir = NULL;
    }
}

/* 1 when name is used by another label (other than skip) or is taken. */
static int dataset_name_used(const eval_label *l, size_t n, size_t skip, const char *name,
                             const char *const *taken, size_t n_taken) {
    for (size_t k = 0; k < n; k++)
        if (k != skip && strcmp(l[k].name, name) == 0) return 1;
    for (size_t k = 0; k < n_taken; k++)
        if (strcmp(taken[k], name) == 0) return 1;
    return 0;
}

int eval_labels_make(char *const *args, size_t n, const char *const *taken, size_t n_taken,
                     eval_label *out, size_t *dup) {
    unsigned char *named = calloc(n ? n : 1, 1);
    if (!named) return ENOMEM;
    memset(out, 0, n * sizeof *out);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        const char *a = args[i];
        const char *eq = strchr(a, '=');
        if (eq && eq > a && memchr(a, '/', (size_t)(eq - a)) == NULL) {
            named[i] = 1;
            out[i].name = dataset_strndup(a, (size_t)(eq - a));
            out[i].dir = dataset_strndup(eq + 1, strlen(eq + 1));
        } else {
            size_t start, len = dataset_trim(a, &start);
            if (start == len) start = 0; /* "/": no last component, the path names it */
            out[i].name = dataset_strndup(a + start, len - start);
            out[i].dir = dataset_strndup(a, strlen(a));
        }
        if (!out[i].name || !out[i].dir) rc = ENOMEM;
    }
    /* Folder names that collide are replaced by paths, all at once, so that the order of the
     * arguments does not decide which one keeps the short name. */
    unsigned char *clash = calloc(n ? n : 1, 1);
    if (!clash) rc = ENOMEM;
    for (size_t i = 0; i < n && !rc; i++)
        clash[i] = !named[i] && dataset_name_used(out, n, i, out[i].name, taken, n_taken);
    for (size_t i = 0; i < n && !rc; i++) {
        if (!clash[i]) continue;
        size_t start, len = dataset_trim(out[i].dir, &start);
        char *path = dataset_strndup(out[i].dir, len);
        if (!path) {
            rc = ENOMEM;
            break;
        }
        free(out[i].name);
        out[i].name = path;
    }
    for (size_t i = 0; i < n && !rc; i++)
        if (dataset_name_used(out, i, (size_t)-1, out[i].name, taken, n_taken)) {
            *dup = i;
            rc = EEXIST;
        }
    free(named);
    free(clash);
    if (rc) eval_labels_free(out, n);
    return rc;
}
