/* clash.c - a user's own functions that happen to bear the names of libsummarize internals.
 * Linked into the installed-package examples (tests/install/run.sh): with a static libsummarize
 * whose internal symbols were still global the link would fail with "multiple definition", and
 * with one that bound its internal calls to these, the summary would go wrong. */
#include <stddef.h>

int tokenize(const char *s);
int vocab_new(void);
int error_set(int code);
int stemmer_new(int kind);
int clean_documents(void);

int tokenize(const char *s) {
    return s ? s[0] : 0;
}

int vocab_new(void) {
    return 42;
}

int error_set(int code) {
    return -code;
}

int stemmer_new(int kind) {
    return kind + 1;
}

int clean_documents(void) {
    return 7;
}
