/* outfile.c - the atomic output file behind `summarize -o FILE` (see outfile.h). */
#include "summarize/cli/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "summarize/common/error.h"

ars_status outfile_open(outfile *o, const char *path, ars_error *err) {
    memset(o, 0, sizeof *o);
    size_t n = strlen(path);
    o->final_path = malloc(n + 1);
    o->tmp_path = malloc(n + 16);
    if (!o->final_path || !o->tmp_path) {
        outfile_abort(o);
        return error_set(err, ARS_ENOMEM, "%s: out of memory", path);
    }
    memcpy(o->final_path, path, n + 1);
    snprintf(o->tmp_path, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp_path);
    if (fd < 0) {
        int e = errno;
        free(o->tmp_path);
        o->tmp_path = NULL;
        outfile_abort(o);
        return error_set(err, ARS_EIO, "%s: cannot create output: %s", path, strerror(e));
    }
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        int e = errno;
        close(fd);
        outfile_abort(o);
        return error_set(err, ARS_EIO, "%s: %s", path, strerror(e));
    }
    return ARS_OK;
}

ars_status outfile_commit(outfile *o, ars_error *err) {
    int failed = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
    int e = errno;
    failed |= fclose(o->f) != 0;
    o->f = NULL;
    if (!failed && rename(o->tmp_path, o->final_path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        error_set(err, ARS_EIO, "%s: cannot write output: %s", o->final_path, strerror(e));
        outfile_abort(o);
        return ARS_EIO;
    }
    free(o->tmp_path);
    free(o->final_path);
    o->tmp_path = o->final_path = NULL;
    return ARS_OK;
}

void outfile_abort(outfile *o) {
    if (o->f) fclose(o->f);
    if (o->tmp_path) unlink(o->tmp_path);
    free(o->tmp_path);
    free(o->final_path);
    memset(o, 0, sizeof *o);
}
