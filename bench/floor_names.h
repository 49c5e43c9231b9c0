/* floor_names.h - what read_floor.c and read_floor_uring.c do alike before they read: the names of
 * a folder's entries (dot files left out), sorted by bytes as summarize sorts them, and the time
 * from which both count. Header-only, for programs built by hand with cc. */
#ifndef ARS_BENCH_FLOOR_NAMES_H
#define ARS_BENCH_FLOOR_NAMES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int floor_names_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of the folder's entries in *names (n of them, each and the array to free),
 * after starting the clock t0; NULL after saying why when the folder cannot be listed. */
static char **floor_names(const char *folder, size_t *n, struct timespec *t0) {
    clock_gettime(CLOCK_MONOTONIC, t0);
    DIR *d = opendir(folder);
    if (!d) {
        perror(folder);
        return NULL;
    }
    size_t cap = 1024;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    *n = 0;
    while (names && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (*n == cap) {
            char **grown = realloc(names, 2 * cap * sizeof *names);
            if (!grown) break;
            names = grown;
            cap *= 2;
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    if (names) qsort(names, *n, sizeof *names, floor_names_cmp);
    return names;
}

/* Milliseconds from t0 to now. */
static double floor_ms_since(const struct timespec *t0) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return 1e3 * (double)(t1.tv_sec - t0->tv_sec) + 1e-6 * (double)(t1.tv_nsec - t0->tv_nsec);
}

#endif
