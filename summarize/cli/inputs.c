/* inputs.c - gathering and reading the inputs of `summarize` (see inputs.h). Every bad input is
 * reported in one place (inputs_bad), so the wording, the --strict rule and the count of skipped
 * inputs are the same for files, folders, name lists and JSONL lines. */
/* DT_REG and DT_DIR (the kind of a folder entry, which saves two system calls per file) are not
 * in POSIX; glibc shows them with _DEFAULT_SOURCE. Without them every entry is looked up. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE 1
#endif
#include "summarize/cli/inputs.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize/cli/encoding.h"
#include "summarize/cli/jsonl.h"
#include "summarize/cli/lines.h"
#include "summarize/common/error.h"
#include "summarize/common/fileread.h"
#include "summarize/common/parallel.h"

typedef struct {
    const inputs_config *cfg;
    inputs_sink sink;
    void *ctx;
    inputs_report *rep;
    ars_error *err;
    int stdin_used;
    char *buf; /* the bytes of the file being read, reused from file to file */
    size_t buf_cap;
    /* The folder of the last file read that was named with its folder (a shell's dir/NAME.txt,
     * or an entry of a folder being read), kept open: the next files in it are opened relative to
     * it, which saves the system looking up every folder on the way again, and one descriptor
     * serves however deep the folders go. dir_fd is -1 when none is open. */
    char *dir;
    size_t dir_len;
    int dir_fd;
    /* While a JSON Lines file is read (in_jsonl), its bad lines: the first JSONL_WARNINGS_PER_FILE
     * are each said, the rest counted and said in one line at the file's end. */
    int in_jsonl;
    size_t jsonl_bad;
} inputs_run;

/* A warning on standard error (printf-style, without "summarize: "), unless the run is quiet;
 * control characters in it (from a file name, or quoted from a JSON line) are replaced. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
inputs_warn(const inputs_run *r, const char *fmt, ...) {
    if (r->cfg->quiet) return;
    char message[sizeof r->err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    error_printable(message);
    if (r->cfg->prog) progress_clear(r->cfg->prog);
    fprintf(stderr, "summarize: %s\n", message);
}

/* A bad input: warn and go on (ARS_OK), or stop the run when strict (the input's status). The
 * message (printf-style) names the input and says what is wrong with it. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static ars_status
inputs_bad(inputs_run *r, ars_status st, const char *fmt, ...) {
    char message[sizeof r->err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (r->cfg->strict) return error_set(r->err, st, "%s", message);
    r->rep->n_skipped++;
    if (r->in_jsonl && ++r->jsonl_bad > JSONL_WARNINGS_PER_FILE)
        return ARS_OK; /* said at its end */
    inputs_warn(r, "%s, skipped", message);
    return ARS_OK;
}

/* Hands one article to the sink and counts it when taken. Bad data (ARS_EUTF8, ARS_ELIMIT) comes
 * back as the sink's status with its message in *bad; any other failure is the run's (in r->err).
 */
static ars_status inputs_offer(inputs_run *r, const inputs_article *a, ars_error *bad) {
    ars_error e = {ARS_OK, ""};
    ars_status st = r->sink(r->ctx, a, &e);
    if (st == ARS_OK) {
        r->rep->n_articles++;
        r->rep->n_bytes += a->len;
    } else if (st == ARS_EUTF8 || st == ARS_ELIMIT) {
        error_set(bad, st, "%s", e.status == st && e.message[0] ? e.message : a->name);
    } else if (r->err) {
        *r->err = e;
    }
    return st;
}

/* Hands one article to the sink; the statuses of bad data make it a bad input. */
static ars_status inputs_give(inputs_run *r, const inputs_article *a) {
    ars_error bad = {ARS_OK, ""};
    ars_status st = inputs_offer(r, a, &bad);
    if (st == ARS_EUTF8 || st == ARS_ELIMIT) return inputs_bad(r, st, "%s", bad.message);
    return st;
}

/* Converts bytes that are not UTF-8 (*bad: the check's verdict, "NAME: byte N: ...") as
 * cfg->encoding says. *conv gets the converted text, to free. Returns ARS_OK, or the status and
 * message of a bad input (in *bad), with a word on the encoding the bytes look like. */
static ars_status inputs_decode(const inputs_run *r, const char *name, const char *bytes,
                                size_t len, char **conv, size_t *conv_len, ars_error *bad) {
    *conv = NULL;
    const char *want = r->cfg->encoding, *guess = encoding_guess(bytes, len);
    if (!want) {
        if (guess) {
            size_t n = strlen(bad->message);
            snprintf(bad->message + n, sizeof bad->message - n,
                     " (it looks like %s text: --encoding %s or --encoding auto reads it)",
                     encoding_label(guess), strcmp(guess, "CP1256") == 0 ? "cp1256" : guess);
        }
        return ARS_EUTF8;
    }
    const char *from = strcmp(want, "auto") == 0 ? guess : want;
    if (!from) {
        size_t n = strlen(bad->message);
        snprintf(bad->message + n, sizeof bad->message - n,
                 " (and not a legacy Arabic encoding --encoding auto knows)");
        return ARS_EUTF8;
    }
    ars_status st = encoding_to_utf8(name, from, bytes, len, conv, conv_len, bad);
    /* Checked before the note below, so a conversion that yields a NUL byte says only that. */
    if (st == ARS_OK) st = ars_text_check(name, *conv, *conv_len, NULL, bad);
    if (st != ARS_OK) {
        free(*conv);
        *conv = NULL;
        return st;
    }
    inputs_warn(r, "%s: not UTF-8, read as %s", name, encoding_label(from));
    return ARS_OK;
}

/* A text file's bytes, UTF-8 or not, to the sink. */
static ars_status inputs_text(inputs_run *r, const char *path, const char *bytes, size_t len) {
    if (ars_text_is_blank(bytes, len)) return inputs_bad(r, ARS_EEMPTY, "%s: empty file", path);
    inputs_article a = {path, bytes, len, {NULL, NULL, NULL, ARS_TIME_UNKNOWN}};
    ars_error bad = {ARS_OK, ""};
    /* The sink checks the bytes are UTF-8 (the library checks whatever it is handed), so a good
     * file is checked once; only the bytes it refuses are decoded here, then offered again. */
    ars_status st = inputs_offer(r, &a, &bad);
    if (st == ARS_ELIMIT) return inputs_bad(r, st, "%s", bad.message);
    if (st != ARS_EUTF8) return st;
    char *conv = NULL;
    size_t conv_len = 0;
    st = inputs_decode(r, path, bytes, len, &conv, &conv_len, &bad);
    if (st == ARS_ENOMEM) return error_at(r->err, st, "%s", path);
    if (st != ARS_OK) return inputs_bad(r, st, "%s", bad.message);
    if (ars_text_is_blank(conv, conv_len)) {
        st = inputs_bad(r, ARS_EEMPTY, "%s: empty file", path); /* e.g. UTF-16 spaces */
    } else {
        a.bytes = conv;
        a.len = conv_len;
        st = inputs_give(r, &a);
    }
    free(conv);
    return st;
}

/* One plain-text input: the file `name` in the folder open as dirfd (AT_FDCWD: the working
 * folder), called path. It is read into the run's buffer, which the sink copies from. When
 * is_dir is not NULL a folder is no error: *is_dir is set and the caller reads it as one. */
static ars_status inputs_text_file(inputs_run *r, int dirfd, const char *name, const char *path,
                                   int *is_dir) {
    size_t len = 0;
    ars_error bad = {ARS_OK, ""};
    int dir = 0;
    ars_status st =
        fileread_at(dirfd, name, path, r->cfg->max_bytes, &r->buf, &r->buf_cap, &len, &dir, &bad);
    if (dir && is_dir) {
        *is_dir = 1;
        return ARS_OK;
    }
    if (st == ARS_ENOMEM) return error_at(r->err, st, "%s", path);
    if (r->cfg->prog) progress_input(r->cfg->prog, len);
    return st == ARS_OK ? inputs_text(r, path, r->buf, len) : inputs_bad(r, st, "%s", bad.message);
}

/* JSON Lines are read in batches of lines, each batch parsed on the run's threads (jansson parses
 * at about 60 MB/s, a third of what the rest of the front end does) and then handed on in line
 * order, so warnings, skipped lines and the articles the sink gets are the same for any number of
 * threads. A batch ends after INPUTS_BATCH_LINES lines or INPUTS_BATCH_BYTES bytes, so memory
 * stays bounded however long the file, and a batch is still in the processor's cache when it is
 * handed on. On one thread a batch is one line, parsed while it is in cache as it was read. With
 * cfg->threads 0 a file is parsed on threads when it holds at least INPUTS_PARALLEL_MIN_BYTES
 * (the summarizer's own threshold for its threads), or, read from a pipe, from when that much of
 * it has been read. */
#define INPUTS_BATCH_LINES        256
#define INPUTS_BATCH_BYTES        ((size_t)256 << 10)
#define INPUTS_PARALLEL_MIN_BYTES ((size_t)1 << 20)
#define INPUTS_MAX_THREADS        8

/* One line of a batch: what reading it gave, and what parsing it gave. */
typedef struct {
    int rc;           /* lines_next's result: LINES_OK, LINES_TOO_LONG, LINES_ERROR, LINES_NOMEM */
    int blank;        /* a line of white space only: skipped, as an empty line */
    int read_errno;   /* errno of LINES_ERROR */
    size_t number;    /* from 1 */
    char where[512];  /* "PATH:LINE", its name in messages, made once when it is read */
    size_t off, len;  /* the line's bytes in the batch's text */
    ars_status st;    /* of jsonl_article_parse */
    ars_error bad;    /* its message */
    jsonl_article ja; /* when st is ARS_OK */
} inputs_line;

typedef struct {
    const char *path;
    inputs_line *lines; /* room for INPUTS_BATCH_LINES */
    char *text;         /* the lines' bytes, each followed by a NUL */
    size_t n, text_len, text_cap;
} inputs_batch;

/* Parses lines [begin, end) of a batch (a parallel_body: each line writes only its own record). */
static ars_status inputs_parse_lines(void *ctx, size_t worker, size_t begin, size_t end) {
    inputs_batch *b = ctx;
    (void)worker;
    for (size_t k = begin; k < end; k++) {
        inputs_line *l = &b->lines[k];
        if (l->rc != LINES_OK || l->blank) continue;
        l->bad = (ars_error){ARS_OK, ""};
        l->st = jsonl_article_parse(l->where, b->text + l->off, l->len, &l->ja, &l->bad);
    }
    return ARS_OK;
}

/* Room for len more bytes of text (and a NUL); 0 when out of memory. */
static int inputs_batch_room(inputs_batch *b, size_t len) {
    if (len < b->text_cap - b->text_len) return 1;
    if (len > SIZE_MAX / 4 - b->text_len) return 0;
    size_t nc = b->text_cap ? b->text_cap : 65536;
    while (nc <= b->text_len + len)
        nc *= 2;
    char *nt = realloc(b->text, nc);
    if (!nt) return 0;
    b->text = nt;
    b->text_cap = nc;
    return 1;
}

/* Reads the next batch of at most max_lines lines into b (room for INPUTS_BATCH_LINES); 0 at the
 * end of the input. A read failure, or no memory for a line, is the batch's last line and says so.
 */
static int inputs_batch_fill(inputs_batch *b, lines_reader *lr, size_t max_lines) {
    b->n = 0;
    b->text_len = 0;
    while (b->n < max_lines && b->text_len < INPUTS_BATCH_BYTES) {
        char *line;
        size_t len = 0;
        int rc = lines_next(lr, &line, &len);
        if (rc == LINES_EOF) break;
        int read_errno = errno;
        if (rc == LINES_OK && !inputs_batch_room(b, len)) rc = LINES_NOMEM;
        inputs_line *l = &b->lines[b->n++];
        l->rc = rc;
        l->blank = 0;
        l->read_errno = read_errno;
        l->number = lr->number;
        snprintf(l->where, sizeof l->where, "%s:%zu", b->path, lr->number);
        l->off = b->text_len;
        l->len = 0;
        l->st = ARS_OK; /* bad and ja are written by the parse, read only after it */
        if (rc == LINES_OK) {
            l->blank = ars_text_is_blank(line, len);
            memcpy(b->text + b->text_len, line, len);
            b->text[b->text_len + len] = '\0';
            l->len = len;
            b->text_len += len + 1;
        }
        if (rc == LINES_ERROR || rc == LINES_NOMEM) break;
    }
    return b->n > 0;
}

/* Hands the parsed line l on: its article to the sink, or the reason it is a bad input. */
static ars_status inputs_jsonl_line(inputs_run *r, inputs_line *l) {
    const char *where = l->where;
    if (l->rc == LINES_NOMEM) return error_at(r->err, ARS_ENOMEM, "%s", where);
    if (l->rc == LINES_ERROR) {
        r->in_jsonl = 0; /* it ends the file: always said */
        return inputs_bad(r, ARS_EIO, "%s: read failed: %s", where, strerror(l->read_errno));
    }
    if (l->rc == LINES_TOO_LONG)
        return inputs_bad(r, ARS_ELIMIT, "%s: line longer than %zu bytes", where,
                          r->cfg->max_bytes);
    if (l->blank) return ARS_OK;
    if (r->cfg->prog) progress_input(r->cfg->prog, l->len);
    if (l->st == ARS_ENOMEM) {
        if (r->err) *r->err = l->bad;
        return ARS_ENOMEM;
    }
    if (l->st != ARS_OK) return inputs_bad(r, l->st, "%s", l->bad.message);
    jsonl_article *ja = &l->ja;
    if (ja->time_unreadable)
        inputs_warn(r, "%s: \"time\" is not a date summarize reads; taken as unknown", where);
    if (ars_text_is_blank(ja->text, ja->text_len))
        return inputs_bad(r, ARS_EEMPTY, "%s: empty \"text\"", where);
    inputs_article a = {
        ja->id ? ja->id : where, ja->text, ja->text_len, {ja->id, ja->title, ja->source, ja->time}};
    return inputs_give(r, &a);
}

/* The threads that parse the file f, of which `done` bytes are read: 0 while that is not known
 * yet (read from a pipe, less than INPUTS_PARALLEL_MIN_BYTES so far). */
static size_t inputs_parse_threads(const inputs_run *r, FILE *f, size_t done) {
    if (r->cfg->threads) return r->cfg->threads;
    struct stat sb;
    int regular = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode);
    if (regular && (uintmax_t)sb.st_size < INPUTS_PARALLEL_MIN_BYTES) return 1;
    if (!regular && done < INPUTS_PARALLEL_MIN_BYTES) return 0;
    size_t t = parallel_idle_cpu_count();
    return t > INPUTS_MAX_THREADS ? INPUTS_MAX_THREADS : t;
}

/* One JSON Lines input: an article per line, streamed in batches. */
static ars_status inputs_jsonl_file(inputs_run *r, const char *path) {
    inputs_batch b = {path, malloc(INPUTS_BATCH_LINES * sizeof *b.lines), NULL, 0, 0, 0};
    if (!b.lines) return error_at(r->err, ARS_ENOMEM, "%s", path);
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        int open_errno = errno;
        free(b.lines);
        return inputs_bad(r, ARS_EIO, "%s: %s", path, strerror(open_errno));
    }
    /* jansson parses on several threads safely once its hash seed is set, which it does on its
     * own only where it was built with atomic operations: set here, on this thread. */
    json_object_seed(0);
    r->in_jsonl = 1;
    lines_reader lr;
    lines_open(&lr, f, '\n', r->cfg->max_bytes);
    ars_status st = ARS_OK;
    size_t done = 0, threads = inputs_parse_threads(r, f, done);
    while (st == ARS_OK && inputs_batch_fill(&b, &lr, threads > 1 ? INPUTS_BATCH_LINES : 1)) {
        parallel_plan plan = {threads};
        (void)parallel_for(&plan, b.n, 0, inputs_parse_lines, &b); /* its body cannot fail */
        done += b.text_len;
        if (threads == 0 && done >= INPUTS_PARALLEL_MIN_BYTES)
            threads = inputs_parse_threads(r, f, done);
        for (size_t k = 0; st == ARS_OK && k < b.n; k++)
            st = inputs_jsonl_line(r, &b.lines[k]);
        for (size_t k = 0; k < b.n; k++)
            if (b.lines[k].rc == LINES_OK && !b.lines[k].blank && b.lines[k].st == ARS_OK)
                jsonl_article_free(&b.lines[k].ja);
        /* A read failure ends the file (it is skipped from there unless the run is strict). */
        if (b.lines[b.n - 1].rc == LINES_ERROR || b.lines[b.n - 1].rc == LINES_NOMEM) break;
    }
    if (r->jsonl_bad > JSONL_WARNINGS_PER_FILE)
        inputs_warn(r, "%s: %zu more bad lines skipped, not listed", path,
                    r->jsonl_bad - JSONL_WARNINGS_PER_FILE);
    r->in_jsonl = 0;
    r->jsonl_bad = 0;
    free(b.lines);
    free(b.text);
    lines_close(&lr);
    if (f != stdin) fclose(f);
    return st;
}

/* The input file `name` in the folder open as dirfd (AT_FDCWD: the working folder), called
 * path. */
static ars_status inputs_file(inputs_run *r, int dirfd, const char *name, const char *path) {
    if (r->cfg->format != INPUTS_JSONL) return inputs_text_file(r, dirfd, name, path, NULL);
    (void)dirfd;
    (void)name;
    return inputs_jsonl_file(r, path);
}

/* Where to open the name path from: *dirfd and *name, the folder it names kept open (see
 * inputs_run) and the name in it, or AT_FDCWD and path itself for a name without a folder or
 * when the folder cannot be opened (reading the name then says what is wrong). */
static void inputs_place(inputs_run *r, const char *path, int *dirfd, const char **name) {
    *dirfd = AT_FDCWD;
    *name = path;
    const char *slash = strrchr(path, '/');
    if (!slash || !slash[1]) return;
    size_t dl = slash == path ? 1 : (size_t)(slash - path); /* "/name": the root */
    if (r->dir_fd < 0 || dl != r->dir_len || memcmp(path, r->dir, dl) != 0) {
        if (r->dir_fd >= 0) close(r->dir_fd);
        r->dir_fd = -1;
        char *dir = realloc(r->dir, dl + 1);
        if (!dir) return;
        memcpy(dir, path, dl);
        dir[dl] = '\0';
        r->dir = dir;
        r->dir_len = dl;
        /* O_PATH where there is one: a folder one may go through but not list still serves. */
#if defined(O_PATH)
        r->dir_fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
#else
        r->dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
        if (r->dir_fd < 0) return;
    }
    *dirfd = r->dir_fd;
    *name = slash + 1;
}

/* The input file path, opened relative to its folder (inputs_place). */
static ars_status inputs_named_file(inputs_run *r, const char *path) {
    int dirfd;
    const char *name;
    inputs_place(r, path, &dirfd, &name);
    return inputs_file(r, dirfd, name, path);
}

/* A folder entry: its path and what readdir says it is (INPUTS_ENTRY_*). */
typedef struct {
    char *path;
    int kind;
} inputs_entry;

enum { INPUTS_ENTRY_UNKNOWN, INPUTS_ENTRY_FILE, INPUTS_ENTRY_DIR };

static int inputs_cmp_names(const void *a, const void *b) {
    return strcmp(((const inputs_entry *)a)->path, ((const inputs_entry *)b)->path);
}

/* A regular file or a folder that is not a symbolic link, as the folder's entry tells when the
 * file system keeps the kind there; INPUTS_ENTRY_UNKNOWN asks for lstat and stat. */
static int inputs_entry_kind(const struct dirent *e) {
#if defined(_DIRENT_HAVE_D_TYPE) && defined(DT_REG) && defined(DT_DIR)
    if (e->d_type == DT_REG) return INPUTS_ENTRY_FILE;
    if (e->d_type == DT_DIR) return INPUTS_ENTRY_DIR;
#else
    (void)e;
#endif
    return INPUTS_ENTRY_UNKNOWN;
}

static int inputs_wanted(const inputs_run *r, const char *name) {
    const char *ext = r->cfg->format == INPUTS_JSONL ? ".jsonl" : ".txt";
    size_t n = strlen(name), e = strlen(ext);
    return name[0] != '.' && n > e && strcmp(name + n - e, ext) == 0;
}

/* A folder: its wanted files and its sub-folders, in byte order of their names. gcc 12's
 * -fanalyzer reports the names as leaked once realloc has moved the table that holds them: a
 * false positive (the table and every name are freed below; tests/e2e runs under valgrind),
 * silenced for this function alone. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
static ars_status inputs_folder(inputs_run *r, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return inputs_bad(r, ARS_EIO, "%s: %s", dir, strerror(errno));
    inputs_entry *names = NULL;
    size_t n = 0, cap = 0;
    ars_status st = ARS_OK;
    struct dirent *e;
    size_t dl = strlen(dir);
    int slash = dl > 0 && dir[dl - 1] == '/';
    errno = 0;
    while (st == ARS_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            inputs_entry *nn = realloc(names, nc * sizeof *nn);
            if (!nn) {
                st = error_at(r->err, ARS_ENOMEM, "%s", dir);
                break;
            }
            names = nn;
            cap = nc;
        }
        size_t dir_len = slash ? dl : dl + 1, name_len = strlen(e->d_name);
        char *path = malloc(dir_len + name_len + 1);
        if (!path) {
            error_at(r->err, ARS_ENOMEM, "%s", dir);
            st = ARS_ENOMEM; /* said outright: the analyzer cannot see error_at's result */
            break;
        }
        memcpy(path, dir, dl); /* not snprintf: a thousand instructions a name */
        path[dir_len - 1] = '/';
        memcpy(path + dir_len, e->d_name, name_len + 1);
        names[n].path = path;
        names[n].kind = inputs_entry_kind(e);
        n++;
    }
    closedir(d);
    if (st == ARS_OK && n > 1) qsort(names, n, sizeof *names, inputs_cmp_names); /* not NULL */
    for (size_t i = 0; st == ARS_OK && i < n; i++) {
        struct stat sb, lsb;
        const char *path = names[i].path, *base = strrchr(path, '/') + 1;
        if (names[i].kind == INPUTS_ENTRY_FILE) {
            if (inputs_wanted(r, base)) st = inputs_named_file(r, path);
        } else if (names[i].kind == INPUTS_ENTRY_DIR) {
            st = inputs_folder(r, path);
        } else if (lstat(path, &lsb) != 0 || stat(path, &sb) != 0) {
            if (inputs_wanted(r, base))
                st = inputs_bad(r, ARS_EIO, "%s: %s", path, strerror(errno));
        } else if (S_ISDIR(sb.st_mode)) {
            if (!S_ISLNK(lsb.st_mode)) st = inputs_folder(r, path); /* no link loops */
        } else if (inputs_wanted(r, base)) {
            st = inputs_named_file(r, path);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i].path);
    free(names);
    return st;
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 10
#pragma GCC diagnostic pop
#endif

/* One name from the command line or the list: a file, or a folder of them. A text file is opened
 * straight away (its kind comes with it); other names are looked at first. */
static ars_status inputs_path(inputs_run *r, const char *path) {
    if (strcmp(path, "-") == 0) {
        if (r->stdin_used) return ARS_OK; /* standard input can be read once */
        r->stdin_used = 1;
        return inputs_file(r, AT_FDCWD, path, path);
    }
    if (r->cfg->format != INPUTS_JSONL) {
        int dirfd, is_dir = 0;
        const char *name;
        inputs_place(r, path, &dirfd, &name);
        ars_status st = inputs_text_file(r, dirfd, name, path, &is_dir);
        return st == ARS_OK && is_dir ? inputs_folder(r, path) : st;
    }
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) return inputs_folder(r, path);
    return inputs_file(r, AT_FDCWD, path, path); /* reading reports a missing or unreadable file */
}

/* The names on the command line, then those of the list (--files-from). */
static ars_status inputs_read_all(inputs_run *r, char *const *paths, size_t n_paths) {
    const inputs_config *cfg = r->cfg;
    ars_error *err = r->err;
    ars_status st = ARS_OK;
    for (size_t i = 0; st == ARS_OK && i < n_paths; i++)
        st = inputs_path(r, paths[i]);
    if (st != ARS_OK || !cfg->files_from) return st;
    int from_stdin = strcmp(cfg->files_from, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(cfg->files_from, "rb");
    if (!f) return error_set(err, ARS_EIO, "%s: %s", cfg->files_from, strerror(errno));
    if (from_stdin) r->stdin_used = 1;
    lines_reader lr;
    lines_open(&lr, f, cfg->nul ? '\0' : '\n', 0);
    char *name;
    size_t len;
    int rc;
    while (st == ARS_OK && (rc = lines_next(&lr, &name, &len)) != LINES_EOF) {
        if (rc == LINES_NOMEM)
            st = error_at(err, ARS_ENOMEM, "%s", cfg->files_from);
        else if (rc == LINES_ERROR)
            st = error_set(err, ARS_EIO, "%s: read failed: %s", cfg->files_from, strerror(errno));
        else if (len > 0 && strlen(name) == len) /* empty names are separators' leftovers */
            st = inputs_path(r, name);
        else if (len > 0)
            st = error_set(err, ARS_EIO,
                           "%s: name %zu holds a NUL byte (use -0 for a list of "
                           "NUL-terminated names)",
                           cfg->files_from, lr.number);
    }
    lines_close(&lr);
    if (!from_stdin) fclose(f);
    return st;
}

ars_status inputs_read(const inputs_config *cfg, char *const *paths, size_t n_paths,
                       inputs_sink sink, void *ctx, inputs_report *rep, ars_error *err) {
    inputs_run r = {cfg, sink, ctx, rep, err, 0, NULL, 0, NULL, 0, -1, 0, 0};
    rep->n_articles = rep->n_skipped = 0;
    ars_status st = inputs_read_all(&r, paths, n_paths);
    free(r.buf);
    free(r.dir);
    if (r.dir_fd >= 0) close(r.dir_fd);
    return st;
}
