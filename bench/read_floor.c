/* read_floor.c - the least the system lets any program spend reading a folder of bench inputs: the
 * names listed and sorted, then every file opened relative to the folder, read into one reused
 * buffer and closed, nothing else (no checks, no copies). docs/BENCHMARKS.md compares the front
 * end's read stage with it.
 *
 *     cc -O2 -o /tmp/read_floor bench/read_floor.c && taskset -c 0 /tmp/read_floor FOLDER */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "floor_names.h"

int main(int argc, char **argv) {
    struct timespec t0;
    char **names = NULL;
    size_t n = 0;
    int dfd = -1;
    if (floor_start(argc, argv, "read_floor", &names, &n, &dfd, &t0) != 0) return 1;
    static char buf[1 << 20];
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        int fd = names[i] ? openat(dfd, names[i], O_RDONLY) : -1;
        ssize_t got;
        while (fd >= 0 && (got = read(fd, buf, sizeof buf)) > 0)
            total += (size_t)got;
        if (fd >= 0) close(fd);
        free(names[i]);
    }
    close(dfd);
    free(names);
    printf("%zu files, %zu bytes, %.1f ms\n", n, total, floor_ms_since(&t0));
    return 0;
}
