/* outfile.c - the output of the programs: `-o FILE` replaced atomically, or written in place when
 * it cannot be renamed over, or standard output (see outfile.h). The programs are single-threaded,
 * which the signal handling and the umask query below rely on. */
#include "summarize/cli/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/common/error.h"

/* The symbolic links followed before giving up (Linux's own limit, MAXSYMLINKS). */
#define OUTFILE_MAX_LINKS 40

/* ---- signals: the temporary file does not outlive a TERM, INT or HUP --------------------------
 */

static const int outfile_signals[] = {SIGTERM, SIGINT, SIGHUP};
#define OUTFILE_N_SIGNALS (sizeof outfile_signals / sizeof *outfile_signals)

static char *volatile outfile_pending; /* the temporary file a signal must remove */
static struct sigaction outfile_saved[OUTFILE_N_SIGNALS];
static unsigned char outfile_caught[OUTFILE_N_SIGNALS];
static struct sigaction outfile_saved_xfsz;

static void outfile_on_signal(int sig) {
    char *p = outfile_pending;
    if (p) unlink(p);
    /* SA_RESETHAND put back the default action: the program dies of the signal, as it would have
     * without the handler, once the handler returns. */
    raise(sig);
}

static void outfile_block(int block, sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    for (size_t k = 0; k < OUTFILE_N_SIGNALS; k++)
        sigaddset(&set, outfile_signals[k]);
    sigprocmask(block ? SIG_BLOCK : SIG_SETMASK, block ? &set : old, block ? old : NULL);
}

/* Catches the signals that are not ignored (nohup's SIGHUP stays ignored), and ignores SIGXFSZ
 * so that writing past the file size limit fails with EFBIG instead of killing the program. */
static void outfile_catch(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = outfile_on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t k = 0; k < OUTFILE_N_SIGNALS; k++) {
        outfile_caught[k] = 0;
        if (sigaction(outfile_signals[k], NULL, &outfile_saved[k]) != 0 ||
            outfile_saved[k].sa_handler == SIG_IGN)
            continue;
        outfile_caught[k] = sigaction(outfile_signals[k], &sa, NULL) == 0;
    }
}

static void outfile_release(void) {
    for (size_t k = 0; k < OUTFILE_N_SIGNALS; k++)
        if (outfile_caught[k]) sigaction(outfile_signals[k], &outfile_saved[k], NULL);
    memset(outfile_caught, 0, sizeof outfile_caught);
}

static void outfile_ignore_xfsz(int ignore) {
    static int ignoring;
    if (ignore && !ignoring) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_IGN;
        sigemptyset(&sa.sa_mask);
        ignoring = sigaction(SIGXFSZ, &sa, &outfile_saved_xfsz) == 0;
    } else if (!ignore && ignoring) {
        sigaction(SIGXFSZ, &outfile_saved_xfsz, NULL);
        ignoring = 0;
    }
}

/* ---- paths -------------------------------------------------------------------------------------
 */

/* A new string: the folder of path ("." when it has none) and "/" and name. */
static char *outfile_beside(const char *path, const char *name) {
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) : 1;
    const char *dir = slash ? path : ".";
    if (slash == path) dir_len = 0; /* in "/": "/name" */
    size_t n = dir_len + 1 + strlen(name) + 1;
    char *out = malloc(n);
    if (out) {
        memcpy(out, dir, dir_len);
        out[dir_len] = '/';
        memcpy(out + dir_len + 1, name, strlen(name) + 1);
    }
    return out;
}

/* Follows the symbolic links from path to the file they lead to, which may not exist. Returns a
 * new string, with *exists and (when it exists) *st; NULL with errno on failure. */
static char *outfile_resolve(const char *path, struct stat *st, int *exists) {
    char *cur = strdup(path);
    for (int hops = 0; cur; hops++) {
        if (lstat(cur, st) != 0) {
            if (errno != ENOENT) break;
            *exists = 0;
            return cur;
        }
        if (!S_ISLNK(st->st_mode)) {
            *exists = 1;
            return cur;
        }
        if (hops == OUTFILE_MAX_LINKS) {
            errno = ELOOP;
            break;
        }
        size_t cap = st->st_size > 0 ? (size_t)st->st_size + 1 : 256;
        char *link = NULL;
        ssize_t n;
        for (;;) {
            char *grown = realloc(link, cap);
            if (!grown) {
                n = -1;
                break;
            }
            link = grown;
            n = readlink(cur, link, cap);
            if (n < 0 || (size_t)n < cap) break;
            cap *= 2; /* the link changed since lstat: read it again */
        }
        if (n < 0) {
            free(link);
            break;
        }
        link[n] = '\0';
        char *next = link[0] == '/' ? strdup(link) : outfile_beside(cur, link);
        free(link);
        free(cur);
        cur = next;
    }
    int e = errno;
    free(cur);
    errno = e ? e : ENOMEM;
    return NULL;
}

/* ---- opening -----------------------------------------------------------------------------------
 */

/* Creates the temporary file beside o->target, with the target's mode and owner when it exists
 * (st), else 0666 less the umask. Returns 0 or an errno value. */
static int outfile_open_temp(outfile *o, const struct stat *st, int exists) {
    o->tmp_path = outfile_beside(o->target, ".summarize-XXXXXX");
    if (!o->tmp_path) return ENOMEM;
    sigset_t old;
    outfile_block(1, &old);
    int fd = mkstemp(o->tmp_path);
    int e = errno;
    if (fd >= 0) {
        outfile_pending = o->tmp_path;
        outfile_catch();
    }
    outfile_block(0, &old);
    if (fd < 0) {
        free(o->tmp_path);
        o->tmp_path = NULL;
        return e;
    }
    mode_t mode;
    if (exists) {
        /* The owner and group where permitted; set-id bits only for the file's own owner. */
        struct stat t;
        int owned = fstat(fd, &t) == 0 && t.st_uid == st->st_uid && t.st_gid == st->st_gid;
        if (!owned && fchown(fd, st->st_uid, st->st_gid) == 0) owned = 1;
        if (!owned && t.st_gid != st->st_gid) (void)!fchown(fd, (uid_t)-1, st->st_gid);
        mode = st->st_mode & 07777;
        if (!owned) mode &= ~(mode_t)(S_ISUID | S_ISGID);
    } else {
        mode_t mask = umask(0); /* read the umask: there is no other way in POSIX */
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "wb"))) {
        e = errno;
        close(fd);
        return e;
    }
    o->mode = OUTFILE_RENAME;
    return 0;
}

/* Opens the target to write it in place on commit, the output kept in memory until then. Returns
 * 0 or an errno value. */
static int outfile_open_direct(outfile *o, int truncate) {
    o->fd = open(o->target, O_WRONLY | O_NOCTTY);
    if (o->fd < 0) return errno;
    o->mode = OUTFILE_DIRECT; /* from here on, outfile_abort closes fd */
    o->truncate = truncate;
    o->f = open_memstream(&o->buf, &o->buf_len);
    return o->f ? 0 : ENOMEM;
}

ars_status outfile_open(outfile *o, const char *path, ars_error *err) {
    memset(o, 0, sizeof *o);
    o->fd = -1;
    if (!path || !*path) return error_set(err, ARS_EARG, "output file name is empty");
    outfile_ignore_xfsz(1);
    if (strcmp(path, "-") == 0) {
        o->path = strdup("standard output");
        if (!o->path) {
            outfile_abort(o);
            return error_set(err, ARS_ENOMEM, "standard output: out of memory");
        }
        o->f = stdout;
        o->mode = OUTFILE_STDOUT;
        return ARS_OK;
    }
    struct stat st;
    int exists = 0, e = 0;
    o->path = strdup(path);
    if (!o->path) e = ENOMEM;
    if (!e && !(o->target = outfile_resolve(path, &st, &exists))) e = errno ? errno : EIO;
    if (!e && exists && S_ISDIR(st.st_mode)) e = EISDIR;
    /* A file we may not write is not replaced behind its back, though the folder would let a
     * rename do it: refused as > refuses it. */
    if (!e && exists && S_ISREG(st.st_mode) && access(o->target, W_OK) != 0) e = errno;
    if (!e && exists && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
        outfile_abort(o);
        return error_set(err, ARS_EIO,
                         "%s: cannot create output: not a regular file, FIFO or character device",
                         path);
    }
    if (!e) {
        if (exists && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
            e = outfile_open_direct(o, 0);
        else if (exists && st.st_nlink > 1)
            e = outfile_open_direct(o, 1); /* a rename would split the hard links */
        else {
            e = outfile_open_temp(o, &st, exists);
            /* A folder where no file can be created may hold a file that can be written. */
            if (exists && (e == EACCES || e == EPERM || e == EROFS) &&
                outfile_open_direct(o, 1) == 0)
                e = 0;
        }
    }
    if (e) {
        outfile_abort(o);
        if (e == ENOMEM) return error_set(err, ARS_ENOMEM, "%s: out of memory", path);
        return error_set(err, ARS_EIO, "%s: cannot create output: %s", path, strerror(e));
    }
    return ARS_OK;
}

/* ---- finishing ---------------------------------------------------------------------------------
 */

/* Writes all of buf to fd. Returns 0 or an errno value. */
static int outfile_write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Commits a temporary file: sync, close, rename over the target, sync the folder. */
static int outfile_commit_rename(outfile *o) {
    int e = 0;
    if (fflush(o->f) != 0 || ferror(o->f))
        e = errno ? errno : EIO;
    else if (fsync(fileno(o->f)) != 0)
        e = errno;
    if (fclose(o->f) != 0 && !e) e = errno;
    o->f = NULL;
    if (!e && rename(o->tmp_path, o->target) != 0) e = errno;
    if (e) return e;
    /* The rename is on disk once the folder is: a crash now keeps the old or the new file. */
    char *dir = outfile_beside(o->target, ".");
    int dfd = dir ? open(dir, O_RDONLY) : -1;
    if (dfd >= 0) {
        (void)fsync(dfd); /* some file systems refuse to sync a folder: nothing lost */
        close(dfd);
    }
    free(dir);
    sigset_t old;
    outfile_block(1, &old);
    outfile_pending = NULL;
    outfile_release();
    outfile_block(0, &old);
    free(o->tmp_path); /* renamed: nothing to remove */
    o->tmp_path = NULL;
    return 0;
}

/* Commits in place: the whole output from memory into the target. */
static int outfile_commit_direct(outfile *o) {
    int e = fclose(o->f) != 0 ? (errno ? errno : ENOMEM) : 0;
    o->f = NULL;
    if (!e && o->truncate && ftruncate(o->fd, 0) != 0) e = errno;
    if (!e) e = outfile_write_all(o->fd, o->buf, o->buf_len);
    if (!e && o->truncate && fsync(o->fd) != 0) e = errno;
    if (close(o->fd) != 0 && !e) e = errno;
    o->fd = -1;
    return e;
}

ars_status outfile_flush_stdout(ars_error *err) {
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno ? errno : EIO;
        return error_set(err, ARS_EIO, "standard output: write failed: %s", strerror(e));
    }
    return ARS_OK;
}

ars_status outfile_commit(outfile *o, ars_error *err) {
    ars_status st = ARS_OK;
    if (o->mode == OUTFILE_STDOUT) {
        st = outfile_flush_stdout(err);
    } else {
        errno = 0;
        int e = o->mode == OUTFILE_RENAME ? outfile_commit_rename(o) : outfile_commit_direct(o);
        if (e == ENOMEM)
            st = error_set(err, ARS_ENOMEM, "%s: out of memory", o->path);
        else if (e)
            st = error_set(err, ARS_EIO, "%s: cannot write output: %s", o->path, strerror(e));
    }
    outfile_abort(o);
    return st;
}

void outfile_abort(outfile *o) {
    if (o->f && o->mode != OUTFILE_STDOUT) fclose(o->f);
    if (o->mode == OUTFILE_DIRECT && o->fd >= 0) close(o->fd);
    if (o->tmp_path) {
        sigset_t old;
        outfile_block(1, &old);
        unlink(o->tmp_path);
        outfile_pending = NULL;
        outfile_release();
        outfile_block(0, &old);
    }
    outfile_ignore_xfsz(0);
    free(o->tmp_path);
    free(o->path);
    free(o->target);
    free(o->buf);
    memset(o, 0, sizeof *o);
    o->fd = -1;
}
