/* outfile.h - where the programs write their output: `-o FILE` or standard output. A regular file
 * is replaced atomically (a temporary file in its folder, renamed over it only when everything was
 * written and synced), keeping its mode and, where permitted, its owner and group; a new file gets
 * 0666 less the umask. Symbolic links are followed, so the file they point to is replaced and the
 * link stays. What cannot be replaced by a rename is written in place, from memory, only when the
 * output is complete: a FIFO or character device (/dev/stdout, /dev/null), a file with other hard
 * links (so they all see the new output), a writable file in a folder where no file can be
 * created. A directory, a socket, a block device or a file we may not write is refused. "-" is
 * standard output. While a
 * temporary file exists, SIGTERM, SIGINT and SIGHUP remove it before the program dies, and
 * SIGXFSZ is ignored so that a write past the file size limit fails (EFBIG) and is reported.
 * Signal state is process-wide: one outfile at a time, in a single-threaded program. Part of the
 * CLI-side unit summarize/cli (linked into the programs, not into the library). */
#ifndef ARS_CLI_OUTFILE_H
#define ARS_CLI_OUTFILE_H

#include <stdio.h>

#include "summarize/summarize.h" /* ars_status, ars_error */

typedef enum {
    OUTFILE_RENAME, /* a temporary file renamed over the target on commit */
    OUTFILE_DIRECT, /* written into the target on commit, from memory */
    OUTFILE_STDOUT  /* standard output */
} outfile_mode;

/* An output being written. */
typedef struct {
    FILE *f; /* write here between outfile_open and outfile_commit */
    outfile_mode mode;
    char *path;     /* as given, for messages ("standard output" for "-") */
    char *target;   /* the file written: path with its symbolic links followed */
    char *tmp_path; /* OUTFILE_RENAME: the temporary file beside the target */
    int fd;         /* OUTFILE_DIRECT: the target, open for writing (-1 otherwise) */
    int truncate;   /* OUTFILE_DIRECT: the target is a regular file to truncate first */
    char *buf;      /* OUTFILE_DIRECT: the output so far (f is a memory stream) */
    size_t buf_len;
} outfile;

/* Prepares to write path ("-": standard output). Returns ARS_OK; ARS_EARG "output file name is
 * empty"; ARS_ENOMEM; ARS_EIO "PATH: cannot create output: <why>" (a missing or unwritable
 * folder, a directory, a socket...). Opening a FIFO waits for its reader, as a shell redirection
 * does. On failure *o holds nothing to release. */
ars_status outfile_open(outfile *o, const char *path, ars_error *err);

/* Finishes the output: flushes and syncs it and renames the temporary file over the target, or
 * writes the output into the target, or flushes standard output. Returns ARS_OK, or ARS_EIO
 * "PATH: cannot write output: <strerror>" ("standard output: write failed: <strerror>") after
 * removing the temporary file (a renamed target is then untouched). Either way *o holds nothing
 * to release afterwards. */
ars_status outfile_commit(outfile *o, ars_error *err);

/* Gives up: removes the temporary file or drops what was kept in memory; the target is untouched.
 * Safe on a zeroed *o and after a failed open or commit. */
void outfile_abort(outfile *o);

/* Flushes standard output and reports a failure as ARS_EIO "standard output: write failed:
 * <strerror>" (what --help and --version check before they exit 0). */
ars_status outfile_flush_stdout(ars_error *err);

#endif
