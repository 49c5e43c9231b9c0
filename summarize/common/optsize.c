/* optsize.c - see optsize.h. */
#include "summarize/common/optsize.h"

#include <string.h>

#include "summarize/common/error.h"

void optsize_init(void *opts, const void *defaults, size_t size, size_t struct_size) {
    if (struct_size > size) memset((char *)opts + size, 0, struct_size - size);
    memcpy(opts, defaults, struct_size < size ? struct_size : size);
    if (struct_size >= sizeof struct_size) memcpy(opts, &struct_size, sizeof struct_size);
}

ars_status optsize_take(void *out, size_t size, const void *in, size_t v1_size, const char *what,
                        const char *init, ars_error *err) {
    if (!in) return ARS_OK;
    size_t struct_size;
    memcpy(&struct_size, in, sizeof struct_size);
    if (struct_size < v1_size) return error_set(err, ARS_EARG, "%s not filled by %s()", what, init);
    if (struct_size > size)
        return error_set(err, ARS_EARG,
                         "%s from a newer libsummarize header (%zu bytes; this library %s knows "
                         "%zu)",
                         what, struct_size, ARS_VERSION_STRING, size);
    memcpy(out, in, struct_size);
    memcpy(out, &size, sizeof size);
    return ARS_OK;
}
