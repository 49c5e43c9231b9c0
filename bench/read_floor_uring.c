/* read_floor_uring.c - read_floor.c's question asked of io_uring: whether batching the system calls
 * of reading a folder of bench inputs saves time. The names are listed and sorted as there, then
 * every file is opened relative to the folder, read and closed by a chain of three linked requests
 * (openat into a registered file slot, read through it, close it), 64 files a submission, each read
 * into a buffer of its own. docs/BENCHMARKS.md compares the two (no gain: the time is the kernel's
 * work per file, not the calls).
 *
 *     apt-get install -y liburing-dev
 *     cc -O2 -o /tmp/read_floor_uring bench/read_floor_uring.c -luring
 *     taskset -c 0 /tmp/read_floor_uring FOLDER */
#define _GNU_SOURCE
#include <fcntl.h>
#include <liburing.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "floor_names.h"

#define FLOOR_BATCH 64          /* files a submission */
#define FLOOR_BUF   (256 << 10) /* bytes read per file at most (the bench inputs are smaller) */

int main(int argc, char **argv) {
    struct timespec t0;
    char **names = NULL;
    size_t n = 0;
    int dfd = -1;
    if (floor_start(argc, argv, "read_floor_uring", &names, &n, &dfd, &t0) != 0) return 1;
    struct io_uring ring;
    int rc = io_uring_queue_init(3 * FLOOR_BATCH, &ring, 0);
    if (rc < 0) {
        fprintf(stderr, "io_uring_queue_init: %s\n", strerror(-rc));
        return 1;
    }
    /* Two sets of slots, one per batch in turn, so that no open waits for a slot's close. */
    int slots[2 * FLOOR_BATCH];
    for (int k = 0; k < 2 * FLOOR_BATCH; k++)
        slots[k] = -1;
    rc = io_uring_register_files(&ring, slots, 2 * FLOOR_BATCH);
    char *bufs = malloc((size_t)FLOOR_BATCH * FLOOR_BUF);
    if (rc < 0 || !bufs) {
        fprintf(stderr, "io_uring_register_files: %s\n", strerror(rc < 0 ? -rc : 12));
        return 1;
    }
    size_t total = 0, failed = 0;
    for (size_t b = 0; b < n; b += FLOOR_BATCH) {
        size_t m = n - b < FLOOR_BATCH ? n - b : FLOOR_BATCH;
        for (size_t k = 0; k < m; k++) {
            unsigned slot = (unsigned)(k + (b / FLOOR_BATCH % 2) * FLOOR_BATCH);
            struct io_uring_sqe *s = io_uring_get_sqe(&ring);
            io_uring_prep_openat_direct(s, dfd, names[b + k], O_RDONLY, 0, slot);
            s->flags |= IOSQE_IO_LINK | IOSQE_CQE_SKIP_SUCCESS;
            s = io_uring_get_sqe(&ring);
            io_uring_prep_read(s, (int)slot, bufs + k * (size_t)FLOOR_BUF, FLOOR_BUF, 0);
            /* A hard link: a read that comes up short (every one here) must not cancel the close.
             */
            s->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
            s->user_data = k + 1;
            s = io_uring_get_sqe(&ring);
            io_uring_prep_close_direct(s, slot);
            s->flags |= IOSQE_CQE_SKIP_SUCCESS;
        }
        io_uring_submit(&ring);
        for (size_t got = 0; got < m;) {
            struct io_uring_cqe *c;
            if (io_uring_wait_cqe(&ring, &c) < 0) return 1;
            if (c->user_data) {
                got++;
                if (c->res >= 0)
                    total += (size_t)c->res;
                else
                    failed++;
            } else if (c->res < 0) {
                failed++; /* an open or a close */
            }
            io_uring_cqe_seen(&ring, c);
        }
    }
    printf("%zu files, %zu bytes, %zu failures, %.1f ms\n", n, total, failed, floor_ms_since(&t0));
    io_uring_queue_exit(&ring);
    close(dfd);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(bufs);
    return failed != 0;
}
