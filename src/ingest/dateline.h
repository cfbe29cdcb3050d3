/* dateline.h -- the wire dateline at the head of an article.
 *
 *   LONDON, November 14 (DPA/EP) –       place, month, day, agencies
 *   WASHINGTON (Reuters) -               place, agency
 *   PARIS, Jan 3 (AFP) -                 place, month, day, agency
 *   BEIJING, March 3 (Xinhua) --
 *   SANTANDER, 1 (EUROPA PRESS)          place, day only
 *   KABUL, Afghanistan (AP) _            place with its country
 *   SALVADOR, Feb 26 -                   Reuters-21578 style, no agency
 *
 * dl_dateline_parse() only reads the text; the year is decided afterwards by
 * dl_dateline_resolve_year() from the publication date or from a weekday
 * named in the first sentences (see there).  `year_rule` records which rule
 * decided: "dateline" (a year written in it), "published", "weekday", "none".
 */
#ifndef DL_DATELINE_H
#define DL_DATELINE_H
#include <stddef.h>
#include "../util/date.h"

#define DL_MAX_AGENCIES 4

typedef struct dl_agency {
    char code[24];        /* as written, e.g. "DPA", "EP", "Reuters" */
    const char *name;     /* full name ("Deutsche Presse-Agentur"), NULL if unknown */
} dl_agency;

typedef struct dl_dateline {
    int found;
    size_t start, end;    /* byte span of the dateline incl. its separator */
    size_t place_start, place_end;   /* the place as written */
    char place[96];       /* display form: "London" for "LONDON" */
    char place_raw[96];   /* as written */
    char byline[96];      /* "By Jane Smith" on the line before the dateline, else "" */
    char region[64];      /* "Afghanistan" in "KABUL, Afghanistan (AP)"; "" if none */
    int month, day;       /* 0 when not given */
    int year;             /* a year written in the dateline ("Nov. 14, 2022"), else 0 */
    int nagencies;
    dl_agency agencies[DL_MAX_AGENCIES];
    dl_date date;         /* full date once the year is known (y == 0 if not) */
    const char *year_rule;/* "dateline", "published", "weekday", "none" */
} dl_dateline;

/* Parse the dateline at text[0..n) (leading spaces allowed). Returns found. */
int dl_dateline_parse(const char *text, size_t n, dl_dateline *d);

/* Decide the year.  pub: the publication date (y == 0 if unknown).
 * lead/lead_len: the first sentences of the story, searched for a weekday
 * name.  today: the latest year allowed for the weekday rule. */
void dl_dateline_resolve_year(dl_dateline *d, dl_date pub, const char *lead, size_t lead_len, dl_date today);

/* Full name of a news agency code ("AFP" -> "Agence France-Presse"), or NULL. */
const char *dl_agency_name(const char *code, size_t n);

#endif
