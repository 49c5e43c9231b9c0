/* replay.c - runs a libFuzzer target over files without libFuzzer, so every build (gcc included)
 * replays the committed corpora as ordinary tests. Usage: fuzz_replay_NAME PATH... where a PATH is
 * a file or a folder of files (not recursive). Each input is copied into a buffer of exactly its
 * size, as libFuzzer passes it, so a read past the end is caught by the sanitizers. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "summarize/summarize.h"
#include "tests/fuzz/fuzz.h"

/* Replays one file; returns 0, or 1 when it cannot be read. */
static int replay_file(const char *path) {
    char *buf = NULL;
    size_t len = 0;
    ars_error err;
    if (ars_file_read(path, 0, &buf, &len, &err) != ARS_OK) {
        fprintf(stderr, "replay: %s\n", err.message);
        return 1;
    }
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        ars_free(buf);
        fprintf(stderr, "replay: %s: out of memory\n", path);
        return 1;
    }
    memcpy(exact, buf, len);
    ars_free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int replay_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays every regular file of dir in name order; returns the number of failures, and adds the
 * number of inputs to *count. */
static int replay_dir(const char *dir, size_t *count) {
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int bad = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) abort();
            names = nn;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) abort();
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, replay_cmp);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            bad += replay_file(names[i]);
            (*count)++;
        }
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv) {
    size_t count = 0;
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
            bad++;
        } else if (S_ISDIR(st.st_mode)) {
            bad += replay_dir(argv[i], &count);
        } else {
            bad += replay_file(argv[i]);
            count++;
        }
    }
    printf("replayed %zu inputs\n", count);
    return bad || count == 0 ? 1 : 0;
}
