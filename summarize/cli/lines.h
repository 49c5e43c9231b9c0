/* lines.h - reading a stream record by record (lines, or NUL-separated names) with a bound on
 * the record's size, so that JSON Lines inputs of any size stream through in constant memory and
 * a file without line ends cannot exhaust it. Part of the CLI-side unit summarize/cli. */
#ifndef ARS_CLI_LINES_H
#define ARS_CLI_LINES_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *f;
    int delim;  /* '\n' or '\0' */
    size_t max; /* longest record kept, in bytes (0 = no bound) */
    char *blk;  /* read buffer */
    size_t blk_len, blk_pos;
    char *rec; /* the current record, NUL-terminated */
    size_t rec_len, rec_cap;
    size_t number; /* of the current record, from 1 */
    int eof;
} lines_reader;

/* Starts reading f (not closed by lines_close). */
void lines_open(lines_reader *r, FILE *f, int delim, size_t max);
void lines_close(lines_reader *r);

enum { LINES_EOF = 0, LINES_OK = 1, LINES_TOO_LONG = 2, LINES_ERROR = -1, LINES_NOMEM = -2 };

/* The next record without its delimiter (and, for lines, without a CR before the LF): *rec points
 * to it (NUL-terminated, valid until the next call), *len its length. Returns LINES_OK;
 * LINES_TOO_LONG when it was longer than max (the record is skipped, r->number counts it);
 * LINES_EOF at the end (a last record without delimiter is still returned first); LINES_ERROR on
 * a read error (errno set); LINES_NOMEM. */
int lines_next(lines_reader *r, char **rec, size_t *len);

#endif
