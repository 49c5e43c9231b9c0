/* fuzz_jsonl.c - libFuzzer target: the CLI's readers of untrusted input besides plain text
 * (summarize/cli): JSON Lines articles and clusters (jsonl.c), article times (timeparse.c) and
 * legacy encodings (encoding.c). The first byte picks the reader: 0 articles and 1 clusters (the
 * rest split into lines as `summarize` splits a .jsonl file), 2 a time string, 3 bytes to guess the
 * encoding of and convert to UTF-8 (bits 2-4 pick the encoding: the guess or a fixed one). Checks:
 * each parse succeeds or fails with ARS_EUTF8 (ARS_ENOMEM) and a message that starts with the
 * line's "FILE:LINE: "; what a parse returns is the header's promise (texts of their stated length,
 * valid UTF-8 without NUL, ids and times as the line gives them, "doc K" for a document without
 * id); the same result twice; a time prints as ISO 8601 that reads back to the same second;
 * converted text is UTF-8 that converts back to the input bytes. With the first byte's top bit set,
 * articles go the whole way `summarize --input-format jsonl` takes them instead (inputs_read over
 * a file: its line reader, batches, parsing on 1 and on 3 threads; bit 3 makes the run strict, bit
 * 4 limits lines to 64 bytes): every article the sink gets is UTF-8 without NUL, and both thread
 * counts give the same articles in the same order, the same counts and the same failure. Replayed
 * over its corpus as a ctest in every build. */
#include <errno.h>
#include <iconv.h>
#include <inttypes.h>
#include <string.h>

#include <unistd.h>

#include "summarize/cli/encoding.h"
#include "summarize/cli/inputs.h"
#include "summarize/cli/jsonl.h"
#include "summarize/cli/timeparse.h"
#include "tests/digest.h"
#include "tests/fuzz/fuzz.h"

/* The times timeparse_format writes exactly: years 0001-9999 (0001-01-01 is day -719162). */
#define FUZZ_TIME_MIN (-719162 * INT64_C(86400))
#define FUZZ_TIME_MAX (INT64_C(253402300799)) /* 9999-12-31T23:59:59Z */

/* s[0..len) is UTF-8 without NUL (a BOM inside is a character like any other). */
static int fuzz_utf8(const char *s, size_t len) {
    return ars_text_check("s", s, len, NULL, NULL) == ARS_OK;
}

/* Two strings both NULL, or equal. */
static int fuzz_same(const char *a, const char *b) {
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The message of a refused line: "WHERE: <detail>". */
static void fuzz_check_message(const ars_error *err, ars_status st, const char *where) {
    size_t n = strlen(where);
    FUZZ_CHECK(err->status == st);
    FUZZ_CHECK(strncmp(err->message, where, n) == 0 && err->message[n] == ':' &&
               err->message[n + 1] == ' ' && err->message[n + 2] != '\0');
}

/* A time as the briefing prints it: "YYYY-MM-DDTHH:MM:SSZ", read back to t when t is a time of
 * years 0001-9999; any time prints 20 characters of that shape, those past year 9999 the last
 * second of 9999 and those before year 0000 its first (timeparse.h). */
static void fuzz_check_time_format(int64_t t) {
    char buf[21];
    memset(buf, 'x', sizeof buf);
    timeparse_format(t, buf);
    FUZZ_CHECK(strlen(buf) == 20);
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    for (int i = 0; i < 20; i++)
        FUZZ_CHECK(shape[i] == 'd' ? buf[i] >= '0' && buf[i] <= '9' : buf[i] == shape[i]);
    if (t >= FUZZ_TIME_MIN && t <= FUZZ_TIME_MAX) {
        int64_t back = 0;
        FUZZ_CHECK(timeparse(buf, &back) && back == t);
    } else if (t > FUZZ_TIME_MAX) {
        FUZZ_CHECK(strcmp(buf, "9999-12-31T23:59:59Z") == 0);
    } else if (t < FUZZ_TIME_MIN - 366 * INT64_C(86400)) {
        FUZZ_CHECK(strcmp(buf, "0000-01-01T00:00:00Z") == 0);
    }
}

static void fuzz_article(const char *where, const char *line, size_t len) {
    jsonl_article a, b;
    ars_error err = {ARS_OK, ""}, err2 = {ARS_OK, ""};
    ars_status st = jsonl_article_parse(where, line, len, &a, &err);
    ars_status st2 = jsonl_article_parse(where, line, len, &b, &err2);
    FUZZ_CHECK(st == st2);
    if (st != ARS_OK) {
        FUZZ_CHECK(st == ARS_EUTF8 || st == ARS_ENOMEM);
        FUZZ_CHECK(a.root == NULL && b.root == NULL); /* nothing to free */
        fuzz_check_message(&err, st, where);
        FUZZ_CHECK(strcmp(err.message, err2.message) == 0);
        return;
    }
    FUZZ_CHECK(a.root && json_is_object(a.root));
    FUZZ_CHECK(a.text && strlen(a.text) == a.text_len && fuzz_utf8(a.text, a.text_len));
    FUZZ_CHECK(a.text_len == b.text_len && memcmp(a.text, b.text, a.text_len) == 0);
    FUZZ_CHECK(fuzz_same(a.id, b.id) && fuzz_same(a.title, b.title) &&
               fuzz_same(a.source, b.source));
    FUZZ_CHECK(a.time == b.time && a.time_unreadable == b.time_unreadable);
    /* the fields are what the line says */
    json_t *id = json_object_get(a.root, "id");
    if (json_is_string(id)) {
        FUZZ_CHECK(a.id == json_string_value(id));
    } else if (json_is_integer(id)) {
        FUZZ_CHECK(a.id == a.id_buf);
        char *end = NULL;
        errno = 0;
        long long v = strtoll(a.id, &end, 10);
        FUZZ_CHECK(errno == 0 && *end == '\0' && v == (long long)json_integer_value(id));
    } else {
        FUZZ_CHECK(a.id == NULL && (!id || json_is_null(id)));
    }
    if (a.id) FUZZ_CHECK(fuzz_utf8(a.id, strlen(a.id)));
    if (a.title) FUZZ_CHECK(fuzz_utf8(a.title, strlen(a.title)));
    if (a.source) FUZZ_CHECK(fuzz_utf8(a.source, strlen(a.source)));
    json_t *time = json_object_get(a.root, "time");
    if (!time || json_is_null(time)) {
        FUZZ_CHECK(a.time == ARS_TIME_UNKNOWN && !a.time_unreadable);
    } else if (json_is_integer(time)) {
        FUZZ_CHECK(a.time == (int64_t)json_integer_value(time) && !a.time_unreadable);
    } else if (json_is_string(time)) {
        int64_t t = 0;
        int ok = timeparse(json_string_value(time), &t);
        FUZZ_CHECK(ok ? a.time == t && !a.time_unreadable
                      : a.time == ARS_TIME_UNKNOWN && a.time_unreadable);
    } else {
        FUZZ_CHECK(a.time == ARS_TIME_UNKNOWN && a.time_unreadable);
    }
    /* the briefing's JSON output prints every known time */
    if (a.time != ARS_TIME_UNKNOWN) fuzz_check_time_format(a.time);
    jsonl_article_free(&a);
    jsonl_article_free(&b);
    FUZZ_CHECK(a.root == NULL);
}

static void fuzz_cluster(const char *where, const char *line, size_t len) {
    jsonl_cluster c, d;
    ars_error err = {ARS_OK, ""}, err2 = {ARS_OK, ""};
    ars_status st = jsonl_cluster_parse(where, line, len, &c, &err);
    ars_status st2 = jsonl_cluster_parse(where, line, len, &d, &err2);
    FUZZ_CHECK(st == st2 && c.n_docs == d.n_docs && !c.id == !d.id);
    /* kept as far as it got: the id of an object line, refused or not */
    if (c.root) FUZZ_CHECK(json_is_object(c.root) && c.id == json_object_get(c.root, "id"));
    if (st != ARS_OK) {
        FUZZ_CHECK(st == ARS_EUTF8 || st == ARS_ENOMEM);
        fuzz_check_message(&err, st, where);
        FUZZ_CHECK(strcmp(err.message, err2.message) == 0);
    } else {
        FUZZ_CHECK(c.root && json_is_array(c.docs) && json_array_size(c.docs) == c.n_docs);
        for (size_t k = 0; k < c.n_docs; k++) {
            const char *text, *text2, *id, *id2;
            size_t tl, tl2;
            char buf[32], buf2[32];
            jsonl_cluster_doc(&c, k, &text, &tl, &id, buf);
            jsonl_cluster_doc(&d, k, &text2, &tl2, &id2, buf2);
            FUZZ_CHECK(text && strlen(text) == tl && fuzz_utf8(text, tl));
            FUZZ_CHECK(tl == tl2 && memcmp(text, text2, tl) == 0);
            FUZZ_CHECK(id && id2 && strcmp(id, id2) == 0 && fuzz_utf8(id, strlen(id)));
            json_t *doc = json_array_get(c.docs, k);
            json_t *given = json_is_object(doc) ? json_object_get(doc, "id") : NULL;
            if (!given || json_is_null(given)) {
                char want[32];
                snprintf(want, sizeof want, "doc %zu", k + 1);
                FUZZ_CHECK(strcmp(id, want) == 0);
            } else if (json_is_string(given)) {
                FUZZ_CHECK(id == json_string_value(given));
            }
        }
    }
    jsonl_cluster_free(&c);
    jsonl_cluster_free(&d);
    FUZZ_CHECK(c.root == NULL && c.id == NULL && c.docs == NULL && c.n_docs == 0);
}

/* Splits text into lines as the CLI's line reader does ('\n' ends a line, its CR stays) and gives
 * each non-blank one to the parser, named "in.jsonl:N". */
static void fuzz_lines(const char *text, size_t len,
                       void (*parse)(const char *where, const char *line, size_t len)) {
    size_t pos = 0, number = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t l = nl ? (size_t)(nl - (text + pos)) : len - pos;
        number++;
        if (!ars_text_is_blank(text + pos, l)) {
            char where[32];
            snprintf(where, sizeof where, "in.jsonl:%zu", number);
            parse(where, text + pos, l);
        }
        pos += l + 1;
    }
}

/* The sink of fuzz_inputs: checks each article as the library would and digests it. */
static ars_status fuzz_take(void *ctx, const inputs_article *a, ars_error *err) {
    test_digest *d = ctx;
    FUZZ_CHECK(fuzz_utf8(a->bytes, a->len) && !ars_text_is_blank(a->bytes, a->len));
    ars_status st = ars_text_check(a->name, a->bytes, a->len, NULL, err);
    FUZZ_CHECK(st == ARS_OK);
    test_digest_add(d, a->name, strlen(a->name));
    test_digest_add(d, a->bytes, a->len);
    test_digest_add(d, &a->info.time, sizeof a->info.time);
    d->n++;
    return ARS_OK;
}

/* The file fuzz_inputs writes each input to, removed when the process ends. */
static char fuzz_path[64];

static void fuzz_remove_path(void) {
    unlink(fuzz_path);
}

/* The bytes as a .jsonl file read by inputs_read, on 1 and on 3 threads (see the top). */
static void fuzz_inputs(unsigned flags, const char *bytes, size_t len) {
    char *path = fuzz_path;
    if (!path[0]) {
        const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
        snprintf(path, sizeof fuzz_path, "%s/fuzz-jsonl-XXXXXX", dir);
        int fd = mkstemp(path);
        FUZZ_CHECK(fd >= 0);
        close(fd);
        atexit(fuzz_remove_path);
    }
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f && fwrite(bytes, 1, len, f) == len && fclose(f) == 0);
    char *paths[] = {path};
    test_digest first = TEST_DIGEST_INIT;
    inputs_report first_rep = {0, 0, 0};
    ars_error first_err = {ARS_OK, ""};
    ars_status first_st = ARS_OK;
    const size_t threads[] = {1, 3};
    for (size_t t = 0; t < 2; t++) {
        inputs_config cfg = {INPUTS_JSONL,        NULL, 0,         NULL, (flags >> 3) & 1, 1,
                             flags & 16 ? 64 : 0, NULL, threads[t]};
        test_digest d = TEST_DIGEST_INIT;
        inputs_report rep = {0, 0, 0};
        ars_error err = {ARS_OK, ""};
        ars_status st = inputs_read(&cfg, paths, 1, fuzz_take, &d, &rep, &err);
        FUZZ_CHECK(st == ARS_OK || st == ARS_ENOMEM ||
                   (cfg.strict && (st == ARS_EUTF8 || st == ARS_ELIMIT || st == ARS_EEMPTY)));
        FUZZ_CHECK(rep.n_articles == d.n);
        if (!cfg.strict) FUZZ_CHECK(st != ARS_OK || rep.n_skipped + d.n <= len + 1);
        if (t == 0) {
            first = d;
            first_rep = rep;
            first_err = err;
            first_st = st;
            continue;
        }
        FUZZ_CHECK(st == first_st && d.hash == first.hash && d.n == first.n);
        FUZZ_CHECK(rep.n_skipped == first_rep.n_skipped && rep.n_bytes == first_rep.n_bytes);
        FUZZ_CHECK(strcmp(err.message, first_err.message) == 0);
    }
}

static void fuzz_time(const char *s) {
    int64_t t = 0, t2 = 1;
    int ok = timeparse(s, &t);
    FUZZ_CHECK(ok == timeparse(s, &t2));
    if (!ok) return;
    FUZZ_CHECK(t == t2);
    fuzz_check_time_format(t);
}

/* bytes converted from `from` to UTF-8 and back to `from` with iconv directly: the bytes
 * themselves (the conversions are one-to-one on what they accept). */
static void fuzz_check_round_trip(const char *from, const char *utf8, size_t utf8_len,
                                  const char *bytes, size_t len) {
    iconv_t cd = iconv_open(from, "UTF-8");
    FUZZ_CHECK(cd != (iconv_t)-1);
    size_t cap = len + 16;
    char *back = malloc(cap), *o = back, *in = (char *)utf8;
    size_t in_left = utf8_len, o_left = cap;
    FUZZ_CHECK(back != NULL);
    FUZZ_CHECK(iconv(cd, &in, &in_left, &o, &o_left) != (size_t)-1 && in_left == 0);
    FUZZ_CHECK(iconv(cd, NULL, NULL, &o, &o_left) != (size_t)-1);
    FUZZ_CHECK((size_t)(o - back) == len && memcmp(back, bytes, len) == 0);
    free(back);
    iconv_close(cd);
}

static void fuzz_encoding(unsigned pick, const char *bytes, size_t len) {
    static const char *const named[] = {"CP1256", "ISO-8859-6", "UTF-16LE", "UTF-16BE"};
    const char *guess = encoding_guess(bytes, len);
    FUZZ_CHECK(fuzz_same(guess, encoding_guess(bytes, len)));
    int known = !guess;
    for (size_t k = 0; k < 4; k++)
        known |= guess && strcmp(guess, named[k]) == 0;
    FUZZ_CHECK(known);
    /* `summarize --encoding auto` converts from the guess, --encoding NAME from NAME */
    const char *from = pick < 4 ? guess : named[pick & 3];
    if (!from) return;
    char *out = NULL;
    size_t out_len = 0;
    ars_error err = {ARS_OK, ""};
    ars_status st = encoding_to_utf8("in.txt", from, bytes, len, &out, &out_len, &err);
    if (st != ARS_OK) {
        FUZZ_CHECK(st == ARS_EUTF8 || st == ARS_ENOMEM);
        FUZZ_CHECK(out == NULL && out_len == 0);
        fuzz_check_message(&err, st, "in.txt");
        if (st == ARS_EUTF8) {
            size_t at = SIZE_MAX;
            char label[32] = "";
            FUZZ_CHECK(sscanf(err.message, "in.txt: byte %zu: not valid %31s", &at, label) == 2);
            FUZZ_CHECK(at <= len && strcmp(label, encoding_label(from)) == 0);
        }
        return;
    }
    FUZZ_CHECK(out && out[out_len] == '\0');
    /* UTF-8 throughout; a NUL only where the input held a zero byte (ars_text_check refuses NUL,
     * so each run between NULs is checked) */
    size_t start = 0;
    for (size_t i = 0; i <= out_len; i++) {
        if (i < out_len && out[i] != '\0') continue;
        FUZZ_CHECK(fuzz_utf8(out + start, i - start));
        if (i < out_len) FUZZ_CHECK(memchr(bytes, 0, len) != NULL);
        start = i + 1;
    }
    fuzz_check_round_trip(from, out, out_len, bytes, len);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const char *rest = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] & 3) {
    case 0:
        if (data[0] & 0x80)
            fuzz_inputs(data[0], rest, len);
        else
            fuzz_lines(rest, len, fuzz_article);
        break;
    case 1:
        fuzz_lines(rest, len, fuzz_cluster);
        break;
    case 2: {
        char *s = malloc(len + 1);
        FUZZ_CHECK(s != NULL);
        memcpy(s, rest, len);
        s[len] = '\0';
        fuzz_time(s);
        free(s);
        break;
    }
    default:
        fuzz_encoding((data[0] >> 2) & 7u, rest, len);
        break;
    }
    return 0;
}
