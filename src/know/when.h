/* when.h -- dates in the article text, resolved against the article date.
 *
 * Absolute: `November 14`, `14 November 2022`, `Nov. 14, 2022`, `in
 * February`, `February 2021`, `in 2020`, `2022-11-14`.  Relative: `on
 * Monday`, `yesterday`, `today`, `tomorrow`, `last week`, `this month`,
 * `next year`, `three days ago`, `earlier this year`.
 *
 * A date without a year takes the article's year, moved one back when that
 * would put a past-tense statement in the future (an article of January
 * 2023 saying `had announced in December` means December 2022) and one
 * forward for a future statement (`will vote in January` written in
 * November).  A bare weekday is the last such day on or before the
 * article date, or the next one after it when the sentence speaks of the
 * future (`will`, `next`).  Without an article date, relative expressions
 * are kept with no date.
 */
#ifndef DL_WHEN_H
#define DL_WHEN_H
#include <stddef.h>
#include <stdint.h>
#include "../core/doc.h"

typedef enum dl_when_res {
    DL_WR_DAY = 1, DL_WR_WEEK, DL_WR_MONTH, DL_WR_YEAR
} dl_when_res;

typedef struct dl_when {
    uint32_t start, end;
    uint32_t sent;
    dl_date date;               /* y == 0 when it could not be resolved */
    dl_when_res res;            /* what the expression gives: a day, a week (date = its Monday), ... */
    int relative;               /* needed the article date */
} dl_when;

typedef struct dl_when_set {
    dl_when *v;
    size_t n;
} dl_when_set;

/* The words dl_month_from_name() or dl_weekday_from_name() read as
 * names (prefixes of three letters or more, "Weds", "Thurs", "Tues"),
 * lower case, NULL-terminated: DL_KW_MONTH_DAY in words.h. */
extern const char *const dl_when_month_day_words[];

/* Find the dates of doc, resolved against ref (usually doc->date). */
void dl_when_find(dl_doc *doc, dl_date ref, dl_when_set *out);

#endif
