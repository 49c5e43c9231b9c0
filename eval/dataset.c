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
