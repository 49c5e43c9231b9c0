/* fileread.h - reading a whole file into a buffer the caller keeps between files. The library's
 * ars_file_read is one such read into a new buffer; the command line reads a folder of articles
 * into one buffer it hands to the summarizer (which copies what it keeps), opening each file
 * relative to its folder. Part of summarize/common, linked by the library and by summarize/cli
 * (like error.c). */
#ifndef ARS_COMMON_FILEREAD_H
#define ARS_COMMON_FILEREAD_H

#include <stddef.h>

#include "summarize/summarize.h"

/* Reads the file `name`, opened relative to the folder open as dirfd (AT_FDCWD: the working
 * folder, and any absolute name), or standard input when name is "-", into *buf: *cap bytes from
 * malloc (NULL and 0 at first), grown with realloc when the file needs more and left to the
 * caller for the next read and to free. On ARS_OK *len bytes followed by a NUL. `path` names the
 * file in messages. A folder is refused (below); *is_dir (when not NULL) tells a caller that
 * reads folders too that the name is one, without a second look-up of the name. Statuses and
 * messages as ars_file_read: ARS_EIO "PATH: <strerror>" (a folder is refused), ARS_ELIMIT past
 * max_bytes (0: no limit), ARS_ENOMEM. */
ars_status fileread_at(int dirfd, const char *name, const char *path, size_t max_bytes, char **buf,
                       size_t *cap, size_t *len, int *is_dir, ars_error *err);

#endif
