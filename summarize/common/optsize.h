/* optsize.h - the versioned options structs of the public API (ars_options,
 * ars_briefing_options): each begins with `size_t struct_size`, and later versions only append
 * fields, so a program built against an older header passes a smaller struct. */
#ifndef ARS_COMMON_OPTSIZE_H
#define ARS_COMMON_OPTSIZE_H

#include <stddef.h>

#include "summarize/summarize.h"

/* Fills a caller's options struct of struct_size bytes from the library's defaults (size bytes):
 * the fields both know are copied, bytes past the library's struct are zeroed (fields this
 * version does not know, which the constructors then refuse), and struct_size is recorded when
 * the caller's struct has room for it. */
void optsize_init(void *opts, const void *defaults, size_t size, size_t struct_size);

/* Takes a caller's options struct `in` (NULL: the defaults already in out stay) over the defaults
 * in out (size bytes): the fields the caller's header knows, and struct_size set to size. A
 * struct_size below v1_size was not set by the init function `init` ("WHAT not filled by
 * INIT()"), one above size comes from a newer header: both are ARS_EARG. */
ars_status optsize_take(void *out, size_t size, const void *in, size_t v1_size, const char *what,
                        const char *init, ars_error *err);

#endif
