/* timeparse.c - article times (see timeparse.h). Civil dates convert to days with the usual
 * proleptic Gregorian arithmetic (days from 1970-01-01 of year/month/day), so no libc time
 * function with a hidden time zone or locale is involved. */
#include "summarize/cli/timeparse.h"

#include <string.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), valid for any year. */
static int64_t timeparse_days(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int timeparse_leap(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int timeparse_valid(int64_t y, int m, int d, int hh, int mm, int ss) {
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    if (d > mdays[m - 1] + (m == 2 && timeparse_leap(y))) return 0;
    return hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59 && ss >= 0 && ss <= 60;
}

/* Reads exactly n digits at *p. */
static int timeparse_digits(const char **p, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    *p += n;
    *out = v;
    return 1;
}

/* 1 or 2 digits. */
static int timeparse_day(const char **p, int *out) {
    if (!timeparse_digits(p, 1, out)) return 0;
    int more;
    const char *q = *p;
    if (timeparse_digits(&q, 1, &more)) {
        *out = *out * 10 + more;
        *p = q;
    }
    return 1;
}

/* A zone: Z, UT, GMT, UTC, +hhmm, +hh:mm, -hhmm, or nothing (UTC). Sets the offset in seconds
 * east of UTC; the rest of the string must be empty. */
static int timeparse_zone(const char *p, int64_t *offset) {
    *offset = 0;
    while (*p == ' ')
        p++;
    if (*p == '\0' || strcmp(p, "Z") == 0 || strcmp(p, "UT") == 0 || strcmp(p, "GMT") == 0 ||
        strcmp(p, "UTC") == 0)
        return 1;
    if (*p != '+' && *p != '-') return 0;
    int sign = *p == '-' ? -1 : 1, hh, mm;
    p++;
    if (!timeparse_digits(&p, 2, &hh)) return 0;
    if (*p == ':') p++;
    if (!timeparse_digits(&p, 2, &mm) || *p != '\0' || hh > 23 || mm > 59) return 0;
    *offset = sign * (int64_t)(hh * 3600 + mm * 60);
    return 1;
}

static int timeparse_finish(int64_t y, int m, int d, int hh, int mi, int ss, const char *zone,
                            int64_t *out) {
    int64_t off;
    if (!timeparse_valid(y, m, d, hh, mi, ss) || !timeparse_zone(zone, &off)) return 0;
    *out = timeparse_days(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss - off;
    return 1;
}

/* "[Day, ]DD Mon YYYY HH:MM[:SS] ZONE" */
static int timeparse_rfc2822(const char *p, int64_t *out) {
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *comma = strchr(p, ',');
    if (comma) p = comma + 1;
    while (*p == ' ')
        p++;
    int d, y, hh, mi, ss = 0, m = 0;
    if (!timeparse_day(&p, &d) || *p++ != ' ') return 0;
    for (int k = 0; k < 12; k++)
        if (strncmp(p, months + 3 * k, 3) == 0) m = k + 1;
    if (!m || p[3] != ' ') return 0;
    p += 4;
    if (!timeparse_digits(&p, 4, &y) || *p++ != ' ') return 0;
    if (!timeparse_digits(&p, 2, &hh) || *p++ != ':' || !timeparse_digits(&p, 2, &mi)) return 0;
    if (*p == ':' && (p++, !timeparse_digits(&p, 2, &ss))) return 0;
    return timeparse_finish(y, m, d, hh, mi, ss, p, out);
}

/* "YYYY-MM-DD[(T| )HH:MM[:SS[.frac]]][ZONE]" */
static int timeparse_iso(const char *p, int64_t *out) {
    int y, m, d, hh = 0, mi = 0, ss = 0;
    if (!timeparse_digits(&p, 4, &y) || *p++ != '-' || !timeparse_digits(&p, 2, &m) ||
        *p++ != '-' || !timeparse_digits(&p, 2, &d))
        return 0;
    if (*p == 'T' || (*p == ' ' && p[1] >= '0' && p[1] <= '9')) {
        p++;
        if (!timeparse_digits(&p, 2, &hh) || *p++ != ':' || !timeparse_digits(&p, 2, &mi)) return 0;
        if (*p == ':' && (p++, !timeparse_digits(&p, 2, &ss))) return 0;
        if (*p == '.' || *p == ',') {
            p++;
            if (*p < '0' || *p > '9') return 0;
            while (*p >= '0' && *p <= '9')
                p++;
        }
    }
    return timeparse_finish(y, m, d, hh, mi, ss, p, out);
}

/* A whole number of seconds, optionally negative. */
static int timeparse_seconds(const char *p, int64_t *out) {
    int neg = *p == '-';
    if (neg) p++;
    if (*p == '\0' || strlen(p) > 15) return 0;
    int64_t v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        v = v * 10 + (*p - '0');
    }
    *out = neg ? -v : v;
    return 1;
}

int timeparse(const char *s, int64_t *out) {
    if (!s) return 0;
    while (*s == ' ')
        s++;
    int64_t t;
    if (!(timeparse_seconds(s, &t) || timeparse_iso(s, &t) || timeparse_rfc2822(s, &t))) return 0;
    *out = t;
    return 1;
}

void timeparse_format(int64_t t, char buf[21]) {
    /* A JSON "time" may be any 64-bit number: outside the four-digit years the arithmetic below
     * would overflow (-t of a time near INT64_MIN), and a clamped year alone would print a date
     * that never was, so such times print as the range's first or last second. */
    const int64_t first = -62167219200, last = 253402300799; /* 0000-01-01, 9999-12-31T23:59:59 */
    if (t < first) t = first;
    if (t > last) t = last;
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), secs = t - days * 86400;
    /* civil from days (the inverse of timeparse_days) */
    int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100),
            mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    const int64_t field[] = {y, m, d, secs / 3600, secs / 60 % 60, secs % 60};
    static const char seps[] = "--T::Z";
    char *p = buf;
    for (int k = 0; k < 6; k++) {
        int width = k == 0 ? 4 : 2;
        for (int i = width - 1; i >= 0; i--) {
            int64_t v = field[k];
            for (int j = 0; j < i; j++)
                v /= 10;
            *p++ = (char)('0' + v % 10);
        }
        *p++ = seps[k];
    }
    *p = '\0';
}
