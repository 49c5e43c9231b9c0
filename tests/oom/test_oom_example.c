/* test_oom_example.c - out-of-memory injection over a whole summarize run on the bundled example
 * (examples/multiling2011-M001): for every allocation call of each phase (creating the summarizer,
 * adding the ten articles, the run, writing JSON and text), the run is repeated with that one call
 * failing, and then with it and every later one failing. Each time the phase must return
 * ARS_ENOMEM with a message, leave no block behind (counted by tests/oom/oom_alloc.c; ASan's LSan
 * checks the rest in sanitizer builds), and leave the summarizer usable: the next run gives the
 * same summary, byte for byte. The counting allocator is interposed in this program, so it also
 * fails the allocations of utf8proc, libstemmer, jansson, OpenBLAS and libc made on the library's
 * behalf. Prints the number of failure points and call sites per phase. */
#define _GNU_SOURCE /* dladdr, to name the library of each call site */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/summarize.h"
#include "tests/oom/oom_alloc.h"

#define N_DOCS 10

static char *docs[N_DOCS];
static size_t lens[N_DOCS];
static char names[N_DOCS][64];
static FILE *sink; /* /dev/null, its buffer allocated before anything is armed */
static int failures;
static size_t absorbed[4]; /* per phase: failures the code went on without */

/* Where the failed allocation was called from: object, function and offset. */
static void print_failed_site(void) {
    void *site = oom_failed_site();
    Dl_info info;
    if (site && dladdr(site, &info) && info.dli_fname)
        fprintf(stderr, " [failed call from %s: %s+%#lx]", info.dli_fname,
                info.dli_sname ? info.dli_sname : "?",
                (unsigned long)((char *)site -
                                (char *)(info.dli_saddr ? info.dli_saddr : info.dli_fbase)));
}

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                        \
            fprintf(stderr, __VA_ARGS__);                                                          \
            if (oom_failed()) print_failed_site();                                                 \
            fputc('\n', stderr);                                                                   \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* The summary as bytes, to compare runs. Made while disarmed. */
static char *snapshot(const ars_summarizer *s) {
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) abort();
    buf[0] = '\0';
    for (size_t i = 0; i < ars_summary_count(s); i++) {
        const ars_sentence *x = ars_summary_get(s, i);
        int n = snprintf(buf + len, cap - len, "%zu %zu %zu %a %s\n", x->doc, x->start, x->end,
                         x->score, x->text);
        if (n < 0 || (size_t)n >= cap - len) abort();
        len += (size_t)n;
    }
    return buf;
}

static ars_summarizer *make(void) {
    ars_summarizer *s = NULL;
    if (ars_summarizer_new(NULL, &s, NULL) != ARS_OK) abort();
    return s;
}

static void add_all(ars_summarizer *s) {
    for (size_t d = 0; d < N_DOCS; d++)
        if (ars_summarizer_add_document(s, names[d], docs[d], lens[d], NULL) != ARS_OK) abort();
}

/* The phases. Each returns the status of the library call that may fail. */
enum { PHASE_NEW, PHASE_ADD, PHASE_RUN, PHASE_WRITE, N_PHASES };
static const char *const phase_names[N_PHASES] = {"new", "add", "run", "write"};

static ars_status phase(int p, ars_summarizer **s, ars_error *err) {
    switch (p) {
    case PHASE_NEW:
        return ars_summarizer_new(NULL, s, err);
    case PHASE_ADD: {
        ars_status st = ARS_OK;
        for (size_t d = 0; d < N_DOCS && st == ARS_OK; d++)
            st = ars_summarizer_add_document(*s, names[d], docs[d], lens[d], err);
        return st;
    }
    case PHASE_RUN:
        return ars_summarizer_run(*s, err);
    default: {
        ars_status st = ars_summary_write(*s, sink, ARS_FORMAT_JSON, "/dev/null", err);
        if (st == ARS_OK) st = ars_summary_write(*s, sink, ARS_FORMAT_TEXT, "/dev/null", err);
        return st;
    }
    }
}

/* The summarizer a phase starts from (disarmed): nothing, empty, with documents, or run. */
static ars_summarizer *before(int p) {
    if (p == PHASE_NEW) return NULL;
    ars_summarizer *s = make();
    if (p >= PHASE_RUN) add_all(s);
    if (p == PHASE_WRITE && ars_summarizer_run(s, NULL) != ARS_OK) abort();
    return s;
}

/* The call sites whose failure was absorbed, to list them. */
static void *absorbed_sites[64];
static size_t n_absorbed_sites;

static void note_absorbed(void *site) {
    for (size_t i = 0; i < n_absorbed_sites; i++)
        if (absorbed_sites[i] == site) return;
    if (n_absorbed_sites < 64) absorbed_sites[n_absorbed_sites++] = site;
}

static void print_absorbed(void) {
    for (size_t i = 0; i < n_absorbed_sites; i++) {
        Dl_info info;
        if (dladdr(absorbed_sites[i], &info) && info.dli_fname)
            printf("absorbed at %s+%#lx (%s)\n", info.dli_fname,
                   (unsigned long)((char *)absorbed_sites[i] - (char *)info.dli_fbase),
                   info.dli_sname ? info.dli_sname : "a static function: addr2line -f -e");
    }
}

/* Prints the call sites of the last recorded phase, grouped by shared object. */
static void print_sites(void) {
    typedef struct {
        const char *name;
        size_t n;
    } object_sites;
    object_sites objs[32];
    size_t n_objs = 0;
    for (size_t i = 0; i < oom_site_count(); i++) {
        Dl_info info;
        const char *obj = "?";
        if (dladdr(oom_site(i), &info) && info.dli_fname) {
            obj = strrchr(info.dli_fname, '/') ? strrchr(info.dli_fname, '/') + 1 : info.dli_fname;
        }
        size_t k = 0;
        while (k < n_objs && strcmp(objs[k].name, obj) != 0)
            k++;
        if (k == n_objs && n_objs < 32) objs[n_objs++] = (object_sites){obj, 0};
        if (k < n_objs) objs[k].n++;
    }
    for (size_t k = 0; k < n_objs; k++)
        printf("%s%s %zu", k ? ", " : " (", objs[k].name, objs[k].n);
    printf(")\n");
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "examples/multiling2011-M001";
    for (size_t d = 0; d < N_DOCS; d++) {
        snprintf(names[d], sizeof names[d], "%s/M001%zu.txt", dir, d);
        if (ars_file_read(names[d], 0, &docs[d], &lens[d], NULL) != ARS_OK) {
            fprintf(stderr, "cannot read %s\n", names[d]);
            return 1;
        }
    }
    sink = fopen("/dev/null", "w");
    if (!sink || fputs("warm up the stdio buffer\n", sink) == EOF) return 1;

    /* The reference: the summary, and how many allocation calls each phase makes. A first run
     * warms what is made once per process (OpenBLAS's buffers), so the counts are a run's own. */
    ars_summarizer *ref = before(PHASE_WRITE);
    ars_summarizer_free(ref);
    ref = before(PHASE_WRITE);
    char *expected = snapshot(ref);
    ars_summarizer_free(ref);
    size_t calls[N_PHASES];
    size_t total_points = 0;
    for (int p = 0; p < N_PHASES; p++) {
        ars_summarizer *s = before(p);
        oom_arm(0, 0, 1);
        ars_status st = phase(p, &s, NULL);
        calls[p] = oom_disarm();
        CHECK(st == ARS_OK, "reference %s: %s", phase_names[p], ars_status_str(st));
        printf("%-5s: %zu allocation calls from %zu call sites", phase_names[p], calls[p],
               oom_site_count());
        print_sites();
        ars_summarizer_free(s);
        total_points += calls[p];
    }

    for (int persistent = 0; persistent <= 1; persistent++)
        for (int p = 0; p < N_PHASES; p++)
            for (size_t k = 1; k <= calls[p]; k++) {
                long live0 = oom_live();
                ars_summarizer *s = before(p);
                long live = oom_live();
                ars_error err = {ARS_OK, ""};
                oom_arm(k, persistent, 0);
                ars_status st = phase(p, &s, &err);
                oom_disarm();
                const char *how = persistent ? "from" : "at";
                if (!oom_failed()) { /* fewer calls than the reference: allowed, must succeed */
                    CHECK(st == ARS_OK, "%s %s call %zu: %s", phase_names[p], how, k, err.message);
                    ars_summarizer_free(s);
                    continue;
                }
                if (st == ARS_OK) {
                    /* Absorbed: the caller of that allocation has a way on without it (utf8proc
                     * keeps its buffer when shrinking it fails, and so does tfidf_build).
                     * Allowed when the result is the reference's, checked below. */
                    absorbed[p]++;
                    note_absorbed(oom_failed_site());
                    if (p == PHASE_NEW) {
                        add_all(s);
                    } else if (p == PHASE_RUN) {
                        char *got = snapshot(s);
                        CHECK(strcmp(got, expected) == 0,
                              "run %s call %zu absorbed: another "
                              "summary",
                              how, k);
                        free(got);
                    }
                } else if (p == PHASE_NEW) {
                    CHECK(st == ARS_ENOMEM && err.status == ARS_ENOMEM && err.message[0],
                          "new: failing %s allocation call %zu gave %s (%s)", how, k,
                          ars_status_str(st), err.message);
                    CHECK(s == NULL, "new %s call %zu: *out not NULL", how, k);
                    CHECK(oom_live() == live, "new %s call %zu: %ld blocks leaked", how, k,
                          oom_live() - live);
                    s = make(); /* the library is still usable */
                    add_all(s);
                } else if (p == PHASE_ADD) {
                    CHECK(st == ARS_ENOMEM && err.status == ARS_ENOMEM && err.message[0],
                          "add: failing %s allocation call %zu gave %s (%s)", how, k,
                          ars_status_str(st), err.message);
                    /* The documents before the failing one stay; nothing else. */
                    size_t kept = ars_summarizer_document_count(s);
                    ars_summarizer_reset(s);
                    CHECK(kept < N_DOCS, "add %s call %zu: all documents added", how, k);
                    add_all(s);
                } else {
                    CHECK(st == ARS_ENOMEM && err.status == ARS_ENOMEM && err.message[0],
                          "%s: failing %s allocation call %zu gave %s (%s)", phase_names[p], how, k,
                          ars_status_str(st), err.message);
                    /* A run keeps scratch it grew (the analyser's token array, the stemmer's
                     * buffer) for the next one, so leaks of a run are counted once the
                     * summarizer is freed, below; writing keeps nothing. */
                    CHECK(p != PHASE_WRITE || oom_live() == live,
                          "write %s call %zu: %ld blocks "
                          "leaked",
                          how, k, oom_live() - live);
                    CHECK(p == PHASE_WRITE || ars_summary_count(s) == 0,
                          "run %s call %zu: a failed run published results", how, k);
                }
                /* Usable: the same summary as the reference, and written. */
                if (ars_summarizer_run(s, NULL) == ARS_OK) {
                    char *got = snapshot(s);
                    CHECK(strcmp(got, expected) == 0, "%s %s call %zu: another summary after",
                          phase_names[p], how, k);
                    free(got);
                    CHECK(phase(PHASE_WRITE, &s, NULL) == ARS_OK, "write after %s", phase_names[p]);
                } else {
                    CHECK(0, "%s %s call %zu: the next run failed", phase_names[p], how, k);
                }
                ars_summarizer_free(s);
                CHECK(oom_live() == live0, "%s %s call %zu: %ld blocks leaked in all",
                      phase_names[p], how, k, oom_live() - live0);
                if (failures > 20) {
                    fprintf(stderr, "too many failures\n");
                    return 1;
                }
            }
    printf("%zu failure points, each failed once and from there on: %zu runs with an allocation "
           "failure; absorbed without error: new %zu, add %zu, run %zu, write %zu; %d problems\n",
           total_points, 2 * total_points, absorbed[0], absorbed[1], absorbed[2], absorbed[3],
           failures);
    print_absorbed();
    free(expected);
    for (size_t d = 0; d < N_DOCS; d++)
        ars_free(docs[d]);
    fclose(sink);
    return failures ? 1 : 0;
}
