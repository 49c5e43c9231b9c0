/* optsize.h - the versioned options structs of the public API (ars_options,
 * ars_briefing_options): each begins with `size_t struct_size`, and later versions only append
 * fields, so a program built against an older header passes a smaller struct. */
#ifndef ARS_COMMON_OPTSIZE_H
#define ARS_COMMON_OPTSIZE_H

#include <stddef.h>

/* Fills a caller's options struct of struct_size bytes from the library's defaults (size bytes):
 * the fields both know are copied, bytes past the library's struct are zeroed (fields this
 * version does not know, which the constructors then refuse), and struct_size is recorded when
 * the caller's struct has room for it. */
void optsize_init(void *opts, const void *defaults, size_t size, size_t struct_size);

#endif
