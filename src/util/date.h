/* date.h -- calendar dates: parsing the many ways news writes them, weekday
 * arithmetic, formatting.  Proleptic Gregorian; no time zones (a news date
 * is a calendar day as the publisher saw it).
 */
#ifndef DL_DATE_H
#define DL_DATE_H
#include <stddef.h>

typedef struct dl_date {
    int y, m, d;   /* y == 0: unknown; m or d == 0: not given */
} dl_date;

/* Parse a publication date: ISO 8601 ("2022-11-14", "2022-11-14T10:00:00Z"),
 * RFC 2822 ("Mon, 14 Nov 2022 10:00:00 GMT"), "14 November 2022",
 * "November 14, 2022", "14-NOV-2022 ..." (Reuters-21578), "2022/11/14",
 * "20221114".  Returns 1 and fills *out on success. */
int dl_date_parse(const char *s, size_t n, dl_date *out);

/* Month from its name or abbreviation ("Nov", "November", "Sept."), 1..12, or 0. */
int dl_month_from_name(const char *s, size_t n);
/* Weekday from its name ("Monday", "Mon"), 0 = Monday .. 6 = Sunday, or -1. */
int dl_weekday_from_name(const char *s, size_t n);
/* Weekday of a full date, 0 = Monday. */
int dl_weekday(int y, int m, int d);
int dl_days_in_month(int y, int m);
int dl_date_valid(int y, int m, int d);
/* Days since 1970-01-01 (may be negative), and back. */
long dl_days_from_civil(int y, int m, int d);
dl_date dl_civil_from_days(long z);
/* Compare two full dates: <0, 0, >0. */
int dl_date_cmp(dl_date a, dl_date b);
/* "YYYY-MM-DD", "YYYY-MM" or "YYYY" depending on what is known; "" if y == 0. */
void dl_date_format(dl_date d, char out[11]);
/* Today's date from the system clock, or from $DATELINE_TODAY (YYYY-MM-DD),
 * which tests use to make the weekday rule repeatable. */
dl_date dl_date_today(void);

#endif
