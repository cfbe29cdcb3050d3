/* date.c -- calendar dates; see date.h. */
#include "date.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <time.h>

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"};
static const char *const weekday_names[7] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* Match s[0..n) (a trailing period ignored) against a full name or a prefix
 * of it at least 3 letters long -- "Nov", "Sept", "Weds" aside, news uses
 * either the full name or its first three or four letters. */
static int name_index(const char *s, size_t n, const char *const *names, int count) {
    if (n && s[n - 1] == '.') n--;
    if (n < 3 || n > 9) return -1;
    /* lower-case once, then compare; the first letter rules out most names */
    char low[10];
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        else if (c < 'a' || c > 'z') return -1;
        low[i] = c;
    }
    for (int i = 0; i < count; i++) {
        if (names[i][0] != low[0]) continue;
        size_t len = strlen(names[i]);
        if (n <= len && memcmp(low, names[i], n) == 0) return i;
    }
    if (n == 4 && !memcmp(low, "weds", 4)) return 2;
    if (n == 5 && !memcmp(low, "thurs", 5)) return 3;
    if (n == 4 && !memcmp(low, "tues", 4)) return 1;
    return -1;
}

int dl_month_from_name(const char *s, size_t n) {
    int i = name_index(s, n, month_names, 12);
    return i < 0 ? 0 : i + 1;
}

int dl_weekday_from_name(const char *s, size_t n) {
    return name_index(s, n, weekday_names, 7);
}

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
