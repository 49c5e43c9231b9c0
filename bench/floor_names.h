/* floor_names.h - what read_floor.c and read_floor_uring.c do alike before they read: the names of
 * a folder's entries (dot files left out), sorted by bytes as summarize sorts them, the folder
 * open, and the time from which both count. Header-only, for programs built by hand with cc. */
#ifndef ARS_BENCH_FLOOR_NAMES_H
#define ARS_BENCH_FLOOR_NAMES_H

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int floor_names_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The program's start: the folder named by its one argument (else a usage line naming prog), the
 * clock t0 started, the sorted names of the folder's entries in *names (n of them; each and the
 * array to free) and the folder open in *dfd. 0 on success; otherwise it said why. */
static int floor_start(int argc, char **argv, const char *prog, char ***names, size_t *n, int *dfd,
                       struct timespec *t0) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FOLDER\n", prog);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, t0);
    DIR *d = opendir(argv[1]);
    *dfd = d ? open(argv[1], O_RDONLY | O_DIRECTORY) : -1;
    if (!d || *dfd < 0) {
        perror(argv[1]);
        if (d) closedir(d);
        return 1;
    }
    size_t cap = 1024;
    char **list = malloc(cap * sizeof *list);
    struct dirent *e;
    *n = 0;
    while (list && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (*n == cap) {
            char **grown = realloc(list, 2 * cap * sizeof *list);
            if (!grown) break;
            list = grown;
            cap *= 2;
        }
        list[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    if (!list) return 1;
    qsort(list, *n, sizeof *list, floor_names_cmp);
    *names = list;
    return 0;
}

/* Milliseconds from t0 to now. */
static double floor_ms_since(const struct timespec *t0) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return 1e3 * (double)(t1.tv_sec - t0->tv_sec) + 1e-6 * (double)(t1.tv_nsec - t0->tv_nsec);
}

#endif
