/* stemmer_without_arabic.c - a stand-in for a libstemmer built without the Snowball Arabic
 * algorithm, preloaded (LD_PRELOAD) in front of the real one by run_without_arabic.sh so that the
 * installed-style `summarize` program meets it through the shared library. Only the two calls that
 * decide are replaced: the list of algorithms lacks "arabic", and creating a stemmer fails. */
#include <stddef.h>

struct sb_stemmer;

const char **sb_stemmer_list(void);
struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc);

static const char *fake_algorithms[] = {"english", "french", NULL};

const char **sb_stemmer_list(void) {
    return fake_algorithms;
}

struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc) {
    (void)algorithm;
    (void)charenc;
    return NULL;
}
