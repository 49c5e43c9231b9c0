/* optsize.c - see optsize.h. */
#include "summarize/common/optsize.h"

#include <string.h>

void optsize_init(void *opts, const void *defaults, size_t size, size_t struct_size) {
    if (struct_size > size) memset((char *)opts + size, 0, struct_size - size);
    memcpy(opts, defaults, struct_size < size ? struct_size : size);
    if (struct_size >= sizeof struct_size) memcpy(opts, &struct_size, sizeof struct_size);
}
