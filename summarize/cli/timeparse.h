/* timeparse.h - the publication times of JSONL articles ("time" field) as seconds since the
 * epoch: RFC 2822 dates as news feeds write them ("Tue, 10 Apr 2018 13:08:10 GMT", "+0400"),
 * ISO 8601 ("2018-04-10T13:08:10Z", "2018-04-10 13:08:10+02:00", "2018-04-10"), or a number of
 * seconds. Locale-free, hand-written (strptime depends on the locale). Part of the CLI-side unit
 * summarize/cli. */
#ifndef ARS_CLI_TIMEPARSE_H
#define ARS_CLI_TIMEPARSE_H

#include <stdint.h>

/* Parses s; returns 1 and sets *out (UTC seconds since 1970-01-01) or returns 0 when s is none
 * of the forms above or names an impossible date. A time without a zone is taken as UTC. */
int timeparse(const char *s, int64_t *out);

/* Formats t as ISO 8601 UTC ("2018-04-10T13:08:10Z") into buf (at least 21 bytes). Any t is
 * accepted: times before year 0000 or after 9999 print as 0000-01-01T00:00:00Z or
 * 9999-12-31T23:59:59Z. */
void timeparse_format(int64_t t, char buf[21]);

#endif
