/* display.h - the printed form of a sentence (ars_sentence.text): its original bytes made safe to
 * print on one line. Used by the driver when it publishes a run's results (summarizer.c), so text
 * and JSON output and every API user see the same string. */
#ifndef ARS_OUTPUT_DISPLAY_H
#define ARS_OUTPUT_DISPLAY_H

#include <stddef.h>

/* Writes the printed form of src[0..len) to dst (room for len + 1 bytes) and returns its length
 * (dst is NUL-terminated):
 *   - a run of white space that holds anything but plain spaces (a line break of any kind: LF,
 *     CR, VT, FF, NEL, U+2028, U+2029; or a tab) becomes one space, so a sentence is one line;
 *     a run of plain spaces is kept as it is;
 *   - other control characters (C0, DEL, C1: an escape sequence's ESC, BEL) are dropped, so an
 *     article cannot drive the terminal it is printed on;
 *   - spaces left at either end by the above are trimmed;
 *   - a hashtag of Arabic words, as news sites write names and topics inline ("اتهم #البيت_الأبيض
 *     #الصين"), is printed as its words ("اتهم البيت الأبيض الصين"): the '#' is dropped and each
 *     run of underscores between two words becomes one space (display.c says when a '#' opens
 *     one). A hashtag of Latin letters ("#MeToo") and one that is the subject ("أطلقوا هاشتاغ
 *     #كم_فقدت") keep their marks. The words do not change, so neither does any score.
 * Everything else is copied byte for byte; src must be valid UTF-8 for the output to be. The
 * result is never longer than len. */
size_t display_fold(const char *src, size_t len, char *dst);

#endif
