/* jsonl_floor.c - what jansson alone takes to parse a JSON Lines file of articles on one thread:
 * every line read with getline and parsed with json_loadb, its "text" looked up, nothing else, as
 * summarize's JSONL reader does on one thread. docs/BENCHMARKS.md ("JSON Lines input") compares
 * the read stage of `summarize --input-format jsonl` and Python's json module with it.
 *
 *     cc -O2 -o /tmp/jsonl_floor bench/jsonl_floor.c -ljansson
 *     taskset -c 0 /tmp/jsonl_floor ../shared/data/ant_background/ant_background.jsonl */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: jsonl_floor FILE.jsonl\n");
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *line = NULL;
    size_t cap = 0, lines = 0, bytes = 0, text = 0, bad = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        json_error_t je;
        json_t *root = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &je);
        if (root)
            text += json_string_length(json_object_get(root, "text"));
        else
            bad++;
        json_decref(root);
        lines++;
        bytes += (size_t)len;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    free(line);
    fclose(f);
    printf("jansson: %zu lines (%zu not JSON), %zu bytes, %zu bytes of text, %.1f ms\n", lines, bad,
           bytes, text,
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    return 0;
}
