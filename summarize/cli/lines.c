/* lines.c - bounded record reading (see lines.h): block reads and memchr for the delimiter. */
#include "summarize/cli/lines.h"

#include <stdlib.h>
#include <string.h>

#define LINES_BLOCK 65536

void lines_open(lines_reader *r, FILE *f, int delim, size_t max) {
    memset(r, 0, sizeof *r);
    r->f = f;
    r->delim = delim;
    r->max = max;
}

void lines_close(lines_reader *r) {
    free(r->blk);
    free(r->rec);
    memset(r, 0, sizeof *r);
}

/* Appends n bytes to the record unless it is already too long; 0 on allocation failure. */
static int lines_append(lines_reader *r, const char *s, size_t n, int *too_long) {
    if (*too_long) return 1;
    if (r->max && r->rec_len + n > r->max) {
        *too_long = 1;
        return 1;
    }
    if (r->rec_len + n + 1 > r->rec_cap) {
        size_t nc = (r->rec_len + n + 1) * 2;
        char *nr = realloc(r->rec, nc);
        if (!nr) return 0;
        r->rec = nr;
        r->rec_cap = nc;
    }
    memcpy(r->rec + r->rec_len, s, n);
    r->rec_len += n;
    return 1;
}

int lines_next(lines_reader *r, char **rec, size_t *len) {
    if (!r->blk && !(r->blk = malloc(LINES_BLOCK))) return LINES_NOMEM;
    r->rec_len = 0;
    int too_long = 0, any = 0;
    for (;;) {
        if (r->blk_pos == r->blk_len) {
            if (r->eof) break;
            r->blk_len = fread(r->blk, 1, LINES_BLOCK, r->f);
            r->blk_pos = 0;
            if (r->blk_len == 0) {
                if (ferror(r->f)) return LINES_ERROR;
                r->eof = 1;
                break;
            }
        }
        any = 1;
        const char *p = r->blk + r->blk_pos;
        size_t avail = r->blk_len - r->blk_pos;
        const char *end = memchr(p, r->delim, avail);
        size_t take = end ? (size_t)(end - p) : avail;
        if (!lines_append(r, p, take, &too_long)) return LINES_NOMEM;
        r->blk_pos += take + (end ? 1 : 0);
        if (end) break;
    }
    if (!any && r->rec_len == 0) return LINES_EOF;
    r->number++;
    if (too_long) return LINES_TOO_LONG;
    if (!r->rec && !lines_append(r, "", 0, &too_long)) return LINES_NOMEM;
    if (r->delim == '\n' && r->rec_len && r->rec[r->rec_len - 1] == '\r') r->rec_len--;
    r->rec[r->rec_len] = '\0';
    *rec = r->rec;
    *len = r->rec_len;
    return LINES_OK;
}
