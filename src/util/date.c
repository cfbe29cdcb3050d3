/* date.c -- calendar dates; see date.h. */
#include "date.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <time.h>

/* Match s[0..n) (a trailing period ignored) against a full name or a prefix
 * of it at least 3 letters long -- "Nov", "Sept", "Weds" aside, news uses
 * either the full name or its first three or four letters.  Called for
 * every capitalised word by the place, count and date finders, so the
 * first letter picks the candidate names (a switch, no loop over the
 * twelve) and letters are lower-cased while comparing, not copied. */
static int lc(char c) { return c >= 'A' && c <= 'Z' ? c + 32 : (unsigned char)c; }

/* s[0..n) lower-cased is a prefix of name[0..len); s[0] already matched. */
static int prefix_of(const char *s, size_t n, const char *name, size_t len) {
    if (n > len) return 0;
    for (size_t i = 1; i < n; i++)
        if (lc(s[i]) != (unsigned char)name[i]) return 0;
    return 1;
}

/* "Weds", "Thurs", "Tues": weekday indexes.  They are tried for month
 * names too, as they always were (dl_month_from_name("Tues") is 2), so
 * that datelines parse as before. */
static int odd_abbrev(const char *s, size_t n) {
    int c = lc(s[0]);
    if (c == 'w' && n == 4 && prefix_of(s, n, "weds", 4)) return 2;
    if (c == 't' && n == 5 && prefix_of(s, n, "thurs", 5)) return 3;
    if (c == 't' && n == 4 && prefix_of(s, n, "tues", 4)) return 1;
    return -1;
}

#define TRY(name, index) if (prefix_of(s, n, name, sizeof name - 1)) return index

int dl_month_from_name(const char *s, size_t n) {
    if (n && s[n - 1] == '.') n--;
    if (n < 3 || n > 9) return 0;
    switch (lc(s[0])) {
    case 'j': TRY("january", 1); TRY("june", 6); TRY("july", 7); return 0;
    case 'f': TRY("february", 2); return 0;
    case 'm': TRY("march", 3); TRY("may", 5); return 0;
    case 'a': TRY("april", 4); TRY("august", 8); return 0;
    case 's': TRY("september", 9); return 0;
    case 'o': TRY("october", 10); return 0;
    case 'n': TRY("november", 11); return 0;
    case 'd': TRY("december", 12); return 0;
    default: return 0;   /* "Tues", "Thurs", "Weds" are weekdays, not months */
    }
}

int dl_weekday_from_name(const char *s, size_t n) {
    if (n && s[n - 1] == '.') n--;
    if (n < 3 || n > 9) return -1;
    switch (lc(s[0])) {
    case 'm': TRY("monday", 0); return -1;
    case 't': TRY("tuesday", 1); TRY("thursday", 3); return odd_abbrev(s, n);
    case 'w': TRY("wednesday", 2); return odd_abbrev(s, n);
    case 'f': TRY("friday", 4); return -1;
    case 's': TRY("saturday", 5); TRY("sunday", 6); return -1;
    default: return -1;
    }
}

#undef TRY

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dl_days_in_month(int y, int m) {
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int dl_date_valid(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dl_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long dl_days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

dl_date dl_civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    dl_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

int dl_weekday(int y, int m, int d) {
    long z = dl_days_from_civil(y, m, d);
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int dl_date_cmp(dl_date a, dl_date b) {
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

void dl_date_format(dl_date d, char out[11]) {
    if (d.y <= 0) out[0] = 0;
    else if (d.m <= 0) snprintf(out, 11, "%04d", d.y % 10000);
    else if (d.d <= 0) snprintf(out, 11, "%04d-%02d", d.y % 10000, d.m % 100);
    else snprintf(out, 11, "%04d-%02d-%02d", d.y % 10000, d.m % 100, d.d % 100);
}

/* ---- parsing ---- */

typedef struct { const char *p, *e; } cursor;

static void skip_sep(cursor *c) {
    while (c->p < c->e && (isspace((unsigned char)*c->p) || *c->p == ',')) c->p++;
}

/* Read up to maxd digits; returns the value or -1, and the count in *nd. */
static int read_num(cursor *c, int maxd, int *nd) {
    int v = 0, k = 0;
    while (c->p < c->e && k < maxd && isdigit((unsigned char)*c->p)) {
        v = v * 10 + (*c->p - '0');
        c->p++;
        k++;
    }
    if (nd) *nd = k;
    return k ? v : -1;
}

static size_t word_len(const char *p, const char *e) {
    const char *q = p;
    while (q < e && isalpha((unsigned char)*q)) q++;
    if (q < e && *q == '.' && q > p) q++;
    return (size_t)(q - p);
}

static int full(dl_date *out, int y, int m, int d) {
    if (y >= 0 && y < 100) y += y < 50 ? 2000 : 1900;  /* two-digit years */
    if (!dl_date_valid(y, m, d)) return 0;
    out->y = y, out->m = m, out->d = d;
    return 1;
}

int dl_date_parse(const char *s, size_t n, dl_date *out) {
    cursor c = {s, s + n};
    skip_sep(&c);
    /* Optional leading weekday: "Mon, 14 Nov 2022", "Monday, November 14, 2022". */
    size_t wl = word_len(c.p, c.e);
    if (wl && dl_weekday_from_name(c.p, wl) >= 0) {
        c.p += wl;
        skip_sep(&c);
    }
    int nd;
    const char *start = c.p;
    int a = read_num(&c, 8, &nd);
    if (a >= 0) {
        if (nd == 8 && (c.p == c.e || !isdigit((unsigned char)*c.p)))   /* 20221114 */
            return full(out, a / 10000, a / 100 % 100, a % 100);
        if (nd == 4 && c.p < c.e && (*c.p == '-' || *c.p == '/' || *c.p == '.')) {  /* 2022-11-14 */
            char sep = *c.p++;
            int m = read_num(&c, 2, NULL);
            if (m < 0 || c.p >= c.e || *c.p != sep) return 0;
            c.p++;
            int d = read_num(&c, 2, NULL);
            return d >= 0 && full(out, a, m, d);
        }
        if (nd <= 2) {                     /* 14 Nov 2022, 14-NOV-2022, 14/11/2022 */
            const char *q = c.p;
            if (q < c.e && (*q == '-' || *q == ' ' || *q == '/' || *q == '.')) q++;
            cursor c2 = {q, c.e};
            skip_sep(&c2);
            size_t ml = word_len(c2.p, c2.e);
            int m = ml ? dl_month_from_name(c2.p, ml) : 0;
            if (m) {
                c2.p += ml;
                if (c2.p < c2.e && (*c2.p == '-' || *c2.p == '/')) c2.p++;
                skip_sep(&c2);
                int y = read_num(&c2, 4, &nd);
                return y >= 0 && (nd == 4 || nd == 2) && full(out, y, m, a);
            }
            /* numeric d/m/y is ambiguous with m/d/y: accept only when one
             * reading is impossible, and prefer day-first as most of the
             * world's press does. */
            if (c2.p < c2.e && isdigit((unsigned char)*c2.p)) {
                int b = read_num(&c2, 2, NULL);
                if (c2.p < c2.e && (*c2.p == '/' || *c2.p == '.' || *c2.p == '-')) c2.p++;
                int y = read_num(&c2, 4, &nd);
                if (b < 0 || y < 0 || nd != 4) return 0;
                if (b > 12) return full(out, y, a, b);
                return full(out, y, b, a);
            }
        }
        (void)start;
        return 0;
    }
    /* November 14, 2022 / Nov. 14 2022 / November 2022 is not a full date. */
    size_t ml = word_len(c.p, c.e);
    int m = ml ? dl_month_from_name(c.p, ml) : 0;
    if (!m) return 0;
    c.p += ml;
    skip_sep(&c);
    int d = read_num(&c, 2, NULL);
    if (d < 0) return 0;
    while (c.p < c.e && isalpha((unsigned char)*c.p)) c.p++;   /* 14th */
    skip_sep(&c);
    int y = read_num(&c, 4, &nd);
    return y >= 0 && nd == 4 && full(out, y, m, d);
}

dl_date dl_date_today(void) {
    dl_date r = {0, 0, 0};
    const char *env = getenv("DATELINE_TODAY");
    if (env && *env && dl_date_parse(env, strlen(env), &r)) return r;
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    r.y = tm.tm_year + 1900;
    r.m = tm.tm_mon + 1;
    r.d = tm.tm_mday;
    return r;
}
